//! The refvm engine: the vm crates' public entry points, called in-process. Each
//! program's refvm work runs on its own thread with a 256 MiB stack ([`Isolated`]), so a
//! call that never returns costs a `timeout` and an abandoned thread, not the run. Every
//! call is fenced by `catch_unwind`, so a refvm panic becomes a `panic` observation;
//! every `Unsupported` becomes `unsupported`.

use super::{Limits, syntax_error_str};
use crate::observe::{
    CodeObs, ErrorObs, ExceptionObs, FrameObs, ProbesObs, RunObs, Stage, StaticObs, TokensObs,
};
use crate::outcome::Outcome;
use crate::program::Program;
use refvm_bytecode::CodeObject;
use refvm_compiler::{CompileError, CompileOptions};
use refvm_runtime::{ModuleCompiler, RunConfig, RunStatus};
use refvm_syntax::ParseError;
use std::cell::RefCell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc;
use std::sync::{Arc, Once};
use std::time::{Duration, Instant};

/// Stack of the threads refvm runs on: deeply nested input must not overflow it.
pub const REFVM_STACK: usize = 256 << 20;

/// refvm work running on its own thread, awaited with a wall-clock limit.
pub struct Isolated<T> {
    rx: mpsc::Receiver<T>,
    deadline: Instant,
}

impl<T: Send + 'static> Isolated<T> {
    /// Starts `f` on a fresh big-stack thread; `limit` counts from now.
    pub fn spawn(limit: Duration, f: impl FnOnce() -> T + Send + 'static) -> Isolated<T> {
        let (tx, rx) = mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("refvm".into())
            .stack_size(REFVM_STACK)
            .spawn(move || {
                let _ = tx.send(f());
            });
        if let Err(e) = spawned {
            // No thread: `wait` reports the channel closed.
            eprintln!("pyconform: cannot start a refvm thread: {e}");
        }
        Isolated {
            rx,
            deadline: Instant::now() + limit,
        }
    }

    /// The result, or why there is none (the thread is then abandoned).
    pub fn wait(self) -> Result<T, (Outcome, String)> {
        let left = self.deadline.saturating_duration_since(Instant::now());
        self.rx.recv_timeout(left).map_err(|e| match e {
            mpsc::RecvTimeoutError::Timeout => (
                Outcome::Timeout,
                "refvm did not return in time (its thread was abandoned)".to_owned(),
            ),
            mpsc::RecvTimeoutError::Disconnected => (
                Outcome::Panic,
                "the refvm thread ended without a result".to_owned(),
            ),
        })
    }
}

/// Everything refvm produces for a program on its own: the static layers, its compile
/// of the code a run executes, the full-pipeline run, and that code marshalled (for the
/// refvm→CPython cell).
pub struct RefvmSide {
    pub static_obs: StaticObs,
    pub compiled: Compiled,
    pub run: Stage<RunObs>,
    pub marshal: Stage<Vec<u8>>,
}

impl RefvmSide {
    /// Every stage failed the same way (the thread did not answer).
    pub fn failed(outcome: Outcome, detail: &str) -> Self {
        RefvmSide {
            static_obs: StaticObs::failed(outcome, detail),
            compiled: Compiled {
                code: Stage::Failed(outcome, detail.to_owned()),
                compile_ns: None,
                warnings: String::new(),
            },
            run: Stage::Failed(outcome, detail.to_owned()),
            marshal: Stage::Failed(outcome, detail.to_owned()),
        }
    }
}

thread_local! {
    /// Set while refvm code runs on this thread: its panics are results, not noise.
    static IN_REFVM: RefCell<bool> = const { RefCell::new(false) };
    /// The message and location of the last refvm panic on this thread.
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Installs (once) a panic hook that records refvm panics quietly and leaves every
/// other panic to the default hook.
fn install_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if IN_REFVM.with(|f| *f.borrow()) {
                LAST_PANIC.with(|p| *p.borrow_mut() = Some(info.to_string()));
            } else {
                default(info);
            }
        }));
    });
}

