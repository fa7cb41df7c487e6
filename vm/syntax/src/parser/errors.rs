//! Raising syntax errors the way pegen does (Parser/pegen_errors.c): which token an error
//! points at, which text becomes `SyntaxError.text` (the tokenizer's current line, or a
//! line found in the source), how byte columns become code points (only when the
//! tokenizer has an encoding: a BOM or a coding cookie), and which error wins when the
//! tokenizer and the parser both have one.

use super::{Fail, Parser};
use crate::ast::Location;
use crate::error::{OtherError, OtherErrorKind, ParseError, SyntaxError, SyntaxErrorKind};
use crate::lexer::{Tok, TokErrorKind, TokState, Token};
use refvm_common::PyStr;

/// pegen's `CURRENT_POS`: "where the tokenizer is now".
pub(crate) const CURRENT_POS: i64 = -5;

/// The class of a raised error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ErrKind {
    Syntax(SyntaxErrorKind),
    Other(OtherErrorKind),
}

/// An error as pegen raised it: the `SyntaxError` attributes, final.
#[derive(Clone, Debug)]
pub(crate) struct RawError {
    pub kind: ErrKind,
    pub msg: String,
    pub lineno: i64,
    pub offset: i64,
    pub end_lineno: i64,
    pub end_offset: i64,
    /// `SyntaxError.text`, before its UTF-8 is decoded with `errors="replace"`.
    pub text: Vec<u8>,
}

impl RawError {
    pub fn memory() -> Self {
        RawError {
            kind: ErrKind::Other(OtherErrorKind::MemoryError),
            msg: String::new(),
            lineno: 0,
            offset: 0,
            end_lineno: 0,
            end_offset: 0,
            text: Vec::new(),
        }
    }

    /// Is this anything but a `SyntaxError` (which stops pegen without a second pass)?
    pub fn is_other(&self) -> bool {
        matches!(self.kind, ErrKind::Other(_))
    }

    /// The exception CPython raises.
    pub fn into_parse_error(self, filename: &str) -> ParseError {
        let kind = match self.kind {
            ErrKind::Syntax(k) => k,
            ErrKind::Other(kind) => {
                return ParseError::Other(OtherError {
                    kind,
                    msg: self.msg,
                });
            }
        };
        ParseError::Syntax(SyntaxError {
            kind,
            msg: self.msg,
            filename: filename.to_string(),
            lineno: Some(self.lineno.max(0) as u32),
            offset: Some(self.offset),
            end_lineno: Some(self.end_lineno.max(0) as u32),
            end_offset: Some(self.end_offset),
            text: Some(PyStr::from(
                String::from_utf8_lossy(&self.text).into_owned(),
            )),
        })
    }
}

/// `_PyPegen_byte_offset_to_character_offset`: `col` bytes of `line`'s UTF-8 (after
/// decoding with "replace"), counted in code points; one past the end counts the NUL.
fn byte_to_char(line: &[u8], col: i64) -> i64 {
    let text = String::from_utf8_lossy(line);
    let bytes = text.as_bytes();
    let len = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len()) as i64;
    let col = col.clamp(0, len + 1) as usize;
    let take = col.min(bytes.len());
    let chars = String::from_utf8_lossy(&bytes[..take]).chars().count();
    (chars + (col - take)) as i64
}

/// The end of the line that starts at `start` (just past its `\n`).
fn line_end(src: &[u8], start: usize) -> usize {
    match src
        .get(start..)
        .and_then(|s| s.iter().position(|&b| b == b'\n'))
    {
        Some(i) => start + i + 1,
        None => src.len(),
    }
}

