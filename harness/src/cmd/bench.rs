//! `pyconform bench [DIR]` (default `corpus/bench`): each benchmark program on refvm
//! (its own compiler and VM, in-process) and on CPython (a worker), interleaved, several
//! times; checks both print the same; writes per-program median execute times, the
//! refvm/CPython ratio with its spread and the geometric mean as `bench.csv`,
//! `bench.md` and `bench.html` (see [`crate::report::bench`]).

use super::LimitArgs;
use crate::engine::cpython::CpythonEngine;
use crate::engine::refvm::RefvmEngine;
use crate::observe::{RunObs, Stage};
use crate::program::{Program, Selection, discover};
use crate::report::bench::{BenchReport, BenchRow, write_reports};
use clap::Args;
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct BenchArgs {
    /// A directory of benchmark programs (or one program).
    #[arg(default_value = "corpus/bench")]
    pub dir: PathBuf,
    /// Timed runs per program and engine (the median counts).
    #[arg(long, default_value_t = 5)]
    pub runs: u32,
    /// Only programs whose path relative to DIR matches this glob.
    #[arg(long)]
    pub filter: Option<String>,
    /// Where bench.csv, bench.md and bench.html go.
    #[arg(long, default_value = "reports")]
    pub out: PathBuf,
    #[command(flatten)]
    pub limits: LimitArgs,
}

/// The median of `v` (mean of the middle two for an even count).
pub fn median(v: &[f64]) -> f64 {
    let mut v: Vec<f64> = v.iter().copied().filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort_by(f64::total_cmp);
    let mid = v.len() / 2;
    if v.len().is_multiple_of(2) {
        (v[mid - 1] + v[mid]) / 2.0
    } else {
        v[mid]
    }
}

/// The geometric mean of positive finite values (`None` when there are none).
pub fn geomean(v: &[f64]) -> Option<f64> {
    let logs: Vec<f64> = v
        .iter()
        .filter(|x| x.is_finite() && **x > 0.0)
        .map(|x| x.ln())
        .collect();
    (!logs.is_empty()).then(|| (logs.iter().sum::<f64>() / logs.len() as f64).exp())
}

fn exec_secs(r: &Stage<RunObs>) -> Result<(f64, &RunObs), String> {
    match r {
        Stage::Ok(o) => match o.exec_ns {
            Some(ns) if o.exit_code == 0 => Ok((ns as f64 / 1e9, o)),
            _ => Err(format!(
                "exit status {}: {}",
                o.exit_code,
                String::from_utf8_lossy(o.stderr.as_deref().unwrap_or_default())
                    .lines()
                    .last()
                    .unwrap_or("")
            )),
        },
        Stage::Failed(outcome, detail) => Err(format!("{outcome}: {detail}")),
        Stage::Unsupported(d) => Err(format!("unsupported: {d}")),
        Stage::Skip(d) => Err(format!("skipped: {d}")),
    }
}

