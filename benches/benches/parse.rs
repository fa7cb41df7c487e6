//! Tokenize + parse over a sample of the installed standard library: refvm's
//! `parse_module` (decode, lexer, PEG parser, AST construction) against CPython's
//! `ast.parse(src, path)` on the same bytes in the same run, reported as MB/s by criterion
//! and as a refvm/CPython ratio from paired rounds (see `pyconform_benches::paired_ratio`).
//!
//! ```text
//! cargo bench -p pyconform-benches --bench parse
//! ```

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use pyconform_benches::{Cpython, paired_ratio, stdlib_sample};
use std::time::Duration;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn parse_all(files: &[(String, Vec<u8>)]) {
    for (name, src) in files {
        let m = refvm_syntax::parse_module(src, name);
        std::hint::black_box(m.is_ok());
    }
}

fn bench_parse(c: &mut Criterion) {
    // Every 20th stdlib file that refvm parses.
    let files = stdlib_sample(20, |name, src| {
        refvm_syntax::parse_module(src, name).is_ok()
    });
    let bytes: usize = files.iter().map(|(_, s)| s.len()).sum();
    let mut cpython = Cpython::start(&files, "ast.parse(s, p)");
    let mut group = c.benchmark_group("parse_stdlib_sample");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("refvm", |b| b.iter(|| parse_all(&files)));
    group.bench_function("cpython", |b| b.iter_custom(|iters| cpython.run(iters)));
    group.finish();
    paired_ratio("parse", bytes, 15, &mut cpython, || parse_all(&files));
}

criterion_group!(benches, bench_parse);
criterion_main!(benches);
