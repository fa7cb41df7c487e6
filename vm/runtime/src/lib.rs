//! refvm's VM: runs CPython 3.11 code objects with CPython's semantics, reference counts
//! included.
//!
//! Entry point (keep this signature): [`run`] takes a module code object and a
//! [`RunConfig`] and always returns a [`RunResult`]; no input may panic it.
//!
//! # Architecture
//!
//! **Object model** (`object/`). Every object is a heap block `[GcHead] PyObject payload
//! [var part] [extras]`: a CPython-style header (`ob_refcnt`, `ob_type`) followed by the
//! `#[repr(C)]` payload of its type's *layout* (`object::Layout`; one struct per builtin
//! type, e.g. `PyFloat` is 24 bytes like CPython's), an inline variable part (tuple items,
//! str bytes), and "extra words" for heap-type instances (`__dict__`, `__slots__`).
//! GC-capable types (containers, functions, classes, instances) carry a two-word
//! `GcHead` before the object and are linked into generation 0 — the collector of issue 6
//! walks those lists with the `traverse`/`clear` slots; nothing else needs to change.
//!
//! **Ownership.** [`object::PyRef`] owns one reference: `clone` = incref, `drop` = decref
//! and, at zero, `object::alloc::dealloc` (finalizer/`__del__`, untrack, drop payload,
//! free; long chains go through a trashcan so they never recurse deeply). `&PyObject` is
//! a borrowed reference. References are held exactly where CPython holds them (value
//! stack, fast locals, cells, containers; call arguments are borrowed slices of the
//! caller's stack, Python→Python calls move them into the callee's frame), so
//! `sys.getrefcount` agrees with CPython.
//!
//! **Invariant (interior mutability).** Objects are shared and mutated through
//! `UnsafeCell`. Never hold a borrow of an object's storage (list items, dict table,
//! a `Field`) across anything that can run Python code — a call, a comparison, a hash,
//! *or dropping a `PyRef`* (which may run `__del__`). Take values out, release the
//! borrow, then drop/call (see `PyList::with_mut`, `Field::set`, `PyDict::lookup`).
//!
//! **Types** (`object/typeobj.rs`, `objects/`). A `PyType` holds CPython's slots as Rust
//! function pointers (`Slots`: `nb_*`, `richcompare`, `hash`, `getattro`, `call`,
//! `iter`/`iternext`, …). Builtin types fill them in their `init`; `objects/wrappers.rs`
//! exposes them as `__add__`-style slot wrappers; user classes get `objects/slotdefs.rs`'s
//! `slot_*` functions that call the Python dunder (as `typeobject.c`), MRO by C3.
//!
//! **Eval loop** (`eval/`). One loop runs a stack of frames: a Python→Python `CALL`
//! pushes a recycled boxed `Frame` and continues, `RETURN_VALUE` pops — no Rust recursion.
//! Native code calling Python (`ops::call` → `eval::call_function`) starts a nested loop;
//! each frame counts against the recursion limit and re-entry checks the remaining Rust
//! stack, so deep recursion ends in `RecursionError`, never a crash. Errors unwind through
//! the 3.11 exception table; tracebacks carry frame objects and line numbers from
//! `co_linetable`. Malformed bytecode raises `SystemError` (checked opargs, checked stack).
//!
//! **Sandbox.** Fuel is counted per instruction (and per native iteration step), memory on
//! every allocation (`object::alloc`), output on every write; exceeding them stops the run
//! with an uncatchable abort (`vm::Abort`). `run` executes on its own thread with a large
//! stack.
//!
//! # Adding things
//! - A builtin type: see `objects/mod.rs`. A method: a `fn(&Vm, &[PyRef], Option<&PyTuple>)
//!   -> PyResult` (args[0] is self) listed in the type's `MethodDef` table; parse
//!   arguments with `argparse`, build errors with `vm.new_type_error(...)` etc.
//! - A module: see `modules/mod.rs`.
//! - An opcode family: `eval/ops_*.rs`.

