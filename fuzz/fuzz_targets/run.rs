//! Fuzzes execution: any generated program runs the same on refvm and CPython (output and
//! refcount layers, the campaign's check); a divergence is a finding reported once per
//! signature, a refvm panic a crash. Needs `PYCONFORM_WORKER_EXE` (a built `pyconform`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use pyconform::fuzz::generator::{GenConfig, generate_from_bytes};
use pyconform::fuzz::target::RunSession;
use std::sync::LazyLock;

static SESSION: LazyLock<RunSession> =
    LazyLock::new(|| RunSession::start().unwrap_or_else(|e| panic!("cannot start the engines: {e}")));
static CONFIG: LazyLock<GenConfig> = LazyLock::new(GenConfig::small);

fuzz_target!(|data: &[u8]| {
    let g = generate_from_bytes(data, &CONFIG);
    SESSION.check(&g.source);
});
