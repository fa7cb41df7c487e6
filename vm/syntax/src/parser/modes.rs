//! `compile()`'s other start rules, `eval` and `interactive` (modes 'eval' and 'single'):
//! the token stream pegen sees for string input that is not 'exec' (Parser/pegen.c
//! `_PyPegen_fill_token`), the two rules, and `bad_single_statement`.

use super::{PResult, Parser, RawError};
use crate::ast::{self, Stmt, StmtKind};
use crate::error::SyntaxErrorKind;
use crate::lexer::{Tok, Token};

/// How many tokens past the end of single input are made ready: pegen keeps filling
/// NEWLINE, ENDMARKER, NEWLINE, … there; no rule looks further than a few of them.
const EOF_TOKENS: usize = 6;

impl Parser<'_> {
    /// Turns the lexer's tokens into those pegen reads for non-'exec' string input. The
    /// last line may lack a newline; ENDMARKER has no position on its line (its start is
    /// NULL: column -1; `end_col` keeps the cursor column, as for INDENT/DEDENT). In
    /// 'single' mode the first ENDMARKER fetched after parsing started becomes NEWLINE
    /// and the indentation still open is closed by DEDENTs, alternately forever.
    pub fn prepare_non_exec(&mut self, single: bool) {
        let Some(last) = self.tokens.last_mut() else {
            return;
        };
        if last.kind != Tok::EndMarker {
            return; // lexing stopped at an error: the parser never reaches the end
        }
        last.col = -1;
        last.end_col = cursor_col(self.src);
        if self.src.is_empty() {
            // No line was read: `tok->lineno` is still 0.
            last.lineno = 0;
            last.end_lineno = 0;
        }
        let end = *last;
        if !single {
            // The tokenizer keeps returning ENDMARKER; some rules look past the first.
            self.tokens.extend(std::iter::repeat_n(end, EOF_TOKENS));
            return;
        }
        self.tokens.pop();
        let open = self.tokens.iter().fold(0i64, |n, t| match t.kind {
            Tok::Indent => n + 1,
            Tok::Dedent => n - 1,
            _ => n,
        });
        let mut pendin = 0;
        let mut first = true;
        let mut started = !self.tokens.is_empty();
        // `open` is at most MAXINDENT, so this ends after a few hundred tokens at most.
        let mut pushed = 0;
        while pushed < EOF_TOKENS || pendin > 0 {
            pushed += 1;
            let kind = if pendin > 0 {
                pendin -= 1;
                started = true;
                Tok::Dedent
            } else if started {
                started = false;
                if first {
                    pendin = open;
                }
                first = false;
                Tok::Newline
            } else {
                started = true;
                Tok::EndMarker
            };
            self.tokens.push(Token { kind, ..end });
        }
    }

    /// `eval: expressions NEWLINE* ENDMARKER`.
    fn eval_rule(&mut self) -> PResult<ast::Expression> {
        let Some(body) = self.expressions()? else {
            return Ok(None);
        };
        while self.eat(Tok::Newline)?.is_some() {}
        if self.eat(Tok::EndMarker)?.is_none() {
            return Ok(None);
        }
        Ok(Some(ast::Expression {
            body: Box::new(body),
        }))
    }

    /// `interactive: statement_newline`, where `statement_newline` is
    /// `compound_stmt NEWLINE | simple_stmts | NEWLINE | ENDMARKER` (the last one ends
    /// the input without a statement: no match).
    fn interactive_rule(&mut self) -> PResult<ast::Interactive> {
        let body = self.rule(|p| {
            let start = p.mark;
            if let Some(s) = p.compound_stmt()? {
                if p.eat(Tok::Newline)?.is_some() {
                    return Ok(Some(vec![s]));
                }
            }
            p.mark = start;
            if let Some(v) = p.simple_stmts()? {
                return Ok(Some(v));
            }
            if p.eat(Tok::Newline)?.is_some() {
                return Ok(Some(vec![Stmt::new(StmtKind::Pass, p.loc_from(start))]));
            }
            Ok(None)
        })?;
        Ok(body.map(|body| ast::Interactive { body }))
    }

    /// `_PyPegen_run_parser` with the `eval` start rule.
    pub fn run_eval(&mut self) -> Result<ast::Expression, RawError> {
        self.prepare_non_exec(false);
        self.run_start(Self::eval_rule)
    }

    /// `_PyPegen_run_parser` with the `interactive` start rule, then its
    /// `bad_single_statement` check.
    pub fn run_interactive(&mut self) -> Result<ast::Interactive, RawError> {
        self.prepare_non_exec(true);
        let tree = self.run_start(Self::interactive_rule)?;
        if self.bad_single_statement() {
            let _ = self.raise_here(
                SyntaxErrorKind::SyntaxError,
                "multiple statements found while compiling a single statement",
            );
            return Err(self.error.take().unwrap_or_else(RawError::memory));
        }
        Ok(tree)
    }

    /// The two passes of `_PyPegen_run_parser` (as `run_file`) for any start rule.
    fn run_start<T>(&mut self, start: fn(&mut Self) -> PResult<T>) -> Result<T, RawError> {
        if let Ok(Some(t)) = start(self) {
            return Ok(t);
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
        self.level = 0;
        self.call_invalid_rules = true;
        if self.error.is_none() {
            let _ = start(self);
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

    /// `bad_single_statement`: anything but blanks and comments after the tokenizer's
    /// cursor (which is just past the last token the parser fetched).
    fn bad_single_statement(&self) -> bool {
        let cur = match self.tokens.get(self.fill.saturating_sub(1)) {
            // A NEWLINE token stops before its '\n'; the cursor is after it.
            Some(t) if t.kind == Tok::Newline && t.col >= 0 => t.end as usize + 1,
            Some(t) => t.end as usize,
            None => self.src.len(),
        };
        let rest = self.src.get(cur..).unwrap_or_default();
        let mut i = 0;
        loop {
            while matches!(rest.get(i), Some(b' ' | b'\t' | b'\n' | 0x0c)) {
                i += 1;
            }
            match rest.get(i) {
                None | Some(0) => return false,
                Some(b'#') => {}
                Some(_) => return true,
            }
            while !matches!(rest.get(i), None | Some(0) | Some(b'\n')) {
                i += 1;
            }
        }
    }
}

/// `tok->cur - tok->line_start` at the end of the input: the length of its last line
/// (0 for empty input, where `cur == buf`).
fn cursor_col(src: &[u8]) -> i32 {
    let Some(body) = src.len().checked_sub(1).map(|n| &src[..n]) else {
        return 0;
    };
    let line_start = body.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    (src.len() - line_start) as i32
}
