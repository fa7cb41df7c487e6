//! `pyconform fuzz`: generated programs through both engines in parallel batches, a
//! live status line, poisoned cases counted apart, new signatures saved at once as
//! findings, and a state file (`reports/fuzz/seed-<S>.json`) that makes the campaign
//! resumable: program `i` is always `generate(S, i)`, and a restart continues from the
//! first index not yet checked, keeping every finding already recorded.

use super::check::{Case, Checked, LayerSet, check_batch};
use super::findings::{FindingMeta, Findings};
use super::generator::{GenConfig, generate};
use super::signature::{Classified, classify};
use crate::check::Engines;
use crate::outcome::{Layer, Outcome};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// When a campaign stops.
#[derive(Clone, Copy, Debug)]
pub enum Stop {
    Seconds(f64),
    Runs(u64),
}

/// A campaign's settings.
#[derive(Clone, Debug)]
pub struct CampaignConfig {
    pub seed: u64,
    pub stop: Stop,
    pub jobs: usize,
    pub layers: LayerSet,
    pub generator: GenConfig,
    /// Programs per worker round trip.
    pub batch: usize,
    /// The reports directory (state under `fuzz/`, findings under `findings/`).
    pub out: PathBuf,
    /// Start from index 0 even when a state file exists.
    pub fresh: bool,
    /// Stop early (asking for a restart) once this process's resident memory passes
    /// this many bytes: refvm leaks its VM's memory on every run, so a long campaign
    /// runs as a chain of processes (see [`Report::restart`]).
    pub max_rss: Option<u64>,
    /// Where the campaign began, when this process continues it after a restart.
    pub origin: Option<Origin>,
}

/// The start of a campaign that a chain of processes continues: the stop condition
/// and the "this run" counters refer to it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Origin {
    /// When the first process of the chain started (seconds since the Unix epoch).
    pub started_unix: f64,
    pub start_index: u64,
    pub start_runs: u64,
}

impl Origin {
    /// As carried in an environment variable across `exec`.
    pub fn encode(&self) -> String {
        format!(
            "{:.6},{},{}",
            self.started_unix, self.start_index, self.start_runs
        )
    }

    pub fn decode(s: &str) -> Option<Origin> {
        let mut it = s.split(',');
        let o = Origin {
            started_unix: it.next()?.parse().ok()?,
            start_index: it.next()?.parse().ok()?,
            start_runs: it.next()?.parse().ok()?,
        };
        it.next().is_none().then_some(o)
    }
}

fn unix_now() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64())
}

/// Resident memory of this process, in bytes (Linux; `None` elsewhere).
pub fn rss_bytes() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    // SAFETY: sysconf has no preconditions.
    let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    Some(pages * u64::try_from(page).ok()?)
}

/// Counters of a campaign (cumulative over resumptions).
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Totals {
    pub runs: u64,
    pub passed: u64,
    pub unsupported: u64,
    pub poisoned: u64,
    /// Cases with a finding (duplicates included).
    pub divergences: u64,
    /// Seconds spent fuzzing (not reducing).
    pub seconds: f64,
    /// Per layer, how many cases had each outcome.
    pub layer_outcomes: BTreeMap<String, BTreeMap<String, u64>>,
    /// Why cases were poisoned, with counts.
    pub poison_reasons: BTreeMap<String, u64>,
}

/// The resumable state of a campaign.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct State {
    pub seed: u64,
    /// The generator configuration and layers the indices refer to.
    pub generator: Option<GenConfig>,
    pub layers: String,
    /// Every index below this one has been checked.
    pub next_index: u64,
    pub totals: Totals,
    /// Signatures found by this campaign, with the first program that showed each.
    pub findings: BTreeMap<String, FindingRef>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct FindingRef {
    pub index: u64,
    pub count: u64,
}

impl State {
    pub fn path(out: &Path, seed: u64) -> PathBuf {
        out.join("fuzz").join(format!("seed-{seed}.json"))
    }

