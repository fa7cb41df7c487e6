//! `pyconform diff FILE...`: every layer and every matrix cell of the given programs,
//! with the first divergence of each layer as a readable diff. Exits 1 when a program
//! does not pass.

use super::{LimitArgs, thread_pool};
use crate::check::{Engines, check_program};
use crate::engine::cpython::CpythonEngine;
use crate::engine::refvm::RefvmEngine;
use crate::outcome::{Layer, Outcome};
use crate::program::Program;
use clap::Args;
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct DiffArgs {
    /// Python programs.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Also print the detail of layers that are unsupported or skipped.
    #[arg(long)]
    pub verbose: bool,
    #[command(flatten)]
    pub limits: LimitArgs,
}

fn indent(text: &str) -> String {
    text.lines().map(|l| format!("    {l}\n")).collect()
}

pub fn main(args: &DiffArgs) -> Result<bool, String> {
    let limits = args.limits.limits();
    let engines = Engines {
        cpython: CpythonEngine::start(limits.clone(), None)?,
        refvm: RefvmEngine::new(limits),
        time_runs: args.limits.time_runs.max(1),
    };
    let pool = thread_pool(1)?;
    let mut all_passed = true;
    println!(
        "CPython {} · refvm {}",
        engines.cpython.version(),
        crate::env::refvm_commit()
    );
    for file in &args.files {
        let program = Program::from_path(file).map_err(|e| format!("{}: {e}", file.display()))?;
        let result = pool.install(|| check_program(&engines, &program));
        let passed = result.passed();
        all_passed &= passed;
        println!(
            "\n== {} : {}",
            program.display,
            if passed { "pass" } else { "FAIL" }
        );
        for layer in Layer::ALL {
            let Some(v) = result.layers.get(&layer) else {
                continue;
            };
            println!("  {layer:<9} {}", v.outcome);
            let show = !matches!(
                v.outcome,
                Outcome::Pass | Outcome::Unsupported | Outcome::Skip
            ) || args.verbose;
            if let (true, Some(d)) = (show && layer != Layer::Output, &v.detail) {
                print!("{}", indent(d));
            }
            if layer == Layer::Output {
                for (cell, cv) in &result.cells {
                    println!("    {cell:<16} {}", cv.outcome);
                    let show = !matches!(
                        cv.outcome,
                        Outcome::Pass | Outcome::Unsupported | Outcome::Skip
                    ) || args.verbose;
                    if let (true, Some(d)) = (show, &cv.detail) {
                        print!("{}", indent(&indent(d)));
                    }
                }
            }
        }
        let t = &result.timing;
        let ns = |v: Option<u64>| {
            v.map_or_else(|| "-".to_owned(), |v| format!("{:.1} µs", v as f64 / 1e3))
        };
        println!(
            "  timing    compile cpython {} refvm {}; execute cpython {} refvm {}",
            ns(t.cpython_compile_ns),
            ns(t.refvm_compile_ns),
            ns(t.cpython_exec_ns),
            ns(t.refvm_exec_ns)
        );
    }
    Ok(all_passed)
}
