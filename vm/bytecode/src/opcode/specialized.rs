//! The adaptive interpreter's specialised instructions of 3.11 (`opcode.
//! _specialized_instructions`), which never appear in marshalled `co_code` but which
//! `dis` names when it meets their numbers: each takes the next unassigned opcode
//! number in order (`dis._all_opname`) and stands for its base instruction
//! (`dis.deoptmap`).

use super::Opcode;

/// `(name, base instruction)` in `opcode._specialized_instructions` order.
pub const SPECIALIZED: [(&str, Opcode); 71] = [
    ("BINARY_OP_ADAPTIVE", Opcode::BINARY_OP),
    ("BINARY_OP_ADD_FLOAT", Opcode::BINARY_OP),
    ("BINARY_OP_ADD_INT", Opcode::BINARY_OP),
    ("BINARY_OP_ADD_UNICODE", Opcode::BINARY_OP),
    ("BINARY_OP_INPLACE_ADD_UNICODE", Opcode::BINARY_OP),
    ("BINARY_OP_MULTIPLY_FLOAT", Opcode::BINARY_OP),
    ("BINARY_OP_MULTIPLY_INT", Opcode::BINARY_OP),
    ("BINARY_OP_SUBTRACT_FLOAT", Opcode::BINARY_OP),
    ("BINARY_OP_SUBTRACT_INT", Opcode::BINARY_OP),
    ("BINARY_SUBSCR_ADAPTIVE", Opcode::BINARY_SUBSCR),
    ("BINARY_SUBSCR_DICT", Opcode::BINARY_SUBSCR),
    ("BINARY_SUBSCR_GETITEM", Opcode::BINARY_SUBSCR),
    ("BINARY_SUBSCR_LIST_INT", Opcode::BINARY_SUBSCR),
    ("BINARY_SUBSCR_TUPLE_INT", Opcode::BINARY_SUBSCR),
    ("CALL_ADAPTIVE", Opcode::CALL),
    ("CALL_PY_EXACT_ARGS", Opcode::CALL),
    ("CALL_PY_WITH_DEFAULTS", Opcode::CALL),
    ("COMPARE_OP_ADAPTIVE", Opcode::COMPARE_OP),
    ("COMPARE_OP_FLOAT_JUMP", Opcode::COMPARE_OP),
    ("COMPARE_OP_INT_JUMP", Opcode::COMPARE_OP),
    ("COMPARE_OP_STR_JUMP", Opcode::COMPARE_OP),
    ("EXTENDED_ARG_QUICK", Opcode::EXTENDED_ARG),
    ("JUMP_BACKWARD_QUICK", Opcode::JUMP_BACKWARD),
    ("LOAD_ATTR_ADAPTIVE", Opcode::LOAD_ATTR),
    ("LOAD_ATTR_INSTANCE_VALUE", Opcode::LOAD_ATTR),
    ("LOAD_ATTR_MODULE", Opcode::LOAD_ATTR),
    ("LOAD_ATTR_SLOT", Opcode::LOAD_ATTR),
    ("LOAD_ATTR_WITH_HINT", Opcode::LOAD_ATTR),
    ("LOAD_CONST__LOAD_FAST", Opcode::LOAD_CONST),
    ("LOAD_FAST__LOAD_CONST", Opcode::LOAD_FAST),
    ("LOAD_FAST__LOAD_FAST", Opcode::LOAD_FAST),
    ("LOAD_GLOBAL_ADAPTIVE", Opcode::LOAD_GLOBAL),
    ("LOAD_GLOBAL_BUILTIN", Opcode::LOAD_GLOBAL),
    ("LOAD_GLOBAL_MODULE", Opcode::LOAD_GLOBAL),
    ("LOAD_METHOD_ADAPTIVE", Opcode::LOAD_METHOD),
    ("LOAD_METHOD_CLASS", Opcode::LOAD_METHOD),
    ("LOAD_METHOD_MODULE", Opcode::LOAD_METHOD),
    ("LOAD_METHOD_NO_DICT", Opcode::LOAD_METHOD),
    ("LOAD_METHOD_WITH_DICT", Opcode::LOAD_METHOD),
    ("LOAD_METHOD_WITH_VALUES", Opcode::LOAD_METHOD),
    ("PRECALL_ADAPTIVE", Opcode::PRECALL),
    ("PRECALL_BOUND_METHOD", Opcode::PRECALL),
    ("PRECALL_BUILTIN_CLASS", Opcode::PRECALL),
    ("PRECALL_BUILTIN_FAST_WITH_KEYWORDS", Opcode::PRECALL),
    (
        "PRECALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS",
        Opcode::PRECALL,
    ),
    ("PRECALL_NO_KW_BUILTIN_FAST", Opcode::PRECALL),
    ("PRECALL_NO_KW_BUILTIN_O", Opcode::PRECALL),
    ("PRECALL_NO_KW_ISINSTANCE", Opcode::PRECALL),
    ("PRECALL_NO_KW_LEN", Opcode::PRECALL),
    ("PRECALL_NO_KW_LIST_APPEND", Opcode::PRECALL),
    ("PRECALL_NO_KW_METHOD_DESCRIPTOR_FAST", Opcode::PRECALL),
    ("PRECALL_NO_KW_METHOD_DESCRIPTOR_NOARGS", Opcode::PRECALL),
    ("PRECALL_NO_KW_METHOD_DESCRIPTOR_O", Opcode::PRECALL),
    ("PRECALL_NO_KW_STR_1", Opcode::PRECALL),
    ("PRECALL_NO_KW_TUPLE_1", Opcode::PRECALL),
    ("PRECALL_NO_KW_TYPE_1", Opcode::PRECALL),
    ("PRECALL_PYFUNC", Opcode::PRECALL),
    ("RESUME_QUICK", Opcode::RESUME),
    ("STORE_ATTR_ADAPTIVE", Opcode::STORE_ATTR),
    ("STORE_ATTR_INSTANCE_VALUE", Opcode::STORE_ATTR),
    ("STORE_ATTR_SLOT", Opcode::STORE_ATTR),
    ("STORE_ATTR_WITH_HINT", Opcode::STORE_ATTR),
    ("STORE_FAST__LOAD_FAST", Opcode::STORE_FAST),
    ("STORE_FAST__STORE_FAST", Opcode::STORE_FAST),
    ("STORE_SUBSCR_ADAPTIVE", Opcode::STORE_SUBSCR),
    ("STORE_SUBSCR_DICT", Opcode::STORE_SUBSCR),
    ("STORE_SUBSCR_LIST_INT", Opcode::STORE_SUBSCR),
    ("UNPACK_SEQUENCE_ADAPTIVE", Opcode::UNPACK_SEQUENCE),
    ("UNPACK_SEQUENCE_LIST", Opcode::UNPACK_SEQUENCE),
    ("UNPACK_SEQUENCE_TUPLE", Opcode::UNPACK_SEQUENCE),
    ("UNPACK_SEQUENCE_TWO_TUPLE", Opcode::UNPACK_SEQUENCE),
];

/// The specialised instruction numbered `op`, if `op` is not a real opcode but one of
/// the slots `dis._all_opname` fills: `(name, base)`.
pub fn specialized(op: u8) -> Option<(&'static str, Opcode)> {
    if Opcode::from_u8(op).is_some() {
        return None;
    }
    let slot = (0..op).filter(|b| Opcode::from_u8(*b).is_none()).count();
    SPECIALIZED.get(slot).copied()
}

/// `dis._all_opname[op]`: the real or specialised name, else `"<op>"`.
pub fn all_opname(op: u8) -> std::borrow::Cow<'static, str> {
    match (Opcode::from_u8(op), specialized(op)) {
        (Some(o), _) => std::borrow::Cow::Borrowed(o.name()),
        (None, Some((name, _))) => std::borrow::Cow::Borrowed(name),
        _ => std::borrow::Cow::Owned(format!("<{op}>")),
    }
}

/// `dis._deoptop(op)`: the base instruction of a real or specialised opcode.
pub fn deopt(op: u8) -> Option<Opcode> {
    Opcode::from_u8(op).or_else(|| specialized(op).map(|(_, base)| base))
}
