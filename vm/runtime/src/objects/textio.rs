//! `sys.stdin` / `sys.stdout` / `sys.stderr`: text streams over the run's captured output.

use crate::object::alloc::{alloc, drop_nothing};
use crate::object::typeobj::LayoutOps;
use crate::object::{PyObject, PyRef};
use crate::vm::Vm;

#[repr(C)]
pub struct PyTextIO {
    pub ob: PyObject,
    /// 0 = stdin (always at end of file), 1 = stdout, 2 = stderr.
    pub fd: u8,
}
crate::payload!(PyTextIO, TextIO);
pub const TEXTIO_LAYOUT_OPS: LayoutOps = LayoutOps::fixed(drop_nothing);

impl Vm {
    pub fn new_textio(&self, fd: u8) -> PyRef {
        alloc(
            &self.types.text_io,
            PyTextIO {
                ob: crate::object::header(),
                fd,
            },
        )
        .into_object()
    }
}
