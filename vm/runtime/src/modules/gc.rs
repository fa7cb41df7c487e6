//! The `gc` module (`Modules/gcmodule.c`'s Python interface) over the collector in
//! `crate::gc`.

use crate::argparse;
use crate::error::PyResult;
use crate::gc as collector;
use crate::object::PyRef;
use crate::objects::descr::MethodDef;
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;

fn none_or_int(vm: &Vm, o: &Option<PyRef>) -> PyResult<Option<i64>> {
    match o {
        None => Ok(None),
        Some(v) if vm.is_none(v) => Ok(None),
        Some(v) => argparse::to_i64(vm, v).map(Some),
    }
}

fn enable(vm: &Vm, _a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    vm.gc_enabled.set(true);
    Ok(vm.none())
}
fn disable(vm: &Vm, _a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    vm.gc_enabled.set(false);
    Ok(vm.none())
}
fn isenabled(vm: &Vm, _a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    Ok(vm.new_bool(vm.gc_enabled.get()))
}
fn collect(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    let b = argparse::bind(vm, "collect", a, k, &["generation"], 0, 0, 1)?;
    let g = match &b[0] {
        None => 2,
        Some(v) => argparse::to_i64(vm, v)?,
    };
    if !(0..=2).contains(&g) {
        return Err(vm.new_value_error("invalid generation"));
    }
    Ok(vm.new_int(collector::collect_with_callback(vm, g as usize)))
}
fn get_threshold(vm: &Vm, _a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let g = &vm.gc_generations;
    Ok(vm
        .new_tuple(g.iter().map(|x| vm.new_usize(x.threshold.get())).collect())
        .into_object())
}
fn set_threshold(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::no_kw(vm, "set_threshold", k)?;
    if a.is_empty() || a.len() > 3 {
        return Err(vm.new_type_error(format!(
            "set_threshold() takes {} argument{} ({} given)",
            if a.is_empty() {
                "at least 1"
            } else {
                "at most 3"
            },
            if a.is_empty() { "" } else { "s" },
            a.len()
        )));
    }
    let mut vals = Vec::new();
    for v in a {
        vals.push(argparse::to_i64(vm, v)?);
    }
    for (i, t) in vals.into_iter().enumerate() {
        vm.gc_generations[i]
            .threshold
            .set(t.clamp(0, i32::MAX as i64) as usize);
    }
    Ok(vm.none())
}
fn get_count(vm: &Vm, _a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let g = &vm.gc_generations;
    Ok(vm
        .new_tuple(g.iter().map(|x| vm.new_int(x.count.get() as i64)).collect())
        .into_object())
}
fn is_tracked(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::no_kw(vm, "is_tracked", k)?;
    if a.len() != 1 {
        return Err(vm.new_type_error(format!(
            "gc.is_tracked() takes exactly one argument ({} given)",
            a.len()
        )));
    }
    Ok(vm.new_bool(crate::object::gc::is_tracked(&a[0])))
}
fn is_finalized(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::no_kw(vm, "is_finalized", k)?;
    if a.len() != 1 {
        return Err(vm.new_type_error(format!(
            "gc.is_finalized() takes exactly one argument ({} given)",
            a.len()
        )));
    }
    let o = &a[0];
    let fin = collector::lists::is_gc(o)
        && !o.is_type(&vm.types.dict)
        // SAFETY: GC objects have a header.
        && unsafe { (*crate::object::gc::GcHead::of(o.as_object())).finalized() };
    Ok(vm.new_bool(fin))
}
fn get_objects(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    let b = argparse::bind(vm, "get_objects", a, k, &["generation"], 0, 0, 1)?;
    let g = none_or_int(vm, &b[0])?;
    if let Some(g) = g {
        if g >= 3 {
            return Err(vm.new_value_error(
                "generation parameter must be less than the number of available generations (3)",
            ));
        }
        if g < 0 {
            return Err(vm.new_value_error("generation parameter cannot be negative"));
        }
    }
    let objs = collector::get_objects(vm, g.map(|x| x as usize));
    Ok(vm.new_list(objs).into_object())
}
fn get_referents(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::no_kw(vm, "get_referents", k)?;
    let mut out = Vec::new();
    for o in a {
        out.extend(collector::referents(o));
    }
    Ok(vm.new_list(out).into_object())
}
fn get_referrers(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::no_kw(vm, "get_referrers", k)?;
    let mut out = Vec::new();
    for o in collector::get_objects(vm, None) {
        let mut hit = false;
        collector::traverse::traverse(&o, &mut |x| {
            hit |= a.iter().any(|t| t.is(x));
        });
        if hit {
            out.push(o);
        }
    }
    Ok(vm.new_list(out).into_object())
}
fn get_debug(vm: &Vm, _a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    Ok(vm.new_int(collector::with_state(|s| s.debug.get())))
}
fn set_debug(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    let b = argparse::bind(vm, "set_debug", a, k, &["flags"], 1, 1, 1)?;
    let f = match &b[0] {
        Some(v) => argparse::to_i64(vm, v)?,
        None => 0,
    };
    collector::with_state(|s| s.debug.set(f));
    Ok(vm.none())
}
fn freeze(vm: &Vm, _a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    collector::freeze(vm);
    Ok(vm.none())
}
fn unfreeze(vm: &Vm, _a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    collector::unfreeze(vm);
    Ok(vm.none())
}
fn get_freeze_count(vm: &Vm, _a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    Ok(vm.new_usize(collector::freeze_count()))
}
fn get_stats(vm: &Vm, _a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let st = collector::with_state(|s| *s.stats.borrow());
    let mut out = Vec::new();
    for (c, n, u) in st {
        let d = vm.new_dict();
        d.set_str(vm.intern("collections"), vm.new_int(c));
        d.set_str(vm.intern("collected"), vm.new_int(n));
        d.set_str(vm.intern("uncollectable"), vm.new_int(u));
        out.push(d.into_object());
    }
    Ok(vm.new_list(out).into_object())
}

