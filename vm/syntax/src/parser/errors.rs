//! Raising syntax errors the way pegen does (Parser/pegen_errors.c): which token an error
//! points at, how offsets become 1-based code-point columns, and which error wins when
//! the tokenizer and the parser both have one.

use super::{Fail, Parser};
use crate::ast::Location;
use crate::error::{SyntaxError, SyntaxErrorKind};
use crate::lexer::{TokErrorKind, Token};
use refvm_common::PyStr;

/// An error as pegen raises it, before offsets are turned into code points.
#[derive(Clone, Debug)]
pub(crate) struct RawError {
    /// None: pegen's MAXSTACK MemoryError.
    pub kind: Option<SyntaxErrorKind>,
    pub msg: String,
    pub lineno: i64,
    /// 1-based; a byte offset unless `chars`.
    pub offset: i64,
    pub end_lineno: i64,
    pub end_offset: i64,
    /// Offsets already count code points (errors the tokenizer raised itself).
    pub chars: bool,
    /// `text` without the trailing newline (tokenizer-raised errors).
    pub strip_text: bool,
}

impl RawError {
    pub fn memory() -> Self {
        RawError {
            kind: None,
            msg: String::new(),
            lineno: 0,
            offset: 0,
            end_lineno: 0,
            end_offset: 0,
            chars: true,
            strip_text: false,
        }
    }

    pub fn kind_is_memory(&self) -> bool {
        self.kind.is_none()
    }

    /// The `SyntaxError` attributes, `src` being the decoded source.
    pub fn into_syntax_error(self, src: &[u8], filename: &str) -> Option<SyntaxError> {
        let kind = self.kind?;
        let line = line_of(src, self.lineno);
        let (offset, end_offset) = if self.chars {
            (self.offset, self.end_offset)
        } else {
            let off = byte_to_char(line, self.offset);
            let end = if self.end_offset > 0 {
                byte_to_char(line, self.end_offset)
            } else {
                self.end_offset
            };
            (off, end)
        };
        let mut text = line.to_vec();
        if self.strip_text && text.last() == Some(&b'\n') {
            text.pop();
        }
        Some(SyntaxError {
            kind,
            msg: self.msg,
            filename: filename.to_string(),
            lineno: Some(self.lineno as u32),
            offset: Some(offset as u32),
            end_lineno: Some(self.end_lineno as u32),
            end_offset: Some(end_offset as u32),
            text: Some(PyStr::from(String::from_utf8_lossy(&text).into_owned())),
        })
    }
}

