//! Iteration behaviour of the builtin iterators (list/tuple/str/dict/set/sequence
//! iterators, `enumerate`, `zip`, `map`, `filter`, `reversed`, callable iterators) and of
//! generators and coroutines.

use crate::argparse;
use crate::error::PyResult;
use crate::object::{PyObject, PyRef, PyType};
use crate::objects::descr::MethodDef;
use crate::objects::dict::PyDict;
use crate::objects::generator::PyGenerator;
use crate::objects::iter::{PyMultiIter, PySeqIter};
use crate::objects::list::PyList;
use crate::objects::set::PySet;
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;

pub fn self_iter(_vm: &Vm, o: &PyObject) -> PyResult {
    Ok(o.to_owned())
}

fn seqiter_next(vm: &Vm, o: &PyObject) -> PyResult<Option<PyRef>> {
    let Some(it) = o.downcast_ref::<PySeqIter>() else {
        return Ok(None);
    };
    let Some(seq) = it.seq.get() else {
        return Ok(None);
    };
    let i = it.index.get();
    let t = o.type_();
    let v = &vm.types;
    let r: Option<PyRef> = if t.is(&v.list_iterator) {
        seq.downcast_ref::<PyList>().and_then(|l| l.get(i))
    } else if t.is(&v.tuple_iterator) {
        seq.downcast_ref::<PyTuple>()
            .and_then(|tp| tp.get(i).cloned())
    } else if t.is(&v.list_reverseiterator) {
        let l = seq.downcast_ref::<PyList>();
        match l {
            Some(l) if i > 0 && i - 1 < l.len() => {
                it.index.set(i - 1);
                return Ok(l.get(i - 1));
            }
            _ => None,
        }
    } else if t.is(&v.str_iterator) {
        let s = seq.downcast_ref::<PyStr>();
        match s {
            Some(s) if i < s.byte_len() => {
                let b = &s.as_bytes()[i..];
                let len = match b[0] {
                    x if x < 0x80 => 1,
                    x if x < 0xe0 => 2,
                    x if x < 0xf0 => 3,
                    _ => 4,
                };
                it.index.set(i + len);
                let piece = &b[..len.min(b.len())];
                return Ok(Some(vm.new_str_from_gen_utf8(piece).into_object()));
            }
            _ => None,
        }
    } else if t.is(&v.bytes_iterator) {
        crate::objects::bytes::bytes_like(&seq)
            .and_then(|b| b.get(i).map(|x| vm.new_int(i64::from(*x))))
    } else if t.is(&v.dict_keyiterator) || t.is(&v.dict_valueiterator) || t.is(&v.dict_itemiterator)
    {
        let Some(d) = seq.downcast_ref::<PyDict>() else {
            return Ok(None);
        };
        if d.len() as u64 != it.expect.get() {
            it.expect.set(u64::MAX);
            return Err(vm.new_runtime_error("dictionary changed size during iteration"));
        }
        let mut j = i;
        let n = d.entries_len();
        let mut found = None;
        while j < n {
            if let Some((k, val)) = d.entry_at(j) {
                found = Some((k, val));
                j += 1;
                break;
            }
            j += 1;
        }
        it.index.set(j);
        if found.is_some() {
            if it.remaining.get() as u64 >= it.expect.get() {
                it.seq.set(None);
                return Err(vm.new_runtime_error("dictionary keys changed during iteration"));
            }
            it.remaining.set(it.remaining.get() + 1);
        }
        match found {
            Some((k, val)) => {
                return Ok(Some(if t.is(&v.dict_keyiterator) {
                    k
                } else if t.is(&v.dict_valueiterator) {
                    val
                } else {
                    vm.new_tuple(vec![k, val]).into_object()
                }));
            }
            None => None,
        }
    } else if t.is(&v.dict_reversekeyiterator) {
        let Some(d) = seq.downcast_ref::<PyDict>() else {
            return Ok(None);
        };
        if d.len() as u64 != it.expect.get() {
            return Err(vm.new_runtime_error("dictionary changed size during iteration"));
        }
        let mut j = i;
        while j > 0 {
            j -= 1;
            if let Some(k) = d.key_at(j) {
                it.index.set(j);
                it.remaining.set(it.remaining.get() + 1);
                return Ok(Some(k));
            }
        }
        None
    } else if t.is(&v.set_iterator) {
        let Some(s) = seq.downcast_ref::<PySet>() else {
            return Ok(None);
        };
        if s.len() as u64 != it.expect.get() {
            it.expect.set(u64::MAX);
            return Err(vm.new_runtime_error("Set changed size during iteration"));
        }
        let n = s.table_len();
        let mut j = i;
        while j < n {
            if let Some(k) = s.entry_at(j) {
                it.index.set(j + 1);
                it.remaining.set(it.remaining.get() + 1);
                return Ok(Some(k));
            }
            j += 1;
        }
        it.index.set(n);
        None
    } else if t.is(&v.callable_iterator) {
        let Some(pair) = seq.downcast_ref::<PyTuple>() else {
            return Ok(None);
        };
        let (f, sentinel) = (pair.as_slice()[0].clone(), pair.as_slice()[1].clone());
        let r = crate::ops::call(vm, &f, &[], None)?;
        if crate::ops::rich_compare_bool(vm, &r, &sentinel, crate::object::typeobj::CmpOp::Eq)? {
            it.seq.set(None);
            return Ok(None);
        }
        return Ok(Some(r));
    } else if t.is(&v.reversed) {
        if i == 0 {
            it.seq.set(None);
            return Ok(None);
        }
        match crate::ops::getitem(vm, &seq, &vm.new_usize(i - 1)) {
            Ok(x) => {
                it.index.set(i - 1);
                return Ok(Some(x));
            }
            Err(e) if e.matches(&vm.exc.index_error) || e.matches(&vm.exc.stop_iteration) => None,
            Err(e) => return Err(e),
        }
    } else {
        // old-style sequence iterator
        match crate::ops::getitem(vm, &seq, &vm.new_usize(i)) {
            Ok(x) => Some(x),
            Err(e)
                if (e.matches(&vm.exc.index_error) || e.matches(&vm.exc.stop_iteration))
                    && !vm.is_aborting() =>
            {
                None
            }
            Err(e) => return Err(e),
        }
    };
    match r {
        Some(x) => {
            if !t.is(&v.dict_keyiterator)
                && !t.is(&v.dict_valueiterator)
                && !t.is(&v.dict_itemiterator)
            {
                it.index.set(i + 1);
            }
            Ok(Some(x))
        }
        None => {
            it.seq.set(None);
            Ok(None)
        }
    }
}

