//! Whole-graph passes of CPython 3.11's assembler, in `compile.c`'s names:
//! `normalize_basic_block`, `extend_block`, `clean_basic_block`, `mark_reachable`,
//! `eliminate_empty_basic_blocks`, `optimize_cfg`, `trim_unused_consts`,
//! `duplicate_exits_without_lineno`, `propagate_line_numbers` and
//! `guarantee_lineno_for_exits`.

use super::optimize::{MAX_COPY_SIZE, OptimizeError, optimize_basic_block};
use super::{BlockId, Cfg, Loc, NO_BLOCK};
use crate::opcode::*;
use refvm_bytecode::Constant;

/// Follows `b` through empty blocks to the first non-empty one (CPython loops on
/// `b_iused == 0` and relies on a non-empty block existing; a malformed graph that ends
/// in empty blocks yields `NO_BLOCK` here instead of a crash).
fn skip_empty(cfg: &Cfg, mut b: BlockId) -> BlockId {
    while b != NO_BLOCK && cfg.block(b).instrs.is_empty() {
        b = cfg.block(b).next;
    }
    b
}

/// `normalize_basic_block`: marks exit/no-fallthrough blocks and moves jump targets
/// off empty blocks.
pub fn normalize_basic_block(cfg: &mut Cfg, b: BlockId) -> Result<(), OptimizeError> {
    let n = cfg.block(b).instrs.len();
    for i in 0..n {
        let instr = cfg.block(b).instrs[i];
        match instr.opcode {
            RETURN_VALUE | RAISE_VARARGS | RERAISE => {
                let bb = cfg.block_mut(b);
                bb.exit = true;
                bb.nofallthrough = true;
            }
            JUMP | JUMP_NO_INTERRUPT | POP_JUMP_IF_NOT_NONE | POP_JUMP_IF_NONE
            | POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE | JUMP_IF_FALSE_OR_POP | JUMP_IF_TRUE_OR_POP
            | FOR_ITER => {
                if matches!(instr.opcode, JUMP | JUMP_NO_INTERRUPT) {
                    cfg.block_mut(b).nofallthrough = true;
                }
                if i != n - 1 {
                    return Err(OptimizeError("malformed control flow graph.".into()));
                }
                let t = skip_empty(cfg, instr.target);
                if t == NO_BLOCK {
                    return Err(OptimizeError("malformed control flow graph.".into()));
                }
                cfg.block_mut(b).instrs[i].target = t;
            }
            _ => {}
        }
    }
    Ok(())
}

/// `basicblock_has_lineno`.
fn has_lineno(cfg: &Cfg, b: BlockId) -> bool {
    cfg.block(b).instrs.iter().any(|i| i.loc.lineno > 0)
}

/// `extend_block`: a block ending in an unconditional jump to a small exit block
/// without line numbers gets a copy of that block instead of the jump.
pub fn extend_block(cfg: &mut Cfg, b: BlockId) {
    let Some(last) = cfg.block(b).instrs.last().copied() else {
        return;
    };
    if !matches!(last.opcode, JUMP | JUMP_FORWARD | JUMP_BACKWARD) {
        return;
    }
    let to_copy = last.target;
    if cfg.block(to_copy).exit && cfg.block(to_copy).instrs.len() <= MAX_COPY_SIZE {
        if has_lineno(cfg, to_copy) {
            return;
        }
        let copied = cfg.block(to_copy).instrs.clone();
        let bb = cfg.block_mut(b);
        if let Some(l) = bb.instrs.last_mut() {
            l.opcode = NOP;
        }
        bb.instrs.extend(copied);
        bb.exit = true;
    }
}

