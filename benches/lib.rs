//! Shared helpers for the criterion benchmarks in this directory: every benchmark pairs
//! refvm with CPython on the same input in the same run. CPython is a `python3` child that
//! reads the same files up front and times only the measured call with `perf_counter_ns`
//! (criterion's `iter_custom`), so interpreter start-up and file reading are excluded.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

/// The oracle's standard library (test suite included).
pub const STDLIB: &str = "/root/.pyenv/versions/3.11.7/lib/python3.11";

/// Every `.py` file under `dir`, sorted, skipping `site-packages` and `__pycache__`.
pub fn py_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            if !p
                .file_name()
                .is_some_and(|n| n == "site-packages" || n == "__pycache__")
            {
                py_files(&p, out);
            }
        } else if p.extension().is_some_and(|e| e == "py") {
            out.push(p);
        }
    }
}

/// Every `step`th stdlib file that `keep` accepts, as (path, bytes).
pub fn stdlib_sample(step: usize, keep: impl Fn(&str, &[u8]) -> bool) -> Vec<(String, Vec<u8>)> {
    let mut all = Vec::new();
    py_files(Path::new(STDLIB), &mut all);
    all.into_iter()
        .step_by(step.max(1))
        .filter_map(|p| {
            let src = std::fs::read(&p).ok()?;
            let name = p.to_string_lossy().into_owned();
            keep(&name, &src).then_some((name, src))
        })
        .collect()
}

/// The child's loop: `STMT` is run on every `(p, s)` (path, source bytes) per iteration.
const DRIVER: &str = r#"
import sys, time, ast
paths = [l.rstrip("\n") for l in iter(sys.stdin.readline, "END\n")]
srcs = [(p, open(p, "rb").read()) for p in paths]
def run(p, s):
    STMT
print("ready", flush=True)
for line in sys.stdin:
    n = int(line)
    total = 0
    for _ in range(n):
        t = time.perf_counter_ns()
        for p, s in srcs:
            run(p, s)
        total += time.perf_counter_ns() - t
    print(total, flush=True)
"#;

/// A `python3` child that times one statement over a fixed set of files.
pub struct Cpython {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

impl Cpython {
    /// Starts the child; `stmt` is one Python statement using `p` (path) and `s` (bytes),
    /// e.g. `compile(s, p, "exec", dont_inherit=True)`.
    pub fn start(files: &[(String, Vec<u8>)], stmt: &str) -> Cpython {
        let mut child = Command::new("python3")
            .args(["-c", &DRIVER.replace("STMT", stmt)])
            .env("PYTHONHASHSEED", "0")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("python3 on PATH");
        let mut stdin = child.stdin.take().expect("stdin");
        let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
        for (p, _) in files {
            writeln!(stdin, "{p}").expect("write");
        }
        writeln!(stdin, "END").expect("write");
        let mut line = String::new();
        stdout.read_line(&mut line).expect("ready");
        assert_eq!(line.trim(), "ready", "python3 driver failed to start");
        Cpython {
            child,
            stdin,
            stdout,
        }
    }

    /// Total time CPython spent running the statement over every file, `iters` times.
    pub fn run(&mut self, iters: u64) -> Duration {
        writeln!(self.stdin, "{iters}").expect("write");
        let mut line = String::new();
        self.stdout.read_line(&mut line).expect("read");
        Duration::from_nanos(line.trim().parse().expect("ns"))
    }
}

impl Drop for Cpython {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Interleaved rounds of one refvm pass and one CPython pass over the sample; prints the
/// median of each, their throughput in MB/s and the refvm/CPython speed ratio (how many
/// times faster refvm is; below 1 means slower). Pairing the rounds cancels most of the
/// load drift of a shared machine.
pub fn paired_ratio(
    label: &str,
    bytes: usize,
    rounds: usize,
    cpython: &mut Cpython,
    mut refvm: impl FnMut(),
) {
    let mut ours = Vec::with_capacity(rounds);
    let mut theirs = Vec::with_capacity(rounds);
    let mut ratios = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        let t = Instant::now();
        refvm();
        let a = t.elapsed().as_secs_f64();
        let b = cpython.run(1).as_secs_f64();
        ours.push(a);
        theirs.push(b);
        ratios.push(b / a);
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let (a, b, r) = (median(&mut ours), median(&mut theirs), median(&mut ratios));
    let mb = bytes as f64 / 1e6;
    println!(
        "{label}: {:.2} MB in the sample; refvm {:.1} ms ({:.2} MB/s), CPython {:.1} ms ({:.2} MB/s); \
         refvm is {r:.2}x CPython's speed (median of {rounds} paired rounds)",
        mb,
        a * 1e3,
        mb / a,
        b * 1e3,
        mb / b,
    );
}
