//! `list` type: slots and methods, including a stable merge sort that reports
//! "list modified during sort" as CPython does.

use super::tuple_methods::{join_reprs, repr_guard, seq_index, seq_richcompare};
use crate::argparse;
use crate::error::PyResult;
use crate::object::typeobj::CmpOp;
use crate::object::{PyObject, PyRef, PyType, Slot};
use crate::objects::descr::MethodDef;
use crate::objects::list::{PyList, new_list_of_type};
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;

fn l<'a>(vm: &Vm, o: &'a PyObject) -> PyResult<&'a PyList> {
    o.downcast_ref::<PyList>().ok_or_else(|| {
        vm.new_type_error(format!(
            "descriptor requires a 'list' object but received a '{}'",
            o.type_().name_str()
        ))
    })
}

fn list_repr(vm: &Vm, o: &PyObject) -> PyResult {
    let lst = l(vm, o)?;
    if lst.is_empty() {
        return Ok(vm.new_str("[]"));
    }
    let s = repr_guard(vm, o, "[...]", || {
        Ok(format!("[{}]", join_reprs(vm, &lst.to_vec())?))
    })?;
    Ok(vm.new_str(&s))
}
fn list_richcompare(vm: &Vm, a: &PyObject, b: &PyObject, op: CmpOp) -> PyResult {
    let (Some(x), Some(y)) = (a.downcast_ref::<PyList>(), b.downcast_ref::<PyList>()) else {
        return Ok(vm.not_implemented());
    };
    seq_richcompare(vm, &x.to_vec(), &y.to_vec(), op)
}
fn list_len(vm: &Vm, o: &PyObject) -> PyResult<usize> {
    Ok(l(vm, o)?.len())
}
fn list_getitem(vm: &Vm, o: &PyObject, k: &PyObject) -> PyResult {
    let lst = l(vm, o)?;
    if let Some(i) = crate::objects::int::int_value(k).and_then(|v| v.as_i64()) {
        let n = lst.len() as i64;
        let j = if i < 0 { i + n } else { i };
        if j >= 0 && j < n {
            if let Some(v) = lst.get(j as usize) {
                return Ok(v);
            }
        }
        return Err(vm.new_index_error("list index out of range"));
    }
    if let Some(sl) = k.downcast_ref::<crate::objects::slice::PySlice>() {
        let idx = sl.indices(vm, lst.len())?;
        let v = slice_items(lst.borrow(), &idx);
        return Ok(vm.new_list(v).into_object());
    }
    match seq_index(vm, lst.len(), k, "list")? {
        Some(i) => lst
            .get(i)
            .ok_or_else(|| vm.new_index_error("list index out of range")),
        None => Err(vm.new_type_error(format!(
            "list indices must be integers or slices, not {}",
            k.type_().name_str()
        ))),
    }
}
/// The items of `items` selected by `idx` (`list_subscript`'s slice case), copied with
/// the exact capacity: contiguous runs as one copy.
fn slice_items(items: &[PyRef], idx: &crate::objects::slice::SliceIndices) -> Vec<PyRef> {
    if idx.len == 0 {
        return Vec::new();
    }
    let start = idx.start as usize;
    if idx.step == 1 {
        if let Some(run) = items.get(start..start + idx.len) {
            return run.to_vec();
        }
    } else if idx.step == -1 {
        if let Some(run) = (start + 1)
            .checked_sub(idx.len)
            .and_then(|lo| items.get(lo..=start))
        {
            return run.iter().rev().cloned().collect();
        }
    }
    let mut v = Vec::with_capacity(idx.len);
    v.extend(idx.iter().filter_map(|i| items.get(i).cloned()));
    v
}
fn list_setitem(vm: &Vm, o: &PyObject, k: &PyObject, v: Slot) -> PyResult<()> {
    let lst = l(vm, o)?;
    if let Some(sl) = k.downcast_ref::<crate::objects::slice::PySlice>() {
        let idx = sl.indices(vm, lst.len())?;
        match v {
            None => {
                let mut keep = Vec::new();
                let remove: std::collections::HashSet<usize> = idx.iter().collect();
                let old = lst.with_mut(|items| {
                    let old = std::mem::take(items);
                    for (i, it) in old.iter().enumerate() {
                        if !remove.contains(&i) {
                            keep.push(it.clone());
                        }
                    }
                    *items = std::mem::take(&mut keep);
                    old
                });
                // list_ass_slice releases a deleted run last item first; an extended
                // slice deletion releases in index order.
                if idx.step == 1 {
                    let mut old = old;
                    while let Some(x) = old.pop() {
                        drop(x);
                    }
                } else {
                    drop(old);
                }
                Ok(())
            }
            Some(v) => {
                let newitems = if v.is(&o.to_owned()) {
                    lst.to_vec()
                } else {
                    match crate::ops::collect(vm, &v) {
                        Ok(x) => x,
                        Err(e) if e.matches(&vm.exc.type_error) => {
                            return Err(vm.new_type_error("can only assign an iterable"));
                        }
                        Err(e) => return Err(e),
                    }
                };
                if idx.step == 1 {
                    // `list_ass_slice`: the bounds are clamped to the current size (taking
                    // the new items may have run code that resized the list). A run of the
                    // same size swaps the new items in, so `newitems` then holds the old
                    // ones; the replaced items are released last item first.
                    let start = idx.start.max(0) as usize;
                    let end = start + idx.len;
                    let mut newitems = newitems;
                    let mut removed: Vec<PyRef> = lst.with_mut(|items| {
                        let n = items.len();
                        let lo = start.min(n);
                        let hi = end.max(lo).min(n);
                        if hi - lo == newitems.len() {
                            items[lo..hi].swap_with_slice(&mut newitems);
                            newitems
                        } else {
                            items.splice(lo..hi, newitems).collect()
                        }
                    });
                    while let Some(x) = removed.pop() {
                        drop(x);
                    }
                    return Ok(());
                }
                if newitems.len() != idx.len {
                    return Err(vm.new_value_error(format!(
                        "attempt to assign sequence of size {} to extended slice of size {}",
                        newitems.len(),
                        idx.len
                    )));
                }
                let mut old = Vec::with_capacity(idx.len);
                lst.with_mut(|items| {
                    for (i, nv) in idx.iter().zip(newitems) {
                        // (in range unless taking the new items resized the list)
                        match items.get_mut(i) {
                            Some(slot) => old.push(std::mem::replace(slot, nv)),
                            None => old.push(nv),
                        }
                    }
                });
                drop(old);
                Ok(())
            }
        }
    } else {
        let Some(i) = seq_index(vm, lst.len(), k, "list assignment")? else {
            return Err(vm.new_type_error(format!(
                "list indices must be integers or slices, not {}",
                k.type_().name_str()
            )));
        };
        match v {
            Some(v) => {
                lst.set(i, v);
            }
            None => {
                let old = lst.with_mut(|items| {
                    if i < items.len() {
                        Some(items.remove(i))
                    } else {
                        None
                    }
                });
                drop(old);
            }
        }
        Ok(())
    }
}
fn list_contains(vm: &Vm, o: &PyObject, x: &PyObject) -> PyResult<bool> {
    let lst = l(vm, o)?;
    let mut i = 0;
    while let Some(it) = lst.get(i) {
        if it.is(&x.to_owned()) || crate::ops::rich_compare_bool(vm, &it, x, CmpOp::Eq)? {
            return Ok(true);
        }
        i += 1;
    }
    Ok(false)
}
fn list_concat(vm: &Vm, a: &PyObject, b: &PyObject) -> PyResult {
    let Some(y) = b.downcast_ref::<PyList>() else {
        return Err(vm.new_type_error(format!(
            "can only concatenate list (not \"{}\") to list",
            b.type_().name_str()
        )));
    };
    let mut v = l(vm, a)?.to_vec();
    v.extend(y.to_vec());
    Ok(vm.new_list(v).into_object())
}
fn list_inplace_concat(vm: &Vm, a: &PyObject, b: &PyObject) -> PyResult {
    let lst = l(vm, a)?;
    let items = crate::ops::collect(vm, b)?;
    lst.with_mut(|v| v.extend(items));
    Ok(a.to_owned())
}
fn list_repeat(vm: &Vm, a: &PyObject, n: &PyObject) -> PyResult {
    let items = l(vm, a)?.to_vec();
    let n = crate::ops::number::as_ssize(vm, n)?.max(0) as usize;
    vm.check_alloc(items.len().saturating_mul(n).saturating_mul(8))?;
    let mut v = Vec::with_capacity(items.len() * n);
    for _ in 0..n {
        v.extend(items.iter().cloned());
    }
    Ok(vm.new_list(v).into_object())
}
fn list_inplace_repeat(vm: &Vm, a: &PyObject, n: &PyObject) -> PyResult {
    let lst = l(vm, a)?;
    let items = lst.to_vec();
    let n = crate::ops::number::as_ssize(vm, n)?.max(0) as usize;
    vm.check_alloc(items.len().saturating_mul(n).saturating_mul(8))?;
    let mut v = Vec::with_capacity(items.len() * n);
    for _ in 0..n {
        v.extend(items.iter().cloned());
    }
    lst.replace_all(v);
    Ok(a.to_owned())
}
fn list_iter(vm: &Vm, o: &PyObject) -> PyResult {
    Ok(vm.new_seq_iter(&vm.types.list_iterator, o.to_owned(), 0))
}
fn list_new(_vm: &Vm, t: &PyRef<PyType>, _a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    Ok(new_list_of_type(t, vec![]).into_object())
}
fn list_init(vm: &Vm, o: &PyObject, a: &[PyRef], k: Option<&PyTuple>) -> PyResult<()> {
    if o.is_type(&vm.types.list) {
        argparse::no_kw(vm, "list", k)?;
    }
    if a.len() > 1 {
        return Err(vm.new_type_error(format!("list expected at most 1 argument, got {}", a.len())));
    }
    let lst = l(vm, o)?;
    lst.replace_all(Vec::new());
    if let Some(x) = a.first() {
        let items = crate::ops::collect_hinted(vm, x)?;
        lst.replace_all(items);
    }
    Ok(())
}

