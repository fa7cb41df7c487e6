//! CI check on a fixed sample of the stdlib (every 25th file): for each `.pyc` CPython
//! writes, reading and writing it back with its layout is byte-identical, a fresh
//! `marshal::dumps` of the code object alone is byte-identical too, and `dis_module`
//! prints what CPython's `dis` prints for that code object. The whole stdlib:
//! `cargo run --release -p refvm-bytecode --example stdlib_marshal` and
//! `--example stdlib_dis`.

#[path = "../examples/common/oracle.rs"]
mod oracle;

use refvm_bytecode::{dis, marshal, pyc};

/// Replaces every `0x` + hex digits by `0x?`.
fn normalise(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'0'
            && b.get(i + 1) == Some(&b'x')
            && b.get(i + 2).is_some_and(u8::is_ascii_hexdigit)
        {
            out.push_str("0x?");
            i += 2;
            while b.get(i).is_some_and(u8::is_ascii_hexdigit) {
                i += 1;
            }
        } else {
            let ch = s[i..].chars().next().unwrap_or('\0');
            out.push(ch);
            i += ch.len_utf8();
        }
    }
    out
}

#[test]
fn stdlib_sample_marshal_is_byte_identical() {
    let files = oracle::stdlib_sample(25);
    let mut checked = 0;
    let mut failures = Vec::new();
    for c in oracle::compile_batch(&files, true) {
        let Some(bytes) = c.pyc else { continue };
        let name = oracle::short(&c.path);
        let (header, code, layout) =
            pyc::read_preserving(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        let again = pyc::write_with_layout(&header, &code, &layout).unwrap();
        if again != bytes {
            failures.push(format!(
                "{name}: round trip {}",
                oracle::first_difference(&again, &bytes)
            ));
        }
        let fresh = marshal::dumps(&code).unwrap();
        if fresh != bytes[16..] {
            failures.push(format!(
                "{name}: fresh dumps {}",
                oracle::first_difference(&fresh, &bytes[16..])
            ));
        }
        // dis of the same code object CPython disassembles after `marshal.loads`. A
        // frozenset holding None is the one thing that cannot match: None's hash is its
        // address, so CPython's member order changes from run to run.
        let ours = normalise(&dis::dis_module(&code).unwrap());
        let theirs = normalise(c.dis_loaded.as_deref().unwrap_or_default());
        let (a, b): (Vec<&str>, Vec<&str>) = (ours.lines().collect(), theirs.lines().collect());
        if a.len() != b.len() {
            failures.push(format!(
                "{name}: dis has {} lines, CPython's {}",
                a.len(),
                b.len()
            ));
        }
        for (x, y) in a.iter().zip(&b) {
            if x != y && !(x.contains("frozenset({") && x.contains("None")) {
                failures.push(format!("{name}: dis\n  ours    {x}\n  cpython {y}"));
                break;
            }
        }
        checked += 1;
    }
    assert!(checked > 60, "only {checked} files compiled");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