pub fn init(vm: &Vm) -> PyRef {
    let m = super::make_module(
        vm,
        "gc",
        &[
            MethodDef::static_("enable", enable),
            MethodDef::static_("disable", disable),
            MethodDef::static_("isenabled", isenabled),
            MethodDef::static_("collect", collect),
            MethodDef::static_("get_threshold", get_threshold),
            MethodDef::static_("set_threshold", set_threshold),
            MethodDef::static_("get_count", get_count),
            MethodDef::static_("is_tracked", is_tracked),
            MethodDef::static_("is_finalized", is_finalized),
            MethodDef::static_("get_objects", get_objects),
            MethodDef::static_("get_referents", get_referents),
            MethodDef::static_("get_referrers", get_referrers),
            MethodDef::static_("get_debug", get_debug),
            MethodDef::static_("set_debug", set_debug),
            MethodDef::static_("freeze", freeze),
            MethodDef::static_("unfreeze", unfreeze),
            MethodDef::static_("get_freeze_count", get_freeze_count),
            MethodDef::static_("get_stats", get_stats),
        ],
    );
    for (name, v) in [
        ("DEBUG_STATS", collector::DEBUG_STATS),
        ("DEBUG_COLLECTABLE", collector::DEBUG_COLLECTABLE),
        ("DEBUG_UNCOLLECTABLE", collector::DEBUG_UNCOLLECTABLE),
        ("DEBUG_SAVEALL", collector::DEBUG_SAVEALL),
        ("DEBUG_LEAK", 38),
    ] {
        super::set(vm, &m, name, vm.new_int(v));
    }
    // gc.garbage and gc.callbacks: one list each per run, shared with the collector.
    for (name, cell) in [("garbage", 0), ("callbacks", 1)] {
        let existing = collector::with_state(|s| {
            if cell == 0 {
                s.garbage.get()
            } else {
                s.callbacks.get()
            }
        });
        let l = if existing.is_null() {
            let l = vm.new_list(Vec::new()).into_object();
            // The state keeps one reference for the rest of the run.
            let raw = l.clone().into_raw();
            collector::with_state(|s| {
                if cell == 0 {
                    s.garbage.set(raw)
                } else {
                    s.callbacks.set(raw)
                }
            });
            l
        } else {
            // SAFETY: the state owns a reference to it.
            unsafe { (*existing).to_owned() }
        };
        super::set(vm, &m, name, l);
    }
    m
}