pub mod argparse;
pub mod builtins;
pub mod error;
pub mod eval;
pub mod gc;
pub mod modules;
pub mod object;
pub mod objects;
pub mod ops;
pub mod traceback;
pub mod traceback_anchors;
pub mod traceback_width;
pub mod vm;

use refvm_bytecode::CodeObject;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Compiles a module's source for `import` (the harness passes CPython's compiler here
/// for the "CPython compiler → refvm VM" cell); `None` in `RunConfig` means refvm's own.
#[derive(Clone)]
pub struct ModuleCompiler(
    pub Arc<dyn Fn(&Path, &[u8]) -> Result<CodeObject, String> + Send + Sync>,
);

impl std::fmt::Debug for ModuleCompiler {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ModuleCompiler(..)")
    }
}

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
///
/// Until the harness fixes the exact quantity: for every module-level name of `__main__`
/// bound to a non-module object, `sys.getrefcount(value) - 1` measured from native code
/// (no argument reference), i.e. the references beyond the namespace binding plus one
/// (the binding itself is included, the probe's own argument is not).
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

/// Stack size of the thread a run executes on (reserved, committed lazily).
const RUN_STACK: usize = 512 << 20;

/// Runs a module code object as `__main__`; imported `.py` files are compiled by refvm.
pub fn run(code: Arc<CodeObject>, config: &RunConfig) -> RunResult {
    run_with_compiler(code, config, None)
}

/// Leak check: runs `code` `runs` times in one VM (fresh `__main__` each time, cleared and
/// collected after) and returns the number of live objects after each run (see
/// `gc::leak`). Output is discarded.
pub fn leak_check(code: Arc<CodeObject>, config: &RunConfig, runs: usize) -> Vec<i64> {
    let cfg = config.clone();
    let spawned = std::thread::Builder::new()
        .name("refvm-leak".into())
        .stack_size(RUN_STACK)
        .spawn(move || gc::leak::leak_check_main(code, &cfg, runs));
    match spawned {
        Ok(h) => h.join().unwrap_or_default(),
        Err(_) => Vec::new(),
    }
}

/// [`run_with_compiler`] on the calling thread: no thread is spawned (a spawn and join
/// per run dominated short runs). The run executes on a fresh stack segment of the same
/// size as the run thread's (reserved, committed lazily) unless the caller has that much
/// left, so recursion limits and RecursionError depths are the same as with [`run`].
/// Consecutive runs on one thread are independent (each starts a new VM, so a program
/// observes exactly what a fresh process shows); the thread's object-memory count is reset
/// at the start of each run. Each run frees its whole VM at the end (builtin types,
/// singletons, interned strings, `sys.modules`: `vm::release`), so a worker thread can make
/// any number of runs without its memory growing (`--example vm_create`: 0 objects and
/// no resident memory left per run).
pub fn run_on_current_thread(
    code: Arc<CodeObject>,
    config: &RunConfig,
    compiler: Option<ModuleCompiler>,
) -> RunResult {
    object::alloc::reset_thread_counts();
    stacker::maybe_grow(RUN_STACK - (1 << 20), RUN_STACK, || {
        vm::run::run_main(code, config, compiler)
    })
}

/// [`run`], with imported `.py` files compiled by `compiler` (e.g. CPython's, for the
/// "CPython compiler -> refvm VM" cell); `None` is refvm's compiler.
pub fn run_with_compiler(
    code: Arc<CodeObject>,
    config: &RunConfig,
    compiler: Option<ModuleCompiler>,
) -> RunResult {
    let cfg = config.clone();
    let spawned = std::thread::Builder::new()
        .name("refvm".into())
        .stack_size(RUN_STACK)
        .spawn(move || vm::run::run_main(code, &cfg, compiler));
    match spawned {
        Ok(h) => match h.join() {
            Ok(r) => r,
            Err(p) => std::panic::resume_unwind(p),
        },
        Err(_) => RunResult {
            status: RunStatus::Unsupported("could not start the VM thread".into()),
            stdout: Vec::new(),
            stderr: Vec::new(),
            exit_code: 1,
            exception: None,
            probes: None,
            instructions: 0,
        },
    }
}
