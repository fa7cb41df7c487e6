//! CI check on a fixed sample of the stdlib (every 25th file): for each `.pyc` CPython
//! writes, reading and writing it back with its layout is byte-identical, and a fresh
//! `marshal::dumps` of the code object alone is byte-identical too. The whole stdlib:
//! `cargo run --release -p refvm-bytecode --example stdlib_marshal`.

#[path = "../examples/common/oracle.rs"]
mod oracle;

use refvm_bytecode::{marshal, pyc};

#[test]
fn stdlib_sample_marshal_is_byte_identical() {
    let files = oracle::stdlib_sample(25);
    let mut checked = 0;
    let mut failures = Vec::new();
    for c in oracle::compile_batch(&files, false) {
        let Some(bytes) = c.pyc else { continue };
        let name = oracle::short(&c.path);
        let (header, code, layout) = pyc::read_preserving(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        let again = pyc::write_with_layout(&header, &code, &layout).unwrap();
        if again != bytes {
            failures.push(format!("{name}: round trip {}", oracle::first_difference(&again, &bytes)));
        }
        let fresh = marshal::dumps(&code).unwrap();
        if fresh != bytes[16..] {
            failures.push(format!("{name}: fresh dumps {}", oracle::first_difference(&fresh, &bytes[16..])));
        }
        checked += 1;
    }
    assert!(checked > 60, "only {checked} files compiled");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
