//! The timing layer: not pass/fail, a measurement — compile and execute times of both
//! engines and their ratios (refvm / CPython), from the same run.

use serde::{Deserialize, Serialize};

/// Times of one program, in ns; `None` where that engine did not produce the stage.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Timing {
    pub cpython_compile_ns: Option<u64>,
    pub cpython_exec_ns: Option<u64>,
    pub refvm_compile_ns: Option<u64>,
    pub refvm_exec_ns: Option<u64>,
}

fn ratio(refvm: Option<u64>, cpython: Option<u64>) -> Option<f64> {
    match (refvm, cpython) {
        (Some(r), Some(c)) if c > 0 => Some(r as f64 / c as f64),
        _ => None,
    }
}

impl Timing {
    /// refvm / CPython execute time (the `ratio` column): `None` when refvm did not run.
    pub fn exec_ratio(&self) -> Option<f64> {
        ratio(self.refvm_exec_ns, self.cpython_exec_ns)
    }

    /// refvm / CPython compile time.
    pub fn compile_ratio(&self) -> Option<f64> {
        ratio(self.refvm_compile_ns, self.cpython_compile_ns)
    }
}

/// Median and spread (min, max) of a set of ratios.
pub fn summarize(ratios: &[f64]) -> Option<(f64, f64, f64)> {
    let mut v: Vec<f64> = ratios.iter().copied().filter(|r| r.is_finite()).collect();
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let mid = v.len() / 2;
    let median = if v.len().is_multiple_of(2) {
        (v[mid - 1] + v[mid]) / 2.0
    } else {
        v[mid]
    };
    Some((median, v[0], v[v.len() - 1]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios_need_both_engines() {
        let t = Timing {
            cpython_exec_ns: Some(200),
            refvm_exec_ns: Some(300),
            ..Default::default()
        };
        assert_eq!(t.exec_ratio(), Some(1.5));
        assert_eq!(t.compile_ratio(), None);
        let z = Timing {
            cpython_exec_ns: Some(0),
            refvm_exec_ns: Some(1),
            ..Default::default()
        };
        assert_eq!(z.exec_ratio(), None);
    }

    #[test]
    fn summary_is_median_and_range() {
        assert_eq!(summarize(&[3.0, 1.0, 2.0]), Some((2.0, 1.0, 3.0)));
        assert_eq!(summarize(&[1.0, 4.0]), Some((2.5, 1.0, 4.0)));
        assert_eq!(summarize(&[]), None);
    }
}
