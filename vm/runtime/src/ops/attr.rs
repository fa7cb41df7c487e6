//! Attribute access: `PyObject_GetAttr`/`SetAttr`, the generic descriptor-aware
//! implementations (`PyObject_GenericGetAttr`/`SetAttr`) and `_PyObject_GetMethod`.

use crate::error::{PyErr, PyResult};
use crate::object::typeobj::instance_dict_slot;
use crate::object::{PyObject, PyRef, PyType, Slot, TypeFlags};
use crate::objects::dict::PyDict;
use crate::objects::str::PyStr;
use crate::vm::Vm;

/// `PyObject_GetAttr`.
#[inline]
pub fn get_attr(vm: &Vm, o: &PyObject, name: &PyRef<PyStr>) -> PyResult {
    match o.type_().slots().getattro {
        Some(f) => f(vm, o, name),
        None => generic_getattr(vm, o, name),
    }
}

/// `getattr(o, name)` returning `None` on AttributeError (`_PyObject_LookupAttr`).
pub fn get_attr_opt(vm: &Vm, o: &PyObject, name: &PyRef<PyStr>) -> PyResult<Option<PyRef>> {
    match get_attr(vm, o, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(&vm.exc.attribute_error) && !vm.is_aborting() => Ok(None),
        Err(e) => Err(e),
    }
}

/// `PyObject_SetAttr`.
pub fn set_attr(vm: &Vm, o: &PyObject, name: &PyRef<PyStr>, v: PyRef) -> PyResult<()> {
    match o.type_().slots().setattro {
        Some(f) => f(vm, o, name, Some(v)),
        None => Err(no_setattr(vm, o, name, true)),
    }
}

/// `del o.name`.
pub fn del_attr(vm: &Vm, o: &PyObject, name: &PyRef<PyStr>) -> PyResult<()> {
    match o.type_().slots().setattro {
        Some(f) => f(vm, o, name, None),
        None => Err(no_setattr(vm, o, name, false)),
    }
}

fn no_setattr(vm: &Vm, o: &PyObject, name: &PyStr, set: bool) -> PyErr {
    let t = o.type_();
    if t.slots().getattro.is_none() {
        vm.new_type_error(format!(
            "'{}' object has no attributes ({} .{})",
            t.name_str(),
            if set { "assign to" } else { "del" },
            name
        ))
    } else {
        vm.new_type_error(format!(
            "'{}' object has only read-only attributes ({} .{})",
            t.name_str(),
            if set { "assign to" } else { "del" },
            name
        ))
    }
}

/// An AttributeError with `name` and `obj` set (for "Did you mean" suggestions).
pub fn attribute_error(vm: &Vm, o: &PyObject, name: &PyRef<PyStr>) -> PyErr {
    let e = vm.new_attribute_error(format!(
        "'{}' object has no attribute '{}'",
        o.type_().name_str(),
        name
    ));
    e.exc().set_extra("name", name.clone_object());
    e.exc().set_extra("obj", o.to_owned());
    e
}

/// Is `d` a data descriptor (its type has `__set__`)?
#[inline]
pub fn is_data_descr(d: &PyObject) -> bool {
    d.type_().slots().descr_set.is_some()
}

/// `PyObject_GenericGetAttr`.
pub fn generic_getattr(vm: &Vm, o: &PyObject, name: &PyRef<PyStr>) -> PyResult {
    match generic_getattr_opt(vm, o, name, None)? {
        Some(v) => Ok(v),
        None => Err(attribute_error(vm, o, name)),
    }
}

/// `_PyObject_GenericGetAttrWithDict` with suppression: `Ok(None)` when missing.
pub fn generic_getattr_opt(
    vm: &Vm,
    o: &PyObject,
    name: &PyRef<PyStr>,
    dict: Option<PyRef<PyDict>>,
) -> PyResult<Option<PyRef>> {
    let t = o.type_();
    let descr = t.lookup(name);
    let mut getter = None;
    if let Some(d) = &descr {
        getter = d.type_().slots().descr_get;
        if let Some(g) = getter {
            if is_data_descr(d) {
                return g(vm, d, Some(o), Some(t.as_object())).map(Some);
            }
        }
    }
    let dict = match dict {
        Some(d) => Some(d),
        None => crate::object::typeobj::instance_dict(o),
    };
    if let Some(d) = dict {
        if let Some(v) = d.get_item(vm, name.as_object())? {
            return Ok(Some(v));
        }
    }
    if let Some(g) = getter {
        // descr is Some when getter is
        if let Some(d) = &descr {
            return g(vm, d, Some(o), Some(t.as_object())).map(Some);
        }
    }
    Ok(descr)
}

