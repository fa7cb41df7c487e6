//! The abstract object protocol (`Objects/abstract.c`, `Objects/object.c`): operations on
//! any object, dispatched through type slots.

pub mod attr;
pub mod call;
pub mod compare;
pub mod number;
pub mod seq;

use crate::error::PyResult;
use crate::object::{PyObject, PyRef};
use crate::objects::str::PyStr;
use crate::vm::Vm;

pub use attr::{del_attr, get_attr, get_attr_opt, set_attr};
pub use call::{call, call_method, call_noargs};
pub use compare::{rich_compare, rich_compare_bool};

/// `PyObject_Hash`.
#[inline]
pub fn hash(vm: &Vm, o: &PyObject) -> PyResult<i64> {
    if let Some(s) = o.downcast_ref::<PyStr>() {
        if o.is_type(&vm.types.str) {
            return Ok(s.hash());
        }
    }
    let t = o.type_();
    let slots = t.slots();
    match slots.hash {
        Some(f) if !slots.hash_none => f(vm, o),
        _ => Err(vm.new_type_error(format!("unhashable type: '{}'", t.name_str()))),
    }
}

/// `PyObject_Repr`.
pub fn repr(vm: &Vm, o: &PyObject) -> PyResult<PyRef<PyStr>> {
    let f = o.type_().slots().repr;
    let r = vm.with_recursion(" while getting the repr of an object", || match f {
        Some(f) => f(vm, o),
        None => crate::objects::object::object_repr(vm, o),
    })?;
    r.downcast::<PyStr>().map_err(|r| {
        vm.new_type_error(format!(
            "__repr__ returned non-string (type {})",
            r.type_().name_str()
        ))
    })
}

/// `PyObject_Str`.
pub fn str(vm: &Vm, o: &PyObject) -> PyResult<PyRef<PyStr>> {
    if o.is_type(&vm.types.str) {
        // SAFETY: exact str.
        return Ok(unsafe { o.to_owned().downcast_unchecked() });
    }
    let f = o.type_().slots().str;
    let r = vm.with_recursion(" while getting the str of an object", || match f {
        Some(f) => f(vm, o),
        None => repr(vm, o).map(|s| s.into_object()),
    })?;
    r.downcast::<PyStr>().map_err(|r| {
        vm.new_type_error(format!(
            "__str__ returned non-string (type {})",
            r.type_().name_str()
        ))
    })
}

/// `repr(o)` as Rust text.
pub fn repr_string(vm: &Vm, o: &PyObject) -> PyResult<String> {
    Ok(repr(vm, o)?.to_string_lossy())
}

/// `str(o)` as Rust text.
pub fn str_string(vm: &Vm, o: &PyObject) -> PyResult<String> {
    Ok(str(vm, o)?.to_string_lossy())
}

/// `PyObject_IsTrue`.
#[inline]
pub fn is_true(vm: &Vm, o: &PyObject) -> PyResult<bool> {
    if o.is(&vm.true_obj) {
        return Ok(true);
    }
    if o.is(&vm.false_obj) || o.is(&vm.none) {
        return Ok(false);
    }
    let s = o.type_().slots();
    if let Some(f) = s.nb_bool {
        return f(vm, o);
    }
    if let Some(f) = s.mp_length.or(s.sq_length) {
        return Ok(f(vm, o)? > 0);
    }
    Ok(true)
}

/// `PyObject_Size` / `len()`.
pub fn len(vm: &Vm, o: &PyObject) -> PyResult<usize> {
    let s = o.type_().slots();
    match s.sq_length.or(s.mp_length) {
        Some(f) => f(vm, o),
        None => Err(vm.new_type_error(format!(
            "object of type '{}' has no len()",
            o.type_().name_str()
        ))),
    }
}

