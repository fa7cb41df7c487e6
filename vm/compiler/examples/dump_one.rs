//! Prints CPython's and refvm's code-object dumps of one file side by side (a
//! debugging aid for compiler differences).
//!
//! ```text
//! cargo run -p refvm-compiler --example dump_one -- FILE
//! ```

#[path = "../tests/support/mod.rs"]
mod support;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: dump_one FILE");
        std::process::exit(2);
    };
    let recs = support::oracle::run(std::slice::from_ref(&path), 120).expect("oracle");
    let rec = &recs[0];
    let source = std::fs::read(&path).expect("read");
    let module = support::ast_reader::read_module(rec.ast.as_ref().expect("parse")).expect("ast");
    let opts = refvm_compiler::CompileOptions::new(&path);
    let ours = refvm_compiler::compile_module(&module, &source, &opts);
    let theirs = match &rec.code {
        Some(Ok(d)) => d.clone(),
        Some(Err(e)) => format!("ERR {e:?}\n"),
        None => String::new(),
    };
    let mine = match ours {
        Ok(co) => support::codedump::dump(&co),
        Err(e) => format!("ERR {:?}\n", support::error_record(&e)),
    };
    // Positions of the first code object whose line table differs.
    let find = |dump: &str, path: &str, field: &str| -> Option<String> {
        dump.lines()
            .find(|l| l.starts_with(&format!("{path}.{field} ")))
            .map(|l| l.split_once(' ').map_or("", |p| p.1).to_string())
    };
    if let Some(diff) = support::oracle::first_difference(&theirs, &mine)
        && let Some(path) = diff.split(": ").next()
        && let Some(prefix) = path.rsplit_once('.').map(|p| p.0)
    {
        let unhex = |s: &str| {
            (0..s.len() / 2)
                .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap_or(0))
                .collect::<Vec<u8>>()
        };
        if let (Some(la), Some(lb), Some(fa), Some(ca), Some(cb)) = (
            find(&theirs, prefix, "co_linetable"),
            find(&mine, prefix, "co_linetable"),
            find(&theirs, prefix, "co_firstlineno"),
            find(&theirs, prefix, "co_code"),
            find(&mine, prefix, "co_code"),
        ) {
            let first: i32 = fa.parse().unwrap_or(0);
            let pa = support::codedump::decode_positions(&unhex(&la), first);
            let pb = support::codedump::decode_positions(&unhex(&lb), first);
            let (ca, cb) = (unhex(&ca), unhex(&cb));
            println!("positions of {prefix} (offset: cpython op/arg pos | refvm op/arg pos)");
            for k in 0..pa.len().max(pb.len()) {
                let op = |c: &[u8]| {
                    c.get(2 * k)
                        .map(|o| {
                            format!(
                                "{}/{}",
                                refvm_compiler::opcode::name(u16::from(*o)),
                                c[2 * k + 1]
                            )
                        })
                        .unwrap_or_default()
                };
                let mark = if pa.get(k) != pb.get(k) || ca.get(2 * k) != cb.get(2 * k) {
                    "!!"
                } else {
                    "  "
                };
                println!(
                    "{mark} {:4}: {} {:?} | {} {:?}",
                    2 * k,
                    op(&ca),
                    pa.get(k),
                    op(&cb),
                    pb.get(k)
                );
            }
        }
    }
    let a: Vec<&str> = theirs.lines().collect();
    let b: Vec<&str> = mine.lines().collect();
    for i in 0..a.len().max(b.len()) {
        let x = a.get(i).copied().unwrap_or("<none>");
        let y = b.get(i).copied().unwrap_or("<none>");
        if x == y {
            println!("  {x}");
        } else {
            println!("- {x}\n+ {y}");
        }
    }
}
