//! `pyconform reduce FILE [--layer L]`: shrinks a diverging program, keeping its
//! divergence signature (the first failing layer, or `--layer`'s failure), prints the
//! reduced program and writes it beside the original (`FILE.reduced.py`).

use super::{LimitArgs, default_jobs};
use crate::check::{Engines, check_program};
use crate::cmd::fuzz::verify;
use crate::engine::cpython::CpythonEngine;
use crate::engine::refvm::RefvmEngine;
use crate::fuzz::reduce::{ReduceConfig, reduce};
use crate::fuzz::signature::{Classified, Signature, classify, poison, signature};
use crate::outcome::{Layer, Outcome};
use crate::program::Program;
use clap::Args;
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct ReduceArgs {
    /// The diverging program.
    pub file: PathBuf,
    /// Keep this layer's divergence (default: the first failing layer).
    #[arg(long)]
    pub layer: Option<Layer>,
    /// Where the reduced program goes (default: FILE with `.reduced.py`).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Threads checking candidates (and CPython workers); default: the number of cores.
    #[arg(long)]
    pub jobs: Option<usize>,
    /// Give up after this many seconds (the smallest program so far is the result).
    #[arg(long, default_value_t = 300.0)]
    pub seconds: f64,
    #[command(flatten)]
    pub limits: LimitArgs,
}

pub fn main(args: &ReduceArgs) -> Result<bool, String> {
    crate::fuzz::alloc::tune_for_many_runs();
    let source =
        std::fs::read_to_string(&args.file).map_err(|e| format!("{}: {e}", args.file.display()))?;
    let limits = args.limits.limits();
    let engines = Engines {
        cpython: CpythonEngine::start(limits.clone(), None)?,
        refvm: RefvmEngine::new(limits),
        time_runs: 1,
    };
    let program = Program::from_path(&args.file).map_err(|e| e.to_string())?;
    let result = check_program(&engines, &program);
    let sig: Signature = match args.layer {
        Some(l) => {
            let v = result
                .layers
                .get(&l)
                .ok_or_else(|| format!("no verdict for layer {l}"))?;
            if !matches!(
                v.outcome,
                Outcome::Diverge | Outcome::Crash | Outcome::Panic
            ) {
                return Err(format!("layer {l} does not diverge ({})", v.outcome));
            }
            signature(l, v)
        }
        None => match classify(&result, &poison(&result, &[])) {
            Classified::Finding(s) => s,
            Classified::Poisoned(why) => return Err(format!("the program is poisoned ({why})")),
            other => return Err(format!("nothing to reduce: {other:?}")),
        },
    };
    let jobs = args.jobs.unwrap_or_else(default_jobs).max(1);
    eprintln!("reducing {} keeping {sig}…", args.file.display());
    let scratch = std::env::temp_dir().join(format!("pyconform-reduce-{}", std::process::id()));
    let r = reduce(
        &engines,
        &source,
        &sig,
        &ReduceConfig {
            jobs,
            seconds: args.seconds,
        },
        &scratch,
    );
    let _ = std::fs::remove_dir_all(&scratch);
    if !r.reproduced {
        eprintln!("the divergence did not reproduce when checked again: flaky");
        return Ok(false);
    }
    let out = args.output.clone().unwrap_or_else(|| {
        let mut p = args.file.clone();
        p.set_extension("reduced.py");
        p
    });
    std::fs::write(&out, &r.source).map_err(|e| format!("{}: {e}", out.display()))?;
    print!("{}", r.source);
    let verified = verify(&engines, &out, &sig);
    eprintln!(
        "{} → {} lines in {:.1} s ({} checks); wrote {}{}",
        source.lines().count(),
        r.source.lines().count(),
        r.seconds,
        r.checks,
        out.display(),
        match &verified {
            Ok(()) => ", verified".to_owned(),
            Err(e) => format!(", NOT verified: {e}"),
        }
    );
    Ok(verified.is_ok())
}
