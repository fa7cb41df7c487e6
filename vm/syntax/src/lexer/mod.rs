//! The lexer the parser uses: a faithful port of the C tokenizer's `tok_get`
//! (Parser/tokenizer.c) over decoded UTF-8 source, producing every token up front.
//!
//! It stops at the first error, keeping the tokens before it: pegen raises a tokenizer
//! error only when the parser asks for that token (or when it rescans the rest of the
//! file after a parser error), so the parser decides when the error surfaces.

mod number;
mod string;
pub mod token;

pub use token::{Tok, Token};

use refvm_common::unicode;

/// `MAXINDENT` and `MAXLEVEL` from tokenizer.h.
pub const MAXINDENT: usize = 100;
pub const MAXLEVEL: usize = 200;
const TABSIZE: u32 = 8;

/// How tokenizing stopped early. Mirrors `tok->done` codes, plus errors raised directly
/// with `syntaxerror()` (an exception already set: `Raised`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TokErrorKind {
    /// `syntaxerror()`: a SyntaxError with this message and 1-based offsets (code points,
    /// or bytes where the C tokenizer passes bytes), as set.
    Raised {
        msg: String,
        offset: u32,
        end_offset: u32,
    },
    /// E_EOF inside brackets (`'(' was never closed`) or after a trailing backslash.
    Eof,
    /// E_DEDENT: unindent does not match any outer indentation level.
    Dedent,
    /// E_TABSPACE.
    TabSpace,
    /// E_TOODEEP.
    TooDeep,
    /// E_LINECONT.
    LineCont,
    /// E_DECODE: a NAME that is not valid UTF-8 (`verify_identifier`), with the
    /// `UnicodeDecodeError` text.
    Decode(String),
}

/// The C tokenizer's cursor after producing a token (or failing): what pegen reads from
/// `p->tok` when it reports an error. Byte offsets into the decoded source.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TokState {
    /// `tok->cur`.
    pub cur: u32,
    /// `tok->line_start`: the start of the last line read.
    pub line_start: u32,
    /// `tok->buf`: the start of the last line read outside a token (a string or a
    /// backslash continuation keeps the line where it began).
    pub buf: u32,
    /// `tok->lineno`.
    pub lineno: u32,
}

/// A tokenizer error and the tokenizer state pegen reads when reporting it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokError {
    pub kind: TokErrorKind,
    /// The tokenizer's state when it gave up.
    pub state: TokState,
    /// The innermost open bracket: (char, line, byte column).
    pub paren: Option<(u8, u32, u32)>,
}

/// The result of lexing: tokens up to the first error, and that error.
pub struct Lexed {
    pub tokens: Vec<Token>,
    /// The tokenizer's state after each token.
    pub states: Vec<TokState>,
    pub error: Option<TokError>,
}

pub(crate) struct Lexer<'a> {
    src: &'a [u8],
    pos: usize,
    line_start: usize,
    lineno: u32,
    atbol: bool,
    /// A newline was consumed; the next byte read starts a new line.
    pending_nl: bool,
    level: usize,
    parens: Vec<(u8, u32, u32)>,
    indstack: Vec<u32>,
    altindstack: Vec<u32>,
    pendin: i32,
    /// The start of the token being read (`tok->start`).
    start: usize,
    /// For strings: the line and line start where the token began.
    first_lineno: u32,
    multi_line_start: usize,
    /// `tok->buf` (see [`TokState::buf`]).
    buf: usize,
    /// `tok->start != NULL` while a line is read: inside a string or a continuation.
    in_token: bool,
    tokens: Vec<Token>,
    states: Vec<TokState>,
}

/// Marker for "an error was recorded"; the error itself is in the lexer.
pub(crate) struct Stop(pub TokErrorKind);

const EOF: i32 = -1;

impl<'a> Lexer<'a> {
    /// Lexes `src`, which must be UTF-8 with `\n` line ends and end with `\n` (or be empty).
    pub fn lex(src: &'a [u8]) -> Lexed {
        let mut lx = Lexer {
            src,
            pos: 0,
            line_start: 0,
            lineno: 1,
            atbol: true,
            pending_nl: false,
            level: 0,
            parens: Vec::new(),
            indstack: vec![0],
            altindstack: vec![0],
            pendin: 0,
            start: 0,
            first_lineno: 1,
            multi_line_start: 0,
            buf: 0,
            in_token: false,
            tokens: Vec::with_capacity(src.len() / 4 + 16),
            states: Vec::with_capacity(src.len() / 4 + 16),
        };
        let error = loop {
            match lx.next_token() {
                Ok(Tok::EndMarker) => break None,
                Ok(_) => {}
                Err(Stop(kind)) => {
                    break Some(TokError {
                        kind,
                        state: lx.state(),
                        paren: lx.parens.last().copied(),
                    });
                }
            }
        };
        Lexed {
            tokens: lx.tokens,
            states: lx.states,
            error,
        }
    }

