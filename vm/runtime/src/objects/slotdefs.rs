//! Slot functions of heap types (`slot_*` in `Objects/typeobject.c`): each calls the
//! Python-level dunder found on the type, and `fixup_slots` installs them for the dunders
//! a class defines (`fixup_slot_dispatchers`).

use crate::error::PyResult;
use crate::object::typeobj::{BinaryFn, CmpOp, NbOp, Slots};
use crate::object::{PyObject, PyRef, PyType, Slot};
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;

/// Looks `name` up on `type(o)` and calls it with `o` prepended (`vectorcall_method`).
/// `Ok(None)` when the type has no such attribute.
pub fn call_special_opt(
    vm: &Vm,
    o: &PyObject,
    name: &str,
    args: &[PyRef],
) -> PyResult<Option<PyRef>> {
    let n = vm.intern(name);
    let Some(f) = o.type_().lookup(&n) else {
        return Ok(None);
    };
    call_found(vm, &f, o, args, None).map(Some)
}

/// Calls a descriptor found on the type as a method of `o`.
pub fn call_found(
    vm: &Vm,
    f: &PyRef,
    o: &PyObject,
    args: &[PyRef],
    kw: Option<&PyTuple>,
) -> PyResult {
    if f.type_()
        .flags()
        .contains(crate::object::TypeFlags::METHOD_DESCRIPTOR)
    {
        let mut v = Vec::with_capacity(args.len() + 1);
        v.push(o.to_owned());
        v.extend_from_slice(args);
        return crate::ops::call(vm, f, &v, kw);
    }
    let bound = match f.type_().slots().descr_get {
        Some(g) => g(vm, f, Some(o), Some(o.type_().as_object()))?,
        None => f.clone(),
    };
    crate::ops::call(vm, &bound, args, kw)
}

fn call_special(vm: &Vm, o: &PyObject, name: &str, args: &[PyRef]) -> PyResult {
    match call_special_opt(vm, o, name, args)? {
        Some(r) => Ok(r),
        None => Err(crate::ops::attr::attribute_error(vm, o, &vm.intern(name))),
    }
}

fn maybe(vm: &Vm, o: &PyObject, name: &str, args: &[PyRef]) -> PyResult {
    Ok(call_special_opt(vm, o, name, args)?.unwrap_or_else(|| vm.not_implemented()))
}

fn method_is_overloaded(vm: &Vm, left: &PyObject, right: &PyObject, name: &str) -> PyResult<bool> {
    let n = vm.intern(name);
    let Some(b) = crate::ops::attr::type_getattr_opt(vm, right.type_().as_object(), &n)? else {
        return Ok(false);
    };
    let Some(a) = crate::ops::attr::type_getattr_opt(vm, left.type_().as_object(), &n)? else {
        return Ok(true);
    };
    crate::ops::rich_compare_bool(vm, &a, &b, CmpOp::Ne)
}

fn slot_binary(vm: &Vm, this: BinaryFn, op: NbOp, s: &PyObject, o: &PyObject) -> PyResult {
    let same = |t: &PyType| {
        t.slots().nb_binary[op as usize].is_some_and(|f| std::ptr::fn_addr_eq(f, this))
    };
    let mut do_other = !std::ptr::eq(s.type_(), o.type_()) && same(o.type_());
    if same(s.type_()) {
        if do_other
            && o.type_().is_subtype(s.type_())
            && method_is_overloaded(vm, s, o, op.rdunder())?
        {
            let r = maybe(vm, o, op.rdunder(), &[s.to_owned()])?;
            if !vm.is_not_implemented(&r) {
                return Ok(r);
            }
            do_other = false;
        }
        let r = maybe(vm, s, op.dunder(), &[o.to_owned()])?;
        if !vm.is_not_implemented(&r) || std::ptr::eq(o.type_(), s.type_()) {
            return Ok(r);
        }
    }
    if do_other {
        return maybe(vm, o, op.rdunder(), &[s.to_owned()]);
    }
    Ok(vm.not_implemented())
}

