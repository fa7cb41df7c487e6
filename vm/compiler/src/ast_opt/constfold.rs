//! Python's operators on constant values, as the AST optimiser folds them: the
//! semantics of `PyNumber_*` for int, float, complex, bool, str, bytes and tuple, with
//! the size limits of CPython 3.11's `ast_opt.c` (`safe_multiply`, `safe_power`,
//! `safe_lshift`, `safe_mod`). `None` means "CPython raised, leave the node alone".

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use refvm_syntax::ast::{Constant, Operator, Unaryop};

const MAX_INT_SIZE: u64 = 128;
const MAX_COLLECTION_SIZE: i64 = 256;
const MAX_STR_SIZE: i64 = 4096;
const MAX_TOTAL_ITEMS: i64 = 1024;

/// A numeric view of a constant (bool counts as int).
enum Num<'a> {
    Int(std::borrow::Cow<'a, BigInt>),
    Float(f64),
    Complex(f64, f64),
}

fn num(c: &Constant) -> Option<Num<'_>> {
    Some(match c {
        Constant::Bool(b) => Num::Int(std::borrow::Cow::Owned(BigInt::from(u8::from(*b)))),
        Constant::Int(i) => Num::Int(std::borrow::Cow::Borrowed(i)),
        Constant::Float(x) => Num::Float(*x),
        Constant::Complex { real, imag } => Num::Complex(*real, *imag),
        _ => return None,
    })
}

fn as_int(c: &Constant) -> Option<BigInt> {
    match c {
        Constant::Bool(b) => Some(BigInt::from(u8::from(*b))),
        Constant::Int(i) => Some(i.clone()),
        _ => None,
    }
}

/// `PyLong_AsDouble`: correctly rounded, `None` on overflow.
pub fn int_to_f64(i: &BigInt) -> Option<f64> {
    let bits = i.bits();
    let mag = i.magnitude();
    let v = if bits <= 64 {
        mag.to_u64()? as f64
    } else {
        let shift = bits - 64;
        let top: u64 = (mag >> shift).to_u64()?;
        let sticky = (mag & ((num_bigint::BigUint::one() << shift) - 1u32)).is_zero();
        let top = if sticky { top } else { top | 1 };
        if shift > 2000 {
            return None;
        }
        (top as f64) * 2f64.powi(shift as i32)
    };
    if v.is_infinite() {
        return None;
    }
    Some(if i.sign() == Sign::Minus { -v } else { v })
}

fn to_f64(n: &Num) -> Option<f64> {
    match n {
        Num::Int(i) => int_to_f64(i),
        Num::Float(x) => Some(*x),
        Num::Complex(..) => None,
    }
}

fn to_complex(n: &Num) -> Option<(f64, f64)> {
    match n {
        Num::Complex(re, im) => Some((*re, *im)),
        other => Some((to_f64(other)?, 0.0)),
    }
}

/// `long_true_divide`: correctly rounded int / int.
fn int_true_divide(a: &BigInt, b: &BigInt) -> Option<f64> {
    const DBL_MANT_DIG: i64 = 53;
    const DBL_MIN_EXP: i64 = -1021;
    const DBL_MAX_EXP: i64 = 1024;
    if b.is_zero() {
        return None;
    }
    let negate = (a.sign() == Sign::Minus) ^ (b.sign() == Sign::Minus);
    let signed = |x: f64| if negate { -x } else { x };
    if a.is_zero() {
        return Some(signed(0.0));
    }
    let a = a.magnitude();
    let b = b.magnitude();
    let diff = a.bits() as i64 - b.bits() as i64;
    if diff > DBL_MAX_EXP {
        return None;
    }
    if diff < DBL_MIN_EXP - DBL_MANT_DIG - 1 {
        return Some(signed(0.0));
    }
    let shift = diff.max(DBL_MIN_EXP) - DBL_MANT_DIG - 2;
    let mut inexact = false;
    let x = if shift <= 0 {
        a << (-shift) as u64
    } else {
        let s = shift as u64;
        if !(a & ((num_bigint::BigUint::one() << s) - 1u32)).is_zero() {
            inexact = true;
        }
        a >> s
    };
    let (mut x, rem) = x.div_rem(b);
    if !rem.is_zero() {
        inexact = true;
    }
    let x_bits = x.bits() as i64;
    let extra_bits = x_bits.max(DBL_MIN_EXP - shift) - DBL_MANT_DIG;
    let mask: u64 = 1 << (extra_bits - 1);
    let low = (&x & num_bigint::BigUint::from(u64::MAX))
        .to_u64()
        .unwrap_or(0)
        | u64::from(inexact);
    let mut low2 = low;
    if (low & mask) != 0 && (low & (3 * mask - 1)) != 0 {
        low2 += mask;
    }
    low2 &= !(2 * mask - 1);
    x = (x >> 64u32 << 64u32) + num_bigint::BigUint::from(low2);
    let dx = x.to_f64()?;
    if shift + x_bits >= DBL_MAX_EXP
        && (shift + x_bits > DBL_MAX_EXP || dx == 2f64.powi(x_bits as i32))
    {
        return None;
    }
    Some(signed(ldexp(dx, shift)))
}

