//! Data-driven compiler tests: every program under `tests/fixtures/{compile,errors}`
//! and a fixed sample of the installed standard library is compiled by refvm (from
//! CPython's own AST) and by the live `python3`; the code-object trees (or the
//! compile-time errors) must be identical. A failure names the first differing field.

mod support;

use std::path::{Path, PathBuf};

const STDLIB: &str = "/root/.pyenv/versions/3.11.7/lib/python3.11";

fn py_files(dir: &Path, out: &mut Vec<PathBuf>) {
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
            py_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "py") {
            out.push(p);
        }
    }
}

/// Compares every file; returns the differences (and asserts each one compared).
fn check(paths: &[PathBuf], allow_parser_rejects: bool) -> Vec<String> {
    let names: Vec<String> = paths
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let records = support::oracle::run(&names, 300).expect("the oracle (python3) runs");
    assert_eq!(records.len(), names.len(), "one oracle record per file");
    let mut failures = Vec::new();
    for rec in &records {
        let source = std::fs::read(&rec.path).expect("fixture readable");
        match support::compare(rec, &source) {
            support::Outcome::Same => {}
            support::Outcome::Skipped => {
                if !allow_parser_rejects {
                    failures.push(format!(
                        "{}: CPython's parser rejects this fixture",
                        rec.path
                    ));
                }
            }
            support::Outcome::Differs(d) => failures.push(format!("{}: {d}", rec.path)),
        }
    }
    failures
}

fn fixtures(kind: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    py_files(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(kind),
        &mut out,
    );
    assert!(!out.is_empty());
    out
}

#[test]
fn compile_fixtures_match_cpython() {
    let failures = check(&fixtures("compile"), false);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn compile_errors_match_cpython() {
    let paths = fixtures("errors");
    let names: Vec<String> = paths
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    // Every error fixture must be one that CPython rejects after parsing.
    let records = support::oracle::run(&names, 120).expect("oracle");
    for rec in &records {
        assert!(
            rec.ast.is_ok(),
            "{} is a parser error, not a compiler error",
            rec.path
        );
        assert!(
            matches!(rec.code, Some(Err(_))),
            "{} compiles under CPython",
            rec.path
        );
    }
    let failures = check(&paths, false);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A fixed sample of ~150 standard-library files (every 12th, test suite included).
#[test]
fn stdlib_sample_matches_cpython() {
    let mut all = Vec::new();
    py_files(Path::new(STDLIB), &mut all);
    assert!(
        all.len() > 1500,
        "the installed standard library is missing"
    );
    let sample: Vec<PathBuf> = all.into_iter().step_by(12).collect();
    let failures = check(&sample, true);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
