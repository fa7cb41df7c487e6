//! `Int`: the value of a Python `int` — an inline `i64` fast path and a `BigInt` beyond —
//! with CPython's semantics for `//`, `%`, `**`, shifts and bit operations.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::cmp::Ordering;

/// An int value. Invariant: `Big` only holds values outside the `i64` range.
#[derive(Clone, Debug)]
pub enum Int {
    Small(i64),
    Big(Box<BigInt>),
}

impl Int {
    pub fn from_big(b: BigInt) -> Int {
        match b.to_i64() {
            Some(v) => Int::Small(v),
            None => Int::Big(Box::new(b)),
        }
    }
    pub fn to_big(&self) -> BigInt {
        match self {
            Int::Small(v) => BigInt::from(*v),
            Int::Big(b) => (**b).clone(),
        }
    }
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Int::Small(v) => Some(*v),
            Int::Big(_) => None,
        }
    }
    pub fn is_zero(&self) -> bool {
        matches!(self, Int::Small(0))
    }
    pub fn is_negative(&self) -> bool {
        match self {
            Int::Small(v) => *v < 0,
            Int::Big(b) => b.is_negative(),
        }
    }
    pub fn signum(&self) -> i32 {
        match self {
            Int::Small(v) => v.signum() as i32,
            Int::Big(b) => {
                if b.is_negative() {
                    -1
                } else {
                    1
                }
            }
        }
    }
    pub fn to_f64(&self) -> Option<f64> {
        match self {
            Int::Small(v) => Some(*v as f64),
            Int::Big(b) => {
                let f = b.to_f64()?;
                if f.is_finite() { Some(f) } else { None }
            }
        }
    }
    pub fn cmp(&self, o: &Int) -> Ordering {
        match (self, o) {
            (Int::Small(a), Int::Small(b)) => a.cmp(b),
            _ => self.to_big().cmp(&o.to_big()),
        }
    }
    pub fn hash(&self) -> i64 {
        match self {
            Int::Small(v) => refvm_common::hash::hash_i64(*v),
            Int::Big(b) => refvm_common::hash::hash_bigint(b),
        }
    }
    /// Number of bits in `abs(self)` (`int.bit_length`).
    pub fn bit_length(&self) -> u64 {
        match self {
            Int::Small(v) => 64 - v.unsigned_abs().leading_zeros() as u64,
            Int::Big(b) => b.bits(),
        }
    }

    pub fn add(&self, o: &Int) -> Int {
        if let (Int::Small(a), Int::Small(b)) = (self, o) {
            if let Some(r) = a.checked_add(*b) {
                return Int::Small(r);
            }
        }
        Int::from_big(self.to_big() + o.to_big())
    }
    pub fn sub(&self, o: &Int) -> Int {
        if let (Int::Small(a), Int::Small(b)) = (self, o) {
            if let Some(r) = a.checked_sub(*b) {
                return Int::Small(r);
            }
        }
        Int::from_big(self.to_big() - o.to_big())
    }
    pub fn mul(&self, o: &Int) -> Int {
        if let (Int::Small(a), Int::Small(b)) = (self, o) {
            if let Some(r) = a.checked_mul(*b) {
                return Int::Small(r);
            }
        }
        Int::from_big(self.to_big() * o.to_big())
    }
    pub fn neg(&self) -> Int {
        match self {
            Int::Small(v) => match v.checked_neg() {
                Some(r) => Int::Small(r),
                None => Int::from_big(-BigInt::from(*v)),
            },
            Int::Big(b) => Int::from_big(-(**b).clone()),
        }
    }
    pub fn abs(&self) -> Int {
        if self.is_negative() {
            self.neg()
        } else {
            self.clone()
        }
    }
    /// Floor division; `None` on division by zero.
    pub fn floordiv(&self, o: &Int) -> Option<Int> {
        if o.is_zero() {
            return None;
        }
        if let (Int::Small(a), Int::Small(b)) = (self, o) {
            if a.checked_div(*b).is_some() {
                return Some(Int::Small(a.div_floor(b)));
            }
        }
        Some(Int::from_big(self.to_big().div_floor(&o.to_big())))
    }
    /// Python `%` (sign of the divisor); `None` on division by zero.
    pub fn modulo(&self, o: &Int) -> Option<Int> {
        if o.is_zero() {
            return None;
        }
        if let (Int::Small(a), Int::Small(b)) = (self, o) {
            if *b == -1 {
                return Some(Int::Small(0));
            }
            return Some(Int::Small(a.mod_floor(b)));
        }
        Some(Int::from_big(self.to_big().mod_floor(&o.to_big())))
    }
    pub fn pow_u(&self, e: u64) -> Int {
        if let Int::Small(b) = self {
            if e <= u32::MAX as u64 {
                if let Some(r) = b.checked_pow(e as u32) {
                    return Int::Small(r);
                }
            }
        }
        let mut base = self.to_big();
        let mut e = e;
        let mut acc = BigInt::one();
        while e > 0 {
            if e & 1 == 1 {
                acc *= &base;
            }
            e >>= 1;
            if e > 0 {
                base = &base * &base;
            }
        }
        Int::from_big(acc)
    }
    /// `pow(self, e, m)` with `e >= 0`, `m != 0`.
    pub fn pow_mod(&self, e: &Int, m: &Int) -> Int {
        let mb = m.to_big();
        let r = self.to_big().modpow(&e.to_big(), &mb.abs());
        // Python: result has the sign of m
        let mut r = r.mod_floor(&mb.abs());
        if mb.is_negative() && !r.is_zero() {
            r += &mb;
        }
        Int::from_big(r)
    }
    pub fn shl(&self, n: u64) -> Int {
        if let Int::Small(v) = self {
            if *v == 0 {
                return Int::Small(0);
            }
            if n < 63 {
                let r = v.checked_shl(n as u32).filter(|r| (r >> n) == *v);
                if let Some(r) = r {
                    return Int::Small(r);
                }
            }
        }
        Int::from_big(self.to_big() << n as usize)
    }
    pub fn shr(&self, n: u64) -> Int {
        match self {
            Int::Small(v) => Int::Small(if n >= 64 {
                if *v < 0 { -1 } else { 0 }
            } else {
                v >> n
            }),
            Int::Big(b) => {
                // floor semantics: BigInt >> rounds toward negative infinity for negatives
                Int::from_big(&**b >> n as usize)
            }
        }
    }
    pub fn bitand(&self, o: &Int) -> Int {
        match (self, o) {
            (Int::Small(a), Int::Small(b)) => Int::Small(a & b),
            _ => Int::from_big(self.to_big() & o.to_big()),
        }
    }
    pub fn bitor(&self, o: &Int) -> Int {
        match (self, o) {
            (Int::Small(a), Int::Small(b)) => Int::Small(a | b),
            _ => Int::from_big(self.to_big() | o.to_big()),
        }
    }
    pub fn bitxor(&self, o: &Int) -> Int {
        match (self, o) {
            (Int::Small(a), Int::Small(b)) => Int::Small(a ^ b),
            _ => Int::from_big(self.to_big() ^ o.to_big()),
        }
    }
    pub fn invert(&self) -> Int {
        match self {
            Int::Small(v) => Int::Small(!v),
            Int::Big(b) => Int::from_big(-(**b).clone() - 1),
        }
    }
    /// Decimal digits.
    pub fn to_decimal(&self) -> String {
        match self {
            Int::Small(v) => v.to_string(),
            Int::Big(b) => b.to_string(),
        }
    }
    /// Number of decimal digits (for the 4300-digit limit check), approximate from bits.
    pub fn approx_decimal_digits(&self) -> u64 {
        (self.bit_length() as f64 * std::f64::consts::LOG10_2) as u64 + 1
    }
    /// True division `self / o` as CPython's `long_true_divide` (correctly rounded).
    pub fn truediv(&self, o: &Int) -> Result<f64, &'static str> {
        if o.is_zero() {
            return Err("division by zero");
        }
        if let (Int::Small(a), Int::Small(b)) = (self, o) {
            const EXACT: i64 = 1 << 53;
            if a.abs() <= EXACT && b.abs() <= EXACT {
                return Ok(*a as f64 / *b as f64);
            }
        }
        let a = self.to_big();
        let b = o.to_big();
        let neg = a.is_negative() != b.is_negative();
        let (a, b) = (a.abs(), b.abs());
        // Scale so the quotient has 55+ significant bits, then round once.
        let abits = a.bits() as i64;
        let bbits = b.bits() as i64;
        let shift = 55 - (abits - bbits); // quotient ~ 2^(abits-bbits)
        let (num, den) = if shift >= 0 {
            (a << shift as usize, b)
        } else {
            (a, b << (-shift) as usize)
        };
        let (q, r) = num.div_rem(&den);
        // q has 55 or 56 bits; fold the remainder into a sticky bit.
        let mut q = q;
        if !r.is_zero() {
            q = (q << 1usize) | BigInt::one();
        } else {
            q <<= 1usize;
        }
        let exp = -(shift + 1);
        let qf = big_to_f64_rounded(&q, exp);
        match qf {
            Some(v) => Ok(if neg { -v } else { v }),
            None => Err("integer division result too large for a float"),
        }
    }
}

