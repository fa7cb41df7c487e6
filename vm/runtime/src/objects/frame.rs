//! Python-visible frame objects (`sys._getframe()`, `tb_frame`). While the frame runs the
//! object points at the interpreter frame; when the frame finishes while the object is
//! still referenced, the locals move into the object (CPython's `take_ownership`), so they
//! live exactly as long as in CPython.

use crate::eval::frame::Frame;
use crate::object::alloc::{alloc, drop_payload};
use crate::object::typeobj::LayoutOps;
use crate::object::{PyObject, PyRef, Slot};
use crate::objects::code::PyCode;
use crate::objects::dict::PyDict;
use crate::objects::function::Field;
use crate::vm::Vm;
use std::cell::Cell;

#[repr(C)]
pub struct PyFrameObject {
    pub ob: PyObject,
    /// The live interpreter frame, or null once it finished.
    pub frame: Cell<*mut Frame>,
    pub code: PyRef<PyCode>,
    pub globals: PyRef<PyDict>,
    pub lasti: Cell<usize>,
    /// Locals taken over when the frame finished.
    pub fast: Field<Vec<Slot>>,
    pub locals: Field<Slot>,
    pub back: Field<Slot>,
    /// `f_func`, taken over with the locals when the frame finished while the object was
    /// still referenced (CPython's frame object owns its `_PyInterpreterFrame` copy, whose
    /// `f_func` is a strong reference).
    pub func: Field<Slot>,
}
crate::payload!(PyFrameObject, Frame);
pub const FRAME_LAYOUT_OPS: LayoutOps = LayoutOps::fixed(drop_payload::<PyFrameObject>);

impl Vm {
    pub fn new_frame_object(&self, f: &mut Frame) -> Option<PyRef<PyFrameObject>> {
        let code = f.code.clone()?;
        let globals = f.globals.clone()?;
        // A function frame's `f_locals` dict stays the interpreter frame's while it runs
        // (the object reads it through `frame`) and moves here when the frame finishes.
        let locals = if code.flags & 0x1 != 0 {
            None
        } else {
            f.locals.clone()
        };
        Some(alloc(
            &self.types.frame,
            PyFrameObject {
                ob: crate::object::header(),
                frame: Cell::new(f as *mut Frame),
                code,
                globals,
                lasti: Cell::new(f.lasti),
                fast: Field::new(Vec::new()),
                locals: Field::new(locals),
                back: Field::new(None),
                func: Field::new(None),
            },
        ))
    }
}

impl PyFrameObject {
    pub fn lineno(&self) -> i32 {
        let f = self.frame.get();
        let lasti = if f.is_null() {
            self.lasti.get()
        } else {
            // SAFETY: non-null only while the interpreter frame is alive.
            unsafe { (*f).lasti }
        };
        self.code.addr2line(lasti).unwrap_or(self.code.firstlineno)
    }
}
