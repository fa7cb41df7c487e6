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

/// Writes one `print("%-20s%-15s%-15r" % (token_range, tok_name[exact_type], string))`
/// per token, into bytes that are UTF-8 by construction.
struct Printer {
    out: Vec<u8>,
    /// Scratch space for reprs that need escapes or non-ASCII characters.
    repr: String,
}

fn push_usize(out: &mut Vec<u8>, mut n: usize) {
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
    out.extend_from_slice(&buf[i..]);
}

/// Pads with spaces from `chars` written up to `width` (Python's `%-Ns`).
fn pad(out: &mut Vec<u8>, chars: usize, width: usize) {
    const SPACES: &[u8] = b"                    ";
    if chars < width {
        out.extend_from_slice(&SPACES[..(width - chars).min(SPACES.len())]);
    }
}

impl TokenSink for Printer {
    fn token(&mut self, t: Token<'_>) {
        let out = &mut self.out;
        let start = out.len();
        push_usize(out, t.start.0);
        out.push(b',');
        push_usize(out, t.start.1);
        out.push(b'-');
        push_usize(out, t.end.0);
        out.push(b',');
        push_usize(out, t.end.1);
        out.push(b':');
        let n = out.len() - start;
        pad(out, n, 20);
        let name = t.exact_type().name();
        out.extend_from_slice(name.as_bytes());
        pad(out, name.len(), 15);
        let s = t.string.as_bytes();
        let (single, double) = (s.contains(&b'\''), s.contains(&b'"'));
        if !(single && double) && s.iter().all(|&b| (0x20..0x7f).contains(&b) && b != b'\\') {
            // What `repr` gives for printable ASCII with nothing to escape.
            let quote = if single { b'"' } else { b'\'' };
            out.push(quote);
            out.extend_from_slice(s);
            out.push(quote);
            pad(out, s.len() + 2, 15);
        } else {
            self.repr.clear();
            write_str_repr_utf8(t.string, &mut self.repr);
            out.extend_from_slice(self.repr.as_bytes());
            pad(out, self.repr.chars().count(), 15);
        }
        out.push(b'\n');
    }
}

/// `python3 -m tokenize -e FILE` on `source`, `filename` being the argument as given.
pub fn tokenize_report(source: &[u8], filename: &str) -> Result<TokenizeReport, Unsupported> {
    let capacity = source.len().saturating_mul(10).saturating_add(64);
    let mut printer = Printer {
        out: Vec::with_capacity(capacity),
        repr: String::new(),
    };
    let result = super::tokenize(source, Some(filename), &mut printer)?;
    let stderr = match result {
        Ok(()) => {
            let stdout = String::from_utf8(printer.out)
                .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
            return Ok(TokenizeReport {
                stdout,
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
