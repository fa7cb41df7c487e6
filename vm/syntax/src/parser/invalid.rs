//! The `invalid_*` rules of python.gram for expressions, assignments, calls and
//! displays, active only in the second pass: they match common mistakes and raise
//! CPython's specific messages. An action that yields NULL without raising makes the
//! rule fail at once (its later alternatives are not tried), as in the generated C.

use super::{Fail, PResult, Parser, Rule};
use crate::ast::*;
use crate::error::SyntaxErrorKind;
use crate::lexer::Tok;

/// `_PyPegen_get_expr_name`.
pub(crate) fn expr_name(e: &Expr) -> &'static str {
    match &e.node {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred { .. } => "starred",
        ExprKind::Name { .. } => "name",
        ExprKind::List { .. } => "list",
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } => "yield expression",
        ExprKind::Await { .. } => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set { .. } => "set display",
        ExprKind::JoinedStr { .. } | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::Constant { value, .. } => match value {
            Constant::None => "None",
            Constant::Bool(true) => "True",
            Constant::Bool(false) => "False",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

/// `TARGETS_TYPE`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum TargetsType {
    Star,
    Del,
    For,
}

/// `_PyPegen_get_invalid_target`.
pub(crate) fn invalid_target(e: &Expr, ty: TargetsType) -> Option<&Expr> {
    match &e.node {
        ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => elts
            .iter()
            .find_map(|x| crate::stack::guard(|| invalid_target(x, ty))),
        ExprKind::Starred { value, .. } => {
            if ty == TargetsType::Del {
                Some(e)
            } else {
                crate::stack::guard(|| invalid_target(value, ty))
            }
        }
        ExprKind::Compare { left, ops, .. } => {
            if ty == TargetsType::For {
                if ops.first() == Some(&Cmpop::In) {
                    return crate::stack::guard(|| invalid_target(left, ty));
                }
                return None;
            }
            Some(e)
        }
        ExprKind::Name { .. } | ExprKind::Subscript { .. } | ExprKind::Attribute { .. } => None,
        _ => Some(e),
    }
}

/// `_PyPegen_check_legacy_stmt`: is this the name `print` or `exec`?
fn is_legacy(e: &Expr) -> bool {
    matches!(&e.node, ExprKind::Name { id, .. } if id.as_str() == "print" || id.as_str() == "exec")
}

/// `_PyPegen_get_last_comprehension_item`.
fn last_comprehension_item(c: &Comprehension) -> Location {
    c.ifs.last().map_or(c.iter.loc, |e| e.loc)
}

