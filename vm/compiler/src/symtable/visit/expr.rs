//! The expression half of the first symbol-table pass (`symtable_visit_expr`,
//! patterns, comprehensions and assignment expressions in CPython 3.11's
//! `symtable.c`).

use super::*;

impl Builder<'_> {
    /// `symtable_extend_namedexpr_scope`.
    pub(super) fn extend_namedexpr_scope(&mut self, e: &ast::Expr) -> R {
        let ExprKind::Name {
            id: target_name, ..
        } = &e.node
        else {
            return Ok(());
        };
        let loc = Loc4::from(&e.loc);
        for i in (0..self.stack.len()).rev() {
            let ste = self.stack[i];
            let entry = &self.entries[ste];
            if entry.comprehension != ComprehensionType::No {
                if entry.get_symbol(target_name) & DEF_COMP_ITER != 0 {
                    return Err(ranged_error(
                        fmt(NAMED_EXPR_COMP_CONFLICT, target_name),
                        loc,
                    ));
                }
                continue;
            }
            match entry.typ {
                BlockType::Function => {
                    if entry.get_symbol(target_name) & DEF_GLOBAL != 0 {
                        self.add_def(target_name, DEF_GLOBAL, loc)?;
                    } else {
                        self.add_def(target_name, DEF_NONLOCAL, loc)?;
                    }
                    self.record_directive(target_name, loc);
                    return self.add_def_helper(target_name, DEF_LOCAL, ste, loc);
                }
                BlockType::Module => {
                    self.add_def(target_name, DEF_GLOBAL, loc)?;
                    self.record_directive(target_name, loc);
                    return self.add_def_helper(target_name, DEF_GLOBAL, ste, loc);
                }
                BlockType::Class => {
                    return Err(ranged_error(NAMED_EXPR_COMP_IN_CLASS.into(), loc));
                }
                BlockType::Annotation => {}
            }
        }
        Err(CompileErrorAt::system(
            "symtable_extend_namedexpr_scope found no scope",
        ))
    }

    /// `symtable_handle_namedexpr`.
    pub(super) fn handle_namedexpr(
        &mut self,
        e: &ast::Expr,
        target: &ast::Expr,
        value: &ast::Expr,
    ) -> R {
        if self.cur().comp_iter_expr > 0 {
            return Err(ranged_error(
                NAMED_EXPR_COMP_ITER_EXPR.into(),
                Loc4::from(&e.loc),
            ));
        }
        if self.cur().comprehension != ComprehensionType::No {
            self.extend_namedexpr_scope(target)?;
        }
        self.visit_expr(value)?;
        self.visit_expr(target)
    }

    /// `symtable_visit_expr`.
    pub fn visit_expr(&mut self, e: &ast::Expr) -> R {
        self.guard(|st| st.visit_expr_inner(e))
    }

    fn visit_expr_inner(&mut self, e: &ast::Expr) -> R {
        let loc = Loc4::from(&e.loc);
        match &e.node {
            ExprKind::NamedExpr { target, value } => {
                self.raise_if_annotation_block("named expression", e)?;
                self.handle_namedexpr(e, target, value)?;
            }
            ExprKind::BoolOp { values, .. } => self.visit_exprs(values)?,
            ExprKind::BinOp { left, right, .. } => {
                self.visit_expr(left)?;
                self.visit_expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.visit_expr(operand)?,
            ExprKind::Lambda { args, body } => {
                self.visit_exprs(&args.defaults)?;
                for d in kw_defaults_present(args) {
                    self.visit_expr(d)?;
                }
                self.enter_block("lambda", BlockType::Function, node_key(e), loc);
                self.visit_arguments(args)?;
                self.visit_expr(body)?;
                self.exit_block();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_expr(body)?;
                self.visit_expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                for i in 0..keys.len() {
                    if let Some(k) = dict_key(keys, i) {
                        self.visit_expr(k)?;
                    }
                }
                self.visit_exprs(values)?;
            }
            ExprKind::Set { elts } => self.visit_exprs(elts)?,
            ExprKind::GeneratorExp { elt, generators } => {
                self.handle_comprehension(e, "genexpr", generators, elt, None)?
            }
            ExprKind::ListComp { elt, generators } => {
                self.handle_comprehension(e, "listcomp", generators, elt, None)?
            }
            ExprKind::SetComp { elt, generators } => {
                self.handle_comprehension(e, "setcomp", generators, elt, None)?
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.handle_comprehension(e, "dictcomp", generators, key, Some(value))?,
            ExprKind::Yield { value } => {
                self.raise_if_annotation_block("yield expression", e)?;
                if let Some(v) = value {
                    self.visit_expr(v)?;
                }
                self.cur().generator = true;
                if self.cur().comprehension != ComprehensionType::No {
                    return Err(self.comprehension_yield_error(e));
                }
            }
            ExprKind::YieldFrom { value } => {
                self.raise_if_annotation_block("yield expression", e)?;
                self.visit_expr(value)?;
                self.cur().generator = true;
                if self.cur().comprehension != ComprehensionType::No {
                    return Err(self.comprehension_yield_error(e));
                }
            }
            ExprKind::Await { value } => {
                self.raise_if_annotation_block("await expression", e)?;
                self.visit_expr(value)?;
                self.cur().coroutine = true;
            }
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.visit_expr(left)?;
                self.visit_exprs(comparators)?;
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.visit_expr(func)?;
                self.visit_exprs(args)?;
                for k in keywords {
                    self.visit_expr(&k.value)?;
                }
            }
            ExprKind::FormattedValue {
                value, format_spec, ..
            } => {
                self.visit_expr(value)?;
                if let Some(f) = format_spec {
                    self.visit_expr(f)?;
                }
            }
            ExprKind::JoinedStr { values } => self.visit_exprs(values)?,
            ExprKind::Constant { .. } => {}
            ExprKind::Attribute { value, .. } => self.visit_expr(value)?,
            ExprKind::Subscript { value, slice, .. } => {
                self.visit_expr(value)?;
                self.visit_expr(slice)?;
            }
            ExprKind::Starred { value, .. } => self.visit_expr(value)?,
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.visit_expr(part)?;
                }
            }
            ExprKind::Name { id, ctx } => {
                let flag = if *ctx == ExprContext::Load {
                    USE
                } else {
                    DEF_LOCAL
                };
                self.add_def(id, flag, loc)?;
                // Special-case super: it counts as a use of __class__.
                if *ctx == ExprContext::Load
                    && self.cur().typ == BlockType::Function
                    && id.as_str() == "super"
                {
                    self.add_def(&Identifier::new("__class__"), USE, loc)?;
                }
            }
            ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => self.visit_exprs(elts)?,
        }
        Ok(())
    }

    /// `symtable_visit_pattern`.
    pub(super) fn visit_pattern(&mut self, p: &ast::Pattern) -> R {
        self.guard(|st| st.visit_pattern_inner(p))
    }

    fn visit_pattern_inner(&mut self, p: &ast::Pattern) -> R {
        let loc = Loc4::from(&p.loc);
        match &p.node {
            PatternKind::MatchValue { value } => self.visit_expr(value)?,
            PatternKind::MatchSingleton { .. } => {}
            PatternKind::MatchSequence { patterns } | PatternKind::MatchOr { patterns } => {
                for q in patterns {
                    self.visit_pattern(q)?;
                }
            }
            PatternKind::MatchStar { name } => {
                if let Some(n) = name {
                    self.add_def(n, DEF_LOCAL, loc)?;
                }
            }
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => {
                self.visit_exprs(keys)?;
                for q in patterns {
                    self.visit_pattern(q)?;
                }
                if let Some(r) = rest {
                    self.add_def(r, DEF_LOCAL, loc)?;
                }
            }
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_patterns,
                ..
            } => {
                self.visit_expr(cls)?;
                for q in patterns.iter().chain(kwd_patterns) {
                    self.visit_pattern(q)?;
                }
            }
            PatternKind::MatchAs { pattern, name } => {
                if let Some(q) = pattern {
                    self.visit_pattern(q)?;
                }
                if let Some(n) = name {
                    self.add_def(n, DEF_LOCAL, loc)?;
                }
            }
        }
        Ok(())
    }

    /// `symtable_implicit_arg`: the `.0` parameter of a comprehension.
    pub(super) fn implicit_arg(&mut self, pos: usize) -> R {
        let e = &self.entries[self.cur];
        let loc = Loc4 {
            lineno: e.lineno,
            col_offset: e.col_offset,
            end_lineno: e.end_lineno,
            end_col_offset: e.end_col_offset,
        };
        self.add_def(&Identifier::new(&format!(".{pos}")), DEF_PARAM, loc)
    }

    /// `symtable_visit_comprehension`.
    pub(super) fn visit_comprehension(&mut self, lc: &ast::Comprehension) -> R {
        self.cur().comp_iter_target = true;
        self.visit_expr(&lc.target)?;
        self.cur().comp_iter_target = false;
        self.cur().comp_iter_expr += 1;
        self.visit_expr(&lc.iter)?;
        self.cur().comp_iter_expr -= 1;
        self.visit_exprs(&lc.ifs)?;
        if lc.is_async != 0 {
            self.cur().coroutine = true;
        }
        Ok(())
    }

    /// `symtable_handle_comprehension`.
    pub(super) fn handle_comprehension(
        &mut self,
        e: &ast::Expr,
        scope_name: &str,
        generators: &[ast::Comprehension],
        elt: &ast::Expr,
        value: Option<&ast::Expr>,
    ) -> R {
        let is_generator = matches!(e.node, ExprKind::GeneratorExp { .. });
        let Some(outermost) = generators.first() else {
            return Err(CompileErrorAt::system("comprehension without generators"));
        };
        self.cur().comp_iter_expr += 1;
        self.visit_expr(&outermost.iter)?;
        self.cur().comp_iter_expr -= 1;
        self.enter_block(
            scope_name,
            BlockType::Function,
            node_key(e),
            Loc4::from(&e.loc),
        );
        self.cur().comprehension = match e.node {
            ExprKind::ListComp { .. } => ComprehensionType::List,
            ExprKind::SetComp { .. } => ComprehensionType::Set,
            ExprKind::DictComp { .. } => ComprehensionType::Dict,
            _ => ComprehensionType::Generator,
        };
        if outermost.is_async != 0 {
            self.cur().coroutine = true;
        }
        self.implicit_arg(0)?;
        self.cur().comp_iter_target = true;
        self.visit_expr(&outermost.target)?;
        self.cur().comp_iter_target = false;
        self.visit_exprs(&outermost.ifs)?;
        for g in &generators[1..] {
            self.visit_comprehension(g)?;
        }
        if let Some(v) = value {
            self.visit_expr(v)?;
        }
        self.visit_expr(elt)?;
        self.cur().generator = is_generator;
        let is_async = self.cur().coroutine && !is_generator;
        self.exit_block();
        if is_async {
            self.cur().coroutine = true;
        }
        Ok(())
    }

    /// `symtable_raise_if_annotation_block`.
    pub(super) fn raise_if_annotation_block(&mut self, name: &str, e: &ast::Expr) -> R {
        if self.cur().typ != BlockType::Annotation {
            return Ok(());
        }
        Err(ranged_error(
            format!("'{name}' can not be used within an annotation"),
            Loc4::from(&e.loc),
        ))
    }

    /// `symtable_raise_if_comprehension_block`.
    pub(super) fn comprehension_yield_error(&mut self, e: &ast::Expr) -> CompileErrorAt {
        let msg = match self.cur().comprehension {
            ComprehensionType::List => "'yield' inside list comprehension",
            ComprehensionType::Set => "'yield' inside set comprehension",
            ComprehensionType::Dict => "'yield' inside dict comprehension",
            _ => "'yield' inside generator expression",
        };
        ranged_error(msg.into(), Loc4::from(&e.loc))
    }
}