fn this<'a>(vm: &Vm, a: &'a [PyRef]) -> PyResult<&'a PyList> {
    l(
        vm,
        a.first().ok_or_else(|| vm.new_type_error("missing self"))?,
    )
}
fn append(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "list.append", &a[1..], k, 1)?;
    this(vm, a)?.push(a[1].clone());
    Ok(vm.none())
}
fn extend(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "list.extend", &a[1..], k, 1)?;
    let lst = this(vm, a)?;
    let items = crate::ops::collect_hinted(vm, &a[1])?;
    lst.with_mut(|v| v.extend(items));
    Ok(vm.none())
}
fn insert(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::range(vm, "insert", &a[1..], k, 2, 2)?;
    let lst = this(vm, a)?;
    let i = argparse::to_isize(vm, &a[1])?;
    let n = lst.len() as isize;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    lst.with_mut(|v| v.insert(j, a[2].clone()));
    Ok(vm.none())
}
fn pop(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::range(vm, "pop", &a[1..], k, 0, 1)?;
    let lst = this(vm, a)?;
    if lst.is_empty() {
        return Err(vm.new_index_error("pop from empty list"));
    }
    let n = lst.len() as isize;
    let i = match a.get(1) {
        Some(x) => argparse::to_isize(vm, x)?,
        None => -1,
    };
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.new_index_error("pop index out of range"));
    }
    Ok(lst.with_mut(|v| v.remove(j as usize)))
}
fn remove(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "list.remove", &a[1..], k, 1)?;
    let lst = this(vm, a)?;
    let mut i = 0;
    while let Some(it) = lst.get(i) {
        if it.is(&a[1]) || crate::ops::rich_compare_bool(vm, &it, &a[1], CmpOp::Eq)? {
            let old = lst.with_mut(|v| if i < v.len() { Some(v.remove(i)) } else { None });
            drop(old);
            return Ok(vm.none());
        }
        i += 1;
    }
    Err(vm.new_value_error("list.remove(x): x not in list"))
}
fn index(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::range(vm, "index", &a[1..], k, 1, 3)?;
    let lst = this(vm, a)?;
    let n = lst.len() as isize;
    let norm = |x: isize| if x < 0 { (x + n).max(0) } else { x.min(n) };
    let start = match a.get(2) {
        Some(x) => norm(argparse::to_isize(vm, x)?),
        None => 0,
    } as usize;
    let stop = match a.get(3) {
        Some(x) => norm(argparse::to_isize(vm, x)?),
        None => n,
    } as usize;
    let mut i = start;
    while i < stop {
        let Some(it) = lst.get(i) else { break };
        if it.is(&a[1]) || crate::ops::rich_compare_bool(vm, &it, &a[1], CmpOp::Eq)? {
            return Ok(vm.new_usize(i));
        }
        i += 1;
    }
    Err(vm.new_value_error(format!(
        "{} is not in list",
        crate::ops::repr_string(vm, &a[1])?
    )))
}
fn count(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "list.count", &a[1..], k, 1)?;
    let lst = this(vm, a)?;
    let mut c = 0;
    let mut i = 0;
    while let Some(it) = lst.get(i) {
        if it.is(&a[1]) || crate::ops::rich_compare_bool(vm, &it, &a[1], CmpOp::Eq)? {
            c += 1;
        }
        i += 1;
    }
    Ok(vm.new_usize(c))
}
fn clear(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "list.clear", &a[1..], k, 0)?;
    this(vm, a)?.replace_all(Vec::new());
    Ok(vm.none())
}
fn copy(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "list.copy", &a[1..], k, 0)?;
    Ok(vm.new_list(this(vm, a)?.to_vec()).into_object())
}
fn reverse(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "list.reverse", &a[1..], k, 0)?;
    this(vm, a)?.with_mut(|v| v.reverse());
    Ok(vm.none())
}

