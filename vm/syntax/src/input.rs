//! Source bytes → the buffer the lexer reads: BOM and PEP 263 cookie handled, text
//! transcoded to UTF-8, universal newlines translated, a final newline ensured
//! (what `decode_str` and `translate_newlines` in Parser/tokenizer.c do for string input).
//! A minimal stand-in until the tokenize helper's `source` module provides PEP 263.

use crate::error::{SyntaxError, SyntaxErrorKind};

/// Finds a coding cookie in one line (`^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)`).
fn cookie(line: &[u8]) -> Option<String> {
    let mut i = 0;
    while i < line.len() && matches!(line[i], b' ' | b'\t' | 0x0c) {
        i += 1;
    }
    if line.get(i) != Some(&b'#') {
        return None;
    }
    let rest = &line[i..];
    let pos = rest.windows(6).position(|w| w == b"coding")?;
    let mut j = pos + 6;
    if !matches!(rest.get(j), Some(b':') | Some(b'=')) {
        return cookie_after(&rest[pos + 6..]);
    }
    j += 1;
    while matches!(rest.get(j), Some(b' ') | Some(b'\t')) {
        j += 1;
    }
    let start = j;
    while rest
        .get(j)
        .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.')
    {
        j += 1;
    }
    if j == start {
        None
    } else {
        Some(String::from_utf8_lossy(&rest[start..j]).into_owned())
    }
}

/// Keeps looking for a later `coding[:=]` in the same comment.
fn cookie_after(rest: &[u8]) -> Option<String> {
    let pos = rest.windows(6).position(|w| w == b"coding")?;
    let mut line = b"#".to_vec();
    line.extend_from_slice(&rest[pos..]);
    cookie(&line)
}

/// `get_normal_name`.
fn normal_name(enc: &str) -> String {
    let lower: String = enc
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
    if lower == "utf-8" || lower.starts_with("utf-8-") {
        "utf-8".into()
    } else if ["latin-1", "iso-8859-1", "iso-latin-1"]
        .iter()
        .any(|p| lower == *p || lower.starts_with(&format!("{p}-")))
    {
        "iso-8859-1".into()
    } else {
        enc.to_string()
    }
}

fn err(msg: String) -> SyntaxError {
    SyntaxError {
        kind: SyntaxErrorKind::SyntaxError,
        msg,
        filename: String::new(),
        lineno: Some(0),
        offset: Some(u32::MAX),
        end_lineno: None,
        end_offset: None,
        text: None,
    }
}

/// Decodes `source` to the lexer's buffer.
pub fn decode(source: &[u8]) -> Result<Vec<u8>, SyntaxError> {
    decode_with(source, true, false)
}

/// `decode`, as for `compile()`'s other inputs: `exec_input` false leaves the last line
/// without a newline (`translate_newlines`); `ignore_cookie` reads the bytes as UTF-8
/// whatever their BOM or coding cookie say (`PyCF_IGNORE_COOKIE`: a `str` source).
pub fn decode_with(
    source: &[u8],
    exec_input: bool,
    ignore_cookie: bool,
) -> Result<Vec<u8>, SyntaxError> {
    if source.contains(&0) {
        let mut e = err("source code string cannot contain null bytes".into());
        e.lineno = None;
        e.offset = None;
        return Err(e);
    }
    let (bom, body) = match source.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) if !ignore_cookie => (true, rest),
        _ => (false, source),
    };
    let mut enc = None;
    let mut lines = body.split(|&b| b == b'\n' || b == b'\r');
    if let Some(l1) = lines.next().filter(|_| !ignore_cookie) {
        enc = cookie(l1);
        let l1_blank = {
            let t: Vec<u8> = l1
                .iter()
                .copied()
                .filter(|b| !matches!(b, b' ' | b'\t' | 0x0c))
                .collect();
            t.is_empty() || t[0] == b'#'
        };
        if enc.is_none() && l1_blank {
            if let Some(l2) = lines.next() {
                enc = cookie(l2);
            }
        }
    }
    let text: Vec<u8> = match enc.map(|e| normal_name(&e)) {
        None => body.to_vec(),
        Some(e) if e == "utf-8" => body.to_vec(),
        Some(e) if bom => return Err(err(format!("encoding problem: {e} with BOM"))),
        Some(e) if e == "iso-8859-1" => body
            .iter()
            .map(|&b| b as char)
            .collect::<String>()
            .into_bytes(),
        Some(e) => match encoding_rs::Encoding::for_label(e.as_bytes()) {
            Some(encoding) => encoding
                .decode_without_bom_handling(body)
                .0
                .into_owned()
                .into_bytes(),
            None => return Err(err(format!("unknown encoding: {e}"))),
        },
    };
    // Universal newlines, and a final newline.
    let mut out = Vec::with_capacity(text.len() + 1);
    let mut i = 0;
    while i < text.len() {
        let b = text[i];
        if b == b'\r' {
            out.push(b'\n');
            if text.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
        } else {
            out.push(b);
        }
        i += 1;
    }
    if exec_input && out.last().is_some_and(|&b| b != b'\n') {
        out.push(b'\n');
    }
    Ok(out)
}
