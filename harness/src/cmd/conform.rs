//! `pyconform conform [DIR]`: every program of a directory on both engines, in
//! parallel, into the reports; stdout ends with `N passed, N failed`. Exits 0 even when
//! programs fail (the gate decides); non-zero only when the harness itself cannot run.

use super::{LimitArgs, default_jobs, thread_pool};
use crate::check::{Engines, check_program};
use crate::engine::cpython::CpythonEngine;
use crate::engine::refvm::RefvmEngine;
use crate::known::Ledger;
use crate::program::{Selection, discover, parse_shard};
use crate::report::{Extras, write_all};
use crate::results::{ResultsFile, RunInfo, read_csv};
use clap::Args;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Instant;

#[derive(Args, Debug)]
pub struct ConformArgs {
    /// The corpus: DIR/<feature>/<name>.py; files and directories starting with `_` are
    /// support modules, not programs.
    #[arg(default_value = "corpus")]
    pub dir: PathBuf,
    /// Programs checked in parallel (and CPython workers); default: the number of cores.
    #[arg(long)]
    pub jobs: Option<usize>,
    /// Only programs whose path relative to DIR matches this glob (e.g. `strings/*`).
    #[arg(long)]
    pub filter: Option<String>,
    /// Leave out programs whose relative path matches this glob (repeatable).
    #[arg(long)]
    pub exclude: Vec<String>,
    /// Only the K-th of N interleaved slices of the sorted program list (1-based).
    #[arg(long, value_name = "K/N")]
    pub shard: Option<String>,
    /// Where the reports go.
    #[arg(long, default_value = "reports")]
    pub out: PathBuf,
    /// Baseline for the fixed/broken lists in summary.md and index.html
    /// (default: OUT/baseline.csv when it exists).
    #[arg(long)]
    pub baseline: Option<PathBuf>,
    /// The known-differences ledger (default: DIR/known-differences.toml).
    #[arg(long)]
    pub known: Option<PathBuf>,
    /// Leak check (issue 6): also run each program this many times in one interpreter per
    /// engine and flag refvm live-object counts that keep growing where CPython's do not
    /// (writes OUT/leaks.txt); 0: off.
    #[arg(long, default_value_t = 0, value_name = "RUNS")]
    pub leak_check: usize,
    #[command(flatten)]
    pub limits: LimitArgs,
}

pub fn main(args: &ConformArgs) -> Result<(), String> {
    let started = Instant::now();
    let filter = args
        .filter
        .as_deref()
        .map(glob::Pattern::new)
        .transpose()
        .map_err(|e| format!("--filter: {e}"))?;
    let shard = args.shard.as_deref().map(parse_shard).transpose()?;
    let exclude = args
        .exclude
        .iter()
        .map(|g| glob::Pattern::new(g).map_err(|e| format!("--exclude {g}: {e}")))
        .collect::<Result<Vec<_>, _>>()?;
    let programs = discover(
        &args.dir,
        &Selection {
            filter,
            exclude,
            shard,
        },
    )
    .map_err(|e| format!("{}: {e}", args.dir.display()))?;
    let ledger = Ledger::load(
        &args
            .known
            .clone()
            .unwrap_or_else(|| args.dir.join("known-differences.toml")),
    )?;
    let jobs = args.jobs.unwrap_or_else(default_jobs).max(1);
    let limits = args.limits.limits();
    let (leak_fuel, leak_mem) = (limits.fuel, limits.max_memory);
    let engines = Engines {
        cpython: CpythonEngine::start(limits.clone(), None)?,
        refvm: RefvmEngine::new(limits),
        time_runs: args.limits.time_runs.max(1),
    };

    let bar = if std::io::stdout().is_terminal() {
        ProgressBar::with_draw_target(Some(programs.len() as u64), ProgressDrawTarget::stderr())
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template("{elapsed_precise} [{bar:40}] {pos}/{len} {msg}")
            .map_err(|e| e.to_string())?
            .progress_chars("=> "),
    );
    let pool = thread_pool(jobs)?;
    let mut results: Vec<_> = pool.install(|| {
        programs
            .par_iter()
            .with_max_len(1)
            .map(|p| {
                let r = check_program(&engines, p);
                bar.inc(1);
                bar.set_message(p.rel.clone());
                r
            })
            .collect()
    });
    bar.finish_and_clear();
    // Only a run over the whole corpus can tell that a ledger's program is gone.
    let complete = args.filter.is_none() && args.exclude.is_empty() && args.shard.is_none();
    let stale_known = ledger.apply(&mut results, complete);

    let info = RunInfo {
        cpython_version: engines.cpython.version().to_owned(),
        libpython: engines.cpython.libpython().to_owned(),
        refvm_commit: crate::env::refvm_commit(),
        dir: args.dir.to_string_lossy().into_owned(),
        shard: args.shard.clone(),
        filter: match (&args.filter, args.exclude.is_empty()) {
            (None, true) => None,
            (f, _) => Some(format!(
                "{}{}",
                f.as_deref().unwrap_or("*"),
                if args.exclude.is_empty() {
                    String::new()
                } else {
                    format!(" except {}", args.exclude.join(", "))
                }
            )),
        },
        jobs,
        wall_seconds: started.elapsed().as_secs_f64(),
        workers_started: engines.cpython.workers_started(),
    };
    let file = ResultsFile {
        info,
        programs: results,
    };
    let baseline_path = args.baseline.clone().or_else(|| {
        let p = args.out.join("baseline.csv");
        p.exists().then_some(p)
    });
    let baseline = match baseline_path {
        Some(p) => Some((p.to_string_lossy().into_owned(), read_csv(&p)?)),
        None => None,
    };
    let written = write_all(
        &args.out,
        &file,
        &Extras {
            baseline,
            stale_known: stale_known.clone(),
            flaky: ledger.flaky.clone(),
        },
    )?;
    for e in &stale_known {
        println!(
            "stale ledger entry ({}): {} [{}]",
            e.why,
            e.entry.program.as_deref().unwrap_or(""),
            e.entry.layer
        );
    }
    let passed = file.programs.iter().filter(|p| p.passed()).count();
    println!(
        "CPython {} · refvm {} · {} programs in {:.1} s ({:.1}/s, {} jobs, {} workers started)",
        file.info
            .cpython_version
            .split_whitespace()
            .next()
            .unwrap_or(""),
        file.info.refvm_commit,
        file.programs.len(),
        file.info.wall_seconds,
        file.programs.len() as f64 / file.info.wall_seconds.max(1e-9),
        jobs,
        file.info.workers_started
    );
    for p in written {
        println!("wrote {}", p.display());
    }
    println!("{passed} passed, {} failed", file.programs.len() - passed);
    if args.leak_check > 0 {
        let leaks: Vec<crate::leak::LeakResult> = pool.install(|| {
            programs
                .par_iter()
                .with_max_len(1)
                .map(|p| crate::leak::check(p, args.leak_check.max(3), leak_fuel, leak_mem))
                .collect()
        });
        let path = args.out.join("leaks.txt");
        std::fs::write(&path, crate::leak::render(&leaks))
            .map_err(|e| format!("{}: {e}", path.display()))?;
        let flagged: Vec<&str> = leaks
            .iter()
            .filter(|l| l.refvm_leaks())
            .map(|l| l.program.as_str())
            .collect();
        println!("wrote {}", path.display());
        println!(
            "leak check ({} runs): {} programs, {} refvm leaks{}{}",
            args.leak_check.max(3),
            leaks.len(),
            flagged.len(),
            if flagged.is_empty() { "" } else { ": " },
            flagged.join(", ")
        );
    }
    Ok(())
}
