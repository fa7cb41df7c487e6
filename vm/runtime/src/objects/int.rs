//! `int` (and `bool`'s storage): object creation with the small-int cache −5..=256, and
//! the number slots. Arithmetic on values is in `intval.rs`.

use super::intval::Int;
use crate::error::PyResult;
use crate::object::alloc::{alloc, drop_payload};
use crate::object::typeobj::{CmpOp, LayoutOps};
use crate::object::{PyObject, PyRef};
use crate::vm::Vm;
use num_bigint::BigInt;

/// An `int` object (also `bool`'s layout).
#[repr(C)]
pub struct PyInt {
    pub ob: PyObject,
    v: Int,
}
crate::payload!(PyInt, Int);

pub const INT_LAYOUT_OPS: LayoutOps = LayoutOps::fixed(drop_payload::<PyInt>);

pub const SMALL_MIN: i64 = -5;
pub const SMALL_MAX: i64 = 256;

impl PyInt {
    #[inline(always)]
    pub fn value(&self) -> &Int {
        &self.v
    }
    pub fn as_i64(&self) -> Option<i64> {
        self.v.as_i64()
    }
}

impl Vm {
    /// An int object for `v` (cached for −5..=256).
    #[inline]
    pub fn new_int(&self, v: i64) -> PyRef {
        if (SMALL_MIN..=SMALL_MAX).contains(&v) {
            return self.small_ints[(v - SMALL_MIN) as usize]
                .clone()
                .into_object();
        }
        alloc(
            &self.types.int,
            PyInt {
                ob: crate::object::header(),
                v: Int::Small(v),
            },
        )
        .into_object()
    }
    pub fn new_int_value(&self, v: Int) -> PyRef {
        match v {
            Int::Small(s) => self.new_int(s),
            big => alloc(
                &self.types.int,
                PyInt {
                    ob: crate::object::header(),
                    v: big,
                },
            )
            .into_object(),
        }
    }
    pub fn new_bigint(&self, v: BigInt) -> PyRef {
        self.new_int_value(Int::from_big(v))
    }
    pub fn new_usize(&self, v: usize) -> PyRef {
        match i64::try_from(v) {
            Ok(v) => self.new_int(v),
            Err(_) => self.new_bigint(BigInt::from(v)),
        }
    }
    /// An int of type `t` (an int subclass) with value `v`.
    pub fn new_int_of_type(&self, t: &crate::object::PyType, v: Int) -> PyRef {
        alloc(
            t,
            PyInt {
                ob: crate::object::header(),
                v,
            },
        )
        .into_object()
    }
    pub fn new_bool(&self, b: bool) -> PyRef {
        if b {
            self.true_obj.clone()
        } else {
            self.false_obj.clone()
        }
    }
}

/// Allocates an int of type `t` (start-up caches, bool singletons).
pub(crate) fn alloc_int_of_type(t: &crate::object::PyType, v: i64) -> PyRef<PyInt> {
    alloc(
        t,
        PyInt {
            ob: crate::object::header(),
            v: Int::Small(v),
        },
    )
}

/// The int value of `o` when its layout is int (ints and bools).
#[inline(always)]
pub fn int_value(o: &PyObject) -> Option<&Int> {
    o.downcast_ref::<PyInt>().map(|i| i.value())
}

fn binop(vm: &Vm, a: &PyObject, b: &PyObject, f: impl FnOnce(&Int, &Int) -> PyResult) -> PyResult {
    match (int_value(a), int_value(b)) {
        (Some(x), Some(y)) => f(x, y),
        _ => Ok(vm.not_implemented()),
    }
}

