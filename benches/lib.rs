//! Shared helpers for the criterion benchmarks in this directory: every benchmark pairs
//! refvm with CPython (embedded through `pyconform`) on the same input in the same run.
