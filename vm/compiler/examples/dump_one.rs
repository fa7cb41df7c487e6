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