/// `clean_basic_block`: removes NOPs where that loses no line-number event.
pub fn clean_basic_block(cfg: &mut Cfg, b: BlockId) {
    // The first line of the next non-empty block, for a NOP that ends this one.
    let next_first_lineno = {
        let next = skip_empty(cfg, cfg.block(b).next);
        if next == NO_BLOCK {
            None
        } else {
            Some(cfg.block(next).instrs[0].loc.lineno)
        }
    };
    let instrs = &mut cfg.block_mut(b).instrs;
    let n = instrs.len();
    let mut dest = 0;
    let mut prev_lineno = -1;
    for src in 0..n {
        let lineno = instrs[src].loc.lineno;
        if instrs[src].opcode == NOP {
            if lineno < 0 {
                continue;
            }
            if prev_lineno == lineno {
                continue;
            }
            if src < n - 1 {
                let next_lineno = instrs[src + 1].loc.lineno;
                if next_lineno == lineno {
                    continue;
                }
                if next_lineno < 0 {
                    instrs[src + 1].loc = instrs[src].loc;
                    continue;
                }
            } else if next_first_lineno == Some(lineno) {
                continue;
            }
        }
        if dest != src {
            instrs[dest] = instrs[src];
        }
        dest += 1;
        prev_lineno = lineno;
    }
    instrs.truncate(dest);
}

/// `mark_reachable`: counts predecessors by a walk from the entry block.
fn mark_reachable(cfg: &mut Cfg) {
    let mut stack: Vec<BlockId> = Vec::with_capacity(cfg.blocks.len());
    cfg.block_mut(Cfg::ENTRY).predecessors = 1;
    stack.push(Cfg::ENTRY);
    while let Some(b) = stack.pop() {
        let next = cfg.block(b).next;
        if next != NO_BLOCK && !cfg.block(b).nofallthrough {
            if cfg.block(next).predecessors == 0 {
                stack.push(next);
            }
            cfg.block_mut(next).predecessors += 1;
        }
        for i in 0..cfg.block(b).instrs.len() {
            let instr = cfg.block(b).instrs[i];
            if instr.is_jump() || instr.is_block_push() {
                let target = instr.target;
                if cfg.block(target).predecessors == 0 {
                    stack.push(target);
                }
                cfg.block_mut(target).predecessors += 1;
            }
        }
    }
}

/// `eliminate_empty_basic_blocks`.
fn eliminate_empty_basic_blocks(cfg: &mut Cfg) {
    let mut b = Cfg::ENTRY;
    while b != NO_BLOCK {
        let mut next = cfg.block(b).next;
        if next != NO_BLOCK {
            while cfg.block(next).instrs.is_empty() && cfg.block(next).next != NO_BLOCK {
                next = cfg.block(next).next;
            }
            cfg.block_mut(b).next = next;
        }
        b = next;
    }
    let mut b = Cfg::ENTRY;
    while b != NO_BLOCK {
        if let Some(last) = cfg.block(b).instrs.last().copied()
            && last.is_jump()
        {
            let target = skip_empty(cfg, last.target);
            if target != NO_BLOCK
                && let Some(l) = cfg.block_mut(b).instrs.last_mut()
            {
                l.target = target;
            }
        }
        b = cfg.block(b).next;
    }
}

/// `optimize_cfg`: peephole-optimises every block, then removes unreachable code,
/// empty blocks and jumps to the next block.
pub fn optimize_cfg(cfg: &mut Cfg, consts: &mut Vec<Constant>) -> Result<(), OptimizeError> {
    for b in cfg.layout() {
        optimize_basic_block(cfg, b, consts)?;
        clean_basic_block(cfg, b);
    }
    for b in cfg.b_list() {
        extend_block(cfg, b);
    }
    mark_reachable(cfg);
    for b in cfg.layout() {
        let bb = cfg.block_mut(b);
        if bb.predecessors == 0 {
            bb.instrs.clear();
            bb.nofallthrough = false;
        }
    }
    eliminate_empty_basic_blocks(cfg);
    for b in cfg.layout() {
        clean_basic_block(cfg, b);
    }
    let mut maybe_empty_blocks = false;
    for b in cfg.layout() {
        let next = cfg.block(b).next;
        let bb = cfg.block_mut(b);
        if let Some(last) = bb.instrs.last_mut()
            && (last.opcode == JUMP || last.opcode == JUMP_NO_INTERRUPT)
            && last.target == next
        {
            last.opcode = NOP;
            bb.nofallthrough = false;
            maybe_empty_blocks = true;
        }
    }
    if maybe_empty_blocks {
        eliminate_empty_basic_blocks(cfg);
    }
    Ok(())
}

