//! The assembler (`assemble` and `makecode` of CPython 3.11's `compile.c`): runs the
//! flowgraph passes in CPython's order on one code unit's graph and builds the
//! [`CodeObject`].

pub mod jumps;

use crate::consts::{ConstTable, NameTable};
use crate::flowgraph::cfg::{
    clean_basic_block, duplicate_exits_without_lineno, extend_block, guarantee_lineno_for_exits,
    normalize_basic_block, optimize_cfg, propagate_line_numbers, trim_unused_consts,
};
use crate::flowgraph::except::{convert_exception_handlers_to_nops, label_exception_targets};
use crate::flowgraph::stackdepth::stackdepth;
use crate::flowgraph::{Cfg, Instr, Loc, NO_BLOCK};
use crate::opcode::*;
use refvm_bytecode::code::{CO_FAST_CELL, CO_FAST_FREE, CO_FAST_LOCAL, flags as co};
use refvm_bytecode::exceptiontable::{self, ExceptionTableEntry};
use refvm_bytecode::linetable::{LineTableWriter, Location};
use refvm_bytecode::{CodeObject, Constant};
use refvm_common::PyStr;

/// Everything the assembler needs from one compiled scope (`struct compiler_unit` at
/// the end of code generation).
#[derive(Clone, Debug, Default)]
pub struct Unit {
    pub cfg: Cfg,
    pub consts: ConstTable,
    pub names: NameTable,
    pub varnames: NameTable,
    pub cellvars: NameTable,
    /// Free variables; their deref indices start after the cell variables.
    pub freevars: NameTable,
    pub name: PyStr,
    pub qualname: PyStr,
    pub filename: PyStr,
    /// `compute_code_flags`.
    pub flags: u32,
    /// `u_firstlineno`; 0 means "take it from the first instruction".
    pub firstlineno: i32,
    pub argcount: i32,
    pub posonlyargcount: i32,
    pub kwonlyargcount: i32,
    /// `ste_generator || ste_coroutine`: the stack starts one deep.
    pub generator_or_coroutine: bool,
}

/// Why assembly failed (CPython raises SystemError for a malformed graph).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AssembleError(pub String);

/// `build_cellfixedoffsets`.
fn build_cellfixedoffsets(u: &Unit) -> Vec<i32> {
    let nlocals = u.varnames.len() as i32;
    let noffsets = u.cellvars.len() + u.freevars.len();
    let mut fixed: Vec<i32> = (0..noffsets as i32).map(|i| nlocals + i).collect();
    for (cellindex, name) in u.cellvars.names().iter().enumerate() {
        if let Some(argoffset) = u.varnames.get(name) {
            fixed[cellindex] = argoffset as i32;
        }
    }
    fixed
}

/// `insert_prefix_instructions`: RETURN_GENERATOR/POP_TOP, MAKE_CELLs, COPY_FREE_VARS.
fn insert_prefix_instructions(u: &mut Unit, fixed: &[i32]) {
    let firstlineno = u.firstlineno;
    let entry = &mut u.cfg.block_mut(Cfg::ENTRY).instrs;
    if u.flags & (co::CO_GENERATOR | co::CO_COROUTINE | co::CO_ASYNC_GENERATOR) != 0 {
        let make_gen = Instr::new(
            RETURN_GENERATOR,
            0,
            Loc::new(firstlineno, -1, firstlineno, -1),
        );
        entry.insert(0, make_gen);
        entry.insert(1, Instr::new(POP_TOP, 0, Loc::NONE));
    }
    let ncellvars = u.cellvars.len();
    if ncellvars > 0 {
        let nvars = ncellvars + u.varnames.len();
        let mut sorted = vec![0usize; nvars];
        for (i, &f) in fixed.iter().take(ncellvars).enumerate() {
            if let Some(slot) = sorted.get_mut(f as usize) {
                *slot = i + 1;
            }
        }
        let mut ncellsused = 0;
        for &s in &sorted {
            if ncellsused >= ncellvars {
                break;
            }
            if s == 0 {
                continue;
            }
            let oldindex = s - 1;
            entry.insert(
                ncellsused,
                Instr::new(MAKE_CELL, oldindex as i32, Loc::NONE),
            );
            ncellsused += 1;
        }
    }
    let nfreevars = u.freevars.len();
    if nfreevars > 0 {
        entry.insert(0, Instr::new(COPY_FREE_VARS, nfreevars as i32, Loc::NONE));
    }
}

/// `fix_cell_offsets`: maps cell/free indices to `localsplus` offsets; returns how many
/// cells were dropped because they are also arguments.
fn fix_cell_offsets(u: &mut Unit, fixedmap: &mut [i32]) -> i32 {
    let nlocals = u.varnames.len() as i32;
    let mut numdropped = 0;
    for (i, f) in fixedmap.iter_mut().enumerate() {
        if *f == i as i32 + nlocals {
            *f -= numdropped;
        } else {
            numdropped += 1;
        }
    }
    for b in u.cfg.layout() {
        for inst in &mut u.cfg.block_mut(b).instrs {
            if matches!(
                inst.opcode,
                MAKE_CELL
                    | LOAD_CLOSURE
                    | LOAD_DEREF
                    | STORE_DEREF
                    | DELETE_DEREF
                    | LOAD_CLASSDEREF
            ) && let Some(&f) = fixedmap.get(inst.oparg as usize)
            {
                inst.oparg = f;
            }
        }
    }
    numdropped
}

