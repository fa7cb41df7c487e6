//! CPython 3.11 opcode numbers and inline-cache sizes used by the eval loop.
//! (Mirrors `Lib/opcode.py`; the bytecode crate's table is the reference.)

#![allow(dead_code)]

pub const CACHE: u8 = 0;
pub const POP_TOP: u8 = 1;
pub const PUSH_NULL: u8 = 2;
pub const NOP: u8 = 9;
pub const UNARY_POSITIVE: u8 = 10;
pub const UNARY_NEGATIVE: u8 = 11;
pub const UNARY_NOT: u8 = 12;
pub const UNARY_INVERT: u8 = 15;
pub const BINARY_SUBSCR: u8 = 25;
pub const GET_LEN: u8 = 30;
pub const MATCH_MAPPING: u8 = 31;
pub const MATCH_SEQUENCE: u8 = 32;
pub const MATCH_KEYS: u8 = 33;
pub const PUSH_EXC_INFO: u8 = 35;
pub const CHECK_EXC_MATCH: u8 = 36;
pub const CHECK_EG_MATCH: u8 = 37;
pub const WITH_EXCEPT_START: u8 = 49;
pub const GET_AITER: u8 = 50;
pub const GET_ANEXT: u8 = 51;
pub const BEFORE_ASYNC_WITH: u8 = 52;
pub const BEFORE_WITH: u8 = 53;
pub const END_ASYNC_FOR: u8 = 54;
pub const STORE_SUBSCR: u8 = 60;
pub const DELETE_SUBSCR: u8 = 61;
pub const GET_ITER: u8 = 68;
pub const GET_YIELD_FROM_ITER: u8 = 69;
pub const PRINT_EXPR: u8 = 70;
pub const LOAD_BUILD_CLASS: u8 = 71;
pub const LOAD_ASSERTION_ERROR: u8 = 74;
pub const RETURN_GENERATOR: u8 = 75;
pub const LIST_TO_TUPLE: u8 = 82;
pub const RETURN_VALUE: u8 = 83;
pub const IMPORT_STAR: u8 = 84;
pub const SETUP_ANNOTATIONS: u8 = 85;
pub const YIELD_VALUE: u8 = 86;
pub const ASYNC_GEN_WRAP: u8 = 87;
pub const PREP_RERAISE_STAR: u8 = 88;
pub const POP_EXCEPT: u8 = 89;
pub const STORE_NAME: u8 = 90;
pub const DELETE_NAME: u8 = 91;
pub const UNPACK_SEQUENCE: u8 = 92;
pub const FOR_ITER: u8 = 93;
pub const UNPACK_EX: u8 = 94;
pub const STORE_ATTR: u8 = 95;
pub const DELETE_ATTR: u8 = 96;
pub const STORE_GLOBAL: u8 = 97;
pub const DELETE_GLOBAL: u8 = 98;
pub const SWAP: u8 = 99;
pub const LOAD_CONST: u8 = 100;
pub const LOAD_NAME: u8 = 101;
pub const BUILD_TUPLE: u8 = 102;
pub const BUILD_LIST: u8 = 103;
pub const BUILD_SET: u8 = 104;
pub const BUILD_MAP: u8 = 105;
pub const LOAD_ATTR: u8 = 106;
pub const COMPARE_OP: u8 = 107;
pub const IMPORT_NAME: u8 = 108;
pub const IMPORT_FROM: u8 = 109;
pub const JUMP_FORWARD: u8 = 110;
pub const JUMP_IF_FALSE_OR_POP: u8 = 111;
pub const JUMP_IF_TRUE_OR_POP: u8 = 112;
pub const POP_JUMP_FORWARD_IF_FALSE: u8 = 114;
pub const POP_JUMP_FORWARD_IF_TRUE: u8 = 115;
pub const LOAD_GLOBAL: u8 = 116;
pub const IS_OP: u8 = 117;
pub const CONTAINS_OP: u8 = 118;
pub const RERAISE: u8 = 119;
pub const COPY: u8 = 120;
pub const BINARY_OP: u8 = 122;
pub const SEND: u8 = 123;
pub const LOAD_FAST: u8 = 124;
pub const STORE_FAST: u8 = 125;
pub const DELETE_FAST: u8 = 126;
pub const POP_JUMP_FORWARD_IF_NOT_NONE: u8 = 128;
pub const POP_JUMP_FORWARD_IF_NONE: u8 = 129;
pub const RAISE_VARARGS: u8 = 130;
pub const GET_AWAITABLE: u8 = 131;
pub const MAKE_FUNCTION: u8 = 132;
pub const BUILD_SLICE: u8 = 133;
pub const JUMP_BACKWARD_NO_INTERRUPT: u8 = 134;
pub const MAKE_CELL: u8 = 135;
pub const LOAD_CLOSURE: u8 = 136;
pub const LOAD_DEREF: u8 = 137;
pub const STORE_DEREF: u8 = 138;
pub const DELETE_DEREF: u8 = 139;
pub const JUMP_BACKWARD: u8 = 140;
pub const CALL_FUNCTION_EX: u8 = 142;
pub const EXTENDED_ARG: u8 = 144;
pub const LIST_APPEND: u8 = 145;
pub const SET_ADD: u8 = 146;
pub const MAP_ADD: u8 = 147;
pub const LOAD_CLASSDEREF: u8 = 148;
pub const COPY_FREE_VARS: u8 = 149;
pub const RESUME: u8 = 151;
pub const MATCH_CLASS: u8 = 152;
pub const FORMAT_VALUE: u8 = 155;
pub const BUILD_CONST_KEY_MAP: u8 = 156;
pub const BUILD_STRING: u8 = 157;
pub const LOAD_METHOD: u8 = 160;
pub const LIST_EXTEND: u8 = 162;
pub const SET_UPDATE: u8 = 163;
pub const DICT_MERGE: u8 = 164;
pub const DICT_UPDATE: u8 = 165;
pub const PRECALL: u8 = 166;
pub const CALL: u8 = 171;
pub const KW_NAMES: u8 = 172;
pub const POP_JUMP_BACKWARD_IF_NOT_NONE: u8 = 173;
pub const POP_JUMP_BACKWARD_IF_NONE: u8 = 174;
pub const POP_JUMP_BACKWARD_IF_FALSE: u8 = 175;
pub const POP_JUMP_BACKWARD_IF_TRUE: u8 = 176;

/// Inline CACHE code units after each opcode, as a table indexed by opcode.
pub static CACHE_TABLE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = cache_entries_slow(i as u8) as u8;
        i += 1;
    }
    t
};

/// Inline CACHE code units after each opcode (`_inline_cache_entries`).
#[inline(always)]
pub fn cache_entries(op: u8) -> usize {
    CACHE_TABLE[op as usize] as usize
}

const fn cache_entries_slow(op: u8) -> usize {
    match op {
        BINARY_SUBSCR => 4,
        STORE_SUBSCR => 1,
        UNPACK_SEQUENCE => 1,
        STORE_ATTR => 4,
        LOAD_ATTR => 4,
        COMPARE_OP => 2,
        LOAD_GLOBAL => 5,
        BINARY_OP => 1,
        LOAD_METHOD => 10,
        PRECALL => 1,
        CALL => 4,
        _ => 0,
    }
}
