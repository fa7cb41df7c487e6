//! The refcount layer: the probes both engines take after a program (definition in
//! `worker/helper.py`, `_probe`): per module-level name, `sys.getrefcount(NAME)` as
//! module-level code would see it, then one `gc.collect()` result. Compared as numbers.

use super::unified;
use crate::observe::ProbesObs;
use crate::outcome::{Outcome, Verdict};

fn is_dunder(name: &str) -> bool {
    name.len() > 4 && name.starts_with("__") && name.ends_with("__")
}

/// The refcount layer. CPython decides which names count (it lists shared immutable
/// values with `None`); refvm's list is read by name, dunders ignored.
pub fn diff_probes(cpython: &Option<ProbesObs>, refvm: &Option<ProbesObs>) -> Verdict {
    let Some(c) = cpython else {
        return Verdict::new(Outcome::Skip, "cpython took no probes");
    };
    let Some(r) = refvm else {
        return Verdict::new(Outcome::Unsupported, "refvm: no probe results");
    };
    let probed: Vec<(&str, i64)> = c
        .refcounts
        .iter()
        .filter_map(|(n, v)| v.map(|v| (n.as_str(), v)))
        .collect();
    let excluded: Vec<&str> = c
        .refcounts
        .iter()
        .filter(|(_, v)| v.is_none())
        .map(|(n, _)| n.as_str())
        .collect();
    let theirs: Vec<(&str, Option<i64>)> = r
        .refcounts
        .iter()
        .filter(|(n, _)| !is_dunder(n) && !excluded.contains(&n.as_str()))
        .map(|(n, v)| (n.as_str(), *v))
        .collect();
    let render_c: String = probed.iter().map(|(n, v)| format!("{n}: {v}\n")).collect();
    let render_r: String = theirs
        .iter()
        .map(|(n, v)| {
            format!(
                "{n}: {}\n",
                v.map_or_else(|| "None".to_owned(), |v| v.to_string())
            )
        })
        .collect();
    if render_c != render_r {
        return Verdict::diverge(format!(
            "sys.getrefcount probes differ\n{}",
            unified(&render_c, &render_r)
        ));
    }
    if c.gc_collected != r.gc_collected {
        return Verdict::diverge(format!(
            "gc.collect() after the program: cpython {:?}, refvm {:?}",
            c.gc_collected, r.gc_collected
        ));
    }
    Verdict::pass()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn probes(counts: &[(&str, Option<i64>)], gc: i64) -> Option<ProbesObs> {
        Some(ProbesObs {
            refcounts: counts.iter().map(|(n, v)| ((*n).to_owned(), *v)).collect(),
            gc_collected: Some(gc),
        })
    }

    #[test]
    fn numbers_are_compared_by_name_in_order() {
        let c = probes(&[("A", Some(5)), ("x", None), ("f", Some(2))], 0);
        let r = probes(
            &[
                ("__name__", Some(9)),
                ("A", Some(5)),
                ("x", Some(1_000_000)),
                ("f", Some(2)),
            ],
            0,
        );
        assert_eq!(diff_probes(&c, &r).outcome, Outcome::Pass);
        let r2 = probes(&[("A", Some(4)), ("f", Some(2))], 0);
        let d = diff_probes(&c, &r2).detail.unwrap();
        assert!(d.contains("-A: 5\n+A: 4"), "{d}");
        let r3 = probes(&[("A", Some(5)), ("f", Some(2))], 3);
        assert!(
            diff_probes(&c, &r3)
                .detail
                .unwrap()
                .contains("gc.collect()")
        );
        let r4 = probes(&[("A", Some(5))], 0);
        assert_eq!(diff_probes(&c, &r4).outcome, Outcome::Diverge);
    }

    #[test]
    fn missing_sides() {
        let c = probes(&[("A", Some(5))], 0);
        assert_eq!(diff_probes(&c, &None).outcome, Outcome::Unsupported);
        assert_eq!(diff_probes(&None, &c).outcome, Outcome::Skip);
    }
}
