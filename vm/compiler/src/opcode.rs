//! Opcodes as the compiler sees them: one number space for CPython 3.11's real opcodes
//! (0..=255, from the bytecode crate's opcode table) and the pseudo-ops
//! (`SETUP_FINALLY`, `JUMP`, `POP_JUMP_IF_FALSE`, …) that only exist before assembly
//! (256 and up, so an `Op` is never mistaken for a byte of `co_code`).
//!
//! Every fact (numbers, CACHE entries, jump kinds, stack effects) comes from
//! [`refvm_bytecode::opcode`]; this module only gives them short names.

use refvm_bytecode::opcode::{self as table, Opcode, PseudoOpcode};

/// An opcode inside the compiler: 0..=255 are real, 256.. are pseudo-ops.
pub type Op = u16;

/// `HAVE_ARGUMENT`: opcodes at or above this number use their oparg.
pub const HAVE_ARGUMENT: Op = table::HAVE_ARGUMENT as Op;

macro_rules! real_ops {
    ($($name:ident),* $(,)?) => {
        $( #[doc = concat!("`", stringify!($name), "`")] pub const $name: Op = Opcode::$name as u8 as Op; )*
    };
}

real_ops!(
    CACHE,
    POP_TOP,
    PUSH_NULL,
    NOP,
    UNARY_POSITIVE,
    UNARY_NEGATIVE,
    UNARY_NOT,
    UNARY_INVERT,
    BINARY_SUBSCR,
    GET_LEN,
    MATCH_MAPPING,
    MATCH_SEQUENCE,
    MATCH_KEYS,
    PUSH_EXC_INFO,
    CHECK_EXC_MATCH,
    CHECK_EG_MATCH,
    WITH_EXCEPT_START,
    GET_AITER,
    GET_ANEXT,
    BEFORE_ASYNC_WITH,
    BEFORE_WITH,
    END_ASYNC_FOR,
    STORE_SUBSCR,
    DELETE_SUBSCR,
    GET_ITER,
    GET_YIELD_FROM_ITER,
    PRINT_EXPR,
    LOAD_BUILD_CLASS,
    LOAD_ASSERTION_ERROR,
    RETURN_GENERATOR,
    LIST_TO_TUPLE,
    RETURN_VALUE,
    IMPORT_STAR,
    SETUP_ANNOTATIONS,
    YIELD_VALUE,
    ASYNC_GEN_WRAP,
    PREP_RERAISE_STAR,
    POP_EXCEPT,
    STORE_NAME,
    DELETE_NAME,
    UNPACK_SEQUENCE,
    FOR_ITER,
    UNPACK_EX,
    STORE_ATTR,
    DELETE_ATTR,
    STORE_GLOBAL,
    DELETE_GLOBAL,
    SWAP,
    LOAD_CONST,
    LOAD_NAME,
    BUILD_TUPLE,
    BUILD_LIST,
    BUILD_SET,
    BUILD_MAP,
    LOAD_ATTR,
    COMPARE_OP,
    IMPORT_NAME,
    IMPORT_FROM,
    JUMP_FORWARD,
    JUMP_IF_FALSE_OR_POP,
    JUMP_IF_TRUE_OR_POP,
    POP_JUMP_FORWARD_IF_FALSE,
    POP_JUMP_FORWARD_IF_TRUE,
    LOAD_GLOBAL,
    IS_OP,
    CONTAINS_OP,
    RERAISE,
    COPY,
    BINARY_OP,
    SEND,
    LOAD_FAST,
    STORE_FAST,
    DELETE_FAST,
    POP_JUMP_FORWARD_IF_NOT_NONE,
    POP_JUMP_FORWARD_IF_NONE,
    RAISE_VARARGS,
    GET_AWAITABLE,
    MAKE_FUNCTION,
    BUILD_SLICE,
    JUMP_BACKWARD_NO_INTERRUPT,
    MAKE_CELL,
    LOAD_CLOSURE,
    LOAD_DEREF,
    STORE_DEREF,
    DELETE_DEREF,
    JUMP_BACKWARD,
    CALL_FUNCTION_EX,
    EXTENDED_ARG,
    LIST_APPEND,
    SET_ADD,
    MAP_ADD,
    LOAD_CLASSDEREF,
    COPY_FREE_VARS,
    RESUME,
    MATCH_CLASS,
    FORMAT_VALUE,
    BUILD_CONST_KEY_MAP,
    BUILD_STRING,
    LOAD_METHOD,
    LIST_EXTEND,
    SET_UPDATE,
    DICT_MERGE,
    DICT_UPDATE,
    PRECALL,
    CALL,
    KW_NAMES,
    POP_JUMP_BACKWARD_IF_NOT_NONE,
    POP_JUMP_BACKWARD_IF_NONE,
    POP_JUMP_BACKWARD_IF_FALSE,
    POP_JUMP_BACKWARD_IF_TRUE
);

macro_rules! pseudo_ops {
    ($($name:ident),* $(,)?) => {
        $( #[doc = concat!("The pseudo-op `", stringify!($name), "`.")] pub const $name: Op = 256 + PseudoOpcode::$name as Op; )*
    };
}

pseudo_ops!(
    SETUP_FINALLY,
    SETUP_CLEANUP,
    SETUP_WITH,
    POP_BLOCK,
    JUMP,
    JUMP_NO_INTERRUPT,
    POP_JUMP_IF_FALSE,
    POP_JUMP_IF_TRUE,
    POP_JUMP_IF_NONE,
    POP_JUMP_IF_NOT_NONE,
);

/// `FVC_*`/`FVS_*` bits of `FORMAT_VALUE`'s oparg.
pub const FVC_NONE: i32 = table::FVC_NONE as i32;
pub const FVC_STR: i32 = table::FVC_STR as i32;
pub const FVC_REPR: i32 = table::FVC_REPR as i32;
pub const FVC_ASCII: i32 = table::FVC_ASCII as i32;
pub const FVS_HAVE_SPEC: i32 = table::FVS_HAVE_SPEC as i32;

/// Per-byte facts of the real opcodes, computed at compile time from the table.
macro_rules! byte_table {
    ($name:ident, |$o:ident| $e:expr) => {
        const $name: [u8; 256] = {
            let mut t = [0u8; 256];
            let mut i = 0;
            while i < 256 {
                if let Some($o) = Opcode::from_u8(i as u8) {
                    t[i] = $e;
                }
                i += 1;
            }
            t
        };
    };
}

byte_table!(CACHES, |o| o.caches());
byte_table!(RELATIVE_JUMP, |o| o.has_jrel() as u8);
byte_table!(HAS_CONST, |o| o.has_const() as u8);

fn real(op: Op) -> Option<Opcode> {
    u8::try_from(op).ok().and_then(Opcode::from_u8)
}

fn pseudo(op: Op) -> Option<PseudoOpcode> {
    op.checked_sub(256)
        .and_then(|i| PseudoOpcode::ALL.get(usize::from(i)).copied())
}

/// A pseudo-op (never written to `co_code`).
pub fn is_virtual(op: Op) -> bool {
    op > 255
}

/// `HAS_ARG`.
pub fn has_arg(op: Op) -> bool {
    op >= HAVE_ARGUMENT
}

/// `HAS_CONST`: `opcode.hasconst`.
pub fn has_const(op: Op) -> bool {
    op < 256 && HAS_CONST[op as usize] != 0
}

/// `IS_VIRTUAL_JUMP_OPCODE`.
pub fn is_virtual_jump(op: Op) -> bool {
    pseudo(op).is_some_and(PseudoOpcode::is_virtual_jump)
}

/// `_PyOpcode_RelativeJump`: `opcode.hasjrel` (3.11 has no absolute jumps).
pub fn is_relative_jump(op: Op) -> bool {
    op < 256 && RELATIVE_JUMP[op as usize] != 0
}

/// `is_jump`: a pseudo-jump or any opcode in `hasjrel`/`hasjabs`.
pub fn is_jump(op: Op) -> bool {
    is_virtual_jump(op) || is_relative_jump(op)
}

/// `is_block_push`: the pseudo-ops that push an exception handler.
pub fn is_block_push(op: Op) -> bool {
    pseudo(op).is_some_and(PseudoOpcode::is_block_push)
}

/// `is_end_of_basic_block`: instructions after which the code generator starts a new
/// block.
pub fn is_end_of_basic_block(op: Op) -> bool {
    is_jump(op) || matches!(op, RETURN_VALUE | RAISE_VARARGS | RERAISE)
}

/// `_PyOpcode_Caches`: inline CACHE entries after the instruction.
pub fn caches(op: Op) -> i32 {
    if op < 256 {
        i32::from(CACHES[op as usize])
    } else {
        0
    }
}

/// `stack_effect(opcode, oparg, jump)` of `compile.c`: `jump` is 0 (fall through),
/// 1 (jump taken) or -1 (the maximum). `None` for an opcode the compiler never emits.
pub fn stack_effect(op: Op, oparg: i32, jump: i32) -> Option<i32> {
    let jump = match jump {
        0 => Some(false),
        j if j > 0 => Some(true),
        _ => None,
    };
    match pseudo(op) {
        Some(p) => Some(p.stack_effect(jump)),
        None => table::stack_effect(u8::try_from(op).ok()?, oparg as u32, jump),
    }
}

/// The opcode's name (pseudo-ops by their `compile.c` names), for debugging dumps.
pub fn name(op: Op) -> &'static str {
    match (real(op), pseudo(op)) {
        (Some(o), _) => o.name(),
        (_, Some(p)) => p.name(),
        _ => "<unknown>",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_effects() {
        assert_eq!(LOAD_CONST, 100);
        assert_eq!(name(SETUP_FINALLY), "SETUP_FINALLY");
        assert_eq!(stack_effect(SETUP_CLEANUP, 0, 1), Some(2));
        assert_eq!(stack_effect(FOR_ITER, 0, 1), Some(-1));
        assert_eq!(stack_effect(FOR_ITER, 0, 0), Some(1));
        assert_eq!(caches(LOAD_GLOBAL), 5);
        assert!(is_jump(POP_JUMP_IF_NONE) && is_jump(SEND) && !is_jump(NOP));
        assert!(is_block_push(SETUP_WITH) && !is_block_push(POP_BLOCK));
    }
}
