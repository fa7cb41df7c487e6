//! Findings: one directory per divergence signature under `reports/findings/` —
//! `original.py`, `reduced.py`, both engines' observations (`cpython.txt`,
//! `refvm.txt`), the diff (`diff.txt`) and `finding.json` — and their promotion into
//! `corpus/regressions/` as ordinary corpus programs.

use super::check::Checked;
use super::signature::Signature;
use crate::observe::{RunObs, Stage, StaticObs};
use crate::outcome::Layer;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// Where a finding stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Saved as found; not reduced yet.
    Unreduced,
    /// Reduced and re-verified with the full per-program check.
    Reduced,
    /// The divergence did not reproduce when the program was checked again.
    Flaky,
}

/// `finding.json`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct FindingMeta {
    pub signature: String,
    pub layer: Layer,
    pub kind: String,
    /// The campaign and program that first showed it (`generate(seed, index)`).
    pub seed: Option<u64>,
    pub index: Option<u64>,
    pub status: Status,
    pub original_lines: usize,
    pub reduced_lines: Option<usize>,
    /// Candidate programs the reducer checked, and how long it took.
    pub reduce_checks: Option<u64>,
    pub reduce_seconds: Option<f64>,
    /// Did the full check (`pyconform diff`'s path) confirm the reduced program?
    pub verified: Option<bool>,
    /// The first difference, as the layer diff words it.
    pub headline: String,
}

impl FindingMeta {
    pub fn new(sig: &Signature, seed: u64, index: u64) -> Self {
        FindingMeta {
            signature: sig.slug(),
            layer: sig.layer,
            kind: sig.kind.clone(),
            seed: Some(seed),
            index: Some(index),
            status: Status::Unreduced,
            original_lines: 0,
            reduced_lines: None,
            reduce_checks: None,
            reduce_seconds: None,
            verified: None,
            headline: String::new(),
        }
    }
}

/// The findings directory.
#[derive(Clone, Debug)]
pub struct Findings {
    pub root: PathBuf,
}

impl Findings {
    pub fn new(reports: &Path) -> Self {
        Findings {
            root: reports.join("findings"),
        }
    }

    pub fn dir(&self, slug: &str) -> PathBuf {
        self.root.join(slug)
    }

    pub fn exists(&self, slug: &str) -> bool {
        self.dir(slug).join("finding.json").exists()
    }

    /// Saves a newly found divergence (its original program and observations).
    pub fn save_new(
        &self,
        sig: &Signature,
        source: &str,
        c: &Checked,
        mut meta: FindingMeta,
    ) -> Result<(), String> {
        let dir = self.dir(&sig.slug());
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        meta.original_lines = source.lines().count();
        meta.headline = c
            .result
            .layers
            .get(&sig.layer)
            .and_then(|v| v.detail.as_deref())
            .and_then(|d| d.lines().next())
            .unwrap_or("")
            .to_owned();
        write(&dir.join("original.py"), source)?;
        self.write_observations(&dir, sig.layer, c)?;
        self.write_meta(&meta)
    }

    /// `cpython.txt`, `refvm.txt` and `diff.txt` of a checked program.
    pub fn write_observations(&self, dir: &Path, layer: Layer, c: &Checked) -> Result<(), String> {
        write(
            &dir.join("cpython.txt"),
            &render(layer, &c.cpython, &c.oracle),
        )?;
        write(
            &dir.join("refvm.txt"),
            &render(layer, &c.refvm, &c.refvm_run),
        )?;
        let mut diff = String::new();
        for (l, v) in &c.result.layers {
            diff.push_str(&format!("{l}: {}\n", v.outcome));
            if let Some(d) = &v.detail
                && *l == layer
            {
                for line in d.lines() {
                    diff.push_str("    ");
                    diff.push_str(line);
                    diff.push('\n');
                }
            }
        }
        write(&dir.join("diff.txt"), &diff)
    }

    pub fn write_meta(&self, meta: &FindingMeta) -> Result<(), String> {
        let path = self.dir(&meta.signature).join("finding.json");
        let text = serde_json::to_string_pretty(meta).map_err(|e| e.to_string())?;
        write(&path, &(text + "\n"))
    }

