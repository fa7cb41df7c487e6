//! A PEG parser for Python 3.11 following Grammar/python.gram rule for rule, with pegen's
//! semantics: ordered choice, lookaheads, memoisation of selected rules, left-recursive
//! rules as loops (equivalent to pegen's seed growing for these rules), and a second pass
//! with the `invalid_*` rules enabled after the first pass fails, as `_PyPegen_run_parser`.
//!
//! Every rule returns `PResult<T>`: `Ok(Some(_))` matched, `Ok(None)` did not match,
//! `Err(Fail)` an error was raised (pegen's `error_indicator`), stored in the parser.

mod compound;
mod errors;
mod expression;
mod fstring;
mod invalid;
mod invalid_params;
mod invalid_stmt;
mod memo;
mod modes;
mod number;
mod params;
mod pattern;
mod primary;
mod statement;
mod strings;
mod target;

use crate::ast::{self, Expr, ExprContext, ExprKind, Identifier, Location};
use crate::lexer::{Lexed, Tok, TokError, TokState, Token};

pub(crate) use errors::RawError;
pub(crate) use memo::Keep;
use memo::{FastMap, Lookup, MemoTable, MemoValue};

/// `p->starting_col_offset` of an f-string expression's parser (its line number is
/// [`Parser::first_lineno`]).
#[derive(Clone, Copy, Debug)]
pub(crate) struct FstringStart {
    pub starting_col_offset: i64,
}

/// pegen's MAXSTACK: deeper rule nesting raises MemoryError. Rules charge levels as
/// pegen's generated functions do, and the Rust stack grows on the heap as needed
/// ([`crate::stack`]), so the limit is CPython's own.
pub const MAXSTACK: usize = 6000;

/// The deepest rule nesting a parse with [`Parser::fast`] paths may reach and still be
/// kept. The fast paths skip alternatives that can only fail; those alternatives nest
/// rules about as deeply per bracket or operator as the ones taken (well within a factor
/// of 3), so a parse that stays below this level could not have reached MAXSTACK in
/// them. Deeper parses, and failed ones, are redone without the fast paths, which is
/// exactly pegen's search.
pub const FAST_PEAK: usize = MAXSTACK / 6;

/// Replays start below MAXSTACK and rebuild a result first built within MAXSTACK levels,
/// so they stay below this; it only bounds the nesting should that reasoning fail.
const REPLAY_CEILING: usize = 4 * MAXSTACK;

/// Why [`Parser::run`] produced nothing.
pub(crate) enum RunError {
    /// The exception CPython raises.
    Raw(RawError),
    /// Input refvm cannot handle yet.
    Unsupported(String),
}

/// The error indicator is set; the error is in `Parser::error`.
#[derive(Debug)]
pub(crate) struct Fail;

pub(crate) type PResult<T> = Result<Option<T>, Fail>;

/// The arguments of a call (`arguments`, `args`): positional, keywords, and the span
/// of the `args` rule (its EXTRA).
pub(crate) type CallArgs = (Vec<Expr>, Vec<ast::Keyword>, Location);

/// The rules pegen memoises (left-recursive ones included), as memo keys.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
#[repr(u8)]
pub(crate) enum Rule {
    Arguments,
    Attr,
    AwaitPrimary,
    BitwiseAnd,
    BitwiseOr,
    BitwiseXor,
    Block,
    ClosedPattern,
    Conjunction,
    DelTarget,
    Disjunction,
    DottedName,
    Expression,
    Factor,
    InvalidNamedExpression,
    Inversion,
    Primary,
    ShiftExpr,
    SimpleStmt,
    StarExpression,
    StarPattern,
    StarTarget,
    Strings,
    Sum,
    TPrimary,
    TargetWithStarAtom,
    Term,
}

impl Rule {
    /// How many rules are memoised (one memo slot each per token).
    pub const COUNT: usize = Rule::Term as usize + 1;
}

