//! The reports of `pyconform bench`: `bench.csv` (one row per program), `bench.md` and a
//! self-contained `bench.html` with the ratio chart of [`super::svg::ratio_chart`]. Each
//! names the exact CPython build it compared against and the refvm commit.

use super::junit::xml_escape as esc;
use super::stats::Stats;
use super::svg;
use std::fmt::Write;
use std::path::{Path, PathBuf};

/// One benchmark program's numbers (times in seconds, execute only).
#[derive(Clone, Debug)]
pub struct BenchRow {
    pub program: String,
    pub runs: u32,
    /// Median execute time on CPython.
    pub cpython_s: f64,
    /// Median execute time on refvm.
    pub refvm_s: f64,
    /// `refvm_s / cpython_s`.
    pub ratio: f64,
    /// Smallest and largest ratio of one interleaved pair of runs.
    pub ratio_min: f64,
    pub ratio_max: f64,
    /// Both engines printed the same bytes on every run.
    pub same_output: bool,
    /// Why the program has no numbers.
    pub error: Option<String>,
}

/// A whole `pyconform bench` run.
#[derive(Clone, Debug)]
pub struct BenchReport {
    /// `sys.version` of the embedded CPython.
    pub cpython_version: String,
    /// The libpython the worker loaded.
    pub libpython: String,
    pub refvm_commit: String,
    pub dir: String,
    /// Geometric mean of the ratios of the programs that ran.
    pub geomean: Option<f64>,
    pub rows: Vec<BenchRow>,
}

fn fmt_ratio(x: f64) -> String {
    if x.is_finite() {
        format!("{x:.2}")
    } else {
        "–".to_owned()
    }
}

impl BenchReport {
    fn header_line(&self) -> String {
        format!(
            "refvm `{}` vs CPython `{}` (`{}`), programs from `{}`",
            self.refvm_commit,
            self.cpython_version.replace('\n', " "),
            self.libpython,
            self.dir
        )
    }

    /// `bench.csv`.
    pub fn csv(&self) -> Result<String, String> {
        let mut w = csv::Writer::from_writer(Vec::new());
        let e = |e: csv::Error| e.to_string();
        w.write_record([
            "program",
            "runs",
            "cpython_s",
            "refvm_s",
            "ratio",
            "ratio_min",
            "ratio_max",
            "same_output",
            "error",
        ])
        .map_err(e)?;
        for r in &self.rows {
            w.write_record([
                r.program.clone(),
                r.runs.to_string(),
                format!("{:.6}", r.cpython_s),
                format!("{:.6}", r.refvm_s),
                format!("{:.4}", r.ratio),
                format!("{:.4}", r.ratio_min),
                format!("{:.4}", r.ratio_max),
                r.same_output.to_string(),
                r.error.clone().unwrap_or_default(),
            ])
            .map_err(e)?;
        }
        w.write_record([
            "geomean",
            "",
            "",
            "",
            &self.geomean.map_or_else(String::new, |g| format!("{g:.4}")),
            "",
            "",
            "",
            "",
        ])
        .map_err(e)?;
        let bytes = w.into_inner().map_err(|e| e.to_string())?;
        String::from_utf8(bytes).map_err(|e| e.to_string())
    }

