//! `complex` objects: storage and the core arithmetic slots.

use crate::error::PyResult;
use crate::object::alloc::{alloc, drop_nothing};
use crate::object::typeobj::{CmpOp, LayoutOps};
use crate::object::{PyObject, PyRef};
use crate::vm::Vm;

#[repr(C)]
pub struct PyComplex {
    pub ob: PyObject,
    pub re: f64,
    pub im: f64,
}
crate::payload!(PyComplex, Complex);

pub const COMPLEX_LAYOUT_OPS: LayoutOps = LayoutOps::fixed(drop_nothing);

impl Vm {
    pub fn new_complex(&self, re: f64, im: f64) -> PyRef {
        alloc(
            &self.types.complex,
            PyComplex {
                ob: crate::object::header(),
                re,
                im,
            },
        )
        .into_object()
    }
}

/// Coerces ints, floats and complexes to (re, im).
pub fn to_complex(vm: &Vm, o: &PyObject) -> PyResult<Option<(f64, f64)>> {
    if let Some(c) = o.downcast_ref::<PyComplex>() {
        return Ok(Some((c.re, c.im)));
    }
    if let Some(f) = crate::objects::float::float_value(o) {
        return Ok(Some((f, 0.0)));
    }
    if let Some(i) = crate::objects::int::int_value(o) {
        return match i.to_f64() {
            Some(f) => Ok(Some((f, 0.0))),
            None => Err(vm.new_overflow_error("int too large to convert to float")),
        };
    }
    Ok(None)
}

macro_rules! cbin {
    ($name:ident, |$vm:ident, $a:ident, $b:ident| $body:expr) => {
        pub fn $name($vm: &Vm, x: &PyObject, y: &PyObject) -> PyResult {
            let (Some($a), Some($b)) = (to_complex($vm, x)?, to_complex($vm, y)?) else {
                return Ok($vm.not_implemented());
            };
            $body
        }
    };
}

cbin!(complex_add, |vm, a, b| Ok(
    vm.new_complex(a.0 + b.0, a.1 + b.1)
));
cbin!(complex_sub, |vm, a, b| Ok(
    vm.new_complex(a.0 - b.0, a.1 - b.1)
));
cbin!(complex_mul, |vm, a, b| Ok(
    vm.new_complex(a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
));
cbin!(complex_truediv, |vm, a, b| {
    match c_quot(a, b) {
        Some((r, i)) => Ok(vm.new_complex(r, i)),
        None => Err(vm.new_zero_division_error("complex division by zero")),
    }
});

/// `_Py_c_quot` (Smith's algorithm as CPython implements it).
pub fn c_quot(a: (f64, f64), b: (f64, f64)) -> Option<(f64, f64)> {
    let abs_breal = b.0.abs();
    let abs_bimag = b.1.abs();
    if abs_breal >= abs_bimag {
        if abs_breal == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_bimag >= abs_breal {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

fn c_prod(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

fn c_powu(x: (f64, f64), n: i64) -> (f64, f64) {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask: i64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = c_prod(r, p);
        }
        mask <<= 1;
        p = c_prod(p, p);
    }
    r
}

pub fn complex_pow_values(vm: &Vm, a: (f64, f64), b: (f64, f64)) -> PyResult {
    if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        let r = if n > 0 {
            c_powu(a, n)
        } else {
            match c_quot((1.0, 0.0), c_powu(a, -n)) {
                Some(r) => r,
                None => {
                    return Err(vm.new_zero_division_error("0.0 to a negative or complex power"));
                }
            }
        };
        if r.0.is_infinite() || r.1.is_infinite() {
            return Err(vm.new_overflow_error("complex exponentiation"));
        }
        return Ok(vm.new_complex(r.0, r.1));
    }
    if b.0 == 0.0 && b.1 == 0.0 {
        return Ok(vm.new_complex(1.0, 0.0));
    }
    if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            return Err(vm.new_zero_division_error("0.0 to a negative or complex power"));
        }
        return Ok(vm.new_complex(0.0, 0.0));
    }
    let vabs = a.0.hypot(a.1);
    let mut len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    let r = (len * phase.cos(), len * phase.sin());
    // Py_ADJUST_ERANGE2: an infinite part is a range error.
    if r.0.is_infinite() || r.1.is_infinite() {
        return Err(vm.new_overflow_error("complex exponentiation"));
    }
    Ok(vm.new_complex(r.0, r.1))
}

pub fn complex_pow(vm: &Vm, x: &PyObject, y: &PyObject, m: &PyObject) -> PyResult {
    if !m.is(&vm.none) {
        return Err(vm.new_value_error("complex modulo"));
    }
    let (Some(a), Some(b)) = (to_complex(vm, x)?, to_complex(vm, y)?) else {
        return Ok(vm.not_implemented());
    };
    complex_pow_values(vm, a, b)
}

pub fn complex_repr(vm: &Vm, o: &PyObject) -> PyResult {
    let c = o
        .downcast_ref::<PyComplex>()
        .map_or((0.0, 0.0), |c| (c.re, c.im));
    Ok(vm.new_str(&refvm_common::repr::complex_repr(c.0, c.1)))
}

pub fn complex_hash(_vm: &Vm, o: &PyObject) -> PyResult<i64> {
    let c = o
        .downcast_ref::<PyComplex>()
        .map_or((0.0, 0.0), |c| (c.re, c.im));
    let hr = refvm_common::hash::hash_f64(c.0).unwrap_or(0);
    let hi = refvm_common::hash::hash_f64(c.1).unwrap_or(0);
    Ok(refvm_common::hash::hash_complex(hr, hi))
}

pub fn complex_richcompare(vm: &Vm, a: &PyObject, b: &PyObject, op: CmpOp) -> PyResult {
    if op != CmpOp::Eq && op != CmpOp::Ne {
        return Ok(vm.not_implemented());
    }
    // complex == int compares the real part exactly, as float == int does (no
    // conversion of the int, which may not fit a float).
    if let (Some(c), true) = (
        a.downcast_ref::<PyComplex>(),
        crate::objects::int::int_value(b).is_some(),
    ) {
        if c.im != 0.0 {
            return Ok(vm.new_bool(op == CmpOp::Ne));
        }
        let re = vm.new_float(c.re);
        return crate::objects::float::float_richcompare(vm, &re, b, op);
    }
    let (Some(x), Some(y)) = (to_complex(vm, a)?, to_complex(vm, b)?) else {
        return Ok(vm.not_implemented());
    };
    let eq = x.0 == y.0 && x.1 == y.1;
    Ok(vm.new_bool(eq == (op == CmpOp::Eq)))
}

pub fn complex_neg(vm: &Vm, a: &PyObject) -> PyResult {
    let c = a
        .downcast_ref::<PyComplex>()
        .map_or((0.0, 0.0), |c| (c.re, c.im));
    Ok(vm.new_complex(-c.0, -c.1))
}
pub fn complex_abs(vm: &Vm, a: &PyObject) -> PyResult {
    let c = a
        .downcast_ref::<PyComplex>()
        .map_or((0.0, 0.0), |c| (c.re, c.im));
    let r = c.0.hypot(c.1);
    if r.is_infinite() && c.0.is_finite() && c.1.is_finite() {
        return Err(vm.new_overflow_error("absolute value too large"));
    }
    Ok(vm.new_float(r))
}
pub fn complex_bool(_vm: &Vm, a: &PyObject) -> PyResult<bool> {
    Ok(a.downcast_ref::<PyComplex>()
        .is_some_and(|c| c.re != 0.0 || c.im != 0.0))
}
