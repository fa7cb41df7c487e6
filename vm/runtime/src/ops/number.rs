//! Number protocol: `binary_op1`/`binary_iop1`/`ternary_op` dispatch with reflected
//! operands and subclass priority, sequence concat/repeat fallbacks, unary ops, `__index__`.

use crate::error::PyResult;
use crate::object::PyObject;
use crate::object::typeobj::{BinaryFn, NbOp};
use crate::objects::intval::Int;
use crate::vm::Vm;

/// `binary_op1`: tries `type(v)`'s and `type(w)`'s slot (subclass first).
pub fn binary_op1(vm: &Vm, v: &PyObject, w: &PyObject, op: NbOp) -> PyResult {
    let tv = v.type_();
    let tw = w.type_();
    let slotv = tv.slots().nb_binary[op as usize];
    let mut slotw = None;
    if !std::ptr::eq(tv, tw) {
        slotw = tw.slots().nb_binary[op as usize];
        if let (Some(a), Some(b)) = (slotv, slotw) {
            if std::ptr::fn_addr_eq(a, b) {
                slotw = None;
            }
        }
    }
    if let Some(sv) = slotv {
        if let Some(sw) = slotw {
            if tw.is_subtype(tv) {
                let x = sw(vm, v, w)?;
                if !vm.is_not_implemented(&x) {
                    return Ok(x);
                }
                slotw = None;
            }
        }
        let x = sv(vm, v, w)?;
        if !vm.is_not_implemented(&x) {
            return Ok(x);
        }
    }
    if let Some(sw) = slotw {
        return sw(vm, v, w);
    }
    Ok(vm.not_implemented())
}

/// `PyNumber_<op>` for a `BINARY_OP` oparg (0..=12 plain, 13..=25 in-place).
pub fn binary_op(vm: &Vm, v: &PyObject, w: &PyObject, oparg: u32) -> PyResult {
    let inplace = oparg >= 13;
    let Some(op) = NbOp::from_index((oparg % 13) as usize) else {
        return Err(vm.new_system_error("bad BINARY_OP oparg"));
    };
    if inplace {
        inplace_op(vm, v, w, op)
    } else {
        plain_op(vm, v, w, op)
    }
}

fn type_error(vm: &Vm, v: &PyObject, w: &PyObject, op: NbOp, inplace: bool) -> crate::error::PyErr {
    let sym = if inplace {
        format!("{}=", op.symbol())
    } else {
        op.symbol().to_string()
    };
    if op == NbOp::Power && !inplace {
        return vm.new_type_error(format!(
            "unsupported operand type(s) for ** or pow(): '{}' and '{}'",
            v.type_().name_str(),
            w.type_().name_str()
        ));
    }
    if op == NbOp::Power {
        return vm.new_type_error(format!(
            "unsupported operand type(s) for **=: '{}' and '{}'",
            v.type_().name_str(),
            w.type_().name_str()
        ));
    }
    if op == NbOp::Rshift
        && v.type_().name_str() == "builtin_function_or_method"
        && v.to_owned()
            .downcast_ref::<crate::objects::descr::PyBuiltinFunction>()
            .is_some_and(|f| f.name == "print")
    {
        return vm.new_type_error(format!(
            "unsupported operand type(s) for >>: '{}' and '{}'. Did you mean \"print(<message>, file=<output_stream>)\"?",
            v.type_().name_str(),
            w.type_().name_str()
        ));
    }
    vm.new_binop_type_error(&sym, v, w)
}

/// Plain binary operator with the sequence fallbacks.
pub fn plain_op(vm: &Vm, v: &PyObject, w: &PyObject, op: NbOp) -> PyResult {
    if op == NbOp::Power {
        return ternary_power(vm, v, w, &vm.none);
    }
    let r = binary_op1(vm, v, w, op)?;
    if !vm.is_not_implemented(&r) {
        return Ok(r);
    }
    match op {
        NbOp::Add => {
            if let Some(f) = v.type_().slots().sq_concat {
                return f(vm, v, w);
            }
        }
        NbOp::Multiply => {
            if let Some(f) = v.type_().slots().sq_repeat {
                return sequence_repeat(vm, f, v, w);
            }
            if let Some(f) = w.type_().slots().sq_repeat {
                return sequence_repeat(vm, f, w, v);
            }
        }
        _ => {}
    }
    Err(type_error(vm, v, w, op, false))
}

