//! `pyconform fuzz`: a generative differential campaign (see [`crate::fuzz::campaign`]),
//! then the reduction and re-verification of every new finding; `--promote SIGNATURE`
//! copies a finding into the corpus; `--print I` shows program `I` of a seed.

use super::{LimitArgs, default_jobs};
use crate::check::{Engines, check_program};
use crate::engine::cpython::CpythonEngine;
use crate::engine::refvm::RefvmEngine;
use crate::fuzz::campaign::{self, CampaignConfig, Stop};
use crate::fuzz::check::LayerSet;
use crate::fuzz::findings::{Findings, Status};
use crate::fuzz::generator::{GenConfig, generate};
use crate::fuzz::reduce::{ReduceConfig, reduce};
use crate::fuzz::signature::{Classified, Signature, classify, poison};
use crate::program::Program;
use clap::Args;
use std::path::{Path, PathBuf};

#[derive(Args, Debug)]
pub struct FuzzArgs {
    /// Fuzz for this many seconds (default 60).
    #[arg(long, conflicts_with = "runs")]
    pub seconds: Option<f64>,
    /// Fuzz this many programs.
    #[arg(long)]
    pub runs: Option<u64>,
    /// The campaign seed: program i is always the same program for a given seed.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// Threads (and CPython workers); default: the number of cores.
    #[arg(long)]
    pub jobs: Option<usize>,
    /// Layers to compare: `all` or a comma list (tokens,ast,bytecode,dis,marshal,output,refcount).
    #[arg(long, default_value = "all")]
    pub layers: String,
    /// Generator configuration: a preset (default, small, syntax) or a TOML file.
    #[arg(long, default_value = "default")]
    pub config: String,
    /// Programs per CPython worker round trip.
    #[arg(long, default_value_t = 32)]
    pub batch: usize,
    /// Reports directory (state in OUT/fuzz/, findings in OUT/findings/).
    #[arg(long, default_value = "reports")]
    pub out: PathBuf,
    /// Ignore an existing state file and start at program 0.
    #[arg(long)]
    pub fresh: bool,
    /// Do not reduce new findings after the campaign.
    #[arg(long)]
    pub no_reduce: bool,
    /// Time limit of each reduction, in seconds.
    #[arg(long, default_value_t = 120.0)]
    pub reduce_seconds: f64,
    /// Reduce again (from the original) every saved finding that is unreduced, not
    /// verified, or still longer than 15 lines, then exit.
    #[arg(long)]
    pub reduce_again: bool,
    /// Copy finding SIGNATURE into CORPUS/regressions/ and exit.
    #[arg(long, value_name = "SIGNATURE")]
    pub promote: Option<String>,
    /// The corpus directory for --promote.
    #[arg(long, default_value = "corpus")]
    pub corpus: PathBuf,
    /// Print program INDEX of --seed (with its features) and exit.
    #[arg(long, value_name = "INDEX")]
    pub print: Option<u64>,
    /// List the findings under OUT/findings/ and exit.
    #[arg(long)]
    pub list: bool,
    /// Resident memory bound of one campaign process, in MiB: refvm leaks each run's
    /// VM, so past it the campaign saves its state and continues in a fresh process
    /// (the same command, resumed; 0: no bound).
    #[arg(long, default_value_t = 3072)]
    pub max_rss_mib: u64,
    #[command(flatten)]
    pub limits: LimitArgs,
}

