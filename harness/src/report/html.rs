//! `index.html`: a self-contained page (inline CSS and SVG, no scripts or external
//! assets) with totals, charts, the per-feature conformance table, the comparison with
//! the baseline and every program's layers, cells and first divergences.

use super::junit::xml_escape as esc;
use super::stats::Stats;
use super::svg;
use crate::gate::GateReport;
use crate::outcome::{Layer, Outcome};
use crate::results::ResultsFile;
use std::fmt::Write;

const STYLE: &str = "body{font:14px system-ui,sans-serif;margin:24px;color:#222}\
table{border-collapse:collapse;margin:8px 0 20px}td,th{border:1px solid #ccc;padding:3px 7px;text-align:left}\
th{background:#f3f4f6}td.n{text-align:right}.o{color:#fff;font-size:12px;border-radius:3px;padding:1px 5px}\
pre{background:#f6f8fa;padding:8px;overflow:auto;max-height:420px;font-size:12px}details{margin:2px 0}\
.meta{color:#555}";

fn badge(o: Outcome) -> String {
    let fg = if matches!(o, Outcome::Skip | Outcome::Unsupported) {
        "#222"
    } else {
        "#fff"
    };
    format!(
        "<span class=\"o\" style=\"background:{};color:{fg}\">{o}</span>",
        svg::colour(o)
    )
}

fn pct_cell(pass: usize, compared: usize) -> String {
    if compared == 0 {
        return "<td class=\"n\" style=\"color:#999\">–</td>".to_owned();
    }
    let p = pass as f64 / compared as f64;
    let hue = (p * 120.0).round();
    format!("<td class=\"n\" style=\"background:hsl({hue},60%,85%)\">{pass}/{compared}</td>")
}

/// The HTML text.
pub fn render(results: &ResultsFile, stats: &Stats, gate: Option<(&str, &GateReport)>) -> String {
    let info = &results.info;
    let mut s = String::new();
    let _ = write!(
        s,
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>pyconform: {} passed, {} failed</title><style>{STYLE}</style></head><body>",
        stats.passed,
        stats.failed()
    );
    let _ = write!(
        s,
        "<h1>pyconform: {} passed, {} failed</h1>",
        stats.passed,
        stats.failed()
    );
    let _ = write!(
        s,
        "<p class=\"meta\">CPython <code>{}</code> (embedded: <code>{}</code>)<br>refvm commit <code>{}</code><br>{} programs from <code>{}</code>{}{} in {:.1} s with {} jobs.<br>A program passes when at least one layer was compared and every layer both engines support passes.</p>",
        esc(&info.cpython_version),
        esc(&info.libpython),
        esc(&info.refvm_commit),
        stats.programs,
        esc(&info.dir),
        info.filter
            .as_ref()
            .map(|f| format!(", filter <code>{}</code>", esc(f)))
            .unwrap_or_default(),
        info.shard
            .as_ref()
            .map(|f| format!(", shard {}", esc(f)))
            .unwrap_or_default(),
        info.wall_seconds,
        info.jobs
    );
    s.push_str("<h2>Outcomes per layer</h2>");
    s.push_str(&svg::layer_bars(stats));
    s.push_str("<h2>Features</h2><p>Each layer cell: passed / compared.</p><table><tr><th>feature</th><th>programs</th><th>passed</th>");
    for l in Layer::ALL {
        let _ = write!(s, "<th>{l}</th>");
    }
    s.push_str("</tr>");
    for (name, f) in &stats.features {
        let _ = write!(
            s,
            "<tr><td>{}</td><td class=\"n\">{}</td>{}",
            esc(name),
            f.programs,
            pct_cell(f.passed, f.programs)
        );
        for l in Layer::ALL {
            let t = f.layers.get(&l).cloned().unwrap_or_default();
            s.push_str(&pct_cell(t.get(Outcome::Pass), t.compared()));
        }
        s.push_str("</tr>");
    }
    s.push_str("</table>");

    s.push_str("<h2>Time ratios</h2>");
    if let Some((median, min, max)) = stats.ratio_summary {
        let _ = write!(
            s,
            "<p>refvm / CPython execute time: median {median:.2}×, range {min:.2}×–{max:.2}× over {} programs.</p>",
            stats.ratios.len()
        );
    }
    s.push_str(&svg::ratio_chart(stats));

    if let Some((name, g)) = gate {
        let _ = write!(
            s,
            "<h2>Versus the baseline <code>{}</code>: {}</h2>",
            esc(name),
            if g.failed() {
                "gate fails"
            } else {
                "gate passes"
            }
        );
        for (title, items) in [
            ("Broken", &g.broken),
            ("New crashes / panics", &g.new_crashes),
            ("Fixed", &g.fixed),
        ] {
            let _ = write!(s, "<h3>{title} ({})</h3><ul>", items.len());
            for c in items.iter().take(200) {
                let _ = write!(s, "<li><code>{}</code></li>", esc(&c.render()));
            }
            s.push_str("</ul>");
        }
    }

    s.push_str("<h2>Programs</h2><table><tr><th>program</th>");
    for l in Layer::ALL {
        let _ = write!(s, "<th>{l}</th>");
    }
    s.push_str("<th>ratio</th><th>details</th></tr>");
    for p in &results.programs {
        let _ = write!(s, "<tr><td><code>{}</code></td>", esc(&p.program));
        for l in Layer::ALL {
            let _ = write!(s, "<td>{}</td>", badge(p.outcome(l)));
        }
        let ratio = p
            .timing
            .exec_ratio()
            .map(|r| format!("{r:.2}×"))
            .unwrap_or_default();
        let _ = write!(s, "<td class=\"n\">{ratio}</td><td>");
        let mut details = String::new();
        for l in Layer::ALL {
            let Some(v) = p.layers.get(&l) else { continue };
            if v.outcome == Outcome::Pass || v.outcome == Outcome::Skip {
                continue;
            }
            let known = p
                .known
                .get(&l)
                .map(|r| format!(" — known: {}", esc(r)))
                .unwrap_or_default();
            let _ = write!(
                details,
                "<details><summary>{l}: {}{known}</summary><pre>{}</pre></details>",
                v.outcome,
                esc(v.detail.as_deref().unwrap_or(""))
            );
        }
        if !p.cells.is_empty() {
            details.push_str("<details><summary>matrix cells</summary><table>");
            for (cell, v) in &p.cells {
                let _ = write!(
                    details,
                    "<tr><td>{cell}</td><td>{}</td><td><pre>{}</pre></td></tr>",
                    badge(v.outcome),
                    esc(v.detail.as_deref().unwrap_or(""))
                );
            }
            details.push_str("</table></details>");
        }
        s.push_str(&details);
        s.push_str("</td></tr>");
    }
    s.push_str("</table></body></html>\n");
    s
}
