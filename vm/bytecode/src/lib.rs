//! The CPython 3.11 bytecode format as data: the opcode table, code objects, marshal,
//! `.pyc` files, location and exception tables, and the text `dis` prints.
//!
//! Entry points (keep these signatures; the compiler, runtime, CLI and harness use them):
//! - [`CodeObject`], [`Constant`]: a 3.11 code object, field for field.
//! - [`opcode`]: the one opcode table ([`Opcode`], [`opcode::stack_effect`], …).
//! - [`marshal::dumps`] / [`marshal::loads`]: marshal format version 4.
//! - [`pyc::write`] / [`pyc::read`]: `.pyc` files with the 3.11 header (magic 3495).
//! - [`linetable`]: `co_linetable` encoder and decoder (`co_positions`, `co_lines`).
//! - [`exceptiontable`]: `co_exceptiontable` encoder and decoder.
//! - [`dis::dis_module`]: what `python3 -m dis FILE` prints for a module's code.
//!
//! Architecture invariant: no runtime objects and no AST here; code objects are plain
//! data that both the compiler and the runtime speak.

pub mod code;
pub mod dis;
pub mod exceptiontable;
pub mod linetable;
pub mod marshal;
pub mod opcode;
pub mod pyc;
#[cfg(test)]
mod testutil;

pub use code::{CodeObject, Constant};
pub use opcode::Opcode;
pub use refvm_common::Unsupported;