macro_rules! slot_bin {
    ($($f:ident => $op:ident),* $(,)?) => {
        $(fn $f(vm: &Vm, s: &PyObject, o: &PyObject) -> PyResult { slot_binary(vm, $f, NbOp::$op, s, o) })*
        const SLOT_BINARY: [BinaryFn; 13] = [
            slot_nb_add, slot_nb_and, slot_nb_floordiv, slot_nb_lshift, slot_nb_matmul, slot_nb_mul,
            slot_nb_mod, slot_nb_or, slot_nb_pow_bin, slot_nb_rshift, slot_nb_sub, slot_nb_truediv, slot_nb_xor,
        ];
    };
}
slot_bin! {
    slot_nb_add => Add, slot_nb_and => And, slot_nb_floordiv => FloorDivide, slot_nb_lshift => Lshift,
    slot_nb_matmul => MatrixMultiply, slot_nb_mul => Multiply, slot_nb_mod => Remainder, slot_nb_or => Or,
    slot_nb_pow_bin => Power, slot_nb_rshift => Rshift, slot_nb_sub => Subtract, slot_nb_truediv => TrueDivide,
    slot_nb_xor => Xor,
}

fn slot_nb_divmod(vm: &Vm, s: &PyObject, o: &PyObject) -> PyResult {
    let same = |t: &PyType| {
        t.slots()
            .nb_divmod
            .is_some_and(|f| std::ptr::fn_addr_eq(f, slot_nb_divmod as BinaryFn))
    };
    let mut do_other = !std::ptr::eq(s.type_(), o.type_()) && same(o.type_());
    if same(s.type_()) {
        if do_other
            && o.type_().is_subtype(s.type_())
            && method_is_overloaded(vm, s, o, "__rdivmod__")?
        {
            let r = maybe(vm, o, "__rdivmod__", &[s.to_owned()])?;
            if !vm.is_not_implemented(&r) {
                return Ok(r);
            }
            do_other = false;
        }
        let r = maybe(vm, s, "__divmod__", &[o.to_owned()])?;
        if !vm.is_not_implemented(&r) || std::ptr::eq(o.type_(), s.type_()) {
            return Ok(r);
        }
    }
    if do_other {
        return maybe(vm, o, "__rdivmod__", &[s.to_owned()]);
    }
    Ok(vm.not_implemented())
}

fn slot_nb_power(vm: &Vm, s: &PyObject, o: &PyObject, m: &PyObject) -> PyResult {
    if vm.is_none(m) {
        return slot_nb_pow_bin(vm, s, o);
    }
    let is_slot = s.type_().slots().nb_power.is_some_and(|f| {
        std::ptr::fn_addr_eq(f, slot_nb_power as crate::object::typeobj::TernaryFn)
    });
    if is_slot {
        return maybe(vm, s, "__pow__", &[o.to_owned(), m.to_owned()]);
    }
    Ok(vm.not_implemented())
}

macro_rules! slot_inplace {
    ($($f:ident => $name:literal),* $(,)?) => {
        $(fn $f(vm: &Vm, s: &PyObject, o: &PyObject) -> PyResult { maybe(vm, s, $name, &[o.to_owned()]) })*
        const SLOT_INPLACE: [BinaryFn; 13] = [
            slot_iadd, slot_iand, slot_ifloordiv, slot_ilshift, slot_imatmul, slot_imul, slot_imod, slot_ior,
            slot_ipow, slot_irshift, slot_isub, slot_itruediv, slot_ixor,
        ];
    };
}
slot_inplace! {
    slot_iadd => "__iadd__", slot_iand => "__iand__", slot_ifloordiv => "__ifloordiv__", slot_ilshift => "__ilshift__",
    slot_imatmul => "__imatmul__", slot_imul => "__imul__", slot_imod => "__imod__", slot_ior => "__ior__",
    slot_ipow => "__ipow__", slot_irshift => "__irshift__", slot_isub => "__isub__", slot_itruediv => "__itruediv__",
    slot_ixor => "__ixor__",
}

macro_rules! slot0 {
    ($($f:ident => $name:literal),* $(,)?) => {
        $(fn $f(vm: &Vm, s: &PyObject) -> PyResult { call_special(vm, s, $name, &[]) })*
    };
}
slot0! {
    slot_nb_negative => "__neg__", slot_nb_positive => "__pos__", slot_nb_absolute => "__abs__",
    slot_nb_invert => "__invert__", slot_nb_int => "__int__", slot_nb_float => "__float__", slot_nb_index => "__index__",
    slot_tp_str => "__str__",
}

fn slot_tp_repr(vm: &Vm, s: &PyObject) -> PyResult {
    match call_special_opt(vm, s, "__repr__", &[])? {
        Some(r) => Ok(r),
        None => crate::objects::object::object_repr(vm, s),
    }
}

