//! Per-block peephole optimisation (`optimize_basic_block` of CPython 3.11's
//! `compile.c`): constant conditional jumps, `is None` jumps, tuple folding,
//! BUILD_TUPLE/UNPACK_SEQUENCE, jump threading, SWAP elimination and the
//! PUSH_NULL + LOAD_GLOBAL merge.

use super::{BlockId, Cfg, Instr};
use crate::consts::{is_true, key_eq};
use crate::opcode::*;
use refvm_bytecode::Constant;

/// Why optimisation failed (CPython raises SystemError/OverflowError here).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptimizeError(pub String);

/// `fold_tuple_on_constants`: turns `LOAD_CONST c1 … LOAD_CONST cn; BUILD_TUPLE n`
/// (instructions `start..=start+n` of block `b`) into NOPs and one `LOAD_CONST`.
fn fold_tuple_on_constants(
    cfg: &mut Cfg,
    b: BlockId,
    start: usize,
    n: usize,
    consts: &mut Vec<Constant>,
) -> Result<(), OptimizeError> {
    let instrs = &mut cfg.block_mut(b).instrs;
    debug_assert!(instrs[start + n].opcode == BUILD_TUPLE);
    if !instrs[start..start + n].iter().all(|i| has_const(i.opcode)) {
        return Ok(());
    }
    let mut items = Vec::with_capacity(n);
    for i in &instrs[start..start + n] {
        // get_const_value: only LOAD_CONST has a value here.
        if i.opcode != LOAD_CONST {
            return Err(OptimizeError(
                "Internal error: failed to get value of a constant".into(),
            ));
        }
        let c = consts
            .get(i.oparg as usize)
            .ok_or_else(|| OptimizeError("constant index out of range".into()))?;
        items.push(c.clone());
    }
    let newconst = Constant::Tuple(items);
    // merge_const_one followed by an identity search is, in effect, a search by
    // constant key: every entry of `consts` went through the same cache.
    let index = match consts.iter().position(|c| key_eq(c, &newconst)) {
        Some(i) => i,
        None => {
            if consts.len() >= i32::MAX as usize - 1 {
                return Err(OptimizeError("too many constants".into()));
            }
            consts.push(newconst);
            consts.len() - 1
        }
    };
    for i in &mut instrs[start..start + n] {
        i.opcode = NOP;
    }
    instrs[start + n].opcode = LOAD_CONST;
    instrs[start + n].oparg = index as i32;
    Ok(())
}

/// `swaptimize`: replaces the run of SWAPs and NOPs starting at `*ix` with an optimal
/// sequence of the same effect; leaves `*ix` on the run's last instruction.
fn swaptimize(instrs: &mut [Instr], ix: &mut usize) {
    let run = &mut instrs[*ix..];
    debug_assert!(run[0].opcode == SWAP);
    let mut depth = run[0].oparg.max(0) as usize;
    let mut len = 0;
    let mut more = false;
    let limit = run.len();
    loop {
        len += 1;
        if len >= limit {
            break;
        }
        let op = run[len].opcode;
        if op == SWAP {
            depth = depth.max(run[len].oparg.max(0) as usize);
            more = true;
        } else if op != NOP {
            break;
        }
    }
    if !more {
        return;
    }
    const VISITED: isize = -1;
    let mut stack: Vec<isize> = (0..depth as isize).collect();
    for instr in &run[..len] {
        if instr.opcode == SWAP {
            let oparg = instr.oparg as usize;
            if oparg == 0 || oparg > depth {
                continue;
            }
            stack.swap(0, oparg - 1);
        }
    }
    let mut current = len as isize - 1;
    for i in 0..depth {
        if stack[i] == VISITED || stack[i] == i as isize {
            continue;
        }
        let mut j = i;
        loop {
            if j != 0 {
                if current < 0 {
                    // Cannot happen: the solution is optimal.
                    return;
                }
                run[current as usize].opcode = SWAP;
                run[current as usize].oparg = j as i32 + 1;
                current -= 1;
            }
            if stack[j] == VISITED {
                break;
            }
            let next_j = stack[j] as usize;
            stack[j] = VISITED;
            j = next_j;
        }
    }
    while current >= 0 {
        run[current as usize].opcode = NOP;
        current -= 1;
    }
    *ix += len - 1;
}

/// `SWAPPABLE`: instructions that may be reordered.
fn swappable(op: Op) -> bool {
    op == STORE_FAST || op == POP_TOP
}