pub fn main(args: &FuzzArgs) -> Result<(), String> {
    crate::fuzz::alloc::tune_for_many_runs();
    let generator = GenConfig::load(&args.config)?;
    let findings = Findings::new(&args.out);
    if let Some(i) = args.print {
        let g = generate(args.seed, i, &generator);
        let feats: Vec<&str> = g.features.iter().map(|f| f.as_str()).collect();
        println!(
            "# seed {} program {i}; features: {}",
            args.seed,
            feats.join(", ")
        );
        print!("{}", g.source);
        return Ok(());
    }
    if args.list {
        for m in findings.all() {
            println!(
                "{:<60} {:<10} {:>3} → {:>3} lines  {}",
                m.signature,
                format!("{:?}", m.status).to_lowercase(),
                m.original_lines,
                m.reduced_lines.map_or("-".into(), |n| n.to_string()),
                m.headline
            );
        }
        return Ok(());
    }
    if let Some(sig) = &args.promote {
        return promote(&findings, sig, args);
    }
    let layers: LayerSet = args.layers.parse()?;
    let jobs = args.jobs.unwrap_or_else(default_jobs).max(1);
    let limits = args.limits.limits();
    if args.reduce_again {
        let engines = Engines {
            cpython: CpythonEngine::start(limits.clone(), None)?,
            refvm: RefvmEngine::new(limits),
            time_runs: 1,
        };
        let again: Vec<String> = findings
            .all()
            .into_iter()
            .filter(|m| m.verified != Some(true) || m.reduced_lines.is_none_or(|n| n > 15))
            .map(|m| m.signature)
            .collect();
        for slug in again {
            // Small enough already: only the verification is missing.
            let mut meta = findings.meta(&slug)?;
            let reduced = findings.dir(&slug).join("reduced.py");
            if meta.reduced_lines.is_some_and(|n| n <= 15) && reduced.exists() {
                let sig = Signature::from_slug(&slug).ok_or("bad signature")?;
                let verified = verify(&engines, &reduced, &sig);
                eprintln!(
                    "  {slug}: {}",
                    match &verified {
                        Ok(()) => "verified".to_owned(),
                        Err(e) => format!("NOT verified: {e}"),
                    }
                );
                if verified.is_ok() {
                    meta.verified = Some(true);
                    findings.write_meta(&meta)?;
                    continue;
                }
            }
            reduce_finding(&engines, &findings, &slug, jobs, args.reduce_seconds)?;
        }
        return Ok(());
    }
    let engines = Engines {
        cpython: CpythonEngine::start(limits.clone(), None)?,
        refvm: RefvmEngine::new(limits),
        time_runs: 1,
    };
    let stop = match (args.seconds, args.runs) {
        (_, Some(n)) => Stop::Runs(n),
        (Some(s), None) => Stop::Seconds(s),
        (None, None) => Stop::Seconds(60.0),
    };
    eprintln!(
        "CPython {} · refvm {} · seed {} · {} jobs · layers {layers} · generator {}",
        engines
            .cpython
            .version()
            .split_whitespace()
            .next()
            .unwrap_or(""),
        crate::env::refvm_commit(),
        args.seed,
        jobs,
        args.config
    );
    // Set when this process continues a campaign an earlier process of the chain began.
    let origin = std::env::var(ORIGIN_ENV)
        .ok()
        .and_then(|v| campaign::Origin::decode(&v));
    let cfg = CampaignConfig {
        seed: args.seed,
        stop,
        jobs,
        layers,
        generator,
        batch: args.batch,
        out: args.out.clone(),
        fresh: args.fresh && origin.is_none(),
        max_rss: (args.max_rss_mib > 0).then(|| args.max_rss_mib << 20),
        origin,
    };
    let report = campaign::run(&engines, &cfg, &findings)?;
    if report.restart {
        drop(engines);
        return continue_in_new_process(&report);
    }
    print!("{}", campaign::summary(&report.state));
    // Wall-clock rates depend on what else the machine runs: the per-core figure is the
    // CPU-time one below.
    println!(
        "this run: {} programs in {:.1} s wall ({:.0} runs/s wall with {} jobs)",
        report.runs_this_time,
        report.wall.as_secs_f64(),
        report.runs_this_time as f64 / report.wall.as_secs_f64().max(1e-9),
        jobs
    );
    let per_run = |ns: &std::sync::atomic::AtomicU64, n: u64| {
        ns.load(std::sync::atomic::Ordering::Relaxed) as f64 / 1e3 / n.max(1) as f64
    };
    let phases: Vec<String> = crate::fuzz::check::PHASES
        .iter()
        .zip(&crate::fuzz::check::PHASE_NS)
        .map(|(n, ns)| format!("{n} {:.0} µs", per_run(ns, report.runs_this_process)))
        .collect();
    println!(
        "wall time per program, summed over threads: {} · CPython workers started: {} · cross cells shared (identical code): {}",
        phases.join(" · "),
        engines.cpython.workers_started(),
        crate::fuzz::check::SHARED_CROSS.load(std::sync::atomic::Ordering::Relaxed)
    );
    let refvm_cpu: Vec<String> = crate::fuzz::check::REFVM_PARTS
        .iter()
        .zip(&crate::fuzz::check::REFVM_CPU_NS)
        .map(|(n, ns)| format!("{n} {:.0} µs", per_run(ns, report.runs_this_process)))
        .collect();
    println!(
        "refvm's own side, CPU per program: {}",
        refvm_cpu.join(" · ")
    );
    let worker = &crate::fuzz::check::WORKER_NS;
    let answered = worker[5].load(std::sync::atomic::Ordering::Relaxed);
    let worker_parts: Vec<String> = crate::fuzz::check::WORKER_PARTS
        .iter()
        .zip(worker)
        .map(|(n, ns)| format!("{n} {:.0} µs", per_run(ns, answered)))
        .collect();
    println!(
        "CPython worker, per run it answered ({} runs, {:.2} per program; wall time but the last): {}",
        answered,
        answered as f64 / report.runs_this_process.max(1) as f64,
        worker_parts.join(" · ")
    );
    // CPU time of this process and its workers, live or reaped (a campaign continued in
    // a fresh process is the same process: CPU time accumulates across exec): runs per
    // CPU-second is the per-core throughput, whatever else the machine is doing.
    let limits = engines.refvm.limits.clone();
    drop(engines);
    let (own, workers) = cpu_seconds();
    let cpu = own + workers;
    let n = report.runs_this_time.max(1) as f64;
    println!(
        "throughput: {:.0} runs/s/core = runs per CPU-second of this process and its CPython workers ({:.2} s + {:.2} s CPU; per program {:.0} µs + {:.0} µs)",
        report.runs_this_time as f64 / cpu.max(1e-9),
        own,
        workers,
        own * 1e6 / n,
        workers * 1e6 / n
    );
    // Reduce what is new (and anything left unreduced by an interrupted run), with
    // fresh engines (started only when there is something to reduce).
    let pending: Vec<String> = if args.no_reduce {
        Vec::new()
    } else {
        findings
            .all()
            .into_iter()
            .filter(|m| m.status == Status::Unreduced)
            .map(|m| m.signature)
            .collect()
    };
    if !pending.is_empty() {
        let engines = Engines {
            cpython: CpythonEngine::start(limits.clone(), None)?,
            refvm: RefvmEngine::new(limits),
            time_runs: 1,
        };
        for slug in pending {
            reduce_finding(&engines, &findings, &slug, jobs, args.reduce_seconds)?;
        }
    }
    for slug in report.state.findings.keys() {
        if let Ok(m) = findings.meta(slug) {
            println!(
                "finding {slug}: {} → {} lines, {}{}",
                m.original_lines,
                m.reduced_lines.map_or("-".into(), |n| n.to_string()),
                format!("{:?}", m.status).to_lowercase(),
                match m.verified {
                    Some(true) => ", verified",
                    Some(false) => ", NOT verified",
                    None => "",
                }
            );
        }
    }
    Ok(())
}

