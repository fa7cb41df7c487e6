//! Totals the human-facing reports share: per layer and per feature counts, pass
//! totals and timing ratios.

use crate::diff::timing::summarize;
use crate::outcome::{Layer, Outcome};
use crate::results::ProgramResult;
use std::collections::BTreeMap;

/// Counts of each outcome.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally(pub BTreeMap<Outcome, usize>);

impl Tally {
    pub fn add(&mut self, o: Outcome) {
        *self.0.entry(o).or_default() += 1;
    }

    pub fn get(&self, o: Outcome) -> usize {
        self.0.get(&o).copied().unwrap_or(0)
    }

    /// Layers that were compared (neither unsupported nor skipped).
    pub fn compared(&self) -> usize {
        self.0
            .iter()
            .filter(|(o, _)| o.compared())
            .map(|(_, n)| n)
            .sum()
    }

    pub fn total(&self) -> usize {
        self.0.values().sum()
    }
}

/// One feature's numbers.
#[derive(Clone, Debug, Default)]
pub struct FeatureStats {
    pub programs: usize,
    pub passed: usize,
    pub layers: BTreeMap<Layer, Tally>,
}

/// The numbers of a run.
#[derive(Clone, Debug, Default)]
pub struct Stats {
    pub programs: usize,
    pub passed: usize,
    pub layers: BTreeMap<Layer, Tally>,
    pub features: BTreeMap<String, FeatureStats>,
    /// (program, refvm/CPython execute-time ratio).
    pub ratios: Vec<(String, f64)>,
    /// Median, min, max of `ratios`.
    pub ratio_summary: Option<(f64, f64, f64)>,
}

impl Stats {
    pub fn of(programs: &[ProgramResult]) -> Stats {
        let mut s = Stats {
            programs: programs.len(),
            ..Stats::default()
        };
        for p in programs {
            let passed = p.passed();
            s.passed += usize::from(passed);
            let f = s.features.entry(p.feature.clone()).or_default();
            f.programs += 1;
            f.passed += usize::from(passed);
            for l in Layer::ALL {
                let o = p.outcome(l);
                s.layers.entry(l).or_default().add(o);
                f.layers.entry(l).or_default().add(o);
            }
            if let Some(r) = p.timing.exec_ratio() {
                s.ratios.push((p.program.clone(), r));
            }
        }
        s.ratios.sort_by(|a, b| a.1.total_cmp(&b.1));
        s.ratio_summary = summarize(&s.ratios.iter().map(|(_, r)| *r).collect::<Vec<_>>());
        s
    }

    pub fn failed(&self) -> usize {
        self.programs - self.passed
    }
}
