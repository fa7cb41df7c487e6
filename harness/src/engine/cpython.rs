//! The CPython engine: observations from worker processes (see [`crate::worker`]).

use crate::observe::{CodeObs, RunObs, Stage, StaticObs, TokensObs};
use crate::outcome::Outcome;
use crate::program::Program;
use crate::worker::pool::{Failure, Pool, PythonInfo, WorkerConfig};
use crate::worker::protocol::{
    AstWire, BareResponse, CodeWire, ExecResponse, Request, StaticResponse,
};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::Instant;

use super::Limits;

/// CPython, embedded in a pool of workers.
pub struct CpythonEngine {
    pool: Arc<Pool>,
    limits: Limits,
}

/// The static observations plus the marshalled code a run executes.
pub struct CpythonStatic {
    pub obs: StaticObs,
    /// `marshal.dumps(compile(src, ABSPATH, "exec"))` (for the CPython→refvm cell):
    /// `Ok(None)` when compilation raised.
    pub run_code: Stage<Option<Vec<u8>>>,
}

impl CpythonEngine {
    /// Starts the pool (one worker, version-checked against `python3` on PATH).
    pub fn start(limits: Limits, exe: Option<PathBuf>) -> Result<CpythonEngine, String> {
        CpythonEngine::start_with(limits, exe, PythonInfo::query()?)
    }

    /// As [`CpythonEngine::start`], against the given facts about the oracle (a worker
    /// whose `sys.version` differs from `python.version` is refused).
    pub fn start_with(
        limits: Limits,
        exe: Option<PathBuf>,
        python: PythonInfo,
    ) -> Result<CpythonEngine, String> {
        let exe =
            match exe.or_else(|| std::env::var_os("PYCONFORM_WORKER_EXE").map(PathBuf::from)) {
                Some(e) => e,
                None => std::env::current_exe()
                    .map_err(|e| format!("cannot find my own binary: {e}"))?,
            };
        let cfg = WorkerConfig {
            exe,
            timeout: limits.timeout,
            address_space: Some(limits.address_space),
            recycle_after: limits.recycle_after,
            python,
        };
        Ok(CpythonEngine {
            pool: Arc::new(Pool::new(cfg)?),
            limits,
        })
    }

    /// The embedded interpreter's `sys.version` (equal to `python3`'s, checked).
    pub fn version(&self) -> &str {
        &self.pool.hello.version
    }

    /// The libpython the loader picked, as /proc/self/maps of a worker shows it.
    pub fn libpython(&self) -> &str {
        &self.pool.hello.libpython
    }

    pub fn workers_started(&self) -> usize {
        self.pool.spawned()
    }

    /// Tokens, AST, code object, dis and .pyc.
    pub fn observe_static(&self, program: &Program) -> CpythonStatic {
        let abs = program.abs.to_string_lossy();
        let request = Request::Static {
            path: &program.display,
            abs: &abs,
            parts: None,
        };
        let resp = self.pool.call(&request, |_| false);
        self.static_from(resp, &program.display)
    }

    /// The static observations from a worker's answer (products the request did not
    /// ask for are `skip`).
    pub fn static_from(
        &self,
        resp: Result<StaticResponse, Failure>,
        display: &str,
    ) -> CpythonStatic {
        let resp = match resp {
            Ok(r) => r,
            Err(Failure { outcome, detail }) => {
                return CpythonStatic {
                    obs: StaticObs::failed(outcome, &detail),
                    run_code: Stage::Failed(outcome, detail),
                };
            }
        };
        let asked_tokens = resp
            .parts
            .as_ref()
            .is_none_or(|ps| ps.iter().any(|p| p == "tokens"));
        let tokens = match resp.tokens {
            None if !asked_tokens => Stage::Skip("not requested".into()),
            Some(t) => Stage::Ok(TokensObs {
                stdout: t.stdout,
                stderr: t.stderr,
                exit_code: t.exit_code,
            }),
            None => tokenize_command(display, self.limits.timeout),
        };
        let ast = match resp.ast {
            Some(AstWire::Tree(t)) => Stage::Ok(Ok(t)),
            Some(AstWire::Error(e)) => Stage::Ok(Err(e)),
            None => Stage::Skip("not requested".into()),
        };
        let (code, compile_error) = match resp.code {
            Some(CodeWire::Marshal(bytes)) => {
                let code = match refvm_bytecode::marshal::loads(&bytes) {
                    Ok(c) => CodeObs::Tree(Arc::new(c)),
                    Err(e) => CodeObs::Unreadable(format!("refvm_bytecode::marshal::loads: {e}")),
                };
                (Stage::Ok(Ok(code)), None)
            }
            Some(CodeWire::Error(e)) => {
                let why = format!("CPython's compile() raised {}", e.type_name);
                (Stage::Ok(Err(e)), Some(why))
            }
            None => (Stage::Skip("not requested".into()), None),
        };
        let (dis, pyc, run_code) = match compile_error {
            Some(why) => (Stage::Skip(why.clone()), Stage::Skip(why), Stage::Ok(None)),
            None => (
                resp.dis
                    .map_or_else(|| Stage::Skip("no dis text".into()), Stage::Ok),
                resp.pyc
                    .map_or_else(|| Stage::Skip("no .pyc".into()), Stage::Ok),
                Stage::Ok(resp.run_code),
            ),
        };
        CpythonStatic {
            obs: StaticObs {
                tokens,
                ast,
                code,
                dis,
                pyc,
                compile_ns: resp.compile_ns,
            },
            run_code,
        }
    }