pub fn int_add(vm: &Vm, a: &PyObject, b: &PyObject) -> PyResult {
    binop(vm, a, b, |x, y| Ok(vm.new_int_value(x.add(y))))
}
pub fn int_sub(vm: &Vm, a: &PyObject, b: &PyObject) -> PyResult {
    binop(vm, a, b, |x, y| Ok(vm.new_int_value(x.sub(y))))
}
pub fn int_mul(vm: &Vm, a: &PyObject, b: &PyObject) -> PyResult {
    binop(vm, a, b, |x, y| {
        if let (Int::Big(_), _) | (_, Int::Big(_)) = (x, y) {
            vm.check_alloc(((x.bit_length() + y.bit_length()) / 8) as usize)?;
        }
        Ok(vm.new_int_value(x.mul(y)))
    })
}
pub fn int_floordiv(vm: &Vm, a: &PyObject, b: &PyObject) -> PyResult {
    binop(vm, a, b, |x, y| match x.floordiv(y) {
        Some(r) => Ok(vm.new_int_value(r)),
        None => Err(vm.new_zero_division_error("integer division or modulo by zero")),
    })
}
pub fn int_mod(vm: &Vm, a: &PyObject, b: &PyObject) -> PyResult {
    binop(vm, a, b, |x, y| match x.modulo(y) {
        Some(r) => Ok(vm.new_int_value(r)),
        None => Err(vm.new_zero_division_error("integer modulo by zero")),
    })
}
pub fn int_truediv(vm: &Vm, a: &PyObject, b: &PyObject) -> PyResult {
    binop(vm, a, b, |x, y| match x.truediv(y) {
        Ok(f) => Ok(vm.new_float(f)),
        Err("division by zero") => Err(vm.new_zero_division_error("division by zero")),
        Err(m) => Err(vm.new_overflow_error(m)),
    })
}
pub fn int_and(vm: &Vm, a: &PyObject, b: &PyObject) -> PyResult {
    binop(vm, a, b, |x, y| Ok(vm.new_int_value(x.bitand(y))))
}
pub fn int_or(vm: &Vm, a: &PyObject, b: &PyObject) -> PyResult {
    binop(vm, a, b, |x, y| Ok(vm.new_int_value(x.bitor(y))))
}
pub fn int_xor(vm: &Vm, a: &PyObject, b: &PyObject) -> PyResult {
    binop(vm, a, b, |x, y| Ok(vm.new_int_value(x.bitxor(y))))
}
pub fn int_lshift(vm: &Vm, a: &PyObject, b: &PyObject) -> PyResult {
    binop(vm, a, b, |x, y| {
        if y.is_negative() {
            return Err(vm.new_value_error("negative shift count"));
        }
        if x.is_zero() {
            return Ok(vm.new_int(0));
        }
        let Some(n) = y.as_i64() else {
            return Err(vm.new_overflow_error("too many digits in integer"));
        };
        vm.check_alloc((x.bit_length() + n as u64) as usize / 8)?;
        Ok(vm.new_int_value(x.shl(n as u64)))
    })
}
pub fn int_rshift(vm: &Vm, a: &PyObject, b: &PyObject) -> PyResult {
    binop(vm, a, b, |x, y| {
        if y.is_negative() {
            return Err(vm.new_value_error("negative shift count"));
        }
        let n = y.as_i64().unwrap_or(i64::MAX) as u64;
        Ok(vm.new_int_value(x.shr(n)))
    })
}
pub fn int_divmod(vm: &Vm, a: &PyObject, b: &PyObject) -> PyResult {
    binop(vm, a, b, |x, y| match (x.floordiv(y), x.modulo(y)) {
        (Some(q), Some(r)) => Ok(vm
            .new_tuple(vec![vm.new_int_value(q), vm.new_int_value(r)])
            .into_object()),
        _ => Err(vm.new_zero_division_error("integer division or modulo by zero")),
    })
}

