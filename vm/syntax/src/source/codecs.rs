//! `bytes.decode(name)` as CPython 3.11 does it for source code: codec lookup with
//! CPython's name normalisation and aliases, the `PyUnicode_Decode` shortcuts, and exact
//! decoders (with CPython's error positions and reasons) for UTF-8, UTF-8-SIG, ASCII,
//! Latin-1, UTF-16, UTF-32 and the 70 single-byte charmap codecs.
//!
//! Codecs that `codecs.lookup` accepts but refvm does not decode (the CJK multi-byte
//! codecs, UTF-7, `unicode_escape`, `idna`, ...) report [`DecodeFailure::Unsupported`]:
//! an honest "not implemented", never a guess.

use super::codec_tables::{ALIASES, MODULES};
use std::fmt;

/// How a codec module's text is decoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodecKind {
    Utf8,
    /// `utf_8_sig`: one leading BOM is dropped, then UTF-8.
    Utf8Sig,
    Ascii,
    Latin1,
    /// A single-byte codec: the code point of every byte, 0xFFFE where undefined.
    Charmap(&'static [u16; 256]),
    /// `utf_16`: a leading BOM picks the byte order (little-endian without one).
    Utf16,
    Utf16Le,
    Utf16Be,
    /// `utf_32`: a leading BOM picks the byte order (little-endian without one).
    Utf32,
    Utf32Le,
    Utf32Be,
    /// The `undefined` codec: every non-empty decode fails.
    Undefined,
    /// A bytes-to-bytes codec (`rot_13`, `hex_codec`, ...): `bytes.decode` refuses it.
    NotText,
    /// A text codec refvm does not implement.
    Unsupported,
}

/// A codec found by [`lookup`]: its `encodings` module and how to decode with it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Codec {
    pub module: &'static str,
    pub kind: CodecKind,
}

/// A `UnicodeDecodeError`, with what `str()` of it prints.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnicodeDecodeError {
    /// The codec name in the message (`'utf-8'`, `'charmap'`, `'utf-16-le'`...).
    pub encoding: &'static str,
    /// Start and end (exclusive) of the offending bytes, in the decoded object.
    pub start: usize,
    pub end: usize,
    /// The byte at `start`.
    pub byte: u8,
    pub reason: &'static str,
}

impl fmt::Display for UnicodeDecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.end == self.start + 1 {
            write!(
                f,
                "'{}' codec can't decode byte 0x{:02x} in position {}: {}",
                self.encoding, self.byte, self.start, self.reason
            )
        } else {
            write!(
                f,
                "'{}' codec can't decode bytes in position {}-{}: {}",
                self.encoding,
                self.start,
                self.end.saturating_sub(1),
                self.reason
            )
        }
    }
}

/// Why `bytes.decode(name)` raised.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeFailure {
    /// `UnicodeDecodeError`.
    Decode(UnicodeDecodeError),
    /// `LookupError` with this message (unknown codec, or not a text encoding).
    Lookup(String),
    /// The `undefined` codec's `UnicodeError`, which CPython wraps as
    /// `UnicodeError: decoding with '<name>' codec failed (UnicodeError: undefined encoding)`.
    Undefined { name: String },
    /// A codec refvm does not implement (its module name).
    Unsupported(&'static str),
}

impl DecodeFailure {
    /// The exception class name CPython prints.
    pub fn exception_name(&self) -> &'static str {
        match self {
            DecodeFailure::Decode(_) => "UnicodeDecodeError",
            DecodeFailure::Lookup(_) => "LookupError",
            DecodeFailure::Undefined { .. } => "UnicodeError",
            DecodeFailure::Unsupported(_) => "NotImplemented",
        }
    }
}

impl fmt::Display for DecodeFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeFailure::Decode(e) => e.fmt(f),
            DecodeFailure::Lookup(m) => f.write_str(m),
            DecodeFailure::Undefined { name } => write!(
                f,
                "decoding with '{name}' codec failed (UnicodeError: undefined encoding)"
            ),
            DecodeFailure::Unsupported(m) => write!(f, "refvm does not implement the {m} codec"),
        }
    }
}

/// An error from [`decode`], with the codec module when the decode went through the codec
/// registry (a Python-level frame in CPython's traceback) rather than a C shortcut.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError {
    pub failure: DecodeFailure,
    pub registry_module: Option<&'static str>,
}

/// `_Py_normalize_encoding`: ASCII letters lowered, runs of anything that is not an ASCII
/// alphanumeric or `.` collapsed to one `_`, leading and trailing ones dropped.
pub fn normalize_encoding(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut punct = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            if punct && !out.is_empty() {
                out.push('_');
            }
            punct = false;
            out.push(c.to_ascii_lowercase());
        } else {
            punct = true;
        }
    }
    out
}

