//! The refvm engine: the vm crates' public entry points, called in-process (on rayon
//! threads with big stacks). Every call is fenced by `catch_unwind`, so a refvm panic
//! becomes a `panic` observation; every `Unsupported` becomes `unsupported`.

use super::{Limits, syntax_error_str};
use crate::observe::{
    CodeObs, ErrorObs, ExceptionObs, FrameObs, ProbesObs, RunObs, Stage, StaticObs, TokensObs,
};
use crate::outcome::Outcome;
use crate::program::Program;
use refvm_bytecode::CodeObject;
use refvm_compiler::{CompileError, CompileOptions};
use refvm_runtime::{RunConfig, RunStatus};
use refvm_syntax::ParseError;
use std::cell::RefCell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, Once};
use std::time::Instant;

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
}

impl RefvmEngine {
    pub fn new(limits: Limits) -> Self {
        RefvmEngine { limits }
    }

    /// The static layers, each stage fenced on its own.
    pub fn observe_static(&self, source: &[u8], filename: &str) -> StaticObs {
        let tokens = fenced(
            "refvm_syntax::tokenize_report",
            || match refvm_syntax::tokenize_report(source, filename) {
                Ok(r) => Stage::Ok(TokensObs {
                    stdout: r.stdout.into_bytes(),
                    stderr: r.stderr.into_bytes(),
                    exit_code: r.exit_code,
                }),
                Err(u) => Stage::Unsupported(u.0),
            },
        );
        let ast = fenced(
            "refvm_syntax::parse_module",
            || match refvm_syntax::parse_module(source, filename) {
                Ok(module) => Stage::Ok(Ok(refvm_syntax::ast::dump(&module))),
                Err(ParseError::Syntax(e)) => Stage::Ok(Err(ErrorObs::from_syntax_error(&e))),
                Err(ParseError::Unsupported(u)) => Stage::Unsupported(u.0),
            },
        );
        let compiled = self.compile(source, filename);
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
                    || match refvm_bytecode::pyc::write(c, 0, source.len() as u32) {
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
        let code = fenced("refvm_compiler::compile_source", || {
            let start = Instant::now();
            let result = refvm_compiler::compile_source(source, &CompileOptions::new(filename));
            let ns = start.elapsed().as_nanos() as u64;
            match result {
                Ok(code) => {
                    compile_ns = Some(ns);
                    Stage::Ok(Ok(Arc::new(code)))
                }
                Err(CompileError::Syntax(e)) => Stage::Ok(Err(ErrorObs::from_syntax_error(&e))),
                Err(CompileError::Unsupported(u)) => Stage::Unsupported(u.0),
            }
        });
        Compiled { code, compile_ns }
    }

    /// `marshal.dumps(code)` (the refvm→CPython cell sends this to a worker).
    pub fn marshal_dumps(&self, code: &CodeObject) -> Stage<Vec<u8>> {
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
        let config = RunConfig {
            fuel: Some(self.limits.fuel),
            max_memory: Some(self.limits.max_memory),
            recursion_limit: 1000,
            max_output: self.limits.output_cap,
            argv: vec![program.display.clone()],
            module_dir: Some(program.module_dir()),
            probes: true,
        };
        fenced("refvm_runtime::run", || {
            let start = Instant::now();
            let r = refvm_runtime::run(code, &config);
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
                        "refvm: the program wrote more than {} bytes",
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

#[cfg(test)]
mod tests {
    use super::*;

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
