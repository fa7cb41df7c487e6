//! The campaign's fast path: a batch of programs through both engines in one CPython
//! worker round trip (two when refvm compiled some), only the layers asked for, refvm
//! in-process on one isolated thread per batch. The observations, diffs and verdicts
//! are the harness's own ([`crate::engine`], [`crate::diff`], [`crate::observe::judge`],
//! [`crate::check::combine_cells`]); only the batching is new.

use super::runner;
use crate::check::{Engines, MarshalReference, combine_cells};
use crate::diff::{
    bytes::diff_pyc, code::diff_code, output::diff_run, refcount::diff_probes, text,
};
use crate::engine::cpython::{CpythonEngine, CpythonStatic, run_from};
use crate::engine::refvm::{Compiled, RefvmEngine, RefvmSide};
use crate::observe::{RunObs, Stage, StaticObs, judge};
use crate::outcome::{Cell, Layer, Outcome, Verdict};
use crate::program::Program;
use crate::results::ProgramResult;
use crate::worker::pool::Failure;
use crate::worker::protocol::{ExecResponse, Request, StaticResponse};
use refvm_runtime::ModuleCompiler;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// Where a campaign's time goes, in ns summed over threads: CPython's batch (static
/// layers and the oracle run), refvm's own side, CPython's code on refvm, refvm's code
/// on CPython.
pub static PHASE_NS: [AtomicU64; 4] = [
    AtomicU64::new(0),
    AtomicU64::new(0),
    AtomicU64::new(0),
    AtomicU64::new(0),
];

/// The names of [`PHASE_NS`]'s entries.
pub const PHASES: [&str; 4] = [
    "cpython static+run",
    "refvm static+run",
    "cpython code on refvm",
    "refvm code on cpython",
];

/// Programs whose cross cells were taken from their own cells (identical code).
pub static SHARED_CROSS: AtomicU64 = AtomicU64::new(0);

/// CPU time of refvm's own side on the runner thread, in ns: the compile, the run
/// (VM start-up and teardown included) and the rest (static layers, marshal).
pub static REFVM_CPU_NS: [AtomicU64; 3] = [AtomicU64::new(0), AtomicU64::new(0), AtomicU64::new(0)];

/// The names of [`REFVM_CPU_NS`]'s entries.
pub const REFVM_PARTS: [&str; 3] = ["compile", "run", "other"];

/// Where a CPython worker's time goes, in ns summed over the runs it answered (as the
/// worker measures them: compile, exec, the whole request from reading it to answering,
/// the cleanup after it, done off the round trip, all wall time; and the CPU time of the
/// request); the last entry counts the runs.
pub static WORKER_NS: [AtomicU64; 6] = [
    AtomicU64::new(0),
    AtomicU64::new(0),
    AtomicU64::new(0),
    AtomicU64::new(0),
    AtomicU64::new(0),
    AtomicU64::new(0),
];

/// The names of [`WORKER_NS`]'s first five entries.
pub const WORKER_PARTS: [&str; 5] = ["compile", "exec", "request", "cleanup", "request CPU"];

/// Adds one run answer's times to [`WORKER_NS`].
fn add_worker(resp: &Result<ExecResponse, Failure>) {
    if let Ok(ExecResponse::Ok {
        compile_ns,
        exec_ns,
        worker_ns,
        worker_cpu_ns,
        cleanup_ns,
        ..
    }) = resp
    {
        let parts = [
            compile_ns.unwrap_or(0),
            *exec_ns,
            worker_ns.unwrap_or(0),
            cleanup_ns.unwrap_or(0),
            worker_cpu_ns.unwrap_or(0),
            1,
        ];
        for (slot, ns) in WORKER_NS.iter().zip(parts) {
            slot.fetch_add(ns, Ordering::Relaxed);
        }
    }
}

/// CPU time consumed by the calling thread so far, in ns.
pub fn thread_cpu_ns() -> u64 {
    // SAFETY: clock_gettime fills the zeroed timespec it is given.
    let mut ts: libc::timespec = unsafe { std::mem::zeroed() };
    // SAFETY: as above.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64
}