fn slot_tp_hash(vm: &Vm, s: &PyObject) -> PyResult<i64> {
    let n = vm.names.__hash__.clone();
    let f = s.type_().lookup(&n);
    let Some(f) = f.filter(|f| !vm.is_none(f)) else {
        return Err(vm.new_type_error(format!("unhashable type: '{}'", s.type_().name_str())));
    };
    let r = call_found(vm, &f, s, &[], None)?;
    let Some(i) = crate::objects::int::int_value(&r) else {
        return Err(vm.new_type_error("__hash__ method should return an integer"));
    };
    let h = match i.as_i64() {
        Some(v) => v,
        None => i.hash(),
    };
    Ok(if h == -1 { -2 } else { h })
}

fn slot_tp_call(vm: &Vm, s: &PyObject, args: &[PyRef], kw: Option<&PyTuple>) -> PyResult {
    let Some(f) = s.type_().lookup(&vm.names.__call__) else {
        return Err(vm.new_type_error(format!("'{}' object is not callable", s.type_().name_str())));
    };
    call_found(vm, &f, s, args, kw)
}

fn slot_tp_getattr_hook(vm: &Vm, s: &PyObject, name: &PyRef<PyStr>) -> PyResult {
    let t = s.type_();
    let getattr = t.lookup(&vm.names.__getattr__);
    let getattribute = t.lookup(&vm.names.__getattribute__);
    let r = match &getattribute {
        Some(ga) if !is_object_getattribute(vm, ga) => {
            call_found(vm, ga, s, &[name.clone_object()], None)
        }
        _ => crate::ops::attr::generic_getattr(vm, s, name),
    };
    match (r, getattr) {
        (Err(e), Some(g)) if e.matches(&vm.exc.attribute_error) && !vm.is_aborting() => {
            drop(e);
            call_found(vm, &g, s, &[name.clone_object()], None)
        }
        (r, _) => r,
    }
}

/// Makes `t`'s attribute lookup fall back to its `__getattr__` even when that is a
/// builtin method (struct sequences, native modules' types).
pub fn install_getattr_hook(t: &PyType) {
    let mut s: Slots = *t.slots();
    s.getattro = Some(slot_tp_getattr_hook);
    t.set_slots(s);
}

fn is_object_getattribute(vm: &Vm, f: &PyObject) -> bool {
    f.downcast_ref::<crate::objects::descr::PyBuiltinFunction>()
        .is_some_and(|b| {
            b.name == "__getattribute__" && b.owner.as_ref().is_some_and(|o| o.is(&vm.types.object))
        })
}

fn slot_tp_setattro(vm: &Vm, s: &PyObject, name: &PyRef<PyStr>, v: Slot) -> PyResult<()> {
    match v {
        Some(v) => call_special(vm, s, "__setattr__", &[name.clone_object(), v]).map(|_| ()),
        None => call_special(vm, s, "__delattr__", &[name.clone_object()]).map(|_| ()),
    }
}

fn slot_tp_richcompare(vm: &Vm, s: &PyObject, o: &PyObject, op: CmpOp) -> PyResult {
    maybe(vm, s, op.dunder(), &[o.to_owned()])
}

fn slot_tp_iter(vm: &Vm, s: &PyObject) -> PyResult {
    let f = s.type_().lookup(&vm.names.__iter__);
    match f {
        Some(f) if vm.is_none(&f) => {
            Err(vm.new_type_error(format!("'{}' object is not iterable", s.type_().name_str())))
        }
        Some(f) => call_found(vm, &f, s, &[], None),
        None => {
            if s.type_().lookup(&vm.names.__getitem__).is_some() {
                return Ok(vm.new_seq_iter(&vm.types.seq_iterator, s.to_owned(), 0));
            }
            Err(vm.new_type_error(format!("'{}' object is not iterable", s.type_().name_str())))
        }
    }
}

fn slot_tp_iternext(vm: &Vm, s: &PyObject) -> PyResult<Option<PyRef>> {
    call_special(vm, s, "__next__", &[]).map(Some)
}

fn slot_tp_descr_get(
    vm: &Vm,
    s: &PyObject,
    obj: Option<&PyObject>,
    t: Option<&PyObject>,
) -> PyResult {
    let Some(f) = s.type_().lookup(&vm.names.__get__) else {
        return Ok(s.to_owned());
    };
    let obj = obj.map_or_else(|| vm.none(), |o| o.to_owned());
    let t = t.map_or_else(|| vm.none(), |o| o.to_owned());
    call_found(vm, &f, s, &[obj, t], None)
}

