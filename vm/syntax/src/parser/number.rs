//! The values of NUMBER tokens (`parsenumber` in Parser/pegen.c), with CPython's limit on
//! the digits of a decimal integer literal (`sys.get_int_max_str_digits()`, 4300 by
//! default).

use crate::ast::Constant;
use num_bigint::BigInt;

/// CPython's default `sys.int_info.default_max_str_digits`.
pub const INT_MAX_STR_DIGITS: usize = 4300;

/// The `ValueError` text CPython raises when a decimal integer literal (underscores
/// removed) has more significant digits than the limit.
pub(crate) fn int_digits_error(s: &str) -> Option<String> {
    let lower = s.as_bytes();
    if lower.len() <= INT_MAX_STR_DIGITS || !lower.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let digits = s.trim_start_matches('0').len();
    (digits > INT_MAX_STR_DIGITS).then(|| {
        format!(
            "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion: value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit"
        )
    })
}

/// A NUMBER token's text (underscores removed) as a constant.
pub(crate) fn parse_number(s: &str) -> Option<Constant> {
    let lower = s.to_ascii_lowercase();
    if let Some(imag) = lower.strip_suffix('j') {
        return Some(Constant::Complex {
            real: 0.0,
            imag: imag.parse::<f64>().ok()?,
        });
    }
    let radix = |prefix: &str, r: u32| {
        lower
            .strip_prefix(prefix)
            .and_then(|d| BigInt::parse_bytes(d.as_bytes(), r))
    };
    if lower.starts_with("0x") {
        return radix("0x", 16).map(Constant::Int);
    }
    if lower.starts_with("0o") {
        return radix("0o", 8).map(Constant::Int);
    }
    if lower.starts_with("0b") {
        return radix("0b", 2).map(Constant::Int);
    }
    if lower.contains(['.', 'e']) {
        return lower.parse::<f64>().ok().map(Constant::Float);
    }
    BigInt::parse_bytes(lower.as_bytes(), 10).map(Constant::Int)
}