pub(crate) struct Parser<'a> {
    pub src: &'a [u8],
    pub tokens: Vec<Token>,
    pub tok_error: Option<TokError>,
    pub mark: usize,
    /// One past the highest token index the parser has asked for (`p->fill`).
    pub fill: usize,
    pub level: usize,
    /// The deepest `level` reached, when above `limit` (0 while it stays below).
    pub peak: usize,
    /// [`Parser::enter`] takes its slow path above this level: [`FAST_PEAK`] in the fast
    /// pass (to note the peak), [`MAXSTACK`] otherwise.
    limit: usize,
    /// How many memo replays (see [`memo::Lookup::Replay`]) are running: levels taken
    /// inside them are not checked against MAXSTACK, only against [`REPLAY_CEILING`].
    replay: u32,
    /// The replay epoch: counts outermost replays (see [`memo::MemoTable::store`]).
    epoch: u32,
    /// Take the fast paths: skip alternatives that the tokens ahead show can only fail
    /// (see [`FAST_PEAK`]).
    pub fast: bool,
    pub call_invalid_rules: bool,
    pub error: Option<RawError>,
    memo: MemoTable,
    names: FastMap<&'a [u8], u32>,
    /// The distinct identifiers of this parse, indexed by `names` and `name_ids`.
    idents: Vec<Identifier>,
    /// Per token: 1 + the index in `idents` of its identifier once a rule asked for it
    /// (0: not yet), so that backtracking over a NAME costs no second lookup.
    name_ids: Vec<u32>,
    /// Set while parsing an f-string replacement field (`p->start_rule == fstring`).
    pub fstring: Option<FstringStart>,
    /// Token states (`p->tok` after each token).
    pub states: Vec<TokState>,
    /// `p->tok->encoding != NULL`: error columns are converted to code points.
    pub encoding: bool,
    /// The line number of the first line (`p->starting_lineno`, 1 for a module).
    pub first_lineno: u32,
    /// The tokenizer state after `_PyPegen_tokenize_full_source_to_check_for_errors`.
    pub tok_override: Option<TokState>,
    /// Input refvm cannot handle yet (reported as `Unsupported`, never as a wrong answer).
    pub unsupported: Option<String>,
}