    fn state(&self) -> TokState {
        TokState {
            cur: self.pos as u32,
            line_start: self.line_start as u32,
            buf: self.buf as u32,
            lineno: self.lineno,
        }
    }

    /// `tok_nextc`: the next byte, or EOF.
    #[inline]
    fn nextc(&mut self) -> i32 {
        match self.src.get(self.pos) {
            Some(&b) => {
                // The line counter moves when the next line is read: when the byte
                // after a newline is requested, as tok_nextc fetches lines.
                if self.pending_nl {
                    self.pending_nl = false;
                    self.lineno += 1;
                    self.line_start = self.pos;
                    if !self.in_token {
                        self.buf = self.pos;
                    }
                }
                self.pos += 1;
                if b == b'\n' {
                    self.pending_nl = true;
                }
                i32::from(b)
            }
            None => EOF,
        }
    }

    /// `tok_backup`.
    #[inline]
    fn backup(&mut self, c: i32) {
        if c != EOF {
            self.pos -= 1;
            if c == i32::from(b'\n') {
                self.pending_nl = false;
            }
        }
    }

    #[inline]
    fn peek(&self) -> i32 {
        self.src.get(self.pos).map_or(EOF, |&b| i32::from(b))
    }

    fn push(&mut self, kind: Tok, start: usize, end: usize) {
        let (lineno, ls) = if kind == Tok::String {
            (self.first_lineno, self.multi_line_start)
        } else {
            (self.lineno, self.line_start)
        };
        self.tokens.push(Token {
            kind,
            start: start as u32,
            end: end as u32,
            lineno,
            col: (start - ls) as i32,
            end_lineno: self.lineno,
            end_col: (end - self.line_start) as i32,
            level: self.level as u16,
        });
        let st = self.state();
        self.states.push(st);
    }

    /// INDENT, DEDENT and ENDMARKER: no text (`col` and `end_col` are -1, as in pegen).
    fn push_indent(&mut self, kind: Tok) {
        self.tokens.push(Token {
            kind,
            start: self.pos as u32,
            end: self.pos as u32,
            lineno: self.lineno,
            col: -1,
            end_lineno: self.lineno,
            end_col: -1,
            level: self.level as u16,
        });
        let st = self.state();
        self.states.push(st);
    }

    /// `syntaxerror()`: offset = code points from the line start to the cursor.
    fn error(&self, msg: String) -> Stop {
        let col = self.char_col(self.pos);
        Stop(TokErrorKind::Raised {
            msg,
            offset: col,
            end_offset: col,
        })
    }

    /// Code points between the current line start and byte `pos`.
    fn char_col(&self, pos: usize) -> u32 {
        let line = &self.src[self.line_start..pos.max(self.line_start)];
        line.iter().filter(|&&b| b & 0xc0 != 0x80).count() as u32
    }

    /// `tok_continuation_line`: after a backslash.
    fn continuation_line(&mut self) -> Result<(), Stop> {
        let c = self.nextc();
        if c != i32::from(b'\n') {
            return Err(Stop(TokErrorKind::LineCont));
        }
        let c = self.nextc();
        if c == EOF {
            return Err(Stop(TokErrorKind::Eof));
        }
        self.backup(c);
        Ok(())
    }

