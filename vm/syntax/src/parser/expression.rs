//! Expression rules of python.gram: `expression` down to `atom`, displays,
//! comprehensions, call arguments and `lambda`.

use super::{Fail, Memo, PResult, Parser, Rule, token_loc};
use crate::ast::*;
use crate::lexer::Tok;

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

impl Parser<'_> {
    /// `expressions`: `expression (',' expression)* [',']` as a tuple when there is a comma.
    pub fn expressions(&mut self) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            let Some(a) = p.expression()? else {
                return Ok(None);
            };
            p.tuple_tail(start, a, Parser::expression)
        })
    }

    /// The shared shape of `star_expressions`/`expressions`: more items after `,`.
    fn tuple_tail(
        &mut self,
        start: usize,
        a: Expr,
        mut item: impl FnMut(&mut Self) -> PResult<Expr>,
    ) -> PResult<Expr> {
        let mut elts = vec![a];
        loop {
            let m = self.mark;
            if self.eat(Tok::Comma)?.is_none() {
                break;
            }
            match item(self)? {
                Some(e) => elts.push(e),
                None => {
                    self.mark = m;
                    break;
                }
            }
        }
        if elts.len() > 1 {
            self.eat(Tok::Comma)?;
        } else if self.eat(Tok::Comma)?.is_none() {
            return Ok(elts.pop());
        }
        let loc = self.loc_from(start);
        Ok(Some(Expr::new(
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            },
            loc,
        )))
    }

    /// `expression` (memo).
    pub fn expression(&mut self) -> PResult<Expr> {
        let start = self.mark;
        if let Some(Memo::Expr(e)) = self.memo_get(Rule::Expression) {
            return Ok(e);
        }
        let r = self.rule(|p| {
            if p.call_invalid_rules {
                if let Some(e) = p.invalid_expression()? {
                    return Ok(Some(e));
                }
                p.mark = start;
                if let Some(e) = p.invalid_legacy_expression()? {
                    return Ok(Some(e));
                }
                p.mark = start;
            }
            // `disjunction 'if' disjunction 'else' expression | disjunction`: the
            // second alternative is the first one's prefix (pegen's memo hit), taken as is.
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
                p.mark = after;
                return Ok(Some(a));
            }
            p.mark = start;
            p.lambdef()
        })?;
        self.memo_put_chain(start, Rule::Expression, &r, Rule::Disjunction);
        Ok(r)
    }

    /// `yield_expr`.
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
                p.mark = start + 1;
            }
            let value = p.star_expressions()?.map(Box::new);
            let loc = p.loc_from(start);
            Ok(Some(Expr::new(ExprKind::Yield { value }, loc)))
        })
    }

    /// `star_expressions`.
    pub fn star_expressions(&mut self) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            let Some(a) = p.star_expression()? else {
                return Ok(None);
            };
            p.tuple_tail(start, a, Parser::star_expression)
        })
    }

    /// `star_expression` (memo): `'*' bitwise_or | expression`.
    pub fn star_expression(&mut self) -> PResult<Expr> {
        let start = self.mark;
        if let Some(Memo::Expr(e)) = self.memo_get(Rule::StarExpression) {
            return Ok(e);
        }
        let r = self.rule(|p| {
            if p.eat(Tok::Star)?.is_some() {
                if let Some(a) = p.bitwise_or()? {
                    let loc = p.loc_from(start);
                    return Ok(Some(Expr::new(
                        ExprKind::Starred {
                            value: Box::new(a),
                            ctx: ExprContext::Load,
                        },
                        loc,
                    )));
                }
                p.mark = start;
            }
            p.expression()
        })?;
        self.memo_put_chain(start, Rule::StarExpression, &r, Rule::Expression);
        Ok(r)
    }

    /// `star_named_expressions`: `','.star_named_expression+ [',']`.
    pub fn star_named_expressions(&mut self) -> PResult<Vec<Expr>> {
        self.rule(|p| {
            let Some(v) = p.gather(Parser::star_named_expression)? else {
                return Ok(None);
            };
            p.eat(Tok::Comma)?;
            Ok(Some(v))
        })
    }

    /// `sep.elem+` with `,` as the separator.
    pub fn gather<T>(&mut self, mut elem: impl FnMut(&mut Self) -> PResult<T>) -> PResult<Vec<T>> {
        let Some(first) = elem(self)? else {
            return Ok(None);
        };
        let mut v = vec![first];
        loop {
            let m = self.mark;
            if self.eat(Tok::Comma)?.is_none() {
                break;
            }
            match elem(self)? {
                Some(x) => v.push(x),
                None => {
                    self.mark = m;
                    break;
                }
            }
        }
        Ok(Some(v))
    }

    /// `star_named_expression`.
    pub fn star_named_expression(&mut self) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            if p.eat(Tok::Star)?.is_some() {
                if let Some(a) = p.bitwise_or()? {
                    let loc = p.loc_from(start);
                    return Ok(Some(Expr::new(
                        ExprKind::Starred {
                            value: Box::new(a),
                            ctx: ExprContext::Load,
                        },
                        loc,
                    )));
                }
                p.mark = start;
            }
            p.named_expression()
        })
    }

    /// `assignment_expression`: `NAME ':=' ~ expression`.
    pub fn assignment_expression(&mut self) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            let Some((id, t)) = p.name_token()? else {
                return Ok(None);
            };
            if p.eat(Tok::ColonEqual)?.is_none() {
                return Ok(None);
            }
            let Some(b) = p.expression()? else {
                return Ok(None);
            };
            let target = Expr::new(
                ExprKind::Name {
                    id,
                    ctx: ExprContext::Store,
                },
                token_loc(&t),
            );
            let loc = p.loc_from(start);
            Ok(Some(Expr::new(
                ExprKind::NamedExpr {
                    target: Box::new(target),
                    value: Box::new(b),
                },
                loc,
            )))
        })
    }

    /// `named_expression`.
    pub fn named_expression(&mut self) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            if let Some(e) = p.assignment_expression()? {
                return Ok(Some(e));
            }
            if p.call_invalid_rules {
                if let Some(e) = p.invalid_named_expression()? {
                    return Ok(Some(e));
                }
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

    /// `assignment_expression | expression !':='` (genexp and call arguments).
    pub fn assignment_or_expression(&mut self) -> PResult<Expr> {
        let start = self.mark;
        if let Some(e) = self.assignment_expression()? {
            return Ok(Some(e));
        }
        if let Some(e) = self.expression()? {
            if !self.at(Tok::ColonEqual)? {
                return Ok(Some(e));
            }
        }
        self.mark = start;
        Ok(None)
    }

    fn bool_chain(
        &mut self,
        rule: Rule,
        lower: Rule,
        op_tok: Tok,
        op: Boolop,
        item: fn(&mut Self) -> PResult<Expr>,
    ) -> PResult<Expr> {
        let start = self.mark;
        if let Some(Memo::Expr(e)) = self.memo_get(rule) {
            return Ok(e);
        }
        let r = self.rule(|p| {
            let Some(a) = item(p)? else { return Ok(None) };
            let mut values = vec![a];
            loop {
                let m = p.mark;
                if p.eat(op_tok)?.is_none() {
                    break;
                }
                match item(p)? {
                    Some(b) => values.push(b),
                    None => {
                        p.mark = m;
                        break;
                    }
                }
            }
            if values.len() == 1 {
                return Ok(values.pop());
            }
            let loc = p.loc_from(start);
            Ok(Some(Expr::new(ExprKind::BoolOp { op, values }, loc)))
        })?;
        self.memo_put_chain(start, rule, &r, lower);
        Ok(r)
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

    /// `inversion` (memo).
    pub fn inversion(&mut self) -> PResult<Expr> {
        let start = self.mark;
        if let Some(Memo::Expr(e)) = self.memo_get(Rule::Inversion) {
            return Ok(e);
        }
        let r = self.rule(|p| {
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
        })?;
        self.memo_put_chain(start, Rule::Inversion, &r, Rule::Factor);
        Ok(r)
    }

    /// `comparison`.
    pub fn comparison(&mut self) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            let Some(a) = p.bitwise_or()? else {
                return Ok(None);
            };
            let mut ops = Vec::new();
            let mut comparators = Vec::new();
            loop {
                let m = p.mark;
                let t = p.tok_at(m)?;
                let op = match t.kind {
                    Tok::EqEqual => Cmpop::Eq,
                    Tok::NotEqual if p.text(&t) == b"!=" => Cmpop::NotEq,
                    Tok::LessEqual => Cmpop::LtE,
                    Tok::Less => Cmpop::Lt,
                    Tok::GreaterEqual => Cmpop::GtE,
                    Tok::Greater => Cmpop::Gt,
                    Tok::In => Cmpop::In,
                    Tok::Not => {
                        if p.tok_at(m + 1)?.kind != Tok::In {
                            break;
                        }
                        p.mark += 1;
                        Cmpop::NotIn
                    }
                    Tok::Is => {
                        if p.tok_at(m + 1)?.kind == Tok::Not {
                            p.mark += 1;
                            Cmpop::IsNot
                        } else {
                            Cmpop::Is
                        }
                    }
                    _ => break,
                };
                p.mark += 1;
                match p.bitwise_or()? {
                    Some(b) => {
                        ops.push(op);
                        comparators.push(b);
                    }
                    None => {
                        // `is not` failing may still match `is` with `not ...` after it:
                        // pegen tries isnot_bitwise_or then is_bitwise_or.
                        if op == Cmpop::IsNot {
                            p.mark = m + 1;
                            if let Some(b) = p.bitwise_or()? {
                                ops.push(Cmpop::Is);
                                comparators.push(b);
                                continue;
                            }
                        }
                        p.mark = m;
                        break;
                    }
                }
            }
            if ops.is_empty() {
                return Ok(Some(a));
            }
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

    fn binop_chain(
        &mut self,
        ops: fn(Tok) -> Option<Operator>,
        item: fn(&mut Self) -> PResult<Expr>,
    ) -> PResult<Expr> {
        self.rule(|p| {
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
    }

    /// `bitwise_or` (left-recursive).
    pub fn bitwise_or(&mut self) -> PResult<Expr> {
        self.binop_chain(
            |t| (t == Tok::Vbar).then_some(Operator::BitOr),
            Parser::bitwise_xor,
        )
    }

    fn bitwise_xor(&mut self) -> PResult<Expr> {
        self.binop_chain(
            |t| (t == Tok::Circumflex).then_some(Operator::BitXor),
            Parser::bitwise_and,
        )
    }

    fn bitwise_and(&mut self) -> PResult<Expr> {
        self.binop_chain(
            |t| (t == Tok::Amper).then_some(Operator::BitAnd),
            Parser::shift_expr,
        )
    }

    fn shift_expr(&mut self) -> PResult<Expr> {
        self.binop_chain(
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

    /// `factor` (memo).
    pub fn factor(&mut self) -> PResult<Expr> {
        let start = self.mark;
        if let Some(Memo::Expr(e)) = self.memo_get(Rule::Factor) {
            return Ok(e);
        }
        let r = self.rule(|p| {
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
                return Ok(None);
            }
            p.power()
        })?;
        self.memo_put_chain(start, Rule::Factor, &r, Rule::AwaitPrimary);
        Ok(r)
    }

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
                p.mark = m;
            }
            Ok(Some(a))
        })
    }

    /// `await_primary` (memo).
    fn await_primary(&mut self) -> PResult<Expr> {
        let start = self.mark;
        if let Some(Memo::Expr(e)) = self.memo_get(Rule::AwaitPrimary) {
            return Ok(e);
        }
        let r = self.rule(|p| {
            if p.eat(Tok::Await)?.is_some() {
                if let Some(a) = p.primary()? {
                    let loc = p.loc_from(start);
                    return Ok(Some(Expr::new(ExprKind::Await { value: Box::new(a) }, loc)));
                }
                p.mark = start;
                return Ok(None);
            }
            p.primary()
        })?;
        self.memo_put(start, Rule::AwaitPrimary, &r);
        Ok(r)
    }

    /// `primary` (left-recursive, grown as a loop).
    pub fn primary(&mut self) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            let Some(mut a) = p.atom()? else {
                return Ok(None);
            };
            loop {
                let m = p.mark;
                match p.peek()? {
                    Tok::Dot => {
                        p.mark += 1;
                        if let Some((attr, _)) = p.name_token()? {
                            let loc = p.loc_from(start);
                            a = Expr::new(
                                ExprKind::Attribute {
                                    value: Box::new(a),
                                    attr,
                                    ctx: ExprContext::Load,
                                },
                                loc,
                            );
                            continue;
                        }
                    }
                    Tok::Lpar => {
                        if let Some(g) = p.genexp()? {
                            let loc = p.loc_from(start);
                            a = Expr::new(
                                ExprKind::Call {
                                    func: Box::new(a),
                                    args: vec![g],
                                    keywords: vec![],
                                },
                                loc,
                            );
                            continue;
                        }
                        p.mark = m + 1;
                        let (args, keywords) = match p.arguments()? {
                            Some((args, kw, _)) => (args, kw),
                            None => (vec![], vec![]),
                        };
                        if p.eat(Tok::Rpar)?.is_some() {
                            let loc = p.loc_from(start);
                            a = Expr::new(
                                ExprKind::Call {
                                    func: Box::new(a),
                                    args,
                                    keywords,
                                },
                                loc,
                            );
                            continue;
                        }
                    }
                    Tok::Lsqb => {
                        p.mark += 1;
                        if let Some(s) = p.slices()? {
                            if p.eat(Tok::Rsqb)?.is_some() {
                                let loc = p.loc_from(start);
                                a = Expr::new(
                                    ExprKind::Subscript {
                                        value: Box::new(a),
                                        slice: Box::new(s),
                                        ctx: ExprContext::Load,
                                    },
                                    loc,
                                );
                                continue;
                            }
                        }
                    }
                    _ => {}
                }
                p.mark = m;
                break;
            }
            Ok(Some(a))
        })
    }

    /// `slices`.
    pub fn slices(&mut self) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            if let Some(a) = p.slice()? {
                if !p.at(Tok::Comma)? {
                    return Ok(Some(a));
                }
            }
            p.mark = start;
            let Some(elts) = p.gather(|p| {
                if let Some(s) = p.slice()? {
                    return Ok(Some(s));
                }
                p.starred_expression()
            })?
            else {
                return Ok(None);
            };
            p.eat(Tok::Comma)?;
            let loc = p.loc_from(start);
            Ok(Some(Expr::new(
                ExprKind::Tuple {
                    elts,
                    ctx: ExprContext::Load,
                },
                loc,
            )))
        })
    }

    /// `slice`.
    fn slice(&mut self) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            let lower = p.expression()?;
            if p.eat(Tok::Colon)?.is_some() {
                let upper = p.expression()?;
                let mut step = None;
                let m = p.mark;
                if p.eat(Tok::Colon)?.is_some() {
                    step = p.expression()?;
                    if step.is_none() {
                        // `[':' d=[expression]]` matched with an empty expression.
                        let _ = m;
                    }
                }
                let loc = p.loc_from(start);
                return Ok(Some(Expr::new(
                    ExprKind::Slice {
                        lower: lower.map(Box::new),
                        upper: upper.map(Box::new),
                        step: step.map(Box::new),
                    },
                    loc,
                )));
            }
            p.mark = start;
            p.named_expression()
        })
    }

    /// `atom`.
    pub fn atom(&mut self) -> PResult<Expr> {
        let start = self.mark;
        let t = self.tok_at(start)?;
        let constant = |p: &mut Self, value: Constant| {
            p.mark += 1;
            Ok(Some(Expr::new(
                ExprKind::Constant { value, kind: None },
                token_loc(&t),
            )))
        };
        match t.kind {
            Tok::Name => self.name(),
            Tok::True => constant(self, Constant::Bool(true)),
            Tok::False => constant(self, Constant::Bool(false)),
            Tok::None => constant(self, Constant::None),
            Tok::Ellipsis => constant(self, Constant::Ellipsis),
            Tok::String => self.strings(),
            Tok::Number => {
                self.mark += 1;
                let value = self.number_value(&t)?;
                Ok(Some(Expr::new(
                    ExprKind::Constant { value, kind: None },
                    token_loc(&t),
                )))
            }
            Tok::Lpar => self.rule(|p| {
                if let Some(e) = p.tuple()? {
                    return Ok(Some(e));
                }
                if let Some(e) = p.group()? {
                    return Ok(Some(e));
                }
                p.genexp()
            }),
            Tok::Lsqb => self.rule(|p| {
                if let Some(e) = p.list()? {
                    return Ok(Some(e));
                }
                p.listcomp()
            }),
            Tok::Lbrace => self.rule(|p| {
                if let Some(e) = p.dict()? {
                    return Ok(Some(e));
                }
                if let Some(e) = p.set()? {
                    return Ok(Some(e));
                }
                if let Some(e) = p.dictcomp()? {
                    return Ok(Some(e));
                }
                p.setcomp()
            }),
            _ => Ok(None),
        }
    }

    /// `group`.
    fn group(&mut self) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            if p.eat(Tok::Lpar)?.is_some() {
                let a = match p.yield_expr()? {
                    Some(a) => Some(a),
                    None => p.named_expression()?,
                };
                if let Some(a) = a {
                    if p.eat(Tok::Rpar)?.is_some() {
                        return Ok(Some(a));
                    }
                }
            }
            p.mark = start;
            if p.call_invalid_rules {
                return p.invalid_group();
            }
            Ok(None)
        })
    }

    /// `tuple`.
    fn tuple(&mut self) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            if p.eat(Tok::Lpar)?.is_none() {
                return Ok(None);
            }
            let mut elts = Vec::new();
            let m = p.mark;
            if let Some(y) = p.star_named_expression()? {
                if p.eat(Tok::Comma)?.is_some() {
                    elts.push(y);
                    if let Some(z) = p.star_named_expressions()? {
                        elts.extend(z);
                    }
                } else {
                    p.mark = m;
                }
            }
            if p.eat(Tok::Rpar)?.is_none() {
                return Ok(None);
            }
            let loc = p.loc_from(start);
            Ok(Some(Expr::new(
                ExprKind::Tuple {
                    elts,
                    ctx: ExprContext::Load,
                },
                loc,
            )))
        })
    }

    /// `genexp`.
    pub fn genexp(&mut self) -> PResult<Expr> {
        // Fast path: without a `for` at the top level of the parentheses (a call like
        // `f(a, b)`) this can only fail, so don't parse the first argument twice. The
        // second pass parses anyway, for `invalid_comprehension`.
        if !self.call_invalid_rules && !self.paren_may_hold_for(self.mark) {
            return Ok(None);
        }
        self.rule(|p| {
            let start = p.mark;
            if p.eat(Tok::Lpar)?.is_some() {
                if let Some(a) = p.assignment_or_expression()? {
                    if let Some(generators) = p.for_if_clauses()? {
                        if p.eat(Tok::Rpar)?.is_some() {
                            let loc = p.loc_from(start);
                            return Ok(Some(Expr::new(
                                ExprKind::GeneratorExp {
                                    elt: Box::new(a),
                                    generators,
                                },
                                loc,
                            )));
                        }
                    }
                }
            }
            p.mark = start;
            if p.call_invalid_rules {
                return p.invalid_comprehension();
            }
            Ok(None)
        })
    }

    /// Is the token at `i` anything but a `(` whose contents, up to its `)`, hold no `for`
    /// at their own bracket level? (Reads the lexed tokens only: no tokenizer error, no
    /// effect on `fill`; running out of tokens answers true.)
    fn paren_may_hold_for(&self, i: usize) -> bool {
        let Some(open) = self.tokens.get(i) else {
            return true;
        };
        if open.kind != Tok::Lpar {
            return true;
        }
        let inner = open.level;
        for t in self.tokens.get(i + 1..).unwrap_or_default() {
            if t.level < inner {
                return false;
            }
            if t.level == inner && t.kind == Tok::For {
                return true;
            }
        }
        true
    }

    fn list(&mut self) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            if p.eat(Tok::Lsqb)?.is_none() {
                return Ok(None);
            }
            let elts = p.star_named_expressions()?.unwrap_or_default();
            if p.eat(Tok::Rsqb)?.is_none() {
                return Ok(None);
            }
            let loc = p.loc_from(start);
            Ok(Some(Expr::new(
                ExprKind::List {
                    elts,
                    ctx: ExprContext::Load,
                },
                loc,
            )))
        })
    }

    /// `listcomp` / `setcomp`.
    fn comp(&mut self, open: Tok, close: Tok, list: bool) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            if p.eat(open)?.is_some() {
                if let Some(a) = p.named_expression()? {
                    if let Some(generators) = p.for_if_clauses()? {
                        if p.eat(close)?.is_some() {
                            let loc = p.loc_from(start);
                            let elt = Box::new(a);
                            let node = if list {
                                ExprKind::ListComp { elt, generators }
                            } else {
                                ExprKind::SetComp { elt, generators }
                            };
                            return Ok(Some(Expr::new(node, loc)));
                        }
                    }
                }
            }
            p.mark = start;
            if p.call_invalid_rules {
                return p.invalid_comprehension();
            }
            Ok(None)
        })
    }

    fn listcomp(&mut self) -> PResult<Expr> {
        self.comp(Tok::Lsqb, Tok::Rsqb, true)
    }

    fn setcomp(&mut self) -> PResult<Expr> {
        self.comp(Tok::Lbrace, Tok::Rbrace, false)
    }

    fn set(&mut self) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            if p.eat(Tok::Lbrace)?.is_none() {
                return Ok(None);
            }
            let Some(elts) = p.star_named_expressions()? else {
                return Ok(None);
            };
            if p.eat(Tok::Rbrace)?.is_none() {
                return Ok(None);
            }
            let loc = p.loc_from(start);
            Ok(Some(Expr::new(ExprKind::Set { elts }, loc)))
        })
    }

    fn dict(&mut self) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            if p.eat(Tok::Lbrace)?.is_none() {
                return Ok(None);
            }
            let pairs = p.double_starred_kvpairs()?.unwrap_or_default();
            if p.eat(Tok::Rbrace)?.is_some() {
                let loc = p.loc_from(start);
                let (keys, values) = pairs.into_iter().unzip();
                return Ok(Some(Expr::new(ExprKind::Dict { keys, values }, loc)));
            }
            p.mark = start + 1;
            if p.call_invalid_rules {
                p.invalid_double_starred_kvpairs()?;
            }
            Ok(None)
        })
    }

    /// `double_starred_kvpairs`: keys are `None` for `**x`.
    fn double_starred_kvpairs(&mut self) -> PResult<Vec<(Option<Expr>, Expr)>> {
        self.rule(|p| {
            let Some(v) = p.gather(|p| {
                let m = p.mark;
                if p.eat(Tok::DoubleStar)?.is_some() {
                    if let Some(a) = p.bitwise_or()? {
                        return Ok(Some((None, a)));
                    }
                    p.mark = m;
                }
                Ok(p.kvpair()?.map(|(k, v)| (Some(k), v)))
            })?
            else {
                return Ok(None);
            };
            p.eat(Tok::Comma)?;
            Ok(Some(v))
        })
    }

    /// `kvpair`: `expression ':' expression`.
    pub fn kvpair(&mut self) -> PResult<(Expr, Expr)> {
        self.rule(|p| {
            let Some(a) = p.expression()? else {
                return Ok(None);
            };
            if p.eat(Tok::Colon)?.is_none() {
                return Ok(None);
            }
            let Some(b) = p.expression()? else {
                return Ok(None);
            };
            Ok(Some((a, b)))
        })
    }

    fn dictcomp(&mut self) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            if p.eat(Tok::Lbrace)?.is_some() {
                if let Some((k, v)) = p.kvpair()? {
                    if let Some(generators) = p.for_if_clauses()? {
                        if p.eat(Tok::Rbrace)?.is_some() {
                            let loc = p.loc_from(start);
                            return Ok(Some(Expr::new(
                                ExprKind::DictComp {
                                    key: Box::new(k),
                                    value: Box::new(v),
                                    generators,
                                },
                                loc,
                            )));
                        }
                    }
                }
            }
            p.mark = start;
            if p.call_invalid_rules {
                return p.invalid_dict_comprehension();
            }
            Ok(None)
        })
    }

    /// `for_if_clauses`: `for_if_clause+`.
    pub fn for_if_clauses(&mut self) -> PResult<Vec<Comprehension>> {
        let mut v = Vec::new();
        while let Some(c) = self.for_if_clause()? {
            v.push(c);
        }
        Ok(if v.is_empty() { None } else { Some(v) })
    }

    fn for_if_clause(&mut self) -> PResult<Comprehension> {
        self.rule(|p| {
            let start = p.mark;
            let is_async = p.eat(Tok::Async)?.is_some();
            if p.eat(Tok::For)?.is_some() {
                if let Some(target) = p.star_targets()? {
                    if p.eat(Tok::In)?.is_some() {
                        // Cut: past 'in', no other alternative is tried.
                        let Some(iter) = p.disjunction()? else {
                            return Ok(None);
                        };
                        let mut ifs = Vec::new();
                        loop {
                            let m = p.mark;
                            if p.eat(Tok::If)?.is_none() {
                                break;
                            }
                            match p.disjunction()? {
                                Some(z) => ifs.push(z),
                                None => {
                                    p.mark = m;
                                    break;
                                }
                            }
                        }
                        return Ok(Some(Comprehension {
                            target: Box::new(target),
                            iter: Box::new(iter),
                            ifs,
                            is_async: i32::from(is_async),
                        }));
                    }
                }
            }
            p.mark = start;
            if p.call_invalid_rules {
                p.invalid_for_target()?;
            }
            Ok(None)
        })
    }

    /// `arguments` (memo): `args [','] &')'`. The location is that of `args`.
    pub fn arguments(&mut self) -> PResult<(Vec<Expr>, Vec<Keyword>, Location)> {
        let start = self.mark;
        if let Some(Memo::Args(a)) = self.memo_get(Rule::Arguments) {
            return Ok(a);
        }
        let r = self.rule(|p| {
            if let Some(a) = p.args()? {
                p.eat(Tok::Comma)?;
                if p.at(Tok::Rpar)? {
                    return Ok(Some(a));
                }
            }
            p.mark = start;
            if p.call_invalid_rules {
                p.invalid_arguments()?;
            }
            Ok(None)
        })?;
        self.memo_put(start, Rule::Arguments, &r);
        Ok(r)
    }

    /// `args`.
    pub fn args(&mut self) -> PResult<(Vec<Expr>, Vec<Keyword>, Location)> {
        self.rule(|p| {
            let start = p.mark;
            let positional = p.gather(|p| {
                // Fast path: `NAME '='` starts a keyword argument, which no positional
                // alternative accepts (`expression !'='` would parse NAME and fail).
                if !p.call_invalid_rules && p.name_then_equal() {
                    return Ok(None);
                }
                if let Some(e) = p.starred_expression()? {
                    return Ok(Some(e));
                }
                let m = p.mark;
                if let Some(e) = p.assignment_or_expression()? {
                    if !p.at(Tok::Equal)? {
                        return Ok(Some(e));
                    }
                }
                p.mark = m;
                Ok(None)
            })?;
            if let Some(mut args) = positional {
                let m = p.mark;
                let mut keywords = Vec::new();
                if p.eat(Tok::Comma)?.is_some() {
                    match p.kwargs()? {
                        Some(k) => {
                            for item in k {
                                match item {
                                    KwOrStarred::Starred(e) => args.push(e),
                                    KwOrStarred::Kw(kw) => keywords.push(kw),
                                }
                            }
                        }
                        None => p.mark = m,
                    }
                }
                let loc = p.loc_from(start);
                return Ok(Some((args, keywords, loc)));
            }
            p.mark = start;
            let Some(k) = p.kwargs()? else {
                return Ok(None);
            };
            let mut args = Vec::new();
            let mut keywords = Vec::new();
            for item in k {
                match item {
                    KwOrStarred::Starred(e) => args.push(e),
                    KwOrStarred::Kw(kw) => keywords.push(kw),
                }
            }
            let loc = p.loc_from(start);
            Ok(Some((args, keywords, loc)))
        })
    }

    /// `kwargs`.
    fn kwargs(&mut self) -> PResult<Vec<KwOrStarred>> {
        self.rule(|p| {
            let start = p.mark;
            if let Some(mut a) = p.gather(|p| p.kwarg_or_starred())? {
                let m = p.mark;
                if p.eat(Tok::Comma)?.is_some() {
                    if let Some(b) = p.gather(|p| p.kwarg_or_double_starred())? {
                        a.extend(b);
                        return Ok(Some(a));
                    }
                }
                p.mark = m;
                return Ok(Some(a));
            }
            p.mark = start;
            p.gather(|p| p.kwarg_or_double_starred())
        })
    }

    /// Are the current token and the next `NAME '='`? (Reads the lexed tokens only.)
    fn name_then_equal(&self) -> bool {
        matches!(
            (self.tokens.get(self.mark), self.tokens.get(self.mark + 1)),
            (Some(a), Some(b)) if a.kind == Tok::Name && b.kind == Tok::Equal
        )
    }

    /// `starred_expression`: `'*' expression`.
    pub fn starred_expression(&mut self) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            if p.eat(Tok::Star)?.is_none() {
                return Ok(None);
            }
            let Some(a) = p.expression()? else {
                return Ok(None);
            };
            let loc = p.loc_from(start);
            Ok(Some(Expr::new(
                ExprKind::Starred {
                    value: Box::new(a),
                    ctx: ExprContext::Load,
                },
                loc,
            )))
        })
    }

    fn kwarg_named(&mut self) -> PResult<KwOrStarred> {
        let start = self.mark;
        if let Some((id, _)) = self.name_token()? {
            if self.eat(Tok::Equal)?.is_some() {
                if let Some(b) = self.expression()? {
                    let loc = self.loc_from(start);
                    return Ok(Some(KwOrStarred::Kw(Keyword {
                        arg: Some(id),
                        value: Box::new(b),
                        loc,
                    })));
                }
            }
        }
        self.mark = start;
        Ok(None)
    }

    fn kwarg_or_starred(&mut self) -> PResult<KwOrStarred> {
        self.rule(|p| {
            let start = p.mark;
            if p.call_invalid_rules {
                p.invalid_kwarg()?;
                p.mark = start;
            }
            if let Some(k) = p.kwarg_named()? {
                return Ok(Some(k));
            }
            Ok(p.starred_expression()?.map(KwOrStarred::Starred))
        })
    }

    fn kwarg_or_double_starred(&mut self) -> PResult<KwOrStarred> {
        self.rule(|p| {
            let start = p.mark;
            if p.call_invalid_rules {
                p.invalid_kwarg()?;
                p.mark = start;
            }
            if let Some(k) = p.kwarg_named()? {
                return Ok(Some(k));
            }
            if p.eat(Tok::DoubleStar)?.is_some() {
                if let Some(a) = p.expression()? {
                    let loc = p.loc_from(start);
                    return Ok(Some(KwOrStarred::Kw(Keyword {
                        arg: None,
                        value: Box::new(a),
                        loc,
                    })));
                }
            }
            Ok(None)
        })
    }

    /// `lambdef`.
    pub fn lambdef(&mut self) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            if p.eat(Tok::Lambda)?.is_none() {
                return Ok(None);
            }
            let args = p
                .lambda_params()?
                .unwrap_or_else(super::params::empty_arguments);
            if p.eat(Tok::Colon)?.is_none() {
                return Ok(None);
            }
            let Some(body) = p.expression()? else {
                return Ok(None);
            };
            let loc = p.loc_from(start);
            Ok(Some(Expr::new(
                ExprKind::Lambda {
                    args: Box::new(args),
                    body: Box::new(body),
                },
                loc,
            )))
        })
    }

    /// The value of a NUMBER token.
    pub fn number_value(&mut self, t: &crate::lexer::Token) -> Result<Constant, Fail> {
        let text: Vec<u8> = self
            .text(t)
            .iter()
            .copied()
            .filter(|&b| b != b'_')
            .collect();
        let s = std::str::from_utf8(&text).unwrap_or("0");
        Ok(parse_number(s).unwrap_or(Constant::Int(0.into())))
    }
}

/// A NUMBER token's text (underscores removed) as a constant.
pub(crate) fn parse_number(s: &str) -> Option<Constant> {
    use num_bigint::BigInt;
    let lower = s.to_ascii_lowercase();
    if let Some(imag) = lower.strip_suffix('j') {
        return Some(Constant::Complex {
            real: 0.0,
            imag: imag.parse::<f64>().ok()?,
        });
    }
    let radix = |prefix: &str, r: u32| {
        lower
            .strip_prefix(prefix)
            .and_then(|d| BigInt::parse_bytes(d.as_bytes(), r))
    };
    if lower.starts_with("0x") {
        return radix("0x", 16).map(Constant::Int);
    }
    if lower.starts_with("0o") {
        return radix("0o", 8).map(Constant::Int);
    }
    if lower.starts_with("0b") {
        return radix("0b", 2).map(Constant::Int);
    }
    if lower.contains(['.', 'e']) {
        return lower.parse::<f64>().ok().map(Constant::Float);
    }
    BigInt::parse_bytes(lower.as_bytes(), 10).map(Constant::Int)
}

/// `KeywordOrStarred`.
pub(crate) enum KwOrStarred {
    Kw(Keyword),
    Starred(Expr),
}
