//! Times refvm's front end and compiler separately over a stdlib sample (a profiling
//! aid): `cargo run --release -p refvm-compiler --example compile_phases [-- STEP]`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn py_files(dir: &Path, out: &mut Vec<PathBuf>) {
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
                py_files(&p, out);
            }
        } else if p.extension().is_some_and(|e| e == "py") {
            out.push(p);
        }
    }
}

fn main() {
    let step: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    let mut all = Vec::new();
    py_files(
        Path::new("/root/.pyenv/versions/3.11.7/lib/python3.11"),
        &mut all,
    );
    let files: Vec<(String, Vec<u8>)> = all
        .into_iter()
        .step_by(step)
        .filter_map(|p| Some((p.to_string_lossy().into_owned(), std::fs::read(&p).ok()?)))
        .collect();
    let mut parse = Duration::ZERO;
    let mut parsed = Vec::new();
    for (name, src) in &files {
        let t = Instant::now();
        let Ok(m) = refvm_syntax::parse_module(src, name) else {
            continue;
        };
        parse += t.elapsed();
        parsed.push((name, src, m));
    }
    let rounds: u32 = std::env::args()
        .nth(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(5);
    let (mut clone, mut compile) = (Duration::ZERO, Duration::ZERO);
    for _ in 0..rounds {
        for (name, src, m) in &parsed {
            let t = Instant::now();
            let m = m.clone();
            clone += t.elapsed();
            let t = Instant::now();
            let r = refvm_compiler::compile_module_owned(
                m,
                src,
                &refvm_compiler::CompileOptions::new(name),
            );
            compile += t.elapsed();
            std::hint::black_box(r.is_ok());
        }
    }
    println!(
        "{} files: parse {:?} once; per round: clone {:?}, compile (AST by value, drop included) {:?}",
        parsed.len(),
        parse,
        clone / rounds.max(1),
        compile / rounds.max(1)
    );
}
