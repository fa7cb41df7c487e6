//! `with` and `async with` (`compiler_with`, `compiler_async_with`,
//! `compiler_with_except_finish` of CPython 3.11's `compile.c`).

use super::{Compiler, FBlockDatum, FBlockType, R, ScopeType};
use crate::flowgraph::BlockId;
use crate::opcode::*;
use refvm_bytecode::Constant;
use refvm_syntax::ast;

impl<'a> Compiler<'a> {
    /// `compiler_with_except_finish`.
    fn with_except_finish(&mut self, cleanup: BlockId) {
        self.unset_loc();
        let exit = self.new_block();
        self.addop_j(POP_JUMP_IF_TRUE, exit);
        self.addop_i(RERAISE, 2);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(exit);
        self.addop(POP_TOP);
        self.addop(POP_BLOCK);
        self.addop(POP_EXCEPT);
        self.addop(POP_TOP);
        self.addop(POP_TOP);
    }

    /// `compiler_with`: item `pos` of a `with` statement (the rest nest inside).
    pub fn compiler_with(
        &mut self,
        s: &'a ast::Stmt,
        items: &'a [ast::Withitem],
        body: &'a [ast::Stmt],
        pos: usize,
    ) -> R {
        let item = &items[pos];
        let block = self.new_block();
        let final_ = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.visit_expr(&item.context_expr)?;
        self.addop(BEFORE_WITH);
        self.addop_j(SETUP_WITH, final_);
        self.use_next_block(block);
        self.push_fblock(FBlockType::With, block, final_, FBlockDatum::With(s))?;
        match &item.optional_vars {
            Some(v) => self.visit_expr(v)?,
            None => self.addop(POP_TOP),
        }
        if pos + 1 == items.len() {
            for st in body {
                self.visit_stmt(st)?;
            }
        } else {
            self.compiler_with(s, items, body, pos + 1)?;
        }
        self.unset_loc();
        self.addop(POP_BLOCK);
        self.pop_fblock();
        self.set_loc(&s.loc);
        self.call_exit_with_nones();
        self.addop(POP_TOP);
        self.addop_j(JUMP, exit);
        self.use_next_block(final_);
        self.addop_j(SETUP_CLEANUP, cleanup);
        self.addop(PUSH_EXC_INFO);
        self.addop(WITH_EXCEPT_START);
        self.with_except_finish(cleanup);
        self.use_next_block(exit);
        Ok(())
    }

    /// `compiler_async_with`.
    pub fn compiler_async_with(
        &mut self,
        s: &'a ast::Stmt,
        items: &'a [ast::Withitem],
        body: &'a [ast::Stmt],
        pos: usize,
    ) -> R {
        let item = &items[pos];
        if self.u.scope_type != ScopeType::AsyncFunction {
            return Err(self.error("'async with' outside async function"));
        }
        let block = self.new_block();
        let final_ = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.visit_expr(&item.context_expr)?;
        self.addop(BEFORE_ASYNC_WITH);
        self.addop_i(GET_AWAITABLE, 1);
        self.load_const(Constant::None);
        self.add_yield_from(true);
        self.addop_j(SETUP_WITH, final_);
        self.use_next_block(block);
        self.push_fblock(FBlockType::AsyncWith, block, final_, FBlockDatum::With(s))?;
        match &item.optional_vars {
            Some(v) => self.visit_expr(v)?,
            None => self.addop(POP_TOP),
        }
        if pos + 1 == items.len() {
            for st in body {
                self.visit_stmt(st)?;
            }
        } else {
            self.compiler_async_with(s, items, body, pos + 1)?;
        }
        self.pop_fblock();
        self.addop(POP_BLOCK);
        self.set_loc(&s.loc);
        self.call_exit_with_nones();
        self.addop_i(GET_AWAITABLE, 2);
        self.load_const(Constant::None);
        self.add_yield_from(true);
        self.addop(POP_TOP);
        self.addop_j(JUMP, exit);
        self.use_next_block(final_);
        self.addop_j(SETUP_CLEANUP, cleanup);
        self.addop(PUSH_EXC_INFO);
        self.addop(WITH_EXCEPT_START);
        self.addop_i(GET_AWAITABLE, 2);
        self.load_const(Constant::None);
        self.add_yield_from(true);
        self.with_except_finish(cleanup);
        self.use_next_block(exit);
        Ok(())
    }
}
