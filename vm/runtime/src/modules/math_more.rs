//! More of `math`: the inverse hyperbolics, erf/gamma family, remainder, nextafter, ulp,
//! and the logarithm helper that accepts ints too large for a float (`loghelper`).

use crate::argparse;
use crate::error::PyResult;
use crate::object::PyRef;
use crate::objects::descr::MethodDef;
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;

// The C library's functions, as CPython's mathmodule.c calls them.
unsafe extern "C" {
    fn erf(x: f64) -> f64;
    fn erfc(x: f64) -> f64;
    fn tgamma(x: f64) -> f64;
    fn lgamma(x: f64) -> f64;
    fn acosh(x: f64) -> f64;
    fn asinh(x: f64) -> f64;
    fn atanh(x: f64) -> f64;
    fn cbrt(x: f64) -> f64;
    fn exp2(x: f64) -> f64;
    fn nextafter(x: f64, y: f64) -> f64;
}

fn arg(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>, name: &str) -> PyResult<f64> {
    argparse::exact(vm, name, a, k, 1)?;
    crate::ops::number::to_f64(vm, &a[0])
}

fn domain(vm: &Vm) -> crate::error::PyErr {
    vm.new_value_error("math domain error")
}

/// Checks a libm result like CPython's `math_1`: NaN from a non-NaN is a domain error,
/// an infinity from a finite argument a range error.
fn checked(vm: &Vm, x: f64, r: f64, can_overflow: bool) -> PyResult {
    if r.is_nan() && !x.is_nan() {
        return Err(domain(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            vm.new_overflow_error("math range error")
        } else {
            domain(vm)
        });
    }
    Ok(vm.new_float(r))
}

macro_rules! libm1 {
    ($($name:ident => $c:ident, $overflow:expr);* $(;)?) => {
        $(fn $name(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
            let x = arg(vm, a, k, stringify!($name))?;
            // SAFETY: a pure C library function of one double.
            let r = unsafe { $c(x) };
            checked(vm, x, r, $overflow)
        })*
    };
}
libm1! {
    m_erf => erf, false;
    m_erfc => erfc, false;
    m_acosh => acosh, false;
    m_asinh => asinh, false;
    m_atanh => atanh, false;
    m_cbrt => cbrt, false;
    m_exp2 => exp2, true;
}

fn m_gamma(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    let x = arg(vm, a, k, "gamma")?;
    if x.is_nan() || x == f64::INFINITY {
        return Ok(vm.new_float(x));
    }
    if x == f64::NEG_INFINITY || (x <= 0.0 && x == x.floor()) {
        return Err(domain(vm));
    }
    // SAFETY: a pure C library function.
    let r = unsafe { tgamma(x) };
    checked(vm, x, r, true)
}

fn m_lgamma(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    let x = arg(vm, a, k, "lgamma")?;
    if x.is_nan() {
        return Ok(vm.new_float(x));
    }
    if x.is_infinite() {
        return Ok(vm.new_float(f64::INFINITY));
    }
    if x <= 0.0 && x == x.floor() {
        return Err(domain(vm));
    }
    // SAFETY: a pure C library function.
    let r = unsafe { lgamma(x) };
    checked(vm, x, r, true)
}

/// `math.remainder`: IEEE 754 remainder (`m_remainder`).
fn m_remainder(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "remainder", a, k, 2)?;
    let x = crate::ops::number::to_f64(vm, &a[0])?;
    let y = crate::ops::number::to_f64(vm, &a[1])?;
    if x.is_nan() {
        return Ok(vm.new_float(x));
    }
    if y.is_nan() {
        return Ok(vm.new_float(y));
    }
    if x.is_infinite() || y == 0.0 {
        return Err(domain(vm));
    }
    if y.is_infinite() {
        return Ok(vm.new_float(x));
    }
    let (ax, ay) = (x.abs(), y.abs());
    let m = ax % ay;
    let c = ay - m;
    let r = if m < c {
        m
    } else if m > c {
        -c
    } else {
        m - 2.0 * ((0.5 * (ax - m)) % ay)
    };
    Ok(vm.new_float(1.0f64.copysign(x) * r))
}

fn m_nextafter(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "nextafter", a, k, 2)?;
    let x = crate::ops::number::to_f64(vm, &a[0])?;
    let y = crate::ops::number::to_f64(vm, &a[1])?;
    // SAFETY: a pure C library function.
    Ok(vm.new_float(unsafe { nextafter(x, y) }))
}

fn m_ulp(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    let x = arg(vm, a, k, "ulp")?;
    if x.is_nan() {
        return Ok(vm.new_float(x));
    }
    let x = x.abs();
    if x.is_infinite() {
        return Ok(vm.new_float(x));
    }
    // SAFETY: pure C library functions.
    let up = unsafe { nextafter(x, f64::INFINITY) };
    if up.is_infinite() {
        let down = unsafe { nextafter(x, f64::NEG_INFINITY) };
        return Ok(vm.new_float(x - down));
    }
    Ok(vm.new_float(up - x))
}

/// `loghelper`: `func` of an int or float argument; ints too large for a float go
/// through `frexp` (`func(m) + func(2) * e`).
pub fn loghelper(vm: &Vm, o: &PyRef, func: fn(f64) -> f64) -> PyResult<f64> {
    if let Some(i) = crate::objects::int::int_value(o) {
        if i.is_negative() || i.is_zero() {
            return Err(domain(vm));
        }
        if i.to_f64().is_none() {
            let bits = i.bit_length();
            let m = i.shr(bits - 60).to_f64().unwrap_or(1.0) / (1u64 << 60) as f64;
            return Ok(func(m) + func(2.0) * bits as f64);
        }
    }
    let x = crate::ops::number::to_f64(vm, o)?;
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain(vm));
    }
    Ok(func(x))
}

fn m_log2(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "log2", a, k, 1)?;
    Ok(vm.new_float(loghelper(vm, &a[0], f64::log2)?))
}

fn m_log10(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "log10", a, k, 1)?;
    Ok(vm.new_float(loghelper(vm, &a[0], f64::log10)?))
}

pub const FUNCS: &[MethodDef] = &[
    MethodDef::static_("erf", m_erf),
    MethodDef::static_("erfc", m_erfc),
    MethodDef::static_("acosh", m_acosh),
    MethodDef::static_("asinh", m_asinh),
    MethodDef::static_("atanh", m_atanh),
    MethodDef::static_("cbrt", m_cbrt),
    MethodDef::static_("exp2", m_exp2),
    MethodDef::static_("gamma", m_gamma),
    MethodDef::static_("lgamma", m_lgamma),
    MethodDef::static_("remainder", m_remainder),
    MethodDef::static_("nextafter", m_nextafter),
    MethodDef::static_("ulp", m_ulp),
    MethodDef::static_("log2", m_log2),
    MethodDef::static_("log10", m_log10),
];
