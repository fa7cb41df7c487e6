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
    pub offset: Option<u32>,
    pub end_lineno: Option<u32>,
    pub end_offset: Option<u32>,
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
    /// refvm cannot handle this input yet.
    Unsupported(Unsupported),
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseError::Syntax(e) => e.fmt(f),
            ParseError::Unsupported(u) => u.fmt(f),
        }
    }
}

impl std::error::Error for ParseError {}