/// `encodings.normalize_encoding` (applied after the C normalisation): like it, but keeping
/// case and treating every Unicode alphanumeric as a name character (non-ASCII ones are
/// then dropped).
fn normalize_encoding_py(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut punct = false;
    for c in name.chars() {
        if refvm_common::unicode::is_alnum(u32::from(c)) || c == '.' {
            if punct && !out.is_empty() {
                out.push('_');
            }
            if c.is_ascii() {
                out.push(c);
            }
            punct = false;
        } else {
            punct = true;
        }
    }
    out
}

/// The `encodings` modules `codecs.lookup` accepts, sorted.
pub static MODULE_NAMES: std::sync::LazyLock<Vec<&'static str>> =
    std::sync::LazyLock::new(|| MODULES.iter().map(|(m, _)| *m).collect());

fn find_module(name: &str) -> Option<Codec> {
    let i = MODULES.binary_search_by(|(m, _)| (*m).cmp(name)).ok()?;
    let (module, kind) = MODULES[i];
    Some(Codec { module, kind })
}

fn find_alias(name: &str) -> Option<&'static str> {
    let i = ALIASES.binary_search_by(|(a, _)| (*a).cmp(name)).ok()?;
    Some(ALIASES[i].1)
}

/// `codecs.lookup(name)`: the codec CPython's registry finds, or `None` (`LookupError`).
pub fn lookup(name: &str) -> Option<Codec> {
    // Python/codecs.c normalises, then encodings.search_function normalises again and
    // tries the alias table (also with '.' read as '_'), then the name as a module.
    let norm = normalize_encoding_py(&normalize_encoding(name));
    let aliased = find_alias(&norm).or_else(|| find_alias(&norm.replace('.', "_")));
    if let Some(module) = aliased {
        return find_module(module);
    }
    if norm.is_empty() || norm.contains('.') {
        return None;
    }
    find_module(&norm)
}

/// The shortcuts `PyUnicode_Decode` takes before the registry, by name.
pub fn fast_path(name: &str) -> Option<CodecKind> {
    // The C buffer holds 10 characters; a longer normalised name takes no shortcut.
    let lower = normalize_encoding(name);
    if lower.len() > 10 {
        return None;
    }
    if let Some(rest) = lower.strip_prefix("utf") {
        let rest = rest.strip_prefix('_').unwrap_or(rest);
        return match rest {
            "8" => Some(CodecKind::Utf8),
            "16" => Some(CodecKind::Utf16),
            "32" => Some(CodecKind::Utf32),
            _ => None,
        };
    }
    match lower.as_str() {
        "ascii" | "us_ascii" => Some(CodecKind::Ascii),
        "latin1" | "latin_1" | "iso_8859_1" | "iso8859_1" => Some(CodecKind::Latin1),
        _ => None,
    }
}

/// `bytes.decode(name)` (strict errors), appending the text to `out`. On error `out` may
/// hold a partial decode.
pub fn decode(name: &str, bytes: &[u8], out: &mut String) -> Result<(), DecodeError> {
    if bytes.is_empty() {
        return Ok(());
    }
    if let Some(kind) = fast_path(name) {
        return decode_with(kind, name, bytes, out).map_err(|failure| DecodeError {
            failure,
            registry_module: None,
        });
    }
    let Some(codec) = lookup(name) else {
        return Err(DecodeError {
            failure: DecodeFailure::Lookup(format!("unknown encoding: {name}")),
            registry_module: None,
        });
    };
    if codec.kind == CodecKind::Unsupported {
        return Err(DecodeError {
            failure: DecodeFailure::Unsupported(codec.module),
            registry_module: Some(codec.module),
        });
    }
    if codec.kind == CodecKind::NotText {
        return Err(DecodeError {
            failure: DecodeFailure::Lookup(format!(
                "'{name}' is not a text encoding; use codecs.decode() to handle arbitrary codecs"
            )),
            registry_module: None,
        });
    }
    decode_with(codec.kind, name, bytes, out).map_err(|failure| DecodeError {
        failure,
        registry_module: Some(codec.module),
    })
}

