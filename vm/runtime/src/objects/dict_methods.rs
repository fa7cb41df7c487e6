//! `dict` type: slots, methods, views (`keys()`, `values()`, `items()`) and the
//! read-only `mappingproxy` of class dicts.

use super::tuple_methods::repr_guard;
use crate::argparse;
use crate::error::PyResult;
use crate::object::typeobj::CmpOp;
use crate::object::{PyObject, PyRef, PyType, Slot};
use crate::objects::descr::MethodDef;
use crate::objects::dict::{PyDict, new_dict_of_type};
use crate::objects::iter::PySeqIter;
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;

fn d<'a>(vm: &Vm, o: &'a PyObject) -> PyResult<&'a PyDict> {
    o.downcast_ref::<PyDict>().ok_or_else(|| {
        vm.new_type_error(format!(
            "descriptor requires a 'dict' object but received a '{}'",
            o.type_().name_str()
        ))
    })
}

/// `dict.update(other)` / `DICT_UPDATE`: from a mapping (keys()) or an iterable of pairs.
pub fn dict_merge(vm: &Vm, target: &PyDict, other: &PyRef, _override: bool) -> PyResult<()> {
    if let Some(od) = other.downcast_ref::<PyDict>() {
        if other
            .type_()
            .slots()
            .iter
            .is_some_and(|f| std::ptr::fn_addr_eq(f, dict_iter as crate::object::typeobj::UnaryFn))
        {
            for (k, v) in od.items() {
                target.set_item(vm, k, v)?;
            }
            return Ok(());
        }
    }
    let keys = crate::ops::get_attr(vm, other, &vm.names.keys)?;
    let ks = crate::ops::call(vm, &keys, &[], None)?;
    for k in crate::ops::collect(vm, &ks)? {
        let v = crate::ops::getitem(vm, other, &k)?;
        target.set_item(vm, k, v)?;
    }
    Ok(())
}

fn merge_pairs(vm: &Vm, target: &PyDict, other: &PyRef) -> PyResult<()> {
    if other.downcast_ref::<PyDict>().is_some()
        || crate::ops::get_attr_opt(vm, other, &vm.names.keys)?.is_some()
    {
        return dict_merge(vm, target, other, true);
    }
    let it = crate::ops::iter(vm, other)?;
    let mut i = 0;
    while let Some(item) = crate::ops::next(vm, &it)? {
        let pair = match crate::ops::collect(vm, &item) {
            Ok(p) => p,
            Err(e) if e.matches(&vm.exc.type_error) => {
                return Err(vm.new_type_error(format!(
                    "cannot convert dictionary update sequence element #{} to a sequence",
                    i
                )));
            }
            Err(e) => return Err(e),
        };
        if pair.len() != 2 {
            return Err(vm.new_value_error(format!(
                "dictionary update sequence element #{} has length {}; 2 is required",
                i,
                pair.len()
            )));
        }
        let mut p = pair.into_iter();
        if let (Some(k), Some(v)) = (p.next(), p.next()) {
            target.set_item(vm, k, v)?;
        }
        i += 1;
    }
    Ok(())
}

/// `DICT_MERGE` (`f(**m)`): duplicate keys are an error naming the function.
pub fn dict_merge_kwargs(vm: &Vm, target: &PyDict, other: &PyRef, func: &PyRef) -> PyResult<()> {
    let items: Vec<(PyRef, PyRef)> = if let Some(od) = other.downcast_ref::<PyDict>() {
        od.items()
    } else {
        let keys = match crate::ops::get_attr_opt(vm, other, &vm.names.keys)? {
            Some(k) => k,
            None => {
                return Err(vm.new_type_error(format!(
                    "{} argument after ** must be a mapping, not {}",
                    crate::eval::function_str(vm, func),
                    other.type_().name_str()
                )));
            }
        };
        let ks = crate::ops::call(vm, &keys, &[], None)?;
        let mut v = Vec::new();
        for k in crate::ops::collect(vm, &ks)? {
            let val = crate::ops::getitem(vm, other, &k)?;
            v.push((k, val));
        }
        v
    };
    for (k, v) in items {
        if target.contains(vm, &k)? {
            return Err(vm.new_type_error(format!(
                "{} got multiple values for keyword argument '{}'",
                crate::eval::function_str(vm, func),
                crate::ops::str_string(vm, &k)?
            )));
        }
        target.set_item(vm, k, v)?;
    }
    Ok(())
}

