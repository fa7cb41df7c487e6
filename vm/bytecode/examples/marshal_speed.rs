//! marshal speed, refvm against CPython on the same data in the same run:
//! `cargo run --release -p refvm-bytecode --example marshal_speed`.
//!
//! Takes the marshalled code of every stdlib module (from the oracle), then times
//! `marshal::loads` and `marshal::dumps` over all of them (best of 5), and CPython's
//! `marshal.loads`/`marshal.dumps` over the same bytes, and prints MB/s and the ratios.

#[path = "common/oracle.rs"]
mod oracle;

use refvm_bytecode::marshal;
use std::time::Instant;

fn best_of<T>(n: usize, mut f: impl FnMut() -> T) -> f64 {
    (0..n)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    let files = oracle::stdlib_files();
    let mut blobs: Vec<Vec<u8>> = Vec::new();
    for chunk in files.chunks(400) {
        blobs.extend(
            oracle::compile_batch(chunk, false)
                .into_iter()
                .filter_map(|c| c.pyc.map(|p| p[16..].to_vec())),
        );
    }
    let total: usize = blobs.iter().map(Vec::len).sum();
    let mb = total as f64 / 1e6;
    let codes: Vec<_> = blobs
        .iter()
        .map(|b| marshal::loads(b).expect("loads"))
        .collect();
    let t_load = best_of(5, || {
        blobs
            .iter()
            .map(|b| marshal::loads(b).map(|c| c.code.len()).unwrap_or(0))
            .sum::<usize>()
    });
    let t_dump = best_of(5, || {
        codes
            .iter()
            .map(|c| marshal::dumps(c).map(|b| b.len()).unwrap_or(0))
            .sum::<usize>()
    });
    // CPython on the same bytes, in this run.
    let mut input = Vec::new();
    for b in &blobs {
        input.extend_from_slice(&(b.len() as u64).to_le_bytes());
        input.extend_from_slice(b);
    }
    let script = r#"
import sys, marshal, time
data = sys.stdin.buffer.read(); blobs = []; i = 0
while i < len(data):
    n = int.from_bytes(data[i:i+8], 'little'); blobs.append(data[i+8:i+8+n]); i += 8 + n
def best(f):
    r = []
    for _ in range(5):
        t = time.perf_counter(); f(); r.append(time.perf_counter() - t)
    return min(r)
codes = [marshal.loads(b) for b in blobs]
print(best(lambda: [marshal.loads(b) for b in blobs]), best(lambda: [marshal.dumps(c) for c in codes]))
"#;
    let out = std::process::Command::new("python3")
        .args(["-c", script])
        .env("PYTHONHASHSEED", "0")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().expect("stdin").write_all(&input)?;
            child.wait_with_output()
        })
        .expect("python3");
    let text = String::from_utf8_lossy(&out.stdout);
    let mut it = text
        .split_whitespace()
        .filter_map(|s| s.parse::<f64>().ok());
    let (c_load, c_dump) = (it.next().unwrap_or(f64::NAN), it.next().unwrap_or(f64::NAN));
    println!("{} modules, {mb:.1} MB of marshal data", blobs.len());
    println!(
        "loads: refvm {:.0} MB/s, CPython {:.0} MB/s (refvm {:.2}x)",
        mb / t_load,
        mb / c_load,
        c_load / t_load
    );
    println!(
        "dumps: refvm {:.0} MB/s, CPython {:.0} MB/s (refvm {:.2}x)",
        mb / t_dump,
        mb / c_dump,
        c_dump / t_dump
    );
}