/// `ldexp` for an exactly representable result: scaling in steps keeps every
/// intermediate value exact.
fn ldexp(mut x: f64, mut e: i64) -> f64 {
    while e > 1000 {
        x *= 2f64.powi(1000);
        e -= 1000;
    }
    while e < -1000 {
        x *= 2f64.powi(-1000);
        e += 1000;
    }
    x * 2f64.powi(e as i32)
}

/// `float_pow`.
fn float_pow(iv: f64, iw: f64) -> Option<Constant> {
    let is_odd_int = |w: f64| w == w.floor() && (w.abs() % 2.0) == 1.0;
    if iw == 0.0 {
        return Some(Constant::Float(1.0));
    }
    if iv.is_nan() {
        return Some(Constant::Float(iv));
    }
    if iw.is_nan() {
        return Some(Constant::Float(if iv == 1.0 { 1.0 } else { iw }));
    }
    if iw.is_infinite() {
        let av = iv.abs();
        return Some(Constant::Float(if av == 1.0 {
            1.0
        } else if (iw > 0.0) == (av > 1.0) {
            iw.abs()
        } else {
            0.0
        }));
    }
    if iv.is_infinite() {
        let odd = is_odd_int(iw);
        return Some(Constant::Float(if iw > 0.0 {
            if odd { iv } else { iv.abs() }
        } else if odd {
            0f64.copysign(iv)
        } else {
            0.0
        }));
    }
    if iv == 0.0 {
        if iw < 0.0 {
            return None;
        }
        return Some(Constant::Float(if is_odd_int(iw) { iv } else { 0.0 }));
    }
    let mut iv = iv;
    let mut negate = false;
    if iv < 0.0 {
        if iw != iw.floor() {
            return complex_pow((iv, 0.0), (iw, 0.0));
        }
        iv = -iv;
        negate = is_odd_int(iw);
    }
    if iv == 1.0 {
        return Some(Constant::Float(if negate { -1.0 } else { 1.0 }));
    }
    let ix = iv.powf(iw);
    if ix.is_infinite() {
        return None;
    }
    Some(Constant::Float(if negate { -ix } else { ix }))
}

fn c_prod(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// `_Py_c_quot`; `None` for division by zero.
fn c_quot(a: (f64, f64), b: (f64, f64)) -> Option<(f64, f64)> {
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

/// `complex_pow` (`c_powi` for small integral exponents, else `_Py_c_pow`).
fn complex_pow(a: (f64, f64), b: (f64, f64)) -> Option<Constant> {
    let p = if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        let powu = |x: (f64, f64), n: i64| {
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
        };
        if n > 0 {
            powu(a, n)
        } else {
            c_quot((1.0, 0.0), powu(a, -n))?
        }
    } else if b.0 == 0.0 && b.1 == 0.0 {
        (1.0, 0.0)
    } else if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            return None;
        }
        (0.0, 0.0)
    } else {
        let vabs = a.0.hypot(a.1);
        let mut len = vabs.powf(b.0);
        let at = a.1.atan2(a.0);
        let mut phase = at * b.0;
        if b.1 != 0.0 {
            len /= (at * b.1).exp();
            phase += b.1 * vabs.ln();
        }
        (len * phase.cos(), len * phase.sin())
    };
    if p.0.is_infinite() || p.1.is_infinite() {
        return None;
    }
    Some(Constant::Complex {
        real: p.0,
        imag: p.1,
    })
}

