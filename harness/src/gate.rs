//! The gate: compares a run with a committed baseline. It fails on any program × layer
//! that was `pass` in the baseline and is anything else now (a program that vanished
//! included), and on any new `crash` or `panic`; it lists improvements.

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
    fn a_vanished_passing_program_is_broken() {
        let g = compare(&[row("a.py", FAILING)], &[]);
        assert!(g.failed());
        assert_eq!(g.broken[0].after, None);
        // A vanished program that never passed anything does not fail the gate.
        assert!(!compare(&[row("z.py", [Unsupported; 7])], &[]).failed());
    }
}