/// `PyObject_GenericSetAttr` (and delete when `v` is None).
pub fn generic_setattr(vm: &Vm, o: &PyObject, name: &PyRef<PyStr>, v: Slot) -> PyResult<()> {
    let t = o.type_();
    if let Some(d) = t.lookup(name) {
        if let Some(f) = d.type_().slots().descr_set {
            return f(vm, &d, o, v);
        }
    }
    let Some(slot) = instance_dict_slot(o) else {
        return Err(if t.lookup(name).is_some() {
            vm.new_attribute_error(format!(
                "'{}' object attribute '{}' is read-only",
                t.name_str(),
                name
            ))
        } else {
            attribute_error(vm, o, name)
        });
    };
    // SAFETY: the slot holds a dict or NULL; we clone it out before any call.
    let dict = unsafe { (*slot).clone() };
    let dict = match dict {
        Some(d) => d,
        None => {
            let d = vm.new_dict().into_object();
            // CPython 3.11 keeps these attributes inline: no allocation to account.
            crate::gc::note_virtual_dict(vm);
            crate::object::gc::set_inline_dict(&d);
            // SAFETY: storing into the object's own dict slot; old value is None.
            unsafe { *slot = Some(d.clone()) };
            d
        }
    };
    let Some(dict) = dict.downcast_ref::<PyDict>() else {
        return Err(vm.new_type_error("__dict__ is not a dict"));
    };
    match v {
        Some(v) => {
            if dict.as_object().is_type(&vm.types.dict) && name.as_object().is_type(&vm.types.str) {
                dict.set_str(name.clone(), v);
                Ok(())
            } else {
                dict.set_item(vm, name.clone_object(), v)
            }
        }
        None => match dict.pop_item(vm, name.as_object())? {
            Some(_) => Ok(()),
            None => Err(attribute_error(vm, o, name)),
        },
    }
}

/// `_PyObject_GetMethod`: `(callable, true)` when an unbound method was found (the caller
/// passes `o` as the first argument), `(attr, false)` otherwise.
pub fn get_method(vm: &Vm, o: &PyObject, name: &PyRef<PyStr>) -> PyResult<(PyRef, bool)> {
    let t = o.type_();
    let generic = match t.slots().getattro {
        Some(f) => std::ptr::fn_addr_eq(f, generic_getattr as crate::object::typeobj::GetAttrFn),
        None => true,
    };
    if !generic {
        return Ok((get_attr(vm, o, name)?, false));
    }
    let descr = t.lookup(name);
    let mut getter = None;
    let mut meth_found = false;
    if let Some(d) = &descr {
        if d.type_().flags().contains(TypeFlags::METHOD_DESCRIPTOR) {
            meth_found = true;
        } else {
            getter = d.type_().slots().descr_get;
            if let Some(g) = getter {
                if is_data_descr(d) {
                    return Ok((g(vm, d, Some(o), Some(t.as_object()))?, false));
                }
            }
        }
    }
    if let Some(dict) = crate::object::typeobj::instance_dict(o) {
        if let Some(v) = dict.get_item(vm, name.as_object())? {
            return Ok((v, false));
        }
    }
    if meth_found {
        if let Some(d) = descr {
            return Ok((d, true));
        }
    }
    if let (Some(g), Some(d)) = (getter, &descr) {
        return Ok((g(vm, d, Some(o), Some(t.as_object()))?, false));
    }
    match descr {
        Some(d) => Ok((d, false)),
        None => Err(attribute_error(vm, o, name)),
    }
}

/// `type_getattro`: attribute lookup on a class.
pub fn type_getattro(vm: &Vm, o: &PyObject, name: &PyRef<PyStr>) -> PyResult {
    match type_getattr_opt(vm, o, name)? {
        Some(v) => Ok(v),
        None => {
            // SAFETY: type_getattro is only installed on type layouts.
            let t = unsafe { o.cast_unchecked::<PyType>() };
            let e = vm.new_attribute_error(format!(
                "type object '{}' has no attribute '{}'",
                t.name_str(),
                name
            ));
            e.exc().set_extra("name", name.clone_object());
            e.exc().set_extra("obj", o.to_owned());
            Err(e)
        }
    }
}

pub fn type_getattr_opt(vm: &Vm, o: &PyObject, name: &PyRef<PyStr>) -> PyResult<Option<PyRef>> {
    let Some(t) = o.downcast_ref::<PyType>() else {
        return Ok(None);
    };
    let meta = o.type_();
    let meta_attr = meta.lookup(name);
    let mut meta_get = None;
    if let Some(ma) = &meta_attr {
        meta_get = ma.type_().slots().descr_get;
        if let Some(g) = meta_get {
            if is_data_descr(ma) {
                return g(vm, ma, Some(o), Some(meta.as_object())).map(Some);
            }
        }
    }
    if let Some(attr) = t.lookup(name) {
        if let Some(g) = attr.type_().slots().descr_get {
            return g(vm, &attr, None, Some(o)).map(Some);
        }
        return Ok(Some(attr));
    }
    if let (Some(g), Some(ma)) = (meta_get, &meta_attr) {
        return g(vm, ma, Some(o), Some(meta.as_object())).map(Some);
    }
    Ok(meta_attr)
}
