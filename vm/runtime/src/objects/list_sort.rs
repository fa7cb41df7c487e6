//! The stable sort behind `list.sort` and `sorted`: keys of one plain type (machine-sized
//! exact ints, exact strs, NaN-free exact floats) are sorted without any Python-level
//! comparison (like CPython's pre-checked `unsafe_*_compare`); other keys go through a
//! merge sort of indices, so sorting moves no references until the final permutation
//! (done in place: the sort's memory is the keys, if any, and an index per item).

use crate::error::{PyErr, PyResult};
use crate::object::typeobj::CmpOp;
use crate::object::{PyObject, PyRef};
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;
use std::cmp::Ordering;

/// Sorts `values` stably by `keys` (one per value; the values themselves when `None`);
/// with `reverse`, descending with equal keys kept in their original order (CPython
/// reverses, sorts, reverses back). On an error `values` keeps its order. No reference is
/// taken or copied: besides `keys` (`listobject.c`'s keys array) the sort needs only an
/// index per value, and the values are permuted in place.
pub fn sort_values(
    vm: &Vm,
    values: &mut [PyRef],
    mut keys: Option<&mut [PyRef]>,
    reverse: bool,
) -> PyResult<()> {
    if values.len() < 2 {
        return Ok(());
    }
    if reverse {
        values.reverse();
        if let Some(k) = keys.as_deref_mut() {
            k.reverse();
        }
    }
    let (mut order, err) = {
        let ks: &[PyRef] = match keys.as_deref() {
            Some(k) if k.len() == values.len() => k,
            _ => values,
        };
        match plain_order(vm, ks) {
            Some(o) => (o, None),
            None => index_merge_sort(vm, ks),
        }
    };
    if err.is_none() {
        permute(values, &mut order);
    }
    if reverse {
        values.reverse();
    }
    match err {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// Reorders `v` in place so that its `k`-th element is the old `v[order[k]]`, following
/// the permutation's cycles with swaps (`order` is used up as the visited marks).
fn permute(v: &mut [PyRef], order: &mut [usize]) {
    const DONE: usize = usize::MAX;
    let n = v.len().min(order.len());
    for i in 0..n {
        if order[i] == DONE {
            continue;
        }
        let mut j = i;
        loop {
            let src = order[j];
            order[j] = DONE;
            // A valid permutation closes each cycle at `i`; anything else stops safely.
            if src == i || src >= n {
                break;
            }
            v.swap(j, src);
            j = src;
        }
    }
}

/// The sorted order of keys that all have one plain type, compared without dispatch (so
/// the comparison order is unobservable); `None` when the keys are not like that.
fn plain_order(vm: &Vm, v: &[PyRef]) -> Option<Vec<usize>> {
    let first = &v[0];
    if first.is_type(&vm.types.int) {
        let mut keys: Vec<(i64, usize)> = Vec::with_capacity(v.len());
        for (i, k) in v.iter().enumerate() {
            if !k.is_type(&vm.types.int) {
                return None;
            }
            keys.push((crate::objects::int::int_value(k)?.as_i64()?, i));
        }
        // (key, index) pairs are distinct: an unstable sort gives the stable order.
        keys.sort_unstable();
        return Some(keys.into_iter().map(|(_, i)| i).collect());
    }
    if first.is_type(&vm.types.str) {
        let mut keys: Vec<(&[u8], usize)> = Vec::with_capacity(v.len());
        for (i, k) in v.iter().enumerate() {
            if !k.is_type(&vm.types.str) {
                return None;
            }
            // Generalized UTF-8 orders bytewise as the code points do.
            keys.push((
                k.downcast_ref::<crate::objects::str::PyStr>()?.as_bytes(),
                i,
            ));
        }
        keys.sort_unstable();
        return Some(keys.into_iter().map(|(_, i)| i).collect());
    }
    if first.is_type(&vm.types.float) {
        let mut keys: Vec<(f64, usize)> = Vec::with_capacity(v.len());
        for (i, k) in v.iter().enumerate() {
            if !k.is_type(&vm.types.float) {
                return None;
            }
            let f = crate::objects::float::float_value(k)?;
            if f.is_nan() {
                return None;
            }
            keys.push((f, i));
        }
        // Without NaNs `partial_cmp` is a total order (-0.0 equals 0.0, as in Python).
        keys.sort_unstable_by(|a, b| {
            a.0.partial_cmp(&b.0)
                .unwrap_or(Ordering::Equal)
                .then(a.1.cmp(&b.1))
        });
        return Some(keys.into_iter().map(|(_, i)| i).collect());
    }
    None
}

/// `a < b` for two exact tuples whose compared items are plain (exact int, float, str),
/// as `tuplerichcompare` decides it; `None` when a Python-level comparison is needed.
fn tuple_lt_fast(vm: &Vm, a: &PyObject, b: &PyObject) -> Option<bool> {
    if !a.is_type(&vm.types.tuple) || !b.is_type(&vm.types.tuple) {
        return None;
    }
    let x = a.downcast_ref::<PyTuple>()?.as_slice();
    let y = b.downcast_ref::<PyTuple>()?.as_slice();
    for (p, q) in x.iter().zip(y.iter()) {
        if p.is(q) {
            continue;
        }
        if !crate::ops::compare::fast_compare(vm, p, q, CmpOp::Eq)? {
            return crate::ops::compare::fast_compare(vm, p, q, CmpOp::Lt);
        }
    }
    Some(x.len() < y.len())
}

/// The generic path: insertion sort of runs of 16, then bottom-up merges, on indices;
/// after the first error no more comparisons are made.
fn index_merge_sort(vm: &Vm, v: &[PyRef]) -> (Vec<usize>, Option<PyErr>) {
    let mut err: Option<PyErr> = None;
    let mut lt = |i: usize, j: usize| -> bool {
        if err.is_some() {
            return false;
        }
        let (a, b) = (&v[i], &v[j]);
        if let Some(r) = crate::ops::compare::fast_compare(vm, a, b, CmpOp::Lt) {
            return r;
        }
        if let Some(r) = tuple_lt_fast(vm, a, b) {
            return r;
        }
        match crate::ops::rich_compare_bool(vm, a, b, CmpOp::Lt) {
            Ok(r) => r,
            Err(e) => {
                err = Some(e);
                false
            }
        }
    };
    let n = v.len();
    let mut idx: Vec<usize> = (0..n).collect();
    const RUN: usize = 16;
    let mut start = 0;
    while start < n {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let mut j = i;
            while j > start && lt(idx[j], idx[j - 1]) {
                idx.swap(j, j - 1);
                j -= 1;
            }
        }
        start = end;
    }
    let mut width = RUN;
    let mut buf: Vec<usize> = Vec::with_capacity(n);
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            if mid < hi {
                buf.clear();
                let (mut i, mut j) = (lo, mid);
                while i < mid && j < hi {
                    if lt(idx[j], idx[i]) {
                        buf.push(idx[j]);
                        j += 1;
                    } else {
                        buf.push(idx[i]);
                        i += 1;
                    }
                }
                buf.extend_from_slice(&idx[i..mid]);
                buf.extend_from_slice(&idx[j..hi]);
                idx[lo..hi].copy_from_slice(&buf);
            }
            lo += 2 * width;
        }
        width *= 2;
    }
    (idx, err)
}
