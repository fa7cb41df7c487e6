//! The text `python3 FILE` writes to stderr when the script does not compile: the
//! `SyntaxError` branch of `PyErr_Display` (`print_exception_file_and_line` and
//! `print_error_text` of CPython 3.11's `Python/pythonrun.c`).

use refvm_syntax::{SyntaxError, SyntaxErrorKind};

/// `  File "FILE", line N`, the offending line stripped of leading blanks, a caret
/// line under the error's columns, then `SyntaxError: MSG`, each ending in a newline.
pub fn syntax_error_report(e: &SyntaxError) -> String {
    let mut out = String::new();
    if let Some(lineno) = e.lineno {
        let lineno = i64::from(lineno);
        out.push_str(&format!("  File \"{}\", line {lineno}\n", e.filename));
        let offset = e.offset.unwrap_or(-1);
        // Subclasses (IndentationError, TabError) have no end position to print.
        let (end_lineno, mut end_offset) = if e.kind == SyntaxErrorKind::SyntaxError {
            (
                e.end_lineno.map_or(lineno, i64::from),
                e.end_offset.unwrap_or(-1),
            )
        } else {
            (lineno, -1)
        };
        if let Some(text) = &e.text {
            let text = text.as_bytes();
            let line_size = text.len() as i64;
            // A multi-line error highlights the rest of its first line.
            if end_lineno > lineno {
                end_offset = line_size;
            }
            if end_offset > line_size + 1 {
                end_offset = line_size + 1;
            }
            print_error_text(&mut out, offset, end_offset, text);
        }
    }
    out.push_str(e.kind.name());
    if !e.msg.is_empty() {
        out.push_str(": ");
        out.push_str(&e.msg);
    }
    out.push('\n');
    out
}

/// `print_error_text`: offsets are the exception's 1-based column numbers, applied
/// (as CPython does) to the UTF-8 bytes of the line.
fn print_error_text(out: &mut String, offset: i64, end_offset: i64, text: &[u8]) {
    let carets = if end_offset > 0 && end_offset > offset {
        end_offset - offset
    } else {
        1
    };
    // The C string ends at a NUL.
    let mut text = match text.iter().position(|&b| b == 0) {
        Some(n) => &text[..n],
        None => text,
    };
    let mut offset = offset - 1;
    while let Some(&(b' ' | b'\t' | b'\x0c')) = text.first() {
        text = &text[1..];
        offset -= 1;
    }
    let mut len = text.len() as i64;
    if text.last() == Some(&b'\n') {
        len -= 1;
    }
    offset = offset.min(len);
    // Skip past newlines embedded in the text before the offset.
    while let Some(nl) = text.iter().position(|&b| b == b'\n') {
        let inl = nl as i64;
        if inl >= offset {
            break;
        }
        text = &text[nl + 1..];
        len -= inl + 1;
        offset -= inl + 1;
    }
    out.push_str("    ");
    out.push_str(&String::from_utf8_lossy(text));
    if usize::try_from(len).ok().and_then(|l| text.get(l)) != Some(&b'\n') {
        out.push('\n');
    }
    if offset < 0 {
        return;
    }
    out.push_str("    ");
    for _ in 0..offset {
        out.push(' ');
    }
    // Bounded by the line's length (end_offset was clipped to it).
    for _ in 0..carets.clamp(0, 1 << 20) {
        out.push('^');
    }
    out.push('\n');
}
