//! `stackdepth` of CPython 3.11's `compile.c`: the deepest value stack any path through
//! the graph needs, by a worklist walk with per-opcode stack effects.

use super::{BlockId, Cfg, NO_BLOCK};
use crate::opcode::{self, *};

/// Why the stack depth could not be computed (CPython raises SystemError).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StackDepthError(pub String);

/// `stackdepth_push`: schedules `b` with entry depth `depth` unless already seen.
fn push(cfg: &mut Cfg, stack: &mut Vec<BlockId>, b: BlockId, depth: i32) {
    let bb = cfg.block_mut(b);
    if bb.startdepth < depth && bb.startdepth < 100 {
        bb.startdepth = depth;
        stack.push(b);
    }
}

/// `stackdepth`: sets every reachable block's `startdepth` and returns the maximum
/// depth. Generators and coroutines start at depth 1 (the value sent in).
pub fn stackdepth(cfg: &mut Cfg, is_generator: bool) -> Result<i32, StackDepthError> {
    for b in &mut cfg.blocks {
        b.startdepth = i32::MIN;
    }
    let mut stack: Vec<BlockId> = Vec::with_capacity(cfg.blocks.len());
    let mut maxdepth = 0;
    push(cfg, &mut stack, Cfg::ENTRY, i32::from(is_generator));
    while let Some(b) = stack.pop() {
        let mut depth = cfg.block(b).startdepth;
        let mut next = cfg.block(b).next;
        for idx in 0..cfg.block(b).instrs.len() {
            let instr = cfg.block(b).instrs[idx];
            let effect = opcode::stack_effect(instr.opcode, instr.oparg, 0).ok_or_else(|| {
                StackDepthError(format!(
                    "compiler stack_effect(opcode={}, arg={}) failed",
                    instr.opcode, instr.oparg
                ))
            })?;
            let new_depth = depth + effect;
            maxdepth = maxdepth.max(new_depth);
            if instr.is_jump() || instr.is_block_push() {
                let effect = opcode::stack_effect(instr.opcode, instr.oparg, 1).unwrap_or(0);
                let target_depth = depth + effect;
                maxdepth = maxdepth.max(target_depth);
                push(cfg, &mut stack, instr.target, target_depth);
            }
            depth = new_depth;
            if matches!(
                instr.opcode,
                JUMP_NO_INTERRUPT | JUMP | RETURN_VALUE | RAISE_VARARGS | RERAISE
            ) {
                next = NO_BLOCK;
                break;
            }
        }
        if next != NO_BLOCK {
            push(cfg, &mut stack, next, depth);
        }
    }
    Ok(maxdepth)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flowgraph::Loc;

    #[test]
    fn branches_take_the_maximum() {
        let l = Loc::new(1, 0, 1, 1);
        let mut cfg = Cfg::new();
        let other = cfg.new_block();
        cfg.addop(LOAD_CONST, 0, l);
        cfg.addop_j(POP_JUMP_IF_FALSE, other, l);
        cfg.addop(LOAD_CONST, 0, l);
        cfg.addop(LOAD_CONST, 0, l);
        cfg.addop(BUILD_TUPLE, 2, l);
        cfg.addop(RETURN_VALUE, 0, l);
        cfg.use_next_block(other);
        cfg.addop(LOAD_CONST, 0, l);
        cfg.addop(RETURN_VALUE, 0, l);
        assert_eq!(stackdepth(&mut cfg, false), Ok(2));
        assert_eq!(stackdepth(&mut cfg, true), Ok(3));
    }
}
