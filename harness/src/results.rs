//! The results model (per program: a verdict per layer, per matrix cell, timings) and
//! its two machine-readable forms: `results.csv` (the columns CI and the gate read) and
//! `results.json` (everything, for the HTML page and `report merge`).

use crate::diff::timing::Timing;
use crate::outcome::{Cell, Layer, Outcome, Verdict};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// Everything the harness concluded about one program.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProgramResult {
    /// Path relative to the run's directory.
    pub program: String,
    pub feature: String,
    pub layers: BTreeMap<Layer, Verdict>,
    /// The output layer's matrix cells (the oracle included).
    #[serde(default)]
    pub cells: BTreeMap<Cell, Verdict>,
    #[serde(default)]
    pub timing: Timing,
    /// Ledger entries (`known-differences.toml`) that apply: layer → reason.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub known: BTreeMap<Layer, String>,
}

impl ProgramResult {
    pub fn outcome(&self, layer: Layer) -> Outcome {
        self.layers.get(&layer).map_or(Outcome::Skip, |v| v.outcome)
    }

    /// A program passes when at least one layer was compared and every layer both
    /// engines support passes (`unsupported` and `skip` layers do not count).
    pub fn passed(&self) -> bool {
        let compared: Vec<Outcome> = Layer::ALL
            .iter()
            .map(|&l| self.outcome(l))
            .filter(|o| o.compared())
            .collect();
        !compared.is_empty() && compared.iter().all(|&o| o == Outcome::Pass)
    }

    /// The CSV row of this result.
    pub fn row(&self) -> Row {
        Row {
            program: self.program.clone(),
            feature: self.feature.clone(),
            outcomes: Layer::ALL.map(|l| self.outcome(l)),
            cpython_ns: self.timing.cpython_exec_ns,
            refvm_ns: self.timing.refvm_exec_ns,
            ratio: self.timing.exec_ratio(),
        }
    }

    /// A result rebuilt from a CSV row alone (no details).
    pub fn from_row(row: &Row) -> ProgramResult {
        ProgramResult {
            program: row.program.clone(),
            feature: row.feature.clone(),
            layers: Layer::ALL
                .iter()
                .zip(row.outcomes)
                .map(|(&l, o)| {
                    (
                        l,
                        Verdict {
                            outcome: o,
                            detail: None,
                        },
                    )
                })
                .collect(),
            cells: BTreeMap::new(),
            timing: Timing {
                cpython_exec_ns: row.cpython_ns,
                refvm_exec_ns: row.refvm_ns,
                ..Timing::default()
            },
            known: BTreeMap::new(),
        }
    }
}

/// One line of `results.csv`.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub program: String,
    pub feature: String,
    /// In [`Layer::ALL`] order.
    pub outcomes: [Outcome; 7],
    pub cpython_ns: Option<u64>,
    pub refvm_ns: Option<u64>,
    pub ratio: Option<f64>,
}

impl Row {
    pub fn outcome(&self, layer: Layer) -> Outcome {
        self.outcomes[layer.index()]
    }

    pub fn passed(&self) -> bool {
        ProgramResult::from_row(self).passed()
    }
}

/// The header of `results.csv`, exactly.
pub const CSV_HEADER: [&str; 12] = [
    "program",
    "feature",
    "tokens",
    "ast",
    "bytecode",
    "dis",
    "marshal",
    "output",
    "refcount",
    "cpython_ns",
    "refvm_ns",
    "ratio",
];

