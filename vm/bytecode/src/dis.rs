//! The text of `python3 -m dis FILE` (`Lib/dis.py` of 3.11 with `adaptive=False`,
//! `show_caches=False`): one section per code object, recursively through `co_consts`,
//! with line numbers, jump-target markers, offsets, opnames, opargs and their meaning,
//! then the exception table.
//!
//! Code objects print as `<code object NAME at 0x…, file "…", line N>`; the address is
//! the `CodeObject`'s own, so only addresses differ from CPython's output (the layer
//! normalises them). Constant reprs are CPython's (see `repr.rs`, including frozenset
//! member order).

mod repr;

pub use repr::{code_repr, constant_repr};

use crate::code::{CodeObject, Constant};
use crate::exceptiontable::{self, ExceptionTableEntry};
use crate::linetable::LineTable;
use crate::opcode::{
    ArgKind, CMP_OP, EXTENDED_ARG, HAVE_ARGUMENT, JumpKind, MAKE_FUNCTION_FLAGS, NB_OPS, Opcode,
    all_opname, deopt, inline_cache_entries,
};
use refvm_common::Unsupported;
use std::collections::{HashMap, HashSet};
use std::fmt::Write;

/// `dis`'s `_OPNAME_WIDTH` and `_OPARG_WIDTH`.
const OPNAME_WIDTH: usize = 20;
const OPARG_WIDTH: usize = 5;

/// What `python3 -m dis FILE` prints for the module code object `code`.
pub fn dis_module(code: &CodeObject) -> Result<String, Unsupported> {
    let mut out = String::new();
    disassemble_recursive(code, &mut out)?;
    Ok(out)
}

/// One decoded instruction, as `dis.get_instructions` yields it (CACHE entries
/// skipped).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Instruction {
    /// `dis._all_opname[op]` (a specialised or `<N>` name for unknown bytes).
    pub opname: String,
    pub opcode: u8,
    /// The oparg with EXTENDED_ARG prefixes folded in; `None` below HAVE_ARGUMENT.
    pub arg: Option<i32>,
    pub argrepr: String,
    /// Byte offset in `co_code`.
    pub offset: u32,
    pub starts_line: Option<i32>,
    pub is_jump_target: bool,
}

/// `dis._unpack_opargs`: `(offset, op, arg)` per instruction, CACHE entries skipped.
pub fn unpack_opargs(code: &[u8]) -> Vec<(u32, u8, Option<i32>)> {
    let mut out = Vec::with_capacity(code.len() / 2);
    let mut extended_arg: i64 = 0;
    let mut caches = 0usize;
    for (unit, pair) in code.chunks_exact(2).enumerate() {
        if caches > 0 {
            caches -= 1;
            continue;
        }
        let op = pair[0];
        let base = deopt(op);
        caches = usize::from(base.map_or(0, |b| inline_cache_entries(b as u8)));
        let deop = base.map_or(op, |b| b as u8);
        let arg = if deop >= HAVE_ARGUMENT {
            let arg = i64::from(pair[1]) | extended_arg;
            extended_arg = if deop == EXTENDED_ARG { arg << 8 } else { 0 };
            // The oparg is C's int: wrap as dis does.
            if extended_arg >= 1 << 31 {
                extended_arg -= 1 << 32;
            }
            Some(arg as i32)
        } else {
            extended_arg = 0;
            None
        };
        out.push(((unit * 2) as u32, op, arg));
    }
    out
}

fn jump_target(offset: u32, deop: Option<Opcode>, arg: i32) -> Option<i64> {
    let d = deop?;
    let signed = match d.jump() {
        JumpKind::None => return None,
        JumpKind::Forward => i64::from(arg),
        JumpKind::Backward => -i64::from(arg),
    };
    Some(i64::from(offset) + 2 + signed * 2)
}

/// The instructions of `code` with their argument descriptions, as `dis` computes them.
pub fn get_instructions(code: &CodeObject) -> Result<Vec<Instruction>, Unsupported> {
    let lines = LineTable::new(&code.linetable, code.firstlineno)
        .map_err(|e| Unsupported(format!("dis: {e}")))?;
    let exceptions = exceptiontable::decode(&code.exceptiontable)
        .map_err(|e| Unsupported(format!("dis: {e}")))?;
    Ok(instructions(code, &lines, &exceptions))
}

fn instructions(
    code: &CodeObject,
    lines: &LineTable,
    exceptions: &[ExceptionTableEntry],
) -> Vec<Instruction> {
    let linestarts: HashMap<u32, i32> = lines.line_starts().into_iter().collect();
    let unpacked = unpack_opargs(&code.code);
    let mut labels: HashSet<i64> = HashSet::new();
    for (offset, op, arg) in &unpacked {
        if let (Some(arg), Some(t)) = (arg, arg.and_then(|a| jump_target(*offset, deopt(*op), a))) {
            let _ = arg;
            labels.insert(t);
        }
    }
    for e in exceptions {
        if e.start < e.end {
            labels.insert(i64::from(e.target) * 2);
        }
    }
    let mut out = Vec::with_capacity(unpacked.len());
    for (offset, op, arg) in unpacked {
        let deop = deopt(op);
        let argrepr = match arg {
            Some(a) => argrepr(code, offset, deop, a),
            None => String::new(),
        };
        out.push(Instruction {
            opname: all_opname(op).into_owned(),
            opcode: op,
            arg,
            argrepr,
            offset,
            starts_line: linestarts.get(&offset).copied(),
            is_jump_target: labels.contains(&i64::from(offset)),
        });
    }
    out
}

