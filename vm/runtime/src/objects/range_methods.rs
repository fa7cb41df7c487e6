//! `range` type: constructor, indexing, slicing, containment, iteration.

use super::intval::Int;
use super::range::{PyRange, PyRangeIter};
use crate::argparse;
use crate::error::PyResult;
use crate::object::typeobj::CmpOp;
use crate::object::{PyObject, PyRef, PyType};
use crate::objects::descr::MethodDef;
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;
use std::cell::Cell;

fn r<'a>(vm: &Vm, o: &'a PyObject) -> PyResult<&'a PyRange> {
    o.downcast_ref::<PyRange>()
        .ok_or_else(|| vm.new_type_error("range expected"))
}

fn range_new(vm: &Vm, _t: &PyRef<PyType>, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::no_kw(vm, "range", k)?;
    let idx = |o: &PyRef| crate::ops::number::index(vm, o);
    let (start, stop, step) = match a.len() {
        1 => (Int::Small(0), idx(&a[0])?, Int::Small(1)),
        2 => (idx(&a[0])?, idx(&a[1])?, Int::Small(1)),
        3 => (idx(&a[0])?, idx(&a[1])?, idx(&a[2])?),
        0 => return Err(vm.new_type_error("range expected at least 1 argument, got 0")),
        n => {
            return Err(vm.new_type_error(format!("range expected at most 3 arguments, got {}", n)));
        }
    };
    if step.is_zero() {
        return Err(vm.new_value_error("range() arg 3 must not be zero"));
    }
    Ok(vm.new_range(start, stop, step))
}
fn range_repr(vm: &Vm, o: &PyObject) -> PyResult {
    let x = r(vm, o)?;
    let s = if x.step == Int::Small(1) {
        format!("range({}, {})", x.start.to_decimal(), x.stop.to_decimal())
    } else {
        format!(
            "range({}, {}, {})",
            x.start.to_decimal(),
            x.stop.to_decimal(),
            x.step.to_decimal()
        )
    };
    Ok(vm.new_str(&s))
}
fn range_len(vm: &Vm, o: &PyObject) -> PyResult<usize> {
    let x = r(vm, o)?;
    match x.length.as_i64() {
        Some(v) => Ok(v as usize),
        None => Err(vm.new_overflow_error("Python int too large to convert to C ssize_t")),
    }
}
fn range_bool(vm: &Vm, o: &PyObject) -> PyResult<bool> {
    Ok(!r(vm, o)?.length.is_zero())
}
fn range_getitem(vm: &Vm, o: &PyObject, k: &PyObject) -> PyResult {
    let x = r(vm, o)?;
    if let Some(sl) = k.downcast_ref::<crate::objects::slice::PySlice>() {
        let (st, sp, se) = long_slice_indices(vm, sl, &x.length)?;
        let start = x.item(&st);
        let stop = x.item(&sp);
        let step = x.step.mul(&se);
        return Ok(vm.new_range(start, stop, step));
    }
    let Some(i) = crate::ops::number::try_index(vm, k)? else {
        return Err(vm.new_type_error(format!(
            "range indices must be integers or slices, not {}",
            k.type_().name_str()
        )));
    };
    let i = if i.is_negative() { i.add(&x.length) } else { i };
    if i.is_negative() || i.cmp(&x.length) != std::cmp::Ordering::Less {
        return Err(vm.new_index_error("range object index out of range"));
    }
    Ok(vm.new_int_value(x.item(&i)))
}
/// `_PySlice_GetLongIndices`: a slice's start, stop and step for a sequence of
/// `length` items, as unbounded ints.
fn long_slice_indices(
    vm: &Vm,
    sl: &crate::objects::slice::PySlice,
    length: &Int,
) -> PyResult<(Int, Int, Int)> {
    let get = |o: &PyObject| -> PyResult<Option<Int>> {
        if o.is(&vm.none()) {
            return Ok(None);
        }
        match crate::ops::number::try_index(vm, o)? {
            Some(v) => Ok(Some(v)),
            None => Err(vm.new_type_error(
                "slice indices must be integers or None or have an __index__ method",
            )),
        }
    };
    let step = get(&sl.step)?.unwrap_or(Int::Small(1));
    if step.is_zero() {
        return Err(vm.new_value_error("slice step cannot be zero"));
    }
    let neg = step.is_negative();
    let (lower, upper) = if neg {
        (Int::Small(-1), length.sub(&Int::Small(1)))
    } else {
        (Int::Small(0), length.clone())
    };
    let clamp = |v: Option<Int>, default: &Int| -> Int {
        match v {
            None => default.clone(),
            Some(v) => {
                let v = if v.is_negative() { v.add(length) } else { v };
                if v.cmp(&lower) == std::cmp::Ordering::Less {
                    lower.clone()
                } else if v.cmp(&upper) == std::cmp::Ordering::Greater {
                    upper.clone()
                } else {
                    v
                }
            }
        }
    };
    let start = clamp(get(&sl.start)?, if neg { &upper } else { &lower });
    let stop = clamp(get(&sl.stop)?, if neg { &lower } else { &upper });
    Ok((start, stop, step))
}

