//! What the cargo-fuzz targets in `fuzz/` call: the compile property (refvm's code
//! objects against CPython's `compile()`, CPython embedded in this process through pyo3)
//! and the run property (a generated program on both engines, the campaign's check).
//! A divergence is a finding: saved once per signature under `reports/findings/` (or
//! `$PYCONFORM_FUZZ_OUT/findings/`) and announced on stderr, so a fuzzing session keeps
//! going and reports every distinct divergence; a refvm panic is always a crash, and
//! with `PYCONFORM_FUZZ_STRICT=1` every new finding is one too.

use super::check::{Case, Checked, LayerSet, check_batch};
use super::findings::{FindingMeta, Findings};
use super::signature::{Classified, Signature, classify, signature};
use crate::check::Engines;
use crate::diff::code::first_difference;
use crate::engine::Limits;
use crate::engine::cpython::CpythonEngine;
use crate::engine::refvm::RefvmEngine;
use crate::outcome::{Layer, Verdict};
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

/// `compile(source, filename, "exec")` by the CPython embedded in this process,
/// marshalled; or the exception as `TypeName: message`.
pub fn cpython_compile(source: &str, filename: &str) -> Result<Vec<u8>, String> {
    Python::attach(|py| {
        let run = || -> PyResult<Vec<u8>> {
            let builtins = py.import("builtins")?;
            let code = builtins.call_method1("compile", (source, filename, "exec"))?;
            let bytes = py.import("marshal")?.call_method1("dumps", (code,))?;
            Ok(bytes.cast_into::<PyBytes>()?.as_bytes().to_vec())
        };
        run().map_err(|e| {
            let name = e
                .get_type(py)
                .name()
                .map(|n| n.to_string())
                .unwrap_or_default();
            format!("{name}: {}", e.value(py))
        })
    })
}

/// The compile property on one source: `None` when refvm and CPython agree (or refvm
/// reports the construct unsupported), else the bytecode layer's diverging verdict.
pub fn compile_divergence(source: &str, filename: &str) -> Option<Verdict> {
    let opts = refvm_compiler::CompileOptions::new(filename);
    let refvm = refvm_compiler::compile_source(source.as_bytes(), &opts);
    let cpython = cpython_compile(source, filename);
    match (cpython, refvm) {
        (_, Err(refvm_compiler::CompileError::Unsupported(_))) => None,
        (Ok(bytes), Ok(code)) => match refvm_bytecode::marshal::loads(&bytes) {
            Ok(theirs) => first_difference(&theirs, &code).map(Verdict::diverge),
            Err(e) => Some(Verdict::diverge(format!(
                "refvm cannot read CPython's marshalled code: {e}"
            ))),
        },
        (Err(theirs), Err(ours)) => {
            // The same exception type (messages are the syntax layer's business).
            let ours = ours.to_string();
            let t = |s: &str| s.split(':').next().unwrap_or("").trim().to_owned();
            (t(&theirs) != t(&ours) && !ours.starts_with("SyntaxError"))
                .then(|| Verdict::diverge(format!("cpython raised {theirs}; refvm raised {ours}")))
        }
        (Ok(_), Err(e)) => Some(Verdict::diverge(format!(
            "cpython compiled it; refvm raised {e}"
        ))),
        (Err(e), Ok(_)) => Some(Verdict::diverge(format!(
            "cpython raised {e}; refvm compiled it"
        ))),
    }
}

/// Is every new finding a crash (`PYCONFORM_FUZZ_STRICT=1`)?
pub fn strict() -> bool {
    std::env::var_os("PYCONFORM_FUZZ_STRICT").is_some_and(|v| v != "0")
}

/// Where the targets save findings: `$PYCONFORM_FUZZ_OUT` or `reports`.
fn out_dir() -> PathBuf {
    std::env::var_os("PYCONFORM_FUZZ_OUT")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("reports"))
}

/// Findings of one fuzzing process, deduplicated by signature.
pub struct Reporter {
    pub findings: Findings,
    seen: Mutex<BTreeSet<String>>,
}

impl Default for Reporter {
    fn default() -> Self {
        Reporter {
            findings: Findings::new(&out_dir()),
            seen: Mutex::new(BTreeSet::new()),
        }
    }
}

impl Reporter {
    /// Records `sig`; true when it is new to this process (then it is announced and,
    /// unless already on disk, saved by `save`).
    fn first(&self, sig: &Signature, headline: &str) -> bool {
        let slug = sig.slug();
        let new = self
            .seen
            .lock()
            .map(|mut s| s.insert(slug.clone()))
            .unwrap_or(false);
        if new {
            eprintln!("FINDING {slug}: {headline}");
        }
        new
    }