    /// The limits the engine was started with.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// Several requests in one worker round trip, answered in order (raw JSON, each
    /// to be decoded as its request's answer type). The deadline covers the batch.
    pub fn batch(
        &self,
        items: Vec<Request<'_>>,
        timeout: std::time::Duration,
    ) -> Result<Vec<serde_json::Value>, Failure> {
        let request = Request::Batch { items };
        // An output-limit answer instead of an array: that worker has exited.
        let retire = |v: &serde_json::Value| !v.is_array();
        let answer: serde_json::Value = self.pool.call_within(&request, retire, timeout)?;
        match answer {
            serde_json::Value::Array(items) => Ok(items),
            other => Err(Failure {
                outcome: Outcome::OutputLimit,
                detail: format!(
                    "a program of the batch hit the output cap: {}",
                    other
                        .get("detail")
                        .and_then(|d| d.as_str())
                        .unwrap_or("no detail")
                ),
            }),
        }
    }

    /// The request that runs `program` (from source, or the `marshal`led code).
    pub fn exec_request<'a>(
        &self,
        program: &'a Program,
        abs: &'a str,
        module_dir: &'a str,
        marshal: Option<Vec<u8>>,
    ) -> Request<'a> {
        Request::Exec {
            abs,
            argv0: &program.display,
            module_dir,
            marshal,
            cap: self.limits.output_cap,
            probes: true,
            code: false,
        }
    }

    /// `compile(source, path, "exec")` of a file by CPython, marshalled: how CPython's
    /// import system compiles a module (`SourceLoader.source_to_code`). Callable from
    /// any thread; the closure [`CpythonEngine::module_compiler`] returns wraps it.
    pub fn compile_file(&self, path: &std::path::Path) -> Result<Vec<u8>, String> {
        compile_with(&self.pool, path)
    }

    /// A `Send + Sync` function compiling module files with CPython (for refvm's VM to
    /// import modules the way the CPython→refvm cell needs).
    pub fn module_compiler(
        &self,
    ) -> impl Fn(&std::path::Path) -> Result<Vec<u8>, String> + Send + Sync + 'static {
        let pool = Arc::clone(&self.pool);
        move |path| compile_with(&pool, path)
    }

    /// Runs the program from source as `python3 FILE` would: the oracle cell.
    pub fn run_source(&self, program: &Program) -> Stage<RunObs> {
        self.exec(program, None)
    }

    /// Runs a code object another compiler produced (refvm's, marshalled).
    pub fn run_marshal(&self, program: &Program, marshal: Vec<u8>) -> Stage<RunObs> {
        self.exec(program, Some(marshal))
    }

    fn exec(&self, program: &Program, marshal: Option<Vec<u8>>) -> Stage<RunObs> {
        let abs = program.abs.to_string_lossy();
        let module_dir = program.module_dir();
        let module_dir = module_dir.to_string_lossy();
        let request = self.exec_request(program, &abs, &module_dir, marshal);
        let retire = |r: &ExecResponse| matches!(r, ExecResponse::OutputLimit { .. });
        run_from(self.pool.call(&request, retire))
    }

    /// Measures one program's worker round trip (with or without the refcount/gc
    /// probes) against a bare in-process exec.
    pub fn overhead_sample(
        &self,
        program: &Program,
        bare_n: u32,
        probes: bool,
    ) -> Result<OverheadSample, String> {
        let abs = program.abs.to_string_lossy();
        let module_dir = program.module_dir();
        let module_dir = module_dir.to_string_lossy();
        let request = Request::Exec {
            abs: &abs,
            argv0: &program.display,
            module_dir: &module_dir,
            marshal: None,
            cap: self.limits.output_cap,
            probes,
            code: false,
        };
        // The worker is ready (its cleanup after the previous request done) before the
        // clock starts, as a run's requests normally find it: the cleanup after the
        // bare runs below is the measurement's own cost, not the harness's.
        self.pool.settle();
        let start = Instant::now();
        let resp = self.pool.call(&request, |r: &ExecResponse| {
            matches!(r, ExecResponse::OutputLimit { .. })
        });
        let round_trip_ns = start.elapsed().as_nanos() as u64;
        let Ok(ExecResponse::Ok {
            compile_ns,
            exec_ns,
            worker_ns,
            cleanup_ns,
            compiled: true,
            ..
        }) = resp
        else {
            return Err(format!("{}: the run failed", program.display));
        };
        let bare: BareResponse = self
            .pool
            .call(
                &Request::Bare {
                    abs: &abs,
                    n: bare_n,
                },
                |_| false,
            )
            .map_err(|f| f.detail)?;
        self.pool.settle();
        let start = Instant::now();
        let _: serde_json::Value = self
            .pool
            .call(&Request::Ping, |_| false)
            .map_err(|f| f.detail)?;
        let ping_ns = start.elapsed().as_nanos() as u64;
        Ok(OverheadSample {
            ping_ns,
            round_trip_ns,
            worker_ns: worker_ns.unwrap_or(round_trip_ns),
            cleanup_ns,
            program_ns: exec_ns + compile_ns.unwrap_or(0),
            bare_ns: bare.best_ns,
        })
    }
}

