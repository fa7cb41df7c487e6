//! The CPython oracle for stdlib-wide checks (shared by the examples and the integration
//! tests): lists the stdlib's `.py` files and has `python3` (PYTHONHASHSEED=0) compile a
//! batch of them into `.pyc` bytes exactly as `py_compile` writes them, and `dis` text.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// The stdlib of the oracle (`sysconfig.get_paths()['stdlib']`).
pub fn stdlib_dir() -> PathBuf {
    let out = python_stdout(
        &[
            "-c",
            "import sysconfig; print(sysconfig.get_paths()['stdlib'])",
        ],
        None,
    );
    PathBuf::from(String::from_utf8_lossy(&out).trim())
}

/// Every `.py` file under the stdlib (test suite and site-packages excluded: only what
/// CPython ships), sorted.
pub fn stdlib_files() -> Vec<PathBuf> {
    let root = stdlib_dir();
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            let name = e.file_name().to_string_lossy().into_owned();
            if p.is_dir() {
                if name != "site-packages" && name != "__pycache__" {
                    stack.push(p);
                }
            } else if name.ends_with(".py") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Every `step`-th file of [`stdlib_files`]: a fixed, spread-out sample.
pub fn stdlib_sample(step: usize) -> Vec<PathBuf> {
    stdlib_files().into_iter().step_by(step.max(1)).collect()
}

fn python_stdout(args: &[&str], stdin: Option<&[u8]>) -> Vec<u8> {
    use std::io::Write;
    let mut child = Command::new("timeout")
        .arg("600")
        .arg("python3")
        .args(args)
        .env("PYTHONHASHSEED", "0")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::inherit())
        .spawn()
        .expect("run python3");
    if let Some(mut pipe) = child.stdin.take()
        && let Some(data) = stdin
    {
        pipe.write_all(data).expect("write stdin");
    }
    let out = child.wait_with_output().expect("python3 output");
    assert!(out.status.success(), "python3 failed: {}", out.status);
    out.stdout
}

/// One file as the oracle sees it.
pub struct Compiled {
    pub path: PathBuf,
    /// `None` when CPython does not compile the file.
    pub pyc: Option<Vec<u8>>,
    /// What `python3 -m dis FILE` prints (when asked for).
    pub dis: Option<String>,
    /// What `dis.dis` prints for the code object `marshal.loads` makes of the `.pyc`
    /// (when asked for): differs from `dis` only in frozenset member order.
    pub dis_loaded: Option<String>,
}

const SCRIPT: &str = r#"
import sys, io, dis, marshal, importlib._bootstrap_external as be
want_dis = sys.argv[1] == '1'
out = sys.stdout.buffer
def emit(b):
    out.write(len(b).to_bytes(8, 'little')); out.write(b)
for path in sys.stdin.read().split('\0'):
    if not path: continue
    try:
        with open(path, 'rb') as f: src = f.read()
        code = compile(src, path, 'exec', dont_inherit=True, optimize=-1)
        pyc = bytes(be._code_to_timestamp_pyc(code, 0, len(src)))
    except Exception:
        emit(b'!'); emit(b''); emit(b''); emit(b''); continue
    emit(b'+'); emit(pyc)
    for c in ((code, marshal.loads(pyc[16:])) if want_dis else ()):
        buf = io.StringIO()
        try:
            dis.dis(c, file=buf)
            emit(buf.getvalue().encode('utf-8', 'surrogateescape'))
        except Exception as e:
            emit(b'')
    if not want_dis:
        emit(b''); emit(b'')
out.flush()
"#;

/// Compiles `files` in one `python3` process: the `.pyc` bytes `py_compile` would write
/// (with mtime 0) and, if `with_dis`, the `dis` text of the code.
pub fn compile_batch(files: &[PathBuf], with_dis: bool) -> Vec<Compiled> {
    let mut input = Vec::new();
    for f in files {
        input.extend_from_slice(f.to_string_lossy().as_bytes());
        input.push(0);
    }
    let flag = if with_dis { "1" } else { "0" };
    let out = python_stdout(&["-c", SCRIPT, flag], Some(&input));
    let mut pos = 0;
    let mut next = || {
        let n = u64::from_le_bytes(out[pos..pos + 8].try_into().unwrap()) as usize;
        let b = out[pos + 8..pos + 8 + n].to_vec();
        pos += 8 + n;
        b
    };
    files
        .iter()
        .map(|path| {
            let status = next();
            let pyc = next();
            let dis = next();
            let dis_loaded = next();
            let ok = status == b"+";
            Compiled {
                path: path.clone(),
                pyc: ok.then_some(pyc),
                dis: (ok && with_dis).then(|| String::from_utf8_lossy(&dis).into_owned()),
                dis_loaded: (ok && with_dis)
                    .then(|| String::from_utf8_lossy(&dis_loaded).into_owned()),
            }
        })
        .collect()
}

/// A short human description of where two byte strings first differ.
pub fn first_difference(a: &[u8], b: &[u8]) -> String {
    let i = a
        .iter()
        .zip(b)
        .position(|(x, y)| x != y)
        .unwrap_or(a.len().min(b.len()));
    let show = |s: &[u8]| {
        let lo = i.saturating_sub(8);
        let hi = (i + 16).min(s.len());
        format!("{:02x?}", &s[lo..hi])
    };
    format!(
        "at byte {i} (lengths {} vs {}): ours {} cpython {}",
        a.len(),
        b.len(),
        show(a),
        show(b)
    )
}

/// Shortens a stdlib path for printing.
pub fn short(path: &Path) -> String {
    let s = path.to_string_lossy();
    match s.find("python3.11/") {
        Some(i) => s[i + 11..].to_string(),
        None => s.into_owned(),
    }
}
