//! Fuzzes the compiler: any generated program (syntax mode: any grammatical tree) compiles
//! without a panic, to the same code objects as CPython's `compile()` (embedded through
//! pyo3); a difference is a finding, reported once per signature (see `pyconform::fuzz::target`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use pyconform::fuzz::generator::{GenConfig, generate_from_bytes};
use pyconform::fuzz::target::{Reporter, compile_divergence};
use std::sync::LazyLock;

static REPORTER: LazyLock<Reporter> = LazyLock::new(Reporter::default);
static CONFIG: LazyLock<GenConfig> = LazyLock::new(GenConfig::syntax);

fuzz_target!(|data: &[u8]| {
    let g = generate_from_bytes(data, &CONFIG);
    if let Some(v) = compile_divergence(&g.source, "fuzz.py") {
        REPORTER.compile_finding(&g.source, &v);
    }
});
