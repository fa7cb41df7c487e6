//! The gate: compares a run with a committed baseline. It fails on any program × layer
//! that was `pass` in the baseline and is anything else now (a program that vanished
//! included), and on any new `crash` or `panic`; it lists improvements.
//!
//! Known-flaky cells (the ledger's `[[flaky]]` entries, see [`crate::known::Flaky`]):
//! a change at a listed program × layer whose outcome now is one of the entry's
//! `outcomes` (only `crash`/`timeout` are allowed there) is *tolerated*: listed, not
//! failing. Nothing else changes — the same cell turning `diverge` or `panic`, any
//! other layer of that program, and every unlisted cell fail exactly as before, and a
//! tolerated cell is never counted as a pass (the run's own results keep the crash).

use crate::known::Flaky;
use crate::outcome::{Layer, Outcome};
use crate::results::Row;
use std::collections::BTreeMap;

/// One program × layer that changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub program: String,
    pub layer: Layer,
    /// `None`: not in the baseline.
    pub before: Option<Outcome>,
    /// `None`: not in this run.
    pub after: Option<Outcome>,
}

impl Change {
    pub fn render(&self) -> String {
        let o = |x: Option<Outcome>| x.map_or("absent", Outcome::as_str);
        format!(
            "{} [{}]: {} → {}",
            self.program,
            self.layer,
            o(self.before),
            o(self.after)
        )
    }
}

/// The comparison of a run with a baseline.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GateReport {
    /// Was `pass`, is something else (or the program is gone).
    pub broken: Vec<Change>,
    /// Is `crash`/`panic` now and was not that before.
    pub new_crashes: Vec<Change>,
    /// Was not `pass`, is `pass` now.
    pub fixed: Vec<Change>,
    /// Programs in this run but not in the baseline.
    pub new_programs: Vec<String>,
    /// Broken or newly crashing, but with an outcome the ledger lists as that cell's
    /// known flakiness: reported, not failing.
    pub tolerated: Vec<Change>,
}

impl GateReport {
    /// Does the gate fail?
    pub fn failed(&self) -> bool {
        !self.broken.is_empty() || !self.new_crashes.is_empty()
    }

    /// The text `pyconform gate` prints.
    pub fn render(&self) -> String {
        let mut s = String::new();
        let mut list = |title: &str, items: &[Change]| {
            if !items.is_empty() {
                s.push_str(&format!("{title} ({}):\n", items.len()));
                for c in items {
                    s.push_str(&format!("  {}\n", c.render()));
                }
            }
        };
        list("broken (passed in the baseline)", &self.broken);
        list("new crashes/panics", &self.new_crashes);
        list("fixed", &self.fixed);
        list(
            "tolerated: known-flaky cells (ledger [[flaky]]), not counted as passes",
            &self.tolerated,
        );
        if !self.new_programs.is_empty() {
            s.push_str(&format!(
                "new programs ({}): {}\n",
                self.new_programs.len(),
                self.new_programs.join(", ")
            ));
        }
        s.push_str(if self.failed() {
            "gate: FAIL\n"
        } else {
            "gate: ok\n"
        });
        s
    }
}

/// Moves the broken and newly crashing changes that match a `[[flaky]]` entry
/// (same program and layer, current outcome among its `outcomes`) to `tolerated`.
pub fn tolerate(report: &mut GateReport, flaky: &[Flaky]) {
    let known = |c: &Change| {
        flaky.iter().any(|f| {
            f.program == c.program
                && f.layer == c.layer
                && c.after.is_some_and(|o| f.outcomes.contains(&o))
        })
    };
    for list in [&mut report.broken, &mut report.new_crashes] {
        let (tolerated, kept): (Vec<Change>, Vec<Change>) =
            std::mem::take(list).into_iter().partition(|c| known(c));
        *list = kept;
        for c in tolerated {
            if !report.tolerated.contains(&c) {
                report.tolerated.push(c);
            }
        }
    }
}

