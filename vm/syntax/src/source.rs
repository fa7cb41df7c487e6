//! PEP 263 source decoding, shared by the tokenizer and the parser: the UTF-8 BOM, coding
//! cookies on line 1 or 2, codec names normalised as CPython does, and decoding with
//! CPython's exact error messages.
//!
//! CPython has two sets of rules and this module exposes both:
//!
//! * **`Lib/tokenize.py`** (what `python3 -m tokenize` uses): [`detect_encoding`] reads the
//!   BOM and the cookie (`cookie_re`, matched on the line decoded as UTF-8, checked with
//!   `codecs.lookup`); the tokenizer then decodes each physical line on its own with
//!   [`codecs::decode`]. Errors are `SyntaxError`s whose message names the file.
//! * **The C tokenizer, string input** (`compile(bytes, ...)`, `ast.parse(bytes)`):
//!   [`decode_string_input`] reproduces `decode_str` in `Parser/tokenizer.c`: newlines
//!   translated first (`\r\n` and `\r` become `\n`, a final `\n` added), then the BOM, then
//!   [`c_coding_spec`] on lines 1 and 2 (raw bytes, no UTF-8 check), then the whole text
//!   decoded when a cookie other than `utf-8` was found. Errors carry the message CPython
//!   puts in the `SyntaxError` it raises at line 0 (`unknown encoding: foo`,
//!   `encoding problem: iso-8859-1 with BOM`, a `UnicodeDecodeError`'s text...).
//!
//! For the parser: when no cookie makes the C tokenizer decode, the text stays raw bytes
//! and CPython only notices invalid UTF-8 where it decodes a token (a string literal, a
//! name); [`codecs::decode_utf8`] gives the `UnicodeDecodeError` CPython reports there, to
//! be wrapped as `(unicode error) 'utf-8' codec can't decode byte 0xff in position 0:
//! invalid start byte`. Both sets share [`get_normal_name`] (identical in C and Python).
//! Not covered yet: the C tokenizer's *file* input (`python3 FILE`), whose messages differ
//! (`Non-UTF-8 code starting with '\xff' in file F on line 1, but no encoding declared; ...`,
//! `encoding problem: foo`).

pub mod codecs;
#[rustfmt::skip]
mod codec_tables;

use std::borrow::Cow;

/// `codecs.BOM_UTF8`.
pub const BOM_UTF8: &[u8] = b"\xef\xbb\xbf";

/// `get_normal_name` (tokenizer.c) and `_get_normal_name` (tokenize.py): the first 12
/// characters, lowered, `_` read as `-`, mapped to `utf-8` or `iso-8859-1` for the UTF-8
/// and Latin-1 families; any other name is returned unchanged.
pub fn get_normal_name(name: &str) -> Cow<'_, str> {
    let enc: String = name
        .chars()
        .take(12)
        .map(|c| {
            if c == '_' {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    if enc == "utf-8" || enc.starts_with("utf-8-") {
        return Cow::Borrowed("utf-8");
    }
    let latin1 = ["latin-1", "iso-8859-1", "iso-latin-1"];
    if latin1
        .iter()
        .any(|l| enc == *l || (enc.starts_with(l) && enc[l.len()..].starts_with('-')))
    {
        return Cow::Borrowed("iso-8859-1");
    }
    Cow::Borrowed(name)
}

fn is_cookie_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.'
}

/// `tokenize.cookie_re.match(line)` → group 1: `^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)`
/// (ASCII `\w`; `.` stops at `\n`).
pub fn tokenize_cookie(line: &str) -> Option<&str> {
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\x0c') {
        i += 1;
    }
    if b.get(i) != Some(&b'#') {
        return None;
    }
    let mut j = i + 1;
    // `.*?` tries each later start of "coding" in turn, never crossing a newline.
    while j < b.len() {
        if b[j..].starts_with(b"coding") && matches!(b.get(j + 6), Some(b':' | b'=')) {
            let mut t = j + 7;
            while t < b.len() && matches!(b[t], b' ' | b'\t') {
                t += 1;
            }
            let begin = t;
            while t < b.len() && is_cookie_name_byte(b[t]) {
                t += 1;
            }
            if t > begin {
                return line.get(begin..t);
            }
        }
        if b[j] == b'\n' {
            return None;
        }
        j += 1;
    }
    None
}

