//! A faithful re-implementation of CPython 3.11's pure-Python tokenizer, `Lib/tokenize.py`
//! (`tokenize.tokenize(readline)` over bytes), quirks included, and of what
//! `python3 -m tokenize -e FILE` prints ([`report`]).
//!
//! Entry points:
//! - [`tokenize`]: source bytes → every token in order (to a [`TokenSink`]), or the
//!   exception `tokenize` raises ([`TokenizeError`]).
//! - [`tokenize_to_vec`]: the same into a `Vec<Token>`.
//! - [`report::tokenize_report`]: the output of `python3 -m tokenize -e`.
//!
//! Like tokenize.py, the source is split into physical lines at `\n` only (a lone `\r`
//! does not end a line), each line is decoded on its own, columns count code points, and
//! the regular expressions are matched line by line — here by the hand-written, linear
//! matchers of [`pseudo`]. Nothing is allocated per token: token strings borrow the
//! decoded text.

pub mod pseudo;
pub mod report;
pub mod token;
#[rustfmt::skip]
mod tracebacks;

use crate::source::{self, codecs};
use pseudo::{Pseudo, ScanMemo, pseudo_token, single_end, triple_end};
use refvm_common::Unsupported;
use std::borrow::Cow;
pub use token::{TokenType, exact_type};

/// `tokenize.tabsize`.
const TABSIZE: usize = 8;

/// One token, as `TokenInfo` without `line`. Positions are (row, column), rows 1-based,
/// columns in code points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    pub kind: TokenType,
    pub string: &'a str,
    pub start: (usize, usize),
    pub end: (usize, usize),
}

impl Token<'_> {
    /// `TokenInfo.exact_type`.
    pub fn exact_type(&self) -> TokenType {
        if self.kind == TokenType::OP {
            exact_type(self.string).unwrap_or(TokenType::OP)
        } else {
            self.kind
        }
    }
}

/// An owned [`Token`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OwnedToken {
    pub kind: TokenType,
    pub exact_type: TokenType,
    pub string: String,
    pub start: (usize, usize),
    pub end: (usize, usize),
}

/// Receives tokens in order.
pub trait TokenSink {
    fn token(&mut self, token: Token<'_>);
}

impl TokenSink for Vec<OwnedToken> {
    fn token(&mut self, t: Token<'_>) {
        self.push(OwnedToken {
            kind: t.kind,
            exact_type: t.exact_type(),
            string: t.string.to_owned(),
            start: t.start,
            end: t.end,
        });
    }
}

/// The exception `tokenize.tokenize` raises (the tokens before it were already produced).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TokenizeError {
    /// `SyntaxError(msg)` from `detect_encoding`.
    Syntax(String),
    /// `IndentationError(msg, ("<tokenize>", lineno, column, line))`.
    Indentation {
        msg: &'static str,
        lineno: usize,
        column: usize,
    },
    /// `TokenError(msg, (lineno, column))`.
    Token {
        msg: &'static str,
        lineno: usize,
        column: usize,
    },
    /// An exception from `line.decode(encoding)`.
    Decode(codecs::DecodeError),
}

/// Tokenizes `source` as `tokenize.tokenize(open(filename, 'rb').readline)` does.
/// `Err(Unsupported)` only when the source declares a codec refvm does not implement.
pub fn tokenize(
    source: &[u8],
    filename: Option<&str>,
    sink: &mut dyn TokenSink,
) -> Result<Result<(), TokenizeError>, Unsupported> {
    let detected = match source::detect_encoding(source, filename) {
        Ok(d) => d,
        Err(msg) => return Ok(Err(TokenizeError::Syntax(msg))),
    };
    let body = if detected.bom {
        &source[source::BOM_UTF8.len()..]
    } else {
        source
    };
    let encoding = if detected.encoding == "utf-8-sig" {
        "utf-8"
    } else {
        &detected.encoding
    };
    let decoded = decode_lines(body, encoding)?;
    sink.token(Token {
        kind: TokenType::ENCODING,
        string: encoding,
        start: (0, 0),
        end: (0, 0),
    });
    let mut t = Tokenizer::new(&decoded.text, decoded.error, sink);
    Ok(t.run())
}

