//! The `refvm` binary: one subcommand per pipeline stage, each in `cmd/`.

/// mimalloc: the front end and the VM allocate many small nodes and objects; it is
/// markedly faster than the system allocator for them (see benches/). Large blocks get
/// mappings of their own (see `alloc`).
#[global_allocator]
static GLOBAL: alloc::RefvmAlloc = alloc::RefvmAlloc;

mod alloc;
mod cmd;

/// Keeps the process on 4 KiB pages: mimalloc asks for transparent huge pages on its
/// arenas, so a run touching a few KiB of heap would hold 2 MiB pages (a few MiB of peak
/// RSS above CPython's for small programs). Same as `MIMALLOC_ALLOW_THP=0`.
fn no_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: prctl(PR_SET_THP_DISABLE) takes integer arguments only and touches no memory.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

unsafe extern "C" {
    /// mimalloc's option setter (the bundled v2 library of the global allocator).
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
}

/// `mi_option_purge_delay` in mimalloc v2's `mi_option_e`.
const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;

/// Returns freed memory to the system at once instead of 10 ms later (unless
/// `MIMALLOC_PURGE_DELAY` says otherwise): a growing list or dict frees its old table at
/// each resize, and holding those for 10 ms put refvm's peak RSS for the word-count
/// benchmark 15 MiB above the same program's with immediate purging (CPython's realloc of
/// large blocks returns them at once). Costs no measurable time on corpus/bench.
fn purge_freed_memory_at_once() {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        // SAFETY: mi_option_set stores an integer option; mimalloc reads it at each purge.
        unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, 0) };
    }
}

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "refvm",
    version,
    about = "A reference Python 3.11 VM: tokens, ast, dis, compile, run"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the tokens, as `python3 -m tokenize -e FILE` does.
    Tokens { file: PathBuf },
    /// Print the AST, as `ast.dump(ast.parse(src), indent=1, include_attributes=True)`.
    Ast { file: PathBuf },
    /// Disassemble, as `python3 -m dis FILE` does.
    Dis {
        file: PathBuf,
        /// Optimize as `python3 -O` (asserts and `if __debug__:` removed); `-OO` also
        /// drops docstrings.
        #[arg(short = 'O', action = clap::ArgAction::Count)]
        optimize: u8,
    },
    /// Write a .pyc, as `python3 -m py_compile FILE` does.
    Compile {
        file: PathBuf,
        /// Output path (default: where py_compile writes, under __pycache__/).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Optimize as `python3 -O -m py_compile` (default output NAME.cpython-311.opt-1.pyc);
        /// `-OO` also drops docstrings (opt-2).
        #[arg(short = 'O', action = clap::ArgAction::Count)]
        optimize: u8,
    },
    /// Run a .py (compiled by refvm) or a .pyc (from any compiler).
    Run(cmd::run::RunArgs),
}

fn main() -> ExitCode {
    no_huge_pages();
    purge_freed_memory_at_once();
    let cli = Cli::parse();
    match cli.command {
        Command::Tokens { file } => cmd::tokens::main(&file),
        Command::Ast { file } => cmd::ast::main(&file),
        Command::Dis { file, optimize } => cmd::dis::main(&file, optimize.min(2)),
        Command::Compile {
            file,
            output,
            optimize,
        } => cmd::compile::main(&file, output.as_deref(), optimize.min(2)),
        Command::Run(args) => cmd::run::main(&args),
    }
}
