//! `cargo run -p refvm-runtime --example runpy -- FILE.py`: compiles FILE with python3
//! (CPython's compiler) and runs it on refvm, printing its output (a debugging aid).

#[path = "../tests/corpus_support.rs"]
mod corpus_support;

use std::io::Write;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: runpy FILE.py [ARGS]");
        std::process::exit(2);
    };
    let p = std::path::Path::new(path)
        .canonicalize()
        .unwrap_or_else(|_| path.into());
    let rest: Vec<&str> = args[1..].iter().map(|s| s.as_str()).collect();
    match corpus_support::refvm_run(&p, &rest, None) {
        Ok(r) => {
            let _ = std::io::stdout().write_all(&r.stdout);
            let _ = std::io::stderr().write_all(&r.stderr);
            if !matches!(
                r.status,
                refvm_runtime::RunStatus::Completed | refvm_runtime::RunStatus::Exception
            ) {
                eprintln!("[refvm status: {:?}]", r.status);
            }
            std::process::exit(r.exit_code);
        }
        Err(e) => {
            eprintln!("compile failed: {e}");
            std::process::exit(2);
        }
    }
}
