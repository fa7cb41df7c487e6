//! The ledger of known divergences, `corpus/known-differences.toml`: each entry names a
//! program (relative to the corpus) or a stdlib path, a layer, and the reason. Entries
//! annotate results (reports show the reason next to the divergence); they never turn a
//! divergence into a pass.
//!
//! ```toml
//! [[difference]]
//! program = "floats/repr_edge.py"   # or: stdlib = "Lib/test/test_grammar.py"
//! layer = "output"                  # tokens | ast | bytecode | dis | marshal | output | refcount
//! reason = "refvm prints -0.0 as 0.0 (issue 7)"
//!
//! [[flaky]]                         # see crate::gate: tolerated by the gate, never a pass
//! program = "bytes/encode_decode.py"
//! layer = "output"
//! outcomes = ["crash"]              # only crash | timeout
//! reason = "CPython's worker segfaults intermittently on …"
//! ```

use crate::outcome::{Layer, Outcome};
use crate::results::ProgramResult;
use serde::Deserialize;
use std::path::Path;

/// One ledger entry.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub program: Option<String>,
    pub stdlib: Option<String>,
    pub layer: Layer,
    pub reason: String,
}

/// A program × layer known to fail intermittently with one of `outcomes` (an
/// infrastructure symptom: `crash` or `timeout`), for reasons outside the change under
/// test. The gate tolerates exactly those outcomes there, and lists them.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Flaky {
    pub program: String,
    pub layer: Layer,
    pub outcomes: Vec<Outcome>,
    pub reason: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct LedgerFile {
    #[serde(default)]
    difference: Vec<Entry>,
    #[serde(default)]
    flaky: Vec<Flaky>,
}

/// The parsed ledger.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ledger {
    pub entries: Vec<Entry>,
    pub flaky: Vec<Flaky>,
}

/// A ledger entry that no longer describes this run, and why: delete it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stale {
    pub entry: Entry,
    pub why: &'static str,
}

impl Ledger {
    /// Parses and validates ledger text.
    pub fn parse(text: &str) -> Result<Ledger, String> {
        let file: LedgerFile = toml::from_str(text).map_err(|e| e.to_string())?;
        for (i, e) in file.difference.iter().enumerate() {
            let n = i + 1;
            if e.program.is_some() == e.stdlib.is_some() {
                return Err(format!(
                    "entry {n}: give exactly one of `program` and `stdlib`"
                ));
            }
            if e.reason.trim().is_empty() {
                return Err(format!("entry {n}: `reason` must say why"));
            }
        }
        for (i, f) in file.flaky.iter().enumerate() {
            let n = i + 1;
            if f.reason.trim().is_empty() {
                return Err(format!("flaky entry {n}: `reason` must say why"));
            }
            if f.outcomes.is_empty()
                || f.outcomes
                    .iter()
                    .any(|o| !matches!(o, Outcome::Crash | Outcome::Timeout))
            {
                return Err(format!(
                    "flaky entry {n}: `outcomes` must list crash and/or timeout only (a \
                     divergence or a panic is never flakiness the gate may tolerate)"
                ));
            }
        }
        Ok(Ledger {
            entries: file.difference,
            flaky: file.flaky,
        })
    }

    /// Reads `path`; a missing file is an empty ledger.
    pub fn load(path: &Path) -> Result<Ledger, String> {
        match std::fs::read_to_string(path) {
            Ok(text) => Ledger::parse(&text).map_err(|e| format!("{}: {e}", path.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Ledger::default()),
            Err(e) => Err(format!("{}: {e}", path.display())),
        }
    }

    /// Annotates results with their entries; returns the entries that no longer
    /// describe a divergence — their program × layer passes now, or (when `complete`:
    /// the run covered the whole corpus, no filter or shard) their program is not in
    /// the corpus any more: candidates to delete.
    pub fn apply(&self, results: &mut [ProgramResult], complete: bool) -> Vec<Stale> {
        let mut stale = Vec::new();
        for e in &self.entries {
            let Some(program) = &e.program else { continue };
            match results.iter_mut().find(|r| &r.program == program) {
                Some(r) if r.outcome(e.layer) == Outcome::Pass => stale.push(Stale {
                    entry: e.clone(),
                    why: "passes now",
                }),
                Some(r) => {
                    r.known.insert(e.layer, e.reason.clone());
                }
                None if complete => stale.push(Stale {
                    entry: e.clone(),
                    why: "no such program in the corpus",
                }),
                None => {}
            }
        }
        stale
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outcome::Verdict;

    #[test]
    fn parses_validates_and_applies() {
        let ledger = Ledger::parse(
            r#"
            [[difference]]
            program = "a/x.py"
            layer = "output"
            reason = "known"
            [[difference]]
            program = "a/y.py"
            layer = "ast"
            reason = "fixed since"
            [[difference]]
            stdlib = "Lib/os.py"
            layer = "tokens"
            reason = "stdlib"
            "#,
        )
        .unwrap();
        assert_eq!(ledger.entries.len(), 3);
        let mk = |p: &str, l: Layer, o: Outcome| ProgramResult {
            program: p.into(),
            feature: "a".into(),
            layers: [(
                l,
                Verdict {
                    outcome: o,
                    detail: None,
                },
            )]
            .into_iter()
            .collect(),
            cells: Default::default(),
            timing: Default::default(),
            known: Default::default(),
        };
        let mut results = vec![
            mk("a/x.py", Layer::Output, Outcome::Diverge),
            mk("a/y.py", Layer::Ast, Outcome::Pass),
        ];
        let stale = ledger.apply(&mut results, false);
        assert_eq!(
            results[0].known.get(&Layer::Output).map(String::as_str),
            Some("known")
        );
        assert_eq!(stale.len(), 1);
        assert_eq!(stale[0].entry.program.as_deref(), Some("a/y.py"));
        assert_eq!(stale[0].why, "passes now");
        // A complete run also flags entries naming programs it does not have.
        let mut gone = vec![mk("a/x.py", Layer::Output, Outcome::Diverge)];
        let stale = ledger.apply(&mut gone, true);
        assert_eq!(stale.len(), 1);
        assert_eq!(stale[0].entry.program.as_deref(), Some("a/y.py"));
        assert_eq!(stale[0].why, "no such program in the corpus");
    }

    #[test]
    fn rejects_bad_entries() {
        assert!(Ledger::parse("[[difference]]\nlayer = \"ast\"\nreason = \"r\"\n").is_err());
        assert!(
            Ledger::parse("[[difference]]\nprogram = \"p\"\nlayer = \"nope\"\nreason = \"r\"\n")
                .is_err()
        );
        assert!(
            Ledger::parse("[[difference]]\nprogram = \"p\"\nlayer = \"ast\"\nreason = \" \"\n")
                .is_err()
        );
        assert!(Ledger::parse("").unwrap().entries.is_empty());
        let flaky = |outcomes: &str| {
            Ledger::parse(&format!(
                "[[flaky]]\nprogram = \"p\"\nlayer = \"output\"\noutcomes = {outcomes}\nreason = \"r\"\n"
            ))
        };
        assert_eq!(flaky(r#"["crash", "timeout"]"#).unwrap().flaky.len(), 1);
        assert!(flaky("[]").is_err());
        assert!(flaky(r#"["diverge"]"#).is_err());
        assert!(flaky(r#"["crash", "panic"]"#).is_err());
    }
}