/// `STORES_TO` (3.11.7): the local an instruction stores to.
fn stores_to(i: &Instr) -> i32 {
    if i.opcode == STORE_FAST { i.oparg } else { -1 }
}

/// `next_swappable_instruction`.
fn next_swappable_instruction(instrs: &[Instr], mut i: usize, lineno: i32) -> Option<usize> {
    loop {
        i += 1;
        if i >= instrs.len() {
            return None;
        }
        let instr = &instrs[i];
        if 0 <= lineno && instr.loc.lineno != lineno {
            return None;
        }
        if instr.opcode == NOP {
            continue;
        }
        if swappable(instr.opcode) {
            return Some(i);
        }
        return None;
    }
}

/// `apply_static_swaps`: swaps instructions instead of stack items where possible
/// (with 3.11.7's check that the reordered stores target different locals).
fn apply_static_swaps(instrs: &mut [Instr], i: usize) {
    let mut i = i as isize;
    while i >= 0 {
        let iu = i as usize;
        let swap = instrs[iu];
        if swap.opcode != SWAP {
            if swap.opcode == NOP || swappable(swap.opcode) {
                i -= 1;
                continue;
            }
            return;
        }
        let Some(j) = next_swappable_instruction(instrs, iu, -1) else {
            return;
        };
        let mut k = j;
        let lineno = instrs[j].loc.lineno;
        let mut count = swap.oparg - 1;
        while 0 < count {
            match next_swappable_instruction(instrs, k, lineno) {
                Some(n) => k = n,
                None => return,
            }
            count -= 1;
        }
        let store_j = stores_to(&instrs[j]);
        let store_k = stores_to(&instrs[k]);
        if store_j >= 0 || store_k >= 0 {
            if store_j == store_k {
                return;
            }
            for instr in &instrs[j + 1..k] {
                let s = stores_to(instr);
                if s >= 0 && (s == store_j || s == store_k) {
                    return;
                }
            }
        }
        instrs[iu].opcode = NOP;
        instrs.swap(j, k);
        i -= 1;
    }
}

/// `MAX_COPY_SIZE`: the largest exit block `extend_block` copies.
pub const MAX_COPY_SIZE: usize = 4;

