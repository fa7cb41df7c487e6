//! The CPython engine is the oracle, so its in-process observations must equal what the
//! real commands print: `python3 -m tokenize -e FILE`, `python3 -m dis FILE`,
//! `python3 -m py_compile FILE` and `python3 FILE`. Asked live, on the fixtures.

use pyconform::engine::Limits;
use pyconform::engine::cpython::CpythonEngine;
use pyconform::observe::Stage;
use pyconform::program::{Program, Selection, discover};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn engine() -> CpythonEngine {
    let limits = Limits {
        timeout: Duration::from_secs(20),
        ..Limits::default()
    };
    CpythonEngine::start(limits, Some(PathBuf::from(env!("CARGO_BIN_EXE_pyconform"))))
        .expect("start the CPython engine")
}

/// `python3 ARGS` in `cwd`, as the oracle runs (hash seed 0), bounded by `timeout`.
fn python(cwd: &Path, args: &[&str]) -> Output {
    Command::new("timeout")
        .arg("60")
        .arg("python3")
        .args(args)
        .current_dir(cwd)
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .output()
        .expect("run python3")
}

fn normal_programs() -> Vec<Program> {
    // Display paths relative to the fixtures directory, as the real commands get them.
    std::env::set_current_dir(fixtures()).unwrap();
    let mut programs = discover(Path::new("normal"), &Selection::default()).unwrap();
    programs.extend(discover(Path::new("edge"), &Selection::default()).unwrap());
    programs
}

fn normalize(s: &str) -> String {
    pyconform::diff::normalize_addresses(s).into_owned()
}

#[test]
fn static_observations_equal_the_real_commands() {
    let programs = normal_programs();
    let engine = engine();
    let cwd = fixtures();
    for p in &programs {
        let obs = engine.observe_static(p).obs;
        let real = python(&cwd, &["-m", "tokenize", "-e", &p.display]);
        let Stage::Ok(tokens) = &obs.tokens else {
            panic!("{}: tokens {:?}", p.display, obs.tokens)
        };
        assert_eq!(
            String::from_utf8_lossy(&tokens.stdout),
            String::from_utf8_lossy(&real.stdout),
            "{}",
            p.display
        );
        assert_eq!(
            String::from_utf8_lossy(&tokens.stderr),
            String::from_utf8_lossy(&real.stderr),
            "{}",
            p.display
        );
        assert_eq!(Some(tokens.exit_code), real.status.code(), "{}", p.display);

        let real = python(&cwd, &["-m", "dis", &p.display]);
        match &obs.dis {
            Stage::Ok(text) => {
                assert!(real.status.success(), "{}", p.display);
                assert_eq!(
                    normalize(text),
                    normalize(&String::from_utf8_lossy(&real.stdout)),
                    "{}",
                    p.display
                );
            }
            Stage::Skip(_) => assert!(
                !real.status.success(),
                "{}: dis skipped but python3 -m dis worked",
                p.display
            ),
            other => panic!("{}: dis {other:?}", p.display),
        }

        if let Stage::Ok(pyc) = &obs.pyc {
            // py_compile records the source's mtime, and the harness writes 0: compile a
            // copy whose mtime is 0, under the display name (dfile) the harness uses.
            let tmp = tempfile::tempdir().unwrap();
            let src = tmp.path().join("src.py");
            std::fs::copy(&p.abs, &src).unwrap();
            let out = tmp.path().join("out.pyc");
            let script = format!(
                "import py_compile, os\nos.utime({src:?}, (0, 0))\npy_compile.compile({src:?}, cfile={out:?}, dfile={d:?}, doraise=True)",
                src = src.to_string_lossy(),
                out = out.to_string_lossy(),
                d = p.display
            );
            let st = python(&cwd, &["-c", &script]);
            assert!(
                st.status.success(),
                "{}",
                String::from_utf8_lossy(&st.stderr)
            );
            assert_eq!(pyc, &std::fs::read(&out).unwrap(), ".pyc of {}", p.display);
        }
    }
}

#[test]
fn runs_equal_python3_file() {
    let mut programs = normal_programs();
    // Hostile programs whose outcome does not depend on the worker's limits.
    for name in [
        "unbounded_recursion.py",
        "sys_exit.py",
        "del_builtins.py",
        "stdin_read.py",
        "giant_int_str.py",
        "deep_lists.py",
        "deep_parens.py",
        "deep_sum.py",
    ] {
        let path = Path::new("hostile").join(name);
        let mut p = Program::from_path(&path).unwrap();
        p.abs = fixtures().join(&path);
        programs.push(p);
    }
    let engine = engine();
    let cwd = fixtures();
    for p in &programs {
        let Stage::Ok(run) = engine.run_source(p) else {
            panic!("{}: run failed", p.display)
        };
        let real = python(&cwd, &[&p.display]);
        assert_eq!(
            String::from_utf8_lossy(&run.stdout),
            String::from_utf8_lossy(&real.stdout),
            "stdout of {}",
            p.display
        );
        assert_eq!(
            String::from_utf8_lossy(run.stderr.as_deref().unwrap_or_default()),
            String::from_utf8_lossy(&real.stderr),
            "stderr of {}",
            p.display
        );
        assert_eq!(
            Some(run.exit_code),
            real.status.code(),
            "exit status of {}",
            p.display
        );
    }
}

