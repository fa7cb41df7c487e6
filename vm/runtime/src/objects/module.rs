//! Module objects.

use crate::object::alloc::{alloc, drop_payload};
use crate::object::typeobj::LayoutOps;
use crate::object::{PyObject, PyRef};
use crate::objects::dict::PyDict;
use crate::vm::Vm;

#[repr(C)]
pub struct PyModule {
    pub ob: PyObject,
    pub dict: PyRef<PyDict>,
}
crate::payload!(PyModule, Module);

pub const MODULE_LAYOUT_OPS: LayoutOps = LayoutOps::fixed(drop_payload::<PyModule>);

impl Vm {
    /// A module named `name` with a fresh dict holding `__name__`, `__doc__`, `__package__`,
    /// `__loader__`, `__spec__`.
    pub fn new_module(&self, name: &str, dict: Option<PyRef<PyDict>>) -> PyRef<PyModule> {
        let dict = dict.unwrap_or_else(|| self.new_dict());
        dict.set_str(self.names.__name__.clone(), self.intern(name).into_object());
        dict.set_str(self.names.__doc__.clone(), self.none());
        dict.set_str(self.names.__package__.clone(), self.none());
        dict.set_str(self.names.__loader__.clone(), self.none());
        dict.set_str(self.names.__spec__.clone(), self.none());
        alloc(
            &self.types.module,
            PyModule {
                ob: crate::object::header(),
                dict,
            },
        )
    }
}
