//! The eval loop's specialised fast paths (CPython 3.11's adaptive specialisations,
//! done without rewriting the bytecode): exact int/float arithmetic and comparisons,
//! list/tuple indexing by a machine-sized int.

use crate::error::PyResult;
use crate::object::{PyObject, PyRef};
use crate::objects::code::PyCode;
use crate::objects::dict::PyDict;
use crate::objects::str::PyStr;
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
                    8 => float_pow_plain(x, y),
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

/// `BINARY_OP` (`+ - * /`) of two exact floats when an operand is held by nothing but
/// the value stack (count 1): the result is stored into that operand, which becomes the
/// result, instead of allocating a float and freeing the operand. Nothing can tell: no
/// one else can see the operand, and floats have no finalizer or weak references.
/// Returns whether `a` (`Some(true)`) or `b` (`Some(false)`) now holds the result.
#[inline(always)]
pub(super) fn float_reuse(vm: &Vm, a: &PyObject, b: &PyObject, oparg: u32) -> Option<bool> {
    let ft = vm.types.float.as_type_ptr();
    if a.type_ptr() != ft || b.type_ptr() != ft {
        return None;
    }
    let use_a = a.refcnt() == 1;
    if !use_a && b.refcnt() != 1 {
        return None;
    }
    let fa = a.downcast_ref::<crate::objects::float::PyFloat>()?;
    let fb = b.downcast_ref::<crate::objects::float::PyFloat>()?;
    let (x, y) = (fa.v.get(), fb.v.get());
    let r = match oparg % 13 {
        0 => x + y,
        10 => x - y,
        5 => x * y,
        11 if y != 0.0 => x / y,
        8 => float_pow_plain(x, y)?,
        _ => return None,
    };
    if use_a {
        fa.v.set(r);
    } else {
        fb.v.set(r);
    }
    Some(use_a)
}

