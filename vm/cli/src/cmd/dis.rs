//! `refvm dis [-O|-OO] FILE`: the text of `python3 [-O|-OO] -m dis FILE`.

use refvm_compiler::{CompileError, CompileOptions, compile_source_with_warnings};
use std::path::Path;
use std::process::ExitCode;

pub fn main(file: &Path, optimize: u8) -> ExitCode {
    let source = match super::read_file(file) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let mut opts = CompileOptions::new(&file.to_string_lossy());
    opts.optimize = optimize;
    let (result, warnings) = compile_source_with_warnings(&source, &opts);
    // CPython's compile() hands each SyntaxWarning to the warnings module, whose
    // default filter prints it to stderr.
    for w in &warnings {
        eprint!("{}", w.format(&opts.filename, &source));
    }
    match result {
        Ok(code) => match refvm_bytecode::dis::dis_module(&code) {
            Ok(text) => {
                print!("{text}");
                ExitCode::SUCCESS
            }
            Err(u) => super::unsupported(&u),
        },
        Err(CompileError::Syntax(e)) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
        Err(CompileError::Unsupported(u)) => super::unsupported(&u),
        Err(e @ CompileError::Exception { .. }) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
