//! marshal format version 4 (placeholder until the reader and writer land).

use crate::code::CodeObject;
use std::fmt;

/// Why marshal data could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MarshalError {
    /// Not implemented yet.
    Unsupported(String),
}

impl fmt::Display for MarshalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MarshalError::Unsupported(s) => write!(f, "unsupported: {s}"),
        }
    }
}

impl std::error::Error for MarshalError {}

/// `marshal.dumps(code)`.
pub fn dumps(code: &CodeObject) -> Result<Vec<u8>, MarshalError> {
    let _ = code;
    Err(MarshalError::Unsupported(
        "marshal writer not implemented yet".into(),
    ))
}

/// `marshal.loads(data)` for data holding a code object.
pub fn loads(data: &[u8]) -> Result<CodeObject, MarshalError> {
    let _ = data;
    Err(MarshalError::Unsupported(
        "marshal reader not implemented yet".into(),
    ))
}