    /// Reports a compile-property divergence of `source`.
    pub fn compile_finding(&self, source: &str, v: &Verdict) {
        let sig = signature(Layer::Bytecode, v);
        let detail = v.detail.as_deref().unwrap_or("");
        let headline = detail.lines().next().unwrap_or("");
        if !self.first(&sig, headline) {
            return;
        }
        if !self.findings.exists(&sig.slug()) {
            let dir = self.findings.dir(&sig.slug());
            let mut meta = FindingMeta::new(&sig, 0, 0);
            meta.seed = None;
            meta.index = None;
            meta.original_lines = source.lines().count();
            meta.headline = headline.to_owned();
            let saved = std::fs::create_dir_all(&dir)
                .and_then(|_| std::fs::write(dir.join("original.py"), source))
                .and_then(|_| {
                    std::fs::write(dir.join("diff.txt"), format!("bytecode:\n{detail}\n"))
                })
                .map_err(|e| e.to_string())
                .and_then(|_| self.findings.write_meta(&meta));
            if let Err(e) = saved {
                eprintln!("cannot save finding {}: {e}", sig.slug());
            }
        }
        if strict() {
            panic!("new finding {}: {headline}", sig.slug());
        }
    }

    /// Reports a run-property finding (the campaign's check of one program).
    fn run_finding(&self, sig: &Signature, source: &str, c: &Checked) {
        let headline = c
            .result
            .layers
            .get(&sig.layer)
            .and_then(|v| v.detail.as_deref())
            .and_then(|d| d.lines().next())
            .unwrap_or("")
            .to_owned();
        if !self.first(sig, &headline) {
            return;
        }
        if !self.findings.exists(&sig.slug()) {
            let mut meta = FindingMeta::new(sig, 0, 0);
            meta.seed = None;
            meta.index = None;
            if let Err(e) = self.findings.save_new(sig, source, c, meta) {
                eprintln!("cannot save finding {}: {e}", sig.slug());
            }
        }
        let panic = sig.kind.starts_with("panic");
        if panic || strict() {
            panic!("finding {}: {headline}", sig.slug());
        }
    }
}

/// Both engines for the run property: CPython workers are `$PYCONFORM_WORKER_EXE
/// __worker` (a fuzz binary cannot re-execute itself as a worker: build `pyconform`
/// and point the variable at it).
pub struct RunSession {
    engines: Engines,
    dir: tempfile::TempDir,
    next: AtomicU64,
    pub reporter: Reporter,
    layers: LayerSet,
}

impl RunSession {
    pub fn start() -> Result<RunSession, String> {
        let limits = Limits {
            timeout: std::time::Duration::from_secs(5),
            ..Limits::default()
        };
        if std::env::var_os("PYCONFORM_WORKER_EXE").is_none() {
            return Err("set PYCONFORM_WORKER_EXE to a built `pyconform` binary".into());
        }
        Ok(RunSession {
            engines: Engines {
                cpython: CpythonEngine::start(limits.clone(), None)?,
                refvm: RefvmEngine::new(limits),
                time_runs: 1,
            },
            dir: tempfile::tempdir().map_err(|e| e.to_string())?,
            next: AtomicU64::new(0),
            reporter: Reporter::default(),
            layers: "output,refcount".parse()?,
        })
    }

    /// Runs `source` on both engines and classifies it, reporting a finding.
    pub fn check(&self, source: &str) -> Classified {
        let i = self.next.fetch_add(1, Ordering::Relaxed);
        let path = self.dir.path().join(format!("p{}.py", i % 64));
        let Ok(case) = Case::write(&path, source.as_bytes()) else {
            return Classified::Unsupported;
        };
        let checked = check_batch(&self.engines, std::slice::from_ref(&case), &self.layers);
        let Some(c) = checked.first() else {
            return Classified::Unsupported;
        };
        let class = classify(&c.result, &c.poison);
        if let Classified::Finding(sig) = &class {
            self.reporter.run_finding(sig, source, c);
        }
        class
    }
}

#[cfg(test)]
mod tests {
    use super::compile_divergence;

    #[test]
    fn the_compile_property_sees_agreement_and_divergence() {
        assert!(compile_divergence("x = [1, 2]\nprint(x)\n", "t.py").is_none());
        // A syntax error on both sides is agreement.
        assert!(compile_divergence("x = = 1\n", "t.py").is_none());
        // Whether or not refvm still orders this frozenset constant differently, the
        // property must answer without panicking.
        let _ = compile_divergence("{0, 6, 68}\n", "t.py");
    }
}
