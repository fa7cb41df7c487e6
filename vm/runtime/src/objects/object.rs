//! The `object` type: default `__new__`/`__init__`, `__repr__`, `__eq__`, `__hash__`,
//! `__getattribute__`/`__setattr__`, `__class__`, `__dict__`, `__format__`, `__dir__` …

use crate::error::PyResult;
use crate::object::alloc::alloc;
use crate::object::typeobj::{CmpOp, InitFn, NewFn};
use crate::object::{PyObject, PyRef, PyType, Slot};
use crate::objects::descr::MethodDef;
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;

/// `object.__repr__`: `<mod.Qual object at 0x…>`.
pub fn object_repr(vm: &Vm, o: &PyObject) -> PyResult {
    let t = o.type_();
    let module = t
        .dict
        .get_str(&vm.names.__module__)
        .and_then(|m| m.downcast::<PyStr>().ok())
        .map(|m| m.to_string_lossy());
    let q = if t.is_heap() {
        t.qualname().to_string_lossy()
    } else {
        t.name_str()
    };
    let s = match module {
        Some(m) if m != "builtins" => format!("<{}.{} object at {:#x}>", m, q, o.as_ptr() as usize),
        _ => format!("<{} object at {:#x}>", q, o.as_ptr() as usize),
    };
    Ok(vm.new_str(&s))
}

fn excess_args(args: &[PyRef], kw: Option<&PyTuple>) -> bool {
    !args.is_empty() || kw.is_some_and(|k| !k.is_empty())
}

/// `object.__new__`.
pub fn object_new(vm: &Vm, t: &PyRef<PyType>, args: &[PyRef], kw: Option<&PyTuple>) -> PyResult {
    if excess_args(args, kw) {
        let s = t.slots();
        if s.new
            .is_some_and(|f| !std::ptr::fn_addr_eq(f, object_new as NewFn))
        {
            return Err(vm.new_type_error(
                "object.__new__() takes exactly one argument (the type to instantiate)",
            ));
        }
        if s.init
            .is_none_or(|f| std::ptr::fn_addr_eq(f, object_init as InitFn))
        {
            return Err(vm.new_type_error(format!("{}() takes no arguments", t.name_str())));
        }
    }
    if t.flags().contains(crate::object::TypeFlags::IS_ABSTRACT) {
        return Err(abstract_error(vm, t));
    }
    if t.layout != crate::object::Layout::Object {
        return Err(vm.new_type_error(format!(
            "object.__new__({}) is not safe, use {}.__new__()",
            t.name_str(),
            t.name_str()
        )));
    }
    Ok(alloc(t, crate::object::header()).into_object())
}

fn abstract_error(vm: &Vm, t: &PyType) -> crate::error::PyErr {
    let names = t
        .lookup(&vm.names.__abstractmethods__)
        .and_then(|a| crate::ops::collect(vm, &a).ok())
        .unwrap_or_default();
    let mut ns: Vec<String> = names
        .iter()
        .map(|n| crate::ops::str_string(vm, n).unwrap_or_default())
        .collect();
    ns.sort();
    vm.new_type_error(format!(
        "Can't instantiate abstract class {} with abstract method{} {}",
        t.name_str(),
        if ns.len() > 1 { "s" } else { "" },
        ns.join(", ")
    ))
}

/// `object.__init__`.
pub fn object_init(vm: &Vm, o: &PyObject, args: &[PyRef], kw: Option<&PyTuple>) -> PyResult<()> {
    if excess_args(args, kw) {
        let t = o.type_();
        let s = t.slots();
        if s.init
            .is_some_and(|f| !std::ptr::fn_addr_eq(f, object_init as InitFn))
        {
            return Err(vm.new_type_error(
                "object.__init__() takes exactly one argument (the instance to initialize)",
            ));
        }
        if s.new
            .is_none_or(|f| std::ptr::fn_addr_eq(f, object_new as NewFn))
        {
            return Err(vm.new_type_error(format!(
                "{}.__init__() takes exactly one argument (the instance to initialize)",
                t.name_str()
            )));
        }
    }
    Ok(())
}

/// `object.__eq__`/`__ne__` (identity; `__ne__` inverts `__eq__`).
pub fn object_richcompare(vm: &Vm, a: &PyObject, b: &PyObject, op: CmpOp) -> PyResult {
    match op {
        CmpOp::Eq => Ok(if a.is(b) {
            vm.new_bool(true)
        } else {
            vm.not_implemented()
        }),
        CmpOp::Ne => {
            // Delegate to __eq__ unless it is object's own.
            let eq = a.type_().slots().richcompare;
            match eq {
                Some(f)
                    if !std::ptr::fn_addr_eq(
                        f,
                        object_richcompare as crate::object::typeobj::RichCmpFn,
                    ) =>
                {
                    let r = f(vm, a, b, CmpOp::Eq)?;
                    if vm.is_not_implemented(&r) {
                        return Ok(r);
                    }
                    Ok(vm.new_bool(!crate::ops::is_true(vm, &r)?))
                }
                _ => Ok(if a.is(b) {
                    vm.new_bool(false)
                } else {
                    vm.not_implemented()
                }),
            }
        }
        _ => Ok(vm.not_implemented()),
    }
}

