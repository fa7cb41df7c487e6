//! The number, sequence, mapping and iterator slots of the weakref proxy types (the
//! `proxy_*` wrappers of `Objects/weakrefobject.c`): each replaces proxy operands by their
//! referents and applies the abstract operation to those, so `p + 1`, `len(p)`, `p[k]`,
//! `iter(p)`, `int(p)`... behave as on the referent (a dead referent raises
//! `ReferenceError`).

use crate::error::PyResult;
use crate::object::typeobj::{NbOp, Slots};
use crate::object::{PyObject, PyRef, PyType, Slot};
use crate::objects::descr::MethodDef;
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;

use super::weakref::{Kind, as_weakref, kind, target};

/// The referent of a proxy operand; any other object as it is (`UNWRAP`).
fn unwrap(vm: &Vm, o: &PyObject) -> PyResult<PyRef> {
    if matches!(kind(o), Some(Kind::Proxy | Kind::CallableProxy)) {
        return as_weakref(o)
            .and_then(target)
            .ok_or_else(|| super::weakref::dead_error(vm));
    }
    Ok(o.to_owned())
}

macro_rules! binary {
    ($($name:ident, $iname:ident, $op:ident;)*) => {
        $(
            fn $name(vm: &Vm, a: &PyObject, b: &PyObject) -> PyResult {
                let (a, b) = (unwrap(vm, a)?, unwrap(vm, b)?);
                crate::ops::number::plain_op(vm, &a, &b, NbOp::$op)
            }
            fn $iname(vm: &Vm, a: &PyObject, b: &PyObject) -> PyResult {
                let (a, b) = (unwrap(vm, a)?, unwrap(vm, b)?);
                crate::ops::number::inplace_op(vm, &a, &b, NbOp::$op)
            }
        )*
        fn install_binary(s: &mut Slots) {
            $(
                s.nb_binary[NbOp::$op as usize] = Some($name);
                s.nb_inplace[NbOp::$op as usize] = Some($iname);
            )*
        }
    };
}

binary! {
    proxy_add, proxy_iadd, Add;
    proxy_and, proxy_iand, And;
    proxy_floor_div, proxy_ifloor_div, FloorDivide;
    proxy_lshift, proxy_ilshift, Lshift;
    proxy_matmul, proxy_imatmul, MatrixMultiply;
    proxy_mul, proxy_imul, Multiply;
    proxy_mod, proxy_imod, Remainder;
    proxy_or, proxy_ior, Or;
    proxy_pow2, proxy_ipow, Power;
    proxy_rshift, proxy_irshift, Rshift;
    proxy_sub, proxy_isub, Subtract;
    proxy_true_div, proxy_itrue_div, TrueDivide;
    proxy_xor, proxy_ixor, Xor;
}

fn proxy_pow(vm: &Vm, a: &PyObject, b: &PyObject, c: &PyObject) -> PyResult {
    let (a, b, c) = (unwrap(vm, a)?, unwrap(vm, b)?, unwrap(vm, c)?);
    crate::ops::number::ternary_power(vm, &a, &b, &c)
}

/// A builtin of the running VM, by name.
fn builtin(vm: &Vm, name: &str) -> PyResult<PyRef> {
    // SAFETY: set at start-up, read only afterwards.
    let Some(b) = (unsafe { (*vm.builtins_module.get()).clone() }) else {
        return Err(vm.new_system_error("no builtins module"));
    };
    crate::ops::get_attr(vm, &b, &vm.intern(name))
}

fn proxy_divmod(vm: &Vm, a: &PyObject, b: &PyObject) -> PyResult {
    let (a, b) = (unwrap(vm, a)?, unwrap(vm, b)?);
    let f = builtin(vm, "divmod")?;
    crate::ops::call(vm, &f, &[a, b], None)
}

macro_rules! unary {
    ($($name:ident => $f:path;)*) => {
        $(
            fn $name(vm: &Vm, o: &PyObject) -> PyResult {
                let o = unwrap(vm, o)?;
                $f(vm, &o)
            }
        )*
    };
}

