//! CPython 3.11's hash functions with `PYTHONHASHSEED=0`, so `hash()` and `set` order agree.
//!
//! `str`/`bytes`: SipHash-1-3 with the all-zero key over the bytes (for `str`, its PEP 393
//! buffer: 1, 2 or 4 bytes per code point, little-endian). Numbers: modulo the Mersenne
//! prime 2**61 - 1 (`Python/pyhash.c`, `Objects/longobject.c`). Tuples: the xxHash-style
//! combiner of `tuplehash`; frozensets: `frozenset_hash`.

use crate::pystr::PyStr;
use num_bigint::{BigInt, Sign};
use num_traits::{ToPrimitive, Zero};
use siphasher::sip::SipHasher13;
use std::hash::Hasher;

/// Number of bits in the modulus (`_PyHASH_BITS`).
pub const HASH_BITS: u32 = 61;
/// `_PyHASH_MODULUS`, the prime 2**61 - 1.
pub const HASH_MODULUS: u64 = (1 << HASH_BITS) - 1;
/// `_PyHASH_INF`: `hash(float('inf'))`.
pub const HASH_INF: i64 = 314_159;
/// `_PyHASH_IMAG`: the multiplier for the imaginary part of a complex.
pub const HASH_IMAG: u64 = 1_000_003;

/// -1 is reserved for errors in CPython; hash functions return -2 instead.
fn fix(h: i64) -> i64 {
    if h == -1 { -2 } else { h }
}

/// `_Py_HashBytes`: SipHash-1-3, zero key; the empty input hashes to 0.
pub fn hash_bytes(data: &[u8]) -> i64 {
    if data.is_empty() {
        return 0;
    }
    let mut h = SipHasher13::new_with_keys(0, 0);
    h.write(data);
    fix(h.finish() as i64)
}

/// `hash(s)` for a `str`.
pub fn hash_str(s: &PyStr) -> i64 {
    let max = s.max_code_point();
    if max < 0x80 {
        return hash_bytes(s.as_bytes());
    }
    let width = if max <= 0xff {
        1
    } else if max <= 0xffff {
        2
    } else {
        4
    };
    let mut buf = Vec::with_capacity(s.byte_len() * width);
    for cp in s.code_points() {
        buf.extend_from_slice(&cp.to_le_bytes()[..width]);
    }
    hash_bytes(&buf)
}

/// `hash(n)` for a machine-sized int.
pub fn hash_i64(n: i64) -> i64 {
    let m = HASH_MODULUS as i128;
    let r = (i128::from(n).abs() % m) as i64;
    fix(if n < 0 { -r } else { r })
}

/// `hash(n)` for an int of any size.
pub fn hash_bigint(n: &BigInt) -> i64 {
    if let Some(small) = n.to_i64() {
        return hash_i64(small);
    }
    let (sign, digits) = n.to_u64_digits();
    // Horner's rule over 64-bit digits, most significant first: x = x * 2**64 + d (mod M).
    // 2**64 = 2**3 * 2**61 = 8 (mod M).
    let mut x: u128 = 0;
    for &d in digits.iter().rev() {
        x = (x * 8 + u128::from(d)) % u128::from(HASH_MODULUS);
    }
    let x = x as i64;
    fix(if sign == Sign::Minus { -x } else { x })
}

/// `frexp`: `x = m * 2**e` with `0.5 <= |m| < 1` (finite, non-zero `x`).
fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(x * f64::from_bits(0x4350_0000_0000_0000)); // 2**54
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// `_Py_HashDouble` for a non-NaN float; `None` for NaN, whose hash is its object's
/// address in CPython 3.10+ and so belongs to the runtime.
pub fn hash_f64(v: f64) -> Option<i64> {
    if v.is_nan() {
        return None;
    }
    if v.is_infinite() {
        return Some(if v > 0.0 { HASH_INF } else { -HASH_INF });
    }
    let (mut m, mut e) = frexp(v);
    let mut sign: i64 = 1;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & HASH_MODULUS) | (x >> (HASH_BITS - 28));
        m *= 268_435_456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= HASH_MODULUS {
            x -= HASH_MODULUS;
        }
    }
    let bits = HASH_BITS as i32;
    let e = if e >= 0 {
        e % bits
    } else {
        bits - 1 - ((-1 - e) % bits)
    } as u32;
    x = ((x << e) & HASH_MODULUS) | (x >> (HASH_BITS - e));
    Some(fix((x as i64).wrapping_mul(sign)))
}

