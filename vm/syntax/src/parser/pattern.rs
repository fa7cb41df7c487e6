//! `match` statements and patterns (PEP 634): `match_stmt`, `case_block` and every
//! pattern rule of python.gram.

use super::target::set_context;
use super::{Memo, PResult, Parser, Rule, token_loc};
use crate::ast::*;
use crate::lexer::Tok;

impl Parser<'_> {
    /// `match_stmt`.
    pub fn match_stmt(&mut self) -> PResult<Stmt> {
        if !self.at_soft("match")? {
            return Ok(None);
        }
        self.rule(|p| {
            let start = p.mark;
            p.mark += 1;
            if let Some(subject) = p.subject_expr()? {
                if p.eat(Tok::Colon)?.is_some()
                    && p.eat(Tok::Newline)?.is_some()
                    && p.eat(Tok::Indent)?.is_some()
                {
                    let mut cases = Vec::new();
                    while let Some(c) = p.case_block()? {
                        cases.push(c);
                    }
                    if !cases.is_empty() && p.eat(Tok::Dedent)?.is_some() {
                        let loc = p.loc_from(start);
                        return Ok(Some(Stmt::new(
                            StmtKind::Match {
                                subject: Box::new(subject),
                                cases,
                            },
                            loc,
                        )));
                    }
                }
            }
            p.mark = start;
            if p.call_invalid_rules {
                p.invalid_match_stmt()?;
            }
            Ok(None)
        })
    }

    fn subject_expr(&mut self) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            if let Some(value) = p.star_named_expression()? {
                if p.eat(Tok::Comma)?.is_some() {
                    let mut elts = vec![value];
                    if let Some(v) = p.star_named_expressions()? {
                        elts.extend(v);
                    }
                    let loc = p.loc_from(start);
                    return Ok(Some(Expr::new(
                        ExprKind::Tuple {
                            elts,
                            ctx: ExprContext::Load,
                        },
                        loc,
                    )));
                }
            }
            p.mark = start;
            p.named_expression()
        })
    }

    fn case_block(&mut self) -> PResult<MatchCase> {
        self.rule(|p| {
            let start = p.mark;
            if p.call_invalid_rules {
                p.invalid_case_block()?;
                p.mark = start;
            }
            if p.eat_soft("case")?.is_none() {
                return Ok(None);
            }
            let Some(pattern) = p.patterns()? else {
                return Ok(None);
            };
            let m = p.mark;
            let mut guard = None;
            if p.eat(Tok::If)?.is_some() {
                match p.named_expression()? {
                    Some(g) => guard = Some(Box::new(g)),
                    None => p.mark = m,
                }
            }
            if p.eat(Tok::Colon)?.is_none() {
                return Ok(None);
            }
            let Some(body) = p.block()? else {
                return Ok(None);
            };
            Ok(Some(MatchCase {
                pattern: Box::new(pattern),
                guard,
                body,
            }))
        })
    }

    fn patterns(&mut self) -> PResult<Pattern> {
        self.rule(|p| {
            let start = p.mark;
            if let Some(patterns) = p.open_sequence_pattern()? {
                let loc = p.loc_from(start);
                return Ok(Some(Pattern::new(
                    PatternKind::MatchSequence { patterns },
                    loc,
                )));
            }
            p.mark = start;
            p.pattern()
        })
    }

    /// `pattern`: `as_pattern | or_pattern`.
    fn pattern(&mut self) -> PResult<Pattern> {
        self.rule(|p| {
            let start = p.mark;
            if let Some(pat) = p.or_pattern()? {
                if p.eat(Tok::As)?.is_some() {
                    if let Some(target) = p.pattern_capture_target()? {
                        let loc = p.loc_from(start);
                        return Ok(Some(Pattern::new(
                            PatternKind::MatchAs {
                                pattern: Some(Box::new(pat)),
                                name: Some(target),
                            },
                            loc,
                        )));
                    }
                }
            }
            p.mark = start;
            if p.call_invalid_rules {
                p.invalid_as_pattern()?;
                p.mark = start;
            }
            p.or_pattern()
        })
    }

    fn or_pattern(&mut self) -> PResult<Pattern> {
        self.rule(|p| {
            let start = p.mark;
            let Some(first) = p.closed_pattern()? else {
                return Ok(None);
            };
            let mut patterns = vec![first];
            loop {
                let m = p.mark;
                if p.eat(Tok::Vbar)?.is_none() {
                    break;
                }
                match p.closed_pattern()? {
                    Some(x) => patterns.push(x),
                    None => {
                        p.mark = m;
                        break;
                    }
                }
            }
            if patterns.len() == 1 {
                return Ok(patterns.pop());
            }
            let loc = p.loc_from(start);
            Ok(Some(Pattern::new(PatternKind::MatchOr { patterns }, loc)))
        })
    }

    /// `closed_pattern` (memo).
    fn closed_pattern(&mut self) -> PResult<Pattern> {
        let start = self.mark;
        if let Some(Memo::Pattern(e)) = self.memo_get(Rule::ClosedPattern) {
            return Ok(e);
        }
        let r = self.rule(|p| {
            type Alt<'b> = fn(&mut Parser<'b>) -> PResult<Pattern>;
            let alts: [Alt<'_>; 8] = [
                Parser::literal_pattern,
                Parser::capture_pattern,
                Parser::wildcard_pattern,
                Parser::value_pattern,
                Parser::group_pattern,
                Parser::sequence_pattern,
                Parser::mapping_pattern,
                Parser::class_pattern,
            ];
            for alt in alts {
                if let Some(x) = alt(p)? {
                    return Ok(Some(x));
                }
                p.mark = start;
            }
            Ok(None)
        })?;
        self.memo_put(start, Rule::ClosedPattern, &r);
        Ok(r)
    }

    fn literal_pattern(&mut self) -> PResult<Pattern> {
        self.rule(|p| {
            let start = p.mark;
            let t = p.tok_at(start)?;
            let singleton = match t.kind {
                Tok::None => Some(Constant::None),
                Tok::True => Some(Constant::Bool(true)),
                Tok::False => Some(Constant::Bool(false)),
                _ => None,
            };
            if let Some(value) = singleton {
                p.mark += 1;
                return Ok(Some(Pattern::new(
                    PatternKind::MatchSingleton { value },
                    token_loc(&t),
                )));
            }
            let Some(value) = p.literal_number_or_string()? else {
                return Ok(None);
            };
            let loc = p.loc_from(start);
            Ok(Some(Pattern::new(
                PatternKind::MatchValue {
                    value: Box::new(value),
                },
                loc,
            )))
        })
    }

    /// `signed_number !('+' | '-') | complex_number | strings`.
    fn literal_number_or_string(&mut self) -> PResult<Expr> {
        let start = self.mark;
        if let Some(n) = self.signed_number(false)? {
            if !matches!(self.peek()?, Tok::Plus | Tok::Minus) {
                return Ok(Some(n));
            }
        }
        self.mark = start;
        if let Some(c) = self.complex_number()? {
            return Ok(Some(c));
        }
        self.mark = start;
        if self.at(Tok::String)? {
            return self.strings();
        }
        Ok(None)
    }

    /// `literal_expr`.
    fn literal_expr(&mut self) -> PResult<Expr> {
        let t = self.tok_at(self.mark)?;
        let value = match t.kind {
            Tok::None => Constant::None,
            Tok::True => Constant::Bool(true),
            Tok::False => Constant::Bool(false),
            _ => return self.literal_number_or_string(),
        };
        self.mark += 1;
        Ok(Some(Expr::new(
            ExprKind::Constant { value, kind: None },
            token_loc(&t),
        )))
    }

    /// `signed_number` / `signed_real_number` (`real`: the number must not be imaginary).
    fn signed_number(&mut self, real: bool) -> PResult<Expr> {
        let start = self.mark;
        let neg = self.eat(Tok::Minus)?.is_some();
        let Some(t) = self.eat(Tok::Number)? else {
            self.mark = start;
            return Ok(None);
        };
        let value = self.number_value(&t)?;
        if real && matches!(value, Constant::Complex { .. }) {
            let loc = token_loc(&t);
            return Err(self.raise_at(loc, "real number required in complex literal"));
        }
        let num = Expr::new(ExprKind::Constant { value, kind: None }, token_loc(&t));
        if !neg {
            return Ok(Some(num));
        }
        let loc = self.loc_from(start);
        Ok(Some(Expr::new(
            ExprKind::UnaryOp {
                op: Unaryop::USub,
                operand: Box::new(num),
            },
            loc,
        )))
    }

    fn complex_number(&mut self) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            let Some(real) = p.signed_number(true)? else {
                return Ok(None);
            };
            let op = match p.peek()? {
                Tok::Plus => Operator::Add,
                Tok::Minus => Operator::Sub,
                _ => return Ok(None),
            };
            p.mark += 1;
            let Some(t) = p.eat(Tok::Number)? else {
                return Ok(None);
            };
            let value = p.number_value(&t)?;
            if !matches!(value, Constant::Complex { .. }) {
                let loc = token_loc(&t);
                return Err(p.raise_at(loc, "imaginary number required in complex literal"));
            }
            let imag = Expr::new(ExprKind::Constant { value, kind: None }, token_loc(&t));
            let loc = p.loc_from(start);
            Ok(Some(super::expression::bin(real, op, imag, loc)))
        })
    }

    /// `pattern_capture_target`: `!"_" NAME !('.' | '(' | '=')`.
    fn pattern_capture_target(&mut self) -> Result<Option<Identifier>, super::Fail> {
        let start = self.mark;
        if self.at_soft("_")? {
            return Ok(None);
        }
        let Some((id, _)) = self.name_token()? else {
            return Ok(None);
        };
        if matches!(self.peek()?, Tok::Dot | Tok::Lpar | Tok::Equal) {
            self.mark = start;
            return Ok(None);
        }
        Ok(Some(id))
    }

    fn capture_pattern(&mut self) -> PResult<Pattern> {
        let start = self.mark;
        let Some(name) = self.pattern_capture_target()? else {
            return Ok(None);
        };
        let loc = self.loc_from(start);
        Ok(Some(Pattern::new(
            PatternKind::MatchAs {
                pattern: None,
                name: Some(name),
            },
            loc,
        )))
    }

    fn wildcard_pattern(&mut self) -> PResult<Pattern> {
        let Some(t) = self.eat_soft("_")? else {
            return Ok(None);
        };
        Ok(Some(Pattern::new(
            PatternKind::MatchAs {
                pattern: None,
                name: None,
            },
            token_loc(&t),
        )))
    }

    /// `attr`: `name_or_attr '.' NAME` (left-recursive).
    fn attr(&mut self) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            let Some(mut a) = p.name()? else {
                return Ok(None);
            };
            let mut dotted = false;
            loop {
                let m = p.mark;
                if p.eat(Tok::Dot)?.is_none() {
                    break;
                }
                match p.name_token()? {
                    Some((attr, _)) => {
                        let loc = p.loc_from(start);
                        a = Expr::new(
                            ExprKind::Attribute {
                                value: Box::new(a),
                                attr,
                                ctx: ExprContext::Load,
                            },
                            loc,
                        );
                        dotted = true;
                    }
                    None => {
                        p.mark = m;
                        break;
                    }
                }
            }
            Ok(dotted.then_some(a))
        })
    }

    fn name_or_attr(&mut self) -> PResult<Expr> {
        if let Some(a) = self.attr()? {
            return Ok(Some(a));
        }
        self.name()
    }

    fn value_pattern(&mut self) -> PResult<Pattern> {
        let start = self.mark;
        let Some(a) = self.attr()? else {
            return Ok(None);
        };
        if matches!(self.peek()?, Tok::Dot | Tok::Lpar | Tok::Equal) {
            self.mark = start;
            return Ok(None);
        }
        let loc = self.loc_from(start);
        Ok(Some(Pattern::new(
            PatternKind::MatchValue { value: Box::new(a) },
            loc,
        )))
    }

    fn group_pattern(&mut self) -> PResult<Pattern> {
        self.rule(|p| {
            if p.eat(Tok::Lpar)?.is_none() {
                return Ok(None);
            }
            let Some(pat) = p.pattern()? else {
                return Ok(None);
            };
            if p.eat(Tok::Rpar)?.is_none() {
                return Ok(None);
            }
            Ok(Some(pat))
        })
    }

    fn sequence_pattern(&mut self) -> PResult<Pattern> {
        self.rule(|p| {
            let start = p.mark;
            let (open, close) = match p.peek()? {
                Tok::Lsqb => (Tok::Lsqb, Tok::Rsqb),
                Tok::Lpar => (Tok::Lpar, Tok::Rpar),
                _ => return Ok(None),
            };
            p.mark += 1;
            let patterns = if open == Tok::Lsqb {
                p.maybe_sequence_pattern()?
            } else {
                p.open_sequence_pattern()?
            };
            if p.eat(close)?.is_none() {
                return Ok(None);
            }
            let loc = p.loc_from(start);
            Ok(Some(Pattern::new(
                PatternKind::MatchSequence {
                    patterns: patterns.unwrap_or_default(),
                },
                loc,
            )))
        })
    }

    fn open_sequence_pattern(&mut self) -> PResult<Vec<Pattern>> {
        self.rule(|p| {
            let Some(first) = p.maybe_star_pattern()? else {
                return Ok(None);
            };
            if p.eat(Tok::Comma)?.is_none() {
                return Ok(None);
            }
            let mut v = vec![first];
            if let Some(rest) = p.maybe_sequence_pattern()? {
                v.extend(rest);
            }
            Ok(Some(v))
        })
    }

    fn maybe_sequence_pattern(&mut self) -> PResult<Vec<Pattern>> {
        self.rule(|p| {
            let Some(v) = p.gather(Parser::maybe_star_pattern)? else {
                return Ok(None);
            };
            p.eat(Tok::Comma)?;
            Ok(Some(v))
        })
    }

    fn maybe_star_pattern(&mut self) -> PResult<Pattern> {
        if let Some(s) = self.star_pattern()? {
            return Ok(Some(s));
        }
        self.pattern()
    }

    /// `star_pattern` (memo).
    fn star_pattern(&mut self) -> PResult<Pattern> {
        let start = self.mark;
        if let Some(Memo::Pattern(e)) = self.memo_get(Rule::StarPattern) {
            return Ok(e);
        }
        let r = self.rule(|p| {
            if p.eat(Tok::Star)?.is_none() {
                return Ok(None);
            }
            if let Some(name) = p.pattern_capture_target()? {
                let loc = p.loc_from(start);
                return Ok(Some(Pattern::new(
                    PatternKind::MatchStar { name: Some(name) },
                    loc,
                )));
            }
            if p.wildcard_pattern()?.is_some() {
                let loc = p.loc_from(start);
                return Ok(Some(Pattern::new(
                    PatternKind::MatchStar { name: None },
                    loc,
                )));
            }
            Ok(None)
        })?;
        self.memo_put(start, Rule::StarPattern, &r);
        Ok(r)
    }

    fn double_star_pattern(&mut self) -> Result<Option<Identifier>, super::Fail> {
        let start = self.mark;
        if self.eat(Tok::DoubleStar)?.is_some() {
            if let Some(t) = self.pattern_capture_target()? {
                return Ok(Some(t));
            }
        }
        self.mark = start;
        Ok(None)
    }

    fn key_value_pattern(&mut self) -> PResult<(Expr, Pattern)> {
        self.rule(|p| {
            let key = match p.literal_expr()? {
                Some(k) => k,
                None => match p.attr()? {
                    Some(a) => a,
                    None => return Ok(None),
                },
            };
            if p.eat(Tok::Colon)?.is_none() {
                return Ok(None);
            }
            let Some(pat) = p.pattern()? else {
                return Ok(None);
            };
            Ok(Some((key, pat)))
        })
    }

    fn mapping_pattern(&mut self) -> PResult<Pattern> {
        self.rule(|p| {
            let start = p.mark;
            if p.eat(Tok::Lbrace)?.is_none() {
                return Ok(None);
            }
            let done = |p: &mut Self, keys, patterns, rest| {
                let loc = p.loc_from(start);
                Ok(Some(Pattern::new(
                    PatternKind::MatchMapping {
                        keys,
                        patterns,
                        rest,
                    },
                    loc,
                )))
            };
            if p.eat(Tok::Rbrace)?.is_some() {
                return done(p, vec![], vec![], None);
            }
            if let Some(rest) = p.double_star_pattern()? {
                p.eat(Tok::Comma)?;
                if p.eat(Tok::Rbrace)?.is_some() {
                    return done(p, vec![], vec![], Some(rest));
                }
            }
            p.mark = start + 1;
            if let Some(items) = p.gather(Parser::key_value_pattern)? {
                let after = p.mark;
                let (keys, patterns): (Vec<_>, Vec<_>) = items.into_iter().unzip();
                if p.eat(Tok::Comma)?.is_some() {
                    if let Some(rest) = p.double_star_pattern()? {
                        p.eat(Tok::Comma)?;
                        if p.eat(Tok::Rbrace)?.is_some() {
                            return done(p, keys, patterns, Some(rest));
                        }
                    }
                }
                p.mark = after;
                p.eat(Tok::Comma)?;
                if p.eat(Tok::Rbrace)?.is_some() {
                    return done(p, keys, patterns, None);
                }
            }
            Ok(None)
        })
    }

    fn keyword_pattern(&mut self) -> PResult<(Identifier, Pattern)> {
        self.rule(|p| {
            let Some((id, _)) = p.name_token()? else {
                return Ok(None);
            };
            if p.eat(Tok::Equal)?.is_none() {
                return Ok(None);
            }
            let Some(pat) = p.pattern()? else {
                return Ok(None);
            };
            Ok(Some((id, pat)))
        })
    }

    fn class_pattern(&mut self) -> PResult<Pattern> {
        self.rule(|p| {
            let start = p.mark;
            let Some(cls) = p.name_or_attr()? else {
                return Ok(None);
            };
            if p.eat(Tok::Lpar)?.is_none() {
                return Ok(None);
            }
            let after_paren = p.mark;
            let cls = Box::new(cls);
            let done = |p: &mut Self, cls, patterns, kw: Vec<(Identifier, Pattern)>| {
                let loc = p.loc_from(start);
                let (kwd_attrs, kwd_patterns) = kw.into_iter().unzip();
                Ok(Some(Pattern::new(
                    PatternKind::MatchClass {
                        cls,
                        patterns,
                        kwd_attrs,
                        kwd_patterns,
                    },
                    loc,
                )))
            };
            if p.eat(Tok::Rpar)?.is_some() {
                return done(p, cls, vec![], vec![]);
            }
            // positional_patterns: ','.pattern+ (a keyword pattern is not a pattern).
            let positional = p.gather(|p| {
                let m = p.mark;
                if p.lookahead(|p| p.keyword_pattern())? {
                    p.mark = m;
                }
                p.pattern()
            })?;
            if let Some(pats) = positional.clone() {
                let m = p.mark;
                p.eat(Tok::Comma)?;
                if p.eat(Tok::Rpar)?.is_some() {
                    return done(p, cls, pats, vec![]);
                }
                p.mark = m;
            }
            p.mark = after_paren;
            if let Some(kw) = p.gather(Parser::keyword_pattern)? {
                p.eat(Tok::Comma)?;
                if p.eat(Tok::Rpar)?.is_some() {
                    return done(p, cls, vec![], kw);
                }
            }
            p.mark = after_paren;
            if let Some(pats) = p.gather(Parser::pattern)? {
                if p.eat(Tok::Comma)?.is_some() {
                    if let Some(kw) = p.gather(Parser::keyword_pattern)? {
                        p.eat(Tok::Comma)?;
                        if p.eat(Tok::Rpar)?.is_some() {
                            return done(p, cls, pats, kw);
                        }
                    }
                }
            }
            p.mark = start;
            if p.call_invalid_rules {
                p.invalid_class_pattern()?;
            }
            Ok(None)
        })
    }
}

#[allow(dead_code)]
fn _store(e: Expr) -> Expr {
    set_context(e, ExprContext::Store)
}