fn float_divmod(vx: f64, wx: f64) -> Option<(f64, f64)> {
    if wx == 0.0 {
        return None;
    }
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0f64.copysign(vx / wx)
    };
    Some((floordiv, m))
}

fn float_rem(vx: f64, wx: f64) -> Option<f64> {
    if wx == 0.0 {
        return None;
    }
    let m = vx % wx;
    Some(if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) { m + wx } else { m }
    } else {
        0f64.copysign(wx)
    })
}

/// Arithmetic on two numbers (bool as int), after the `safe_*` limits were checked.
fn numeric_binop(op: Operator, a: Num, b: Num) -> Option<Constant> {
    use Operator::*;
    if let (Num::Int(x), Num::Int(y)) = (&a, &b) {
        let (x, y) = (x.as_ref(), y.as_ref());
        return Some(Constant::Int(match op {
            Add => x + y,
            Sub => x - y,
            Mult => x * y,
            Div => return int_true_divide(x, y).map(Constant::Float),
            FloorDiv => {
                if y.is_zero() {
                    return None;
                }
                x.div_floor(y)
            }
            Mod => {
                if y.is_zero() {
                    return None;
                }
                x.mod_floor(y)
            }
            Pow => {
                if y.is_negative() {
                    return float_pow(int_to_f64(x)?, int_to_f64(y)?);
                }
                if y.is_zero() {
                    BigInt::one()
                } else if x.is_zero() {
                    BigInt::zero()
                } else {
                    num_traits::pow::Pow::pow(x, y.to_u32()?)
                }
            }
            LShift => {
                if y.is_negative() {
                    return None;
                }
                if x.is_zero() {
                    BigInt::zero()
                } else {
                    x << y.to_u64()?
                }
            }
            RShift => {
                if y.is_negative() {
                    return None;
                }
                match y.to_u64() {
                    Some(s) if s < u64::from(u32::MAX) => x >> s,
                    _ => {
                        if x.is_negative() {
                            BigInt::from(-1)
                        } else {
                            BigInt::zero()
                        }
                    }
                }
            }
            BitOr => x | y,
            BitXor => x ^ y,
            BitAnd => x & y,
            MatMult => return None,
        }));
    }
    if matches!(a, Num::Complex(..)) || matches!(b, Num::Complex(..)) {
        let x = to_complex(&a)?;
        let y = to_complex(&b)?;
        let r = match op {
            Add => (x.0 + y.0, x.1 + y.1),
            Sub => (x.0 - y.0, x.1 - y.1),
            Mult => c_prod(x, y),
            Div => c_quot(x, y)?,
            Pow => return complex_pow(x, y),
            _ => return None,
        };
        return Some(Constant::Complex {
            real: r.0,
            imag: r.1,
        });
    }
    let x = to_f64(&a)?;
    let y = to_f64(&b)?;
    Some(Constant::Float(match op {
        Add => x + y,
        Sub => x - y,
        Mult => x * y,
        Div => {
            if y == 0.0 {
                return None;
            }
            x / y
        }
        FloorDiv => float_divmod(x, y)?.0,
        Mod => float_rem(x, y)?,
        Pow => return float_pow(x, y),
        _ => return None,
    }))
}

/// The length CPython's limits count: code points, bytes or items.
fn seq_len(c: &Constant) -> Option<i64> {
    Some(match c {
        Constant::Str(s) => s.char_len() as i64,
        Constant::Bytes(b) => b.len() as i64,
        Constant::Tuple(t) | Constant::FrozenSet(t) => t.len() as i64,
        _ => return None,
    })
}