/// `--promote`: copies the finding into the corpus; a program that prints nothing on
/// CPython (it raises first) gets a `print` before its first statement, so the corpus
/// program shows it ran; then says whether the promoted program still diverges the
/// same way (the full per-program check).
fn promote(findings: &Findings, slug: &str, args: &FuzzArgs) -> Result<(), String> {
    let mut path = findings.promote(slug, &args.corpus, false)?;
    if oracle_stdout(&path)?.is_empty() {
        path = findings.promote(slug, &args.corpus, true)?;
        eprintln!("CPython printed nothing before the program raised: a print leads it");
    }
    println!("wrote {}", path.display());
    let sig = Signature::from_slug(slug).ok_or_else(|| format!("bad signature {slug:?}"))?;
    let limits = args.limits.limits();
    let engines = Engines {
        cpython: CpythonEngine::start(limits.clone(), None)?,
        refvm: RefvmEngine::new(limits),
        time_runs: 1,
    };
    match verify(&engines, &path, &sig) {
        Ok(()) => println!("the promoted program diverges as the finding did ({slug})"),
        Err(e) => println!("the promoted program does NOT reproduce {slug}: {e}"),
    }
    Ok(())
}

/// What `PYTHONHASHSEED=0 python3 FILE` prints to stdout (run from the file's
/// directory, bounded by `timeout`).
fn oracle_stdout(path: &Path) -> Result<Vec<u8>, String> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().ok_or("no file name")?;
    let out = std::process::Command::new("timeout")
        .arg("10")
        .arg("python3")
        .arg(name)
        .current_dir(dir)
        .env("PYTHONHASHSEED", "0")
        .env_remove("PYTHONPATH")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .stdin(std::process::Stdio::null())
        .output()
        .map_err(|e| format!("running python3 {}: {e}", path.display()))?;
    Ok(out.stdout)
}