fn contains_int(x: &PyRange, v: &Int) -> bool {
    let (lo, hi) = if !x.step.is_negative() {
        (&x.start, &x.stop)
    } else {
        (&x.stop, &x.start)
    };
    let inside = if !x.step.is_negative() {
        v.cmp(lo) != std::cmp::Ordering::Less && v.cmp(hi) == std::cmp::Ordering::Less
    } else {
        v.cmp(lo) == std::cmp::Ordering::Greater && v.cmp(hi) != std::cmp::Ordering::Greater
    };
    inside && v.sub(&x.start).modulo(&x.step).is_some_and(|m| m.is_zero())
}
fn range_contains(vm: &Vm, o: &PyObject, v: &PyObject) -> PyResult<bool> {
    let x = r(vm, o)?;
    if v.is_type(&vm.types.int) || v.is_type(&vm.types.bool_) {
        if let Some(i) = crate::objects::int::int_value(v) {
            return Ok(contains_int(x, i));
        }
    }
    let it = range_iter(vm, o)?;
    while let Some(y) = crate::ops::next(vm, &it)? {
        vm.tick()?;
        if crate::ops::rich_compare_bool(vm, &y, v, CmpOp::Eq)? {
            return Ok(true);
        }
    }
    Ok(false)
}
pub fn range_iter(vm: &Vm, o: &PyObject) -> PyResult {
    let x = r(vm, o)?;
    use num_traits::ToPrimitive;
    let (Some(s), Some(st), Some(n)) = (
        x.start.to_big().to_i128(),
        x.step.to_big().to_i128(),
        x.length.to_big().to_u128(),
    ) else {
        return super::range_long::new_longrange_iter(vm, &x.start, &x.step, &x.length);
    };
    Ok(crate::object::alloc::alloc(
        &vm.types.range_iterator,
        PyRangeIter {
            ob: crate::object::header(),
            next: Cell::new(s),
            step: st,
            remaining: Cell::new(n),
        },
    )
    .into_object())
}
fn rangeiter_length_hint(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let n = a[0]
        .downcast_ref::<PyRangeIter>()
        .map_or(0, |it| it.remaining.get());
    Ok(match i64::try_from(n) {
        Ok(v) => vm.new_int(v),
        Err(_) => vm.new_int_value(Int::from_big(num_bigint::BigInt::from(n))),
    })
}
fn rangeiter_next(vm: &Vm, o: &PyObject) -> PyResult<Option<PyRef>> {
    let Some(it) = o.downcast_ref::<PyRangeIter>() else {
        return Ok(None);
    };
    let n = it.remaining.get();
    if n == 0 {
        return Ok(None);
    }
    it.remaining.set(n - 1);
    let v = it.next.get();
    it.next.set(v.wrapping_add(it.step));
    Ok(Some(match i64::try_from(v) {
        Ok(v) => vm.new_int(v),
        Err(_) => vm.new_int_value(Int::from_big(num_bigint::BigInt::from(v))),
    }))
}
fn range_richcompare(vm: &Vm, a: &PyObject, b: &PyObject, op: CmpOp) -> PyResult {
    let (Some(x), Some(y)) = (a.downcast_ref::<PyRange>(), b.downcast_ref::<PyRange>()) else {
        return Ok(vm.not_implemented());
    };
    if op != CmpOp::Eq && op != CmpOp::Ne {
        return Ok(vm.not_implemented());
    }
    let eq = if x.length != y.length {
        false
    } else if x.length.is_zero() {
        true
    } else if x.start != y.start {
        false
    } else {
        x.length == Int::Small(1) || x.step == y.step
    };
    Ok(vm.new_bool(eq == (op == CmpOp::Eq)))
}
fn range_hash(vm: &Vm, o: &PyObject) -> PyResult<i64> {
    let x = r(vm, o)?;
    let t = if x.length.is_zero() {
        vm.new_tuple(vec![vm.new_int(0), vm.none(), vm.none()])
    } else if x.length == Int::Small(1) {
        vm.new_tuple(vec![
            vm.new_int(1),
            vm.new_int_value(x.start.clone()),
            vm.none(),
        ])
    } else {
        vm.new_tuple(vec![
            vm.new_int_value(x.length.clone()),
            vm.new_int_value(x.start.clone()),
            vm.new_int_value(x.step.clone()),
        ])
    };
    crate::ops::hash(vm, t.as_object())
}
fn get_start(vm: &Vm, o: &PyObject) -> PyResult {
    Ok(vm.new_int_value(r(vm, o)?.start.clone()))
}
fn get_stop(vm: &Vm, o: &PyObject) -> PyResult {
    Ok(vm.new_int_value(r(vm, o)?.stop.clone()))
}
fn get_step(vm: &Vm, o: &PyObject) -> PyResult {
    Ok(vm.new_int_value(r(vm, o)?.step.clone()))
}
fn exact_int<'a>(vm: &Vm, o: &'a PyObject) -> Option<&'a Int> {
    if o.is_type(&vm.types.int) || o.is_type(&vm.types.bool_) {
        crate::objects::int::int_value(o)
    } else {
        None
    }
}
fn m_index(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "index", &a[1..], k, 1)?;
    let x = r(vm, &a[0])?;
    if let Some(i) = exact_int(vm, &a[1]) {
        if contains_int(x, i) {
            return Ok(vm.new_int_value(i.sub(&x.start).floordiv(&x.step).unwrap_or(Int::Small(0))));
        }
        return Err(vm.new_value_error(format!(
            "{} is not in range",
            crate::ops::repr_string(vm, &a[1])?
        )));
    }
    let it = range_iter(vm, &a[0])?;
    let mut n: u64 = 0;
    while let Some(y) = crate::ops::next(vm, &it)? {
        vm.tick()?;
        if crate::ops::rich_compare_bool(vm, &y, &a[1], CmpOp::Eq)? {
            return Ok(vm.new_int(n as i64));
        }
        n += 1;
    }
    Err(vm.new_value_error("sequence.index(x): x not in sequence"))
}
fn m_count(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "count", &a[1..], k, 1)?;
    let x = r(vm, &a[0])?;
    if let Some(i) = exact_int(vm, &a[1]) {
        return Ok(vm.new_int(i64::from(contains_int(x, i))));
    }
    let it = range_iter(vm, &a[0])?;
    let mut n: i64 = 0;
    while let Some(y) = crate::ops::next(vm, &it)? {
        vm.tick()?;
        if crate::ops::rich_compare_bool(vm, &y, &a[1], CmpOp::Eq)? {
            n += 1;
        }
    }
    Ok(vm.new_int(n))
}
fn m_reversed(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let x = r(vm, &a[0])?;
    let last = x.start.add(&x.length.sub(&Int::Small(1)).mul(&x.step));
    let nr = vm.new_range(last, x.start.sub(&x.step), x.step.neg());
    range_iter(vm, &nr)
}

pub fn init(vm: &Vm) {
    let t = &vm.types.range;
    t.update_slots(|s| {
        s.new = Some(range_new);
        s.repr = Some(range_repr);
        s.sq_length = Some(range_len);
        s.nb_bool = Some(range_bool);
        s.mp_subscript = Some(range_getitem);
        s.sq_contains = Some(range_contains);
        s.iter = Some(range_iter);
        s.richcompare = Some(range_richcompare);
        s.hash = Some(range_hash);
    });
    vm.add_getset(t, "start", get_start, None);
    vm.add_getset(t, "stop", get_stop, None);
    vm.add_getset(t, "step", get_step, None);
    vm.add_methods(
        t,
        &[
            MethodDef::method("index", m_index),
            MethodDef::method("count", m_count),
            MethodDef::method("__reversed__", m_reversed),
        ],
    );
    vm.add_methods(
        &vm.types.range_iterator,
        &[MethodDef::method("__length_hint__", rangeiter_length_hint)],
    );
    vm.types.range_iterator.update_slots(|s| {
        s.iternext = Some(rangeiter_next);
        s.iter = Some(crate::objects::iter_impl::self_iter);
    });
}
