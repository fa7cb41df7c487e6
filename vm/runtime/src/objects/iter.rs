//! Iterator storage shared by the builtin iterator types (sequence, list, tuple, str,
//! dict and set iterators; dict views) and by enumerate/zip/map/filter.

use crate::object::alloc::{alloc, drop_payload};
use crate::object::typeobj::LayoutOps;
use crate::object::{PyObject, PyRef, PyType, Slot};
use crate::objects::function::Field;
use crate::vm::Vm;
use std::cell::Cell;

/// An iterator over an indexable container (or a dict/set view).
#[repr(C)]
pub struct PySeqIter {
    pub ob: PyObject,
    /// The container; None once exhausted.
    pub seq: Field<Slot>,
    pub index: Cell<usize>,
    /// Size or version the iterator expects (dict/set mutation checks).
    pub expect: Cell<u64>,
    pub remaining: Cell<usize>,
}
crate::payload!(PySeqIter, SeqIter);
pub const SEQITER_LAYOUT_OPS: LayoutOps = LayoutOps::fixed(drop_payload::<PySeqIter>);

/// enumerate / zip / map / filter.
#[repr(C)]
pub struct PyMultiIter {
    pub ob: PyObject,
    pub iters: Field<Vec<PyRef>>,
    pub func: Field<Slot>,
    pub count: Field<PyRef>,
    pub strict: bool,
    /// `en_result` / `zip.result`: the result tuple `enumerate` and `zip` hand out again
    /// when nothing but the iterator holds it.
    pub result: Field<Option<PyRef<crate::objects::tuple::PyTuple>>>,
}
crate::payload!(PyMultiIter, Zip);
pub const MULTIITER_LAYOUT_OPS: LayoutOps = LayoutOps::fixed(drop_payload::<PyMultiIter>);

impl Vm {
    pub fn new_seq_iter(&self, t: &PyType, seq: PyRef, expect: u64) -> PyRef {
        alloc(
            t,
            PySeqIter {
                ob: crate::object::header(),
                seq: Field::new(Some(seq)),
                index: Cell::new(0),
                expect: Cell::new(expect),
                remaining: Cell::new(0),
            },
        )
        .into_object()
    }
    pub fn new_multi_iter(
        &self,
        t: &PyType,
        iters: Vec<PyRef>,
        func: Slot,
        count: PyRef,
        strict: bool,
    ) -> PyRef {
        alloc(
            t,
            PyMultiIter {
                ob: crate::object::header(),
                iters: Field::new(iters),
                func: Field::new(func),
                count: Field::new(count),
                strict,
                result: Field::new(None),
            },
        )
        .into_object()
    }
}

pub fn seqiter_traverse(o: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(i) = o.downcast_ref::<PySeqIter>() {
        if let Some(s) = i.seq.borrow() {
            visit(s);
        }
    }
}
