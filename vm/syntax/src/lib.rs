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
mod input;
pub mod lexer;
mod parser;
pub mod source;
pub mod stack;
pub mod tokenize;

pub use error::{LimitError, LimitKind, ParseError, SyntaxError, SyntaxErrorKind};
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

/// Parses a module, as `ast.parse(source, filename)` does.
pub fn parse_module(source: &[u8], filename: &str) -> Result<ast::Module, ParseError> {
    let text = match input::decode(source) {
        Ok(t) => t,
        Err(mut e) => {
            e.filename = filename.to_string();
            return Err(ParseError::Syntax(e));
        }
    };
    let lexed = lexer::Lexer::lex(&text);
    let mut p = parser::Parser::new(&text, lexed);
    match p.run_file() {
        Ok(m) => Ok(m),
        Err(raw) => {
            if let Some(u) = p.unsupported.take() {
                return Err(ParseError::Unsupported(Unsupported(u)));
            }
            match raw.into_syntax_error(&text, filename) {
                Some(e) => Err(ParseError::Syntax(e)),
                None => Err(ParseError::Limit(LimitError::parser_stack())),
            }
        }
    }
}