fn dict_repr(vm: &Vm, o: &PyObject) -> PyResult {
    let dd = d(vm, o)?;
    if dd.is_empty() {
        return Ok(vm.new_str("{}"));
    }
    let s = repr_guard(vm, o, "{...}", || {
        let mut out = String::from("{");
        for (i, (k, v)) in dd.items().iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&crate::ops::repr(vm, k)?.as_cow());
            out.push_str(": ");
            out.push_str(&crate::ops::repr(vm, v)?.as_cow());
        }
        out.push('}');
        Ok(out)
    })?;
    Ok(vm.new_str(&s))
}
fn dict_len(vm: &Vm, o: &PyObject) -> PyResult<usize> {
    Ok(d(vm, o)?.len())
}
fn dict_getitem(vm: &Vm, o: &PyObject, k: &PyObject) -> PyResult {
    let dd = d(vm, o)?;
    if let Some(v) = dd.get_item(vm, k)? {
        return Ok(v);
    }
    if !o.is_type(&vm.types.dict) {
        if let Some(m) = crate::objects::typeobject::lookup_special(vm, o, &vm.names.__missing__) {
            return crate::ops::call(vm, &m, &[k.to_owned()], None);
        }
    }
    Err(vm.new_key_error(k.to_owned()))
}
fn dict_setitem(vm: &Vm, o: &PyObject, k: &PyObject, v: Slot) -> PyResult<()> {
    let dd = d(vm, o)?;
    match v {
        Some(v) => dd.set_item(vm, k.to_owned(), v),
        None => match dd.pop_item(vm, k)? {
            Some(_) => Ok(()),
            None => Err(vm.new_key_error(k.to_owned())),
        },
    }
}
fn dict_contains(vm: &Vm, o: &PyObject, k: &PyObject) -> PyResult<bool> {
    d(vm, o)?.contains(vm, k)
}
pub fn dict_iter(vm: &Vm, o: &PyObject) -> PyResult {
    let dd = d(vm, o)?;
    let it = vm.new_seq_iter(&vm.types.dict_keyiterator, o.to_owned(), dd.len() as u64);
    Ok(it)
}
fn dict_richcompare(vm: &Vm, a: &PyObject, b: &PyObject, op: CmpOp) -> PyResult {
    let (Some(x), Some(y)) = (a.downcast_ref::<PyDict>(), b.downcast_ref::<PyDict>()) else {
        return Ok(vm.not_implemented());
    };
    if op != CmpOp::Eq && op != CmpOp::Ne {
        return Ok(vm.not_implemented());
    }
    let mut eq = x.len() == y.len();
    if eq {
        for (k, v) in x.items() {
            match y.get_item(vm, &k)? {
                Some(v2) => {
                    if !crate::ops::rich_compare_bool(vm, &v, &v2, CmpOp::Eq)? {
                        eq = false;
                        break;
                    }
                }
                None => {
                    eq = false;
                    break;
                }
            }
        }
    }
    Ok(vm.new_bool(eq == (op == CmpOp::Eq)))
}
fn dict_new(vm: &Vm, t: &PyRef<PyType>, _a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let _ = vm;
    Ok(new_dict_of_type(t).into_object())
}
fn dict_init(vm: &Vm, o: &PyObject, a: &[PyRef], k: Option<&PyTuple>) -> PyResult<()> {
    let dd = d(vm, o)?;
    let (pos, kws) = crate::ops::call::split_args(a, k);
    if pos.len() > 1 {
        return Err(vm.new_type_error(format!(
            "dict expected at most 1 argument, got {}",
            pos.len()
        )));
    }
    if let Some(x) = pos.first() {
        merge_pairs(vm, dd, x)?;
    }
    for (k, v) in kws {
        dd.set_item(vm, k.clone(), v.clone())?;
    }
    Ok(())
}
fn dict_or(vm: &Vm, a: &PyObject, b: &PyObject) -> PyResult {
    let (Some(x), Some(_)) = (a.downcast_ref::<PyDict>(), b.downcast_ref::<PyDict>()) else {
        return Ok(vm.not_implemented());
    };
    let n = x.copy(vm);
    dict_merge(vm, &n, &b.to_owned(), true)?;
    Ok(n.into_object())
}
fn dict_ior(vm: &Vm, a: &PyObject, b: &PyObject) -> PyResult {
    let x = d(vm, a)?;
    merge_pairs(vm, x, &b.to_owned())?;
    Ok(a.to_owned())
}