/// `trim_unused_consts`: drops constants after the last one used (the first, maybe a
/// docstring, always stays).
pub fn trim_unused_consts(cfg: &Cfg, consts: &mut Vec<Constant>) {
    let mut max_const_index = 0;
    for b in cfg.layout() {
        for i in &cfg.block(b).instrs {
            if (i.opcode == LOAD_CONST || i.opcode == KW_NAMES) && i.oparg > max_const_index {
                max_const_index = i.oparg;
            }
        }
    }
    let keep = max_const_index as usize + 1;
    if keep < consts.len() {
        consts.truncate(keep);
    }
}

/// `is_exit_without_lineno`.
fn is_exit_without_lineno(cfg: &Cfg, b: BlockId) -> bool {
    let bb = cfg.block(b);
    bb.exit && bb.instrs.iter().all(|i| i.loc.lineno < 0)
}

/// `duplicate_exits_without_lineno`: copies exit blocks without line numbers that are
/// jumped to from several places, so each copy can inherit its predecessor's line.
pub fn duplicate_exits_without_lineno(cfg: &mut Cfg) {
    for b in cfg.b_list() {
        let Some(last) = cfg.block(b).instrs.last().copied() else {
            continue;
        };
        if !last.is_jump() {
            continue;
        }
        let target = last.target;
        if is_exit_without_lineno(cfg, target) && cfg.block(target).predecessors > 1 {
            let new_target = cfg.copy_block(target);
            cfg.block_mut(new_target).instrs[0].loc = last.loc;
            if let Some(l) = cfg.block_mut(b).instrs.last_mut() {
                l.target = new_target;
            }
            cfg.block_mut(target).predecessors -= 1;
            let after = cfg.block(target).next;
            let nt = cfg.block_mut(new_target);
            nt.predecessors = 1;
            nt.next = after;
            cfg.block_mut(target).next = new_target;
        }
    }
    for b in cfg.b_list() {
        loop {
            let next = cfg.block(b).next;
            if next != NO_BLOCK && cfg.block(next).instrs.is_empty() {
                let nn = cfg.block(next).next;
                cfg.block_mut(b).next = nn;
            } else {
                break;
            }
        }
    }
    for b in cfg.b_list() {
        let bb = cfg.block(b);
        let next = bb.next;
        if !bb.nofallthrough && next != NO_BLOCK && !bb.instrs.is_empty() {
            let loc = bb.instrs[bb.instrs.len() - 1].loc;
            if is_exit_without_lineno(cfg, next) {
                cfg.block_mut(next).instrs[0].loc = loc;
            }
        }
    }
}

/// `propagate_line_numbers`: instructions without a line take their predecessor's;
/// a successor block with one predecessor inherits it too.
pub fn propagate_line_numbers(cfg: &mut Cfg) {
    for b in cfg.layout() {
        if cfg.block(b).instrs.is_empty() {
            continue;
        }
        let mut prev = Loc::NONE;
        for i in &mut cfg.block_mut(b).instrs {
            if i.loc.lineno < 0 {
                i.loc = prev;
            } else {
                prev = i.loc;
            }
        }
        let bb = cfg.block(b);
        let next = bb.next;
        let last = bb.instrs[bb.instrs.len() - 1];
        if !bb.nofallthrough
            && next != NO_BLOCK
            && cfg.block(next).predecessors == 1
            && let Some(first) = cfg.block_mut(next).instrs.first_mut()
            && first.loc.lineno < 0
        {
            first.loc = prev;
        }
        if last.is_jump() {
            let target = last.target;
            if cfg.block(target).predecessors == 1
                && let Some(first) = cfg.block_mut(target).instrs.first_mut()
                && first.loc.lineno < 0
            {
                first.loc = prev;
            }
        }
    }
}

/// `guarantee_lineno_for_exits`: a RETURN_VALUE block still without a line gets the
/// line of the last located block before it.
pub fn guarantee_lineno_for_exits(cfg: &mut Cfg, firstlineno: i32) {
    let mut lineno = firstlineno;
    for b in cfg.layout() {
        let bb = cfg.block_mut(b);
        let Some(last) = bb.instrs.last().copied() else {
            continue;
        };
        if last.loc.lineno < 0 {
            if last.opcode == RETURN_VALUE {
                for i in &mut bb.instrs {
                    i.loc.lineno = lineno;
                }
            }
        } else {
            lineno = last.loc.lineno;
        }
    }
}