fn multi_next(vm: &Vm, o: &PyObject) -> PyResult<Option<PyRef>> {
    let Some(m) = o.downcast_ref::<PyMultiIter>() else {
        return Ok(None);
    };
    let t = o.type_();
    if t.is_subtype(&vm.types.enumerate) {
        // Only the iterator is taken out (one reference; `next` may run Python code).
        let Some(it) = m.iters.borrow().first().cloned() else {
            return Ok(None);
        };
        let Some(x) = crate::ops::next_raw(vm, &it)? else {
            return Ok(None);
        };
        drop(it);
        let c = m.count.get();
        let next = match crate::objects::int::int_value(&c)
            .filter(|_| c.is_type(&vm.types.int))
            .and_then(|v| v.as_i64())
            .and_then(|v| v.checked_add(1))
        {
            Some(n) => vm.new_int(n),
            None => crate::ops::number::binary_op(vm, &c, &vm.new_int(1), 0)?,
        };
        m.count.set(next);
        // `enum_next`: the result tuple again when only the iterator holds it (the old
        // index, then the old item, released after the stores).
        if let Some(r) = m.result.get() {
            if let Ok(old_index) = crate::objects::tuple::replace_unshared(&r, 0, c.clone()) {
                match crate::objects::tuple::replace_unshared(&r, 1, x) {
                    Ok(old_item) => {
                        drop(c);
                        drop(old_index);
                        drop(old_item);
                        retrack(&r);
                        return Ok(Some(r.into_object()));
                    }
                    Err(x) => {
                        // (unreachable: the count and length were just checked)
                        drop(old_index);
                        return Ok(Some(
                            crate::objects::tuple::new_tuple_array(vm, [c, x]).into_object(),
                        ));
                    }
                }
            }
        }
        return Ok(Some(
            crate::objects::tuple::new_tuple_array(vm, [c, x]).into_object(),
        ));
    }
    let its = m.iters.get();
    if t.is_subtype(&vm.types.zip) {
        if its.is_empty() {
            return Ok(None);
        }
        // `zip_next`: the result tuple again when only the iterator holds it, each item
        // stored as it is taken (its old item released right after).
        let mut reuse = m
            .result
            .get()
            .filter(|r| r.as_object().refcnt() == 2 && r.len() == its.len());
        if reuse.is_none() && its.len() == 2 && !m.strict {
            let Some(a) = crate::ops::next_raw(vm, &its[0])? else {
                return Ok(None);
            };
            let Some(b) = crate::ops::next_raw(vm, &its[1])? else {
                return Ok(None);
            };
            return Ok(Some(
                crate::objects::tuple::new_tuple_array(vm, [a, b]).into_object(),
            ));
        }
        let mut out = Vec::with_capacity(if reuse.is_some() { 0 } else { its.len() });
        for (i, it) in its.iter().enumerate() {
            let x = if m.strict {
                crate::ops::next(vm, it)?
            } else {
                crate::ops::next_raw(vm, it)?
            };
            match x {
                Some(x) => {
                    let x = match reuse.take() {
                        Some(r) => match crate::objects::tuple::replace_unshared(&r, i, x) {
                            Ok(old) => {
                                drop(old);
                                reuse = Some(r);
                                continue;
                            }
                            // (only if `next` leaked the tuple: a fresh one from here on)
                            Err(x) => {
                                out.extend(r.as_slice()[..i].iter().cloned());
                                x
                            }
                        },
                        None => x,
                    };
                    out.push(x);
                }
                None => {
                    if m.strict {
                        if i > 0 {
                            let plural = if i == 1 { " " } else { "s 1-" };
                            return Err(vm.new_value_error(format!(
                                "zip() argument {} is shorter than argument{}{}",
                                i + 1,
                                plural,
                                i
                            )));
                        }
                        for (j, it2) in its.iter().enumerate().skip(1) {
                            if crate::ops::next(vm, it2)?.is_some() {
                                let plural = if j == 1 { " " } else { "s 1-" };
                                return Err(vm.new_value_error(format!(
                                    "zip() argument {} is longer than argument{}{}",
                                    j + 1,
                                    plural,
                                    j
                                )));
                            }
                        }
                    }
                    return Ok(None);
                }
            }
        }
        if let Some(r) = reuse {
            retrack(&r);
            return Ok(Some(r.into_object()));
        }
        return Ok(Some(vm.new_tuple(out).into_object()));
    }
    if t.is_subtype(&vm.types.map) {
        let mut args = Vec::with_capacity(its.len());
        for it in &its {
            match crate::ops::next_raw(vm, it)? {
                Some(x) => args.push(x),
                None => return Ok(None),
            }
        }
        let Some(f) = m.func.get() else {
            return Ok(None);
        };
        return crate::ops::call(vm, &f, &args, None).map(Some);
    }
    if t.is_subtype(&vm.types.filter) {
        let Some(it) = its.first() else {
            return Ok(None);
        };
        let f = m.func.get();
        loop {
            let Some(x) = crate::ops::next_raw(vm, it)? else {
                return Ok(None);
            };
            vm.tick()?;
            let ok = match &f {
                Some(f) if !vm.is_none(f) && !f.is(&vm.types.bool_) => {
                    let r = crate::ops::call(vm, f, &[x.clone()], None)?;
                    crate::ops::is_true(vm, &r)?
                }
                _ => crate::ops::is_true(vm, &x)?,
            };
            if ok {
                return Ok(Some(x));
            }
        }
    }
    Ok(None)
}

