//! A PEG parser for Python 3.11 following Grammar/python.gram rule for rule, with pegen's
//! semantics: ordered choice, lookaheads, memoisation of selected rules, left-recursive
//! rules as loops (equivalent to pegen's seed growing for these rules), and a second pass
//! with the `invalid_*` rules enabled after the first pass fails, as `_PyPegen_run_parser`.
//!
//! Every rule returns `PResult<T>`: `Ok(Some(_))` matched, `Ok(None)` did not match,
//! `Err(Fail)` an error was raised (pegen's `error_indicator`), stored in the parser.

mod errors;
mod expression;
mod fstring;
mod invalid;
mod modes;
mod params;
mod pattern;
mod statement;
mod strings;
mod target;

use crate::ast::{self, Expr, ExprContext, ExprKind, Identifier, Location};
use crate::error::SyntaxErrorKind;
use crate::lexer::{Lexed, Tok, TokError, Token};
use std::collections::HashMap;

pub(crate) use errors::RawError;

/// pegen's MAXSTACK: deeper rule nesting raises MemoryError.
pub const MAXSTACK: usize = 6000;

/// refvm's own bound on rule nesting: its rule frames are larger than pegen's, so the
/// limit that keeps a 2 MiB thread safe is lower (exceeding it reports MemoryError).
pub const MAX_RULE_DEPTH: usize = 700;

/// The error indicator is set; the error is in `Parser::error`.
#[derive(Debug)]
pub(crate) struct Fail;

pub(crate) type PResult<T> = Result<Option<T>, Fail>;

/// Memoised rule results (pegen memoises these rules; the cache makes backtracking cheap).
#[derive(Clone)]
pub(crate) enum Memo {
    Expr(Option<Expr>),
    Stmt(Option<ast::Stmt>),
    Stmts(Option<Vec<ast::Stmt>>),
    Pattern(Option<ast::Pattern>),
    Args(Option<(Vec<Expr>, Vec<ast::Keyword>, Location)>),
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Rule {
    Expression,
    Disjunction,
    Conjunction,
    Inversion,
    Factor,
    AwaitPrimary,
    StarExpression,
    Arguments,
    StarTarget,
    TargetWithStarAtom,
    TPrimary,
    DelTarget,
    SimpleStmt,
    Block,
    ClosedPattern,
    StarPattern,
    Strings,
}

pub(crate) struct Parser<'a> {
    pub src: &'a [u8],
    pub tokens: Vec<Token>,
    pub tok_error: Option<TokError>,
    pub mark: usize,
    /// One past the highest token index the parser has asked for (`p->fill`).
    pub fill: usize,
    pub level: usize,
    pub call_invalid_rules: bool,
    pub error: Option<RawError>,
    memo: HashMap<(u32, Rule), (usize, Memo)>,
    names: HashMap<&'a [u8], Identifier>,
    /// True while parsing an f-string replacement field (`p->start_rule == fstring`).
    pub in_fstring: bool,
    /// Input refvm cannot handle yet (reported as `Unsupported`, never as a wrong answer).
    pub unsupported: Option<String>,
}

impl<'a> Parser<'a> {
    pub fn new(src: &'a [u8], lexed: Lexed) -> Self {
        Parser {
            src,
            tokens: lexed.tokens,
            tok_error: lexed.error,
            mark: 0,
            fill: 0,
            level: 0,
            call_invalid_rules: false,
            error: None,
            memo: HashMap::new(),
            names: HashMap::new(),
            in_fstring: false,
            unsupported: None,
        }
    }

    // ---- tokens ----------------------------------------------------------------

    /// The token at `i`, raising the tokenizer error when the parser reaches it.
    #[inline]
    pub fn tok_at(&mut self, i: usize) -> Result<Token, Fail> {
        if i >= self.fill {
            self.fill = i + 1;
        }
        match self.tokens.get(i) {
            Some(t) => Ok(*t),
            None => Err(self.raise_tokenizer_error()),
        }
    }

    /// The kind of the current token.
    #[inline]
    pub fn peek(&mut self) -> Result<Tok, Fail> {
        Ok(self.tok_at(self.mark)?.kind)
    }

    /// Is the current token `kind` (a lookahead, consuming nothing)?
    #[inline]
    pub fn at(&mut self, kind: Tok) -> Result<bool, Fail> {
        Ok(self.peek()? == kind)
    }