fn compile_with(pool: &Pool, path: &std::path::Path) -> Result<Vec<u8>, String> {
    let abs = path.to_string_lossy();
    match pool.call(&Request::Compile { abs: &abs }, |_| false) {
        Ok(CodeWire::Marshal(bytes)) => Ok(bytes),
        Ok(CodeWire::Error(e)) => Err(format!("{}: {}", e.type_name, e.msg)),
        Err(f) => Err(f.detail),
    }
}

/// One measurement of `pyconform overhead`, in ns.
#[derive(Clone, Copy, Debug)]
pub struct OverheadSample {
    /// Request sent → answer decoded, as the parent sees it.
    pub round_trip_ns: u64,
    /// Request read → answer ready, inside the worker.
    pub worker_ns: u64,
    /// The worker's cleanup after its previous run (off the round trip).
    pub cleanup_ns: Option<u64>,
    /// The program's own compile + execute inside the worker.
    pub program_ns: u64,
    /// Best bare in-process `exec(compile(src))`.
    pub bare_ns: u64,
    /// An empty request's round trip: the floor of pipes, wake-ups and framing.
    pub ping_ns: u64,
}

/// A run's observation from a worker's answer to an `exec` request.
pub fn run_from(resp: Result<ExecResponse, Failure>) -> Stage<RunObs> {
    match resp {
        Ok(ExecResponse::Ok {
            compiled,
            stdout,
            stderr,
            exit_code,
            exception,
            probes,
            compile_ns,
            exec_ns,
            ..
        }) => Stage::Ok(RunObs {
            stdout,
            stderr: Some(stderr),
            exit_code,
            exception: exception.map(Into::into),
            probes: probes.map(Into::into),
            compile_ns,
            exec_ns: compiled.then_some(exec_ns),
        }),
        Ok(ExecResponse::OutputLimit { detail, .. }) => Stage::Failed(Outcome::OutputLimit, detail),
        Ok(ExecResponse::BadCode { detail }) => Stage::Failed(
            Outcome::Crash,
            format!("CPython's marshal.loads rejected the code: {detail}"),
        ),
        Err(Failure { outcome, detail }) => Stage::Failed(outcome, detail),
    }
}

/// `python3 -m tokenize -e FILE` as a subprocess: the fallback for inputs where
/// tokenize.main prints a traceback (only the real command prints that text).
fn tokenize_command(display: &str, timeout: std::time::Duration) -> Stage<TokensObs> {
    let out = Command::new("timeout")
        .arg(format!("{}", timeout.as_secs().max(1)))
        .args(["python3", "-m", "tokenize", "-e", display])
        .env("PYTHONHASHSEED", "0")
        .stdin(Stdio::null())
        .output();
    match out {
        Ok(o) => match o.status.code() {
            Some(124) | None => {
                Stage::Failed(Outcome::Timeout, "python3 -m tokenize timed out".into())
            }
            Some(code) => Stage::Ok(TokensObs {
                stdout: o.stdout,
                stderr: o.stderr,
                exit_code: code,
            }),
        },
        Err(e) => Stage::Failed(
            Outcome::Crash,
            format!("cannot run python3 -m tokenize: {e}"),
        ),
    }
}
