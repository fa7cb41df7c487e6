//! Load-time checks of a code object's opargs, so the eval loop's table lookups
//! (`co_consts`, `co_names`, fast locals) can never go out of bounds.

use super::opcode::*;
use crate::error::PyResult;
use crate::objects::code::{PyCode, bad_code};
use crate::vm::Vm;

/// Rejects code whose opargs index past their tables or whose jumps leave the code.
pub fn verify(vm: &Vm, code: &PyCode) -> PyResult<()> {
    let c = &code.code;
    let n = c.len();
    let mut i = 0;
    let mut ext: u32 = 0;
    while i + 1 < n {
        let op = c[i];
        let arg = ext | u32::from(c[i + 1]);
        let next = i + 2 + cache_entries(op) * 2;
        ext = if op == EXTENDED_ARG { arg << 8 } else { 0 };
        let a = arg as usize;
        let ok = match op {
            LOAD_CONST => a < code.consts.len(),
            LOAD_NAME | STORE_NAME | DELETE_NAME | STORE_ATTR | DELETE_ATTR | STORE_GLOBAL
            | DELETE_GLOBAL | LOAD_ATTR | IMPORT_NAME | IMPORT_FROM | LOAD_METHOD => {
                a < code.names.len()
            }
            LOAD_GLOBAL => (a >> 1) < code.names.len(),
            LOAD_FAST | STORE_FAST | DELETE_FAST | MAKE_CELL | LOAD_CLOSURE | LOAD_DEREF
            | STORE_DEREF | DELETE_DEREF | LOAD_CLASSDEREF => a < code.nlocalsplus,
            COPY_FREE_VARS => a <= code.nlocalsplus,
            KW_NAMES => a < code.consts.len(),
            JUMP_FORWARD
            | JUMP_IF_FALSE_OR_POP
            | JUMP_IF_TRUE_OR_POP
            | POP_JUMP_FORWARD_IF_FALSE
            | POP_JUMP_FORWARD_IF_TRUE
            | POP_JUMP_FORWARD_IF_NOT_NONE
            | POP_JUMP_FORWARD_IF_NONE
            | FOR_ITER
            | SEND => next + a * 2 <= n,
            JUMP_BACKWARD
            | JUMP_BACKWARD_NO_INTERRUPT
            | POP_JUMP_BACKWARD_IF_NOT_NONE
            | POP_JUMP_BACKWARD_IF_NONE
            | POP_JUMP_BACKWARD_IF_FALSE
            | POP_JUMP_BACKWARD_IF_TRUE => a * 2 <= next,
            _ => true,
        };
        if !ok {
            return Err(bad_code(
                vm,
                &format!("oparg {arg} of opcode {op} at offset {i} is out of range"),
            ));
        }
        i = next;
    }
    Ok(())
}
