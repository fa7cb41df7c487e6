//! Literal values: small and big ints (around word boundaries), ordinary and edge
//! floats (inf, nan, -0.0, subnormals, the largest finite, huge exponents), strings
//! (ASCII, non-ASCII, escapes, surrogate-free) and bytes.

use super::Feature;
use super::build::*;
use super::scope::Gen;
use num_bigint::BigInt;
use refvm_syntax::ast::Expr;

/// Floats whose formatting and arithmetic are known trouble spots.
pub const EDGE_FLOATS: &[f64] = &[
    f64::INFINITY,
    f64::NEG_INFINITY,
    f64::NAN,
    -0.0,
    5e-324,
    2.2250738585072014e-308,
    2.225073858507201e-308,
    1.7976931348623157e308,
    1e16,
    1e22,
    1e23,
    9007199254740993.0,
    0.1,
    0.30000000000000004,
    1e-7,
    123456789012345678.0,
    0.5,
    2.5,
    -1.5,
    1e300,
    4.35,
    1e-320,
];

const WORDS: &[&str] = &[
    "",
    "a",
    "abc",
    "hello",
    "World",
    "py",
    "x y",
    "  pad  ",
    "42",
    "-7",
    "3.5",
    "ABC def",
    "tab\there",
    "new\nline",
    "quote's",
    "dq\"s",
    "back\\slash",
    "é",
    "naïve",
    "ß",
    "ǅ",
    "Σίσυφος",
    "日本",
    "😀",
    "\u{0}",
    "a,b,c",
    "1_000",
    "ﬁ",
    "İ",
    "\u{7f}",
    "\u{85}x",
    "0x1f",
    "Straße",
    "İstanbul",
    "ΑΒΓ",
    "\u{2028}",
    "inf",
    "nan",
    "  -12  ",
];

impl Gen<'_> {
    /// A small int literal (size: its bit length).
    pub fn small_int(&mut self, lo: i64, hi: i64) -> (Expr, u32) {
        let v = self.e.range(lo, hi);
        (int(v), bits_of(&BigInt::from(v)))
    }

    /// An int literal: mostly small, sometimes at a word boundary or huge.
    pub fn int_literal(&mut self, max_bits: u32) -> (Expr, u32) {
        self.tag(Feature::Ints);
        match self.e.below(10) {
            0..=5 => self.small_int(-20, 100),
            6 | 7 => {
                let k = *self
                    .e
                    .pick(&[7u32, 8, 15, 16, 31, 32, 52, 53, 62, 63, 64, 65, 127, 128]);
                if k + 1 > max_bits {
                    return self.small_int(0, 9);
                }
                self.tag(Feature::BigInts);
                let base = BigInt::from(1) << k;
                let delta = self.e.range(-1, 1);
                let sign = if self.e.chance(1, 3) { -1 } else { 1 };
                let v = (base + delta) * sign;
                let b = bits_of(&v);
                (int(v), b)
            }
            _ => {
                // A long literal: a random run of decimal digits.
                let ndigits = self.e.range(10, 80) as u32;
                if ndigits * 4 > max_bits {
                    return self.small_int(0, 9);
                }
                self.tag(Feature::BigInts);
                let mut s = String::new();
                s.push(char::from(b'1' + self.e.below(9) as u8));
                for _ in 1..ndigits {
                    s.push(char::from(b'0' + self.e.below(10) as u8));
                }
                let v: BigInt = s.parse().unwrap_or_default();
                let b = bits_of(&v);
                (int(v), b)
            }
        }
    }

    /// A float literal, sometimes an edge value.
    pub fn float_literal(&mut self) -> Expr {
        self.tag(Feature::Floats);
        match self.e.below(10) {
            0..=4 => {
                let mant = self.e.range(0, 99_999) as f64;
                let scale = *self.e.pick(&[1.0, 10.0, 100.0, 1000.0, 1e6]);
                float(mant / scale)
            }
            5 | 6 => {
                let mant = self.e.range(1, 9999) as f64;
                let exp = self.e.range(-30, 30) as i32;
                float(mant * 10f64.powi(exp))
            }
            _ => {
                self.tag(Feature::FloatEdges);
                let x = *self.e.pick(EDGE_FLOATS);
                float(x)
            }
        }
    }

    /// A str literal (length bound returned).
    pub fn str_literal(&mut self) -> (Expr, u32) {
        self.tag(Feature::Strings);
        if self.e.chance(1, 6) {
            // A few random code points, occasionally outside the BMP.
            let n = self.e.range(1, 5);
            let mut s = String::new();
            for _ in 0..n {
                let cp = match self.e.below(4) {
                    0 => self.e.range(0x20, 0x7e),
                    1 => self.e.range(0xa0, 0x2ff),
                    2 => self.e.range(0x370, 0x52f),
                    _ => *self
                        .e
                        .pick(&[0x1f600i64, 0x10348, 0x4e2d, 0x20ac, 0xfb01, 0x3a3]),
                };
                s.push(char::from_u32(cp as u32).unwrap_or('?'));
            }
            let n = s.chars().count() as u32;
            return (str_(&s), n);
        }
        let w = *self.e.pick(WORDS);
        (str_(w), w.chars().count() as u32)
    }

    pub fn bytes_literal(&mut self) -> (Expr, u32) {
        self.tag(Feature::Bytes);
        let n = self.e.range(0, 8) as usize;
        let b: Vec<u8> = (0..n)
            .map(|_| match self.e.below(3) {
                0 => b'a' + self.e.below(26) as u8,
                1 => self.e.below(256) as u8,
                _ => *self.e.pick(b" .,:0129AZ\\'\"\n\x00\x7f\x80\xff"),
            })
            .collect();
        (bytes_(&b), n as u32)
    }

    /// A format spec valid for ints.
    pub fn int_spec(&mut self) -> &'static str {
        *self.e.pick(&[
            "", "d", "5d", "<6", ">6", "^7", "*^9", "+d", " d", "-d", "x", "X", "#x", "o", "#o",
            "b", "#b", "08b", ",", "_", "_x", "010,", "e", ".2e", "%", ".1%", "c", "n", "=+8",
            "0=10", "#_b",
        ])
    }

    /// A format spec valid for floats.
    pub fn float_spec(&mut self) -> &'static str {
        *self.e.pick(&[
            "", ".2f", ".0f", ".10f", "e", ".3e", "E", "g", ".3g", "G", ".17g", "%", ".1%",
            "10.3f", "<12", ">12.4", "^12", "+.2f", " .2f", ",.2f", "_.3f", "#.0f", "#g", "010.2f",
            "=+12.3", "n", ".0e", ".1",
        ])
    }

    /// A format spec valid for strs.
    pub fn str_spec(&mut self) -> &'static str {
        *self.e.pick(&[
            "", "s", "10", "<10", ">10", "^10", "*^11", ".3", "10.2", "-<8", "=>8",
        ])
    }
}

pub fn bits_of(v: &BigInt) -> u32 {
    (v.bits() as u32).max(1) + 1
}
