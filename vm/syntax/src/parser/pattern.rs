//! `match` statements and patterns (PEP 634): `match_stmt`, `case_block` and every
//! pattern rule of python.gram.

use super::{Fail, PResult, Parser, Rule, token_loc};
use crate::ast::*;
use crate::lexer::Tok;

fn pattern(node: PatternKind, loc: Location) -> Pattern {
    Pattern::new(node, loc)
}

impl Parser<'_> {
    /// `match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT |
    /// invalid_match_stmt`.
    pub fn match_stmt(&mut self) -> PResult<Stmt> {
        self.rule(|p| {
            let start = p.mark;
            if p.eat_soft("match")?.is_some() {
                if let Some(subject) = p.subject_expr()? {
                    if p.eat(Tok::Colon)?.is_some()
                        && p.eat(Tok::Newline)?.is_some()
                        && p.eat(Tok::Indent)?.is_some()
                    {
                        if let Some(cases) = p.loop1(Parser::case_block)? {
                            if p.eat(Tok::Dedent)?.is_some() {
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
                }
            }
            p.mark = start;
            if p.call_invalid_rules {
                p.invalid_match_stmt()?;
            }
            Ok(None)
        })
    }

    /// `subject_expr: star_named_expression ',' [star_named_expressions] |
    /// named_expression`.
    pub fn subject_expr(&mut self) -> PResult<Expr> {
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

    /// `case_block: invalid_case_block | "case" patterns [guard] ':' block`.
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
            let guard = p.guard()?;
            if p.eat(Tok::Colon)?.is_none() {
                return Ok(None);
            }
            let Some(body) = p.block()? else {
                return Ok(None);
            };
            Ok(Some(MatchCase {
                pattern: Box::new(pattern),
                guard: guard.map(Box::new),
                body,
            }))
        })
    }

    /// `guard: 'if' named_expression`.
    pub fn guard(&mut self) -> PResult<Expr> {
        self.rule(|p| {
            if p.eat(Tok::If)?.is_none() {
                return Ok(None);
            }
            p.named_expression()
        })
    }

    /// `patterns: open_sequence_pattern | pattern`.
    pub fn patterns(&mut self) -> PResult<Pattern> {
        self.rule(|p| {
            let start = p.mark;
            if let Some(patterns) = p.open_sequence_pattern()? {
                let loc = p.loc_from(start);
                return Ok(Some(pattern(PatternKind::MatchSequence { patterns }, loc)));
            }
            p.mark = start;
            p.pattern()
        })
    }

    /// `pattern: as_pattern | or_pattern`.
    fn pattern(&mut self) -> PResult<Pattern> {
        self.rule(|p| {
            let start = p.mark;
            if let Some(x) = p.as_pattern()? {
                return Ok(Some(x));
            }
            p.mark = start;
            p.or_pattern()
        })
    }

    /// `as_pattern: or_pattern 'as' pattern_capture_target | invalid_as_pattern`.
    fn as_pattern(&mut self) -> PResult<Pattern> {
        self.rule(|p| {
            let start = p.mark;
            if let Some(pat) = p.or_pattern()? {
                if p.eat(Tok::As)?.is_some() {
                    if let Some(target) = p.pattern_capture_target()? {
                        let loc = p.loc_from(start);
                        return Ok(Some(pattern(
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
            }
            Ok(None)
        })
    }

    /// `or_pattern: '|'.closed_pattern+`.
    pub fn or_pattern(&mut self) -> PResult<Pattern> {
        self.rule(|p| {
            let start = p.mark;
            let Some(mut patterns) = p.gather(Tok::Vbar, Parser::closed_pattern)? else {
                return Ok(None);
            };
            if patterns.len() == 1 {
                return Ok(patterns.pop());
            }
            let loc = p.loc_from(start);
            Ok(Some(pattern(PatternKind::MatchOr { patterns }, loc)))
        })
    }

    /// `closed_pattern` (memo).
    fn closed_pattern(&mut self) -> PResult<Pattern> {
        self.memo_rule(Rule::ClosedPattern, |p| {
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
            let start = p.mark;
            for alt in alts {
                if let Some(x) = alt(p)? {
                    return Ok(Some(x));
                }
                p.mark = start;
            }
            Ok(None)
        })
    }

    /// `!('+' | '-')`: a lookahead on a `_tmp` helper.
    fn not_sign(&mut self) -> Result<bool, Fail> {
        let m = self.mark;
        let r = self.helper(|p| Ok(matches!(p.peek()?, Tok::Plus | Tok::Minus).then_some(())))?;
        self.mark = m;
        Ok(r.is_none())
    }

    /// The alternatives `literal_pattern` and `literal_expr` share: `signed_number
    /// !('+' | '-') | complex_number | strings | 'None' | 'True' | 'False'`.
    fn literal(&mut self) -> PResult<Expr> {
        let start = self.mark;
        if let Some(n) = self.signed_number()? {
            if self.not_sign()? {
                return Ok(Some(n));
            }
        }
        self.mark = start;
        if let Some(c) = self.complex_number()? {
            return Ok(Some(c));
        }
        self.mark = start;
        if let Some(s) = self.strings()? {
            return Ok(Some(s));
        }
        let t = self.tok_at(start)?;
        let value = match t.kind {
            Tok::None => Constant::None,
            Tok::True => Constant::Bool(true),
            Tok::False => Constant::Bool(false),
            _ => return Ok(None),
        };
        self.mark += 1;
        Ok(Some(Expr::new(
            ExprKind::Constant { value, kind: None },
            token_loc(&t),
        )))
    }

    /// `literal_pattern`: a value pattern, or a singleton for None/True/False.
    fn literal_pattern(&mut self) -> PResult<Pattern> {
        self.rule(|p| {
            let start = p.mark;
            let Some(e) = p.literal()? else {
                return Ok(None);
            };
            let loc = p.loc_from(start);
            if let ExprKind::Constant { value, .. } = &e.node {
                if matches!(value, Constant::None | Constant::Bool(_)) {
                    return Ok(Some(pattern(
                        PatternKind::MatchSingleton {
                            value: value.clone(),
                        },
                        loc,
                    )));
                }
            }
            Ok(Some(pattern(
                PatternKind::MatchValue { value: Box::new(e) },
                loc,
            )))
        })
    }

    /// `literal_expr`.
    fn literal_expr(&mut self) -> PResult<Expr> {
        self.rule(Parser::literal)
    }

    /// A NUMBER token as a constant.
    fn number_token(&mut self) -> PResult<(Constant, Location)> {
        let Some(t) = self.eat(Tok::Number)? else {
            return Ok(None);
        };
        let value = self.number_value(&t)?;
        Ok(Some((value, token_loc(&t))))
    }

    fn negate(&mut self, start: usize, e: Expr) -> Expr {
        let loc = self.loc_from(start);
        Expr::new(
            ExprKind::UnaryOp {
                op: Unaryop::USub,
                operand: Box::new(e),
            },
            loc,
        )
    }

    /// `signed_number: NUMBER | '-' NUMBER`.
    fn signed_number(&mut self) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            if let Some((v, loc)) = p.number_token()? {
                return Ok(Some(Expr::new(
                    ExprKind::Constant {
                        value: v,
                        kind: None,
                    },
                    loc,
                )));
            }
            if p.eat(Tok::Minus)?.is_some() {
                if let Some((v, loc)) = p.number_token()? {
                    let num = Expr::new(
                        ExprKind::Constant {
                            value: v,
                            kind: None,
                        },
                        loc,
                    );
                    return Ok(Some(p.negate(start, num)));
                }
            }
            Ok(None)
        })
    }

    /// `real_number: NUMBER` (`_PyPegen_ensure_real`) or `imaginary_number`.
    fn real_or_imaginary(&mut self, real: bool) -> PResult<Expr> {
        self.rule(|p| {
            let Some((value, loc)) = p.number_token()? else {
                return Ok(None);
            };
            let complex = matches!(value, Constant::Complex { .. });
            if real && complex {
                return Err(p.raise_at(loc, "real number required in complex literal"));
            }
            if !real && !complex {
                return Err(p.raise_at(loc, "imaginary number required in complex literal"));
            }
            Ok(Some(Expr::new(
                ExprKind::Constant { value, kind: None },
                loc,
            )))
        })
    }

    /// `signed_real_number: real_number | '-' real_number`.
    fn signed_real_number(&mut self) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            if let Some(e) = p.real_or_imaginary(true)? {
                return Ok(Some(e));
            }
            p.mark = start;
            if p.eat(Tok::Minus)?.is_some() {
                if let Some(e) = p.real_or_imaginary(true)? {
                    return Ok(Some(p.negate(start, e)));
                }
            }
            Ok(None)
        })
    }

    /// `complex_number: signed_real_number ('+' | '-') imaginary_number`.
    fn complex_number(&mut self) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            for (tok, op) in [(Tok::Plus, Operator::Add), (Tok::Minus, Operator::Sub)] {
                p.mark = start;
                let Some(real) = p.signed_real_number()? else {
                    continue;
                };
                if p.eat(tok)?.is_none() {
                    continue;
                }
                let Some(imag) = p.real_or_imaginary(false)? else {
                    continue;
                };
                let loc = p.loc_from(start);
                return Ok(Some(super::expression::bin(real, op, imag, loc)));
            }
            Ok(None)
        })
    }

    /// `pattern_capture_target: !"_" NAME !('.' | '(' | '=')`.
    pub fn pattern_capture_target(&mut self) -> Result<Option<Identifier>, Fail> {
        self.rule(|p| {
            if p.at_soft("_")? {
                return Ok(None);
            }
            let Some((id, _)) = p.name_token()? else {
                return Ok(None);
            };
            let m = p.mark;
            let follows = p.helper(|p| {
                Ok(matches!(p.peek()?, Tok::Dot | Tok::Lpar | Tok::Equal).then_some(()))
            })?;
            p.mark = m;
            Ok(follows.is_none().then_some(id))
        })
    }

    /// `capture_pattern: pattern_capture_target`.
    fn capture_pattern(&mut self) -> PResult<Pattern> {
        self.rule(|p| {
            let start = p.mark;
            let Some(name) = p.pattern_capture_target()? else {
                return Ok(None);
            };
            let loc = p.loc_from(start);
            Ok(Some(pattern(
                PatternKind::MatchAs {
                    pattern: None,
                    name: Some(name),
                },
                loc,
            )))
        })
    }

    /// `wildcard_pattern: "_"`.
    fn wildcard_pattern(&mut self) -> PResult<Pattern> {
        self.rule(|p| {
            let Some(t) = p.eat_soft("_")? else {
                return Ok(None);
            };
            Ok(Some(pattern(
                PatternKind::MatchAs {
                    pattern: None,
                    name: None,
                },
                token_loc(&t),
            )))
        })
    }

    /// `value_pattern: attr !('.' | '(' | '=')`.
    fn value_pattern(&mut self) -> PResult<Pattern> {
        self.rule(|p| {
            let start = p.mark;
            let Some(a) = p.attr()? else {
                return Ok(None);
            };
            let m = p.mark;
            let follows = p.helper(|p| {
                Ok(matches!(p.peek()?, Tok::Dot | Tok::Lpar | Tok::Equal).then_some(()))
            })?;
            p.mark = m;
            if follows.is_some() {
                return Ok(None);
            }
            let loc = p.loc_from(start);
            Ok(Some(pattern(
                PatternKind::MatchValue { value: Box::new(a) },
                loc,
            )))
        })
    }

    /// `attr: name_or_attr '.' NAME` (left-recursive through `name_or_attr`, memo):
    /// at least one dot.
    pub fn attr(&mut self) -> PResult<Expr> {
        self.memo_rule(Rule::Attr, |p| {
            p.rule(|p| {
                let start = p.mark;
                // name_or_attr: attr (fails on the first round) | NAME
                let Some(mut a) = p.rule(|p| {
                    p.rule(|_| Ok(None::<()>))?;
                    p.name()
                })?
                else {
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
        })
    }

    /// `name_or_attr: attr | NAME`.
    pub fn name_or_attr(&mut self) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            if let Some(a) = p.attr()? {
                return Ok(Some(a));
            }
            p.mark = start;
            p.name()
        })
    }

    /// `group_pattern: '(' pattern ')'`.
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

    /// `sequence_pattern: '[' [maybe_sequence_pattern] ']' | '(' [open_sequence_pattern]
    /// ')'`.
    fn sequence_pattern(&mut self) -> PResult<Pattern> {
        self.rule(|p| {
            let start = p.mark;
            if p.eat(Tok::Lsqb)?.is_some() {
                let patterns = p.maybe_sequence_pattern()?;
                if p.eat(Tok::Rsqb)?.is_some() {
                    let loc = p.loc_from(start);
                    return Ok(Some(pattern(
                        PatternKind::MatchSequence {
                            patterns: patterns.unwrap_or_default(),
                        },
                        loc,
                    )));
                }
            }
            p.mark = start;
            if p.eat(Tok::Lpar)?.is_some() {
                let patterns = p.open_sequence_pattern()?;
                if p.eat(Tok::Rpar)?.is_some() {
                    let loc = p.loc_from(start);
                    return Ok(Some(pattern(
                        PatternKind::MatchSequence {
                            patterns: patterns.unwrap_or_default(),
                        },
                        loc,
                    )));
                }
            }
            Ok(None)
        })
    }

    /// `open_sequence_pattern: maybe_star_pattern ',' [maybe_sequence_pattern]`.
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

    /// `maybe_sequence_pattern: ','.maybe_star_pattern+ [',']`.
    fn maybe_sequence_pattern(&mut self) -> PResult<Vec<Pattern>> {
        self.rule(|p| {
            let Some(v) = p.gather(Tok::Comma, Parser::maybe_star_pattern)? else {
                return Ok(None);
            };
            p.eat(Tok::Comma)?;
            Ok(Some(v))
        })
    }

    /// `maybe_star_pattern: star_pattern | pattern`.
    fn maybe_star_pattern(&mut self) -> PResult<Pattern> {
        self.rule(|p| {
            let start = p.mark;
            if let Some(s) = p.star_pattern()? {
                return Ok(Some(s));
            }
            p.mark = start;
            p.pattern()
        })
    }

    /// `star_pattern` (memo): `'*' pattern_capture_target | '*' wildcard_pattern`.
    fn star_pattern(&mut self) -> PResult<Pattern> {
        self.memo_rule(Rule::StarPattern, |p| {
            let start = p.mark;
            if p.eat(Tok::Star)?.is_some() {
                if let Some(name) = p.pattern_capture_target()? {
                    let loc = p.loc_from(start);
                    return Ok(Some(pattern(
                        PatternKind::MatchStar { name: Some(name) },
                        loc,
                    )));
                }
            }
            p.mark = start;
            if p.eat(Tok::Star)?.is_some() && p.wildcard_pattern()?.is_some() {
                let loc = p.loc_from(start);
                return Ok(Some(pattern(PatternKind::MatchStar { name: None }, loc)));
            }
            Ok(None)
        })
    }

    /// `mapping_pattern`.
    fn mapping_pattern(&mut self) -> PResult<Pattern> {
        self.rule(|p| {
            let start = p.mark;
            let done = |p: &mut Self, keys, patterns, rest| {
                let loc = p.loc_from(start);
                Ok(Some(pattern(
                    PatternKind::MatchMapping {
                        keys,
                        patterns,
                        rest,
                    },
                    loc,
                )))
            };
            // '{' '}'
            if p.eat(Tok::Lbrace)?.is_some() && p.eat(Tok::Rbrace)?.is_some() {
                return done(p, vec![], vec![], None);
            }
            p.mark = start;
            // '{' double_star_pattern [','] '}'
            if p.eat(Tok::Lbrace)?.is_some() {
                if let Some(rest) = p.double_star_pattern()? {
                    p.eat(Tok::Comma)?;
                    if p.eat(Tok::Rbrace)?.is_some() {
                        return done(p, vec![], vec![], Some(rest));
                    }
                }
            }
            p.mark = start;
            // '{' items_pattern ',' double_star_pattern [','] '}'
            if p.eat(Tok::Lbrace)?.is_some() {
                if let Some(items) = p.items_pattern()? {
                    if p.eat(Tok::Comma)?.is_some() {
                        if let Some(rest) = p.double_star_pattern()? {
                            p.eat(Tok::Comma)?;
                            if p.eat(Tok::Rbrace)?.is_some() {
                                let (keys, patterns) = items.into_iter().unzip();
                                return done(p, keys, patterns, Some(rest));
                            }
                        }
                    }
                }
            }
            p.mark = start;
            // '{' items_pattern [','] '}'
            if p.eat(Tok::Lbrace)?.is_some() {
                if let Some(items) = p.items_pattern()? {
                    p.eat(Tok::Comma)?;
                    if p.eat(Tok::Rbrace)?.is_some() {
                        let (keys, patterns) = items.into_iter().unzip();
                        return done(p, keys, patterns, None);
                    }
                }
            }
            Ok(None)
        })
    }

    /// `items_pattern: ','.key_value_pattern+`.
    fn items_pattern(&mut self) -> PResult<Vec<(Expr, Pattern)>> {
        self.rule(|p| p.gather(Tok::Comma, Parser::key_value_pattern))
    }

    /// `key_value_pattern: (literal_expr | attr) ':' pattern`.
    fn key_value_pattern(&mut self) -> PResult<(Expr, Pattern)> {
        self.rule(|p| {
            let key = p.helper(|p| {
                let m = p.mark;
                if let Some(k) = p.literal_expr()? {
                    return Ok(Some(k));
                }
                p.mark = m;
                p.attr()
            })?;
            let Some(key) = key else {
                return Ok(None);
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

    /// `double_star_pattern: '**' pattern_capture_target`.
    fn double_star_pattern(&mut self) -> Result<Option<Identifier>, Fail> {
        self.rule(|p| {
            if p.eat(Tok::DoubleStar)?.is_none() {
                return Ok(None);
            }
            p.pattern_capture_target()
        })
    }

    /// `positional_patterns: ','.pattern+`.
    pub fn positional_patterns(&mut self) -> PResult<Vec<Pattern>> {
        self.rule(|p| p.gather(Tok::Comma, Parser::pattern))
    }

    /// `keyword_patterns: ','.keyword_pattern+`.
    pub fn keyword_patterns(&mut self) -> PResult<Vec<(Identifier, Pattern)>> {
        self.rule(|p| p.gather(Tok::Comma, Parser::keyword_pattern))
    }

    /// `keyword_pattern: NAME '=' pattern`.
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

    /// `class_pattern`.
    fn class_pattern(&mut self) -> PResult<Pattern> {
        self.rule(|p| {
            let start = p.mark;
            let done = |p: &mut Self, cls, patterns, kw: Vec<(Identifier, Pattern)>| {
                let loc = p.loc_from(start);
                let (kwd_attrs, kwd_patterns) = kw.into_iter().unzip();
                Ok(Some(pattern(
                    PatternKind::MatchClass {
                        cls: Box::new(cls),
                        patterns,
                        kwd_attrs,
                        kwd_patterns,
                    },
                    loc,
                )))
            };
            // name_or_attr '(' ')'
            if let Some(cls) = p.name_or_attr()? {
                if p.eat(Tok::Lpar)?.is_some() && p.eat(Tok::Rpar)?.is_some() {
                    return done(p, cls, vec![], vec![]);
                }
            }
            p.mark = start;
            // name_or_attr '(' positional_patterns [','] ')'
            if let Some(cls) = p.name_or_attr()? {
                if p.eat(Tok::Lpar)?.is_some() {
                    if let Some(pats) = p.positional_patterns()? {
                        p.eat(Tok::Comma)?;
                        if p.eat(Tok::Rpar)?.is_some() {
                            return done(p, cls, pats, vec![]);
                        }
                    }
                }
            }
            p.mark = start;
            // name_or_attr '(' keyword_patterns [','] ')'
            if let Some(cls) = p.name_or_attr()? {
                if p.eat(Tok::Lpar)?.is_some() {
                    if let Some(kw) = p.keyword_patterns()? {
                        p.eat(Tok::Comma)?;
                        if p.eat(Tok::Rpar)?.is_some() {
                            return done(p, cls, vec![], kw);
                        }
                    }
                }
            }
            p.mark = start;
            // name_or_attr '(' positional_patterns ',' keyword_patterns [','] ')'
            if let Some(cls) = p.name_or_attr()? {
                if p.eat(Tok::Lpar)?.is_some() {
                    if let Some(pats) = p.positional_patterns()? {
                        if p.eat(Tok::Comma)?.is_some() {
                            if let Some(kw) = p.keyword_patterns()? {
                                p.eat(Tok::Comma)?;
                                if p.eat(Tok::Rpar)?.is_some() {
                                    return done(p, cls, pats, kw);
                                }
                            }
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