/// CPython's compiler for module files, marshalled (the CPython→refvm cell imports
/// with it): `compile(source, path, "exec")` of the file at `path`, `marshal.dumps`ed.
pub type CpythonCompiler = Arc<dyn Fn(&std::path::Path) -> Result<Vec<u8>, String> + Send + Sync>;

/// Runs `f` (refvm code) and turns a panic into `Stage::Failed(Panic, …)`.
pub fn fenced<T>(what: &str, f: impl FnOnce() -> Stage<T>) -> Stage<T> {
    install_hook();
    IN_REFVM.with(|flag| *flag.borrow_mut() = true);
    let result = catch_unwind(AssertUnwindSafe(f));
    IN_REFVM.with(|flag| *flag.borrow_mut() = false);
    match result {
        Ok(stage) => stage,
        Err(payload) => {
            let msg = LAST_PANIC
                .with(|p| p.borrow_mut().take())
                .unwrap_or_else(|| {
                    payload
                        .downcast_ref::<&str>()
                        .map(|s| (*s).to_owned())
                        .or_else(|| payload.downcast_ref::<String>().cloned())
                        .unwrap_or_else(|| "panic with a non-string payload".to_owned())
                });
            Stage::Failed(Outcome::Panic, format!("{what} panicked: {msg}"))
        }
    }
}

/// refvm, configured with the run's limits.
#[derive(Clone, Debug)]
pub struct RefvmEngine {
    pub limits: Limits,
}

/// refvm's compile of a program: the code (or the error) and how long it took.
pub struct Compiled {
    pub code: Stage<Result<Arc<CodeObject>, ErrorObs>>,
    pub compile_ns: Option<u64>,
    /// The compiler's `SyntaxWarning`s as the default `warnings.showwarning` prints
    /// them (CPython writes them to stderr while compiling, before the program runs).
    pub warnings: String,
}

impl Compiled {
    /// `run` with the compile warnings in front of its stderr, as `python3 FILE`
    /// shows them.
    pub fn with_warnings(&self, run: Stage<RunObs>) -> Stage<RunObs> {
        if self.warnings.is_empty() {
            return run;
        }
        run.map(|mut obs| {
            if let Some(err) = obs.stderr.as_mut() {
                let mut text = self.warnings.clone().into_bytes();
                text.extend_from_slice(err);
                *err = text;
            }
            obs
        })
    }
}

impl RefvmEngine {
    pub fn new(limits: Limits) -> Self {
        RefvmEngine { limits }
    }

    /// The static layers, each stage fenced on its own.
    pub fn observe_static(&self, source: &[u8], filename: &str) -> StaticObs {
        let tokens = self.tokens(source, filename);
        let ast = self.ast(source, filename);
        let compiled = self.compile(source, filename);
        self.static_from_compiled(tokens, ast, &compiled, source.len())
    }

    /// `python3 -m tokenize -e FILE` as refvm prints it.
    pub fn tokens(&self, source: &[u8], filename: &str) -> Stage<TokensObs> {
        fenced(
            "refvm_syntax::tokenize_report",
            || match refvm_syntax::tokenize_report(source, filename) {
                Ok(r) => Stage::Ok(TokensObs {
                    stdout: r.stdout.into_bytes(),
                    stderr: r.stderr.into_bytes(),
                    exit_code: r.exit_code,
                }),
                Err(u) => Stage::Unsupported(u.0),
            },
        )
    }

    /// The `ast.dump` text, or the parse error.
    pub fn ast(&self, source: &[u8], filename: &str) -> Stage<Result<String, ErrorObs>> {
        fenced(
            "refvm_syntax::parse_module",
            || match refvm_syntax::parse_module(source, filename) {
                Ok(module) => Stage::Ok(Ok(refvm_syntax::ast::dump(&module))),
                Err(ParseError::Syntax(e)) => Stage::Ok(Err(ErrorObs::from_syntax_error(&e))),
                Err(ParseError::Unsupported(u)) => Stage::Unsupported(u.0),
                Err(ParseError::Other(e)) => Stage::Ok(Err(ErrorObs::from_other_error(&e))),
            },
        )
    }

