//! Inline SVG charts for `index.html`: stacked outcome bars per layer, and per-program
//! time ratios on a log scale.

use super::junit::xml_escape;
use super::stats::Stats;
use crate::outcome::{Layer, Outcome};
use std::fmt::Write;

/// The colour of each outcome, shared by charts and tables.
pub fn colour(o: Outcome) -> &'static str {
    match o {
        Outcome::Pass => "#2e9e4f",
        Outcome::Diverge => "#e0a526",
        Outcome::Unsupported => "#b8bfc7",
        Outcome::Timeout => "#8a5cc2",
        Outcome::Crash => "#d9432f",
        Outcome::Panic => "#8c1c13",
        Outcome::Skip => "#e6e9ed",
        Outcome::OutputLimit => "#3b7dd8",
    }
}

/// One horizontal bar per layer, split by outcome share.
pub fn layer_bars(stats: &Stats) -> String {
    let (w, label, bar_h, gap) = (640.0, 90.0, 22.0, 8.0);
    let legend_h = 26.0;
    let h = legend_h + Layer::ALL.len() as f64 * (bar_h + gap);
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-label=\"outcomes per layer\">"
    );
    let mut x = 0.0;
    for o in Outcome::ALL {
        let _ = write!(
            s,
            "<rect x=\"{x}\" y=\"4\" width=\"12\" height=\"12\" fill=\"{}\"/><text x=\"{}\" y=\"14\" font-size=\"11\">{o}</text>",
            colour(o),
            x + 15.0
        );
        x += 15.0 + 7.0 * o.as_str().len() as f64 + 12.0;
    }
    for (i, l) in Layer::ALL.iter().enumerate() {
        let y = legend_h + i as f64 * (bar_h + gap);
        let t = stats.layers.get(l).cloned().unwrap_or_default();
        let total = t.total().max(1) as f64;
        let _ = write!(
            s,
            "<text x=\"0\" y=\"{}\" font-size=\"12\">{l}</text>",
            y + bar_h * 0.7
        );
        let mut x = label;
        for o in Outcome::ALL {
            let n = t.get(o);
            if n == 0 {
                continue;
            }
            let bw = (w - label - 4.0) * n as f64 / total;
            let _ = write!(
                s,
                "<rect x=\"{x:.1}\" y=\"{y}\" width=\"{bw:.1}\" height=\"{bar_h}\" fill=\"{}\"><title>{l}: {n} {o}</title></rect>",
                colour(o)
            );
            x += bw;
        }
    }
    s.push_str("</svg>");
    s
}

/// Per-program refvm/CPython execute-time ratios, sorted, on a log scale with 1× marked.
pub fn ratio_chart(stats: &Stats) -> String {
    if stats.ratios.is_empty() {
        return "<p>No program ran on refvm's VM yet: no ratios to plot.</p>".to_owned();
    }
    let (w, h, left, bottom) = (640.0, 240.0, 48.0, 20.0);
    let logs: Vec<f64> = stats
        .ratios
        .iter()
        .map(|(_, r)| r.max(1e-3).log10())
        .collect();
    let lo = logs.iter().copied().fold(0.0f64, f64::min).floor();
    let hi = logs
        .iter()
        .copied()
        .fold(0.0f64, f64::max)
        .ceil()
        .max(lo + 1.0);
    let y_of = |v: f64| (h - bottom) - (v - lo) / (hi - lo) * (h - bottom - 10.0);
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-label=\"time ratios\">"
    );
    let mut tick = lo;
    while tick <= hi + 1e-9 {
        let y = y_of(tick);
        let _ = write!(
            s,
            "<line x1=\"{left}\" x2=\"{w}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"{}\"/><text x=\"0\" y=\"{:.1}\" font-size=\"11\">{}×</text>",
            if tick == 0.0 { "#555" } else { "#ddd" },
            y + 4.0,
            10f64.powf(tick)
        );
        tick += 1.0;
    }
    let n = logs.len() as f64;
    let step = (w - left - 4.0) / n;
    for (i, ((program, ratio), v)) in stats.ratios.iter().zip(&logs).enumerate() {
        let x = left + (i as f64 + 0.5) * step;
        let _ = write!(
            s,
            "<circle cx=\"{x:.1}\" cy=\"{:.1}\" r=\"2.5\" fill=\"#3b7dd8\"><title>{}: {ratio:.2}×</title></circle>",
            y_of(*v),
            xml_escape(program)
        );
    }
    let _ = write!(
        s,
        "<text x=\"{left}\" y=\"{}\" font-size=\"11\">programs, sorted by refvm / CPython execute time</text></svg>",
        h - 4.0
    );
    s
}
