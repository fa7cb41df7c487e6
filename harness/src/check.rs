//! One program through both engines: the static layers, the four cells of the
//! cross-execution matrix, the refcount probes and the timings, judged layer by layer.

use crate::diff::{
    bytes::diff_pyc, code::diff_code, output::diff_run, refcount::diff_probes, text, timing::Timing,
};
use crate::engine::cpython::CpythonEngine;
use crate::engine::refvm::{Isolated, RefvmEngine, RefvmSide};
use crate::observe::{RunObs, Stage, judge};
use crate::outcome::{Cell, Layer, Outcome, Verdict};
use crate::program::Program;
use crate::results::ProgramResult;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Both engines, ready to check programs (shared by the threads of a run).
pub struct Engines {
    pub cpython: CpythonEngine,
    pub refvm: RefvmEngine,
    /// Execute each program this many times on each VM for the timing layer (the
    /// fastest counts); the first run is the one compared.
    pub time_runs: u32,
}

/// Checks one program on both engines. Never fails: every problem is a verdict.
pub fn check_program(engines: &Engines, program: &Program) -> ProgramResult {
    let source = match std::fs::read(&program.abs) {
        Ok(s) => s,
        Err(e) => {
            let v = Verdict::new(
                Outcome::Crash,
                format!("cannot read {}: {e}", program.abs.display()),
            );
            return ProgramResult {
                program: program.rel.clone(),
                feature: program.feature.clone(),
                layers: Layer::ALL.iter().map(|&l| (l, v.clone())).collect(),
                cells: BTreeMap::new(),
                timing: Timing::default(),
                known: BTreeMap::new(),
            };
        }
    };
    // refvm's own work runs on its thread while the CPython workers answer.
    let source = Arc::new(source);
    let refvm_side = {
        let (refvm, program, source) =
            (engines.refvm.clone(), program.clone(), Arc::clone(&source));
        Isolated::spawn(engines.refvm.limits.refvm_hang, move || {
            refvm.observe_program(&source, &program)
        })
    };
    let cp = engines.cpython.observe_static(program);
    // Runs compile with the absolute path, as `python3 FILE` does.
    let oracle = engines.cpython.run_source(program);
    let rv = refvm_side
        .wait()
        .unwrap_or_else(|(o, d)| RefvmSide::failed(o, &d));
    let cp_static = &cp.obs;
    let rv_static = &rv.static_obs;

    let mut layers = BTreeMap::new();
    layers.insert(
        Layer::Tokens,
        judge(&cp_static.tokens, &rv_static.tokens, text::diff_tokens),
    );
    layers.insert(
        Layer::Ast,
        judge(&cp_static.ast, &rv_static.ast, text::diff_ast),
    );
    layers.insert(
        Layer::Bytecode,
        judge(&cp_static.code, &rv_static.code, diff_code),
    );
    layers.insert(
        Layer::Dis,
        judge(&cp_static.dis, &rv_static.dis, |a, b| text::diff_dis(a, b)),
    );
    layers.insert(
        Layer::Marshal,
        judge(&cp_static.pyc, &rv_static.pyc, |a, b| diff_pyc(a, b)),
    );

    // The other three cells of the matrix.
    let cpython_refvm: Stage<RunObs> = match &cp.run_code {
        Stage::Ok(Some(bytes)) => {
            let (refvm, program, bytes) = (engines.refvm.clone(), program.clone(), bytes.clone());
            let compile = Arc::new(engines.cpython.module_compiler());
            Isolated::spawn(engines.refvm.limits.refvm_hang, move || {
                refvm.run_marshalled(&bytes, &program, compile)
            })
            .wait()
            .unwrap_or_else(|(o, d)| Stage::Failed(o, d))
        }
        Stage::Ok(None) => Stage::Skip("CPython's compiler raised: no code to run".into()),
        other => other.propagate().unwrap_or(Stage::Skip(String::new())),
    };
    let refvm_cpython = match &rv.marshal {
        Stage::Ok(bytes) => engines.cpython.run_marshal(program, bytes.clone()),
        other => other.propagate().unwrap_or(Stage::Skip(String::new())),
    };
    let refvm_refvm = rv.run.clone();
    let mut cells = BTreeMap::new();
    cells.insert(
        Cell::CpythonCpython,
        match &oracle {
            Stage::Ok(_) => Verdict::pass(),
            other => judge(other, other, |_, _| Verdict::pass()),
        },
    );
    // The two cells whose code crosses over as marshal data: their reference is
    // CPython running CPython's own code through `marshal.loads` too (run lazily, at
    // most once, only when a cell differs from the oracle).
    let mut marshal_reference = MarshalReference::new(engines, program, &cp.run_code, &oracle);
    for (cell, run) in [
        (Cell::CpythonRefvm, &cpython_refvm),
        (Cell::RefvmCpython, &refvm_cpython),
    ] {
        cells.insert(cell, marshal_reference.judge(run));
    }
    cells.insert(Cell::RefvmRefvm, judge(&oracle, &refvm_refvm, diff_run));
    layers.insert(Layer::Output, combine_cells(&cells));

    // Refcounts and timings come from the full refvm pipeline when it ran, else from
    // the CPython-compiled code on refvm's VM.
    let refvm_run = if refvm_refvm.ok().is_some() || cpython_refvm.ok().is_none() {
        &refvm_refvm
    } else {
        &cpython_refvm
    };
    let refcount = match &oracle {
        Stage::Ok(o) if o.probes.is_none() => {
            Verdict::new(Outcome::Skip, "the program did not compile: no probes")
        }
        _ => judge(&oracle, refvm_run, |a, b| diff_probes(&a.probes, &b.probes)),
    };
    layers.insert(Layer::Refcount, refcount);

    let mut timing = Timing {
        cpython_compile_ns: cp_static.compile_ns,
        cpython_exec_ns: oracle.ok().and_then(|r| r.exec_ns),
        refvm_compile_ns: rv_static.compile_ns,
        refvm_exec_ns: refvm_run.ok().and_then(|r| r.exec_ns),
    };
    if engines.time_runs > 1 {
        retime(engines, program, &rv, &mut timing);
    }
    ProgramResult {
        program: program.rel.clone(),
        feature: program.feature.clone(),
        layers,
        cells,
        timing,
        known: BTreeMap::new(),
    }
}

