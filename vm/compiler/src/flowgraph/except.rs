//! Exception-handler labelling of CPython 3.11's assembler: `label_exception_targets`
//! gives every instruction the handler that covers it (from the SETUP_*/POP_BLOCK
//! pseudo-ops), then `convert_exception_handlers_to_nops` retires those pseudo-ops.

use super::{BlockId, Cfg, ExceptStack, NO_BLOCK};
use crate::opcode::*;

/// `push_except_block`.
fn push_except_block(
    cfg: &mut Cfg,
    stack: &mut ExceptStack,
    setup_op: Op,
    target: BlockId,
) -> BlockId {
    if setup_op == SETUP_WITH || setup_op == SETUP_CLEANUP {
        cfg.block_mut(target).preserve_lasti = true;
    }
    stack.push(target);
    target
}

/// `pop_except_block`: pops and returns the new top (the base entry is "no handler").
fn pop_except_block(stack: &mut ExceptStack) -> BlockId {
    if stack.len() > 1 {
        stack.pop();
    }
    *stack.last().unwrap_or(&NO_BLOCK)
}

/// `label_exception_targets`: a walk over the graph carrying the handler stack, setting
/// each instruction's `except`.
pub fn label_exception_targets(cfg: &mut Cfg) {
    // Without a SETUP_* pseudo-op no instruction has a handler: every `except` keeps
    // its initial NO_BLOCK.
    if !cfg
        .blocks
        .iter()
        .any(|bb| bb.instrs.iter().any(|i| i.is_block_push()))
    {
        return;
    }
    for b in cfg.layout() {
        cfg.block_mut(b).visited = false;
    }
    let mut todo: Vec<BlockId> = Vec::new();
    let entry = Cfg::ENTRY;
    todo.push(entry);
    cfg.block_mut(entry).visited = true;
    cfg.block_mut(entry).exceptstack = Some(vec![NO_BLOCK]);
    while let Some(b) = todo.pop() {
        let mut except_stack = cfg.block_mut(b).exceptstack.take();
        let mut handler = except_stack
            .as_ref()
            .and_then(|s| s.last().copied())
            .unwrap_or(NO_BLOCK);
        let n = cfg.block(b).instrs.len();
        let nofallthrough = cfg.block(b).nofallthrough;
        for i in 0..n {
            let instr = cfg.block(b).instrs[i];
            if instr.is_block_push() {
                let target = instr.target;
                if !cfg.block(target).visited {
                    let copy = except_stack.clone();
                    let t = cfg.block_mut(target);
                    t.exceptstack = copy;
                    t.visited = true;
                    todo.push(target);
                }
                if let Some(s) = except_stack.as_mut() {
                    handler = push_except_block(cfg, s, instr.opcode, target);
                }
            } else if instr.opcode == POP_BLOCK {
                if let Some(s) = except_stack.as_mut() {
                    handler = pop_except_block(s);
                }
            } else if instr.is_jump() {
                cfg.block_mut(b).instrs[i].except = handler;
                let target = instr.target;
                if !cfg.block(target).visited {
                    let stack_for_target = if !nofallthrough {
                        except_stack.clone()
                    } else {
                        except_stack.take()
                    };
                    let t = cfg.block_mut(target);
                    t.exceptstack = stack_for_target;
                    t.visited = true;
                    todo.push(target);
                }
            } else {
                cfg.block_mut(b).instrs[i].except = handler;
            }
        }
        let next = cfg.block(b).next;
        if !nofallthrough && next != NO_BLOCK && !cfg.block(next).visited {
            let nb = cfg.block_mut(next);
            nb.exceptstack = except_stack;
            nb.visited = true;
            todo.push(next);
        }
    }
}

/// `convert_exception_handlers_to_nops`.
pub fn convert_exception_handlers_to_nops(cfg: &mut Cfg) {
    for b in cfg.layout() {
        for i in &mut cfg.block_mut(b).instrs {
            if i.is_block_push() || i.opcode == POP_BLOCK {
                i.opcode = NOP;
            }
        }
    }
}