/// The environment variable that carries a campaign's [`campaign::Origin`] to the
/// next process of its chain.
const ORIGIN_ENV: &str = "PYCONFORM_FUZZ_ORIGIN";

/// Replaces this process by the same command, which resumes the campaign from its
/// state file (CPU time used so far stays on the process's account across `exec`).
fn continue_in_new_process(report: &campaign::Report) -> Result<(), String> {
    use std::os::unix::process::CommandExt;
    eprintln!(
        "[{:>6.0}s] {} runs: memory bound reached (refvm leaks each run's VM); continuing in a fresh process",
        report.wall.as_secs_f64(),
        report.state.totals.runs
    );
    let exe = std::env::current_exe().map_err(|e| format!("cannot find this executable: {e}"))?;
    let err = std::process::Command::new(exe)
        .args(std::env::args_os().skip(1))
        .env(ORIGIN_ENV, report.origin.encode())
        .exec();
    Err(format!("cannot re-execute pyconform: {err}"))
}

/// User + system CPU seconds of this process, and of its children: those it waited
/// for plus those still alive (a worker can outlive the engines that started it: a
/// leaked VM may still hold an import compiler that holds the pool), with what they
/// waited for in turn.
fn cpu_seconds() -> (f64, f64) {
    let get = |who| {
        // SAFETY: getrusage fills the zeroed struct it is given.
        let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
        // SAFETY: as above; `who` is RUSAGE_SELF or RUSAGE_CHILDREN.
        unsafe { libc::getrusage(who, &mut ru) };
        let tv = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
        tv(ru.ru_utime) + tv(ru.ru_stime)
    };
    (
        get(libc::RUSAGE_SELF),
        get(libc::RUSAGE_CHILDREN) + live_children_cpu(),
    )
}

