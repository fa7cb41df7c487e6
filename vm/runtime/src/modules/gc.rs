//! The `gc` module (first version: switches and queries; the cycle collector is issue 6).

use crate::argparse;
use crate::error::PyResult;
use crate::object::PyRef;
use crate::objects::descr::MethodDef;
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;

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
fn collect(vm: &Vm, _a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    // No cycle collector yet: nothing unreachable is found.
    Ok(vm.new_int(0))
}
fn get_threshold(vm: &Vm, _a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let g = &vm.gc_generations;
    Ok(vm
        .new_tuple(g.iter().map(|x| vm.new_usize(x.threshold.get())).collect())
        .into_object())
}
fn set_threshold(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::range(vm, "set_threshold", a, k, 1, 3)?;
    for (i, v) in a.iter().enumerate() {
        let t = argparse::to_i64(vm, v)?;
        vm.gc_generations[i].threshold.set(t.max(0) as usize);
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
    argparse::exact(vm, "is_tracked", a, k, 1)?;
    Ok(vm.new_bool(crate::object::gc::is_tracked(&a[0])))
}

pub fn init(vm: &Vm) -> PyRef {
    super::make_module(
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
        ],
    )
}