/// A reused result tuple is tracked again (the collector may have untracked it while it
/// held only atomic values: bpo-42536).
fn retrack(r: &PyRef<PyTuple>) {
    if !crate::object::gc::is_tracked(r.as_object()) {
        crate::object::gc::track(r.as_object());
    }
}

/// The result tuple of `n` `None`s that `enumerate` and `zip` start with.
fn initial_result(vm: &Vm, o: &PyRef, n: usize) {
    if let Some(m) = o.downcast_ref::<crate::objects::iter::PyMultiIter>() {
        let r = vm.new_tuple(vec![vm.none(); n]);
        m.result.set(Some(r));
    }
}

fn enumerate_new(vm: &Vm, t: &PyRef<PyType>, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    let p = argparse::bind(vm, "enumerate", a, k, &["iterable", "start"], 1, 0, 2)?;
    let it = crate::ops::iter(
        vm,
        p[0].as_ref().ok_or_else(|| {
            vm.new_type_error("enumerate() missing required argument 'iterable' (pos 1)")
        })?,
    )?;
    let start = match &p[1] {
        Some(s) => {
            if crate::objects::int::int_value(s).is_none() {
                return Err(vm.new_type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    s.type_().name_str()
                )));
            }
            s.clone()
        }
        None => vm.new_int(0),
    };
    let e = vm.new_multi_iter(t, vec![it], None, start, false);
    initial_result(vm, &e, 2);
    Ok(e)
}
fn zip_new(vm: &Vm, t: &PyRef<PyType>, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    let (pos, kws) = crate::ops::call::split_args(a, k);
    let mut strict = false;
    for (kk, v) in kws {
        if kk
            .downcast_ref::<PyStr>()
            .is_some_and(|s| s.as_bytes() == b"strict")
        {
            strict = crate::ops::is_true(vm, v)?;
        } else {
            return Err(vm.new_type_error("zip() got an unexpected keyword argument"));
        }
    }
    let mut its = Vec::new();
    for x in pos.iter() {
        its.push(crate::ops::iter(vm, x)?);
    }
    let n = its.len();
    let z = vm.new_multi_iter(t, its, None, vm.none(), strict);
    initial_result(vm, &z, n);
    Ok(z)
}
fn map_new(vm: &Vm, t: &PyRef<PyType>, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    if t.is(&vm.types.map) {
        argparse::no_kw(vm, "map", k)?;
    }
    if a.len() < 2 {
        return Err(vm.new_type_error("map() must have at least two arguments."));
    }
    let mut its = Vec::new();
    for x in &a[1..] {
        its.push(crate::ops::iter(vm, x)?);
    }
    Ok(vm.new_multi_iter(t, its, Some(a[0].clone()), vm.none(), false))
}
fn filter_new(vm: &Vm, t: &PyRef<PyType>, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    if t.is(&vm.types.filter) {
        argparse::no_kw(vm, "filter", k)?;
    }
    if a.len() != 2 {
        return Err(vm.new_type_error(format!("filter expected 2 arguments, got {}", a.len())));
    }
    let it = crate::ops::iter(vm, &a[1])?;
    Ok(vm.new_multi_iter(t, vec![it], Some(a[0].clone()), vm.none(), false))
}
fn reversed_new(vm: &Vm, t: &PyRef<PyType>, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    if t.is(&vm.types.reversed) {
        argparse::no_kw(vm, "reversed", k)?;
    }
    if a.len() != 1 {
        return Err(vm.new_type_error(format!("reversed expected 1 argument, got {}", a.len())));
    }
    let seq = &a[0];
    if let Some(m) = seq.type_().lookup(&vm.names.__reversed__) {
        if vm.is_none(&m) {
            return Err(vm.new_type_error(format!(
                "'{}' object is not reversible",
                seq.type_().name_str()
            )));
        }
        return crate::objects::slotdefs::call_found(vm, &m, seq, &[], None);
    }
    if seq.type_().slots().mp_subscript.is_none()
        || seq.downcast_ref::<PyDict>().is_some()
        || (seq.type_().slots().sq_length.is_none() && seq.type_().slots().mp_length.is_none())
    {
        return Err(vm.new_type_error(format!(
            "'{}' object is not reversible",
            seq.type_().name_str()
        )));
    }
    let n = crate::ops::len(vm, seq)?;
    let it = vm.new_seq_iter(t, seq.clone(), 0);
    if let Some(i) = it.downcast_ref::<PySeqIter>() {
        i.index.set(n);
    }
    Ok(it)
}

