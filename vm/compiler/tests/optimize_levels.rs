//! `compile(src, filename, "exec", optimize=N)` for N = 0, 1, 2 (`-O`, `-OO`): asserts,
//! `__debug__` and docstrings, refvm's code-object trees and marshal bytes against the
//! live `python3`.

mod support;

use refvm_compiler::{CompileOptions, compile_source};

const CASES: &[&str] = &[
    "'''module doc'''\nassert x, 'msg'\n",
    "def f(x):\n    'doc'\n    assert x\n    return __debug__\n",
    "if __debug__:\n    print('debug')\nelse:\n    print('opt')\n",
    "class C:\n    '''class doc'''\n    def m(self):\n        '''m doc'''\n        assert self, f'{self}'\n",
    "async def g():\n    'doc'\n    assert (await h())\n",
    "x = lambda: __debug__ and 1\nwhile __debug__:\n    break\n",
    "def f():\n    '''only a docstring'''\n",
];

const ORACLE: &str = r#"
import marshal, sys
level = int(sys.argv[1])
for src in sys.argv[2:]:
    co = compile(src, "<o>", "exec", optimize=level)
    print(marshal.dumps(co).hex())
"#;

#[test]
fn optimize_levels_match_cpython() {
    let mut failures = Vec::new();
    let cases: Vec<String> = CASES.iter().map(|s| s.to_string()).collect();
    for level in 0u8..=2 {
        let args: Vec<String> = std::iter::once(level.to_string())
            .chain(cases.iter().cloned())
            .collect();
        let lines = support::oracle::python3_lines(ORACLE, &args);
        assert_eq!(lines.len(), CASES.len());
        for (src, hex) in CASES.iter().zip(&lines) {
            let mut opts = CompileOptions::new("<o>");
            opts.optimize = level;
            let ours = compile_source(src.as_bytes(), &opts)
                .unwrap_or_else(|e| panic!("-O{level} {src:?}: {e}"));
            let label = format!("optimize={level} {src:?}");
            support::oracle::compare_with_marshal_hex(&label, &ours, hex, &mut failures);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
