//! The `invalid_*` rules of python.gram for statements: missing colons, missing
//! indented blocks, `with`/`try`/`except` mistakes, and `match`/`case` patterns.

use super::{Fail, PResult, Parser};
use crate::error::SyntaxErrorKind;
use crate::lexer::{Tok, Token};

impl Parser<'_> {
    /// `NEWLINE !INDENT` after a header: "expected an indented block after {what} on
    /// line {header line}".
    fn no_indent(&mut self, header: &Token, what: &str) -> PResult<()> {
        if self.eat(Tok::Newline)?.is_some() && !self.at(Tok::Indent)? {
            let msg = format!(
                "expected an indented block after {what} on line {}",
                header.lineno
            );
            return Err(self.raise_here(SyntaxErrorKind::IndentationError, &msg));
        }
        Ok(None)
    }

    fn expected_colon(&mut self) -> Fail {
        self.raise_here(SyntaxErrorKind::SyntaxError, "expected ':'")
    }

    /// The `kw head NEWLINE` ("expected ':'") and `kw head ':' NEWLINE !INDENT`
    /// alternatives of `invalid_if_stmt` and friends.
    fn invalid_header(
        &mut self,
        kw: Tok,
        what: &str,
        colon_alt: bool,
        head: fn(&mut Self) -> Result<bool, Fail>,
    ) -> PResult<()> {
        self.rule(|p| {
            let start = p.mark;
            if colon_alt && p.eat(kw)?.is_some() && head(p)? && p.eat(Tok::Newline)?.is_some() {
                return Err(p.expected_colon());
            }
            p.mark = start;
            if let Some(a) = p.eat(kw)? {
                if head(p)? && p.eat(Tok::Colon)?.is_some() {
                    return p.no_indent(&a, what);
                }
            }
            Ok(None)
        })
    }

    pub fn invalid_if_stmt(&mut self) -> PResult<()> {
        self.invalid_header(Tok::If, "'if' statement", true, |p| {
            Ok(p.named_expression()?.is_some())
        })
    }

    pub fn invalid_elif_stmt(&mut self) -> PResult<()> {
        self.invalid_header(Tok::Elif, "'elif' statement", true, |p| {
            Ok(p.named_expression()?.is_some())
        })
    }

    pub fn invalid_while_stmt(&mut self) -> PResult<()> {
        self.invalid_header(Tok::While, "'while' statement", true, |p| {
            Ok(p.named_expression()?.is_some())
        })
    }

    pub fn invalid_else_stmt(&mut self) -> PResult<()> {
        self.invalid_header(Tok::Else, "'else' statement", false, |_| Ok(true))
    }

    pub fn invalid_finally_stmt(&mut self) -> PResult<()> {
        self.invalid_header(Tok::Finally, "'finally' statement", false, |_| Ok(true))
    }

    /// `invalid_for_stmt`.
    pub fn invalid_for_stmt(&mut self) -> PResult<()> {
        self.rule(|p| {
            let start = p.mark;
            let head = |p: &mut Self| -> Result<Option<Token>, Fail> {
                p.eat(Tok::Async)?;
                let Some(a) = p.eat(Tok::For)? else {
                    return Ok(None);
                };
                if p.star_targets()?.is_some()
                    && p.eat(Tok::In)?.is_some()
                    && p.star_expressions()?.is_some()
                {
                    return Ok(Some(a));
                }
                Ok(None)
            };
            if head(p)?.is_some() && p.eat(Tok::Newline)?.is_some() {
                return Err(p.expected_colon());
            }
            p.mark = start;
            if let Some(a) = head(p)? {
                if p.eat(Tok::Colon)?.is_some() {
                    return p.no_indent(&a, "'for' statement");
                }
            }
            Ok(None)
        })
    }

    /// `invalid_def_raw: [ASYNC] a='def' NAME '(' [params] ')' ['->' expression] ':'
    /// NEWLINE !INDENT`.
    pub fn invalid_def_raw(&mut self) -> PResult<()> {
        self.rule(|p| {
            p.eat(Tok::Async)?;
            let Some(a) = p.eat(Tok::Def)? else {
                return Ok(None);
            };
            if p.eat(Tok::Name)?.is_none() || p.eat(Tok::Lpar)?.is_none() {
                return Ok(None);
            }
            p.params()?;
            if p.eat(Tok::Rpar)?.is_none() {
                return Ok(None);
            }
            p.helper(|p| {
                if p.eat(Tok::Rarrow)?.is_none() {
                    return Ok(None);
                }
                p.expression()
            })?;
            if p.eat(Tok::Colon)?.is_none() {
                return Ok(None);
            }
            p.no_indent(&a, "function definition")
        })
    }

    /// `invalid_class_def_raw`.
    pub fn invalid_class_def_raw(&mut self) -> PResult<()> {
        self.rule(|p| {
            let start = p.mark;
            let head = |p: &mut Self| -> Result<Option<Token>, Fail> {
                let Some(a) = p.eat(Tok::Class)? else {
                    return Ok(None);
                };
                if p.eat(Tok::Name)?.is_none() {
                    return Ok(None);
                }
                p.helper(|p| {
                    if p.eat(Tok::Lpar)?.is_none() {
                        return Ok(None);
                    }
                    p.arguments()?;
                    Ok(p.eat(Tok::Rpar)?.map(|_| ()))
                })?;
                Ok(Some(a))
            };
            if head(p)?.is_some() && p.eat(Tok::Newline)?.is_some() {
                return Err(p.expected_colon());
            }
            p.mark = start;
            if let Some(a) = head(p)? {
                if p.eat(Tok::Colon)?.is_some() {
                    return p.no_indent(&a, "class definition");
                }
            }
            Ok(None)
        })
    }

    /// `','.(expression ['as' star_target])+` (`parens`: `expressions` items, after a
    /// `'('`, then `[','] ')'`).
    fn with_items_loose(&mut self, parens: bool) -> Result<bool, Fail> {
        if parens && self.eat(Tok::Lpar)?.is_none() {
            return Ok(false);
        }
        let items = self.gather(Tok::Comma, |p| {
            p.helper(|p| {
                let e = if parens {
                    p.expressions()?
                } else {
                    p.expression()?
                };
                if e.is_none() {
                    return Ok(None);
                }
                p.helper(|p| {
                    if p.eat(Tok::As)?.is_none() {
                        return Ok(None);
                    }
                    p.star_target()
                })?;
                Ok(Some(()))
            })
        })?;
        if items.is_none() {
            return Ok(false);
        }
        if parens {
            self.eat(Tok::Comma)?;
            if self.eat(Tok::Rpar)?.is_none() {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// `invalid_with_stmt`.
    pub fn invalid_with_stmt(&mut self) -> PResult<()> {
        self.rule(|p| {
            let start = p.mark;
            for parens in [false, true] {
                p.mark = start;
                p.eat(Tok::Async)?;
                if p.eat(Tok::With)?.is_some()
                    && p.with_items_loose(parens)?
                    && p.eat(Tok::Newline)?.is_some()
                {
                    return Err(p.expected_colon());
                }
            }
            Ok(None)
        })
    }

    /// `invalid_with_stmt_indent`.
    pub fn invalid_with_stmt_indent(&mut self) -> PResult<()> {
        self.rule(|p| {
            let start = p.mark;
            for parens in [false, true] {
                p.mark = start;
                p.eat(Tok::Async)?;
                if let Some(a) = p.eat(Tok::With)? {
                    if p.with_items_loose(parens)? && p.eat(Tok::Colon)?.is_some() {
                        p.no_indent(&a, "'with' statement")?;
                    }
                }
            }
            Ok(None)
        })
    }

    /// `['as' NAME]` (a `_tmp` helper).
    fn as_name_opt(&mut self) -> Result<(), Fail> {
        self.helper(|p| {
            if p.eat(Tok::As)?.is_none() {
                return Ok(None);
            }
            Ok(p.eat(Tok::Name)?.map(|_| ()))
        })?;
        Ok(())
    }

    /// `invalid_try_stmt`.
    pub fn invalid_try_stmt(&mut self) -> PResult<()> {
        self.rule(|p| {
            let start = p.mark;
            // a='try' ':' NEWLINE !INDENT
            if let Some(a) = p.eat(Tok::Try)? {
                if p.eat(Tok::Colon)?.is_some() {
                    p.no_indent(&a, "'try' statement")?;
                }
            }
            p.mark = start;
            // 'try' ':' block !('except' | 'finally')
            if p.eat(Tok::Try)?.is_some() && p.eat(Tok::Colon)?.is_some() && p.block()?.is_some() {
                let m = p.mark;
                let follows =
                    p.helper(
                        |p| Ok(matches!(p.peek()?, Tok::Except | Tok::Finally).then_some(())),
                    )?;
                p.mark = m;
                if follows.is_none() {
                    return Err(p.raise_here(
                        SyntaxErrorKind::SyntaxError,
                        "expected 'except' or 'finally' block",
                    ));
                }
            }
            p.mark = start;
            // 'try' ':' block* except_block+ a='except' b='*' expression ['as' NAME] ':'
            if p.eat(Tok::Try)?.is_some() && p.eat(Tok::Colon)?.is_some() {
                p.loop0(Parser::block)?;
                if p.loop1(|p| p.except_block(false))?.is_some() {
                    if let Some(a) = p.eat(Tok::Except)? {
                        if let Some(b) = p.eat(Tok::Star)? {
                            if p.expression()?.is_some() {
                                p.as_name_opt()?;
                                if p.eat(Tok::Colon)?.is_some() {
                                    return Err(p.raise_token_range(
                                        &a,
                                        &b,
                                        "cannot have both 'except' and 'except*' on the same 'try'",
                                    ));
                                }
                            }
                        }
                    }
                }
            }
            p.mark = start;
            // 'try' ':' block* except_star_block+ a='except' [expression ['as' NAME]] ':'
            if p.eat(Tok::Try)?.is_some() && p.eat(Tok::Colon)?.is_some() {
                p.loop0(Parser::block)?;
                if p.loop1(|p| p.except_block(true))?.is_some() {
                    if let Some(a) = p.eat(Tok::Except)? {
                        p.helper(|p| {
                            if p.expression()?.is_none() {
                                return Ok(None);
                            }
                            p.as_name_opt()?;
                            Ok(Some(()))
                        })?;
                        if p.eat(Tok::Colon)?.is_some() {
                            return Err(p.raise_at_token(
                                &a,
                                "cannot have both 'except' and 'except*' on the same 'try'",
                            ));
                        }
                    }
                }
            }
            Ok(None)
        })
    }

    /// `invalid_except_stmt`.
    pub fn invalid_except_stmt(&mut self) -> PResult<()> {
        self.rule(|p| {
            let start = p.mark;
            // 'except' '*'? a=expression ',' expressions ['as' NAME ] ':'
            if p.eat(Tok::Except)?.is_some() {
                p.eat(Tok::Star)?;
                if let Some(a) = p.expression()? {
                    if p.eat(Tok::Comma)?.is_some() && p.expressions()?.is_some() {
                        p.as_name_opt()?;
                        if p.eat(Tok::Colon)?.is_some() {
                            return Err(p.raise_starting_from(
                                a.loc.lineno,
                                i64::from(a.loc.col_offset),
                                "multiple exception types must be parenthesized",
                            ));
                        }
                    }
                }
            }
            p.mark = start;
            // a='except' '*'? expression ['as' NAME ] NEWLINE
            if p.eat(Tok::Except)?.is_some() {
                p.eat(Tok::Star)?;
                if p.expression()?.is_some() {
                    p.as_name_opt()?;
                    if p.eat(Tok::Newline)?.is_some() {
                        return Err(p.expected_colon());
                    }
                }
            }
            p.mark = start;
            // a='except' NEWLINE
            if p.eat(Tok::Except)?.is_some() && p.eat(Tok::Newline)?.is_some() {
                return Err(p.expected_colon());
            }
            p.mark = start;
            // a='except' '*' (NEWLINE | ':')
            if p.eat(Tok::Except)?.is_some() && p.eat(Tok::Star)?.is_some() {
                let r = p.helper(|p| {
                    if matches!(p.peek()?, Tok::Newline | Tok::Colon) {
                        p.mark += 1;
                        return Ok(Some(()));
                    }
                    Ok(None)
                })?;
                if r.is_some() {
                    return Err(p.raise_here(
                        SyntaxErrorKind::SyntaxError,
                        "expected one or more exception types",
                    ));
                }
            }
            Ok(None)
        })
    }

    /// `invalid_except_stmt_indent`.
    pub fn invalid_except_stmt_indent(&mut self) -> PResult<()> {
        self.rule(|p| {
            let start = p.mark;
            if let Some(a) = p.eat(Tok::Except)? {
                if p.expression()?.is_some() {
                    p.as_name_opt()?;
                    if p.eat(Tok::Colon)?.is_some() {
                        p.no_indent(&a, "'except' statement")?;
                    }
                }
            }
            p.mark = start;
            if let Some(a) = p.eat(Tok::Except)? {
                if p.eat(Tok::Colon)?.is_some() {
                    p.no_indent(&a, "'except' statement")?;
                }
            }
            Ok(None)
        })
    }

    /// `invalid_except_star_stmt_indent`.
    pub fn invalid_except_star_stmt_indent(&mut self) -> PResult<()> {
        self.rule(|p| {
            if let Some(a) = p.eat(Tok::Except)? {
                if p.eat(Tok::Star)?.is_some() && p.expression()?.is_some() {
                    p.as_name_opt()?;
                    if p.eat(Tok::Colon)?.is_some() {
                        p.no_indent(&a, "'except*' statement")?;
                    }
                }
            }
            Ok(None)
        })
    }

    /// `invalid_match_stmt`.
    pub fn invalid_match_stmt(&mut self) -> PResult<()> {
        self.rule(|p| {
            let start = p.mark;
            if p.eat_soft("match")?.is_some()
                && p.subject_expr()?.is_some()
                && p.eat(Tok::Newline)?.is_some()
            {
                return Err(p.expected_colon());
            }
            p.mark = start;
            if let Some(a) = p.eat_soft("match")? {
                if p.subject_expr()?.is_some() && p.eat(Tok::Colon)?.is_some() {
                    p.no_indent(&a, "'match' statement")?;
                }
            }
            Ok(None)
        })
    }

    /// `invalid_case_block`.
    pub fn invalid_case_block(&mut self) -> PResult<()> {
        self.rule(|p| {
            let start = p.mark;
            if p.eat_soft("case")?.is_some() && p.patterns()?.is_some() {
                p.guard()?;
                if p.eat(Tok::Newline)?.is_some() {
                    return Err(p.expected_colon());
                }
            }
            p.mark = start;
            if let Some(a) = p.eat_soft("case")? {
                if p.patterns()?.is_some() {
                    p.guard()?;
                    if p.eat(Tok::Colon)?.is_some() {
                        p.no_indent(&a, "'case' statement")?;
                    }
                }
            }
            Ok(None)
        })
    }

    /// `invalid_as_pattern`.
    pub fn invalid_as_pattern(&mut self) -> PResult<()> {
        self.rule(|p| {
            let start = p.mark;
            if p.or_pattern()?.is_some() && p.eat(Tok::As)?.is_some() {
                if let Some(a) = p.eat_soft("_")? {
                    return Err(p.raise_at_token(&a, "cannot use '_' as a target"));
                }
            }
            p.mark = start;
            if p.or_pattern()?.is_some() && p.eat(Tok::As)?.is_some() && !p.at(Tok::Name)? {
                if let Some(a) = p.expression()? {
                    return Err(p.raise_at(a.loc, "invalid pattern target"));
                }
            }
            Ok(None)
        })
    }

    /// `invalid_class_pattern: name_or_attr '(' a=invalid_class_argument_pattern`.
    pub fn invalid_class_pattern(&mut self) -> PResult<()> {
        self.rule(|p| {
            if p.name_or_attr()?.is_none() || p.eat(Tok::Lpar)?.is_none() {
                return Ok(None);
            }
            // invalid_class_argument_pattern: [positional_patterns ','] keyword_patterns
            // ',' a=positional_patterns
            let a = p.rule(|p| {
                p.helper(|p| {
                    if p.positional_patterns()?.is_none() {
                        return Ok(None);
                    }
                    Ok(p.eat(Tok::Comma)?.map(|_| ()))
                })?;
                if p.keyword_patterns()?.is_none() || p.eat(Tok::Comma)?.is_none() {
                    return Ok(None);
                }
                p.positional_patterns()
            })?;
            let Some(a) = a else {
                return Ok(None);
            };
            let (Some(first), Some(last)) = (a.first(), a.last()) else {
                return Ok(None);
            };
            Err(p.raise_range(
                first.loc,
                last.loc,
                "positional patterns follow keyword patterns",
            ))
        })
    }
}
