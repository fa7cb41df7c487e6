//! `cargo run --release -p refvm-runtime --example vm_create [-- N]`: the cost of one
//! `refvm_runtime::run_on_current_thread` of an empty program (VM creation, start-up,
//! teardown), the fixed part of every differential run; prints µs per run over N runs
//! (default 2000) and the object memory left live after them.

use refvm_compiler::{CompileOptions, compile_source};
use refvm_runtime::RunConfig;
use std::sync::Arc;
use std::time::Instant;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(2000);
    let code = match compile_source(b"", &CompileOptions::new("empty.py")) {
        Ok(c) => Arc::new(c),
        Err(e) => {
            eprintln!("compile failed: {e}");
            return;
        }
    };
    let config = RunConfig {
        argv: vec!["empty.py".into()],
        ..RunConfig::default()
    };
    // Warm-up: first-touch page faults and lazily built tables.
    for _ in 0..20 {
        refvm_runtime::run_on_current_thread(code.clone(), &config, None);
    }
    let live0 = refvm_runtime::object::alloc::live_objects();
    let t = Instant::now();
    for _ in 0..n {
        refvm_runtime::run_on_current_thread(code.clone(), &config, None);
    }
    let per = t.elapsed().as_secs_f64() * 1e6 / n as f64;
    let leaked = refvm_runtime::object::alloc::live_objects().saturating_sub(live0);
    println!(
        "{per:.1} us per empty run ({n} runs); objects left alive per run: {:.1}",
        leaked as f64 / n as f64
    );
}
