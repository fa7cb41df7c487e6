//! Jump resolution of CPython 3.11's assembler: `normalize_jumps` picks forward or
//! backward opcodes, `assemble_jump_offsets` computes block offsets and relative jump
//! arguments, iterating until the EXTENDED_ARG sizes stop changing; `write_instr`
//! encodes one instruction.

use crate::flowgraph::Cfg;
use crate::opcode::{self, *};

/// `normalize_jumps`: replaces pseudo-jumps by the real forward/backward opcode, given
/// the final block order.
pub fn normalize_jumps(cfg: &mut Cfg) -> Result<(), String> {
    let layout = cfg.layout();
    for &b in &layout {
        cfg.block_mut(b).visited = false;
    }
    for &b in &layout {
        cfg.block_mut(b).visited = true;
        let Some(last) = cfg.block(b).instrs.last().copied() else {
            continue;
        };
        if !last.is_jump() {
            continue;
        }
        let is_forward = !cfg.block(last.target).visited;
        let op = match last.opcode {
            JUMP => {
                if is_forward {
                    JUMP_FORWARD
                } else {
                    JUMP_BACKWARD
                }
            }
            JUMP_NO_INTERRUPT => {
                if is_forward {
                    JUMP_FORWARD
                } else {
                    JUMP_BACKWARD_NO_INTERRUPT
                }
            }
            POP_JUMP_IF_NOT_NONE => {
                if is_forward {
                    POP_JUMP_FORWARD_IF_NOT_NONE
                } else {
                    POP_JUMP_BACKWARD_IF_NOT_NONE
                }
            }
            POP_JUMP_IF_NONE => {
                if is_forward {
                    POP_JUMP_FORWARD_IF_NONE
                } else {
                    POP_JUMP_BACKWARD_IF_NONE
                }
            }
            POP_JUMP_IF_FALSE => {
                if is_forward {
                    POP_JUMP_FORWARD_IF_FALSE
                } else {
                    POP_JUMP_BACKWARD_IF_FALSE
                }
            }
            POP_JUMP_IF_TRUE => {
                if is_forward {
                    POP_JUMP_FORWARD_IF_TRUE
                } else {
                    POP_JUMP_BACKWARD_IF_TRUE
                }
            }
            JUMP_IF_TRUE_OR_POP | JUMP_IF_FALSE_OR_POP => {
                if !is_forward {
                    return Err(format!(
                        "unexpected {} jumping backwards",
                        opcode::name(last.opcode)
                    ));
                }
                last.opcode
            }
            other => other,
        };
        if let Some(l) = cfg.block_mut(b).instrs.last_mut() {
            l.opcode = op;
        }
    }
    Ok(())
}

/// `assemble_jump_offsets`: block offsets and jump arguments in code units.
pub fn assemble_jump_offsets(cfg: &mut Cfg) -> Result<(), String> {
    let layout = cfg.layout();
    // Each round can only grow instructions (at most 3 EXTENDED_ARGs each), so this
    // converges; the bound only guards against a bug.
    let max_rounds = 4 * cfg.blocks.iter().map(|b| b.instrs.len()).sum::<usize>() + 8;
    for _ in 0..max_rounds {
        let mut totsize = 0;
        for &b in &layout {
            let size: i32 = cfg.block(b).instrs.iter().map(|i| i.size()).sum();
            let bb = cfg.block_mut(b);
            bb.offset = totsize;
            totsize += size;
        }
        let mut recompile = false;
        // A jump ends its block (`normalize_basic_block`), so only last instructions
        // are looked at; a jump's end offset is the next block's offset.
        for (k, &b) in layout.iter().enumerate() {
            let Some(instr) = cfg.block(b).instrs.last().copied() else {
                continue;
            };
            if !instr.is_jump() {
                continue;
            }
            let bsize = match layout.get(k + 1) {
                Some(&n) => cfg.block(n).offset,
                None => totsize,
            };
            let isize = instr.size();
            let mut oparg = cfg.block(instr.target).offset;
            if opcode::is_relative_jump(instr.opcode) {
                if oparg < bsize {
                    oparg = bsize - oparg;
                } else {
                    oparg -= bsize;
                }
            }
            if let Some(ins) = cfg.block_mut(b).instrs.last_mut() {
                ins.oparg = oparg;
                if ins.size() != isize {
                    recompile = true;
                }
            }
        }
        if !recompile {
            return Ok(());
        }
    }
    Err("jump offsets did not converge".into())
}

/// `write_instr`: EXTENDED_ARG prefixes, the instruction, its inline CACHE entries.
#[inline]
pub fn write_instr(out: &mut Vec<u8>, op: Op, oparg: i32, ilen: i32) {
    let oparg = if opcode::has_arg(op) { oparg as u32 } else { 0 };
    let caches = opcode::caches(op);
    let n = ilen - caches;
    for k in (1..n).rev() {
        out.push(EXTENDED_ARG as u8);
        out.push(((oparg >> (8 * k)) & 0xFF) as u8);
    }
    out.push(op as u8);
    out.push((oparg & 0xFF) as u8);
    out.resize(out.len() + 2 * caches.max(0) as usize, 0);
}
