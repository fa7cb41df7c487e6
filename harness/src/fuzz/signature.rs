//! What a fuzz case amounts to: a pass, `unsupported` (refvm cannot yet), `poisoned`
//! (a resource limit on either side: not evidence of anything), or a finding with a
//! divergence signature — the first failing layer in pipeline order plus the kind of
//! its first difference — under which findings are deduplicated and reductions are
//! checked.

use crate::observe::{RunObs, Stage};
use crate::outcome::{Layer, Outcome, Verdict};
use crate::results::ProgramResult;
use std::fmt;

/// The identity of a divergence: `layer` + `kind`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Signature {
    pub layer: Layer,
    pub kind: String,
}

impl Signature {
    /// A directory-safe spelling: `output-refvm-refvm-stdout-typeerror`.
    pub fn slug(&self) -> String {
        format!("{}-{}", self.layer, self.kind)
    }

    /// Parses a [`Signature::slug`] back.
    pub fn from_slug(s: &str) -> Option<Signature> {
        Layer::ALL.into_iter().find_map(|l| {
            s.strip_prefix(l.as_str())
                .and_then(|rest| rest.strip_prefix('-'))
                .map(|kind| Signature {
                    layer: l,
                    kind: kind.to_owned(),
                })
        })
    }
}

impl fmt::Display for Signature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.slug())
    }
}

/// How one case came out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Classified {
    Pass,
    /// Nothing compared diverged, but some layer is `unsupported` on refvm.
    Unsupported,
    Poisoned(String),
    Finding(Signature),
}

/// Resource exhaustion that makes a case uninformative: a timeout or output cap on
/// either side, a memory limit, a CPython worker that died running its own program,
/// or a program that met `MemoryError`/`RecursionError` (uncaught, or caught and
/// printed as the generated programs print exceptions: `type(e).__name__, e`).
pub fn poison(result: &ProgramResult, runs: &[&Stage<RunObs>]) -> Option<String> {
    let verdicts = result
        .layers
        .iter()
        .map(|(l, v)| (l.to_string(), v))
        .chain(result.cells.iter().map(|(c, v)| (c.to_string(), v)));
    for (what, v) in verdicts {
        let d = v.detail.as_deref().unwrap_or("");
        match v.outcome {
            Outcome::Timeout | Outcome::OutputLimit => {
                return Some(format!("{what}: {}", v.outcome));
            }
            Outcome::Crash if d.contains("memory limit") || d.contains("MemoryError") => {
                return Some(format!("{what}: memory limit"));
            }
            Outcome::Crash
                if d.starts_with("cpython:")
                    && (d.contains("worker killed") || d.contains("worker exited")) =>
            {
                return Some(format!("{what}: CPython's worker died running the program"));
            }
            _ => {}
        }
    }
    for run in runs {
        if let Stage::Ok(r) = run {
            if let Some(e) = &r.exception
                && matches!(e.type_name.as_str(), "MemoryError" | "RecursionError")
            {
                return Some(format!("uncaught {}", e.type_name));
            }
            for line in r.stdout.split(|&b| b == b'\n') {
                for word in [&b"RecursionError"[..], b"MemoryError"] {
                    if line.starts_with(word) {
                        return Some(format!("caught {}", String::from_utf8_lossy(word)));
                    }
                }
            }
        }
    }
    None
}

/// Classifies a checked case.
pub fn classify(result: &ProgramResult, poison: &Option<String>) -> Classified {
    // A refvm panic is a bug whatever else happened.
    if let Some(s) = first_failure(result, true) {
        if s.0 == Outcome::Panic {
            return Classified::Finding(signature(s.1, s.2));
        }
    }
    if let Some(p) = poison {
        return Classified::Poisoned(p.clone());
    }
    if let Some((_, layer, v)) = first_failure(result, false) {
        return Classified::Finding(signature(layer, v));
    }
    if result
        .layers
        .values()
        .any(|v| v.outcome == Outcome::Unsupported)
    {
        return Classified::Unsupported;
    }
    Classified::Pass
}

