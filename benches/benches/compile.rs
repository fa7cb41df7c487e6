//! Source → code objects over a sample of the installed standard library: refvm's
//! `compile_source` (tokenizer, parser, AST optimiser, symbol table, code generator,
//! assembler) against CPython's `compile(src, path, "exec")` on the same files in the
//! same run; then a paired-rounds ratio line (see `pyconform_benches::paired_ratio`).
//!
//! ```text
//! cargo bench -p pyconform-benches --bench compile
//! ```

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use pyconform_benches::{Cpython, paired_ratio, stdlib_sample};
use refvm_compiler::{CompileOptions, compile_source};
use std::time::Duration;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn compile_all(files: &[(String, Vec<u8>)]) {
    for (name, src) in files {
        let code = compile_source(src, &CompileOptions::new(name));
        std::hint::black_box(code.is_ok());
    }
}

fn bench_compile(c: &mut Criterion) {
    // Every 20th stdlib file that refvm compiles.
    let files = stdlib_sample(20, |name, src| {
        compile_source(src, &CompileOptions::new(name)).is_ok()
    });
    let bytes: usize = files.iter().map(|(_, s)| s.len()).sum();
    let mut cpython = Cpython::start(&files, r#"compile(s, p, "exec", dont_inherit=True)"#);
    let mut group = c.benchmark_group("compile_stdlib_sample");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("refvm", |b| b.iter(|| compile_all(&files)));
    group.bench_function("cpython", |b| b.iter_custom(|iters| cpython.run(iters)));
    group.finish();
    paired_ratio("compile", bytes, 15, &mut cpython, || compile_all(&files));
}

criterion_group!(benches, bench_compile);
criterion_main!(benches);
