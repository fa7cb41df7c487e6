//! `.pyc` files (placeholder until the marshal writer lands).

use crate::code::CodeObject;
use crate::marshal::MarshalError;

/// The 16-byte header of a 3.11 `.pyc`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PycHeader {
    pub flags: u32,
    /// mtime and source size (flags == 0) or the source hash (flags bit 0).
    pub validation: [u8; 8],
}

/// What `py_compile` writes for `code` compiled from a source of `source_size` bytes
/// last modified at `mtime`.
pub fn write(code: &CodeObject, mtime: u32, source_size: u32) -> Result<Vec<u8>, MarshalError> {
    let _ = (code, mtime, source_size);
    Err(MarshalError::Unsupported(
        ".pyc writer not implemented yet".into(),
    ))
}

/// Reads a `.pyc`.
pub fn read(data: &[u8]) -> Result<(PycHeader, CodeObject), MarshalError> {
    let _ = data;
    Err(MarshalError::Unsupported(
        ".pyc reader not implemented yet".into(),
    ))
}
