//! `compile(src, filename, mode)` in the `eval` and `single` modes: refvm's code-object
//! trees against the live `python3` (its code read back from `marshal.dumps`), and the
//! marshal bytes themselves (of a code object held in a variable, as the stdlib oracle
//! dumps it: marshal's `FLAG_REF` bits follow reference counts).

use refvm_compiler::{CompileOptions, compile_source_mode};
use refvm_syntax::Mode;
mod support;

const CASES: &[(&str, &str)] = &[
    ("eval", "1"),
    ("eval", "x"),
    ("eval", "a + b * 2"),
    ("eval", "'a' + 'b'"),
    ("eval", "[i * i for i in range(10) if i % 2]"),
    ("eval", "lambda x, *a, k=3: (x, a, k)"),
    ("eval", "f(*args, **kw) if cond else {1: 2, **d}"),
    ("eval", "x in {1, 2, 3}"),
    ("eval", "(yield_ := 5)"),
    ("eval", "\n(1,\n   2)\n"),
    ("single", "1\n"),
    ("single", "x\n"),
    ("single", "'doc'\n"),
    ("single", "x = 1\n"),
    ("single", "a; b; c = 3\n"),
    ("single", "x: int = 3\n"),
    ("single", "if x:\n    y\nelse:\n    z\n\n"),
    ("single", "def f():\n    'doc'\n    x\n    return 1\n\n"),
    ("single", "class C:\n    a\n    b: int\n\n"),
    ("single", "for i in range(3): i\n"),
    ("single", "from __future__ import annotations\n"),
    ("single", "import os.path as p\n"),
];

const ORACLE: &str = r#"
import marshal, sys
for arg in sys.argv[1:]:
    mode, src = arg.split(":", 1)
    co = compile(src, "<m>", mode)
    print(marshal.dumps(co).hex())
"#;

#[test]
fn eval_and_single_modes_match_cpython() {
    let args: Vec<String> = CASES.iter().map(|(m, s)| format!("{m}:{s}")).collect();
    let lines = support::oracle::python3_lines(ORACLE, &args);
    assert_eq!(lines.len(), CASES.len());
    let mut failures = Vec::new();
    for ((mode, src), hex) in CASES.iter().zip(&lines) {
        let m = if *mode == "eval" {
            Mode::Eval
        } else {
            Mode::Single
        };
        let ours = compile_source_mode(src.as_bytes(), m, &CompileOptions::new("<m>"))
            .unwrap_or_else(|e| panic!("{mode} {src:?}: {e}"));
        let label = format!("{mode} {src:?}");
        support::oracle::compare_with_marshal_hex(&label, &ours, hex, &mut failures);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