/// CPU seconds of this process's live children (utime, stime, cutime, cstime of
/// /proc/PID/stat), 0 where /proc cannot be read.
fn live_children_cpu() -> f64 {
    let me = std::process::id().to_string();
    // SAFETY: sysconf has no preconditions.
    let tick = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as f64;
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return 0.0;
    };
    let mut total = 0.0;
    for entry in dir.flatten() {
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // Fields after the parenthesised command: state ppid … (utime is field 14).
        let Some(rest) = stat.rfind(')').map(|i| &stat[i + 1..]) else {
            continue;
        };
        let f: Vec<&str> = rest.split_whitespace().collect();
        if f.len() > 14 && f[1] == me {
            total += f[11..15]
                .iter()
                .filter_map(|v| v.parse::<f64>().ok())
                .sum::<f64>()
                / tick;
        }
    }
    total
}

/// Reduces a saved finding, writes `reduced.py` and its observations, re-verifies it
/// with the full per-program check, and records the outcome in `finding.json`.
pub fn reduce_finding(
    engines: &Engines,
    findings: &Findings,
    slug: &str,
    jobs: usize,
    seconds: f64,
) -> Result<(), String> {
    let mut meta = findings.meta(slug)?;
    let dir = findings.dir(slug);
    let original = std::fs::read_to_string(dir.join("original.py"))
        .map_err(|e| format!("{}: {e}", dir.display()))?;
    let sig = Signature::from_slug(slug).ok_or_else(|| format!("bad signature {slug:?}"))?;
    let scratch = std::env::temp_dir().join(format!("pyconform-reduce-{}", std::process::id()));
    eprintln!("reducing {slug} ({} lines)…", original.lines().count());
    let r = reduce(
        engines,
        &original,
        &sig,
        &ReduceConfig { jobs, seconds },
        &scratch,
    );
    let _ = std::fs::remove_dir_all(&scratch);
    meta.reduce_checks = Some(r.checks);
    meta.reduce_seconds = Some(r.seconds);
    if !r.reproduced {
        meta.status = Status::Flaky;
        meta.verified = Some(false);
        findings.write_meta(&meta)?;
        eprintln!("  {slug}: did not reproduce: flaky");
        return Ok(());
    }
    let reduced_path = dir.join("reduced.py");
    std::fs::write(&reduced_path, &r.source).map_err(|e| e.to_string())?;
    meta.reduced_lines = Some(r.source.lines().count());
    let verified = verify(engines, &reduced_path, &sig);
    meta.verified = Some(verified.is_ok());
    meta.status = Status::Reduced;
    // The observations of the reduced program, from the campaign's check.
    let layers = crate::fuzz::reduce::layers_for(&sig);
    if let Ok(case) = crate::fuzz::check::Case::write(&dir.join("reduced.py"), r.source.as_bytes())
        && let Some(c) = crate::fuzz::check::check_batch(engines, &[case], &layers).pop()
    {
        findings.write_observations(&dir, sig.layer, &c)?;
    }
    findings.write_meta(&meta)?;
    eprintln!(
        "  {slug}: {} → {} lines in {:.1} s ({} checks){}",
        meta.original_lines,
        r.source.lines().count(),
        r.seconds,
        r.checks,
        match &verified {
            Ok(()) => ", verified".to_owned(),
            Err(e) => format!(", NOT verified: {e}"),
        }
    );
    Ok(())
}

/// Checks `path` with the full per-program check (`pyconform diff`'s path) and
/// confirms `sig` is its signature.
pub fn verify(engines: &Engines, path: &Path, sig: &Signature) -> Result<(), String> {
    let program = Program::from_path(path).map_err(|e| e.to_string())?;
    // A poisoned check (a worker lost to a resource limit, e.g. one a reducer's last
    // candidate left behind) says nothing about the program: check once more.
    let mut outcome = Err(String::new());
    for _ in 0..2 {
        let result = check_program(engines, &program);
        let poisoned = poison(&result, &[]);
        outcome = match classify(&result, &poisoned) {
            Classified::Finding(s) if s == *sig => return Ok(()),
            Classified::Poisoned(p) => Err(format!("the full check says Poisoned({p:?})")),
            other => return Err(format!("the full check says {other:?}")),
        };
    }
    outcome
}
