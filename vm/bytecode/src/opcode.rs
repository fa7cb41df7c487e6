//! The CPython 3.11 instruction set, declared once: every opcode's number, inline CACHE
//! entries, argument kind, stack effect and a one-line doc, from which the `Opcode` enum,
//! its names and every derived table (`opmap`, `hasjrel`, `hasconst`, …) are generated.
//!
//! The facts are those of `Lib/opcode.py` and `stack_effect()` in `Python/compile.c`;
//! `tests` checks them against the live `python3`'s `opcode` and `dis` modules. The
//! compiler's pseudo-instructions (`SETUP_FINALLY`, `JUMP`, …), which never reach
//! `co_code`, live in [`PseudoOpcode`].

mod specialized;
mod table;
#[cfg(test)]
mod tests;

pub use specialized::{SPECIALIZED, all_opname, deopt, specialized};
pub use table::Opcode;

/// `opcode.HAVE_ARGUMENT`: opcodes from this number on take an oparg.
pub const HAVE_ARGUMENT: u8 = 90;
/// `opcode.EXTENDED_ARG`.
pub const EXTENDED_ARG: u8 = 144;

/// `opcode.cmp_op`: the COMPARE_OP oparg names.
pub const CMP_OP: [&str; 6] = ["<", "<=", "==", "!=", ">", ">="];

/// `opcode._nb_ops`: the BINARY_OP oparg names and their operator symbols.
pub const NB_OPS: [(&str, &str); 26] = [
    ("NB_ADD", "+"),
    ("NB_AND", "&"),
    ("NB_FLOOR_DIVIDE", "//"),
    ("NB_LSHIFT", "<<"),
    ("NB_MATRIX_MULTIPLY", "@"),
    ("NB_MULTIPLY", "*"),
    ("NB_REMAINDER", "%"),
    ("NB_OR", "|"),
    ("NB_POWER", "**"),
    ("NB_RSHIFT", ">>"),
    ("NB_SUBTRACT", "-"),
    ("NB_TRUE_DIVIDE", "/"),
    ("NB_XOR", "^"),
    ("NB_INPLACE_ADD", "+="),
    ("NB_INPLACE_AND", "&="),
    ("NB_INPLACE_FLOOR_DIVIDE", "//="),
    ("NB_INPLACE_LSHIFT", "<<="),
    ("NB_INPLACE_MATRIX_MULTIPLY", "@="),
    ("NB_INPLACE_MULTIPLY", "*="),
    ("NB_INPLACE_REMAINDER", "%="),
    ("NB_INPLACE_OR", "|="),
    ("NB_INPLACE_POWER", "**="),
    ("NB_INPLACE_RSHIFT", ">>="),
    ("NB_INPLACE_SUBTRACT", "-="),
    ("NB_INPLACE_TRUE_DIVIDE", "/="),
    ("NB_INPLACE_XOR", "^="),
];

/// `FORMAT_VALUE` oparg bits (`Include/ceval.h`): the conversion in the low two bits.
pub const FVC_MASK: u32 = 0x3;
pub const FVC_NONE: u32 = 0x0;
pub const FVC_STR: u32 = 0x1;
pub const FVC_REPR: u32 = 0x2;
pub const FVC_ASCII: u32 = 0x3;
/// `FORMAT_VALUE` oparg bit: a format spec is on the stack.
pub const FVS_HAVE_SPEC: u32 = 0x4;

/// `MAKE_FUNCTION` oparg bits, in `dis`'s `MAKE_FUNCTION_FLAGS` order.
pub const MAKE_FUNCTION_FLAGS: [&str; 4] = ["defaults", "kwdefaults", "annotations", "closure"];