    pub fn load(path: &Path) -> Result<Option<State>, String> {
        match std::fs::read(path) {
            Ok(b) => serde_json::from_slice(&b)
                .map(Some)
                .map_err(|e| format!("{}: {e}", path.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(format!("{}: {e}", path.display())),
        }
    }

    /// Written to a temporary file and renamed: a crash never leaves half a state.
    pub fn save(&self, path: &Path) -> Result<(), String> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        let tmp = path.with_extension("json.tmp");
        let text = serde_json::to_vec_pretty(self).map_err(|e| e.to_string())?;
        std::fs::write(&tmp, text).map_err(|e| format!("{}: {e}", tmp.display()))?;
        std::fs::rename(&tmp, path).map_err(|e| format!("{}: {e}", path.display()))
    }
}

/// Progress shared by the campaign's threads.
struct Shared {
    state: State,
    /// Indices at or above `state.next_index` already checked.
    done_above: BTreeSet<u64>,
    /// Signatures new in this run, in order of discovery (to reduce afterwards).
    new_findings: Vec<String>,
}

/// What a finished campaign reports.
pub struct Report {
    pub state: State,
    pub new_findings: Vec<String>,
    /// Since the campaign's origin (over every process of the chain).
    pub wall: Duration,
    pub runs_this_time: u64,
    /// Programs checked by this process.
    pub runs_this_process: u64,
    /// The memory bound stopped this process before the campaign's end: the caller
    /// continues the campaign in a fresh process with [`Report::origin`].
    pub restart: bool,
    pub origin: Origin,
}

/// Runs a campaign until `stop`, then returns (findings are saved as they appear;
/// reducing them is the caller's next step).
pub fn run(engines: &Engines, cfg: &CampaignConfig, findings: &Findings) -> Result<Report, String> {
    let state_path = State::path(&cfg.out, cfg.seed);
    let layers_str = cfg.layers.to_string();
    let mut state = match (cfg.fresh, State::load(&state_path)?) {
        (false, Some(s))
            if s.generator.as_ref() == Some(&cfg.generator) && s.layers == layers_str =>
        {
            eprintln!(
                "resuming seed {} at program {} ({} runs, {} findings so far)",
                cfg.seed,
                s.next_index,
                s.totals.runs,
                s.findings.len()
            );
            s
        }
        (false, Some(_)) => {
            return Err(format!(
                "{} belongs to a campaign with another generator config or layer set: \
                 use another --seed, the same settings, or --fresh",
                state_path.display()
            ));
        }
        _ => State {
            seed: cfg.seed,
            generator: Some(cfg.generator.clone()),
            layers: layers_str,
            ..State::default()
        },
    };
    let origin = cfg.origin.unwrap_or(Origin {
        started_unix: unix_now(),
        start_index: state.next_index,
        start_runs: state.totals.runs,
    });
    let start_index = origin.start_index;
    let start_runs = origin.start_runs;
    let process_runs = state.totals.runs;
    let base_seconds = state.totals.seconds;
    let resume_index = state.next_index;
    state.generator = Some(cfg.generator.clone());
    let shared = Mutex::new(Shared {
        state,
        done_above: BTreeSet::new(),
        new_findings: Vec::new(),
    });
    let next = AtomicU64::new(resume_index);
    let stop = AtomicBool::new(false);
    let restart = AtomicBool::new(false);
    let process_started = Instant::now();
    // The campaign's clock starts at its origin, in an earlier process of the chain.
    let already = Duration::from_secs_f64((unix_now() - origin.started_unix).max(0.0));
    let started = process_started
        .checked_sub(already)
        .unwrap_or(process_started);
    let scratch = scratch_dir()?;
    let jobs = cfg.jobs.max(1);
    let batch = cfg.batch.max(1) as u64;
    let run_limit = match cfg.stop {
        Stop::Runs(n) => Some(start_index + n),
        Stop::Seconds(_) => None,
    };
    let deadline = match cfg.stop {
        Stop::Seconds(s) => Some(started + Duration::from_secs_f64(s.max(0.0))),
        Stop::Runs(_) => None,
    };
    let status = Status::new();
    std::thread::scope(|scope| -> Result<(), String> {
        let mut handles = Vec::new();
        for t in 0..jobs {
            let (shared, next, stop, scratch, status) = (&shared, &next, &stop, &scratch, &status);
            handles.push(scope.spawn(move || -> Result<(), String> {
                let dir = scratch.join(format!("t{t}"));
                std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
                loop {
                    if stop.load(Ordering::Relaxed) || deadline.is_some_and(|d| Instant::now() >= d)
                    {
                        return Ok(());
                    }
                    let first = next.fetch_add(batch, Ordering::Relaxed);
                    let last = match run_limit {
                        Some(l) if first >= l => return Ok(()),
                        Some(l) => (first + batch).min(l),
                        None => first + batch,
                    };
                    let cases: Vec<(u64, Case)> = (first..last)
                        .map(|i| {
                            let g = generate(cfg.seed, i, &cfg.generator);
                            let path = dir.join(format!("p{}.py", i - first));
                            Case::write(&path, g.source.as_bytes()).map(|c| (i, c))
                        })
                        .collect::<Result<_, _>>()
                        .map_err(|e| format!("writing a program: {e}"))?;
                    let only: Vec<Case> = cases.iter().map(|(_, c)| c.clone()).collect();
                    let checked = check_batch(engines, &only, &cfg.layers);
                    let mut sh = shared.lock().unwrap_or_else(|p| p.into_inner());
                    for ((i, case), c) in cases.iter().zip(&checked) {
                        record(&mut sh, *i, case, c, cfg, findings)?;
                    }
                    drop(sh);
                    status.maybe_print(shared, started, start_runs, false);
                }
            }));
        }
        // Persist progress every couple of seconds while the workers run.
        let mut last_save = Instant::now();
        while handles.iter().any(|h| !h.is_finished()) {
            std::thread::sleep(Duration::from_millis(100));
            status.maybe_print(&shared, started, start_runs, false);
            if let Some(max) = cfg.max_rss
                && !stop.load(Ordering::Relaxed)
                && rss_bytes().is_some_and(|b| b > max)
            {
                // The threads finish their batches; the caller restarts the process.
                restart.store(true, Ordering::Relaxed);
                stop.store(true, Ordering::Relaxed);
            }
            if last_save.elapsed() > Duration::from_secs(2) {
                let mut sh = shared.lock().unwrap_or_else(|p| p.into_inner());
                sh.state.totals.seconds = base_seconds + process_started.elapsed().as_secs_f64();
                sh.state.save(&state_path)?;
                last_save = Instant::now();
            }
        }
        let mut first_err = None;
        for h in handles {
            match h.join() {
                Ok(Ok(())) => {}
                Ok(Err(e)) => {
                    stop.store(true, Ordering::Relaxed);
                    first_err.get_or_insert(e);
                }
                Err(_) => {
                    first_err.get_or_insert("a campaign thread panicked".to_owned());
                }
            }
        }
        first_err.map_or(Ok(()), Err)
    })?;
    let _ = std::fs::remove_dir_all(&scratch);
    let mut sh = shared.into_inner().unwrap_or_else(|p| p.into_inner());
    sh.state.totals.seconds = base_seconds + process_started.elapsed().as_secs_f64();
    sh.state.save(&state_path)?;
    let restart = restart.load(Ordering::Relaxed);
    if !restart {
        status.print_final(
            &sh.state,
            started.elapsed(),
            sh.state.totals.runs - start_runs,
        );
    }
    Ok(Report {
        runs_this_time: sh.state.totals.runs - start_runs,
        runs_this_process: sh.state.totals.runs - process_runs,
        state: sh.state,
        new_findings: sh.new_findings,
        wall: started.elapsed(),
        restart,
        origin,
    })
}

/// Books one checked case: counters, the resume watermark, and a new finding's files.
fn record(
    sh: &mut Shared,
    index: u64,
    case: &Case,
    c: &Checked,
    cfg: &CampaignConfig,
    findings: &Findings,
) -> Result<(), String> {
    let t = &mut sh.state.totals;
    t.runs += 1;
    for (layer, v) in &c.result.layers {
        *t.layer_outcomes
            .entry(layer.to_string())
            .or_default()
            .entry(v.outcome.to_string())
            .or_default() += 1;
    }
    match classify(&c.result, &c.poison) {
        Classified::Pass => t.passed += 1,
        Classified::Unsupported => t.unsupported += 1,
        Classified::Poisoned(why) => {
            t.poisoned += 1;
            *t.poison_reasons.entry(why).or_default() += 1;
        }
        Classified::Finding(sig) => {
            t.divergences += 1;
            let slug = sig.slug();
            match sh.state.findings.get_mut(&slug) {
                Some(f) => f.count += 1,
                None => {
                    let known_before = findings.exists(&slug);
                    sh.state
                        .findings
                        .insert(slug.clone(), FindingRef { index, count: 1 });
                    if !known_before {
                        findings.save_new(
                            &sig,
                            &String::from_utf8_lossy(&case.source),
                            c,
                            FindingMeta::new(&sig, cfg.seed, index),
                        )?;
                        sh.new_findings.push(slug);
                    }
                }
            }
        }
    }
    // Advance the watermark over every contiguous checked index.
    if index == sh.state.next_index {
        sh.state.next_index += 1;
        while sh.done_above.remove(&sh.state.next_index) {
            sh.state.next_index += 1;
        }
    } else if index > sh.state.next_index {
        sh.done_above.insert(index);
    }
    Ok(())
}

/// A private scratch directory for the programs being checked.
fn scratch_dir() -> Result<PathBuf, String> {
    let base = if Path::new("/dev/shm").is_dir() {
        PathBuf::from("/dev/shm")
    } else {
        std::env::temp_dir()
    };
    let dir = base.join(format!("pyconform-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    Ok(dir)
}

/// The live status line (stderr; a line every 10 s when stderr is not a terminal).
struct Status {
    tty: bool,
    last: Mutex<Instant>,
}

impl Status {
    fn new() -> Self {
        Status {
            tty: std::io::stderr().is_terminal(),
            last: Mutex::new(Instant::now()),
        }
    }

    fn maybe_print(&self, shared: &Mutex<Shared>, started: Instant, start_runs: u64, force: bool) {
        let every = if self.tty {
            Duration::from_millis(250)
        } else {
            Duration::from_secs(10)
        };
        {
            let mut last = self.last.lock().unwrap_or_else(|p| p.into_inner());
            if !force && last.elapsed() < every {
                return;
            }
            *last = Instant::now();
        }
        let sh = shared.lock().unwrap_or_else(|p| p.into_inner());
        let line = status_line(
            &sh.state,
            started.elapsed(),
            sh.state.totals.runs - start_runs,
        );
        drop(sh);
        if self.tty {
            eprint!("\r\x1b[2K{line}");
        } else {
            eprintln!("{line}");
        }
    }

    fn print_final(&self, state: &State, wall: Duration, runs_now: u64) {
        let line = status_line(state, wall, runs_now);
        if self.tty {
            eprintln!("\r\x1b[2K{line}");
        } else {
            eprintln!("{line}");
        }
    }
}

fn status_line(state: &State, wall: Duration, runs_now: u64) -> String {
    let t = &state.totals;
    let secs = wall.as_secs_f64().max(1e-9);
    let pct = |n: u64| 100.0 * n as f64 / t.runs.max(1) as f64;
    format!(
        "[{:>6.0}s] runs {} ({:.0}/s) · divergences {} · unique findings {} · poisoned {} ({:.1}%) · unsupported {:.0}%",
        secs,
        t.runs,
        runs_now as f64 / secs,
        t.divergences,
        state.findings.len(),
        t.poisoned,
        pct(t.poisoned),
        pct(t.unsupported),
    )
}

/// A one-screen summary of a campaign's totals.
pub fn summary(state: &State) -> String {
    let t = &state.totals;
    let mut s = format!(
        "seed {} · {} runs in {:.1} s ({:.0} runs/s) · passed {} · unsupported {} · poisoned {} ({:.2}%) · divergences {} · unique findings {}\n",
        state.seed,
        t.runs,
        t.seconds,
        t.runs as f64 / t.seconds.max(1e-9),
        t.passed,
        t.unsupported,
        t.poisoned,
        100.0 * t.poisoned as f64 / t.runs.max(1) as f64,
        t.divergences,
        state.findings.len()
    );
    for layer in Layer::ALL {
        if let Some(counts) = t.layer_outcomes.get(layer.as_str()) {
            let parts: Vec<String> = Outcome::ALL
                .iter()
                .filter_map(|o| counts.get(o.as_str()).map(|n| format!("{o} {n}")))
                .collect();
            s.push_str(&format!("  {:<9} {}\n", layer.as_str(), parts.join(", ")));
        }
    }
    for (why, n) in &t.poison_reasons {
        s.push_str(&format!("  poisoned: {why} ×{n}\n"));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_cross_exec_intact() {
        let o = Origin {
            started_unix: 1_795_000_000.25,
            start_index: 12_345,
            start_runs: 678,
        };
        assert_eq!(Origin::decode(&o.encode()), Some(o));
        assert_eq!(Origin::decode("1.0,2"), None);
        assert_eq!(Origin::decode("1.0,2,3,4"), None);
        assert!(rss_bytes().is_some_and(|b| b > 0));
    }
}
