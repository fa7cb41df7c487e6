//! Comprehensions and generator expressions (`compiler_comprehension` and the
//! `compiler_*_comprehension_generator` functions of CPython 3.11's `compile.c`):
//! each is a nested function called at once with the outermost iterator.

use super::{Compiler, FBlockDatum, FBlockType, R, ScopeType};
use crate::flowgraph::NO_BLOCK;
use crate::opcode::*;
use crate::symtable::node_key;
use refvm_bytecode::Constant;
use refvm_syntax::ast::{self, ExprKind};

/// `COMP_GENEXP`, `COMP_LISTCOMP`, `COMP_SETCOMP`, `COMP_DICTCOMP`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum CompType {
    GenExp,
    ListComp,
    SetComp,
    DictComp,
}

impl<'a> Compiler<'a> {
    /// `compiler_comprehension_generator`.
    fn comprehension_generator(
        &mut self,
        generators: &'a [ast::Comprehension],
        gen_index: usize,
        depth: usize,
        elt: &'a ast::Expr,
        val: Option<&'a ast::Expr>,
        typ: CompType,
    ) -> R {
        stacker::maybe_grow(
            crate::symtable::visit::RED_ZONE,
            crate::symtable::visit::STACK_GROWTH,
            || {
                if generators[gen_index].is_async != 0 {
                    self.async_comprehension_generator(generators, gen_index, depth, elt, val, typ)
                } else {
                    self.sync_comprehension_generator(generators, gen_index, depth, elt, val, typ)
                }
            },
        )
    }

    /// The element code after the last `for` (shared by both generator kinds).
    fn comprehension_element(
        &mut self,
        elt: &'a ast::Expr,
        val: Option<&'a ast::Expr>,
        typ: CompType,
        depth: usize,
    ) -> R {
        match typ {
            CompType::GenExp => {
                self.visit_expr(elt)?;
                self.addop_yield();
                self.addop(POP_TOP);
            }
            CompType::ListComp => {
                self.visit_expr(elt)?;
                self.addop_i(LIST_APPEND, depth + 1);
            }
            CompType::SetComp => {
                self.visit_expr(elt)?;
                self.addop_i(SET_ADD, depth + 1);
            }
            CompType::DictComp => {
                self.visit_expr(elt)?;
                if let Some(v) = val {
                    self.visit_expr(v)?;
                }
                self.addop_i(MAP_ADD, depth + 1);
            }
        }
        Ok(())
    }

    /// `compiler_sync_comprehension_generator`.
    fn sync_comprehension_generator(
        &mut self,
        generators: &'a [ast::Comprehension],
        gen_index: usize,
        mut depth: usize,
        elt: &'a ast::Expr,
        val: Option<&'a ast::Expr>,
        typ: CompType,
    ) -> R {
        let mut start = Some(self.new_block());
        let if_cleanup = self.new_block();
        let anchor = self.new_block();
        let generator = &generators[gen_index];
        if gen_index == 0 {
            self.u.code.argcount = 1;
            self.addop_i(LOAD_FAST, 0);
        } else {
            // Fast path for the temporary variable assignment idiom: for y in [f(x)]
            let elts = match &generator.iter.node {
                ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => Some(elts),
                _ => None,
            };
            if let Some(elts) = elts
                && elts.len() == 1
                && !matches!(elts[0].node, ExprKind::Starred { .. })
            {
                self.visit_expr(&elts[0])?;
                start = None;
            }
            if start.is_some() {
                self.visit_expr(&generator.iter)?;
                self.addop(GET_ITER);
            }
        }
        if let Some(s) = start {
            depth += 1;
            self.use_next_block(s);
            self.addop_j(FOR_ITER, anchor);
        }
        self.visit_expr(&generator.target)?;
        for cond in &generator.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        let next_index = gen_index + 1;
        if next_index < generators.len() {
            self.comprehension_generator(generators, next_index, depth, elt, val, typ)?;
        } else {
            self.comprehension_element(elt, val, typ, depth)?;
        }
        self.use_next_block(if_cleanup);
        if let Some(s) = start {
            self.addop_j(JUMP, s);
            self.use_next_block(anchor);
        }
        Ok(())
    }

