//! `refvm run` prints the compiler's SyntaxWarnings (of the script, of imported modules
//! and of `compile()`/`exec()` strings) to stderr exactly as the live `python3` does,
//! and reports a script that does not compile as `python3` does.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A fresh directory for one test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "refvm-syntax-warnings-{}-{name}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    dir
}

/// (exit code, stdout, stderr) of `prog args… script`, run in the script's directory.
fn run(prog: &str, pre: &[&str], script: &Path) -> (Option<i32>, String, String) {
    let dir = script.parent().expect("script dir");
    let out = Command::new("timeout")
        .arg("60")
        .arg(prog)
        .args(pre)
        .arg(script.file_name().expect("script name"))
        .current_dir(dir)
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .output()
        .expect("spawn");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn same_as_python(name: &str, files: &[(&str, &str)]) {
    let dir = scratch(name);
    for (f, text) in files {
        std::fs::write(dir.join(f), text).expect("write");
    }
    let script = dir.join(files[0].0);
    let want = run("python3", &[], &script);
    let got = run(env!("CARGO_BIN_EXE_refvm"), &["run"], &script);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        want.2.contains("SyntaxWarning"),
        "{name}: python3 printed no SyntaxWarning: {want:?}"
    );
    assert_eq!(got, want, "{name}: refvm run (left) vs python3 (right)");
}

#[test]
fn script_warnings() {
    same_as_python(
        "script",
        &[(
            "main.py",
            "x = 5\nif x is 5:\n    print('is')\nassert (x, 'm')\n\
             def f():\n    return x is not ()\nprint(f())\n    \nprint('done')\n",
        )],
    );
}

/// Warnings issued before a compile-time error are printed before it, and the error
/// as `python3 FILE` reports it (`File "…", line N`, the line, the carets).
#[test]
fn warnings_then_syntax_error() {
    let dir = scratch("then-error");
    std::fs::write(dir.join("main.py"), "x = 1\nif x is 'a': pass\nreturn x\n").expect("write");
    let script = dir.join("main.py");
    let want = run("python3", &[], &script);
    let got = run(env!("CARGO_BIN_EXE_refvm"), &["run"], &script);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(want.2.contains("SyntaxWarning"), "{want:?}");
    assert_eq!(got, want, "refvm run (left) vs python3 (right)");
}

/// Compile-time errors of every kind (parser, compiler, indentation, tabs, multi-line
/// and non-ASCII lines) print what `python3 FILE` prints.
#[test]
fn syntax_errors_as_python_prints_them() {
    let cases: &[(&str, &str)] = &[
        ("return", "x = 1\ndef f():\n    pass\nreturn 5\n"),
        ("invalid", "x = (1,\n  2 +)\n"),
        ("tab", "if True:\n\tx = 1\n        y = 2\n"),
        ("indent", "if True:\nx = 1\n"),
        ("unexpected-indent", "x = 1\n    y = 2\n"),
        ("multiline", "f(a for a in b, c)\nx = [1,\n2 3]\n"),
        ("unterminated", "s = 'abc\n"),
        ("eof-paren", "x = (1,\n"),
        ("nonascii", "s = 'é' +* 2\n"),
        ("nonlocal", "nonlocal x\n"),
        ("assign", "def f():\n    f() = 1\n"),
        ("await", "await x\n"),
    ];
    let dir = scratch("errors");
    for (name, text) in cases {
        let script = dir.join(format!("{name}.py"));
        std::fs::write(&script, text).expect("write");
        let want = run("python3", &[], &script);
        let got = run(env!("CARGO_BIN_EXE_refvm"), &["run"], &script);
        assert!(want.2.contains("  File "), "{name}: {want:?}");
        assert_eq!(got, want, "{name}: refvm run (left) vs python3 (right)");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn imported_module_warnings() {
    same_as_python(
        "import",
        &[
            (
                "main.py",
                "print('before')\nimport _helper\nprint(_helper.f(3))\n",
            ),
            (
                "_helper.py",
                "def f(x):\n    return [x is 3, 'a' 'b'(x) if 0 else 1]\n",
            ),
        ],
    );
}

#[test]
fn compile_and_exec_warnings() {
    same_as_python(
        "exec",
        &[(
            "main.py",
            "print('start')\nexec('y = 1\\nprint(y is 1)')\n\
             c = compile('assert (1, 2)', 'fake.py', 'exec')\nprint(eval('1 is 1'))\n",
        )],
    );
}
