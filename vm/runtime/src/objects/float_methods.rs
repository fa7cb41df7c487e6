//! `float` and `complex` types: constructors, slots wiring and methods.

use super::float::*;
use crate::argparse;
use crate::error::PyResult;
use crate::object::typeobj::NbOp;
use crate::object::{PyObject, PyRef, PyType};
use crate::objects::complex::*;
use crate::objects::descr::MethodDef;
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;
use num_bigint::BigInt;

/// Parses `float(s)` text as CPython does (whitespace, underscores, inf/nan words).
pub fn parse_float_text(s: &str) -> Option<f64> {
    let t = s.trim();
    let lower = t.to_ascii_lowercase();
    let (sign, body) = match lower.strip_prefix('-') {
        Some(r) => (-1.0, r),
        None => (1.0, lower.strip_prefix('+').unwrap_or(&lower)),
    };
    match body {
        "inf" | "infinity" => return Some(sign * f64::INFINITY),
        "nan" => return Some(if sign < 0.0 { -f64::NAN } else { f64::NAN }),
        _ => {}
    }
    if body.is_empty() || body.starts_with('_') || body.ends_with('_') || body.contains("__") {
        return None;
    }
    // underscores only between digits
    let bytes = body.as_bytes();
    for (i, &c) in bytes.iter().enumerate() {
        if c == b'_'
            && !(i > 0
                && bytes[i - 1].is_ascii_digit()
                && bytes.get(i + 1).is_some_and(|d| d.is_ascii_digit()))
        {
            return None;
        }
        if !(c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'+' | b'-' | b'_')) {
            return None;
        }
        // a sign only right after the exponent marker
        if matches!(c, b'+' | b'-') && !(i > 0 && bytes[i - 1] == b'e') {
            return None;
        }
    }
    let cleaned: String = body.chars().filter(|c| *c != '_').collect();
    cleaned.parse::<f64>().ok().map(|v| sign * v)
}

fn float_new(vm: &Vm, t: &PyRef<PyType>, args: &[PyRef], kw: Option<&PyTuple>) -> PyResult {
    argparse::no_kw(vm, "float", kw)?;
    if args.len() > 1 {
        return Err(vm.new_type_error(format!(
            "float expected at most 1 argument, got {}",
            args.len()
        )));
    }
    // PyNumber_Float returns an exact float argument itself.
    if let Some(x) = args.first() {
        if t.is(&vm.types.float) && x.type_().is(&vm.types.float) {
            return Ok(x.clone());
        }
    }
    let v = match args.first() {
        None => 0.0,
        Some(x) => {
            if let Some(s) = x.downcast_ref::<PyStr>() {
                parse_float_text(&s.as_cow()).ok_or_else(|| {
                    vm.new_value_error(format!(
                        "could not convert string to float: {}",
                        crate::ops::repr_string(vm, x).unwrap_or_default()
                    ))
                })?
            } else if let Some(b) = crate::objects::bytes::bytes_like(x) {
                parse_float_text(&String::from_utf8_lossy(&b)).ok_or_else(|| {
                    vm.new_value_error(format!(
                        "could not convert string to float: {}",
                        crate::ops::repr_string(vm, x).unwrap_or_default()
                    ))
                })?
            } else if x.type_().slots().nb_float.is_none() && x.type_().slots().nb_index.is_none() {
                return Err(vm.new_type_error(format!(
                    "float() argument must be a string or a real number, not '{}'",
                    x.type_().name_str()
                )));
            } else {
                crate::ops::number::to_f64(vm, x)?
            }
        }
    };
    if t.is(&vm.types.float) {
        Ok(vm.new_float(v))
    } else {
        Ok(vm.new_float_of_type(t, v))
    }
}

