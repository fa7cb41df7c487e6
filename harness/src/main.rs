//! The `pyconform` binary: `diff`, `conform`, `gate`, `report merge`, `overhead`, `bench`, and
//! the hidden `__worker` mode the harness re-executes itself in.

/// mimalloc: the front end and the VM allocate many small nodes and objects; it is
/// markedly faster than the system allocator for them (see benches/).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::{Parser, Subcommand};
use pyconform::cmd;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "pyconform",
    version,
    about = "Differential conformance harness: refvm against the real CPython 3.11, layer by layer"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Every layer and matrix cell of the given programs, with readable diffs.
    Diff(cmd::diff::DiffArgs),
    /// Run a corpus on both engines in parallel and write the reports.
    Conform(cmd::conform::ConformArgs),
    /// Compare results with a baseline: exit 1 on a regression or a new crash/panic.
    Gate(cmd::gate::GateArgs),
    /// Work on report files.
    #[command(subcommand)]
    Report(cmd::report::ReportCommand),
    /// Measure the CPython worker round-trip overhead per program.
    Overhead(cmd::overhead::OverheadArgs),
    /// Benchmark refvm against CPython on corpus/bench: medians, ratios, geometric mean.
    Bench(cmd::bench::BenchArgs),
    /// Generate programs, run them on both engines, reduce and save divergences.
    Fuzz(cmd::fuzz::FuzzArgs),
    /// Shrink a diverging program, keeping its divergence.
    Reduce(cmd::reduce::ReduceArgs),
    /// (internal) serve as a CPython worker on fds 3 and 4.
    #[command(name = "__worker", hide = true)]
    Worker,
}

fn fail(e: String) -> ExitCode {
    eprintln!("pyconform: {e}");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Worker => pyconform::worker::child::main(),
        Command::Diff(a) => match cmd::diff::main(&a) {
            Ok(true) => ExitCode::SUCCESS,
            Ok(false) => ExitCode::FAILURE,
            Err(e) => fail(e),
        },
        Command::Conform(a) => cmd::conform::main(&a).map_or_else(fail, |()| ExitCode::SUCCESS),
        Command::Gate(a) => match cmd::gate::main(&a) {
            Ok(true) => ExitCode::SUCCESS,
            Ok(false) => ExitCode::FAILURE,
            Err(e) => fail(e),
        },
        Command::Report(c) => cmd::report::main(&c).map_or_else(fail, |()| ExitCode::SUCCESS),
        Command::Bench(a) => cmd::bench::main(&a).map_or_else(fail, |()| ExitCode::SUCCESS),
        Command::Overhead(a) => cmd::overhead::main(&a).map_or_else(fail, |()| ExitCode::SUCCESS),
        Command::Fuzz(a) => cmd::fuzz::main(&a).map_or_else(fail, |()| ExitCode::SUCCESS),
        Command::Reduce(a) => match cmd::reduce::main(&a) {
            Ok(true) => ExitCode::SUCCESS,
            Ok(false) => ExitCode::FAILURE,
            Err(e) => fail(e),
        },
    }
}
