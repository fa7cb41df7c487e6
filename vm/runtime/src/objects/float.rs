//! `float` objects (24 bytes, like CPython's) and their number slots, with CPython's
//! error messages and int↔float comparison semantics.

use super::int::int_value;
use super::intval::Int;
use crate::error::PyResult;
use crate::object::alloc::{alloc, drop_nothing};
use crate::object::typeobj::{CmpOp, LayoutOps};
use crate::object::{PyObject, PyRef};
use crate::vm::Vm;
use num_bigint::BigInt;
use num_traits::{FromPrimitive, ToPrimitive};
use std::cmp::Ordering;

/// A `float`.
#[repr(C)]
pub struct PyFloat {
    pub ob: PyObject,
    /// The value; a `Cell` so the eval loop can reuse a float that only its value stack
    /// holds as the result of arithmetic on it (no allocation, unobservable).
    pub v: std::cell::Cell<f64>,
}
crate::payload!(PyFloat, Float);

pub const FLOAT_LAYOUT_OPS: LayoutOps = LayoutOps::fixed(drop_nothing);

impl Vm {
    #[inline]
    pub fn new_float(&self, v: f64) -> PyRef {
        alloc(
            &self.types.float,
            PyFloat {
                ob: crate::object::header(),
                v: std::cell::Cell::new(v),
            },
        )
        .into_object()
    }
    pub fn new_float_of_type(&self, t: &crate::object::PyType, v: f64) -> PyRef {
        alloc(
            t,
            PyFloat {
                ob: crate::object::header(),
                v: std::cell::Cell::new(v),
            },
        )
        .into_object()
    }
}

#[inline(always)]
pub fn float_value(o: &PyObject) -> Option<f64> {
    o.downcast_ref::<PyFloat>().map(|f| f.v.get())
}

/// Converts an operand for float arithmetic: floats, or ints (OverflowError if too big).
fn to_f64(vm: &Vm, o: &PyObject) -> PyResult<Option<f64>> {
    if let Some(f) = float_value(o) {
        return Ok(Some(f));
    }
    if let Some(i) = int_value(o) {
        return match i.to_f64() {
            Some(f) => Ok(Some(f)),
            None => Err(vm.new_overflow_error("int too large to convert to float")),
        };
    }
    Ok(None)
}

macro_rules! float_binop {
    ($name:ident, |$vm:ident, $x:ident, $y:ident| $body:expr) => {
        pub fn $name($vm: &Vm, a: &PyObject, b: &PyObject) -> PyResult {
            let (Some($x), Some($y)) = (to_f64($vm, a)?, to_f64($vm, b)?) else {
                return Ok($vm.not_implemented());
            };
            $body
        }
    };
}

float_binop!(float_add, |vm, x, y| Ok(vm.new_float(x + y)));
float_binop!(float_sub, |vm, x, y| Ok(vm.new_float(x - y)));
float_binop!(float_mul, |vm, x, y| Ok(vm.new_float(x * y)));
float_binop!(float_truediv, |vm, x, y| {
    if y == 0.0 {
        return Err(vm.new_zero_division_error("float division by zero"));
    }
    Ok(vm.new_float(x / y))
});
float_binop!(float_floordiv, |vm, x, y| {
    if y == 0.0 {
        return Err(vm.new_zero_division_error("float floor division by zero"));
    }
    Ok(vm.new_float(float_divmod_values(x, y).0))
});
float_binop!(float_mod, |vm, x, y| {
    if y == 0.0 {
        return Err(vm.new_zero_division_error("float modulo"));
    }
    Ok(vm.new_float(float_divmod_values(x, y).1))
});
float_binop!(float_divmod, |vm, x, y| {
    if y == 0.0 {
        return Err(vm.new_zero_division_error("float divmod()"));
    }
    let (q, r) = float_divmod_values(x, y);
    Ok(vm
        .new_tuple(vec![vm.new_float(q), vm.new_float(r)])
        .into_object())
});

