//! `compile(src, filename, "exec", optimize=N)` for N = 0, 1, 2 (`-O`, `-OO`): asserts,
//! `__debug__` and docstrings, refvm's code-object trees and marshal bytes against the
//! live `python3`.

use refvm_compiler::{CompileOptions, compile_source};
use std::process::Command;

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

fn unhex(h: &str) -> Vec<u8> {
    (0..h.len())
        .step_by(2)
        .filter_map(|i| u8::from_str_radix(&h[i..i + 2], 16).ok())
        .collect()
}

#[test]
fn optimize_levels_match_cpython() {
    let mut failures = Vec::new();
    for level in 0u8..=2 {
        let out = Command::new("timeout")
            .args(["60", "python3", "-c", ORACLE, &level.to_string()])
            .args(CASES)
            .env("PYTHONHASHSEED", "0")
            .output()
            .expect("python3 runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let stdout = String::from_utf8(out.stdout).expect("hex");
        let lines: Vec<&str> = stdout.lines().collect();
        assert_eq!(lines.len(), CASES.len());
        for (src, hex) in CASES.iter().zip(lines) {
            let mut opts = CompileOptions::new("<o>");
            opts.optimize = level;
            let ours = compile_source(src.as_bytes(), &opts)
                .unwrap_or_else(|e| panic!("-O{level} {src:?}: {e}"));
            let expect = unhex(hex);
            let theirs = refvm_bytecode::marshal::loads(&expect).expect("CPython's marshal reads");
            if ours != theirs {
                failures.push(format!(
                    "optimize={level} {src:?}: code objects differ\n--- cpython\n{}\n--- refvm\n{}",
                    refvm_bytecode::dis::dis_module(&theirs).unwrap_or_default(),
                    refvm_bytecode::dis::dis_module(&ours).unwrap_or_default()
                ));
                continue;
            }
            let bytes = refvm_bytecode::marshal::dumps(&ours).expect("marshal");
            if bytes != expect {
                failures.push(format!("optimize={level} {src:?}: marshal bytes differ"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
