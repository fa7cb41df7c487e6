//! marshal format version 4 (`Python/marshal.c`): reading and writing code objects and
//! their constants byte-for-byte as CPython 3.11 does.
//!
//! - [`loads`] / [`loads_constant`]: the reader. Malformed data gives a typed
//!   [`MarshalError`] (CPython's message plus the byte offset), never a panic: declared
//!   sizes are checked against the remaining input before anything is allocated,
//!   nesting is limited to CPython's `MAX_MARSHAL_STACK_DEPTH`, back-references to an
//!   object still being read (reference cycles) are rejected, and the total size that
//!   back-references may copy is bounded by the input size.
//! - [`loads_preserving`] also returns the stream's [`Layout`] (which objects carried
//!   `FLAG_REF`, which string/tuple/int type codes were used, where back-references
//!   stood), and [`dumps_with_layout`] replays it: reading any CPython marshal data and
//!   writing it back is byte-identical.
//! - [`dumps`]: what CPython's `marshal.dumps(compile(...))` writes for a module's code,
//!   modelling CPython's object sharing and reference counts (see `refs.rs`).
//!
//! Values that compile() never puts in a code object (lists, dicts, sets) are parsed no
//! further than their type code and reported as [`ErrorKind::Unsupported`].

mod error;
mod read;
mod refs;
mod write;

#[cfg(test)]
mod tests;

pub use error::{ErrorKind, MarshalError};
pub use read::{loads, loads_constant, loads_constant_preserving, loads_preserving};
pub use write::{
    DumpOptions, dumps, dumps_constant, dumps_constant_with_layout, dumps_keeping_set_order,
    dumps_with_layout, dumps_with_options,
};

/// `marshal.version`.
pub const VERSION: u32 = 4;

/// CPython's `MAX_MARSHAL_STACK_DEPTH` (Linux): nesting deeper than this is an error
/// when reading ("recursion limit exceeded") and when writing.
pub const MAX_MARSHAL_STACK_DEPTH: usize = 2000;

/// Type codes (`Python/marshal.c`).
pub mod types {
    pub const TYPE_NULL: u8 = b'0';
    pub const TYPE_NONE: u8 = b'N';
    pub const TYPE_FALSE: u8 = b'F';
    pub const TYPE_TRUE: u8 = b'T';
    pub const TYPE_STOPITER: u8 = b'S';
    pub const TYPE_ELLIPSIS: u8 = b'.';
    pub const TYPE_INT: u8 = b'i';
    pub const TYPE_INT64: u8 = b'I';
    pub const TYPE_FLOAT: u8 = b'f';
    pub const TYPE_BINARY_FLOAT: u8 = b'g';
    pub const TYPE_COMPLEX: u8 = b'x';
    pub const TYPE_BINARY_COMPLEX: u8 = b'y';
    pub const TYPE_LONG: u8 = b'l';
    pub const TYPE_STRING: u8 = b's';
    pub const TYPE_INTERNED: u8 = b't';
    pub const TYPE_REF: u8 = b'r';
    pub const TYPE_TUPLE: u8 = b'(';
    pub const TYPE_LIST: u8 = b'[';
    pub const TYPE_DICT: u8 = b'{';
    pub const TYPE_CODE: u8 = b'c';
    pub const TYPE_UNICODE: u8 = b'u';
    pub const TYPE_UNKNOWN: u8 = b'?';
    pub const TYPE_SET: u8 = b'<';
    pub const TYPE_FROZENSET: u8 = b'>';
    pub const TYPE_ASCII: u8 = b'a';
    pub const TYPE_ASCII_INTERNED: u8 = b'A';
    pub const TYPE_SMALL_TUPLE: u8 = b')';
    pub const TYPE_SHORT_ASCII: u8 = b'z';
    pub const TYPE_SHORT_ASCII_INTERNED: u8 = b'Z';
    /// Added to a type code: the object gets the next back-reference index.
    pub const FLAG_REF: u8 = 0x80;
}

/// How one object appeared in a marshal stream, in the order the reader met it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LayoutItem {
    /// Written in full with this type byte (`FLAG_REF` included).
    Object(u8),
    /// A `TYPE_REF` back-reference to this index.
    Ref(u32),
}

/// The layout of a marshal stream: one [`LayoutItem`] per object written or referenced
/// (singletons `None`/`True`/… included), in stream order. Together with the semantic
/// value it determines the bytes exactly.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Layout {
    pub items: Vec<LayoutItem>,
    /// For each frozenset, in stream order of the frozensets: where each member (in the
    /// order the `Constant` holds) stood in the stream.
    pub set_orders: Vec<Vec<u32>>,
}
