//! Runs corpus programs the "CPython compiler → refvm VM" way and compares them with
//! CPython running the same program live (shared by `tests/corpus.rs` and
//! `examples/corpus.rs`).

#![allow(dead_code)]

use refvm_runtime::{ModuleCompiler, RunConfig, RunResult, RunStatus};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

pub fn corpus_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

/// Every runnable program (no `_` path component, not syntax-errors), sorted.
pub fn programs(filter: Option<&str>) -> Vec<PathBuf> {
    let root = corpus_root();
    let mut out = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            let name = e.file_name().to_string_lossy().into_owned();
            if name.starts_with('_') || name.starts_with('.') {
                continue;
            }
            if p.is_dir() {
                if name != "syntax-errors" {
                    stack.push(p);
                }
            } else if name.ends_with(".py") {
                out.push(p);
            }
        }
    }
    out.sort();
    if let Some(f) = filter {
        out.retain(|p| p.to_string_lossy().contains(f));
    }
    out
}

/// CPython's code object for `source` compiled as `filename`, via marshal.
pub fn cpython_compile(
    dir: &Path,
    filename: &str,
    source: &[u8],
) -> Result<refvm_bytecode::CodeObject, String> {
    let script = "import marshal,sys\nsrc=sys.stdin.buffer.read()\nsys.stdout.buffer.write(marshal.dumps(compile(src, sys.argv[1], 'exec')))";
    let mut child = Command::new("timeout")
        .args(["20", "python3", "-c", script, filename])
        .current_dir(dir)
        .env("PYTHONHASHSEED", "0")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().ok_or("no stdin")?;
        stdin.write_all(source).map_err(|e| e.to_string())?;
    }
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned());
    }
    refvm_bytecode::marshal::loads(&out.stdout).map_err(|e| e.to_string())
}

/// What one engine produced.
#[derive(Debug, Clone, PartialEq)]
pub struct Observed {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub exit: i32,
}

/// CPython running the program live from its directory.
pub fn cpython_run(prog: &Path, args: &[&str]) -> Observed {
    let (dir, name) = dir_and_name(prog);
    python3_in(dir, &[name.as_str()], args)
}

/// CPython running its own compiler's code after a marshal round trip,
/// `marshal.loads(marshal.dumps(compile(src, name)))`, as `__main__` in the program's
/// directory. `marshal.dumps` sorts frozenset members and `marshal.loads` rebuilds each
/// frozenset by inserting them in that order, so a set constant's table layout — and the
/// order a program prints — can differ from a source run. refvm runs CPython's code after
/// exactly that round trip, so this is its reference whenever the two CPython runs differ
/// (the harness's `MarshalReference` does the same for the matrix cells).
pub fn cpython_run_marshalled(prog: &Path, args: &[&str]) -> Observed {
    let (dir, name) = dir_and_name(prog);
    let script = "import marshal,sys,types\n\
        name=sys.argv[1]\n\
        src=open(name,'rb').read()\n\
        code=marshal.loads(marshal.dumps(compile(src,name,'exec')))\n\
        sys.argv=sys.argv[1:]\n\
        m=types.ModuleType('__main__')\n\
        m.__file__=name\n\
        sys.modules['__main__']=m\n\
        exec(code,m.__dict__)\n";
    python3_in(dir, &["-c", script, name.as_str()], args)
}

/// The program's directory and file name.
fn dir_and_name(prog: &Path) -> (&Path, String) {
    let dir = prog.parent().unwrap_or(Path::new("."));
    let name = prog
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    (dir, name)
}

/// `python3 PY_ARGS... ARGS...` in `dir` with `PYTHONHASHSEED=0`, bounded to 20 s.
fn python3_in(dir: &Path, py_args: &[&str], args: &[&str]) -> Observed {
    let out = Command::new("timeout")
        .args(["20", "python3"])
        .args(py_args)
        .args(args)
        .current_dir(dir)
        .env("PYTHONHASHSEED", "0")
        .output();
    match out {
        Ok(o) => Observed {
            stdout: o.stdout,
            stderr: o.stderr,
            exit: o.status.code().unwrap_or(-1),
        },
        Err(e) => Observed {
            stdout: vec![],
            stderr: e.to_string().into_bytes(),
            exit: -1,
        },
    }
}

