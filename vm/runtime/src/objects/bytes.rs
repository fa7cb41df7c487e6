//! `bytes` and `bytearray` storage.

use crate::object::alloc::{alloc, drop_payload};
use crate::object::typeobj::LayoutOps;
use crate::object::{PyObject, PyRef};
use crate::vm::Vm;
use std::cell::{Cell, UnsafeCell};

#[repr(C)]
pub struct PyBytes {
    pub ob: PyObject,
    pub hash: Cell<i64>,
    pub data: Box<[u8]>,
}
crate::payload!(PyBytes, Bytes);

#[repr(C)]
pub struct PyByteArray {
    pub ob: PyObject,
    data: UnsafeCell<Vec<u8>>,
    pub exports: Cell<usize>,
}
crate::payload!(PyByteArray, ByteArray);

pub const BYTES_LAYOUT_OPS: LayoutOps = LayoutOps::fixed(drop_payload::<PyBytes>);
pub const BYTEARRAY_LAYOUT_OPS: LayoutOps = LayoutOps::fixed(drop_payload::<PyByteArray>);

impl PyBytes {
    pub fn as_bytes(&self) -> &[u8] {
        &self.data
    }
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = refvm_common::hash::hash_bytes(&self.data);
        self.hash.set(h);
        h
    }
}

impl PyByteArray {
    /// A borrow of the bytes: not across calls into Python.
    pub fn borrow(&self) -> &Vec<u8> {
        // SAFETY: single-threaded; no mutable borrow alive across calls.
        unsafe { &*self.data.get() }
    }
    pub fn with_mut<R>(&self, f: impl FnOnce(&mut Vec<u8>) -> R) -> R {
        // SAFETY: f runs no Python code (contract).
        f(unsafe { &mut *self.data.get() })
    }
}

impl Vm {
    pub fn new_bytes(&self, data: Vec<u8>) -> PyRef {
        crate::object::alloc::account(data.len() as isize);
        alloc(
            &self.types.bytes,
            PyBytes {
                ob: crate::object::header(),
                hash: Cell::new(-1),
                data: data.into_boxed_slice(),
            },
        )
        .into_object()
    }
    pub fn new_bytes_of_type(&self, t: &crate::object::PyType, data: Vec<u8>) -> PyRef {
        alloc(
            t,
            PyBytes {
                ob: crate::object::header(),
                hash: Cell::new(-1),
                data: data.into_boxed_slice(),
            },
        )
        .into_object()
    }
    pub fn new_bytearray(&self, data: Vec<u8>) -> PyRef {
        self.new_bytearray_of_type(&self.types.bytearray, data)
    }
    pub fn new_bytearray_of_type(&self, t: &crate::object::PyType, data: Vec<u8>) -> PyRef {
        alloc(
            t,
            PyByteArray {
                ob: crate::object::header(),
                data: UnsafeCell::new(data),
                exports: Cell::new(0),
            },
        )
        .into_object()
    }
}

impl Drop for PyBytes {
    fn drop(&mut self) {
        crate::object::alloc::account(-(self.data.len() as isize));
    }
}

/// The bytes of a bytes-like object (bytes or bytearray), copied.
pub fn bytes_like(o: &PyObject) -> Option<Vec<u8>> {
    if let Some(b) = o.downcast_ref::<PyBytes>() {
        return Some(b.data.to_vec());
    }
    o.downcast_ref::<PyByteArray>().map(|b| b.borrow().clone())
}