/// Benchmarks one program: `runs` interleaved pairs of runs.
fn bench_one(
    cpython: &CpythonEngine,
    refvm: &RefvmEngine,
    p: &Program,
    runs: u32,
) -> Result<BenchRow, String> {
    let source = std::fs::read(&p.abs).map_err(|e| format!("{}: {e}", p.display))?;
    let abs = p.abs.to_string_lossy();
    let compiled = refvm.compile(&source, &abs);
    let code = match compiled.code {
        Stage::Ok(Ok(code)) => code,
        Stage::Ok(Err(e)) => return Err(format!("refvm's compiler raised {}", e.render())),
        _ => return Err("refvm's compiler failed".to_owned()),
    };
    let (mut c_times, mut r_times, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    let mut same_output = true;
    for i in 0..runs.max(1) {
        // Alternate which engine goes first so drift affects both alike.
        let (c, r) = if i % 2 == 0 {
            let c = cpython.run_source(p);
            (c, refvm.run(std::sync::Arc::clone(&code), p, None))
        } else {
            let r = refvm.run(std::sync::Arc::clone(&code), p, None);
            (cpython.run_source(p), r)
        };
        let (ct, co) = exec_secs(&c).map_err(|e| format!("CPython: {e}"))?;
        let (rt, ro) = exec_secs(&r).map_err(|e| format!("refvm: {e}"))?;
        same_output &= co.stdout == ro.stdout;
        c_times.push(ct);
        r_times.push(rt);
        ratios.push(rt / ct.max(1e-12));
    }
    let lo = ratios.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = ratios.iter().copied().fold(0.0f64, f64::max);
    let (cm, rm) = (median(&c_times), median(&r_times));
    Ok(BenchRow {
        program: p.rel.clone(),
        runs: runs.max(1),
        cpython_s: cm,
        refvm_s: rm,
        ratio: rm / cm.max(1e-12),
        ratio_min: lo,
        ratio_max: hi,
        same_output,
        error: None,
    })
}

pub fn main(args: &BenchArgs) -> Result<(), String> {
    let filter = args
        .filter
        .as_deref()
        .map(glob::Pattern::new)
        .transpose()
        .map_err(|e| format!("--filter: {e}"))?;
    let programs = if args.dir.is_file() {
        vec![Program::from_path(&args.dir).map_err(|e| format!("{}: {e}", args.dir.display()))?]
    } else {
        discover(
            &args.dir,
            &Selection {
                filter,
                ..Selection::default()
            },
        )
        .map_err(|e| format!("{}: {e}", args.dir.display()))?
    };
    if programs.is_empty() {
        return Err(format!("{}: no programs", args.dir.display()));
    }
    let mut limits = args.limits.limits();
    // Benchmarks run long: the wall clock, not fuel, bounds them here.
    limits.fuel = u64::MAX / 2;
    limits.timeout = limits.timeout.max(std::time::Duration::from_secs(300));
    limits.refvm_hang = limits.refvm_hang.max(std::time::Duration::from_secs(600));
    let cpython = CpythonEngine::start(limits.clone(), None)?;
    let refvm = RefvmEngine::new(limits);
    let mut rows = Vec::new();
    for p in &programs {
        eprint!("{} ... ", p.rel);
        let row = bench_one(&cpython, &refvm, p, args.runs).unwrap_or_else(|e| BenchRow {
            program: p.rel.clone(),
            runs: 0,
            cpython_s: f64::NAN,
            refvm_s: f64::NAN,
            ratio: f64::NAN,
            ratio_min: f64::NAN,
            ratio_max: f64::NAN,
            same_output: false,
            error: Some(e),
        });
        match &row.error {
            None => eprintln!(
                "{:.3} s / {:.3} s = {:.2}× [{:.2}–{:.2}]{}",
                row.refvm_s,
                row.cpython_s,
                row.ratio,
                row.ratio_min,
                row.ratio_max,
                if row.same_output {
                    ""
                } else {
                    " OUTPUT DIFFERS"
                }
            ),
            Some(e) => eprintln!("error: {e}"),
        }
        rows.push(row);
    }
    let report = BenchReport {
        cpython_version: cpython.version().to_owned(),
        libpython: cpython.libpython().to_owned(),
        refvm_commit: crate::env::refvm_commit(),
        dir: args.dir.to_string_lossy().into_owned(),
        geomean: geomean(
            &rows
                .iter()
                .filter(|r| r.error.is_none())
                .map(|r| r.ratio)
                .collect::<Vec<_>>(),
        ),
        rows,
    };
    print!("{}", report.markdown());
    for p in write_reports(&args.out, &report)? {
        println!("wrote {}", p.display());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_and_geomean() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), 2.5);
        assert!(median(&[]).is_nan());
        let g = geomean(&[2.0, 8.0]).unwrap_or(0.0);
        assert!((g - 4.0).abs() < 1e-12);
        assert_eq!(geomean(&[f64::NAN]), None);
    }
}
