//! `pyconform overhead [PATH...]`: measures what a worker round trip costs per program
//! on top of a bare in-process `exec(compile(src))` in CPython. Prints medians; this is
//! a measurement command, not a test.

use super::LimitArgs;
use crate::engine::cpython::{CpythonEngine, OverheadSample};
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
    /// Bare runs per round trip (the best one counts: a warm, back-to-back exec).
    #[arg(long, default_value_t = 5)]
    pub bare_runs: u32,
    /// Leave out the refcount/gc probes (their `gc.collect()` is a layer, not transport).
    #[arg(long)]
    pub no_probes: bool,
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
    let mut cols: [Vec<f64>; 6] = Default::default();
    let mut cleanups = Vec::new();
    let mut used = 0;
    for p in &programs {
        let mut samples = Vec::new();
        for _ in 0..args.repeat.max(1) {
            match engine.overhead_sample(p, args.bare_runs.max(1), !args.no_probes) {
                Ok(s) => samples.push(s),
                Err(_) => break,
            }
        }
        if samples.is_empty() {
            continue;
        }
        used += 1;
        let best = |f: &dyn Fn(&OverheadSample) -> u64| {
            samples.iter().map(f).min().unwrap_or(0) as f64 / 1e3
        };
        let bare = best(&|s| s.bare_ns);
        let round_trip = best(&|s| s.round_trip_ns);
        let transport = best(&|s| s.round_trip_ns.saturating_sub(s.worker_ns));
        let bookkeeping = best(&|s| s.worker_ns.saturating_sub(s.program_ns));
        let ping = best(&|s| s.ping_ns);
        let program = best(&|s| s.program_ns);
        if let Some(c) = samples.iter().filter_map(|s| s.cleanup_ns).min() {
            cleanups.push(c as f64 / 1e3);
        }
        for (col, v) in cols.iter_mut().zip([
            bare,
            round_trip - bare,
            transport,
            bookkeeping,
            ping,
            program - bare,
        ]) {
            col.push(v);
        }
    }
    println!(
        "CPython {} · {used} programs × {} round trips{} (best of each, then the median over programs)",
        engine.version(),
        args.repeat,
        if args.no_probes { ", no probes" } else { "" }
    );
    let [bare, over, transport, bookkeeping, ping, slower] = &mut cols;
    println!(
        "bare in-process exec(compile(src)):            {:8.1} µs",
        median(bare)
    );
    println!(
        "harness overhead (round trip − bare exec):     {:8.1} µs",
        median(over)
    );
    println!(
        "  of which pipes + JSON (round trip − worker): {:8.1} µs",
        median(transport)
    );
    println!(
        "  of which isolation/probes in the worker:     {:8.1} µs",
        median(bookkeeping)
    );
    println!(
        "  of which the program's compile+exec in the worker − bare: {:8.1} µs",
        median(slower)
    );
    println!(
        "  (an empty request's round trip, the floor:   {:8.1} µs)",
        median(ping)
    );
    println!(
        "worker cleanup after each run (off the round trip, overlapping the parent's work): {:8.1} µs",
        median(&mut cleanups)
    );
    Ok(())
}