thread_local! {
    /// CPU ns this thread already counted as compile or run within the current program.
    static COUNTED: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Adds the CPU time since `since` to part `i` (compile and run are also remembered,
/// so the program's total charges only the rest to "other").
fn add_cpu(i: usize, since: u64) {
    let ns = thread_cpu_ns().saturating_sub(since);
    if i == 2 {
        let counted = COUNTED.with(|c| c.replace(0));
        REFVM_CPU_NS[2].fetch_add(ns.saturating_sub(counted), Ordering::Relaxed);
    } else {
        COUNTED.with(|c| c.set(c.get() + ns));
        REFVM_CPU_NS[i].fetch_add(ns, Ordering::Relaxed);
    }
}

fn add_phase(i: usize, since: Instant) {
    PHASE_NS[i].fetch_add(since.elapsed().as_nanos() as u64, Ordering::Relaxed);
}

/// The layers a campaign compares.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LayerSet(pub BTreeSet<Layer>);

impl LayerSet {
    pub fn all() -> Self {
        LayerSet(Layer::ALL.into_iter().collect())
    }

    pub fn has(&self, l: Layer) -> bool {
        self.0.contains(&l)
    }

    fn any(&self, ls: &[Layer]) -> bool {
        ls.iter().any(|l| self.has(*l))
    }

    /// Does the program have to run (output or refcount layers)?
    pub fn runs(&self) -> bool {
        self.any(&[Layer::Output, Layer::Refcount])
    }

    /// The static products CPython must produce.
    fn static_parts(&self) -> Vec<&'static str> {
        let mut parts = Vec::new();
        if self.has(Layer::Tokens) {
            parts.push("tokens");
        }
        if self.has(Layer::Ast) {
            parts.push("ast");
        }
        // The output layer's CPython→refvm cell runs CPython's code.
        if self.has(Layer::Bytecode) {
            parts.push("code");
        } else if self.has(Layer::Output) {
            parts.push("run-code");
        }
        if self.has(Layer::Dis) {
            parts.push("dis");
        }
        if self.has(Layer::Marshal) {
            parts.push("pyc");
        }
        parts
    }
}

impl FromStr for LayerSet {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        if s == "all" {
            return Ok(LayerSet::all());
        }
        let set = s
            .split(',')
            .map(|p| p.trim().parse::<Layer>())
            .collect::<Result<BTreeSet<_>, _>>()?;
        if set.is_empty() {
            return Err("--layers: no layer named".into());
        }
        Ok(LayerSet(set))
    }
}

impl fmt::Display for LayerSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.0.iter().map(|l| l.as_str()).collect();
        f.write_str(&names.join(","))
    }
}

/// One program of a batch: written to disk (runs read it, as `python3 FILE` does).
#[derive(Clone, Debug)]
pub struct Case {
    pub program: Program,
    pub source: Arc<Vec<u8>>,
}

impl Case {
    /// Writes `source` to `path` and describes it as a program whose display name is
    /// its absolute path (so static and run compiles agree on `co_filename`).
    pub fn write(path: &std::path::Path, source: &[u8]) -> std::io::Result<Case> {
        std::fs::write(path, source)?;
        let abs = std::path::absolute(path)?;
        let display = abs.to_string_lossy().into_owned();
        Ok(Case {
            program: Program {
                rel: display.clone(),
                feature: "fuzz".into(),
                display,
                abs,
            },
            source: Arc::new(source.to_vec()),
        })
    }
}

/// What one program produced on both engines, and the verdicts.
#[derive(Clone, Debug)]
pub struct Checked {
    pub result: ProgramResult,
    pub cpython: StaticObs,
    pub refvm: StaticObs,
    pub oracle: Stage<RunObs>,
    pub refvm_run: Stage<RunObs>,
    /// Why the case is poisoned (a resource limit on either side), if it is.
    pub poison: Option<String>,
}

/// The worker request running `program`: the refcount probes (a `gc.collect()` and a
/// walk of the namespace) only when the refcount layer is compared; `code`: the answer
/// also carries the marshalled code the source compiled to.
fn exec_request<'a>(
    cpython: &CpythonEngine,
    program: &'a Program,
    (abs, dir): (&'a str, &'a str),
    marshal: Option<Vec<u8>>,
    layers: &LayerSet,
    code: bool,
) -> Request<'a> {
    let mut r = cpython.exec_request(program, abs, dir, marshal);
    if let Request::Exec {
        probes, code: c, ..
    } = &mut r
    {
        *probes = layers.has(Layer::Refcount);
        *c = code;
    }
    r
}

