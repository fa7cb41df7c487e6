//! `range` objects and their iterator.

use super::intval::Int;
use crate::object::alloc::{alloc, drop_payload};
use crate::object::typeobj::LayoutOps;
use crate::object::{PyObject, PyRef};
use crate::vm::Vm;
use std::cell::Cell;

#[repr(C)]
pub struct PyRange {
    pub ob: PyObject,
    pub start: Int,
    pub stop: Int,
    pub step: Int,
    /// Length (as an int value).
    pub length: Int,
}
crate::payload!(PyRange, Range);

pub const RANGE_LAYOUT_OPS: LayoutOps = LayoutOps::fixed(drop_payload::<PyRange>);

/// A range iterator over machine ints (`range_iterator`); big ranges use `longrange`
/// semantics through the same struct with i128 arithmetic.
#[repr(C)]
pub struct PyRangeIter {
    pub ob: PyObject,
    pub next: Cell<i128>,
    pub step: i128,
    pub remaining: Cell<u128>,
}
crate::payload!(PyRangeIter, RangeIter);

pub const RANGEITER_LAYOUT_OPS: LayoutOps = LayoutOps::fixed(drop_payload::<PyRangeIter>);

/// Number of items of range(start, stop, step) (step != 0).
pub fn range_len(start: &Int, stop: &Int, step: &Int) -> Int {
    use num_bigint::BigInt;
    use num_traits::{Signed, Zero};
    if let (Some(a), Some(b), Some(s)) = (start.as_i64(), stop.as_i64(), step.as_i64()) {
        let (a, b, s) = (a as i128, b as i128, s as i128);
        let n = if s > 0 {
            if a < b { (b - a - 1) / s + 1 } else { 0 }
        } else if a > b {
            (a - b - 1) / (-s) + 1
        } else {
            0
        };
        return Int::from_big(BigInt::from(n));
    }
    let (a, b, s) = (start.to_big(), stop.to_big(), step.to_big());
    let n = if s.is_positive() {
        if a < b {
            (&b - &a - 1) / &s + 1
        } else {
            BigInt::zero()
        }
    } else if a > b {
        (&a - &b - 1) / (-&s) + 1
    } else {
        BigInt::zero()
    };
    Int::from_big(n)
}

impl Vm {
    pub fn new_range(&self, start: Int, stop: Int, step: Int) -> PyRef {
        let length = range_len(&start, &stop, &step);
        alloc(
            &self.types.range,
            PyRange {
                ob: crate::object::header(),
                start,
                stop,
                step,
                length,
            },
        )
        .into_object()
    }
}

impl PyRange {
    /// The i-th item (0 <= i < len).
    pub fn item(&self, i: &Int) -> Int {
        self.start.add(&i.mul(&self.step))
    }
}
