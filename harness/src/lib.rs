//! pyconform: runs Python programs on refvm and on the real CPython 3.11 (embedded in
//! worker processes through pyo3), diffs them layer by layer — tokens, AST, bytecode,
//! dis, marshal, output over the cross-execution matrix, refcounts, timings — and
//! writes reports people read and CI gates on.
//!
//! Code map:
//! - [`program`]: which files are programs; filters and shards.
//! - [`engine`]: the two engines — [`engine::cpython`] (via [`worker`]) and
//!   [`engine::refvm`] (the vm crates' public entry points, panics fenced).
//! - [`observe`]: what an engine observed, stage by stage; [`outcome`]: the verdict
//!   vocabulary.
//! - [`diff`]: the layer diffs, pure functions of two observations.
//! - [`check`]: one program through both engines and the matrix, into a
//!   [`results::ProgramResult`].
//! - [`results`], [`report`], [`gate`], [`known`]: CSV/JSON, the human reports, the
//!   CI gate and the known-differences ledger.
//! - [`fuzz`]: the program generator, fuzz campaigns, the reducer and findings.
//! - [`cmd`]: the subcommands.
//!
//! API boundary: this is the only crate that knows pyo3, CSV, HTML, JSON or CI; it
//! reaches refvm only through the entry points each vm crate's lib.rs documents.

pub mod check;
pub mod cmd;
pub mod diff;
pub mod engine;
pub mod env;
pub mod fuzz;
pub mod gate;
pub mod known;
pub mod leak;
pub mod observe;
pub mod outcome;
pub mod program;
pub mod report;
pub mod results;
pub mod worker;
