//! `list` objects: a `Vec` of references behind an `UnsafeCell`; every mutation finishes
//! before any reference is dropped or Python code is called (see lib.rs invariants).

use crate::object::alloc::{alloc, drop_payload};
use crate::object::typeobj::LayoutOps;
use crate::object::{PyObject, PyRef, PyType};
use crate::vm::Vm;
use std::cell::UnsafeCell;

/// A `list`.
#[repr(C)]
pub struct PyList {
    pub ob: PyObject,
    items: UnsafeCell<Vec<PyRef>>,
}
crate::payload!(PyList, List);

pub const LIST_LAYOUT_OPS: LayoutOps = LayoutOps::fixed(drop_payload::<PyList>);

impl Drop for PyList {
    fn drop(&mut self) {
        let v = std::mem::take(self.items.get_mut());
        crate::object::alloc::account(-((v.capacity() * 8) as isize));
        // Items are dropped in order, as list_dealloc does (from the end in CPython:
        // `while (--i >= 0) Py_XDECREF(op->ob_item[i])`).
        let mut v = v;
        while let Some(x) = v.pop() {
            drop(x);
        }
    }
}

impl PyList {
    /// A borrow of the items. Do not keep it across a call into Python or a `PyRef` drop.
    #[inline(always)]
    pub fn borrow(&self) -> &Vec<PyRef> {
        // SAFETY: see the type's documentation.
        unsafe { &*self.items.get() }
    }
    /// Mutable access. Same rule, and the closure must not drop references it removes
    /// while the borrow is alive: return them instead (they are dropped after).
    #[inline(always)]
    pub fn with_mut<R>(&self, f: impl FnOnce(&mut Vec<PyRef>) -> R) -> R {
        // SAFETY: no other borrow is alive while f runs (f runs no Python code by contract).
        let v = unsafe { &mut *self.items.get() };
        let cap = v.capacity();
        let r = f(v);
        let cap2 = v.capacity();
        if cap2 != cap {
            crate::object::alloc::account((cap2 as isize - cap as isize) * 8);
        }
        r
    }
    #[inline(always)]
    pub fn len(&self) -> usize {
        self.borrow().len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    #[inline(always)]
    pub fn get(&self, i: usize) -> Option<PyRef> {
        self.borrow().get(i).cloned()
    }
    #[inline]
    pub fn push(&self, v: PyRef) {
        self.with_mut(|items| {
            if items.len() == items.capacity() {
                list_grow(items, items.len() + 1);
            }
            items.push(v)
        });
    }
    /// Replaces item `i`, dropping the old one after the store.
    pub fn set(&self, i: usize, v: PyRef) -> bool {
        let old = self.with_mut(|items| items.get_mut(i).map(|slot| std::mem::replace(slot, v)));
        old.is_some()
    }
    /// A snapshot of the items.
    pub fn to_vec(&self) -> Vec<PyRef> {
        self.borrow().clone()
    }
    /// Replaces all items; the old ones are dropped after the list is consistent.
    pub fn replace_all(&self, new: Vec<PyRef>) {
        let mut old = self.with_mut(|items| std::mem::replace(items, new));
        // `_list_clear` releases the items last first.
        while let Some(x) = old.pop() {
            drop(x);
        }
    }
}

/// `list_resize`'s over-allocation for growing to `newsize` items: capacities
/// 0, 4, 8, 16, 24, 32, 40, 52, 64, 76, … (not `Vec`'s doubling), so memory and
/// `__sizeof__` follow CPython's.
#[cold]
pub fn list_grow(items: &mut Vec<PyRef>, newsize: usize) {
    let old = items.len();
    let mut cap = (newsize + (newsize >> 3) + 6) & !3;
    if newsize - old > cap - newsize {
        cap = (newsize + 3) & !3;
    }
    if cap > items.capacity() {
        items.reserve_exact(cap - old);
    }
}

/// Creates a list of type `t` holding `items`.
pub fn new_list_of_type(t: &PyType, items: Vec<PyRef>) -> PyRef<PyList> {
    crate::object::alloc::account((items.capacity() * 8) as isize);
    alloc(
        t,
        PyList {
            ob: crate::object::header(),
            items: UnsafeCell::new(items),
        },
    )
}

impl Vm {
    pub fn new_list(&self, items: Vec<PyRef>) -> PyRef<PyList> {
        new_list_of_type(&self.types.list, items)
    }
}

/// list `tp_traverse`.
pub fn list_traverse(o: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(l) = o.downcast_ref::<PyList>() {
        for x in l.borrow() {
            visit(x);
        }
    }
}

/// list `tp_clear`.
pub fn list_clear(o: &PyObject) {
    if let Some(l) = o.downcast_ref::<PyList>() {
        l.replace_all(Vec::new());
    }
}
