//! Slot wrappers (`wrapper_descriptor`): the `__add__`, `__init__`, `__repr__` … entries
//! that builtin types expose in their dicts, each calling the owner type's slot
//! (`add_operators` / `slotdefs` in `Objects/typeobject.c`).

use crate::error::PyResult;
use crate::object::typeobj::{CmpOp, NbOp};
use crate::object::{PyRef, PyType};
use crate::objects::descr::{MethodKind, PyBuiltinFunction, WrapperFn};
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;

fn argn(vm: &Vm, name: &str, args: &[PyRef], kw: Option<&PyTuple>, n: usize) -> PyResult<()> {
    if kw.is_some_and(|k| !k.is_empty()) {
        return Err(vm.new_type_error(format!("wrapper {name}() takes no keyword arguments")));
    }
    if args.len() != n + 1 {
        return Err(vm.new_type_error(format!(
            "expected {} argument{}, got {}",
            n,
            if n == 1 { "" } else { "s" },
            args.len().saturating_sub(1)
        )));
    }
    Ok(())
}

macro_rules! wrap_binary {
    ($($f:ident, $rf:ident => $op:ident),* $(,)?) => {
        $(
            fn $f(vm: &Vm, t: &PyType, a: &[PyRef], kw: Option<&PyTuple>) -> PyResult {
                argn(vm, NbOp::$op.dunder(), a, kw, 1)?;
                match t.slots().nb_binary[NbOp::$op as usize] {
                    Some(f) => f(vm, &a[0], &a[1]),
                    None => Ok(vm.not_implemented()),
                }
            }
            fn $rf(vm: &Vm, t: &PyType, a: &[PyRef], kw: Option<&PyTuple>) -> PyResult {
                argn(vm, NbOp::$op.rdunder(), a, kw, 1)?;
                match t.slots().nb_binary[NbOp::$op as usize] {
                    Some(f) => f(vm, &a[1], &a[0]),
                    None => Ok(vm.not_implemented()),
                }
            }
        )*
        const BINARY_WRAPPERS: [(WrapperFn, WrapperFn); 13] = [$(($f, $rf)),*];
    };
}
wrap_binary! {
    w_add, w_radd => Add, w_and, w_rand => And, w_floordiv, w_rfloordiv => FloorDivide, w_lshift, w_rlshift => Lshift,
    w_matmul, w_rmatmul => MatrixMultiply, w_mul, w_rmul => Multiply, w_mod, w_rmod => Remainder, w_or, w_ror => Or,
    w_pow_unused, w_rpow_unused => Power, w_rshift, w_rrshift => Rshift, w_sub, w_rsub => Subtract,
    w_truediv, w_rtruediv => TrueDivide, w_xor, w_rxor => Xor,
}

macro_rules! wrap_inplace {
    ($($f:ident => $op:ident),* $(,)?) => {
        $(
            fn $f(vm: &Vm, t: &PyType, a: &[PyRef], kw: Option<&PyTuple>) -> PyResult {
                argn(vm, NbOp::$op.idunder(), a, kw, 1)?;
                match t.slots().nb_inplace[NbOp::$op as usize] {
                    Some(f) => f(vm, &a[0], &a[1]),
                    None => Ok(vm.not_implemented()),
                }
            }
        )*
        const INPLACE_WRAPPERS: [WrapperFn; 13] = [$($f),*];
    };
}
wrap_inplace! {
    w_iadd => Add, w_iand => And, w_ifloordiv => FloorDivide, w_ilshift => Lshift,
    w_imatmul => MatrixMultiply, w_imul => Multiply, w_imod => Remainder, w_ior => Or,
    w_ipow => Power, w_irshift => Rshift, w_isub => Subtract,
    w_itruediv => TrueDivide, w_ixor => Xor,
}