fn sequence_repeat(vm: &Vm, f: BinaryFn, seq: &PyObject, n: &PyObject) -> PyResult {
    if n.type_().slots().nb_index.is_none() {
        return Err(vm.new_type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            n.type_().name_str()
        )));
    }
    f(vm, seq, n)
}

/// In-place operator (`binary_iop1` and the sequence fallbacks).
pub fn inplace_op(vm: &Vm, v: &PyObject, w: &PyObject, op: NbOp) -> PyResult {
    if let Some(f) = v.type_().slots().nb_inplace[op as usize] {
        let x = f(vm, v, w)?;
        if !vm.is_not_implemented(&x) {
            return Ok(x);
        }
    }
    let r = if op == NbOp::Power {
        ternary_op1(vm, v, w, &vm.none)?
    } else {
        binary_op1(vm, v, w, op)?
    };
    if !vm.is_not_implemented(&r) {
        return Ok(r);
    }
    match op {
        NbOp::Add => {
            let s = v.type_().slots();
            if let Some(f) = s.sq_inplace_concat.or(s.sq_concat) {
                return f(vm, v, w);
            }
        }
        NbOp::Multiply => {
            let s = v.type_().slots();
            if let Some(f) = s.sq_inplace_repeat.or(s.sq_repeat) {
                return sequence_repeat(vm, f, v, w);
            }
            if let Some(f) = w.type_().slots().sq_repeat {
                return sequence_repeat(vm, f, w, v);
            }
        }
        _ => {}
    }
    Err(type_error(vm, v, w, op, true))
}

fn ternary_op1(vm: &Vm, v: &PyObject, w: &PyObject, z: &PyObject) -> PyResult {
    let tv = v.type_();
    let tw = w.type_();
    let slotv = tv.slots().nb_power;
    let mut slotw = None;
    if !std::ptr::eq(tv, tw) {
        slotw = tw.slots().nb_power;
        if let (Some(a), Some(b)) = (slotv, slotw) {
            if std::ptr::fn_addr_eq(a, b) {
                slotw = None;
            }
        }
    }
    if let Some(sv) = slotv {
        if let Some(sw) = slotw {
            if tw.is_subtype(tv) {
                let x = sw(vm, v, w, z)?;
                if !vm.is_not_implemented(&x) {
                    return Ok(x);
                }
                slotw = None;
            }
        }
        let x = sv(vm, v, w, z)?;
        if !vm.is_not_implemented(&x) {
            return Ok(x);
        }
    }
    if let Some(sw) = slotw {
        let x = sw(vm, v, w, z)?;
        if !vm.is_not_implemented(&x) {
            return Ok(x);
        }
    }
    if !vm.is_none(z) {
        if let Some(sz) = z.type_().slots().nb_power {
            let sv_same = slotv.is_some_and(|a| std::ptr::fn_addr_eq(a, sz));
            let sw_same = slotw.is_some_and(|a| std::ptr::fn_addr_eq(a, sz));
            if !sv_same && !sw_same {
                return sz(vm, v, w, z);
            }
        }
    }
    Ok(vm.not_implemented())
}

/// `pow(v, w, z)` / `v ** w`.
pub fn ternary_power(vm: &Vm, v: &PyObject, w: &PyObject, z: &PyObject) -> PyResult {
    let r = ternary_op1(vm, v, w, z)?;
    if !vm.is_not_implemented(&r) {
        return Ok(r);
    }
    if vm.is_none(z) {
        Err(vm.new_type_error(format!(
            "unsupported operand type(s) for ** or pow(): '{}' and '{}'",
            v.type_().name_str(),
            w.type_().name_str()
        )))
    } else {
        Err(vm.new_type_error(format!(
            "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
            v.type_().name_str(),
            w.type_().name_str(),
            z.type_().name_str()
        )))
    }
}

