//! The `invalid_*` rules of python.gram, active only in the second pass: they match
//! common mistakes and raise CPython's specific error messages. Rules not ported yet
//! match nothing (the generic "invalid syntax" is reported instead).

use super::{Fail, PResult, Parser};
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
        ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
            elts.iter().find_map(|x| invalid_target(x, ty))
        }
        ExprKind::Starred { value, .. } => {
            if ty == TargetsType::Del {
                Some(e)
            } else {
                invalid_target(value, ty)
            }
        }
        ExprKind::Compare { left, ops, .. } => {
            if ty == TargetsType::For {
                if ops.first() == Some(&Cmpop::In) {
                    return invalid_target(left, ty);
                }
                return None;
            }
            Some(e)
        }
        ExprKind::Name { .. } | ExprKind::Subscript { .. } | ExprKind::Attribute { .. } => None,
        _ => Some(e),
    }
}

impl Parser<'_> {
    pub fn invalid_expression(&mut self) -> PResult<Expr> {
        // !(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid
        let start = self.mark;
        let t0 = self.tok_at(start)?;
        let t1 = self.tok_at(start + 1).ok();
        let soft = t0.kind == Tok::Name && matches!(self.text(&t0), b"match" | b"case" | b"_");
        let name_string = t0.kind == Tok::Name && t1.is_some_and(|t| t.kind == Tok::String);
        if !(soft || name_string) {
            if let Some(a) = self.disjunction()? {
                let saved = self.call_invalid_rules;
                self.call_invalid_rules = false;
                let b = self.expression();
                self.call_invalid_rules = saved;
                if let Some(b) = b? {
                    let legacy = matches!(&a.node, ExprKind::Name { id, .. } if matches!(id.as_str(), "print" | "exec"));
                    let level = self
                        .tokens
                        .get(self.mark.saturating_sub(1))
                        .map_or(0, |t| t.level);
                    if !legacy && level != 0 {
                        return Err(self.raise_range(
                            a.loc,
                            b.loc,
                            "invalid syntax. Perhaps you forgot a comma?",
                        ));
                    }
                    self.mark = start;
                    return Ok(None);
                }
            }
        }
        self.mark = start;
        // a=disjunction 'if' b=disjunction !('else'|':')
        if let Some(a) = self.disjunction()? {
            if self.eat(Tok::If)?.is_some() {
                if let Some(b) = self.disjunction()? {
                    if !matches!(self.peek()?, Tok::Else | Tok::Colon) {
                        return Err(self.raise_range(
                            a.loc,
                            b.loc,
                            "expected 'else' after 'if' expression",
                        ));
                    }
                }
            }
        }
        self.mark = start;
        Ok(None)
    }

    pub fn invalid_named_expression(&mut self) -> PResult<Expr> {
        let start = self.mark;
        if let Some(a) = self.expression()? {
            if self.eat(Tok::ColonEqual)?.is_some() && self.expression()?.is_some() {
                let msg = format!("cannot use assignment expressions with {}", expr_name(&a));
                return Err(self.raise_at(a.loc, &msg));
            }
        }
        self.mark = start;
        if let Some(a) = self.name()? {
            if self.eat(Tok::Equal)?.is_some() {
                if let Some(b) = self.bitwise_or()? {
                    if !matches!(self.peek()?, Tok::Equal | Tok::ColonEqual) {
                        return Err(self.raise_range(
                            a.loc,
                            b.loc,
                            "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                        ));
                    }
                }
            }
        }
        self.mark = start;
        let excluded = match self.peek()? {
            Tok::True | Tok::None | Tok::False => true,
            Tok::Lsqb | Tok::Lpar => self.lookahead(|p| p.atom())?,
            _ => false,
        };
        self.mark = start;
        if !excluded {
            if let Some(a) = self.bitwise_or()? {
                if self.eat(Tok::Equal)?.is_some()
                    && self.bitwise_or()?.is_some()
                    && !matches!(self.peek()?, Tok::Equal | Tok::ColonEqual)
                {
                    let msg = format!(
                        "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                        expr_name(&a)
                    );
                    return Err(self.raise_at(a.loc, &msg));
                }
            }
        }
        self.mark = start;
        Ok(None)
    }

    pub fn invalid_assignment(&mut self) -> PResult<Expr> {
        let start = self.mark;
        if let Some(a) = self.invalid_ann_assign_target()? {
            if self.eat(Tok::Colon)?.is_some() && self.expression()?.is_some() {
                let msg = format!(
                    "only single target (not {}) can be annotated",
                    expr_name(&a)
                );
                return Err(self.raise_at(a.loc, &msg));
            }
        }
        self.mark = start;
        if let Some(a) = self.star_named_expression()? {
            if self.eat(Tok::Comma)?.is_some() {
                while self.star_named_expressions()?.is_some() {}
                if self.eat(Tok::Colon)?.is_some() && self.expression()?.is_some() {
                    return Err(
                        self.raise_at(a.loc, "only single target (not tuple) can be annotated")
                    );
                }
            }
        }
        self.mark = start;
        if let Some(a) = self.expression()? {
            if self.eat(Tok::Colon)?.is_some() && self.expression()?.is_some() {
                return Err(self.raise_at(a.loc, "illegal target for annotation"));
            }
        }
        self.mark = start;
        self.skip_star_targets_eq()?;
        if let Some(a) = self.star_expressions()? {
            if self.eat(Tok::Equal)?.is_some() {
                if let Some(t) = invalid_target(&a, TargetsType::Star) {
                    let msg = format!("cannot assign to {}", expr_name(t));
                    let loc = t.loc;
                    return Err(self.raise_at(loc, &msg));
                }
            }
        }
        self.mark = start;
        self.skip_star_targets_eq()?;
        if let Some(a) = self.yield_expr()? {
            if self.eat(Tok::Equal)?.is_some() {
                return Err(self.raise_at(a.loc, "assignment to yield expression not possible"));
            }
        }
        self.mark = start;
        if let Some(a) = self.star_expressions()? {
            let t = self.peek()?;
            if matches!(
                t,
                Tok::PlusEqual
                    | Tok::MinEqual
                    | Tok::StarEqual
                    | Tok::AtEqual
                    | Tok::SlashEqual
                    | Tok::PercentEqual
                    | Tok::AmperEqual
                    | Tok::VbarEqual
                    | Tok::CircumflexEqual
                    | Tok::LeftShiftEqual
                    | Tok::RightShiftEqual
                    | Tok::DoubleStarEqual
                    | Tok::DoubleSlashEqual
            ) {
                self.mark += 1;
                let rhs = match self.yield_expr()? {
                    Some(y) => Some(y),
                    None => self.star_expressions()?,
                };
                if rhs.is_some() {
                    let msg = format!(
                        "'{}' is an illegal expression for augmented assignment",
                        expr_name(&a)
                    );
                    return Err(self.raise_at(a.loc, &msg));
                }
            }
        }
        self.mark = start;
        Ok(None)
    }

    pub fn invalid_block(&mut self) -> PResult<Expr> {
        let start = self.mark;
        if self.eat(Tok::Newline)?.is_some() && !self.at(Tok::Indent)? {
            return Err(self.raise_here(
                SyntaxErrorKind::IndentationError,
                "expected an indented block",
            ));
        }
        self.mark = start;
        Ok(None)
    }

    /// The shape of `invalid_if_stmt` and friends: `kw head NEWLINE` ("expected ':'") or
    /// `kw head ':' NEWLINE !INDENT` ("expected an indented block after ...").
    fn invalid_header(
        &mut self,
        kw: Tok,
        what: &str,
        head: fn(&mut Self) -> Result<bool, Fail>,
        colon_error: bool,
    ) -> PResult<Expr> {
        let start = self.mark;
        let Some(a) = self.eat(kw)? else {
            return Ok(None);
        };
        let after = self.mark;
        if head(self)? {
            if colon_error && self.eat(Tok::Newline)?.is_some() {
                return Err(self.raise_here(SyntaxErrorKind::SyntaxError, "expected ':'"));
            }
        }
        self.mark = after;
        if head(self)?
            && self.eat(Tok::Colon)?.is_some()
            && self.eat(Tok::Newline)?.is_some()
            && !self.at(Tok::Indent)?
        {
            let msg = format!(
                "expected an indented block after {what} on line {}",
                a.lineno
            );
            return Err(self.raise_here(SyntaxErrorKind::IndentationError, &msg));
        }
        self.mark = start;
        Ok(None)
    }

    pub fn invalid_if_stmt(&mut self) -> PResult<Expr> {
        self.invalid_header(
            Tok::If,
            "'if' statement",
            |p| Ok(p.named_expression()?.is_some()),
            true,
        )
    }

    pub fn invalid_elif_stmt(&mut self) -> PResult<Expr> {
        self.invalid_header(
            Tok::Elif,
            "'elif' statement",
            |p| Ok(p.named_expression()?.is_some()),
            true,
        )
    }

    pub fn invalid_while_stmt(&mut self) -> PResult<Expr> {
        self.invalid_header(
            Tok::While,
            "'while' statement",
            |p| Ok(p.named_expression()?.is_some()),
            true,
        )
    }

    pub fn invalid_else_stmt(&mut self) -> PResult<Expr> {
        self.invalid_header(Tok::Else, "'else' statement", |_| Ok(true), false)
    }

    pub fn invalid_finally_stmt(&mut self) -> PResult<Expr> {
        self.invalid_header(Tok::Finally, "'finally' statement", |_| Ok(true), false)
    }

    pub fn invalid_for_stmt(&mut self) -> PResult<Expr> {
        let start = self.mark;
        self.eat(Tok::Async)?;
        let r = self.invalid_header(
            Tok::For,
            "'for' statement",
            |p| {
                Ok(p.star_targets()?.is_some()
                    && p.eat(Tok::In)?.is_some()
                    && p.star_expressions()?.is_some())
            },
            true,
        );
        if !matches!(r, Ok(None)) {
            return r;
        }
        self.mark = start;
        Ok(None)
    }

    pub fn invalid_def_raw(&mut self) -> PResult<Expr> {
        let start = self.mark;
        self.eat(Tok::Async)?;
        let r = self.invalid_header(
            Tok::Def,
            "function definition",
            |p| {
                if p.name()?.is_none() || p.eat(Tok::Lpar)?.is_none() {
                    return Ok(false);
                }
                p.params()?;
                if p.eat(Tok::Rpar)?.is_none() {
                    return Ok(false);
                }
                let m = p.mark;
                if !(p.eat(Tok::Rarrow)?.is_some() && p.expression()?.is_some()) {
                    p.mark = m;
                }
                Ok(true)
            },
            false,
        );
        if !matches!(r, Ok(None)) {
            return r;
        }
        self.mark = start;
        Ok(None)
    }

    pub fn invalid_class_def_raw(&mut self) -> PResult<Expr> {
        self.invalid_header(
            Tok::Class,
            "class definition",
            |p| {
                if p.name()?.is_none() {
                    return Ok(false);
                }
                let m = p.mark;
                if p.eat(Tok::Lpar)?.is_some() {
                    p.arguments()?;
                    if p.eat(Tok::Rpar)?.is_none() {
                        p.mark = m;
                    }
                }
                Ok(true)
            },
            true,
        )
    }

    pub fn invalid_try_stmt(&mut self) -> PResult<Expr> {
        let start = self.mark;
        let Some(a) = self.eat(Tok::Try)? else {
            return Ok(None);
        };
        if self.eat(Tok::Colon)?.is_some() {
            let m = self.mark;
            if self.eat(Tok::Newline)?.is_some() && !self.at(Tok::Indent)? {
                let msg = format!(
                    "expected an indented block after 'try' statement on line {}",
                    a.lineno
                );
                return Err(self.raise_here(SyntaxErrorKind::IndentationError, &msg));
            }
            self.mark = m;
            if self.block()?.is_some() && !matches!(self.peek()?, Tok::Except | Tok::Finally) {
                return Err(self.raise_here(
                    SyntaxErrorKind::SyntaxError,
                    "expected 'except' or 'finally' block",
                ));
            }
        }
        self.mark = start;
        Ok(None)
    }

    /// `(star_targets '=')*`.
    fn skip_star_targets_eq(&mut self) -> Result<(), Fail> {
        loop {
            let m = self.mark;
            if self.star_targets()?.is_some() && self.eat(Tok::Equal)?.is_some() {
                continue;
            }
            self.mark = m;
            return Ok(());
        }
    }

    /// `invalid_ann_assign_target`: `list | tuple | '(' invalid_ann_assign_target ')'`.
    fn invalid_ann_assign_target(&mut self) -> PResult<Expr> {
        let start = self.mark;
        if matches!(self.peek()?, Tok::Lsqb | Tok::Lpar) {
            if let Some(a) = self.atom()? {
                if matches!(a.node, ExprKind::List { .. } | ExprKind::Tuple { .. }) {
                    return Ok(Some(a));
                }
            }
            self.mark = start;
            if self.eat(Tok::Lpar)?.is_some() {
                if let Some(a) = self.invalid_ann_assign_target()? {
                    if self.eat(Tok::Rpar)?.is_some() {
                        return Ok(Some(a));
                    }
                }
            }
        }
        self.mark = start;
        Ok(None)
    }

    pub fn invalid_arguments(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_comprehension(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_default(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_del_stmt(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_dict_comprehension(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_double_starred_kvpairs(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_except_star_stmt_indent(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_except_stmt(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_except_stmt_indent(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_for_target(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_group(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_import_from_targets(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_kwarg(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_kwds(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_lambda_kwds(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_lambda_parameters(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_lambda_star_etc(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_legacy_expression(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_parameters(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_star_etc(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_with_item(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_with_stmt(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_with_stmt_indent(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_match_stmt(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_case_block(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_as_pattern(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_class_pattern(&mut self) -> PResult<Expr> {
        Ok(None)
    }
}