/// The reference of the cells that run code handed over as marshal data (CPython's
/// compiler → refvm's VM, refvm's compiler → CPython's VM): CPython running its own
/// compiler's code the same way, `marshal.loads(marshal.dumps(compile(src, ABSPATH)))`.
/// `marshal` is not a neutral carrier: 3.11's `marshal.dumps` sorts frozenset members
/// and `marshal.loads` rebuilds each frozenset by inserting them in that order, so a
/// set-constant's table layout — and the iteration order a program prints — can differ
/// from the constant the compiler built in memory, which a source run (`python3 FILE`)
/// sees. Running CPython's own marshalled code gives both cells the same starting point.
///
/// A cell first compares with the oracle (the source run): the same result for nearly
/// every program, and then the cell passes. Only when it differs does CPython's
/// marshalled code run; if that run equals the oracle, the difference is the cell's own
/// (the verdict against the oracle stands); if it does not, marshal changed what the
/// program does and the cell is judged against that run — a cell that differs from it
/// too still diverges.
pub(crate) struct MarshalReference<'a> {
    engines: &'a Engines,
    program: &'a Program,
    code: &'a Stage<Option<Vec<u8>>>,
    oracle: &'a Stage<RunObs>,
    /// `None` until needed; then the run, or `None` inside when it equals the oracle.
    run: Option<Option<Stage<RunObs>>>,
}

impl<'a> MarshalReference<'a> {
    pub(crate) fn new(
        engines: &'a Engines,
        program: &'a Program,
        code: &'a Stage<Option<Vec<u8>>>,
        oracle: &'a Stage<RunObs>,
    ) -> Self {
        MarshalReference {
            engines,
            program,
            code,
            oracle,
            run: None,
        }
    }

    pub(crate) fn judge(&mut self, run: &Stage<RunObs>) -> Verdict {
        let first = judge(self.oracle, run, diff_run);
        if first.outcome != Outcome::Diverge {
            return first;
        }
        let (engines, program, code, oracle) = (self.engines, self.program, self.code, self.oracle);
        let reference = self.run.get_or_insert_with(|| {
            let Stage::Ok(Some(bytes)) = code else {
                return None;
            };
            let reference = engines.cpython.run_marshal(program, bytes.clone());
            // Only a clean run that differs from the oracle is a reference.
            let differs = reference.ok().is_some()
                && judge(oracle, &reference, diff_run).outcome == Outcome::Diverge;
            differs.then_some(reference)
        });
        match reference {
            None => first,
            Some(reference) => {
                let v = judge(reference, run, diff_run);
                match v.outcome {
                    Outcome::Pass => Verdict::pass(),
                    o => Verdict::new(
                        o,
                        format!(
                            "against CPython running its own marshalled code (which itself \
                             differs from the source run): {}",
                            v.detail.unwrap_or_default()
                        ),
                    ),
                }
            }
        }
    }
}

