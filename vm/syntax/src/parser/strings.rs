//! String literals: `strings: STRING+` and `_PyPegen_concatenate_strings`, with the
//! escape decoding of Parser/string_parser.c (`_PyPegen_parsestr`).

use super::fstring::FstringState;
use super::{Fail, PResult, Parser, Rule};
use crate::ast::*;
use crate::error::SyntaxErrorKind;
use crate::lexer::{Tok, Token};
use refvm_common::PyStr;

/// A string token's prefix flags and body (between the quotes).
pub(crate) struct StrParts<'a> {
    pub bytes: bool,
    pub raw: bool,
    pub fmode: bool,
    pub body: &'a [u8],
    /// Offset of `body` within the token text.
    pub body_offset: usize,
}

pub(crate) fn split_string(text: &[u8]) -> StrParts<'_> {
    let mut i = 0;
    let (mut bytes, mut raw, mut fmode) = (false, false, false);
    while i < text.len() && text[i].is_ascii_alphabetic() {
        match text[i] {
            b'b' | b'B' => bytes = true,
            b'r' | b'R' => raw = true,
            b'f' | b'F' => fmode = true,
            _ => {}
        }
        i += 1;
    }
    let q = text.get(i).copied().unwrap_or(b'"');
    let rest = &text[i..];
    let n = if rest.len() >= 6 && rest[1] == q && rest[2] == q {
        3
    } else {
        1
    };
    let end = rest.len().saturating_sub(n).max(n.min(rest.len()));
    StrParts {
        bytes,
        raw,
        fmode,
        body: &rest[n.min(rest.len())..end],
        body_offset: i + n,
    }
}

/// Why decoding an escape sequence failed: the `(unicode error) ...` message.
pub(crate) enum DecodeError {
    Message(String),
}

fn hex_val(b: u8) -> Option<u32> {
    (b as char).to_digit(16)
}

/// `PyUnicode_DecodeUTF8` (strict) of `seg`, failing with CPython's message.
pub(crate) fn decode_utf8(seg: &[u8]) -> Result<&str, DecodeError> {
    std::str::from_utf8(seg).map_err(|e| {
        let p = e.valid_up_to();
        let (n, reason) = match e.error_len() {
            None => (seg.len() - p, "unexpected end of data"),
            Some(n) if matches!(seg[p], 0xc2..=0xf4) => (n, "invalid continuation byte"),
            Some(n) => (n, "invalid start byte"),
        };
        DecodeError::Message(if n == 1 {
            format!(
                "(unicode error) 'utf-8' codec can't decode byte 0x{:02x} in position {p}: {reason}",
                seg[p]
            )
        } else {
            format!(
                "(unicode error) 'utf-8' codec can't decode bytes in position {p}-{}: {reason}",
                p + n - 1
            )
        })
    })
}

/// A raw (or backslash-free) str body: strict UTF-8.
pub(crate) fn decode_raw_str(body: &[u8]) -> Result<PyStr, DecodeError> {
    Ok(PyStr::from(decode_utf8(body)?))
}

/// The `unicodeescape` codec's error for `buf[start..end]`.
fn escape_error(start: usize, end: usize, reason: &str) -> DecodeError {
    DecodeError::Message(if end - start == 1 {
        format!(
            "(unicode error) 'unicodeescape' codec can't decode byte 0x5c in position {start}: {reason}"
        )
    } else {
        format!(
            "(unicode error) 'unicodeescape' codec can't decode bytes in position {start}-{}: {reason}",
            end - 1
        )
    })
}

