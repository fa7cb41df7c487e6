//! `set` and `frozenset` types: slots, operators and methods.

use super::tuple_methods::repr_guard;
use crate::argparse;
use crate::error::PyResult;
use crate::object::typeobj::{CmpOp, NbOp};
use crate::object::{PyObject, PyRef, PyType};
use crate::objects::descr::MethodDef;
use crate::objects::set::PySet;
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;

fn st<'a>(vm: &Vm, o: &'a PyObject) -> PyResult<&'a PySet> {
    o.downcast_ref::<PySet>().ok_or_else(|| {
        vm.new_type_error(format!(
            "descriptor requires a 'set' object but received a '{}'",
            o.type_().name_str()
        ))
    })
}

fn new_like(vm: &Vm, proto: &PyObject) -> PyRef<PySet> {
    if proto.type_().is_subtype(&vm.types.frozenset) {
        vm.new_set_of_type(&vm.types.frozenset)
    } else {
        vm.new_set()
    }
}

/// `make_new_set_basetype(type(proto), NULL)`: an empty set or frozenset.
fn empty_like(vm: &Vm, proto: &PyObject) -> PyRef<PySet> {
    new_like(vm, proto)
}

/// `set_copy`: a new set (or frozenset) of `so`'s base type holding its entries.
pub fn set_copy(vm: &Vm, so: &PySet) -> PyResult<PyRef<PySet>> {
    let r = empty_like(vm, so.as_object());
    r.merge(vm, so)?;
    Ok(r)
}

/// `set_intersection`.
pub fn set_intersection(vm: &Vm, so: &PySet, other: &PyObject) -> PyResult<PyRef<PySet>> {
    if std::ptr::eq(so.as_object(), other) {
        return set_copy(vm, so);
    }
    let result = empty_like(vm, so.as_object());
    if let Some(o) = other.downcast_ref::<PySet>() {
        let (big, small) = if o.len() > so.len() { (o, so) } else { (so, o) };
        for (k, h) in small.items_hashed() {
            if big.contains_hashed(vm, &k, h)? {
                result.add_hashed(vm, k, h)?;
            }
        }
        return Ok(result);
    }
    let it = crate::ops::iter(vm, other)?;
    while let Some(k) = crate::ops::next(vm, &it)? {
        let h = crate::ops::hash(vm, &k)?;
        if so.contains_hashed(vm, &k, h)? {
            result.add_hashed(vm, k, h)?;
        }
    }
    Ok(result)
}

/// `set_difference_update_internal`.
pub fn set_difference_update(vm: &Vm, so: &PySet, other: &PyObject) -> PyResult<()> {
    if std::ptr::eq(so.as_object(), other) {
        so.clear();
        return Ok(());
    }
    if let Some(o) = other.downcast_ref::<PySet>() {
        let items = if (o.len() >> 3) > so.len() {
            set_intersection(vm, so, other)?.items_hashed()
        } else {
            o.items_hashed()
        };
        for (k, h) in items {
            so.discard_entry(vm, &k, h)?;
        }
    } else {
        let it = crate::ops::iter(vm, other)?;
        while let Some(k) = crate::ops::next(vm, &it)? {
            so.discard(vm, &k)?;
        }
    }
    so.compact_after_discards();
    Ok(())
}