fn gen_repr(vm: &Vm, o: &PyObject) -> PyResult {
    let g = o
        .downcast_ref::<PyGenerator>()
        .ok_or_else(|| vm.new_type_error("bad generator"))?;
    Ok(vm.new_str(&format!(
        "<{} object {} at {:#x}>",
        o.type_().name_str(),
        g.qualname.get(),
        o.as_ptr() as usize
    )))
}
fn gen_self<'a>(vm: &Vm, a: &'a [PyRef]) -> PyResult<&'a PyGenerator> {
    a.first()
        .and_then(|g| g.downcast_ref::<PyGenerator>())
        .ok_or_else(|| vm.new_type_error("generator expected"))
}
fn gen_send(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "send", &a[1..], k, 1)?;
    crate::eval::ops_gen::gen_send(vm, gen_self(vm, a)?, a[1].clone())
}
fn gen_throw(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let g = gen_self(vm, a)?;
    let Some(typ) = a.get(1) else {
        return Err(vm.new_type_error("throw expected at least 1 argument, got 0"));
    };
    let exc = if let Some(val) = a.get(2).filter(|v| !vm.is_none(v)) {
        if val
            .downcast_ref::<crate::objects::exceptions::PyBaseException>()
            .is_some()
        {
            val.clone()
        } else {
            crate::ops::call(vm, typ, &[val.clone()], None)?
        }
    } else {
        typ.clone()
    };
    let e = crate::eval::ops_exc_make(vm, exc)?;
    if let Some(tb) = a.get(3).filter(|v| !vm.is_none(v)) {
        e.traceback.set(Some(tb.clone()));
    }
    crate::eval::ops_gen::gen_throw(vm, g, crate::error::PyErr(e))
}
fn gen_close(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    crate::eval::ops_gen::gen_close(vm, gen_self(vm, a)?)?;
    Ok(vm.none())
}
fn gen_finalize(vm: &Vm, o: &PyObject) {
    let Some(g) = o.downcast_ref::<PyGenerator>() else {
        return;
    };
    if g.frame_ref().is_none() {
        return;
    }
    if crate::objects::asyncgen::finalize_hook(vm, o) || !g.started.get() {
        return;
    }
    if let Err(e) = crate::eval::ops_gen::gen_close(vm, g) {
        if !vm.is_aborting() {
            crate::modules::sys::write_unraisable(vm, e, Some(o));
        }
    }
}
fn coro_await(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let _ = vm;
    Ok(a[0].clone())
}