/// `q * 2**exp` correctly rounded (q positive); `None` on overflow.
fn big_to_f64_rounded(q: &BigInt, exp: i64) -> Option<f64> {
    let bits = q.bits() as i64;
    // target 53 significant bits (fewer for subnormals)
    let e_result = bits + exp; // value in [2^(e_result-1), 2^e_result)
    if e_result > 1024 {
        return None;
    }
    let mut keep = 53;
    if e_result - 1 < -1022 {
        keep = 53 - ((-1022) - (e_result - 1));
        if keep < 0 {
            keep = 0;
        }
    }
    let drop = bits - keep;
    let (mant, e2) = if drop > 0 {
        let m = q >> drop as usize;
        let rem = q - (&m << drop as usize);
        let half = BigInt::one() << (drop - 1) as usize;
        let m = match rem.cmp(&half) {
            Ordering::Greater => m + 1,
            Ordering::Less => m,
            Ordering::Equal => {
                if (&m & BigInt::one()).is_zero() {
                    m
                } else {
                    m + 1
                }
            }
        };
        (m, exp + drop)
    } else {
        (q.clone(), exp)
    };
    let m = mant.to_u64()? as f64;
    let r = ldexp(m, e2);
    if r.is_infinite() { None } else { Some(r) }
}

/// `x * 2**e` without intermediate overflow/underflow where avoidable.
pub fn ldexp(x: f64, e: i64) -> f64 {
    let mut x = x;
    let mut e = e;
    while e > 1000 {
        x *= 2f64.powi(1000);
        e -= 1000;
        if x.is_infinite() {
            return x;
        }
    }
    while e < -1000 {
        x *= 2f64.powi(-1000);
        e += 1000;
        if x == 0.0 {
            return x;
        }
    }
    x * 2f64.powi(e as i32)
}

