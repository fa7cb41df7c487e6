//! What `python3 -m tokenize -e FILE` prints: tokenize.py's `main()` with `--exact`.
//!
//! `main()` lists every token first (`tokens = list(tokenize(...))`), so an error prints
//! nothing on stdout; errors go to stderr through its `error()` helper, exit status 1:
//! `FILE:LINE:COL: error: MSG` for `IndentationError` and `TokenError`, `FILE: error: MSG`
//! for a `SyntaxError` from `detect_encoding`. A failing `line.decode()` is an "unexpected
//! error": one line, then the re-raised exception's traceback (see `tracebacks.rs`).

use super::{Token, TokenSink, TokenizeError, tracebacks};
use crate::TokenizeReport;
use crate::source::codecs::{DecodeError, DecodeFailure};
use refvm_common::Unsupported;
use refvm_common::repr::write_str_repr_utf8;

/// Writes one `print("%-20s%-15s%-15r" % (token_range, tok_name[exact_type], string))`.
struct Printer {
    out: String,
}

fn push_usize(out: &mut String, mut n: usize) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &buf[i..] {
        out.push(char::from(d));
    }
}

fn pad(out: &mut String, chars: usize, width: usize) {
    for _ in chars..width {
        out.push(' ');
    }
}

impl TokenSink for Printer {
    fn token(&mut self, t: Token<'_>) {
        let out = &mut self.out;
        let start = out.len();
        push_usize(out, t.start.0);
        out.push(',');
        push_usize(out, t.start.1);
        out.push('-');
        push_usize(out, t.end.0);
        out.push(',');
        push_usize(out, t.end.1);
        out.push(':');
        let n = out.len() - start;
        pad(out, n, 20);
        let name = t.exact_type().name();
        out.push_str(name);
        pad(out, name.len(), 15);
        let start = out.len();
        write_str_repr_utf8(t.string, out);
        let written = &out[start..];
        let n = if written.is_ascii() {
            written.len()
        } else {
            written.chars().count()
        };
        pad(out, n, 15);
        out.push('\n');
    }
}

/// `python3 -m tokenize -e FILE` on `source`, `filename` being the argument as given.
pub fn tokenize_report(source: &[u8], filename: &str) -> Result<TokenizeReport, Unsupported> {
    let mut printer = Printer {
        out: String::with_capacity(source.len() * 4 + 64),
    };
    let result = super::tokenize(source, Some(filename), &mut printer)?;
    let stderr = match result {
        Ok(()) => {
            return Ok(TokenizeReport {
                stdout: printer.out,
                stderr: String::new(),
                exit_code: 0,
            });
        }
        Err(TokenizeError::Syntax(msg)) => format!("{filename}: error: {msg}\n"),
        Err(TokenizeError::Indentation {
            msg,
            lineno,
            column,
        })
        | Err(TokenizeError::Token {
            msg,
            lineno,
            column,
        }) => {
            format!("{filename}:{lineno}:{column}: error: {msg}\n")
        }
        Err(TokenizeError::Decode(e)) => unexpected_error(&e)?,
    };
    Ok(TokenizeReport {
        stdout: String::new(),
        stderr,
        exit_code: 1,
    })
}

/// `perror("unexpected error: %s" % err)` and the traceback of the re-raised exception.
fn unexpected_error(e: &DecodeError) -> Result<String, Unsupported> {
    if let DecodeFailure::Unsupported(m) = &e.failure {
        return Err(Unsupported(format!(
            "refvm does not implement the {m} codec"
        )));
    }
    let msg = e.failure.to_string();
    let mut out = format!("unexpected error: {msg}\n");
    if matches!(e.failure, DecodeFailure::Undefined { .. }) {
        out.push_str(tracebacks::UNDEFINED_CAUSE);
    }
    out.push_str(tracebacks::HEAD);
    if let Some(module) = e.registry_module {
        match tracebacks::MODULE_FRAMES.iter().find(|(m, _)| *m == module) {
            Some((_, frames)) => out.push_str(frames),
            None if !matches!(e.failure, DecodeFailure::Undefined { .. }) => {
                return Err(Unsupported(format!(
                    "no traceback frames known for the {module} codec"
                )));
            }
            None => {}
        }
    }
    out.push_str(e.failure.exception_name());
    out.push_str(": ");
    out.push_str(&msg);
    out.push('\n');
    Ok(out)
}
