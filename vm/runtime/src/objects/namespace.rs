//! `types.SimpleNamespace` (CPython's Objects/namespaceobject.c): a plain attribute
//! bag, the type of `sys.implementation`. refvm makes it a heap type whose methods are
//! native, so instances get a `__dict__` like any class instance.

use crate::error::PyResult;
use crate::object::{PyObject, PyRef, PyType};
use crate::objects::descr::MethodDef;
use crate::objects::dict::PyDict;
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;

fn instance_dict(vm: &Vm, o: &PyObject) -> PyResult<PyRef<PyDict>> {
    let d = crate::ops::get_attr(vm, o, &vm.intern("__dict__"))?;
    d.downcast::<PyDict>()
        .map_err(|_| vm.new_type_error("SimpleNamespace.__dict__ is not a dict"))
}

fn ns_init(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    let Some(me) = a.first() else {
        return Err(vm.new_type_error("SimpleNamespace.__init__ needs self"));
    };
    let (pos, kws) = crate::ops::call::split_args(&a[1..], k);
    if !pos.is_empty() {
        return Err(vm.new_type_error("no positional arguments expected"));
    }
    for (name, v) in kws {
        let Ok(n) = name.clone().downcast::<PyStr>() else {
            return Err(vm.new_type_error("keywords must be strings"));
        };
        crate::ops::attr::set_attr(vm, me, &n, v.clone())?;
    }
    Ok(vm.none())
}

fn ns_repr(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let Some(me) = a.first() else {
        return Err(vm.new_type_error("SimpleNamespace.__repr__ needs self"));
    };
    let t = me.type_();
    let name = if is_exact(vm, me) {
        "namespace".to_string()
    } else {
        t.name_str().to_string()
    };
    let busy = format!("{name}(...)");
    let s = super::tuple_methods::repr_guard(vm, me, &busy, || {
        let d = instance_dict(vm, me)?;
        let mut parts = Vec::new();
        for (key, v) in d.items() {
            if let Some(ks) = key.downcast_ref::<PyStr>() {
                parts.push(format!(
                    "{}={}",
                    ks.to_string_lossy(),
                    crate::ops::repr_string(vm, &v)?
                ));
            }
        }
        Ok(format!("{}({})", name, parts.join(", ")))
    })?;
    Ok(vm.new_str(&s))
}

/// The `SimpleNamespace` type of this interpreter (kept in `vm.extra_types`).
pub fn simple_namespace_type(vm: &Vm) -> Option<PyRef<PyType>> {
    vm.extra_types
        .borrow()
        .iter()
        .find(|t| t.name_str() == "SimpleNamespace")
        .cloned()
}

fn is_exact(vm: &Vm, o: &PyObject) -> bool {
    simple_namespace_type(vm).is_some_and(|t| std::ptr::eq(o.type_(), &*t))
}

fn is_namespace(vm: &Vm, o: &PyObject) -> bool {
    simple_namespace_type(vm).is_some_and(|t| crate::ops::isinstance_type(o, &t))
}

fn ns_richcompare(vm: &Vm, a: &[PyRef], eq: bool) -> PyResult {
    let (Some(x), Some(y)) = (a.first(), a.get(1)) else {
        return Err(vm.new_type_error("expected 1 argument"));
    };
    if !is_namespace(vm, x) || !is_namespace(vm, y) {
        return Ok(vm.not_implemented_obj.clone());
    }
    let dx = instance_dict(vm, x)?;
    let dy = instance_dict(vm, y)?;
    let op = if eq {
        crate::object::typeobj::CmpOp::Eq
    } else {
        crate::object::typeobj::CmpOp::Ne
    };
    crate::ops::compare::rich_compare(vm, dx.as_object(), dy.as_object(), op)
}

fn ns_eq(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    ns_richcompare(vm, a, true)
}

fn ns_ne(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    ns_richcompare(vm, a, false)
}

fn ns_reduce(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let Some(me) = a.first() else {
        return Err(vm.new_type_error("SimpleNamespace.__reduce__ needs self"));
    };
    let d = instance_dict(vm, me)?;
    Ok(vm
        .new_tuple(vec![
            me.type_().as_object().to_owned(),
            vm.empty_tuple.clone_object(),
            d.into_object(),
        ])
        .into_object())
}

/// Creates the `types.SimpleNamespace` type.
pub fn make_type(vm: &Vm) -> PyResult<PyRef<PyType>> {
    let ns = vm.new_dict();
    ns.set_str(vm.names.__module__.clone(), vm.new_str("types"));
    ns.set_str(vm.intern("__qualname__"), vm.new_str("SimpleNamespace"));
    ns.set_str(
        vm.intern("__doc__"),
        vm.new_str("A simple attribute-based namespace.\n\nSimpleNamespace(**kwargs)"),
    );
    let t = super::typeobject::type_new(
        vm,
        &vm.types.type_,
        &[
            vm.new_str("SimpleNamespace"),
            vm.new_tuple(vec![vm.types.object.clone_object()])
                .into_object(),
            ns.into_object(),
        ],
        None,
    )?;
    let ty = t
        .downcast::<PyType>()
        .map_err(|_| vm.new_type_error("SimpleNamespace"))?;
    vm.add_methods(
        &ty,
        &[
            MethodDef::method("__init__", ns_init),
            MethodDef::method("__repr__", ns_repr),
            MethodDef::method("__eq__", ns_eq),
            MethodDef::method("__ne__", ns_ne),
            MethodDef::method("__reduce__", ns_reduce),
        ],
    );
    ty.dict.set_str(vm.intern("__hash__"), vm.none());
    super::slotdefs::fixup_slots(vm, &ty);
    vm.extra_types.borrow_mut().push(ty.clone());
    Ok(ty)
}