/// `object.__hash__`: the identity hash (`_Py_HashPointer`).
pub fn object_hash(_vm: &Vm, o: &PyObject) -> PyResult<i64> {
    let p = o.as_ptr() as usize;
    let h = p.rotate_right(4) as i64;
    Ok(if h == -1 { -2 } else { h })
}

pub fn object_str(vm: &Vm, o: &PyObject) -> PyResult {
    match o.type_().slots().repr {
        Some(f) => f(vm, o),
        None => object_repr(vm, o),
    }
}

pub fn instance_traverse(o: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let t = o.type_();
    for i in 0..t.extra_words {
        // SAFETY: i < extra_words.
        if let Some(v) = unsafe { &*t.extra_word(o, i) } {
            visit(v);
        }
    }
}

/// `__dict__` getter of instances.
pub fn get_instance_dict(vm: &Vm, o: &PyObject) -> PyResult {
    let Some(slot) = crate::object::typeobj::instance_dict_slot(o) else {
        return Err(crate::ops::attr::attribute_error(vm, o, &vm.names.__dict__));
    };
    // SAFETY: the slot holds a dict or NULL.
    if let Some(d) = unsafe { (*slot).clone() } {
        crate::gc::mark_dict_materialized(&d);
        return Ok(d);
    }
    let d = vm.new_dict().into_object();
    crate::gc::mark_dict_materialized(&d);
    // SAFETY: storing into an empty slot.
    unsafe { *slot = Some(d.clone()) };
    Ok(d)
}

/// `__dict__` setter of user classes (`subtype_setdict`): like `set_instance_dict`, but
/// deleting is allowed (the next access makes a new empty dict).
pub fn subtype_set_dict(vm: &Vm, o: &PyObject, v: Slot) -> PyResult<()> {
    if v.is_some() {
        return set_instance_dict(vm, o, v);
    }
    let Some(slot) = crate::object::typeobj::instance_dict_slot(o) else {
        return Err(crate::ops::attr::attribute_error(vm, o, &vm.names.__dict__));
    };
    // SAFETY: the old value is taken out before it is dropped.
    let old = unsafe { std::ptr::replace(slot, None) };
    drop(old);
    Ok(())
}

pub fn set_instance_dict(vm: &Vm, o: &PyObject, v: Slot) -> PyResult<()> {
    let Some(slot) = crate::object::typeobj::instance_dict_slot(o) else {
        return Err(crate::ops::attr::attribute_error(vm, o, &vm.names.__dict__));
    };
    let Some(v) = v else {
        return Err(vm.new_type_error("cannot delete __dict__"));
    };
    if v.downcast_ref::<crate::objects::dict::PyDict>().is_none() {
        return Err(vm.new_type_error(format!(
            "__dict__ must be set to a dictionary, not a '{}'",
            v.type_().name_str()
        )));
    }
    // SAFETY: the old value is taken out before it is dropped.
    let old = unsafe { std::ptr::replace(slot, Some(v)) };
    drop(old);
    Ok(())
}

fn get_class(_vm: &Vm, o: &PyObject) -> PyResult {
    Ok(o.type_().as_type_ref().into_object())
}

fn set_class(vm: &Vm, o: &PyObject, v: Slot) -> PyResult<()> {
    let Some(v) = v else {
        return Err(vm.new_type_error("can't delete __class__ attribute"));
    };
    let Ok(nt) = v.clone().downcast::<PyType>() else {
        return Err(vm.new_type_error(format!(
            "__class__ must be set to a class, not '{}' object",
            v.type_().name_str()
        )));
    };
    let ot = o.type_();
    if !nt.is_heap() || !ot.is_heap() {
        return Err(vm.new_type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        ));
    }
    if nt.layout != ot.layout || nt.extra_words != ot.extra_words || nt.dict_word != ot.dict_word {
        return Err(vm.new_type_error(format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            nt.name_str(),
            ot.name_str()
        )));
    }
    let old = ot.as_type_ref();
    nt.as_object().incref();
    o.ob_type.set(&*nt as *const PyType);
    // the instance held a reference to its old type
    // SAFETY: dropping the reference the instance held.
    unsafe { drop(PyRef::<PyObject>::from_raw(old.as_ptr())) };
    drop(old);
    Ok(())
}

fn object_format(vm: &Vm, a: &[PyRef], _kw: Option<&PyTuple>) -> PyResult {
    if a.len() != 2 {
        return Err(vm.new_type_error(format!(
            "__format__() takes exactly one argument ({} given)",
            a.len().saturating_sub(1)
        )));
    }
    let spec = a[1].downcast_ref::<PyStr>().ok_or_else(|| {
        vm.new_type_error(format!(
            "__format__() argument must be str, not {}",
            a[1].type_().name_str()
        ))
    })?;
    if spec.byte_len() > 0 {
        return Err(vm.new_type_error(format!(
            "unsupported format string passed to {}.__format__",
            a[0].type_().name_str()
        )));
    }
    Ok(crate::ops::str(vm, &a[0])?.into_object())
}

