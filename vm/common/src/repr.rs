//! CPython's `repr()` of literal values: `str`, `bytes`, `float`, `complex`.
//!
//! These follow `unicode_repr` and `PyBytes_Repr` (quote choice and escapes) and
//! `format_float_short` in `Python/pystrtod.c` (repr mode 'r': shortest round-tripping
//! digits, exponent form when the decimal point falls outside `-4 < decpt <= 16`).

use crate::pystr::PyStr;
use crate::unicode::is_printable;
use std::fmt::Write;

/// `repr(s)` for a `str`.
pub fn str_repr(s: &PyStr) -> String {
    let mut out = String::with_capacity(s.byte_len() + 2);
    write_str_repr(s, &mut out);
    out
}

/// Appends `repr(s)` to `out`.
pub fn write_str_repr(s: &PyStr, out: &mut String) {
    write_repr_code_points(s.as_bytes(), s.code_points(), out);
}

/// Appends `repr(s)` to `out` for a `str` that holds no surrogates (a Rust `&str`),
/// without building a `PyStr` first.
pub fn write_str_repr_utf8(s: &str, out: &mut String) {
    write_repr_code_points(s.as_bytes(), s.chars().map(u32::from), out);
}

/// `unicode_repr`: `bytes` is the generalized UTF-8 of the code points `cps`.
fn write_repr_code_points(bytes: &[u8], cps: impl Iterator<Item = u32>, out: &mut String) {
    let (single, double) = (bytes.contains(&b'\''), bytes.contains(&b'"'));
    let quote = if single && !double { '"' } else { '\'' };
    // Fast path: printable ASCII with nothing to escape is copied as is.
    if !(single && double)
        && bytes
            .iter()
            .all(|&b| (0x20..0x7f).contains(&b) && b != b'\\')
    {
        out.push(quote);
        out.push_str(std::str::from_utf8(bytes).unwrap_or_default());
        out.push(quote);
        return;
    }
    out.push(quote);
    for cp in cps {
        match cp {
            _ if cp == quote as u32 || cp == u32::from(b'\\') => {
                out.push('\\');
                out.push(quote_char(cp));
            }
            0x09 => out.push_str("\\t"),
            0x0a => out.push_str("\\n"),
            0x0d => out.push_str("\\r"),
            0..=0x1f | 0x7f => {
                let _ = write!(out, "\\x{cp:02x}");
            }
            0x20..=0x7e => out.push(cp as u8 as char),
            _ if is_printable(cp) => out.push(quote_char(cp)),
            0x80..=0xff => {
                let _ = write!(out, "\\x{cp:02x}");
            }
            0x100..=0xffff => {
                let _ = write!(out, "\\u{cp:04x}");
            }
            _ => {
                let _ = write!(out, "\\U{cp:08x}");
            }
        }
    }
    out.push(quote);
}

/// A code point known to be a scalar value (never a surrogate) as a `char`.
fn quote_char(cp: u32) -> char {
    char::from_u32(cp).unwrap_or('\u{fffd}')
}

/// `repr(b)` for `bytes`: `b'...'`.
pub fn bytes_repr(b: &[u8]) -> String {
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    write_bytes_body(b, &mut out);
    out
}

/// Appends the quoted part of a bytes repr (what follows `b` or `bytearray(b`).
pub fn write_bytes_body(b: &[u8], out: &mut String) {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    out.push(quote as char);
    for &c in b {
        match c {
            _ if c == quote || c == b'\\' => {
                out.push('\\');
                out.push(c as char);
            }
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            0x20..=0x7e => out.push(c as char),
            _ => {
                let _ = write!(out, "\\x{c:02x}");
            }
        }
    }
    out.push(quote as char);
}

/// The shortest digits that round-trip `x` (finite, non-negative) and the position of
/// the decimal point relative to them, as `_Py_dg_dtoa` mode 0 returns them.
///
/// Rust's shortest formatting finds the right length; among the candidates of that length
/// dtoa picks the one closest to `x` and, on an exact tie, the even one, so the neighbours
/// of Rust's choice are checked.
fn shortest_digits(x: f64) -> (String, i32) {
    let s = format!("{x:e}");
    let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let exp: i32 = exp.parse().unwrap_or(0);
    let decpt = exp + 1;
    let Ok(d) = digits.parse::<u64>() else {
        return (digits, decpt);
    };
    let q = decpt - digits.len() as i32;
    let mut best = d;
    for alt in [d.wrapping_sub(1), d + 1] {
        if alt == 0 || alt.to_string().len() != digits.len() {
            continue;
        }
        if format!("{alt}e{q}").parse::<f64>().ok() != Some(x) {
            continue;
        }
        match distance_cmp(x, alt, best, q) {
            std::cmp::Ordering::Less => best = alt,
            std::cmp::Ordering::Equal if alt % 2 == 0 => best = alt,
            _ => {}
        }
    }
    (best.to_string(), decpt)
}

/// Compares `|a·10^q − x|` with `|b·10^q − x|` exactly.
fn distance_cmp(x: f64, a: u64, b: u64, q: i32) -> std::cmp::Ordering {
    use num_bigint::BigInt;
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1 << 52) - 1);
    let (m, e) = if biased == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), biased - 1075)
    };
    // Scale x = m·2^e and v = d·10^q to integers: multiply both by 2^max(0,-e)·10^max(0,-q).
    let two = |k: i32| BigInt::from(1) << (k.max(0) as usize);
    let ten = |k: i32| BigInt::from(10).pow(k.max(0) as u32);
    let xs = BigInt::from(m) * two(e) * ten(-q);
    let scale = |d: u64| BigInt::from(d) * ten(q) * two(-e);
    let da = (scale(a) - &xs).magnitude().clone();
    let db = (scale(b) - &xs).magnitude().clone();
    da.cmp(&db)
}

