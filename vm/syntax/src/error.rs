//! `SyntaxError` and its subclasses as CPython raises them from `compile()`/`ast.parse()`.

use refvm_common::{PyStr, Unsupported};
use std::fmt;

/// Which exception class CPython raises.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
}

impl SyntaxErrorKind {
    /// The class name, as printed in tracebacks.
    pub fn name(self) -> &'static str {
        match self {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
            SyntaxErrorKind::TabError => "TabError",
        }
    }
}

/// The attributes of a CPython `SyntaxError` instance. Positions are 1-based; `offset`
/// and `end_offset` count as CPython's do (code points of `text`, 1-based).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    pub msg: String,
    pub filename: String,
    pub lineno: Option<u32>,
    pub offset: Option<i64>,
    pub end_lineno: Option<u32>,
    pub end_offset: Option<i64>,
    /// The source line, as CPython stores it in `SyntaxError.text`.
    pub text: Option<PyStr>,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.name(), self.msg)
    }
}

impl std::error::Error for SyntaxError {}

/// Why a parse produced no tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseError {
    /// The program is not valid Python: CPython rejects it too (if it agrees).
    Syntax(SyntaxError),
    /// CPython raises an exception that is not a `SyntaxError`: `MemoryError` when
    /// pegen's rule nesting passes MAXSTACK (6000), `UnicodeDecodeError` when a name after
    /// a syntax error is not UTF-8 (the tokenizer's rescan lets it escape), or (from
    /// [`crate::ast::limits`]) `RecursionError` while building the `ast` objects.
    Other(OtherError),
    /// refvm cannot handle this input yet.
    Unsupported(Unsupported),
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseError::Syntax(e) => e.fmt(f),
            ParseError::Other(e) => e.fmt(f),
            ParseError::Unsupported(u) => u.fmt(f),
        }
    }
}

/// The exception class of an [`OtherError`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OtherErrorKind {
    MemoryError,
    RecursionError,
    UnicodeDecodeError,
}

impl OtherErrorKind {
    /// The class name, as printed in tracebacks.
    pub fn name(self) -> &'static str {
        match self {
            OtherErrorKind::MemoryError => "MemoryError",
            OtherErrorKind::RecursionError => "RecursionError",
            OtherErrorKind::UnicodeDecodeError => "UnicodeDecodeError",
        }
    }
}

/// A non-`SyntaxError` exception CPython raises while parsing: its class and
/// `str(exc)` (empty for pegen's bare `MemoryError`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OtherError {
    pub kind: OtherErrorKind,
    pub msg: String,
}

impl OtherError {
    /// pegen's `PyErr_NoMemory()` when rule nesting passes MAXSTACK.
    pub fn parser_stack() -> Self {
        OtherError {
            kind: OtherErrorKind::MemoryError,
            msg: String::new(),
        }
    }

    /// The last line CPython prints for this uncaught exception (`MemoryError`,
    /// `RecursionError: maximum recursion depth exceeded during ast construction`).
    pub fn report(&self) -> String {
        format!("{self}\n")
    }
}

impl fmt::Display for OtherError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.msg.is_empty() {
            f.write_str(self.kind.name())
        } else {
            write!(f, "{}: {}", self.kind.name(), self.msg)
        }
    }
}

impl std::error::Error for OtherError {}

impl std::error::Error for ParseError {}

impl SyntaxError {
    /// What CPython prints on stderr for this uncaught exception (`print_exception` in
    /// Python/pythonrun.c): the `File` line, the source line and carets, then
    /// `SyntaxError: msg`.
    pub fn report(&self) -> String {
        let mut out = String::new();
        if let Some(lineno) = self.lineno {
            out.push_str(&format!("  File \"{}\", line {lineno}\n", self.filename));
            if let Some(text) = &self.text {
                let text = text.to_string_lossy();
                let line_size = text.len() as i64;
                let offset = self.offset.unwrap_or(-1);
                let mut end_offset = self.end_offset.unwrap_or(-1);
                if self.end_lineno.is_some_and(|e| e > lineno) {
                    end_offset = line_size;
                }
                if end_offset > line_size + 1 {
                    end_offset = line_size + 1;
                }
                print_error_text(&mut out, offset, end_offset, &text);
            }
        }
        out.push_str(&format!("{}: {}\n", self.kind.name(), self.msg));
        out
    }
}

/// `print_error_text`: offsets index the UTF-8 bytes of `text`, as in CPython.
fn print_error_text(out: &mut String, offset: i64, end_offset: i64, text: &str) {
    let carets = if end_offset > 0 && end_offset > offset {
        (end_offset - offset) as usize
    } else {
        1
    };
    let mut offset = offset - 1;
    let mut t = text.as_bytes();
    while let [b' ' | b'\t' | 0x0c, rest @ ..] = t {
        t = rest;
        offset -= 1;
    }
    let mut len = t.len() as i64;
    if len > 0 && t[len as usize - 1] == b'\n' {
        len -= 1;
    }
    offset = offset.min(len);
    while let Some(nl) = t.iter().position(|&b| b == b'\n') {
        let inl = nl as i64;
        if inl >= offset {
            break;
        }
        t = &t[nl + 1..];
        len -= inl + 1;
        offset -= inl + 1;
    }
    out.push_str("    ");
    out.push_str(&String::from_utf8_lossy(t));
    if t.get(len.max(0) as usize) != Some(&b'\n') {
        out.push('\n');
    }
    if offset < 0 {
        return;
    }
    out.push_str("    ");
    out.push_str(&" ".repeat(offset as usize));
    out.push_str(&"^".repeat(carets));
    out.push('\n');
}
