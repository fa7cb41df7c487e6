//! Statements (`compiler_visit_stmt` of CPython 3.11's `compile.c` and the simple
//! statement helpers): assignment, `if`, `for`, `while`, `return`, `break`,
//! `continue`, `raise`, `assert`, `import`, augmented and annotated assignment.

use super::{Compiler, FBlockDatum, FBlockType, R, ScopeType};
use crate::opcode::*;
use crate::symtable::mangle;
use crate::symtable::visit::{RED_ZONE, STACK_GROWTH};
use refvm_bytecode::Constant;
use refvm_common::PyStr;
use refvm_syntax::ast::{self, ExprContext, ExprKind, Identifier, StmtKind};

impl<'a> Compiler<'a> {
    /// `compiler_visit_stmt`.
    pub fn visit_stmt(&mut self, s: &'a ast::Stmt) -> R {
        stacker::maybe_grow(RED_ZONE, STACK_GROWTH, || self.visit_stmt_inner(s))
    }

    fn visit_stmt_inner(&mut self, s: &'a ast::Stmt) -> R {
        self.set_loc(&s.loc);
        match &s.node {
            StmtKind::FunctionDef { .. } => self.compiler_function(s, false),
            StmtKind::AsyncFunctionDef { .. } => self.compiler_function(s, true),
            StmtKind::ClassDef { .. } => self.compiler_class(s),
            StmtKind::Return { value } => self.compiler_return(s, value.as_deref()),
            StmtKind::Delete { targets } => {
                for t in targets {
                    self.visit_expr(t)?;
                }
                Ok(())
            }
            StmtKind::Assign { targets, value, .. } => {
                self.visit_expr(value)?;
                let n = targets.len();
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < n {
                        self.addop_i(COPY, 1);
                    }
                    self.visit_expr(t)?;
                }
                Ok(())
            }
            StmtKind::AugAssign { target, op, value } => {
                self.compiler_augassign(s, target, *op, value)
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => self.compiler_annassign(target, annotation, value.as_deref(), *simple != 0),
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            } => self.compiler_for(target, iter, body, orelse),
            StmtKind::AsyncFor {
                target,
                iter,
                body,
                orelse,
                ..
            } => self.compiler_async_for(target, iter, body, orelse),
            StmtKind::While { test, body, orelse } => self.compiler_while(s, test, body, orelse),
            StmtKind::If { test, body, orelse } => self.compiler_if(test, body, orelse),
            StmtKind::Match { subject, cases } => self.compiler_match(subject, cases),
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.visit_expr(e)?;
                    n += 1;
                    if let Some(c) = cause {
                        self.visit_expr(c)?;
                        n += 1;
                    }
                }
                self.addop_i(RAISE_VARARGS, n);
                Ok(())
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                if finalbody.is_empty() {
                    self.compiler_try_except(body, handlers, orelse)
                } else {
                    self.compiler_try_finally(body, handlers, orelse, finalbody, false)
                }
            }
            StmtKind::TryStar {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                if finalbody.is_empty() {
                    self.compiler_try_star_except(body, handlers, orelse)
                } else {
                    self.compiler_try_finally(body, handlers, orelse, finalbody, true)
                }
            }
            StmtKind::Assert { test, msg } => self.compiler_assert(test, msg.as_deref()),
            StmtKind::Import { names } => self.compiler_import(names),
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => self.compiler_from_import(s, module.as_ref(), names, level.unwrap_or(0)),
            StmtKind::Global { .. } | StmtKind::Nonlocal { .. } => Ok(()),
            StmtKind::Expr { value } => self.compiler_visit_stmt_expr(value),
            StmtKind::Pass => {
                self.addop(NOP);
                Ok(())
            }
            StmtKind::Break => self.compiler_break(),
            StmtKind::Continue => self.compiler_continue(),
            StmtKind::With { items, body, .. } => self.compiler_with(s, items, body, 0),
            StmtKind::AsyncWith { items, body, .. } => self.compiler_async_with(s, items, body, 0),
        }
    }

    /// `compiler_visit_stmt_expr`.
    fn compiler_visit_stmt_expr(&mut self, value: &'a ast::Expr) -> R {
        if self.interactive && self.nestlevel <= 1 {
            self.visit_expr(value)?;
            self.addop(PRINT_EXPR);
            return Ok(());
        }
        if matches!(value.node, ExprKind::Constant { .. }) {
            self.addop(NOP);
            return Ok(());
        }
        self.visit_expr(value)?;
        self.unset_loc();
        self.addop(POP_TOP);
        Ok(())
    }

    /// `compiler_if`.
    fn compiler_if(
        &mut self,
        test: &'a ast::Expr,
        body: &'a [ast::Stmt],
        orelse: &'a [ast::Stmt],
    ) -> R {
        let end = self.new_block();
        let next = if orelse.is_empty() {
            end
        } else {
            self.new_block()
        };
        self.jump_if(test, next, false)?;
        for s in body {
            self.visit_stmt(s)?;
        }
        if !orelse.is_empty() {
            self.addop_j_noline(JUMP, end);
            self.use_next_block(next);
            for s in orelse {
                self.visit_stmt(s)?;
            }
        }
        self.use_next_block(end);
        Ok(())
    }

    /// `compiler_for`.
    fn compiler_for(
        &mut self,
        target: &'a ast::Expr,
        iter: &'a ast::Expr,
        body: &'a [ast::Stmt],
        orelse: &'a [ast::Stmt],
    ) -> R {
        let start = self.new_block();
        let body_block = self.new_block();
        let cleanup = self.new_block();
        let end = self.new_block();
        self.push_fblock(FBlockType::ForLoop, start, end, FBlockDatum::None)?;
        self.visit_expr(iter)?;
        self.addop(GET_ITER);
        self.use_next_block(start);
        self.addop_j(FOR_ITER, cleanup);
        self.use_next_block(body_block);
        self.visit_expr(target)?;
        for s in body {
            self.visit_stmt(s)?;
        }
        self.unset_loc();
        self.addop_j(JUMP, start);
        self.use_next_block(cleanup);
        self.pop_fblock();
        for s in orelse {
            self.visit_stmt(s)?;
        }
        self.use_next_block(end);
        Ok(())
    }

    /// `IS_TOP_LEVEL_AWAIT`: never, `compile()` is called without
    /// `PyCF_ALLOW_TOP_LEVEL_AWAIT`.
    pub fn is_top_level_await(&self) -> bool {
        false
    }

    /// `compiler_async_for`.
    fn compiler_async_for(
        &mut self,
        target: &'a ast::Expr,
        iter: &'a ast::Expr,
        body: &'a [ast::Stmt],
        orelse: &'a [ast::Stmt],
    ) -> R {
        if self.u.scope_type != ScopeType::AsyncFunction {
            return Err(self.error("'async for' outside async function"));
        }
        let start = self.new_block();
        let except = self.new_block();
        let end = self.new_block();
        self.visit_expr(iter)?;
        self.addop(GET_AITER);
        self.use_next_block(start);
        self.push_fblock(FBlockType::ForLoop, start, end, FBlockDatum::None)?;
        self.addop_j(SETUP_FINALLY, except);
        self.addop(GET_ANEXT);
        self.load_const(Constant::None);
        self.add_yield_from(true);
        self.addop(POP_BLOCK);
        self.visit_expr(target)?;
        for s in body {
            self.visit_stmt(s)?;
        }
        self.unset_loc();
        self.addop_j(JUMP, start);
        self.pop_fblock();
        self.use_next_block(except);
        self.set_loc(&iter.loc);
        self.addop(END_ASYNC_FOR);
        for s in orelse {
            self.visit_stmt(s)?;
        }
        self.use_next_block(end);
        Ok(())
    }

    /// `compiler_while`.
    fn compiler_while(
        &mut self,
        s: &'a ast::Stmt,
        test: &'a ast::Expr,
        body: &'a [ast::Stmt],
        orelse: &'a [ast::Stmt],
    ) -> R {
        let loop_ = self.new_block();
        let body_block = self.new_block();
        let anchor = self.new_block();
        let end = self.new_block();
        self.use_next_block(loop_);
        self.push_fblock(FBlockType::WhileLoop, loop_, end, FBlockDatum::None)?;
        self.jump_if(test, anchor, false)?;
        self.use_next_block(body_block);
        for st in body {
            self.visit_stmt(st)?;
        }
        self.set_loc(&s.loc);
        self.jump_if(test, body_block, true)?;
        self.pop_fblock();
        self.use_next_block(anchor);
        for st in orelse {
            self.visit_stmt(st)?;
        }
        self.use_next_block(end);
        Ok(())
    }

    /// `compiler_return`.
    fn compiler_return(&mut self, s: &'a ast::Stmt, value: Option<&'a ast::Expr>) -> R {
        let is_const = |e: &ast::Expr| matches!(e.node, ExprKind::Constant { .. });
        let preserve_tos = value.is_some_and(|v| !is_const(v));
        let ste = self.ste();
        if ste.typ != crate::symtable::BlockType::Function {
            return Err(self.error("'return' outside function"));
        }
        if value.is_some() && ste.coroutine && ste.generator {
            return Err(self.error("'return' with value in async generator"));
        }
        if preserve_tos {
            if let Some(v) = value {
                self.visit_expr(v)?;
            }
        } else if let Some(v) = value {
            self.set_loc(&v.loc);
            self.addop(NOP);
        }
        if value.is_none_or(|v| v.loc.lineno != s.loc.lineno) {
            self.set_loc(&s.loc);
            self.addop(NOP);
        }
        self.unwind_fblock_stack(preserve_tos, false)?;
        match value {
            None => self.load_const(Constant::None),
            Some(v) if !preserve_tos => {
                if let ExprKind::Constant { value: c, .. } = &v.node {
                    self.note_const_nodes(std::slice::from_ref(v));
                    self.load_const(super::const_from_ast(c));
                }
            }
            _ => {}
        }
        self.addop(RETURN_VALUE);
        Ok(())
    }

    /// `compiler_break`.
    fn compiler_break(&mut self) -> R {
        let saved = self.u.loc;
        self.addop(NOP);
        let Some(loop_) = self.unwind_fblock_stack(false, true)? else {
            self.u.loc = saved;
            return Err(self.error("'break' outside loop"));
        };
        self.unwind_fblock(&loop_, false)?;
        self.addop_j(JUMP, loop_.exit);
        Ok(())
    }

    /// `compiler_continue`.
    fn compiler_continue(&mut self) -> R {
        let saved = self.u.loc;
        self.addop(NOP);
        let Some(loop_) = self.unwind_fblock_stack(false, true)? else {
            self.u.loc = saved;
            return Err(self.error("'continue' not properly in loop"));
        };
        self.addop_j(JUMP, loop_.block);
        Ok(())
    }

    /// `compiler_import_as`.
    fn compiler_import_as(&mut self, name: &Identifier, asname: &Identifier) -> R {
        let parts: Vec<&str> = name.split('.').collect();
        if parts.len() > 1 {
            for (i, attr) in parts[1..].iter().enumerate() {
                self.addop_name_raw(IMPORT_FROM, attr);
                if i + 2 == parts.len() {
                    break;
                }
                self.addop_i(SWAP, 2);
                self.addop(POP_TOP);
            }
            self.nameop(asname, ExprContext::Store)?;
            self.addop(POP_TOP);
            return Ok(());
        }
        self.nameop(asname, ExprContext::Store)
    }

    /// `compiler_import`.
    fn compiler_import(&mut self, names: &'a [ast::Alias]) -> R {
        for alias in names {
            self.load_const(Constant::Int(0.into()));
            self.load_const(Constant::None);
            self.addop_name(IMPORT_NAME, &alias.name);
            if let Some(asname) = &alias.asname {
                self.compiler_import_as(&alias.name, asname)?;
            } else {
                let store = match alias.name.find('.') {
                    Some(dot) => Identifier::new(&alias.name[..dot]),
                    None => alias.name.clone(),
                };
                self.nameop(&store, ExprContext::Store)?;
            }
        }
        Ok(())
    }

    /// `compiler_from_import`.
    fn compiler_from_import(
        &mut self,
        s: &'a ast::Stmt,
        module: Option<&Identifier>,
        names: &'a [ast::Alias],
        level: i32,
    ) -> R {
        self.load_const(Constant::Int(level.into()));
        let tuple = Constant::Tuple(
            names
                .iter()
                .map(|a| Constant::Str(PyStr::from(a.name.as_str())))
                .collect(),
        );
        if s.loc.lineno as i32 > self.future.lineno
            && module.is_some_and(|m| m.as_str() == "__future__")
        {
            return Err(
                self.error("from __future__ imports must occur at the beginning of the file")
            );
        }
        self.load_const(tuple);
        match module {
            Some(m) => self.addop_name(IMPORT_NAME, m),
            None => self.addop_name_raw(IMPORT_NAME, ""),
        }
        for (i, alias) in names.iter().enumerate() {
            if i == 0 && alias.name.starts_with('*') {
                self.addop(IMPORT_STAR);
                return Ok(());
            }
            self.addop_name(IMPORT_FROM, &alias.name);
            let store = alias.asname.as_ref().unwrap_or(&alias.name);
            self.nameop(store, ExprContext::Store)?;
        }
        self.addop(POP_TOP);
        Ok(())
    }

    /// `compiler_assert`.
    fn compiler_assert(&mut self, test: &'a ast::Expr, msg: Option<&'a ast::Expr>) -> R {
        self.check_assert(test);
        if self.optimize > 0 {
            return Ok(());
        }
        let end = self.new_block();
        self.jump_if(test, end, true)?;
        self.addop(LOAD_ASSERTION_ERROR);
        if let Some(m) = msg {
            self.visit_expr(m)?;
            self.addop_i(PRECALL, 0);
            self.addop_i(CALL, 0);
        }
        self.addop_i(RAISE_VARARGS, 1);
        self.use_next_block(end);
        Ok(())
    }

    /// `compiler_augassign`.
    fn compiler_augassign(
        &mut self,
        s: &'a ast::Stmt,
        e: &'a ast::Expr,
        op: ast::Operator,
        value: &'a ast::Expr,
    ) -> R {
        let _ = s;
        let saved = self.u.loc;
        self.set_loc(&e.loc);
        match &e.node {
            ExprKind::Attribute {
                value: obj, attr, ..
            } => {
                self.visit_expr(obj)?;
                self.addop_i(COPY, 1);
                self.update_start_location_to_match_attr(e);
                self.addop_name(LOAD_ATTR, attr);
            }
            ExprKind::Subscript {
                value: obj, slice, ..
            } => {
                self.visit_expr(obj)?;
                self.visit_expr(slice)?;
                self.addop_i(COPY, 2);
                self.addop_i(COPY, 2);
                self.addop(BINARY_SUBSCR);
            }
            ExprKind::Name { id, .. } => self.nameop(id, ExprContext::Load)?,
            _ => {
                return Err(crate::error::CompileErrorAt::system(
                    "invalid node type for augmented assignment",
                ));
            }
        }
        self.u.loc = saved;
        self.visit_expr(value)?;
        self.addop_binary(op, true);
        self.set_loc(&e.loc);
        match &e.node {
            ExprKind::Attribute { attr, .. } => {
                self.update_start_location_to_match_attr(e);
                self.addop_i(SWAP, 2);
                self.addop_name(STORE_ATTR, attr);
            }
            ExprKind::Subscript { .. } => {
                self.addop_i(SWAP, 3);
                self.addop_i(SWAP, 2);
                self.addop(STORE_SUBSCR);
            }
            ExprKind::Name { id, .. } => self.nameop(id, ExprContext::Store)?,
            _ => {}
        }
        Ok(())
    }

    /// `check_ann_expr`.
    fn check_ann_expr(&mut self, e: &'a ast::Expr) -> R {
        self.visit_expr(e)?;
        self.addop(POP_TOP);
        Ok(())
    }

    /// `check_ann_subscr`.
    fn check_ann_subscr(&mut self, e: &'a ast::Expr) -> R {
        match &e.node {
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.check_ann_expr(part)?;
                }
                Ok(())
            }
            ExprKind::Tuple { elts, .. } => {
                for el in elts {
                    self.check_ann_subscr(el)?;
                }
                Ok(())
            }
            _ => self.check_ann_expr(e),
        }
    }

    /// `compiler_annassign`.
    fn compiler_annassign(
        &mut self,
        targ: &'a ast::Expr,
        annotation: &'a ast::Expr,
        value: Option<&'a ast::Expr>,
        simple: bool,
    ) -> R {
        if let Some(v) = value {
            self.visit_expr(v)?;
            self.visit_expr(targ)?;
        }
        let module_or_class = matches!(self.u.scope_type, ScopeType::Module | ScopeType::Class);
        match &targ.node {
            ExprKind::Name { id, .. } => {
                self.forbidden_name(id, ExprContext::Store)?;
                if simple && module_or_class {
                    if self.future.annotations() {
                        self.visit_annexpr(annotation);
                    } else {
                        self.visit_expr(annotation)?;
                    }
                    self.addop_name_raw(LOAD_NAME, "__annotations__");
                    let mangled = mangle(self.u.private.as_deref(), id);
                    self.load_const(Constant::Str(PyStr::from(mangled.as_str())));
                    self.addop(STORE_SUBSCR);
                }
            }
            ExprKind::Attribute {
                value: obj, attr, ..
            } => {
                self.forbidden_name(attr, ExprContext::Store)?;
                if value.is_none() {
                    self.check_ann_expr(obj)?;
                }
            }
            ExprKind::Subscript {
                value: obj, slice, ..
            } => {
                if value.is_none() {
                    self.check_ann_expr(obj)?;
                    self.check_ann_subscr(slice)?;
                }
            }
            _ => {
                return Err(crate::error::CompileErrorAt::system(
                    "invalid node type for annotated assignment",
                ));
            }
        }
        if !simple && !self.future.annotations() && module_or_class {
            self.check_ann_expr(annotation)?;
        }
        Ok(())
    }
}