/// `float_pow` of two floats in its plain case: a finite positive base other than 1 and a
/// finite non-zero exponent with a finite non-zero result (the generic path handles every
/// special case, the negative bases and the errors). `None` otherwise.
#[inline(always)]
fn float_pow_plain(x: f64, y: f64) -> Option<f64> {
    if !(x > 0.0 && x.is_finite() && x != 1.0 && y.is_finite() && y != 0.0) {
        return None;
    }
    let r = x.powf(y);
    (r.is_finite() && r != 0.0).then_some(r)
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

/// The instance dict of `o`, borrowed (no reference taken): valid while `o` is and nothing
/// replaces its `__dict__`, so only for use without running Python code.
#[inline(always)]
fn instance_dict_ref(o: &PyObject) -> Option<&PyDict> {
    let slot = crate::object::typeobj::instance_dict_slot(o)?;
    // SAFETY: the slot holds a dict or NULL and belongs to `o`, which outlives the borrow.
    let d: &PyObject = unsafe { (*slot).as_ref()? };
    d.downcast_ref::<PyDict>()
}

/// Every inline cache here lives in the per-unit cells of the `CACHE` units after its
/// instruction, and is used and filled only when the decoder found those units really are
/// `CACHE` entries (`clean`): then no other instruction can write those cells.
///
/// The four `CACHE` units after a `LOAD_ATTR` at code unit `unit`, as cells of the code's
/// per-unit cache: the instance type (two cells), the type epoch (low 32 bits) and the
/// instance-dict entry index of the attribute.
#[inline(always)]
fn attr_cells(code: &PyCode, unit: usize) -> Option<&[std::cell::Cell<u32>]> {
    code.global_cache.get(unit + 1..unit + 5)
}

/// A cache fill at a site whose cache holds a still-valid entry for another type: such a
/// (polymorphic) site keeps its entry for `KEEP_MISSES` misses before it is re-targeted,
/// counted in the cell of the instruction's own unit (no other cache uses that cell).
/// Returns whether to fill now.
#[inline]
fn may_refill(code: &PyCode, unit: usize, cells: &[std::cell::Cell<u32>], o: &PyObject) -> bool {
    const KEEP_MISSES: u32 = 64;
    let tp = o.type_ptr() as usize as u64;
    let cached = u64::from(cells[0].get()) | (u64::from(cells[1].get()) << 32);
    let live = cached != 0
        && cached != tp
        && cells[2].get() == crate::object::typeobj::type_epoch() as u32;
    if !live {
        return true;
    }
    let Some(miss) = code.global_cache.get(unit) else {
        return false;
    };
    let m = miss.get() + 1;
    if m < KEEP_MISSES {
        miss.set(m);
        return false;
    }
    miss.set(0);
    true
}

/// `LOAD_ATTR_INSTANCE_VALUE`: an instance attribute found at the cached entry of the
/// instance dict, when the object's type and the type epoch are the ones the cache was
/// filled with (so the class still has no attribute of that name and the generic
/// `__getattribute__`). `None`: take the generic path.
#[inline(always)]
pub(super) fn load_attr_cached(
    clean: bool,
    code: &PyCode,
    unit: usize,
    o: &PyObject,
    name: &PyRef<PyStr>,
) -> Option<PyRef> {
    if !clean {
        return None;
    }
    let cells = attr_cells(code, unit)?;
    let tp = o.type_ptr() as usize as u64;
    let cached = u64::from(cells[0].get()) | (u64::from(cells[1].get()) << 32);
    if cached != tp || cells[2].get() != crate::object::typeobj::type_epoch() as u32 {
        return None;
    }
    instance_dict_ref(o)?.value_at_if_key(cells[3].get() as usize, name.as_object())
}

/// Fills the `LOAD_ATTR` cache after a generic lookup when the attribute is a plain
/// instance attribute: generic `__getattribute__`, no attribute of that name anywhere in
/// the class's MRO (whose dicts the lookup marks as watched, so adding one changes the
/// epoch), and the name itself is the key in the instance dict.
#[cold]
pub(super) fn load_attr_fill(
    vm: &Vm,
    code: &PyCode,
    unit: usize,
    o: &PyObject,
    name: &PyRef<PyStr>,
) {
    let Some(cells) = attr_cells(code, unit) else {
        return;
    };
    if !may_refill(code, unit, cells, o) {
        return;
    }
    let t = o.type_();
    let generic = match t.slots().getattro {
        Some(f) => std::ptr::fn_addr_eq(
            f,
            crate::ops::attr::generic_getattr as crate::object::typeobj::GetAttrFn,
        ),
        None => true,
    };
    // Only exact str names: their hash is the str hash the dict probe uses.
    if !generic || !name.as_object().is_type(&vm.types.str) || t.lookup(name).is_some() {
        return;
    }
    let Some(d) = instance_dict_ref(o) else {
        return;
    };
    let Some((ix, v)) = d.get_str_ix(name) else {
        return;
    };
    drop(v);
    if ix > u32::MAX as usize || d.value_at_if_key(ix, name.as_object()).is_none() {
        return;
    }
    let tp = o.type_ptr() as usize as u64;
    cells[0].set(tp as u32);
    cells[1].set((tp >> 32) as u32);
    cells[2].set(crate::object::typeobj::type_epoch() as u32);
    cells[3].set(ix as u32);
}

/// `LOAD_METHOD_WITH_DICT`'s effect: for an object of the cached type while the type epoch
/// is the cached one, the method is the cached descriptor (borrowed from the class dict
/// that held it, unchanged since), unless the instance dict has the name. The `CACHE`
/// units after the `LOAD_METHOD` hold the type, the epoch and the descriptor (two cells
/// each). `None`: take the generic path.
#[inline(always)]
pub(super) fn load_method_cached(
    clean: bool,
    vm: &Vm,
    code: &PyCode,
    unit: usize,
    o: &PyObject,
    name: &PyRef<PyStr>,
) -> Option<PyResult<(PyRef, bool)>> {
    if !clean {
        return None;
    }
    let cells = code.global_cache.get(unit + 1..unit + 7)?;
    let pair = |i: usize| u64::from(cells[i].get()) | (u64::from(cells[i + 1].get()) << 32);
    // The whole 64-bit epoch: the descriptor pointer must never be used past a change.
    if pair(0) != o.type_ptr() as usize as u64 || pair(2) != crate::object::typeobj::type_epoch() {
        return None;
    }
    let dp = pair(4) as usize;
    if dp == 0 {
        return None;
    }
    // SAFETY: the epoch is unchanged since the fill, so the class dict that held the
    // descriptor then has not changed nor been freed: the descriptor is alive.
    let descr = unsafe { (*(dp as *const PyObject)).to_owned() };
    if let Some(d) = crate::object::typeobj::instance_dict(o) {
        match d.get_item_hashed(vm, name.as_object(), name.hash()) {
            Ok(Some(v)) => return Some(Ok((v, false))),
            Ok(None) => {}
            Err(e) => return Some(Err(e)),
        }
    }
    Some(Ok((descr, true)))
}

/// Fills the `LOAD_METHOD` cache after the generic lookup found an unbound method: the
/// class (generic `__getattribute__`) has a method descriptor of that name now.
#[cold]
pub(super) fn load_method_fill(
    vm: &Vm,
    code: &PyCode,
    unit: usize,
    o: &PyObject,
    name: &PyRef<PyStr>,
) {
    let Some(cells) = code.global_cache.get(unit + 1..unit + 7) else {
        return;
    };
    // (cells 2..3 hold the whole epoch here; `may_refill` compares the low half.)
    if !may_refill(code, unit, cells, o) {
        return;
    }
    let t = o.type_();
    let generic = match t.slots().getattro {
        Some(f) => std::ptr::fn_addr_eq(
            f,
            crate::ops::attr::generic_getattr as crate::object::typeobj::GetAttrFn,
        ),
        None => true,
    };
    if !generic || !name.as_object().is_type(&vm.types.str) {
        return;
    }
    let Some(d) = t.lookup(name) else {
        return;
    };
    if !d
        .type_()
        .flags()
        .contains(crate::object::typeobj::TypeFlags::METHOD_DESCRIPTOR)
    {
        return;
    }
    let tp = o.type_ptr() as usize as u64;
    let dp = d.as_ptr() as usize as u64;
    drop(d);
    cells[0].set(tp as u32);
    cells[1].set((tp >> 32) as u32);
    let epoch = crate::object::typeobj::type_epoch();
    cells[2].set(epoch as u32);
    cells[3].set((epoch >> 32) as u32);
    cells[4].set(dp as u32);
    cells[5].set((dp >> 32) as u32);
}

/// `STORE_ATTR_INSTANCE_VALUE`'s effect: for an object of the cached type while the type
/// epoch is the cached one (the class has no attribute of that name and the generic
/// `__setattr__`), the value goes straight into the instance dict, as the generic path
/// would put it. The `CACHE` units after the `STORE_ATTR` hold the type (two cells),
/// the epoch and the instance-dict entry index the attribute was stored at. Gives the value back when the cache does not apply.
#[inline(always)]
pub(super) fn store_attr_cached(
    clean: bool,
    vm: &Vm,
    code: &PyCode,
    unit: usize,
    o: &PyObject,
    name: &PyRef<PyStr>,
    v: PyRef,
) -> Result<(), PyRef> {
    if !clean {
        return Err(v);
    }
    let Some(cells) = code.global_cache.get(unit + 1..unit + 5) else {
        return Err(v);
    };
    let tp = o.type_ptr() as usize as u64;
    let cached = u64::from(cells[0].get()) | (u64::from(cells[1].get()) << 32);
    if cached != tp || cells[2].get() != crate::object::typeobj::type_epoch() as u32 {
        return Err(v);
    }
    let Some(d) = crate::object::typeobj::instance_dict(o) else {
        return Err(v);
    };
    if !d.as_object().is_type(&vm.types.dict) {
        return Err(v);
    }
    // The entry the attribute was last stored at (`STORE_ATTR_INSTANCE_VALUE`), else a
    // store by name. (A reference to the dict is held: dropping the old value may run
    // code that replaces `o.__dict__`.)
    match d.replace_at_if_key(cells[3].get() as usize, name.as_object(), v) {
        Ok(()) => {}
        Err(v) => d.set_str(name.clone(), v),
    }
    drop(d);
    Ok(())
}

/// Fills the `STORE_ATTR` cache after a generic store when the attribute is a plain
/// instance attribute: generic `__setattr__`, an exact str name, no attribute of that
/// name in the class's MRO, and an exact dict as the instance dict.
#[cold]
pub(super) fn store_attr_fill(
    vm: &Vm,
    code: &PyCode,
    unit: usize,
    o: &PyObject,
    name: &PyRef<PyStr>,
) {
    let Some(cells) = code.global_cache.get(unit + 1..unit + 5) else {
        return;
    };
    if !may_refill(code, unit, cells, o) {
        return;
    }
    let t = o.type_();
    let generic = t.slots().setattro.is_some_and(|f| {
        std::ptr::fn_addr_eq(
            f,
            crate::ops::attr::generic_setattr as crate::object::typeobj::SetAttrFn,
        )
    });
    if !generic || !name.as_object().is_type(&vm.types.str) || t.lookup(name).is_some() {
        return;
    }
    let ix = match instance_dict_ref(o) {
        Some(d) if d.as_object().is_type(&vm.types.dict) => match d.get_str_ix(name) {
            Some((ix, v)) => {
                drop(v);
                u32::try_from(ix).unwrap_or(u32::MAX)
            }
            None => u32::MAX,
        },
        _ => return,
    };
    let tp = o.type_ptr() as usize as u64;
    cells[0].set(tp as u32);
    cells[1].set((tp >> 32) as u32);
    cells[2].set(crate::object::typeobj::type_epoch() as u32);
    cells[3].set(ix);
}

/// `FOR_ITER`'s next item from an exact `list_iterator` or `range_iterator` that has one
/// (a machine-sized int for ranges); `None`: take the generic `tp_iternext` (which also
/// handles the exhaustion).
#[inline(always)]
pub(super) fn for_iter_fast(vm: &Vm, it: &crate::object::PyObject) -> Option<PyRef> {
    if it.is_type(&vm.types.range_iterator) {
        // SAFETY: exact range_iterator.
        let ri = unsafe { it.cast_unchecked::<crate::objects::range::PyRangeIter>() };
        let n = ri.remaining.get();
        let v = ri.next.get();
        if n == 0 || v < i128::from(i64::MIN) || v > i128::from(i64::MAX) {
            return None;
        }
        ri.remaining.set(n - 1);
        ri.next.set(v.wrapping_add(ri.step));
        return Some(vm.new_int(v as i64));
    }
    if it.is_type(&vm.types.list_iterator) {
        // SAFETY: exact list_iterator.
        let si = unsafe { it.cast_unchecked::<crate::objects::iter::PySeqIter>() };
        let seq = si.seq.borrow().as_ref()?;
        let l = seq.downcast_ref::<crate::objects::list::PyList>()?;
        let i = si.index.get();
        let v = l.borrow().get(i)?.clone();
        si.index.set(i + 1);
        return Some(v);
    }
    None
}
