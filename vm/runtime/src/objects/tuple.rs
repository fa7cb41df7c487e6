//! `tuple` objects: items stored inline after the header, as in CPython; the empty tuple
//! is a singleton.

use crate::object::alloc::alloc_var;
use crate::object::typeobj::LayoutOps;
use crate::object::{PyObject, PyRef, PyType};
use crate::vm::Vm;

/// A `tuple`: `len` owned references follow the struct.
#[repr(C)]
pub struct PyTuple {
    pub ob: PyObject,
    len: usize,
    items: [PyRef; 0],
}
crate::payload!(PyTuple, Tuple);

fn tuple_var_size(o: &PyObject) -> usize {
    // SAFETY: installed on tuple-layout types only.
    unsafe { o.cast_unchecked::<PyTuple>().len * 8 }
}

unsafe fn tuple_drop(o: *mut PyObject) {
    // SAFETY: o is a tuple being deallocated; items are initialised.
    unsafe {
        let t = &*(o as *const PyTuple);
        let p = t.items.as_ptr() as *mut PyRef;
        let n = t.len;
        // tupledealloc releases the items last first.
        for i in (0..n).rev() {
            std::ptr::drop_in_place(p.add(i));
        }
    }
}

pub const TUPLE_LAYOUT_OPS: LayoutOps = LayoutOps {
    drop_payload: tuple_drop,
    var_size: tuple_var_size,
};

impl PyTuple {
    #[inline(always)]
    pub fn as_slice(&self) -> &[PyRef] {
        // SAFETY: len initialised items follow; tuples are immutable after creation.
        unsafe { std::slice::from_raw_parts(self.items.as_ptr(), self.len) }
    }
    #[inline(always)]
    pub fn len(&self) -> usize {
        self.len
    }
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
    pub fn get(&self, i: usize) -> Option<&PyRef> {
        self.as_slice().get(i)
    }
}

/// Creates a tuple of type `t` from `items`.
pub fn new_tuple_of_type(t: &PyType, items: Vec<PyRef>) -> PyRef<PyTuple> {
    let n = items.len();
    crate::object::alloc::account(0);
    // SAFETY: tuple layout; the items are written before the object is used.
    unsafe {
        let tup = alloc_var(
            t,
            PyTuple {
                ob: crate::object::header(),
                len: 0,
                items: [],
            },
            n * 8,
        );
        let p = tup.items.as_ptr() as *mut PyRef;
        for (i, it) in items.into_iter().enumerate() {
            std::ptr::write(p.add(i), it);
        }
        let tp = tup.as_ptr() as *mut PyTuple;
        (*tp).len = n;
        tup
    }
}

/// Creates an exact tuple from a fixed number of items (no intermediate vector: the hot
/// small tuples of `enumerate`, `zip` and `dict.items`).
pub fn new_tuple_array<const N: usize>(vm: &Vm, items: [PyRef; N]) -> PyRef<PyTuple> {
    if N == 0 {
        return vm.empty_tuple.clone();
    }
    // SAFETY: tuple layout; the items are written before the object is used.
    unsafe {
        let tup = alloc_var(
            &vm.types.tuple,
            PyTuple {
                ob: crate::object::header(),
                len: 0,
                items: [],
            },
            N * 8,
        );
        let p = tup.items.as_ptr() as *mut PyRef;
        for (i, it) in items.into_iter().enumerate() {
            std::ptr::write(p.add(i), it);
        }
        let tp = tup.as_ptr() as *mut PyTuple;
        (*tp).len = N;
        tup
    }
}

/// Replaces item `i` of the result tuple `enumerate` and `zip` reuse, when `t` is held by
/// its iterator and by this caller alone (count 2: nothing else can see the change), as
/// `enum_next`/`zip_next` do with `PyTuple_SET_ITEM`. Returns the old item (the caller
/// drops it after the store), or gives `v` back when the tuple is shared or too short.
pub fn replace_unshared(t: &PyRef<PyTuple>, i: usize, v: PyRef) -> Result<PyRef, PyRef> {
    if t.as_object().refcnt() != 2 || i >= t.len() {
        return Err(v);
    }
    // SAFETY: `i < len` and the slot is initialised; only the iterator and the caller hold
    // the tuple, and no borrow of its items is alive (the pointer comes from the owned
    // reference, not from a shared borrow of the payload).
    unsafe {
        let tp = t.as_ptr() as *mut PyTuple;
        let p = std::ptr::addr_of_mut!((*tp).items) as *mut PyRef;
        Ok(std::ptr::replace(p.add(i), v))
    }
}

impl Vm {
    /// A new tuple (the empty tuple is shared).
    pub fn new_tuple(&self, items: Vec<PyRef>) -> PyRef<PyTuple> {
        if items.is_empty() {
            return self.empty_tuple.clone();
        }
        new_tuple_of_type(&self.types.tuple, items)
    }
    /// A new tuple from a slice (cloning the references).
    pub fn new_tuple_from(&self, items: &[PyRef]) -> PyRef<PyTuple> {
        self.new_tuple(items.to_vec())
    }
}

/// tuple `tp_traverse` (last item first, as `tupletraverse`).
pub fn tuple_traverse(o: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(t) = o.downcast_ref::<PyTuple>() {
        for x in t.as_slice().iter().rev() {
            visit(x);
        }
    }
}
