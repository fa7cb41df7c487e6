//! Compiles every `.py` file under a directory (default: the installed CPython 3.11
//! standard library, test suite included, `site-packages` excluded) with refvm and
//! with the live `python3`, and prints how many code-object trees are identical and how
//! many `.pyc` files would be byte-identical (marshal data from
//! `refvm_bytecode::marshal::dumps`), listing each differing file with its first
//! difference.
//!
//! By default refvm compiles CPython's own AST (read back from `ast.parse`), which
//! measures the compiler alone; `--refvm-parser` parses with refvm's parser instead
//! (`compile_source`, the whole front end).
//!
//! ```text
//! cargo run --release -p refvm-compiler --example stdlib_compile [-- [--refvm-parser] [--limit N] [--quiet] [DIR|FILE...]]
//! ```

#[path = "../tests/support/mod.rs"]
mod support;

use std::path::{Path, PathBuf};

const DEFAULT_ROOT: &str = "/root/.pyenv/versions/3.11.7/lib/python3.11";

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            if p.file_name()
                .is_some_and(|n| n == "site-packages" || n == "__pycache__")
            {
                continue;
            }
            walk(&p, out);
        } else if p.extension().is_some_and(|e| e == "py") {
            out.push(p);
        }
    }
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut limit = usize::MAX;
    let mut quiet = false;
    if let Some(i) = args.iter().position(|a| a == "--limit") {
        limit = args
            .get(i + 1)
            .and_then(|v| v.parse().ok())
            .unwrap_or(usize::MAX);
        args.drain(i..(i + 2).min(args.len()));
    }
    if let Some(i) = args.iter().position(|a| a == "--quiet") {
        quiet = true;
        args.remove(i);
    }
    let mut refvm_parser = false;
    if let Some(i) = args.iter().position(|a| a == "--refvm-parser") {
        refvm_parser = true;
        args.remove(i);
    }
    if args.is_empty() {
        args.push(DEFAULT_ROOT.to_string());
    }
    let mut files = Vec::new();
    for a in &args {
        let p = PathBuf::from(a);
        if p.is_dir() {
            walk(&p, &mut files);
        } else {
            files.push(p);
        }
    }
    files.truncate(limit);
    let paths: Vec<String> = files
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let (mut same, mut differ, mut skipped) = (0, 0, 0);
    let (mut pyc_same, mut pyc_total) = (0, 0);
    for chunk in paths.chunks(200) {
        let records = match support::oracle::run(chunk, 600) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("oracle failed: {e}");
                std::process::exit(2);
            }
        };
        for rec in &records {
            let source = std::fs::read(&rec.path).unwrap_or_default();
            let (outcome, pyc) =
                std::panic::catch_unwind(|| support::compare_full(rec, &source, refvm_parser))
                    .unwrap_or_else(|_| (support::Outcome::Differs("PANIC".into()), None));
            if let Some(p) = pyc {
                pyc_total += 1;
                match p {
                    Ok(()) => pyc_same += 1,
                    Err(d) if !quiet => println!("PYC {}: {d}", rec.path),
                    Err(_) => {}
                }
            }
            match outcome {
                support::Outcome::Same => same += 1,
                support::Outcome::Skipped => skipped += 1,
                support::Outcome::Differs(d) => {
                    differ += 1;
                    if !quiet {
                        println!("DIFF {}: {}", rec.path, d);
                    }
                }
            }
        }
    }
    let total = same + differ;
    println!(
        "{same}/{total} files with identical code-object trees ({:.2}%), {differ} differ, {skipped} rejected by CPython's parser",
        if total > 0 {
            100.0 * same as f64 / total as f64
        } else {
            0.0
        }
    );
    println!(
        "{pyc_same}/{pyc_total} compiled files with identical .pyc bytes ({:.2}%)",
        if pyc_total > 0 {
            100.0 * pyc_same as f64 / pyc_total as f64
        } else {
            0.0
        }
    );
}
