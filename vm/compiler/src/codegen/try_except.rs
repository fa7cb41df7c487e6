//! `try` statements (`compiler_try_finally`, `compiler_try_except`,
//! `compiler_try_star_except` of CPython 3.11's `compile.c`, with 3.11.7's code for
//! `except*`): exception handlers through SETUP_FINALLY/SETUP_CLEANUP pseudo-ops.

use super::{Compiler, FBlockDatum, FBlockType, R};
use crate::flowgraph::NO_BLOCK;
use crate::opcode::*;
use refvm_bytecode::Constant;
use refvm_syntax::ast::{self, ExprContext};

impl<'a> Compiler<'a> {
    /// `compiler_try_finally` / `compiler_try_star_finally`.
    pub fn compiler_try_finally(
        &mut self,
        body: &'a [ast::Stmt],
        handlers: &'a [ast::ExceptHandler],
        orelse: &'a [ast::Stmt],
        finalbody: &'a [ast::Stmt],
        star: bool,
    ) -> R {
        let body_block = self.new_block();
        let end = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.addop_j(SETUP_FINALLY, end);
        self.use_next_block(body_block);
        self.push_fblock(
            FBlockType::FinallyTry,
            body_block,
            end,
            FBlockDatum::Finally(finalbody),
        )?;
        if !handlers.is_empty() {
            if star {
                self.compiler_try_star_except(body, handlers, orelse)?;
            } else {
                self.compiler_try_except(body, handlers, orelse)?;
            }
        } else {
            for s in body {
                self.visit_stmt(s)?;
            }
        }
        self.addop_noline(POP_BLOCK);
        self.pop_fblock();
        for s in finalbody {
            self.visit_stmt(s)?;
        }
        self.addop_j_noline(JUMP, exit);
        self.use_next_block(end);
        self.unset_loc();
        self.addop_j(SETUP_CLEANUP, cleanup);
        self.addop(PUSH_EXC_INFO);
        self.push_fblock(FBlockType::FinallyEnd, end, NO_BLOCK, FBlockDatum::None)?;
        for s in finalbody {
            self.visit_stmt(s)?;
        }
        self.pop_fblock();
        self.addop_i(RERAISE, 0);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(exit);
        Ok(())
    }

    /// `compiler_try_except`.
    pub fn compiler_try_except(
        &mut self,
        body: &'a [ast::Stmt],
        handlers: &'a [ast::ExceptHandler],
        orelse: &'a [ast::Stmt],
    ) -> R {
        let body_block = self.new_block();
        let mut except = self.new_block();
        let end = self.new_block();
        let cleanup = self.new_block();
        self.addop_j(SETUP_FINALLY, except);
        self.use_next_block(body_block);
        self.push_fblock(
            FBlockType::TryExcept,
            body_block,
            NO_BLOCK,
            FBlockDatum::None,
        )?;
        for s in body {
            self.visit_stmt(s)?;
        }
        self.pop_fblock();
        self.addop_noline(POP_BLOCK);
        for s in orelse {
            self.visit_stmt(s)?;
        }
        self.addop_j_noline(JUMP, end);
        let n = handlers.len();
        self.use_next_block(except);
        self.unset_loc();
        self.addop_j(SETUP_CLEANUP, cleanup);
        self.addop(PUSH_EXC_INFO);
        self.push_fblock(
            FBlockType::ExceptionHandler,
            NO_BLOCK,
            NO_BLOCK,
            FBlockDatum::None,
        )?;
        for (i, handler) in handlers.iter().enumerate() {
            self.set_loc(&handler.loc);
            if handler.type_.is_none() && i + 1 < n {
                return Err(self.error("default 'except:' must be last"));
            }
            except = self.new_block();
            if let Some(t) = &handler.type_ {
                self.visit_expr(t)?;
                self.addop(CHECK_EXC_MATCH);
                self.addop_j(POP_JUMP_IF_FALSE, except);
            }
            if let Some(name) = &handler.name {
                let cleanup_end = self.new_block();
                let cleanup_body = self.new_block();
                self.nameop(name, ExprContext::Store)?;
                self.addop_j(SETUP_CLEANUP, cleanup_end);
                self.use_next_block(cleanup_body);
                self.push_fblock(
                    FBlockType::HandlerCleanup,
                    cleanup_body,
                    NO_BLOCK,
                    FBlockDatum::Handler(Some(name)),
                )?;
                for s in &handler.body {
                    self.visit_stmt(s)?;
                }
                self.pop_fblock();
                self.unset_loc();
                self.addop(POP_BLOCK);
                self.addop(POP_BLOCK);
                self.addop(POP_EXCEPT);
                self.load_const(Constant::None);
                self.nameop(name, ExprContext::Store)?;
                self.nameop(name, ExprContext::Del)?;
                self.addop_j(JUMP, end);
                self.use_next_block(cleanup_end);
                self.unset_loc();
                self.load_const(Constant::None);
                self.nameop(name, ExprContext::Store)?;
                self.nameop(name, ExprContext::Del)?;
                self.addop_i(RERAISE, 1);
            } else {
                let cleanup_body = self.new_block();
                self.addop(POP_TOP);
                self.use_next_block(cleanup_body);
                self.push_fblock(
                    FBlockType::HandlerCleanup,
                    cleanup_body,
                    NO_BLOCK,
                    FBlockDatum::Handler(None),
                )?;
                for s in &handler.body {
                    self.visit_stmt(s)?;
                }
                self.pop_fblock();
                self.unset_loc();
                self.addop(POP_BLOCK);
                self.addop(POP_EXCEPT);
                self.addop_j(JUMP, end);
            }
            self.use_next_block(except);
        }
        self.unset_loc();
        self.pop_fblock();
        self.addop_i(RERAISE, 0);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(end);
        Ok(())
    }