pub use super::list_sort::sort_values;

fn sort(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    let p = argparse::bind(vm, "sort", &a[1..], k, &["key", "reverse"], 0, 0, 0)?;
    let lst = this(vm, a)?;
    let key = p[0].clone().filter(|x| !vm.is_none(x));
    let rev = match &p[1] {
        Some(r) => crate::ops::is_true(vm, r)?,
        None => false,
    };
    // As listobject.c: the list is emptied while it sorts; its items are moved, not
    // copied, and only the key function's results are kept beside them.
    let mut values = lst.with_mut(std::mem::take);
    let mut res = Ok(());
    let mut keys: Option<Vec<PyRef>> = None;
    if let Some(f) = &key {
        let mut ks: Vec<PyRef> = Vec::with_capacity(values.len());
        for it in values.iter() {
            match crate::ops::call(vm, f, &[it.clone()], None) {
                Ok(kv) => ks.push(kv),
                Err(e) => {
                    res = Err(e);
                    break;
                }
            }
        }
        keys = Some(ks);
    }
    if res.is_ok() {
        res = sort_values(vm, &mut values, keys.as_deref_mut(), rev);
    }
    // The keys go first, then the sorted items return to the list.
    drop(keys);
    let modified = !lst.is_empty();
    let old = lst.with_mut(|v| std::mem::replace(v, values));
    drop(old);
    res?;
    if modified {
        return Err(vm.new_value_error("list modified during sort"));
    }
    Ok(vm.none())
}
fn class_getitem(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    crate::objects::typeobject::generic_alias(vm, &a[0], &a[1])
}
fn reversed_(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let lst = this(vm, a)?;
    let it = vm.new_seq_iter(&vm.types.list_reverseiterator, a[0].clone(), 0);
    if let Some(i) = it.downcast_ref::<crate::objects::iter::PySeqIter>() {
        i.index.set(lst.len());
    }
    Ok(it)
}

