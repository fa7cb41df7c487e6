//! One module per `refvm` subcommand, plus the helpers they share.

pub mod ast;
pub mod compile;
pub mod dis;
pub mod run;
pub mod tokens;

use std::path::Path;
use std::process::ExitCode;

/// Reads a file, or reports why not (exit status 2, as CPython does for a missing file).
pub fn read_file(path: &Path) -> Result<Vec<u8>, ExitCode> {
    std::fs::read(path).map_err(|e| {
        eprintln!("refvm: can't open file '{}': {e}", path.display());
        ExitCode::from(2)
    })
}

/// Reports a stage refvm does not implement yet (exit status 3: not a Python outcome).
pub fn unsupported(what: &dyn std::fmt::Display) -> ExitCode {
    eprintln!("refvm: {what}");
    ExitCode::from(3)
}