/// Checks a batch of programs on the requested layers.
pub fn check_batch(engines: &Engines, cases: &[Case], layers: &LayerSet) -> Vec<Checked> {
    if cases.is_empty() {
        return Vec::new();
    }
    let n = cases.len() as u32;
    // refvm's side, on its own big-stack thread while the CPython worker answers.
    let refvm_side = {
        let (refvm, cases, layers) = (engines.refvm.clone(), cases.to_vec(), layers.clone());
        runner::submit(engines.refvm.limits.refvm_hang * n, move || {
            let t = Instant::now();
            let out = cases
                .iter()
                .map(|c| refvm_side(&refvm, c, &layers))
                .collect::<Vec<_>>();
            add_phase(1, t);
            out
        })
    };
    let t = Instant::now();
    let (statics, oracles) = cpython_side(engines, cases, layers);
    add_phase(0, t);
    let rv: Vec<RefvmSide> = refvm_side
        .wait()
        .unwrap_or_else(|(o, d)| (0..cases.len()).map(|_| RefvmSide::failed(o, &d)).collect());

    // Identical code runs identically on one VM: where both compilers produced the same
    // bytes (and no compiler is involved in imports), the cross cells are the own
    // cells, and are not run again.
    let same: Vec<bool> = if layers.has(Layer::Output) {
        cases
            .iter()
            .zip(&statics)
            .zip(&rv)
            .map(|((c, s), r)| same_code(&engines.refvm, c, s, r))
            .collect()
    } else {
        vec![false; cases.len()]
    };
    SHARED_CROSS.fetch_add(
        same.iter().filter(|&&b| b).count() as u64,
        Ordering::Relaxed,
    );

    // CPython's code on refvm's VM, on the runner while a worker runs refvm's code.
    let cpython_refvm = layers.has(Layer::Output).then(|| {
        let jobs: Vec<(Program, Stage<Option<Vec<u8>>>)> = cases
            .iter()
            .zip(&statics)
            .zip(&same)
            .filter(|(_, same)| !**same)
            .map(|((c, s), _)| (c.program.clone(), s.run_code.clone()))
            .collect();
        let refvm = engines.refvm.clone();
        let probes = layers.has(Layer::Refcount);
        let compile: ImportCompile = Arc::new(engines.cpython.module_compiler());
        let k = jobs.len();
        let pending = runner::submit(engines.refvm.limits.refvm_hang * n, move || {
            let t = Instant::now();
            let out: Vec<Stage<RunObs>> = jobs
                .iter()
                .map(|(program, code)| match code {
                    Stage::Ok(Some(bytes)) => {
                        run_marshalled_here(&refvm, bytes, program, &compile, probes)
                    }
                    Stage::Ok(None) => {
                        Stage::Skip("CPython's compiler raised: no code to run".into())
                    }
                    other => other.propagate().unwrap_or(Stage::Skip(String::new())),
                })
                .collect();
            add_phase(2, t);
            out
        });
        (pending, k)
    });

    // refvm's code on CPython's VM.
    let refvm_cpython = if layers.has(Layer::Output) {
        let t = Instant::now();
        let out = run_refvm_code(engines, cases, &rv, &same);
        add_phase(3, t);
        out
    } else {
        vec![Stage::Skip("not requested".into()); cases.len()]
    };
    let cpython_refvm: Vec<Stage<RunObs>> = match cpython_refvm {
        Some((pending, k)) => {
            let mut ran = pending
                .wait()
                .unwrap_or_else(|(o, d)| (0..k).map(|_| Stage::Failed(o, d.clone())).collect())
                .into_iter();
            rv.iter()
                .zip(&same)
                .map(|(r, same)| {
                    if *same {
                        r.run.clone()
                    } else {
                        ran.next().unwrap_or(Stage::Failed(
                            Outcome::Crash,
                            "the refvm runner's answer is missing an item".into(),
                        ))
                    }
                })
                .collect()
        }
        None => vec![Stage::Skip("not requested".into()); cases.len()],
    };
    let refvm_cpython: Vec<Stage<RunObs>> = refvm_cpython
        .into_iter()
        .zip(&oracles)
        .zip(&same)
        .map(|((r, o), same)| if *same { o.clone() } else { r })
        .collect();

    cases
        .iter()
        .zip(statics)
        .zip(oracles)
        .zip(rv)
        .zip(cpython_refvm)
        .zip(refvm_cpython)
        .map(|(((((case, cp), oracle), rv), c_r), r_c)| {
            judge_case(engines, case, layers, cp, oracle, rv, c_r, r_c)
        })
        .collect()
}