/// `set_difference`.
pub fn set_difference(vm: &Vm, so: &PySet, other: &PyObject) -> PyResult<PyRef<PySet>> {
    let other_size = if let Some(o) = other.downcast_ref::<PySet>() {
        o.len()
    } else if other.is_type(&vm.types.dict) {
        crate::ops::len(vm, other)?
    } else {
        let r = set_copy(vm, so)?;
        set_difference_update(vm, &r, other)?;
        return Ok(r);
    };
    if (so.len() >> 2) > other_size {
        let r = set_copy(vm, so)?;
        set_difference_update(vm, &r, other)?;
        return Ok(r);
    }
    let result = empty_like(vm, so.as_object());
    if let Some(d) = other.downcast_ref::<crate::objects::dict::PyDict>() {
        for (k, h) in so.items_hashed() {
            if d.get_item_hashed(vm, &k, h)?.is_none() {
                result.add_hashed(vm, k, h)?;
            }
        }
        return Ok(result);
    }
    if let Some(o) = other.downcast_ref::<PySet>() {
        for (k, h) in so.items_hashed() {
            if !o.contains_hashed(vm, &k, h)? {
                result.add_hashed(vm, k, h)?;
            }
        }
    }
    Ok(result)
}

/// `set_symmetric_difference_update`.
pub fn set_symmetric_difference_update(vm: &Vm, so: &PySet, other: &PyObject) -> PyResult<()> {
    if std::ptr::eq(so.as_object(), other) {
        so.clear();
        return Ok(());
    }
    let items: Vec<(PyRef, i64)> = if let Some(d) = other
        .downcast_ref::<crate::objects::dict::PyDict>()
        .filter(|_| other.is_type(&vm.types.dict))
    {
        (0..d.entries_len())
            .filter_map(|i| Some((d.key_at(i)?, d.hash_at(i)?)))
            .collect()
    } else if let Some(o) = other.downcast_ref::<PySet>() {
        o.items_hashed()
    } else {
        let tmp = empty_like(vm, so.as_object());
        tmp.update_internal(vm, other)?;
        tmp.items_hashed()
    };
    for (k, h) in items {
        if !so.discard_entry(vm, &k, h)? {
            so.add_hashed(vm, k, h)?;
        }
    }
    Ok(())
}

/// `set_symmetric_difference`: a copy of `other` updated with `so`.
pub fn set_symmetric_difference(vm: &Vm, so: &PySet, other: &PyObject) -> PyResult<PyRef<PySet>> {
    let r = empty_like(vm, so.as_object());
    r.update_internal(vm, other)?;
    set_symmetric_difference_update(vm, &r, so.as_object())?;
    Ok(r)
}

/// Set algebra on two sets (used by dict views and the operators).
pub fn set_binop(vm: &Vm, a: &PySet, b: &PySet, op: u8) -> PyResult {
    let r = match op {
        b'|' => {
            let r = set_copy(vm, a)?;
            r.merge(vm, b)?;
            r
        }
        b'&' => set_intersection(vm, a, b.as_object())?,
        b'-' => set_difference(vm, a, b.as_object())?,
        _ => set_symmetric_difference(vm, a, b.as_object())?,
    };
    Ok(r.into_object())
}

fn to_set(vm: &Vm, o: &PyRef) -> PyResult<PyRef<PySet>> {
    if let Ok(s) = o.clone().downcast::<PySet>() {
        return Ok(s);
    }
    let s = vm.new_set();
    s.update_internal(vm, o)?;
    Ok(s)
}

