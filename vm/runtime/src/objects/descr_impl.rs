//! Behaviour of functions, methods and descriptors: `__get__`/`__set__` slots, reprs,
//! `property`, `classmethod`, `staticmethod`, `super`, member and getset descriptors.

use crate::error::PyResult;
use crate::object::typeobj::CmpOp;
use crate::object::{PyObject, PyRef, PyType, Slot};
use crate::objects::descr::*;
use crate::objects::function::{PyFunction, PyMethod};
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;

fn func_descr_get(
    vm: &Vm,
    f: &PyObject,
    obj: Option<&PyObject>,
    _t: Option<&PyObject>,
) -> PyResult {
    match obj {
        Some(o) => Ok(vm.new_method(f.to_owned(), o.to_owned())),
        _ => Ok(f.to_owned()),
    }
}

fn func_repr(vm: &Vm, f: &PyObject) -> PyResult {
    let q = f
        .downcast_ref::<PyFunction>()
        .map(|f| f.qualname.get().to_string_lossy())
        .unwrap_or_default();
    Ok(vm.new_str(&format!("<function {} at {:#x}>", q, f.as_ptr() as usize)))
}

fn func_call_slot(vm: &Vm, f: &PyObject, args: &[PyRef], kw: Option<&PyTuple>) -> PyResult {
    crate::ops::call(vm, f, args, kw)
}

fn builtin_descr_get(
    vm: &Vm,
    d: &PyObject,
    obj: Option<&PyObject>,
    t: Option<&PyObject>,
) -> PyResult {
    let Some(b) = d.downcast_ref::<PyBuiltinFunction>() else {
        return Ok(d.to_owned());
    };
    if b.self_.is_some() || b.owner.is_none() {
        return Ok(d.to_owned());
    }
    match b.kind {
        MethodKind::Class => {
            let cls = match (t, obj) {
                (Some(t), _) => t.to_owned(),
                (None, Some(o)) => o.type_().as_type_ref().into_object(),
                _ => return Ok(d.to_owned()),
            };
            let owner = b.owner.clone();
            let bf = crate::object::alloc::alloc(
                &vm.types.builtin_function,
                PyBuiltinFunction {
                    ob: crate::object::header(),
                    name: b.name,
                    func: b.func,
                    self_: Some(cls),
                    owner,
                    module: None,
                    kind: MethodKind::Method,
                    doc: b.doc,
                    wrapper: b.wrapper,
                },
            );
            Ok(bf.into_object())
        }
        MethodKind::Static => Ok(d.to_owned()),
        MethodKind::Method => match obj {
            Some(o) => {
                if let Some(owner) = &b.owner {
                    if !o.type_().is_subtype(owner) {
                        return Err(vm.new_type_error(format!(
                            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                            b.name,
                            owner.name_str(),
                            o.type_().name_str()
                        )));
                    }
                }
                Ok(vm.new_bound_builtin(b, o.to_owned()))
            }
            _ => Ok(d.to_owned()),
        },
    }
}

fn builtin_repr(vm: &Vm, d: &PyObject) -> PyResult {
    let Some(b) = d.downcast_ref::<PyBuiltinFunction>() else {
        return crate::objects::object::object_repr(vm, d);
    };
    let s = if let Some(s) = &b.self_ {
        if d.is_type(&vm.types.method_wrapper) {
            format!(
                "<method-wrapper '{}' of {} object at {:#x}>",
                b.name,
                s.type_().name_str(),
                s.as_ptr() as usize
            )
        } else if let Some(t) = s.downcast_ref::<PyType>() {
            format!(
                "<built-in method {} of type object at {:#x}>",
                b.name,
                t.as_object().as_ptr() as usize
            )
        } else {
            format!(
                "<built-in method {} of {} object at {:#x}>",
                b.name,
                s.type_().name_str(),
                s.as_ptr() as usize
            )
        }
    } else if let Some(o) = &b.owner {
        if d.is_type(&vm.types.wrapper_descriptor) {
            format!("<slot wrapper '{}' of '{}' objects>", b.name, o.name_str())
        } else if b.kind == MethodKind::Static && b.name == "__new__" {
            format!(
                "<built-in method __new__ of type object at {:#x}>",
                o.as_ptr() as usize
            )
        } else {
            format!("<method '{}' of '{}' objects>", b.name, o.name_str())
        }
    } else {
        format!("<built-in function {}>", b.name)
    };
    Ok(vm.new_str(&s))
}