/// `optimize_basic_block`.
pub fn optimize_basic_block(
    cfg: &mut Cfg,
    b: BlockId,
    consts: &mut Vec<Constant>,
) -> Result<(), OptimizeError> {
    let nop = Instr::new(NOP, 0, super::Loc::NONE);
    let mut i: isize = 0;
    while (i as usize) < cfg.block(b).instrs.len() {
        let iu = i as usize;
        let len = cfg.block(b).instrs.len();
        let mut inst = cfg.block(b).instrs[iu];
        let oparg = inst.oparg;
        let nextop = if iu + 1 < len {
            cfg.block(b).instrs[iu + 1].opcode
        } else {
            0
        };
        let target: Instr = if inst.is_jump() || inst.is_block_push() {
            // Skip over empty basic blocks.
            let mut t = inst.target;
            while t != super::NO_BLOCK && cfg.block(t).instrs.is_empty() {
                t = cfg.block(t).next;
            }
            let Some(&first) = cfg.blocks.get(t as usize).and_then(|bb| bb.instrs.first()) else {
                return Err(OptimizeError("jump to the end of the code".into()));
            };
            inst.target = t;
            cfg.block_mut(b).instrs[iu].target = t;
            first
        } else {
            nop
        };
        // Applies `jump_thread(inst, target, opcode)`, returning whether it changed.
        let jump_thread = |cfg: &mut Cfg, op: Op| -> bool {
            if inst.loc.lineno == target.loc.lineno && inst.target != target.target {
                let ins = &mut cfg.block_mut(b).instrs[iu];
                ins.target = target.target;
                ins.opcode = op;
                true
            } else {
                false
            }
        };
        match inst.opcode {
            LOAD_CONST => match nextop {
                POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE => {
                    let t = const_truth(consts, oparg)?;
                    let bb = cfg.block_mut(b);
                    bb.instrs[iu].opcode = NOP;
                    let jump_if_true = nextop == POP_JUMP_IF_TRUE;
                    if t == jump_if_true {
                        bb.instrs[iu + 1].opcode = JUMP;
                        bb.nofallthrough = true;
                    } else {
                        bb.instrs[iu + 1].opcode = NOP;
                    }
                }
                JUMP_IF_FALSE_OR_POP | JUMP_IF_TRUE_OR_POP => {
                    let t = const_truth(consts, oparg)?;
                    let bb = cfg.block_mut(b);
                    let jump_if_true = nextop == JUMP_IF_TRUE_OR_POP;
                    if t == jump_if_true {
                        bb.instrs[iu + 1].opcode = JUMP;
                        bb.nofallthrough = true;
                    } else {
                        bb.instrs[iu].opcode = NOP;
                        bb.instrs[iu + 1].opcode = NOP;
                    }
                }
                IS_OP => {
                    let c = consts
                        .get(oparg as usize)
                        .ok_or_else(|| OptimizeError("constant index out of range".into()))?;
                    let bb = cfg.block_mut(b);
                    let jump_op = if iu + 2 < len {
                        bb.instrs[iu + 2].opcode
                    } else {
                        0
                    };
                    if matches!(c, Constant::None)
                        && (jump_op == POP_JUMP_IF_FALSE || jump_op == POP_JUMP_IF_TRUE)
                    {
                        let nextarg = bb.instrs[iu + 1].oparg as u8;
                        bb.instrs[iu].opcode = NOP;
                        bb.instrs[iu + 1].opcode = NOP;
                        bb.instrs[iu + 2].opcode =
                            if (nextarg ^ u8::from(jump_op == POP_JUMP_IF_FALSE)) != 0 {
                                POP_JUMP_IF_NOT_NONE
                            } else {
                                POP_JUMP_IF_NONE
                            };
                    }
                }
                _ => {}
            },
            BUILD_TUPLE => {
                if nextop == UNPACK_SEQUENCE && oparg == cfg.block(b).instrs[iu + 1].oparg {
                    match oparg {
                        1 => {
                            let bb = cfg.block_mut(b);
                            bb.instrs[iu].opcode = NOP;
                            bb.instrs[iu + 1].opcode = NOP;
                            i += 1;
                            continue;
                        }
                        2 | 3 => {
                            let bb = cfg.block_mut(b);
                            bb.instrs[iu].opcode = NOP;
                            bb.instrs[iu + 1].opcode = SWAP;
                            i += 1;
                            continue;
                        }
                        _ => {}
                    }
                }
                if oparg >= 0 && iu >= oparg as usize {
                    let n = oparg as usize;
                    fold_tuple_on_constants(cfg, b, iu - n, n, consts)?;
                }
            }
            JUMP_IF_FALSE_OR_POP => match target.opcode {
                POP_JUMP_IF_FALSE => i -= isize::from(jump_thread(cfg, POP_JUMP_IF_FALSE)),
                JUMP | JUMP_IF_FALSE_OR_POP => {
                    i -= isize::from(jump_thread(cfg, JUMP_IF_FALSE_OR_POP))
                }
                JUMP_IF_TRUE_OR_POP | POP_JUMP_IF_TRUE if inst.loc.lineno == target.loc.lineno => {
                    let next = cfg.block(inst.target).next;
                    let ins = &mut cfg.block_mut(b).instrs[iu];
                    ins.opcode = POP_JUMP_IF_FALSE;
                    ins.target = next;
                    i -= 1;
                }
                _ => {}
            },
            JUMP_IF_TRUE_OR_POP => match target.opcode {
                POP_JUMP_IF_TRUE => i -= isize::from(jump_thread(cfg, POP_JUMP_IF_TRUE)),
                JUMP | JUMP_IF_TRUE_OR_POP => {
                    i -= isize::from(jump_thread(cfg, JUMP_IF_TRUE_OR_POP))
                }
                JUMP_IF_FALSE_OR_POP | POP_JUMP_IF_FALSE
                    if inst.loc.lineno == target.loc.lineno =>
                {
                    let next = cfg.block(inst.target).next;
                    let ins = &mut cfg.block_mut(b).instrs[iu];
                    ins.opcode = POP_JUMP_IF_TRUE;
                    ins.target = next;
                    i -= 1;
                }
                _ => {}
            },
            // Jumps to an unconditional jump go straight to its target.
            POP_JUMP_IF_NOT_NONE | POP_JUMP_IF_NONE | POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE
            | JUMP
                if target.opcode == JUMP =>
            {
                i -= isize::from(jump_thread(cfg, inst.opcode));
            }
            SWAP => {
                if oparg == 1 {
                    cfg.block_mut(b).instrs[iu].opcode = NOP;
                } else {
                    let instrs = &mut cfg.block_mut(b).instrs;
                    let mut ix = iu;
                    swaptimize(instrs, &mut ix);
                    apply_static_swaps(instrs, ix);
                    i = ix as isize;
                }
            }
            // CPython tests `inst[1].i_opcode & 1`, which is always 0 for LOAD_GLOBAL
            // (116): the merge happens whatever the oparg.
            PUSH_NULL if nextop == LOAD_GLOBAL => {
                let bb = cfg.block_mut(b);
                bb.instrs[iu].opcode = NOP;
                bb.instrs[iu].oparg = 0;
                bb.instrs[iu + 1].oparg |= 1;
            }
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

fn const_truth(consts: &[Constant], oparg: i32) -> Result<bool, OptimizeError> {
    consts
        .get(oparg as usize)
        .map(is_true)
        .ok_or_else(|| OptimizeError("Internal error: failed to get value of a constant".into()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flowgraph::Loc;

    fn at(line: i32) -> Loc {
        Loc::new(line, 0, line, 1)
    }

    fn ops(instrs: &[Instr]) -> Vec<(Op, i32)> {
        instrs
            .iter()
            .filter(|i| i.opcode != NOP)
            .map(|i| (i.opcode, i.oparg))
            .collect()
    }

    #[test]
    fn swaps_become_static_stores() {
        // a, b = x, y  →  LOAD x; LOAD y; SWAP 2; STORE a; STORE b
        let mut instrs = vec![
            Instr::new(SWAP, 2, at(1)),
            Instr::new(STORE_FAST, 0, at(1)),
            Instr::new(STORE_FAST, 1, at(1)),
        ];
        let mut ix = 0;
        swaptimize(&mut instrs, &mut ix);
        apply_static_swaps(&mut instrs, ix);
        assert_eq!(ops(&instrs), vec![(STORE_FAST, 1), (STORE_FAST, 0)]);
    }

    #[test]
    fn swaps_to_the_same_local_stay() {
        let mut instrs = vec![
            Instr::new(SWAP, 2, at(1)),
            Instr::new(STORE_FAST, 0, at(1)),
            Instr::new(STORE_FAST, 0, at(1)),
        ];
        apply_static_swaps(&mut instrs, 0);
        assert_eq!(
            ops(&instrs),
            vec![(SWAP, 2), (STORE_FAST, 0), (STORE_FAST, 0)]
        );
    }

    #[test]
    fn swap_runs_are_minimised() {
        // SWAP 2; SWAP 2 is the identity.
        let mut instrs = vec![Instr::new(SWAP, 2, at(1)), Instr::new(SWAP, 2, at(1))];
        let mut ix = 0;
        swaptimize(&mut instrs, &mut ix);
        assert_eq!(ops(&instrs), vec![]);
        assert_eq!(ix, 1);
        // SWAP 3; SWAP 2 rotates three items: two swaps remain.
        let mut instrs = vec![
            Instr::new(SWAP, 3, at(1)),
            Instr::new(SWAP, 2, at(1)),
            Instr::new(NOP, 0, at(1)),
        ];
        let mut ix = 0;
        swaptimize(&mut instrs, &mut ix);
        assert_eq!(ops(&instrs), vec![(SWAP, 3), (SWAP, 2)]);
    }

    #[test]
    fn constant_tuples_fold() {
        let mut cfg = Cfg::new();
        let mut consts = vec![Constant::Int(1.into()), Constant::Int(2.into())];
        cfg.addop(LOAD_CONST, 0, at(1));
        cfg.addop(LOAD_CONST, 1, at(1));
        cfg.addop(BUILD_TUPLE, 2, at(1));
        cfg.addop(RETURN_VALUE, 0, at(1));
        optimize_basic_block(&mut cfg, 0, &mut consts).unwrap();
        assert_eq!(
            ops(&cfg.block(0).instrs),
            vec![(LOAD_CONST, 2), (RETURN_VALUE, 0)]
        );
        assert_eq!(consts.len(), 3);
    }

    #[test]
    fn constant_conditions_fold() {
        let mut cfg = Cfg::new();
        let target = cfg.new_block();
        let mut consts = vec![Constant::Bool(true)];
        cfg.addop(LOAD_CONST, 0, at(1));
        cfg.addop_j(POP_JUMP_IF_TRUE, target, at(1));
        cfg.use_next_block(target);
        cfg.addop(RETURN_VALUE, 0, at(2));
        optimize_basic_block(&mut cfg, 0, &mut consts).unwrap();
        assert_eq!(ops(&cfg.block(0).instrs), vec![(JUMP, 0)]);
        assert!(cfg.block(0).nofallthrough);
    }
}