/// Runs the program `time_runs - 1` more times on each VM (interleaved), keeping the
/// fastest execute times.
fn retime(engines: &Engines, program: &Program, rv: &RefvmSide, timing: &mut Timing) {
    let min = |a: Option<u64>, b: Option<u64>| match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    for _ in 1..engines.time_runs {
        if timing.cpython_exec_ns.is_some() {
            let again = engines.cpython.run_source(program);
            timing.cpython_exec_ns =
                min(timing.cpython_exec_ns, again.ok().and_then(|r| r.exec_ns));
        }
        if let (Some(_), Stage::Ok(Ok(code))) = (timing.refvm_exec_ns, &rv.compiled.code) {
            let (refvm, program, code) = (engines.refvm.clone(), program.clone(), Arc::clone(code));
            let again = Isolated::spawn(engines.refvm.limits.refvm_hang, move || {
                refvm.run(code, &program, None)
            })
            .wait();
            let ns = again.ok().and_then(|s| s.ok().and_then(|r| r.exec_ns));
            timing.refvm_exec_ns = min(timing.refvm_exec_ns, ns);
        }
    }
}

/// The output layer from its cells: the oracle's failure if it failed; else `pass`
/// only when every cell that ran passed (the worst compared outcome otherwise);
/// `unsupported` when no cell ran.
pub fn combine_cells(cells: &BTreeMap<Cell, Verdict>) -> Verdict {
    if let Some(v) = cells.get(&Cell::CpythonCpython)
        && v.outcome != Outcome::Pass
    {
        return v.clone();
    }
    let others: Vec<(&Cell, &Verdict)> = cells
        .iter()
        .filter(|(c, _)| **c != Cell::CpythonCpython)
        .collect();
    let ran: Vec<&(&Cell, &Verdict)> = others
        .iter()
        .filter(|(_, v)| v.outcome.compared())
        .collect();
    if let Some((cell, worst)) = ran.iter().max_by_key(|(_, v)| v.outcome.severity()) {
        if worst.outcome == Outcome::Pass {
            return Verdict::pass();
        }
        let detail = worst.detail.as_deref().unwrap_or("");
        return Verdict::new(worst.outcome, format!("[{cell}] {detail}"));
    }
    if others
        .iter()
        .any(|(_, v)| v.outcome == Outcome::Unsupported)
    {
        let why = others
            .iter()
            .filter(|(_, v)| v.outcome == Outcome::Unsupported)
            .map(|(c, v)| format!("[{c}] {}", v.detail.as_deref().unwrap_or("")))
            .collect::<Vec<_>>()
            .join("\n");
        return Verdict::new(Outcome::Unsupported, why);
    }
    Verdict::new(Outcome::Skip, "no cell ran")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(list: &[(Cell, Outcome)]) -> BTreeMap<Cell, Verdict> {
        list.iter()
            .map(|&(c, o)| (c, Verdict::new(o, format!("{o} detail"))))
            .collect()
    }

    use Cell::*;
    use Outcome::*;

    #[test]
    fn output_passes_only_when_every_cell_that_ran_passes() {
        let all_pass = cells(&[
            (CpythonCpython, Pass),
            (CpythonRefvm, Pass),
            (RefvmCpython, Unsupported),
            (RefvmRefvm, Pass),
        ]);
        assert_eq!(combine_cells(&all_pass).outcome, Pass);
        let one_bad = cells(&[
            (CpythonCpython, Pass),
            (CpythonRefvm, Pass),
            (RefvmCpython, Diverge),
            (RefvmRefvm, Pass),
        ]);
        let v = combine_cells(&one_bad);
        assert_eq!(v.outcome, Diverge);
        assert!(v.detail.unwrap().starts_with("[refvm→cpython]"));
        let none = cells(&[
            (CpythonCpython, Pass),
            (CpythonRefvm, Unsupported),
            (RefvmCpython, Skip),
            (RefvmRefvm, Unsupported),
        ]);
        assert_eq!(combine_cells(&none).outcome, Unsupported);
        let oracle_dead = cells(&[
            (CpythonCpython, Timeout),
            (CpythonRefvm, Timeout),
            (RefvmCpython, Timeout),
            (RefvmRefvm, Timeout),
        ]);
        assert_eq!(combine_cells(&oracle_dead).outcome, Timeout);
        let panic = cells(&[
            (CpythonCpython, Pass),
            (CpythonRefvm, Diverge),
            (RefvmCpython, Crash),
            (RefvmRefvm, Panic),
        ]);
        assert_eq!(combine_cells(&panic).outcome, Panic);
    }
}
