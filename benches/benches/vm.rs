//! Execution of the `corpus/bench` programs (at reduced sizes): refvm's compiler + VM
//! (`compile_source` then `refvm_runtime::run`, output captured) against CPython's
//! `exec(compile(src, path, "exec"))` with stdout redirected, on the same files in the
//! same run; then a line per program with the median refvm/CPython time ratio of
//! interleaved rounds (the figure `pyconform bench` reports; below 1 means refvm is faster).
//!
//! ```text
//! cargo bench -p pyconform-benches --bench vm
//! ```

use criterion::{Criterion, criterion_group, criterion_main};
use pyconform_benches::Cpython;
use refvm_compiler::{CompileOptions, compile_source};
use refvm_runtime::{RunConfig, RunStatus};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// (program, `sys.argv[1]`): sizes giving tens of milliseconds per run.
const PROGRAMS: &[(&str, &str)] = &[
    ("fib.py", "20"),
    ("int_loops.py", "300"),
    ("nbody.py", "2000"),
    ("method_calls.py", "20000"),
    ("spectral_norm.py", "40"),
];

fn bench_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus/bench")
}

/// Compiles and runs one program on refvm; panics if it does not complete (a benchmark of
/// a failing run would measure nothing).
fn refvm_run(path: &str, src: &[u8], arg: &str) {
    let code = compile_source(src, &CompileOptions::new(path)).expect("refvm compiles it");
    let config = RunConfig {
        argv: vec![path.to_owned(), arg.to_owned()],
        module_dir: Path::new(path).parent().map(Path::to_path_buf),
        ..RunConfig::default()
    };
    let r = refvm_runtime::run(Arc::new(code), &config);
    assert!(r.status == RunStatus::Completed, "{path} failed on refvm");
    std::hint::black_box(r.stdout.len());
}

/// Interleaved rounds of one refvm run and one CPython run; prints the medians and the
/// median of the per-round refvm/CPython time ratios.
fn paired(label: &str, rounds: usize, cpython: &mut Cpython, mut refvm: impl FnMut()) {
    let (mut ours, mut theirs, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..rounds {
        let t = std::time::Instant::now();
        refvm();
        let a = t.elapsed().as_secs_f64();
        let b = cpython.run(1).as_secs_f64();
        ours.push(a);
        theirs.push(b);
        ratios.push(a / b);
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    println!(
        "{label}: refvm {:.1} ms, CPython {:.1} ms; refvm/CPython time {:.2} (median of {rounds} paired rounds)",
        median(&mut ours) * 1e3,
        median(&mut theirs) * 1e3,
        median(&mut ratios)
    );
}

fn bench_vm(c: &mut Criterion) {
    let dir = bench_dir();
    for &(name, arg) in PROGRAMS {
        let path = dir.join(name).to_string_lossy().into_owned();
        let src = std::fs::read(&path).expect("bench program");
        let files = vec![(path.clone(), src.clone())];
        let stmt = format!(
            "sys.argv = [p, {arg:?}]; o = sys.stdout; sys.stdout = __import__('io').StringIO(); \
             exec(compile(s, p, 'exec'), {{'__name__': '__main__'}}); sys.stdout = o"
        );
        let mut cpython = Cpython::start(&files, &stmt);
        let mut group = c.benchmark_group(format!("vm_{}", name.trim_end_matches(".py")));
        group.sample_size(10);
        group.measurement_time(Duration::from_secs(5));
        group.bench_function("refvm", |b| b.iter(|| refvm_run(&path, &src, arg)));
        group.bench_function("cpython", |b| b.iter_custom(|iters| cpython.run(iters)));
        group.finish();
        paired(name, 9, &mut cpython, || refvm_run(&path, &src, arg));
    }
}

criterion_group!(benches, bench_vm);
criterion_main!(benches);