fn object_reduce_ex(vm: &Vm, _a: &[PyRef], _kw: Option<&PyTuple>) -> PyResult {
    Err(vm.new_type_error("cannot pickle objects in refvm"))
}

fn object_dir(vm: &Vm, a: &[PyRef], _kw: Option<&PyTuple>) -> PyResult {
    let o = a
        .first()
        .ok_or_else(|| vm.new_type_error("__dir__ needs an argument"))?;
    let names = vm.new_set();
    if let Some(d) = crate::object::typeobj::instance_dict(o) {
        for k in d.keys() {
            names.add(vm, k)?;
        }
    }
    if let Some(mro) = o.type_().mro() {
        for t in mro.as_slice() {
            if let Some(t) = t.downcast_ref::<PyType>() {
                for k in t.dict.keys() {
                    names.add(vm, k)?;
                }
            }
        }
    }
    Ok(vm.new_list(names.items()).into_object())
}

fn object_init_subclass(vm: &Vm, a: &[PyRef], kw: Option<&PyTuple>) -> PyResult {
    if a.len() > 1 || kw.is_some_and(|k| !k.is_empty()) {
        return Err(vm.new_type_error(format!(
            "{}.__init_subclass__() takes no keyword arguments",
            a.first()
                .and_then(|c| c.downcast_ref::<PyType>().map(|t| t.name_str()))
                .unwrap_or_default()
        )));
    }
    Ok(vm.none())
}

fn object_subclasshook(vm: &Vm, _a: &[PyRef], _kw: Option<&PyTuple>) -> PyResult {
    Ok(vm.not_implemented())
}

/// CPython 3.11's `__sizeof__` of the exact builtin variable-size types (64-bit): the
/// struct size plus the items CPython would hold (list capacity, 30-bit int digits,
/// the compact str's kind-sized code units and NUL, bytes and NUL).
fn builtin_sizeof(vm: &Vm, o: &PyObject) -> Option<usize> {
    let t = &vm.types;
    if o.is_type(&t.list) {
        let l = o.downcast_ref::<crate::objects::list::PyList>()?;
        return Some(40 + 8 * l.borrow().capacity());
    }
    if o.is_type(&t.int) || o.is_type(&t.bool_) {
        let v = crate::objects::int::int_value(o)?;
        let digits = (v.bit_length() as usize).div_ceil(30).max(1);
        return Some(24 + 4 * digits);
    }
    if o.is_type(&t.str) {
        let s = o.downcast_ref::<crate::objects::str::PyStr>()?;
        let max = s.code_points().max().unwrap_or(0);
        let n = s.char_len() + 1;
        return Some(if max < 0x80 {
            48 + n
        } else if max < 0x100 {
            72 + n
        } else if max < 0x10000 {
            72 + 2 * n
        } else {
            72 + 4 * n
        });
    }
    if o.is_type(&t.tuple) {
        let tu = o.downcast_ref::<PyTuple>()?;
        return Some(24 + 8 * tu.len());
    }
    if o.is_type(&t.bytes) {
        let b = crate::objects::bytes::bytes_like(o)?;
        return Some(33 + b.len());
    }
    None
}

fn object_sizeof(vm: &Vm, a: &[PyRef], _kw: Option<&PyTuple>) -> PyResult {
    let o = a
        .first()
        .ok_or_else(|| vm.new_type_error("__sizeof__ needs an argument"))?;
    Ok(vm.new_usize(builtin_sizeof(vm, o).unwrap_or_else(|| o.type_().instance_size(o))))
}

pub const OBJECT_METHODS: &[MethodDef] = &[
    MethodDef::method("__format__", object_format),
    MethodDef::method("__reduce_ex__", object_reduce_ex),
    MethodDef::method("__reduce__", object_reduce_ex),
    MethodDef::method("__dir__", object_dir),
    MethodDef::method("__sizeof__", object_sizeof),
    MethodDef::class("__init_subclass__", object_init_subclass),
    MethodDef::class("__subclasshook__", object_subclasshook),
];

pub fn init(vm: &Vm) {
    let t = &vm.types.object;
    t.update_slots(|s| {
        s.repr = Some(object_repr);
        s.str = Some(object_str);
        s.hash = Some(object_hash);
        s.richcompare = Some(object_richcompare);
        s.getattro = Some(crate::ops::attr::generic_getattr);
        s.setattro = Some(crate::ops::attr::generic_setattr);
        s.new = Some(object_new);
        s.init = Some(object_init);
    });
    vm.add_methods(t, OBJECT_METHODS);
    t.dict.set_str(
        vm.intern("__class__"),
        vm.new_getset("__class__", t, get_class, Some(set_class)),
    );
    t.dict.set_str(vm.names.__doc__.clone(), vm.new_str("The base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns a new featureless\ninstance that has no instance attributes and cannot be given any.\n"));
}