    /// `bench.md` (also printed by the command).
    pub fn markdown(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "## pyconform bench\n\n{}\n", self.header_line());
        let _ = writeln!(
            s,
            "| program | CPython (s) | refvm (s) | refvm/CPython | spread | same output |"
        );
        let _ = writeln!(s, "|---|---:|---:|---:|---|---|");
        for r in &self.rows {
            match &r.error {
                Some(e) => {
                    let _ = writeln!(s, "| {} | – | – | – | – | error: {} |", r.program, e);
                }
                None => {
                    let _ = writeln!(
                        s,
                        "| {} | {:.3} | {:.3} | **{}** | {}–{} | {} |",
                        r.program,
                        r.cpython_s,
                        r.refvm_s,
                        fmt_ratio(r.ratio),
                        fmt_ratio(r.ratio_min),
                        fmt_ratio(r.ratio_max),
                        if r.same_output { "yes" } else { "**no**" }
                    );
                }
            }
        }
        let _ = writeln!(
            s,
            "\nGeometric mean refvm/CPython: **{}** ({} runs per program and engine, interleaved; execute time only, median).",
            self.geomean.map_or_else(|| "–".to_owned(), fmt_ratio),
            self.rows.iter().map(|r| r.runs).max().unwrap_or(0)
        );
        s
    }

    /// `bench.html`.
    pub fn html(&self) -> String {
        let stats = Stats {
            ratios: {
                let mut v: Vec<(String, f64)> = self
                    .rows
                    .iter()
                    .filter(|r| r.error.is_none() && r.ratio.is_finite())
                    .map(|r| (r.program.clone(), r.ratio))
                    .collect();
                v.sort_by(|a, b| a.1.total_cmp(&b.1));
                v
            },
            ..Stats::default()
        };
        let mut s = String::from(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>pyconform bench</title><style>body{font:14px system-ui,sans-serif;margin:24px;color:#222}table{border-collapse:collapse;margin:8px 0 20px}td,th{border:1px solid #ccc;padding:3px 7px;text-align:left}th{background:#f3f4f6}td.n{text-align:right}.meta{color:#555}</style></head><body>",
        );
        let _ = write!(
            s,
            "<h1>pyconform bench: geometric mean refvm/CPython {}</h1><p class=\"meta\">refvm commit <code>{}</code><br>CPython <code>{}</code> (embedded: <code>{}</code>)<br>programs from <code>{}</code>; execute time only, median of interleaved runs.</p>",
            self.geomean.map_or_else(|| "–".to_owned(), fmt_ratio),
            esc(&self.refvm_commit),
            esc(&self.cpython_version),
            esc(&self.libpython),
            esc(&self.dir)
        );
        s.push_str(&svg::ratio_chart(&stats));
        s.push_str("<table><tr><th>program</th><th>CPython (s)</th><th>refvm (s)</th><th>ratio</th><th>spread</th><th>same output</th></tr>");
        for r in &self.rows {
            match &r.error {
                Some(e) => {
                    let _ = write!(
                        s,
                        "<tr><td>{}</td><td colspan=\"5\">error: {}</td></tr>",
                        esc(&r.program),
                        esc(e)
                    );
                }
                None => {
                    let _ = write!(
                        s,
                        "<tr><td>{}</td><td class=\"n\">{:.3}</td><td class=\"n\">{:.3}</td><td class=\"n\"><b>{}</b></td><td>{}–{}</td><td>{}</td></tr>",
                        esc(&r.program),
                        r.cpython_s,
                        r.refvm_s,
                        fmt_ratio(r.ratio),
                        fmt_ratio(r.ratio_min),
                        fmt_ratio(r.ratio_max),
                        if r.same_output { "yes" } else { "<b>no</b>" }
                    );
                }
            }
        }
        s.push_str("</table></body></html>\n");
        s
    }
}

/// Writes `bench.csv`, `bench.md` and `bench.html` into `dir`; returns their paths.
pub fn write_reports(dir: &Path, report: &BenchReport) -> Result<Vec<PathBuf>, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut written = Vec::new();
    for (name, text) in [
        ("bench.csv", report.csv()?),
        ("bench.md", report.markdown()),
        ("bench.html", report.html()),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> BenchReport {
        BenchReport {
            cpython_version: "3.11.7 (main)".into(),
            libpython: "/lib/libpython3.11.so".into(),
            refvm_commit: "abc".into(),
            dir: "corpus/bench".into(),
            geomean: Some(2.0),
            rows: vec![
                BenchRow {
                    program: "fib.py".into(),
                    runs: 3,
                    cpython_s: 1.0,
                    refvm_s: 2.0,
                    ratio: 2.0,
                    ratio_min: 1.9,
                    ratio_max: 2.1,
                    same_output: true,
                    error: None,
                },
                BenchRow {
                    program: "bad.py".into(),
                    runs: 0,
                    cpython_s: f64::NAN,
                    refvm_s: f64::NAN,
                    ratio: f64::NAN,
                    ratio_min: f64::NAN,
                    ratio_max: f64::NAN,
                    same_output: false,
                    error: Some("refvm: boom".into()),
                },
            ],
        }
    }

    #[test]
    fn reports_name_the_build_and_the_geomean() {
        let r = sample();
        let md = r.markdown();
        assert!(md.contains("3.11.7 (main)") && md.contains("**2.00**"));
        assert!(md.contains("error: refvm: boom"));
        let csv = r.csv().unwrap_or_default();
        assert!(
            csv.lines()
                .any(|l| l.starts_with("fib.py,3,1.000000,2.000000,2.0000"))
        );
        assert!(csv.lines().any(|l| l == "geomean,,,,2.0000,,,,"));
        let html = r.html();
        assert!(html.contains("<svg") && html.contains("libpython3.11.so"));
    }
}
