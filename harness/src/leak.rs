//! The leak check of `pyconform conform --leak-check RUNS` (issue 6): each program runs
//! RUNS times in one interpreter per engine, each time in a fresh `__main__` namespace
//! that is then cleared (as interpreter finalization clears it) and followed by a full
//! `gc.collect()`; the live-object count after every run is recorded (refvm: every live
//! object; CPython: `sys.getallocatedblocks()`). As `regrtest -R` does for refleaks, the
//! first run is a warm-up and a count that grows on every later run is a leak; a refvm
//! leak is flagged only where CPython's count does not grow too.

use crate::program::Program;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

/// The CPython side: exec the program RUNS times, print the counts as one line.
const CPYTHON_SCRIPT: &str = r#"
import gc, sys, os, io
path, runs = sys.argv[1], int(sys.argv[2])
with open(path, "rb") as f:
    src = f.read()
code = compile(src, path, "exec")
sys.path.insert(0, os.path.dirname(os.path.abspath(path)))
counts = []
real_out, real_err = sys.stdout, sys.stderr
for _ in range(runs):
    ns = {"__name__": "__main__", "__builtins__": __builtins__, "__file__": path}
    sys.stdout, sys.stderr = io.StringIO(), io.StringIO()
    try:
        exec(code, ns)
    except BaseException:
        pass
    for key in list(ns):
        if key[:1] == "_" and key[1:2] != "_":
            ns[key] = None
    for key in list(ns):
        if key != "__builtins__":
            ns[key] = None
    del ns
    sys.stdout, sys.stderr = real_out, real_err
    sys.last_type = sys.last_value = sys.last_traceback = None
    gc.collect()
    counts.append(sys.getallocatedblocks())
print(" ".join(map(str, counts)))
"#;

/// Live-object counts per run on both engines, and the verdict.
#[derive(Debug, Clone)]
pub struct LeakResult {
    pub program: String,
    pub cpython: Vec<i64>,
    pub refvm: Vec<i64>,
}

/// Whether the counts grow on every run after the warm-up (at least two growth steps).
pub fn grows(counts: &[i64]) -> bool {
    counts.len() >= 3 && counts[1..].windows(2).all(|w| w[1] > w[0])
}

impl LeakResult {
    /// A refvm leak: refvm's count keeps growing and CPython's does not.
    pub fn refvm_leaks(&self) -> bool {
        grows(&self.refvm) && !grows(&self.cpython)
    }
}

fn cpython_counts(program: &Program, runs: usize, timeout: Duration) -> Vec<i64> {
    let child = Command::new("timeout")
        .arg(format!("{}", timeout.as_secs().max(1)))
        .arg("python3")
        .arg("-c")
        .arg(CPYTHON_SCRIPT)
        .arg(&program.abs)
        .arg(runs.to_string())
        .env("PYTHONHASHSEED", "0")
        .current_dir(program.module_dir())
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output();
    match child {
        Ok(o) => String::from_utf8_lossy(&o.stdout)
            .lines()
            .last()
            .unwrap_or("")
            .split_whitespace()
            .filter_map(|x| x.parse().ok())
            .collect(),
        Err(_) => Vec::new(),
    }
}

fn refvm_counts(program: &Program, runs: usize, fuel: u64, max_memory: usize) -> Vec<i64> {
    let Ok(source) = std::fs::read(&program.abs) else {
        return Vec::new();
    };
    let filename = program.abs.to_string_lossy().into_owned();
    let compiled = std::panic::catch_unwind(|| {
        refvm_compiler::compile_source(&source, &refvm_compiler::CompileOptions::new(&filename))
    });
    let Ok(Ok(code)) = compiled else {
        return Vec::new();
    };
    let config = refvm_runtime::RunConfig {
        fuel: Some(fuel),
        max_memory: Some(max_memory),
        argv: vec![program.display.clone()],
        module_dir: Some(program.module_dir()),
        ..Default::default()
    };
    let code = Arc::new(code);
    std::panic::catch_unwind(move || refvm_runtime::leak_check(code, &config, runs))
        .unwrap_or_default()
}

/// Runs the leak check of one program.
pub fn check(program: &Program, runs: usize, fuel: u64, max_memory: usize) -> LeakResult {
    LeakResult {
        program: program.rel.clone(),
        cpython: cpython_counts(program, runs, Duration::from_secs(60)),
        refvm: refvm_counts(program, runs, fuel, max_memory),
    }
}

/// The leak report: one line per program, flagged ones marked `LEAK`.
pub fn render(results: &[LeakResult]) -> String {
    let mut s = String::new();
    for r in results {
        s.push_str(&format!(
            "{}{}\tcpython {:?}\trefvm {:?}\n",
            if r.refvm_leaks() { "LEAK " } else { "" },
            r.program,
            r.cpython,
            r.refvm
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn growth_after_warmup() {
        assert!(grows(&[5, 10, 11, 12]));
        assert!(!grows(&[5, 10, 10, 12]));
        assert!(!grows(&[5, 10]));
        let r = LeakResult {
            program: "p".into(),
            cpython: vec![1, 2, 2, 2],
            refvm: vec![1, 2, 3, 4],
        };
        assert!(r.refvm_leaks());
    }
}