    /// `compiler_async_comprehension_generator`.
    fn async_comprehension_generator(
        &mut self,
        generators: &'a [ast::Comprehension],
        gen_index: usize,
        mut depth: usize,
        elt: &'a ast::Expr,
        val: Option<&'a ast::Expr>,
        typ: CompType,
    ) -> R {
        let start = self.new_block();
        let except = self.new_block();
        let if_cleanup = self.new_block();
        let generator = &generators[gen_index];
        if gen_index == 0 {
            self.u.code.argcount = 1;
            self.addop_i(LOAD_FAST, 0);
        } else {
            self.visit_expr(&generator.iter)?;
            self.addop(GET_AITER);
        }
        self.use_next_block(start);
        self.push_fblock(
            FBlockType::AsyncComprehensionGenerator,
            start,
            NO_BLOCK,
            FBlockDatum::None,
        )?;
        self.addop_j(SETUP_FINALLY, except);
        self.addop(GET_ANEXT);
        self.load_const(Constant::None);
        self.add_yield_from(true);
        self.addop(POP_BLOCK);
        self.visit_expr(&generator.target)?;
        for cond in &generator.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        depth += 1;
        let next_index = gen_index + 1;
        if next_index < generators.len() {
            self.comprehension_generator(generators, next_index, depth, elt, val, typ)?;
        } else {
            self.comprehension_element(elt, val, typ, depth)?;
        }
        self.use_next_block(if_cleanup);
        self.addop_j(JUMP, start);
        self.pop_fblock();
        self.use_next_block(except);
        self.addop(END_ASYNC_FOR);
        Ok(())
    }

    /// `compiler_comprehension`.
    pub fn compiler_comprehension(
        &mut self,
        e: &'a ast::Expr,
        typ: CompType,
        name: &str,
        generators: &'a [ast::Comprehension],
        elt: &'a ast::Expr,
        val: Option<&'a ast::Expr>,
    ) -> R {
        let scope_type = self.u.scope_type;
        let Some(outermost) = generators.first() else {
            return Err(crate::error::CompileErrorAt::system(
                "comprehension without generators",
            ));
        };
        self.enter_scope(
            name,
            ScopeType::Comprehension,
            node_key(e),
            e.loc.lineno as i32,
        )?;
        self.set_loc(&e.loc);
        let is_async_generator = self.ste().coroutine;
        if is_async_generator
            && typ != CompType::GenExp
            && scope_type != ScopeType::AsyncFunction
            && scope_type != ScopeType::Comprehension
            && !self.is_top_level_await()
        {
            return Err(
                self.error("asynchronous comprehension outside of an asynchronous function")
            );
        }
        match typ {
            CompType::ListComp => self.addop_i(BUILD_LIST, 0),
            CompType::SetComp => self.addop_i(BUILD_SET, 0),
            CompType::DictComp => self.addop_i(BUILD_MAP, 0),
            CompType::GenExp => {}
        }
        self.comprehension_generator(generators, 0, 0, elt, val, typ)?;
        if typ != CompType::GenExp {
            self.addop(RETURN_VALUE);
        }
        let co = self.exit_scope_assemble(true)?;
        self.make_closure(co, 0)?;
        self.visit_expr(&outermost.iter)?;
        if outermost.is_async != 0 {
            self.addop(GET_AITER);
        } else {
            self.addop(GET_ITER);
        }
        self.addop_i(PRECALL, 0);
        self.addop_i(CALL, 0);
        if is_async_generator && typ != CompType::GenExp {
            self.addop_i(GET_AWAITABLE, 0);
            self.load_const(Constant::None);
            self.add_yield_from(true);
        }
        Ok(())
    }
}
