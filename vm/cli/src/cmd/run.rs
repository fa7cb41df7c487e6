//! `refvm run FILE`: run a `.py` (compiled by refvm) or a `.pyc` (from any compiler).

use clap::Args;
use refvm_compiler::{CompileError, CompileOptions, compile_source_with_warnings};
use refvm_runtime::{RunConfig, RunStatus};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

#[derive(Args)]
pub struct RunArgs {
    /// The program: a .py or a .pyc.
    pub file: PathBuf,
    /// Stop after this many instructions.
    #[arg(long)]
    pub fuel: Option<u64>,
    /// Stop when the heap would exceed this many bytes.
    #[arg(long)]
    pub max_memory: Option<usize>,
    /// The initial recursion limit (`sys.getrecursionlimit()`).
    #[arg(long, default_value_t = 1000)]
    pub recursion_limit: u32,
    /// Arguments after the file become `sys.argv[1:]`.
    #[arg(trailing_var_arg = true)]
    pub args: Vec<String>,
}

pub fn main(args: &RunArgs) -> ExitCode {
    let data = match super::read_file(&args.file) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let filename = args.file.to_string_lossy().into_owned();
    let code = if args.file.extension().is_some_and(|e| e == "pyc") {
        match refvm_bytecode::pyc::read(&data) {
            Ok((_, code)) => code,
            Err(e) => {
                eprintln!("refvm: bad .pyc '{filename}': {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        // CPython compiles the script under its absolute path (`co_filename`, warnings,
        // syntax errors), while `sys.argv[0]` stays as given.
        let co_filename = std::path::absolute(&args.file)
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_else(|_| filename.clone());
        let (result, warnings) =
            compile_source_with_warnings(&data, &CompileOptions::new(&co_filename));
        // The warnings module's default filter prints each SyntaxWarning to stderr,
        // before the program runs (or its SyntaxError is reported).
        for w in &warnings {
            eprint!("{}", w.format(&co_filename, &data));
        }
        match result {
            Ok(code) => code,
            Err(CompileError::Syntax(e)) => {
                eprint!("{}", refvm_compiler::syntax_error_report(&e));
                return ExitCode::FAILURE;
            }
            Err(CompileError::Unsupported(u)) => return super::unsupported(&u),
            Err(e @ CompileError::Exception { .. }) => {
                eprintln!("{e}");
                return ExitCode::FAILURE;
            }
        }
    };
    let mut argv = vec![filename];
    argv.extend(args.args.iter().cloned());
    let config = RunConfig {
        fuel: args.fuel,
        max_memory: args.max_memory,
        recursion_limit: args.recursion_limit,
        argv,
        // `sys.path[0]`: the script's directory, absolute with symlinks resolved (as
        // CPython computes it), so imported modules get absolute filenames.
        module_dir: args.file.parent().map(|p| {
            let dir = if p.as_os_str().is_empty() {
                std::path::Path::new(".")
            } else {
                p
            };
            std::fs::canonicalize(dir).unwrap_or_else(|_| p.to_path_buf())
        }),
        ..RunConfig::default()
    };
    let result = refvm_runtime::run_on_current_thread(Arc::new(code), &config, None);
    let _ = std::io::stdout().write_all(&result.stdout);
    let _ = std::io::stderr().write_all(&result.stderr);
    match result.status {
        RunStatus::Unsupported(what) => super::unsupported(&what),
        RunStatus::FuelExhausted => {
            eprintln!("refvm: out of fuel");
            ExitCode::from(124)
        }
        RunStatus::MemoryLimit => {
            eprintln!("refvm: memory limit reached");
            ExitCode::from(125)
        }
        RunStatus::OutputLimit => {
            eprintln!("refvm: output limit reached");
            ExitCode::from(126)
        }
        RunStatus::Completed | RunStatus::Exception => {
            ExitCode::from(result.exit_code.clamp(0, 255) as u8)
        }
    }
}
