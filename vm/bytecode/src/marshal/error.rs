//! `MarshalError`: why marshal data or a `.pyc` could not be read or written, with
//! CPython's message and the exception type CPython raises for it.

use std::fmt;

/// What went wrong; `Display` gives CPython's message for the same data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// A type code was expected at the end of the data.
    EofObject,
    /// The data ended inside an object.
    TooShort,
    /// An unknown type code.
    UnknownType(u8),
    /// Nesting deeper than `MAX_MARSHAL_STACK_DEPTH`.
    RecursionLimit,
    /// A back-reference to an index that does not (yet) hold an object.
    InvalidRef,
    /// A back-reference to an object that is still being read: a reference cycle, which
    /// code objects and their constants cannot contain.
    RefCycle,
    /// A declared size out of range, naming the kind ("tuple", "string", "long", …).
    SizeOutOfRange(&'static str),
    /// A digit of a long int outside 0..2**15.
    BadLongDigit,
    /// A long int whose top digit is zero.
    UnnormalizedLong,
    /// A `str` payload that is not UTF-8 (surrogates allowed); the offending offset.
    BadUtf8(usize),
    /// A textual float (`'f'`, `'x'`) that does not parse.
    BadFloat,
    /// The NULL type code where an object was required ("tuple", "code", …).
    NullObject(&'static str),
    /// A value refvm's `Constant` does not represent (list, dict, set).
    Unsupported(&'static str),
    /// A code object field of the wrong type or value (`_PyCode_Validate`).
    BadCode(&'static str),
    /// The data holds something other than a code object.
    NotCode,
    /// Back-references would copy more than the input's size allows.
    TooLarge,
    /// `.pyc`: fewer than 16 header bytes.
    PycTooShort,
    /// `.pyc`: not the magic number of 3.11.
    BadMagic([u8; 4]),
    /// `.pyc`: flags other than 0, 1 and 3.
    BadPycFlags(u32),
    /// Writing: nesting deeper than `MAX_MARSHAL_STACK_DEPTH`.
    NestedTooDeep,
    /// Writing: a layout that does not fit the value given with it.
    LayoutMismatch(String),
    /// Writing: a value CPython cannot marshal (e.g. over 2**31 items).
    Unmarshallable(&'static str),
}

/// A marshal or `.pyc` failure: what and where (byte offset in the data read; 0 when
/// writing).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarshalError {
    pub kind: ErrorKind,
    pub offset: usize,
}

impl MarshalError {
    pub(crate) fn new(kind: ErrorKind, offset: usize) -> Self {
        MarshalError { kind, offset }
    }

    /// The exception CPython raises for the same data (`marshal.loads`, or the import
    /// system for `.pyc` headers).
    pub fn exception_type(&self) -> &'static str {
        use ErrorKind::*;
        match self.kind {
            EofObject | TooShort => "EOFError",
            BadUtf8(_) => "UnicodeDecodeError",
            NullObject(_) => "TypeError",
            BadCode(_) => "SystemError",
            NotCode | PycTooShort | BadMagic(_) | BadPycFlags(_) => "ImportError",
            _ => "ValueError",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ErrorKind::*;
        match self {
            EofObject => f.write_str("EOF read where object expected"),
            TooShort => f.write_str("marshal data too short"),
            UnknownType(_) => f.write_str("bad marshal data (unknown type code)"),
            RecursionLimit => f.write_str("recursion limit exceeded"),
            InvalidRef => f.write_str("bad marshal data (invalid reference)"),
            RefCycle => f.write_str("bad marshal data (reference cycle)"),
            SizeOutOfRange(what) => write!(f, "bad marshal data ({what} size out of range)"),
            BadLongDigit => f.write_str("bad marshal data (digit out of range in long)"),
            UnnormalizedLong => f.write_str("bad marshal data (unnormalized long data)"),
            BadUtf8(at) => write!(f, "'utf-8' codec can't decode byte at position {at}"),
            BadFloat => f.write_str("could not convert string to float"),
            NullObject(what) => write!(f, "NULL object in marshal data for {what}"),
            Unsupported(what) => write!(f, "unsupported marshal value in a code object: {what}"),
            BadCode(what) => write!(f, "bad marshal data (code object: {what})"),
            NotCode => f.write_str("Non-code object in marshal data"),
            TooLarge => f.write_str("bad marshal data (back-references copy too much)"),
            PycTooShort => f.write_str("bad .pyc: shorter than its 16-byte header"),
            BadMagic(m) => write!(f, "bad magic number: {}", refvm_common::repr::bytes_repr(m)),
            BadPycFlags(fl) => write!(f, "invalid flags {fl:#x}"),
            NestedTooDeep => f.write_str("object too deeply nested to marshal"),
            LayoutMismatch(why) => write!(f, "marshal layout does not fit the value: {why}"),
            Unmarshallable(what) => write!(f, "unmarshallable object ({what})"),
        }
    }
}

impl fmt::Display for MarshalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} (at byte {})",
            self.exception_type(),
            self.kind,
            self.offset
        )
    }
}

impl std::error::Error for MarshalError {}