/// `int.__pow__(a, b, m)`.
pub fn int_pow(vm: &Vm, a: &PyObject, b: &PyObject, m: &PyObject) -> PyResult {
    let (Some(x), Some(y)) = (int_value(a), int_value(b)) else {
        return Ok(vm.not_implemented());
    };
    if !m.is(&vm.none) {
        let Some(z) = int_value(m) else {
            return Ok(vm.not_implemented());
        };
        if z.is_zero() {
            return Err(vm.new_value_error("pow() 3rd argument cannot be 0"));
        }
        if y.is_negative() {
            // modular inverse
            let zb = z.to_big();
            let base = x.to_big();
            let inv = modinv(&base, &zb);
            return match inv {
                Some(i) => Ok(vm.new_int_value(Int::from_big(i).pow_mod(&y.neg(), z))),
                None => Err(vm.new_value_error("base is not invertible for the given modulus")),
            };
        }
        return Ok(vm.new_int_value(x.pow_mod(y, z)));
    }
    if y.is_negative() {
        let (Some(fx), Some(fy)) = (x.to_f64(), y.to_f64()) else {
            return Err(vm.new_overflow_error("int too large to convert to float"));
        };
        if fx == 0.0 {
            return Err(vm.new_zero_division_error("0.0 cannot be raised to a negative power"));
        }
        return crate::objects::float::float_pow_values(vm, fx, fy);
    }
    let Some(e) = y.as_i64() else {
        return match x.as_i64() {
            Some(0) | Some(1) => Ok(vm.new_int_value(x.clone())),
            Some(-1) => Ok(vm.new_int(if y.to_big().bit(0) { -1 } else { 1 })),
            _ => Err(vm.no_memory()),
        };
    };
    let bits = x.bit_length().saturating_mul(e as u64);
    vm.check_alloc((bits / 8) as usize)?;
    Ok(vm.new_int_value(x.pow_u(e as u64)))
}

fn modinv(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    use num_integer::Integer;
    use num_traits::{One, Signed};
    let m = m.abs();
    let g = a.mod_floor(&m).extended_gcd(&m);
    if !g.gcd.is_one() {
        return None;
    }
    Some(g.x.mod_floor(&m))
}

pub fn int_neg(vm: &Vm, a: &PyObject) -> PyResult {
    Ok(vm.new_int_value(int_value(a).map(|v| v.neg()).unwrap_or(Int::Small(0))))
}
pub fn int_pos(vm: &Vm, a: &PyObject) -> PyResult {
    Ok(vm.new_int_value(int_value(a).cloned().unwrap_or(Int::Small(0))))
}
pub fn int_abs(vm: &Vm, a: &PyObject) -> PyResult {
    Ok(vm.new_int_value(int_value(a).map(|v| v.abs()).unwrap_or(Int::Small(0))))
}
pub fn int_invert(vm: &Vm, a: &PyObject) -> PyResult {
    Ok(vm.new_int_value(int_value(a).map(|v| v.invert()).unwrap_or(Int::Small(0))))
}
pub fn int_bool(_vm: &Vm, a: &PyObject) -> PyResult<bool> {
    Ok(int_value(a).is_some_and(|v| !v.is_zero()))
}
pub fn int_int(vm: &Vm, a: &PyObject) -> PyResult {
    if a.is_type(&vm.types.int) {
        return Ok(a.to_owned());
    }
    Ok(vm.new_int_value(int_value(a).cloned().unwrap_or(Int::Small(0))))
}
pub fn int_float(vm: &Vm, a: &PyObject) -> PyResult {
    match int_value(a).map(|v| v.to_f64()) {
        Some(Some(f)) => Ok(vm.new_float(f)),
        _ => Err(vm.new_overflow_error("int too large to convert to float")),
    }
}
pub fn int_hash(_vm: &Vm, a: &PyObject) -> PyResult<i64> {
    Ok(int_value(a).map_or(0, |v| v.hash()))
}
pub fn int_repr(vm: &Vm, a: &PyObject) -> PyResult {
    let v = int_value(a).cloned().unwrap_or(Int::Small(0));
    if let Int::Big(_) = v {
        if v.approx_decimal_digits() > vm.int_max_str_digits() as u64 + 1 {
            let s = v.to_decimal();
            let n = s.trim_start_matches('-').len();
            if n > vm.int_max_str_digits() {
                return Err(vm.new_value_error(format!(
                    "Exceeds the limit ({} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
                    vm.int_max_str_digits()
                )));
            }
            return Ok(vm.new_str(&s));
        }
    }
    Ok(vm.new_str(&v.to_decimal()))
}

/// int `tp_richcompare` (also compares with floats exactly).
pub fn int_richcompare(vm: &Vm, a: &PyObject, b: &PyObject, op: CmpOp) -> PyResult {
    let Some(x) = int_value(a) else {
        return Ok(vm.not_implemented());
    };
    if let Some(y) = int_value(b) {
        return Ok(vm.new_bool(op.from_ordering(x.cmp(y))));
    }
    Ok(vm.not_implemented())
}