fn sf(vm: &Vm, a: &[PyRef]) -> PyResult<f64> {
    a.first()
        .and_then(|o| float_value(o))
        .ok_or_else(|| vm.new_type_error("descriptor requires a 'float' object"))
}
fn is_integer(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    Ok(vm.new_bool(float_is_integer(sf(vm, a)?)))
}
fn float_trunc(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    float_to_int(vm, sf(vm, a)?)
}
fn float_floor(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    float_to_int(vm, sf(vm, a)?.floor())
}
fn float_ceil(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    float_to_int(vm, sf(vm, a)?.ceil())
}
fn float_round(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let x = sf(vm, a)?;
    match a.get(1).filter(|n| !vm.is_none(n)) {
        None => {
            let r = x.round();
            let r = if (x - x.trunc()).abs() == 0.5 {
                2.0 * (x / 2.0).round()
            } else {
                r
            };
            float_to_int(vm, r)
        }
        Some(n) => {
            let nd = crate::ops::number::index(vm, n)?;
            let nd = nd
                .as_i64()
                .unwrap_or(if nd.is_negative() { i64::MIN } else { i64::MAX });
            Ok(vm.new_float(round_float(x, nd)))
        }
    }
}
fn as_integer_ratio(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let x = sf(vm, a)?;
    if x.is_infinite() {
        return Err(vm.new_overflow_error("cannot convert Infinity to integer ratio"));
    }
    if x.is_nan() {
        return Err(vm.new_value_error("cannot convert NaN to integer ratio"));
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = if exp == 0 {
        bits & ((1 << 52) - 1)
    } else {
        (bits & ((1 << 52) - 1)) | (1 << 52)
    };
    let mut e = if exp == 0 { -1074 } else { exp - 1075 };
    let mut m = BigInt::from(mant);
    if x < 0.0 {
        m = -m;
    }
    if mant == 0 {
        return Ok(vm
            .new_tuple(vec![vm.new_int(0), vm.new_int(1)])
            .into_object());
    }
    let tz = mant.trailing_zeros() as i64;
    m >>= tz as usize;
    e += tz;
    let (n, d) = if e >= 0 {
        (m << e as usize, BigInt::from(1))
    } else {
        (m, BigInt::from(1) << (-e) as usize)
    };
    Ok(vm
        .new_tuple(vec![vm.new_bigint(n), vm.new_bigint(d)])
        .into_object())
}
fn float_format(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let x = sf(vm, a)?;
    let spec = a
        .get(1)
        .ok_or_else(|| vm.new_type_error("__format__ expects 1 argument"))?;
    let spec = argparse::to_str(vm, "__format__", spec, "argument")?;
    if spec.byte_len() == 0 {
        return Ok(crate::ops::str(vm, &a[0])?.into_object());
    }
    crate::objects::str_format::format_float(vm, x, &spec.as_cow())
}
fn conjugate(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    Ok(vm.new_float(sf(vm, a)?))
}
fn float_hex(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let x = sf(vm, a)?;
    if x.is_nan() || x.is_infinite() {
        return Ok(vm.new_str(&refvm_common::repr::float_repr(x)));
    }
    if x == 0.0 {
        return Ok(vm.new_str(if x.is_sign_negative() {
            "-0x0.0p+0"
        } else {
            "0x0.0p+0"
        }));
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1 << 52) - 1);
    let (lead, e) = if exp == 0 {
        (0, -1022)
    } else {
        (1, exp - 1023)
    };
    let hex = format!("{:013x}", mant);
    Ok(vm.new_str(&format!(
        "{}0x{}.{}p{}{}",
        if x < 0.0 { "-" } else { "" },
        lead,
        hex,
        if e >= 0 { "+" } else { "-" },
        e.abs()
    )))
}
/// `float.fromhex(s)` (`float_fromhex`): exact, round-half-even.
fn float_fromhex(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "fromhex", &a[1..], k, 1)?;
    let st = argparse::to_str(vm, "fromhex", &a[1], "argument")?.to_string_lossy();
    let invalid = || vm.new_value_error("invalid hexadecimal floating-point string");
    let t = st.trim();
    let (neg, body) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let lower = body.to_ascii_lowercase();
    let sign = if neg { -1.0 } else { 1.0 };
    if lower == "inf" || lower == "infinity" {
        return Ok(vm.new_float(sign * f64::INFINITY));
    }
    if lower == "nan" {
        return Ok(vm.new_float(f64::NAN));
    }
    let body = lower.strip_prefix("0x").unwrap_or(&lower);
    let (mant, exp) = match body.split_once('p') {
        Some((m, e)) => (m, Some(e)),
        None => (body, None),
    };
    let (ip, fp) = match mant.split_once('.') {
        Some((i, f)) => (i, f),
        None => (mant, ""),
    };
    if ip.is_empty() && fp.is_empty() {
        return Err(invalid());
    }
    let mut m = num_bigint::BigInt::from(0);
    for ch in ip.chars().chain(fp.chars()) {
        let d = ch.to_digit(16).ok_or_else(invalid)?;
        m = m * 16 + d;
    }
    let e: i64 = match exp {
        Some(e) => {
            let ok = !e.is_empty()
                && e.trim_start_matches(['+', '-'])
                    .chars()
                    .all(|c| c.is_ascii_digit())
                && e.trim_start_matches(['+', '-']).len()
                    == e.len() - usize::from(e.starts_with(['+', '-']));
            if !ok || e.trim_start_matches(['+', '-']).is_empty() {
                return Err(invalid());
            }
            e.parse::<i64>().unwrap_or(if e.starts_with('-') {
                i64::MIN / 4
            } else {
                i64::MAX / 4
            })
        }
        None => 0,
    };
    let e = e.saturating_sub(4 * fp.len() as i64);
    let mi = crate::objects::intval::Int::from_big(m);
    if mi.is_zero() {
        return Ok(vm.new_float(sign * 0.0));
    }
    let too_large = || vm.new_overflow_error("hexadecimal value too large to represent as a float");
    let v = if e >= 0 {
        if e as u64 + mi.bit_length() > 1100 {
            return Err(too_large());
        }
        mi.shl(e as u64).to_f64().unwrap_or(f64::INFINITY)
    } else if -e as u64 > mi.bit_length() + 1200 {
        0.0
    } else {
        let d = crate::objects::intval::Int::Small(1).shl((-e) as u64);
        mi.truediv(&d).unwrap_or(0.0)
    };
    if v.is_infinite() {
        return Err(too_large());
    }
    let r = vm.new_float(sign * v);
    let cls = &a[0];
    if cls.is(&vm.types.float) {
        return Ok(r);
    }
    crate::ops::call(vm, cls, &[r], None)
}
fn float_getformat(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "__getformat__", &a[1..], k, 1)?;
    let t = argparse::to_str(vm, "__getformat__", &a[1], "argument")?.to_string_lossy();
    if t != "double" && t != "float" {
        return Err(vm.new_value_error("__getformat__() argument 1 must be 'double' or 'float'"));
    }
    Ok(vm.new_str("IEEE, little-endian"))
}
fn getnewargs(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    Ok(vm.new_tuple(vec![vm.new_float(sf(vm, a)?)]).into_object())
}
fn get_real(vm: &Vm, o: &PyObject) -> PyResult {
    Ok(vm.new_float(float_value(o).unwrap_or(0.0)))
}
fn get_zero(vm: &Vm, _o: &PyObject) -> PyResult {
    Ok(vm.new_float(0.0))
}

