//! Generative differential testing: programs nobody wrote, run on refvm and CPython,
//! every divergence reduced to a small, deduplicated, ready-to-commit program.
//!
//! Code map:
//! - AST → source (canonical or with varied spelling) is `refvm_syntax::unparse`.
//! - [`generator`]: the program generator (seeded or from `arbitrary` bytes), [`generator::GenConfig`].
//! - [`check`]: a batch of generated sources through both engines, only the layers asked
//!   for, with the harness's own observations, diffs and verdicts.
//! - [`signature`]: what makes two divergences "the same" (layer + kind of first
//!   difference), and what is `poisoned` (a resource limit on either side).
//! - [`campaign`]: `pyconform fuzz`: the loop, the status line, the resumable state file.
//! - [`reduce`]: shrinking a diverging program while keeping its signature.
//! - [`runner`]: the long-lived big-stack thread refvm's side of each batch runs on.
//! - [`findings`]: `reports/findings/<signature>/` and promotion into the corpus.
//! - [`target`]: the compile and run properties the cargo-fuzz targets in `fuzz/` call.
//! - [`alloc`]: memory settings of the fuzz and reduce commands (no huge pages, freed pages kept).

pub mod alloc;
pub mod campaign;
pub mod check;
pub mod findings;
pub mod generator;
pub mod reduce;
pub mod runner;
pub mod signature;
pub mod target;