/// `tokenize.blank_re.match(line)`: `^[ \t\f]*(?:[#\r\n]|$)` on bytes.
pub fn tokenize_blank(line: &[u8]) -> bool {
    let rest = line.trim_ascii_start_matches();
    matches!(rest.first(), None | Some(b'#' | b'\r' | b'\n'))
}

trait TrimIndent {
    fn trim_ascii_start_matches(&self) -> &[u8];
}

impl TrimIndent for [u8] {
    /// Drops leading spaces, tabs and form feeds.
    fn trim_ascii_start_matches(&self) -> &[u8] {
        let n = self
            .iter()
            .take_while(|b| matches!(b, b' ' | b'\t' | b'\x0c'))
            .count();
        &self[n..]
    }
}

/// What [`detect_encoding`] found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Detected {
    /// The encoding as `detect_encoding` returns it: `utf-8`, `utf-8-sig` (a BOM was
    /// found), or the cookie's name after [`get_normal_name`] (`-sig` added after a BOM).
    pub encoding: String,
    /// A UTF-8 BOM starts the source (the tokenizer drops it).
    pub bom: bool,
}

/// `tokenize.detect_encoding` over the whole source; `filename` as `readline.__self__.name`
/// (None for a stream without a name). `Err` holds the `SyntaxError` message.
pub fn detect_encoding(source: &[u8], filename: Option<&str>) -> Result<Detected, String> {
    let (bom, rest) = match source.strip_prefix(BOM_UTF8) {
        Some(rest) => (true, rest),
        None => (false, source),
    };
    let default = if bom { "utf-8-sig" } else { "utf-8" };
    let found = |encoding: String| Ok(Detected { encoding, bom });
    let mut lines = rest.split_inclusive(|&b| b == b'\n');
    let Some(first) = lines.next() else {
        return found(default.to_owned());
    };
    if let Some(enc) = find_cookie(first, bom, filename)? {
        return found(enc);
    }
    if !tokenize_blank(first) {
        return found(default.to_owned());
    }
    let Some(second) = lines.next() else {
        return found(default.to_owned());
    };
    if let Some(enc) = find_cookie(second, bom, filename)? {
        return found(enc);
    }
    found(default.to_owned())
}

/// `find_cookie` inside `detect_encoding`.
fn find_cookie(line: &[u8], bom: bool, filename: Option<&str>) -> Result<Option<String>, String> {
    let for_file = |msg: &str| match filename {
        Some(f) => {
            let mut m = format!("{msg} for ");
            refvm_common::repr::write_str_repr_utf8(f, &mut m);
            m
        }
        None => msg.to_owned(),
    };
    let Ok(text) = std::str::from_utf8(line) else {
        return Err(for_file("invalid or missing encoding declaration"));
    };
    let Some(name) = tokenize_cookie(text) else {
        return Ok(None);
    };
    let encoding = get_normal_name(name).into_owned();
    if codecs::lookup(&encoding).is_none() {
        return Err(match filename {
            Some(_) => format!("{}: {encoding}", for_file("unknown encoding")),
            None => format!("unknown encoding: {encoding}"),
        });
    }
    if bom {
        if encoding != "utf-8" {
            return Err(format!("{}: utf-8", for_file("encoding problem")));
        }
        return Ok(Some("utf-8-sig".to_owned()));
    }
    Ok(Some(encoding))
}

/// `get_coding_spec` (tokenizer.c) on the line `buf[start..start + size]`: the cookie's
/// name after [`get_normal_name`], or None. Like the C code, the name may run past `size`
/// up to the next byte that cannot be in a name.
pub fn c_coding_spec(buf: &[u8], start: usize, size: usize) -> Option<String> {
    let s = buf.get(start..)?;
    let limit = size.saturating_sub(6).min(s.len());
    let mut i = 0;
    while i < limit {
        if s[i] == b'#' {
            break;
        }
        if !matches!(s[i], b' ' | b'\t' | b'\x0c') {
            return None;
        }
        i += 1;
    }
    while i < limit {
        if s[i..].starts_with(b"coding") && matches!(s.get(i + 6), Some(b':' | b'=')) {
            let mut t = i + 7;
            while matches!(s.get(t), Some(b' ' | b'\t')) {
                t += 1;
            }
            let begin = t;
            while s.get(t).is_some_and(|&b| is_cookie_name_byte(b)) {
                t += 1;
            }
            if t > begin {
                let name = String::from_utf8_lossy(&s[begin..t]).into_owned();
                return Some(get_normal_name(&name).into_owned());
            }
        }
        i += 1;
    }
    None
}

