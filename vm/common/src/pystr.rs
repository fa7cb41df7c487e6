//! `PyStr`: a Python `str` value stored as "generalized UTF-8".
//!
//! Python strings are sequences of code points 0..=0x10FFFF, lone surrogates included
//! (`'\ud800'` is a valid literal). Rust's `String` cannot hold those, so a `PyStr`
//! stores every code point with the ordinary UTF-8 bit layout, surrogates encoded on
//! their own in three bytes and never paired up — exactly the bytes CPython's
//! `str.encode('utf-8', 'surrogatepass')` produces, which is also what marshal writes.
//! Byte order equals code-point order, so the derived `Ord` is Python's `str` order.

use std::fmt;

/// A Python `str`; see the module documentation for the encoding.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct PyStr {
    bytes: Vec<u8>,
}

/// Bytes that are not generalized UTF-8 (what `PyStr::from_surrogatepass_utf8` accepts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidUtf8 {
    /// Offset of the first byte of the offending sequence.
    pub offset: usize,
}

impl fmt::Display for InvalidUtf8 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid UTF-8 (surrogatepass) at byte {}", self.offset)
    }
}

impl std::error::Error for InvalidUtf8 {}

/// Encodes one code point (surrogates included) the way `PyStr` stores it.
fn encode(cp: u32, out: &mut Vec<u8>) {
    match cp {
        0..=0x7f => out.push(cp as u8),
        0x80..=0x7ff => out.extend_from_slice(&[0xc0 | (cp >> 6) as u8, 0x80 | (cp & 0x3f) as u8]),
        0x800..=0xffff => out.extend_from_slice(&[
            0xe0 | (cp >> 12) as u8,
            0x80 | ((cp >> 6) & 0x3f) as u8,
            0x80 | (cp & 0x3f) as u8,
        ]),
        _ => out.extend_from_slice(&[
            0xf0 | (cp >> 18) as u8,
            0x80 | ((cp >> 12) & 0x3f) as u8,
            0x80 | ((cp >> 6) & 0x3f) as u8,
            0x80 | (cp & 0x3f) as u8,
        ]),
    }
}

/// Decodes the code point starting at `bytes[i]`, returning it and its length.
/// Only called on validated buffers.
fn decode_at(bytes: &[u8], i: usize) -> (u32, usize) {
    let b0 = u32::from(bytes[i]);
    if b0 < 0x80 {
        (b0, 1)
    } else if b0 < 0xe0 {
        (((b0 & 0x1f) << 6) | (u32::from(bytes[i + 1]) & 0x3f), 2)
    } else if b0 < 0xf0 {
        let cp = ((b0 & 0x0f) << 12)
            | ((u32::from(bytes[i + 1]) & 0x3f) << 6)
            | (u32::from(bytes[i + 2]) & 0x3f);
        (cp, 3)
    } else {
        let cp = ((b0 & 0x07) << 18)
            | ((u32::from(bytes[i + 1]) & 0x3f) << 12)
            | ((u32::from(bytes[i + 2]) & 0x3f) << 6)
            | (u32::from(bytes[i + 3]) & 0x3f);
        (cp, 4)
    }
}

/// Validates generalized UTF-8: well-formed, shortest form, at most U+10FFFF; surrogate
/// code points (ED A0..BF xx) are allowed.
fn validate(bytes: &[u8]) -> Result<(), InvalidUtf8> {
    let mut i = 0;
    while i < bytes.len() {
        let b0 = bytes[i];
        let err = InvalidUtf8 { offset: i };
        let cont = |k: usize| -> bool { bytes.get(i + k).is_some_and(|b| b & 0xc0 == 0x80) };
        let len = match b0 {
            0x00..=0x7f => 1,
            0xc2..=0xdf if cont(1) => 2,
            0xe0 if cont(1) && cont(2) && bytes[i + 1] >= 0xa0 => 3,
            0xe1..=0xef if cont(1) && cont(2) => 3,
            0xf0 if cont(1) && cont(2) && cont(3) && bytes[i + 1] >= 0x90 => 4,
            0xf1..=0xf3 if cont(1) && cont(2) && cont(3) => 4,
            0xf4 if cont(1) && cont(2) && cont(3) && bytes[i + 1] < 0x90 => 4,
            _ => return Err(err),
        };
        i += len;
    }
    Ok(())
}

impl PyStr {
    /// The empty string.
    pub const fn new() -> Self {
        PyStr { bytes: Vec::new() }
    }

    /// A string with room for `n` bytes.
    pub fn with_capacity(n: usize) -> Self {
        PyStr {
            bytes: Vec::with_capacity(n),
        }
    }

    /// Takes bytes as `str.encode('utf-8', 'surrogatepass')` would produce them.
    pub fn from_surrogatepass_utf8(bytes: Vec<u8>) -> Result<Self, InvalidUtf8> {
        validate(&bytes)?;
        Ok(PyStr { bytes })
    }

    /// Builds a string from code points; `None` if any is above U+10FFFF.
    pub fn from_code_points<I: IntoIterator<Item = u32>>(cps: I) -> Option<Self> {
        let mut s = PyStr::new();
        for cp in cps {
            if !s.push(cp) {
                return None;
            }
        }
        Some(s)
    }

