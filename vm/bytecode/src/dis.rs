//! The text of `python3 -m dis FILE` (placeholder until the disassembler lands).

use crate::code::CodeObject;
use refvm_common::Unsupported;

/// What `python3 -m dis FILE` prints for the module code object `code`.
pub fn dis_module(code: &CodeObject) -> Result<String, Unsupported> {
    let _ = code;
    Err(Unsupported("disassembler not implemented yet".into()))
}
