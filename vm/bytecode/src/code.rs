//! `CodeObject` and `Constant`: CPython 3.11 code objects as plain data.
//!
//! Every field a 3.11 `code` object has and marshal writes, in marshal's order. The
//! derived attributes (`co_varnames`, `co_cellvars`, `co_freevars`, `co_nlocals`) are
//! computed from `localsplusnames`/`localspluskinds` exactly as CPython computes them.

use num_bigint::BigInt;
use refvm_common::PyStr;
use std::sync::Arc;

/// `co_localspluskinds` bit: a local variable (arguments included).
pub const CO_FAST_LOCAL: u8 = 0x20;
/// `co_localspluskinds` bit: a cell variable (captured by an inner scope).
pub const CO_FAST_CELL: u8 = 0x40;
/// `co_localspluskinds` bit: a free variable (taken from an outer scope).
pub const CO_FAST_FREE: u8 = 0x80;

/// `co_flags` bits (`Include/cpython/code.h`).
pub mod flags {
    pub const CO_OPTIMIZED: u32 = 0x0001;
    pub const CO_NEWLOCALS: u32 = 0x0002;
    pub const CO_VARARGS: u32 = 0x0004;
    pub const CO_VARKEYWORDS: u32 = 0x0008;
    pub const CO_NESTED: u32 = 0x0010;
    pub const CO_GENERATOR: u32 = 0x0020;
    pub const CO_NOFREE: u32 = 0x0040;
    pub const CO_COROUTINE: u32 = 0x0080;
    pub const CO_ITERABLE_COROUTINE: u32 = 0x0100;
    pub const CO_ASYNC_GENERATOR: u32 = 0x0200;
    pub const CO_FUTURE_DIVISION: u32 = 0x20000;
    pub const CO_FUTURE_ABSOLUTE_IMPORT: u32 = 0x40000;
    pub const CO_FUTURE_WITH_STATEMENT: u32 = 0x80000;
    pub const CO_FUTURE_PRINT_FUNCTION: u32 = 0x100000;
    pub const CO_FUTURE_UNICODE_LITERALS: u32 = 0x200000;
    pub const CO_FUTURE_BARRY_AS_BDFL: u32 = 0x400000;
    pub const CO_FUTURE_GENERATOR_STOP: u32 = 0x800000;
    pub const CO_FUTURE_ANNOTATIONS: u32 = 0x1000000;
}

/// A value that can appear in `co_consts` (and, recursively, inside constant tuples
/// and frozensets). Equality is structural with CPython's constant-key rules left to
/// the compiler: here `0.0 != -0.0` and `NaN == NaN` bitwise, `1 != True`, frozensets
/// compare as sets — which is what comparing two code objects needs.
#[derive(Clone, Debug)]
pub enum Constant {
    None,
    Ellipsis,
    /// `StopIteration` appears as a marshalled constant only in hand-built code; kept for
    /// completeness of the marshal format.
    StopIteration,
    Bool(bool),
    Int(BigInt),
    Float(f64),
    Complex {
        re: f64,
        im: f64,
    },
    Str(PyStr),
    Bytes(Vec<u8>),
    Tuple(Vec<Constant>),
    /// Members in the order CPython's last construction of the object added them: the
    /// compiler's `merge_consts_recursive` rebuild, or marshal's reader (stream order).
    /// Adding them in this order to an empty set gives CPython's very table layout; the
    /// iteration order (what `repr` and `dis` show) follows from it
    /// ([`crate::frozenset::iterated`]). marshal sorts them when writing. Equality
    /// ignores the order.
    FrozenSet(Vec<Constant>),
    Code(Arc<CodeObject>),
}

impl PartialEq for Constant {
    fn eq(&self, other: &Self) -> bool {
        use Constant::*;
        match (self, other) {
            (None, None) | (Ellipsis, Ellipsis) | (StopIteration, StopIteration) => true,
            (Bool(a), Bool(b)) => a == b,
            (Int(a), Int(b)) => a == b,
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            (Complex { re: a, im: b }, Complex { re: c, im: d }) => {
                a.to_bits() == c.to_bits() && b.to_bits() == d.to_bits()
            }
            (Str(a), Str(b)) => a == b,
            (Bytes(a), Bytes(b)) => a == b,
            (Tuple(a), Tuple(b)) => a == b,
            (FrozenSet(a), FrozenSet(b)) => a.len() == b.len() && a.iter().all(|x| b.contains(x)),
            (Code(a), Code(b)) => a == b,
            _ => false,
        }
    }
}

/// A CPython 3.11 code object. Integer fields are `i32` because that is what marshal
/// stores; a reader rejects negative counts.
#[derive(Clone, Debug, PartialEq)]
pub struct CodeObject {
    pub argcount: i32,
    pub posonlyargcount: i32,
    pub kwonlyargcount: i32,
    pub stacksize: i32,
    pub flags: u32,
    /// `co_code`: 2-byte code units, inline CACHE entries included, unspecialised.
    pub code: Vec<u8>,
    pub consts: Vec<Constant>,
    pub names: Vec<PyStr>,
    pub localsplusnames: Vec<PyStr>,
    /// One `CO_FAST_*` byte per entry of `localsplusnames`.
    pub localspluskinds: Vec<u8>,
    pub filename: PyStr,
    pub name: PyStr,
    pub qualname: PyStr,
    pub firstlineno: i32,
    /// `co_linetable`: the 3.11 location table.
    pub linetable: Vec<u8>,
    /// `co_exceptiontable`.
    pub exceptiontable: Vec<u8>,
}

impl CodeObject {
    fn names_of_kind(&self, pred: impl Fn(u8) -> bool) -> Vec<PyStr> {
        self.localsplusnames
            .iter()
            .zip(&self.localspluskinds)
            .filter(|(_, k)| pred(**k))
            .map(|(n, _)| n.clone())
            .collect()
    }

    /// `co_varnames`: locals, arguments first.
    pub fn varnames(&self) -> Vec<PyStr> {
        self.names_of_kind(|k| k & CO_FAST_LOCAL != 0)
    }

    /// `co_cellvars`: names captured by inner scopes (an argument can be both).
    pub fn cellvars(&self) -> Vec<PyStr> {
        self.names_of_kind(|k| k & CO_FAST_CELL != 0)
    }

    /// `co_freevars`.
    pub fn freevars(&self) -> Vec<PyStr> {
        self.names_of_kind(|k| k & CO_FAST_FREE != 0)
    }

    /// `co_nlocals`.
    pub fn nlocals(&self) -> usize {
        self.localspluskinds
            .iter()
            .filter(|k| *k & CO_FAST_LOCAL != 0)
            .count()
    }
}
