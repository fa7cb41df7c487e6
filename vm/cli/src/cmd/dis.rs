//! `refvm dis [-O|-OO] FILE`: the text of `python3 [-O|-OO] -m dis FILE`.

use refvm_compiler::{CompileError, CompileOptions, compile_source};
use std::path::Path;
use std::process::ExitCode;

pub fn main(file: &Path, optimize: u8) -> ExitCode {
    let source = match super::read_file(file) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let mut opts = CompileOptions::new(&file.to_string_lossy());
    opts.optimize = optimize;
    match compile_source(&source, &opts) {
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