pub fn init(vm: &Vm) {
    let t = &vm.types.list;
    t.update_slots(|s| {
        s.repr = Some(list_repr);
        s.hash_none = true;
        s.richcompare = Some(list_richcompare);
        s.sq_length = Some(list_len);
        s.mp_subscript = Some(list_getitem);
        s.mp_ass_subscript = Some(list_setitem);
        s.sq_contains = Some(list_contains);
        s.sq_concat = Some(list_concat);
        s.sq_repeat = Some(list_repeat);
        s.sq_inplace_concat = Some(list_inplace_concat);
        s.sq_inplace_repeat = Some(list_inplace_repeat);
        s.iter = Some(list_iter);
        s.new = Some(list_new);
        s.init = Some(list_init);
        s.traverse = Some(crate::objects::list::list_traverse);
        s.clear = Some(crate::objects::list::list_clear);
    });
    vm.add_methods(
        t,
        &[
            MethodDef::method("append", append),
            MethodDef::method("extend", extend),
            MethodDef::method("insert", insert),
            MethodDef::method("pop", pop),
            MethodDef::method("remove", remove),
            MethodDef::method("index", index),
            MethodDef::method("count", count),
            MethodDef::method("clear", clear),
            MethodDef::method("copy", copy),
            MethodDef::method("reverse", reverse),
            MethodDef::method("sort", sort),
            MethodDef::method("__reversed__", reversed_),
            MethodDef::class("__class_getitem__", class_getitem),
        ],
    );
}