/// Collects the tokens into a vector (with the error, if any, that ended tokenizing).
pub fn tokenize_to_vec(
    source: &[u8],
    filename: Option<&str>,
) -> Result<(Vec<OwnedToken>, Result<(), TokenizeError>), Unsupported> {
    let mut out = Vec::new();
    let r = tokenize(source, filename, &mut out)?;
    Ok((out, r))
}

/// The text of the lines that decode, and the error of the line after them, if any.
struct Decoded<'a> {
    text: Cow<'a, str>,
    error: Option<codecs::DecodeError>,
}

/// Decodes `body` line by line with `encoding`, as `line.decode(encoding)` in `_tokenize`,
/// stopping at the first line that fails.
fn decode_lines<'a>(body: &'a [u8], encoding: &str) -> Result<Decoded<'a>, Unsupported> {
    if codecs::fast_path(encoding) == Some(codecs::CodecKind::Utf8) {
        return Ok(match std::str::from_utf8(body) {
            Ok(text) => Decoded {
                text: Cow::Borrowed(text),
                error: None,
            },
            Err(e) => {
                let bad = e.valid_up_to();
                let line_start = body[..bad]
                    .iter()
                    .rposition(|&b| b == b'\n')
                    .map_or(0, |i| i + 1);
                let line_end = body[bad..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(body.len(), |i| bad + i + 1);
                let err = match codecs::decode_utf8(&body[line_start..line_end]) {
                    Err(e) => e,
                    Ok(_) => codecs::utf8_error(body, &e),
                };
                let text = std::str::from_utf8(&body[..line_start]).unwrap_or_default();
                Decoded {
                    text: Cow::Borrowed(text),
                    error: Some(codecs::DecodeError {
                        failure: codecs::DecodeFailure::Decode(err),
                        registry_module: None,
                    }),
                }
            }
        });
    }
    let mut text = String::with_capacity(body.len());
    for line in body.split_inclusive(|&b| b == b'\n') {
        let before = text.len();
        if let Err(e) = codecs::decode(encoding, line, &mut text) {
            text.truncate(before);
            if let codecs::DecodeFailure::Unsupported(m) = e.failure {
                return Err(Unsupported(format!(
                    "refvm does not implement the {m} codec"
                )));
            }
            return Ok(Decoded {
                text: Cow::Owned(text),
                error: Some(e),
            });
        }
    }
    Ok(Decoded {
        text: Cow::Owned(text),
        error: None,
    })
}

/// A string that continues past its first line (`contstr` and `endprog` in `_tokenize`).
#[derive(Clone, Copy)]
struct ContStr {
    /// Byte offset in the text where the string starts.
    start: usize,
    /// `strstart`.
    pos: (usize, usize),
    quote: u8,
    triple: bool,
}

/// Counts code points of a line up to byte offsets, cheaply for ASCII lines.
struct Columns<'a> {
    line: &'a str,
    ascii: bool,
    cache: (usize, usize),
}

impl<'a> Columns<'a> {
    fn new(line: &'a str) -> Self {
        Columns {
            line,
            ascii: line.is_ascii(),
            cache: (0, 0),
        }
    }

    fn at(&mut self, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        let (from_b, from_c) = if byte >= self.cache.0 {
            self.cache
        } else {
            (0, 0)
        };
        let extra = self
            .line
            .as_bytes()
            .get(from_b..byte)
            .map_or(0, |s| s.iter().filter(|&&b| (b as i8) >= -0x40).count());
        self.cache = (byte, from_c + extra);
        from_c + extra
    }
}

/// The state of `_tokenize`'s loop.
struct Tokenizer<'t, 's> {
    text: &'t str,
    sink: &'s mut dyn TokenSink,
    lnum: usize,
    parenlev: i64,
    continued: bool,
    indents: Vec<usize>,
    contstr: Option<ContStr>,
    /// Not reset when a continued string ends in an ERRORTOKEN (a tokenize.py quirk).
    needcont: bool,
    /// What `readline` raises once the decoded text is used up, if the source goes on.
    decode_error: Option<codecs::DecodeError>,
}

