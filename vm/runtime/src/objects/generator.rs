//! Generator, coroutine and async-generator objects: each owns its suspended interpreter
//! frame (as 3.11's `gi_iframe`) and its own `exc_info` item.

use crate::eval::frame::Frame;
use crate::object::alloc::{alloc, drop_payload};
use crate::object::typeobj::LayoutOps;
use crate::object::{PyObject, PyRef, PyType, Slot};
use crate::objects::code::PyCode;
use crate::objects::function::Field;
use crate::objects::str::PyStr;
use crate::vm::Vm;
use std::cell::{Cell, UnsafeCell};

#[repr(C)]
pub struct PyGenerator {
    pub ob: PyObject,
    pub frame: UnsafeCell<Option<Box<Frame>>>,
    pub running: Cell<bool>,
    /// The frame has started (RESUME passed the initial point).
    pub started: Cell<bool>,
    pub name: Field<PyRef<PyStr>>,
    pub qualname: Field<PyRef<PyStr>>,
    pub code: PyRef<PyCode>,
    /// The generator's saved `exc_info` item.
    pub exc_state: Field<Slot>,
    /// Async generators only (`ag_closed`, `ag_running_async`, `ag_hooks_inited`,
    /// `ag_origin_or_finalizer`): see `objects/asyncgen.rs`.
    pub ag_closed: Cell<bool>,
    pub ag_running_async: Cell<bool>,
    pub ag_hooks_inited: Cell<bool>,
    pub ag_finalizer: Field<Slot>,
}
crate::payload!(PyGenerator, Generator);
pub const GEN_LAYOUT_OPS: LayoutOps = LayoutOps::fixed(drop_payload::<PyGenerator>);

impl PyGenerator {
    /// Takes the frame out to run it (None if finished or already running).
    pub fn take_frame(&self) -> Option<Box<Frame>> {
        // SAFETY: the Option is moved out; no borrow escapes.
        unsafe { (*self.frame.get()).take() }
    }
    pub fn put_frame(&self, f: Option<Box<Frame>>) {
        // SAFETY: the old value is dropped after the store.
        let old = unsafe { std::ptr::replace(self.frame.get(), f) };
        drop(old);
    }
    pub fn is_finished(&self) -> bool {
        // SAFETY: read-only peek.
        unsafe { (*self.frame.get()).is_none() && !self.running.get() }
    }
    pub fn frame_ref(&self) -> Option<&Frame> {
        // SAFETY: read-only; callers don't keep it across resumption.
        unsafe { (*self.frame.get()).as_deref() }
    }
}

impl Vm {
    pub fn new_generator(
        &self,
        t: &PyType,
        frame: Box<Frame>,
        code: PyRef<PyCode>,
        name: PyRef<PyStr>,
        qualname: PyRef<PyStr>,
    ) -> PyRef<PyGenerator> {
        alloc(
            t,
            PyGenerator {
                ob: crate::object::header(),
                frame: UnsafeCell::new(Some(frame)),
                running: Cell::new(false),
                started: Cell::new(false),
                name: Field::new(name),
                qualname: Field::new(qualname),
                code,
                exc_state: Field::new(None),
                ag_closed: Cell::new(false),
                ag_running_async: Cell::new(false),
                ag_hooks_inited: Cell::new(false),
                ag_finalizer: Field::new(None),
            },
        )
    }
}

impl Drop for PyGenerator {
    fn drop(&mut self) {
        if let Some(mut f) = self.frame.get_mut().take() {
            f.clear();
        }
    }
}

pub fn generator_traverse(o: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(g) = o.downcast_ref::<PyGenerator>() {
        if let Some(f) = g.frame_ref() {
            f.traverse(visit);
        }
        if let Some(fin) = g.ag_finalizer.borrow() {
            visit(fin);
        }
    }
}
