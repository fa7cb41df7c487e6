//! One module per `pyconform` subcommand, plus the options they share.

pub mod bench;
pub mod conform;
pub mod diff;
pub mod fuzz;
pub mod gate;
pub mod overhead;
pub mod reduce;
pub mod report;

use crate::engine::Limits;
use clap::Args;
use std::time::Duration;

/// Resource limits, shared by `conform`, `diff` and `overhead`.
#[derive(Args, Clone, Debug)]
pub struct LimitArgs {
    /// Wall-clock seconds a CPython worker gets per request before it is killed.
    #[arg(long, default_value_t = 10.0)]
    pub timeout: f64,
    /// refvm's instruction budget per run.
    #[arg(long, default_value_t = 2_000_000_000)]
    pub fuel: u64,
    /// refvm's heap limit per run, in MiB.
    #[arg(long, default_value_t = 1024)]
    pub max_memory_mib: usize,
    /// stdout + stderr cap per run, in MiB (both engines).
    #[arg(long, default_value_t = 8)]
    pub output_cap_mib: usize,
    /// Address-space limit (RLIMIT_AS) of each CPython worker, in MiB.
    #[arg(long, default_value_t = 2048)]
    pub worker_memory_mib: u64,
    /// Replace a CPython worker after this many requests.
    #[arg(long, default_value_t = 500)]
    pub recycle: usize,
    /// Seconds after which a refvm call that has not returned counts as `timeout` (its
    /// thread is abandoned).
    #[arg(long, default_value_t = 120.0)]
    pub refvm_hang_secs: f64,
    /// Execute each program this many times per VM for the timing columns (fastest
    /// counts; only the first run is compared).
    #[arg(long, default_value_t = 1)]
    pub time_runs: u32,
}

impl LimitArgs {
    pub fn limits(&self) -> Limits {
        Limits {
            timeout: Duration::from_secs_f64(self.timeout.max(0.01)),
            fuel: self.fuel,
            max_memory: self.max_memory_mib << 20,
            output_cap: self.output_cap_mib << 20,
            address_space: self.worker_memory_mib << 20,
            recycle_after: self.recycle.max(1),
            refvm_hang: Duration::from_secs_f64(self.refvm_hang_secs.max(0.01)),
        }
    }
}

/// The default `--jobs`: the number of cores.
pub fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get())
}

/// A rayon pool for refvm: `jobs` threads with 256 MiB stacks (deeply nested input
/// must not overflow them).
pub fn thread_pool(jobs: usize) -> Result<rayon::ThreadPool, String> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.max(1))
        .stack_size(256 << 20)
        .thread_name(|i| format!("pyconform-{i}"))
        .build()
        .map_err(|e| e.to_string())
}
