//! The CPython 3.11 bytecode format as data: the opcode table, code objects, marshal,
//! `.pyc` files, location and exception tables, and the text `dis` prints.
//!
//! Entry points (keep these signatures; the compiler, runtime, CLI and harness use them):
//! - [`CodeObject`], [`Constant`]: a 3.11 code object, field for field. A frozenset
//!   constant holds its members in CPython's iteration order ([`frozenset`]).
//! - [`opcode`]: the one opcode table. [`Opcode`] (CPython's names and numbers),
//!   `caches()`, `arg_kind()`, `jump()`, `has_*()`, [`opcode::stack_effect`] (=
//!   `dis.stack_effect`), [`opcode::PseudoOpcode`] (SETUP_*, POP_BLOCK, JUMP, … with
//!   their stack effects and forward/backward resolution), [`opcode::instr_size`] and
//!   [`opcode::write_instr`] (EXTENDED_ARG prefixes and CACHE entries), the names and
//!   bases of the specialised instructions.
//! - [`marshal::loads`] / [`marshal::dumps`]: marshal format version 4. The reader is
//!   bounded and never panics; [`marshal::loads_preserving`] +
//!   [`marshal::dumps_with_layout`] rewrite any CPython marshal data byte-identically;
//!   `dumps` alone models CPython's object sharing for a compiled module.
//! - [`pyc::write`] / [`pyc::read`]: `.pyc` files with the 3.11 header (magic 3495).
//! - [`linetable`]: `co_linetable` writer (as CPython's assembler writes it) and
//!   decoder (`co_positions()`, `co_lines()`, the line of an offset).
//! - [`exceptiontable`]: `co_exceptiontable` encoder and decoder.
//! - [`dis::dis_module`]: what `python3 -m dis FILE` prints for a module's code.
//!
//! Architecture invariant: no runtime objects and no AST here; code objects are plain
//! data that both the compiler and the runtime speak. The marshal reader and writer use
//! explicit stacks; what still recurses (reprs, hashes, `Constant`'s derived
//! `Clone`/`PartialEq`/`Drop`) is bounded by marshal's 2000-level depth limit with small
//! frames (tested on a 512 KiB stack).

pub mod code;
pub mod dis;
pub mod exceptiontable;
pub mod frozenset;
pub mod linetable;
pub mod marshal;
pub mod opcode;
pub mod pyc;
#[cfg(test)]
mod testutil;

pub use code::{CodeObject, Constant};
pub use opcode::Opcode;
pub use refvm_common::Unsupported;