    fn next_token(&mut self) -> Result<Tok, Stop> {
        'nextline: loop {
            let mut blankline = false;
            if self.atbol {
                self.atbol = false;
                let (mut col, mut altcol, mut cont_line_col) = (0u32, 0u32, 0u32);
                let c = loop {
                    let c = self.nextc();
                    match c {
                        0x20 => {
                            col += 1;
                            altcol += 1;
                        }
                        0x09 => {
                            col = (col / TABSIZE + 1) * TABSIZE;
                            altcol += 1;
                        }
                        0x0c => {
                            col = 0;
                            altcol = 0;
                        }
                        0x5c => {
                            if cont_line_col == 0 {
                                cont_line_col = col;
                            }
                            self.continuation_line()?;
                        }
                        _ => break c,
                    }
                };
                self.backup(c);
                if c == i32::from(b'#') || c == i32::from(b'\n') {
                    blankline = true;
                }
                if !blankline && self.level == 0 {
                    if cont_line_col != 0 {
                        col = cont_line_col;
                        altcol = cont_line_col;
                    }
                    let top = self.indstack.len() - 1;
                    if col == self.indstack[top] {
                        if altcol != self.altindstack[top] {
                            return Err(self.indent_error());
                        }
                    } else if col > self.indstack[top] {
                        if top + 1 >= MAXINDENT {
                            self.pos = self.line_end();
                            return Err(Stop(TokErrorKind::TooDeep));
                        }
                        if altcol <= self.altindstack[top] {
                            return Err(self.indent_error());
                        }
                        self.pendin += 1;
                        self.indstack.push(col);
                        self.altindstack.push(altcol);
                    } else {
                        while self.indstack.len() > 1
                            && col < self.indstack[self.indstack.len() - 1]
                        {
                            self.pendin -= 1;
                            self.indstack.pop();
                            self.altindstack.pop();
                        }
                        let top = self.indstack.len() - 1;
                        if col != self.indstack[top] {
                            self.pos = self.line_end();
                            return Err(Stop(TokErrorKind::Dedent));
                        }
                        if altcol != self.altindstack[top] {
                            return Err(self.indent_error());
                        }
                    }
                }
            }

            self.start = self.pos;
            if self.pendin != 0 {
                if self.pendin < 0 {
                    self.pendin += 1;
                    self.push_indent(Tok::Dedent);
                    return Ok(Tok::Dedent);
                }
                self.pendin -= 1;
                self.push_indent(Tok::Indent);
                return Ok(Tok::Indent);
            }

            'again: loop {
                let mut c;
                loop {
                    c = self.nextc();
                    if !(c == 0x20 || c == 0x09 || c == 0x0c) {
                        break;
                    }
                }
                self.start = if c == EOF { self.pos } else { self.pos - 1 };

                if c == i32::from(b'#') {
                    // Skip to the newline at once: the bytes between move only the cursor.
                    let rest = self.src.get(self.pos..).unwrap_or_default();
                    self.pos += rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
                    c = self.nextc();
                }

                if c == EOF {
                    if self.level > 0 {
                        return Err(Stop(TokErrorKind::Eof));
                    }
                    // No dedents here: they come from the start of a line (at EOF after a
                    // final newline). A last line without one (`compile()` modes other
                    // than 'exec') ends with its indentation open, as in C.
                    self.push_indent(Tok::EndMarker);
                    return Ok(Tok::EndMarker);
                }

                let b = c as u8;
                if is_potential_identifier_start(b) {
                    return self.identifier(b);
                }

                if b == b'\n' {
                    self.atbol = true;
                    if blankline || self.level > 0 {
                        continue 'nextline;
                    }
                    let s = self.start;
                    self.push(Tok::Newline, s, s);
                    return Ok(Tok::Newline);
                }

                if b == b'.' {
                    let c2 = self.nextc();
                    if (0x30..=0x39).contains(&c2) {
                        return self.number_fraction();
                    }
                    if c2 == i32::from(b'.') {
                        let c3 = self.nextc();
                        if c3 == i32::from(b'.') {
                            let s = self.start;
                            let p = self.pos;
                            self.push(Tok::Ellipsis, s, p);
                            return Ok(Tok::Ellipsis);
                        }
                        self.backup(c3);
                    }
                    self.backup(c2);
                    let s = self.start;
                    self.push(Tok::Dot, s, s + 1);
                    return Ok(Tok::Dot);
                }

                if b.is_ascii_digit() {
                    return self.number(b);
                }

                if b == b'\'' || b == b'"' {
                    return self.string(b);
                }

                if b == b'\\' {
                    self.in_token = true;
                    let r = self.continuation_line();
                    self.in_token = false;
                    r?;
                    continue 'again;
                }

                // Two- and three-character operators.
                let c2 = self.nextc();
                if c2 != EOF {
                    let t2 = token::two_chars(b, c2 as u8);
                    if t2 != Tok::Op {
                        let c3 = self.nextc();
                        let mut t = t2;
                        if c3 != EOF {
                            let t3 = token::three_chars(b, c2 as u8, c3 as u8);
                            if t3 != Tok::Op {
                                t = t3;
                            } else {
                                self.backup(c3);
                            }
                        }
                        let s = self.start;
                        let p = self.pos;
                        self.push(t, s, p);
                        return Ok(t);
                    }
                }
                self.backup(c2);

                match b {
                    b'(' | b'[' | b'{' => {
                        if self.level >= MAXLEVEL {
                            return Err(self.error("too many nested parentheses".into()));
                        }
                        let col = (self.start - self.line_start) as u32;
                        self.parens.push((b, self.lineno, col));
                        self.level += 1;
                    }
                    b')' | b']' | b'}' => {
                        let Some((open, line, _)) = self.parens.last().copied() else {
                            return Err(self.error(format!("unmatched '{}'", b as char)));
                        };
                        self.level -= 1;
                        self.parens.pop();
                        let ok = matches!((open, b), (b'(', b')') | (b'[', b']') | (b'{', b'}'));
                        if !ok {
                            let msg = if line != self.lineno {
                                format!(
                                    "closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                                    b as char, open as char, line
                                )
                            } else {
                                format!(
                                    "closing parenthesis '{}' does not match opening parenthesis '{}'",
                                    b as char, open as char
                                )
                            };
                            return Err(self.error(msg));
                        }
                    }
                    _ => {}
                }

                if b < 0x80 && !unicode::is_printable(u32::from(b)) {
                    return Err(self.error(format!("invalid non-printable character U+{:04X}", b)));
                }
                let t = token::one_char(b);
                let s = self.start;
                self.push(t, s, s + 1);
                return Ok(t);
            }
        }
    }

    fn indent_error(&mut self) -> Stop {
        self.pos = self.line_end();
        Stop(TokErrorKind::TabSpace)
    }

    /// `tok->inp`: the end of the current line (after its newline).
    fn line_end(&self) -> usize {
        match self.src[self.line_start..].iter().position(|&b| b == b'\n') {
            Some(i) => self.line_start + i + 1,
            None => self.src.len(),
        }
    }

    fn identifier(&mut self, first: u8) -> Result<Tok, Stop> {
        // String prefixes: b, r, u, f and their legal combinations.
        let (mut saw_b, mut saw_r, mut saw_u, mut saw_f) = (false, false, false, false);
        let mut c = i32::from(first);
        loop {
            let ch = c as u8;
            if c == EOF {
                break;
            }
            if !(saw_b || saw_u || saw_f) && (ch == b'b' || ch == b'B') {
                saw_b = true;
            } else if !(saw_b || saw_u || saw_r || saw_f) && (ch == b'u' || ch == b'U') {
                saw_u = true;
            } else if !(saw_r || saw_u) && (ch == b'r' || ch == b'R') {
                saw_r = true;
            } else if !(saw_f || saw_b || saw_u) && (ch == b'f' || ch == b'F') {
                saw_f = true;
            } else {
                break;
            }
            c = self.nextc();
            if c == i32::from(b'"') || c == i32::from(b'\'') {
                return self.string(c as u8);
            }
        }
        let mut nonascii = false;
        if c != EOF && is_potential_identifier_char(c as u8) {
            // The rest of the name at once (no newline inside, so only the cursor moves).
            let rest = self.src.get(self.pos..).unwrap_or_default();
            let mut high = c as u8;
            let mut n = 0;
            while let Some(&b) = rest.get(n) {
                if !IDENT_CHAR[usize::from(b)] {
                    break;
                }
                high |= b;
                n += 1;
            }
            nonascii = high >= 128;
            self.pos += n;
        } else {
            self.backup(c);
        }
        if nonascii {
            self.verify_identifier()?;
        }
        let (s, e) = (self.start, self.pos);
        let kind = if e - s <= 8 {
            token::keyword(&self.src[s..e]).unwrap_or(Tok::Name)
        } else {
            Tok::Name
        };
        self.push(kind, s, e);
        Ok(kind)
    }

    /// `verify_identifier`: PEP 3131 check of the name just read.
    fn verify_identifier(&mut self) -> Result<(), Stop> {
        let bytes = &self.src[self.start..self.pos];
        let text = match crate::source::codecs::decode_utf8(bytes) {
            Ok(t) => t,
            Err(e) => return Err(Stop(TokErrorKind::Decode(e.to_string()))),
        };
        for (i, (bi, ch)) in text.char_indices().enumerate() {
            let cp = ch as u32;
            let ok = if i == 0 {
                unicode::is_xid_start(cp)
            } else {
                unicode::is_xid_continue(cp)
            };
            if !ok {
                let next = bi + ch.len_utf8();
                if next < text.len() {
                    self.pos = self.start + next;
                }
                let msg = if unicode::is_printable(cp) {
                    format!("invalid character '{ch}' (U+{cp:04X})")
                } else {
                    format!("invalid non-printable character U+{cp:04X}")
                };
                return Err(self.error(msg));
            }
        }
        Ok(())
    }
}

#[inline]
pub(crate) fn is_potential_identifier_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_' || c >= 128
}

#[inline]
pub(crate) fn is_potential_identifier_char(c: u8) -> bool {
    IDENT_CHAR[usize::from(c)]
}

/// [`is_potential_identifier_char`] as a table: ASCII letters, digits, `_`, and every
/// byte of a non-ASCII character.
static IDENT_CHAR: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        t[i] = c.is_ascii_alphanumeric() || c == b'_' || c >= 128;
        i += 1;
    }
    t
};