impl Parser<'_> {
    fn set_error(&mut self, e: RawError) -> Fail {
        if self.error.is_none() {
            self.error = Some(e);
        }
        Fail
    }

    /// The token at `i` as pegen stored it, the ERRORTOKEN included (the token the
    /// tokenizer failed on: no text, so columns -1).
    pub fn filled_token(&self, i: usize) -> Token {
        if let Some(t) = self.tokens.get(i) {
            return *t;
        }
        let lineno = self.tok_error.as_ref().map_or(1, |e| e.state.lineno);
        Token {
            kind: Tok::Op,
            start: 0,
            end: 0,
            lineno,
            col: -1,
            end_lineno: lineno,
            end_col: -1,
            level: 0,
        }
    }

    /// `p->tok` now: after the last token fetched (or where tokenizing stopped).
    pub(crate) fn tok_state(&self) -> TokState {
        if let Some(s) = self.tok_override {
            return s;
        }
        if self.fill > self.tokens.len() {
            if let Some(e) = &self.tok_error {
                return e.state;
            }
        }
        match self.fill.checked_sub(1).and_then(|i| self.states.get(i)) {
            Some(s) => *s,
            None => TokState {
                lineno: self.first_lineno.saturating_sub(1),
                ..TokState::default()
            },
        }
    }

    /// `get_error_line_from_tokenizer_buffers`: line `lineno` of the source, without
    /// its newline, not past what the tokenizer has read.
    fn line_from_buffers(&self, lineno: i64, st: &TokState) -> Vec<u8> {
        let relative = lineno - i64::from(self.first_lineno) + 1;
        let buf_end = line_end(self.src, st.line_start as usize);
        let mut cur = 0usize;
        for _ in 0..(relative - 1).max(0) {
            match self.src[cur..].iter().position(|&b| b == b'\n') {
                Some(i) if cur + i + 1 <= buf_end => cur += i + 1,
                _ => break,
            }
        }
        let end = self.src[cur..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(self.src.len(), |i| cur + i);
        self.src[cur..end].to_vec()
    }

    /// `_PyPegen_raise_error_known_location`: 1-based byte columns (or `CURRENT_POS`).
    pub fn raise_error_known_location(
        &mut self,
        kind: SyntaxErrorKind,
        msg: &str,
        lineno: i64,
        col_offset: i64,
        end_lineno: i64,
        end_col_offset: i64,
    ) -> Fail {
        if self.error.is_some() {
            return Fail;
        }
        let st = self.tok_state();
        let end_lineno = if end_lineno == CURRENT_POS {
            i64::from(st.lineno)
        } else {
            end_lineno
        };
        let end_col_offset = if end_col_offset == CURRENT_POS {
            i64::from(st.cur) - i64::from(st.line_start)
        } else {
            end_col_offset
        };
        let msg = if self.fstring.is_some() {
            format!("f-string: {msg}")
        } else {
            msg.to_string()
        };
        let inp = line_end(self.src, st.line_start as usize);
        let text = if i64::from(st.lineno) <= lineno && inp > st.buf as usize {
            self.src[st.buf as usize..inp].to_vec()
        } else {
            self.line_from_buffers(lineno, &st)
        };
        let (mut col, mut end_col) = (col_offset, end_col_offset);
        if let Some(f) = &self.fstring {
            col -= f.starting_col_offset;
            end_col -= f.starting_col_offset;
        }
        if self.encoding {
            col = byte_to_char(&text, col);
            if end_col > 0 {
                end_col = byte_to_char(&text, end_col);
            }
        }
        self.set_error(RawError {
            kind: ErrKind::Syntax(kind),
            msg,
            lineno,
            offset: col,
            end_lineno,
            end_offset: end_col,
            text,
        })
    }

    /// `RAISE_ERROR_KNOWN_LOCATION`: 0-based byte columns, each made 1-based unless it
    /// is `CURRENT_POS`.
    pub fn raise_known(
        &mut self,
        kind: SyntaxErrorKind,
        msg: &str,
        lineno: i64,
        col: i64,
        end_lineno: i64,
        end_col: i64,
    ) -> Fail {
        let col = if col == CURRENT_POS { col } else { col + 1 };
        let end_col = if end_col == CURRENT_POS {
            end_col
        } else {
            end_col + 1
        };
        self.raise_error_known_location(kind, msg, lineno, col, end_lineno, end_col)
    }

    /// `RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, msg)` for a node.
    pub fn raise_at(&mut self, loc: Location, msg: &str) -> Fail {
        self.raise_range(loc, loc, msg)
    }

    /// `RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b, msg)`.
    pub fn raise_range(&mut self, a: Location, b: Location, msg: &str) -> Fail {
        self.raise_known(
            SyntaxErrorKind::SyntaxError,
            msg,
            i64::from(a.lineno),
            i64::from(a.col_offset),
            i64::from(b.end_lineno),
            i64::from(b.end_col_offset),
        )
    }

    /// `RAISE_SYNTAX_ERROR_KNOWN_LOCATION(tok, msg)` for a token.
    pub fn raise_at_token(&mut self, t: &Token, msg: &str) -> Fail {
        self.raise_token_range(t, t, msg)
    }

    /// `RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b, msg)` for tokens.
    pub fn raise_token_range(&mut self, a: &Token, b: &Token, msg: &str) -> Fail {
        self.raise_known(
            SyntaxErrorKind::SyntaxError,
            msg,
            i64::from(a.lineno),
            i64::from(a.col),
            i64::from(b.end_lineno),
            i64::from(b.end_col),
        )
    }

    /// `RAISE_SYNTAX_ERROR_STARTING_FROM(a, msg)`: to the tokenizer's current position.
    pub fn raise_starting_from(&mut self, lineno: u32, col: i64, msg: &str) -> Fail {
        self.raise_known(
            SyntaxErrorKind::SyntaxError,
            msg,
            i64::from(lineno),
            col,
            CURRENT_POS,
            CURRENT_POS,
        )
    }

    /// `_PyPegen_raise_error` (`RAISE_SYNTAX_ERROR`, `RAISE_INDENTATION_ERROR`): at the
    /// last token fetched.
    pub fn raise_here(&mut self, kind: SyntaxErrorKind, msg: &str) -> Fail {
        if self.fill == 0 {
            return self.raise_error_known_location(kind, msg, 0, 0, 0, -1);
        }
        let t = self.filled_token(self.fill - 1);
        let st = self.tok_state();
        let col = if t.col == -1 {
            if st.cur == st.buf {
                0
            } else {
                i64::from(st.cur) - i64::from(st.line_start)
            }
        } else {
            i64::from(t.col) + 1
        };
        let end_col = if t.end_col != -1 {
            i64::from(t.end_col) + 1
        } else {
            -1
        };
        self.raise_error_known_location(
            kind,
            msg,
            i64::from(t.lineno),
            col,
            i64::from(t.end_lineno),
            end_col,
        )
    }

    /// `raise_unclosed_parentheses_error`.
    fn unclosed_paren(&mut self, (c, line, col): (u8, u32, u32)) -> Fail {
        self.raise_known(
            SyntaxErrorKind::SyntaxError,
            &format!("'{}' was never closed", c as char),
            i64::from(line),
            i64::from(col),
            i64::from(line),
            -1,
        )
    }

    /// The tokenizer's own `syntaxerror()`: offsets as it computed them, the text its
    /// line without the newline.
    fn tokenizer_raised(&mut self, msg: String, offset: u32, end_offset: u32, st: TokState) {
        let ls = st.line_start as usize;
        let end = self.src[ls.min(self.src.len())..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(self.src.len(), |i| ls + i);
        let text = self.src[ls.min(end)..end].to_vec();
        let msg = if self.fstring.is_some() {
            format!("f-string: {msg}")
        } else {
            msg
        };
        self.set_error(RawError {
            kind: ErrKind::Syntax(SyntaxErrorKind::SyntaxError),
            msg,
            lineno: i64::from(st.lineno),
            offset: i64::from(offset),
            end_lineno: i64::from(st.lineno),
            end_offset: i64::from(end_offset),
            text,
        });
    }

    /// `_Pypegen_tokenizer_error`: the parser asked for the token where lexing stopped.
    pub fn raise_tokenizer_error(&mut self) -> Fail {
        if self.error.is_some() {
            return Fail;
        }
        let Some(e) = self.tok_error.clone() else {
            return self.raise_here(SyntaxErrorKind::SyntaxError, "unexpected EOF while parsing");
        };
        let st = e.state;
        let known = |p: &mut Self, kind, msg: &str, col: i64| {
            p.raise_known(
                kind,
                msg,
                i64::from(st.lineno),
                col,
                i64::from(st.lineno),
                -1,
            )
        };
        match e.kind {
            TokErrorKind::Raised {
                msg,
                offset,
                end_offset,
            } => {
                self.tokenizer_raised(msg, offset, end_offset, st);
                Fail
            }
            TokErrorKind::Decode(m) => self.raise_here(
                SyntaxErrorKind::SyntaxError,
                &format!("(unicode error) {m}"),
            ),
            TokErrorKind::Eof => match e.paren {
                Some(p) => self.unclosed_paren(p),
                None => {
                    self.raise_here(SyntaxErrorKind::SyntaxError, "unexpected EOF while parsing")
                }
            },
            TokErrorKind::Dedent => self.raise_here(
                SyntaxErrorKind::IndentationError,
                "unindent does not match any outer indentation level",
            ),
            TokErrorKind::TabSpace => known(
                self,
                SyntaxErrorKind::TabError,
                "inconsistent use of tabs and spaces in indentation",
                0,
            ),
            TokErrorKind::TooDeep => known(
                self,
                SyntaxErrorKind::IndentationError,
                "too many levels of indentation",
                0,
            ),
            TokErrorKind::LineCont => {
                let col = (i64::from(st.cur) - i64::from(st.buf) - 1).max(0);
                known(
                    self,
                    SyntaxErrorKind::SyntaxError,
                    "unexpected character after line continuation character",
                    col,
                )
            }
        }
    }

    /// `_PyPegen_tokenize_full_source_to_check_for_errors`: tokenizing the rest of the
    /// source may replace the error with a tokenizer error (any error it raises itself)
    /// or an unclosed bracket opened before the error's line.
    fn check_rest_of_source(&mut self) {
        if self.fill > self.tokens.len() {
            return; // the tokenizer already stopped
        }
        let current_line = self.filled_token(self.fill.saturating_sub(1)).lineno;
        let Some(e) = self.tok_error.clone() else {
            self.tok_override = self.states.last().copied();
            return;
        };
        self.tok_override = Some(e.state);
        let saved = self.error.take();
        let raised = match e.kind {
            TokErrorKind::Raised {
                msg,
                offset,
                end_offset,
            } => {
                self.tokenizer_raised(msg, offset, end_offset, e.state);
                true
            }
            TokErrorKind::Decode(m) => {
                // verify_identifier's UnicodeDecodeError escapes as it is.
                self.error = Some(RawError {
                    kind: ErrKind::Other(OtherErrorKind::UnicodeDecodeError),
                    msg: m,
                    ..RawError::memory()
                });
                true
            }
            _ => match e.paren {
                Some(p) if current_line > p.1 => {
                    self.unclosed_paren(p);
                    true
                }
                _ => false,
            },
        };
        if !raised {
            self.error = saved;
        }
    }

    /// `_Pypegen_set_syntax_error`, after the second pass.
    pub fn set_syntax_error(&mut self, last_token: usize) {
        if let Some(err) = &self.error {
            let tok_ok = self.fill <= self.tokens.len() || self.tok_error.is_none();
            if tok_ok && !err.is_other() {
                self.check_rest_of_source();
            }
            return;
        }
        if self.fill == 0 {
            self.raise_here(
                SyntaxErrorKind::SyntaxError,
                "error at start before reading any input",
            );
        }
        let t = self.filled_token(last_token);
        if last_token >= self.tokens.len() {
            // The first pass reached the tokenizer's error: it was raised then.
            self.raise_tokenizer_error();
            return;
        }
        match t.kind {
            Tok::Indent => {
                self.raise_here(SyntaxErrorKind::IndentationError, "unexpected indent");
                return;
            }
            Tok::Dedent => {
                self.raise_here(SyntaxErrorKind::IndentationError, "unexpected unindent");
                return;
            }
            _ => {}
        }
        self.raise_at_token(&t, "invalid syntax");
        self.check_rest_of_source();
    }
}
