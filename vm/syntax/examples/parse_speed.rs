//! Times refvm's `parse_module` (decode, lexer, parser, AST) over every Nth stdlib file,
//! read up front, with the benchmark's allocator: a quick loop for profiling the front end
//! without building the criterion bench (`perf stat`/`perf record` around it).
//!
//! ```text
//! cargo run --release -p refvm-syntax --example parse_speed [-- STEP ROUNDS]
//! ```

use std::path::{Path, PathBuf};
use std::time::Instant;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const STDLIB: &str = "/root/.pyenv/versions/3.11.7/lib/python3.11";

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            if !p
                .file_name()
                .is_some_and(|n| n == "site-packages" || n == "__pycache__")
            {
                walk(&p, out);
            }
        } else if p.extension().is_some_and(|e| e == "py") {
            out.push(p);
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let step: usize = args.first().and_then(|s| s.parse().ok()).unwrap_or(20);
    let rounds: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(10);
    let mut all = Vec::new();
    walk(Path::new(STDLIB), &mut all);
    let files: Vec<(String, Vec<u8>)> = all
        .into_iter()
        .step_by(step.max(1))
        .filter_map(|p| {
            let src = std::fs::read(&p).ok()?;
            let name = p.to_string_lossy().into_owned();
            refvm_syntax::parse_module(&src, &name)
                .is_ok()
                .then_some((name, src))
        })
        .collect();
    let bytes: usize = files.iter().map(|(_, s)| s.len()).sum();
    let mut times = Vec::new();
    for _ in 0..rounds {
        let t = Instant::now();
        for (name, src) in &files {
            std::hint::black_box(refvm_syntax::parse_module(src, name).is_ok());
        }
        times.push(t.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    let (best, median) = (times[0], times[times.len() / 2]);
    println!(
        "{} files, {bytes} bytes: best {:.1} ms, median {:.1} ms ({:.2} MB/s median)",
        files.len(),
        best * 1e3,
        median * 1e3,
        bytes as f64 / 1e6 / median
    );
}
