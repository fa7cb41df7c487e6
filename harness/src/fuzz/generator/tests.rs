//! The generator's bar: a fixed-seed sample of 1000 programs reaches every feature,
//! every program is valid Python, at least 90% run to completion on the live CPython
//! (not poisoned), generation is reproducible and fuzzer bytes never break it.

use super::*;
use std::io::Write;
use std::process::{Command, Stdio};

/// Runs each source in a fresh namespace of one `python3` (stdout captured, a 5 s
/// alarm per program) and says how it ended: `ok`, `exception:<type>`, `timeout`,
/// `syntax:<msg>`, `MemoryError`, `RecursionError`.
pub fn cpython_outcomes(sources: &[String]) -> Vec<String> {
    let script = r#"
import io, json, signal, sys, contextlib, warnings
class Timeout(BaseException): pass
def alarm(*_): raise Timeout()
signal.signal(signal.SIGALRM, alarm)
sys.setrecursionlimit(1000)
out = []
for src in json.load(sys.stdin):
    try:
        # A compile-time warning is a generator bug (corpus programs have none).
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            code = compile(src, "<gen>", "exec")
    except (SyntaxError, SyntaxWarning, DeprecationWarning) as e:
        out.append("syntax:%s (line %s)" % (getattr(e, "msg", e), getattr(e, "lineno", "?"))); continue
    buf = io.StringIO()
    signal.setitimer(signal.ITIMER_REAL, 5)
    try:
        with contextlib.redirect_stdout(buf):
            exec(code, {"__name__": "__main__"})
        r = "ok"
    except Timeout:
        r = "timeout"
    except (MemoryError, RecursionError) as e:
        r = type(e).__name__
    except BaseException as e:
        r = "exception:%s:%s" % (type(e).__name__, str(e)[:80])
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    out.append(r)
json.dump(out, sys.stdout)
"#;
    let mut child = Command::new("timeout")
        .args(["900", "python3", "-c", script])
        .env("PYTHONHASHSEED", "0")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3 must be on PATH");
    let input = serde_json::to_vec(sources).unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(out.status.success(), "the runner script failed");
    serde_json::from_slice(&out.stdout).unwrap()
}

fn sample(n: u64, config: &GenConfig) -> Vec<Generated> {
    (0..n).map(|i| generate(20260501, i, config)).collect()
}

#[test]
fn generation_is_reproducible() {
    let c = GenConfig::default();
    for i in 0..20 {
        assert_eq!(generate(1, i, &c).source, generate(1, i, &c).source);
    }
    assert_ne!(generate(1, 0, &c).source, generate(2, 0, &c).source);
}

#[test]
fn fuzzer_bytes_always_give_a_program() {
    for cfg in [GenConfig::default(), GenConfig::syntax()] {
        for len in [0usize, 1, 7, 64, 1000] {
            for fill in [0u8, 0x55, 0xff] {
                let data = vec![fill; len];
                let g = generate_from_bytes(&data, &cfg);
                assert!(
                    !g.source.is_empty() || len == 0,
                    "empty program from {len}×{fill:#x}"
                );
            }
        }
    }
}

/// The acceptance test of issue 7: features, validity, completion on CPython.
#[test]
fn fixed_seed_sample_covers_every_feature_and_runs_on_cpython() {
    let programs = sample(1000, &GenConfig::default());
    let mut seen = BTreeSet::new();
    for p in &programs {
        seen.extend(p.features.iter().copied());
    }
    let missing: Vec<_> = Feature::ALL.iter().filter(|f| !seen.contains(f)).collect();
    assert!(missing.is_empty(), "features never generated: {missing:?}");

    let sources: Vec<String> = programs.iter().map(|p| p.source.clone()).collect();
    let outcomes = cpython_outcomes(&sources);
    let mut poisoned = 0;
    let mut uncaught = 0;
    let mut bad = Vec::new();
    for (i, o) in outcomes.iter().enumerate() {
        if o.starts_with("syntax:") {
            bad.push(format!("program {i}: {o}\n{}", sources[i]));
        } else if matches!(o.as_str(), "timeout" | "MemoryError" | "RecursionError") {
            poisoned += 1;
            bad.push(format!("program {i}: poisoned ({o})"));
        } else if o.starts_with("exception:") {
            uncaught += 1;
        }
    }
    eprintln!(
        "1000 programs: {poisoned} poisoned, {uncaught} ended with an uncaught exception, {} features",
        seen.len()
    );
    assert!(
        !bad.iter().any(|b| b.contains(": syntax:")),
        "generated programs CPython rejects:\n{}",
        bad.iter()
            .filter(|b| b.contains(": syntax:"))
            .take(3)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n\n")
    );
    assert!(
        poisoned <= 100,
        "{poisoned} of 1000 poisoned:\n{}",
        bad.join("\n")
    );
    // Generated code guards its risky statements: few programs should die early.
    assert!(
        uncaught <= 100,
        "{uncaught} of 1000 ended with an uncaught exception"
    );
}

#[test]
fn syntax_mode_programs_are_grammatical() {
    let programs = sample(300, &GenConfig::syntax());
    let sources: Vec<String> = programs.iter().map(|p| p.source.clone()).collect();
    // ast.parse must accept every one; compile() most (symtable rules aside).
    let script = r#"
import ast, json, sys
bad_parse, bad_compile = [], []
for i, src in enumerate(json.load(sys.stdin)):
    try:
        ast.parse(src)
    except SyntaxError as e:
        bad_parse.append([i, "%s (line %s)" % (e.msg, e.lineno)]); continue
    try:
        compile(src, "<gen>", "exec")
    except SyntaxError as e:
        bad_compile.append([i, "%s (line %s)" % (e.msg, e.lineno)])
json.dump([bad_parse, bad_compile], sys.stdout)
"#;
    let mut child = Command::new("timeout")
        .args(["300", "python3", "-c", script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let input = serde_json::to_vec(&sources).unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    let (bad_parse, bad_compile): (Vec<(usize, String)>, Vec<(usize, String)>) =
        serde_json::from_slice(&out.stdout).unwrap();
    let show = |v: &[(usize, String)]| {
        v.iter()
            .take(3)
            .map(|(i, m)| {
                let line: usize = m
                    .rsplit("line ")
                    .next()
                    .and_then(|l| l.trim_end_matches(')').parse().ok())
                    .unwrap_or(1);
                let text = sources[*i]
                    .lines()
                    .nth(line.saturating_sub(1))
                    .unwrap_or("");
                format!("{m}: {text}")
            })
            .collect::<Vec<_>>()
            .join("\n\n")
    };
    assert!(
        bad_parse.is_empty(),
        "{} do not parse:\n{}",
        bad_parse.len(),
        show(&bad_parse)
    );
    assert!(
        bad_compile.len() * 10 <= sources.len(),
        "{} of {} do not compile:\n{}",
        bad_compile.len(),
        sources.len(),
        show(&bad_compile)
    );
}