/// The CPython→refvm cell on the runner thread: CPython's marshalled code run by
/// [`RefvmEngine::run_here`]; `compile` (CPython's compiler) compiles what it imports.
fn run_marshalled_here(
    refvm: &RefvmEngine,
    data: &[u8],
    program: &Program,
    compile: &ImportCompile,
    probes: bool,
) -> Stage<RunObs> {
    let compile = Arc::clone(compile);
    let compiler = ModuleCompiler(Arc::new(move |path: &std::path::Path, _source: &[u8]| {
        let bytes = compile(path)?;
        refvm_bytecode::marshal::loads(&bytes).map_err(|e| e.to_string())
    }));
    match refvm.marshal_loads(data) {
        Stage::Ok(code) => refvm.run_here_probing(code, program, None, Some(compiler), probes),
        other => other.propagate().unwrap_or(Stage::Skip(String::new())),
    }
}

/// CPython's compile of an imported module, marshalled.
type ImportCompile = Arc<dyn Fn(&std::path::Path) -> Result<Vec<u8>, String> + Send + Sync>;

/// refvm's observations of one program, only for the layers asked for.
fn refvm_side(refvm: &RefvmEngine, case: &Case, layers: &LayerSet) -> RefvmSide {
    let cpu = thread_cpu_ns();
    let side = refvm_side_inner(refvm, case, layers);
    add_cpu(2, cpu);
    side
}

fn refvm_side_inner(refvm: &RefvmEngine, case: &Case, layers: &LayerSet) -> RefvmSide {
    let (src, name) = (&case.source[..], case.program.display.as_str());
    let tokens = if layers.has(Layer::Tokens) {
        refvm.tokens(src, name)
    } else {
        not_asked()
    };
    let compile = layers.any(&[
        Layer::Bytecode,
        Layer::Dis,
        Layer::Marshal,
        Layer::Output,
        Layer::Refcount,
    ]);
    // The AST layer and the compile share one parse.
    let (ast, compiled) = if layers.has(Layer::Ast) && compile {
        let cpu = thread_cpu_ns();
        let (ast, c) = refvm.ast_and_compile(src, name);
        add_cpu(0, cpu);
        (ast, Some(c))
    } else if layers.has(Layer::Ast) {
        (refvm.ast(src, name), None)
    } else {
        (not_asked(), None)
    };
    let compiled = if let Some(c) = compiled {
        c
    } else if compile {
        let cpu = thread_cpu_ns();
        let c = refvm.compile(src, name);
        add_cpu(0, cpu);
        c
    } else {
        Compiled {
            code: not_asked(),
            compile_ns: None,
            warnings: String::new(),
        }
    };
    let static_obs = if layers.any(&[Layer::Dis, Layer::Marshal]) {
        refvm.static_from_compiled(tokens, ast, &compiled, src.len())
    } else {
        StaticObs {
            tokens,
            ast,
            code: compiled.code.as_ref().map(|r| match r {
                Ok(c) => Ok(crate::observe::CodeObs::Tree(Arc::clone(c))),
                Err(e) => Err(e.clone()),
            }),
            dis: not_asked(),
            pyc: not_asked(),
            compile_ns: compiled.compile_ns,
        }
    };
    let (run, marshal) = if layers.runs() {
        match &compiled.code {
            Stage::Ok(Ok(code)) => (
                {
                    let cpu = thread_cpu_ns();
                    let r = refvm.run_here_probing(
                        Arc::clone(code),
                        &case.program,
                        compiled.compile_ns,
                        None,
                        layers.has(Layer::Refcount),
                    );
                    add_cpu(1, cpu);
                    compiled.with_warnings(r)
                },
                if layers.has(Layer::Output) {
                    refvm.marshal_dumps(code)
                } else {
                    not_asked()
                },
            ),
            Stage::Ok(Err(e)) => (
                Stage::Ok(RefvmEngine::compile_error_run(e, name)),
                Stage::Skip("refvm's compiler raised: no code to run".into()),
            ),
            other => {
                let p: Stage<RunObs> = other.propagate().unwrap_or(Stage::Skip(String::new()));
                (p.clone(), p.map(|_| Vec::new()))
            }
        }
    } else {
        (not_asked(), not_asked())
    };
    RefvmSide {
        static_obs,
        compiled,
        run,
        marshal,
    }
}