/// Writes `results.csv`.
pub fn write_csv(path: &Path, rows: &[Row]) -> Result<(), String> {
    let mut w = csv::Writer::from_path(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let err = |e: csv::Error| format!("{}: {e}", path.display());
    w.write_record(CSV_HEADER).map_err(err)?;
    for r in rows {
        let mut rec: Vec<String> = vec![r.program.clone(), r.feature.clone()];
        rec.extend(r.outcomes.iter().map(|o| o.as_str().to_owned()));
        rec.push(r.cpython_ns.map_or_else(String::new, |v| v.to_string()));
        rec.push(r.refvm_ns.map_or_else(String::new, |v| v.to_string()));
        rec.push(r.ratio.map_or_else(String::new, |v| format!("{v:.4}")));
        w.write_record(&rec).map_err(err)?;
    }
    w.flush().map_err(|e| format!("{}: {e}", path.display()))
}

/// Reads a `results.csv` (or a baseline), checking the header.
pub fn read_csv(path: &Path) -> Result<Vec<Row>, String> {
    let mut r = csv::Reader::from_path(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let header = r
        .headers()
        .map_err(|e| format!("{}: {e}", path.display()))?
        .clone();
    if header.iter().collect::<Vec<_>>() != CSV_HEADER {
        return Err(format!(
            "{}: not a pyconform results.csv (header {:?})",
            path.display(),
            header
        ));
    }
    let mut rows = Vec::new();
    for (i, rec) in r.records().enumerate() {
        let rec = rec.map_err(|e| format!("{}: {e}", path.display()))?;
        let at = |msg: String| format!("{}:{}: {msg}", path.display(), i + 2);
        let field = |k: usize| rec.get(k).unwrap_or("");
        let mut outcomes = [Outcome::Skip; 7];
        for (k, slot) in outcomes.iter_mut().enumerate() {
            *slot = field(2 + k).parse().map_err(at)?;
        }
        let num = |k: usize| -> Result<Option<u64>, String> {
            let s = field(k);
            if s.is_empty() {
                Ok(None)
            } else {
                s.parse()
                    .map(Some)
                    .map_err(|_| at(format!("bad number {s:?}")))
            }
        };
        let ratio = match field(11) {
            "" => None,
            s => Some(
                s.parse::<f64>()
                    .map_err(|_| at(format!("bad ratio {s:?}")))?,
            ),
        };
        rows.push(Row {
            program: field(0).to_owned(),
            feature: field(1).to_owned(),
            outcomes,
            cpython_ns: num(9)?,
            refvm_ns: num(10)?,
            ratio,
        });
    }
    Ok(rows)
}

/// What a run was: printed in every report.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RunInfo {
    /// The embedded interpreter's `sys.version` (equal to `python3`'s, checked).
    pub cpython_version: String,
    pub libpython: String,
    /// `git rev-parse HEAD` of the refvm sources (`-dirty` when modified).
    pub refvm_commit: String,
    /// The directory run, as given.
    pub dir: String,
    #[serde(default)]
    pub shard: Option<String>,
    #[serde(default)]
    pub filter: Option<String>,
    pub jobs: usize,
    pub wall_seconds: f64,
    pub workers_started: usize,
}

/// `results.json`: the run and every result in full.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResultsFile {
    pub info: RunInfo,
    pub programs: Vec<ProgramResult>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn result(outcomes: [Outcome; 7]) -> ProgramResult {
        ProgramResult::from_row(&Row {
            program: "a/b.py".into(),
            feature: "a".into(),
            outcomes,
            cpython_ns: Some(10),
            refvm_ns: None,
            ratio: None,
        })
    }

    use Outcome::*;

    #[test]
    fn pass_rule() {
        assert!(
            result([
                Pass,
                Pass,
                Unsupported,
                Unsupported,
                Skip,
                Pass,
                Unsupported
            ])
            .passed()
        );
        assert!(
            !result([Unsupported; 7]).passed(),
            "nothing compared is not a pass"
        );
        assert!(!result([Pass, Diverge, Pass, Pass, Pass, Pass, Pass]).passed());
        assert!(!result([Pass, Pass, Pass, Pass, Pass, Timeout, Pass]).passed());
    }

    #[test]
    fn csv_round_trip_with_exact_header() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("results.csv");
        let mut rows =
            vec![result([Pass, Diverge, Unsupported, Timeout, Crash, Panic, Skip]).row()];
        rows.push(Row {
            program: "x, \"y\".py".into(),
            ratio: Some(1.5),
            refvm_ns: Some(15),
            ..rows[0].clone()
        });
        rows[0].outcomes[6] = OutputLimit;
        write_csv(&path, &rows).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with(
            "program,feature,tokens,ast,bytecode,dis,marshal,output,refcount,cpython_ns,refvm_ns,ratio\n"
        ));
        assert_eq!(read_csv(&path).unwrap(), rows);
    }

    #[test]
    fn foreign_csv_is_rejected() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.csv");
        std::fs::write(&path, "a,b\n1,2\n").unwrap();
        assert!(
            read_csv(&path)
                .unwrap_err()
                .contains("not a pyconform results.csv")
        );
    }
}
