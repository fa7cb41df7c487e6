//! `cargo run --release -p refvm-runtime --example bench [-- N]`: times every program in
//! corpus/bench on refvm (CPython-compiled code) and on CPython (exec of the same code
//! object, timed in-process), interleaved, median of N runs (default 3); prints ratios
//! and their geometric mean. (The criterion pairs live in benches/; this is the quick
//! report used while developing.)

#[path = "../tests/corpus_support.rs"]
mod corpus_support;

use std::process::Command;
use std::sync::Arc;
use std::time::Instant;

fn cpython_time(prog: &std::path::Path) -> Option<f64> {
    let dir = prog.parent()?;
    let name = prog.file_name()?.to_string_lossy().into_owned();
    let script = format!(
        "import sys,time\nsys.argv=[{name:?}]\nsrc=open({name:?}).read()\nc=compile(src,{name:?},'exec')\ng={{'__name__':'__main__'}}\nt=time.perf_counter()\nexec(c,g)\nprint(time.perf_counter()-t,file=sys.stderr)"
    );
    let out = Command::new("python3")
        .args(["-c", &script])
        .current_dir(dir)
        .env("PYTHONHASHSEED", "0")
        .output()
        .ok()?;
    String::from_utf8_lossy(&out.stderr)
        .trim()
        .lines()
        .last()?
        .parse()
        .ok()
}

fn refvm_time(prog: &std::path::Path) -> Option<(f64, bool)> {
    let dir = prog.parent()?.to_path_buf();
    let name = prog.file_name()?.to_string_lossy().into_owned();
    let src = std::fs::read(prog).ok()?;
    let code = Arc::new(corpus_support::cpython_compile(&dir, &name, &src).ok()?);
    let config = refvm_runtime::RunConfig {
        argv: vec![name],
        module_dir: Some(dir),
        ..Default::default()
    };
    let t = Instant::now();
    let r = refvm_runtime::run(code, &config);
    let dt = t.elapsed().as_secs_f64();
    Some((dt, r.status == refvm_runtime::RunStatus::Completed))
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(3);
    let mut progs = corpus_support::programs(Some("/bench/"));
    progs.sort();
    let mut logs = Vec::new();
    println!(
        "{:<20} {:>10} {:>10} {:>7}",
        "program", "cpython s", "refvm s", "ratio"
    );
    for p in &progs {
        let mut c = Vec::new();
        let mut r = Vec::new();
        let mut ok = true;
        for _ in 0..n {
            if let Some(t) = cpython_time(p) {
                c.push(t);
            }
            match refvm_time(p) {
                Some((t, good)) => {
                    r.push(t);
                    ok &= good;
                }
                None => ok = false,
            }
        }
        let (cm, rm) = (median(c), median(r));
        let ratio = rm / cm;
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        println!(
            "{:<20} {:>10.4} {:>10.4} {:>7.2}{}",
            name,
            cm,
            rm,
            ratio,
            if ok { "" } else { "  (refvm did not complete)" }
        );
        if ok && ratio.is_finite() {
            logs.push(ratio.ln());
        }
    }
    if !logs.is_empty() {
        let gm = (logs.iter().sum::<f64>() / logs.len() as f64).exp();
        println!(
            "geometric mean refvm/CPython: {:.2} over {} programs",
            gm,
            logs.len()
        );
    }
}