/// `wrap_indexargfunc`'s argument check: the count must support `__index__`.
fn index_arg(vm: &Vm, o: &PyRef) -> PyResult<()> {
    if o.type_().slots().nb_index.is_none() {
        return Err(vm.new_type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            o.type_().name_str()
        )));
    }
    Ok(())
}
fn w_sq_concat(vm: &Vm, t: &PyType, a: &[PyRef], kw: Option<&PyTuple>) -> PyResult {
    argn(vm, "__add__", a, kw, 1)?;
    match t.slots().sq_concat {
        Some(f) => f(vm, &a[0], &a[1]),
        None => Ok(vm.not_implemented()),
    }
}
fn w_sq_repeat(vm: &Vm, t: &PyType, a: &[PyRef], kw: Option<&PyTuple>) -> PyResult {
    argn(vm, "__mul__", a, kw, 1)?;
    index_arg(vm, &a[1])?;
    match t.slots().sq_repeat {
        Some(f) => f(vm, &a[0], &a[1]),
        None => Ok(vm.not_implemented()),
    }
}
fn w_sq_rrepeat(vm: &Vm, t: &PyType, a: &[PyRef], kw: Option<&PyTuple>) -> PyResult {
    argn(vm, "__rmul__", a, kw, 1)?;
    index_arg(vm, &a[1])?;
    match t.slots().sq_repeat {
        Some(f) => f(vm, &a[0], &a[1]),
        None => Ok(vm.not_implemented()),
    }
}
fn w_sq_iconcat(vm: &Vm, t: &PyType, a: &[PyRef], kw: Option<&PyTuple>) -> PyResult {
    argn(vm, "__iadd__", a, kw, 1)?;
    match t.slots().sq_inplace_concat {
        Some(f) => f(vm, &a[0], &a[1]),
        None => Ok(vm.not_implemented()),
    }
}
fn w_sq_irepeat(vm: &Vm, t: &PyType, a: &[PyRef], kw: Option<&PyTuple>) -> PyResult {
    argn(vm, "__imul__", a, kw, 1)?;
    index_arg(vm, &a[1])?;
    match t.slots().sq_inplace_repeat {
        Some(f) => f(vm, &a[0], &a[1]),
        None => Ok(vm.not_implemented()),
    }
}

fn w_pow(vm: &Vm, t: &PyType, a: &[PyRef], _kw: Option<&PyTuple>) -> PyResult {
    if a.len() < 2 || a.len() > 3 {
        return Err(vm.new_type_error(format!(
            "expected 1 or 2 arguments, got {}",
            a.len().saturating_sub(1)
        )));
    }
    let m = a.get(2).cloned().unwrap_or_else(|| vm.none());
    match t.slots().nb_power {
        Some(f) => f(vm, &a[0], &a[1], &m),
        None => Ok(vm.not_implemented()),
    }
}
fn w_rpow(vm: &Vm, t: &PyType, a: &[PyRef], kw: Option<&PyTuple>) -> PyResult {
    argn(vm, "__rpow__", a, kw, 1)?;
    match t.slots().nb_power {
        Some(f) => f(vm, &a[1], &a[0], &vm.none),
        None => Ok(vm.not_implemented()),
    }
}
fn w_divmod(vm: &Vm, t: &PyType, a: &[PyRef], kw: Option<&PyTuple>) -> PyResult {
    argn(vm, "__divmod__", a, kw, 1)?;
    match t.slots().nb_divmod {
        Some(f) => f(vm, &a[0], &a[1]),
        None => Ok(vm.not_implemented()),
    }
}
fn w_rdivmod(vm: &Vm, t: &PyType, a: &[PyRef], kw: Option<&PyTuple>) -> PyResult {
    argn(vm, "__rdivmod__", a, kw, 1)?;
    match t.slots().nb_divmod {
        Some(f) => f(vm, &a[1], &a[0]),
        None => Ok(vm.not_implemented()),
    }
}

macro_rules! wrap_cmp {
    ($($f:ident => $op:ident),*) => {
        $(fn $f(vm: &Vm, t: &PyType, a: &[PyRef], kw: Option<&PyTuple>) -> PyResult {
            argn(vm, CmpOp::$op.dunder(), a, kw, 1)?;
            match t.slots().richcompare {
                Some(f) => f(vm, &a[0], &a[1], CmpOp::$op),
                None => Ok(vm.not_implemented()),
            }
        })*
    };
}
wrap_cmp!(w_lt => Lt, w_le => Le, w_eq => Eq, w_ne => Ne, w_gt => Gt, w_ge => Ge);

macro_rules! wrap_unary {
    ($($f:ident => $slot:ident, $name:literal),*) => {
        $(fn $f(vm: &Vm, t: &PyType, a: &[PyRef], kw: Option<&PyTuple>) -> PyResult {
            argn(vm, $name, a, kw, 0)?;
            match t.slots().$slot {
                Some(f) => f(vm, &a[0]),
                None => Ok(vm.not_implemented()),
            }
        })*
    };
}
wrap_unary!(w_neg => nb_negative, "__neg__", w_pos => nb_positive, "__pos__", w_abs => nb_absolute, "__abs__",
    w_invert => nb_invert, "__invert__", w_int => nb_int, "__int__", w_float => nb_float, "__float__",
    w_index => nb_index, "__index__", w_repr => repr, "__repr__", w_str => str, "__str__", w_iter => iter, "__iter__");