/// The items of one program in the CPython batch: `(static?, exec?)`. When the only
/// compiled product asked for is the code a run executes (the output layer without the
/// bytecode, dis or marshal layers), the run's own compile provides it: no static
/// compile of the program.
fn cpython_side(
    engines: &Engines,
    cases: &[Case],
    layers: &LayerSet,
) -> (Vec<CpythonStatic>, Vec<Stage<RunObs>>) {
    let mut parts = layers.static_parts();
    let code_from_run =
        parts.contains(&"run-code") && !parts.iter().any(|p| matches!(*p, "dis" | "pyc"));
    if code_from_run {
        parts.retain(|p| *p != "run-code");
    }
    let abs: Vec<String> = cases
        .iter()
        .map(|c| c.program.abs.to_string_lossy().into_owned())
        .collect();
    let dirs: Vec<String> = cases
        .iter()
        .map(|c| c.program.module_dir().to_string_lossy().into_owned())
        .collect();
    let mut items = Vec::new();
    for (i, c) in cases.iter().enumerate() {
        if !parts.is_empty() {
            items.push(Request::Static {
                path: &c.program.display,
                abs: &abs[i],
                parts: Some(parts.clone()),
            });
        }
        if layers.runs() {
            items.push(exec_request(
                &engines.cpython,
                &c.program,
                (&abs[i], &dirs[i]),
                None,
                layers,
                code_from_run,
            ));
        }
    }
    let per_case = usize::from(!parts.is_empty()) + usize::from(layers.runs());
    let answers = call_batch(&engines.cpython, items, per_case);
    let mut statics = Vec::new();
    let mut oracles = Vec::new();
    let mut it = answers.into_iter();
    for c in cases {
        let mut st = if parts.is_empty() {
            CpythonStatic {
                obs: StaticObs {
                    tokens: not_asked(),
                    ast: not_asked(),
                    code: not_asked(),
                    dis: not_asked(),
                    pyc: not_asked(),
                    compile_ns: None,
                },
                run_code: not_asked(),
            }
        } else {
            let a = it.next().unwrap_or_else(|| Err(missing()));
            let resp = a.and_then(|v| decode::<StaticResponse>(v));
            engines.cpython.static_from(resp, &c.program.display)
        };
        if layers.runs() {
            let a = it.next().unwrap_or_else(|| Err(missing()));
            let mut resp = a.and_then(|v| decode::<ExecResponse>(v));
            add_worker(&resp);
            if code_from_run {
                st.run_code = run_code_of(&mut resp);
            }
            oracles.push(run_from(resp));
        } else {
            oracles.push(not_asked());
        }
        statics.push(st);
    }
    (statics, oracles)
}

/// The code a run compiled, taken out of its answer (as a static request's `run-code`:
/// `Ok(None)` when the compile raised).
fn run_code_of(resp: &mut Result<ExecResponse, Failure>) -> Stage<Option<Vec<u8>>> {
    match resp {
        Ok(ExecResponse::Ok { run_code, .. }) => Stage::Ok(run_code.take()),
        Ok(ExecResponse::OutputLimit { detail, .. }) => Stage::Failed(
            Outcome::OutputLimit,
            format!("CPython's run (which compiles its code) failed: {detail}"),
        ),
        Ok(ExecResponse::BadCode { detail }) => Stage::Failed(Outcome::Crash, detail.clone()),
        Err(f) => Stage::Failed(f.outcome, f.detail.clone()),
    }
}

/// Did CPython and refvm compile the program to the same bytes, with no compiler
/// involved in what it imports? Its cross cells then equal its own cells.
/// refvm's `marshal.loads` of those bytes must give back refvm's code object too (the
/// CPython→refvm cell would otherwise also test that round trip).
fn same_code(refvm: &RefvmEngine, case: &Case, cp: &CpythonStatic, rv: &RefvmSide) -> bool {
    let (Stage::Ok(Some(a)), Stage::Ok(b), Stage::Ok(Ok(code))) =
        (&cp.run_code, &rv.marshal, &rv.compiled.code)
    else {
        return false;
    };
    a == b
        && imports_only_native(&case.source)
        && matches!(refvm.marshal_loads(a), Stage::Ok(loaded) if *loaded == **code)
}

