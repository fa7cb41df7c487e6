//! The `math` module: the common functions with CPython's domain/range errors.

use crate::argparse;
use crate::error::PyResult;
use crate::object::PyRef;
use crate::objects::descr::MethodDef;
use crate::objects::intval::Int;
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;
use num_integer::Integer;

fn f(vm: &Vm, o: &PyRef) -> PyResult<f64> {
    crate::ops::number::to_f64(vm, o)
}

fn unary(
    vm: &Vm,
    a: &[PyRef],
    k: Option<&PyTuple>,
    name: &str,
    func: fn(f64) -> f64,
    domain: fn(f64) -> bool,
) -> PyResult {
    argparse::exact(vm, name, a, k, 1)?;
    let x = f(vm, &a[0])?;
    if !domain(x) {
        return Err(vm.new_value_error("math domain error"));
    }
    let r = func(x);
    if r.is_infinite() && x.is_finite() {
        return Err(vm.new_overflow_error("math range error"));
    }
    Ok(vm.new_float(r))
}

macro_rules! math1 {
    ($($name:ident => $func:expr, $dom:expr);* $(;)?) => {
        $(fn $name(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult { unary(vm, a, k, stringify!($name), $func, $dom) })*
    };
}
math1! {
    sqrt => f64::sqrt, |x| x >= 0.0 || x.is_nan();
    exp => f64::exp, |_| true;
    sin => f64::sin, |x| !x.is_infinite();
    cos => f64::cos, |x| !x.is_infinite();
    tan => f64::tan, |x| !x.is_infinite();
    asin => f64::asin, |x| (-1.0..=1.0).contains(&x) || x.is_nan();
    acos => f64::acos, |x| (-1.0..=1.0).contains(&x) || x.is_nan();
    atan => f64::atan, |_| true;
    sinh => f64::sinh, |_| true;
    cosh => f64::cosh, |_| true;
    tanh => f64::tanh, |_| true;
    fabs => f64::abs, |_| true;
    log1p => f64::ln_1p, |x| x > -1.0 || x.is_nan();
    expm1 => f64::exp_m1, |_| true;
    degrees => f64::to_degrees, |_| true;
    radians => f64::to_radians, |_| true;
}

fn log(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::range(vm, "log", a, k, 1, 2)?;
    let x = super::math_more::loghelper(vm, &a[0], f64::ln)?;
    match a.get(1) {
        Some(b) => {
            let lb = super::math_more::loghelper(vm, b, f64::ln)?;
            if lb == 0.0 {
                return Err(vm.new_zero_division_error("float division by zero"));
            }
            Ok(vm.new_float(x / lb))
        }
        None => Ok(vm.new_float(x)),
    }
}
fn pow_(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::range(vm, "pow", a, k, 2, 2)?;
    let (x, y) = (f(vm, &a[0])?, f(vm, &a[1])?);
    if x == 0.0 && y < 0.0 {
        return Err(vm.new_value_error("math domain error"));
    }
    if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
        return Err(vm.new_value_error("math domain error"));
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(vm.new_overflow_error("math range error"));
    }
    Ok(vm.new_float(r))
}
fn atan2(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::range(vm, "atan2", a, k, 2, 2)?;
    Ok(vm.new_float(f(vm, &a[0])?.atan2(f(vm, &a[1])?)))
}
fn to_int_result(vm: &Vm, x: f64) -> PyResult {
    crate::objects::float::float_to_int(vm, x)
}
fn floor(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "floor", a, k, 1)?;
    if crate::objects::int::int_value(&a[0]).is_some() {
        return Ok(vm.new_int_value(
            crate::objects::int::int_value(&a[0])
                .cloned()
                .unwrap_or(Int::Small(0)),
        ));
    }
    if crate::objects::float::float_value(&a[0]).is_none() {
        if let Some(m) = crate::objects::typeobject::lookup_special(vm, &a[0], &vm.names.__floor__)
        {
            return crate::ops::call(vm, &m, &[], None);
        }
    }
    to_int_result(vm, f(vm, &a[0])?.floor())
}
fn ceil(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "ceil", a, k, 1)?;
    if crate::objects::int::int_value(&a[0]).is_some() {
        return Ok(vm.new_int_value(
            crate::objects::int::int_value(&a[0])
                .cloned()
                .unwrap_or(Int::Small(0)),
        ));
    }
    if crate::objects::float::float_value(&a[0]).is_none() {
        if let Some(m) = crate::objects::typeobject::lookup_special(vm, &a[0], &vm.names.__ceil__) {
            return crate::ops::call(vm, &m, &[], None);
        }
    }
    to_int_result(vm, f(vm, &a[0])?.ceil())
}
fn trunc(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "trunc", a, k, 1)?;
    if a[0].is_type(&vm.types.float) {
        return crate::ops::number::to_int(vm, &a[0]);
    }
    // math_trunc: type(x).__trunc__(x), whatever it returns.
    match crate::objects::typeobject::lookup_special(vm, &a[0], &vm.intern("__trunc__")) {
        Some(m) => crate::ops::call(vm, &m, &[], None),
        None => Err(vm.new_type_error(format!(
            "type {} doesn't define __trunc__ method",
            a[0].type_().name_str()
        ))),
    }
}
fn isnan(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    Ok(vm.new_bool(f(vm, &a[0])?.is_nan()))
}
fn isinf(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    Ok(vm.new_bool(f(vm, &a[0])?.is_infinite()))
}
fn isfinite(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    Ok(vm.new_bool(f(vm, &a[0])?.is_finite()))
}
fn isclose(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    let p = argparse::bind(
        vm,
        "isclose",
        a,
        k,
        &["a", "b", "rel_tol", "abs_tol"],
        2,
        2,
        2,
    )?;
    let x = f(vm, p[0].as_ref().unwrap_or(&vm.none))?;
    let y = f(vm, p[1].as_ref().unwrap_or(&vm.none))?;
    let rel = p[2].as_ref().map(|v| f(vm, v)).transpose()?.unwrap_or(1e-9);
    let abs = p[3].as_ref().map(|v| f(vm, v)).transpose()?.unwrap_or(0.0);
    if rel < 0.0 || abs < 0.0 {
        return Err(vm.new_value_error("tolerances must be non-negative"));
    }
    if x == y {
        return Ok(vm.new_bool(true));
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(vm.new_bool(false));
    }
    let d = (x - y).abs();
    Ok(vm.new_bool(d <= (rel * y).abs() || d <= (rel * x).abs() || d <= abs))
}
fn copysign(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    Ok(vm.new_float(f(vm, &a[0])?.copysign(f(vm, &a[1])?)))
}
fn fmod(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let (x, y) = (f(vm, &a[0])?, f(vm, &a[1])?);
    if y == 0.0 || x.is_infinite() {
        return Err(vm.new_value_error("math domain error"));
    }
    Ok(vm.new_float(x % y))
}
fn factorial(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "factorial", a, k, 1)?;
    if crate::objects::float::float_value(&a[0]).is_some() {
        return Err(vm.new_type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = crate::ops::number::index(vm, &a[0])?;
    if n.is_negative() {
        return Err(vm.new_value_error("factorial() not defined for negative values"));
    }
    let n = n.as_i64().ok_or_else(|| {
        vm.new_overflow_error("factorial() argument should not exceed 9223372036854775807")
    })?;
    vm.check_alloc((n as usize).saturating_mul(8))?;
    let mut acc = num_bigint::BigInt::from(1);
    for i in 2..=n {
        acc *= i;
        if i % 1024 == 0 {
            vm.tick()?;
        }
    }
    Ok(vm.new_bigint(acc))
}
fn gcd(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let mut g = num_bigint::BigInt::from(0);
    for x in a {
        g = g.gcd(&crate::ops::number::index(vm, x)?.to_big());
    }
    Ok(vm.new_bigint(g))
}
fn lcm(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let mut l = num_bigint::BigInt::from(1);
    for x in a {
        l = l.lcm(&crate::ops::number::index(vm, x)?.to_big());
    }
    Ok(vm.new_bigint(l))
}
fn isqrt(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "isqrt", a, k, 1)?;
    let n = crate::ops::number::index(vm, &a[0])?;
    if n.is_negative() {
        return Err(vm.new_value_error("isqrt() argument must be nonnegative"));
    }
    Ok(vm.new_bigint(n.to_big().sqrt()))
}
fn comb(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let n = crate::ops::number::index(vm, &a[0])?.to_big();
    let r = crate::ops::number::index(vm, &a[1])?.to_big();
    if n < num_bigint::BigInt::from(0) || r < num_bigint::BigInt::from(0) {
        return Err(vm.new_value_error("n must be a non-negative integer"));
    }
    if r > n {
        return Ok(vm.new_int(0));
    }
    let r = std::cmp::min(r.clone(), &n - &r);
    let mut acc = num_bigint::BigInt::from(1);
    let mut i = num_bigint::BigInt::from(0);
    while i < r {
        acc = acc * (&n - &i) / (&i + 1);
        i += 1;
    }
    Ok(vm.new_bigint(acc))
}
fn perm(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let n = crate::ops::number::index(vm, &a[0])?.to_big();
    let r = match a.get(1) {
        Some(r) => crate::ops::number::index(vm, r)?.to_big(),
        None => n.clone(),
    };
    if r > n {
        return Ok(vm.new_int(0));
    }
    let mut acc = num_bigint::BigInt::from(1);
    let mut i = num_bigint::BigInt::from(0);
    while i < r {
        acc *= &n - &i;
        i += 1;
    }
    Ok(vm.new_bigint(acc))
}
fn prod(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    let p = argparse::bind(vm, "prod", a, k, &["", "start"], 1, 1, 1)?;
    let mut acc = p[1].clone().unwrap_or_else(|| vm.new_int(1));
    for x in crate::ops::collect(vm, p[0].as_ref().unwrap_or(&vm.none))? {
        acc = crate::ops::number::binary_op(vm, &acc, &x, 5)?;
    }
    Ok(acc)
}
fn modf(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let x = f(vm, &a[0])?;
    Ok(vm
        .new_tuple(vec![vm.new_float(x.fract()), vm.new_float(x.trunc())])
        .into_object())
}
fn frexp(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let x = f(vm, &a[0])?;
    if x == 0.0 || !x.is_finite() {
        return Ok(vm
            .new_tuple(vec![vm.new_float(x), vm.new_int(0)])
            .into_object());
    }
    let (m, e) = super::math_norm::frexp_exact(x);
    Ok(vm
        .new_tuple(vec![vm.new_float(m), vm.new_int(i64::from(e))])
        .into_object())
}
fn ldexp(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let x = f(vm, &a[0])?;
    let e = argparse::to_i64(vm, &a[1])?;
    let r = crate::objects::intval::ldexp(x, e);
    if r.is_infinite() && x.is_finite() {
        return Err(vm.new_overflow_error("math range error"));
    }
    Ok(vm.new_float(r))
}