fn set_repr(vm: &Vm, o: &PyObject) -> PyResult {
    let s = st(vm, o)?;
    let tname = o.type_().name_str();
    if s.is_empty() {
        return Ok(vm.new_str(&format!("{}()", tname)));
    }
    let r = repr_guard(vm, o, &format!("{}(...)", tname), || {
        let inner = super::tuple_methods::join_reprs(vm, &s.items())?;
        Ok(if o.is_type(&vm.types.set) {
            format!("{{{}}}", inner)
        } else {
            format!("{}({{{}}})", tname, inner)
        })
    })?;
    Ok(vm.new_str(&r))
}
fn set_len(vm: &Vm, o: &PyObject) -> PyResult<usize> {
    Ok(st(vm, o)?.len())
}
fn set_contains(vm: &Vm, o: &PyObject, k: &PyObject) -> PyResult<bool> {
    let s = st(vm, o)?;
    match s.contains(vm, k) {
        Err(e) if e.matches(&vm.exc.type_error) && k.downcast_ref::<PySet>().is_some() => {
            let f = vm.new_set_of_type(&vm.types.frozenset);
            for x in st(vm, k)?.items() {
                f.add(vm, x)?;
            }
            s.contains(vm, f.as_object())
        }
        r => r,
    }
}
fn set_iter(vm: &Vm, o: &PyObject) -> PyResult {
    let s = st(vm, o)?;
    Ok(vm.new_seq_iter(&vm.types.set_iterator, o.to_owned(), s.len() as u64))
}
fn set_hash(vm: &Vm, o: &PyObject) -> PyResult<i64> {
    let s = st(vm, o)?;
    let h = s.hash.get();
    if h != -1 {
        return Ok(h);
    }
    let h = refvm_common::hash::hash_frozenset(s.items_hashed().into_iter().map(|(_, h)| h));
    s.hash.set(h);
    Ok(h)
}
fn subset(vm: &Vm, a: &PySet, b: &PySet) -> PyResult<bool> {
    if a.len() > b.len() {
        return Ok(false);
    }
    for (k, h) in a.items_hashed() {
        if !b.contains_hashed(vm, &k, h)? {
            return Ok(false);
        }
    }
    Ok(true)
}
fn set_richcompare(vm: &Vm, a: &PyObject, b: &PyObject, op: CmpOp) -> PyResult {
    let (Some(x), Some(y)) = (a.downcast_ref::<PySet>(), b.downcast_ref::<PySet>()) else {
        return Ok(vm.not_implemented());
    };
    let r = match op {
        CmpOp::Eq => x.len() == y.len() && subset(vm, x, y)?,
        CmpOp::Ne => !(x.len() == y.len() && subset(vm, x, y)?),
        CmpOp::Le => subset(vm, x, y)?,
        CmpOp::Ge => subset(vm, y, x)?,
        CmpOp::Lt => x.len() < y.len() && subset(vm, x, y)?,
        CmpOp::Gt => x.len() > y.len() && subset(vm, y, x)?,
    };
    Ok(vm.new_bool(r))
}
macro_rules! binop {
    ($f:ident, $c:expr) => {
        fn $f(vm: &Vm, a: &PyObject, b: &PyObject) -> PyResult {
            let (Some(x), Some(y)) = (a.downcast_ref::<PySet>(), b.downcast_ref::<PySet>()) else {
                return Ok(vm.not_implemented());
            };
            set_binop(vm, x, y, $c)
        }
    };
}
binop!(set_or, b'|');
binop!(set_and, b'&');
binop!(set_sub, b'-');
binop!(set_xor, b'^');
fn set_ior(vm: &Vm, a: &PyObject, b: &PyObject) -> PyResult {
    let (Some(x), Some(y)) = (a.downcast_ref::<PySet>(), b.downcast_ref::<PySet>()) else {
        return Ok(vm.not_implemented());
    };
    x.merge(vm, y)?;
    Ok(a.to_owned())
}
fn set_iand(vm: &Vm, a: &PyObject, b: &PyObject) -> PyResult {
    let (Some(x), Some(_)) = (a.downcast_ref::<PySet>(), b.downcast_ref::<PySet>()) else {
        return Ok(vm.not_implemented());
    };
    let r = set_intersection(vm, x, b)?;
    x.swap_bodies(&r);
    Ok(a.to_owned())
}
fn set_isub(vm: &Vm, a: &PyObject, b: &PyObject) -> PyResult {
    let (Some(x), Some(_)) = (a.downcast_ref::<PySet>(), b.downcast_ref::<PySet>()) else {
        return Ok(vm.not_implemented());
    };
    set_difference_update(vm, x, b)?;
    Ok(a.to_owned())
}
fn set_ixor(vm: &Vm, a: &PyObject, b: &PyObject) -> PyResult {
    let (Some(x), Some(_)) = (a.downcast_ref::<PySet>(), b.downcast_ref::<PySet>()) else {
        return Ok(vm.not_implemented());
    };
    set_symmetric_difference_update(vm, x, b)?;
    Ok(a.to_owned())
}