    pub fn meta(&self, slug: &str) -> Result<FindingMeta, String> {
        let path = self.dir(slug).join("finding.json");
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        serde_json::from_slice(&bytes).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// Every finding's metadata, by signature.
    pub fn all(&self) -> Vec<FindingMeta> {
        let Ok(rd) = std::fs::read_dir(&self.root) else {
            return Vec::new();
        };
        let mut v: Vec<FindingMeta> = rd
            .filter_map(|e| e.ok())
            .filter_map(|e| self.meta(&e.file_name().to_string_lossy()).ok())
            .collect();
        v.sort_by(|a, b| a.signature.cmp(&b.signature));
        v
    }

    /// Copies a finding's program (reduced when there is one) into
    /// `corpus_dir/regressions/<signature>.py`, headed by a comment naming it.
    ///
    /// `lead_print` puts a `print` before the program's first statement: for a program
    /// that raises before it prints anything (its promoted copy would otherwise show
    /// only a traceback; the print appended at the end never runs).
    pub fn promote(
        &self,
        slug: &str,
        corpus_dir: &Path,
        lead_print: bool,
    ) -> Result<PathBuf, String> {
        let meta = self.meta(slug)?;
        let dir = self.dir(slug);
        let reduced = dir.join("reduced.py");
        let src_path = if reduced.exists() {
            reduced
        } else {
            dir.join("original.py")
        };
        let source = std::fs::read_to_string(&src_path)
            .map_err(|e| format!("{}: {e}", src_path.display()))?;
        let origin = match (meta.seed, meta.index) {
            (Some(s), Some(i)) => format!(" (pyconform fuzz --seed {s}, program {i})"),
            _ => String::new(),
        };
        let mut header = format!(
            "# Regression from a fuzz finding{origin}: {}.\n",
            meta.headline.trim()
        );
        if let Some(code) = expected_exit(&dir) {
            header.push_str(&format!("# expect-exit: {code}\n"));
        }
        // Corpus programs print what they compute: a reduced program that lost every
        // `print` gets one at the end (it runs after the diverging code, so the
        // divergence stays; `pyconform diff` on the promoted file confirms it).
        let source = if lead_print {
            with_lead_print(&source)
        } else if source.contains("print(") {
            source
        } else {
            format!(
                "{}\nprint('regression ran to the end')\n",
                source.trim_end()
            )
        };
        let out_dir = corpus_dir.join("regressions");
        std::fs::create_dir_all(&out_dir).map_err(|e| format!("{}: {e}", out_dir.display()))?;
        let name = slug.replace('-', "_");
        let path = out_dir.join(format!("{name}.py"));
        write(&path, &(header + &source))?;
        Ok(path)
    }
}

/// `source` with `print('regression: the program starts')` before its first statement
/// (after any `from __future__` imports, which must come first).
pub fn with_lead_print(source: &str) -> String {
    let mut out = String::new();
    let mut placed = false;
    for line in source.lines() {
        let future = line.starts_with("from __future__");
        let blank = line.trim().is_empty() || line.starts_with('#');
        if !placed && !future && !blank {
            out.push_str("print('regression: the program starts')\n");
            placed = true;
        }
        out.push_str(line);
        out.push('\n');
    }
    if !placed {
        out.push_str("print('regression: the program starts')\n");
    }
    out
}

/// The exit status CPython's run ended with, from `cpython.txt`, when not 0.
fn expected_exit(dir: &Path) -> Option<i32> {
    let text = std::fs::read_to_string(dir.join("cpython.txt")).ok()?;
    let line = text.lines().find(|l| l.starts_with("exit status: "))?;
    let code: i32 = line["exit status: ".len()..].trim().parse().ok()?;
    (code != 0).then_some(code)
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

fn stage_text<T>(s: &Stage<T>, f: impl FnOnce(&T) -> String) -> String {
    match s {
        Stage::Ok(v) => f(v),
        Stage::Unsupported(why) => format!("(unsupported: {why})\n"),
        Stage::Skip(why) => format!("(skipped: {why})\n"),
        Stage::Failed(o, why) => format!("({o}: {why})\n"),
    }
}

/// One engine's observations relevant to `layer`, as text.
pub fn render(layer: Layer, s: &StaticObs, run: &Stage<RunObs>) -> String {
    let mut out = String::new();
    let section = |out: &mut String, title: &str, body: String| {
        out.push_str(&format!("== {title}\n{body}"));
        if !out.ends_with('\n') {
            out.push('\n');
        }
    };
    match layer {
        Layer::Tokens => section(
            &mut out,
            "tokens",
            stage_text(&s.tokens, |t| {
                format!(
                    "exit status: {}\n-- stdout\n{}-- stderr\n{}",
                    t.exit_code,
                    String::from_utf8_lossy(&t.stdout),
                    String::from_utf8_lossy(&t.stderr)
                )
            }),
        ),
        Layer::Ast => section(
            &mut out,
            "ast",
            stage_text(&s.ast, |r| match r {
                Ok(d) => d.clone(),
                Err(e) => e.render(),
            }),
        ),
        Layer::Bytecode | Layer::Dis | Layer::Marshal => {
            section(
                &mut out,
                "code",
                stage_text(&s.code, |r| match r {
                    Ok(c) => {
                        let text = format!("{c:#?}");
                        text.lines().take(400).collect::<Vec<_>>().join("\n")
                    }
                    Err(e) => e.render(),
                }),
            );
            section(&mut out, "dis", stage_text(&s.dis, |d| d.clone()));
            section(
                &mut out,
                "pyc",
                stage_text(&s.pyc, |b| {
                    b.chunks(16)
                        .map(|c| {
                            c.iter()
                                .map(|x| format!("{x:02x}"))
                                .collect::<Vec<_>>()
                                .join(" ")
                                + "\n"
                        })
                        .collect()
                }),
            );
        }
        Layer::Output | Layer::Refcount => section(
            &mut out,
            "run",
            stage_text(run, |r| {
                let mut t = format!(
                    "exit status: {}\n-- stdout\n{}",
                    r.exit_code,
                    String::from_utf8_lossy(&r.stdout)
                );
                if let Some(e) = &r.stderr {
                    t.push_str(&format!("-- stderr\n{}", String::from_utf8_lossy(e)));
                }
                if let Some(e) = &r.exception {
                    t.push_str(&format!("-- exception\n{}: {}\n", e.type_name, e.message));
                    for f in &e.frames {
                        t.push_str(&format!(
                            "  File \"{}\", line {}, in {}\n",
                            f.filename, f.lineno, f.name
                        ));
                    }
                }
                if let Some(p) = &r.probes {
                    t.push_str(&format!(
                        "-- probes\n{:?}\ngc.collect(): {:?}\n",
                        p.refcounts, p.gc_collected
                    ));
                }
                t
            }),
        ),
    }
    out
}

#[cfg(test)]
mod tests {
    use super::with_lead_print;

    #[test]
    fn lead_print_goes_before_the_first_statement() {
        assert_eq!(
            with_lead_print("# c\nfrom __future__ import annotations\n''[6]\n"),
            "# c\nfrom __future__ import annotations\nprint('regression: the program starts')\n''[6]\n"
        );
        assert_eq!(
            with_lead_print(""),
            "print('regression: the program starts')\n"
        );
    }
}
