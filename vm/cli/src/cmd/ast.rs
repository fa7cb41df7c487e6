//! `refvm ast FILE`: the `ast.dump(..., indent=1, include_attributes=True)` text.

use refvm_syntax::ParseError;
use std::path::Path;
use std::process::ExitCode;

pub fn main(file: &Path) -> ExitCode {
    let source = match super::read_file(file) {
        Ok(s) => s,
        Err(code) => return code,
    };
    match refvm_syntax::parse_module(&source, &file.to_string_lossy()) {
        Ok(module) => {
            println!("{}", refvm_syntax::ast::dump(&module));
            ExitCode::SUCCESS
        }
        Err(ParseError::Syntax(e)) => {
            eprint!("{}", e.report());
            ExitCode::FAILURE
        }
        Err(ParseError::Unsupported(u)) => super::unsupported(&u),
        Err(ParseError::Other(e)) => {
            eprintln!("{}: {}", e.kind.name(), e.msg);
            ExitCode::FAILURE
        }
    }
}