fn w_bool(vm: &Vm, t: &PyType, a: &[PyRef], kw: Option<&PyTuple>) -> PyResult {
    argn(vm, "__bool__", a, kw, 0)?;
    match t.slots().nb_bool {
        Some(f) => Ok(vm.new_bool(f(vm, &a[0])?)),
        None => Ok(vm.not_implemented()),
    }
}
fn w_hash(vm: &Vm, t: &PyType, a: &[PyRef], kw: Option<&PyTuple>) -> PyResult {
    argn(vm, "__hash__", a, kw, 0)?;
    match t.slots().hash {
        Some(f) => Ok(vm.new_int(f(vm, &a[0])?)),
        None => Err(vm.new_type_error(format!("unhashable type: '{}'", a[0].type_().name_str()))),
    }
}
fn w_len(vm: &Vm, t: &PyType, a: &[PyRef], kw: Option<&PyTuple>) -> PyResult {
    argn(vm, "__len__", a, kw, 0)?;
    match t.slots().sq_length.or(t.slots().mp_length) {
        Some(f) => Ok(vm.new_usize(f(vm, &a[0])?)),
        None => Ok(vm.not_implemented()),
    }
}
fn w_next(vm: &Vm, t: &PyType, a: &[PyRef], kw: Option<&PyTuple>) -> PyResult {
    argn(vm, "__next__", a, kw, 0)?;
    match t.slots().iternext {
        Some(f) => match f(vm, &a[0])? {
            Some(v) => Ok(v),
            None => Err(vm.new_stop_iteration(None)),
        },
        None => Ok(vm.not_implemented()),
    }
}
fn w_getitem(vm: &Vm, t: &PyType, a: &[PyRef], kw: Option<&PyTuple>) -> PyResult {
    argn(vm, "__getitem__", a, kw, 1)?;
    match t.slots().mp_subscript {
        Some(f) => f(vm, &a[0], &a[1]),
        None => Ok(vm.not_implemented()),
    }
}
fn w_setitem(vm: &Vm, t: &PyType, a: &[PyRef], kw: Option<&PyTuple>) -> PyResult {
    argn(vm, "__setitem__", a, kw, 2)?;
    match t.slots().mp_ass_subscript {
        Some(f) => f(vm, &a[0], &a[1], Some(a[2].clone())).map(|_| vm.none()),
        None => Ok(vm.not_implemented()),
    }
}
fn w_delitem(vm: &Vm, t: &PyType, a: &[PyRef], kw: Option<&PyTuple>) -> PyResult {
    argn(vm, "__delitem__", a, kw, 1)?;
    match t.slots().mp_ass_subscript {
        Some(f) => f(vm, &a[0], &a[1], None).map(|_| vm.none()),
        None => Ok(vm.not_implemented()),
    }
}
fn w_contains(vm: &Vm, t: &PyType, a: &[PyRef], kw: Option<&PyTuple>) -> PyResult {
    argn(vm, "__contains__", a, kw, 1)?;
    match t.slots().sq_contains {
        Some(f) => Ok(vm.new_bool(f(vm, &a[0], &a[1])?)),
        None => Ok(vm.not_implemented()),
    }
}
fn w_call(vm: &Vm, t: &PyType, a: &[PyRef], kw: Option<&PyTuple>) -> PyResult {
    match t.slots().call {
        Some(f) => f(vm, &a[0], &a[1..], kw),
        None => Err(vm.new_type_error("not callable")),
    }
}
fn w_get(vm: &Vm, t: &PyType, a: &[PyRef], _kw: Option<&PyTuple>) -> PyResult {
    if a.len() < 2 || a.len() > 3 {
        return Err(vm.new_type_error("__get__(None, None) is invalid"));
    }
    let obj = Some(&a[1]).filter(|o| !vm.is_none(o)).map(|o| &**o);
    let ty = a.get(2).filter(|o| !vm.is_none(o)).map(|o| &**o);
    if obj.is_none() && ty.is_none() {
        return Err(vm.new_type_error("__get__(None, None) is invalid"));
    }
    match t.slots().descr_get {
        Some(f) => f(vm, &a[0], obj, ty),
        None => Ok(a[0].clone()),
    }
}
fn w_set(vm: &Vm, t: &PyType, a: &[PyRef], kw: Option<&PyTuple>) -> PyResult {
    argn(vm, "__set__", a, kw, 2)?;
    match t.slots().descr_set {
        Some(f) => f(vm, &a[0], &a[1], Some(a[2].clone())).map(|_| vm.none()),
        None => Ok(vm.not_implemented()),
    }
}
fn w_delete(vm: &Vm, t: &PyType, a: &[PyRef], kw: Option<&PyTuple>) -> PyResult {
    argn(vm, "__delete__", a, kw, 1)?;
    match t.slots().descr_set {
        Some(f) => f(vm, &a[0], &a[1], None).map(|_| vm.none()),
        None => Ok(vm.not_implemented()),
    }
}
fn w_init(vm: &Vm, t: &PyType, a: &[PyRef], kw: Option<&PyTuple>) -> PyResult {
    match t.slots().init {
        Some(f) => f(vm, &a[0], &a[1..], kw).map(|_| vm.none()),
        None => Ok(vm.none()),
    }
}
fn w_getattribute(vm: &Vm, t: &PyType, a: &[PyRef], kw: Option<&PyTuple>) -> PyResult {
    argn(vm, "__getattribute__", a, kw, 1)?;
    let Ok(name) = a[1].clone().downcast::<crate::objects::str::PyStr>() else {
        return Err(vm.new_type_error(format!(
            "attribute name must be string, not '{}'",
            a[1].type_().name_str()
        )));
    };
    match t.slots().getattro {
        Some(f) => f(vm, &a[0], &name),
        None => crate::ops::attr::generic_getattr(vm, &a[0], &name),
    }
}
fn w_setattr(vm: &Vm, t: &PyType, a: &[PyRef], kw: Option<&PyTuple>) -> PyResult {
    argn(vm, "__setattr__", a, kw, 2)?;
    let Ok(name) = a[1].clone().downcast::<crate::objects::str::PyStr>() else {
        return Err(vm.new_type_error(format!(
            "attribute name must be string, not '{}'",
            a[1].type_().name_str()
        )));
    };
    match t.slots().setattro {
        Some(f) => f(vm, &a[0], &name, Some(a[2].clone())).map(|_| vm.none()),
        None => Err(vm.new_type_error("can't set attributes")),
    }
}
fn w_delattr(vm: &Vm, t: &PyType, a: &[PyRef], kw: Option<&PyTuple>) -> PyResult {
    argn(vm, "__delattr__", a, kw, 1)?;
    let Ok(name) = a[1].clone().downcast::<crate::objects::str::PyStr>() else {
        return Err(vm.new_type_error(format!(
            "attribute name must be string, not '{}'",
            a[1].type_().name_str()
        )));
    };
    match t.slots().setattro {
        Some(f) => f(vm, &a[0], &name, None).map(|_| vm.none()),
        None => Err(vm.new_type_error("can't delete attributes")),
    }
}
/// `tp_new_wrapper`: `T.__new__(S, ...)`.
fn w_new(vm: &Vm, t: &PyType, a: &[PyRef], kw: Option<&PyTuple>) -> PyResult {
    let Some(first) = a.first() else {
        return Err(vm.new_type_error(format!("{}.__new__(): not enough arguments", t.name_str())));
    };
    let Ok(sub) = first.clone().downcast::<PyType>() else {
        return Err(vm.new_type_error(format!(
            "{}.__new__(X): X is not a type object ({})",
            t.name_str(),
            first.type_().name_str()
        )));
    };
    if !sub.is_subtype(t) {
        return Err(vm.new_type_error(format!(
            "{}.__new__({}): {} is not a subtype of {}",
            t.name_str(),
            sub.name_str(),
            sub.name_str(),
            t.name_str()
        )));
    }
    match t.slots().new {
        Some(f) => f(vm, &sub, &a[1..], kw),
        None => Err(vm.new_type_error(format!("cannot create '{}' instances", t.name_str()))),
    }
}

