//! Expression rules of python.gram from `expressions` down to `await_primary`: tuples of
//! expressions, conditional expressions, `yield`, starred and named expressions, boolean
//! operators, comparisons, binary and unary operators. Left-recursive rules grow as
//! loops (what pegen's seed growing computes for them) and take two levels.

use super::{Fail, Keep, PResult, Parser, Rule};
use crate::ast::*;
use crate::lexer::Tok;

/// The levels the rules from `expression` down to `primary` take: `expression`,
/// `disjunction`, `conjunction`, `inversion`, `comparison`, two for each of the six
/// left-recursive binary-operator rules, `factor`, `power`, `await_primary`.
const EXPRESSION_TO_PRIMARY: usize = 20;

/// Can a token after a `primary` continue none of the rules from `expression` down to
/// `primary` (no trailer, operator, comparison, `and`/`or`/`not`, `if`)?
fn ends_expression(t: Tok) -> bool {
    matches!(
        t,
        Tok::Comma
            | Tok::Rpar
            | Tok::Rsqb
            | Tok::Rbrace
            | Tok::Colon
            | Tok::Equal
            | Tok::Newline
            | Tok::Semi
            | Tok::ColonEqual
            | Tok::For
            | Tok::Async
            | Tok::Else
            | Tok::As
            | Tok::From
            | Tok::EndMarker
            | Tok::PlusEqual
            | Tok::MinEqual
            | Tok::StarEqual
            | Tok::SlashEqual
            | Tok::PercentEqual
            | Tok::AmperEqual
            | Tok::VbarEqual
            | Tok::CircumflexEqual
            | Tok::LeftShiftEqual
            | Tok::RightShiftEqual
            | Tok::DoubleStarEqual
            | Tok::DoubleSlashEqual
            | Tok::AtEqual
    )
}

pub(crate) fn bin(a: Expr, op: Operator, b: Expr, loc: Location) -> Expr {
    Expr::new(
        ExprKind::BinOp {
            left: Box::new(a),
            op,
            right: Box::new(b),
        },
        loc,
    )
}

fn tuple(elts: Vec<Expr>, loc: Location) -> Expr {
    Expr::new(
        ExprKind::Tuple {
            elts,
            ctx: ExprContext::Load,
        },
        loc,
    )
}

