//! `.pyc` files: the 16-byte 3.11 header (`importlib._bootstrap_external`) followed by
//! the marshalled module code object.

use crate::code::CodeObject;
use crate::marshal::{self, ErrorKind, Layout, MarshalError};

/// `importlib.util.MAGIC_NUMBER` of CPython 3.11 (magic 3495).
pub const MAGIC_NUMBER: [u8; 4] = [0xa7, 0x0d, 0x0d, 0x0a];

/// The 16-byte header of a 3.11 `.pyc`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PycHeader {
    pub flags: u32,
    /// mtime and source size (flags == 0) or the source hash (flags bit 0).
    pub validation: [u8; 8],
}

impl PycHeader {
    /// The timestamp form `py_compile` writes by default.
    pub fn timestamp(mtime: u32, source_size: u32) -> Self {
        let mut validation = [0u8; 8];
        validation[..4].copy_from_slice(&mtime.to_le_bytes());
        validation[4..].copy_from_slice(&source_size.to_le_bytes());
        PycHeader {
            flags: 0,
            validation,
        }
    }

    /// Whether the `.pyc` is validated by a source hash (flags bit 0).
    pub fn is_hash_based(&self) -> bool {
        self.flags & 1 != 0
    }

    /// Whether a hash-based `.pyc` asks to check the source (flags bit 1).
    pub fn check_source(&self) -> bool {
        self.flags & 2 != 0
    }

    /// `(mtime, source_size)` of a timestamp-based `.pyc`.
    pub fn mtime_and_size(&self) -> Option<(u32, u32)> {
        if self.is_hash_based() {
            return None;
        }
        let [a, b, c, d, e, f, g, h] = self.validation;
        Some((
            u32::from_le_bytes([a, b, c, d]),
            u32::from_le_bytes([e, f, g, h]),
        ))
    }

    /// The 16 header bytes.
    pub fn to_bytes(&self) -> [u8; 16] {
        let mut out = [0u8; 16];
        out[..4].copy_from_slice(&MAGIC_NUMBER);
        out[4..8].copy_from_slice(&self.flags.to_le_bytes());
        out[8..].copy_from_slice(&self.validation);
        out
    }
}

/// What `py_compile` writes for `code` compiled from a source of `source_size` bytes
/// last modified at `mtime`.
pub fn write(code: &CodeObject, mtime: u32, source_size: u32) -> Result<Vec<u8>, MarshalError> {
    let mut out = PycHeader::timestamp(mtime, source_size).to_bytes().to_vec();
    out.extend(marshal::dumps(code)?);
    Ok(out)
}

/// Writes a `.pyc` with the given header and marshal layout (from [`read_preserving`]):
/// byte-identical to the file read.
pub fn write_with_layout(
    header: &PycHeader,
    code: &CodeObject,
    layout: &Layout,
) -> Result<Vec<u8>, MarshalError> {
    let mut out = header.to_bytes().to_vec();
    out.extend(marshal::dumps_with_layout(code, layout)?);
    Ok(out)
}

/// Reads a `.pyc`: checks the header as the import system does (`_classify_pyc`) and
/// unmarshals the code object.
pub fn read(data: &[u8]) -> Result<(PycHeader, CodeObject), MarshalError> {
    let header = read_header(data)?;
    let code = marshal::loads(&data[16..]).map_err(|e| shift(e, 16))?;
    Ok((header, code))
}

/// [`read`] that also returns the marshal layout, for [`write_with_layout`].
pub fn read_preserving(data: &[u8]) -> Result<(PycHeader, CodeObject, Layout), MarshalError> {
    let header = read_header(data)?;
    let (code, layout) = marshal::loads_preserving(&data[16..]).map_err(|e| shift(e, 16))?;
    Ok((header, code, layout))
}

fn shift(mut e: MarshalError, by: usize) -> MarshalError {
    e.offset += by;
    e
}

/// The header, validated: the 3.11 magic and flags 0, 1 or 3.
pub fn read_header(data: &[u8]) -> Result<PycHeader, MarshalError> {
    if data.len() < 16 {
        return Err(MarshalError::new(ErrorKind::PycTooShort, data.len()));
    }
    let magic = [data[0], data[1], data[2], data[3]];
    if magic != MAGIC_NUMBER {
        return Err(MarshalError::new(ErrorKind::BadMagic(magic), 0));
    }
    let flags = u32::from_le_bytes([data[4], data[5], data[6], data[7]]);
    if flags & !0b11 != 0 {
        return Err(MarshalError::new(ErrorKind::BadPycFlags(flags), 4));
    }
    let mut validation = [0u8; 8];
    validation.copy_from_slice(&data[8..16]);
    Ok(PycHeader { flags, validation })
}