/// `check_coding_spec` without a cookie: does the line hold only blanks or a comment (so
/// the C tokenizer still looks for a cookie on the next line)?
fn c_line_keeps_seeking(line: &[u8]) -> bool {
    for &b in line {
        if matches!(b, b'#' | b'\n' | b'\r') {
            return true;
        }
        if !matches!(b, b' ' | b'\t' | b'\x0c') {
            return false;
        }
    }
    true
}

/// Source text ready for the C tokenizer's rules (string input).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CSource {
    /// The text after newline translation and the BOM: UTF-8 when a cookie made CPython
    /// decode it, otherwise the raw bytes (possibly invalid UTF-8).
    pub text: Vec<u8>,
    /// `tok->encoding`: `utf-8` after a BOM, else the cookie's normal name, else None.
    pub encoding: Option<String>,
}

/// Why the C tokenizer rejected string input before tokenizing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CSourceError {
    /// `SyntaxError: source code string cannot contain null bytes` (from `compile()`).
    NullBytes,
    /// A `SyntaxError` with this message, raised with lineno 0 and offset -1.
    Syntax(String),
    /// The cookie names a codec refvm does not implement.
    Unsupported(String),
}

/// `translate_newlines` (tokenizer.c, exec input): `\r\n` and `\r` become `\n`, and a `\n`
/// is added unless the last character handled was one (note: `"x\r\n"` gains a second).
pub fn c_translate_newlines(input: &[u8]) -> Vec<u8> {
    c_translate_newlines_mode(input, true)
}

/// `translate_newlines` for any input: `exec_input` false (`compile()` modes 'eval' and
/// 'single') adds no final `\n`.
pub fn c_translate_newlines_mode(input: &[u8], exec_input: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len() + 1);
    if !input.contains(&b'\r') {
        // Nothing to translate: the input as is, and the final newline.
        out.extend_from_slice(input);
        if exec_input && out.last() != Some(&b'\n') {
            out.push(b'\n');
        }
        return out;
    }
    let mut last = 0u8;
    let mut skip_next_lf = false;
    let mut i = 0;
    while i < input.len() {
        let mut c = input[i];
        if skip_next_lf {
            skip_next_lf = false;
            if c == b'\n' {
                i += 1;
                match input.get(i) {
                    Some(&next) => c = next,
                    None => {
                        last = 0;
                        break;
                    }
                }
            }
        }
        if c == b'\r' {
            skip_next_lf = true;
            c = b'\n';
        }
        out.push(c);
        last = c;
        i += 1;
    }
    if exec_input && last != b'\n' {
        out.push(b'\n');
    }
    out
}

/// `decode_str` in tokenizer.c: what `compile(source_bytes, ...)` does before tokenizing.
pub fn decode_string_input(source: &[u8]) -> Result<CSource, CSourceError> {
    decode_string_input_mode(source, true)
}

