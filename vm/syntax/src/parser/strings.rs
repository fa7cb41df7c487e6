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
    Unsupported(String),
}

fn hex_val(b: u8) -> Option<u32> {
    (b as char).to_digit(16)
}

/// Decodes a non-raw str body (`decode_unicode_with_escapes`).
pub(crate) fn decode_str(body: &[u8]) -> Result<PyStr, DecodeError> {
    let mut out = PyStr::with_capacity(body.len());
    let mut i = 0;
    let text = String::from_utf8_lossy(body);
    let body = text.as_bytes();
    while i < body.len() {
        let b = body[i];
        if b != b'\\' {
            let ch_len = utf8_len(b);
            let end = (i + ch_len).min(body.len());
            out.push_str(std::str::from_utf8(&body[i..end]).unwrap_or("\u{fffd}"));
            i = end;
            continue;
        }
        i += 1;
        let Some(&c) = body.get(i) else {
            return Err(DecodeError::Message(
                "(unicode error) 'unicodeescape' codec can't decode byte 0x5c in position 0: \\ at end of string"
                    .into(),
            ));
        };
        i += 1;
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
                    match body.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            v = v * 8 + u32::from(d - b'0');
                            i += 1;
                        }
                        _ => break,
                    }
                }
                out.push(v);
            }
            b'x' | b'u' | b'U' => {
                let (n, name) = match c {
                    b'x' => (2, "truncated \\xXX escape"),
                    b'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let mut v: u32 = 0;
                for k in 0..n {
                    match body.get(i + k).and_then(|&d| hex_val(d)) {
                        Some(d) => v = v.wrapping_mul(16).wrapping_add(d),
                        None => {
                            return Err(DecodeError::Message(format!(
                                "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: {name}",
                                0,
                                k + 1
                            )));
                        }
                    }
                }
                i += n;
                if v > 0x10ffff {
                    return Err(DecodeError::Message(
                        "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: illegal Unicode character"
                            .into(),
                    ));
                }
                out.push(v);
            }
            b'N' => {
                return Err(DecodeError::Unsupported(
                    "\\N{...} escapes (no Unicode name table yet)".into(),
                ));
            }
            other => {
                out.push_char('\\');
                i -= 1;
                let ch_len = utf8_len(other);
                let end = (i + ch_len).min(body.len());
                out.push_str(std::str::from_utf8(&body[i..end]).unwrap_or("\u{fffd}"));
                i = end;
            }
        }
    }
    Ok(out)
}

fn utf8_len(b: u8) -> usize {
    match b {
        0..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf7 => 4,
        _ => 1,
    }
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
        self.memo_rule(Rule::Strings, |p| {
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
        match e {
            DecodeError::Message(m) => self.raise_here(SyntaxErrorKind::SyntaxError, &m),
            DecodeError::Unsupported(m) => {
                self.unsupported = Some(m);
                Fail
            }
        }
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
                    return Err(self.raise_here(
                        SyntaxErrorKind::SyntaxError,
                        "bytes can only contain ASCII literal characters",
                    ));
                }
                if raw {
                    bytes_acc.extend_from_slice(parts.body);
                } else {
                    let b = decode_bytes(parts.body).map_err(|e| self.decode_error(e))?;
                    bytes_acc.extend(b);
                }
            } else {
                let s = if raw {
                    PyStr::from(String::from_utf8_lossy(parts.body).into_owned())
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
