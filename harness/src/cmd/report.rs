//! `pyconform report merge CSV... [--out DIR]`: joins shard results (run on separate
//! machines) into one set of reports. Each CSV's sibling `results.json`, when present,
//! brings the details (diffs, matrix cells, timings).

use crate::known::Ledger;
use crate::report::{Extras, read_json, write_all};
use crate::results::{ProgramResult, ResultsFile, RunInfo, read_csv};
use clap::{Args, Subcommand};
use std::collections::BTreeMap;
use std::path::PathBuf;

#[derive(Subcommand, Debug)]
pub enum ReportCommand {
    /// Merge results.csv files (e.g. one per CI shard) into one set of reports.
    Merge(MergeArgs),
}

#[derive(Args, Debug)]
pub struct MergeArgs {
    /// results.csv files; a results.json beside each adds its details.
    #[arg(required = true)]
    pub csvs: Vec<PathBuf>,
    #[arg(long, default_value = "reports")]
    pub out: PathBuf,
    /// Baseline for the fixed/broken lists (default: OUT/baseline.csv when it exists).
    #[arg(long)]
    pub baseline: Option<PathBuf>,
    /// The known-differences ledger to annotate with (e.g. corpus/known-differences.toml).
    #[arg(long)]
    pub known: Option<PathBuf>,
}

pub fn main(cmd: &ReportCommand) -> Result<(), String> {
    let ReportCommand::Merge(args) = cmd;
    let mut programs: BTreeMap<String, ProgramResult> = BTreeMap::new();
    let mut info: Option<RunInfo> = None;
    for csv in &args.csvs {
        let rows = read_csv(csv)?;
        let json = csv.with_file_name("results.json");
        let (part_info, details) = if json.exists() {
            let f = read_json(&json)?;
            (
                Some(f.info),
                f.programs
                    .into_iter()
                    .map(|p| (p.program.clone(), p))
                    .collect(),
            )
        } else {
            (None, BTreeMap::new())
        };
        if let (Some(a), Some(b)) = (&info, &part_info)
            && (a.cpython_version != b.cpython_version || a.refvm_commit != b.refvm_commit)
        {
            eprintln!(
                "warning: {} comes from CPython {:?} / refvm {}, the first from {:?} / {}",
                csv.display(),
                b.cpython_version,
                b.refvm_commit,
                a.cpython_version,
                a.refvm_commit
            );
        }
        match (&mut info, part_info) {
            (None, p) => info = Some(p.unwrap_or_default()),
            (Some(a), Some(b)) => {
                a.wall_seconds = a.wall_seconds.max(b.wall_seconds);
                a.jobs += b.jobs;
                a.workers_started += b.workers_started;
            }
            (Some(_), None) => {}
        }
        let mut details: BTreeMap<String, ProgramResult> = details;
        for row in rows {
            let result = details
                .remove(&row.program)
                .unwrap_or_else(|| ProgramResult::from_row(&row));
            if programs.insert(row.program.clone(), result).is_some() {
                eprintln!(
                    "warning: {} appears in more than one CSV; keeping the last",
                    row.program
                );
            }
        }
    }
    let mut info = info.unwrap_or_default();
    info.shard = None;
    let mut results: Vec<ProgramResult> = programs.into_values().collect();
    // A merge may lack shards: it cannot tell that a ledger's program is gone.
    let ledger = match &args.known {
        Some(p) => Ledger::load(p)?,
        None => Ledger::default(),
    };
    let stale_known = ledger.apply(&mut results, false);
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
    for p in write_all(
        &args.out,
        &file,
        &Extras {
            baseline,
            stale_known,
            flaky: ledger.flaky.clone(),
        },
    )? {
        println!("wrote {}", p.display());
    }
    let passed = file.programs.iter().filter(|p| p.passed()).count();
    println!("{passed} passed, {} failed", file.programs.len() - passed);
    Ok(())
}