/// `float_divmod` of CPython: (floor quotient, remainder with the divisor's sign).
pub fn float_divmod_values(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

pub fn float_pow(vm: &Vm, a: &PyObject, b: &PyObject, m: &PyObject) -> PyResult {
    if !m.is(&vm.none) {
        return Err(
            vm.new_type_error("pow() 3rd argument not allowed unless all arguments are integers")
        );
    }
    let (Some(x), Some(y)) = (to_f64(vm, a)?, to_f64(vm, b)?) else {
        return Ok(vm.not_implemented());
    };
    float_pow_values(vm, x, y)
}

/// `float_pow` of CPython for finite/special values.
pub fn float_pow_values(vm: &Vm, iv: f64, iw: f64) -> PyResult {
    if iw == 0.0 {
        return Ok(vm.new_float(1.0));
    }
    if iv.is_nan() {
        return Ok(vm.new_float(if iw == 0.0 { 1.0 } else { iv }));
    }
    if iw.is_nan() {
        return Ok(vm.new_float(if iv == 1.0 { 1.0 } else { iw }));
    }
    if iw.is_infinite() {
        let av = iv.abs();
        let r = if av == 1.0 {
            1.0
        } else if (iw > 0.0) == (av > 1.0) {
            f64::INFINITY
        } else {
            0.0
        };
        return Ok(vm.new_float(r));
    }
    if iv.is_infinite() {
        let odd = iw.rem_euclid(2.0) == 1.0;
        let r = if iw > 0.0 {
            if odd { iv } else { iv.abs() }
        } else if odd {
            0.0f64.copysign(iv)
        } else {
            0.0
        };
        return Ok(vm.new_float(r));
    }
    if iv == 0.0 {
        let odd = iw.rem_euclid(2.0) == 1.0;
        if iw < 0.0 {
            return Err(vm.new_zero_division_error("0.0 cannot be raised to a negative power"));
        }
        return Ok(vm.new_float(if odd { iv } else { 0.0 }));
    }
    let mut neg_result = false;
    let mut v = iv;
    if v < 0.0 {
        if iw != iw.floor() {
            // CPython returns a complex here.
            return crate::objects::complex::complex_pow_values(vm, (iv, 0.0), (iw, 0.0));
        }
        v = -v;
        neg_result = iw.rem_euclid(2.0) == 1.0;
    }
    if v == 1.0 {
        return Ok(vm.new_float(if neg_result { -1.0 } else { 1.0 }));
    }
    let r = v.powf(iw);
    let r = if neg_result { -r } else { r };
    if r.is_infinite() {
        return Err(vm.new_exception(
            &vm.exc.overflow_error,
            vec![vm.new_int(34), vm.new_str("Numerical result out of range")],
        ));
    }
    Ok(vm.new_float(r))
}

pub fn float_neg(vm: &Vm, a: &PyObject) -> PyResult {
    Ok(vm.new_float(-float_value(a).unwrap_or(0.0)))
}
pub fn float_pos(vm: &Vm, a: &PyObject) -> PyResult {
    Ok(vm.new_float(float_value(a).unwrap_or(0.0)))
}
pub fn float_abs(vm: &Vm, a: &PyObject) -> PyResult {
    Ok(vm.new_float(float_value(a).unwrap_or(0.0).abs()))
}
pub fn float_bool(_vm: &Vm, a: &PyObject) -> PyResult<bool> {
    Ok(float_value(a).unwrap_or(0.0) != 0.0)
}
pub fn float_float(vm: &Vm, a: &PyObject) -> PyResult {
    if a.is_type(&vm.types.float) {
        return Ok(a.to_owned());
    }
    Ok(vm.new_float(float_value(a).unwrap_or(0.0)))
}
/// `int(x)` for a float.
pub fn float_int(vm: &Vm, a: &PyObject) -> PyResult {
    let v = float_value(a).unwrap_or(0.0);
    float_to_int(vm, v)
}
pub fn float_to_int(vm: &Vm, v: f64) -> PyResult {
    if v.is_nan() {
        return Err(vm.new_value_error("cannot convert float NaN to integer"));
    }
    if v.is_infinite() {
        return Err(vm.new_overflow_error("cannot convert float infinity to integer"));
    }
    let t = v.trunc();
    if t.abs() < 9.0e18 {
        return Ok(vm.new_int(t as i64));
    }
    Ok(vm.new_bigint(BigInt::from_f64(t).unwrap_or_default()))
}
pub fn float_hash(vm: &Vm, a: &PyObject) -> PyResult<i64> {
    let v = float_value(a).unwrap_or(0.0);
    Ok(refvm_common::hash::hash_f64(v).unwrap_or_else(|| {
        // NaN: the object's identity (`_Py_HashPointer`).
        let p = a.as_ptr() as usize;
        let h = p.rotate_right(4) as i64;
        let _ = vm;
        if h == -1 { -2 } else { h }
    }))
}
pub fn float_repr(vm: &Vm, a: &PyObject) -> PyResult {
    Ok(vm.new_str(&refvm_common::repr::float_repr(
        float_value(a).unwrap_or(0.0),
    )))
}

/// Compares a float with an int exactly (as `float_richcompare`).
pub fn cmp_float_int(x: f64, i: &Int) -> Option<Ordering> {
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 {
            Ordering::Greater
        } else {
            Ordering::Less
        });
    }
    if let Some(s) = i.as_i64() {
        if s.unsigned_abs() < (1u64 << 53) {
            return x.partial_cmp(&(s as f64));
        }
    }
    // exact: compare floor(x) with i, then fractional part
    let fl = x.floor();
    let fb = BigInt::from_f64(fl).unwrap_or_default();
    let ib = i.to_big();
    match fb.cmp(&ib) {
        Ordering::Equal => {
            if x > fl {
                Some(Ordering::Greater)
            } else {
                Some(Ordering::Equal)
            }
        }
        o => Some(o),
    }
}