fn complex_new(vm: &Vm, t: &PyRef<PyType>, args: &[PyRef], kw: Option<&PyTuple>) -> PyResult {
    let a = argparse::bind(vm, "complex", args, kw, &["real", "imag"], 0, 0, 2)?;
    let re = match &a[0] {
        None => (0.0, 0.0),
        Some(x) => {
            if let Some(s) = x.downcast_ref::<PyStr>() {
                if a[1].is_some() {
                    return Err(
                        vm.new_type_error("complex() can't take second arg if first is a string")
                    );
                }
                parse_complex(&s.as_cow())
                    .ok_or_else(|| vm.new_value_error("complex() arg is a malformed string"))?
            } else {
                match to_complex(vm, x)? {
                    Some(c) => c,
                    None => {
                        if let Some(m) =
                            crate::objects::typeobject::lookup_special(vm, x, &vm.names.__complex__)
                        {
                            let r = crate::ops::call(vm, &m, &[], None)?;
                            to_complex(vm, &r)?.unwrap_or((0.0, 0.0))
                        } else {
                            (crate::ops::number::to_f64(vm, x).map_err(|_| {
                                vm.new_type_error(format!("complex() first argument must be a string or a number, not '{}'", x.type_().name_str()))
                            })?, 0.0)
                        }
                    }
                }
            }
        }
    };
    let im = match &a[1] {
        None => (0.0, 0.0),
        Some(x) => match to_complex(vm, x)? {
            Some(c) => c,
            None => {
                if x.downcast_ref::<PyStr>().is_some() {
                    return Err(vm.new_type_error("complex() second arg can't be a string"));
                }
                let s = x.type_().slots();
                if s.nb_float.is_none() && s.nb_index.is_none() {
                    return Err(vm.new_type_error(format!(
                        "complex() second argument must be a number, not '{}'",
                        x.type_().name_str()
                    )));
                }
                (crate::ops::number::to_f64(vm, x)?, 0.0)
            }
        },
    };
    // as `complex_new_impl`: only a complex argument contributes its other component
    let re_is_complex = a[0].as_ref().is_some_and(|x| {
        x.downcast_ref::<crate::objects::complex::PyComplex>()
            .is_some()
    });
    let im_is_complex = a[1].as_ref().is_some_and(|x| {
        x.downcast_ref::<crate::objects::complex::PyComplex>()
            .is_some()
    });
    let mut r = re.0;
    let mut i = if a[1].is_some() { im.0 } else { re.1 };
    if im_is_complex {
        r -= im.1;
    }
    if re_is_complex && a[1].is_some() {
        i += re.1;
    }
    if t.is(&vm.types.complex) {
        Ok(vm.new_complex(r, i))
    } else {
        Ok(crate::object::alloc::alloc(
            t,
            PyComplex {
                ob: crate::object::header(),
                re: r,
                im: i,
            },
        )
        .into_object())
    }
}