/// `__length_hint__` of the sequence-style iterators (`listiter_len`, `dictiter_len`, …).
fn seqiter_length_hint(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let o = &a[0];
    let Some(it) = o.downcast_ref::<PySeqIter>() else {
        return Ok(vm.new_int(0));
    };
    let Some(seq) = it.seq.get() else {
        return Ok(vm.new_int(0));
    };
    let i = it.index.get();
    let t = o.type_();
    let v = &vm.types;
    let n: usize = if t.is(&v.list_iterator) || t.is(&v.tuple_iterator) || t.is(&v.bytes_iterator) {
        let len = crate::ops::len(vm, &seq)?;
        len.saturating_sub(i)
    } else if t.is(&v.list_reverseiterator) || t.is(&v.reversed) {
        let len = crate::ops::len(vm, &seq)?;
        if len < i { 0 } else { i }
    } else if t.is(&v.str_iterator) {
        match seq.downcast_ref::<PyStr>() {
            Some(s) => s
                .as_bytes()
                .get(i..)
                .map_or(0, |b| b.iter().filter(|c| (**c & 0xC0) != 0x80).count()),
            None => 0,
        }
    } else if t.is(&v.dict_keyiterator)
        || t.is(&v.dict_valueiterator)
        || t.is(&v.dict_itemiterator)
        || t.is(&v.dict_reversekeyiterator)
        || t.is(&v.set_iterator)
    {
        let cur = crate::ops::len(vm, &seq)? as u64;
        if cur == it.expect.get() {
            (it.expect.get() as usize).saturating_sub(it.remaining.get())
        } else {
            0
        }
    } else if t.is(&v.seq_iterator) {
        let s = seq.type_().slots();
        if s.sq_length.or(s.mp_length).is_none() {
            return Ok(vm.not_implemented());
        }
        crate::ops::len(vm, &seq)?.saturating_sub(i)
    } else {
        return Ok(vm.not_implemented());
    };
    Ok(vm.new_usize(n))
}

