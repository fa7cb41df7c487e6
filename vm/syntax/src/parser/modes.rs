//! `compile()`'s other start rules, `eval` and `interactive` (modes 'eval' and 'single'):
//! the token stream pegen sees for string input that is not 'exec' (Parser/pegen.c
//! `_PyPegen_fill_token`), the two rules, and `bad_single_statement`.

use super::{PResult, Parser, RunError};
use crate::ast::{self, Stmt, StmtKind};
use crate::error::SyntaxErrorKind;
use crate::lexer::{Tok, Token};

/// How many tokens past the end of single input are made ready: pegen keeps filling
/// NEWLINE, ENDMARKER, NEWLINE, … there; no rule looks further than a few of them.
const EOF_TOKENS: usize = 6;

impl Parser<'_> {
    /// Turns the lexer's tokens into those pegen reads for non-'exec' string input. The
    /// last line may lack a newline; ENDMARKER has no position on its line (column -1).
    /// In 'single' mode the first ENDMARKER fetched after parsing started becomes NEWLINE
    /// and the indentation still open is closed by DEDENTs, alternately forever.
    pub fn prepare_non_exec(&mut self, single: bool) {
        self.extend_end_tokens(single);
        self.memo = super::memo::MemoTable::new(self.tokens.len());
    }

    fn extend_end_tokens(&mut self, single: bool) {
        let Some(&end) = self.tokens.last() else {
            return;
        };
        if end.kind != Tok::EndMarker || self.tok_error.is_some() {
            return; // lexing stopped at an error: the parser never reaches the end
        }
        let mut end_state = self.states.last().copied().unwrap_or_default();
        let mut end = end;
        if self.src.is_empty() {
            // No line was read: `tok->lineno` is still 0.
            end.lineno = 0;
            end.end_lineno = 0;
            end_state.lineno = 0;
            if let Some(t) = self.tokens.last_mut() {
                *t = end;
            }
            if let Some(s) = self.states.last_mut() {
                *s = end_state;
            }
        }
        if !single {
            // The tokenizer keeps returning ENDMARKER; some rules look past the first.
            self.tokens.extend(std::iter::repeat_n(end, EOF_TOKENS));
            self.states
                .extend(std::iter::repeat_n(end_state, EOF_TOKENS));
            return;
        }
        self.tokens.pop();
        self.states.pop();
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
            self.states.push(end_state);
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
    pub fn run_eval(&mut self) -> Result<ast::Expression, RunError> {
        self.prepare_non_exec(false);
        self.run(Self::eval_rule)
    }

    /// `_PyPegen_run_parser` with the `interactive` start rule, then its
    /// `bad_single_statement` check.
    pub fn run_interactive(&mut self) -> Result<ast::Interactive, RunError> {
        self.prepare_non_exec(true);
        let tree = self.run(Self::interactive_rule)?;
        if self.bad_single_statement() {
            let _ = self.raise_here(
                SyntaxErrorKind::SyntaxError,
                "multiple statements found while compiling a single statement",
            );
            return match self.error.take() {
                Some(e) => Err(RunError::Raw(e)),
                None => Err(RunError::Unsupported(
                    "the parser failed without an error (a refvm bug)".into(),
                )),
            };
        }
        Ok(tree)
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