pub fn init(vm: &Vm) -> PyRef {
    let m = super::make_module(
        vm,
        "math",
        &[
            MethodDef::static_("sqrt", sqrt),
            MethodDef::static_("exp", exp),
            MethodDef::static_("sin", sin),
            MethodDef::static_("cos", cos),
            MethodDef::static_("tan", tan),
            MethodDef::static_("asin", asin),
            MethodDef::static_("acos", acos),
            MethodDef::static_("atan", atan),
            MethodDef::static_("sinh", sinh),
            MethodDef::static_("cosh", cosh),
            MethodDef::static_("tanh", tanh),
            MethodDef::static_("fabs", fabs),
            MethodDef::static_("log1p", log1p),
            MethodDef::static_("expm1", expm1),
            MethodDef::static_("degrees", degrees),
            MethodDef::static_("radians", radians),
            MethodDef::static_("log", log),
            MethodDef::static_("pow", pow_),
            MethodDef::static_("atan2", atan2),
            MethodDef::static_("hypot", super::math_norm::hypot),
            MethodDef::static_("floor", floor),
            MethodDef::static_("ceil", ceil),
            MethodDef::static_("trunc", trunc),
            MethodDef::static_("isnan", isnan),
            MethodDef::static_("isinf", isinf),
            MethodDef::static_("isfinite", isfinite),
            MethodDef::static_("isclose", isclose),
            MethodDef::static_("copysign", copysign),
            MethodDef::static_("fmod", fmod),
            MethodDef::static_("factorial", factorial),
            MethodDef::static_("gcd", gcd),
            MethodDef::static_("lcm", lcm),
            MethodDef::static_("isqrt", isqrt),
            MethodDef::static_("comb", comb),
            MethodDef::static_("perm", perm),
            MethodDef::static_("fsum", super::math_norm::fsum),
            MethodDef::static_("prod", prod),
            MethodDef::static_("dist", super::math_norm::dist),
            MethodDef::static_("modf", modf),
            MethodDef::static_("frexp", frexp),
            MethodDef::static_("ldexp", ldexp),
        ],
    );
    if let Some(md) = m.downcast_ref::<crate::objects::module::PyModule>() {
        for f in super::math_more::FUNCS {
            md.dict.set_str(
                vm.intern(f.name),
                vm.new_builtin_function(f, Some(m.clone())),
            );
        }
    }
    super::set(vm, &m, "pi", vm.new_float(std::f64::consts::PI));
    super::set(vm, &m, "e", vm.new_float(std::f64::consts::E));
    super::set(vm, &m, "tau", vm.new_float(std::f64::consts::TAU));
    super::set(vm, &m, "inf", vm.new_float(f64::INFINITY));
    super::set(vm, &m, "nan", vm.new_float(f64::NAN));
    m
}