/// Compares `current` with `baseline`.
pub fn compare(baseline: &[Row], current: &[Row]) -> GateReport {
    let before: BTreeMap<&str, &Row> = baseline.iter().map(|r| (r.program.as_str(), r)).collect();
    let after: BTreeMap<&str, &Row> = current.iter().map(|r| (r.program.as_str(), r)).collect();
    let mut report = GateReport::default();
    for (program, old) in &before {
        let new = after.get(program);
        for layer in Layer::ALL {
            let was = old.outcome(layer);
            let now = new.map(|r| r.outcome(layer));
            let change = Change {
                program: (*program).to_owned(),
                layer,
                before: Some(was),
                after: now,
            };
            if was == Outcome::Pass && now != Some(Outcome::Pass) {
                report.broken.push(change);
            } else if was != Outcome::Pass && now == Some(Outcome::Pass) {
                report.fixed.push(change);
            } else if let Some(now) = now
                && matches!(now, Outcome::Crash | Outcome::Panic)
                && was != now
            {
                report.new_crashes.push(change);
            }
        }
    }
    for (program, new) in &after {
        if before.contains_key(program) {
            continue;
        }
        report.new_programs.push((*program).to_owned());
        for layer in Layer::ALL {
            let now = new.outcome(layer);
            if matches!(now, Outcome::Crash | Outcome::Panic) {
                report.new_crashes.push(Change {
                    program: (*program).to_owned(),
                    layer,
                    before: None,
                    after: Some(now),
                });
            }
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use Outcome::*;

    fn row(program: &str, outcomes: [Outcome; 7]) -> Row {
        Row {
            program: program.into(),
            feature: "f".into(),
            outcomes,
            cpython_ns: None,
            refvm_ns: None,
            ratio: None,
        }
    }

    const FAILING: [Outcome; 7] = [
        Pass,
        Diverge,
        Unsupported,
        Unsupported,
        Unsupported,
        Diverge,
        Unsupported,
    ];

    #[test]
    fn passes_against_its_own_output() {
        let run = vec![
            row("a.py", FAILING),
            row("b.py", [Crash; 7]),
            row("c.py", [Panic; 7]),
        ];
        let g = compare(&run, &run);
        assert!(!g.failed(), "{}", g.render());
        assert!(g.fixed.is_empty() && g.new_programs.is_empty());
    }

    #[test]
    fn fails_when_the_baseline_claims_a_failing_program_passed() {
        let run = vec![row("a.py", FAILING)];
        let lying = vec![row("a.py", [Pass; 7])];
        let g = compare(&lying, &run);
        assert!(g.failed());
        let broken: Vec<Layer> = g.broken.iter().map(|c| c.layer).collect();
        assert_eq!(
            broken,
            [
                Layer::Ast,
                Layer::Bytecode,
                Layer::Dis,
                Layer::Marshal,
                Layer::Output,
                Layer::Refcount
            ]
        );
        assert!(g.render().contains("a.py [ast]: pass → diverge"));
    }

    #[test]
    fn new_crashes_fail_and_improvements_are_listed() {
        let base = vec![row("a.py", [Unsupported; 7]), row("b.py", FAILING)];
        let mut crashing = [Unsupported; 7];
        crashing[5] = Crash;
        let g = compare(&base, &[row("a.py", crashing), row("b.py", FAILING)]);
        assert!(g.failed());
        assert_eq!(g.new_crashes.len(), 1);
        let g = compare(
            &base,
            &[
                row("a.py", [Pass; 7]),
                row("b.py", FAILING),
                row("new.py", [Panic; 7]),
            ],
        );
        assert_eq!(g.fixed.len(), 7);
        assert_eq!(g.new_programs, ["new.py"]);
        assert_eq!(
            g.new_crashes.len(),
            7,
            "a new program that panics is a new panic"
        );
        let g = compare(&base, &[row("a.py", [Pass; 7]), row("b.py", FAILING)]);
        assert!(!g.failed());
    }

    #[test]
    fn known_flaky_cells_are_tolerated_only_with_their_listed_outcomes() {
        let flaky = vec![Flaky {
            program: "a.py".into(),
            layer: Layer::Output,
            outcomes: vec![Crash],
            reason: "CPython crashes intermittently".into(),
        }];
        let base = vec![row("a.py", [Pass; 7]), row("b.py", [Pass; 7])];
        let with = |a: [Outcome; 7], b: [Outcome; 7]| {
            let mut g = compare(&base, &[row("a.py", a), row("b.py", b)]);
            tolerate(&mut g, &flaky);
            g
        };
        // The listed symptom at the listed cell: tolerated and shown.
        let mut crashed = [Pass; 7];
        crashed[5] = Crash;
        let g = with(crashed, [Pass; 7]);
        assert!(!g.failed(), "{}", g.render());
        assert_eq!(g.tolerated.len(), 1);
        assert!(g.render().contains("a.py [output]: pass → crash"));
        // Another outcome at that cell (a real regression) still fails…
        let mut diverged = [Pass; 7];
        diverged[5] = Diverge;
        assert!(with(diverged, [Pass; 7]).failed());
        let mut panicked = [Pass; 7];
        panicked[5] = Panic;
        assert!(with(panicked, [Pass; 7]).failed());
        // …as does the same symptom in another layer or another program.
        let mut other_layer = [Pass; 7];
        other_layer[6] = Crash;
        assert!(with(other_layer, [Pass; 7]).failed());
        assert!(with([Pass; 7], crashed).failed());
        // A program missing from the run is never "flaky".
        let mut g = compare(&base, &[row("b.py", [Pass; 7])]);
        tolerate(&mut g, &flaky);
        assert!(g.failed());
    }

    #[test]
    fn a_vanished_passing_program_is_broken() {
        let g = compare(&[row("a.py", FAILING)], &[]);
        assert!(g.failed());
        assert_eq!(g.broken[0].after, None);
        // A vanished program that never passed anything does not fail the gate.
        assert!(!compare(&[row("z.py", [Unsupported; 7])], &[]).failed());
    }
}