/// Adds wrappers for the slots `t` defines itself (not inherited), unless the dict has
/// an entry already (a method with the same name wins).
pub fn add_operators(
    vm: &Vm,
    t: &PyRef<PyType>,
    own: &crate::object::typeobj::Slots,
    base: Option<&crate::object::typeobj::Slots>,
) {
    let differs = |a: Option<usize>, b: Option<usize>| a.is_some() && a != b;
    let addr = |f: Option<WrapperFn>| f.map(|f| f as usize);
    let _ = addr;
    let add = |name: &'static str, w: WrapperFn| {
        let key = vm.intern(name);
        if t.dict.get_str(&key).is_none() {
            let d = vm.new_wrapper_descriptor(name, w, t);
            t.dict.set_str(key, d);
        }
    };
    macro_rules! fnp {
        ($e:expr) => {
            $e.map(|f| f as usize)
        };
    }
    let b = base.copied().unwrap_or_default();
    for op in NbOp::ALL {
        let i = op as usize;
        if differs(fnp!(own.nb_binary[i]), fnp!(b.nb_binary[i])) && op != NbOp::Power {
            let (f, rf) = BINARY_WRAPPERS[i];
            add(op.dunder(), f);
            add(op.rdunder(), rf);
        }
    }
    let _ = (w_pow_unused, w_rpow_unused);
    for op in NbOp::ALL {
        let i = op as usize;
        if differs(fnp!(own.nb_inplace[i]), fnp!(b.nb_inplace[i])) {
            add(op.idunder(), INPLACE_WRAPPERS[i]);
        }
    }
    // sequence slots after the number slots: a number wrapper of the same name wins
    if differs(fnp!(own.sq_concat), fnp!(b.sq_concat)) {
        add("__add__", w_sq_concat);
    }
    if differs(fnp!(own.sq_repeat), fnp!(b.sq_repeat)) {
        add("__mul__", w_sq_repeat);
        add("__rmul__", w_sq_rrepeat);
    }
    if differs(fnp!(own.sq_inplace_concat), fnp!(b.sq_inplace_concat)) {
        add("__iadd__", w_sq_iconcat);
    }
    if differs(fnp!(own.sq_inplace_repeat), fnp!(b.sq_inplace_repeat)) {
        add("__imul__", w_sq_irepeat);
    }
    if differs(fnp!(own.nb_power), fnp!(b.nb_power)) {
        add("__pow__", w_pow);
        add("__rpow__", w_rpow);
    }
    if differs(fnp!(own.nb_divmod), fnp!(b.nb_divmod)) {
        add("__divmod__", w_divmod);
        add("__rdivmod__", w_rdivmod);
    }
    if differs(fnp!(own.richcompare), fnp!(b.richcompare)) {
        add("__lt__", w_lt);
        add("__le__", w_le);
        add("__eq__", w_eq);
        add("__ne__", w_ne);
        add("__gt__", w_gt);
        add("__ge__", w_ge);
    }
    macro_rules! one {
        ($field:ident, $name:literal, $w:expr) => {
            if differs(fnp!(own.$field), fnp!(b.$field)) {
                add($name, $w);
            }
        };
    }
    one!(nb_negative, "__neg__", w_neg);
    one!(nb_positive, "__pos__", w_pos);
    one!(nb_absolute, "__abs__", w_abs);
    one!(nb_invert, "__invert__", w_invert);
    one!(nb_int, "__int__", w_int);
    one!(nb_float, "__float__", w_float);
    one!(nb_index, "__index__", w_index);
    one!(nb_bool, "__bool__", w_bool);
    one!(repr, "__repr__", w_repr);
    one!(str, "__str__", w_str);
    one!(iter, "__iter__", w_iter);
    one!(iternext, "__next__", w_next);
    one!(mp_subscript, "__getitem__", w_getitem);
    if differs(fnp!(own.mp_ass_subscript), fnp!(b.mp_ass_subscript)) {
        add("__setitem__", w_setitem);
        add("__delitem__", w_delitem);
    }
    one!(sq_contains, "__contains__", w_contains);
    if differs(
        fnp!(own.sq_length.or(own.mp_length)),
        fnp!(b.sq_length.or(b.mp_length)),
    ) {
        add("__len__", w_len);
    }
    one!(call, "__call__", w_call);
    one!(descr_get, "__get__", w_get);
    if differs(fnp!(own.descr_set), fnp!(b.descr_set)) {
        add("__set__", w_set);
        add("__delete__", w_delete);
    }
    one!(init, "__init__", w_init);
    one!(getattro, "__getattribute__", w_getattribute);
    if differs(fnp!(own.setattro), fnp!(b.setattro)) {
        add("__setattr__", w_setattr);
        add("__delattr__", w_delattr);
    }
    if differs(fnp!(own.hash), fnp!(b.hash)) {
        add("__hash__", w_hash);
    }
    if own.hash_none && t.dict.get_str(&vm.names.__hash__).is_none() {
        t.dict.set_str(vm.names.__hash__.clone(), vm.none());
    }
    if differs(fnp!(own.new), fnp!(b.new)) {
        let key = vm.names.__new__.clone();
        if t.dict.get_str(&key).is_none() {
            let d = crate::object::alloc::alloc(
                &vm.types.builtin_function,
                PyBuiltinFunction {
                    ob: crate::object::header(),
                    name: "__new__",
                    func: |vm, _, _| Err(vm.new_system_error("bad __new__")),
                    self_: None,
                    owner: Some(t.clone()),
                    module: None,
                    kind: MethodKind::Static,
                    doc: None,
                    wrapper: Some(w_new),
                },
            );
            t.dict.set_str(key, d.into_object());
        }
    }
}
