//! Cycle-collector benchmark (issue 6's closing note, not a timed test): the time of a
//! full `gc.collect()` over heaps of 10^5 and 10^6 tracked objects, and the pause of a
//! generation-0 collection (700 fresh objects over a large old heap), refvm vs the
//! `python3` on PATH, in the same run.
//!
//! `cargo run --release -p refvm-runtime --example gc_bench [N...]`

use std::process::Command;
use std::sync::Arc;

fn program(n: usize) -> String {
    format!(
        r#"
import gc, time
gc.disable()
gc.collect()
class Node:
    pass
N = {n}
heap = []
for i in range(N // 2):
    o = Node()
    o.link = heap
    heap.append([o])
def best(f, reps):
    b = None
    for _ in range(reps):
        t0 = time.perf_counter()
        f()
        t = time.perf_counter() - t0
        if b is None or t < b:
            b = t
    return b
full = best(lambda: gc.collect(), 3)
def gen0():
    junk = [[] for _ in range(700)]
    t0 = time.perf_counter()
    gc.collect(0)
    return time.perf_counter() - t0
pauses = sorted(gen0() for _ in range(50))
print("tracked", len(gc.get_objects()))
print("full_ms %.3f" % (full * 1000))
print("gen0_ms %.4f" % (pauses[len(pauses) // 2] * 1000))
"#
    )
}

fn parse(out: &str) -> (String, String, String) {
    let mut r = (String::new(), String::new(), String::new());
    for l in out.lines() {
        let mut it = l.split_whitespace();
        match (it.next(), it.next()) {
            (Some("tracked"), Some(v)) => r.0 = v.to_owned(),
            (Some("full_ms"), Some(v)) => r.1 = v.to_owned(),
            (Some("gen0_ms"), Some(v)) => r.2 = v.to_owned(),
            _ => {}
        }
    }
    r
}

fn main() {
    let sizes: Vec<usize> = {
        let a: Vec<usize> = std::env::args()
            .skip(1)
            .filter_map(|x| x.parse().ok())
            .collect();
        if a.is_empty() {
            vec![100_000, 1_000_000]
        } else {
            a
        }
    };
    println!("heap objects | engine  | tracked  | full collect ms | gen-0 pause ms (median)");
    for n in sizes {
        let src = program(n);
        let cpy = Command::new("python3")
            .arg("-c")
            .arg(&src)
            .env("PYTHONHASHSEED", "0")
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
            .unwrap_or_default();
        let c = parse(&cpy);
        println!("{n:>12} | CPython | {:>8} | {:>15} | {:>10}", c.0, c.1, c.2);
        let code = match refvm_compiler::compile_source(
            src.as_bytes(),
            &refvm_compiler::CompileOptions::new("<gc_bench>"),
        ) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("refvm cannot compile the benchmark: {e:?}");
                return;
            }
        };
        let r = refvm_runtime::run(Arc::new(code), &refvm_runtime::RunConfig::default());
        let out = String::from_utf8_lossy(&r.stdout).into_owned();
        let v = parse(&out);
        if v.1.is_empty() {
            eprintln!(
                "refvm: {:?}\n{}",
                r.status,
                String::from_utf8_lossy(&r.stderr)
            );
        }
        println!("{n:>12} | refvm   | {:>8} | {:>15} | {:>10}", v.0, v.1, v.2);
    }
}