impl<'a> Parser<'a> {
    /// A parser over `src` (its decoded text); `encoding` says whether CPython's
    /// tokenizer had an encoding for it (a BOM or a coding cookie).
    pub fn new(src: &'a [u8], lexed: Lexed, encoding: bool) -> Self {
        let ntokens = lexed.tokens.len();
        Parser {
            src,
            tokens: lexed.tokens,
            states: lexed.states,
            tok_error: lexed.error,
            encoding,
            first_lineno: 1,
            tok_override: None,
            mark: 0,
            fill: 0,
            level: 0,
            peak: 0,
            limit: MAXSTACK,
            replay: 0,
            epoch: 0,
            fast: false,
            call_invalid_rules: false,
            error: None,
            memo: MemoTable::new(ntokens),
            names: FastMap::default(),
            idents: Vec::new(),
            name_ids: vec![0; ntokens],
            fstring: None,
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

    /// The identifier of the NAME token at `i`: interned, NFKC-normalised when
    /// non-ASCII.
    #[inline]
    pub fn identifier(&mut self, i: usize, t: &Token) -> Identifier {
        if let Some(&k) = self.name_ids.get(i) {
            if k != 0 {
                if let Some(id) = self.idents.get(k as usize - 1) {
                    return id.clone();
                }
            }
        }
        self.intern(i, t)
    }

    /// The identifier of the NAME token `t` at `i`, interned if new, noted in `name_ids`.
    #[inline(never)]
    fn intern(&mut self, i: usize, t: &Token) -> Identifier {
        let text = &self.src[t.start as usize..t.end as usize];
        if let Some(&k) = self.names.get(text) {
            if let Some(id) = self.idents.get(k as usize) {
                if let Some(e) = self.name_ids.get_mut(i) {
                    *e = k + 1;
                }
                return id.clone();
            }
        }
        let id = if text.is_ascii() {
            Identifier::new(std::str::from_utf8(text).unwrap_or_default())
        } else {
            use unicode_normalization::UnicodeNormalization;
            let s = String::from_utf8_lossy(text);
            Identifier::new(&s.nfkc().collect::<String>())
        };
        let k = self.idents.len() as u32;
        self.idents.push(id.clone());
        self.names.insert(text, k);
        if let Some(e) = self.name_ids.get_mut(i) {
            *e = k + 1;
        }
        id
    }

    /// `NAME`: a Name expression in Load context.
    pub fn name(&mut self) -> PResult<Expr> {
        let t = self.tok_at(self.mark)?;
        if t.kind != Tok::Name {
            return Ok(None);
        }
        let id = self.identifier(self.mark, &t);
        self.mark += 1;
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
        let id = self.identifier(self.mark, &t);
        self.mark += 1;
        Ok(Some((id, t)))
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
        if self.level > self.limit {
            return self.enter_deep();
        }
        Ok(())
    }

    /// [`Parser::enter`] above `limit`: notes the peak, checks MAXSTACK.
    #[cold]
    #[inline(never)]
    fn enter_deep(&mut self) -> Result<(), Fail> {
        if self.level > self.peak {
            self.peak = self.level;
        }
        if self.level > MAXSTACK && (self.replay == 0 || self.level > REPLAY_CEILING) {
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
        let r = if self.level % crate::stack::PARSER_CHECK_EVERY == 0 {
            crate::stack::guard(|| f(self))
        } else {
            f(self)
        };
        self.leave();
        if !matches!(r, Ok(Some(_))) {
            self.mark = m;
        }
        r
    }

    /// A memoised rule (`X_rule` with `(memo)`): the level is taken before the memo is
    /// looked up, as pegen does; failures are memoised too.
    #[inline]
    pub fn memo_rule<T: MemoValue>(
        &mut self,
        rule: Rule,
        f: impl FnOnce(&mut Self) -> PResult<T>,
    ) -> PResult<T> {
        self.memo_rule_keep(rule, Keep::Twice, f)
    }

    /// [`Parser::memo_rule`] with a choice of when a success is kept.
    #[inline]
    pub fn memo_rule_keep<T: MemoValue>(
        &mut self,
        rule: Rule,
        keep: Keep,
        f: impl FnOnce(&mut Self) -> PResult<T>,
    ) -> PResult<T> {
        self.enter()?;
        let start = self.mark;
        let replay = match self.memo.lookup::<T>(start, rule) {
            Lookup::Hit(end, v) => {
                self.mark = end;
                self.leave();
                return Ok(v);
            }
            Lookup::Replay => true,
            Lookup::Run => false,
        };
        let nested = if replay && self.replay > 0 {
            Some(self.epoch)
        } else {
            if replay {
                self.epoch = self.epoch.wrapping_add(1) & memo::EPOCH_MASK;
            }
            None
        };
        self.replay += u32::from(replay);
        let r = if self.level % crate::stack::PARSER_CHECK_EVERY == 0 {
            crate::stack::guard(|| f(self))
        } else {
            f(self)
        };
        self.replay -= u32::from(replay);
        self.leave();
        let v = r?;
        if v.is_none() {
            self.mark = start;
        }
        let alias_ok = !self.call_invalid_rules;
        self.memo
            .store(start, rule, self.mark, &v, keep, alias_ok, nested);
        Ok(v)
    }

    /// A helper rule pegen generates (`_tmp_N`, `_loop0_N`, `_loop1_N`, `_gather_N`):
    /// one level, the mark restored on failure.
    #[inline]
    pub fn helper<T>(&mut self, f: impl FnOnce(&mut Self) -> PResult<T>) -> PResult<T> {
        self.rule(f)
    }

    // ---- running -----------------------------------------------------------------

    /// `_PyPegen_run_parser`: the first pass, and on failure a second pass with the
    /// `invalid_*` rules, then the error CPython reports.
    pub fn run<T>(&mut self, start: fn(&mut Self) -> PResult<T>) -> Result<T, RunError> {
        // The first pass with the fast paths, kept only when it succeeds without nesting
        // deeply; otherwise redone without them.
        self.fast = true;
        self.peak = 0;
        self.limit = FAST_PEAK;
        let fast = start(self);
        self.fast = false;
        self.limit = MAXSTACK;
        if self.unsupported.is_none() && self.peak <= FAST_PEAK {
            if let Ok(Some(v)) = fast {
                return Ok(v);
            }
        }
        self.memo.clear();
        self.mark = 0;
        self.fill = 0;
        self.level = 0;
        self.replay = 0;
        self.error = None;
        self.unsupported = None;
        self.tok_override = None;
        let first = start(self);
        if let Some(u) = self.unsupported.take() {
            return Err(RunError::Unsupported(u));
        }
        if let Ok(Some(v)) = first {
            return Ok(v);
        }
        if let Some(e) = &self.error {
            if e.is_other() {
                return Err(RunError::Raw(e.clone()));
            }
        }
        let last_token = self.fill.saturating_sub(1);
        // reset_parser_state_for_error_pass: the error indicator stays set, so after a
        // raised error the second pass does nothing.
        self.memo.clear();
        self.mark = 0;
        self.call_invalid_rules = true;
        if self.error.is_none() {
            let _ = start(self);
            if let Some(u) = self.unsupported.take() {
                return Err(RunError::Unsupported(u));
            }
        }
        self.set_syntax_error(last_token);
        match self.error.take() {
            Some(e) => Err(RunError::Raw(e)),
            None => Err(RunError::Unsupported(
                "the parser failed without an error (a refvm bug)".into(),
            )),
        }
    }

    /// `_PyPegen_run_parser` with the `file` start rule.
    pub fn run_file(&mut self) -> Result<ast::Module, RunError> {
        self.run(Self::file)
    }

    /// `file: [statements] ENDMARKER`.
    pub fn file(&mut self) -> PResult<ast::Module> {
        self.rule(|p| {
            let body = p.statements()?.unwrap_or_default();
            if p.eat(Tok::EndMarker)?.is_none() {
                return Ok(None);
            }
            Ok(Some(ast::Module {
                body,
                type_ignores: Vec::new(),
            }))
        })
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