impl<'t, 's> Tokenizer<'t, 's> {
    fn new(
        text: &'t str,
        decode_error: Option<codecs::DecodeError>,
        sink: &'s mut dyn TokenSink,
    ) -> Self {
        Tokenizer {
            text,
            sink,
            lnum: 0,
            parenlev: 0,
            continued: false,
            indents: vec![0],
            contstr: None,
            needcont: false,
            decode_error,
        }
    }

    fn emit(&mut self, kind: TokenType, string: &str, start: (usize, usize), end: (usize, usize)) {
        self.sink.token(Token {
            kind,
            string,
            start,
            end,
        });
    }

    fn run(&mut self) -> Result<(), TokenizeError> {
        let text = self.text;
        let mut next_start = 0;
        let mut line: &str = "";
        let mut last_line: &str;
        let mut memo = ScanMemo::default();
        loop {
            last_line = line;
            let line_start = next_start;
            line = match text[line_start..].find('\n') {
                Some(i) => &text[line_start..line_start + i + 1],
                None => &text[line_start..],
            };
            next_start = line_start + line.len();
            if line.is_empty()
                && let Some(e) = self.decode_error.take()
            {
                return Err(TokenizeError::Decode(e));
            }
            self.lnum += 1;
            let b = line.as_bytes();
            let max = b.len();
            let mut pos = 0;
            let mut cols = Columns::new(line);

            if let Some(cs) = self.contstr {
                if line.is_empty() {
                    return Err(TokenizeError::Token {
                        msg: "EOF in multi-line string",
                        lineno: cs.pos.0,
                        column: cs.pos.1,
                    });
                }
                let end = if cs.triple {
                    triple_end(b, 0, cs.quote)
                } else {
                    single_end(b, 0, cs.quote)
                };
                if let Some(end) = end {
                    pos = end;
                    let e = (self.lnum, cols.at(end));
                    self.emit(
                        TokenType::STRING,
                        &text[cs.start..line_start + end],
                        cs.pos,
                        e,
                    );
                    self.contstr = None;
                    self.needcont = false;
                } else if self.needcont && !line.ends_with("\\\n") && !line.ends_with("\\\r\n") {
                    let e = (self.lnum, cols.at(max));
                    self.emit(
                        TokenType::ERRORTOKEN,
                        &text[cs.start..line_start + max],
                        cs.pos,
                        e,
                    );
                    self.contstr = None;
                    continue;
                } else {
                    continue;
                }
            } else if self.parenlev == 0 && !self.continued {
                if line.is_empty() {
                    break;
                }
                let mut column = 0;
                while pos < max {
                    match b[pos] {
                        b' ' => column += 1,
                        b'\t' => column = (column / TABSIZE + 1) * TABSIZE,
                        b'\x0c' => column = 0,
                        _ => break,
                    }
                    pos += 1;
                }
                if pos == max {
                    break;
                }
                if matches!(b[pos], b'#' | b'\r' | b'\n') {
                    if b[pos] == b'#' {
                        let comment = line[pos..].trim_end_matches(['\r', '\n']);
                        let end = pos + comment.len();
                        let span = ((self.lnum, pos), (self.lnum, cols.at(end)));
                        self.emit(TokenType::COMMENT, comment, span.0, span.1);
                        pos = end;
                    }
                    let span = ((self.lnum, cols.at(pos)), (self.lnum, cols.at(max)));
                    self.emit(TokenType::NL, &line[pos..], span.0, span.1);
                    continue;
                }
                let top = self.indents.last().copied().unwrap_or(0);
                if column > top {
                    self.indents.push(column);
                    self.emit(
                        TokenType::INDENT,
                        &line[..pos],
                        (self.lnum, 0),
                        (self.lnum, pos),
                    );
                }
                while column < self.indents.last().copied().unwrap_or(0) {
                    // `indents` is strictly increasing: a binary search is `column in indents`.
                    if self.indents.binary_search(&column).is_err() {
                        return Err(TokenizeError::Indentation {
                            msg: "unindent does not match any outer indentation level",
                            lineno: self.lnum,
                            column: pos,
                        });
                    }
                    self.indents.pop();
                    self.emit(TokenType::DEDENT, "", (self.lnum, pos), (self.lnum, pos));
                }
            } else {
                if line.is_empty() {
                    return Err(TokenizeError::Token {
                        msg: "EOF in multi-line statement",
                        lineno: self.lnum,
                        column: 0,
                    });
                }
                self.continued = false;
            }

            memo.reset();
            while pos < max {
                let Some((kind, start, end)) = pseudo_token(line, pos, &mut memo) else {
                    let len = line[pos..].chars().next().map_or(1, char::len_utf8);
                    let c = cols.at(pos);
                    self.emit(
                        TokenType::ERRORTOKEN,
                        &line[pos..pos + len],
                        (self.lnum, c),
                        (self.lnum, c + 1),
                    );
                    pos += len;
                    continue;
                };
                pos = end;
                if start == end {
                    continue;
                }
                let token = &line[start..end];
                let spos = (self.lnum, cols.at(start));
                match kind {
                    Pseudo::End => {}
                    Pseudo::Number => {
                        self.emit(TokenType::NUMBER, token, spos, (self.lnum, cols.at(end)))
                    }
                    Pseudo::Newline => {
                        let kind = if self.parenlev > 0 {
                            TokenType::NL
                        } else {
                            TokenType::NEWLINE
                        };
                        self.emit(kind, token, spos, (self.lnum, cols.at(end)));
                    }
                    Pseudo::Comment => {
                        self.emit(TokenType::COMMENT, token, spos, (self.lnum, cols.at(end)))
                    }
                    Pseudo::Triple(q) => match triple_end(b, pos, q) {
                        Some(e) => {
                            pos = e;
                            self.emit(
                                TokenType::STRING,
                                &line[start..e],
                                spos,
                                (self.lnum, cols.at(e)),
                            );
                        }
                        None => {
                            self.contstr = Some(ContStr {
                                start: line_start + start,
                                pos: spos,
                                quote: q,
                                triple: true,
                            });
                            break;
                        }
                    },
                    Pseudo::ContStr(q) => {
                        if token.ends_with('\n') {
                            self.contstr = Some(ContStr {
                                start: line_start + start,
                                pos: spos,
                                quote: q,
                                triple: false,
                            });
                            self.needcont = true;
                            break;
                        }
                        self.emit(TokenType::STRING, token, spos, (self.lnum, cols.at(end)));
                    }
                    Pseudo::Name => {
                        let initial = token.chars().next().map_or(0, u32::from);
                        let kind = if refvm_common::unicode::is_xid_start(initial) {
                            TokenType::NAME
                        } else {
                            TokenType::OP
                        };
                        self.emit(kind, token, spos, (self.lnum, cols.at(end)));
                    }
                    Pseudo::Continuation => self.continued = true,
                    Pseudo::Operator => {
                        match token.as_bytes()[0] {
                            b'(' | b'[' | b'{' => self.parenlev += 1,
                            b')' | b']' | b'}' => self.parenlev -= 1,
                            _ => {}
                        }
                        self.emit(TokenType::OP, token, spos, (self.lnum, cols.at(end)));
                    }
                }
            }
        }

        if let Some(last) = last_line.chars().next_back()
            && last != '\r'
            && last != '\n'
            && !trim_space(last_line).starts_with('#')
        {
            let col = last_line.chars().count();
            self.emit(
                TokenType::NEWLINE,
                "",
                (self.lnum - 1, col),
                (self.lnum - 1, col + 1),
            );
        }
        for _ in 1..self.indents.len() {
            self.emit(TokenType::DEDENT, "", (self.lnum, 0), (self.lnum, 0));
        }
        self.emit(TokenType::ENDMARKER, "", (self.lnum, 0), (self.lnum, 0));
        Ok(())
    }
}

/// `str.strip()`: Unicode whitespace off both ends.
fn trim_space(s: &str) -> &str {
    s.trim_matches(|c: char| refvm_common::unicode::is_space(u32::from(c)))
}