/// Decodes `bytes` with a codec of kind `kind` (`name` as the caller spelled it).
pub fn decode_with(
    kind: CodecKind,
    name: &str,
    bytes: &[u8],
    out: &mut String,
) -> Result<(), DecodeFailure> {
    match kind {
        CodecKind::Utf8 => out.push_str(decode_utf8(bytes).map_err(DecodeFailure::Decode)?),
        CodecKind::Utf8Sig => {
            let body = bytes.strip_prefix(super::BOM_UTF8).unwrap_or(bytes);
            out.push_str(decode_utf8(body).map_err(DecodeFailure::Decode)?);
        }
        CodecKind::Ascii => decode_ascii(bytes, out)?,
        CodecKind::Latin1 => out.extend(bytes.iter().map(|&b| char::from(b))),
        CodecKind::Charmap(table) => decode_charmap(table, bytes, out)?,
        CodecKind::Utf16 => decode_utf16(bytes, None, out)?,
        CodecKind::Utf16Le => decode_utf16(bytes, Some(false), out)?,
        CodecKind::Utf16Be => decode_utf16(bytes, Some(true), out)?,
        CodecKind::Utf32 => decode_utf32(bytes, None, out)?,
        CodecKind::Utf32Le => decode_utf32(bytes, Some(false), out)?,
        CodecKind::Utf32Be => decode_utf32(bytes, Some(true), out)?,
        CodecKind::Undefined => {
            return Err(DecodeFailure::Undefined {
                name: name.to_owned(),
            });
        }
        CodecKind::NotText => {
            return Err(DecodeFailure::Lookup(format!(
                "'{name}' is not a text encoding; use codecs.decode() to handle arbitrary codecs"
            )));
        }
        CodecKind::Unsupported => {
            let module = lookup(name).map_or("unknown", |c| c.module);
            return Err(DecodeFailure::Unsupported(module));
        }
    }
    Ok(())
}

/// Strict UTF-8 decoding with CPython's error (`'utf-8' codec can't decode ...`).
pub fn decode_utf8(bytes: &[u8]) -> Result<&str, UnicodeDecodeError> {
    std::str::from_utf8(bytes).map_err(|e| utf8_error(bytes, &e))
}

/// Converts Rust's UTF-8 error into CPython's: both report the maximal invalid subpart.
pub fn utf8_error(bytes: &[u8], e: &std::str::Utf8Error) -> UnicodeDecodeError {
    let start = e.valid_up_to();
    let byte = bytes.get(start).copied().unwrap_or(0);
    let (end, reason) = match e.error_len() {
        None => (bytes.len(), "unexpected end of data"),
        Some(n) if matches!(byte, 0xc2..=0xf4) => (start + n, "invalid continuation byte"),
        Some(_) => (start + 1, "invalid start byte"),
    };
    UnicodeDecodeError {
        encoding: "utf-8",
        start,
        end,
        byte,
        reason,
    }
}

fn decode_ascii(bytes: &[u8], out: &mut String) -> Result<(), DecodeFailure> {
    match bytes.iter().position(|b| !b.is_ascii()) {
        Some(start) => Err(DecodeFailure::Decode(UnicodeDecodeError {
            encoding: "ascii",
            start,
            end: start + 1,
            byte: bytes[start],
            reason: "ordinal not in range(128)",
        })),
        None => {
            out.extend(bytes.iter().map(|&b| char::from(b)));
            Ok(())
        }
    }
}

fn decode_charmap(table: &[u16; 256], bytes: &[u8], out: &mut String) -> Result<(), DecodeFailure> {
    for (i, &b) in bytes.iter().enumerate() {
        let cp = table[usize::from(b)];
        match char::from_u32(u32::from(cp)).filter(|_| cp != 0xfffe) {
            Some(c) => out.push(c),
            None => {
                return Err(DecodeFailure::Decode(UnicodeDecodeError {
                    encoding: "charmap",
                    start: i,
                    end: i + 1,
                    byte: b,
                    reason: "character maps to <undefined>",
                }));
            }
        }
    }
    Ok(())
}

/// `PyUnicode_DecodeUTF16Stateful` with `final`: `big_endian` None reads a BOM.
fn decode_utf16(
    bytes: &[u8],
    big_endian: Option<bool>,
    out: &mut String,
) -> Result<(), DecodeFailure> {
    let mut q = 0;
    let big = match big_endian {
        Some(big) => big,
        None => match bytes {
            [0xff, 0xfe, ..] => {
                q = 2;
                false
            }
            [0xfe, 0xff, ..] => {
                q = 2;
                true
            }
            _ => false,
        },
    };
    let encoding = if big { "utf-16-be" } else { "utf-16-le" };
    let unit = |i: usize| -> u32 {
        let (a, b) = (u32::from(bytes[i]), u32::from(bytes[i + 1]));
        if big { (a << 8) | b } else { (b << 8) | a }
    };
    let err = |start: usize, end: usize, reason: &'static str| {
        DecodeFailure::Decode(UnicodeDecodeError {
            encoding,
            start,
            end,
            byte: bytes.get(start).copied().unwrap_or(0),
            reason,
        })
    };
    let n = bytes.len();
    while q < n {
        if n - q < 2 {
            return Err(err(q, n, "truncated data"));
        }
        let ch = unit(q);
        if !(0xd800..0xe000).contains(&ch) {
            out.push(char::from_u32(ch).unwrap_or('\u{fffd}'));
            q += 2;
            continue;
        }
        if ch >= 0xdc00 {
            return Err(err(q, q + 2, "illegal encoding"));
        }
        if n - (q + 2) < 2 {
            return Err(err(q, n, "unexpected end of data"));
        }
        let ch2 = unit(q + 2);
        if !(0xdc00..0xe000).contains(&ch2) {
            return Err(err(q, q + 2, "illegal UTF-16 surrogate"));
        }
        let cp = 0x10000 + (((ch - 0xd800) << 10) | (ch2 - 0xdc00));
        out.push(char::from_u32(cp).unwrap_or('\u{fffd}'));
        q += 4;
    }
    Ok(())
}