/// Decodes a non-raw str body (`decode_unicode_with_escapes`): non-ASCII runs are
/// decoded as UTF-8 and rewritten as `\UXXXXXXXX` (a backslash before one, or at the
/// end, as `\u005c`), then the `unicodeescape` codec reads the result, so its error
/// positions count in that rewritten text, as CPython's do.
pub(crate) fn decode_str(body: &[u8]) -> Result<PyStr, DecodeError> {
    use std::io::Write;
    let mut buf: Vec<u8> = Vec::with_capacity(body.len() + 16);
    let mut s = 0;
    while s < body.len() {
        if body[s] == b'\\' {
            buf.push(b'\\');
            s += 1;
            if s >= body.len() || body[s] & 0x80 != 0 {
                buf.extend_from_slice(b"u005c");
                if s >= body.len() {
                    break;
                }
            }
        }
        if body[s] & 0x80 != 0 {
            let run = body[s..]
                .iter()
                .position(|&b| b & 0x80 == 0)
                .unwrap_or(body.len() - s);
            for ch in decode_utf8(&body[s..s + run])?.chars() {
                let _ = write!(buf, "\\U{:08x}", ch as u32);
            }
            s += run;
        } else {
            buf.push(body[s]);
            s += 1;
        }
    }
    unicode_escape(&buf)
}

/// `_PyUnicode_DecodeUnicodeEscapeInternal` over ASCII text.
fn unicode_escape(buf: &[u8]) -> Result<PyStr, DecodeError> {
    let mut out = PyStr::with_capacity(buf.len());
    let end = buf.len();
    let mut s = 0;
    while s < end {
        let c = buf[s];
        s += 1;
        if c != b'\\' {
            out.push(u32::from(c));
            continue;
        }
        let start = s - 1;
        let Some(&c) = buf.get(s) else {
            return Err(escape_error(start, s, "\\ at end of string"));
        };
        s += 1;
        match c {
            b'\n' => {}
            b'\\' => out.push_char('\\'),
            b'\'' => out.push_char('\''),
            b'"' => out.push_char('"'),
            b'a' => out.push_char('\x07'),
            b'b' => out.push_char('\x08'),
            b'f' => out.push_char('\x0c'),
            b'n' => out.push_char('\n'),
            b'r' => out.push_char('\r'),
            b't' => out.push_char('\t'),
            b'v' => out.push_char('\x0b'),
            b'0'..=b'7' => {
                let mut v = u32::from(c - b'0');
                for _ in 0..2 {
                    match buf.get(s) {
                        Some(&d @ b'0'..=b'7') => {
                            v = v * 8 + u32::from(d - b'0');
                            s += 1;
                        }
                        _ => break,
                    }
                }
                out.push(v);
            }
            b'x' | b'u' | b'U' => {
                let (n, reason) = match c {
                    b'x' => (2, "truncated \\xXX escape"),
                    b'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let mut v: u32 = 0;
                for _ in 0..n {
                    match buf.get(s).and_then(|&d| hex_val(d)) {
                        Some(d) => v = v.wrapping_mul(16).wrapping_add(d),
                        None => return Err(escape_error(start, s, reason)),
                    }
                    s += 1;
                }
                if v > 0x10ffff {
                    return Err(escape_error(start, s, "illegal Unicode character"));
                }
                out.push(v);
            }
            b'N' => {
                let malformed = "malformed \\N character escape";
                if buf.get(s) != Some(&b'{') {
                    return Err(escape_error(start, s, malformed));
                }
                s += 1;
                let name_start = s;
                while s < end && buf[s] != b'}' {
                    s += 1;
                }
                if s >= end || s == name_start {
                    return Err(escape_error(start, s, malformed));
                }
                let name = &buf[name_start..s];
                s += 1;
                match refvm_common::unicode_names::lookup(name) {
                    Some(cp) => {
                        out.push(cp);
                    }
                    None => {
                        return Err(escape_error(start, s, "unknown Unicode character name"));
                    }
                }
            }
            other => {
                out.push_char('\\');
                out.push(u32::from(other));
            }
        }
    }
    Ok(out)
}

/// Decodes a non-raw bytes body (`decode_bytes_with_escapes`).
fn decode_bytes(body: &[u8]) -> Result<Vec<u8>, DecodeError> {
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    while i < body.len() {
        let b = body[i];
        i += 1;
        if b != b'\\' {
            out.push(b);
            continue;
        }
        let Some(&c) = body.get(i) else {
            return Err(DecodeError::Message("Trailing \\ in string".into()));
        };
        i += 1;
        match c {
            b'\n' => {}
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                let mut v = u32::from(c - b'0');
                for _ in 0..2 {
                    match body.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            v = v * 8 + u32::from(d - b'0');
                            i += 1;
                        }
                        _ => break,
                    }
                }
                out.push(v as u8);
            }
            b'x' => {
                let h = body.get(i).and_then(|&d| hex_val(d));
                let l = body.get(i + 1).and_then(|&d| hex_val(d));
                match (h, l) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                    }
                    _ => {
                        return Err(DecodeError::Message(format!(
                            "(value error) invalid \\x escape at position {}",
                            i - 2
                        )));
                    }
                }
            }
            other => {
                out.push(b'\\');
                out.push(other);
            }
        }
    }
    Ok(out)
}