/// What an instruction's oparg means. One kind per opcode; it decides which of
/// `opcode`'s `has*` lists the opcode is in and how `dis` renders the argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ArgKind {
    /// Below `HAVE_ARGUMENT`: the oparg byte is ignored.
    None,
    /// A plain number (a count, a flag set, a stack position).
    Int,
    /// An index into `co_consts` (`hasconst`).
    Const,
    /// An index into `co_names` (`hasname`; LOAD_GLOBAL's is shifted left by one).
    Name,
    /// An index into the fast locals (`haslocal`).
    Local,
    /// An index into `co_localsplusnames` for a cell or free variable (`hasfree`).
    Free,
    /// An index into [`CMP_OP`] (`hascompare`).
    Compare,
    /// A forward jump by oparg code units from the next instruction (`hasjrel`).
    JumpForward,
    /// A backward jump by oparg code units from the next instruction (`hasjrel`).
    JumpBackward,
    /// An index into [`NB_OPS`].
    BinaryOp,
    /// `FORMAT_VALUE`'s conversion and has-spec bits.
    FormatValue,
    /// `MAKE_FUNCTION`'s [`MAKE_FUNCTION_FLAGS`].
    MakeFunction,
}

/// The direction of a relative jump; 3.11 has no absolute jumps (`hasjabs` is empty).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum JumpKind {
    None,
    Forward,
    Backward,
}

impl Opcode {
    /// Whether the instruction takes an oparg (`opcode >= HAVE_ARGUMENT`).
    pub const fn has_arg(self) -> bool {
        self as u8 >= HAVE_ARGUMENT
    }

    /// The direction of the jump, if the instruction is a jump (`hasjrel`).
    pub const fn jump(self) -> JumpKind {
        match self.arg_kind() {
            ArgKind::JumpForward => JumpKind::Forward,
            ArgKind::JumpBackward => JumpKind::Backward,
            _ => JumpKind::None,
        }
    }

    /// In `opcode.hasjrel`.
    pub const fn has_jrel(self) -> bool {
        !matches!(self.jump(), JumpKind::None)
    }

    /// In `opcode.hasconst`.
    pub const fn has_const(self) -> bool {
        matches!(self.arg_kind(), ArgKind::Const)
    }

    /// In `opcode.hasname`.
    pub const fn has_name(self) -> bool {
        matches!(self.arg_kind(), ArgKind::Name)
    }

    /// In `opcode.haslocal`.
    pub const fn has_local(self) -> bool {
        matches!(self.arg_kind(), ArgKind::Local)
    }

    /// In `opcode.hasfree`.
    pub const fn has_free(self) -> bool {
        matches!(self.arg_kind(), ArgKind::Free)
    }

    /// In `opcode.hascompare`.
    pub const fn has_compare(self) -> bool {
        matches!(self.arg_kind(), ArgKind::Compare)
    }

    /// Code units the instruction occupies in `co_code`: itself plus its CACHE entries.
    pub const fn size(self) -> usize {
        1 + self.caches() as usize
    }

    /// Whether control never falls through to the next instruction.
    pub const fn is_scope_exit(self) -> bool {
        matches!(
            self,
            Opcode::RETURN_VALUE | Opcode::RAISE_VARARGS | Opcode::RERAISE
        )
    }

    /// Whether the instruction always jumps (never falls through).
    pub const fn is_unconditional_jump(self) -> bool {
        matches!(
            self,
            Opcode::JUMP_FORWARD | Opcode::JUMP_BACKWARD | Opcode::JUMP_BACKWARD_NO_INTERRUPT
        )
    }
}

/// `instr_size` of `Python/compile.c`: code units an instruction takes in `co_code`,
/// its EXTENDED_ARG prefixes and CACHE entries included.
pub const fn instr_size(op: Opcode, oparg: u32) -> usize {
    let oparg = if op.has_arg() { oparg } else { 0 };
    let extended =
        (oparg > 0xff) as usize + (oparg > 0xffff) as usize + (oparg > 0xff_ffff) as usize;
    extended + 1 + op.caches() as usize
}

