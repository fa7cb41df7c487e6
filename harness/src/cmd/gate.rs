//! `pyconform gate --baseline FILE [--results FILE] [--update]`: exit 1 when a program ×
//! layer that passed in the baseline does not pass now, or on a new crash/panic —
//! except a known-flaky cell's listed outcome (`[[flaky]]` in the ledger; see
//! crate::gate).

use crate::gate::{compare, tolerate};
use crate::known::Ledger;
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
    /// The ledger whose `[[flaky]]` entries the gate tolerates (a missing file is an
    /// empty ledger).
    #[arg(long, default_value = "corpus/known-differences.toml")]
    pub known: PathBuf,
}

/// Returns whether the gate passes.
pub fn main(args: &GateArgs) -> Result<bool, String> {
    let current = read_csv(&args.results)?;
    let baseline = if args.update && !args.baseline.exists() {
        Vec::new()
    } else {
        read_csv(&args.baseline)?
    };
    let ledger = Ledger::load(&args.known)?;
    let mut report = compare(&baseline, &current);
    tolerate(&mut report, &ledger.flaky);
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
