//! refvm's VM: runs CPython 3.11 code objects with CPython's semantics, reference counts
//! included.
//!
//! Entry point (keep this signature): [`run`] takes a module code object and a
//! [`RunConfig`] and always returns a [`RunResult`]; no input may panic it.

use refvm_bytecode::CodeObject;
use std::path::PathBuf;
use std::sync::Arc;

/// Limits and environment of one run.
#[derive(Clone, Debug)]
pub struct RunConfig {
    /// Stop after this many executed instructions.
    pub fuel: Option<u64>,
    /// Stop (with `MemoryError`) when the heap would exceed this many bytes.
    pub max_memory: Option<usize>,
    /// `sys.getrecursionlimit()` at start.
    pub recursion_limit: u32,
    /// Stop when stdout + stderr exceed this many bytes.
    pub max_output: usize,
    /// `sys.argv`.
    pub argv: Vec<String>,
    /// Where `import name` looks for `name.py` (the program's directory); `None`: nowhere.
    pub module_dir: Option<PathBuf>,
    /// Collect the refcount/gc probe results after the program ends.
    pub probes: bool,
}

impl Default for RunConfig {
    fn default() -> Self {
        RunConfig {
            fuel: None,
            max_memory: None,
            recursion_limit: 1000,
            max_output: 64 << 20,
            argv: vec![String::new()],
            module_dir: None,
            probes: false,
        }
    }
}

/// How a run ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RunStatus {
    /// The module body finished (or `sys.exit` was called): see `exit_code`.
    Completed,
    /// An exception escaped the module: see `exception`; `exit_code` is 1.
    Exception,
    /// `--fuel` ran out.
    FuelExhausted,
    /// `--max-memory` was reached outside Python's reach (a `MemoryError` a program can
    /// catch is an ordinary exception).
    MemoryLimit,
    /// stdout/stderr exceeded `max_output`.
    OutputLimit,
    /// The program needs something refvm does not implement yet.
    Unsupported(String),
}

/// One traceback entry, outermost first, as CPython prints it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TracebackFrame {
    pub filename: String,
    pub lineno: u32,
    pub name: String,
}

/// An exception that escaped the program.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExceptionReport {
    /// `type(e).__name__` (qualified with the module for non-builtins, as tracebacks print).
    pub type_name: String,
    /// `str(e)`.
    pub message: String,
    pub traceback: Vec<TracebackFrame>,
}

/// Probe results for the refcount/gc layer (see `RunConfig::probes`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Probes {
    /// `(name, sys.getrefcount(value))` for module-level names bound to non-module values.
    pub refcounts: Vec<(String, i64)>,
    /// The result of a final `gc.collect()`.
    pub gc_collected: Option<i64>,
}

/// Everything observable about one run.
#[derive(Clone, Debug)]
pub struct RunResult {
    pub status: RunStatus,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub exit_code: i32,
    pub exception: Option<ExceptionReport>,
    pub probes: Option<Probes>,
    /// Instructions executed.
    pub instructions: u64,
}

/// Runs a module code object as `__main__`.
pub fn run(code: Arc<CodeObject>, config: &RunConfig) -> RunResult {
    let _ = (code, config);
    RunResult {
        status: RunStatus::Unsupported("the VM is not implemented yet".into()),
        stdout: Vec::new(),
        stderr: Vec::new(),
        exit_code: 0,
        exception: None,
        probes: None,
        instructions: 0,
    }
}