/// `PyObject_GetIter`.
pub fn iter(vm: &Vm, o: &PyObject) -> PyResult {
    let t = o.type_();
    let s = t.slots();
    if let Some(f) = s.iter {
        let it = f(vm, o)?;
        if it.type_().slots().iternext.is_none() {
            return Err(vm.new_type_error(format!(
                "iter() returned non-iterator of type '{}'",
                it.type_().name_str()
            )));
        }
        return Ok(it);
    }
    if s.mp_subscript.is_some() && !t.flags().contains(crate::object::TypeFlags::MAPPING)
        || has_sequence_getitem(vm, o)
    {
        return Ok(vm.new_seq_iter(&vm.types.seq_iterator, o.to_owned(), 0));
    }
    Err(vm.new_type_error(format!("'{}' object is not iterable", t.name_str())))
}

fn has_sequence_getitem(vm: &Vm, o: &PyObject) -> bool {
    o.type_().slots().mp_subscript.is_some() && !o.type_().is_subtype(&vm.types.dict)
}

/// `PyIter_Next`: `Ok(None)` when exhausted (StopIteration swallowed).
#[inline]
pub fn next(vm: &Vm, it: &PyObject) -> PyResult<Option<PyRef>> {
    match it.type_().slots().iternext {
        Some(f) => match f(vm, it) {
            Ok(v) => Ok(v),
            Err(e) if e.matches(&vm.exc.stop_iteration) && !vm.is_aborting() => Ok(None),
            Err(e) => Err(e),
        },
        None => Err(vm.new_type_error(format!(
            "'{}' object is not an iterator",
            it.type_().name_str()
        ))),
    }
}

/// `tp_iternext` called directly: like [`next`] but a StopIteration the iterator raised
/// propagates with its arguments (CPython's map/zip/enumerate/filter return NULL with it set).
#[inline]
pub fn next_raw(vm: &Vm, it: &PyObject) -> PyResult<Option<PyRef>> {
    match it.type_().slots().iternext {
        Some(f) => f(vm, it),
        None => Err(vm.new_type_error(format!(
            "'{}' object is not an iterator",
            it.type_().name_str()
        ))),
    }
}

/// `PyObject_LengthHint`: `len(o)`, else `type(o).__length_hint__(o)`, else `default`.
pub fn length_hint(vm: &Vm, o: &PyObject, default: usize) -> PyResult<usize> {
    let s = o.type_().slots();
    if s.sq_length.or(s.mp_length).is_some() {
        match len(vm, o) {
            Ok(n) => return Ok(n),
            Err(e) if e.matches(&vm.exc.type_error) => {}
            Err(e) => return Err(e),
        }
    }
    let name = vm.intern("__length_hint__");
    let Some(f) = crate::objects::typeobject::lookup_special(vm, o, &name) else {
        return Ok(default);
    };
    let r = match call(vm, &f, &[], None) {
        Ok(r) => r,
        Err(e) if e.matches(&vm.exc.type_error) => return Ok(default),
        Err(e) => return Err(e),
    };
    if r.is(&vm.not_implemented()) {
        return Ok(default);
    }
    if !r.type_().is_subtype(&vm.types.int) {
        return Err(vm.new_type_error(format!(
            "__length_hint__ must be an integer, not {}",
            r.type_().name_str()
        )));
    }
    let v = crate::objects::int::int_value(&r)
        .cloned()
        .unwrap_or(crate::objects::intval::Int::Small(0));
    if v.is_negative() {
        return Err(vm.new_value_error("__length_hint__() should return >= 0"));
    }
    Ok(v.as_i64().map(|n| n as usize).unwrap_or(usize::MAX))
}

/// `list(o)`'s collection: the fast paths of `collect`, else iterate after asking
/// `PyObject_LengthHint` (as `list_extend` does, so a `__length_hint__` runs).
pub fn collect_hinted(vm: &Vm, o: &PyObject) -> PyResult<Vec<PyRef>> {
    if (o.is_type(&vm.types.list) && o.downcast_ref::<crate::objects::list::PyList>().is_some())
        || (o.is_type(&vm.types.tuple)
            && o.downcast_ref::<crate::objects::tuple::PyTuple>().is_some())
    {
        return collect(vm, o);
    }
    let it = iter(vm, o)?;
    let hint = length_hint(vm, o, 8)?;
    let mut out = Vec::with_capacity(hint.min(1 << 16));
    while let Some(v) = next(vm, &it)? {
        vm.tick()?;
        out.push(v);
    }
    Ok(out)
}

