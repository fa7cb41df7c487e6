//! The eval loop's specialised fast paths (CPython 3.11's adaptive specialisations,
//! done without rewriting the bytecode): exact int/float arithmetic and comparisons,
//! list/tuple indexing by a machine-sized int.

use crate::error::PyResult;
use crate::object::{PyObject, PyRef};
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;

/// `BINARY_OP` with fast paths for exact ints and floats.
#[inline]
pub(super) fn binary_op_fast(vm: &Vm, a: &PyObject, b: &PyObject, oparg: u32) -> PyResult {
    let ta = a.type_ptr();
    if ta == b.type_ptr() {
        if ta == vm.types.int.as_type_ptr() {
            if let (Some(x), Some(y)) = (
                crate::objects::int::int_value(a).and_then(|v| v.as_i64()),
                crate::objects::int::int_value(b).and_then(|v| v.as_i64()),
            ) {
                let r = match oparg % 13 {
                    0 => x.checked_add(y),
                    10 => x.checked_sub(y),
                    5 => x.checked_mul(y),
                    1 => Some(x & y),
                    7 => Some(x | y),
                    12 => Some(x ^ y),
                    6 if y > 0 => Some(x.rem_euclid(y)),
                    2 if y > 0 => Some(x.div_euclid(y)),
                    9 if y >= 0 => Some(x >> y.min(63)),
                    3 if (0..63).contains(&y) => {
                        let r = x << y;
                        (r >> y == x).then_some(r)
                    }
                    11 if y != 0
                        && x.unsigned_abs() <= EXACT_F64
                        && y.unsigned_abs() <= EXACT_F64 =>
                    {
                        // long_true_divide's fast path: both exactly representable.
                        return Ok(vm.new_float(x as f64 / y as f64));
                    }
                    _ => None,
                };
                if let Some(r) = r {
                    return Ok(vm.new_int(r));
                }
            }
        } else if ta == vm.types.float.as_type_ptr() {
            if let (Some(x), Some(y)) = (
                crate::objects::float::float_value(a),
                crate::objects::float::float_value(b),
            ) {
                let r = match oparg % 13 {
                    0 => Some(x + y),
                    10 => Some(x - y),
                    5 => Some(x * y),
                    11 if y != 0.0 => Some(x / y),
                    _ => None,
                };
                if let Some(r) = r {
                    return Ok(vm.new_float(r));
                }
            }
        }
    }
    // float ⊕ int, int ⊕ float with a machine-sized int (float_add & co. convert it).
    let (fl, fr) = (vm.types.float.as_type_ptr(), vm.types.int.as_type_ptr());
    let tb = b.type_ptr();
    if (ta == fl && tb == fr) || (ta == fr && tb == fl) {
        let as_f = |o: &PyObject| -> Option<f64> {
            if o.type_ptr() == fl {
                crate::objects::float::float_value(o)
            } else {
                let i = crate::objects::int::int_value(o)?.as_i64()?;
                (i.unsigned_abs() <= EXACT_F64).then_some(i as f64)
            }
        };
        if let (Some(x), Some(y)) = (as_f(a), as_f(b)) {
            let r = match oparg % 13 {
                0 => Some(x + y),
                10 => Some(x - y),
                5 => Some(x * y),
                11 if y != 0.0 => Some(x / y),
                _ => None,
            };
            if let Some(r) = r {
                return Ok(vm.new_float(r));
            }
        }
    }
    crate::ops::number::binary_op(vm, a, b, oparg)
}

/// Integers up to 2**53 convert to float exactly.
const EXACT_F64: u64 = 1 << 53;

/// `COMPARE_OP` of two exact ints (machine-sized) or two exact floats: the outcome
/// without calling `tp_richcompare`; `None` for everything else.
#[inline(always)]
pub(super) fn compare_fast(vm: &Vm, a: &PyObject, b: &PyObject, oparg: u32) -> Option<bool> {
    let ta = a.type_ptr();
    if ta != b.type_ptr() {
        return None;
    }
    if ta == vm.types.int.as_type_ptr() {
        let x = crate::objects::int::int_value(a)?.as_i64()?;
        let y = crate::objects::int::int_value(b)?.as_i64()?;
        return Some(match oparg {
            0 => x < y,
            1 => x <= y,
            2 => x == y,
            3 => x != y,
            4 => x > y,
            5 => x >= y,
            _ => return None,
        });
    }
    if ta == vm.types.float.as_type_ptr() {
        let x = crate::objects::float::float_value(a)?;
        let y = crate::objects::float::float_value(b)?;
        return Some(match oparg {
            0 => x < y,
            1 => x <= y,
            2 => x == y,
            3 => x != y,
            4 => x > y,
            5 => x >= y,
            _ => return None,
        });
    }
    None
}

/// A machine-sized exact-int index into a sequence of `len`, negative counted from the end.
#[inline(always)]
fn small_index(vm: &Vm, k: &PyObject, len: usize) -> Option<usize> {
    if !k.is_type(&vm.types.int) {
        return None;
    }
    let i = crate::objects::int::int_value(k)?.as_i64()?;
    let i = if i < 0 { i.checked_add(len as i64)? } else { i };
    (i >= 0 && (i as usize) < len).then_some(i as usize)
}

/// `BINARY_SUBSCR` of an exact list or tuple by an in-range int (`BINARY_SUBSCR_LIST_INT`,
/// `BINARY_SUBSCR_TUPLE_INT`).
#[inline(always)]
pub(super) fn subscr_fast(vm: &Vm, c: &PyObject, k: &PyObject) -> Option<PyRef> {
    if c.is_type(&vm.types.list) {
        // SAFETY: exact list.
        let l = unsafe { c.cast_unchecked::<crate::objects::list::PyList>() };
        let items = l.borrow();
        let i = small_index(vm, k, items.len())?;
        return items.get(i).cloned();
    }
    if c.is_type(&vm.types.tuple) {
        // SAFETY: exact tuple.
        let t = unsafe { c.cast_unchecked::<PyTuple>() };
        let i = small_index(vm, k, t.len())?;
        return t.get(i).cloned();
    }
    None
}

/// `STORE_SUBSCR_LIST_INT`: stores into an exact list at an in-range int index and
/// returns the old item (to drop after the store); gives `v` back otherwise.
#[inline(always)]
pub(super) fn store_subscr_fast(
    vm: &Vm,
    c: &PyObject,
    k: &PyObject,
    v: PyRef,
) -> Result<PyRef, PyRef> {
    if !c.is_type(&vm.types.list) {
        return Err(v);
    }
    // SAFETY: exact list.
    let l = unsafe { c.cast_unchecked::<crate::objects::list::PyList>() };
    let Some(i) = small_index(vm, k, l.len()) else {
        return Err(v);
    };
    // The old item is returned, not dropped, inside the mutation (list invariant).
    Ok(l.with_mut(|items| std::mem::replace(&mut items[i], v)))
}