/// Does the program import only modules both engines implement natively (`gc`, `math`,
/// `sys`: no compiler involved)? Conservative: every `;`-separated part of a line that
/// mentions `import` must be such an import statement (any other mention — an
/// `importlib`, an `__import__`, a string — says no).
pub fn imports_only_native(source: &[u8]) -> bool {
    const NATIVE: [&str; 3] = ["gc", "math", "sys"];
    source.split(|&b| b == b'\n').all(|line| {
        if !line.windows(6).any(|w| w == b"import") {
            return true;
        }
        std::str::from_utf8(line).is_ok_and(|l| {
            l.split(';').all(|part| {
                !part.contains("import")
                    || part
                        .trim()
                        .strip_prefix("import ")
                        .is_some_and(|rest| rest.split(',').all(|m| NATIVE.contains(&m.trim())))
            })
        })
    })
}

/// A stage of a layer the campaign does not compare.
fn not_asked<T>() -> Stage<T> {
    Stage::Skip("not requested".to_owned())
}

fn missing() -> Failure {
    Failure {
        outcome: Outcome::Crash,
        detail: "the batch answer is missing an item".into(),
    }
}

fn decode<T: serde::de::DeserializeOwned>(v: serde_json::Value) -> Result<T, Failure> {
    serde_json::from_value(v).map_err(|e| Failure {
        outcome: Outcome::Crash,
        detail: format!("garbled worker answer: {e}"),
    })
}

/// One batch round trip; when the batch fails as a whole (a program hung, crashed its
/// worker or hit the output cap), each item is retried alone so only the culprit
/// carries the failure.
fn call_batch(
    cpython: &CpythonEngine,
    items: Vec<Request<'_>>,
    per_case: usize,
) -> Vec<Result<serde_json::Value, Failure>> {
    let n = items.len();
    let timeout = cpython.limits().timeout;
    // Generated programs take milliseconds: a batch gets the per-program limit once
    // plus half a second per item (a hung program then costs one batch, and its items
    // are retried alone, each with the full limit).
    let deadline = (timeout + Duration::from_millis(500) * n as u32).min(timeout * n.max(1) as u32);
    let retry = items.clone();
    match cpython.batch(items, deadline) {
        Ok(answers) if answers.len() == n => answers.into_iter().map(Ok).collect(),
        Ok(_) => vec![Err(missing()); n],
        Err(f) if n <= 1 => vec![Err(f)],
        Err(_) => {
            // Alone, each group of a program's items (static then exec) in order.
            let mut out = Vec::with_capacity(n);
            for group in retry.chunks(per_case.max(1)) {
                let len = group.len();
                match cpython.batch(group.to_vec(), timeout * len as u32) {
                    Ok(a) if a.len() == len => out.extend(a.into_iter().map(Ok)),
                    Ok(_) => out.extend((0..len).map(|_| Err(missing()))),
                    Err(f) => out.extend((0..len).map(|_| Err(f.clone()))),
                }
            }
            out
        }
    }
}

/// Runs the code refvm compiled on CPython's VM (one batch for the programs that have
/// some).
fn run_refvm_code(
    engines: &Engines,
    cases: &[Case],
    rv: &[RefvmSide],
    skip: &[bool],
) -> Vec<Stage<RunObs>> {
    let abs: Vec<String> = cases
        .iter()
        .map(|c| c.program.abs.to_string_lossy().into_owned())
        .collect();
    let dirs: Vec<String> = cases
        .iter()
        .map(|c| c.program.module_dir().to_string_lossy().into_owned())
        .collect();
    let mut items = Vec::new();
    let mut which = Vec::new();
    for (i, (c, r)) in cases.iter().zip(rv).enumerate() {
        if skip[i] {
            continue;
        }
        if let Stage::Ok(bytes) = &r.marshal {
            items.push(exec_request(
                &engines.cpython,
                &c.program,
                (&abs[i], &dirs[i]),
                Some(bytes.clone()),
                // Only the oracle's and refvm's own runs are probed.
                &LayerSet(BTreeSet::new()),
                false,
            ));
            which.push(i);
        }
    }
    let mut out: Vec<Stage<RunObs>> = rv
        .iter()
        .map(|r| r.marshal.propagate().unwrap_or(Stage::Skip(String::new())))
        .collect();
    if items.is_empty() {
        return out;
    }
    let answers = call_batch(&engines.cpython, items, 1);
    for (i, a) in which.into_iter().zip(answers) {
        let resp = a.and_then(|v| decode::<ExecResponse>(v));
        add_worker(&resp);
        out[i] = run_from(resp);
    }
    out
}