    /// [`RefvmEngine::ast`] and [`RefvmEngine::compile`] from one parse: the tree is
    /// dumped, then compiled (`compile_source` is `parse_module` then
    /// `compile_module_owned`, so the products are the same as the two calls').
    /// `compile_ns` times the parse and the compile, not the dump.
    pub fn ast_and_compile(
        &self,
        source: &[u8],
        filename: &str,
    ) -> (Stage<Result<String, ErrorObs>>, Compiled) {
        let mut parse_ns = 0;
        let parsed = fenced("refvm_syntax::parse_module", || {
            let start = Instant::now();
            let r = refvm_syntax::parse_module(source, filename);
            parse_ns = start.elapsed().as_nanos() as u64;
            Stage::Ok(r)
        });
        let module = match parsed {
            Stage::Ok(Ok(m)) => m,
            Stage::Ok(Err(ParseError::Syntax(e))) => {
                let err = ErrorObs::from_syntax_error(&e);
                let code = Stage::Ok(Err(err.clone()));
                return (
                    Stage::Ok(Err(err)),
                    Compiled {
                        code,
                        compile_ns: None,
                        warnings: String::new(),
                    },
                );
            }
            Stage::Ok(Err(ParseError::Unsupported(u))) => {
                return (
                    Stage::Unsupported(u.0.clone()),
                    Compiled {
                        code: Stage::Unsupported(u.0),
                        compile_ns: None,
                        warnings: String::new(),
                    },
                );
            }
            Stage::Ok(Err(ParseError::Other(e))) => {
                let ast = Stage::Ok(Err(ErrorObs::from_other_error(&e)));
                let code = Stage::Ok(Err(ErrorObs {
                    type_name: e.kind.name().to_owned(),
                    msg: e.msg,
                    lineno: None,
                    offset: None,
                    end_lineno: None,
                    end_offset: None,
                }));
                return (
                    ast,
                    Compiled {
                        code,
                        compile_ns: None,
                        warnings: String::new(),
                    },
                );
            }
            other => {
                return (
                    other
                        .propagate()
                        .unwrap_or_else(|| Stage::Skip(String::new())),
                    Compiled {
                        code: other
                            .propagate()
                            .unwrap_or_else(|| Stage::Skip(String::new())),
                        compile_ns: None,
                        warnings: String::new(),
                    },
                );
            }
        };
        let ast = fenced("refvm_syntax::ast::dump", || {
            Stage::Ok(Ok(refvm_syntax::ast::dump(&module)))
        });
        let mut compile_ns = None;
        let mut warnings = String::new();
        let code = fenced("refvm_compiler::compile_module_warnings", || {
            let start = Instant::now();
            let mut found = Vec::new();
            let result = refvm_compiler::compile_module_warnings(
                module,
                source,
                &CompileOptions::new(filename),
                &mut found,
            );
            let ns = parse_ns + start.elapsed().as_nanos() as u64;
            for w in &found {
                warnings.push_str(&w.format(filename, source));
            }
            match result {
                Ok(code) => {
                    compile_ns = Some(ns);
                    Stage::Ok(Ok(Arc::new(code)))
                }
                Err(e) => compile_error_stage(e),
            }
        });
        (
            ast,
            Compiled {
                code,
                compile_ns,
                warnings,
            },
        )
    }

    /// The static observations given tokens, AST and a compile: the code layer, and
    /// `dis`/`.pyc` of the code (`source_len` goes into the .pyc header).
    pub fn static_from_compiled(
        &self,
        tokens: Stage<TokensObs>,
        ast: Stage<Result<String, ErrorObs>>,
        compiled: &Compiled,
        source_len: usize,
    ) -> StaticObs {
        let code = compiled.code.as_ref().map(|r| match r {
            Ok(c) => Ok(CodeObs::Tree(Arc::clone(c))),
            Err(e) => Err(e.clone()),
        });
        let (dis, pyc) = match &compiled.code {
            Stage::Ok(Ok(c)) => {
                let dis = fenced("refvm_bytecode::dis::dis_module", || {
                    match refvm_bytecode::dis::dis_module(c) {
                        Ok(text) => Stage::Ok(text),
                        Err(u) => Stage::Unsupported(u.0),
                    }
                });
                let pyc = fenced(
                    "refvm_bytecode::pyc::write",
                    || match refvm_bytecode::pyc::write(c, 0, source_len as u32) {
                        Ok(bytes) => Stage::Ok(bytes),
                        Err(e) => Stage::Unsupported(e.to_string()),
                    },
                );
                (dis, pyc)
            }
            Stage::Ok(Err(e)) => {
                let why = format!("refvm's compile raised {}", e.type_name);
                (Stage::Skip(why.clone()), Stage::Skip(why))
            }
            other => {
                let p = other
                    .propagate::<()>()
                    .unwrap_or(Stage::Skip(String::new()));
                (p.clone().map(|_| String::new()), p.map(|_| Vec::new()))
            }
        };
        StaticObs {
            tokens,
            ast,
            code,
            dis,
            pyc,
            compile_ns: compiled.compile_ns,
        }
    }