/// `write_instr` of `Python/compile.c`: appends the instruction's code units to
/// `co_code` (EXTENDED_ARG prefixes, the instruction, zeroed CACHE entries).
pub fn write_instr(code: &mut Vec<u8>, op: Opcode, oparg: u32) {
    let oparg = if op.has_arg() { oparg } else { 0 };
    for shift in [24, 16, 8] {
        if oparg >> shift != 0 {
            code.extend_from_slice(&[EXTENDED_ARG, (oparg >> shift) as u8]);
        }
    }
    code.extend_from_slice(&[op as u8, oparg as u8]);
    for _ in 0..op.caches() {
        code.extend_from_slice(&[0, 0]);
    }
}

/// `opcode.opname[op]`: the name of any byte, `"<N>"` for unassigned numbers.
pub fn opname(op: u8) -> std::borrow::Cow<'static, str> {
    match Opcode::from_u8(op) {
        Some(o) => std::borrow::Cow::Borrowed(o.name()),
        None => std::borrow::Cow::Owned(format!("<{op}>")),
    }
}

/// `opcode._inline_cache_entries[op]` for any byte (0 for unassigned numbers).
pub fn inline_cache_entries(op: u8) -> u8 {
    Opcode::from_u8(op).map_or(0, Opcode::caches)
}

/// `dis.stack_effect(opcode, oparg, jump=jump)` for a real opcode: `None` where CPython
/// raises `ValueError` ("invalid opcode or oparg"). `oparg` is ignored below
/// `HAVE_ARGUMENT`; it is C's `int`, so large values wrap as in CPython. `jump`: `None`
/// asks for the maximal effect, `Some(true)` for the jump edge, `Some(false)` for
/// fall-through. As in CPython, an effect that wraps to `INT_MAX` (CPython's
/// `PY_INVALID_STACK_EFFECT`, e.g. UNPACK_SEQUENCE with oparg `-2**31`) counts as invalid.
pub fn stack_effect(op: u8, oparg: u32, jump: Option<bool>) -> Option<i32> {
    Opcode::from_u8(op)
        .map(|o| o.stack_effect(oparg, jump))
        .filter(|e| *e != PY_INVALID_STACK_EFFECT)
}

/// `PY_INVALID_STACK_EFFECT` of `Include/compile.h`.
pub const PY_INVALID_STACK_EFFECT: i32 = i32::MAX;

/// The compiler's pseudo-instructions of 3.11 (`Python/compile.c`, negative numbers
/// there): exception-block markers and direction-less jumps that the assembler turns
/// into NOPs or real forward/backward jumps. They never appear in `co_code`.
#[allow(non_camel_case_types)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PseudoOpcode {
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
}

impl PseudoOpcode {
    /// All pseudo-instructions, by CPython number -1, -2, ….
    pub const ALL: [PseudoOpcode; 10] = [
        PseudoOpcode::SETUP_FINALLY,
        PseudoOpcode::SETUP_CLEANUP,
        PseudoOpcode::SETUP_WITH,
        PseudoOpcode::POP_BLOCK,
        PseudoOpcode::JUMP,
        PseudoOpcode::JUMP_NO_INTERRUPT,
        PseudoOpcode::POP_JUMP_IF_FALSE,
        PseudoOpcode::POP_JUMP_IF_TRUE,
        PseudoOpcode::POP_JUMP_IF_NONE,
        PseudoOpcode::POP_JUMP_IF_NOT_NONE,
    ];

    /// CPython's (negative) number for it, which `dis.stack_effect` also accepts.
    pub const fn number(self) -> i32 {
        -(self as i32) - 1
    }