fn set_new(vm: &Vm, t: &PyRef<PyType>, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    let s = vm.new_set_of_type(t);
    if t.is_subtype(&vm.types.frozenset) {
        if t.is(&vm.types.frozenset) {
            argparse::no_kw(vm, "frozenset", k)?;
        }
        if a.len() > 1 {
            return Err(vm.new_type_error(format!(
                "frozenset expected at most 1 argument, got {}",
                a.len()
            )));
        }
        if let Some(x) = a.first() {
            if x.is_type(&vm.types.frozenset) && t.is(&vm.types.frozenset) {
                return Ok(x.clone());
            }
            s.update_internal(vm, x)?;
        }
    }
    Ok(s.into_object())
}
fn set_init(vm: &Vm, o: &PyObject, a: &[PyRef], k: Option<&PyTuple>) -> PyResult<()> {
    if o.type_().is_subtype(&vm.types.frozenset) {
        return Ok(());
    }
    if o.is_type(&vm.types.set) {
        argparse::no_kw(vm, "set", k)?;
    }
    if a.len() > 1 {
        return Err(vm.new_type_error(format!("set expected at most 1 argument, got {}", a.len())));
    }
    let s = st(vm, o)?;
    if s.inner().fill > 0 {
        s.clear();
    }
    if let Some(x) = a.first() {
        s.update_internal(vm, x)?;
    }
    Ok(())
}

fn this<'a>(vm: &Vm, a: &'a [PyRef]) -> PyResult<&'a PySet> {
    st(
        vm,
        a.first().ok_or_else(|| vm.new_type_error("missing self"))?,
    )
}
fn add(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "set.add", &a[1..], k, 1)?;
    this(vm, a)?.add(vm, a[1].clone())?;
    Ok(vm.none())
}
fn discard(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "set.discard", &a[1..], k, 1)?;
    this(vm, a)?.discard(vm, &a[1])?;
    Ok(vm.none())
}
fn remove(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "set.remove", &a[1..], k, 1)?;
    if !this(vm, a)?.discard(vm, &a[1])? {
        return Err(vm.new_key_error(a[1].clone()));
    }
    Ok(vm.none())
}
fn pop(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    this(vm, a)?
        .pop()
        .ok_or_else(|| vm.new_key_error_msg("pop from an empty set"))
}
fn clear(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    this(vm, a)?.clear();
    Ok(vm.none())
}
fn copy(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let s = this(vm, a)?;
    if a[0].is_type(&vm.types.frozenset) {
        return Ok(a[0].clone());
    }
    Ok(set_copy(vm, s)?.into_object())
}
fn union(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let s = this(vm, a)?;
    let r = set_copy(vm, s)?;
    for o in &a[1..] {
        if o.is(&a[0]) {
            continue;
        }
        r.update_internal(vm, o)?;
    }
    Ok(r.into_object())
}
fn intersection(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let s = this(vm, a)?;
    if a.len() == 1 {
        return Ok(set_copy(vm, s)?.into_object());
    }
    let mut cur: Option<PyRef<PySet>> = None;
    for o in &a[1..] {
        let base: &PySet = match &cur {
            Some(c) => c,
            None => s,
        };
        let r = set_intersection(vm, base, o)?;
        cur = Some(r);
    }
    Ok(cur.map(|c| c.into_object()).unwrap_or_else(|| a[0].clone()))
}
fn difference(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let s = this(vm, a)?;
    if a.len() == 1 {
        return Ok(set_copy(vm, s)?.into_object());
    }
    let r = set_difference(vm, s, &a[1])?;
    for o in &a[2..] {
        set_difference_update(vm, &r, o)?;
    }
    Ok(r.into_object())
}
fn symmetric_difference(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "symmetric_difference", &a[1..], k, 1)?;
    let s = this(vm, a)?;
    Ok(set_symmetric_difference(vm, s, &a[1])?.into_object())
}
fn update(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let s = this(vm, a)?;
    for o in &a[1..] {
        s.update_internal(vm, o)?;
    }
    Ok(vm.none())
}
fn intersection_update(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    let r = intersection(vm, a, k)?;
    let s = this(vm, a)?;
    if let Some(rs) = r.downcast_ref::<PySet>() {
        if !rs.as_object().is(&a[0]) {
            s.swap_bodies(rs);
        }
    }
    Ok(vm.none())
}
fn difference_update(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let s = this(vm, a)?;
    for o in &a[1..] {
        set_difference_update(vm, s, o)?;
    }
    Ok(vm.none())
}
fn symmetric_difference_update(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "symmetric_difference_update", &a[1..], k, 1)?;
    let s = this(vm, a)?;
    set_symmetric_difference_update(vm, s, &a[1])?;
    Ok(vm.none())
}
fn issubset(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let o = to_set(vm, &a[1])?;
    Ok(vm.new_bool(subset(vm, this(vm, a)?, &o)?))
}
fn issuperset(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let o = to_set(vm, &a[1])?;
    Ok(vm.new_bool(subset(vm, &o, this(vm, a)?)?))
}
fn isdisjoint(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let s = this(vm, a)?;
    for x in crate::ops::collect(vm, &a[1])? {
        if s.contains(vm, &x)? {
            return Ok(vm.new_bool(false));
        }
    }
    Ok(vm.new_bool(true))
}