    /// Consumes the current token if it is `kind`.
    #[inline]
    pub fn eat(&mut self, kind: Tok) -> Result<Option<Token>, Fail> {
        let t = self.tok_at(self.mark)?;
        if t.kind == kind {
            self.mark += 1;
            Ok(Some(t))
        } else {
            Ok(None)
        }
    }

    /// The text of a token.
    pub fn text(&self, t: &Token) -> &'a [u8] {
        &self.src[t.start as usize..t.end as usize]
    }

    /// Is the current token the soft keyword `kw`?
    pub fn at_soft(&mut self, kw: &str) -> Result<bool, Fail> {
        let t = self.tok_at(self.mark)?;
        Ok(t.kind == Tok::Name && self.text(&t) == kw.as_bytes())
    }

    /// Consumes the soft keyword `kw`.
    pub fn eat_soft(&mut self, kw: &str) -> Result<Option<Token>, Fail> {
        if self.at_soft(kw)? {
            self.mark += 1;
            return Ok(self.tokens.get(self.mark - 1).copied());
        }
        Ok(None)
    }

    /// `&&tok`: a forced token; raises "expected 'x'" when absent.
    pub fn expect_forced(&mut self, kind: Tok, what: &str) -> Result<Token, Fail> {
        if let Some(t) = self.eat(kind)? {
            return Ok(t);
        }
        let t = self.tok_at(self.mark)?;
        Err(self.raise_at_token(&t, &format!("expected '{what}'")))
    }

    /// The identifier of a NAME token: interned, NFKC-normalised when non-ASCII.
    pub fn identifier(&mut self, t: &Token) -> Identifier {
        let text = &self.src[t.start as usize..t.end as usize];
        if let Some(id) = self.names.get(text) {
            return id.clone();
        }
        let id = if text.is_ascii() {
            Identifier::new(std::str::from_utf8(text).unwrap_or_default())
        } else {
            use unicode_normalization::UnicodeNormalization;
            let s = String::from_utf8_lossy(text);
            Identifier::new(&s.nfkc().collect::<String>())
        };
        self.names.insert(text, id.clone());
        id
    }

    /// `NAME`: a Name expression in Load context.
    pub fn name(&mut self) -> PResult<Expr> {
        let t = self.tok_at(self.mark)?;
        if t.kind != Tok::Name {
            return Ok(None);
        }
        self.mark += 1;
        let id = self.identifier(&t);
        Ok(Some(Expr::new(
            ExprKind::Name {
                id,
                ctx: ExprContext::Load,
            },
            token_loc(&t),
        )))
    }

    /// `NAME` as an identifier and its token.
    pub fn name_token(&mut self) -> Result<Option<(Identifier, Token)>, Fail> {
        let t = self.tok_at(self.mark)?;
        if t.kind != Tok::Name {
            return Ok(None);
        }
        self.mark += 1;
        Ok(Some((self.identifier(&t), t)))
    }

    /// `EXTRA`: from the token at `start` to the last consumed token.
    pub fn loc_from(&self, start: usize) -> Location {
        let s = self
            .tokens
            .get(start)
            .copied()
            .unwrap_or_else(|| self.last_token());
        let e = self.last_nonwhitespace_token().unwrap_or(s);
        Location {
            lineno: s.lineno,
            col_offset: s.col.max(0) as u32,
            end_lineno: e.end_lineno,
            end_col_offset: e.end_col.max(0) as u32,
        }
    }

    /// `_PyPegen_get_last_nonnwhitespace_token`.
    pub fn last_nonwhitespace_token(&self) -> Option<Token> {
        let mut m = self.mark.min(self.tokens.len());
        let mut tok = None;
        while m > 0 {
            m -= 1;
            let t = self.tokens[m];
            tok = Some(t);
            if !matches!(
                t.kind,
                Tok::EndMarker | Tok::Newline | Tok::Indent | Tok::Dedent
            ) {
                break;
            }
        }
        tok
    }

    fn last_token(&self) -> Token {
        self.tokens.last().copied().unwrap_or(Token {
            kind: Tok::EndMarker,
            start: 0,
            end: 0,
            lineno: 1,
            col: 0,
            end_lineno: 1,
            end_col: 0,
            level: 0,
        })
    }

    // ---- rule bookkeeping ---------------------------------------------------------

    /// Enters a rule: pegen's `if (p->level++ == MAXSTACK)` check.
    #[inline]
    pub fn enter(&mut self) -> Result<(), Fail> {
        self.level += 1;
        if self.level > MAX_RULE_DEPTH.min(MAXSTACK) {
            self.level -= 1;
            self.error = Some(RawError::memory());
            return Err(Fail);
        }
        Ok(())
    }

    #[inline]
    pub fn leave(&mut self) {
        self.level -= 1;
    }

    /// Runs `f` as a rule body: depth-checked, and the mark restored when it fails.
    #[inline]
    pub fn rule<T>(&mut self, f: impl FnOnce(&mut Self) -> PResult<T>) -> PResult<T> {
        self.enter()?;
        let m = self.mark;
        let r = f(self);
        self.leave();
        if !matches!(r, Ok(Some(_))) {
            self.mark = m;
        }
        r
    }

    pub fn memo_get(&mut self, rule: Rule) -> Option<Memo> {
        let (end, v) = self.memo.get(&(self.mark as u32, rule))?;
        let (end, v) = (*end, v.clone());
        self.mark = end;
        Some(v)
    }

    pub fn memo_put(&mut self, start: usize, rule: Rule, v: Memo) {
        self.memo.insert((start as u32, rule), (self.mark, v));
    }

    /// Runs `f` with a restore of `mark` afterwards (a lookahead).
    pub fn lookahead<T>(&mut self, f: impl FnOnce(&mut Self) -> PResult<T>) -> Result<bool, Fail> {
        let m = self.mark;
        let r = f(self)?;
        self.mark = m;
        Ok(r.is_some())
    }

    // ---- running -----------------------------------------------------------------

    /// `_PyPegen_run_parser` for `file` input.
    pub fn run_file(&mut self) -> Result<ast::Module, RawError> {
        if let Ok(Some(m)) = self.file() {
            return Ok(m);
        }
        if self.unsupported.is_some() {
            return Err(RawError::memory());
        }
        if let Some(e) = &self.error {
            if e.kind_is_memory() {
                return Err(e.clone());
            }
        }
        let last_token = self.fill.saturating_sub(1);
        // Second pass with the invalid_ rules.
        self.memo.clear();
        self.mark = 0;
        self.level = 0;
        self.call_invalid_rules = true;
        if self.error.is_none() {
            let _ = self.file();
            if self.unsupported.is_some() {
                return Err(RawError::memory());
            }
            if let Some(e) = &self.error {
                if e.kind_is_memory() {
                    return Err(e.clone());
                }
            }
        }
        self.set_syntax_error(last_token);
        Err(self.error.take().unwrap_or_else(RawError::memory))
    }

    /// `_PyPegen_run_parser` for the `fstring: star_expressions` start rule.
    pub fn run_fstring(&mut self) -> Result<Expr, RawError> {
        if let Ok(Some(e)) = self.star_expressions() {
            return Ok(e);
        }
        if self.unsupported.is_some() {
            return Err(RawError::memory());
        }
        if let Some(e) = &self.error {
            if e.kind_is_memory() {
                return Err(e.clone());
            }
        }
        let last_token = self.fill.saturating_sub(1);
        self.memo.clear();
        self.mark = 0;
        self.call_invalid_rules = true;
        if self.error.is_none() {
            let _ = self.star_expressions();
        }
        if self.unsupported.is_some() {
            return Err(RawError::memory());
        }
        self.set_syntax_error(last_token);
        Err(self.error.take().unwrap_or_else(RawError::memory))
    }

    /// `file: [statements] ENDMARKER`.
    fn file(&mut self) -> PResult<ast::Module> {
        let body = self.statements()?.unwrap_or_default();
        if self.eat(Tok::EndMarker)?.is_none() {
            return Ok(None);
        }
        Ok(Some(ast::Module {
            body,
            type_ignores: Vec::new(),
        }))
    }

    /// The syntax error kinds pegen raises itself.
    pub fn kind_syntax() -> SyntaxErrorKind {
        SyntaxErrorKind::SyntaxError
    }
}

/// The location of one token.
pub(crate) fn token_loc(t: &Token) -> Location {
    Location {
        lineno: t.lineno,
        col_offset: t.col.max(0) as u32,
        end_lineno: t.end_lineno,
        end_col_offset: t.end_col.max(0) as u32,
    }
}
