//! `summary.md`: totals, per-layer and per-feature tables, and fixed / broken / new
//! crash-or-panic lists versus the baseline — ready to post on a pull request.

use super::stats::Stats;
use crate::gate::{Change, GateReport};
use crate::known::Stale;
use crate::outcome::{Layer, Outcome};
use crate::results::ResultsFile;
use std::fmt::Write;

const LIST_MAX: usize = 50;

fn list(out: &mut String, title: &str, items: &[Change]) {
    let _ = writeln!(out, "\n### {title} ({})\n", items.len());
    if items.is_empty() {
        out.push_str("None.\n");
        return;
    }
    for c in items.iter().take(LIST_MAX) {
        let _ = writeln!(out, "- `{}`", c.render());
    }
    if items.len() > LIST_MAX {
        let _ = writeln!(out, "- … and {} more", items.len() - LIST_MAX);
    }
}

/// The Markdown text.
pub fn render(
    results: &ResultsFile,
    stats: &Stats,
    gate: Option<(&str, &GateReport)>,
    stale: &[Stale],
) -> String {
    let info = &results.info;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# pyconform: {} passed, {} failed\n",
        stats.passed,
        stats.failed()
    );
    let _ = writeln!(
        s,
        "- CPython: `{}` (embedded: `{}`)",
        info.cpython_version, info.libpython
    );
    let _ = writeln!(s, "- refvm commit: `{}`", info.refvm_commit);
    let mut scope = format!("`{}`", info.dir);
    if let Some(f) = &info.filter {
        scope.push_str(&format!(", filter `{f}`"));
    }
    if let Some(sh) = &info.shard {
        scope.push_str(&format!(", shard {sh}"));
    }
    let _ = writeln!(
        s,
        "- programs: {} from {scope}; {:.1} s with {} jobs",
        stats.programs, info.wall_seconds, info.jobs
    );
    s.push_str("- a program passes when at least one layer was compared and every layer both engines support passes\n");

    s.push_str("\n## Layers\n\n| layer |");
    for o in Outcome::ALL {
        let _ = write!(s, " {o} |");
    }
    s.push_str("\n|---|");
    s.push_str(&"---:|".repeat(Outcome::ALL.len()));
    s.push('\n');
    for l in Layer::ALL {
        let t = stats.layers.get(&l).cloned().unwrap_or_default();
        let _ = write!(s, "| {l} |");
        for o in Outcome::ALL {
            let _ = write!(s, " {} |", t.get(o));
        }
        s.push('\n');
    }

    s.push_str("\n## Features\n\nEach layer cell: passed / compared (unsupported and skipped layers are not compared).\n\n| feature | programs | passed |");
    for l in Layer::ALL {
        let _ = write!(s, " {l} |");
    }
    s.push_str("\n|---|---:|---:|");
    s.push_str(&"---:|".repeat(Layer::ALL.len()));
    s.push('\n');
    for (name, f) in &stats.features {
        let _ = write!(s, "| {name} | {} | {} |", f.programs, f.passed);
        for l in Layer::ALL {
            let t = f.layers.get(&l).cloned().unwrap_or_default();
            let _ = write!(s, " {}/{} |", t.get(Outcome::Pass), t.compared());
        }
        s.push('\n');
    }

    match gate {
        Some((name, g)) => {
            let _ = writeln!(s, "\n## Versus the baseline `{name}`");
            list(&mut s, "Broken", &g.broken);
            list(&mut s, "New crashes / panics", &g.new_crashes);
            list(&mut s, "Fixed", &g.fixed);
            list(
                &mut s,
                "Tolerated (known-flaky cells, ledger `[[flaky]]`; not passes)",
                &g.tolerated,
            );
            if !g.new_programs.is_empty() {
                let _ = writeln!(s, "\nNew programs: {}", g.new_programs.len());
            }
            let _ = writeln!(
                s,
                "\nGate: **{}**",
                if g.failed() { "fail" } else { "pass" }
            );
        }
        None => s.push_str("\n## Versus a baseline\n\nNo baseline given.\n"),
    }

    s.push_str("\n## Timing\n\n");
    match stats.ratio_summary {
        Some((median, min, max)) => {
            let _ = writeln!(
                s,
                "refvm / CPython execute time over {} programs: median {median:.2}×, range {min:.2}× – {max:.2}× (same run, interleaved).",
                stats.ratios.len()
            );
        }
        None => s.push_str("No program ran on refvm's VM yet, so there is no ratio.\n"),
    }

    let known: Vec<String> = results
        .programs
        .iter()
        .flat_map(|p| {
            p.known
                .iter()
                .map(move |(l, r)| format!("- `{}` [{l}]: {r}", p.program))
        })
        .collect();
    if !known.is_empty() || !stale.is_empty() {
        let _ = writeln!(s, "\n## Known differences ({})\n", known.len());
        for k in &known {
            let _ = writeln!(s, "{k}");
        }
        for e in stale {
            let _ = writeln!(
                s,
                "- **stale ledger entry** ({}, delete it): `{}` [{}]",
                e.why,
                e.entry.program.as_deref().unwrap_or(""),
                e.entry.layer
            );
        }
    }
    s
}