    /// Its name in `Python/compile.c`.
    pub const fn name(self) -> &'static str {
        match self {
            PseudoOpcode::SETUP_FINALLY => "SETUP_FINALLY",
            PseudoOpcode::SETUP_CLEANUP => "SETUP_CLEANUP",
            PseudoOpcode::SETUP_WITH => "SETUP_WITH",
            PseudoOpcode::POP_BLOCK => "POP_BLOCK",
            PseudoOpcode::JUMP => "JUMP",
            PseudoOpcode::JUMP_NO_INTERRUPT => "JUMP_NO_INTERRUPT",
            PseudoOpcode::POP_JUMP_IF_FALSE => "POP_JUMP_IF_FALSE",
            PseudoOpcode::POP_JUMP_IF_TRUE => "POP_JUMP_IF_TRUE",
            PseudoOpcode::POP_JUMP_IF_NONE => "POP_JUMP_IF_NONE",
            PseudoOpcode::POP_JUMP_IF_NOT_NONE => "POP_JUMP_IF_NOT_NONE",
        }
    }

    /// `IS_VIRTUAL_JUMP_OPCODE`: a jump whose direction the assembler chooses.
    pub const fn is_virtual_jump(self) -> bool {
        matches!(
            self,
            PseudoOpcode::JUMP
                | PseudoOpcode::JUMP_NO_INTERRUPT
                | PseudoOpcode::POP_JUMP_IF_FALSE
                | PseudoOpcode::POP_JUMP_IF_TRUE
                | PseudoOpcode::POP_JUMP_IF_NONE
                | PseudoOpcode::POP_JUMP_IF_NOT_NONE
        )
    }

    /// `is_block_push`: SETUP_FINALLY, SETUP_CLEANUP, SETUP_WITH (their target is the
    /// handler).
    pub const fn is_block_push(self) -> bool {
        matches!(
            self,
            PseudoOpcode::SETUP_FINALLY | PseudoOpcode::SETUP_CLEANUP | PseudoOpcode::SETUP_WITH
        )
    }

    /// The real instruction a jump becomes, given its direction; `None` for
    /// SETUP_*/POP_BLOCK, which become NOPs.
    pub const fn resolve(self, backward: bool) -> Option<Opcode> {
        use Opcode as O;
        Some(match (self, backward) {
            (PseudoOpcode::JUMP, false) | (PseudoOpcode::JUMP_NO_INTERRUPT, false) => {
                O::JUMP_FORWARD
            }
            (PseudoOpcode::JUMP, true) => O::JUMP_BACKWARD,
            (PseudoOpcode::JUMP_NO_INTERRUPT, true) => O::JUMP_BACKWARD_NO_INTERRUPT,
            (PseudoOpcode::POP_JUMP_IF_FALSE, false) => O::POP_JUMP_FORWARD_IF_FALSE,
            (PseudoOpcode::POP_JUMP_IF_FALSE, true) => O::POP_JUMP_BACKWARD_IF_FALSE,
            (PseudoOpcode::POP_JUMP_IF_TRUE, false) => O::POP_JUMP_FORWARD_IF_TRUE,
            (PseudoOpcode::POP_JUMP_IF_TRUE, true) => O::POP_JUMP_BACKWARD_IF_TRUE,
            (PseudoOpcode::POP_JUMP_IF_NONE, false) => O::POP_JUMP_FORWARD_IF_NONE,
            (PseudoOpcode::POP_JUMP_IF_NONE, true) => O::POP_JUMP_BACKWARD_IF_NONE,
            (PseudoOpcode::POP_JUMP_IF_NOT_NONE, false) => O::POP_JUMP_FORWARD_IF_NOT_NONE,
            (PseudoOpcode::POP_JUMP_IF_NOT_NONE, true) => O::POP_JUMP_BACKWARD_IF_NOT_NONE,
            _ => return None,
        })
    }

    /// `stack_effect()` of `Python/compile.c` for the pseudo-instruction (its oparg, a
    /// jump target, does not matter).
    pub const fn stack_effect(self, jump: Option<bool>) -> i32 {
        let jumps = !matches!(jump, Some(false));
        match self {
            PseudoOpcode::SETUP_FINALLY | PseudoOpcode::SETUP_WITH => jumps as i32,
            PseudoOpcode::SETUP_CLEANUP => 2 * jumps as i32,
            PseudoOpcode::POP_BLOCK | PseudoOpcode::JUMP | PseudoOpcode::JUMP_NO_INTERRUPT => 0,
            PseudoOpcode::POP_JUMP_IF_FALSE
            | PseudoOpcode::POP_JUMP_IF_TRUE
            | PseudoOpcode::POP_JUMP_IF_NONE
            | PseudoOpcode::POP_JUMP_IF_NOT_NONE => -1,
        }
    }
}