/// `gi_frame`: the suspended generator's frame object (made on first use), None once
/// the generator finished.
pub fn gen_frame(vm: &Vm, o: &PyObject) -> PyResult {
    let Some(g) = o.downcast_ref::<PyGenerator>() else {
        return Ok(vm.none());
    };
    // SAFETY: the boxed frame stays put while the generator holds it; no other borrow
    // of the slot is live during this getter.
    let slot = unsafe { &mut *g.frame.get() };
    let Some(f) = slot.as_mut() else {
        return Ok(vm.none());
    };
    if f.code.is_none() {
        return Ok(vm.none());
    }
    if let Some(fo) = &f.frame_obj {
        return Ok(fo.clone_object());
    }
    match vm.new_frame_object(f) {
        Some(fo) => {
            f.frame_obj = Some(fo.clone());
            Ok(fo.into_object())
        }
        None => Ok(vm.none()),
    }
}

/// `gi_yieldfrom`: the iterator a suspended `yield from`/`await` delegates to.
pub fn gen_yieldfrom(vm: &Vm, o: &PyObject) -> PyResult {
    let Some(g) = o.downcast_ref::<PyGenerator>() else {
        return Ok(vm.none());
    };
    if g.running.get() {
        return Ok(vm.none());
    }
    // SAFETY: as in gen_frame.
    let slot = unsafe { &*g.frame.get() };
    let Some(f) = slot.as_ref() else {
        return Ok(vm.none());
    };
    let Some(code) = f.code.as_ref() else {
        return Ok(vm.none());
    };
    // Suspended at a YIELD_VALUE inside SEND: the delegate is on top of the stack.
    let bytes = &code.code;
    let at = f.lasti * 2;
    if bytes.get(at) == Some(&crate::eval::opcode::YIELD_VALUE)
        && bytes
            .get(at + 2)
            .is_some_and(|op| *op == crate::eval::opcode::RESUME)
        && bytes.get(at + 3).is_some_and(|arg| *arg >= 2)
    {
        if let Some(Some(d)) = f.stack.last() {
            return Ok(d.clone());
        }
    }
    Ok(vm.none())
}

