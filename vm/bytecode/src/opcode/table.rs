//! The one opcode list of CPython 3.11 (`Lib/opcode.py` + `stack_effect()` of
//! `Python/compile.c`): each entry gives name, number, inline CACHE entries, argument
//! kind, stack effect and a one-line doc. Everything else about opcodes is derived.

use super::ArgKind;

/// Declares the opcodes. Each entry:
/// `NAME = number, caches N, ArgKind, |oparg, jump| stack-effect, "doc";`
/// where `oparg` is C's `int` and `jump` is `Option<bool>` (`None`: the maximum over
/// both edges, as `dis.stack_effect(..., jump=None)`).
macro_rules! opcodes {
    ($( $name:ident = $num:literal, caches $caches:literal, $kind:ident,
        |$a:tt, $j:tt| $effect:expr, $doc:literal; )*) => {
        /// A CPython 3.11 opcode that can appear in `co_code` (the adaptive interpreter's
        /// specialised forms never do). Variants carry CPython's names and numbers.
        #[repr(u8)]
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Opcode {
            $( #[doc = $doc] $name = $num, )*
        }

        impl Opcode {
            /// Every opcode, in numeric order.
            pub const ALL: &'static [Opcode] = &[$(Opcode::$name),*];

            /// The opcode numbered `b`, if `b` is assigned.
            pub const fn from_u8(b: u8) -> Option<Opcode> {
                match b {
                    $( $num => Some(Opcode::$name), )*
                    _ => None,
                }
            }

            /// `opcode.opname[self]`.
            pub const fn name(self) -> &'static str {
                match self { $( Opcode::$name => stringify!($name), )* }
            }

            /// `opcode._inline_cache_entries[self]`: CACHE code units after it.
            pub const fn caches(self) -> u8 {
                match self { $( Opcode::$name => $caches, )* }
            }

            /// What the oparg means.
            pub const fn arg_kind(self) -> ArgKind {
                match self { $( Opcode::$name => ArgKind::$kind, )* }
            }

            /// A one-line description.
            pub const fn doc(self) -> &'static str {
                match self { $( Opcode::$name => $doc, )* }
            }

            /// `dis.stack_effect(self, oparg, jump=jump)`; see [`super::stack_effect`].
            #[allow(clippy::redundant_locals, unused_variables)]
            pub const fn stack_effect(self, oparg: u32, jump: Option<bool>) -> i32 {
                let oparg = oparg as i32;
                match self {
                    $( Opcode::$name => { let $a = oparg; let $j = jump; $effect } )*
                }
            }
        }
    };
}

/// `jump ? a : b` of C, with `jump == -1` (None) counting as true.
const fn taken(j: Option<bool>) -> bool {
    !matches!(j, Some(false))
}

/// `jump > 0` of C.
const fn strictly(j: Option<bool>) -> bool {
    matches!(j, Some(true))
}

