//! What an engine observed about one program, stage by stage, independent of which
//! engine it was. Layer diffs are pure functions of two of these.

use crate::outcome::{Outcome, Verdict};
use refvm_bytecode::CodeObject;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// One stage of one engine: the value it produced, or why there is none.
#[derive(Clone, Debug, PartialEq)]
pub enum Stage<T> {
    Ok(T),
    /// The engine cannot produce this yet (refvm stub, missing marshal reader, …).
    Unsupported(String),
    /// Not applicable (e.g. no code object because compilation raised `SyntaxError`).
    Skip(String),
    /// The engine failed: `timeout`, `crash`, `panic` or `output-limit`, with details.
    Failed(Outcome, String),
}

impl<T> Stage<T> {
    pub fn as_ref(&self) -> Stage<&T> {
        match self {
            Stage::Ok(v) => Stage::Ok(v),
            Stage::Unsupported(s) => Stage::Unsupported(s.clone()),
            Stage::Skip(s) => Stage::Skip(s.clone()),
            Stage::Failed(o, s) => Stage::Failed(*o, s.clone()),
        }
    }

    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Stage<U> {
        match self {
            Stage::Ok(v) => Stage::Ok(f(v)),
            Stage::Unsupported(s) => Stage::Unsupported(s),
            Stage::Skip(s) => Stage::Skip(s),
            Stage::Failed(o, s) => Stage::Failed(o, s),
        }
    }

    pub fn ok(&self) -> Option<&T> {
        match self {
            Stage::Ok(v) => Some(v),
            _ => None,
        }
    }

    /// The same non-`Ok` state, for a stage that depends on this one.
    pub fn propagate<U>(&self) -> Option<Stage<U>> {
        match self {
            Stage::Ok(_) => None,
            Stage::Unsupported(s) => Some(Stage::Unsupported(s.clone())),
            Stage::Skip(s) => Some(Stage::Skip(s.clone())),
            Stage::Failed(o, s) => Some(Stage::Failed(*o, s.clone())),
        }
    }
}

/// Compares two stages: a failure on either side decides the verdict (the worse one
/// wins), then `unsupported`, then `skip`; only two `Ok`s reach `compare`.
pub fn judge<A, B>(
    cpython: &Stage<A>,
    refvm: &Stage<B>,
    compare: impl FnOnce(&A, &B) -> Verdict,
) -> Verdict {
    let c = failed_of(cpython).map(|(o, d)| (o, format!("cpython: {d}")));
    let r = failed_of(refvm).map(|(o, d)| (o, format!("refvm: {d}")));
    let worst = match (c, r) {
        // Both failed: the worse outcome, and both details (the refvm side of a
        // program that also killed CPython stays visible).
        (Some(a), Some(b)) => Some(if b.0.severity() > a.0.severity() {
            (b.0, format!("{}\n{}", b.1, a.1))
        } else {
            (a.0, format!("{}\n{}", a.1, b.1))
        }),
        (a, b) => a.or(b),
    };
    if let Some((o, d)) = worst {
        return Verdict::new(o, d);
    }
    if let Stage::Unsupported(s) = refvm {
        return Verdict::new(Outcome::Unsupported, format!("refvm: {s}"));
    }
    if let Stage::Unsupported(s) = cpython {
        return Verdict::new(Outcome::Unsupported, format!("cpython: {s}"));
    }
    match (cpython, refvm) {
        (Stage::Ok(a), Stage::Ok(b)) => compare(a, b),
        (Stage::Skip(s), _) | (_, Stage::Skip(s)) => Verdict::new(Outcome::Skip, s.clone()),
        _ => Verdict::new(Outcome::Skip, "no observation"),
    }
}

fn failed_of<T>(s: &Stage<T>) -> Option<(Outcome, &String)> {
    match s {
        Stage::Failed(o, d) => Some((*o, d)),
        _ => None,
    }
}

/// What `python3 -m tokenize -e FILE` printed and how it exited.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokensObs {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub exit_code: i32,
}

/// An exception raised by `ast.parse` / `compile` instead of a result (usually a
/// `SyntaxError`; positions are `None` for other exception types).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorObs {
    #[serde(rename = "type")]
    pub type_name: String,
    pub msg: String,
    pub lineno: Option<i64>,
    pub offset: Option<i64>,
    pub end_lineno: Option<i64>,
    pub end_offset: Option<i64>,
}

impl ErrorObs {
    /// One line per compared attribute, for diffs.
    pub fn render(&self) -> String {
        let n = |v: Option<i64>| v.map_or_else(|| "None".to_owned(), |v| v.to_string());
        format!(
            "type: {}\nmsg: {}\nlineno: {}\noffset: {}\nend_lineno: {}\nend_offset: {}\n",
            self.type_name,
            self.msg,
            n(self.lineno),
            n(self.offset),
            n(self.end_lineno),
            n(self.end_offset)
        )
    }