pub fn float_richcompare(vm: &Vm, a: &PyObject, b: &PyObject, op: CmpOp) -> PyResult {
    let Some(x) = float_value(a) else {
        return Ok(vm.not_implemented());
    };
    let ord = if let Some(y) = float_value(b) {
        x.partial_cmp(&y)
    } else if let Some(i) = int_value(b) {
        cmp_float_int(x, i)
    } else {
        return Ok(vm.not_implemented());
    };
    let r = match ord {
        Some(o) => op.from_ordering(o),
        None => op == CmpOp::Ne,
    };
    Ok(vm.new_bool(r))
}

/// `round(x, ndigits)` for floats, correctly rounded as CPython's `double_round`.
pub fn round_float(x: f64, ndigits: i64) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    if ndigits > 325 {
        return x;
    }
    if ndigits < -308 {
        return 0.0f64.copysign(x);
    }
    // Use exact decimal formatting (correctly rounded, half-even on exact ties).
    if ndigits >= 0 {
        let s = format!("{:.*}", ndigits as usize, x);
        return s.parse().unwrap_or(x);
    }
    // Negative ndigits: keep the significant digits above 10**-ndigits, correctly
    // rounded (half-even on exact ties), as `_Py_dg_dtoa` mode 3 does.
    let k = -ndigits;
    let e_str = format!("{:e}", x);
    let exp: i64 = e_str
        .split_once('e')
        .and_then(|(_, e)| e.parse().ok())
        .unwrap_or(0);
    let sig = exp - k + 1;
    let r = if sig > 0 {
        format!("{:.*e}", (sig - 1) as usize, x)
            .parse::<f64>()
            .unwrap_or(x)
    } else if sig == 0 {
        let half: f64 = format!("5e{}", k - 1).parse().unwrap_or(f64::INFINITY);
        if x.abs() > half {
            format!("1e{}", k).parse::<f64>().unwrap_or(x).copysign(x)
        } else {
            0.0f64.copysign(x)
        }
    } else {
        0.0f64.copysign(x)
    };
    if r.is_finite() { r } else { x }
}

pub fn float_is_integer(x: f64) -> bool {
    x.is_finite() && x.fract() == 0.0
}

pub fn f64_to_i64_exact(x: f64) -> Option<i64> {
    if float_is_integer(x) {
        x.to_i64()
    } else {
        None
    }
}
