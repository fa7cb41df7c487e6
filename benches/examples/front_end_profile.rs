//! A fixed workload for instruction-count profiling of the front end (and the compiler):
//! parses (or compiles) every Nth stdlib file ROUNDS times (default once), for
//! `valgrind --tool=callgrind` or `perf record`.
//!
//! ```text
//! cargo build --release -p pyconform-benches --example front_end_profile
//! valgrind --tool=callgrind target/release/examples/front_end_profile [parse|compile] [STEP] [ROUNDS]
//! ```

use pyconform_benches::stdlib_sample;
use refvm_compiler::{CompileOptions, compile_source};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mode = args.first().map_or("parse", String::as_str).to_string();
    let step: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(60);
    let rounds: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1);
    let files = stdlib_sample(step, |_, _| true);
    let bytes: usize = files.iter().map(|(_, s)| s.len()).sum();
    let mut ok = 0;
    for (name, src) in files.iter().cycle().take(files.len() * rounds) {
        let good = match mode.as_str() {
            "compile" => compile_source(src, &CompileOptions::new(name)).is_ok(),
            _ => refvm_syntax::parse_module(src, name).is_ok(),
        };
        ok += usize::from(good);
    }
    println!("{mode}: {} files, {bytes} bytes, {ok} ok", files.len());
}
