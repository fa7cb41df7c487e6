//! `pyconform overhead [PATH...]`: measures what a worker round trip costs per program
//! on top of a bare in-process `exec(compile(src))` in CPython. Prints medians; this is
//! a measurement command, not a test.

use super::LimitArgs;
use crate::engine::cpython::CpythonEngine;
use crate::program::{Program, Selection, discover};
use clap::Args;
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct OverheadArgs {
    /// Programs, or directories of programs (default: corpus).
    #[arg(default_value = "corpus")]
    pub paths: Vec<PathBuf>,
    /// Round trips per program.
    #[arg(long, default_value_t = 20)]
    pub repeat: u32,
    #[command(flatten)]
    pub limits: LimitArgs,
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    if v.is_empty() {
        f64::NAN
    } else {
        v[v.len() / 2]
    }
}

pub fn main(args: &OverheadArgs) -> Result<(), String> {
    let mut programs = Vec::new();
    for p in &args.paths {
        if p.is_dir() {
            programs.extend(
                discover(p, &Selection::default()).map_err(|e| format!("{}: {e}", p.display()))?,
            );
        } else {
            programs.push(Program::from_path(p).map_err(|e| format!("{}: {e}", p.display()))?);
        }
    }
    let mut limits = args.limits.limits();
    limits.recycle_after = usize::MAX;
    let engine = CpythonEngine::start(limits, None)?;
    let (mut over_worker, mut over_bare, mut bare_all) = (Vec::new(), Vec::new(), Vec::new());
    let mut used = 0;
    for p in &programs {
        let mut samples = Vec::new();
        for _ in 0..args.repeat.max(1) {
            match engine.overhead_sample(p, 5) {
                Ok(s) => samples.push(s),
                Err(_) => break,
            }
        }
        if samples.is_empty() {
            continue;
        }
        used += 1;
        let best_rt = samples.iter().map(|s| s.0).min().unwrap_or(0) as f64;
        let best_in = samples.iter().map(|s| s.1).min().unwrap_or(0) as f64;
        let best_bare = samples.iter().map(|s| s.2).min().unwrap_or(0) as f64;
        over_worker.push((best_rt - best_in) / 1e3);
        over_bare.push((best_rt - best_bare) / 1e3);
        bare_all.push(best_bare / 1e3);
    }
    println!(
        "CPython {} · {used} programs × {} round trips (best of each)",
        engine.version(),
        args.repeat
    );
    println!(
        "bare in-process exec(compile(src)):           median {:.1} µs",
        median(&mut bare_all)
    );
    println!(
        "round trip − compile+exec inside the worker:  median {:.1} µs",
        median(&mut over_worker)
    );
    println!(
        "round trip − bare exec (harness overhead):    median {:.1} µs",
        median(&mut over_bare)
    );
    Ok(())
}