opcodes! {
    CACHE = 0, caches 0, None, |_, _| 0, "An inline cache entry of the preceding instruction; never executed.";
    POP_TOP = 1, caches 0, None, |_, _| -1, "Removes the top-of-stack item.";
    PUSH_NULL = 2, caches 0, None, |_, _| 1, "Pushes a NULL, as the callable slot of a following CALL.";
    NOP = 9, caches 0, None, |_, _| 0, "Does nothing (keeps a line number alive).";
    UNARY_POSITIVE = 10, caches 0, None, |_, _| 0, "TOS = +TOS.";
    UNARY_NEGATIVE = 11, caches 0, None, |_, _| 0, "TOS = -TOS.";
    UNARY_NOT = 12, caches 0, None, |_, _| 0, "TOS = not TOS.";
    UNARY_INVERT = 15, caches 0, None, |_, _| 0, "TOS = ~TOS.";
    BINARY_SUBSCR = 25, caches 4, None, |_, _| -1, "TOS = TOS1[TOS].";
    GET_LEN = 30, caches 0, None, |_, _| 1, "Pushes len(TOS).";
    MATCH_MAPPING = 31, caches 0, None, |_, _| 1, "Pushes whether TOS is a collections.abc.Mapping (Py_TPFLAGS_MAPPING).";
    MATCH_SEQUENCE = 32, caches 0, None, |_, _| 1, "Pushes whether TOS is a collections.abc.Sequence (Py_TPFLAGS_SEQUENCE).";
    MATCH_KEYS = 33, caches 0, None, |_, _| 1, "Pushes a tuple of TOS1's values for the keys in TOS, or None.";
    PUSH_EXC_INFO = 35, caches 0, None, |_, _| 1, "Pushes the current exception below TOS and makes TOS the current one.";
    CHECK_EXC_MATCH = 36, caches 0, None, |_, _| 0, "TOS = isinstance-style match of exception TOS1 against TOS.";
    CHECK_EG_MATCH = 37, caches 0, None, |_, _| 0, "except* matching: splits exception group TOS1 by TOS.";
    WITH_EXCEPT_START = 49, caches 0, None, |_, _| 1, "Calls __exit__ (4th item) with the exception on TOS.";
    GET_AITER = 50, caches 0, None, |_, _| 0, "TOS = TOS.__aiter__().";
    GET_ANEXT = 51, caches 0, None, |_, _| 1, "Pushes get_awaitable(TOS.__anext__()).";
    BEFORE_ASYNC_WITH = 52, caches 0, None, |_, _| 1, "Pushes __aexit__ and the result of __aenter__() of TOS.";
    BEFORE_WITH = 53, caches 0, None, |_, _| 1, "Pushes __exit__ and the result of __enter__() of TOS.";
    END_ASYNC_FOR = 54, caches 0, None, |_, _| -2, "Ends an async for loop on StopAsyncIteration, else re-raises.";
    STORE_SUBSCR = 60, caches 1, None, |_, _| -3, "TOS1[TOS] = TOS2.";
    DELETE_SUBSCR = 61, caches 0, None, |_, _| -2, "del TOS1[TOS].";
    GET_ITER = 68, caches 0, None, |_, _| 0, "TOS = iter(TOS).";
    GET_YIELD_FROM_ITER = 69, caches 0, None, |_, _| 0, "TOS = iter(TOS) unless it is a generator or coroutine.";
    PRINT_EXPR = 70, caches 0, None, |_, _| -1, "Interactive mode: prints TOS via sys.displayhook.";
    LOAD_BUILD_CLASS = 71, caches 0, None, |_, _| 1, "Pushes builtins.__build_class__.";
    LOAD_ASSERTION_ERROR = 74, caches 0, None, |_, _| 1, "Pushes AssertionError.";
    RETURN_GENERATOR = 75, caches 0, None, |_, _| 0, "Creates a generator/coroutine from the current frame and returns it.";
    LIST_TO_TUPLE = 82, caches 0, None, |_, _| 0, "TOS = tuple(TOS) for a list TOS.";
    RETURN_VALUE = 83, caches 0, None, |_, _| -1, "Returns TOS to the caller.";
    IMPORT_STAR = 84, caches 0, None, |_, _| -1, "from TOS import *.";
    SETUP_ANNOTATIONS = 85, caches 0, None, |_, _| 0, "Creates __annotations__ in the locals if absent.";
    YIELD_VALUE = 86, caches 0, None, |_, _| 0, "Yields TOS from a generator.";
    ASYNC_GEN_WRAP = 87, caches 0, None, |_, _| 0, "Wraps TOS for yielding from an async generator.";
    PREP_RERAISE_STAR = 88, caches 0, None, |_, _| -1, "Combines except* results into the exception to re-raise.";
    POP_EXCEPT = 89, caches 0, None, |_, _| -1, "Restores the previous exception from TOS.";
    STORE_NAME = 90, caches 0, Name, |_, _| -1, "name = TOS in the local namespace.";
    DELETE_NAME = 91, caches 0, Name, |_, _| 0, "del name in the local namespace.";
    UNPACK_SEQUENCE = 92, caches 1, Int, |a, _| a.wrapping_sub(1), "Unpacks TOS into count items, pushed right to left.";
    FOR_ITER = 93, caches 0, JumpForward, |_, j| if strictly(j) { -1 } else { 1 }, "Pushes next(TOS), or pops TOS and jumps when exhausted.";
    UNPACK_EX = 94, caches 0, Int, |a, _| (a & 0xff) + (a >> 8), "Unpacks TOS with a starred target (low byte before, high byte after).";
    STORE_ATTR = 95, caches 4, Name, |_, _| -2, "TOS.name = TOS1.";
    DELETE_ATTR = 96, caches 0, Name, |_, _| -1, "del TOS.name.";
    STORE_GLOBAL = 97, caches 0, Name, |_, _| -1, "global name = TOS.";
    DELETE_GLOBAL = 98, caches 0, Name, |_, _| 0, "del global name.";
    SWAP = 99, caches 0, Int, |_, _| 0, "Swaps TOS with the item at position i.";
    LOAD_CONST = 100, caches 0, Const, |_, _| 1, "Pushes co_consts[consti].";
    LOAD_NAME = 101, caches 0, Name, |_, _| 1, "Pushes the value of name (locals, globals, builtins).";
    BUILD_TUPLE = 102, caches 0, Int, |a, _| 1i32.wrapping_sub(a), "Replaces count items with a tuple of them.";
    BUILD_LIST = 103, caches 0, Int, |a, _| 1i32.wrapping_sub(a), "Replaces count items with a list of them.";
    BUILD_SET = 104, caches 0, Int, |a, _| 1i32.wrapping_sub(a), "Replaces count items with a set of them.";
    BUILD_MAP = 105, caches 0, Int, |a, _| 1i32.wrapping_sub(a.wrapping_mul(2)), "Replaces count key/value pairs with a dict.";
    LOAD_ATTR = 106, caches 4, Name, |_, _| 0, "TOS = getattr(TOS, name).";
    COMPARE_OP = 107, caches 2, Compare, |_, _| -1, "TOS = TOS1 <cmp_op[opname]> TOS.";
    IMPORT_NAME = 108, caches 0, Name, |_, _| -1, "Imports module name with TOS1 (level) and TOS (fromlist).";
    IMPORT_FROM = 109, caches 0, Name, |_, _| 1, "Pushes attribute name of the module on TOS.";
    JUMP_FORWARD = 110, caches 0, JumpForward, |_, _| 0, "Jumps forward by delta code units.";
    JUMP_IF_FALSE_OR_POP = 111, caches 0, JumpForward, |_, j| if taken(j) { 0 } else { -1 }, "Jumps keeping TOS if it is false, else pops it.";
    JUMP_IF_TRUE_OR_POP = 112, caches 0, JumpForward, |_, j| if taken(j) { 0 } else { -1 }, "Jumps keeping TOS if it is true, else pops it.";
    POP_JUMP_FORWARD_IF_FALSE = 114, caches 0, JumpForward, |_, _| -1, "Pops TOS and jumps forward if it is false.";
    POP_JUMP_FORWARD_IF_TRUE = 115, caches 0, JumpForward, |_, _| -1, "Pops TOS and jumps forward if it is true.";
    LOAD_GLOBAL = 116, caches 5, Name, |a, _| (a & 1) + 1, "Pushes global co_names[namei>>1], with a NULL first if namei & 1.";
    IS_OP = 117, caches 0, Int, |_, _| -1, "TOS = TOS1 is TOS (is not, if invert is 1).";
    CONTAINS_OP = 118, caches 0, Int, |_, _| -1, "TOS = TOS1 in TOS (not in, if invert is 1).";
    RERAISE = 119, caches 0, Int, |_, _| -1, "Re-raises TOS (restoring f_lasti from the stack if oparg is set).";
    COPY = 120, caches 0, Int, |_, _| 1, "Pushes a copy of the item at position i.";
    BINARY_OP = 122, caches 1, BinaryOp, |_, _| -1, "TOS = TOS1 <nb_ops[op]> TOS.";
    SEND = 123, caches 0, JumpForward, |_, j| if strictly(j) { -1 } else { 0 }, "Sends TOS into the sub-iterator TOS1; jumps forward when it returns.";
    LOAD_FAST = 124, caches 0, Local, |_, _| 1, "Pushes the local co_varnames[var_num].";
    STORE_FAST = 125, caches 0, Local, |_, _| -1, "Stores TOS into the local co_varnames[var_num].";
    DELETE_FAST = 126, caches 0, Local, |_, _| 0, "Deletes the local co_varnames[var_num].";
    POP_JUMP_FORWARD_IF_NOT_NONE = 128, caches 0, JumpForward, |_, _| -1, "Pops TOS and jumps forward if it is not None.";
    POP_JUMP_FORWARD_IF_NONE = 129, caches 0, JumpForward, |_, _| -1, "Pops TOS and jumps forward if it is None.";
    RAISE_VARARGS = 130, caches 0, Int, |a, _| a.wrapping_neg(), "raise (0: re-raise, 1: raise TOS, 2: raise TOS1 from TOS).";
    GET_AWAITABLE = 131, caches 0, Int, |_, _| 0, "TOS = get_awaitable(TOS); oparg tells where the await is.";
    MAKE_FUNCTION = 132, caches 0, MakeFunction, |a, _| -(((a & 1) != 0) as i32) - (((a & 2) != 0) as i32) - (((a & 4) != 0) as i32) - (((a & 8) != 0) as i32), "Makes a function from the code object on TOS and the flagged extras below it.";
    BUILD_SLICE = 133, caches 0, Int, |a, _| if a == 3 { -2 } else { -1 }, "Replaces 2 or 3 items with a slice.";
    JUMP_BACKWARD_NO_INTERRUPT = 134, caches 0, JumpBackward, |_, _| 0, "Jumps backward by delta code units without checking for interrupts.";
    MAKE_CELL = 135, caches 0, Free, |_, _| 0, "Turns local slot i into a cell holding its value.";
    LOAD_CLOSURE = 136, caches 0, Free, |_, _| 1, "Pushes the cell in slot i.";
    LOAD_DEREF = 137, caches 0, Free, |_, _| 1, "Pushes the contents of the cell in slot i.";
    STORE_DEREF = 138, caches 0, Free, |_, _| -1, "Stores TOS into the cell in slot i.";
    DELETE_DEREF = 139, caches 0, Free, |_, _| 0, "Empties the cell in slot i.";
    JUMP_BACKWARD = 140, caches 0, JumpBackward, |_, _| 0, "Jumps backward by delta code units.";
    CALL_FUNCTION_EX = 142, caches 0, Int, |a, _| -2 - ((a & 1) != 0) as i32, "Calls with *args tuple (and **kwargs mapping if flags & 1).";
    EXTENDED_ARG = 144, caches 0, Int, |_, _| 0, "Prefixes the next instruction's oparg with 8 more bits.";
    LIST_APPEND = 145, caches 0, Int, |_, _| -1, "list.append(STACK[-i], TOS) for comprehensions.";
    SET_ADD = 146, caches 0, Int, |_, _| -1, "set.add(STACK[-i], TOS) for comprehensions.";
    MAP_ADD = 147, caches 0, Int, |_, _| -2, "dict.__setitem__(STACK[-i], TOS1, TOS) for comprehensions.";
    LOAD_CLASSDEREF = 148, caches 0, Free, |_, _| 1, "Pushes a free variable, looking in the class body's locals first.";
    COPY_FREE_VARS = 149, caches 0, Int, |_, _| 0, "Copies n free variables from the closure into the frame.";
    RESUME = 151, caches 0, Int, |_, _| 0, "A no-op marking function start (0) or a resume point (1: yield, 2: yield from, 3: await).";
    MATCH_CLASS = 152, caches 0, Int, |_, _| -2, "Matches class pattern: TOS2 against class TOS1 with keyword names TOS and count positional.";
    FORMAT_VALUE = 155, caches 0, FormatValue, |a, _| if (a & 0x4) == 0x4 { -1 } else { 0 }, "Formats a value for an f-string (conversion in the low bits, spec if flags & 4).";
    BUILD_CONST_KEY_MAP = 156, caches 0, Int, |a, _| a.wrapping_neg(), "Builds a dict from count values and the key tuple on TOS.";
    BUILD_STRING = 157, caches 0, Int, |a, _| 1i32.wrapping_sub(a), "Concatenates count strings.";
    LOAD_METHOD = 160, caches 10, Name, |_, _| 1, "Pushes an unbound method and self, or NULL and the attribute.";
    LIST_EXTEND = 162, caches 0, Int, |_, _| -1, "list.extend(STACK[-i], TOS).";
    SET_UPDATE = 163, caches 0, Int, |_, _| -1, "set.update(STACK[-i], TOS).";
    DICT_MERGE = 164, caches 0, Int, |_, _| -1, "dict merge for ** in calls (duplicate keys raise).";
    DICT_UPDATE = 165, caches 0, Int, |_, _| -1, "dict.update(STACK[-i], TOS).";
    PRECALL = 166, caches 1, Int, |a, _| a.wrapping_neg(), "Prepares a call with argc arguments (binds methods).";
    CALL = 171, caches 4, Int, |_, _| -1, "Calls a callable with argc arguments (and KW_NAMES).";
    KW_NAMES = 172, caches 0, Const, |_, _| 0, "Records co_consts[consti], a tuple of keyword names, for the next CALL.";
    POP_JUMP_BACKWARD_IF_NOT_NONE = 173, caches 0, JumpBackward, |_, _| -1, "Pops TOS and jumps backward if it is not None.";
    POP_JUMP_BACKWARD_IF_NONE = 174, caches 0, JumpBackward, |_, _| -1, "Pops TOS and jumps backward if it is None.";
    POP_JUMP_BACKWARD_IF_FALSE = 175, caches 0, JumpBackward, |_, _| -1, "Pops TOS and jumps backward if it is false.";
    POP_JUMP_BACKWARD_IF_TRUE = 176, caches 0, JumpBackward, |_, _| -1, "Pops TOS and jumps backward if it is true.";
}

// Architecture invariant: argument kinds agree with HAVE_ARGUMENT.
const _: () = {
    let mut i = 0;
    while i < Opcode::ALL.len() {
        let op = Opcode::ALL[i];
        assert!(op.has_arg() == !matches!(op.arg_kind(), ArgKind::None));
        i += 1;
    }
};
