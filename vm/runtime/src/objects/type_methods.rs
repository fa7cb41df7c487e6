//! Attributes and methods of `type` objects (`__name__`, `__mro__`, `mro()`, …).

use crate::error::PyResult;
use crate::object::{PyObject, PyRef, PyType, Slot};
use crate::objects::descr::MethodDef;
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;

fn as_type<'a>(vm: &Vm, o: &'a PyObject) -> PyResult<&'a PyType> {
    o.downcast_ref::<PyType>()
        .ok_or_else(|| vm.new_type_error("descriptor requires a 'type' object"))
}

fn get_name(vm: &Vm, o: &PyObject) -> PyResult {
    let t = as_type(vm, o)?;
    if !t.is_heap() {
        let n = t.name_str();
        let short = n.rsplit('.').next().unwrap_or(&n).to_string();
        return Ok(vm.new_str(&short));
    }
    Ok(t.name().clone_object())
}
fn set_name(vm: &Vm, o: &PyObject, v: Slot) -> PyResult<()> {
    let t = as_type(vm, o)?;
    if !t.is_heap() {
        return Err(vm.new_type_error(format!(
            "cannot set '__name__' attribute of immutable type '{}'",
            t.name_str()
        )));
    }
    match v.and_then(|v| v.downcast::<PyStr>().ok()) {
        Some(s) => {
            t.set_name(s);
            Ok(())
        }
        None => Err(vm.new_type_error("can only assign string to __name__")),
    }
}
fn get_qualname(vm: &Vm, o: &PyObject) -> PyResult {
    let t = as_type(vm, o)?;
    if !t.is_heap() {
        return get_name(vm, o);
    }
    Ok(t.qualname().clone_object())
}
fn set_qualname(vm: &Vm, o: &PyObject, v: Slot) -> PyResult<()> {
    let t = as_type(vm, o)?;
    match v.and_then(|v| v.downcast::<PyStr>().ok()) {
        Some(s) if t.is_heap() => {
            t.set_qualname(s);
            Ok(())
        }
        _ => Err(vm.new_type_error("can only assign string to __qualname__")),
    }
}
fn get_module(vm: &Vm, o: &PyObject) -> PyResult {
    let t = as_type(vm, o)?;
    if t.is_heap() {
        return t
            .dict
            .get_str(&vm.names.__module__)
            .ok_or_else(|| vm.new_attribute_error("__module__"));
    }
    Ok(vm.new_str(t.module_name))
}
fn set_module(vm: &Vm, o: &PyObject, v: Slot) -> PyResult<()> {
    let t = as_type(vm, o)?;
    if let Some(v) = v {
        t.dict.set_str(vm.names.__module__.clone(), v);
    }
    Ok(())
}
fn get_mro(vm: &Vm, o: &PyObject) -> PyResult {
    let t = as_type(vm, o)?;
    Ok(t.mro()
        .map(|m| m.clone_object())
        .unwrap_or_else(|| vm.none()))
}
fn get_bases(vm: &Vm, o: &PyObject) -> PyResult {
    Ok(as_type(vm, o)?.bases().clone_object())
}
fn get_base(vm: &Vm, o: &PyObject) -> PyResult {
    Ok(as_type(vm, o)?
        .base
        .as_ref()
        .map(|b| b.clone_object())
        .unwrap_or_else(|| vm.none()))
}
fn get_dict(vm: &Vm, o: &PyObject) -> PyResult {
    // A read-only view in CPython (mappingproxy); refvm hands out a copy.
    let t = as_type(vm, o)?;
    Ok(crate::objects::dict_methods::new_mappingproxy(
        vm,
        t.dict.clone_object(),
    ))
}
fn get_doc(vm: &Vm, o: &PyObject) -> PyResult {
    let t = as_type(vm, o)?;
    let d = t
        .dict
        .get_str(&vm.names.__doc__)
        .unwrap_or_else(|| vm.none());
    if let Some(g) = d.type_().slots().descr_get {
        return g(vm, &d, None, Some(o));
    }
    Ok(d)
}
/// `type_set_doc`: heap types only (`check_set_special_type_attr`).
fn set_doc(vm: &Vm, o: &PyObject, v: Slot) -> PyResult<()> {
    let t = as_type(vm, o)?;
    if !t.is_heap() {
        return Err(vm.new_type_error(format!(
            "cannot set '__doc__' attribute of immutable type '{}'",
            t.name_str()
        )));
    }
    let Some(v) = v else {
        return Err(vm.new_type_error(format!(
            "cannot delete '__doc__' attribute of immutable type '{}'",
            t.name_str()
        )));
    };
    t.dict.set_str(vm.names.__doc__.clone(), v);
    crate::object::typeobj::type_modified();
    Ok(())
}
fn get_abstract(vm: &Vm, o: &PyObject) -> PyResult {
    let t = as_type(vm, o)?;
    match t.dict.get_str(&vm.names.__abstractmethods__) {
        Some(v) if !o.is(&vm.types.type_) => Ok(v),
        _ => Err(vm.new_attribute_error("__abstractmethods__")),
    }
}
fn set_abstract(vm: &Vm, o: &PyObject, v: Slot) -> PyResult<()> {
    let t = as_type(vm, o)?;
    let abs = match &v {
        Some(v) => crate::ops::is_true(vm, v)?,
        None => false,
    };
    match v {
        Some(v) => t.dict.set_str(vm.names.__abstractmethods__.clone(), v),
        None => {
            t.dict.pop_str(&vm.names.__abstractmethods__);
        }
    }
    let f = t.flags();
    t.flags.set(if abs {
        f.union(crate::object::TypeFlags::IS_ABSTRACT)
    } else {
        crate::object::TypeFlags(f.0 & !crate::object::TypeFlags::IS_ABSTRACT.0)
    });
    Ok(())
}

