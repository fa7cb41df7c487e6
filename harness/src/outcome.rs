//! The results vocabulary: layers, matrix cells and the outcome of comparing one layer.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// How one layer (or one matrix cell) of one program came out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// Both engines produced the observation and it is identical (after `0x…` normalisation).
    Pass,
    /// Both engines produced the observation and it differs.
    Diverge,
    /// refvm (or the harness, e.g. a stub marshal reader) cannot produce it yet.
    Unsupported,
    /// The program ran out of wall-clock time (CPython) or fuel (refvm).
    Timeout,
    /// A CPython worker died (signal, `os._exit`, out of memory), refvm hit its memory
    /// limit, or CPython rejected code refvm produced.
    Crash,
    /// refvm panicked: always a refvm bug.
    Panic,
    /// The layer does not apply (e.g. `dis` of a program that does not compile).
    Skip,
    /// The program wrote more than the output cap.
    OutputLimit,
}

impl Outcome {
    pub const ALL: [Outcome; 8] = [
        Outcome::Pass,
        Outcome::Diverge,
        Outcome::Unsupported,
        Outcome::Timeout,
        Outcome::Crash,
        Outcome::Panic,
        Outcome::Skip,
        Outcome::OutputLimit,
    ];

    /// The spelling used in every report.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Pass => "pass",
            Outcome::Diverge => "diverge",
            Outcome::Unsupported => "unsupported",
            Outcome::Timeout => "timeout",
            Outcome::Crash => "crash",
            Outcome::Panic => "panic",
            Outcome::Skip => "skip",
            Outcome::OutputLimit => "output-limit",
        }
    }

    /// Was the layer actually compared (its outcome counts towards pass/fail)?
    pub fn compared(self) -> bool {
        !matches!(self, Outcome::Unsupported | Outcome::Skip)
    }

    /// How bad an outcome is when several are combined into one (higher is worse).
    pub fn severity(self) -> u8 {
        match self {
            Outcome::Skip => 0,
            Outcome::Pass => 1,
            Outcome::Unsupported => 2,
            Outcome::Diverge => 3,
            Outcome::OutputLimit => 4,
            Outcome::Timeout => 5,
            Outcome::Crash => 6,
            Outcome::Panic => 7,
        }
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl FromStr for Outcome {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Outcome::ALL
            .into_iter()
            .find(|o| o.as_str() == s)
            .ok_or_else(|| format!("unknown outcome {s:?}"))
    }
}

/// A column of `results.csv`: one observable layer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Layer {
    /// `python3 -m tokenize -e FILE`.
    Tokens,
    /// `ast.dump(...)`, or the `SyntaxError` of `ast.parse`.
    Ast,
    /// The code-object tree of `compile()`, or its `SyntaxError`.
    Bytecode,
    /// `python3 -m dis FILE`.
    Dis,
    /// `.pyc` bytes as `python3 -m py_compile FILE` writes them.
    Marshal,
    /// stdout, stderr, uncaught exception and exit status, over the matrix cells.
    Output,
    /// `sys.getrefcount` probes and the final `gc.collect()`.
    Refcount,
}

impl Layer {
    /// In `results.csv` column order.
    pub const ALL: [Layer; 7] = [
        Layer::Tokens,
        Layer::Ast,
        Layer::Bytecode,
        Layer::Dis,
        Layer::Marshal,
        Layer::Output,
        Layer::Refcount,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Layer::Tokens => "tokens",
            Layer::Ast => "ast",
            Layer::Bytecode => "bytecode",
            Layer::Dis => "dis",
            Layer::Marshal => "marshal",
            Layer::Output => "output",
            Layer::Refcount => "refcount",
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Layer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl FromStr for Layer {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Layer::ALL
            .into_iter()
            .find(|l| l.as_str() == s)
            .ok_or_else(|| format!("unknown layer {s:?} (expected one of tokens, ast, bytecode, dis, marshal, output, refcount)"))
    }
}

/// A cell of the cross-execution matrix: which compiler made the code, which VM ran it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Cell {
    /// CPython compiler → CPython VM: the oracle.
    CpythonCpython,
    /// CPython compiler → refvm VM: VM conformance.
    CpythonRefvm,
    /// refvm compiler → CPython VM: compiler conformance (worker only).
    RefvmCpython,
    /// refvm compiler → refvm VM: the full reference pipeline.
    RefvmRefvm,
}

impl Cell {
    pub const ALL: [Cell; 4] = [
        Cell::CpythonCpython,
        Cell::CpythonRefvm,
        Cell::RefvmCpython,
        Cell::RefvmRefvm,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Cell::CpythonCpython => "cpython→cpython",
            Cell::CpythonRefvm => "cpython→refvm",
            Cell::RefvmCpython => "refvm→cpython",
            Cell::RefvmRefvm => "refvm→refvm",
        }
    }
}

impl fmt::Display for Cell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// The result of comparing one layer (or one cell): an outcome and, unless it passed,
/// why — for `diverge` the first difference as a short unified diff.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    pub outcome: Outcome,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

impl Verdict {
    pub fn pass() -> Self {
        Verdict {
            outcome: Outcome::Pass,
            detail: None,
        }
    }

    pub fn new(outcome: Outcome, detail: impl Into<String>) -> Self {
        Verdict {
            outcome,
            detail: Some(detail.into()),
        }
    }

    pub fn diverge(detail: impl Into<String>) -> Self {
        Verdict::new(Outcome::Diverge, detail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_round_trip() {
        for o in Outcome::ALL {
            assert_eq!(o.as_str().parse::<Outcome>(), Ok(o));
        }
        for l in Layer::ALL {
            assert_eq!(l.as_str().parse::<Layer>(), Ok(l));
            assert_eq!(Layer::ALL[l.index()], l);
        }
        assert!("nope".parse::<Outcome>().is_err());
    }

    #[test]
    fn only_unsupported_and_skip_are_not_compared() {
        let not: Vec<_> = Outcome::ALL.into_iter().filter(|o| !o.compared()).collect();
        assert_eq!(not, [Outcome::Unsupported, Outcome::Skip]);
    }
}