macro_rules! unary {
    ($name:ident, $slot:ident, $sym:literal) => {
        pub fn $name(vm: &Vm, o: &PyObject) -> PyResult {
            match o.type_().slots().$slot {
                Some(f) => f(vm, o),
                None => Err(vm.new_type_error(format!(
                    concat!("bad operand type for ", $sym, ": '{}'"),
                    o.type_().name_str()
                ))),
            }
        }
    };
}

unary!(negative, nb_negative, "unary -");
unary!(positive, nb_positive, "unary +");
unary!(invert, nb_invert, "unary ~");
unary!(absolute, nb_absolute, "abs()");

/// `PyNumber_Index` as an `Int`; `Ok(None)` when the object has no `__index__`.
pub fn try_index(vm: &Vm, o: &PyObject) -> PyResult<Option<Int>> {
    if let Some(i) = crate::objects::int::int_value(o) {
        return Ok(Some(i.clone()));
    }
    let Some(f) = o.type_().slots().nb_index else {
        return Ok(None);
    };
    let r = f(vm, o)?;
    match crate::objects::int::int_value(&r) {
        Some(i) => Ok(Some(i.clone())),
        None => Err(vm.new_type_error(format!(
            "__index__ returned non-int (type {})",
            r.type_().name_str()
        ))),
    }
}

/// `PyNumber_Index` with CPython's error.
pub fn index(vm: &Vm, o: &PyObject) -> PyResult<Int> {
    match try_index(vm, o)? {
        Some(i) => Ok(i),
        None => Err(vm.new_type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            o.type_().name_str()
        ))),
    }
}

/// `PyNumber_AsSsize_t(o, IndexError)`-style conversion for indices.
pub fn index_isize(vm: &Vm, o: &PyObject) -> PyResult<isize> {
    let i = index(vm, o)?;
    match i.as_i64() {
        Some(v) if v >= isize::MIN as i64 && v <= isize::MAX as i64 => Ok(v as isize),
        _ => Err(vm.new_index_error(format!(
            "cannot fit '{}' into an index-sized integer",
            o.type_().name_str()
        ))),
    }
}

/// As `index_isize` but raising OverflowError (`PyNumber_AsSsize_t(o, OverflowError)`).
pub fn as_ssize(vm: &Vm, o: &PyObject) -> PyResult<isize> {
    let i = index(vm, o)?;
    match i.as_i64() {
        Some(v) => Ok(v as isize),
        None => Err(vm.new_overflow_error("Python int too large to convert to C ssize_t")),
    }
}

/// `int(o)` (`PyNumber_Long`) for objects other than str/bytes.
pub fn to_int(vm: &Vm, o: &PyObject) -> PyResult {
    let s = o.type_().slots();
    if let Some(f) = s.nb_int {
        let r = f(vm, o)?;
        if !r.type_().is_subtype(&vm.types.int) {
            return Err(vm.new_type_error(format!(
                "__int__ returned non-int (type {})",
                r.type_().name_str()
            )));
        }
        return Ok(r);
    }
    if let Some(f) = s.nb_index {
        return f(vm, o);
    }
    if let Some(m) = crate::objects::typeobject::lookup_special(vm, o, &vm.intern("__trunc__")) {
        let r = crate::ops::call(vm, &m, &[], None)?;
        if r.type_().is_subtype(&vm.types.int) {
            return Ok(r);
        }
        return to_int(vm, &r);
    }
    Err(vm.new_type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        o.type_().name_str()
    )))
}

/// `float(o)` (`PyNumber_Float`) for non-str objects; returns the value.
pub fn to_f64(vm: &Vm, o: &PyObject) -> PyResult<f64> {
    if let Some(f) = crate::objects::float::float_value(o) {
        return Ok(f);
    }
    let s = o.type_().slots();
    if let Some(f) = s.nb_float {
        let r = f(vm, o)?;
        return match crate::objects::float::float_value(&r) {
            Some(v) => Ok(v),
            None => Err(vm.new_type_error(format!(
                "{}.__float__ returned non-float (type {})",
                o.type_().name_str(),
                r.type_().name_str()
            ))),
        };
    }
    if s.nb_index.is_some() {
        let i = index(vm, o)?;
        return i
            .to_f64()
            .ok_or_else(|| vm.new_overflow_error("int too large to convert to float"));
    }
    Err(vm.new_type_error(format!("must be real number, not {}", o.type_().name_str())))
}
