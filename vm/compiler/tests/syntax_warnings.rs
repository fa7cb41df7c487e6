//! The `SyntaxWarning`s refvm's compiler issues (`compile_source_with_warnings`)
//! against the live `python3`'s (`warnings.catch_warnings(record=True)` around
//! `compile()`): same messages, lines and order, for each `fixtures/warnings/*.py`, at
//! optimize levels 0 and 1 (asserts still warn under `-O`).

mod support;

use refvm_compiler::{CompileOptions, compile_source_with_warnings};
use std::path::PathBuf;

const ORACLE: &str = r#"
import sys, warnings
level = int(sys.argv[1])
for path in sys.argv[2:]:
    src = open(path, "rb").read()
    with warnings.catch_warnings(record=True) as ws:
        warnings.simplefilter("always")
        compile(src, path, "exec", dont_inherit=True, optimize=level)
    for w in ws:
        if w.category is SyntaxWarning:
            print("%s:%d: %s" % (path, w.lineno, w.message))
"#;

fn fixtures() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/warnings");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixtures/warnings")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    files.sort();
    files
}

#[test]
fn syntax_warnings_match_cpython() {
    let files = fixtures();
    assert!(!files.is_empty());
    let paths: Vec<String> = files
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    for level in 0u8..=1 {
        let args: Vec<String> = std::iter::once(level.to_string())
            .chain(paths.iter().cloned())
            .collect();
        let expected = support::oracle::python3_lines(ORACLE, &args);
        let mut got = Vec::new();
        for path in &paths {
            let source = std::fs::read(path).expect("fixture");
            let mut opts = CompileOptions::new(path);
            opts.optimize = level;
            let (result, warnings) = compile_source_with_warnings(&source, &opts);
            assert!(result.is_ok(), "{path}: {:?}", result.err());
            got.extend(
                warnings
                    .iter()
                    .map(|w| format!("{path}:{}: {}", w.lineno, w.msg)),
            );
        }
        assert_eq!(got, expected, "optimize={level}");
    }
}

#[test]
fn formatted_like_showwarning() {
    let w = refvm_compiler::CompileWarning {
        lineno: 2,
        msg: "\"is\" with a literal. Did you mean \"==\"?".into(),
    };
    assert_eq!(
        w.format("m.py", b"x = 1\n  if x is 1:  \n"),
        "m.py:2: SyntaxWarning: \"is\" with a literal. Did you mean \"==\"?\n  if x is 1:\n"
    );
    assert_eq!(
        w.format("m.py", b""),
        "m.py:2: SyntaxWarning: \"is\" with a literal. Did you mean \"==\"?\n"
    );
}