/// `compute_localsplus_info`: `co_localsplusnames` and `co_localspluskinds`.
fn compute_localsplus_info(u: &Unit, nlocalsplus: usize) -> (Vec<PyStr>, Vec<u8>) {
    let mut names = vec![PyStr::new(); nlocalsplus];
    let mut kinds = vec![0u8; nlocalsplus];
    let mut set = |offset: usize, name: &PyStr, kind: u8| {
        if offset < nlocalsplus {
            names[offset] = name.clone();
            kinds[offset] = kind;
        }
    };
    for (offset, name) in u.varnames.names().iter().enumerate() {
        let mut kind = CO_FAST_LOCAL;
        if u.cellvars.contains(name) {
            kind |= CO_FAST_CELL;
        }
        set(offset, name, kind);
    }
    let nlocals = u.varnames.len();
    let mut numdropped = 0;
    for (offset, name) in u.cellvars.names().iter().enumerate() {
        if u.varnames.contains(name) {
            numdropped += 1;
            continue;
        }
        set(offset + nlocals - numdropped, name, CO_FAST_CELL);
    }
    let ncellvars = u.cellvars.len();
    for (i, name) in u.freevars.names().iter().enumerate() {
        set(ncellvars + i + nlocals - numdropped, name, CO_FAST_FREE);
    }
    (names, kinds)
}

/// `assemble`: the implicit `return None`, every flowgraph pass, and `makecode`.
pub fn assemble(mut u: Unit, add_none: bool) -> Result<CodeObject, AssembleError> {
    let err = |s: String| AssembleError(s);
    // Make sure every block that falls off the end returns None.
    if !u.cfg.curblock_returns() {
        if add_none {
            let i = u.consts.add(Constant::None);
            u.cfg.addop(LOAD_CONST, i as i32, Loc::NONE);
        }
        u.cfg.addop(RETURN_VALUE, 0, Loc::NONE);
    }
    for b in u.cfg.b_list() {
        normalize_basic_block(&mut u.cfg, b).map_err(|e| err(e.0))?;
    }
    for b in u.cfg.b_list() {
        extend_block(&mut u.cfg, b);
    }
    let nlocals = u.varnames.len();
    let mut nlocalsplus = nlocals + u.cellvars.len() + u.freevars.len();
    let mut cellfixedoffsets = build_cellfixedoffsets(&u);

    if u.firstlineno == 0 {
        u.firstlineno = match u.cfg.block(Cfg::ENTRY).instrs.first() {
            Some(i) if i.loc.lineno != 0 => i.loc.lineno,
            _ => 1,
        };
    }
    insert_prefix_instructions(&mut u, &cellfixedoffsets);
    let numdropped = fix_cell_offsets(&mut u, &mut cellfixedoffsets);
    nlocalsplus -= numdropped as usize;

    let mut consts = std::mem::take(&mut u.consts).into_list();
    optimize_cfg(&mut u.cfg, &mut consts).map_err(|e| err(e.0))?;
    duplicate_exits_without_lineno(&mut u.cfg);
    trim_unused_consts(&u.cfg, &mut consts);
    propagate_line_numbers(&mut u.cfg);
    guarantee_lineno_for_exits(&mut u.cfg, u.firstlineno);
    let maxdepth = stackdepth(&mut u.cfg, u.generator_or_coroutine).map_err(|e| err(e.0))?;

    label_exception_targets(&mut u.cfg);
    convert_exception_handlers_to_nops(&mut u.cfg);
    for b in u.cfg.layout() {
        clean_basic_block(&mut u.cfg, b);
    }
    jumps::normalize_jumps(&mut u.cfg).map_err(err)?;
    jumps::assemble_jump_offsets(&mut u.cfg).map_err(err)?;

    let layout = u.cfg.layout();
    let units: usize = layout
        .iter()
        .map(|&b| {
            u.cfg
                .block(b)
                .instrs
                .iter()
                .map(|i| i.size() as usize)
                .sum::<usize>()
        })
        .sum();
    let mut code = Vec::with_capacity(2 * units);
    // Most instructions take a one- or two-byte entry.
    let mut lines = LineTableWriter::with_capacity(u.firstlineno, 2 * units);
    for &b in &layout {
        for i in &u.cfg.block(b).instrs {
            let size = i.size();
            jumps::write_instr(&mut code, i.opcode, i.oparg, size);
            let loc = Location {
                lineno: i.loc.lineno,
                end_lineno: i.loc.end_lineno,
                col_offset: i.loc.col_offset,
                end_col_offset: i.loc.end_col_offset,
            };
            lines.emit(&loc, size as usize);
        }
    }
    let exceptiontable = assemble_exception_table(&u.cfg, &layout)?;

    let (localsplusnames, localspluskinds) = compute_localsplus_info(&u, nlocalsplus);
    Ok(CodeObject {
        argcount: u.argcount + u.posonlyargcount,
        posonlyargcount: u.posonlyargcount,
        kwonlyargcount: u.kwonlyargcount,
        stacksize: maxdepth,
        flags: u.flags,
        code,
        consts,
        names: std::mem::take(&mut u.names).into_names(),
        localsplusnames,
        localspluskinds,
        filename: u.filename,
        name: u.name,
        qualname: u.qualname,
        firstlineno: u.firstlineno,
        linetable: lines.finish(),
        exceptiontable,
        provenance: Default::default(),
    })
}

