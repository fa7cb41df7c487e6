//! Assignment and deletion targets: `star_targets`, `single_target`, `t_primary`,
//! `del_targets`, and `_PyPegen_set_expr_context`.

use super::{Fail, PResult, Parser, Rule};
use crate::ast::*;
use crate::lexer::Tok;

/// `_PyPegen_set_expr_context`: the same expression with context `ctx` (recursively
/// for tuples, lists and starred).
pub(crate) fn set_context(mut e: Expr, ctx: ExprContext) -> Expr {
    set_context_in_place(&mut e, ctx);
    e
}

fn set_context_in_place(e: &mut Expr, ctx: ExprContext) {
    match &mut e.node {
        ExprKind::Name { ctx: c, .. }
        | ExprKind::Subscript { ctx: c, .. }
        | ExprKind::Attribute { ctx: c, .. } => *c = ctx,
        ExprKind::Tuple { elts, ctx: c } | ExprKind::List { elts, ctx: c } => {
            *c = ctx;
            for x in elts {
                crate::stack::guard(|| set_context_in_place(x, ctx));
            }
        }
        ExprKind::Starred { value, ctx: c } => {
            *c = ctx;
            crate::stack::guard(|| set_context_in_place(value, ctx));
        }
        _ => {}
    }
}

impl Parser<'_> {
    /// `t_lookahead: '(' | '[' | '.'` (a rule, called as a lookahead).
    fn t_lookahead(&mut self) -> Result<bool, Fail> {
        let m = self.mark;
        let r =
            self.rule(|p| Ok(matches!(p.peek()?, Tok::Lpar | Tok::Lsqb | Tok::Dot).then_some(())))?;
        self.mark = m;
        Ok(r.is_some())
    }

    /// `star_targets: star_target !',' | star_target (',' star_target)* [',']`.
    pub fn star_targets(&mut self) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            let Some(a) = p.star_target()? else {
                return Ok(None);
            };
            if !p.at(Tok::Comma)? {
                return Ok(Some(a));
            }
            let rest = p.helper(|p| {
                let mut v = Vec::new();
                while let Some(c) = p.helper(|p| {
                    if p.eat(Tok::Comma)?.is_none() {
                        return Ok(None);
                    }
                    p.star_target()
                })? {
                    v.push(c);
                }
                Ok(Some(v))
            })?;
            p.eat(Tok::Comma)?;
            let mut elts = vec![a];
            elts.extend(rest.unwrap_or_default());
            let loc = p.loc_from(start);
            Ok(Some(Expr::new(
                ExprKind::Tuple {
                    elts,
                    ctx: ExprContext::Store,
                },
                loc,
            )))
        })
    }

    /// `star_targets_list_seq: ','.star_target+ [',']`.
    fn star_targets_list_seq(&mut self) -> PResult<Vec<Expr>> {
        self.rule(|p| {
            let Some(v) = p.gather(Tok::Comma, Parser::star_target)? else {
                return Ok(None);
            };
            p.eat(Tok::Comma)?;
            Ok(Some(v))
        })
    }

    /// `star_targets_tuple_seq: star_target (',' star_target)+ [','] | star_target ','`.
    fn star_targets_tuple_seq(&mut self) -> PResult<Vec<Expr>> {
        self.rule(|p| {
            let Some(a) = p.star_target()? else {
                return Ok(None);
            };
            let rest = p.helper(|p| {
                let mut v = Vec::new();
                while let Some(c) = p.helper(|p| {
                    if p.eat(Tok::Comma)?.is_none() {
                        return Ok(None);
                    }
                    p.star_target()
                })? {
                    v.push(c);
                }
                Ok(if v.is_empty() { None } else { Some(v) })
            })?;
            let mut v = vec![a];
            if let Some(rest) = rest {
                v.extend(rest);
                p.eat(Tok::Comma)?;
                return Ok(Some(v));
            }
            if p.eat(Tok::Comma)?.is_some() {
                return Ok(Some(v));
            }
            Ok(None)
        })
    }

    /// `star_target` (memo): `'*' (!'*' star_target) | target_with_star_atom`.
    pub fn star_target(&mut self) -> PResult<Expr> {
        self.memo_rule(Rule::StarTarget, |p| {
            let start = p.mark;
            if p.eat(Tok::Star)?.is_some() {
                let a = p.helper(|p| {
                    if p.at(Tok::Star)? {
                        return Ok(None);
                    }
                    p.star_target()
                })?;
                if let Some(a) = a {
                    let loc = p.loc_from(start);
                    let value = Box::new(set_context(a, ExprContext::Store));
                    return Ok(Some(Expr::new(
                        ExprKind::Starred {
                            value,
                            ctx: ExprContext::Store,
                        },
                        loc,
                    )));
                }
                p.mark = start;
            }
            p.target_with_star_atom()
        })
    }

    /// `t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead`, with
    /// `ctx` (the body of `target_with_star_atom`, `single_subscript_attribute_target`
    /// and `del_target`).
    fn subscript_attribute_alts(&mut self, ctx: ExprContext) -> PResult<Expr> {
        let start = self.mark;
        if let Some(a) = self.t_primary()? {
            if self.eat(Tok::Dot)?.is_some() {
                if let Some((attr, _)) = self.name_token()? {
                    if !self.t_lookahead()? {
                        let loc = self.loc_from(start);
                        return Ok(Some(Expr::new(
                            ExprKind::Attribute {
                                value: Box::new(a),
                                attr,
                                ctx,
                            },
                            loc,
                        )));
                    }
                }
            }
        }
        self.mark = start;
        if let Some(a) = self.t_primary()? {
            if self.eat(Tok::Lsqb)?.is_some() {
                if let Some(s) = self.slices()? {
                    if self.eat(Tok::Rsqb)?.is_some() && !self.t_lookahead()? {
                        let loc = self.loc_from(start);
                        return Ok(Some(Expr::new(
                            ExprKind::Subscript {
                                value: Box::new(a),
                                slice: Box::new(s),
                                ctx,
                            },
                            loc,
                        )));
                    }
                }
            }
        }
        self.mark = start;
        Ok(None)
    }

    /// `target_with_star_atom` (memo).
    pub fn target_with_star_atom(&mut self) -> PResult<Expr> {
        self.memo_rule(Rule::TargetWithStarAtom, |p| {
            if let Some(e) = p.subscript_attribute_alts(ExprContext::Store)? {
                return Ok(Some(e));
            }
            p.star_atom()
        })
    }

    /// `star_atom`.
    fn star_atom(&mut self) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            if let Some(a) = p.name()? {
                return Ok(Some(set_context(a, ExprContext::Store)));
            }
            if p.eat(Tok::Lpar)?.is_some() {
                if let Some(a) = p.target_with_star_atom()? {
                    if p.eat(Tok::Rpar)?.is_some() {
                        return Ok(Some(set_context(a, ExprContext::Store)));
                    }
                }
                p.mark = start + 1;
                let elts = p.star_targets_tuple_seq()?;
                if p.eat(Tok::Rpar)?.is_some() {
                    let loc = p.loc_from(start);
                    return Ok(Some(Expr::new(
                        ExprKind::Tuple {
                            elts: elts.unwrap_or_default(),
                            ctx: ExprContext::Store,
                        },
                        loc,
                    )));
                }
                p.mark = start;
            }
            if p.eat(Tok::Lsqb)?.is_some() {
                let elts = p.star_targets_list_seq()?;
                if p.eat(Tok::Rsqb)?.is_some() {
                    let loc = p.loc_from(start);
                    return Ok(Some(Expr::new(
                        ExprKind::List {
                            elts: elts.unwrap_or_default(),
                            ctx: ExprContext::Store,
                        },
                        loc,
                    )));
                }
            }
            Ok(None)
        })
    }

    /// `single_target: single_subscript_attribute_target | NAME | '(' single_target ')'`.
    pub fn single_target(&mut self) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            if let Some(e) = p.single_subscript_attribute_target()? {
                return Ok(Some(e));
            }
            if let Some(a) = p.name()? {
                return Ok(Some(set_context(a, ExprContext::Store)));
            }
            if p.eat(Tok::Lpar)?.is_some() {
                if let Some(a) = p.single_target()? {
                    if p.eat(Tok::Rpar)?.is_some() {
                        return Ok(Some(a));
                    }
                }
            }
            p.mark = start;
            Ok(None)
        })
    }

    /// `single_subscript_attribute_target`.
    pub fn single_subscript_attribute_target(&mut self) -> PResult<Expr> {
        self.rule(|p| p.subscript_attribute_alts(ExprContext::Store))
    }

    /// `t_primary` (left-recursive, memo; every step needs `&t_lookahead`).
    pub fn t_primary(&mut self) -> PResult<Expr> {
        self.memo_rule(Rule::TPrimary, |p| {
            p.rule(|p| {
                let start = p.mark;
                let Some(mut a) = p.atom()? else {
                    return Ok(None);
                };
                if !p.t_lookahead()? {
                    return Ok(None);
                }
                loop {
                    let m = p.mark;
                    // t_primary '.' NAME &t_lookahead
                    if p.eat(Tok::Dot)?.is_some() {
                        if let Some((attr, _)) = p.name_token()? {
                            if p.t_lookahead()? {
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
                        p.mark = m;
                    }
                    // t_primary '[' slices ']' &t_lookahead
                    if p.eat(Tok::Lsqb)?.is_some() {
                        if let Some(s) = p.slices()? {
                            if p.eat(Tok::Rsqb)?.is_some() && p.t_lookahead()? {
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
                        p.mark = m;
                    }
                    // t_primary genexp &t_lookahead
                    if let Some(g) = p.genexp()? {
                        if p.t_lookahead()? {
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
                    }
                    p.mark = m;
                    // t_primary '(' [arguments] ')' &t_lookahead
                    if p.eat(Tok::Lpar)?.is_some() {
                        let args = p.arguments()?;
                        if p.eat(Tok::Rpar)?.is_some() && p.t_lookahead()? {
                            let (args, keywords) = match args {
                                Some((a, k, _)) => (a, k),
                                None => (vec![], vec![]),
                            };
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
                        p.mark = m;
                    }
                    break;
                }
                Ok(Some(a))
            })
        })
    }

    /// `del_targets: ','.del_target+ [',']`.
    pub fn del_targets(&mut self) -> PResult<Vec<Expr>> {
        self.rule(|p| {
            let Some(v) = p.gather(Tok::Comma, Parser::del_target)? else {
                return Ok(None);
            };
            p.eat(Tok::Comma)?;
            Ok(Some(v))
        })
    }

    /// `del_target` (memo).
    fn del_target(&mut self) -> PResult<Expr> {
        self.memo_rule(Rule::DelTarget, |p| {
            if let Some(e) = p.subscript_attribute_alts(ExprContext::Del)? {
                return Ok(Some(e));
            }
            p.del_t_atom()
        })
    }

    /// `del_t_atom`.
    fn del_t_atom(&mut self) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            if let Some(a) = p.name()? {
                return Ok(Some(set_context(a, ExprContext::Del)));
            }
            if p.eat(Tok::Lpar)?.is_some() {
                if let Some(a) = p.del_target()? {
                    if p.eat(Tok::Rpar)?.is_some() {
                        return Ok(Some(set_context(a, ExprContext::Del)));
                    }
                }
                p.mark = start + 1;
                let elts = p.del_targets()?;
                if p.eat(Tok::Rpar)?.is_some() {
                    let loc = p.loc_from(start);
                    return Ok(Some(Expr::new(
                        ExprKind::Tuple {
                            elts: elts.unwrap_or_default(),
                            ctx: ExprContext::Del,
                        },
                        loc,
                    )));
                }
                p.mark = start;
            }
            if p.eat(Tok::Lsqb)?.is_some() {
                let elts = p.del_targets()?;
                if p.eat(Tok::Rsqb)?.is_some() {
                    let loc = p.loc_from(start);
                    return Ok(Some(Expr::new(
                        ExprKind::List {
                            elts: elts.unwrap_or_default(),
                            ctx: ExprContext::Del,
                        },
                        loc,
                    )));
                }
            }
            Ok(None)
        })
    }
}