    /// Appends one code point; returns false (appending nothing) above U+10FFFF.
    pub fn push(&mut self, cp: u32) -> bool {
        if cp > 0x10ffff {
            return false;
        }
        encode(cp, &mut self.bytes);
        true
    }

    /// Appends a `char`.
    pub fn push_char(&mut self, c: char) {
        encode(c as u32, &mut self.bytes);
    }

    /// Appends Rust text.
    pub fn push_str(&mut self, s: &str) {
        self.bytes.extend_from_slice(s.as_bytes());
    }

    /// Appends another Python string.
    pub fn push_pystr(&mut self, s: &PyStr) {
        self.bytes.extend_from_slice(&s.bytes);
    }

    /// The stored bytes: UTF-8 with `surrogatepass`.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// Consumes the string, giving its stored bytes.
    pub fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }

    /// The text as `&str` when it holds no surrogates.
    pub fn as_str(&self) -> Option<&str> {
        std::str::from_utf8(&self.bytes).ok()
    }

    /// The text with each surrogate replaced by U+FFFD.
    pub fn to_string_lossy(&self) -> String {
        match self.as_str() {
            Some(s) => s.to_owned(),
            None => self
                .code_points()
                .map(|cp| char::from_u32(cp).unwrap_or('\u{fffd}'))
                .collect(),
        }
    }

    /// The code points, in order.
    pub fn code_points(&self) -> CodePoints<'_> {
        CodePoints {
            bytes: &self.bytes,
            pos: 0,
        }
    }

    /// `len(s)`: the number of code points.
    pub fn char_len(&self) -> usize {
        self.bytes.iter().filter(|&&b| b & 0xc0 != 0x80).count()
    }

    /// Number of stored bytes.
    pub fn byte_len(&self) -> usize {
        self.bytes.len()
    }

    /// Is the string empty?
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// Are all code points below 128?
    pub fn is_ascii(&self) -> bool {
        self.bytes.is_ascii()
    }

    /// The largest code point (0 for the empty string): decides the PEP 393 kind.
    pub fn max_code_point(&self) -> u32 {
        if self.is_ascii() {
            return self.bytes.iter().copied().max().map_or(0, u32::from);
        }
        self.code_points().max().unwrap_or(0)
    }
}

impl From<&str> for PyStr {
    fn from(s: &str) -> Self {
        PyStr {
            bytes: s.as_bytes().to_vec(),
        }
    }
}

impl From<String> for PyStr {
    fn from(s: String) -> Self {
        PyStr {
            bytes: s.into_bytes(),
        }
    }
}

impl fmt::Debug for PyStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::repr::str_repr(self))
    }
}

impl fmt::Display for PyStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_string_lossy())
    }
}

/// Iterator over the code points of a `PyStr`.
#[derive(Clone)]
pub struct CodePoints<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> CodePoints<'a> {
    /// Iterates the code points of bytes already known to be generalized UTF-8 (as stored
    /// by a `PyStr`); the runtime keeps such bytes inline in its `str` objects.
    pub fn over(bytes: &'a [u8]) -> Self {
        CodePoints { bytes, pos: 0 }
    }
}

impl Iterator for CodePoints<'_> {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        if self.pos >= self.bytes.len() {
            return None;
        }
        let (cp, len) = decode_at(self.bytes, self.pos);
        self.pos += len;
        Some(cp)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn surrogates_stay_unpaired() {
        let s = PyStr::from_code_points([0xd83d, 0xde00]).unwrap();
        assert_eq!(s.as_bytes(), b"\xed\xa0\xbd\xed\xb8\x80");
        assert_eq!(s.char_len(), 2);
        assert_eq!(s.as_str(), None);
        assert_eq!(s.code_points().collect::<Vec<_>>(), vec![0xd83d, 0xde00]);
    }

    #[test]
    fn rejects_malformed() {
        assert!(PyStr::from_surrogatepass_utf8(b"\xc0\x80".to_vec()).is_err());
        assert!(PyStr::from_surrogatepass_utf8(b"\xf4\x90\x80\x80".to_vec()).is_err());
        assert!(PyStr::from_surrogatepass_utf8(b"\xe2\x82".to_vec()).is_err());
        assert!(PyStr::from_surrogatepass_utf8(b"\xed\xa0\x80".to_vec()).is_ok());
        assert!(PyStr::from_code_points([0x110000]).is_none());
    }

    proptest! {
        #[test]
        fn code_points_round_trip(cps in proptest::collection::vec(0u32..=0x10ffff, 0..50)) {
            let s = PyStr::from_code_points(cps.iter().copied()).unwrap();
            prop_assert_eq!(s.code_points().collect::<Vec<_>>(), cps.clone());
            prop_assert_eq!(s.char_len(), cps.len());
            let again = PyStr::from_surrogatepass_utf8(s.as_bytes().to_vec()).unwrap();
            prop_assert_eq!(again, s);
        }

        #[test]
        fn order_is_code_point_order(a in proptest::collection::vec(0u32..=0x10ffff, 0..8),
                                     b in proptest::collection::vec(0u32..=0x10ffff, 0..8)) {
            let sa = PyStr::from_code_points(a.iter().copied()).unwrap();
            let sb = PyStr::from_code_points(b.iter().copied()).unwrap();
            prop_assert_eq!(sa.cmp(&sb), a.cmp(&b));
        }
    }
}