fn parse_complex(s: &str) -> Option<(f64, f64)> {
    let t = s.trim();
    let t = t
        .strip_prefix('(')
        .and_then(|x| x.strip_suffix(')'))
        .unwrap_or(t)
        .trim();
    // whitespace may surround the number and the parentheses, never sit inside it
    if t.chars().any(char::is_whitespace) {
        return None;
    }
    if let Some(body) = t.strip_suffix(['j', 'J']) {
        // find split point: last + or - not at start and not after e
        let b = body.as_bytes();
        let mut split = None;
        for i in (1..b.len()).rev() {
            if (b[i] == b'+' || b[i] == b'-') && !matches!(b[i - 1], b'e' | b'E') {
                split = Some(i);
                break;
            }
        }
        return match split {
            Some(i) => {
                let re = parse_float_text(&body[..i])?;
                let ims = &body[i..];
                let im = if ims == "+" {
                    1.0
                } else if ims == "-" {
                    -1.0
                } else {
                    parse_float_text(ims)?
                };
                Some((re, im))
            }
            None => {
                let im = if body.is_empty() || body == "+" {
                    1.0
                } else if body == "-" {
                    -1.0
                } else {
                    parse_float_text(body)?
                };
                Some((0.0, im))
            }
        };
    }
    Some((parse_float_text(t)?, 0.0))
}

