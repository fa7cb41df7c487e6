//! Whole-stdlib `dis` check against the oracle:
//! `cargo run --release -p refvm-bytecode --example stdlib_dis [-- --step N] [-- -v]`.
//!
//! For every stdlib `.py` file CPython compiles, it loads CPython's code object from the
//! `.pyc` bytes, disassembles it with `dis::dis_module`, and compares with what
//! `python3 -m dis FILE` prints (`dis.dis(compile(source, FILE, 'exec'))`), after
//! replacing `0x…` addresses only. A frozenset loaded from marshal iterates in the order
//! its members are added on loading (marshal's sorted order), which can differ from the
//! order of the set the compiler built, so it also compares with `dis.dis` of the code
//! object `marshal.loads` makes. `-v` prints each file's first differing line.

#[path = "common/oracle.rs"]
mod oracle;

use refvm_bytecode::{dis, pyc};

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

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let step = args
        .iter()
        .position(|a| a == "--step")
        .and_then(|i| args.get(i + 1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let verbose = args.iter().any(|a| a == "-v");
    let files = oracle::stdlib_sample(step);
    let (mut compiled, mut same, mut same_loaded) = (0, 0, 0);
    for chunk in files.chunks(100) {
        for c in oracle::compile_batch(chunk, true) {
            let (Some(bytes), Some(expect), Some(loaded)) = (c.pyc, c.dis, c.dis_loaded) else {
                continue;
            };
            compiled += 1;
            let name = oracle::short(&c.path);
            let ours = match pyc::read(&bytes) {
                Ok((_, code)) => dis::dis_module(&code).map_err(|e| e.to_string()),
                Err(e) => Err(e.to_string()),
            };
            match ours {
                Ok(text) => {
                    let (a, b) = (normalise(&text), normalise(&expect));
                    if a == normalise(&loaded) {
                        same_loaded += 1;
                    } else if verbose {
                        let l = normalise(&loaded);
                        let d = a
                            .lines()
                            .zip(l.lines())
                            .find(|(x, y)| x != y)
                            .unwrap_or(("<end>", "<end>"));
                        println!(
                            "{name}: differs from dis of the loaded code too:\n  ours    {}\n  cpython {}",
                            d.0, d.1
                        );
                    }
                    if a == b {
                        same += 1;
                    } else if verbose {
                        let (n, (x, y)) = a
                            .lines()
                            .zip(b.lines())
                            .enumerate()
                            .find(|(_, (x, y))| x != y)
                            .unwrap_or((0, ("<end>", "<end>")));
                        println!("{name}: line {}:\n  ours    {x}\n  cpython {y}", n + 1);
                    }
                }
                Err(e) => println!("{name}: {e}"),
            }
        }
    }
    let pct = |n: i32| 100.0 * f64::from(n) / f64::from(compiled.max(1));
    println!(
        "dis identical to `python3 -m dis FILE` (addresses normalised): {same}/{compiled} ({:.2}%)",
        pct(same)
    );
    println!(
        "dis identical to dis of the marshal-loaded code: {same_loaded}/{compiled} ({:.2}%)",
        pct(same_loaded)
    );
}
