//! `refvm compile [-O|-OO] FILE [-o OUT]`: the `.pyc` `python3 [-O|-OO] -m py_compile
//! FILE` writes.

use refvm_compiler::{CompileError, CompileOptions, compile_source_with_warnings};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Where `py_compile` puts the `.pyc` for `file`: `__pycache__/NAME.cpython-311.pyc`,
/// or `NAME.cpython-311.opt-N.pyc` at optimize level N > 0 (`cache_from_source`).
pub fn default_output(file: &Path, optimize: u8) -> PathBuf {
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let dir = file.parent().unwrap_or(Path::new(""));
    dir.join("__pycache__").join(if optimize > 0 {
        format!("{stem}.cpython-311.opt-{optimize}.pyc")
    } else {
        format!("{stem}.cpython-311.pyc")
    })
}

pub fn main(file: &Path, output: Option<&Path>, optimize: u8) -> ExitCode {
    let source = match super::read_file(file) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let meta = match std::fs::metadata(file) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("refvm: can't stat '{}': {e}", file.display());
            return ExitCode::from(2);
        }
    };
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_secs() as u32);
    let mut opts = CompileOptions::new(&file.to_string_lossy());
    opts.optimize = optimize;
    let (result, warnings) = compile_source_with_warnings(&source, &opts);
    // The warnings module's default filter prints each SyntaxWarning to stderr.
    for w in &warnings {
        eprint!("{}", w.format(&opts.filename, &source));
    }
    let code = match result {
        Ok(code) => code,
        Err(CompileError::Syntax(e)) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
        Err(CompileError::Unsupported(u)) => return super::unsupported(&u),
        Err(e @ CompileError::Exception { .. }) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let bytes = match refvm_bytecode::pyc::write(&code, mtime, meta.len() as u32) {
        Ok(b) => b,
        Err(e) => return super::unsupported(&e),
    };
    let out = output
        .map(Path::to_path_buf)
        .unwrap_or_else(|| default_output(file, optimize));
    if let Some(dir) = out.parent()
        && !dir.as_os_str().is_empty()
    {
        let _ = std::fs::create_dir_all(dir);
    }
    match std::fs::write(&out, bytes) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("refvm: can't write '{}': {e}", out.display());
            ExitCode::FAILURE
        }
    }
}
