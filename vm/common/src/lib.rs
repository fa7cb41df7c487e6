//! Python value primitives that every refvm layer needs and none owns: the storage of a
//! Python `str` (which may hold lone surrogates), CPython's `repr` of literals, CPython's
//! hash functions under `PYTHONHASHSEED=0`, and Unicode property tables read off CPython.
//!
//! Architecture invariant: this crate knows nothing of tokens, ASTs, bytecode or runtime
//! objects. It is the leaf that `refvm-syntax`, `refvm-bytecode` and `refvm-runtime` share,
//! so that `ast.dump`, `dis` and `repr()` print literals the same way.

pub mod hash;
pub mod pystr;
pub mod repr;
pub mod unicode;
pub mod unicode_names;
pub mod unsupported;
#[rustfmt::skip]
pub mod unicode_tables;

pub use pystr::PyStr;
pub use unsupported::Unsupported;
