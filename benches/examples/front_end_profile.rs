//! A fixed workload for profiling the front end (and the compiler): parses (or compiles) every
//! Nth stdlib file, read up front, ROUNDS times, and prints the best and median round — for
//! `valgrind --tool=callgrind` (ROUNDS 1), `perf stat`/`perf record`, or a quick timing loop
//! without building the criterion bench.
//!
//! ```text
//! cargo build --release -p pyconform-benches --example front_end_profile
//! target/release/examples/front_end_profile [parse|compile] [STEP] [ROUNDS]
//! ```

use pyconform_benches::stdlib_sample;
use refvm_compiler::{CompileOptions, compile_source};
use std::time::Instant;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mode = args.first().map_or("parse", String::as_str).to_string();
    let step: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(60);
    let rounds: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1).max(1);
    let files = stdlib_sample(step, |_, _| true);
    let bytes: usize = files.iter().map(|(_, s)| s.len()).sum();
    let mut ok = 0;
    let mut times = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        ok = 0;
        let start = Instant::now();
        for (name, src) in &files {
            let good = match mode.as_str() {
                "compile" => compile_source(src, &CompileOptions::new(name)).is_ok(),
                _ => refvm_syntax::parse_module(src, name).is_ok(),
            };
            ok += usize::from(good);
        }
        times.push(start.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    let (best, median) = (times[0], times[times.len() / 2]);
    println!(
        "{mode}: {} files, {bytes} bytes, {ok} ok; best {:.1} ms, median {:.1} ms ({:.2} MB/s median)",
        files.len(),
        best * 1e3,
        median * 1e3,
        bytes as f64 / 1e6 / median
    );
}