fn method_repr(vm: &Vm, m: &PyObject) -> PyResult {
    let Some(m) = m.downcast_ref::<PyMethod>() else {
        return Err(vm.new_type_error("bad method"));
    };
    let fname = match crate::ops::get_attr_opt(vm, &m.func, &vm.names.__qualname__)? {
        Some(q) => crate::ops::str_string(vm, &q)?,
        None => "?".into(),
    };
    let s = crate::ops::repr_string(vm, &m.self_)?;
    Ok(vm.new_str(&format!("<bound method {} of {}>", fname, s)))
}

fn method_getattro(vm: &Vm, o: &PyObject, name: &PyRef<PyStr>) -> PyResult {
    if let Some(v) = crate::ops::attr::generic_getattr_opt(vm, o, name, None)? {
        return Ok(v);
    }
    let Some(m) = o.downcast_ref::<PyMethod>() else {
        return Err(crate::ops::attr::attribute_error(vm, o, name));
    };
    crate::ops::get_attr(vm, &m.func, name)
}

fn method_richcompare(vm: &Vm, a: &PyObject, b: &PyObject, op: CmpOp) -> PyResult {
    let (Some(x), Some(y)) = (a.downcast_ref::<PyMethod>(), b.downcast_ref::<PyMethod>()) else {
        return Ok(vm.not_implemented());
    };
    if op != CmpOp::Eq && op != CmpOp::Ne {
        return Ok(vm.not_implemented());
    }
    let eq =
        x.self_.is(&y.self_) && crate::ops::rich_compare_bool(vm, &x.func, &y.func, CmpOp::Eq)?;
    Ok(vm.new_bool(eq == (op == CmpOp::Eq)))
}

fn method_hash(vm: &Vm, o: &PyObject) -> PyResult<i64> {
    let Some(m) = o.downcast_ref::<PyMethod>() else {
        return Ok(0);
    };
    let a = crate::objects::object::object_hash(vm, &m.self_)?;
    let b = crate::ops::hash(vm, &m.func)?;
    Ok(a ^ b)
}

fn method_descr_get(
    _vm: &Vm,
    m: &PyObject,
    _obj: Option<&PyObject>,
    _t: Option<&PyObject>,
) -> PyResult {
    Ok(m.to_owned())
}

// ---- property ----

fn prop_name(vm: &Vm, p: &PyProperty) -> String {
    match p.name.get() {
        Some(n) => crate::ops::str_string(vm, &n).unwrap_or_default(),
        None => String::new(),
    }
}

fn property_get(vm: &Vm, d: &PyObject, obj: Option<&PyObject>, _t: Option<&PyObject>) -> PyResult {
    let Some(p) = d.downcast_ref::<PyProperty>() else {
        return Ok(d.to_owned());
    };
    let Some(obj) = obj else {
        return Ok(d.to_owned());
    };
    match p.fget.get() {
        Some(f) => crate::ops::call(vm, &f, &[obj.to_owned()], None),
        None => {
            let n = prop_name(vm, p);
            Err(vm.new_attribute_error(if n.is_empty() {
                format!(
                    "property of '{}' object has no getter",
                    obj.type_().name_str()
                )
            } else {
                format!(
                    "property '{}' of '{}' object has no getter",
                    n,
                    obj.type_().name_str()
                )
            }))
        }
    }
}

fn property_set(vm: &Vm, d: &PyObject, obj: &PyObject, v: Slot) -> PyResult<()> {
    let Some(p) = d.downcast_ref::<PyProperty>() else {
        return Err(vm.new_type_error("bad property"));
    };
    let (f, what) = match &v {
        Some(_) => (p.fset.get(), "setter"),
        None => (p.fdel.get(), "deleter"),
    };
    let Some(f) = f else {
        let n = prop_name(vm, p);
        return Err(vm.new_attribute_error(if n.is_empty() {
            format!(
                "property of '{}' object has no {}",
                obj.type_().name_str(),
                what
            )
        } else {
            format!(
                "property '{}' of '{}' object has no {}",
                n,
                obj.type_().name_str(),
                what
            )
        }));
    };
    let mut args = vec![obj.to_owned()];
    if let Some(v) = v {
        args.push(v);
    }
    crate::ops::call(vm, &f, &args, None).map(|_| ())
}