/// Collects an iterable into a Vec (bounded by fuel and memory checks).
pub fn collect(vm: &Vm, o: &PyObject) -> PyResult<Vec<PyRef>> {
    if let Some(l) = o.downcast_ref::<crate::objects::list::PyList>() {
        if o.is_type(&vm.types.list) {
            return Ok(l.to_vec());
        }
    }
    if let Some(t) = o.downcast_ref::<crate::objects::tuple::PyTuple>() {
        if o.is_type(&vm.types.tuple) {
            return Ok(t.as_slice().to_vec());
        }
    }
    let it = iter(vm, o)?;
    let mut out = Vec::new();
    while let Some(v) = next(vm, &it)? {
        vm.tick()?;
        out.push(v);
    }
    Ok(out)
}

/// `PyObject_GetItem`.
pub fn getitem(vm: &Vm, o: &PyObject, key: &PyObject) -> PyResult {
    let t = o.type_();
    if let Some(f) = t.slots().mp_subscript {
        return f(vm, o, key);
    }
    if o.downcast_ref::<crate::object::PyType>().is_some() {
        if o.is(&vm.types.type_) {
            return crate::objects::typeobject::generic_alias(vm, o, key);
        }
        // __class_getitem__
        if let Some(m) = get_attr_opt(vm, o, &vm.names.__class_getitem__)? {
            return call(vm, &m, &[key.to_owned()], None);
        }
        // SAFETY: checked type layout above.
        let name = unsafe { o.cast_unchecked::<crate::object::PyType>() }.name_str();
        return Err(vm.new_type_error(format!("type '{name}' is not subscriptable")));
    }
    Err(vm.new_type_error(format!("'{}' object is not subscriptable", t.name_str())))
}

/// `PyObject_SetItem`.
pub fn setitem(vm: &Vm, o: &PyObject, key: &PyObject, v: PyRef) -> PyResult<()> {
    match o.type_().slots().mp_ass_subscript {
        Some(f) => f(vm, o, key, Some(v)),
        None => Err(vm.new_type_error(format!(
            "'{}' object does not support item assignment",
            o.type_().name_str()
        ))),
    }
}

/// `PyObject_DelItem`.
pub fn delitem(vm: &Vm, o: &PyObject, key: &PyObject) -> PyResult<()> {
    match o.type_().slots().mp_ass_subscript {
        Some(f) => f(vm, o, key, None),
        None => Err(vm.new_type_error(format!(
            "'{}' object doesn't support item deletion",
            o.type_().name_str()
        ))),
    }
}