fn slot_tp_descr_set(vm: &Vm, s: &PyObject, target: &PyObject, v: Slot) -> PyResult<()> {
    match v {
        Some(v) => call_special(vm, s, "__set__", &[target.to_owned(), v]).map(|_| ()),
        None => call_special(vm, s, "__delete__", &[target.to_owned()]).map(|_| ()),
    }
}

fn slot_tp_init(vm: &Vm, s: &PyObject, args: &[PyRef], kw: Option<&PyTuple>) -> PyResult<()> {
    let Some(f) = s.type_().lookup(&vm.names.__init__) else {
        return Ok(());
    };
    let r = call_found(vm, &f, s, args, kw)?;
    if !vm.is_none(&r) {
        return Err(vm.new_type_error(format!(
            "__init__() should return None, not '{}'",
            r.type_().name_str()
        )));
    }
    Ok(())
}

fn slot_tp_new(vm: &Vm, t: &PyRef<PyType>, args: &[PyRef], kw: Option<&PyTuple>) -> PyResult {
    let Some(f) = crate::ops::attr::type_getattr_opt(vm, t.as_object(), &vm.names.__new__)? else {
        return Err(vm.new_type_error("no __new__"));
    };
    let mut v = Vec::with_capacity(args.len() + 1);
    v.push(t.clone_object());
    v.extend_from_slice(args);
    crate::ops::call(vm, &f, &v, kw)
}

fn slot_tp_finalize(vm: &Vm, s: &PyObject) {
    let Some(f) = s.type_().lookup(&vm.names.__del__) else {
        return;
    };
    // Save and restore the current exception state around the finalizer.
    if let Err(e) = call_found(vm, &f, s, &[], None) {
        if !vm.is_aborting() {
            crate::modules::sys::write_unraisable(vm, e, Some(&f));
        }
    }
}

fn slot_nb_bool(vm: &Vm, s: &PyObject) -> PyResult<bool> {
    if let Some(f) = s.type_().lookup(&vm.names.__bool__) {
        let r = call_found(vm, &f, s, &[], None)?;
        if r.is(&vm.true_obj) {
            return Ok(true);
        }
        if r.is(&vm.false_obj) {
            return Ok(false);
        }
        return Err(vm.new_type_error(format!(
            "__bool__ should return bool, returned {}",
            r.type_().name_str()
        )));
    }
    if s.type_().lookup(&vm.names.__len__).is_some() {
        return Ok(slot_len(vm, s)? > 0);
    }
    Ok(true)
}

fn slot_len(vm: &Vm, s: &PyObject) -> PyResult<usize> {
    let r = call_special(vm, s, "__len__", &[])?;
    let i = crate::ops::number::index(vm, &r)?;
    if i.is_negative() {
        return Err(vm.new_value_error("__len__() should return >= 0"));
    }
    match i.as_i64() {
        Some(v) => Ok(v as usize),
        None => Err(vm.new_overflow_error("cannot fit 'int' into an index-sized integer")),
    }
}

fn slot_mp_subscript(vm: &Vm, s: &PyObject, k: &PyObject) -> PyResult {
    call_special(vm, s, "__getitem__", &[k.to_owned()])
}

fn slot_mp_ass_subscript(vm: &Vm, s: &PyObject, k: &PyObject, v: Slot) -> PyResult<()> {
    match v {
        Some(v) => call_special(vm, s, "__setitem__", &[k.to_owned(), v]).map(|_| ()),
        None => call_special(vm, s, "__delitem__", &[k.to_owned()]).map(|_| ()),
    }
}