fn name_at(names: &[refvm_common::PyStr], i: i64) -> String {
    usize::try_from(i)
        .ok()
        .and_then(|i| names.get(i))
        .map(|n| n.to_string())
        .unwrap_or_default()
}

/// `argrepr` of `_get_instructions_bytes`.
fn argrepr(code: &CodeObject, offset: u32, deop: Option<Opcode>, arg: i32) -> String {
    let Some(d) = deop else { return String::new() };
    let idx = i64::from(arg);
    match d.arg_kind() {
        // `_get_const_value` resolves LOAD_CONST only (not KW_NAMES).
        ArgKind::Const if d == Opcode::LOAD_CONST => {
            match usize::try_from(arg).ok().and_then(|i| code.consts.get(i)) {
                Some(c) => constant_repr(c, &code_addr),
                None => String::new(),
            }
        }
        ArgKind::Const => String::new(),
        ArgKind::Name if d == Opcode::LOAD_GLOBAL => {
            let name = name_at(&code.names, idx >> 1);
            if arg & 1 != 0 && !name.is_empty() {
                format!("NULL + {name}")
            } else {
                name
            }
        }
        ArgKind::Name => name_at(&code.names, idx),
        ArgKind::JumpForward | ArgKind::JumpBackward => {
            format!("to {}", jump_target(offset, deop, arg).unwrap_or_default())
        }
        ArgKind::Local | ArgKind::Free => name_at(&code.localsplusnames, idx),
        ArgKind::Compare => usize::try_from(arg)
            .ok()
            .and_then(|i| CMP_OP.get(i))
            .map_or(String::new(), |s| s.to_string()),
        ArgKind::FormatValue => {
            let mut s = ["", "str", "repr", "ascii"][(arg & 3) as usize].to_string();
            if arg & 4 != 0 {
                if !s.is_empty() {
                    s.push_str(", ");
                }
                s.push_str("with format");
            }
            s
        }
        ArgKind::MakeFunction => MAKE_FUNCTION_FLAGS
            .iter()
            .enumerate()
            .filter(|(i, _)| arg & (1 << i) != 0)
            .map(|(_, s)| *s)
            .collect::<Vec<_>>()
            .join(", "),
        ArgKind::BinaryOp => usize::try_from(arg)
            .ok()
            .and_then(|i| NB_OPS.get(i))
            .map_or(String::new(), |p| p.1.to_string()),
        ArgKind::None | ArgKind::Int => String::new(),
    }
}

/// The address a code object's repr shows: its own, so distinct objects differ.
fn code_addr(code: &CodeObject) -> usize {
    code as *const CodeObject as usize
}

/// `dis.disassemble(co)`: one code object's listing.
pub fn disassemble(code: &CodeObject, out: &mut String) -> Result<(), Unsupported> {
    let lines = LineTable::new(&code.linetable, code.firstlineno)
        .map_err(|e| Unsupported(format!("dis: {e}")))?;
    let exceptions = exceptiontable::decode(&code.exceptiontable)
        .map_err(|e| Unsupported(format!("dis: {e}")))?;
    let starts = lines.line_starts();
    let lineno_width = match starts.iter().map(|(_, l)| *l).max() {
        None => 0,
        Some(max) if max >= 1000 => max.to_string().len(),
        Some(_) => 3,
    };
    let maxoffset = code.code.len() as i64 - 2;
    let offset_width = if maxoffset >= 10000 {
        maxoffset.to_string().len()
    } else {
        4
    };
    for instr in instructions(code, &lines, &exceptions) {
        if lineno_width > 0 && instr.starts_line.is_some() && instr.offset > 0 {
            out.push('\n');
        }
        let mut line = String::new();
        if lineno_width > 0 {
            match instr.starts_line {
                Some(l) => {
                    let _ = write!(line, "{l:>lineno_width$} ");
                }
                None => line.push_str(&" ".repeat(lineno_width + 1)),
            }
        }
        line.push_str("   ");
        line.push_str(if instr.is_jump_target { " >>" } else { "   " });
        let _ = write!(
            line,
            " {:>offset_width$} {:<OPNAME_WIDTH$}",
            instr.offset, instr.opname
        );
        if let Some(arg) = instr.arg {
            let _ = write!(line, " {arg:>OPARG_WIDTH$}");
            if !instr.argrepr.is_empty() {
                let _ = write!(line, " ({})", instr.argrepr);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    if !exceptions.is_empty() {
        out.push_str("ExceptionTable:\n");
        for e in &exceptions {
            let end = i64::from(e.end) * 2 - 2;
            let lasti = if e.lasti { " lasti" } else { "" };
            let _ = writeln!(
                out,
                "  {} to {end} -> {} [{}]{lasti}",
                e.start * 2,
                e.target * 2,
                e.depth
            );
        }
    }
    Ok(())
}

/// `dis._disassemble_recursive` with no depth limit, iteratively (nested code objects
/// in `co_consts` order, depth first).
fn disassemble_recursive(code: &CodeObject, out: &mut String) -> Result<(), Unsupported> {
    let mut todo = vec![code];
    let mut first = true;
    while let Some(c) = todo.pop() {
        if !first {
            let _ = write!(out, "\nDisassembly of {}:\n", code_repr(c, code_addr(c)));
        }
        first = false;
        disassemble(c, out)?;
        for k in c.consts.iter().rev() {
            if let Constant::Code(inner) = k {
                todo.push(inner);
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
