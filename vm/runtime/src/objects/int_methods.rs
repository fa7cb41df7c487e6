//! `int` type: constructor, slots wiring and methods.

use super::int::*;
use super::intval::{Int, parse_int};
use crate::argparse;
use crate::error::PyResult;
use crate::object::typeobj::NbOp;
use crate::object::{PyObject, PyRef, PyType};
use crate::objects::descr::MethodDef;
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;
use num_bigint::{BigInt, Sign};

/// Parses text for `int(s, base)` with CPython's errors (whitespace, underscores, the
/// digit limit).
pub fn int_from_str(vm: &Vm, text: &str, base: u32, orig: &PyObject) -> PyResult<Int> {
    // `_PyUnicode_TransformDecimalAndSpaceToASCII`: Unicode decimal digits count.
    let ascii: String;
    let text = if text.is_ascii() {
        text
    } else {
        ascii = text
            .chars()
            .map(|c| match crate::objects::str_digits::decimal(c) {
                Some(d) if !c.is_ascii() => char::from(b'0' + d as u8),
                _ if c.is_whitespace() => ' ',
                _ => c,
            })
            .collect();
        &ascii
    };
    let t = text.trim_matches(|c: char| c.is_whitespace());
    let digits = t.trim_start_matches(['+', '-']).len();
    if base != 0
        && (base & (base - 1)) != 0
        && digits > vm.int_max_str_digits()
        && vm.int_max_str_digits() > 0
    {
        return Err(vm.new_value_error(format!(
            "Exceeds the limit ({} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            vm.int_max_str_digits(),
            digits
        )));
    }
    match parse_int(t, base) {
        Some((v, b)) => {
            if b != 0
                && (b & (b - 1)) != 0
                && digits > vm.int_max_str_digits()
                && vm.int_max_str_digits() > 0
            {
                return Err(vm.new_value_error(format!(
                    "Exceeds the limit ({} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
                    vm.int_max_str_digits(),
                    digits
                )));
            }
            Ok(v)
        }
        None => Err(vm.new_value_error(format!(
            "invalid literal for int() with base {}: {}",
            base,
            crate::ops::repr_string(vm, orig)?
        ))),
    }
}

fn int_new(vm: &Vm, t: &PyRef<PyType>, args: &[PyRef], kw: Option<&PyTuple>) -> PyResult {
    let a = argparse::bind(vm, "int", args, kw, &["", "base"], 0, 1, 2)?;
    let v: Int = match (&a[0], &a[1]) {
        (None, None) => Int::Small(0),
        (None, Some(_)) => return Err(vm.new_type_error("int() missing string argument")),
        (Some(x), None) => {
            if let Some(s) = x.downcast_ref::<PyStr>() {
                int_from_str(vm, &s.as_cow(), 10, x)?
            } else if let Some(b) = crate::objects::bytes::bytes_like(x) {
                int_from_str(vm, &String::from_utf8_lossy(&b), 10, x)?
            } else if let Some(b) = crate::objects::memoryview::memoryview_bytes(x) {
                // A buffer is copied to bytes first (`PyNumber_Long`), so errors show
                // the bytes.
                let copy = vm.new_bytes(b.clone());
                int_from_str(vm, &String::from_utf8_lossy(&b), 10, &copy)?
            } else {
                let r = crate::ops::number::to_int(vm, x)?;
                if t.is(&vm.types.int) {
                    if r.is_type(&vm.types.int) {
                        return Ok(r);
                    }
                }
                int_value(&r).cloned().unwrap_or(Int::Small(0))
            }
        }
        (Some(x), Some(b)) => {
            let base = argparse::to_i64(vm, b)?;
            if base != 0 && !(2..=36).contains(&base) {
                return Err(vm.new_value_error("int() base must be >= 2 and <= 36, or 0"));
            }
            if let Some(s) = x.downcast_ref::<PyStr>() {
                int_from_str(vm, &s.as_cow(), base as u32, x)?
            } else if let Some(bb) = crate::objects::bytes::bytes_like(x) {
                int_from_str(vm, &String::from_utf8_lossy(&bb), base as u32, x)?
            } else {
                return Err(vm.new_type_error("int() can't convert non-string with explicit base"));
            }
        }
    };
    if t.is(&vm.types.int) {
        Ok(vm.new_int_value(v))
    } else {
        Ok(vm.new_int_of_type(t, v))
    }
}

fn self_int<'a>(vm: &Vm, a: &'a [PyRef]) -> PyResult<&'a Int> {
    a.first()
        .and_then(|o| int_value(o))
        .ok_or_else(|| vm.new_type_error("descriptor requires an 'int' object"))
}