unary! {
    proxy_neg => crate::ops::number::negative;
    proxy_pos => crate::ops::number::positive;
    proxy_abs => crate::ops::number::absolute;
    proxy_invert => crate::ops::number::invert;
    proxy_int => crate::ops::number::to_int;
    proxy_iter => crate::ops::iter;
}

fn proxy_float(vm: &Vm, o: &PyObject) -> PyResult {
    let o = unwrap(vm, o)?;
    let f = builtin(vm, "float")?;
    crate::ops::call(vm, &f, &[o], None)
}

fn proxy_index(vm: &Vm, o: &PyObject) -> PyResult {
    let o = unwrap(vm, o)?;
    match o.type_().slots().nb_index {
        Some(f) => {
            let r = f(vm, &o)?;
            if !r.type_().is_subtype(&vm.types.int) {
                return Err(vm.new_type_error(format!(
                    "__index__ returned non-int (type {})",
                    r.type_().name_str()
                )));
            }
            Ok(r)
        }
        None => Err(vm.new_type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            o.type_().name_str()
        ))),
    }
}

fn proxy_len(vm: &Vm, o: &PyObject) -> PyResult<usize> {
    let o = unwrap(vm, o)?;
    crate::ops::len(vm, &o)
}

fn proxy_getitem(vm: &Vm, o: &PyObject, k: &PyObject) -> PyResult {
    let o = unwrap(vm, o)?;
    crate::ops::getitem(vm, &o, k)
}

fn proxy_setitem(vm: &Vm, o: &PyObject, k: &PyObject, v: Slot) -> PyResult<()> {
    let o = unwrap(vm, o)?;
    match v {
        Some(v) => crate::ops::setitem(vm, &o, k, v),
        None => crate::ops::delitem(vm, &o, k),
    }
}

fn proxy_contains(vm: &Vm, o: &PyObject, x: &PyObject) -> PyResult<bool> {
    let o = unwrap(vm, o)?;
    crate::ops::contains(vm, &o, x)
}

/// `proxy_iternext`: the referent must be an iterator.
fn proxy_iternext(vm: &Vm, o: &PyObject) -> PyResult<Option<PyRef>> {
    let o = unwrap(vm, o)?;
    if o.type_().slots().iternext.is_none() {
        return Err(vm.new_type_error(format!(
            "Weakref proxy referenced a non-iterator '{}' object",
            o.type_().name_str()
        )));
    }
    crate::ops::next(vm, &o)
}

fn proxy_bytes(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let o = unwrap(
        vm,
        a.first()
            .ok_or_else(|| vm.new_type_error("__bytes__ needs self"))?,
    )?;
    let f = builtin(vm, "bytes")?;
    crate::ops::call(vm, &f, &[o], None)
}

fn proxy_reversed(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let o = unwrap(
        vm,
        a.first()
            .ok_or_else(|| vm.new_type_error("__reversed__ needs self"))?,
    )?;
    let f = builtin(vm, "reversed")?;
    crate::ops::call(vm, &f, &[o], None)
}

/// Installs the forwarding slots and methods on a proxy type.
pub fn install(vm: &Vm, t: &PyRef<PyType>) {
    t.update_slots(|s| {
        install_binary(s);
        s.nb_binary[NbOp::Power as usize] = Some(proxy_pow2);
        s.nb_power = Some(proxy_pow);
        s.nb_divmod = Some(proxy_divmod);
        s.nb_negative = Some(proxy_neg);
        s.nb_positive = Some(proxy_pos);
        s.nb_absolute = Some(proxy_abs);
        s.nb_invert = Some(proxy_invert);
        s.nb_int = Some(proxy_int);
        s.nb_float = Some(proxy_float);
        s.nb_index = Some(proxy_index);
        s.mp_length = Some(proxy_len);
        s.mp_subscript = Some(proxy_getitem);
        s.mp_ass_subscript = Some(proxy_setitem);
        s.sq_contains = Some(proxy_contains);
        s.iter = Some(proxy_iter);
        s.iternext = Some(proxy_iternext);
    });
    vm.add_methods(
        t,
        &[
            MethodDef::method("__bytes__", proxy_bytes),
            MethodDef::method("__reversed__", proxy_reversed),
        ],
    );
}