    /// `compile(source, filename, "exec")`.
    pub fn compile(&self, source: &[u8], filename: &str) -> Compiled {
        let mut compile_ns = None;
        let mut warnings = String::new();
        let code = fenced("refvm_compiler::compile_source", || {
            let start = Instant::now();
            let (result, found) = refvm_compiler::compile_source_with_warnings(
                source,
                &CompileOptions::new(filename),
            );
            let ns = start.elapsed().as_nanos() as u64;
            for w in &found {
                warnings.push_str(&w.format(filename, source));
            }
            match result {
                Ok(code) => {
                    compile_ns = Some(ns);
                    Stage::Ok(Ok(Arc::new(code)))
                }
                Err(e) => compile_error_stage(e),
            }
        });
        Compiled {
            code,
            compile_ns,
            warnings,
        }
    }

    /// [`RefvmSide`] of a program, computed on the calling thread.
    pub fn observe_program(&self, source: &[u8], program: &Program) -> RefvmSide {
        let static_obs = self.observe_static(source, &program.display);
        let abs = program.abs.to_string_lossy();
        let compiled = self.compile(source, &abs);
        let (run, marshal) = match &compiled.code {
            Stage::Ok(Ok(code)) => (
                compiled.with_warnings(self.run(Arc::clone(code), program, compiled.compile_ns)),
                self.marshal_dumps_as_cpython(code),
            ),
            Stage::Ok(Err(e)) => (
                Stage::Ok(RefvmEngine::compile_error_run(e, &abs)),
                Stage::Skip("refvm's compiler raised: no code to run".into()),
            ),
            other => {
                let p: Stage<RunObs> = other.propagate().unwrap_or(Stage::Skip(String::new()));
                (p.clone(), p.map(|_| Vec::new()))
            }
        };
        RefvmSide {
            static_obs,
            compiled,
            run,
            marshal,
        }
    }

    /// The CPython→refvm cell: CPython's marshalled code on refvm's VM; `compile`
    /// (CPython's compiler, marshalled) compiles the modules it imports.
    pub fn run_marshalled(
        &self,
        data: &[u8],
        program: &Program,
        compile: CpythonCompiler,
    ) -> Stage<RunObs> {
        let compiler = ModuleCompiler(Arc::new(move |path: &std::path::Path, _source: &[u8]| {
            let bytes = compile(path)?;
            refvm_bytecode::marshal::loads(&bytes).map_err(|e| e.to_string())
        }));
        match self.marshal_loads(data) {
            Stage::Ok(code) => self.run_with(code, program, None, Some(compiler)),
            other => other.propagate().unwrap_or(Stage::Skip(String::new())),
        }
    }

    /// `code` marshalled for the refvm→CPython cell to run in a worker: frozenset
    /// constants keep the member order refvm's compiler gave them, so CPython's
    /// `marshal.loads` rebuilds them with the same table layout (iteration order) as
    /// the compiled constant (plain `marshal.dumps` sorts members, which changes the
    /// order a program sees iterating `{8, 16, 24, 1}`; `python3 FILE` never marshals).
    pub fn marshal_dumps(&self, code: &CodeObject) -> Stage<Vec<u8>> {
        fenced("refvm_bytecode::marshal::dumps_keeping_set_order", || {
            match refvm_bytecode::marshal::dumps_keeping_set_order(code) {
                Ok(bytes) => Stage::Ok(bytes),
                Err(e) => Stage::Unsupported(e.to_string()),
            }
        })
    }