fn arg_or_none(vm: &Vm, args: &[PyRef], kws: &[(&PyRef, &PyRef)], i: usize, name: &str) -> Slot {
    let v = args.get(i).cloned().or_else(|| {
        kws.iter()
            .find(|(k, _)| {
                k.downcast_ref::<PyStr>()
                    .is_some_and(|s| s.as_bytes() == name.as_bytes())
            })
            .map(|(_, v)| (*v).clone())
    });
    v.filter(|v| !vm.is_none(v))
}

fn property_init(vm: &Vm, o: &PyObject, args: &[PyRef], kw: Option<&PyTuple>) -> PyResult<()> {
    let Some(p) = o.downcast_ref::<PyProperty>() else {
        return Err(vm.new_type_error("bad property"));
    };
    let (pos, kws) = crate::ops::call::split_args(args, kw);
    if pos.len() > 4 {
        return Err(vm.new_type_error(format!(
            "property() takes at most 4 arguments ({} given)",
            pos.len()
        )));
    }
    for (k, _) in &kws {
        let name = k
            .downcast_ref::<crate::objects::str::PyStr>()
            .map(|s| s.to_string_lossy())
            .unwrap_or_default();
        if !matches!(name.as_str(), "fget" | "fset" | "fdel" | "doc") {
            return Err(vm.new_type_error(format!(
                "'{name}' is an invalid keyword argument for property()"
            )));
        }
    }
    let fget = arg_or_none(vm, pos, &kws, 0, "fget");
    p.fset.set(arg_or_none(vm, pos, &kws, 1, "fset"));
    p.fdel.set(arg_or_none(vm, pos, &kws, 2, "fdel"));
    let mut doc = arg_or_none(vm, pos, &kws, 3, "doc");
    if doc.is_none() {
        if let Some(g) = &fget {
            doc = crate::ops::get_attr_opt(vm, g, &vm.names.__doc__)?.filter(|d| !vm.is_none(d));
        }
    }
    if let Some(g) = &fget {
        if let Some(n) = crate::ops::get_attr_opt(vm, g, &vm.names.__name__)? {
            p.name.set(Some(n));
        }
    }
    p.fget.set(fget);
    p.doc.set(doc);
    Ok(())
}

fn property_new(vm: &Vm, t: &PyRef<PyType>, _a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    Ok(vm.new_property(t, None, None, None, None))
}

fn property_copy_with(vm: &Vm, a: &[PyRef], which: usize) -> PyResult {
    let p = a
        .first()
        .and_then(|p| p.downcast_ref::<PyProperty>())
        .ok_or_else(|| vm.new_type_error("descriptor needs a property"))?;
    let f = a.get(1).cloned().filter(|f| !vm.is_none(f));
    let (mut g, mut s, mut d) = (p.fget.get(), p.fset.get(), p.fdel.get());
    // property_copy: a None (or missing) function keeps the old one.
    if f.is_some() {
        match which {
            0 => g = f,
            1 => s = f,
            _ => d = f,
        }
    }
    let t = a[0].type_().as_type_ref();
    let doc = p.doc.get();
    let np = crate::ops::call(
        vm,
        t.as_object(),
        &[
            g.unwrap_or_else(|| vm.none()),
            s.unwrap_or_else(|| vm.none()),
            d.unwrap_or_else(|| vm.none()),
            doc.unwrap_or_else(|| vm.none()),
        ],
        None,
    )?;
    if let (Some(q), Some(n)) = (np.downcast_ref::<PyProperty>(), p.name.get()) {
        q.name.set(Some(n));
    }
    Ok(np)
}

