//! Assignment and deletion targets: `star_targets`, `single_target`, `t_primary`,
//! `del_targets`, and `_PyPegen_set_expr_context`.

use super::{Memo, PResult, Parser, Rule};
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
    fn t_lookahead(&mut self) -> Result<bool, super::Fail> {
        Ok(matches!(self.peek()?, Tok::Lpar | Tok::Lsqb | Tok::Dot))
    }

    /// `star_targets`.
    pub fn star_targets(&mut self) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            let Some(a) = p.star_target()? else {
                return Ok(None);
            };
            if !p.at(Tok::Comma)? {
                return Ok(Some(a));
            }
            let mut elts = vec![a];
            loop {
                let m = p.mark;
                if p.eat(Tok::Comma)?.is_none() {
                    break;
                }
                match p.star_target()? {
                    Some(c) => elts.push(c),
                    None => {
                        p.mark = m;
                        break;
                    }
                }
            }
            p.eat(Tok::Comma)?;
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

    /// `star_targets_list_seq`: `','.star_target+ [',']`.
    fn star_targets_list_seq(&mut self) -> PResult<Vec<Expr>> {
        self.rule(|p| {
            let Some(v) = p.gather(Parser::star_target)? else {
                return Ok(None);
            };
            p.eat(Tok::Comma)?;
            Ok(Some(v))
        })
    }

    /// `star_targets_tuple_seq`.
    fn star_targets_tuple_seq(&mut self) -> PResult<Vec<Expr>> {
        self.rule(|p| {
            let Some(a) = p.star_target()? else {
                return Ok(None);
            };
            let mut v = vec![a];
            loop {
                let m = p.mark;
                if p.eat(Tok::Comma)?.is_none() {
                    break;
                }
                match p.star_target()? {
                    Some(c) => v.push(c),
                    None => {
                        p.mark = m;
                        break;
                    }
                }
            }
            if v.len() > 1 {
                p.eat(Tok::Comma)?;
                return Ok(Some(v));
            }
            if p.eat(Tok::Comma)?.is_some() {
                return Ok(Some(v));
            }
            Ok(None)
        })
    }

    /// `star_target` (memo).
    pub fn star_target(&mut self) -> PResult<Expr> {
        let start = self.mark;
        if let Some(Memo::Expr(e)) = self.memo_get(Rule::StarTarget) {
            return Ok(e);
        }
        let r = self.rule(|p| {
            if p.eat(Tok::Star)?.is_some() {
                if !p.at(Tok::Star)? {
                    if let Some(a) = p.star_target()? {
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
                }
                p.mark = start;
            }
            p.target_with_star_atom()
        })?;
        self.memo_put(start, Rule::StarTarget, Memo::Expr(r.clone()));
        Ok(r)
    }

    /// `t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead`, with `ctx`.
    fn subscript_attribute_target(&mut self, ctx: ExprContext) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            let Some(a) = p.t_primary()? else {
                return Ok(None);
            };
            let after = p.mark;
            if p.eat(Tok::Dot)?.is_some() {
                if let Some((attr, _)) = p.name_token()? {
                    if !p.t_lookahead()? {
                        let loc = p.loc_from(start);
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
            p.mark = after;
            if p.eat(Tok::Lsqb)?.is_some() {
                if let Some(s) = p.slices()? {
                    if p.eat(Tok::Rsqb)?.is_some() && !p.t_lookahead()? {
                        let loc = p.loc_from(start);
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
            Ok(None)
        })
    }

    /// `target_with_star_atom` (memo).
    pub fn target_with_star_atom(&mut self) -> PResult<Expr> {
        let start = self.mark;
        if let Some(Memo::Expr(e)) = self.memo_get(Rule::TargetWithStarAtom) {
            return Ok(e);
        }
        let r = self.rule(|p| {
            if let Some(e) = p.subscript_attribute_target(ExprContext::Store)? {
                return Ok(Some(e));
            }
            p.star_atom()
        })?;
        self.memo_put(start, Rule::TargetWithStarAtom, Memo::Expr(r.clone()));
        Ok(r)
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
                let elts = p.star_targets_tuple_seq()?.unwrap_or_default();
                if p.eat(Tok::Rpar)?.is_some() {
                    let loc = p.loc_from(start);
                    return Ok(Some(Expr::new(
                        ExprKind::Tuple {
                            elts,
                            ctx: ExprContext::Store,
                        },
                        loc,
                    )));
                }
                p.mark = start;
            }
            if p.eat(Tok::Lsqb)?.is_some() {
                let elts = p.star_targets_list_seq()?.unwrap_or_default();
                if p.eat(Tok::Rsqb)?.is_some() {
                    let loc = p.loc_from(start);
                    return Ok(Some(Expr::new(
                        ExprKind::List {
                            elts,
                            ctx: ExprContext::Store,
                        },
                        loc,
                    )));
                }
            }
            Ok(None)
        })
    }

    /// `single_target`.
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
        self.subscript_attribute_target(ExprContext::Store)
    }

    /// `t_primary` (left-recursive, grown as a loop; every step needs `&t_lookahead`).
    pub fn t_primary(&mut self) -> PResult<Expr> {
        let start = self.mark;
        if let Some(Memo::Expr(e)) = self.memo_get(Rule::TPrimary) {
            return Ok(e);
        }
        let r = self.rule(|p| {
            let Some(mut a) = p.atom()? else {
                return Ok(None);
            };
            if !p.t_lookahead()? {
                return Ok(None);
            }
            loop {
                let m = p.mark;
                match p.peek()? {
                    Tok::Dot => {
                        p.mark += 1;
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
                    }
                    Tok::Lsqb => {
                        p.mark += 1;
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
                    }
                    Tok::Lpar => {
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
                        p.mark = m + 1;
                        let (args, keywords) = match p.arguments()? {
                            Some((args, kw, _)) => (args, kw),
                            None => (vec![], vec![]),
                        };
                        if p.eat(Tok::Rpar)?.is_some() && p.t_lookahead()? {
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
                    _ => {}
                }
                p.mark = m;
                break;
            }
            Ok(Some(a))
        })?;
        self.memo_put(start, Rule::TPrimary, Memo::Expr(r.clone()));
        Ok(r)
    }

    /// `del_targets`: `','.del_target+ [',']`.
    pub fn del_targets(&mut self) -> PResult<Vec<Expr>> {
        self.rule(|p| {
            let Some(v) = p.gather(Parser::del_target)? else {
                return Ok(None);
            };
            p.eat(Tok::Comma)?;
            Ok(Some(v))
        })
    }

    /// `del_target` (memo).
    fn del_target(&mut self) -> PResult<Expr> {
        let start = self.mark;
        if let Some(Memo::Expr(e)) = self.memo_get(Rule::DelTarget) {
            return Ok(e);
        }
        let r = self.rule(|p| {
            if let Some(e) = p.subscript_attribute_target(ExprContext::Del)? {
                return Ok(Some(e));
            }
            p.del_t_atom()
        })?;
        self.memo_put(start, Rule::DelTarget, Memo::Expr(r.clone()));
        Ok(r)
    }

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
                let elts = p.del_targets()?.unwrap_or_default();
                if p.eat(Tok::Rpar)?.is_some() {
                    let loc = p.loc_from(start);
                    return Ok(Some(Expr::new(
                        ExprKind::Tuple {
                            elts,
                            ctx: ExprContext::Del,
                        },
                        loc,
                    )));
                }
                p.mark = start;
            }
            if p.eat(Tok::Lsqb)?.is_some() {
                let elts = p.del_targets()?.unwrap_or_default();
                if p.eat(Tok::Rsqb)?.is_some() {
                    let loc = p.loc_from(start);
                    return Ok(Some(Expr::new(
                        ExprKind::List {
                            elts,
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