    /// `code` marshalled exactly as CPython's `marshal.dumps(code)` writes a module code
    /// object (the `.pyc` body): what the refvm→CPython cell of `conform` runs, against
    /// CPython running its own code marshalled the same way (see `check.rs`).
    pub fn marshal_dumps_as_cpython(&self, code: &CodeObject) -> Stage<Vec<u8>> {
        fenced(
            "refvm_bytecode::marshal::dumps",
            || match refvm_bytecode::marshal::dumps(code) {
                Ok(bytes) => Stage::Ok(bytes),
                Err(e) => Stage::Unsupported(e.to_string()),
            },
        )
    }

    /// `marshal.loads(data)` of CPython's code (the CPython→refvm cell runs it).
    pub fn marshal_loads(&self, data: &[u8]) -> Stage<Arc<CodeObject>> {
        fenced(
            "refvm_bytecode::marshal::loads",
            || match refvm_bytecode::marshal::loads(data) {
                Ok(code) => Stage::Ok(Arc::new(code)),
                Err(e) => Stage::Unsupported(e.to_string()),
            },
        )
    }

    /// Runs a module code object as `__main__` of `program`.
    pub fn run(
        &self,
        code: Arc<CodeObject>,
        program: &Program,
        compile_ns: Option<u64>,
    ) -> Stage<RunObs> {
        self.run_with(code, program, compile_ns, None)
    }

    /// [`RefvmEngine::run`], with imported modules compiled by `compiler` (`None`:
    /// refvm's own compiler).
    pub fn run_with(
        &self,
        code: Arc<CodeObject>,
        program: &Program,
        compile_ns: Option<u64>,
        compiler: Option<ModuleCompiler>,
    ) -> Stage<RunObs> {
        self.run_in(code, program, compile_ns, compiler, false, true)
    }

    /// [`RefvmEngine::run_with`] on the calling thread, which must have a big stack
    /// (see [`REFVM_STACK`]) and run nothing else meanwhile: no thread is started per
    /// run, so a thread that runs many programs keeps its allocator's warm pages (a
    /// fresh thread per run spent most of a small program's time faulting in and
    /// zeroing fresh memory). This is `refvm_runtime::run_on_current_thread`: memory
    /// left accounted on this thread by earlier runs is not charged to this one, and a
    /// thread with less stack left than a run thread has runs on a fresh segment.
    pub fn run_here(
        &self,
        code: Arc<CodeObject>,
        program: &Program,
        compile_ns: Option<u64>,
        compiler: Option<ModuleCompiler>,
    ) -> Stage<RunObs> {
        self.run_in(code, program, compile_ns, compiler, true, true)
    }

    /// [`RefvmEngine::run_here`], with the refcount probes (a full collection and a
    /// walk of `__main__` after the program) only when `probes` is set: a fuzz campaign
    /// that does not compare the refcount layer skips them, as its CPython runs do.
    pub fn run_here_probing(
        &self,
        code: Arc<CodeObject>,
        program: &Program,
        compile_ns: Option<u64>,
        compiler: Option<ModuleCompiler>,
        probes: bool,
    ) -> Stage<RunObs> {
        self.run_in(code, program, compile_ns, compiler, true, probes)
    }