/// The first layer (pipeline order) whose verdict is a failure (`panics_only`: a panic).
fn first_failure(result: &ProgramResult, panics_only: bool) -> Option<(Outcome, Layer, &Verdict)> {
    Layer::ALL.iter().find_map(|l| {
        let v = result.layers.get(l)?;
        let bad = if panics_only {
            v.outcome == Outcome::Panic
        } else {
            matches!(
                v.outcome,
                Outcome::Diverge | Outcome::Crash | Outcome::Panic
            )
        };
        bad.then_some((v.outcome, *l, v))
    })
}

/// The signature of a failing verdict.
pub fn signature(layer: Layer, v: &Verdict) -> Signature {
    let detail = v.detail.as_deref().unwrap_or("");
    let kind = match v.outcome {
        Outcome::Panic => format!("panic-{}", panic_site(detail)),
        Outcome::Crash => format!("crash-{}", headline(detail)),
        _ => {
            let mut k = headline(detail);
            if let Some(first) = first_difference(detail) {
                k.push('-');
                k.push_str(&first);
            }
            k
        }
    };
    Signature {
        layer,
        kind: slugify(&kind, 80),
    }
}

/// `file.rs:LINE` of a panic message (`… panicked at vm/x/src/y.rs:12:5: …`).
fn panic_site(detail: &str) -> String {
    if let Some(i) = detail.find("panicked at ") {
        let rest = &detail[i + "panicked at ".len()..];
        let loc: String = rest.chars().take_while(|c| !c.is_whitespace()).collect();
        let mut parts: Vec<&str> = loc.trim_end_matches(':').split(':').collect();
        if parts.len() >= 3 {
            parts.truncate(2);
        }
        let file = parts[0].rsplit('/').next().unwrap_or(parts[0]);
        return format!("{file}-{}", parts.get(1).unwrap_or(&""));
    }
    // `refvm_syntax::parse_module panicked: …` without a location.
    detail
        .split_whitespace()
        .next()
        .unwrap_or("unknown")
        .to_owned()
}

/// The first line of a verdict's detail, numbers and quoted text removed: what kind of
/// difference it is (`[refvm→refvm] stdout differs`, `co_consts[N].co_code differs`).
fn headline(detail: &str) -> String {
    let line = detail.lines().next().unwrap_or("");
    let mut out = String::new();
    let mut in_quote: Option<char> = None;
    for ch in line.chars() {
        match in_quote {
            Some(q) if ch == q => in_quote = None,
            Some(_) => {}
            None if ch == '\'' || ch == '"' => in_quote = Some(ch),
            None if ch.is_ascii_digit() => {
                if !out.ends_with('N') {
                    out.push('N');
                }
            }
            None => out.push(ch),
        }
    }
    out.replace("differs", "")
        .replace("the ", "")
        .replace("cpython", "")
        .replace("refvm", "rv")
}

/// The shape of the first differing line of a unified diff: its first word when that
/// is a name (an AST node, a token type, an exception name, a printed label), else
/// `value`.
fn first_difference(detail: &str) -> Option<String> {
    let line = detail.lines().skip(1).find(|l| {
        (l.starts_with('-') && !l.starts_with("---"))
            || (l.starts_with('+') && !l.starts_with("+++"))
    })?;
    let body = line[1..].trim_start();
    // Token lines: `1,0-1,5:   NAME   'x'` → the token type.
    let body = match body.split_once(':') {
        Some((pos, rest))
            if pos
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '-') =>
        {
            rest.trim_start()
        }
        _ => body,
    };
    let word: String = body
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    let hex = word.len() >= 4 && word.chars().all(|c| c.is_ascii_hexdigit());
    // Generated names carry a counter (`K0`, `err15`): the kind is the stem.
    let stem = word.trim_end_matches(|c: char| c.is_ascii_digit());
    if stem.is_empty() || hex {
        Some("value".into())
    } else {
        Some(stem.chars().take(30).collect())
    }
}