pub fn init(vm: &Vm) {
    let v = &vm.types;
    for t in [
        &v.list_iterator,
        &v.list_reverseiterator,
        &v.tuple_iterator,
        &v.str_iterator,
        &v.bytes_iterator,
        &v.seq_iterator,
        &v.dict_keyiterator,
        &v.dict_valueiterator,
        &v.dict_itemiterator,
        &v.dict_reversekeyiterator,
        &v.set_iterator,
        &v.reversed,
    ] {
        vm.add_methods(
            t,
            &[MethodDef::method("__length_hint__", seqiter_length_hint)],
        );
    }
    for t in [
        &v.list_iterator,
        &v.list_reverseiterator,
        &v.tuple_iterator,
        &v.str_iterator,
        &v.bytes_iterator,
        &v.seq_iterator,
        &v.dict_keyiterator,
        &v.dict_valueiterator,
        &v.dict_itemiterator,
        &v.dict_reversekeyiterator,
        &v.set_iterator,
        &v.callable_iterator,
        &v.reversed,
    ] {
        t.update_slots(|s| {
            s.iter = Some(self_iter);
            s.iternext = Some(seqiter_next);
            s.traverse = Some(crate::objects::iter::seqiter_traverse);
        });
    }
    v.reversed.update_slots(|s| s.new = Some(reversed_new));
    for t in [&v.enumerate, &v.zip, &v.map, &v.filter] {
        t.update_slots(|s| {
            s.iter = Some(self_iter);
            s.iternext = Some(multi_next);
        });
    }
    v.enumerate.update_slots(|s| s.new = Some(enumerate_new));
    v.zip.update_slots(|s| s.new = Some(zip_new));
    v.map.update_slots(|s| s.new = Some(map_new));
    v.filter.update_slots(|s| s.new = Some(filter_new));
    for t in [&v.generator, &v.coroutine, &v.async_generator] {
        t.update_slots(|s| {
            s.repr = Some(gen_repr);
            s.finalize = Some(gen_finalize);
            s.traverse = Some(crate::objects::generator::generator_traverse);
        });
        t.flags
            .set(t.flags().union(crate::object::TypeFlags::HAS_FINALIZER));
        if !t.is(&v.async_generator) {
            vm.add_methods(
                t,
                &[
                    MethodDef::method("send", gen_send),
                    MethodDef::method("throw", gen_throw),
                    MethodDef::method("close", gen_close),
                ],
            );
        }
        vm.add_getset(
            t,
            "__name__",
            |vm, o| {
                Ok(o.downcast_ref::<PyGenerator>()
                    .map(|g| g.name.get().into_object())
                    .unwrap_or_else(|| vm.none()))
            },
            None,
        );
        vm.add_getset(
            t,
            "__qualname__",
            |vm, o| {
                Ok(o.downcast_ref::<PyGenerator>()
                    .map(|g| g.qualname.get().into_object())
                    .unwrap_or_else(|| vm.none()))
            },
            None,
        );
    }
    v.generator.update_slots(|s| {
        s.iter = Some(self_iter);
        s.iternext = Some(crate::eval::ops_gen::gen_iternext);
    });
    vm.add_getset(
        &v.generator,
        "gi_running",
        |vm, o| {
            Ok(vm.new_bool(
                o.downcast_ref::<PyGenerator>()
                    .is_some_and(|g| g.running.get()),
            ))
        },
        None,
    );
    vm.add_getset(
        &v.generator,
        "gi_code",
        |vm, o| {
            Ok(o.downcast_ref::<PyGenerator>()
                .map(|g| g.code.clone_object())
                .unwrap_or_else(|| vm.none()))
        },
        None,
    );
    vm.add_getset(&v.generator, "gi_frame", gen_frame, None);
    vm.add_getset(&v.generator, "gi_yieldfrom", gen_yieldfrom, None);
    vm.add_getset(
        &v.generator,
        "gi_suspended",
        |vm, o| {
            Ok(
                vm.new_bool(o.downcast_ref::<PyGenerator>().is_some_and(|g| {
                    // SAFETY: read of the generator's own frame slot.
                    g.started.get() && !g.running.get() && unsafe { (*g.frame.get()).is_some() }
                })),
            )
        },
        None,
    );
    vm.add_methods(&v.coroutine, &[MethodDef::method("__await__", coro_await)]);
    let _ = PyList::len;
}
