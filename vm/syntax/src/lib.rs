//! refvm's front end: Python 3.11 source bytes → tokens → AST, identical to CPython's.
//!
//! Entry points (the API the CLI and the harness use; keep these signatures):
//! - [`tokenize_report`]: what `python3 -m tokenize -e FILE` prints, as data.
//! - [`parse_module`]: source bytes → [`ast::Module`] or a [`SyntaxError`].
//! - [`parse`]: any `compile()` mode ('exec', 'eval', 'single') → [`ast::Mod`];
//!   [`parse_expression`] and [`parse_interactive`] for the last two.
//! - [`ast::dump`]: `ast.dump(tree, indent=1, include_attributes=True)`.
//! - [`unparse::unparse`]: AST → source, like `ast.unparse` (the fuzz generator's way
//!   back to a program; [`unparse::unparse_styled`] varies the spelling).
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
pub mod unparse;

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
    let decoded = decode_bytes_input(source, filename, true)?;
    parse_decoded(&decoded.text, decoded.encoding.is_some(), filename, |p| {
        p.run_file()
    })
}

/// `compile()`'s error for a source with a NUL byte.
fn null_bytes_error(filename: &str) -> ParseError {
    ParseError::Syntax(SyntaxError {
        kind: SyntaxErrorKind::SyntaxError,
        msg: "source code string cannot contain null bytes".into(),
        filename: filename.to_string(),
        lineno: None,
        offset: None,
        end_lineno: None,
        end_offset: None,
        text: None,
    })
}

/// `decode_str`'s errors as CPython raises them.
fn decode_bytes_input(
    source: &[u8],
    filename: &str,
    exec_input: bool,
) -> Result<source::CSource, ParseError> {
    use source::CSourceError;
    match source::decode_string_input_mode(source, exec_input) {
        Ok(d) => Ok(d),
        Err(CSourceError::NullBytes) => Err(null_bytes_error(filename)),
        Err(CSourceError::Syntax(msg)) => Err(ParseError::Syntax(SyntaxError {
            kind: SyntaxErrorKind::SyntaxError,
            msg,
            filename: filename.to_string(),
            lineno: Some(0),
            offset: Some(-1),
            end_lineno: None,
            end_offset: None,
            text: None,
        })),
        Err(CSourceError::Unsupported(m)) => Err(ParseError::Unsupported(Unsupported(m))),
    }
}

/// Parses a module given as text, as `compile(source, filename, "exec",
/// ast.PyCF_ONLY_AST)` does with a `str` (no coding cookie; error columns in code points).
pub fn parse_module_text(source: &str, filename: &str) -> Result<ast::Module, ParseError> {
    if source.contains('\0') {
        return parse_module(source.as_bytes(), filename);
    }
    let text = source::c_translate_newlines(source.as_bytes());
    parse_decoded(&text, true, filename, |p| p.run_file())
}

fn parse_decoded<T>(
    text: &[u8],
    encoding: bool,
    filename: &str,
    run: fn(&mut parser::Parser<'_>) -> Result<T, parser::RunError>,
) -> Result<T, ParseError> {
    let lexed = lexer::Lexer::lex(text);
    let mut p = parser::Parser::new(text, lexed, encoding);
    match run(&mut p) {
        Ok(m) => Ok(m),
        Err(parser::RunError::Raw(e)) => Err(e.into_parse_error(filename)),
        Err(parser::RunError::Unsupported(u)) => Err(ParseError::Unsupported(Unsupported(u))),
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
    /// say, and error columns count code points (`compile()` sets it for a `str`).
    pub ignore_cookie: bool,
}

/// Parses `source` as `compile(source, filename, mode, PyCF_ONLY_AST)` does: `source`
/// is the bytes given, or (with `ignore_cookie`) the UTF-8 of the `str` given.
pub fn parse(source: &[u8], filename: &str, opts: &ParseOptions) -> Result<ast::Mod, ParseError> {
    let exec = opts.mode == Mode::Exec;
    let (text, encoding) = if opts.ignore_cookie {
        if source.contains(&0) {
            return Err(null_bytes_error(filename));
        }
        (source::c_translate_newlines_mode(source, exec), true)
    } else {
        let d = decode_bytes_input(source, filename, exec)?;
        let enc = d.encoding.is_some();
        (d.text, enc)
    };
    match opts.mode {
        Mode::Exec => {
            parse_decoded(&text, encoding, filename, |p| p.run_file()).map(ast::Mod::Module)
        }
        Mode::Eval => {
            parse_decoded(&text, encoding, filename, |p| p.run_eval()).map(ast::Mod::Expression)
        }
        Mode::Single => parse_decoded(&text, encoding, filename, |p| p.run_interactive())
            .map(ast::Mod::Interactive),
    }
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