#[test]
fn an_embedded_interpreter_other_than_python3_is_refused() {
    let mut python = pyconform::worker::pool::PythonInfo::query().unwrap();
    let real = python.version.clone();
    python.version = "3.11.2 (main, Mar 13 2023) [GCC 12.2.0]".into();
    let err = CpythonEngine::start_with(
        Limits::default(),
        Some(PathBuf::from(env!("CARGO_BIN_EXE_pyconform"))),
        python,
    )
    .err()
    .expect("a version mismatch must be refused");
    assert!(
        err.contains("not the oracle") && err.contains(&real),
        "{err}"
    );
}

#[test]
fn the_embedded_interpreter_is_python3_with_hash_seed_0() {
    let engine = engine();
    let real = python(&fixtures(), &["-c", "import sys; print(sys.version)"]);
    assert_eq!(
        engine.version(),
        String::from_utf8_lossy(&real.stdout).trim()
    );
    assert!(
        engine.libpython().contains("libpython3.11"),
        "{}",
        engine.libpython()
    );
}

#[test]
fn a_program_cannot_affect_the_next_one_in_the_same_worker() {
    std::env::set_current_dir(fixtures()).unwrap();
    let programs = discover(Path::new("isolation"), &Selection::default()).unwrap();
    let limits = Limits {
        recycle_after: 1000,
        ..Limits::default()
    };
    let engine =
        CpythonEngine::start(limits, Some(PathBuf::from(env!("CARGO_BIN_EXE_pyconform")))).unwrap();
    let (pollute, check) = (&programs[0], &programs[1]);
    for _ in 0..2 {
        let Stage::Ok(run) = engine.run_source(pollute) else {
            panic!("pollute failed")
        };
        assert_eq!(run.stdout, b"polluted\n");
        let Stage::Ok(run) = engine.run_source(check) else {
            panic!("check failed")
        };
        let real = python(&fixtures(), &[&check.display]);
        assert_eq!(
            String::from_utf8_lossy(&run.stdout),
            String::from_utf8_lossy(&real.stdout)
        );
        assert_eq!(
            String::from_utf8_lossy(run.stderr.as_deref().unwrap_or_default()),
            String::from_utf8_lossy(&real.stderr)
        );
    }
    assert_eq!(engine.workers_started(), 1, "no worker was replaced");
}

#[test]
fn module_compiles_are_cpythons() {
    let engine = engine();
    let support = fixtures().join("normal/modules/_support.py");
    let bytes = engine.compile_file(&support).unwrap();
    assert_eq!(
        &bytes[..1],
        b"\xe3",
        "a marshalled code object (TYPE_CODE | FLAG_REF)"
    );
    let compile = engine.module_compiler();
    assert_eq!(compile(&support).unwrap(), bytes);
    let broken = fixtures().join("normal/errors/syntax_error.py");
    assert!(compile(&broken).unwrap_err().starts_with("SyntaxError: "));
}

#[test]
fn probes_equal_module_level_getrefcount() {
    let engine = engine();
    let program = Program::from_path(&fixtures().join("probes/module_level.py")).unwrap();
    let Stage::Ok(run) = engine.run_source(&program) else {
        panic!("run failed")
    };
    let printed: Vec<i64> = String::from_utf8_lossy(&run.stdout)
        .split_whitespace()
        .map(|n| n.parse().unwrap())
        .collect();
    let probes = run.probes.expect("probes");
    let names = [
        "Node",
        "function",
        "alias_a",
        "alias_b",
        "lonely",
        "held",
        "inner",
        "cyclic",
        "proxy_target",
        "proxy",
    ];
    let all: Vec<&str> = probes.refcounts.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        all, names,
        "modules and dunders are not probed; namespace order"
    );
    let expected: Vec<(String, Option<i64>)> = names
        .iter()
        .zip(&printed)
        .map(|(n, c)| ((*n).to_owned(), Some(*c)))
        .collect();
    assert_eq!(probes.refcounts, expected);
    assert_eq!(probes.gc_collected, Some(0), "nothing was garbage");
}
