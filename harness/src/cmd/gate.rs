//! `pyconform gate --baseline FILE [--results FILE] [--update]`: exit 1 when a program ×
//! layer that passed in the baseline does not pass now, or on a new crash/panic.

use crate::gate::compare;
use crate::results::read_csv;
use clap::Args;
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct GateArgs {
    /// The committed baseline (e.g. reports/baseline.csv).
    #[arg(long)]
    pub baseline: PathBuf,
    /// This run's results.
    #[arg(long, default_value = "reports/results.csv")]
    pub results: PathBuf,
    /// Rewrite the baseline with these results (after printing the comparison).
    #[arg(long)]
    pub update: bool,
}

/// Returns whether the gate passes.
pub fn main(args: &GateArgs) -> Result<bool, String> {
    let current = read_csv(&args.results)?;
    let baseline = if args.update && !args.baseline.exists() {
        Vec::new()
    } else {
        read_csv(&args.baseline)?
    };
    let report = compare(&baseline, &current);
    print!("{}", report.render());
    if args.update {
        std::fs::copy(&args.results, &args.baseline).map_err(|e| {
            format!(
                "{} → {}: {e}",
                args.results.display(),
                args.baseline.display()
            )
        })?;
        println!(
            "baseline {} updated from {} ({} programs)",
            args.baseline.display(),
            args.results.display(),
            current.len()
        );
        return Ok(true);
    }
    Ok(!report.failed())
}
