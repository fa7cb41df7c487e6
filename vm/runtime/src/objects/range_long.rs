//! `longrange_iterator`: the iterator of a range whose bounds do not fit a machine word
//! (CPython's Objects/rangeobject.c keeps two iterator types). refvm makes it a heap
//! type with native methods; its state is one attribute holding
//! `[next, step, remaining]`.

use crate::error::PyResult;
use crate::object::{PyObject, PyRef, PyType};
use crate::objects::descr::MethodDef;
use crate::objects::int::int_value;
use crate::objects::intval::Int;
use crate::objects::list::PyList;
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;

const STATE: &str = "_longrange_state";

fn state(vm: &Vm, o: &PyObject) -> PyResult<PyRef<PyList>> {
    crate::ops::get_attr(vm, o, &vm.intern(STATE))?
        .downcast::<PyList>()
        .map_err(|_| vm.new_type_error("longrange_iterator state"))
}

fn get(vm: &Vm, l: &PyList, i: usize) -> PyResult<Int> {
    l.get(i)
        .as_ref()
        .and_then(|v| int_value(v).cloned())
        .ok_or_else(|| vm.new_type_error("longrange_iterator state"))
}

fn lr_iter(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    a.first()
        .cloned()
        .ok_or_else(|| vm.new_type_error("expected self"))
}

fn lr_next(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let Some(me) = a.first() else {
        return Err(vm.new_type_error("expected self"));
    };
    let st = state(vm, me)?;
    let (next, step, left) = (get(vm, &st, 0)?, get(vm, &st, 1)?, get(vm, &st, 2)?);
    if left.is_zero() || left.is_negative() {
        return Err(vm.new_stop_iteration(None));
    }
    let one = num_bigint::BigInt::from(1);
    st.set(
        0,
        vm.new_int_value(Int::from_big(next.to_big() + step.to_big())),
    );
    st.set(2, vm.new_int_value(Int::from_big(left.to_big() - one)));
    Ok(vm.new_int_value(next))
}

fn lr_length_hint(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let Some(me) = a.first() else {
        return Err(vm.new_type_error("expected self"));
    };
    let st = state(vm, me)?;
    Ok(vm.new_int_value(get(vm, &st, 2)?))
}

fn longrange_type(vm: &Vm) -> PyResult<PyRef<PyType>> {
    if let Some(t) = vm
        .extra_types
        .borrow()
        .iter()
        .find(|t| t.name_str() == "longrange_iterator")
    {
        return Ok(t.clone());
    }
    let ns = vm.new_dict();
    ns.set_str(vm.names.__module__.clone(), vm.new_str("builtins"));
    let t = super::typeobject::type_new(
        vm,
        &vm.types.type_,
        &[
            vm.new_str("longrange_iterator"),
            vm.new_tuple(vec![vm.types.object.clone_object()])
                .into_object(),
            ns.into_object(),
        ],
        None,
    )?
    .downcast::<PyType>()
    .map_err(|_| vm.new_type_error("longrange_iterator"))?;
    vm.add_methods(
        &t,
        &[
            MethodDef::method("__iter__", lr_iter),
            MethodDef::method("__next__", lr_next),
            MethodDef::method("__length_hint__", lr_length_hint),
        ],
    );
    super::slotdefs::fixup_slots(vm, &t);
    vm.extra_types.borrow_mut().push(t.clone());
    Ok(t)
}

/// An iterator over `start, start + step, …` (`len` items) with big-int bounds.
pub fn new_longrange_iter(vm: &Vm, start: &Int, step: &Int, len: &Int) -> PyResult {
    let t = longrange_type(vm)?;
    let it = crate::ops::call(vm, t.as_object(), &[], None)?;
    let st = vm.new_list(vec![
        vm.new_int_value(start.clone()),
        vm.new_int_value(step.clone()),
        vm.new_int_value(len.clone()),
    ]);
    crate::ops::attr::set_attr(vm, &it, &vm.intern(STATE), st.into_object())?;
    Ok(it)
}
