//! Errors raised after parsing (symbol table, AST optimiser, code generator), with
//! the location CPython gives them, and their conversion to [`crate::CompileError`].

use crate::CompileError;
use refvm_common::PyStr;
use refvm_syntax::ast::Location;
use refvm_syntax::{SyntaxError, SyntaxErrorKind};

/// A `SyntaxWarning` the code generator issued (`compiler_warn`): CPython hands it to
/// `warnings.warn_explicit(msg, SyntaxWarning, filename, lineno)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileWarning {
    pub lineno: i32,
    pub msg: String,
}

impl CompileWarning {
    /// The text the default `warnings.showwarning` writes to stderr for it:
    /// `FILE:LINE: SyntaxWarning: MSG` and, when the source has that line, the line
    /// stripped and indented by two spaces.
    pub fn format(&self, filename: &str, source: &[u8]) -> String {
        let mut s = format!("{filename}:{}: SyntaxWarning: {}\n", self.lineno, self.msg);
        let line = usize::try_from(self.lineno)
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|i| source.split(|&b| b == b'\n').nth(i));
        if let Some(line) = line {
            let text = String::from_utf8_lossy(line);
            let text = text.trim_matches(|c: char| c.is_whitespace() || c == '\x0c');
            if !text.is_empty() {
                s.push_str("  ");
                s.push_str(text);
                s.push('\n');
            }
        }
        s
    }
}

/// An error found while compiling, before the filename and source text are attached.
/// Offsets are CPython's: UTF-8 byte column + 1, or `None`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CompileErrorAt {
    Syntax {
        msg: String,
        lineno: i32,
        offset: Option<i32>,
        end_lineno: Option<i32>,
        end_offset: Option<i32>,
    },
    /// Another exception `compile()` raises (`RecursionError`, `SystemError`, …).
    Exception {
        type_name: &'static str,
        msg: String,
    },
}

impl CompileErrorAt {
    /// `PyErr_RangedSyntaxLocationObject(lineno, col + 1, end_lineno, end_col + 1)`
    /// for a node's location.
    pub fn ranged(msg: impl Into<String>, loc: &Location) -> CompileErrorAt {
        CompileErrorAt::Syntax {
            msg: msg.into(),
            lineno: loc.lineno as i32,
            offset: Some(loc.col_offset as i32 + 1),
            end_lineno: Some(loc.end_lineno as i32),
            end_offset: Some(loc.end_col_offset as i32 + 1),
        }
    }

    /// A ranged location given field by field (already offset by one).
    pub fn ranged_raw(
        msg: impl Into<String>,
        lineno: i32,
        offset: i32,
        end_lineno: i32,
        end_offset: i32,
    ) -> CompileErrorAt {
        let opt = |v: i32| if v >= 0 { Some(v) } else { None };
        CompileErrorAt::Syntax {
            msg: msg.into(),
            lineno,
            offset: opt(offset),
            end_lineno: opt(end_lineno),
            end_offset: opt(end_offset),
        }
    }

    /// `PyErr_SyntaxLocationObject(lineno, col)`: end line = line, no end offset.
    pub fn at(msg: impl Into<String>, lineno: i32, col: i32) -> CompileErrorAt {
        CompileErrorAt::Syntax {
            msg: msg.into(),
            lineno,
            offset: if col >= 0 { Some(col) } else { None },
            end_lineno: if lineno >= 0 { Some(lineno) } else { None },
            end_offset: None,
        }
    }

    /// CPython's `RecursionError` for too deeply nested input.
    pub fn recursion() -> CompileErrorAt {
        CompileErrorAt::Exception {
            type_name: "RecursionError",
            msg: "maximum recursion depth exceeded during compilation".into(),
        }
    }

    /// A `SystemError` (an internal inconsistency CPython also reports this way).
    pub fn system(msg: impl Into<String>) -> CompileErrorAt {
        CompileErrorAt::Exception {
            type_name: "SystemError",
            msg: msg.into(),
        }
    }

    /// Attaches the filename and the source line (`SyntaxError.text`).
    pub fn into_compile_error(self, filename: &str, source: &[u8]) -> CompileError {
        match self {
            CompileErrorAt::Syntax {
                msg,
                lineno,
                offset,
                end_lineno,
                end_offset,
            } => CompileError::Syntax(SyntaxError {
                kind: SyntaxErrorKind::SyntaxError,
                msg,
                filename: filename.to_owned(),
                lineno: u32::try_from(lineno).ok(),
                offset: offset.map(i64::from),
                end_lineno: end_lineno.and_then(|v| u32::try_from(v).ok()),
                end_offset: end_offset.map(i64::from),
                text: program_text(source, lineno),
            }),
            CompileErrorAt::Exception { type_name, msg } => {
                CompileError::Exception { type_name, msg }
            }
        }
    }
}

/// `err_programtext`: line `lineno` of the file as CPython reads it back for
/// `SyntaxError.text` (universal newlines; a line over 998 bytes yields only its last
/// 999-byte chunk; strict UTF-8 or nothing).
pub fn program_text(source: &[u8], lineno: i32) -> Option<PyStr> {
    if lineno <= 0 {
        return None;
    }
    let mut line_no = 0;
    let mut i = 0;
    let n = source.len();
    while i < n {
        let start = i;
        while i < n && source[i] != b'\n' && source[i] != b'\r' {
            i += 1;
        }
        let mut line = source[start..i].to_vec();
        if i < n {
            if source[i] == b'\r' && i + 1 < n && source[i + 1] == b'\n' {
                i += 1;
            }
            i += 1;
            line.push(b'\n');
        }
        line_no += 1;
        if line_no == lineno {
            // fgets into a 1000-byte buffer: 999-byte chunks, the last one remains.
            const CHUNK: usize = 999;
            let last = if line.len() > CHUNK {
                let rem = line.len() % CHUNK;
                let keep = if rem == 0 { CHUNK } else { rem };
                line[line.len() - keep..].to_vec()
            } else {
                line
            };
            // The C string stops at a NUL byte.
            let end = last.iter().position(|&b| b == 0).unwrap_or(last.len());
            return std::str::from_utf8(&last[..end]).ok().map(PyStr::from);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn program_text_lines() {
        let src = b"a\r\nb\rc\nd";
        assert_eq!(program_text(src, 1), Some(PyStr::from("a\n")));
        assert_eq!(program_text(src, 2), Some(PyStr::from("b\n")));
        assert_eq!(program_text(src, 3), Some(PyStr::from("c\n")));
        assert_eq!(program_text(src, 4), Some(PyStr::from("d")));
        assert_eq!(program_text(src, 5), None);
    }
}