/// `decode_str` for any `compile()` mode (`exec_input` false: 'eval' and 'single').
pub fn decode_string_input_mode(source: &[u8], exec_input: bool) -> Result<CSource, CSourceError> {
    if source.contains(&0) {
        return Err(CSourceError::NullBytes);
    }
    let translated = c_translate_newlines_mode(source, exec_input);
    let (mut encoding, body) = match translated.strip_prefix(BOM_UTF8) {
        Some(rest) => (Some("utf-8".to_owned()), rest),
        None => (None, &translated[..]),
    };
    let mut newlines = body
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .map(|(i, _)| i);
    let mut decode_as: Option<String> = None;
    if let Some(nl0) = newlines.next() {
        let mut spec = c_coding_spec(body, 0, nl0);
        // Without a cookie, a blank or comment-only line 1 keeps the search going.
        if spec.is_none()
            && c_line_keeps_seeking(&body[..nl0])
            && let Some(nl1) = newlines.next()
        {
            spec = c_coding_spec(body, nl0 + 1, nl1 - nl0);
        }
        if let Some(cs) = spec {
            match &encoding {
                None => {
                    if cs != "utf-8" {
                        decode_as = Some(cs.clone());
                    }
                    encoding = Some(cs);
                }
                Some(bom_enc) => {
                    if *bom_enc != cs {
                        return Err(CSourceError::Syntax(format!(
                            "encoding problem: {cs} with BOM"
                        )));
                    }
                }
            }
        }
    }
    let text = match decode_as {
        None => body.to_vec(),
        Some(enc) => {
            let mut out = String::with_capacity(body.len());
            match codecs::decode(&enc, body, &mut out) {
                Ok(()) => out.into_bytes(),
                Err(e) => {
                    return Err(match e.failure {
                        codecs::DecodeFailure::Unsupported(m) => CSourceError::Unsupported(
                            format!("refvm does not implement the {m} codec"),
                        ),
                        f => CSourceError::Syntax(f.to_string()),
                    });
                }
            }
        }
    };
    Ok(CSource { text, encoding })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normal_names() {
        assert_eq!(get_normal_name("UTF_8"), "utf-8");
        assert_eq!(get_normal_name("utf-8-sig"), "utf-8");
        assert_eq!(get_normal_name("utf8"), "utf8");
        assert_eq!(get_normal_name("Latin-1"), "iso-8859-1");
        assert_eq!(get_normal_name("iso_8859_1_x"), "iso-8859-1");
        assert_eq!(get_normal_name("latin-10"), "latin-10");
        assert_eq!(get_normal_name("koi8-r"), "koi8-r");
    }

    #[test]
    fn cookies() {
        assert_eq!(
            tokenize_cookie("# -*- coding: latin-1 -*-\n"),
            Some("latin-1")
        );
        assert_eq!(tokenize_cookie("#!/usr/bin/env python\n"), None);
        assert_eq!(tokenize_cookie("x = 1 # coding: utf-8\n"), None);
        assert_eq!(
            tokenize_cookie("# vim: set fileencoding=utf8 :\n"),
            Some("utf8")
        );
        assert_eq!(
            tokenize_cookie("# coding: # coding=koi8_r\n"),
            Some("koi8_r")
        );
        let line = b"# coding=latin-1\n";
        assert_eq!(
            c_coding_spec(line, 0, line.len()).as_deref(),
            Some("iso-8859-1")
        );
    }

    #[test]
    fn detect() {
        let d = detect_encoding(b"\xef\xbb\xbfx = 1\n", Some("f.py")).unwrap();
        assert_eq!((d.encoding.as_str(), d.bom), ("utf-8-sig", true));
        let d = detect_encoding(b"#!/bin/python\n# coding: latin-1\n", Some("f.py")).unwrap();
        assert_eq!(d.encoding, "iso-8859-1");
        assert_eq!(
            detect_encoding(b"# coding: foo\n", Some("f.py")).unwrap_err(),
            "unknown encoding for 'f.py': foo"
        );
        assert_eq!(
            detect_encoding(b"\xef\xbb\xbf# coding: latin-1\n", Some("f.py")).unwrap_err(),
            "encoding problem for 'f.py': utf-8"
        );
        assert_eq!(
            detect_encoding(b"\xff\n", Some("f.py")).unwrap_err(),
            "invalid or missing encoding declaration for 'f.py'"
        );
    }

    #[test]
    fn string_input() {
        assert_eq!(c_translate_newlines(b"x\r\n"), b"x\n\n");
        assert_eq!(c_translate_newlines(b"a\rb"), b"a\nb\n");
        assert_eq!(c_translate_newlines(b""), b"\n");
        let s = decode_string_input(b"# coding: latin-1\nx = '\xe9'\n").unwrap();
        assert_eq!(s.text, "# coding: latin-1\nx = '\u{e9}'\n".as_bytes());
        assert_eq!(
            decode_string_input(b"\xef\xbb\xbf# coding: latin-1\n").unwrap_err(),
            CSourceError::Syntax("encoding problem: iso-8859-1 with BOM".into())
        );
        assert_eq!(
            decode_string_input(b"# coding: foo\n").unwrap_err(),
            CSourceError::Syntax("unknown encoding: foo".into())
        );
        assert_eq!(
            decode_string_input(b"#coding:utf8\n\xff\n").unwrap_err(),
            CSourceError::Syntax(
                "'utf-8' codec can't decode byte 0xff in position 13: invalid start byte".into()
            )
        );
    }
}