impl PartialEq for Int {
    fn eq(&self, o: &Int) -> bool {
        match (self, o) {
            (Int::Small(a), Int::Small(b)) => a == b,
            (Int::Big(a), Int::Big(b)) => a == b,
            _ => false,
        }
    }
}

/// Parses `int(s, base)` text (already stripped of whitespace); `None` if invalid.
pub fn parse_int(s: &str, base: u32) -> Option<(Int, u32)> {
    let mut t = s;
    let mut neg = false;
    if let Some(r) = t.strip_prefix('-') {
        neg = true;
        t = r;
    } else if let Some(r) = t.strip_prefix('+') {
        t = r;
    }
    let mut base = base;
    let lower = t.get(..2).map(|p| p.to_ascii_lowercase());
    let prefixed = match lower.as_deref() {
        Some("0x") if base == 16 || base == 0 => Some(16),
        Some("0o") if base == 8 || base == 0 => Some(8),
        Some("0b") if base == 2 || base == 0 => Some(2),
        _ => None,
    };
    if let Some(b) = prefixed {
        base = b;
        t = &t[2..];
        // underscore allowed right after prefix
        if let Some(r) = t.strip_prefix('_') {
            t = r;
        }
    } else if base == 0 {
        base = 10;
        // leading zeros not allowed for base 0 unless the value is zero
        let digits: String = t.chars().filter(|c| *c != '_').collect();
        if digits.len() > 1 && digits.starts_with('0') && digits.chars().any(|c| c != '0') {
            return None;
        }
    }
    if t.is_empty() || t.starts_with('_') || t.ends_with('_') || t.contains("__") {
        return None;
    }
    let digits: String = t.chars().filter(|c| *c != '_').collect();
    if !digits
        .chars()
        .all(|c| c.is_ascii_alphanumeric() && c.to_digit(36).is_some_and(|d| d < base))
    {
        return None;
    }
    let v = if digits.len() <= 18 && base == 10 {
        Int::Small(digits.parse::<i64>().ok()?)
    } else {
        Int::from_big(BigInt::parse_bytes(digits.as_bytes(), base)?)
    };
    Some((if neg { v.neg() } else { v }, base))
}

/// Formats `v` in base 2, 8 or 16 with the Python prefix (`bin`, `oct`, `hex`).
pub fn format_radix(v: &Int, radix: u32, prefix: bool) -> String {
    let neg = v.is_negative();
    let mag = v.to_big().abs();
    let digits = mag.to_str_radix(radix);
    let p = match (prefix, radix) {
        (true, 2) => "0b",
        (true, 8) => "0o",
        (true, 16) => "0x",
        _ => "",
    };
    format!("{}{}{}", if neg { "-" } else { "" }, p, digits)
}