fn slot_sq_contains(vm: &Vm, s: &PyObject, v: &PyObject) -> PyResult<bool> {
    match s.type_().lookup(&vm.names.__contains__) {
        Some(f) if vm.is_none(&f) => Err(vm.new_type_error(format!(
            "'{}' object is not a container",
            s.type_().name_str()
        ))),
        Some(f) => {
            let r = call_found(vm, &f, s, &[v.to_owned()], None)?;
            crate::ops::is_true(vm, &r)
        }
        None => {
            let it = crate::ops::iter(vm, s)?;
            while let Some(x) = crate::ops::next(vm, &it)? {
                vm.tick()?;
                if x.is(&v.to_owned()) || crate::ops::rich_compare_bool(vm, &x, v, CmpOp::Eq)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

/// Installs `slot_*` functions for the dunders found on `t` (own dict or a heap-type base).
pub fn fixup_slots(vm: &Vm, t: &PyType) {
    let mut s: Slots = *t.slots();
    let has = |name: &str| -> bool {
        let n = vm.intern(name);
        match t.lookup(&n) {
            Some(v) => !is_builtin_wrapper(vm, &v),
            None => false,
        }
    };
    let defined = |name: &str| t.lookup(&vm.intern(name)).is_some();
    for op in NbOp::ALL {
        if has(op.dunder()) || has(op.rdunder()) {
            s.nb_binary[op as usize] = Some(SLOT_BINARY[op as usize]);
        }
        if has(op.idunder()) {
            s.nb_inplace[op as usize] = Some(SLOT_INPLACE[op as usize]);
        }
    }
    if has("__pow__") || has("__rpow__") {
        s.nb_power = Some(slot_nb_power);
    }
    if has("__divmod__") || has("__rdivmod__") {
        s.nb_divmod = Some(slot_nb_divmod);
    }
    macro_rules! set {
        ($name:literal, $field:ident, $f:expr) => {
            if has($name) {
                s.$field = Some($f);
            }
        };
    }
    set!("__neg__", nb_negative, slot_nb_negative);
    set!("__pos__", nb_positive, slot_nb_positive);
    set!("__abs__", nb_absolute, slot_nb_absolute);
    set!("__invert__", nb_invert, slot_nb_invert);
    set!("__int__", nb_int, slot_nb_int);
    set!("__float__", nb_float, slot_nb_float);
    set!("__index__", nb_index, slot_nb_index);
    set!("__repr__", repr, slot_tp_repr);
    set!("__str__", str, slot_tp_str);
    set!("__call__", call, slot_tp_call);
    set!("__iter__", iter, slot_tp_iter);
    set!("__next__", iternext, slot_tp_iternext);
    set!("__get__", descr_get, slot_tp_descr_get);
    if has("__set__") || has("__delete__") {
        s.descr_set = Some(slot_tp_descr_set);
    }
    set!("__init__", init, slot_tp_init);
    set!("__new__", new, slot_tp_new);
    if has("__del__") {
        s.finalize = Some(slot_tp_finalize);
        t.flags
            .set(t.flags().union(crate::object::TypeFlags::HAS_FINALIZER));
    }
    if has("__bool__") || (has("__len__") && s.nb_bool.is_none()) {
        s.nb_bool = Some(slot_nb_bool);
    }
    if has("__len__") {
        s.mp_length = Some(slot_len);
        s.sq_length = Some(slot_len);
    }
    set!("__getitem__", mp_subscript, slot_mp_subscript);
    if has("__setitem__") || has("__delitem__") {
        s.mp_ass_subscript = Some(slot_mp_ass_subscript);
    }
    set!("__contains__", sq_contains, slot_sq_contains);
    if has("__getattr__") || has("__getattribute__") {
        s.getattro = Some(slot_tp_getattr_hook);
    }
    if has("__setattr__") || has("__delattr__") {
        s.setattro = Some(slot_tp_setattro);
    }
    for name in ["__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"] {
        if has(name) {
            s.richcompare = Some(slot_tp_richcompare);
        }
    }
    match t.lookup(&vm.names.__hash__) {
        Some(h) if vm.is_none(&h) => s.hash_none = true,
        Some(h) if !is_builtin_wrapper(vm, &h) => {
            s.hash = Some(slot_tp_hash);
            s.hash_none = false;
        }
        _ => {}
    }
    let _ = defined;
    t.set_slots(s);
}

/// Is `v` a slot wrapper or method descriptor of a builtin type (so the builtin slot
/// inherited from the base already does the same)?
fn is_builtin_wrapper(vm: &Vm, v: &PyObject) -> bool {
    // Native methods given to a heap type (struct sequences, SimpleNamespace) are that
    // type's own implementation, not an inherited builtin slot.
    if let Some(b) = v.downcast_ref::<crate::objects::descr::PyBuiltinFunction>() {
        if b.owner
            .as_ref()
            .is_some_and(|o| o.flags().contains(crate::object::TypeFlags::HEAPTYPE))
        {
            return false;
        }
    }
    v.is_type(&vm.types.wrapper_descriptor)
        || v.is_type(&vm.types.method_descriptor)
        || v.downcast_ref::<crate::objects::descr::PyBuiltinFunction>()
            .is_some_and(|b| b.owner.is_some() && b.wrapper.is_some())
}