fn this<'a>(vm: &Vm, a: &'a [PyRef]) -> PyResult<&'a PyDict> {
    d(
        vm,
        a.first().ok_or_else(|| vm.new_type_error("missing self"))?,
    )
}
fn view(vm: &Vm, a: &[PyRef], t: &PyType) -> PyResult {
    this(vm, a)?;
    Ok(vm.new_seq_iter(t, a[0].clone(), 0))
}
fn keys(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    view(vm, a, &vm.types.dict_keys)
}
fn values(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    view(vm, a, &vm.types.dict_values)
}
fn items(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    view(vm, a, &vm.types.dict_items)
}
fn get(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::range(vm, "get", &a[1..], k, 1, 2)?;
    Ok(this(vm, a)?
        .get_item(vm, &a[1])?
        .unwrap_or_else(|| a.get(2).cloned().unwrap_or_else(|| vm.none())))
}
fn setdefault(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::range(vm, "setdefault", &a[1..], k, 1, 2)?;
    let dd = this(vm, a)?;
    if let Some(v) = dd.get_item(vm, &a[1])? {
        return Ok(v);
    }
    let dv = a.get(2).cloned().unwrap_or_else(|| vm.none());
    dd.set_item(vm, a[1].clone(), dv.clone())?;
    Ok(dv)
}
fn pop(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::range(vm, "pop", &a[1..], k, 1, 2)?;
    match this(vm, a)?.pop_item(vm, &a[1])? {
        Some(v) => Ok(v),
        None => a
            .get(2)
            .cloned()
            .ok_or_else(|| vm.new_key_error(a[1].clone())),
    }
}
fn popitem(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "popitem", &a[1..], k, 0)?;
    match this(vm, a)?.pop_last() {
        Some((k, v)) => Ok(vm.new_tuple(vec![k, v]).into_object()),
        None => Err(vm.new_key_error_msg("popitem(): dictionary is empty")),
    }
}
fn update(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    let dd = this(vm, a)?;
    let (pos, kws) = crate::ops::call::split_args(&a[1..], k);
    if pos.len() > 1 {
        return Err(vm.new_type_error(format!(
            "update expected at most 1 argument, got {}",
            pos.len()
        )));
    }
    if let Some(x) = pos.first() {
        merge_pairs(vm, dd, x)?;
    }
    for (k, v) in kws {
        dd.set_item(vm, k.clone(), v.clone())?;
    }
    Ok(vm.none())
}
fn clear(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    this(vm, a)?.clear();
    Ok(vm.none())
}
fn copy(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    Ok(this(vm, a)?.copy(vm).into_object())
}
fn fromkeys(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::range(vm, "fromkeys", &a[1..], k, 1, 2)?;
    let cls = &a[0];
    let v = a.get(2).cloned().unwrap_or_else(|| vm.none());
    let nd = crate::ops::call(vm, cls, &[], None)?;
    for key in crate::ops::collect(vm, &a[1])? {
        crate::ops::setitem(vm, &nd, &key, v.clone())?;
    }
    Ok(nd)
}
fn reversed_(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let dd = this(vm, a)?;
    let it = vm.new_seq_iter(
        &vm.types.dict_reversekeyiterator,
        a[0].clone(),
        dd.len() as u64,
    );
    if let Some(i) = it.downcast_ref::<PySeqIter>() {
        i.index.set(dd.entries_len());
    }
    Ok(it)
}
fn class_getitem(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    crate::objects::typeobject::generic_alias(vm, &a[0], &a[1])
}

