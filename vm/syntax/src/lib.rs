//! refvm's front end: Python 3.11 source bytes → tokens → AST, identical to CPython's.
//!
//! Entry points (the API the CLI and the harness use; keep these signatures):
//! - [`tokenize_report`]: what `python3 -m tokenize -e FILE` prints, as data.
//! - [`parse_module`]: source bytes → [`ast::Module`] or a [`SyntaxError`].
//! - [`parse`]: any `compile()` mode ('exec', 'eval', 'single') → [`ast::Mod`];
//!   [`parse_expression`] and [`parse_interactive`] for the last two.
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
pub mod tokenize;

pub use error::{ParseError, SyntaxError, SyntaxErrorKind};
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
                None => Err(ParseError::Unsupported(Unsupported(
                    "MemoryError: parser nesting exceeds pegen's MAXSTACK (CPython raises MemoryError)".into(),
                ))),
            }
        }
    }
}

/// `compile()`'s `mode` argument: which start rule the parser uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// 'exec': `file`, a module.
    #[default]
    Exec,
    /// 'eval': `eval`, one expression.
    Eval,
    /// 'single': `interactive`, one statement (as the REPL reads it).
    Single,
}

/// How `compile()` reads its source.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ParseOptions {
    pub mode: Mode,
    /// `PyCF_IGNORE_COOKIE`: the source is UTF-8 whatever its BOM or coding cookie
    /// say (`compile()` sets it for a `str` source).
    pub ignore_cookie: bool,
}

/// Parses `source` as `compile(source, filename, mode, PyCF_ONLY_AST)` does.
pub fn parse(source: &[u8], filename: &str, opts: &ParseOptions) -> Result<ast::Mod, ParseError> {
    let exec = opts.mode == Mode::Exec;
    let text = match input::decode_with(source, exec, opts.ignore_cookie) {
        Ok(t) => t,
        Err(mut e) => {
            e.filename = filename.to_string();
            return Err(ParseError::Syntax(e));
        }
    };
    let lexed = lexer::Lexer::lex(&text);
    let mut p = parser::Parser::new(&text, lexed);
    let result = match opts.mode {
        Mode::Exec => p.run_file().map(ast::Mod::Module),
        Mode::Eval => p.run_eval().map(ast::Mod::Expression),
        Mode::Single => p.run_interactive().map(ast::Mod::Interactive),
    };
    result.map_err(|raw| {
        if let Some(u) = p.unsupported.take() {
            return ParseError::Unsupported(Unsupported(u));
        }
        match raw.into_syntax_error(&text, filename) {
            Some(e) => ParseError::Syntax(e),
            None => ParseError::Unsupported(Unsupported(
                "MemoryError: parser nesting exceeds pegen's MAXSTACK (CPython raises MemoryError)"
                    .into(),
            )),
        }
    })
}

/// Parses one expression, as `ast.parse(source, filename, mode='eval')` does.
pub fn parse_expression(source: &[u8], filename: &str) -> Result<ast::Expression, ParseError> {
    let opts = ParseOptions {
        mode: Mode::Eval,
        ignore_cookie: false,
    };
    match parse(source, filename, &opts)? {
        ast::Mod::Expression(e) => Ok(e),
        _ => Err(ParseError::Unsupported(Unsupported(
            "eval start rule returned another tree".into(),
        ))),
    }
}

/// Parses one interactive statement, as `ast.parse(source, filename, mode='single')`.
pub fn parse_interactive(source: &[u8], filename: &str) -> Result<ast::Interactive, ParseError> {
    let opts = ParseOptions {
        mode: Mode::Single,
        ignore_cookie: false,
    };
    match parse(source, filename, &opts)? {
        ast::Mod::Interactive(i) => Ok(i),
        _ => Err(ParseError::Unsupported(Unsupported(
            "interactive start rule returned another tree".into(),
        ))),
    }
}
