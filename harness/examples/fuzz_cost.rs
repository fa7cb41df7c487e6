//! Where one generated program's CPU time goes on refvm's side: generate, parse,
//! compile (with and without the warnings path), VM run, marshal; per program, over
//! `N` programs of seed 1 (`cargo run --release -p pyconform --example fuzz_cost -- N`).

use pyconform::fuzz::check::thread_cpu_ns;
use pyconform::fuzz::generator::{GenConfig, generate};
use refvm_compiler::CompileOptions;
use refvm_runtime::RunConfig;
use std::sync::Arc;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    pyconform::fuzz::alloc::tune_for_many_runs();
    let n: u64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1000);
    let h = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || measure(n))
        .expect("spawn");
    h.join().expect("join");
}

fn measure(n: u64) {
    let cfg = GenConfig::preset(&std::env::args().nth(2).unwrap_or("default".into()))
        .expect("a generator preset");
    let mut t = [0u64; 7];
    let names = [
        "generate",
        "parse",
        "compile_source",
        "compile_source_with_warnings",
        "run (VM start to teardown)",
        "marshal dumps",
        "empty-program run",
    ];
    let mut bytes = 0usize;
    let empty = Arc::new(
        refvm_compiler::compile_source(b"", &CompileOptions::new("/tmp/x.py")).expect("empty"),
    );
    for i in 0..n {
        let c = thread_cpu_ns();
        let g = generate(1, i, &cfg);
        t[0] += thread_cpu_ns() - c;
        let src = g.source.as_bytes();
        bytes += src.len();
        let opts = CompileOptions::new("/tmp/fuzz_cost.py");
        // A first pass over a source is the slowest (cold caches): the three front-end
        // measurements take turns going first.
        let mut code = None;
        for k in 0..3 {
            let c = thread_cpu_ns();
            match (i as usize + k) % 3 {
                0 => drop(refvm_syntax::parse_module(src, "/tmp/fuzz_cost.py")),
                1 => drop(refvm_compiler::compile_source(src, &opts)),
                _ => code = Some(refvm_compiler::compile_source_with_warnings(src, &opts).0),
            }
            t[1 + (i as usize + k) % 3] += thread_cpu_ns() - c;
        }
        let Some(code) = code else { continue };
        let Ok(code) = code else { continue };
        let code = Arc::new(code);
        let config = RunConfig {
            fuel: Some(2_000_000_000),
            max_memory: Some(1 << 30),
            max_output: 8 << 20,
            argv: vec!["/tmp/fuzz_cost.py".into()],
            module_dir: Some("/tmp".into()),
            ..RunConfig::default()
        };
        let c = thread_cpu_ns();
        let _ = refvm_runtime::run_on_current_thread(Arc::clone(&code), &config, None);
        t[4] += thread_cpu_ns() - c;
        let c = thread_cpu_ns();
        let _ = refvm_bytecode::marshal::dumps_keeping_set_order(&code);
        t[5] += thread_cpu_ns() - c;
        let c = thread_cpu_ns();
        let _ = refvm_runtime::run_on_current_thread(Arc::clone(&empty), &config, None);
        t[6] += thread_cpu_ns() - c;
    }
    println!(
        "{n} programs, {} bytes on average; resident memory now {} MiB",
        bytes as u64 / n,
        pyconform::fuzz::campaign::rss_bytes().unwrap_or(0) >> 20
    );
    for (name, ns) in names.iter().zip(t) {
        println!("{name:>30}: {:>6.0} µs", ns as f64 / 1e3 / n as f64);
    }
}