fn property_getter(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    property_copy_with(vm, a, 0)
}
fn property_setter(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    property_copy_with(vm, a, 1)
}
fn property_deleter(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    property_copy_with(vm, a, 2)
}
fn property_set_name(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    if let (Some(p), Some(n)) = (
        a.first().and_then(|p| p.downcast_ref::<PyProperty>()),
        a.get(2),
    ) {
        p.name.set(Some(n.clone()));
    }
    Ok(vm.none())
}

fn prop_field(vm: &Vm, o: &PyObject, i: usize) -> PyResult {
    let p = o
        .downcast_ref::<PyProperty>()
        .ok_or_else(|| vm.new_type_error("bad property"))?;
    let v = match i {
        0 => p.fget.get(),
        1 => p.fset.get(),
        2 => p.fdel.get(),
        _ => p.doc.get(),
    };
    Ok(v.unwrap_or_else(|| vm.none()))
}

// ---- classmethod / staticmethod ----

fn cm_callable(o: &PyObject) -> Slot {
    if let Some(c) = o.downcast_ref::<PyClassMethod>() {
        return c.callable.get();
    }
    o.downcast_ref::<PyStaticMethod>()
        .and_then(|s| s.callable.get())
}

fn classmethod_get(
    vm: &Vm,
    d: &PyObject,
    obj: Option<&PyObject>,
    t: Option<&PyObject>,
) -> PyResult {
    let Some(f) = cm_callable(d) else {
        return Err(vm.new_runtime_error("uninitialized classmethod object"));
    };
    let cls = match t {
        Some(t) => t.to_owned(),
        None => obj
            .map(|o| o.type_().as_type_ref().into_object())
            .unwrap_or_else(|| vm.none()),
    };
    if let Some(g) = f.type_().slots().descr_get {
        if !f.is_type(&vm.types.function) {
            return g(vm, &f, Some(&cls), Some(cls.type_().as_object()));
        }
    }
    Ok(vm.new_method(f, cls))
}

fn staticmethod_get(
    vm: &Vm,
    d: &PyObject,
    _obj: Option<&PyObject>,
    _t: Option<&PyObject>,
) -> PyResult {
    cm_callable(d).ok_or_else(|| vm.new_runtime_error("uninitialized staticmethod object"))
}

fn cm_init(vm: &Vm, o: &PyObject, args: &[PyRef], kw: Option<&PyTuple>) -> PyResult<()> {
    if kw.is_some_and(|k| !k.is_empty()) || args.len() != 1 {
        return Err(vm.new_type_error(format!(
            "{} expected 1 argument, got {}",
            o.type_().name_str(),
            args.len()
        )));
    }
    if let Some(c) = o.downcast_ref::<PyClassMethod>() {
        c.callable.set(Some(args[0].clone()));
    } else if let Some(s) = o.downcast_ref::<PyStaticMethod>() {
        s.callable.set(Some(args[0].clone()));
    }
    Ok(())
}

fn cm_new(_vm: &Vm, t: &PyRef<PyType>, _a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    if t.layout == crate::object::Layout::StaticMethod {
        Ok(crate::object::alloc::alloc(
            t,
            PyStaticMethod {
                ob: crate::object::header(),
                callable: crate::objects::function::Field::new(None),
            },
        )
        .into_object())
    } else {
        Ok(crate::object::alloc::alloc(
            t,
            PyClassMethod {
                ob: crate::object::header(),
                callable: crate::objects::function::Field::new(None),
            },
        )
        .into_object())
    }
}

fn cm_func(vm: &Vm, o: &PyObject) -> PyResult {
    Ok(cm_callable(o).unwrap_or_else(|| vm.none()))
}

fn staticmethod_call(vm: &Vm, o: &PyObject, args: &[PyRef], kw: Option<&PyTuple>) -> PyResult {
    let f =
        cm_callable(o).ok_or_else(|| vm.new_runtime_error("uninitialized staticmethod object"))?;
    crate::ops::call(vm, &f, args, kw)
}

// ---- member / getset ----

