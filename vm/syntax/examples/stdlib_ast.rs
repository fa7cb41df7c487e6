//! Walks the installed CPython standard library (test suite included), parses every
//! `.py` file with refvm and with CPython's `ast.parse`, and prints the counts and the
//! mismatching files.
//!
//! `cargo run --release -p refvm-syntax --example stdlib_ast [ROOT] [--every N] [-v]`

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const STDLIB: &str = "/root/.pyenv/versions/3.11.7/lib/python3.11";

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = rd.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            if p.file_name()
                .is_some_and(|n| n == "site-packages" || n == "__pycache__")
            {
                continue;
            }
            walk(&p, out);
        } else if p.extension().is_some_and(|e| e == "py") {
            out.push(p);
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    let every: usize = args
        .iter()
        .position(|a| a == "--every")
        .and_then(|i| args.get(i + 1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let root = args
        .iter()
        .find(|a| !a.starts_with('-') && a.parse::<usize>().is_err())
        .cloned();
    let root = PathBuf::from(root.unwrap_or_else(|| STDLIB.into()));
    let mut files = Vec::new();
    walk(&root, &mut files);
    let files: Vec<PathBuf> = files.into_iter().step_by(every.max(1)).collect();
    let oracle = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/oracle.py");
    let mut child = Command::new("python3")
        .arg(oracle)
        .env("PYTHONHASHSEED", "0")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3 on PATH");
    let mut stdin = child.stdin.take().unwrap();
    let list = files.clone();
    let feeder = std::thread::spawn(move || {
        for f in list {
            let line = serde_json::json!({ "path": f.to_string_lossy() });
            let _ = writeln!(stdin, "{line}");
        }
    });
    let reader = BufReader::new(child.stdout.take().unwrap());
    let (mut same, mut rejected_same, mut differ, mut unsupported) = (0, 0, 0, 0);
    let mut bad = Vec::new();
    for (f, line) in files.iter().zip(reader.lines()) {
        let line = line.unwrap();
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        let src = std::fs::read(f).unwrap();
        let ours = refvm_syntax::parse_module(&src, &f.to_string_lossy());
        let verdict = match (&ours, v.get("dump"), v.get("error")) {
            (Ok(m), Some(d), _) => {
                if refvm_syntax::ast::dump(m) == d.as_str().unwrap_or_default() {
                    same += 1;
                    continue;
                }
                "dump differs".to_string()
            }
            (Err(refvm_syntax::ParseError::Syntax(e)), _, Some(err)) => {
                let ty = err[0].as_str().unwrap_or_default();
                let line = err[2].as_u64().map(|l| l as u32);
                if e.kind.name() == ty && e.lineno == line {
                    rejected_same += 1;
                    continue;
                }
                format!(
                    "error differs: refvm {} line {:?}: {} / CPython {ty} line {line:?}: {}",
                    e.kind.name(),
                    e.lineno,
                    e.msg,
                    err[1]
                )
            }
            (Err(refvm_syntax::ParseError::Unsupported(u)), _, _) => {
                unsupported += 1;
                bad.push(format!("{}: unsupported: {u}", f.display()));
                continue;
            }
            (Ok(_), _, err) => format!("refvm accepts, CPython rejects: {err:?}"),
            (Err(e), _, _) => format!("refvm rejects ({e}), CPython accepts"),
        };
        differ += 1;
        bad.push(format!("{}: {verdict}", f.display()));
    }
    let _ = feeder.join();
    let _ = child.wait();
    for b in &bad {
        if verbose || bad.len() < 200 {
            println!("{b}");
        }
    }
    println!(
        "{} files: {same} identical dumps, {rejected_same} rejected alike, {differ} differ, {unsupported} unsupported",
        files.len()
    );
}