impl Parser<'_> {
    /// `expressions` / `star_expressions`: `item (',' item)+ [','] | item ',' | item`.
    fn item_tuple(&mut self, item: fn(&mut Self) -> PResult<Expr>) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            let Some(a) = item(p)? else {
                return Ok(None);
            };
            // (',' item)+ : a _loop1 of _tmp pairs.
            let rest = p.helper(|p| {
                let mut v = Vec::new();
                while let Some(c) = p.helper(|p| {
                    if p.eat(Tok::Comma)?.is_none() {
                        return Ok(None);
                    }
                    item(p)
                })? {
                    v.push(c);
                }
                Ok(if v.is_empty() { None } else { Some(v) })
            })?;
            if let Some(rest) = rest {
                p.eat(Tok::Comma)?;
                let mut elts = vec![a];
                elts.extend(rest);
                let loc = p.loc_from(start);
                return Ok(Some(tuple(elts, loc)));
            }
            // The later alternatives parse `item` again (memoised or not, to the same
            // end): continue from there.
            if p.eat(Tok::Comma)?.is_some() {
                let loc = p.loc_from(start);
                return Ok(Some(tuple(vec![a], loc)));
            }
            Ok(Some(a))
        })
    }

    /// `expressions`.
    pub fn expressions(&mut self) -> PResult<Expr> {
        self.item_tuple(Parser::expression)
    }

    /// `star_expressions`.
    pub fn star_expressions(&mut self) -> PResult<Expr> {
        self.item_tuple(Parser::star_expression)
    }

    /// `expression` (memo).
    pub fn expression(&mut self) -> PResult<Expr> {
        if self.fast {
            if let Some(e) = self.expression_fast()? {
                return Ok(Some(e));
            }
        }
        self.memo_rule_keep(Rule::Expression, Keep::Chain(Rule::Disjunction), |p| {
            let start = p.mark;
            if p.call_invalid_rules {
                p.invalid_expression()?;
                p.mark = start;
                p.invalid_legacy_expression()?;
                p.mark = start;
            }
            if let Some(a) = p.disjunction()? {
                let after = p.mark;
                if p.eat(Tok::If)?.is_some() {
                    if let Some(b) = p.disjunction()? {
                        if p.eat(Tok::Else)?.is_some() {
                            if let Some(c) = p.expression()? {
                                let loc = p.loc_from(start);
                                return Ok(Some(Expr::new(
                                    ExprKind::IfExp {
                                        test: Box::new(b),
                                        body: Box::new(a),
                                        orelse: Box::new(c),
                                    },
                                    loc,
                                )));
                            }
                        }
                    }
                }
                // The second alternative is `disjunction` again: pegen's memo hit at the
                // same level, taken as is.
                p.mark = after;
                return Ok(Some(a));
            }
            p.mark = start;
            p.disjunction()?;
            p.lambdef()
        })
    }

    /// The fast path of `expression` for a lone primary (`x`, `self.a`, `f(y)`, `3`):
    /// when the tokens after the `primary` can continue none of the rules from
    /// `expression` down to `primary`, each of them passes the primary through unchanged,
    /// so the primary is parsed directly, at the level the chain would have reached
    /// ([`EXPRESSION_TO_PRIMARY`]), and returned. Otherwise (or when the memo already
    /// holds `expression` here) answers `None` with the mark unchanged; a primary parsed
    /// in vain is kept in the memo for the full chain to find.
    fn expression_fast(&mut self) -> PResult<Expr> {
        let start = self.mark;
        if self.level + EXPRESSION_TO_PRIMARY >= super::FAST_PEAK
            || !self.memo.is_absent(start, Rule::Expression)
        {
            return Ok(None);
        }
        let Some(first) = self.tokens.get(start) else {
            return Ok(None);
        };
        if !matches!(
            first.kind,
            Tok::Name
                | Tok::Number
                | Tok::String
                | Tok::True
                | Tok::False
                | Tok::None
                | Tok::Ellipsis
                | Tok::Lpar
                | Tok::Lsqb
                | Tok::Lbrace
        ) {
            return Ok(None);
        }
        self.level += EXPRESSION_TO_PRIMARY;
        let r = crate::stack::guard(|| self.primary());
        self.level -= EXPRESSION_TO_PRIMARY;
        let Some(e) = r? else {
            self.mark = start;
            return Ok(None);
        };
        // `power` looks at this token next in the full chain.
        if ends_expression(self.peek()?) {
            return Ok(Some(e));
        }
        self.memo.keep_now(start, Rule::Primary, self.mark, e);
        self.mark = start;
        Ok(None)
    }

    /// `yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]`.
    pub fn yield_expr(&mut self) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            if p.eat(Tok::Yield)?.is_none() {
                return Ok(None);
            }
            if p.eat(Tok::From)?.is_some() {
                if let Some(a) = p.expression()? {
                    let loc = p.loc_from(start);
                    return Ok(Some(Expr::new(
                        ExprKind::YieldFrom { value: Box::new(a) },
                        loc,
                    )));
                }
            }
            p.mark = start + 1;
            let value = p.star_expressions()?.map(Box::new);
            let loc = p.loc_from(start);
            Ok(Some(Expr::new(ExprKind::Yield { value }, loc)))
        })
    }

    /// `'*' bitwise_or`, shared by `star_expression` and `star_named_expression`.
    fn star_bitwise_or(&mut self, start: usize) -> PResult<Expr> {
        if self.eat(Tok::Star)?.is_none() {
            return Ok(None);
        }
        let Some(a) = self.bitwise_or()? else {
            self.mark = start;
            return Ok(None);
        };
        let loc = self.loc_from(start);
        Ok(Some(Expr::new(
            ExprKind::Starred {
                value: Box::new(a),
                ctx: ExprContext::Load,
            },
            loc,
        )))
    }

    /// `star_expression` (memo): `'*' bitwise_or | expression`.
    pub fn star_expression(&mut self) -> PResult<Expr> {
        self.memo_rule_keep(Rule::StarExpression, Keep::Chain(Rule::Expression), |p| {
            let start = p.mark;
            if let Some(e) = p.star_bitwise_or(start)? {
                return Ok(Some(e));
            }
            p.expression()
        })
    }

    /// `star_named_expressions: ','.star_named_expression+ [',']`.
    pub fn star_named_expressions(&mut self) -> PResult<Vec<Expr>> {
        self.rule(|p| {
            let Some(v) = p.gather(Tok::Comma, Parser::star_named_expression)? else {
                return Ok(None);
            };
            p.eat(Tok::Comma)?;
            Ok(Some(v))
        })
    }

    /// `star_named_expression: '*' bitwise_or | named_expression`.
    pub fn star_named_expression(&mut self) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            if let Some(e) = p.star_bitwise_or(start)? {
                return Ok(Some(e));
            }
            p.named_expression()
        })
    }

    /// `assignment_expression: NAME ':=' ~ expression`.
    pub fn assignment_expression(&mut self) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            let Some(target) = p.name()? else {
                return Ok(None);
            };
            if p.eat(Tok::ColonEqual)?.is_none() {
                return Ok(None);
            }
            let Some(b) = p.expression()? else {
                return Ok(None);
            };
            let loc = p.loc_from(start);
            Ok(Some(Expr::new(
                ExprKind::NamedExpr {
                    target: Box::new(super::target::set_context(target, ExprContext::Store)),
                    value: Box::new(b),
                },
                loc,
            )))
        })
    }

    /// `named_expression: assignment_expression | invalid_named_expression |
    /// expression !':='`.
    pub fn named_expression(&mut self) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            if let Some(e) = p.assignment_expression()? {
                return Ok(Some(e));
            }
            p.mark = start;
            if p.call_invalid_rules {
                p.invalid_named_expression()?;
                p.mark = start;
            }
            if let Some(e) = p.expression()? {
                if !p.at(Tok::ColonEqual)? {
                    return Ok(Some(e));
                }
            }
            Ok(None)
        })
    }

    /// `(assignment_expression | expression !':=')`: the `_tmp` group of genexp and args.
    pub fn assignment_or_expression(&mut self) -> PResult<Expr> {
        self.helper(|p| {
            let start = p.mark;
            if let Some(e) = p.assignment_expression()? {
                return Ok(Some(e));
            }
            p.mark = start;
            if let Some(e) = p.expression()? {
                if !p.at(Tok::ColonEqual)? {
                    return Ok(Some(e));
                }
            }
            Ok(None)
        })
    }

    /// `disjunction` / `conjunction` (memo): `item (kw item)+ | item`.
    fn bool_chain(
        &mut self,
        rule: Rule,
        lower: Rule,
        op_tok: Tok,
        op: Boolop,
        item: fn(&mut Self) -> PResult<Expr>,
    ) -> PResult<Expr> {
        self.memo_rule_keep(rule, Keep::Chain(lower), |p| {
            let start = p.mark;
            let Some(a) = item(p)? else {
                return Ok(None);
            };
            let after = p.mark;
            let rest = p.helper(|p| {
                let mut v = Vec::new();
                while let Some(c) = p.helper(|p| {
                    if p.eat(op_tok)?.is_none() {
                        return Ok(None);
                    }
                    item(p)
                })? {
                    v.push(c);
                }
                Ok(if v.is_empty() { None } else { Some(v) })
            })?;
            let Some(rest) = rest else {
                // The second alternative: `item` again, pegen's memo hit at the same
                // level, taken as is.
                p.mark = after;
                return Ok(Some(a));
            };
            let mut values = vec![a];
            values.extend(rest);
            let loc = p.loc_from(start);
            Ok(Some(Expr::new(ExprKind::BoolOp { op, values }, loc)))
        })
    }

    /// `disjunction` (memo).
    pub fn disjunction(&mut self) -> PResult<Expr> {
        self.bool_chain(
            Rule::Disjunction,
            Rule::Conjunction,
            Tok::Or,
            Boolop::Or,
            Parser::conjunction,
        )
    }

    /// `conjunction` (memo).
    pub fn conjunction(&mut self) -> PResult<Expr> {
        self.bool_chain(
            Rule::Conjunction,
            Rule::Inversion,
            Tok::And,
            Boolop::And,
            Parser::inversion,
        )
    }

    /// `inversion` (memo): `'not' inversion | comparison`.
    pub fn inversion(&mut self) -> PResult<Expr> {
        self.memo_rule_keep(Rule::Inversion, Keep::Chain(Rule::BitwiseOr), |p| {
            let start = p.mark;
            if p.eat(Tok::Not)?.is_some() {
                if let Some(a) = p.inversion()? {
                    let loc = p.loc_from(start);
                    return Ok(Some(Expr::new(
                        ExprKind::UnaryOp {
                            op: Unaryop::Not,
                            operand: Box::new(a),
                        },
                        loc,
                    )));
                }
                p.mark = start;
            }
            p.comparison()
        })
    }

    /// `comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or`.
    pub fn comparison(&mut self) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            let Some(a) = p.bitwise_or()? else {
                return Ok(None);
            };
            let after = p.mark;
            let pairs = p.helper(|p| {
                let mut v = Vec::new();
                while let Some(pair) = p.compare_op_bitwise_or_pair()? {
                    v.push(pair);
                }
                Ok(if v.is_empty() { None } else { Some(v) })
            })?;
            let Some(pairs) = pairs else {
                // `bitwise_or` again: pegen's memo hit at the same level, taken as is.
                p.mark = after;
                return Ok(Some(a));
            };
            let (ops, comparators) = pairs.into_iter().unzip();
            let loc = p.loc_from(start);
            Ok(Some(Expr::new(
                ExprKind::Compare {
                    left: Box::new(a),
                    ops,
                    comparators,
                },
                loc,
            )))
        })
    }

    /// `compare_op_bitwise_or_pair`: each operator is its own rule (`eq_bitwise_or`...),
    /// tried in the grammar's order.
    fn compare_op_bitwise_or_pair(&mut self) -> Result<Option<(Cmpop, Expr)>, Fail> {
        self.rule(|p| {
            const SIMPLE: [(Tok, Cmpop); 6] = [
                (Tok::EqEqual, Cmpop::Eq),
                (Tok::NotEqual, Cmpop::NotEq),
                (Tok::LessEqual, Cmpop::LtE),
                (Tok::Less, Cmpop::Lt),
                (Tok::GreaterEqual, Cmpop::GtE),
                (Tok::Greater, Cmpop::Gt),
            ];
            for (tok, op) in SIMPLE {
                let r = p.rule(|p| {
                    if op == Cmpop::NotEq {
                        // (tok='!=' { check_barry_as_flufl ? NULL : tok }): `<>` fails.
                        let ok = p.helper(|p| {
                            let t = p.tok_at(p.mark)?;
                            if t.kind != Tok::NotEqual {
                                return Ok(None);
                            }
                            p.mark += 1;
                            Ok((p.text(&t) == b"!=").then_some(()))
                        })?;
                        if ok.is_none() {
                            return Ok(None);
                        }
                    } else if p.eat(tok)?.is_none() {
                        return Ok(None);
                    }
                    Ok(p.bitwise_or()?.map(|b| (op, b)))
                })?;
                if r.is_some() {
                    return Ok(r);
                }
            }
            const TWO: [(Tok, Option<Tok>, Cmpop); 4] = [
                (Tok::Not, Some(Tok::In), Cmpop::NotIn),
                (Tok::In, None, Cmpop::In),
                (Tok::Is, Some(Tok::Not), Cmpop::IsNot),
                (Tok::Is, None, Cmpop::Is),
            ];
            for (first, second, op) in TWO {
                let r = p.rule(|p| {
                    if p.eat(first)?.is_none() {
                        return Ok(None);
                    }
                    if let Some(second) = second {
                        if p.eat(second)?.is_none() {
                            return Ok(None);
                        }
                    }
                    Ok(p.bitwise_or()?.map(|b| (op, b)))
                })?;
                if r.is_some() {
                    return Ok(r);
                }
            }
            Ok(None)
        })
    }

    /// A left-recursive binary operator rule (memo): `a=X op b=item | item`, grown as a
    /// loop; two levels (`X_rule`, `X_raw`).
    fn binop_chain(
        &mut self,
        rule: Rule,
        lower: Rule,
        ops: fn(Tok) -> Option<Operator>,
        item: fn(&mut Self) -> PResult<Expr>,
    ) -> PResult<Expr> {
        self.memo_rule_keep(rule, Keep::Chain(lower), |p| {
            p.rule(|p| {
                let start = p.mark;
                let Some(mut a) = item(p)? else {
                    return Ok(None);
                };
                loop {
                    let m = p.mark;
                    let Some(op) = ops(p.peek()?) else { break };
                    p.mark += 1;
                    match item(p)? {
                        Some(b) => {
                            let loc = p.loc_from(start);
                            a = bin(a, op, b, loc);
                        }
                        None => {
                            p.mark = m;
                            break;
                        }
                    }
                }
                Ok(Some(a))
            })
        })
    }

    /// `bitwise_or` (left-recursive).
    pub fn bitwise_or(&mut self) -> PResult<Expr> {
        self.binop_chain(
            Rule::BitwiseOr,
            Rule::BitwiseXor,
            |t| (t == Tok::Vbar).then_some(Operator::BitOr),
            Parser::bitwise_xor,
        )
    }

    fn bitwise_xor(&mut self) -> PResult<Expr> {
        self.binop_chain(
            Rule::BitwiseXor,
            Rule::BitwiseAnd,
            |t| (t == Tok::Circumflex).then_some(Operator::BitXor),
            Parser::bitwise_and,
        )
    }

    fn bitwise_and(&mut self) -> PResult<Expr> {
        self.binop_chain(
            Rule::BitwiseAnd,
            Rule::ShiftExpr,
            |t| (t == Tok::Amper).then_some(Operator::BitAnd),
            Parser::shift_expr,
        )
    }

    fn shift_expr(&mut self) -> PResult<Expr> {
        self.binop_chain(
            Rule::ShiftExpr,
            Rule::Sum,
            |t| match t {
                Tok::LeftShift => Some(Operator::LShift),
                Tok::RightShift => Some(Operator::RShift),
                _ => None,
            },
            Parser::sum,
        )
    }

    /// `sum` (left-recursive).
    pub fn sum(&mut self) -> PResult<Expr> {
        self.binop_chain(
            Rule::Sum,
            Rule::Term,
            |t| match t {
                Tok::Plus => Some(Operator::Add),
                Tok::Minus => Some(Operator::Sub),
                _ => None,
            },
            Parser::term,
        )
    }

    fn term(&mut self) -> PResult<Expr> {
        self.binop_chain(
            Rule::Term,
            Rule::Factor,
            |t| match t {
                Tok::Star => Some(Operator::Mult),
                Tok::Slash => Some(Operator::Div),
                Tok::DoubleSlash => Some(Operator::FloorDiv),
                Tok::Percent => Some(Operator::Mod),
                Tok::At => Some(Operator::MatMult),
                _ => None,
            },
            Parser::factor,
        )
    }

    /// `factor` (memo): `('+' | '-' | '~') factor | power`.
    pub fn factor(&mut self) -> PResult<Expr> {
        self.memo_rule_keep(Rule::Factor, Keep::Chain(Rule::AwaitPrimary), |p| {
            let start = p.mark;
            let op = match p.peek()? {
                Tok::Plus => Some(Unaryop::UAdd),
                Tok::Minus => Some(Unaryop::USub),
                Tok::Tilde => Some(Unaryop::Invert),
                _ => None,
            };
            if let Some(op) = op {
                p.mark += 1;
                if let Some(a) = p.factor()? {
                    let loc = p.loc_from(start);
                    return Ok(Some(Expr::new(
                        ExprKind::UnaryOp {
                            op,
                            operand: Box::new(a),
                        },
                        loc,
                    )));
                }
                p.mark = start;
            }
            p.power()
        })
    }

    /// `power: await_primary '**' factor | await_primary`.
    fn power(&mut self) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            let Some(a) = p.await_primary()? else {
                return Ok(None);
            };
            let m = p.mark;
            if p.eat(Tok::DoubleStar)?.is_some() {
                if let Some(b) = p.factor()? {
                    let loc = p.loc_from(start);
                    return Ok(Some(bin(a, Operator::Pow, b, loc)));
                }
                // `await_primary` again: pegen's memo hit at the same level, as is.
            }
            p.mark = m;
            Ok(Some(a))
        })
    }

    /// `await_primary` (memo): `AWAIT primary | primary`.
    fn await_primary(&mut self) -> PResult<Expr> {
        self.memo_rule_keep(Rule::AwaitPrimary, Keep::Chain(Rule::Primary), |p| {
            let start = p.mark;
            if p.eat(Tok::Await)?.is_some() {
                if let Some(a) = p.primary()? {
                    let loc = p.loc_from(start);
                    return Ok(Some(Expr::new(ExprKind::Await { value: Box::new(a) }, loc)));
                }
                p.mark = start;
            }
            p.primary()
        })
    }
}
