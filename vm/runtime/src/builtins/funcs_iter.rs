//! Builtin functions over iterables: `iter`, `next`, `min`, `max`, `sum`, `any`, `all`,
//! `sorted`, `aiter`, `anext`.

use crate::argparse;
use crate::error::PyResult;
use crate::object::PyRef;
use crate::object::typeobj::CmpOp;
use crate::objects::descr::MethodDef;
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;

fn iter(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::range(vm, "iter", a, k, 1, 2)?;
    if a.len() == 2 {
        let cb = &a[0];
        let callable = matches!(
            cb.type_().layout,
            crate::object::Layout::Function
                | crate::object::Layout::BuiltinFunction
                | crate::object::Layout::Method
        ) || cb.type_().slots().call.is_some();
        if !callable {
            return Err(vm.new_type_error("iter(v, w): v must be callable"));
        }
        let pair = vm.new_tuple(vec![a[0].clone(), a[1].clone()]).into_object();
        return Ok(vm.new_seq_iter(&vm.types.callable_iterator, pair, 0));
    }
    crate::ops::iter(vm, &a[0])
}
fn next(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::range(vm, "next", a, k, 1, 2)?;
    let it = &a[0];
    let Some(f) = it.type_().slots().iternext else {
        return Err(vm.new_type_error(format!(
            "'{}' object is not an iterator",
            it.type_().name_str()
        )));
    };
    match f(vm, it) {
        Ok(Some(v)) => Ok(v),
        Ok(None) => match a.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(vm.new_stop_iteration(None)),
        },
        Err(e) if e.matches(&vm.exc.stop_iteration) && a.len() == 2 && !vm.is_aborting() => {
            Ok(a[1].clone())
        }
        Err(e) => Err(e),
    }
}
fn minmax(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>, name: &str, op: CmpOp) -> PyResult {
    let (pos, kws) = crate::ops::call::split_args(a, k);
    let mut key = None;
    let mut default = None;
    for (kk, v) in kws {
        match kk
            .downcast_ref::<PyStr>()
            .map(|s| s.to_string_lossy())
            .as_deref()
        {
            Some("key") => key = Some(v.clone()).filter(|v| !vm.is_none(v)),
            Some("default") => default = Some(v.clone()),
            Some(other) => {
                return Err(vm.new_type_error(format!(
                    "{}() got an unexpected keyword argument '{}'",
                    name, other
                )));
            }
            None => return Err(vm.new_type_error("keywords must be strings")),
        }
    }
    let items: Vec<PyRef> = match pos.len() {
        0 => return Err(vm.new_type_error(format!("{} expected at least 1 argument, got 0", name))),
        1 => {
            let it = crate::ops::iter(vm, &pos[0])?;
            let mut v = Vec::new();
            while let Some(x) = crate::ops::next(vm, &it)? {
                vm.tick()?;
                v.push(x);
            }
            v
        }
        _ => {
            if default.is_some() {
                return Err(vm.new_type_error(format!(
                    "Cannot specify a default for {}() with multiple positional arguments",
                    name
                )));
            }
            pos.to_vec()
        }
    };
    let mut best: Option<(PyRef, PyRef)> = None;
    for x in items {
        let kv = match &key {
            Some(f) => crate::ops::call(vm, f, &[x.clone()], None)?,
            None => x.clone(),
        };
        match &best {
            None => best = Some((kv, x)),
            Some((bk, _)) => {
                if crate::ops::rich_compare_bool(vm, &kv, bk, op)? {
                    best = Some((kv, x));
                }
            }
        }
    }
    match best {
        Some((_, v)) => Ok(v),
        None => default
            .ok_or_else(|| vm.new_value_error(format!("{}() arg is an empty sequence", name))),
    }
}
fn min(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    minmax(vm, a, k, "min", CmpOp::Lt)
}
fn max(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    minmax(vm, a, k, "max", CmpOp::Gt)
}
fn sum(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    let p = argparse::bind(vm, "sum", a, k, &["", "start"], 1, 1, 2)?;
    let mut acc = p[1].clone().unwrap_or_else(|| vm.new_int(0));
    if acc.downcast_ref::<PyStr>().is_some() {
        return Err(vm.new_type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    if acc.is_type(&vm.types.bytes) {
        return Err(vm.new_type_error("sum() can't sum bytes [use b''.join(seq) instead]"));
    }
    if acc.is_type(&vm.types.bytearray) {
        return Err(vm.new_type_error("sum() can't sum bytearray [use b''.join(seq) instead]"));
    }
    let it = crate::ops::iter(vm, p[0].as_ref().unwrap_or(&vm.none))?;
    // Fast paths for ints and floats (as CPython's sum does).
    let mut int_acc: Option<i64> = if acc.is_type(&vm.types.int) {
        crate::objects::int::int_value(&acc).and_then(|v| v.as_i64())
    } else {
        None
    };
    let mut float_acc: Option<f64> = None;
    while let Some(x) = crate::ops::next(vm, &it)? {
        vm.tick()?;
        if let Some(ia) = int_acc {
            if x.is_type(&vm.types.int) || x.is_type(&vm.types.bool_) {
                if let Some(xv) = crate::objects::int::int_value(&x).and_then(|v| v.as_i64()) {
                    if let Some(s) = ia.checked_add(xv) {
                        int_acc = Some(s);
                        continue;
                    }
                }
            }
            acc = vm.new_int(ia);
            int_acc = None;
        }
        if float_acc.is_none() && acc.is_type(&vm.types.float) {
            float_acc = crate::objects::float::float_value(&acc);
        }
        if let Some(fa) = float_acc {
            if x.is_type(&vm.types.float) {
                float_acc = Some(fa + crate::objects::float::float_value(&x).unwrap_or(0.0));
                continue;
            }
            if x.is_type(&vm.types.int) {
                if let Some(xv) = crate::objects::int::int_value(&x).and_then(|v| v.as_i64()) {
                    if xv.unsigned_abs() < (1 << 53) {
                        float_acc = Some(fa + xv as f64);
                        continue;
                    }
                }
            }
            acc = vm.new_float(fa);
            float_acc = None;
        }
        acc = crate::ops::number::binary_op(vm, &acc, &x, 0)?;
    }
    if let Some(ia) = int_acc {
        return Ok(vm.new_int(ia));
    }
    if let Some(fa) = float_acc {
        return Ok(vm.new_float(fa));
    }
    Ok(acc)
}
fn any(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "any", a, k, 1)?;
    let it = crate::ops::iter(vm, &a[0])?;
    while let Some(x) = crate::ops::next(vm, &it)? {
        vm.tick()?;
        if crate::ops::is_true(vm, &x)? {
            return Ok(vm.new_bool(true));
        }
    }
    Ok(vm.new_bool(false))
}
fn all(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "all", a, k, 1)?;
    let it = crate::ops::iter(vm, &a[0])?;
    while let Some(x) = crate::ops::next(vm, &it)? {
        vm.tick()?;
        if !crate::ops::is_true(vm, &x)? {
            return Ok(vm.new_bool(false));
        }
    }
    Ok(vm.new_bool(true))
}
fn sorted(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    let (pos, kws) = crate::ops::call::split_args(a, k);
    if pos.len() != 1 {
        return Err(vm.new_type_error(format!("sorted expected 1 argument, got {}", pos.len())));
    }
    let items = crate::ops::collect(vm, &pos[0])?;
    let l = vm.new_list(items).into_object();
    let sort = crate::ops::get_attr(vm, &l, &vm.intern("sort"))?;
    let kwvals: Vec<PyRef> = kws.iter().map(|(_, v)| (*v).clone()).collect();
    if kwvals.is_empty() {
        crate::ops::call(vm, &sort, &[], None)?;
    } else {
        let names = vm.new_tuple(kws.iter().map(|(k, _)| (*k).clone()).collect());
        crate::ops::call(vm, &sort, &kwvals, Some(&names))?;
    }
    Ok(l)
}

pub const FUNCS: &[MethodDef] = &[
    MethodDef::static_("iter", iter),
    MethodDef::static_("next", next),
    MethodDef::static_("min", min),
    MethodDef::static_("max", max),
    MethodDef::static_("sum", sum),
    MethodDef::static_("any", any),
    MethodDef::static_("all", all),
    MethodDef::static_("sorted", sorted),
];
