//! Whole-stdlib marshal check against the oracle:
//! `cargo run --release -p refvm-bytecode --example stdlib_marshal [-- --step N] [-- -v]`.
//!
//! For every stdlib `.py` file CPython compiles (in batches, one `python3` per batch), it
//! takes the `.pyc` `py_compile` would write and reports:
//! - round trip: read with layout, write back → byte-identical;
//! - fresh dumps: read the code object only (layout dropped), dump it with refvm's model
//!   of CPython's sharing → byte-identical to CPython's.
//!
//! It also times reading and writing. `--step N` takes every N-th file; `-v` lists each
//! fresh-dump difference.

#[path = "common/oracle.rs"]
mod oracle;

use refvm_bytecode::{marshal, pyc};
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let step = args
        .iter()
        .position(|a| a == "--step")
        .and_then(|i| args.get(i + 1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let verbose = args.iter().any(|a| a == "-v");
    let files = oracle::stdlib_sample(step);
    let (mut total, mut not_compiled, mut roundtrip_ok, mut fresh_ok) = (0, 0, 0, 0);
    let (mut read_time, mut write_time, mut bytes) = (Duration::ZERO, Duration::ZERO, 0usize);
    let mut failures = Vec::new();
    for chunk in files.chunks(200) {
        for c in oracle::compile_batch(chunk, false) {
            total += 1;
            let Some(pyc_bytes) = c.pyc else {
                not_compiled += 1;
                continue;
            };
            bytes += pyc_bytes.len();
            let name = oracle::short(&c.path);
            let t = Instant::now();
            let read = pyc::read_preserving(&pyc_bytes);
            read_time += t.elapsed();
            let (header, code, layout) = match read {
                Ok(x) => x,
                Err(e) => {
                    failures.push(format!("{name}: read: {e}"));
                    continue;
                }
            };
            match pyc::write_with_layout(&header, &code, &layout) {
                Ok(out) if out == pyc_bytes => roundtrip_ok += 1,
                Ok(out) => failures.push(format!(
                    "{name}: round trip {}",
                    oracle::first_difference(&out, &pyc_bytes)
                )),
                Err(e) => failures.push(format!("{name}: round trip: {e}")),
            }
            let t = Instant::now();
            let fresh = marshal::dumps(&code);
            write_time += t.elapsed();
            match fresh {
                Ok(out) if out == pyc_bytes[16..] => fresh_ok += 1,
                Ok(out) => {
                    if verbose {
                        println!(
                            "fresh differs: {name}: {}",
                            oracle::first_difference(&out, &pyc_bytes[16..])
                        );
                    }
                }
                Err(e) => println!("fresh dump failed: {name}: {e}"),
            }
        }
    }
    for f in &failures {
        println!("FAIL {f}");
    }
    let compiled = total - not_compiled;
    let pct = |n: usize| 100.0 * n as f64 / compiled.max(1) as f64;
    println!(
        "files: {total} ({not_compiled} not compiled by CPython), {compiled} .pyc, {:.1} MB",
        bytes as f64 / 1e6
    );
    println!(
        "round trip identical: {roundtrip_ok}/{compiled} ({:.2}%)",
        pct(roundtrip_ok)
    );
    println!(
        "fresh dumps identical: {fresh_ok}/{compiled} ({:.2}%)",
        pct(fresh_ok)
    );
    println!(
        "read {:.1} MB/s, fresh write {:.1} MB/s",
        bytes as f64 / 1e6 / read_time.as_secs_f64().max(1e-9),
        bytes as f64 / 1e6 / write_time.as_secs_f64().max(1e-9)
    );
}