fn c_real(vm: &Vm, o: &PyObject) -> PyResult {
    Ok(vm.new_float(o.downcast_ref::<PyComplex>().map_or(0.0, |c| c.re)))
}
fn c_imag(vm: &Vm, o: &PyObject) -> PyResult {
    Ok(vm.new_float(o.downcast_ref::<PyComplex>().map_or(0.0, |c| c.im)))
}
fn c_format(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "__format__", &a[1..], k, 1)?;
    let spec = argparse::to_str(vm, "__format__", &a[1], "argument")?;
    let c = a[0]
        .downcast_ref::<PyComplex>()
        .map_or((0.0, 0.0), |c| (c.re, c.im));
    crate::objects::str_format::format_complex(vm, c.0, c.1, &spec.as_cow())
}
fn c_getnewargs(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let c = a[0]
        .downcast_ref::<PyComplex>()
        .map_or((0.0, 0.0), |c| (c.re, c.im));
    Ok(vm
        .new_tuple(vec![vm.new_float(c.0), vm.new_float(c.1)])
        .into_object())
}
fn c_conjugate(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let c = a[0]
        .downcast_ref::<PyComplex>()
        .map_or((0.0, 0.0), |c| (c.re, c.im));
    Ok(vm.new_complex(c.0, -c.1))
}

pub fn init(vm: &Vm) {
    let t = &vm.types.float;
    t.update_slots(|s| {
        s.nb_binary[NbOp::Add as usize] = Some(float_add);
        s.nb_binary[NbOp::Subtract as usize] = Some(float_sub);
        s.nb_binary[NbOp::Multiply as usize] = Some(float_mul);
        s.nb_binary[NbOp::TrueDivide as usize] = Some(float_truediv);
        s.nb_binary[NbOp::FloorDivide as usize] = Some(float_floordiv);
        s.nb_binary[NbOp::Remainder as usize] = Some(float_mod);
        s.nb_divmod = Some(float_divmod);
        s.nb_power = Some(float_pow);
        s.nb_negative = Some(float_neg);
        s.nb_positive = Some(float_pos);
        s.nb_absolute = Some(float_abs);
        s.nb_bool = Some(float_bool);
        s.nb_int = Some(float_int);
        s.nb_float = Some(float_float);
        s.hash = Some(float_hash);
        s.repr = Some(float_repr);
        s.richcompare = Some(float_richcompare);
        s.new = Some(float_new);
    });
    vm.add_methods(
        t,
        &[
            MethodDef::method("is_integer", is_integer),
            MethodDef::method("__trunc__", float_trunc),
            MethodDef::method("__int__", float_trunc),
            MethodDef::method("__floor__", float_floor),
            MethodDef::method("__ceil__", float_ceil),
            MethodDef::method("__round__", float_round),
            MethodDef::method("as_integer_ratio", as_integer_ratio),
            MethodDef::method("__format__", float_format),
            MethodDef::method("conjugate", conjugate),
            MethodDef::method("hex", float_hex),
            MethodDef::class("fromhex", float_fromhex),
            MethodDef::class("__getformat__", float_getformat),
            MethodDef::method("__getnewargs__", getnewargs),
        ],
    );
    vm.add_getset(t, "real", get_real, None);
    vm.add_getset(t, "imag", get_zero, None);
    let c = &vm.types.complex;
    c.update_slots(|s| {
        s.nb_binary[NbOp::Add as usize] = Some(complex_add);
        s.nb_binary[NbOp::Subtract as usize] = Some(complex_sub);
        s.nb_binary[NbOp::Multiply as usize] = Some(complex_mul);
        s.nb_binary[NbOp::TrueDivide as usize] = Some(complex_truediv);
        s.nb_power = Some(complex_pow);
        s.nb_negative = Some(complex_neg);
        s.nb_positive = Some(|vm, a| {
            let c = crate::objects::complex::to_complex(vm, a)?.unwrap_or((0.0, 0.0));
            Ok(vm.new_complex(c.0, c.1))
        });
        s.nb_absolute = Some(complex_abs);
        s.nb_bool = Some(complex_bool);
        s.repr = Some(complex_repr);
        s.hash = Some(complex_hash);
        s.richcompare = Some(complex_richcompare);
        s.new = Some(complex_new);
    });
    vm.add_getset(c, "real", c_real, None);
    vm.add_getset(c, "imag", c_imag, None);
    vm.add_methods(
        c,
        &[
            MethodDef::method("conjugate", c_conjugate),
            MethodDef::method("__format__", c_format),
            MethodDef::method("__getnewargs__", c_getnewargs),
        ],
    );
}