/// Lower case, `[a-z0-9]` and single dashes, at most `max` bytes.
pub fn slugify(s: &str, max: usize) -> String {
    let mut out = String::new();
    for ch in s.chars() {
        let c = match ch {
            '→' => '-',
            c if c.is_ascii_alphanumeric() => c.to_ascii_lowercase(),
            _ => '-',
        };
        if c == '-' && (out.is_empty() || out.ends_with('-')) {
            continue;
        }
        out.push(c);
        if out.len() >= max {
            break;
        }
    }
    out.trim_end_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn result(layers: &[(Layer, Outcome, &str)]) -> ProgramResult {
        ProgramResult {
            program: "p.py".into(),
            feature: "fuzz".into(),
            layers: layers
                .iter()
                .map(|&(l, o, d)| (l, Verdict::new(o, d)))
                .collect(),
            cells: BTreeMap::new(),
            timing: Default::default(),
            known: BTreeMap::new(),
        }
    }

    #[test]
    fn the_first_failing_layer_names_the_finding() {
        let r = result(&[
            (Layer::Tokens, Outcome::Pass, ""),
            (
                Layer::Ast,
                Outcome::Diverge,
                "the AST dump differs\n--- cpython\n+++ refvm\n@@ -1 +1 @@\n-  Constant(value=1,\n+  Name(id='x',\n",
            ),
            (
                Layer::Output,
                Outcome::Diverge,
                "[refvm→refvm] stdout differs\n",
            ),
        ]);
        let Classified::Finding(s) = classify(&r, &None) else {
            panic!()
        };
        assert_eq!(s.slug(), "ast-ast-dump-constant");
        assert_eq!(Signature::from_slug(&s.slug()), Some(s));
    }

    #[test]
    fn generated_name_counters_do_not_split_signatures() {
        let v = |name: &str| {
            let d = format!(
                "sys.getrefcount probes differ\n--- cpython\n+++ refvm\n@@ -1 +1 @@\n-{name}: 12\n+{name}: 11\n"
            );
            signature(Layer::Refcount, &Verdict::diverge(d)).slug()
        };
        assert_eq!(v("K0"), v("K15"));
        assert_ne!(v("K0"), v("err3"));
    }

    #[test]
    fn panics_beat_poison_and_poison_beats_divergence() {
        let r = result(&[(
            Layer::Output,
            Outcome::Diverge,
            "[refvm→refvm] stdout differs\n",
        )]);
        assert!(matches!(
            classify(&r, &Some("timeout".into())),
            Classified::Poisoned(_)
        ));
        let r = result(&[(
            Layer::Ast,
            Outcome::Panic,
            "refvm: refvm_syntax::parse_module panicked: panicked at vm/syntax/src/parser/expression.rs:120:9:\nindex out of bounds",
        )]);
        let Classified::Finding(s) = classify(&r, &Some("timeout".into())) else {
            panic!()
        };
        assert_eq!(s.slug(), "ast-panic-expression-rs-120");
    }

    #[test]
    fn unsupported_is_never_a_finding() {
        let r = result(&[
            (Layer::Tokens, Outcome::Pass, ""),
            (Layer::Bytecode, Outcome::Unsupported, "refvm: not yet"),
        ]);
        assert_eq!(classify(&r, &None), Classified::Unsupported);
    }

    #[test]
    fn caught_recursion_errors_poison() {
        let run = Stage::Ok(RunObs {
            stdout: b"1\nRecursionError maximum recursion depth exceeded\n".to_vec(),
            stderr: None,
            exit_code: 0,
            exception: None,
            probes: None,
            compile_ns: None,
            exec_ns: None,
        });
        let r = result(&[(Layer::Output, Outcome::Diverge, "x")]);
        assert_eq!(
            poison(&r, &[&run]).as_deref(),
            Some("caught RecursionError")
        );
    }
}