// ---- views ----

fn view_dict<'a>(vm: &Vm, o: &'a PyObject) -> PyResult<PyRef<PyDict>> {
    let v = o
        .downcast_ref::<PySeqIter>()
        .ok_or_else(|| vm.new_type_error("bad view"))?;
    let s = v.seq.get().ok_or_else(|| vm.new_type_error("bad view"))?;
    s.downcast::<PyDict>()
        .map_err(|_| vm.new_type_error("bad view"))
}
fn view_len(vm: &Vm, o: &PyObject) -> PyResult<usize> {
    Ok(view_dict(vm, o)?.len())
}
fn view_iter(vm: &Vm, o: &PyObject) -> PyResult {
    let dd = view_dict(vm, o)?;
    let t = if o.is_type(&vm.types.dict_values) {
        &vm.types.dict_valueiterator
    } else if o.is_type(&vm.types.dict_items) {
        &vm.types.dict_itemiterator
    } else {
        &vm.types.dict_keyiterator
    };
    let n = dd.len() as u64;
    Ok(vm.new_seq_iter(t, dd.into_object(), n))
}
fn view_contains(vm: &Vm, o: &PyObject, x: &PyObject) -> PyResult<bool> {
    let dd = view_dict(vm, o)?;
    if o.is_type(&vm.types.dict_keys) {
        return dd.contains(vm, x);
    }
    if o.is_type(&vm.types.dict_items) {
        let Some(t) = x.downcast_ref::<PyTuple>().filter(|t| t.len() == 2) else {
            return Ok(false);
        };
        return match dd.get_item(vm, &t.as_slice()[0])? {
            Some(v) => crate::ops::rich_compare_bool(vm, &v, &t.as_slice()[1], CmpOp::Eq),
            None => Ok(false),
        };
    }
    for v in dd.values() {
        if crate::ops::rich_compare_bool(vm, &v, x, CmpOp::Eq)? {
            return Ok(true);
        }
    }
    Ok(false)
}
fn view_repr(vm: &Vm, o: &PyObject) -> PyResult {
    let dd = view_dict(vm, o)?;
    let name = o.type_().name_str();
    let s = repr_guard(vm, o, "...", || {
        let items: Vec<PyRef> = if o.is_type(&vm.types.dict_keys) {
            dd.keys()
        } else if o.is_type(&vm.types.dict_values) {
            dd.values()
        } else {
            dd.items()
                .into_iter()
                .map(|(k, v)| vm.new_tuple(vec![k, v]).into_object())
                .collect()
        };
        Ok(format!(
            "{}([{}])",
            name,
            super::tuple_methods::join_reprs(vm, &items)?
        ))
    })?;
    Ok(vm.new_str(&s))
}
/// `dictviews_to_set`: a new set from a view (a keys view of an exact dict merges the
/// dict's entries with their hashes), or from any iterable.
fn view_to_set(vm: &Vm, x: &PyObject) -> PyResult<PyRef<crate::objects::set::PySet>> {
    let r = vm.new_set();
    if x.is_type(&vm.types.dict_keys) {
        let d = view_dict(vm, x)?;
        if d.as_object().is_type(&vm.types.dict) {
            r.update_internal(vm, d.as_object())?;
            return Ok(r);
        }
    }
    r.update_internal(vm, x)?;
    Ok(r)
}
fn is_view(vm: &Vm, o: &PyObject) -> bool {
    o.is_type(&vm.types.dict_keys) || o.is_type(&vm.types.dict_items)
}
fn view_setop(vm: &Vm, a: &PyObject, b: &PyObject, op: u8) -> PyResult {
    use crate::objects::set_methods as sm;
    match op {
        b'-' => {
            let r = view_to_set(vm, a)?;
            sm::set_difference_update(vm, &r, b)?;
            Ok(r.into_object())
        }
        b'|' => {
            let r = view_to_set(vm, a)?;
            r.update_internal(vm, b)?;
            Ok(r.into_object())
        }
        b'^' => {
            let r = view_to_set(vm, a)?;
            sm::set_symmetric_difference_update(vm, &r, b)?;
            Ok(r.into_object())
        }
        _ => {
            // `_PyDictView_Intersect`
            let (mut this, mut other) = if is_view(vm, a) { (a, b) } else { (b, a) };
            let len_self = crate::ops::len(vm, this)?;
            if other.is_type(&vm.types.set) && len_self <= crate::ops::len(vm, other)? {
                if let Some(os) = other.downcast_ref::<crate::objects::set::PySet>() {
                    return Ok(sm::set_intersection(vm, os, this)?.into_object());
                }
            }
            if is_view(vm, other) && crate::ops::len(vm, other)? > len_self {
                std::mem::swap(&mut this, &mut other);
            }
            let r = vm.new_set();
            let it = crate::ops::iter(vm, other)?;
            while let Some(k) = crate::ops::next(vm, &it)? {
                if view_contains(vm, this, &k)? {
                    r.add(vm, k)?;
                }
            }
            Ok(r.into_object())
        }
    }
}
fn view_and(vm: &Vm, a: &PyObject, b: &PyObject) -> PyResult {
    view_setop(vm, a, b, b'&')
}
fn view_or(vm: &Vm, a: &PyObject, b: &PyObject) -> PyResult {
    view_setop(vm, a, b, b'|')
}
fn view_sub(vm: &Vm, a: &PyObject, b: &PyObject) -> PyResult {
    view_setop(vm, a, b, b'-')
}
fn view_xor(vm: &Vm, a: &PyObject, b: &PyObject) -> PyResult {
    view_setop(vm, a, b, b'^')
}
/// `dictview_richcompare`: set comparisons against sets and keys/items views.
fn view_richcompare(vm: &Vm, a: &PyObject, b: &PyObject, op: CmpOp) -> PyResult {
    let setlike =
        |o: &PyObject| o.downcast_ref::<crate::objects::set::PySet>().is_some() || is_view(vm, o);
    if a.is_type(&vm.types.dict_values) || !setlike(b) {
        return Ok(vm.not_implemented());
    }
    let la = crate::ops::len(vm, a)?;
    let lb = crate::ops::len(vm, b)?;
    let contained = |x: &PyObject, y: &PyObject| -> PyResult<bool> {
        let it = crate::ops::iter(vm, x)?;
        while let Some(k) = crate::ops::next(vm, &it)? {
            if !crate::ops::contains(vm, y, &k)? {
                return Ok(false);
            }
        }
        Ok(true)
    };
    let r = match op {
        CmpOp::Eq => la == lb && contained(a, b)?,
        CmpOp::Ne => !(la == lb && contained(a, b)?),
        CmpOp::Lt => la < lb && contained(a, b)?,
        CmpOp::Le => la <= lb && contained(a, b)?,
        CmpOp::Gt => la > lb && contained(b, a)?,
        CmpOp::Ge => la >= lb && contained(b, a)?,
    };
    Ok(vm.new_bool(r))
}