/// `assemble_exception_table`: one entry per run of instructions with the same handler.
fn assemble_exception_table(cfg: &Cfg, layout: &[u32]) -> Result<Vec<u8>, AssembleError> {
    let mut out = Vec::new();
    let mut handler = NO_BLOCK;
    let mut start = -1;
    let mut ioffset = 0;
    let emit = |out: &mut Vec<u8>, start: i32, end: i32, handler: u32| {
        let h = cfg.block(handler);
        let mut depth = h.startdepth - 1;
        if h.preserve_lasti {
            depth -= 1;
        }
        if depth < 0 || end <= start {
            return Err(AssembleError("malformed exception handler".into()));
        }
        exceptiontable::write_entry(
            out,
            &ExceptionTableEntry {
                start: start as u32,
                end: end as u32,
                target: h.offset as u32,
                depth: depth as u32,
                lasti: h.preserve_lasti,
            },
        );
        Ok(())
    };
    for &b in layout {
        ioffset = cfg.block(b).offset;
        for instr in &cfg.block(b).instrs {
            if instr.except != handler {
                if handler != NO_BLOCK {
                    emit(&mut out, start, ioffset, handler)?;
                }
                start = ioffset;
                handler = instr.except;
            }
            ioffset += instr.size();
        }
    }
    if handler != NO_BLOCK {
        emit(&mut out, start, ioffset, handler)?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::process::Command;

    fn hex(b: &[u8]) -> String {
        b.iter().map(|x| format!("{x:02x}")).collect()
    }

    fn python(code: &str) -> String {
        let out = Command::new("timeout")
            .args(["60", "python3", "-c", code])
            .output()
            .expect("python3 on PATH");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// The graph the code generator builds for `x = 1` assembles to CPython's bytes.
    #[test]
    fn module_assignment_matches_cpython() {
        let mut u = Unit {
            firstlineno: 1,
            ..Unit::default()
        };
        u.name = "<module>".into();
        u.qualname = "<module>".into();
        u.cfg.addop(RESUME, 0, Loc::new(0, 0, 1, 0));
        let one = u.consts.add(Constant::Int(1.into()));
        u.cfg.addop(LOAD_CONST, one as i32, Loc::new(1, 4, 1, 5));
        let x = u.names.add(&"x".into());
        u.cfg.addop(STORE_NAME, x as i32, Loc::new(1, 0, 1, 1));
        let code = assemble(u, true).unwrap();
        let want = python(
            "c = compile('x = 1\\n', 'f', 'exec'); print(c.co_code.hex(), c.co_linetable.hex(), c.co_stacksize)",
        );
        assert_eq!(
            format!(
                "{} {} {}",
                hex(&code.code),
                hex(&code.linetable),
                code.stacksize
            ),
            want
        );
    }

    /// A loop: backward jumps, FOR_ITER, and jump threading.
    #[test]
    fn for_loop_matches_cpython() {
        // for i in x: pass
        let mut u = Unit {
            firstlineno: 1,
            ..Unit::default()
        };
        let l1 = |a, b| Loc::new(1, a, 1, b);
        u.cfg.addop(RESUME, 0, Loc::new(0, 0, 1, 0));
        let x = u.names.add(&"x".into());
        let i = u.names.add(&"i".into());
        // compiler_for
        let start = u.cfg.new_block();
        let cleanup = u.cfg.new_block();
        let end = u.cfg.new_block();
        u.cfg.addop(LOAD_NAME, x as i32, l1(9, 10));
        u.cfg.addop(GET_ITER, 0, l1(0, 16));
        u.cfg.use_next_block(start);
        u.cfg.addop_j(FOR_ITER, cleanup, l1(0, 16));
        u.cfg.addop(STORE_NAME, i as i32, l1(4, 5));
        u.cfg.addop(NOP, 0, l1(12, 16));
        u.cfg.addop_j(JUMP, start, Loc::NONE);
        u.cfg.use_next_block(cleanup);
        u.cfg.use_next_block(end);
        let code = assemble(u, true).unwrap();
        let want = python(
            "c = compile('for i in x: pass\\n', 'f', 'exec'); print(c.co_code.hex(), c.co_linetable.hex(), c.co_stacksize)",
        );
        assert_eq!(
            format!(
                "{} {} {}",
                hex(&code.code),
                hex(&code.linetable),
                code.stacksize
            ),
            want
        );
    }
}