/// Line `lineno` (1-based) of `src`, with its newline.
pub(crate) fn line_of(src: &[u8], lineno: i64) -> &[u8] {
    if lineno < 1 {
        return &[];
    }
    let mut start = 0;
    for _ in 1..lineno {
        match src[start..].iter().position(|&b| b == b'\n') {
            Some(i) => start += i + 1,
            None => return &[],
        }
    }
    let end = src[start..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(src.len(), |i| start + i + 1);
    &src[start..end]
}

/// `_PyPegen_byte_offset_to_character_offset`.
fn byte_to_char(line: &[u8], col: i64) -> i64 {
    let len = line.iter().position(|&b| b == 0).unwrap_or(line.len()) as i64;
    let col = col.clamp(0, len + 1) as usize;
    let prefix = &line[..col.min(line.len())];
    let decoded = String::from_utf8_lossy(prefix);
    decoded.chars().count() as i64 + (col.saturating_sub(line.len())) as i64
}

impl Parser<'_> {
    fn set_error(&mut self, e: RawError) -> Fail {
        if self.error.is_none() {
            self.error = Some(e);
        }
        Fail
    }

    /// `RAISE_ERROR_KNOWN_LOCATION`: 0-based byte columns (`-1` stays `-1`+1).
    pub fn raise_known(
        &mut self,
        kind: SyntaxErrorKind,
        msg: &str,
        lineno: u32,
        col: i64,
        end_lineno: u32,
        end_col: i64,
    ) -> Fail {
        let msg = if self.in_fstring {
            format!("f-string: {msg}")
        } else {
            msg.to_string()
        };
        self.set_error(RawError {
            kind: Some(kind),
            msg,
            lineno: i64::from(lineno),
            offset: col + 1,
            end_lineno: i64::from(end_lineno),
            end_offset: end_col + 1,
            chars: false,
            strip_text: false,
        })
    }

    /// `RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, msg)` for a node.
    pub fn raise_at(&mut self, loc: Location, msg: &str) -> Fail {
        self.raise_known(
            SyntaxErrorKind::SyntaxError,
            msg,
            loc.lineno,
            i64::from(loc.col_offset),
            loc.end_lineno,
            i64::from(loc.end_col_offset),
        )
    }

    /// `RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b, msg)`.
    pub fn raise_range(&mut self, a: Location, b: Location, msg: &str) -> Fail {
        self.raise_at(a.to(b), msg)
    }

    /// `RAISE_SYNTAX_ERROR_KNOWN_LOCATION(tok, msg)` for a token. A token without a
    /// position on its line (column -1: INDENT, DEDENT, ENDMARKER) has no end column
    /// either (its `end_col` is the cursor, for `raise_here`).
    pub fn raise_at_token(&mut self, t: &Token, msg: &str) -> Fail {
        let end_col = if t.col < 0 { -1 } else { i64::from(t.end_col) };
        self.raise_known(
            SyntaxErrorKind::SyntaxError,
            msg,
            t.lineno,
            i64::from(t.col),
            t.end_lineno,
            end_col,
        )
    }

    /// The tokenizer's cursor after the last token fetched: (line, byte column).
    fn current_pos(&self) -> (u32, i64) {
        if self.fill > self.tokens.len() {
            if let Some(e) = &self.tok_error {
                return (e.lineno, i64::from(e.cur_col));
            }
        }
        match self.tokens.get(self.fill.saturating_sub(1)) {
            Some(t) => (t.end_lineno, i64::from(t.end_col)),
            None => (1, 0),
        }
    }

    /// `RAISE_SYNTAX_ERROR_STARTING_FROM(a, msg)`: to the tokenizer's current position.
    pub fn raise_starting_from(&mut self, loc: Location, msg: &str) -> Fail {
        let (line, col) = self.current_pos();
        let msg = if self.in_fstring {
            format!("f-string: {msg}")
        } else {
            msg.to_string()
        };
        self.set_error(RawError {
            kind: Some(SyntaxErrorKind::SyntaxError),
            msg,
            lineno: i64::from(loc.lineno),
            offset: i64::from(loc.col_offset) + 1,
            end_lineno: i64::from(line),
            end_offset: col,
            chars: false,
            strip_text: false,
        })
    }

    /// `_PyPegen_raise_error`: at the last token fetched (`p->tokens[p->fill-1]`).
    pub fn raise_here(&mut self, kind: SyntaxErrorKind, msg: &str) -> Fail {
        let idx = self.fill.saturating_sub(1);
        let (lineno, col, end_lineno, end_col) = match self.tokens.get(idx) {
            Some(t) if t.col >= 0 => (
                t.lineno,
                i64::from(t.col) + 1,
                t.end_lineno,
                if t.end_col >= 0 {
                    i64::from(t.end_col) + 1
                } else {
                    -1
                },
            ),
            Some(t) => (t.lineno, i64::from(t.end_col), t.end_lineno, -1),
            None => match &self.tok_error {
                Some(e) => (e.lineno, i64::from(e.cur_col), e.lineno, -1),
                None => (1, 0, 1, -1),
            },
        };
        let msg = if self.in_fstring {
            format!("f-string: {msg}")
        } else {
            msg.to_string()
        };
        self.set_error(RawError {
            kind: Some(kind),
            msg,
            lineno: i64::from(lineno),
            offset: col,
            end_lineno: i64::from(end_lineno),
            end_offset: end_col,
            chars: false,
            strip_text: false,
        })
    }

    fn unclosed_paren(&mut self, (c, line, col): (u8, u32, u32)) -> Fail {
        self.raise_known(
            SyntaxErrorKind::SyntaxError,
            &format!("'{}' was never closed", c as char),
            line,
            i64::from(col),
            line,
            -1,
        )
    }

    /// `_Pypegen_tokenizer_error`: the parser asked for the token where lexing stopped.
    pub fn raise_tokenizer_error(&mut self) -> Fail {
        if self.error.is_some() {
            return Fail;
        }
        let Some(e) = self.tok_error.clone() else {
            return self.raise_here(SyntaxErrorKind::SyntaxError, "unexpected EOF while parsing");
        };
        match e.kind {
            TokErrorKind::Raised {
                msg,
                offset,
                end_offset,
            } => self.set_error(RawError {
                kind: Some(SyntaxErrorKind::SyntaxError),
                msg,
                lineno: i64::from(e.lineno),
                offset: i64::from(offset),
                end_lineno: i64::from(e.lineno),
                end_offset: i64::from(end_offset),
                chars: true,
                strip_text: true,
            }),
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
            TokErrorKind::TabSpace => self.raise_known(
                SyntaxErrorKind::TabError,
                "inconsistent use of tabs and spaces in indentation",
                e.lineno,
                0,
                e.lineno,
                -1,
            ),
            TokErrorKind::TooDeep => self.raise_known(
                SyntaxErrorKind::IndentationError,
                "too many levels of indentation",
                e.lineno,
                0,
                e.lineno,
                -1,
            ),
            TokErrorKind::LineCont { col } => self.raise_known(
                SyntaxErrorKind::SyntaxError,
                "unexpected character after line continuation character",
                e.lineno,
                i64::from(col),
                e.lineno,
                -1,
            ),
        }
    }

    /// `_PyPegen_tokenize_full_source_to_check_for_errors`: a later tokenizer error
    /// replaces a parser error.
    fn check_rest_of_source(&mut self) {
        let Some(e) = self.tok_error.clone() else {
            return;
        };
        if self.fill > self.tokens.len() {
            return; // the tokenizer error was already raised
        }
        let current_line = self
            .tokens
            .get(self.fill.saturating_sub(1))
            .map_or(1, |t| t.lineno);
        match e.kind {
            TokErrorKind::Raised { .. } => {
                self.error = None;
                self.fill = self.tokens.len() + 1;
                self.raise_tokenizer_error();
            }
            _ => {
                if let Some(p) = e.paren {
                    if current_line > p.1 {
                        self.error = None;
                        self.unclosed_paren(p);
                    }
                }
            }
        }
    }

    /// `_Pypegen_set_syntax_error`.
    pub fn set_syntax_error(&mut self, last_token: usize) {
        if let Some(err) = &self.error {
            let from_tokenizer = self.fill > self.tokens.len();
            if !from_tokenizer && err.kind.is_some() {
                self.check_rest_of_source();
            }
            return;
        }
        let Some(t) = self.tokens.get(last_token).copied() else {
            self.raise_tokenizer_error();
            return;
        };
        match t.kind {
            crate::lexer::Tok::Indent => {
                self.raise_here(SyntaxErrorKind::IndentationError, "unexpected indent");
                return;
            }
            crate::lexer::Tok::Dedent => {
                self.raise_here(SyntaxErrorKind::IndentationError, "unexpected unindent");
                return;
            }
            _ => {}
        }
        self.raise_at_token(&t, "invalid syntax");
        self.check_rest_of_source();
    }
}