/// `dict_items.__reversed__` / `dict_values.__reversed__`: iterates a snapshot backwards.
fn view_reversed(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let items = crate::ops::collect(vm, &a[0])?;
    let n = items.len();
    let lst = vm.new_list(items);
    let it = vm.new_seq_iter(&vm.types.list_reverseiterator, lst.into_object(), 0);
    if let Some(i) = it.downcast_ref::<PySeqIter>() {
        i.index.set(n);
    }
    Ok(it)
}
fn view_reversed_keys(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    let d = view_dict(vm, &a[0])?;
    reversed_(vm, &[d.into_object()], k)
}
fn view_mapping(vm: &Vm, o: &PyObject) -> PyResult {
    let d = view_dict(vm, o)?;
    Ok(vm.new_seq_iter(&vm.types.mappingproxy, d.into_object(), 0))
}
fn view_isdisjoint(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    crate::argparse::exact(vm, "isdisjoint", &a[1..], k, 1)?;
    let it = crate::ops::iter(vm, &a[1])?;
    while let Some(x) = crate::ops::next(vm, &it)? {
        if view_contains(vm, &a[0], &x)? {
            return Ok(vm.new_bool(false));
        }
    }
    Ok(vm.new_bool(true))
}

/// A read-only mapping view of a class dict.
/// `mappingproxy(mapping)`: a read-only view of a mapping.
fn mappingproxy_new(
    vm: &Vm,
    _t: &PyRef<crate::object::PyType>,
    a: &[PyRef],
    k: Option<&PyTuple>,
) -> PyResult {
    let p = crate::argparse::bind(vm, "mappingproxy", a, k, &["mapping"], 1, 0, 1)?;
    let m = p[0].clone().unwrap_or_else(|| vm.none());
    let t = m.type_();
    let is_seq = crate::ops::isinstance_type(&m, &vm.types.list)
        || crate::ops::isinstance_type(&m, &vm.types.tuple);
    if t.slots().mp_subscript.is_none() || is_seq {
        return Err(vm.new_type_error(format!(
            "mappingproxy() argument must be a mapping, not {}",
            t.name_str()
        )));
    }
    if !crate::ops::isinstance_type(&m, &vm.types.dict) {
        return Err(vm.abort_with(crate::vm::Abort::Unsupported(
            "mappingproxy() of a mapping that is not a dict".into(),
        )));
    }
    Ok(new_mappingproxy(vm, m))
}

