//! Opcodes the eval loop does not handle inline: cells and free variables, then
//! dispatch by family to the `ops_*.rs` modules.

use super::frame::Frame;
use super::opcode::*;
use super::{ops_build, ops_exc, ops_gen, ops_match, ops_names, stack_error, unbound_local};
use crate::error::PyResult;
use crate::objects::code::PyCode;
use crate::objects::function::{PyCell, PyFunction};
use crate::vm::Vm;

/// Opcodes not handled inline.
pub(super) fn dispatch_other(
    vm: &Vm,
    f: &mut Frame,
    code: &PyCode,
    op: u8,
    oparg: u32,
    next: usize,
) -> PyResult<()> {
    match op {
        UNARY_POSITIVE | UNARY_NEGATIVE | UNARY_NOT | UNARY_INVERT => ops_build::unary(vm, f, op),
        MAKE_CELL => {
            let i = oparg as usize;
            let v = f.fast.get_mut(i).and_then(|s| s.take());
            let cell = vm.new_cell(v);
            if let Some(s) = f.fast.get_mut(i) {
                *s = Some(cell.into_object());
            }
            Ok(())
        }
        COPY_FREE_VARS => {
            let func = f.func.clone();
            let closure = func
                .as_ref()
                .and_then(|x| x.downcast_ref::<PyFunction>())
                .and_then(|x| x.closure.get());
            let Some(closure) = closure else {
                return Err(vm.new_system_error("COPY_FREE_VARS without a closure"));
            };
            let n = oparg as usize;
            let off = code
                .nlocalsplus
                .checked_sub(n)
                .ok_or_else(|| stack_error(vm))?;
            for i in 0..n {
                let c = closure.get(i).cloned();
                f.fast[off + i] = c;
            }
            Ok(())
        }
        LOAD_CLOSURE => {
            let v = f
                .fast
                .get(oparg as usize)
                .cloned()
                .flatten()
                .ok_or_else(|| unbound_local(vm, code, oparg as usize))?;
            f.stack.push(Some(v));
            Ok(())
        }
        LOAD_DEREF => {
            let cell = f
                .fast
                .get(oparg as usize)
                .cloned()
                .flatten()
                .ok_or_else(|| stack_error(vm))?;
            let c = cell
                .downcast_ref::<PyCell>()
                .ok_or_else(|| stack_error(vm))?;
            let v = c
                .contents
                .get()
                .ok_or_else(|| unbound_local(vm, code, oparg as usize))?;
            f.stack.push(Some(v));
            Ok(())
        }
        STORE_DEREF => {
            let v = f.stack.pop().flatten().ok_or_else(|| stack_error(vm))?;
            let cell = f
                .fast
                .get(oparg as usize)
                .cloned()
                .flatten()
                .ok_or_else(|| stack_error(vm))?;
            let c = cell
                .downcast_ref::<PyCell>()
                .ok_or_else(|| stack_error(vm))?;
            c.contents.set(Some(v));
            Ok(())
        }
        DELETE_DEREF => {
            let cell = f
                .fast
                .get(oparg as usize)
                .cloned()
                .flatten()
                .ok_or_else(|| stack_error(vm))?;
            let c = cell
                .downcast_ref::<PyCell>()
                .ok_or_else(|| stack_error(vm))?;
            if c.contents.borrow().is_none() {
                return Err(unbound_local(vm, code, oparg as usize));
            }
            c.contents.set(None);
            Ok(())
        }
        LOAD_CLASSDEREF => ops_names::load_classderef(vm, f, code, oparg),
        STORE_GLOBAL | DELETE_GLOBAL | LOAD_NAME | STORE_NAME | DELETE_NAME | DELETE_ATTR
        | IMPORT_NAME | IMPORT_FROM | IMPORT_STAR | SETUP_ANNOTATIONS | LOAD_BUILD_CLASS
        | PRINT_EXPR => ops_names::dispatch(vm, f, code, op, oparg),
        DELETE_SUBSCR => {
            let k = f.stack.pop().flatten().ok_or_else(|| stack_error(vm))?;
            let c = f.stack.pop().flatten().ok_or_else(|| stack_error(vm))?;
            crate::ops::delitem(vm, &c, &k)
        }
        BUILD_TUPLE | BUILD_LIST | BUILD_SET | BUILD_MAP | BUILD_CONST_KEY_MAP | BUILD_STRING
        | BUILD_SLICE | LIST_APPEND | SET_ADD | MAP_ADD | LIST_EXTEND | SET_UPDATE
        | DICT_UPDATE | DICT_MERGE | LIST_TO_TUPLE | FORMAT_VALUE | MAKE_FUNCTION
        | UNPACK_SEQUENCE | UNPACK_EX | CALL_FUNCTION_EX | GET_LEN => {
            ops_build::dispatch(vm, f, code, op, oparg)
        }
        RAISE_VARARGS | PUSH_EXC_INFO | POP_EXCEPT | CHECK_EXC_MATCH | CHECK_EG_MATCH
        | PREP_RERAISE_STAR | WITH_EXCEPT_START | BEFORE_WITH | LOAD_ASSERTION_ERROR
        | BEFORE_ASYNC_WITH => ops_exc::dispatch(vm, f, op, oparg),
        GET_YIELD_FROM_ITER | SEND | GET_AWAITABLE | GET_AITER | GET_ANEXT | END_ASYNC_FOR
        | ASYNC_GEN_WRAP => ops_gen::dispatch(vm, f, code, op, oparg, next),
        MATCH_CLASS | MATCH_MAPPING | MATCH_SEQUENCE | MATCH_KEYS => {
            ops_match::dispatch(vm, f, op, oparg)
        }
        _ => {
            // The raw opcode (superinstruction-range bytes decode to one marker).
            let raw = code.code.get(f.lasti).copied().unwrap_or(op);
            Err(vm.new_system_error(format!("unknown opcode {raw}")))
        }
    }
}
