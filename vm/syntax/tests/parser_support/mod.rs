//! Shared by the parser's live tests: runs CPython's side (tests/oracle.py) over many
//! requests in one `python3` process, and observes refvm the same way, as JSON values
//! of one shape (`{"dump": ...}` or `{"error": [type, msg, lineno, offset, end_lineno,
//! end_offset, text]}`).

#![allow(dead_code)]

use refvm_syntax::{ParseError, ast, parse_module, parse_module_text};
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

pub const ROOT: &str = env!("CARGO_MANIFEST_DIR");
pub const STDLIB: &str = "/root/.pyenv/versions/3.11.7/lib/python3.11";

/// Runs the oracle on `items` (JSON requests) in one python3 process, `secs` at most.
pub fn oracle(items: &[serde_json::Value], secs: u32) -> Vec<serde_json::Value> {
    let mut child = Command::new("timeout")
        .args([
            &secs.to_string(),
            "python3",
            &format!("{ROOT}/tests/oracle.py"),
        ])
        .env("PYTHONHASHSEED", "0")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3 on PATH");
    let mut stdin = child.stdin.take().expect("stdin");
    let input: String = items.iter().map(|i| format!("{i}\n")).collect();
    let feeder = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    let out: Vec<serde_json::Value> = BufReader::new(child.stdout.take().expect("stdout"))
        .lines()
        .map(|l| serde_json::from_str(&l.expect("oracle line")).expect("oracle JSON"))
        .collect();
    feeder.join().expect("feeder");
    let _ = child.wait();
    assert_eq!(out.len(), items.len(), "oracle died");
    out
}

/// refvm's answer for `src`, as bytes (`ast.parse(bytes)`) or as text (`compile(str)`).
pub fn observe(src: &[u8], text: bool, filename: &str) -> serde_json::Value {
    let r = if text {
        match std::str::from_utf8(src) {
            Ok(s) => parse_module_text(s, filename),
            Err(_) => return serde_json::json!("<not UTF-8>"),
        }
    } else {
        parse_module(src, filename)
    };
    match r {
        Ok(m) => serde_json::json!({ "dump": ast::dump(&m) }),
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

/// Every `.py` file under `dir`, sorted, skipping site-packages and __pycache__.
pub fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut v: Vec<_> = rd.filter_map(Result::ok).map(|e| e.path()).collect();
    v.sort();
    for p in v {
        if p.is_dir() {
            if !p.ends_with("site-packages") && !p.ends_with("__pycache__") {
                walk(&p, out);
            }
        } else if p.extension().is_some_and(|e| e == "py") {
            out.push(p);
        }
    }
}

/// Loads a JSON list of strings from tests/fixtures.
pub fn load(name: &str) -> Vec<String> {
    let text =
        std::fs::read_to_string(format!("{ROOT}/tests/fixtures/{name}")).expect("fixture file");
    serde_json::from_str(&text).expect("fixture JSON")
}
