//! `cargo run -p refvm-runtime --example corpus [--release] -- [FILTER] [-v]`: runs every
//! corpus program "CPython compiler → refvm VM" against CPython live and prints pass/fail
//! counts per folder (and each failure with -v).

#[path = "../tests/corpus_support.rs"]
mod corpus_support;

use corpus_support::*;
use std::collections::BTreeMap;
use std::sync::Mutex;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    let filter = args.iter().find(|a| !a.starts_with('-')).cloned();
    let progs = programs(filter.as_deref());
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
                    if std::env::var("CORPUS_TRACE").is_ok() {
                        eprintln!("start {rel}");
                    }
                    let o = compare(p, &[]);
                    if std::env::var("CORPUS_TRACE").is_ok() {
                        eprintln!("end {rel}");
                    }
                    if let Ok(mut r) = results.lock() {
                        r.push((rel, o));
                    }
                }
            });
        }
    });
    let mut results = results.into_inner().unwrap_or_default();
    results.sort_by(|a, b| a.0.cmp(&b.0));
    let mut per: BTreeMap<String, [usize; 5]> = BTreeMap::new();
    for (rel, o) in &results {
        let folder = rel.split('/').next().unwrap_or("").to_string();
        let e = per.entry(folder).or_default();
        let i = match o {
            Outcome::Pass => 0,
            Outcome::StderrDiffers => 1,
            Outcome::Fail(_) => 2,
            Outcome::Unsupported(_) => 3,
            Outcome::Panic(_) => 4,
        };
        e[i] += 1;
        if verbose && i != 0 {
            println!("{rel}: {o:?}");
        }
    }
    println!(
        "{:<20} {:>5} {:>7} {:>5} {:>6} {:>6}",
        "folder", "pass", "stderr", "fail", "unsup", "panic"
    );
    let mut tot = [0usize; 5];
    for (f, c) in &per {
        println!(
            "{:<20} {:>5} {:>7} {:>5} {:>6} {:>6}",
            f, c[0], c[1], c[2], c[3], c[4]
        );
        for i in 0..5 {
            tot[i] += c[i];
        }
    }
    println!(
        "{:<20} {:>5} {:>7} {:>5} {:>6} {:>6}",
        "TOTAL", tot[0], tot[1], tot[2], tot[3], tot[4]
    );
    println!(
        "{} passed (stdout+exit; {} of them with identical stderr), {} failed, {} unsupported, {} panics",
        tot[0] + tot[1],
        tot[0],
        tot[2],
        tot[3],
        tot[4]
    );
}
