//! refvm's tokenizer against the live `python3 -m tokenize -e`: the fixtures in
//! tests/tokenize/, a fixed sample of the installed standard library, and generated
//! Python-ish sources (also compared token by token up to any exception).
//!
//! The whole standard library: `cargo run --release -p refvm-syntax --example stdlib_tokens`.

mod support {
    pub mod oracle;
    pub mod pyish;
}

use std::path::{Path, PathBuf};
use support::oracle::{self, Output};

/// Compares every path in both modes; panics listing every difference.
fn check(paths: &[PathBuf], tokens_mode: bool) {
    let want = oracle::oracle_mode(paths, 2, 600, tokens_mode);
    let mut failures = Vec::new();
    for (p, want) in paths.iter().zip(&want) {
        let have: Option<Output> = if tokens_mode {
            oracle::refvm_tokens(p)
        } else {
            oracle::refvm(p)
        };
        match have {
            None => failures.push(format!("{}: refvm says unsupported", p.display())),
            Some(have) => {
                if let Some(d) = oracle::first_difference(&have, want) {
                    failures.push(format!("{}: {d}", p.display()));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} differ:\n{}",
        failures.len(),
        paths.len(),
        failures.join("\n")
    );
}

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tokenize");
    let files = oracle::python_files(&dir, &[]);
    assert!(files.len() >= 60, "fixtures missing from {}", dir.display());
    files
}

#[test]
fn fixtures_match_python_tokenize() {
    check(&fixtures(), false);
}

#[test]
fn fixtures_match_token_by_token() {
    check(&fixtures(), true);
}

#[test]
fn stdlib_sample_matches_python_tokenize() {
    let all = oracle::python_files(&oracle::stdlib_dir(), &["site-packages"]);
    assert!(all.len() > 1000, "the oracle's stdlib was not found");
    let step = all.len() / 150;
    let sample: Vec<PathBuf> = all.iter().step_by(step.max(1)).cloned().collect();
    check(&sample, false);
}

#[test]
fn generated_sources_match_python_tokenize() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rng = support::pyish::Rng::new(20240611);
    let paths: Vec<PathBuf> = (0..1000)
        .map(|i| {
            let p = dir.path().join(format!("g{i:04}.py"));
            std::fs::write(&p, support::pyish::source(&mut rng, 40)).expect("write");
            p
        })
        .collect();
    check(&paths, false);
    check(&paths, true);
}
