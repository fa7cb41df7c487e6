//! refvm's front end: Python 3.11 source bytes → tokens → AST, identical to CPython's.
//!
//! Entry points (the API the CLI and the harness use; keep these signatures):
//! - [`tokenize_report`]: what `python3 -m tokenize -e FILE` prints, as data.
//! - [`parse_module`]: source bytes → [`ast::Module`] or a [`SyntaxError`].
//! - [`ast::dump`]: `ast.dump(tree, indent=1, include_attributes=True)`.
//!
//! Architecture invariant: this crate knows nothing of bytecode, code objects or runtime
//! objects. Literal values use `refvm_common` (`PyStr`, reprs).

pub mod ast;
pub mod error;
pub mod lexer;
mod parser;
pub mod source;
pub mod stack;
pub mod tokenize;

pub use error::{OtherError, OtherErrorKind, ParseError, SyntaxError, SyntaxErrorKind};
pub use refvm_common::Unsupported;

/// The observable result of `python3 -m tokenize -e FILE`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenizeReport {
    /// Everything printed to stdout (one line per token).
    pub stdout: String,
    /// Everything printed to stderr (an `error:` line when tokenizing fails).
    pub stderr: String,
    /// 0, or 1 when tokenizing failed.
    pub exit_code: i32,
}

/// Tokenizes `source` the way `python3 -m tokenize -e` does, `filename` being the
/// path that command was given (it appears in error lines).
pub fn tokenize_report(source: &[u8], filename: &str) -> Result<TokenizeReport, Unsupported> {
    tokenize::report::tokenize_report(source, filename)
}

/// Parses a module, as `ast.parse(source, filename)` does with `source` given as bytes
/// (PEP 263 decoding; error columns in bytes unless a BOM or a coding cookie gave the
/// tokenizer an encoding). `SyntaxError.text` comes from the source, as when `filename`
/// names no readable file.
pub fn parse_module(source: &[u8], filename: &str) -> Result<ast::Module, ParseError> {
    use source::CSourceError;
    let decoded = match source::decode_string_input(source) {
        Ok(d) => d,
        Err(CSourceError::NullBytes) => {
            return Err(ParseError::Syntax(SyntaxError {
                kind: SyntaxErrorKind::SyntaxError,
                msg: "source code string cannot contain null bytes".into(),
                filename: filename.to_string(),
                lineno: None,
                offset: None,
                end_lineno: None,
                end_offset: None,
                text: None,
            }));
        }
        Err(CSourceError::Syntax(msg)) => {
            return Err(ParseError::Syntax(SyntaxError {
                kind: SyntaxErrorKind::SyntaxError,
                msg,
                filename: filename.to_string(),
                lineno: Some(0),
                offset: Some(-1),
                end_lineno: None,
                end_offset: None,
                text: None,
            }));
        }
        Err(CSourceError::Unsupported(m)) => return Err(ParseError::Unsupported(Unsupported(m))),
    };
    parse_decoded(&decoded.text, decoded.encoding.is_some(), filename)
}

/// Parses a module given as text, as `compile(source, filename, "exec",
/// ast.PyCF_ONLY_AST)` does with a `str` (no coding cookie; error columns in code points).
pub fn parse_module_text(source: &str, filename: &str) -> Result<ast::Module, ParseError> {
    if source.contains('\0') {
        return parse_module(source.as_bytes(), filename);
    }
    let text = source::c_translate_newlines(source.as_bytes());
    parse_decoded(&text, true, filename)
}

fn parse_decoded(text: &[u8], encoding: bool, filename: &str) -> Result<ast::Module, ParseError> {
    let lexed = lexer::Lexer::lex(text);
    let mut p = parser::Parser::new(text, lexed, encoding);
    match p.run(parser::Parser::file) {
        Ok(m) => Ok(m),
        Err(parser::RunError::Raw(e)) => Err(e.into_parse_error(filename)),
        Err(parser::RunError::Unsupported(u)) => Err(ParseError::Unsupported(Unsupported(u))),
    }
}
