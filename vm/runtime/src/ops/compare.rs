//! Rich comparison (`do_richcompare`): reflected operands, subclass priority, identity
//! fallback for `==`/`!=`, CPython's TypeError for ordering.

use crate::error::PyResult;
use crate::object::typeobj::CmpOp;
use crate::object::{PyObject, PyRef};
use crate::vm::Vm;

fn do_richcompare(vm: &Vm, v: &PyObject, w: &PyObject, op: CmpOp) -> PyResult {
    let tv = v.type_();
    let tw = w.type_();
    let mut checked_reverse = false;
    if !std::ptr::eq(tv, tw) && tw.is_subtype(tv) {
        if let Some(f) = tw.slots().richcompare {
            checked_reverse = true;
            let r = f(vm, w, v, op.swapped())?;
            if !vm.is_not_implemented(&r) {
                return Ok(r);
            }
        }
    }
    if let Some(f) = tv.slots().richcompare {
        let r = f(vm, v, w, op)?;
        if !vm.is_not_implemented(&r) {
            return Ok(r);
        }
    }
    if !checked_reverse {
        if let Some(f) = tw.slots().richcompare {
            let r = f(vm, w, v, op.swapped())?;
            if !vm.is_not_implemented(&r) {
                return Ok(r);
            }
        }
    }
    match op {
        CmpOp::Eq => Ok(vm.new_bool(v.is(w))),
        CmpOp::Ne => Ok(vm.new_bool(!v.is(w))),
        _ => Err(vm.new_type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op.symbol(),
            tv.name_str(),
            tw.name_str()
        ))),
    }
}

/// `PyObject_RichCompare`.
pub fn rich_compare(vm: &Vm, v: &PyObject, w: &PyObject, op: CmpOp) -> PyResult {
    vm.enter_recursive_call(" in comparison")?;
    let r = do_richcompare(vm, v, w, op);
    vm.leave_recursive_call();
    r
}

/// `PyObject_RichCompareBool` (identity implies equality).
pub fn rich_compare_bool(vm: &Vm, v: &PyObject, w: &PyObject, op: CmpOp) -> PyResult<bool> {
    if v.is(w) {
        if op == CmpOp::Eq {
            return Ok(true);
        }
        if op == CmpOp::Ne {
            return Ok(false);
        }
    }
    if let Some(r) = fast_compare(vm, v, w, op) {
        return Ok(r);
    }
    let r = rich_compare(vm, v, w, op)?;
    if r.is(&vm.true_obj) {
        return Ok(true);
    }
    if r.is(&vm.false_obj) {
        return Ok(false);
    }
    crate::ops::is_true(vm, &r)
}

/// Comparisons of exact ints, floats and strs without dispatch.
#[inline]
pub fn fast_compare(vm: &Vm, v: &PyObject, w: &PyObject, op: CmpOp) -> Option<bool> {
    let t = v.type_ptr();
    if t != w.type_ptr() {
        return None;
    }
    if t == vm.types.int.as_type_ptr() {
        let (a, b) = (
            crate::objects::int::int_value(v)?,
            crate::objects::int::int_value(w)?,
        );
        return Some(op.from_ordering(a.cmp(b)));
    }
    if t == vm.types.float.as_type_ptr() {
        let (a, b) = (
            crate::objects::float::float_value(v)?,
            crate::objects::float::float_value(w)?,
        );
        return Some(match a.partial_cmp(&b) {
            Some(o) => op.from_ordering(o),
            None => op == CmpOp::Ne,
        });
    }
    if t == vm.types.str.as_type_ptr() {
        let a = v.downcast_ref::<crate::objects::str::PyStr>()?;
        let b = w.downcast_ref::<crate::objects::str::PyStr>()?;
        return Some(op.from_ordering(a.as_bytes().cmp(b.as_bytes())));
    }
    None
}

/// Result of `rich_compare` as an owned object (for COMPARE_OP).
pub fn compare_op(vm: &Vm, v: &PyObject, w: &PyObject, op: CmpOp) -> PyResult<PyRef> {
    if let Some(b) = fast_compare(vm, v, w, op) {
        return Ok(vm.new_bool(b));
    }
    rich_compare(vm, v, w, op)
}