    /// `compiler_try_star_except` (CPython 3.11.7's layout: a failed match jumps to a
    /// block that pops the `None` match, and a handled body ends at a NOP that holds
    /// the propagated location).
    pub fn compiler_try_star_except(
        &mut self,
        body: &'a [ast::Stmt],
        handlers: &'a [ast::ExceptHandler],
        orelse: &'a [ast::Stmt],
    ) -> R {
        let body_block = self.new_block();
        let mut except = self.new_block();
        let orelse_block = self.new_block();
        let end = self.new_block();
        let cleanup = self.new_block();
        let reraise_star = self.new_block();
        self.addop_j(SETUP_FINALLY, except);
        self.use_next_block(body_block);
        self.push_fblock(
            FBlockType::TryExcept,
            body_block,
            NO_BLOCK,
            FBlockDatum::None,
        )?;
        for s in body {
            self.visit_stmt(s)?;
        }
        self.pop_fblock();
        self.addop_noline(POP_BLOCK);
        self.addop_j_noline(JUMP, orelse_block);
        let n = handlers.len();
        self.use_next_block(except);
        self.unset_loc();
        self.addop_j(SETUP_CLEANUP, cleanup);
        self.addop(PUSH_EXC_INFO);
        self.push_fblock(
            FBlockType::ExceptionGroupHandler,
            NO_BLOCK,
            NO_BLOCK,
            FBlockDatum::None,
        )?;
        for (i, handler) in handlers.iter().enumerate() {
            self.set_loc(&handler.loc);
            let next_except = self.new_block();
            let except_with_error = self.new_block();
            let no_match = self.new_block();
            if i == 0 {
                self.addop_i(COPY, 1);
                self.addop_i(BUILD_LIST, 0);
                self.addop_i(SWAP, 2);
            }
            if let Some(t) = &handler.type_ {
                self.visit_expr(t)?;
                self.addop(CHECK_EG_MATCH);
                self.addop_i(COPY, 1);
                self.addop_j(POP_JUMP_IF_NONE, no_match);
            }
            let cleanup_end = self.new_block();
            let cleanup_body = self.new_block();
            let handler_loc = self.u.loc;
            match &handler.name {
                Some(name) => self.nameop(name, ExprContext::Store)?,
                None => self.addop(POP_TOP),
            }
            self.addop_j(SETUP_CLEANUP, cleanup_end);
            self.use_next_block(cleanup_body);
            self.push_fblock(
                FBlockType::HandlerCleanup,
                cleanup_body,
                NO_BLOCK,
                FBlockDatum::Handler(handler.name.as_ref()),
            )?;
            for s in &handler.body {
                self.visit_stmt(s)?;
            }
            self.pop_fblock();
            self.unset_loc();
            self.addop(POP_BLOCK);
            if let Some(name) = &handler.name {
                self.load_const(Constant::None);
                self.nameop(name, ExprContext::Store)?;
                self.nameop(name, ExprContext::Del)?;
            }
            self.addop_j(JUMP, next_except);
            self.use_next_block(cleanup_end);
            self.unset_loc();
            if let Some(name) = &handler.name {
                self.load_const(Constant::None);
                self.nameop(name, ExprContext::Store)?;
                self.nameop(name, ExprContext::Del)?;
            }
            self.addop_i(LIST_APPEND, 3);
            self.addop(POP_TOP);
            self.addop_j(JUMP, except_with_error);
            self.use_next_block(next_except);
            self.addop(NOP);
            self.addop_j(JUMP, except_with_error);
            self.use_next_block(no_match);
            self.u.loc = handler_loc;
            self.addop(POP_TOP);
            self.use_next_block(except_with_error);
            if i + 1 == n {
                self.unset_loc();
                self.addop_i(LIST_APPEND, 1);
                self.addop_j(JUMP, reraise_star);
            }
            except = next_except;
        }
        let _ = except;
        self.unset_loc();
        self.pop_fblock();
        let reraise = self.new_block();
        self.use_next_block(reraise_star);
        self.addop(PREP_RERAISE_STAR);
        self.addop_i(COPY, 1);
        self.addop_j(POP_JUMP_IF_NOT_NONE, reraise);
        self.addop(POP_TOP);
        self.addop(POP_BLOCK);
        self.addop(POP_EXCEPT);
        self.addop_j(JUMP, end);
        self.use_next_block(reraise);
        self.addop(POP_BLOCK);
        self.addop_i(SWAP, 2);
        self.addop(POP_EXCEPT);
        self.addop_i(RERAISE, 0);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(orelse_block);
        for s in orelse {
            self.visit_stmt(s)?;
        }
        self.use_next_block(end);
        Ok(())
    }
}