    fn run_in(
        &self,
        code: Arc<CodeObject>,
        program: &Program,
        compile_ns: Option<u64>,
        compiler: Option<ModuleCompiler>,
        here: bool,
        probes: bool,
    ) -> Stage<RunObs> {
        let config = RunConfig {
            fuel: Some(self.limits.fuel),
            max_memory: Some(self.limits.max_memory),
            recursion_limit: 1000,
            max_output: self.limits.output_cap,
            argv: vec![program.display.clone()],
            module_dir: Some(program.module_dir()),
            probes,
        };
        fenced("refvm_runtime::run", || {
            let start = Instant::now();
            let r = if here {
                refvm_runtime::run_on_current_thread(code, &config, compiler)
            } else {
                refvm_runtime::run_with_compiler(code, &config, compiler)
            };
            let exec_ns = start.elapsed().as_nanos() as u64;
            match r.status {
                RunStatus::Completed | RunStatus::Exception => Stage::Ok(RunObs {
                    stdout: r.stdout,
                    stderr: Some(r.stderr),
                    exit_code: r.exit_code,
                    exception: r.exception.map(|e| ExceptionObs {
                        type_name: e.type_name,
                        message: e.message,
                        frames: e
                            .traceback
                            .into_iter()
                            .map(|f| FrameObs {
                                filename: f.filename,
                                lineno: i64::from(f.lineno),
                                name: f.name,
                            })
                            .collect(),
                    }),
                    probes: r.probes.map(|p| ProbesObs {
                        refcounts: p.refcounts.into_iter().map(|(n, c)| (n, Some(c))).collect(),
                        gc_collected: p.gc_collected,
                    }),
                    compile_ns,
                    exec_ns: Some(exec_ns),
                }),
                RunStatus::FuelExhausted => Stage::Failed(
                    Outcome::Timeout,
                    format!(
                        "refvm ran out of fuel after {} instructions",
                        r.instructions
                    ),
                ),
                RunStatus::MemoryLimit => Stage::Failed(
                    Outcome::Crash,
                    format!(
                        "refvm reached its memory limit of {} bytes",
                        self.limits.max_memory
                    ),
                ),
                RunStatus::OutputLimit => Stage::Failed(
                    Outcome::OutputLimit,
                    format!(
                        "the program wrote more than {} bytes",
                        self.limits.output_cap
                    ),
                ),
                RunStatus::Unsupported(what) => Stage::Unsupported(what),
            }
        })
    }

    /// The observation of a run whose compile raised: what `python3 FILE` reports
    /// (exit status 1, the error as the uncaught exception, no frames). refvm's errors
    /// are typed data, so there is no stderr text to compare.
    pub fn compile_error_run(error: &ErrorObs, filename: &str) -> RunObs {
        let is_syntax = matches!(
            error.type_name.as_str(),
            "SyntaxError" | "IndentationError" | "TabError"
        );
        let message = if is_syntax {
            syntax_error_str(&error.msg, Some(filename), error.lineno)
        } else {
            error.msg.clone()
        };
        RunObs {
            stdout: Vec::new(),
            stderr: None,
            exit_code: 1,
            exception: Some(ExceptionObs {
                type_name: error.type_name.clone(),
                message,
                frames: Vec::new(),
            }),
            probes: None,
            compile_ns: None,
            exec_ns: None,
        }
    }
}

/// A compile error as the code stage reports it.
fn compile_error_stage(e: CompileError) -> Stage<Result<Arc<CodeObject>, ErrorObs>> {
    match e {
        CompileError::Syntax(e) => Stage::Ok(Err(ErrorObs::from_syntax_error(&e))),
        CompileError::Unsupported(u) => Stage::Unsupported(u.0),
        // RecursionError and the like: an exception without a location.
        CompileError::Exception { type_name, msg } => Stage::Ok(Err(ErrorObs {
            type_name: type_name.to_owned(),
            msg,
            lineno: None,
            offset: None,
            end_lineno: None,
            end_offset: None,
        })),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn isolated_calls_that_hang_time_out() {
        let start = Instant::now();
        let r = Isolated::spawn(Duration::from_millis(50), || {
            std::thread::sleep(Duration::from_secs(5))
        })
        .wait();
        assert_eq!(r.map_err(|e| e.0), Err(Outcome::Timeout));
        assert!(start.elapsed() < Duration::from_secs(2));
        let ok = Isolated::spawn(Duration::from_secs(5), || 7).wait();
        assert_eq!(ok.ok(), Some(7));
    }

    #[test]
    fn panics_become_panic_observations() {
        let s: Stage<()> = fenced("test stage", || panic!("boom {}", 42));
        match s {
            Stage::Failed(Outcome::Panic, msg) => assert!(msg.contains("boom 42"), "{msg}"),
            other => panic!("expected a panic observation, got {other:?}"),
        }
        // The flag is cleared: later panics outside refvm reach the default hook again.
        assert!(!IN_REFVM.with(|f| *f.borrow()));
    }
}
