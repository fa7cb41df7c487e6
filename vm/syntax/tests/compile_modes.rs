//! `compile()`'s three modes compared live against python3: every snippet in
//! `fixtures/modes.json`, parsed as 'exec', 'eval' and 'single', from a `str` (coding
//! cookie ignored) and from UTF-8 bytes, must give the same tree dump or the same
//! `SyntaxError` (type, message, line, offset, end line, end offset, text).

use refvm_syntax::{
    Mode, ParseError, ParseOptions, ast, parse, parse_expression, parse_interactive,
};
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Runs `tests/modes_oracle.py` on `items` in one python3 process, 120 s at most.
fn oracle(items: &[serde_json::Value]) -> Vec<serde_json::Value> {
    let mut child = Command::new("timeout")
        .args(["120", "python3", &format!("{ROOT}/tests/modes_oracle.py")])
        .env("PYTHONHASHSEED", "0")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3 on PATH");
    let mut stdin = child.stdin.take().unwrap();
    let input: String = items.iter().map(|i| format!("{i}\n")).collect();
    let feeder = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    let out: Vec<serde_json::Value> = BufReader::new(child.stdout.take().unwrap())
        .lines()
        .map(|l| serde_json::from_str(&l.unwrap()).unwrap())
        .collect();
    feeder.join().unwrap();
    child.wait().unwrap();
    assert_eq!(out.len(), items.len(), "oracle died");
    out
}

fn dump(m: &ast::Mod) -> String {
    match m {
        ast::Mod::Module(m) => ast::dump(m),
        other => ast::dump_node(other),
    }
}

/// What refvm says, in the oracle's JSON shape.
fn refvm(src: &str, mode: Mode, text: bool) -> serde_json::Value {
    let opts = ParseOptions {
        mode,
        ignore_cookie: text,
    };
    match parse(src.as_bytes(), "x.py", &opts) {
        Ok(m) => serde_json::json!({ "dump": dump(&m) }),
        Err(ParseError::Syntax(e)) => serde_json::json!({ "error": [
            e.kind.name(), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset,
            e.text.map(|t| t.to_string_lossy()),
        ]}),
        Err(ParseError::Other(e)) => serde_json::json!({ "error": [
            e.kind.name(), e.msg, null, null, null, null, null,
        ]}),
        Err(ParseError::Unsupported(u)) => serde_json::json!({ "unsupported": u.0 }),
    }
}

#[test]
fn modes_match_cpython() {
    let text = std::fs::read_to_string(format!("{ROOT}/tests/fixtures/modes.json")).unwrap();
    let srcs: Vec<String> = serde_json::from_str(&text).unwrap();
    let modes = [
        ("exec", Mode::Exec),
        ("eval", Mode::Eval),
        ("single", Mode::Single),
    ];
    let mut cases = Vec::new();
    for src in &srcs {
        for (name, mode) in modes {
            for text in [true, false] {
                cases.push((src, name, mode, text));
            }
        }
    }
    let items: Vec<_> = cases
        .iter()
        .map(|(src, name, _, text)| serde_json::json!({ "src": src, "mode": name, "text": text }))
        .collect();
    let expected = oracle(&items);
    let mut failures = Vec::new();
    // A snippet 'exec' mode gets wrong is a gap of the shared parser (its own tests
    // track those): its other modes are not held against the start rules here.
    let mut exec_gaps = std::collections::HashSet::new();
    for ((src, name, mode, text), want) in cases.iter().zip(&expected) {
        let got = refvm(src, *mode, *text);
        if &got == want {
            continue;
        }
        if *mode == Mode::Exec {
            exec_gaps.insert(src.as_str());
        } else if !exec_gaps.contains(src.as_str()) {
            failures.push(format!(
                "{src:?} mode={name} str={text}\n  refvm   {got}\n  cpython {want}"
            ));
        }
    }
    eprintln!(
        "{} snippets skipped for 'exec' parser gaps: {exec_gaps:?}",
        exec_gaps.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(
        exec_gaps.len() * 10 < srcs.len(),
        "too many exec gaps: {exec_gaps:?}"
    );
}

#[test]
fn convenience_entry_points() {
    let e = parse_expression(b"a + 1\n", "x.py").unwrap();
    assert!(matches!(e.body.node, ast::ExprKind::BinOp { .. }));
    let i = parse_interactive(b"a = 1; b\n", "x.py").unwrap();
    assert_eq!(i.body.len(), 2);
    assert!(parse_interactive(b"a\nb\n", "x.py").is_err());
}