/// `PyUnicode_DecodeUTF32Stateful` with `final`: `big_endian` None reads a BOM.
fn decode_utf32(
    bytes: &[u8],
    big_endian: Option<bool>,
    out: &mut String,
) -> Result<(), DecodeFailure> {
    let mut q = 0;
    let big = match big_endian {
        Some(big) => big,
        None => match bytes {
            [0xff, 0xfe, 0, 0, ..] => {
                q = 4;
                false
            }
            [0, 0, 0xfe, 0xff, ..] => {
                q = 4;
                true
            }
            _ => false,
        },
    };
    let encoding = if big { "utf-32-be" } else { "utf-32-le" };
    let n = bytes.len();
    while q < n {
        let err = |end: usize, reason: &'static str| {
            DecodeFailure::Decode(UnicodeDecodeError {
                encoding,
                start: q,
                end,
                byte: bytes[q],
                reason,
            })
        };
        if n - q < 4 {
            return Err(err(n, "truncated data"));
        }
        let b = [bytes[q], bytes[q + 1], bytes[q + 2], bytes[q + 3]];
        let cp = if big {
            u32::from_be_bytes(b)
        } else {
            u32::from_le_bytes(b)
        };
        if (0xd800..0xe000).contains(&cp) {
            return Err(err(
                q + 4,
                "code point in surrogate code point range(0xd800, 0xe000)",
            ));
        }
        match char::from_u32(cp) {
            Some(c) => out.push(c),
            None => return Err(err(q + 4, "code point not in range(0x110000)")),
        }
        q += 4;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(name: &str, b: &[u8]) -> Result<String, String> {
        let mut s = String::new();
        decode(name, b, &mut s)
            .map(|()| s)
            .map_err(|e| e.failure.to_string())
    }

    #[test]
    fn lookup_follows_cpython_normalisation() {
        assert_eq!(lookup("UTF-8").map(|c| c.module), Some("utf_8"));
        assert_eq!(lookup("latin-1").map(|c| c.module), Some("latin_1"));
        assert_eq!(lookup("iso-8859-15").map(|c| c.module), Some("iso8859_15"));
        assert_eq!(lookup("Koi8-R").map(|c| c.module), Some("koi8_r"));
        assert_eq!(lookup("utf8").map(|c| c.module), Some("utf_8"));
        assert_eq!(lookup("foo"), None);
        assert_eq!(lookup("aliases"), None);
        assert_eq!(lookup("mbcs"), None);
        assert_eq!(lookup("rot13").map(|c| c.kind), Some(CodecKind::NotText));
    }

    #[test]
    fn decode_errors_read_like_cpython() {
        assert_eq!(
            dec("utf-8", b"ab\xff").unwrap_err(),
            "'utf-8' codec can't decode byte 0xff in position 2: invalid start byte"
        );
        assert_eq!(
            dec("utf-8", b"\xe2\x82").unwrap_err(),
            "'utf-8' codec can't decode bytes in position 0-1: unexpected end of data"
        );
        assert_eq!(
            dec("cp1252", b"a\x81").unwrap_err(),
            "'charmap' codec can't decode byte 0x81 in position 1: character maps to <undefined>"
        );
        assert_eq!(
            dec("utf-16", b"ab\n").unwrap_err(),
            "'utf-16-le' codec can't decode byte 0x0a in position 2: truncated data"
        );
        assert_eq!(dec("utf-16", b"\xff\xfea\x00").unwrap(), "a");
        assert_eq!(dec("koi8-r", b"\x81").unwrap(), "\u{2502}");
        assert_eq!(dec("foo", b"").unwrap(), "");
        assert_eq!(dec("foo", b"x").unwrap_err(), "unknown encoding: foo");
    }
}