fn bit_length(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "bit_length", &a[1..], k, 0)?;
    Ok(vm.new_int(self_int(vm, a)?.bit_length() as i64))
}
fn bit_count(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "bit_count", &a[1..], k, 0)?;
    let v = self_int(vm, a)?.to_big();
    let n: u64 = v
        .magnitude()
        .to_u64_digits()
        .iter()
        .map(|d| u64::from(d.count_ones()))
        .sum();
    Ok(vm.new_int(n as i64))
}
fn conjugate(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    Ok(vm.new_int_value(self_int(vm, a)?.clone()))
}
fn as_integer_ratio(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    Ok(vm
        .new_tuple(vec![
            vm.new_int_value(self_int(vm, a)?.clone()),
            vm.new_int(1),
        ])
        .into_object())
}
fn int_format(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    if a.len() != 2 {
        return Err(vm.new_type_error("__format__ expects 1 argument"));
    }
    let spec = argparse::to_str(vm, "__format__", &a[1], "argument")?;
    let v = self_int(vm, a)?;
    if spec.byte_len() == 0 {
        return Ok(crate::ops::str(vm, &a[0])?.into_object());
    }
    crate::objects::str_format::format_int(vm, v, &spec.as_cow())
}
fn int_round(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let v = self_int(vm, a)?.clone();
    let Some(nd) = a.get(1).filter(|n| !vm.is_none(n)) else {
        return Ok(vm.new_int_value(v));
    };
    let nd = crate::ops::number::index(vm, nd)?;
    if !nd.is_negative() {
        return Ok(vm.new_int_value(v));
    }
    // round to 10**(-nd), half to even
    let Some(e) = nd.neg().as_i64() else {
        return Ok(vm.new_int(0));
    };
    if e > 10000 {
        return Ok(vm.new_int(0));
    }
    let p = Int::Small(10).pow_u(e as u64);
    let (q, r) = (
        v.floordiv(&p).unwrap_or(Int::Small(0)),
        v.modulo(&p).unwrap_or(Int::Small(0)),
    );
    let twice = r.mul(&Int::Small(2));
    let q = match twice.cmp(&p) {
        std::cmp::Ordering::Greater => q.add(&Int::Small(1)),
        std::cmp::Ordering::Equal => {
            if q.modulo(&Int::Small(2)).is_some_and(|m| !m.is_zero()) {
                q.add(&Int::Small(1))
            } else {
                q
            }
        }
        std::cmp::Ordering::Less => q,
    };
    Ok(vm.new_int_value(q.mul(&p)))
}
fn int_trunc(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    Ok(vm.new_int_value(self_int(vm, a)?.clone()))
}
fn to_bytes(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    let v = self_int(vm, a)?.to_big();
    let p = argparse::bind(
        vm,
        "to_bytes",
        &a[1..],
        k,
        &["length", "byteorder", "signed"],
        0,
        0,
        2,
    )?;
    let length = match &p[0] {
        Some(l) => argparse::to_isize(vm, l)?,
        None => 1,
    };
    if length < 0 {
        return Err(vm.new_value_error("length argument must be non-negative"));
    }
    let little = match &p[1] {
        Some(b) => match b.downcast_ref::<PyStr>().map(|s| s.to_string_lossy()) {
            Some(s) if s == "little" => true,
            Some(s) if s == "big" => false,
            _ => return Err(vm.new_value_error("byteorder must be either 'little' or 'big'")),
        },
        None => false,
    };
    let signed = match &p[2] {
        Some(s) => crate::ops::is_true(vm, s)?,
        None => false,
    };
    if !signed && v.sign() == Sign::Minus {
        return Err(vm.new_overflow_error("can't convert negative int to unsigned"));
    }
    let mut bytes = if signed {
        v.to_signed_bytes_le()
    } else {
        v.to_bytes_le().1
    };
    if v == BigInt::from(0) {
        bytes.clear();
    }
    let length = length as usize;
    if bytes.len() > length {
        // to_signed_bytes may include a sign byte that is redundant
        return Err(vm.new_overflow_error("int too big to convert"));
    }
    let fill = if signed && v.sign() == Sign::Minus {
        0xff
    } else {
        0
    };
    bytes.resize(length, fill);
    if !little {
        bytes.reverse();
    }
    Ok(vm.new_bytes(bytes))
}
fn from_bytes(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    let cls = a[0].clone();
    let p = argparse::bind(
        vm,
        "from_bytes",
        &a[1..],
        k,
        &["bytes", "byteorder", "signed"],
        1,
        0,
        2,
    )?;
    let data = match &p[0] {
        Some(b) => match crate::objects::bytes::bytes_like(b) {
            Some(d) => d,
            None => crate::ops::collect(vm, b)?
                .iter()
                .map(|x| argparse::to_i64(vm, x).map(|v| v as u8))
                .collect::<PyResult<Vec<u8>>>()?,
        },
        None => vec![],
    };
    let little = match &p[1] {
        Some(b) => match b.downcast_ref::<PyStr>().map(|s| s.to_string_lossy()) {
            Some(s) if s == "little" => true,
            Some(s) if s == "big" => false,
            _ => return Err(vm.new_value_error("byteorder must be either 'little' or 'big'")),
        },
        None => false,
    };
    let signed = match &p[2] {
        Some(s) => crate::ops::is_true(vm, s)?,
        None => false,
    };
    let v = if little {
        if signed {
            BigInt::from_signed_bytes_le(&data)
        } else {
            BigInt::from_bytes_le(Sign::Plus, &data)
        }
    } else if signed {
        BigInt::from_signed_bytes_be(&data)
    } else {
        BigInt::from_bytes_be(Sign::Plus, &data)
    };
    let r = vm.new_bigint(v);
    if cls.is(&vm.types.int) {
        return Ok(r);
    }
    crate::ops::call(vm, &cls, &[r], None)
}
fn getnewargs(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    Ok(vm
        .new_tuple(vec![vm.new_int_value(self_int(vm, a)?.clone())])
        .into_object())
}

