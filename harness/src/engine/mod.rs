//! The two engines behind one vocabulary: each turns a program into observations
//! ([`crate::observe`]). [`cpython`] asks worker processes; [`refvm`] calls the vm
//! crates in-process.

pub mod cpython;
pub mod refvm;

use std::time::Duration;

/// Resource limits of one program, for both engines.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Wall-clock limit of one CPython request.
    pub timeout: Duration,
    /// refvm's instruction budget (its stand-in for the wall clock).
    pub fuel: u64,
    /// refvm's heap limit, in bytes.
    pub max_memory: usize,
    /// stdout + stderr cap, in bytes, for both engines.
    pub output_cap: usize,
    /// `RLIMIT_AS` of a CPython worker, in bytes.
    pub address_space: u64,
    /// Replace a CPython worker after this many requests.
    pub recycle_after: usize,
    /// Wall-clock limit of one refvm call: past it the call counts as `timeout` and its
    /// thread is abandoned (fuel should stop runaway programs long before; this catches
    /// refvm bugs that loop outside the instruction counter).
    pub refvm_hang: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            timeout: Duration::from_secs(10),
            fuel: 2_000_000_000,
            max_memory: 1 << 30,
            output_cap: 8 << 20,
            address_space: 2 << 30,
            recycle_after: 500,
            refvm_hang: Duration::from_secs(120),
        }
    }
}

/// `str(SyntaxError)` as CPython formats it (`Objects/exceptions.c`, SyntaxError_str):
/// `msg (basename, line N)`, dropping the parts that are missing.
pub fn syntax_error_str(msg: &str, filename: Option<&str>, lineno: Option<i64>) -> String {
    let base = filename.map(|f| f.rsplit('/').next().unwrap_or(f));
    match (base, lineno) {
        (Some(f), Some(l)) => format!("{msg} ({f}, line {l})"),
        (Some(f), None) => format!("{msg} ({f})"),
        (None, Some(l)) => format!("{msg} (line {l})"),
        (None, None) => msg.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_error_str_matches_cpython() {
        // python3 -c 'try: compile("(", "/a/b.py", "exec")\nexcept SyntaxError as e: print(e)'
        assert_eq!(
            syntax_error_str("'(' was never closed", Some("/a/b.py"), Some(1)),
            "'(' was never closed (b.py, line 1)"
        );
        assert_eq!(syntax_error_str("m", None, None), "m");
    }
}