fn member_get(vm: &Vm, d: &PyObject, obj: Option<&PyObject>, _t: Option<&PyObject>) -> PyResult {
    let Some(m) = d.downcast_ref::<PyMemberDescr>() else {
        return Ok(d.to_owned());
    };
    let Some(o) = obj else {
        return Ok(d.to_owned());
    };
    if !o.type_().is_subtype(&m.owner) || m.index >= o.type_().extra_words {
        return Err(vm.new_type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            m.name,
            m.owner.name_str(),
            o.type_().name_str()
        )));
    }
    // SAFETY: index checked against the instance's extra words.
    let v = unsafe { (*o.type_().extra_word(o, m.index)).clone() };
    v.ok_or_else(|| {
        let e = vm.new_attribute_error(format!(
            "'{}' object has no attribute '{}'",
            o.type_().name_str(),
            m.name
        ));
        e.exc().set_extra("name", m.name.clone_object());
        e.exc().set_extra("obj", o.to_owned());
        e
    })
}

fn member_set(vm: &Vm, d: &PyObject, o: &PyObject, v: Slot) -> PyResult<()> {
    let Some(m) = d.downcast_ref::<PyMemberDescr>() else {
        return Err(vm.new_type_error("bad member"));
    };
    if !o.type_().is_subtype(&m.owner) || m.index >= o.type_().extra_words {
        return Err(vm.new_type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            m.name,
            m.owner.name_str(),
            o.type_().name_str()
        )));
    }
    // SAFETY: index checked; the old value is dropped after the store.
    let slot = unsafe { o.type_().extra_word(o, m.index) };
    if v.is_none() && unsafe { (*slot).is_none() } {
        return Err(vm.new_attribute_error(format!(
            "'{}' object has no attribute '{}'",
            o.type_().name_str(),
            m.name
        )));
    }
    let old = unsafe { std::ptr::replace(slot, v) };
    drop(old);
    Ok(())
}

fn getset_get(vm: &Vm, d: &PyObject, obj: Option<&PyObject>, _t: Option<&PyObject>) -> PyResult {
    let Some(g) = d.downcast_ref::<PyGetSetDescr>() else {
        return Ok(d.to_owned());
    };
    match obj {
        Some(o) => (g.get)(vm, o),
        None => Ok(d.to_owned()),
    }
}

fn getset_set(vm: &Vm, d: &PyObject, o: &PyObject, v: Slot) -> PyResult<()> {
    let Some(g) = d.downcast_ref::<PyGetSetDescr>() else {
        return Err(vm.new_type_error("bad getset"));
    };
    match g.set {
        Some(s) => s(vm, o, v),
        None => Err(vm.new_attribute_error(format!(
            "attribute '{}' of '{}' objects is not writable",
            g.name,
            g.owner.name_str()
        ))),
    }
}

pub use crate::objects::super_impl::new_super;
use crate::objects::super_impl::*;

// ---- function attributes ----

fn fget<T>(vm: &Vm, o: &PyObject, f: impl Fn(&PyFunction) -> T) -> PyResult<T> {
    o.downcast_ref::<PyFunction>()
        .map(f)
        .ok_or_else(|| vm.new_type_error("not a function"))
}