/// `hash(complex(re, im))` given the hashes of both parts.
pub fn hash_complex(hash_re: i64, hash_im: i64) -> i64 {
    let h = (hash_re as u64).wrapping_add(HASH_IMAG.wrapping_mul(hash_im as u64));
    fix(h as i64)
}

/// `tuplehash`: combines the items' hashes in order.
pub fn hash_tuple<I: IntoIterator<Item = i64>>(item_hashes: I) -> i64 {
    const P1: u64 = 11_400_714_785_074_694_791;
    const P2: u64 = 14_029_467_366_897_019_727;
    const P5: u64 = 2_870_177_450_012_600_261;
    let mut acc = P5;
    let mut len: u64 = 0;
    for lane in item_hashes {
        acc = acc.wrapping_add((lane as u64).wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
        len += 1;
    }
    acc = acc.wrapping_add(len ^ (P5 ^ 3_527_539));
    if acc == u64::MAX {
        return 1_546_275_796;
    }
    acc as i64
}

/// `frozenset_hash`: order-independent combination of the members' hashes.
pub fn hash_frozenset<I: IntoIterator<Item = i64>>(member_hashes: I) -> i64 {
    fn shuffle(h: u64) -> u64 {
        ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167)
    }
    let mut hash: u64 = 0;
    let mut n: u64 = 0;
    for h in member_hashes {
        hash ^= shuffle(h as u64);
        n += 1;
    }
    hash ^= (n + 1).wrapping_mul(1_927_868_237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69_069).wrapping_add(907_133_923);
    if hash == u64::MAX {
        return 590_923_713;
    }
    hash as i64
}

/// `True` when `n` is zero (helper for callers mapping `hash(0) == 0`).
pub fn is_zero(n: &BigInt) -> bool {
    n.is_zero()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::process::Command;

    fn python(expr: &str) -> String {
        let out = Command::new("python3")
            .env("PYTHONHASHSEED", "0")
            .args(["-c", &format!("print({expr})")])
            .output()
            .expect("python3 on PATH");
        String::from_utf8(out.stdout).unwrap().trim().to_owned()
    }

    #[test]
    fn known_values() {
        assert_eq!(hash_str(&PyStr::from("abc")), -4_594_863_902_769_663_758);
        assert_eq!(hash_str(&PyStr::from("")), 0);
        assert_eq!(hash_i64(-1), -2);
        assert_eq!(hash_i64(1 << 61), 1);
        assert_eq!(hash_f64(1.5), Some(1_152_921_504_606_846_977));
        assert_eq!(hash_tuple([]), 5_740_354_900_026_072_187);
    }

    #[test]
    fn agrees_with_cpython() {
        let strs = ["abc", "é", "ĀĂ", "😀x", "a\u{0}b"];
        let ours: Vec<String> = strs
            .iter()
            .map(|s| hash_str(&PyStr::from(*s)).to_string())
            .collect();
        let py = python(&format!(
            "' '.join(str(hash(s)) for s in {:?})",
            strs.iter().map(|s| s.to_string()).collect::<Vec<_>>()
        ));
        assert_eq!(ours.join(" "), py);

        let big: BigInt = "-123456789012345678901234567890123".parse().unwrap();
        assert_eq!(
            hash_bigint(&big).to_string(),
            python("hash(-123456789012345678901234567890123)")
        );
        for f in [0.1, -2.5e-300, 1e300, 5e-324, 123456.789] {
            assert_eq!(
                hash_f64(f).unwrap().to_string(),
                python(&format!("hash({f:e})")),
                "{f}"
            );
        }
        assert_eq!(
            hash_tuple([hash_i64(1), hash_str(&PyStr::from("abc"))]).to_string(),
            python("hash((1, 'abc'))")
        );
        assert_eq!(
            hash_frozenset([hash_i64(1), hash_i64(2)]).to_string(),
            python("hash(frozenset({1, 2}))")
        );
        assert_eq!(hash_bytes(b"abc").to_string(), python("hash(b'abc')"));
    }
}
