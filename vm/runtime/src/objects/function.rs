//! Python functions, bound methods and cells.

use crate::object::alloc::{alloc, drop_payload};
use crate::object::typeobj::LayoutOps;
use crate::object::{PyObject, PyRef, Slot};
use crate::objects::code::PyCode;
use crate::objects::dict::PyDict;
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;
use std::cell::UnsafeCell;

/// A field that Python code may reassign (`f.__defaults__ = ...`).
pub struct Field<T>(UnsafeCell<T>);

impl<T: Clone> Field<T> {
    pub fn new(v: T) -> Self {
        Field(UnsafeCell::new(v))
    }
    /// A clone of the value.
    pub fn get(&self) -> T {
        // SAFETY: single-threaded; the value is cloned out, no borrow escapes.
        unsafe { (*self.0.get()).clone() }
    }
    /// A borrow; must not be held across a `set` (callers use it for immediate reads).
    pub fn borrow(&self) -> &T {
        // SAFETY: see above.
        unsafe { &*self.0.get() }
    }
    /// Replaces the value; the old one is dropped after the store.
    pub fn set(&self, v: T) {
        // SAFETY: the old value is moved out before it is dropped.
        let old = unsafe { std::ptr::replace(self.0.get(), v) };
        drop(old);
    }
}

/// A Python function (`PyFunctionObject`).
#[repr(C)]
pub struct PyFunction {
    pub ob: PyObject,
    pub code: Field<PyRef<PyCode>>,
    pub globals: PyRef<PyDict>,
    pub builtins: PyRef<PyDict>,
    pub name: Field<PyRef<PyStr>>,
    pub qualname: Field<PyRef<PyStr>>,
    pub defaults: Field<Option<PyRef<PyTuple>>>,
    pub kwdefaults: Field<Option<PyRef<PyDict>>>,
    pub closure: Field<Option<PyRef<PyTuple>>>,
    pub doc: Field<PyRef>,
    pub module: Field<PyRef>,
    pub annotations: Field<Slot>,
}
crate::payload!(PyFunction, Function);

pub const FUNCTION_LAYOUT_OPS: LayoutOps = LayoutOps::fixed(drop_payload::<PyFunction>);

/// A bound method (`PyMethodObject`).
#[repr(C)]
pub struct PyMethod {
    pub ob: PyObject,
    pub func: PyRef,
    pub self_: PyRef,
}
crate::payload!(PyMethod, Method);

pub const METHOD_LAYOUT_OPS: LayoutOps = LayoutOps::fixed(drop_payload::<PyMethod>);

/// A cell (`PyCellObject`).
#[repr(C)]
pub struct PyCell {
    pub ob: PyObject,
    pub contents: Field<Slot>,
}
crate::payload!(PyCell, Cell);

pub const CELL_LAYOUT_OPS: LayoutOps = LayoutOps::fixed(drop_payload::<PyCell>);

impl Vm {
    pub fn new_method(&self, func: PyRef, self_: PyRef) -> PyRef {
        alloc(
            &self.types.method,
            PyMethod {
                ob: crate::object::header(),
                func,
                self_,
            },
        )
        .into_object()
    }
    pub fn new_cell(&self, v: Slot) -> PyRef<PyCell> {
        alloc(
            &self.types.cell,
            PyCell {
                ob: crate::object::header(),
                contents: Field::new(v),
            },
        )
    }
    /// `PyFunction_New`: name, qualname and `__module__` come from the code and globals.
    pub fn new_function(
        &self,
        code: PyRef<PyCode>,
        globals: PyRef<PyDict>,
        qualname: Option<PyRef<PyStr>>,
    ) -> PyRef<PyFunction> {
        let name = code.name.clone();
        let qualname = qualname.unwrap_or_else(|| code.qualname.clone());
        let doc = code
            .consts
            .first()
            .filter(|c| c.is_type(&self.types.str))
            .cloned()
            .unwrap_or_else(|| self.none());
        let module = globals
            .get_str(&self.names.__name__)
            .unwrap_or_else(|| self.none());
        let builtins = match globals.get_str(&self.names.__builtins__) {
            Some(b) => match b.downcast::<PyDict>() {
                Ok(d) => d,
                Err(m) => match m.downcast_ref::<crate::objects::module::PyModule>() {
                    Some(m) => m.dict.clone(),
                    None => self.builtins.clone(),
                },
            },
            None => self.builtins.clone(),
        };
        alloc(
            &self.types.function,
            PyFunction {
                ob: crate::object::header(),
                code: Field::new(code),
                globals,
                builtins,
                name: Field::new(name),
                qualname: Field::new(qualname),
                defaults: Field::new(None),
                kwdefaults: Field::new(None),
                closure: Field::new(None),
                doc: Field::new(doc),
                module: Field::new(module),
                annotations: Field::new(None),
            },
        )
    }
}

pub fn function_traverse(o: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(f) = o.downcast_ref::<PyFunction>() {
        visit(f.code.borrow().as_object());
        visit(f.globals.as_object());
        if let Some(d) = f.defaults.borrow() {
            visit(d.as_object());
        }
        if let Some(c) = f.closure.borrow() {
            visit(c.as_object());
        }
    }
}
