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

/// Set algebra in CPython's iteration orders (`set_intersection` iterates the smaller set).
pub fn set_binop(vm: &Vm, a: &PySet, b: &PySet, op: u8) -> PyResult {
    let r = new_like(vm, a.as_object());
    match op {
        b'|' => {
            for (k, h) in a.items_hashed() {
                r.add_hashed(vm, k, h)?;
            }
            for (k, h) in b.items_hashed() {
                r.add_hashed(vm, k, h)?;
            }
        }
        b'&' => {
            let (small, big) = if a.len() > b.len() { (b, a) } else { (a, b) };
            for (k, h) in small.items_hashed() {
                if big.contains_hashed(vm, &k, h)? {
                    r.add_hashed(vm, k, h)?;
                }
            }
        }
        b'-' => {
            for (k, h) in a.items_hashed() {
                if !b.contains_hashed(vm, &k, h)? {
                    r.add_hashed(vm, k, h)?;
                }
            }
        }
        _ => {
            for (k, h) in a.items_hashed() {
                r.add_hashed(vm, k, h)?;
            }
            for (k, h) in b.items_hashed() {
                if !r.discard_hashed(vm, &k, h)? {
                    r.add_hashed(vm, k, h)?;
                }
            }
        }
    }
    Ok(r.into_object())
}

fn to_set(vm: &Vm, o: &PyRef) -> PyResult<PyRef<PySet>> {
    if let Ok(s) = o.clone().downcast::<PySet>() {
        return Ok(s);
    }
    let s = vm.new_set();
    for x in crate::ops::collect(vm, o)? {
        s.add(vm, x)?;
    }
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
macro_rules! ibinop {
    ($f:ident, $c:expr) => {
        fn $f(vm: &Vm, a: &PyObject, b: &PyObject) -> PyResult {
            let (Some(x), Some(y)) = (a.downcast_ref::<PySet>(), b.downcast_ref::<PySet>()) else {
                return Ok(vm.not_implemented());
            };
            let r = set_binop(vm, x, y, $c)?;
            let rs = st(vm, &r)?;
            let items = rs.items_hashed();
            x.clear();
            for (k, h) in items {
                x.add_hashed(vm, k, h)?;
            }
            Ok(a.to_owned())
        }
    };
}
ibinop!(set_ior, b'|');
ibinop!(set_iand, b'&');
ibinop!(set_isub, b'-');
ibinop!(set_ixor, b'^');

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
            for it in crate::ops::collect(vm, x)? {
                s.add(vm, it)?;
            }
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
    s.clear();
    if let Some(x) = a.first() {
        for it in crate::ops::collect(vm, x)? {
            s.add(vm, it)?;
        }
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
    let r = new_like(vm, &a[0]);
    for (k, h) in s.items_hashed() {
        r.add_hashed(vm, k, h)?;
    }
    Ok(r.into_object())
}
fn multi(vm: &Vm, a: &[PyRef], op: u8) -> PyResult {
    let s = this(vm, a)?;
    let mut cur = new_like(vm, &a[0]);
    for (k, h) in s.items_hashed() {
        cur.add_hashed(vm, k, h)?;
    }
    for o in &a[1..] {
        let os = to_set(vm, o)?;
        let r = set_binop(vm, &cur, &os, op)?;
        cur = r
            .downcast::<PySet>()
            .map_err(|_| vm.new_type_error("set expected"))?;
    }
    Ok(cur.into_object())
}
fn union(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    multi(vm, a, b'|')
}
fn intersection(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    multi(vm, a, b'&')
}
fn difference(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    multi(vm, a, b'-')
}
fn symmetric_difference(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    multi(vm, a, b'^')
}
fn in_place(vm: &Vm, a: &[PyRef], op: u8) -> PyResult {
    let r = multi(vm, a, op)?;
    let s = this(vm, a)?;
    let items = st(vm, &r)?.items_hashed();
    s.clear();
    for (k, h) in items {
        s.add_hashed(vm, k, h)?;
    }
    Ok(vm.none())
}
fn update(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let s = this(vm, a)?;
    for o in &a[1..] {
        for x in crate::ops::collect(vm, o)? {
            s.add(vm, x)?;
        }
    }
    Ok(vm.none())
}
fn intersection_update(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    in_place(vm, a, b'&')
}
fn difference_update(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    in_place(vm, a, b'-')
}
fn symmetric_difference_update(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    in_place(vm, a, b'^')
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