/// refvm running CPython's code for the program (imports compiled by CPython too).
pub fn refvm_run(prog: &Path, args: &[&str], fuel: Option<u64>) -> Result<RunResult, String> {
    let dir = prog.parent().unwrap_or(Path::new(".")).to_path_buf();
    let name = prog
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let source = std::fs::read(prog).map_err(|e| e.to_string())?;
    let code = cpython_compile(&dir, &name, &source)?;
    let d2 = dir.clone();
    let compiler = ModuleCompiler(Arc::new(move |path: &Path, src: &[u8]| {
        let rel = path
            .strip_prefix(&d2)
            .unwrap_or(path)
            .to_string_lossy()
            .into_owned();
        cpython_compile(&d2, &rel, src)
    }));
    let mut argv = vec![name];
    argv.extend(args.iter().map(|s| s.to_string()));
    let config = RunConfig {
        fuel,
        max_memory: Some(2 << 30),
        argv,
        module_dir: Some(dir),
        ..RunConfig::default()
    };
    Ok(refvm_runtime::run_with_compiler(
        Arc::new(code),
        &config,
        Some(compiler),
    ))
}

/// Outcome of one comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Pass,
    /// stdout and exit status agree but stderr differs (traceback details).
    StderrDiffers,
    Fail(String),
    Unsupported(String),
    Panic(String),
}

fn first_diff(a: &[u8], b: &[u8]) -> String {
    let a = String::from_utf8_lossy(a);
    let b = String::from_utf8_lossy(b);
    for (i, (x, y)) in a.lines().zip(b.lines()).enumerate() {
        if x != y {
            return format!("line {}: cpython {:?} refvm {:?}", i + 1, x, y);
        }
    }
    format!(
        "cpython {} lines, refvm {} lines",
        a.lines().count(),
        b.lines().count()
    )
}

/// Normalises `0x…` addresses (the only thing the harness normalises).
fn norm(b: &[u8]) -> Vec<u8> {
    let s = String::from_utf8_lossy(b);
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '0' && chars.peek() == Some(&'x') {
            chars.next();
            out.push_str("0x");
            let mut any = false;
            while chars.peek().is_some_and(|c| c.is_ascii_hexdigit()) {
                chars.next();
                any = true;
            }
            if any {
                out.push_str("ADDR");
            }
        } else {
            out.push(c);
        }
    }
    out.into_bytes()
}

pub fn compare(prog: &Path, args: &[&str]) -> Outcome {
    let expected = cpython_run(prog, args);
    let p = prog.to_path_buf();
    let a: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    let got = std::panic::catch_unwind(move || {
        let av: Vec<&str> = a.iter().map(|s| s.as_str()).collect();
        refvm_run(&p, &av, Some(200_000_000))
    });
    let got = match got {
        Ok(Ok(r)) => r,
        Ok(Err(e)) => return Outcome::Fail(format!("compile: {e}")),
        Err(p) => {
            let msg = p
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            return Outcome::Panic(msg);
        }
    };
    if let RunStatus::Unsupported(u) = &got.status {
        return Outcome::Unsupported(u.clone());
    }
    if !matches!(got.status, RunStatus::Completed | RunStatus::Exception) {
        return Outcome::Fail(format!("status {:?}", got.status));
    }
    let mut expected = expected;
    if norm(&got.stdout) != norm(&expected.stdout) {
        // Judge against CPython's marshalled code when marshal changed what the program
        // prints; a difference that CPython's own round trip does not explain stands.
        let marshalled = cpython_run_marshalled(prog, args);
        if norm(&marshalled.stdout) != norm(&expected.stdout) {
            expected = marshalled;
        }
    }
    if norm(&got.stdout) != norm(&expected.stdout) {
        return Outcome::Fail(format!(
            "stdout: {}",
            first_diff(&expected.stdout, &got.stdout)
        ));
    }
    if got.exit_code != expected.exit {
        return Outcome::Fail(format!(
            "exit {} vs cpython {}: {}",
            got.exit_code,
            expected.exit,
            String::from_utf8_lossy(&got.stderr)
                .lines()
                .last()
                .unwrap_or("")
        ));
    }
    if norm(&got.stderr) != norm(&expected.stderr) {
        return Outcome::StderrDiffers;
    }
    Outcome::Pass
}
