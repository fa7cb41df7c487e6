//! Data-driven: every corpus program, compiled by CPython and run on refvm, compared with
//! CPython running it live. Fails on any refvm panic, and on any program listed in
//! `tests/corpus_passing.txt` that no longer passes (stdout + exit status). The full
//! pass/fail table: `cargo run --release -p refvm-runtime --example corpus`.

mod corpus_support;

use corpus_support::*;
use std::sync::Mutex;

#[test]
fn corpus_cpython_compiled_on_refvm() {
    let progs = programs(None);
    assert!(progs.len() > 100, "corpus not found");
    let expected: Vec<String> = include_str!("corpus_passing.txt")
        .lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let results: Mutex<Vec<(String, Outcome)>> = Mutex::new(Vec::new());
    let next = std::sync::atomic::AtomicUsize::new(0);
    let jobs = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2);
    std::thread::scope(|s| {
        for _ in 0..jobs {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    let Some(p) = progs.get(i) else { break };
                    let rel = p
                        .strip_prefix(corpus_root())
                        .unwrap_or(p)
                        .to_string_lossy()
                        .into_owned();
                    // Benchmarks are timed elsewhere; a small size keeps this test quick.
                    let o = if rel.starts_with("bench/") {
                        compare(p, &["2"])
                    } else {
                        compare(p, &[])
                    };
                    results.lock().unwrap().push((rel, o));
                }
            });
        }
    });
    let results = results.into_inner().unwrap();
    let mut problems = Vec::new();
    let mut passed = 0;
    for (rel, o) in &results {
        match o {
            Outcome::Pass | Outcome::StderrDiffers => passed += 1,
            Outcome::Panic(m) => problems.push(format!("{rel}: refvm panicked: {m}")),
            other => {
                if expected.iter().any(|e| e == rel) {
                    problems.push(format!("{rel}: regressed: {other:?}"));
                }
            }
        }
    }
    println!(
        "{passed} of {} corpus programs pass (CPython compiler -> refvm VM)",
        results.len()
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