pub fn new_mappingproxy(vm: &Vm, d: PyRef) -> PyRef {
    vm.new_seq_iter(&vm.types.mappingproxy, d, 0)
}
fn mp_getitem(vm: &Vm, o: &PyObject, k: &PyObject) -> PyResult {
    let dd = view_dict(vm, o)?;
    dd.get_item(vm, k)?
        .ok_or_else(|| vm.new_key_error(k.to_owned()))
}
fn mp_iter(vm: &Vm, o: &PyObject) -> PyResult {
    let dd = view_dict(vm, o)?;
    dict_iter(vm, dd.as_object())
}
fn mp_repr(vm: &Vm, o: &PyObject) -> PyResult {
    let dd = view_dict(vm, o)?;
    let r = dict_repr(vm, dd.as_object())?;
    Ok(vm.new_str(&format!(
        "mappingproxy({})",
        crate::ops::str_string(vm, &r)?
    )))
}
fn mp_contains(vm: &Vm, o: &PyObject, k: &PyObject) -> PyResult<bool> {
    view_dict(vm, o)?.contains(vm, k)
}
fn mp_method(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>, name: &str) -> PyResult {
    let dd = view_dict(vm, &a[0])?;
    let m = crate::ops::get_attr(vm, dd.as_object(), &vm.intern(name))?;
    crate::ops::call(vm, &m, &a[1..], k)
}
fn mp_keys(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    mp_method(vm, a, k, "keys")
}
fn mp_values(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    mp_method(vm, a, k, "values")
}
fn mp_items(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    mp_method(vm, a, k, "items")
}
fn mp_get(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    mp_method(vm, a, k, "get")
}
fn mp_copy(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    mp_method(vm, a, k, "copy")
}

