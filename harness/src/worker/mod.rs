//! CPython workers: `pyconform` re-executes itself in worker mode (`__worker`) with
//! CPython embedded through pyo3, one process per concurrent program, because CPython
//! has one GIL per process and a hostile program may crash its interpreter.
//!
//! Protocol: the parent writes length-prefixed JSON requests to the worker's fd 3 and
//! reads responses from its fd 4 ([`frame`], [`protocol`]); the worker's Python half
//! builds each answer as Python values and its Rust half writes the JSON ([`json`]). The worker's stdout is
//! `/dev/null` and its stderr is drained into a short tail for crash reports, so nothing
//! a program writes with `os.write(1, …)` can corrupt the protocol.
//!
//! Isolation ([`pool`]): a wall-clock deadline per request (the parent kills the worker's
//! process group), `RLIMIT_AS` and no core dumps (set in `pre_exec`), recycling every K
//! requests, and replacement of any worker that dies. Inside a worker ([`child`],
//! `helper.py`) each program gets a fresh `__main__`, captured and capped
//! stdout/stderr, and the interpreter state it touched restored afterwards.

pub mod child;
pub mod frame;
pub mod json;
pub mod pool;
pub mod protocol;
