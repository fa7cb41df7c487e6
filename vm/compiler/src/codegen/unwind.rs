//! Frame blocks (`compiler_push_fblock`, `compiler_unwind_fblock`,
//! `compiler_unwind_fblock_stack` of CPython 3.11's `compile.c`): the loops, `try`
//! and `with` statements a `return`, `break` or `continue` has to leave.

use super::{CO_MAXBLOCKS, Compiler, FBlockDatum, FBlockInfo, FBlockType, R};
use crate::flowgraph::BlockId;
use crate::opcode::*;
use refvm_bytecode::Constant;
use refvm_syntax::ast::ExprContext;

impl<'a> Compiler<'a> {
    /// `compiler_push_fblock`.
    pub fn push_fblock(
        &mut self,
        typ: FBlockType,
        block: BlockId,
        exit: BlockId,
        datum: FBlockDatum<'a>,
    ) -> R {
        if self.u.fblocks.len() >= CO_MAXBLOCKS {
            return Err(self.error("too many statically nested blocks"));
        }
        self.u.fblocks.push(FBlockInfo {
            typ,
            block,
            exit,
            datum,
        });
        Ok(())
    }

    /// `compiler_pop_fblock`.
    pub fn pop_fblock(&mut self) {
        self.u.fblocks.pop();
    }

    /// `compiler_unwind_fblock`: the code that leaves one frame block early. With
    /// `preserve_tos` the value on top of the stack (a return value) survives.
    pub fn unwind_fblock(&mut self, info: &FBlockInfo<'a>, preserve_tos: bool) -> R {
        match info.typ {
            FBlockType::WhileLoop
            | FBlockType::ExceptionHandler
            | FBlockType::ExceptionGroupHandler
            | FBlockType::AsyncComprehensionGenerator => {}
            FBlockType::ForLoop => {
                if preserve_tos {
                    self.addop_i(SWAP, 2);
                }
                self.addop(POP_TOP);
            }
            FBlockType::TryExcept => self.addop(POP_BLOCK),
            FBlockType::FinallyTry => {
                self.addop(POP_BLOCK);
                if preserve_tos {
                    self.push_fblock(
                        FBlockType::PopValue,
                        crate::flowgraph::NO_BLOCK,
                        crate::flowgraph::NO_BLOCK,
                        FBlockDatum::None,
                    )?;
                }
                if let FBlockDatum::Finally(body) = info.datum {
                    for s in body {
                        self.visit_stmt(s)?;
                    }
                }
                if preserve_tos {
                    self.pop_fblock();
                }
                self.unset_loc();
            }
            FBlockType::FinallyEnd => {
                if preserve_tos {
                    self.addop_i(SWAP, 2);
                }
                self.addop(POP_TOP);
                if preserve_tos {
                    self.addop_i(SWAP, 2);
                }
                self.addop(POP_BLOCK);
                self.addop(POP_EXCEPT);
            }
            FBlockType::With | FBlockType::AsyncWith => {
                if let FBlockDatum::With(s) = info.datum {
                    self.set_loc(&s.loc);
                }
                self.addop(POP_BLOCK);
                if preserve_tos {
                    self.addop_i(SWAP, 2);
                }
                self.call_exit_with_nones();
                if info.typ == FBlockType::AsyncWith {
                    self.addop_i(GET_AWAITABLE, 2);
                    self.load_const(Constant::None);
                    self.add_yield_from(true);
                }
                self.addop(POP_TOP);
                self.unset_loc();
            }
            FBlockType::HandlerCleanup => {
                let name = match info.datum {
                    FBlockDatum::Handler(n) => n,
                    _ => None,
                };
                if name.is_some() {
                    self.addop(POP_BLOCK);
                }
                if preserve_tos {
                    self.addop_i(SWAP, 2);
                }
                self.addop(POP_BLOCK);
                self.addop(POP_EXCEPT);
                if let Some(n) = name {
                    self.load_const(Constant::None);
                    self.nameop(n, ExprContext::Store)?;
                    self.nameop(n, ExprContext::Del)?;
                }
            }
            FBlockType::PopValue => {
                if preserve_tos {
                    self.addop_i(SWAP, 2);
                }
                self.addop(POP_TOP);
            }
        }
        Ok(())
    }

    /// `compiler_unwind_fblock_stack`: unwinds frame blocks from the innermost out; with
    /// `stop_at_loop` it stops at the first loop and returns it.
    pub fn unwind_fblock_stack(
        &mut self,
        preserve_tos: bool,
        stop_at_loop: bool,
    ) -> Result<Option<FBlockInfo<'a>>, crate::error::CompileErrorAt> {
        let Some(top) = self.u.fblocks.last().copied() else {
            return Ok(None);
        };
        if top.typ == FBlockType::ExceptionGroupHandler {
            return Err(
                self.error("'break', 'continue' and 'return' cannot appear in an except* block")
            );
        }
        if stop_at_loop && matches!(top.typ, FBlockType::WhileLoop | FBlockType::ForLoop) {
            return Ok(Some(top));
        }
        self.u.fblocks.pop();
        self.unwind_fblock(&top, preserve_tos)?;
        let r = self.unwind_fblock_stack(preserve_tos, stop_at_loop)?;
        self.u.fblocks.push(top);
        Ok(r)
    }
}
