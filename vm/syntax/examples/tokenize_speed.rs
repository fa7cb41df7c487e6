//! Measures tokenizer throughput over the oracle's standard library, files read up front:
//! the token stream alone, and the full `python3 -m tokenize -e` report; then CPython's
//! `tokenize.tokenize` over the same files (in memory too), for the ratio.
//!
//! ```text
//! cargo run --release -p refvm-syntax --example tokenize_speed [-- DIR]
//! ```

#[path = "../tests/support/oracle.rs"]
mod oracle;

use refvm_syntax::tokenize::{Token, TokenSink, tokenize};
use std::io::Write;
use std::process::{Command, Stdio};
use std::time::Instant;

/// Seconds CPython's `tokenize.tokenize` takes over `files` (read into memory first).
fn cpython_seconds(files: &[std::path::PathBuf]) -> Option<f64> {
    let script = r#"
import io, sys, time, tokenize
srcs = [open(p, "rb").read() for p in sys.stdin.read().split("\n") if p]
t = time.perf_counter()
for s in srcs:
    try:
        for _ in tokenize.tokenize(io.BytesIO(s).readline):
            pass
    except Exception:
        pass
print(time.perf_counter() - t)
"#;
    let mut child = Command::new("timeout")
        .args(["1200", "python3", "-c", script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .ok()?;
    let list: String = files.iter().map(|f| format!("{}\n", f.display())).collect();
    child.stdin.take()?.write_all(list.as_bytes()).ok()?;
    let out = child.wait_with_output().ok()?;
    String::from_utf8_lossy(&out.stdout).trim().parse().ok()
}

struct Count(usize);

impl TokenSink for Count {
    fn token(&mut self, _: Token<'_>) {
        self.0 += 1;
    }
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .map(Into::into)
        .unwrap_or_else(oracle::stdlib_dir);
    let files = oracle::python_files(&dir, &["site-packages"]);
    let sources: Vec<Vec<u8>> = files.iter().filter_map(|f| std::fs::read(f).ok()).collect();
    let mb = sources.iter().map(Vec::len).sum::<usize>() as f64 / 1e6;
    let mut best = f64::INFINITY;
    for round in 0..3 {
        let t = Instant::now();
        let mut n = 0;
        for s in &sources {
            let mut c = Count(0);
            let _ = tokenize(s, Some("f.py"), &mut c);
            n += c.0;
        }
        let tokens_s = t.elapsed().as_secs_f64();
        best = best.min(tokens_s);
        let t = Instant::now();
        let mut out = 0;
        for s in &sources {
            out += refvm_syntax::tokenize_report(s, "f.py").map_or(0, |r| r.stdout.len());
        }
        let report_s = t.elapsed().as_secs_f64();
        println!(
            "round {round}: {mb:.1} MB, {n} tokens: tokens {:.0} MB/s, report {:.0} MB/s ({:.0} MB printed)",
            mb / tokens_s,
            mb / report_s,
            out as f64 / 1e6
        );
    }
    if let Some(py) = cpython_seconds(&files) {
        println!(
            "CPython tokenize.tokenize: {:.1} MB/s; refvm is {:.0}x faster (best round)",
            mb / py,
            py / best
        );
    }
}