/// `PySequence_Contains` (`in`).
pub fn contains(vm: &Vm, container: &PyObject, item: &PyObject) -> PyResult<bool> {
    if let Some(f) = container.type_().slots().sq_contains {
        return f(vm, container, item);
    }
    let it = match iter(vm, container) {
        Ok(it) => it,
        Err(e) if e.matches(&vm.exc.type_error) => {
            return Err(vm.new_type_error(format!(
                "argument of type '{}' is not iterable",
                container.type_().name_str()
            )));
        }
        Err(e) => return Err(e),
    };
    while let Some(v) = next(vm, &it)? {
        vm.tick()?;
        if v.is(&item.to_owned())
            || rich_compare_bool(vm, &v, item, crate::object::typeobj::CmpOp::Eq)?
        {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `isinstance(o, t)` for a type `t` (no `__instancecheck__`).
#[inline]
pub fn isinstance_type(o: &PyObject, t: &crate::object::PyType) -> bool {
    o.type_().is_subtype(t)
}

/// `PyObject_IsInstance` (with `__instancecheck__` and tuples).
pub fn isinstance(vm: &Vm, o: &PyObject, cls: &PyObject) -> PyResult<bool> {
    if let Some(t) = cls.downcast_ref::<crate::object::PyType>() {
        // An exact match needs no __instancecheck__; a subclass instance does when the
        // metaclass is not exactly `type` (`PyObject_IsInstance`).
        if std::ptr::eq(o.type_(), t) {
            return Ok(true);
        }
        if cls.is_type(&vm.types.type_) {
            return Ok(object_isinstance(vm, o, t));
        }
    }
    if let Some(tup) = cls.downcast_ref::<crate::objects::tuple::PyTuple>() {
        for c in tup.as_slice() {
            if vm.with_recursion(" in __instancecheck__", || isinstance(vm, o, c))? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(members) = crate::objects::typeobject::union_args(vm, cls) {
        for c in &members {
            if isinstance(vm, o, c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(m) =
        crate::objects::typeobject::lookup_special(vm, cls, &vm.names.__instancecheck__)
    {
        let r = vm.with_recursion(" in __instancecheck__", || {
            call(vm, &m, &[o.to_owned()], None)
        })?;
        return is_true(vm, &r);
    }
    match cls.downcast_ref::<crate::object::PyType>() {
        Some(t) => Ok(object_isinstance(vm, o, t)),
        None => {
            Err(vm
                .new_type_error("isinstance() arg 2 must be a type, a tuple of types, or a union"))
        }
    }
}

/// `object_isinstance` for a type: a subtype check on type(o), then on `o.__class__`
/// when that differs.
fn object_isinstance(vm: &Vm, o: &PyObject, t: &crate::object::PyType) -> bool {
    if o.type_().is_subtype(t) {
        return true;
    }
    if let Ok(Some(c)) = get_attr_opt(vm, o, &vm.names.__class__) {
        if let Some(ct) = c.downcast_ref::<crate::object::PyType>() {
            if !std::ptr::eq(ct, o.type_()) {
                return ct.is_subtype(t);
            }
        }
    }
    false
}

/// `PyObject_IsSubclass`.
pub fn issubclass(vm: &Vm, derived: &PyObject, cls: &PyObject) -> PyResult<bool> {
    if let Some(tup) = cls.downcast_ref::<crate::objects::tuple::PyTuple>() {
        for c in tup.as_slice() {
            if issubclass(vm, derived, c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(members) = crate::objects::typeobject::union_args(vm, cls) {
        for c in &members {
            if issubclass(vm, derived, c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if !cls.is_type(&vm.types.type_) {
        if let Some(m) =
            crate::objects::typeobject::lookup_special(vm, cls, &vm.names.__subclasscheck__)
        {
            let r = call(vm, &m, &[derived.to_owned()], None)?;
            return is_true(vm, &r);
        }
    }
    let Some(d) = derived.downcast_ref::<crate::object::PyType>() else {
        return Err(vm.new_type_error("issubclass() arg 1 must be a class"));
    };
    let Some(c) = cls.downcast_ref::<crate::object::PyType>() else {
        return Err(
            vm.new_type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union")
        );
    };
    Ok(d.is_subtype(c))
}

/// `PyObject_Format`.
pub fn format(vm: &Vm, o: &PyObject, spec: &PyObject) -> PyResult<PyRef<PyStr>> {
    if o.is_type(&vm.types.str) {
        if let Some(s) = spec.downcast_ref::<PyStr>() {
            if s.byte_len() == 0 {
                // SAFETY: exact str.
                return Ok(unsafe { o.to_owned().downcast_unchecked() });
            }
        }
    }
    let Some(m) = crate::objects::typeobject::lookup_special(vm, o, &vm.names.__format__) else {
        return Err(vm.new_type_error(format!(
            "Type {} doesn't define __format__",
            o.type_().name_str()
        )));
    };
    let r = call(vm, &m, &[spec.to_owned()], None)?;
    r.downcast::<PyStr>().map_err(|r| {
        vm.new_type_error(format!(
            "__format__ must return a str, not {}",
            r.type_().name_str()
        ))
    })
}