impl Parser<'_> {
    /// `RAISE_SYNTAX_ERROR_INVALID_TARGET(type, e)`: raises when `e` holds an invalid
    /// target; `Ok(())` (the action's NULL) otherwise.
    pub(crate) fn raise_invalid_target(&mut self, ty: TargetsType, e: &Expr) -> Result<(), Fail> {
        let Some(t) = invalid_target(e, ty) else {
            return Ok(());
        };
        let verb = if ty == TargetsType::Del {
            "delete"
        } else {
            "assign to"
        };
        let msg = format!("cannot {verb} {}", expr_name(t));
        Err(self.raise_at(t.loc, &msg))
    }

    /// `invalid_arguments`.
    pub fn invalid_arguments(&mut self) -> PResult<()> {
        self.rule(|p| {
            let start = p.mark;
            // args ',' a='*' (3.11.7 points at the '*'; 3.11.2 at the args)
            if p.args()?.is_some() && p.eat(Tok::Comma)?.is_some() {
                if let Some(a) = p.eat(Tok::Star)? {
                    return Err(p.raise_at_token(
                        &a,
                        "iterable argument unpacking follows keyword argument unpacking",
                    ));
                }
            }
            p.mark = start;
            // a=expression b=for_if_clauses ',' [args | expression for_if_clauses]
            if let Some(a) = p.expression()? {
                if let Some(b) = p.for_if_clauses()? {
                    if p.eat(Tok::Comma)?.is_some() {
                        p.helper(|p| {
                            let m = p.mark;
                            if p.args()?.is_some() {
                                return Ok(Some(()));
                            }
                            p.mark = m;
                            if p.expression()?.is_some() && p.for_if_clauses()?.is_some() {
                                return Ok(Some(()));
                            }
                            Ok(None)
                        })?;
                        let last = b.last().map_or(a.loc, last_comprehension_item);
                        return Err(p.raise_range(
                            a.loc,
                            last,
                            "Generator expression must be parenthesized",
                        ));
                    }
                }
            }
            p.mark = start;
            // a=NAME b='=' expression for_if_clauses
            if let Some(t) = p.eat(Tok::Name)? {
                if let Some(eq) = p.eat(Tok::Equal)? {
                    if p.expression()?.is_some() && p.for_if_clauses()?.is_some() {
                        return Err(p.raise_token_range(
                            &t,
                            &eq,
                            "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                        ));
                    }
                }
            }
            p.mark = start;
            // a=args b=for_if_clauses
            if let Some(a) = p.args()? {
                if let Some(b) = p.for_if_clauses()? {
                    // _PyPegen_nonparen_genexp_in_call
                    let (args, _, _) = &a;
                    if args.len() <= 1 {
                        return Ok(None);
                    }
                    let last = b.last().map_or(a.2, last_comprehension_item);
                    let loc = args[args.len() - 1].loc;
                    return Err(p.raise_range(
                        loc,
                        last,
                        "Generator expression must be parenthesized",
                    ));
                }
            }
            p.mark = start;
            // args ',' a=expression b=for_if_clauses
            if p.args()?.is_some() && p.eat(Tok::Comma)?.is_some() {
                if let Some(a) = p.expression()? {
                    if let Some(b) = p.for_if_clauses()? {
                        let last = b.last().map_or(a.loc, last_comprehension_item);
                        return Err(p.raise_range(
                            a.loc,
                            last,
                            "Generator expression must be parenthesized",
                        ));
                    }
                }
            }
            p.mark = start;
            // a=args ',' args
            if let Some(a) = p.args()? {
                if p.eat(Tok::Comma)?.is_some() && p.args()?.is_some() {
                    // _PyPegen_arguments_parsing_error
                    let msg = if a.1.iter().any(|k| k.arg.is_none()) {
                        "positional argument follows keyword argument unpacking"
                    } else {
                        "positional argument follows keyword argument"
                    };
                    return Err(p.raise_here(SyntaxErrorKind::SyntaxError, msg));
                }
            }
            Ok(None)
        })
    }

    /// `invalid_kwarg`.
    pub fn invalid_kwarg(&mut self) -> PResult<()> {
        self.rule(|p| {
            let start = p.mark;
            // a=('True'|'False'|'None') b='='
            let a = p.helper(|p| {
                let t = p.tok_at(p.mark)?;
                if matches!(t.kind, Tok::True | Tok::False | Tok::None) {
                    p.mark += 1;
                    return Ok(Some(t));
                }
                Ok(None)
            })?;
            if let Some(a) = a {
                if let Some(b) = p.eat(Tok::Equal)? {
                    let msg = format!("cannot assign to {}", String::from_utf8_lossy(p.text(&a)));
                    return Err(p.raise_token_range(&a, &b, &msg));
                }
            }
            p.mark = start;
            // a=NAME b='=' expression for_if_clauses
            if let Some(t) = p.eat(Tok::Name)? {
                if let Some(eq) = p.eat(Tok::Equal)? {
                    if p.expression()?.is_some() && p.for_if_clauses()?.is_some() {
                        return Err(p.raise_token_range(
                            &t,
                            &eq,
                            "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                        ));
                    }
                }
            }
            p.mark = start;
            // !(NAME '=') a=expression b='='
            let name_eq = p.helper(|p| {
                if p.eat(Tok::Name)?.is_some() && p.eat(Tok::Equal)?.is_some() {
                    return Ok(Some(()));
                }
                Ok(None)
            })?;
            p.mark = start;
            if name_eq.is_none() {
                if let Some(a) = p.expression()? {
                    if let Some(b) = p.eat(Tok::Equal)? {
                        let bl = super::token_loc(&b);
                        return Err(p.raise_range(
                            a.loc,
                            bl,
                            "expression cannot contain assignment, perhaps you meant \"==\"?",
                        ));
                    }
                }
            }
            Ok(None)
        })
    }

    /// `expression_without_invalid`: `expression`'s alternatives with the invalid rules
    /// switched off below it.
    fn expression_without_invalid(&mut self) -> PResult<Expr> {
        let prev = self.call_invalid_rules;
        self.call_invalid_rules = false;
        let r = self.rule(|p| {
            let start = p.mark;
            if let Some(a) = p.disjunction()? {
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
                p.mark = start;
                return p.disjunction();
            }
            p.mark = start;
            p.disjunction()?;
            p.lambdef()
        });
        self.call_invalid_rules = prev;
        r
    }

    /// `invalid_legacy_expression: a=NAME !'(' b=star_expressions`.
    pub fn invalid_legacy_expression(&mut self) -> PResult<()> {
        self.rule(|p| {
            let Some(a) = p.name()? else {
                return Ok(None);
            };
            if p.at(Tok::Lpar)? {
                return Ok(None);
            }
            let Some(b) = p.star_expressions()? else {
                return Ok(None);
            };
            if !is_legacy(&a) {
                return Ok(None);
            }
            let name = match &a.node {
                ExprKind::Name { id, .. } => id.to_string(),
                _ => String::new(),
            };
            let msg = format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?");
            Err(p.raise_range(a.loc, b.loc, &msg))
        })
    }

    /// `invalid_expression`.
    pub fn invalid_expression(&mut self) -> PResult<()> {
        self.rule(|p| {
            let start = p.mark;
            // !(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid
            let excluded = p.helper(|p| {
                let m = p.mark;
                if p.eat(Tok::Name)?.is_some() && p.eat(Tok::String)?.is_some() {
                    return Ok(Some(()));
                }
                p.mark = m;
                let t = p.tok_at(m)?;
                // _PyPegen_soft_keyword_token compares the first len(name) bytes only,
                // so any prefix of a soft keyword counts.
                let text = p.text(&t);
                let prefix = |kw: &[u8]| !text.is_empty() && kw.starts_with(text);
                if t.kind == Tok::Name && (prefix(b"_") || prefix(b"case") || prefix(b"match")) {
                    p.mark += 1;
                    return Ok(Some(()));
                }
                Ok(None)
            })?;
            p.mark = start;
            if excluded.is_none() {
                if let Some(a) = p.disjunction()? {
                    if let Some(b) = p.expression_without_invalid()? {
                        if is_legacy(&a) {
                            return Ok(None);
                        }
                        let prev = p.filled_token(p.mark.saturating_sub(1));
                        if prev.level == 0 {
                            return Ok(None);
                        }
                        return Err(p.raise_range(
                            a.loc,
                            b.loc,
                            "invalid syntax. Perhaps you forgot a comma?",
                        ));
                    }
                }
            }
            p.mark = start;
            // a=disjunction 'if' b=disjunction !('else'|':')
            if let Some(a) = p.disjunction()? {
                if p.eat(Tok::If)?.is_some() {
                    if let Some(b) = p.disjunction()? {
                        let m = p.mark;
                        let follows = p.helper(|p| {
                            Ok(matches!(p.peek()?, Tok::Else | Tok::Colon).then_some(()))
                        })?;
                        p.mark = m;
                        if follows.is_none() {
                            return Err(p.raise_range(
                                a.loc,
                                b.loc,
                                "expected 'else' after 'if' expression",
                            ));
                        }
                    }
                }
            }
            Ok(None)
        })
    }

    /// `invalid_named_expression` (memo).
    pub fn invalid_named_expression(&mut self) -> PResult<()> {
        self.memo_rule(Rule::InvalidNamedExpression, |p| {
            let start = p.mark;
            // a=expression ':=' expression
            if let Some(a) = p.expression()? {
                if p.eat(Tok::ColonEqual)?.is_some() && p.expression()?.is_some() {
                    let msg = format!("cannot use assignment expressions with {}", expr_name(&a));
                    return Err(p.raise_at(a.loc, &msg));
                }
            }
            p.mark = start;
            let not_assign = |p: &mut Self| -> Result<bool, Fail> {
                let m = p.mark;
                let r = p.helper(|p| {
                    Ok(matches!(p.peek()?, Tok::Equal | Tok::ColonEqual).then_some(()))
                })?;
                p.mark = m;
                Ok(r.is_none())
            };
            // a=NAME '=' b=bitwise_or !('='|':=')
            if let Some(a) = p.name()? {
                if p.eat(Tok::Equal)?.is_some() {
                    if let Some(b) = p.bitwise_or()? {
                        if not_assign(p)? {
                            return Err(p.raise_range(
                                a.loc,
                                b.loc,
                                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                            ));
                        }
                    }
                }
            }
            p.mark = start;
            // !(list|tuple|genexp|'True'|'None'|'False') a=bitwise_or b='=' bitwise_or
            // !('='|':=')
            let excluded = p.helper(|p| {
                let m = p.mark;
                if p.list()?.is_some() {
                    return Ok(Some(()));
                }
                p.mark = m;
                if p.tuple()?.is_some() {
                    return Ok(Some(()));
                }
                p.mark = m;
                if p.genexp()?.is_some() {
                    return Ok(Some(()));
                }
                p.mark = m;
                if matches!(p.peek()?, Tok::True | Tok::None | Tok::False) {
                    p.mark += 1;
                    return Ok(Some(()));
                }
                Ok(None)
            })?;
            p.mark = start;
            if excluded.is_none() {
                if let Some(a) = p.bitwise_or()? {
                    if p.eat(Tok::Equal)?.is_some() && p.bitwise_or()?.is_some() && not_assign(p)? {
                        let msg = format!(
                            "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                            expr_name(&a)
                        );
                        return Err(p.raise_at(a.loc, &msg));
                    }
                }
            }
            Ok(None)
        })
    }

    /// `invalid_assignment`.
    pub fn invalid_assignment(&mut self) -> PResult<()> {
        self.rule(|p| {
            let start = p.mark;
            // a=invalid_ann_assign_target ':' expression
            if let Some(a) = p.invalid_ann_assign_target()? {
                if p.eat(Tok::Colon)?.is_some() && p.expression()?.is_some() {
                    let msg = format!(
                        "only single target (not {}) can be annotated",
                        expr_name(&a)
                    );
                    return Err(p.raise_at(a.loc, &msg));
                }
            }
            p.mark = start;
            // a=star_named_expression ',' star_named_expressions* ':' expression
            if let Some(a) = p.star_named_expression()? {
                if p.eat(Tok::Comma)?.is_some() {
                    p.loop0(Parser::star_named_expressions)?;
                    if p.eat(Tok::Colon)?.is_some() && p.expression()?.is_some() {
                        return Err(
                            p.raise_at(a.loc, "only single target (not tuple) can be annotated")
                        );
                    }
                }
            }
            p.mark = start;
            // a=expression ':' expression
            if let Some(a) = p.expression()? {
                if p.eat(Tok::Colon)?.is_some() && p.expression()?.is_some() {
                    return Err(p.raise_at(a.loc, "illegal target for annotation"));
                }
            }
            p.mark = start;
            // (star_targets '=')* a=star_expressions '='
            p.star_targets_eq_loop()?;
            if let Some(a) = p.star_expressions()? {
                if p.eat(Tok::Equal)?.is_some() {
                    p.raise_invalid_target(TargetsType::Star, &a)?;
                    return Ok(None);
                }
            }
            p.mark = start;
            // (star_targets '=')* a=yield_expr '='
            p.star_targets_eq_loop()?;
            if let Some(a) = p.yield_expr()? {
                if p.eat(Tok::Equal)?.is_some() {
                    return Err(p.raise_at(a.loc, "assignment to yield expression not possible"));
                }
            }
            p.mark = start;
            // a=star_expressions augassign (yield_expr | star_expressions)
            if let Some(a) = p.star_expressions()? {
                if p.augassign()?.is_some() && p.annotated_rhs(true)?.is_some() {
                    let msg = format!(
                        "'{}' is an illegal expression for augmented assignment",
                        expr_name(&a)
                    );
                    return Err(p.raise_at(a.loc, &msg));
                }
            }
            Ok(None)
        })
    }

    /// `(star_targets '=')*`: a `_loop0` of `_tmp` pairs.
    fn star_targets_eq_loop(&mut self) -> Result<(), Fail> {
        self.loop0(|p| {
            p.helper(|p| {
                if p.star_targets()?.is_none() {
                    return Ok(None);
                }
                Ok(p.eat(Tok::Equal)?.map(|_| ()))
            })
        })?;
        Ok(())
    }

    /// `invalid_ann_assign_target: list | tuple | '(' invalid_ann_assign_target ')'`.
    fn invalid_ann_assign_target(&mut self) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            if let Some(a) = p.list()? {
                return Ok(Some(a));
            }
            p.mark = start;
            if let Some(a) = p.tuple()? {
                return Ok(Some(a));
            }
            p.mark = start;
            if p.eat(Tok::Lpar)?.is_some() {
                if let Some(a) = p.invalid_ann_assign_target()? {
                    if p.eat(Tok::Rpar)?.is_some() {
                        return Ok(Some(a));
                    }
                }
            }
            Ok(None)
        })
    }

    /// `invalid_del_stmt: 'del' a=star_expressions`.
    pub fn invalid_del_stmt(&mut self) -> PResult<()> {
        self.rule(|p| {
            if p.eat(Tok::Del)?.is_none() {
                return Ok(None);
            }
            let Some(a) = p.star_expressions()? else {
                return Ok(None);
            };
            p.raise_invalid_target(TargetsType::Del, &a)?;
            Ok(None)
        })
    }

    /// `invalid_block: NEWLINE !INDENT`.
    pub fn invalid_block(&mut self) -> PResult<()> {
        self.rule(|p| {
            if p.eat(Tok::Newline)?.is_some() && !p.at(Tok::Indent)? {
                return Err(p.raise_here(
                    SyntaxErrorKind::IndentationError,
                    "expected an indented block",
                ));
            }
            Ok(None)
        })
    }

    /// `invalid_comprehension`.
    pub fn invalid_comprehension(&mut self) -> PResult<()> {
        self.rule(|p| {
            let start = p.mark;
            let open = |p: &mut Self, kinds: &[Tok]| -> Result<bool, Fail> {
                Ok(p.helper(|p| {
                    if kinds.contains(&p.peek()?) {
                        p.mark += 1;
                        return Ok(Some(()));
                    }
                    Ok(None)
                })?
                .is_some())
            };
            // ('[' | '(' | '{') a=starred_expression for_if_clauses
            if open(p, &[Tok::Lsqb, Tok::Lpar, Tok::Lbrace])? {
                if let Some(a) = p.starred_expression()? {
                    if p.for_if_clauses()?.is_some() {
                        return Err(p.raise_at(
                            a.loc,
                            "iterable unpacking cannot be used in comprehension",
                        ));
                    }
                }
            }
            p.mark = start;
            // ('[' | '{') a=star_named_expression ',' b=star_named_expressions
            // for_if_clauses
            if open(p, &[Tok::Lsqb, Tok::Lbrace])? {
                if let Some(a) = p.star_named_expression()? {
                    if p.eat(Tok::Comma)?.is_some() {
                        if let Some(b) = p.star_named_expressions()? {
                            if p.for_if_clauses()?.is_some() {
                                let last = b.last().map_or(a.loc, |e| e.loc);
                                return Err(p.raise_range(
                                    a.loc,
                                    last,
                                    "did you forget parentheses around the comprehension target?",
                                ));
                            }
                        }
                    }
                }
            }
            p.mark = start;
            // ('[' | '{') a=star_named_expression b=',' for_if_clauses
            if open(p, &[Tok::Lsqb, Tok::Lbrace])? {
                if let Some(a) = p.star_named_expression()? {
                    if let Some(b) = p.eat(Tok::Comma)? {
                        if p.for_if_clauses()?.is_some() {
                            return Err(p.raise_range(
                                a.loc,
                                super::token_loc(&b),
                                "did you forget parentheses around the comprehension target?",
                            ));
                        }
                    }
                }
            }
            Ok(None)
        })
    }

    /// `invalid_dict_comprehension: '{' a='**' bitwise_or for_if_clauses '}'`.
    pub fn invalid_dict_comprehension(&mut self) -> PResult<()> {
        self.rule(|p| {
            if p.eat(Tok::Lbrace)?.is_none() {
                return Ok(None);
            }
            let Some(a) = p.eat(Tok::DoubleStar)? else {
                return Ok(None);
            };
            if p.bitwise_or()?.is_some()
                && p.for_if_clauses()?.is_some()
                && p.eat(Tok::Rbrace)?.is_some()
            {
                return Err(
                    p.raise_at_token(&a, "dict unpacking cannot be used in dict comprehension")
                );
            }
            Ok(None)
        })
    }

    /// `invalid_group: '(' a=starred_expression ')' | '(' a='**' expression ')'`.
    pub fn invalid_group(&mut self) -> PResult<()> {
        self.rule(|p| {
            let start = p.mark;
            if p.eat(Tok::Lpar)?.is_some() {
                if let Some(a) = p.starred_expression()? {
                    if p.eat(Tok::Rpar)?.is_some() {
                        return Err(p.raise_at(a.loc, "cannot use starred expression here"));
                    }
                }
            }
            p.mark = start;
            if p.eat(Tok::Lpar)?.is_some() {
                if let Some(a) = p.eat(Tok::DoubleStar)? {
                    if p.expression()?.is_some() && p.eat(Tok::Rpar)?.is_some() {
                        return Err(
                            p.raise_at_token(&a, "cannot use double starred expression here")
                        );
                    }
                }
            }
            Ok(None)
        })
    }

    /// `invalid_import_from_targets: import_from_as_names ',' NEWLINE`.
    pub fn invalid_import_from_targets(&mut self) -> PResult<()> {
        self.rule(|p| {
            if p.import_from_as_names()?.is_some()
                && p.eat(Tok::Comma)?.is_some()
                && p.eat(Tok::Newline)?.is_some()
            {
                return Err(p.raise_here(
                    SyntaxErrorKind::SyntaxError,
                    "trailing comma not allowed without surrounding parentheses",
                ));
            }
            Ok(None)
        })
    }

    /// `invalid_with_item: expression 'as' a=expression &(',' | ')' | ':')`.
    pub fn invalid_with_item(&mut self) -> PResult<()> {
        self.rule(|p| {
            if p.expression()?.is_none() || p.eat(Tok::As)?.is_none() {
                return Ok(None);
            }
            let Some(a) = p.expression()? else {
                return Ok(None);
            };
            let m = p.mark;
            let follows = p.helper(|p| {
                Ok(matches!(p.peek()?, Tok::Comma | Tok::Rpar | Tok::Colon).then_some(()))
            })?;
            p.mark = m;
            if follows.is_some() {
                p.raise_invalid_target(TargetsType::Star, &a)?;
            }
            Ok(None)
        })
    }

    /// `invalid_for_target: ASYNC? 'for' a=star_expressions`.
    pub fn invalid_for_target(&mut self) -> PResult<()> {
        self.rule(|p| {
            p.eat(Tok::Async)?;
            if p.eat(Tok::For)?.is_none() {
                return Ok(None);
            }
            let Some(a) = p.star_expressions()? else {
                return Ok(None);
            };
            p.raise_invalid_target(TargetsType::For, &a)?;
            Ok(None)
        })
    }

    /// `invalid_double_starred_kvpairs`.
    pub fn invalid_double_starred_kvpairs(&mut self) -> PResult<()> {
        self.rule(|p| {
            let start = p.mark;
            // ','.double_starred_kvpair+ ',' invalid_kvpair
            if p.gather(Tok::Comma, Parser::double_starred_kvpair)?
                .is_some()
                && p.eat(Tok::Comma)?.is_some()
                && p.invalid_kvpair()?.is_some()
            {
                return Ok(Some(()));
            }
            p.mark = start;
            p.kvpair_value_errors()
        })
    }

    /// The two alternatives `invalid_double_starred_kvpairs` and `invalid_kvpair` share:
    /// `expression ':' a='*' bitwise_or | expression a=':' &('}'|',')`.
    fn kvpair_value_errors(&mut self) -> PResult<()> {
        let start = self.mark;
        if self.expression()?.is_some() && self.eat(Tok::Colon)?.is_some() {
            if let Some(a) = self.eat(Tok::Star)? {
                if self.bitwise_or()?.is_some() {
                    return Err(self.raise_starting_from(
                        a.lineno,
                        i64::from(a.col),
                        "cannot use a starred expression in a dictionary value",
                    ));
                }
            }
        }
        self.mark = start;
        if self.expression()?.is_some() {
            if let Some(a) = self.eat(Tok::Colon)? {
                let m = self.mark;
                let follows = self
                    .helper(|p| Ok(matches!(p.peek()?, Tok::Rbrace | Tok::Comma).then_some(())))?;
                self.mark = m;
                if follows.is_some() {
                    return Err(
                        self.raise_at_token(&a, "expression expected after dictionary key and ':'")
                    );
                }
            }
        }
        Ok(None)
    }

    /// `invalid_kvpair`.
    fn invalid_kvpair(&mut self) -> PResult<()> {
        self.rule(|p| {
            let start = p.mark;
            // a=expression !(':')
            if let Some(a) = p.expression()? {
                if !p.at(Tok::Colon)? {
                    return Err(p.raise_known(
                        SyntaxErrorKind::SyntaxError,
                        "':' expected after dictionary key",
                        i64::from(a.loc.lineno),
                        i64::from(a.loc.end_col_offset) - 1,
                        i64::from(a.loc.end_lineno),
                        -1,
                    ));
                }
            }
            p.mark = start;
            p.kvpair_value_errors()
        })
    }
}