    pub fn from_syntax_error(e: &refvm_syntax::SyntaxError) -> Self {
        ErrorObs {
            type_name: e.kind.name().to_owned(),
            msg: e.msg.clone(),
            lineno: e.lineno.map(i64::from),
            offset: e.offset,
            end_lineno: e.end_lineno.map(i64::from),
            end_offset: e.end_offset,
        }
    }

    /// A non-SyntaxError the parser raises (`MemoryError`, ...): no location.
    pub fn from_other_error(e: &refvm_syntax::OtherError) -> Self {
        ErrorObs {
            type_name: e.kind.name().to_owned(),
            msg: e.msg.clone(),
            lineno: None,
            offset: None,
            end_lineno: None,
            end_offset: None,
        }
    }
}

/// A code object an engine produced.
#[derive(Clone, Debug, PartialEq)]
pub enum CodeObs {
    Tree(Arc<CodeObject>),
    /// CPython produced code but the harness cannot read its marshal data yet
    /// (`refvm_bytecode::marshal::loads` said why).
    Unreadable(String),
}

/// The static (compile-time) observations of one program.
#[derive(Clone, Debug)]
pub struct StaticObs {
    pub tokens: Stage<TokensObs>,
    /// The `ast.dump` text, or the parse error.
    pub ast: Stage<Result<String, ErrorObs>>,
    /// `compile(src, FILE, "exec")`, or its error.
    pub code: Stage<Result<CodeObs, ErrorObs>>,
    /// `python3 -m dis FILE` text (`Skip` when compilation failed).
    pub dis: Stage<String>,
    /// `.pyc` bytes with mtime 0 and the real source size (`Skip` when compilation failed).
    pub pyc: Stage<Vec<u8>>,
    /// Fastest of the repeated compiles, in ns.
    pub compile_ns: Option<u64>,
}

impl StaticObs {
    /// Every stage failed the same way (a worker that died before answering, say).
    pub fn failed(outcome: Outcome, detail: &str) -> Self {
        StaticObs {
            tokens: Stage::Failed(outcome, detail.to_owned()),
            ast: Stage::Failed(outcome, detail.to_owned()),
            code: Stage::Failed(outcome, detail.to_owned()),
            dis: Stage::Failed(outcome, detail.to_owned()),
            pyc: Stage::Failed(outcome, detail.to_owned()),
            compile_ns: None,
        }
    }
}

/// One frame of a traceback, outermost first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FrameObs {
    pub filename: String,
    pub lineno: i64,
    pub name: String,
}

/// An exception that escaped the program.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExceptionObs {
    /// As the traceback's last line prints it (`ValueError`, `pkg.mod.Error`).
    #[serde(rename = "type")]
    pub type_name: String,
    /// `str(exc)`.
    pub message: String,
    pub frames: Vec<FrameObs>,
}

/// The refcount/gc probes taken after the program (see `worker::probes` for the
/// exact definition both engines follow).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProbesObs {
    /// `(name, count)`; `None` when CPython excluded the value (a shared constant).
    pub refcounts: Vec<(String, Option<i64>)>,
    pub gc_collected: Option<i64>,
}

/// One run of a program (one cell of the matrix).
#[derive(Clone, Debug, PartialEq)]
pub struct RunObs {
    pub stdout: Vec<u8>,
    /// `None` when the engine did not produce stderr text (refvm's compile errors are
    /// typed data, never printed), so it is not compared.
    pub stderr: Option<Vec<u8>>,
    pub exit_code: i32,
    pub exception: Option<ExceptionObs>,
    pub probes: Option<ProbesObs>,
    /// Time to compile the source (None when the code came ready-made).
    pub compile_ns: Option<u64>,
    /// Time to execute the module code; `None` when nothing ran (compile error).
    pub exec_ns: Option<u64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn judge_orders_failures_and_keeps_both_sides() {
        let same = |_: &u8, _: &u8| Verdict::pass();
        let crash: Stage<u8> = Stage::Failed(Outcome::Crash, "SIGSEGV".into());
        let timeout: Stage<u8> = Stage::Failed(Outcome::Timeout, "fuel".into());
        let v = judge(&crash, &timeout, same);
        assert_eq!(v.outcome, Outcome::Crash);
        let detail = v.detail.unwrap();
        assert!(detail.contains("cpython: SIGSEGV") && detail.contains("refvm: fuel"));
        let unsupported: Stage<u8> = Stage::Unsupported("no os".into());
        assert_eq!(
            judge(&Stage::Ok(1), &unsupported, same).outcome,
            Outcome::Unsupported
        );
        assert_eq!(judge(&crash, &unsupported, same).outcome, Outcome::Crash);
        assert_eq!(
            judge(&Stage::Ok(1), &Stage::Ok(2), same).outcome,
            Outcome::Pass
        );
        let skip: Stage<u8> = Stage::Skip("n/a".into());
        assert_eq!(judge(&skip, &Stage::Ok(2), same).outcome, Outcome::Skip);
    }
}
