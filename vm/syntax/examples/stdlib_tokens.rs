//! Compares `refvm`'s tokenizer with `python3 -m tokenize -e` over a whole directory tree —
//! by default every `.py` of the oracle's standard library, its test suite included
//! (`site-packages` excluded) — and prints every mismatch and the counts.
//!
//! ```text
//! cargo run --release -p refvm-syntax --example stdlib_tokens [-- DIR...] [--jobs N]
//! ```

#[path = "../tests/support/oracle.rs"]
mod oracle;

use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let mut dirs = Vec::new();
    let mut jobs = 2;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--jobs" {
            jobs = args.next().and_then(|n| n.parse().ok()).unwrap_or(2);
        } else {
            dirs.push(PathBuf::from(a));
        }
    }
    let default = dirs.is_empty();
    if default {
        dirs.push(oracle::stdlib_dir());
    }
    let skip: &[&str] = if default { &["site-packages"] } else { &[] };
    let files: Vec<PathBuf> = dirs
        .iter()
        .flat_map(|d| oracle::python_files(d, skip))
        .collect();
    let bytes: u64 = files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    eprintln!(
        "{} files, {:.1} MB; running the oracle ({jobs} processes)...",
        files.len(),
        bytes as f64 / 1e6
    );

    let t = Instant::now();
    let expected = oracle::oracle(&files, jobs, 3600);
    let t_oracle = t.elapsed();

    let t = Instant::now();
    let got: Vec<_> = files.iter().map(|f| oracle::refvm(f)).collect();
    let t_refvm = t.elapsed();

    let (mut same_ok, mut same_err, mut unsupported, mut mismatch) = (0, 0, 0, 0);
    for ((f, want), have) in files.iter().zip(&expected).zip(&got) {
        match have {
            None => {
                unsupported += 1;
                println!("UNSUPPORTED {}", f.display());
            }
            Some(have) => match oracle::first_difference(have, want) {
                None if want.status == 0 => same_ok += 1,
                None => same_err += 1,
                Some(d) => {
                    mismatch += 1;
                    println!("MISMATCH {}\n{d}", f.display());
                }
            },
        }
    }
    println!(
        "{} files: {} identical ({} tokenized, {} rejected with the same error), {} mismatches, {} unsupported",
        files.len(),
        same_ok + same_err,
        same_ok,
        same_err,
        mismatch,
        unsupported
    );
    println!(
        "time: refvm {:.2}s ({:.1} MB/s, one thread), python3 -m tokenize {:.2}s ({jobs} processes)",
        t_refvm.as_secs_f64(),
        bytes as f64 / 1e6 / t_refvm.as_secs_f64(),
        t_oracle.as_secs_f64()
    );
    if mismatch > 0 {
        std::process::exit(1);
    }
}