fn get_real(vm: &Vm, o: &PyObject) -> PyResult {
    Ok(vm.new_int_value(int_value(o).cloned().unwrap_or(Int::Small(0))))
}
fn get_zero(vm: &Vm, _o: &PyObject) -> PyResult {
    Ok(vm.new_int(0))
}
fn get_one(vm: &Vm, _o: &PyObject) -> PyResult {
    Ok(vm.new_int(1))
}

pub fn init(vm: &Vm) {
    let t = &vm.types.int;
    t.update_slots(|s| {
        s.nb_binary[NbOp::Add as usize] = Some(int_add);
        s.nb_binary[NbOp::Subtract as usize] = Some(int_sub);
        s.nb_binary[NbOp::Multiply as usize] = Some(int_mul);
        s.nb_binary[NbOp::FloorDivide as usize] = Some(int_floordiv);
        s.nb_binary[NbOp::Remainder as usize] = Some(int_mod);
        s.nb_binary[NbOp::TrueDivide as usize] = Some(int_truediv);
        s.nb_binary[NbOp::And as usize] = Some(int_and);
        s.nb_binary[NbOp::Or as usize] = Some(int_or);
        s.nb_binary[NbOp::Xor as usize] = Some(int_xor);
        s.nb_binary[NbOp::Lshift as usize] = Some(int_lshift);
        s.nb_binary[NbOp::Rshift as usize] = Some(int_rshift);
        s.nb_divmod = Some(int_divmod);
        s.nb_power = Some(int_pow);
        s.nb_negative = Some(int_neg);
        s.nb_positive = Some(int_pos);
        s.nb_absolute = Some(int_abs);
        s.nb_invert = Some(int_invert);
        s.nb_bool = Some(int_bool);
        s.nb_int = Some(int_int);
        s.nb_index = Some(int_int);
        s.nb_float = Some(int_float);
        s.hash = Some(int_hash);
        s.repr = Some(int_repr);
        s.richcompare = Some(int_richcompare);
        s.new = Some(int_new);
    });
    vm.add_methods(
        t,
        &[
            MethodDef::method("bit_length", bit_length),
            MethodDef::method("bit_count", bit_count),
            MethodDef::method("conjugate", conjugate),
            MethodDef::method("as_integer_ratio", as_integer_ratio),
            MethodDef::method("__format__", int_format),
            MethodDef::method("__round__", int_round),
            MethodDef::method("__trunc__", int_trunc),
            MethodDef::method("__floor__", int_trunc),
            MethodDef::method("__ceil__", int_trunc),
            MethodDef::method("to_bytes", to_bytes),
            MethodDef::class("from_bytes", from_bytes),
            MethodDef::method("__getnewargs__", getnewargs),
        ],
    );
    vm.add_getset(t, "real", get_real, None);
    vm.add_getset(t, "imag", get_zero, None);
    vm.add_getset(t, "numerator", get_real, None);
    vm.add_getset(t, "denominator", get_one, None);
}