/// The verdicts of one program, as [`crate::check::check_program`] gives them, for
/// the requested layers; plus whether it is poisoned.
#[allow(clippy::too_many_arguments)]
fn judge_case(
    engines: &Engines,
    case: &Case,
    layers: &LayerSet,
    cp: CpythonStatic,
    oracle: Stage<RunObs>,
    rv: RefvmSide,
    cpython_refvm: Stage<RunObs>,
    refvm_cpython: Stage<RunObs>,
) -> Checked {
    let (c, r) = (&cp.obs, &rv.static_obs);
    let mut out = BTreeMap::new();
    if layers.has(Layer::Tokens) {
        out.insert(
            Layer::Tokens,
            judge(&c.tokens, &r.tokens, text::diff_tokens),
        );
    }
    if layers.has(Layer::Ast) {
        out.insert(Layer::Ast, judge(&c.ast, &r.ast, text::diff_ast));
    }
    if layers.has(Layer::Bytecode) {
        out.insert(Layer::Bytecode, judge(&c.code, &r.code, diff_code));
    }
    if layers.has(Layer::Dis) {
        out.insert(
            Layer::Dis,
            judge(&c.dis, &r.dis, |a, b| text::diff_dis(a, b)),
        );
    }
    if layers.has(Layer::Marshal) {
        out.insert(Layer::Marshal, judge(&c.pyc, &r.pyc, |a, b| diff_pyc(a, b)));
    }
    let mut cells = BTreeMap::new();
    if layers.has(Layer::Output) {
        cells.insert(
            Cell::CpythonCpython,
            match &oracle {
                Stage::Ok(_) => Verdict::pass(),
                other => judge(other, other, |_, _| Verdict::pass()),
            },
        );
        // The cells whose code crosses over as marshal data are judged as the full
        // check judges them: against CPython running its own marshalled code when that
        // differs from the source run (marshal.dumps sorts frozenset members).
        let mut reference = MarshalReference::new(engines, &case.program, &cp.run_code, &oracle);
        for (cell, run) in [
            (Cell::CpythonRefvm, &cpython_refvm),
            (Cell::RefvmCpython, &refvm_cpython),
        ] {
            cells.insert(cell, reference.judge(run));
        }
        cells.insert(Cell::RefvmRefvm, judge(&oracle, &rv.run, diff_run));
        out.insert(Layer::Output, combine_cells(&cells));
    }
    let refvm_run = if rv.run.ok().is_some() || cpython_refvm.ok().is_none() {
        rv.run.clone()
    } else {
        cpython_refvm.clone()
    };
    if layers.has(Layer::Refcount) {
        let v = match &oracle {
            Stage::Ok(o) if o.probes.is_none() => {
                Verdict::new(Outcome::Skip, "the program did not compile: no probes")
            }
            _ => judge(&oracle, &refvm_run, |a, b| {
                diff_probes(&a.probes, &b.probes)
            }),
        };
        out.insert(Layer::Refcount, v);
    }
    let result = ProgramResult {
        program: case.program.rel.clone(),
        feature: case.program.feature.clone(),
        layers: out,
        cells,
        timing: Default::default(),
        known: BTreeMap::new(),
    };
    let poison = super::signature::poison(&result, &[&oracle, &refvm_run, &refvm_cpython]);
    Checked {
        result,
        cpython: cp.obs,
        refvm: rv.static_obs,
        oracle,
        refvm_run,
        poison,
    }
}

#[cfg(test)]
mod tests {
    use super::imports_only_native;

    #[test]
    fn only_native_imports_share_cross_cells() {
        assert!(imports_only_native(b"print(1)\n"));
        assert!(imports_only_native(
            b"import gc\nimport math, sys\nprint(2)\n"
        ));
        assert!(!imports_only_native(b"import os\n"));
        assert!(!imports_only_native(b"from math import pi\n"));
        assert!(!imports_only_native(b"x = __import__('gc')\n"));
        assert!(!imports_only_native(b"print('import')\n"));
        assert!(imports_only_native(b"import gc; acc0 = 0\nimport math;\n"));
        assert!(!imports_only_native(b"import gc; import os\n"));
        assert!(!imports_only_native(b"exec('1;import os')\n"));
        assert!(!imports_only_native(b"if x: import os\n"));
    }
}
