//! `None`, `NotImplemented`, `Ellipsis` and `bool`.

use crate::error::PyResult;
use crate::object::typeobj::CmpOp;
use crate::object::{PyObject, PyRef, PyType};
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;

fn none_repr(vm: &Vm, _: &PyObject) -> PyResult {
    Ok(vm.new_str("None"))
}
fn none_bool(_: &Vm, _: &PyObject) -> PyResult<bool> {
    Ok(false)
}
fn none_new(vm: &Vm, _t: &PyRef<PyType>, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    if !a.is_empty() || k.is_some_and(|k| !k.is_empty()) {
        return Err(vm.new_type_error("NoneType takes no arguments"));
    }
    Ok(vm.none())
}
fn ni_repr(vm: &Vm, _: &PyObject) -> PyResult {
    Ok(vm.new_str("NotImplemented"))
}
fn ni_new(vm: &Vm, _t: &PyRef<PyType>, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    if !a.is_empty() || k.is_some_and(|k| !k.is_empty()) {
        return Err(vm.new_type_error("NotImplementedType takes no arguments"));
    }
    Ok(vm.not_implemented())
}
fn ni_bool(vm: &Vm, _: &PyObject) -> PyResult<bool> {
    let _ = vm;
    Ok(true)
}
fn ellipsis_repr(vm: &Vm, _: &PyObject) -> PyResult {
    Ok(vm.new_str("Ellipsis"))
}
fn ellipsis_new(vm: &Vm, _t: &PyRef<PyType>, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    if !a.is_empty() || k.is_some_and(|k| !k.is_empty()) {
        return Err(vm.new_type_error("ellipsis takes no arguments"));
    }
    Ok(vm.ellipsis.clone())
}

fn bool_repr(vm: &Vm, o: &PyObject) -> PyResult {
    Ok(vm.new_str(if o.is(&vm.true_obj) { "True" } else { "False" }))
}
fn bool_new(vm: &Vm, _t: &PyRef<PyType>, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    if k.is_some_and(|k| !k.is_empty()) {
        return Err(vm.new_type_error("bool() takes no keyword arguments"));
    }
    match a.len() {
        0 => Ok(vm.new_bool(false)),
        1 => Ok(vm.new_bool(crate::ops::is_true(vm, &a[0])?)),
        n => Err(vm.new_type_error(format!("bool expected at most 1 argument, got {}", n))),
    }
}
fn bool_binop(
    vm: &Vm,
    a: &PyObject,
    b: &PyObject,
    f: fn(bool, bool) -> bool,
    intf: crate::object::typeobj::BinaryFn,
) -> PyResult {
    if a.is_type(&vm.types.bool_) && b.is_type(&vm.types.bool_) {
        return Ok(vm.new_bool(f(a.is(&vm.true_obj), b.is(&vm.true_obj))));
    }
    intf(vm, a, b)
}
fn bool_and(vm: &Vm, a: &PyObject, b: &PyObject) -> PyResult {
    bool_binop(vm, a, b, |x, y| x & y, crate::objects::int::int_and)
}
fn bool_or(vm: &Vm, a: &PyObject, b: &PyObject) -> PyResult {
    bool_binop(vm, a, b, |x, y| x | y, crate::objects::int::int_or)
}
fn bool_xor(vm: &Vm, a: &PyObject, b: &PyObject) -> PyResult {
    bool_binop(vm, a, b, |x, y| x ^ y, crate::objects::int::int_xor)
}
fn identity_cmp(vm: &Vm, a: &PyObject, b: &PyObject, op: CmpOp) -> PyResult {
    let _ = (a, b, op);
    Ok(vm.not_implemented())
}

pub fn init(vm: &Vm) {
    let t = &vm.types;
    t.none_type.update_slots(|s| {
        s.repr = Some(none_repr);
        s.nb_bool = Some(none_bool);
        s.new = Some(none_new);
        s.richcompare = Some(identity_cmp);
        s.hash = Some(crate::objects::object::object_hash);
    });
    t.not_implemented_type.update_slots(|s| {
        s.repr = Some(ni_repr);
        s.new = Some(ni_new);
        s.nb_bool = Some(ni_bool);
    });
    t.ellipsis_type.update_slots(|s| {
        s.repr = Some(ellipsis_repr);
        s.new = Some(ellipsis_new);
    });
    t.bool_.update_slots(|s| {
        s.repr = Some(bool_repr);
        s.new = Some(bool_new);
        s.nb_binary[crate::object::typeobj::NbOp::And as usize] = Some(bool_and);
        s.nb_binary[crate::object::typeobj::NbOp::Or as usize] = Some(bool_or);
        s.nb_binary[crate::object::typeobj::NbOp::Xor as usize] = Some(bool_xor);
    });
    t.bool_.flags.set(crate::object::TypeFlags(
        t.bool_.flags().0 & !crate::object::TypeFlags::BASETYPE.0,
    ));
}