/// `check_complexity`.
fn check_complexity(c: &Constant, mut limit: i64) -> i64 {
    if let Constant::Tuple(items) | Constant::FrozenSet(items) = c {
        limit -= items.len() as i64;
        for i in items {
            if limit < 0 {
                break;
            }
            limit = check_complexity(i, limit);
        }
    }
    limit
}

/// Sequence repetition `seq * n`.
fn repeat(seq: &Constant, n: &BigInt) -> Option<Constant> {
    let n = n
        .to_i64()
        .unwrap_or(if n.is_negative() { -1 } else { i64::MAX })
        .max(0) as usize;
    Some(match seq {
        Constant::Str(s) => {
            let mut out = refvm_common::PyStr::with_capacity(s.byte_len() * n);
            for _ in 0..n {
                out.push_pystr(s);
            }
            Constant::Str(out)
        }
        Constant::Bytes(b) => Constant::Bytes(b.repeat(n)),
        Constant::Tuple(t) => {
            let mut out = Vec::with_capacity(t.len() * n);
            for _ in 0..n {
                out.extend(t.iter().cloned());
            }
            Constant::Tuple(out)
        }
        _ => return None,
    })
}

/// `safe_multiply`.
fn safe_multiply(v: &Constant, w: &Constant) -> Option<Constant> {
    let vi = as_int(v);
    let wi = as_int(w);
    if let (Some(a), Some(b)) = (&vi, &wi) {
        if !a.is_zero() && !b.is_zero() && a.bits() + b.bits() > MAX_INT_SIZE {
            return None;
        }
        return numeric_binop(Operator::Mult, num(v)?, num(w)?);
    }
    if let Some(n) = &vi {
        match w {
            Constant::Tuple(_) | Constant::FrozenSet(_) => {
                let size = seq_len(w)?;
                if size != 0 {
                    let n = n.to_i64()?;
                    if n < 0 || n > MAX_COLLECTION_SIZE / size {
                        return None;
                    }
                    if n != 0 && check_complexity(w, MAX_TOTAL_ITEMS / n) < 0 {
                        return None;
                    }
                }
                return repeat(w, &BigInt::from(n.to_i64()?));
            }
            Constant::Str(_) | Constant::Bytes(_) => {
                let size = seq_len(w)?;
                if size != 0 {
                    let n = n.to_i64()?;
                    if n < 0 || n > MAX_STR_SIZE / size {
                        return None;
                    }
                }
                // With an empty sequence, CPython still needs n to fit an index.
                n.to_i64()?;
                return repeat(w, n);
            }
            _ => {}
        }
    }
    if wi.is_some()
        && matches!(
            v,
            Constant::Tuple(_) | Constant::FrozenSet(_) | Constant::Str(_) | Constant::Bytes(_)
        )
    {
        return safe_multiply(w, v);
    }
    numeric_binop(Operator::Mult, num(v)?, num(w)?)
}

/// `safe_power`.
fn safe_power(v: &Constant, w: &Constant) -> Option<Constant> {
    if let (Some(a), Some(b)) = (as_int(v), as_int(w))
        && !a.is_zero()
        && b.is_positive()
    {
        let vbits = a.bits();
        let wbits = b.to_u64()?;
        if vbits > MAX_INT_SIZE / wbits {
            return None;
        }
    }
    numeric_binop(Operator::Pow, num(v)?, num(w)?)
}

/// `safe_lshift`.
fn safe_lshift(v: &Constant, w: &Constant) -> Option<Constant> {
    if let (Some(a), Some(b)) = (as_int(v), as_int(w))
        && !a.is_zero()
        && !b.is_zero()
    {
        let vbits = a.bits();
        let wbits = b.to_u64()?;
        if wbits > MAX_INT_SIZE || vbits > MAX_INT_SIZE - wbits {
            return None;
        }
    }
    numeric_binop(Operator::LShift, num(v)?, num(w)?)
}

