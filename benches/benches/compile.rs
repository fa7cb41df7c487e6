//! Source → code objects over a sample of the installed standard library: refvm's
//! `compile_source` (tokenizer, parser, AST optimiser, symbol table, code generator,
//! assembler) against CPython's `compile(src, path, "exec")` on the same files in the
//! same run. CPython is a `python3` child that times its own `compile()` calls with
//! `perf_counter_ns` (criterion's `iter_custom`), so only compilation is measured.
//!
//! ```text
//! cargo bench -p pyconform-benches --bench compile
//! ```

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use refvm_compiler::{CompileOptions, compile_source};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::time::Duration;

const STDLIB: &str = "/root/.pyenv/versions/3.11.7/lib/python3.11";

fn py_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            if !p.file_name().is_some_and(|n| n == "site-packages" || n == "__pycache__") {
                py_files(&p, out);
            }
        } else if p.extension().is_some_and(|e| e == "py") {
            out.push(p);
        }
    }
}

/// Every 20th stdlib file that both refvm and CPython compile.
fn sample() -> Vec<(String, Vec<u8>)> {
    let mut all = Vec::new();
    py_files(Path::new(STDLIB), &mut all);
    all.into_iter()
        .step_by(20)
        .filter_map(|p| {
            let src = std::fs::read(&p).ok()?;
            let name = p.to_string_lossy().into_owned();
            compile_source(&src, &CompileOptions::new(&name)).ok()?;
            Some((name, src))
        })
        .collect()
}

const CPYTHON_DRIVER: &str = r#"
import sys, time
paths = [l.rstrip("\n") for l in iter(sys.stdin.readline, "END\n")]
srcs = [(p, open(p, "rb").read()) for p in paths]
print("ready", flush=True)
for line in sys.stdin:
    n = int(line)
    total = 0
    for _ in range(n):
        t = time.perf_counter_ns()
        for p, s in srcs:
            compile(s, p, "exec", dont_inherit=True)
        total += time.perf_counter_ns() - t
    print(total, flush=True)
"#;

struct Cpython {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

impl Cpython {
    fn start(files: &[(String, Vec<u8>)]) -> Cpython {
        let mut child = Command::new("python3")
            .args(["-c", CPYTHON_DRIVER])
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
        Cpython { child, stdin, stdout }
    }

    /// Total time CPython spent compiling the sample `iters` times.
    fn compile(&mut self, iters: u64) -> Duration {
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

fn bench_compile(c: &mut Criterion) {
    let files = sample();
    let bytes: usize = files.iter().map(|(_, s)| s.len()).sum();
    let mut cpython = Cpython::start(&files);
    let mut group = c.benchmark_group("compile_stdlib_sample");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function("refvm", |b| {
        b.iter(|| {
            for (name, src) in &files {
                let code = compile_source(src, &CompileOptions::new(name));
                std::hint::black_box(code.is_ok());
            }
        })
    });
    group.bench_function("cpython", |b| b.iter_custom(|iters| cpython.compile(iters)));
    group.finish();
}

criterion_group!(benches, bench_compile);
criterion_main!(benches);
