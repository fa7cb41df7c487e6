//! `PyErr`/`PyResult`: a raised exception travelling up Rust frames, and helpers that build
//! CPython's exceptions with CPython's messages.

use crate::object::{PyObject, PyRef, PyType};
use crate::objects::exceptions::PyBaseException;
use crate::vm::Vm;

/// A raised exception: always an instance of `BaseException` (or the VM's abort marker,
/// which no `except` clause can catch; see `Vm::abort`).
pub struct PyErr(pub PyRef<PyBaseException>);

pub type PyResult<T = PyRef> = Result<T, PyErr>;

impl PyErr {
    pub fn exc(&self) -> &PyRef<PyBaseException> {
        &self.0
    }
    pub fn into_object(self) -> PyRef {
        self.0.into_object()
    }
    pub fn type_(&self) -> &PyType {
        self.0.as_object().type_()
    }
    /// `isinstance(exc, t)`.
    pub fn matches(&self, t: &PyType) -> bool {
        self.type_().is_subtype(t)
    }
}

impl std::fmt::Debug for PyErr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PyErr({})", self.type_().name_str())
    }
}

macro_rules! err_ctors {
    ($($fn:ident => $field:ident),* $(,)?) => {
        impl Vm {
            $(
                pub fn $fn(&self, msg: impl Into<String>) -> PyErr {
                    self.new_exception_msg(&self.exc.$field, &msg.into())
                }
            )*
        }
    };
}

err_ctors! {
    new_type_error => type_error,
    new_value_error => value_error,
    new_index_error => index_error,
    new_key_error_msg => key_error,
    new_attribute_error => attribute_error,
    new_name_error => name_error,
    new_zero_division_error => zero_division_error,
    new_overflow_error => overflow_error,
    new_runtime_error => runtime_error,
    new_recursion_error => recursion_error,
    new_system_error => system_error,
    new_memory_error => memory_error,
    new_not_implemented_error => not_implemented_error,
    new_unbound_local_error => unbound_local_error,
    new_assertion_error => assertion_error,
    new_import_error => import_error,
    new_module_not_found_error => module_not_found_error,
    new_stop_iteration_msg => stop_iteration,
    new_lookup_error => lookup_error,
    new_unicode_error => unicode_error,
    new_os_error => os_error,
    new_eof_error => eof_error,
}

impl Vm {
    /// `PyErr_SetString(type, msg)`.
    pub fn new_exception_msg(&self, t: &PyRef<PyType>, msg: &str) -> PyErr {
        let s = self.new_str(msg);
        self.new_exception(t, vec![s])
    }

    /// An exception of type `t` with `args`, without calling Python-level `__init__`.
    pub fn new_exception(&self, t: &PyRef<PyType>, args: Vec<PyRef>) -> PyErr {
        PyErr(crate::objects::exceptions::new_base_exception(
            self, t, args,
        ))
    }

    /// `KeyError(key)`.
    pub fn new_key_error(&self, key: PyRef) -> PyErr {
        self.new_exception(&self.exc.key_error, vec![key])
    }

    /// `StopIteration(value)` (no args when `value` is None... CPython passes it anyway).
    pub fn new_stop_iteration(&self, value: Option<PyRef>) -> PyErr {
        let args = match value {
            Some(v) => vec![v],
            None => vec![],
        };
        self.new_exception(&self.exc.stop_iteration, args)
    }

    /// `TypeError: unsupported operand type(s) for +: 'int' and 'str'`.
    pub fn new_binop_type_error(&self, op: &str, a: &PyObject, b: &PyObject) -> PyErr {
        self.new_type_error(format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            op,
            a.type_().name_str(),
            b.type_().name_str()
        ))
    }

    /// The exception for a failed memory reservation of `bytes`.
    pub fn no_memory(&self) -> PyErr {
        self.new_exception(&self.exc.memory_error, vec![])
    }
}