impl Parser<'_> {
    /// `strings` (memo): `STRING+`.
    pub fn strings(&mut self) -> PResult<Expr> {
        self.memo_rule_keep(Rule::Strings, super::Keep::Now, |p| {
            let toks = p.helper(|p| {
                let mut toks = Vec::new();
                while let Some(t) = p.eat(Tok::String)? {
                    toks.push(t);
                }
                Ok(if toks.is_empty() { None } else { Some(toks) })
            })?;
            let Some(toks) = toks else {
                return Ok(None);
            };
            p.concatenate_strings(&toks).map(Some)
        })
    }

    /// The error for a string that cannot be decoded.
    pub fn decode_error(&mut self, e: DecodeError) -> Fail {
        let DecodeError::Message(m) = e;
        self.raise_here(SyntaxErrorKind::SyntaxError, &m)
    }

    /// `_PyPegen_concatenate_strings`.
    fn concatenate_strings(&mut self, toks: &[Token]) -> Result<Expr, Fail> {
        let first = toks[0];
        let last = toks[toks.len() - 1];
        let mut bytesmode = false;
        let mut bytes_acc: Vec<u8> = Vec::new();
        let mut state = FstringState::default();
        for (i, t) in toks.iter().enumerate() {
            let text = self.text(t);
            let parts = split_string(text);
            if i != 0 && bytesmode != parts.bytes {
                return Err(self.raise_here(
                    SyntaxErrorKind::SyntaxError,
                    "cannot mix bytes and nonbytes literals",
                ));
            }
            bytesmode = parts.bytes;
            if parts.fmode {
                self.concat_fstring(&mut state, t, &parts, &first, &last)?;
                continue;
            }
            let raw = parts.raw || !parts.body.contains(&b'\\');
            if parts.bytes {
                if parts.body.iter().any(|&b| b >= 0x80) {
                    return Err(
                        self.raise_at_token(t, "bytes can only contain ASCII literal characters")
                    );
                }
                if raw {
                    bytes_acc.extend_from_slice(parts.body);
                } else {
                    let b = decode_bytes(parts.body).map_err(|e| self.decode_error(e))?;
                    bytes_acc.extend(b);
                }
            } else {
                let s = if raw {
                    decode_raw_str(parts.body).map_err(|e| self.decode_error(e))?
                } else {
                    decode_str(parts.body).map_err(|e| self.decode_error(e))?
                };
                state.concat(s);
            }
        }
        let loc = Location {
            lineno: first.lineno,
            col_offset: first.col.max(0) as u32,
            end_lineno: last.end_lineno,
            end_col_offset: last.end_col.max(0) as u32,
        };
        if bytesmode {
            return Ok(Expr::new(
                ExprKind::Constant {
                    value: Constant::Bytes(bytes_acc),
                    kind: None,
                },
                loc,
            ));
        }
        let kind = (self.text(&first).first() == Some(&b'u')).then(|| "u".to_string());
        Ok(state.finish(loc, kind))
    }
}
