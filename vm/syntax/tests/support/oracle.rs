//! Runs CPython's `python3 -m tokenize -e` over many files in a few `python3` processes
//! (tests/support/tokenize_oracle.py), and compares refvm's report with it.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// What one run of the command printed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Output {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub status: i32,
}

fn script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/tokenize_oracle.py")
}

/// The oracle's output for each path, in order, using `jobs` python3 processes, each
/// bounded by `timeout_secs`. Panics (this is test support) if python3 misbehaves.
pub fn oracle(paths: &[PathBuf], jobs: usize, timeout_secs: u64) -> Vec<Output> {
    oracle_mode(paths, jobs, timeout_secs, false)
}

/// Like [`oracle`], or with `tokens`, the tokens `tokenize.tokenize` yields before any
/// exception and the exception (`EXC: Type: message` on stderr); see [`refvm_tokens`].
pub fn oracle_mode(paths: &[PathBuf], jobs: usize, timeout_secs: u64, tokens: bool) -> Vec<Output> {
    let jobs = jobs.max(1).min(paths.len().max(1));
    let chunk = paths.len().div_ceil(jobs).max(1);
    let handles: Vec<_> = paths
        .chunks(chunk)
        .map(|part| {
            let part = part.to_vec();
            std::thread::spawn(move || oracle_one(&part, timeout_secs, tokens))
        })
        .collect();
    handles
        .into_iter()
        .flat_map(|h| h.join().expect("oracle thread"))
        .collect()
}

fn oracle_one(paths: &[PathBuf], timeout_secs: u64, tokens: bool) -> Vec<Output> {
    let mut child = Command::new("timeout")
        .arg(timeout_secs.to_string())
        .arg("python3")
        .arg(script())
        .args(if tokens { &["--tokens"][..] } else { &[][..] })
        .env("PYTHONHASHSEED", "0")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3 (the oracle) must be on PATH");
    let mut stdin = child.stdin.take().expect("stdin");
    let list: Vec<u8> = paths
        .iter()
        .flat_map(|p| {
            let mut v = p.to_string_lossy().into_owned().into_bytes();
            v.push(b'\n');
            v
        })
        .collect();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&list);
    });
    let mut r = BufReader::new(child.stdout.take().expect("stdout"));
    let mut outs = Vec::with_capacity(paths.len());
    for p in paths {
        let mut header = String::new();
        r.read_line(&mut header).expect("oracle header");
        let f: Vec<i64> = header
            .split_whitespace()
            .filter_map(|x| x.parse().ok())
            .collect();
        assert_eq!(f.len(), 3, "oracle died or timed out at {}", p.display());
        let mut stdout = vec![0; f[0] as usize];
        r.read_exact(&mut stdout).expect("oracle stdout");
        let mut stderr = vec![0; f[1] as usize];
        r.read_exact(&mut stderr).expect("oracle stderr");
        outs.push(Output {
            stdout,
            stderr,
            status: f[2] as i32,
        });
    }
    let _ = writer.join();
    let _ = child.wait();
    outs
}

/// refvm's report for a file, as the command would print it (`None`: unsupported).
pub fn refvm(path: &Path) -> Option<Output> {
    let source = std::fs::read(path).ok()?;
    let r = refvm_syntax::tokenize_report(&source, &path.to_string_lossy()).ok()?;
    Some(Output {
        stdout: r.stdout.into_bytes(),
        stderr: r.stderr.into_bytes(),
        status: r.exit_code,
    })
}

/// refvm's counterpart of the oracle's `--tokens` mode.
pub fn refvm_tokens(path: &Path) -> Option<Output> {
    use refvm_syntax::tokenize::{TokenizeError, tokenize_to_vec};
    let source = std::fs::read(path).ok()?;
    let name = path.to_string_lossy();
    let (tokens, result) = tokenize_to_vec(&source, Some(&name)).ok()?;
    let mut stdout = String::new();
    for t in &tokens {
        let range = format!("{},{}-{},{}:", t.start.0, t.start.1, t.end.0, t.end.1);
        let mut repr = String::new();
        refvm_common::repr::write_str_repr_utf8(&t.string, &mut repr);
        stdout += &format!("{range:<20}{:<15}{repr:<15}\n", t.exact_type.name());
    }
    let stderr = match result {
        Ok(()) => String::new(),
        Err(TokenizeError::Syntax(m)) => format!("EXC: SyntaxError: {m}\n"),
        Err(TokenizeError::Indentation { msg, lineno, .. }) => {
            format!("EXC: IndentationError: {msg} (<tokenize>, line {lineno})\n")
        }
        Err(TokenizeError::Token {
            msg,
            lineno,
            column,
        }) => {
            format!("EXC: TokenError: ('{msg}', ({lineno}, {column}))\n")
        }
        Err(TokenizeError::Decode(e)) => {
            format!("EXC: {}: {}\n", e.failure.exception_name(), e.failure)
        }
    };
    Some(Output {
        stdout: stdout.into_bytes(),
        stderr: stderr.into_bytes(),
        status: 0,
    })
}

/// A short description of the first difference, or None when identical.
pub fn first_difference(refvm: &Output, cpython: &Output) -> Option<String> {
    if refvm == cpython {
        return None;
    }
    for (what, a, b) in [
        ("stdout", &refvm.stdout, &cpython.stdout),
        ("stderr", &refvm.stderr, &cpython.stderr),
    ] {
        if a != b {
            let (a, b) = (String::from_utf8_lossy(a), String::from_utf8_lossy(b));
            let mut la = a.lines();
            let mut lb = b.lines();
            let mut n = 1;
            loop {
                match (la.next(), lb.next()) {
                    (x, y) if x != y => {
                        return Some(format!(
                            "{what} line {n}:\n  refvm:   {:?}\n  cpython: {:?}",
                            x.unwrap_or("<end>"),
                            y.unwrap_or("<end>")
                        ));
                    }
                    (None, None) => return Some(format!("{what}: differs in trailing bytes")),
                    _ => n += 1,
                }
            }
        }
    }
    Some(format!(
        "exit status: refvm {} cpython {}",
        refvm.status, cpython.status
    ))
}

/// Every `.py` file under `root`, sorted; `skip` names directories not to enter.
pub fn python_files(root: &Path, skip: &[&str]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            let Ok(ft) = e.file_type() else { continue };
            if ft.is_dir() {
                if !skip.iter().any(|s| p.file_name().is_some_and(|n| n == *s)) {
                    stack.push(p);
                }
            } else if ft.is_file() && p.extension().is_some_and(|x| x == "py") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// The oracle's standard library directory (`sysconfig.get_paths()['stdlib']`).
pub fn stdlib_dir() -> PathBuf {
    let out = Command::new("timeout")
        .args([
            "60",
            "python3",
            "-c",
            "import sysconfig; print(sysconfig.get_paths()['stdlib'])",
        ])
        .output()
        .expect("python3 (the oracle) must be on PATH");
    PathBuf::from(String::from_utf8_lossy(&out.stdout).trim())
}