fn type_mro(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let t = as_type(vm, &a[0])?;
    Ok(vm
        .new_list(t.mro().map(|m| m.as_slice().to_vec()).unwrap_or_default())
        .into_object())
}
/// `type.__subclasses__()`: the direct subclasses, builtin types first, then the live
/// heap types found among the collector's tracked objects, oldest generation first (so
/// in creation order, as CPython's `tp_subclasses` keeps them).
fn type_subclasses(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let t = as_type(vm, &a[0])?;
    let mut out = Vec::new();
    let all = vm.types.all().into_iter().chain(vm.exc.all());
    for s in all {
        if s.bases().as_slice().iter().any(|b| b.is(t.as_object())) {
            out.push(s.clone_object());
        }
    }
    for generation in (0..vm.gc_generations.len()).rev() {
        for o in crate::gc::get_objects(vm, Some(generation)) {
            let Some(s) = o.downcast_ref::<PyType>() else {
                continue;
            };
            if s.flags().contains(crate::object::TypeFlags::HEAPTYPE)
                && s.bases().as_slice().iter().any(|b| b.is(t.as_object()))
            {
                out.push(o.clone());
            }
        }
    }
    Ok(vm.new_list(out).into_object())
}
fn type_instancecheck(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    if a.len() != 2 {
        return Err(vm.new_type_error("__instancecheck__ expects 1 argument"));
    }
    let t = as_type(vm, &a[0])?;
    Ok(vm.new_bool(a[1].type_().is_subtype(t)))
}
fn type_subclasscheck(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    if a.len() != 2 {
        return Err(vm.new_type_error("__subclasscheck__ expects 1 argument"));
    }
    let t = as_type(vm, &a[0])?;
    let s = as_type(vm, &a[1])?;
    Ok(vm.new_bool(s.is_subtype(t)))
}
fn type_prepare(vm: &Vm, _a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    Ok(vm.new_dict().into_object())
}
fn type_init(vm: &Vm, _o: &PyObject, a: &[PyRef], k: Option<&PyTuple>) -> PyResult<()> {
    let nkw = k.map_or(0, |k| k.len());
    let npos = a.len().saturating_sub(nkw);
    if npos == 1 && nkw != 0 {
        return Err(vm.new_type_error("type.__init__() takes no keyword arguments"));
    }
    if npos != 1 && npos != 3 {
        return Err(vm.new_type_error("type.__init__() takes 1 or 3 arguments"));
    }
    Ok(())
}
fn type_or(vm: &Vm, a: &PyObject, b: &PyObject) -> PyResult {
    let ok = |o: &PyObject| {
        o.downcast_ref::<PyType>().is_some() || vm.is_none(o) || o.is_type(&vm.types.generic_alias)
    };
    if !ok(a) || !ok(b) {
        return Ok(vm.not_implemented());
    }
    // `types.UnionType`: the flattened, de-duplicated members (None becomes NoneType).
    let mut args: Vec<PyRef> = Vec::new();
    for o in [a, b] {
        let members = match crate::objects::typeobject::union_args(vm, o) {
            Some(m) => m,
            None if vm.is_none(o) => vec![vm.types.none_type.clone_object()],
            None => vec![o.to_owned()],
        };
        for m in members {
            if !args.iter().any(|x| x.is(&m)) {
                args.push(m);
            }
        }
    }
    if args.len() == 1 {
        return Ok(args.pop().unwrap_or_else(|| vm.none()));
    }
    Ok(vm.new_multi_iter(
        &vm.types.generic_alias,
        vec![vm.new_str("|"), vm.new_tuple(args).into_object()],
        None,
        vm.none(),
        false,
    ))
}

pub fn init(vm: &Vm) {
    let t = &vm.types.type_;
    t.update_slots(|s| {
        s.call = Some(crate::objects::typeobject::type_call);
        s.getattro = Some(crate::ops::attr::type_getattro);
        s.setattro = Some(crate::objects::typeobject::type_setattro);
        s.repr = Some(crate::objects::typeobject::type_repr);
        s.new = Some(crate::objects::typeobject::type_new);
        s.init = Some(type_init);
        s.nb_binary[crate::object::typeobj::NbOp::Or as usize] = Some(type_or);
    });
    vm.add_getset(t, "__name__", get_name, Some(set_name));
    vm.add_getset(t, "__qualname__", get_qualname, Some(set_qualname));
    vm.add_getset(t, "__module__", get_module, Some(set_module));
    vm.add_getset(t, "__mro__", get_mro, None);
    vm.add_getset(t, "__bases__", get_bases, None);
    vm.add_getset(t, "__base__", get_base, None);
    vm.add_getset(t, "__dict__", get_dict, None);
    vm.add_getset(t, "__doc__", get_doc, Some(set_doc));
    vm.add_getset(t, "__abstractmethods__", get_abstract, Some(set_abstract));
    vm.add_methods(
        t,
        &[
            MethodDef::method("mro", type_mro),
            MethodDef::method("__subclasses__", type_subclasses),
            MethodDef::method("__instancecheck__", type_instancecheck),
            MethodDef::method("__subclasscheck__", type_subclasscheck),
            MethodDef::class("__prepare__", type_prepare),
        ],
    );
}