/// `fold_binop`'s computation for two constants.
pub fn binop(op: Operator, lv: &Constant, rv: &Constant) -> Option<Constant> {
    use Operator::*;
    match op {
        Add => match (lv, rv) {
            (Constant::Str(a), Constant::Str(b)) => {
                let mut s = a.clone();
                s.push_pystr(b);
                Some(Constant::Str(s))
            }
            (Constant::Bytes(a), Constant::Bytes(b)) => {
                Some(Constant::Bytes([a.as_slice(), b].concat()))
            }
            (Constant::Tuple(a), Constant::Tuple(b)) => {
                Some(Constant::Tuple(a.iter().chain(b.iter()).cloned().collect()))
            }
            _ => numeric_binop(op, num(lv)?, num(rv)?),
        },
        Mult => safe_multiply(lv, rv),
        Mod => {
            if matches!(lv, Constant::Str(_) | Constant::Bytes(_)) {
                return None;
            }
            numeric_binop(op, num(lv)?, num(rv)?)
        }
        Pow => safe_power(lv, rv),
        LShift => safe_lshift(lv, rv),
        BitOr | BitXor | BitAnd => {
            if let (Constant::Bool(a), Constant::Bool(b)) = (lv, rv) {
                return Some(Constant::Bool(match op {
                    BitOr => a | b,
                    BitXor => a ^ b,
                    _ => a & b,
                }));
            }
            match (num(lv)?, num(rv)?) {
                (a @ Num::Int(_), b @ Num::Int(_)) => numeric_binop(op, a, b),
                _ => None,
            }
        }
        RShift => match (num(lv)?, num(rv)?) {
            (a @ Num::Int(_), b @ Num::Int(_)) => numeric_binop(op, a, b),
            _ => None,
        },
        MatMult => None,
        Sub | Div | FloorDiv => numeric_binop(op, num(lv)?, num(rv)?),
    }
}

/// `fold_unaryop`'s computation for a constant operand.
pub fn unaryop(op: Unaryop, v: &Constant) -> Option<Constant> {
    match op {
        Unaryop::Not => Some(Constant::Bool(!is_true(v))),
        Unaryop::Invert => match num(v)? {
            Num::Int(i) => Some(Constant::Int(-(i.as_ref() + BigInt::one()))),
            _ => None,
        },
        Unaryop::UAdd => match num(v)? {
            Num::Int(i) => Some(Constant::Int(i.into_owned())),
            Num::Float(x) => Some(Constant::Float(x)),
            Num::Complex(re, im) => Some(Constant::Complex { real: re, imag: im }),
        },
        Unaryop::USub => match num(v)? {
            Num::Int(i) => Some(Constant::Int(-i.into_owned())),
            Num::Float(x) => Some(Constant::Float(-x)),
            Num::Complex(re, im) => Some(Constant::Complex {
                real: -re,
                imag: -im,
            }),
        },
    }
}

/// `PyObject_IsTrue` of a constant.
pub fn is_true(v: &Constant) -> bool {
    match v {
        Constant::None => false,
        Constant::Ellipsis => true,
        Constant::Bool(b) => *b,
        Constant::Int(i) => !i.is_zero(),
        Constant::Float(x) => *x != 0.0,
        Constant::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
        Constant::Str(s) => !s.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(t) | Constant::FrozenSet(t) => !t.is_empty(),
    }
}

/// `PyObject_GetItem(value, index)` for constant operands.
pub fn subscript(v: &Constant, idx: &Constant) -> Option<Constant> {
    let i = as_int(idx)?;
    let len = match v {
        Constant::Str(s) => s.char_len(),
        Constant::Bytes(b) => b.len(),
        Constant::Tuple(t) => t.len(),
        _ => return None,
    } as i64;
    let mut i = i.to_i64()?;
    if i < 0 {
        i += len;
    }
    if i < 0 || i >= len {
        return None;
    }
    let i = i as usize;
    Some(match v {
        Constant::Str(s) => {
            let cp = s.code_points().nth(i)?;
            Constant::Str(refvm_common::PyStr::from_code_points([cp])?)
        }
        Constant::Bytes(b) => Constant::Int(BigInt::from(b[i])),
        Constant::Tuple(t) => t[i].clone(),
        _ => return None,
    })
}