/// `format_float_short(x, 'r', 0, flags)`: the repr-style formatting used by `repr(float)`
/// (`add_dot_0 = true`) and by the parts of `repr(complex)` (`add_dot_0 = false`).
pub fn format_float_r(x: f64, add_dot_0: bool, always_sign: bool) -> String {
    let mut out = String::new();
    if x.is_nan() {
        if always_sign {
            out.push('+');
        }
        out.push_str("nan");
        return out;
    }
    if x.is_sign_negative() {
        out.push('-');
    } else if always_sign {
        out.push('+');
    }
    if x.is_infinite() {
        out.push_str("inf");
        return out;
    }
    let (digits, mut decpt) = shortest_digits(x.abs());
    let digits = digits.as_bytes();
    let n = digits.len() as i32;
    let use_exp = decpt <= -4 || decpt > 16;
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vstart = if decpt <= 0 { decpt - 1 } else { 0 };
    let vend = if !use_exp && add_dot_0 {
        n.max(decpt + 1)
    } else {
        n.max(decpt)
    };
    let push_zeros = |out: &mut String, k: i32| {
        for _ in 0..k.max(0) {
            out.push('0');
        }
    };
    if decpt <= 0 {
        push_zeros(&mut out, decpt - vstart);
        out.push('.');
        push_zeros(&mut out, -decpt);
    } else {
        push_zeros(&mut out, -vstart);
    }
    let digits_str = std::str::from_utf8(digits).unwrap_or("0");
    if 0 < decpt && decpt <= n {
        out.push_str(&digits_str[..decpt as usize]);
        out.push('.');
        out.push_str(&digits_str[decpt as usize..]);
    } else {
        out.push_str(digits_str);
    }
    if n < decpt {
        push_zeros(&mut out, decpt - n);
        out.push('.');
        push_zeros(&mut out, vend - decpt);
    } else {
        push_zeros(&mut out, vend - n);
    }
    if out.ends_with('.') {
        out.pop();
    }
    if use_exp {
        let _ = write!(out, "e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs());
    }
    out
}

/// `repr(x)` for a `float`.
pub fn float_repr(x: f64) -> String {
    format_float_r(x, true, false)
}

/// `repr(complex(re, im))`.
pub fn complex_repr(re: f64, im: f64) -> String {
    if re == 0.0 && re.is_sign_positive() {
        format!("{}j", format_float_r(im, false, false))
    } else {
        format!(
            "({}{}j)",
            format_float_r(re, false, false),
            format_float_r(im, false, true)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write as _;
    use std::process::{Command, Stdio};

    #[test]
    fn float_reprs() {
        let cases = [
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (1.0, "1.0"),
            (0.1, "0.1"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (123456789012345678.0, "1.2345678901234568e+17"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (5e-324, "5e-324"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (1.5e300, "1.5e+300"),
        ];
        for (x, want) in cases {
            assert_eq!(float_repr(x), want, "repr({x:?})");
        }
    }

    #[test]
    fn complex_reprs() {
        assert_eq!(complex_repr(0.0, 1.0), "1j");
        assert_eq!(complex_repr(1.0, 2.0), "(1+2j)");
        assert_eq!(complex_repr(-0.0, 1.0), "(-0+1j)");
        assert_eq!(complex_repr(1.0, -0.0), "(1-0j)");
        assert_eq!(complex_repr(0.0, 1e16), "1e+16j");
        assert_eq!(complex_repr(f64::INFINITY, f64::NAN), "(inf+nanj)");
    }

    #[test]
    fn str_and_bytes_reprs() {
        assert_eq!(str_repr(&PyStr::from("a'b")), "\"a'b\"");
        assert_eq!(str_repr(&PyStr::from("a'\"b")), "'a\\'\"b'");
        assert_eq!(
            str_repr(&PyStr::from("\t\u{7f}\u{a0}é\u{2028}")),
            "'\\t\\x7f\\xa0é\\u2028'"
        );
        assert_eq!(
            str_repr(&PyStr::from_code_points([0xd800, 0x10ffff]).unwrap()),
            "'\\ud800\\U0010ffff'"
        );
        assert_eq!(bytes_repr(b"a'\x00\xff\\"), "b\"a'\\x00\\xff\\\\\"");
    }

    /// Shortest-digit selection must agree with CPython's dtoa for arbitrary bit patterns.
    #[test]
    fn float_repr_agrees_with_cpython() {
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut xs = Vec::new();
        for _ in 0..20_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let x = f64::from_bits(state);
            if x.is_finite() {
                xs.push(x);
            }
        }
        let script = "import sys,struct\nfor l in sys.stdin:\n print(repr(struct.unpack('<d', bytes.fromhex(l.strip()))[0]))\n";
        let mut child = Command::new("python3")
            .args(["-c", script])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("python3 on PATH");
        let mut input = String::new();
        for x in &xs {
            for b in x.to_le_bytes() {
                let _ = write!(input, "{b:02x}");
            }
            input.push('\n');
        }
        let mut stdin = child.stdin.take().unwrap();
        let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
        let out = child.wait_with_output().unwrap();
        writer.join().unwrap().unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        for (x, want) in xs.iter().zip(text.lines()) {
            assert_eq!(float_repr(*x), want);
        }
        assert_eq!(text.lines().count(), xs.len());
    }
}
