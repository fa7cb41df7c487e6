//! Report writers. One results model in, five files out (default `reports/`):
//! `results.csv` (one row per program: the gate's input), `results.json` (everything,
//! matrix cells and divergence diffs included), `junit.xml` (CI test reporters),
//! `summary.md` (a pull-request comment) and `index.html` (self-contained, SVG charts).
//! Every report names the CPython version embedded and the refvm commit.

pub mod bench;
pub mod html;
pub mod junit;
pub mod stats;
pub mod summary;
pub mod svg;

use crate::gate;
use crate::known::{Flaky, Stale};
use crate::results::{ResultsFile, Row, write_csv};
use std::path::{Path, PathBuf};

/// What the writers are given besides the results.
#[derive(Clone, Debug, Default)]
pub struct Extras {
    /// The baseline's rows and its path, for fixed/broken/new-panic lists.
    pub baseline: Option<(String, Vec<Row>)>,
    /// Ledger entries that no longer describe the run (see `Ledger::apply`).
    pub stale_known: Vec<Stale>,
    /// The ledger's known-flaky cells (the baseline comparison tolerates them).
    pub flaky: Vec<Flaky>,
}

/// Writes every report into `dir` (created if needed); returns the paths written.
pub fn write_all(
    dir: &Path,
    results: &ResultsFile,
    extras: &Extras,
) -> Result<Vec<PathBuf>, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let rows: Vec<Row> = results.programs.iter().map(|p| p.row()).collect();
    let gate = extras.baseline.as_ref().map(|(name, base)| {
        let mut g = gate::compare(base, &rows);
        gate::tolerate(&mut g, &extras.flaky);
        (name.as_str(), g)
    });
    let stats = stats::Stats::of(&results.programs);
    let mut written = Vec::new();
    let mut put = |name: &str, text: String| -> Result<(), String> {
        let path = dir.join(name);
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
        written.push(path);
        Ok(())
    };
    let csv_path = dir.join("results.csv");
    write_csv(&csv_path, &rows)?;
    put(
        "results.json",
        serde_json::to_string_pretty(results).map_err(|e| e.to_string())?,
    )?;
    put("junit.xml", junit::render(results))?;
    put(
        "summary.md",
        summary::render(
            results,
            &stats,
            gate.as_ref().map(|(n, g)| (*n, g)),
            &extras.stale_known,
        ),
    )?;
    put(
        "index.html",
        html::render(results, &stats, gate.as_ref().map(|(n, g)| (*n, g))),
    )?;
    written.insert(0, csv_path);
    Ok(written)
}

/// Reads `results.json`.
pub fn read_json(path: &Path) -> Result<ResultsFile, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}