/// Python `==` between constants (for frozenset member deduplication).
pub fn py_eq(a: &Constant, b: &Constant) -> bool {
    match (a, b) {
        (Constant::None, Constant::None) | (Constant::Ellipsis, Constant::Ellipsis) => true,
        (Constant::Str(x), Constant::Str(y)) => x == y,
        (Constant::Bytes(x), Constant::Bytes(y)) => x == y,
        (Constant::Tuple(x), Constant::Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| py_eq(p, q))
        }
        (Constant::FrozenSet(x), Constant::FrozenSet(y)) => {
            x.len() == y.len() && x.iter().all(|p| y.iter().any(|q| py_eq(p, q)))
        }
        _ => match (num(a), num(b)) {
            (Some(x), Some(y)) => num_eq(&x, &y),
            _ => false,
        },
    }
}

fn num_eq(a: &Num, b: &Num) -> bool {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => x == y,
        (Num::Complex(..), _) | (_, Num::Complex(..)) => {
            let (Some(x), Some(y)) = (complex_exact(a), complex_exact(b)) else {
                return false;
            };
            x == y
        }
        (Num::Float(x), Num::Float(y)) => x == y,
        (Num::Int(i), Num::Float(x)) | (Num::Float(x), Num::Int(i)) => int_float_eq(i, *x),
    }
}

/// Exact comparison of an int and a float.
fn int_float_eq(i: &BigInt, x: f64) -> bool {
    if !x.is_finite() || x != x.trunc() {
        return false;
    }
    num_bigint::BigInt::from_f64_exact(x).is_some_and(|v| &v == i)
}

fn complex_exact(n: &Num) -> Option<(f64, f64)> {
    match n {
        Num::Complex(re, im) => Some((*re, *im)),
        Num::Float(x) => Some((*x, 0.0)),
        Num::Int(i) => {
            let f = int_to_f64(i)?;
            if int_float_eq(i, f) {
                Some((f, 0.0))
            } else {
                None
            }
        }
    }
}

/// Exact float → int conversion for integral floats.
trait FromF64Exact: Sized {
    fn from_f64_exact(x: f64) -> Option<Self>;
}

impl FromF64Exact for BigInt {
    fn from_f64_exact(x: f64) -> Option<BigInt> {
        num_traits::FromPrimitive::from_f64(x)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn i(v: i64) -> Constant {
        Constant::Int(BigInt::from(v))
    }

    #[test]
    fn true_division_rounds_correctly() {
        assert_eq!(
            int_true_divide(&BigInt::from(1), &BigInt::from(3)),
            Some(1.0 / 3.0)
        );
        assert_eq!(
            int_true_divide(&BigInt::from(-7), &BigInt::from(2)),
            Some(-3.5)
        );
        let big = BigInt::from(10).pow(30u32);
        assert_eq!(int_true_divide(&big, &BigInt::from(7)), Some(1e30 / 7.0));
        assert_eq!(int_true_divide(&BigInt::from(1), &BigInt::from(0)), None);
    }

    #[test]
    fn limits() {
        let s = Constant::Str("a".into());
        assert!(binop(Operator::Mult, &s, &i(4096)).is_some());
        assert!(binop(Operator::Mult, &s, &i(4097)).is_none());
        assert!(binop(Operator::Pow, &i(2), &i(10)).is_some());
        assert!(binop(Operator::Pow, &i(2), &i(127)).is_none());
        assert!(binop(Operator::LShift, &i(1), &i(127)).is_some());
        assert!(binop(Operator::LShift, &i(1), &i(128)).is_none());
        assert!(binop(Operator::Mod, &Constant::Str("%s".into()), &i(1)).is_none());
    }

    #[test]
    fn floats() {
        assert_eq!(
            binop(Operator::FloorDiv, &Constant::Float(7.5), &i(2)),
            Some(Constant::Float(3.0))
        );
        assert_eq!(
            binop(Operator::Mod, &Constant::Float(-7.5), &i(2)),
            Some(Constant::Float(0.5))
        );
        assert_eq!(
            binop(Operator::Pow, &i(2), &i(-1)),
            Some(Constant::Float(0.5))
        );
        assert_eq!(binop(Operator::Div, &i(1), &i(0)), None);
    }
}