pub fn init(vm: &Vm) {
    let t = &vm.types;
    t.function.update_slots(|s| {
        s.descr_get = Some(func_descr_get);
        s.repr = Some(func_repr);
        s.call = Some(func_call_slot);
    });
    let f = &t.function;
    vm.add_getset(
        f,
        "__name__",
        |vm, o| fget(vm, o, |f| f.name.get().into_object()),
        Some(|vm, o, v| {
            let f = o
                .downcast_ref::<PyFunction>()
                .ok_or_else(|| vm.new_type_error("not a function"))?;
            match v.and_then(|v| v.downcast::<PyStr>().ok()) {
                Some(s) => {
                    f.name.set(s);
                    Ok(())
                }
                None => Err(vm.new_type_error("__name__ must be set to a string object")),
            }
        }),
    );
    vm.add_getset(
        f,
        "__qualname__",
        |vm, o| fget(vm, o, |f| f.qualname.get().into_object()),
        Some(|vm, o, v| {
            let f = o
                .downcast_ref::<PyFunction>()
                .ok_or_else(|| vm.new_type_error("not a function"))?;
            match v.and_then(|v| v.downcast::<PyStr>().ok()) {
                Some(s) => {
                    f.qualname.set(s);
                    Ok(())
                }
                None => Err(vm.new_type_error("__qualname__ must be set to a string object")),
            }
        }),
    );
    vm.add_getset(
        f,
        "__doc__",
        |vm, o| fget(vm, o, |f| f.doc.get()),
        Some(|vm, o, v| {
            let f = o
                .downcast_ref::<PyFunction>()
                .ok_or_else(|| vm.new_type_error("not a function"))?;
            f.doc.set(v.unwrap_or_else(|| vm.none()));
            Ok(())
        }),
    );
    vm.add_getset(
        f,
        "__module__",
        |vm, o| fget(vm, o, |f| f.module.get()),
        Some(|vm, o, v| {
            let f = o
                .downcast_ref::<PyFunction>()
                .ok_or_else(|| vm.new_type_error("not a function"))?;
            f.module.set(v.unwrap_or_else(|| vm.none()));
            Ok(())
        }),
    );
    vm.add_getset(
        f,
        "__defaults__",
        |vm, o| {
            fget(vm, o, |f| {
                f.defaults
                    .get()
                    .map(|d| d.into_object())
                    .unwrap_or_else(|| vm.none())
            })
        },
        Some(|vm, o, v| {
            let f = o
                .downcast_ref::<PyFunction>()
                .ok_or_else(|| vm.new_type_error("not a function"))?;
            match v.filter(|v| !vm.is_none(v)) {
                None => f.defaults.set(None),
                Some(v) => f.defaults.set(Some(v.downcast::<PyTuple>().map_err(|_| {
                    vm.new_type_error("__defaults__ must be set to a tuple object")
                })?)),
            }
            Ok(())
        }),
    );
    vm.add_getset(
        f,
        "__kwdefaults__",
        |vm, o| {
            fget(vm, o, |f| {
                f.kwdefaults
                    .get()
                    .map(|d| d.into_object())
                    .unwrap_or_else(|| vm.none())
            })
        },
        Some(|vm, o, v| {
            let f = o
                .downcast_ref::<PyFunction>()
                .ok_or_else(|| vm.new_type_error("not a function"))?;
            match v.filter(|v| !vm.is_none(v)) {
                None => f.kwdefaults.set(None),
                Some(v) => {
                    f.kwdefaults
                        .set(Some(v.downcast::<crate::objects::dict::PyDict>().map_err(
                            |_| vm.new_type_error("__kwdefaults__ must be set to a dict object"),
                        )?))
                }
            }
            Ok(())
        }),
    );
    vm.add_getset(
        f,
        "__code__",
        |vm, o| fget(vm, o, |f| f.code.get().into_object()),
        Some(|vm, o, v| {
            // func_set_code: a code object whose free variables match the closure.
            let f = o
                .downcast_ref::<PyFunction>()
                .ok_or_else(|| vm.new_type_error("not a function"))?;
            let code = v
                .and_then(|v| v.downcast::<crate::objects::code::PyCode>().ok())
                .ok_or_else(|| vm.new_type_error("__code__ must be set to a code object"))?;
            let nclosure = f.closure.get().map(|c| c.len()).unwrap_or(0);
            if code.nfree != nclosure {
                return Err(vm.new_value_error(format!(
                    "{}() requires a code object with {} free vars, not {}",
                    f.name.get().to_string_lossy(),
                    nclosure,
                    code.nfree
                )));
            }
            f.code.set(code);
            Ok(())
        }),
    );
    vm.add_getset(
        f,
        "__globals__",
        |vm, o| fget(vm, o, |f| f.globals.clone_object()),
        None,
    );
    vm.add_getset(
        f,
        "__closure__",
        |vm, o| {
            fget(vm, o, |f| {
                f.closure
                    .get()
                    .map(|c| c.into_object())
                    .unwrap_or_else(|| vm.none())
            })
        },
        None,
    );
    vm.add_getset(
        f,
        "__builtins__",
        |vm, o| fget(vm, o, |f| f.builtins.clone_object()),
        None,
    );
    vm.add_getset(
        f,
        "__annotations__",
        |vm, o| {
            let f = o
                .downcast_ref::<PyFunction>()
                .ok_or_else(|| vm.new_type_error("not a function"))?;
            match f.annotations.get() {
                Some(a) if a.downcast_ref::<crate::objects::dict::PyDict>().is_some() => Ok(a),
                Some(a) => {
                    // a flat tuple (name, value, ...) as MAKE_FUNCTION stores it
                    let d = vm.new_dict();
                    if let Some(t) = a.downcast_ref::<PyTuple>() {
                        let s = t.as_slice();
                        for pair in s.chunks(2) {
                            if pair.len() == 2 {
                                d.set_item(vm, pair[0].clone(), pair[1].clone())?;
                            }
                        }
                    }
                    let d = d.into_object();
                    f.annotations.set(Some(d.clone()));
                    Ok(d)
                }
                None => {
                    let d = vm.new_dict().into_object();
                    f.annotations.set(Some(d.clone()));
                    Ok(d)
                }
            }
        },
        Some(|vm, o, v| {
            let f = o
                .downcast_ref::<PyFunction>()
                .ok_or_else(|| vm.new_type_error("not a function"))?;
            match v.filter(|v| !vm.is_none(v)) {
                None => f.annotations.set(None),
                Some(v) if v.downcast_ref::<crate::objects::dict::PyDict>().is_some() => {
                    f.annotations.set(Some(v))
                }
                Some(_) => {
                    return Err(vm.new_type_error("__annotations__ must be set to a dict object"));
                }
            }
            Ok(())
        }),
    );
    vm.add_getset(
        f,
        "__dict__",
        crate::objects::object::get_instance_dict,
        Some(crate::objects::object::set_instance_dict),
    );

    for bt in [
        &t.builtin_function,
        &t.method_descriptor,
        &t.wrapper_descriptor,
        &t.classmethod_descriptor,
        &t.method_wrapper,
    ] {
        bt.update_slots(|s| {
            s.repr = Some(builtin_repr);
            s.call = Some(func_call_slot);
            if !bt.is(&t.builtin_function) && !bt.is(&t.method_wrapper) {
                s.descr_get = Some(builtin_descr_get);
            }
        });
        vm.add_getset(
            bt,
            "__name__",
            |vm, o| Ok(vm.new_str(o.downcast_ref::<PyBuiltinFunction>().map_or("", |b| b.name))),
            None,
        );
        vm.add_getset(
            bt,
            "__qualname__",
            |vm, o| {
                let b = o
                    .downcast_ref::<PyBuiltinFunction>()
                    .ok_or_else(|| vm.new_type_error("bad builtin"))?;
                Ok(vm.new_str(&match &b.owner {
                    Some(t) => format!("{}.{}", t.name_str(), b.name),
                    None => b.name.to_string(),
                }))
            },
            None,
        );
        vm.add_getset(
            bt,
            "__self__",
            |vm, o| {
                let b = o
                    .downcast_ref::<PyBuiltinFunction>()
                    .ok_or_else(|| vm.new_type_error("bad builtin"))?;
                Ok(b.self_
                    .clone()
                    .or_else(|| b.module.clone())
                    .unwrap_or_else(|| vm.none()))
            },
            None,
        );
        vm.add_getset(
            bt,
            "__doc__",
            |vm, o| {
                let b = o
                    .downcast_ref::<PyBuiltinFunction>()
                    .ok_or_else(|| vm.new_type_error("bad builtin"))?;
                Ok(b.doc.map(|d| vm.new_str(d)).unwrap_or_else(|| vm.none()))
            },
            None,
        );
        vm.add_getset(
            bt,
            "__objclass__",
            |vm, o| {
                let b = o
                    .downcast_ref::<PyBuiltinFunction>()
                    .ok_or_else(|| vm.new_type_error("bad builtin"))?;
                Ok(b.owner
                    .clone()
                    .map(|t| t.into_object())
                    .unwrap_or_else(|| vm.none()))
            },
            None,
        );
    }
    t.builtin_function.update_slots(|s| s.descr_get = None);
    t.method.update_slots(|s| {
        s.repr = Some(method_repr);
        s.getattro = Some(method_getattro);
        s.richcompare = Some(method_richcompare);
        s.hash = Some(method_hash);
        s.descr_get = Some(method_descr_get);
        s.call = Some(func_call_slot);
    });
    vm.add_getset(
        &t.method,
        "__func__",
        |vm, o| {
            Ok(o.downcast_ref::<PyMethod>()
                .map(|m| m.func.clone())
                .unwrap_or_else(|| vm.none()))
        },
        None,
    );
    vm.add_getset(
        &t.method,
        "__self__",
        |vm, o| {
            Ok(o.downcast_ref::<PyMethod>()
                .map(|m| m.self_.clone())
                .unwrap_or_else(|| vm.none()))
        },
        None,
    );

    t.property.update_slots(|s| {
        s.descr_get = Some(property_get);
        s.descr_set = Some(property_set);
        s.init = Some(property_init);
        s.new = Some(property_new);
    });
    vm.add_methods(
        &t.property,
        &[
            MethodDef::method("getter", property_getter),
            MethodDef::method("setter", property_setter),
            MethodDef::method("deleter", property_deleter),
            MethodDef::method("__set_name__", property_set_name),
        ],
    );
    vm.add_getset(&t.property, "fget", |vm, o| prop_field(vm, o, 0), None);
    vm.add_getset(&t.property, "fset", |vm, o| prop_field(vm, o, 1), None);
    vm.add_getset(&t.property, "fdel", |vm, o| prop_field(vm, o, 2), None);
    vm.add_getset(
        &t.property,
        "__doc__",
        |vm, o| prop_field(vm, o, 3),
        Some(|vm, o, v| {
            // A writable T_OBJECT member in CPython.
            let p = o
                .downcast_ref::<PyProperty>()
                .ok_or_else(|| vm.new_type_error("bad property"))?;
            p.doc.set(v);
            Ok(())
        }),
    );

    t.classmethod.update_slots(|s| {
        s.descr_get = Some(classmethod_get);
        s.init = Some(cm_init);
        s.new = Some(cm_new);
    });
    t.staticmethod.update_slots(|s| {
        s.descr_get = Some(staticmethod_get);
        s.init = Some(cm_init);
        s.new = Some(cm_new);
        s.call = Some(staticmethod_call);
    });
    for c in [&t.classmethod, &t.staticmethod] {
        vm.add_getset(c, "__func__", cm_func, None);
        vm.add_getset(c, "__wrapped__", cm_func, None);
        vm.add_getset(
            c,
            "__isabstractmethod__",
            |vm, o| match cm_callable(o) {
                Some(f) => {
                    Ok(
                        crate::ops::get_attr_opt(vm, &f, &vm.intern("__isabstractmethod__"))?
                            .unwrap_or_else(|| vm.new_bool(false)),
                    )
                }
                None => Ok(vm.new_bool(false)),
            },
            None,
        );
    }
    t.member_descriptor.update_slots(|s| {
        s.descr_get = Some(member_get);
        s.descr_set = Some(member_set);
    });
    t.getset_descriptor.update_slots(|s| {
        s.descr_get = Some(getset_get);
        s.descr_set = Some(getset_set);
    });
    t.super_.update_slots(|s| {
        s.init = Some(super_init);
        s.new = Some(super_new);
        s.getattro = Some(super_getattro);
        s.repr = Some(super_repr);
    });
    vm.add_getset(
        &t.super_,
        "__thisclass__",
        |vm, o| {
            Ok(o.downcast_ref::<PySuper>()
                .and_then(|s| s.type_.get())
                .unwrap_or_else(|| vm.none()))
        },
        None,
    );
    vm.add_getset(
        &t.super_,
        "__self__",
        |vm, o| {
            Ok(o.downcast_ref::<PySuper>()
                .and_then(|s| s.obj.get())
                .unwrap_or_else(|| vm.none()))
        },
        None,
    );
    vm.add_getset(
        &t.super_,
        "__self_class__",
        |vm, o| {
            Ok(o.downcast_ref::<PySuper>()
                .and_then(|s| s.obj_type.get())
                .unwrap_or_else(|| vm.none()))
        },
        None,
    );
}
