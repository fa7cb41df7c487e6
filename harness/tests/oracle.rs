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
    discover(Path::new("normal"), &Selection::default()).unwrap()
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
    let programs = normal_programs();
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