pub fn init(vm: &Vm) {
    for t in [&vm.types.set, &vm.types.frozenset] {
        t.update_slots(|s| {
            s.repr = Some(set_repr);
            s.sq_length = Some(set_len);
            s.sq_contains = Some(set_contains);
            s.iter = Some(set_iter);
            s.richcompare = Some(set_richcompare);
            s.nb_binary[NbOp::Or as usize] = Some(set_or);
            s.nb_binary[NbOp::And as usize] = Some(set_and);
            s.nb_binary[NbOp::Subtract as usize] = Some(set_sub);
            s.nb_binary[NbOp::Xor as usize] = Some(set_xor);
            s.new = Some(set_new);
            s.init = Some(set_init);
            s.traverse = Some(crate::objects::set::set_traverse);
            s.clear = Some(crate::objects::set::set_clear);
        });
        vm.add_methods(
            t,
            &[
                MethodDef::method("copy", copy),
                MethodDef::method("union", union),
                MethodDef::method("intersection", intersection),
                MethodDef::method("difference", difference),
                MethodDef::method("symmetric_difference", symmetric_difference),
                MethodDef::method("issubset", issubset),
                MethodDef::method("issuperset", issuperset),
                MethodDef::method("isdisjoint", isdisjoint),
            ],
        );
    }
    vm.types.set.update_slots(|s| {
        s.hash_none = true;
        s.nb_inplace[NbOp::Or as usize] = Some(set_ior);
        s.nb_inplace[NbOp::And as usize] = Some(set_iand);
        s.nb_inplace[NbOp::Subtract as usize] = Some(set_isub);
        s.nb_inplace[NbOp::Xor as usize] = Some(set_ixor);
    });
    vm.types.frozenset.update_slots(|s| s.hash = Some(set_hash));
    vm.add_methods(
        &vm.types.set,
        &[
            MethodDef::method("add", add),
            MethodDef::method("discard", discard),
            MethodDef::method("remove", remove),
            MethodDef::method("pop", pop),
            MethodDef::method("clear", clear),
            MethodDef::method("update", update),
            MethodDef::method("intersection_update", intersection_update),
            MethodDef::method("difference_update", difference_update),
            MethodDef::method("symmetric_difference_update", symmetric_difference_update),
        ],
    );
}
