//! The output layer for one matrix cell: exit status, uncaught exception (type,
//! message, traceback frames), stdout, then stderr when both engines produced it.

use super::{normalize_address_bytes, normalize_addresses, text_divergence, unified};
use crate::observe::{ExceptionObs, RunObs};
use crate::outcome::Verdict;

fn render_exception(e: &Option<ExceptionObs>) -> String {
    match e {
        None => "no exception\n".to_owned(),
        Some(e) => {
            let mut s = String::from("Traceback (frames):\n");
            for f in &e.frames {
                s.push_str(&format!(
                    "  File \"{}\", line {}, in {}\n",
                    f.filename, f.lineno, f.name
                ));
            }
            let msg = normalize_addresses(&e.message);
            if msg.is_empty() {
                s.push_str(&format!("{}\n", e.type_name));
            } else {
                s.push_str(&format!("{}: {msg}\n", e.type_name));
            }
            s
        }
    }
}

/// Two byte streams after address normalisation: equal, or a diff of their (lossy)
/// text renderings.
fn bytes_divergence(what: &str, a: &[u8], b: &[u8]) -> Option<String> {
    let (a, b) = (normalize_address_bytes(a), normalize_address_bytes(b));
    if a == b {
        return None;
    }
    let (ta, tb) = (String::from_utf8_lossy(&a), String::from_utf8_lossy(&b));
    if ta == tb {
        return Some(format!(
            "{what} differs in bytes that are not valid UTF-8\n{}",
            unified(&hex(&a), &hex(&b))
        ));
    }
    Some(text_divergence(what, &ta, &tb))
}

fn hex(b: &[u8]) -> String {
    b.chunks(16)
        .map(|c| {
            c.iter()
                .map(|x| format!("{x:02x}"))
                .collect::<Vec<_>>()
                .join(" ")
                + "\n"
        })
        .collect()
}

/// Compares a cell's run with the oracle's.
pub fn diff_run(cpython: &RunObs, refvm: &RunObs) -> Verdict {
    let exc = (
        render_exception(&cpython.exception),
        render_exception(&refvm.exception),
    );
    if cpython.exit_code != refvm.exit_code {
        let mut d = format!(
            "exit status: cpython {}, refvm {}\n",
            cpython.exit_code, refvm.exit_code
        );
        if exc.0 != exc.1 {
            d.push_str(&unified(&exc.0, &exc.1));
        }
        return Verdict::diverge(d);
    }
    if exc.0 != exc.1 {
        return Verdict::diverge(text_divergence("the uncaught exception", &exc.0, &exc.1));
    }
    if let Some(d) = bytes_divergence("stdout", &cpython.stdout, &refvm.stdout) {
        return Verdict::diverge(d);
    }
    if let (Some(a), Some(b)) = (&cpython.stderr, &refvm.stderr)
        && let Some(d) = bytes_divergence("stderr", a, b)
    {
        return Verdict::diverge(d);
    }
    Verdict::pass()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::observe::FrameObs;
    use crate::outcome::Outcome;

    fn run(stdout: &str, exit: i32, exc: Option<(&str, &str, i64)>) -> RunObs {
        RunObs {
            stdout: stdout.into(),
            stderr: Some(Vec::new()),
            exit_code: exit,
            exception: exc.map(|(t, m, line)| ExceptionObs {
                type_name: t.into(),
                message: m.into(),
                frames: vec![FrameObs {
                    filename: "/c/x.py".into(),
                    lineno: line,
                    name: "<module>".into(),
                }],
            }),
            probes: None,
            compile_ns: None,
            exec_ns: Some(1),
        }
    }

    #[test]
    fn identical_runs_pass() {
        let a = run("1\n2\n", 0, None);
        assert_eq!(diff_run(&a, &a.clone()).outcome, Outcome::Pass);
    }

    #[test]
    fn each_part_is_compared() {
        let a = run("1\n", 1, Some(("ValueError", "bad", 3)));
        let v = diff_run(&a, &run("1\n", 0, None));
        assert!(
            v.detail
                .unwrap()
                .starts_with("exit status: cpython 1, refvm 0")
        );
        let v = diff_run(&a, &run("1\n", 1, Some(("ValueError", "bad", 4))));
        assert!(
            v.detail
                .unwrap()
                .contains("+  File \"/c/x.py\", line 4, in <module>")
        );
        let v = diff_run(&a, &run("2\n", 1, Some(("ValueError", "bad", 3))));
        assert!(v.detail.unwrap().starts_with("stdout differs"));
        let mut b = a.clone();
        b.stderr = Some(b"Traceback".to_vec());
        assert!(
            diff_run(&a, &b)
                .detail
                .unwrap()
                .starts_with("stderr differs")
        );
        // stderr is compared only when both engines produced it.
        b.stderr = None;
        assert_eq!(diff_run(&a, &b).outcome, Outcome::Pass);
    }

    #[test]
    fn addresses_in_output_are_normalised() {
        let a = run("<A object at 0x7f0011223344>\n", 0, None);
        let b = run("<A object at 0x5500aabbccdd>\n", 0, None);
        assert_eq!(diff_run(&a, &b).outcome, Outcome::Pass);
        // Invalid UTF-8 is compared as bytes, not through the lossy rendering.
        let c = run("\u{fffd}\n", 0, None);
        let mut d = c.clone();
        d.stdout = b"\xff\n".to_vec();
        assert_eq!(diff_run(&c, &d).outcome, Outcome::Diverge);
    }
}