pub fn init(vm: &Vm) {
    let t = &vm.types.dict;
    t.update_slots(|s| {
        s.repr = Some(dict_repr);
        s.hash_none = true;
        s.richcompare = Some(dict_richcompare);
        s.mp_length = Some(dict_len);
        s.mp_subscript = Some(dict_getitem);
        s.mp_ass_subscript = Some(dict_setitem);
        s.sq_contains = Some(dict_contains);
        s.iter = Some(dict_iter);
        s.new = Some(dict_new);
        s.init = Some(dict_init);
        s.nb_binary[crate::object::typeobj::NbOp::Or as usize] = Some(dict_or);
        s.nb_inplace[crate::object::typeobj::NbOp::Or as usize] = Some(dict_ior);
        s.traverse = Some(crate::objects::dict::dict_traverse);
        s.clear = Some(crate::objects::dict::dict_clear);
    });
    vm.add_methods(
        t,
        &[
            MethodDef::method("keys", keys),
            MethodDef::method("values", values),
            MethodDef::method("items", items),
            MethodDef::method("get", get),
            MethodDef::method("setdefault", setdefault),
            MethodDef::method("pop", pop),
            MethodDef::method("popitem", popitem),
            MethodDef::method("update", update),
            MethodDef::method("clear", clear),
            MethodDef::method("copy", copy),
            MethodDef::class("fromkeys", fromkeys),
            MethodDef::method("__reversed__", reversed_),
            MethodDef::class("__class_getitem__", class_getitem),
        ],
    );
    for v in [
        &vm.types.dict_keys,
        &vm.types.dict_values,
        &vm.types.dict_items,
    ] {
        v.update_slots(|s| {
            s.sq_length = Some(view_len);
            s.iter = Some(view_iter);
            s.sq_contains = Some(view_contains);
            s.repr = Some(view_repr);
            // dict_values has no tp_richcompare in CPython: it compares (and hashes) by
            // identity.
            if !v.is(&vm.types.dict_values) {
                s.richcompare = Some(view_richcompare);
                s.nb_binary[crate::object::typeobj::NbOp::And as usize] = Some(view_and);
                s.nb_binary[crate::object::typeobj::NbOp::Or as usize] = Some(view_or);
                s.nb_binary[crate::object::typeobj::NbOp::Subtract as usize] = Some(view_sub);
                s.nb_binary[crate::object::typeobj::NbOp::Xor as usize] = Some(view_xor);
            }
        });
    }
    vm.add_methods(
        &vm.types.dict_keys,
        &[
            MethodDef::method("__reversed__", view_reversed_keys),
            MethodDef::method("isdisjoint", view_isdisjoint),
        ],
    );
    vm.add_methods(
        &vm.types.dict_items,
        &[
            MethodDef::method("__reversed__", view_reversed),
            MethodDef::method("isdisjoint", view_isdisjoint),
        ],
    );
    vm.add_methods(
        &vm.types.dict_values,
        &[MethodDef::method("__reversed__", view_reversed)],
    );
    for v in [
        &vm.types.dict_keys,
        &vm.types.dict_values,
        &vm.types.dict_items,
    ] {
        vm.add_getset(v, "mapping", view_mapping, None);
    }
    let m = &vm.types.mappingproxy;
    m.update_slots(|s| {
        s.new = Some(mappingproxy_new);
        s.mp_length = Some(view_len);
        s.mp_subscript = Some(mp_getitem);
        s.iter = Some(mp_iter);
        s.repr = Some(mp_repr);
        s.sq_contains = Some(mp_contains);
        s.richcompare = Some(|vm, a, b, op| {
            let d = view_dict(vm, a)?;
            crate::ops::rich_compare(vm, d.as_object(), b, op)
        });
    });
    vm.add_methods(
        m,
        &[
            MethodDef::method("keys", mp_keys),
            MethodDef::method("values", mp_values),
            MethodDef::method("items", mp_items),
            MethodDef::method("get", mp_get),
            MethodDef::method("copy", mp_copy),
        ],
    );
    let _ = PyStr::hash;
}
