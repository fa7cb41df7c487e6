//! `cargo run --release -p refvm-runtime --example vm_create [-- N [FILE.py]]`: the cost
//! of one `refvm_runtime::run_on_current_thread` of an empty program (or FILE.py): VM
//! creation, start-up, teardown, the fixed part of every differential run; prints µs per
//! run over N runs (default 2000), the objects left live after them and the process's
//! resident memory (`VmRSS`) before and after, with the binaries' allocator (mimalloc).

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use refvm_compiler::{CompileOptions, compile_source};
use refvm_runtime::RunConfig;
use std::sync::Arc;
use std::time::Instant;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(2000);
    let path = std::env::args().nth(2);
    let src = match &path {
        Some(p) => std::fs::read(p).unwrap_or_default(),
        None => Vec::new(),
    };
    let name = path.clone().unwrap_or_else(|| "empty.py".into());
    let code = match compile_source(&src, &CompileOptions::new(&name)) {
        Ok(c) => Arc::new(c),
        Err(e) => {
            eprintln!("compile failed: {e}");
            return;
        }
    };
    let config = RunConfig {
        argv: vec![name.clone()],
        ..RunConfig::default()
    };
    // Warm-up: first-touch page faults and lazily built tables.
    for _ in 0..20 {
        refvm_runtime::run_on_current_thread(code.clone(), &config, None);
    }
    let rss0 = rss_kib();
    let live0 = refvm_runtime::object::alloc::live_objects();
    let t = Instant::now();
    for _ in 0..n {
        refvm_runtime::run_on_current_thread(code.clone(), &config, None);
    }
    let per = t.elapsed().as_secs_f64() * 1e6 / n as f64;
    let leaked = refvm_runtime::object::alloc::live_objects().saturating_sub(live0);
    println!(
        "{per:.1} us per run of {name} ({n} runs); objects left alive per run: {:.1}",
        leaked as f64 / n as f64
    );
    let rss1 = rss_kib();
    println!(
        "VmRSS {rss0} KiB after warm-up, {rss1} KiB after {n} runs ({:+.2} KiB per run)",
        (rss1 as f64 - rss0 as f64) / n as f64
    );
}

/// The process's resident set (`VmRSS` of /proc/self/status), in KiB; 0 if unreadable.
fn rss_kib() -> u64 {
    let s = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    s.lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}
