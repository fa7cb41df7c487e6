//! The parent's side of the CPython workers: spawning (pipes on fds 3/4, resource limits
//! in `pre_exec`), the start-up handshake that pins the interpreter version, requests
//! with a wall-clock deadline, and replacing workers that die, hang or are due for
//! recycling.

use super::child::{READY, REQUEST_FD, RESPONSE_FD};
use super::frame::{FrameError, FrameReader, write_frame};
use super::protocol::{HelloResponse, Request};
use crate::outcome::Outcome;
use serde::de::DeserializeOwned;
use std::fs::File;
use std::io::{self, Read};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock, mpsc};
use std::time::{Duration, Instant};

/// `hash('abc')` under `PYTHONHASHSEED=0` (checked at every worker start).
pub const HASH_ABC_SEED0: i64 = -4594863902769663758;

/// How workers are started and limited.
#[derive(Clone, Debug)]
pub struct WorkerConfig {
    /// The binary to run as `EXE __worker` (normally the running `pyconform`).
    pub exe: PathBuf,
    /// Per-request wall-clock limit; the worker is killed when it passes.
    pub timeout: Duration,
    /// `RLIMIT_AS` of each worker, in bytes.
    pub address_space: Option<u64>,
    /// Replace a worker after it served this many requests.
    pub recycle_after: usize,
    /// The `python3` on PATH: its `sys.version` and how it encodes stdout/stderr.
    pub python: PythonInfo,
}

/// Facts about the oracle `python3` the embedded interpreter must match.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PythonInfo {
    pub version: String,
    pub stdout_encoding: String,
    pub stdout_errors: String,
    pub stderr_errors: String,
}

impl PythonInfo {
    /// Asks `python3` on PATH (stdout a pipe, `PYTHONHASHSEED=0`, as the oracle runs).
    pub fn query() -> Result<PythonInfo, String> {
        let out = Command::new("python3")
            .args([
                "-c",
                "import sys\nprint(repr(sys.version))\nprint(sys.stdout.encoding)\n\
                 print(sys.stdout.errors)\nprint(sys.stderr.errors)",
            ])
            .env("PYTHONHASHSEED", "0")
            .stdin(Stdio::null())
            .stderr(Stdio::piped())
            .output()
            .map_err(|e| format!("cannot run python3: {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "python3 failed: {}",
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        let text = String::from_utf8_lossy(&out.stdout);
        let lines: Vec<&str> = text.lines().collect();
        let [version, enc, errors, err_errors] = lines[..] else {
            return Err(format!("unexpected python3 output: {text:?}"));
        };
        let version = version
            .strip_prefix('\'')
            .and_then(|v| v.strip_suffix('\''))
            .ok_or_else(|| format!("unexpected sys.version repr {version:?}"))?;
        Ok(PythonInfo {
            version: version.to_owned(),
            stdout_encoding: enc.to_owned(),
            stdout_errors: errors.to_owned(),
            stderr_errors: err_errors.to_owned(),
        })
    }
}

/// Why a request produced no answer: the program's outcome and a description.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    pub outcome: Outcome,
    pub detail: String,
}

/// One live worker process.
struct Worker {
    child: Child,
    requests: File,
    responses: FrameReader,
    served: usize,
    stderr_tail: Arc<Mutex<Vec<u8>>>,
    /// An answer was read and the worker's ready frame (after its cleanup) is not yet.
    ready_pending: bool,
}

const STDERR_TAIL: usize = 4096;

fn pipe() -> io::Result<(OwnedFd, OwnedFd)> {
    let mut fds = [0; 2];
    // SAFETY: fds is a valid two-element array.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: pipe2 just returned two descriptors nobody else owns.
    Ok(unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) })
}

impl Worker {
    fn spawn(cfg: &WorkerConfig) -> io::Result<Worker> {
        let (req_read, req_write) = pipe()?;
        let (resp_read, resp_write) = pipe()?;
        let (child_req, child_resp) = (req_read.as_raw_fd(), resp_write.as_raw_fd());
        let address_space = cfg.address_space;
        let mut cmd = Command::new(&cfg.exe);
        cmd.arg("__worker")
            .env("PYTHONHASHSEED", "0")
            .env("PYTHONDONTWRITEBYTECODE", "1")
            .env_remove("PYTHONSTARTUP")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        // SAFETY: the closure only makes async-signal-safe system calls.
        unsafe {
            cmd.pre_exec(move || {
                // Move the pipe ends out of the way first, then onto fds 3 and 4
                // (dup2 clears close-on-exec on the copies).
                let a = libc::fcntl(child_req, libc::F_DUPFD_CLOEXEC, 10);
                let b = libc::fcntl(child_resp, libc::F_DUPFD_CLOEXEC, 10);
                if a < 0 || b < 0 || libc::dup2(a, REQUEST_FD) < 0 || libc::dup2(b, RESPONSE_FD) < 0
                {
                    return Err(io::Error::last_os_error());
                }
                libc::close(a);
                libc::close(b);
                // Own process group: killing the worker kills what its programs spawned.
                libc::setpgid(0, 0);
                // Die with the parent; never dump core.
                libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
                let no_core = libc::rlimit {
                    rlim_cur: 0,
                    rlim_max: 0,
                };
                libc::setrlimit(libc::RLIMIT_CORE, &no_core);
                if let Some(bytes) = address_space {
                    let lim = libc::rlimit {
                        rlim_cur: bytes,
                        rlim_max: bytes,
                    };
                    if libc::setrlimit(libc::RLIMIT_AS, &lim) != 0 {
                        return Err(io::Error::last_os_error());
                    }
                }
                Ok(())
            });
        }
        let mut child = spawn_from_lasting_thread(cmd)?;
        drop(req_read);
        drop(resp_write);
        let stderr_tail = Arc::new(Mutex::new(Vec::new()));
        if let Some(mut err) = child.stderr.take() {
            let tail = Arc::clone(&stderr_tail);
            std::thread::spawn(move || {
                let mut buf = [0u8; 8192];
                while let Ok(n) = err.read(&mut buf) {
                    if n == 0 {
                        break;
                    }
                    let mut t = tail.lock().unwrap_or_else(|p| p.into_inner());
                    t.extend_from_slice(&buf[..n]);
                    if t.len() > STDERR_TAIL {
                        let cut = t.len() - STDERR_TAIL;
                        t.drain(..cut);
                    }
                }
            });
        }
        Ok(Worker {
            child,
            requests: File::from(req_write),
            responses: FrameReader::new(File::from(resp_read)),
            served: 0,
            stderr_tail,
            ready_pending: false,
        })
    }

    fn call(&mut self, request: &[u8], timeout: Duration) -> Result<Vec<u8>, FrameError> {
        self.served += 1;
        let deadline = Instant::now() + timeout;
        write_frame(&mut self.requests, request).map_err(|e| match e.kind() {
            io::ErrorKind::BrokenPipe => FrameError::Eof,
            _ => FrameError::Io(e),
        })?;
        let answer = self.responses.read_frame_deadline(deadline)?;
        self.ready_pending = true;
        Ok(answer)
    }

    /// Waits for the ready frame the worker writes once it has cleaned up after its
    /// last answer. False when it did not come in time or was not that frame (the
    /// worker hung or died in the cleanup: it must be replaced).
    fn await_ready(&mut self, timeout: Duration) -> bool {
        if !self.ready_pending {
            return true;
        }
        match self.responses.read_frame_deadline(Instant::now() + timeout) {
            Ok(frame) if frame == READY => {
                self.ready_pending = false;
                true
            }
            _ => false,
        }
    }

    /// Kills the worker (and its process group) and says how it had ended. When the
    /// worker is expected to be dying already (its pipe closed), waits briefly for its
    /// exit status first.
    fn kill(mut self, dying: bool) -> String {
        let pid = self.child.id() as i32;
        let mut ended = None;
        let patience = if dying { 200 } else { 0 };
        for _ in 0..=patience {
            if let Ok(Some(status)) = self.child.try_wait() {
                ended = Some(status);
                break;
            }
            if patience > 0 {
                std::thread::sleep(Duration::from_millis(1));
            }
        }
        // SAFETY: signalling our own child's process group (it called setpgid(0, 0)).
        unsafe { libc::kill(-pid, libc::SIGKILL) };
        if ended.is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        let how = ended.map_or_else(|| "worker killed by the harness".to_owned(), describe_exit);
        if !dying {
            return how;
        }
        // Give the stderr thread a moment to drain what the worker wrote last.
        std::thread::sleep(Duration::from_millis(2));
        let tail = self
            .stderr_tail
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        let tail = String::from_utf8_lossy(&tail);
        let tail = tail.trim();
        if tail.is_empty() {
            how
        } else {
            format!("{how}; its stderr ended with:\n{tail}")
        }
    }

    /// Waits for a worker that is exiting by itself (after an output-limit answer).
    fn reap(mut self) {
        let deadline = Instant::now() + Duration::from_secs(2);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        let _ = self.kill(false);
    }
}

/// Spawns `cmd` from a thread that lives as long as the process. A worker's
/// `PR_SET_PDEATHSIG` fires when the *thread* that forked it ends, not the process
/// (prctl(2)): a worker started lazily by a short-lived thread (a reducer's batch
/// thread, a refvm thread compiling an import, a campaign thread) was killed with that
/// thread and then found dead in the idle pool by the next request ("CPython's worker
/// died running the program" on a one-line program).
fn spawn_from_lasting_thread(cmd: Command) -> io::Result<Child> {
    type Job = (Command, mpsc::Sender<io::Result<Child>>);
    static SPAWNER: OnceLock<Option<Mutex<mpsc::Sender<Job>>>> = OnceLock::new();
    let spawner = SPAWNER.get_or_init(|| {
        let (tx, rx) = mpsc::channel::<Job>();
        std::thread::Builder::new()
            .name("worker-spawner".into())
            .spawn(move || {
                for (mut cmd, reply) in rx {
                    let _ = reply.send(cmd.spawn());
                }
            })
            .ok()
            .map(|_| Mutex::new(tx))
    });
    let Some(spawner) = spawner else {
        return Err(io::Error::other("cannot start the worker-spawner thread"));
    };
    let (reply, answer) = mpsc::channel();
    spawner
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .send((cmd, reply))
        .map_err(|_| io::Error::other("the worker-spawner thread is gone"))?;
    answer
        .recv()
        .map_err(|_| io::Error::other("the worker-spawner thread is gone"))?
}

fn describe_exit(status: std::process::ExitStatus) -> String {
    if let Some(sig) = status.signal() {
        let name = match sig {
            libc::SIGSEGV => " (SIGSEGV)",
            libc::SIGABRT => " (SIGABRT)",
            libc::SIGBUS => " (SIGBUS)",
            libc::SIGKILL => " (SIGKILL)",
            libc::SIGILL => " (SIGILL)",
            libc::SIGFPE => " (SIGFPE)",
            _ => "",
        };
        format!("worker killed by signal {sig}{name}")
    } else {
        format!("worker exited with status {}", status.code().unwrap_or(-1))
    }
}

/// A set of CPython workers shared by the threads of a run.
pub struct Pool {
    cfg: WorkerConfig,
    idle: Mutex<Vec<Worker>>,
    /// What the first worker reported at its handshake.
    pub hello: HelloResponse,
    spawned: AtomicUsize,
}

impl Pool {
    /// Starts one worker and checks that its interpreter is the oracle's.
    pub fn new(cfg: WorkerConfig) -> Result<Pool, String> {
        let (worker, hello) = start(&cfg)?;
        Ok(Pool {
            cfg,
            idle: Mutex::new(vec![worker]),
            hello,
            spawned: AtomicUsize::new(1),
        })
    }

    pub fn config(&self) -> &WorkerConfig {
        &self.cfg
    }

    /// How many worker processes this pool has started.
    pub fn spawned(&self) -> usize {
        self.spawned.load(Ordering::Relaxed)
    }

    /// Sends one request and decodes the answer. `retire` says, from the answer, that
    /// the worker has ended itself. A timeout, a dead worker or a garbled answer is a
    /// [`Failure`]; the worker is then replaced (lazily, by the next request).
    pub fn call<T: DeserializeOwned>(
        &self,
        request: &Request<'_>,
        retire: impl Fn(&T) -> bool,
    ) -> Result<T, Failure> {
        self.call_within(request, retire, self.cfg.timeout)
    }

    /// [`Pool::call`] with its own deadline (a batch of requests gets more time).
    pub fn call_within<T: DeserializeOwned>(
        &self,
        request: &Request<'_>,
        retire: impl Fn(&T) -> bool,
        timeout: Duration,
    ) -> Result<T, Failure> {
        let bytes = serde_json::to_vec(request).map_err(|e| Failure {
            outcome: Outcome::Crash,
            detail: format!("cannot encode the request: {e}"),
        })?;
        let mut worker = self.acquire()?;
        match worker.call(&bytes, timeout) {
            Ok(answer) => match serde_json::from_slice::<T>(&answer) {
                Ok(value) => {
                    if retire(&value) {
                        worker.reap();
                    } else {
                        self.release(worker);
                    }
                    Ok(value)
                }
                Err(e) => {
                    let how = worker.kill(true);
                    Err(Failure {
                        outcome: Outcome::Crash,
                        detail: format!("garbled worker answer ({e}); {how}"),
                    })
                }
            },
            Err(FrameError::Timeout) => {
                let how = worker.kill(false);
                Err(Failure {
                    outcome: Outcome::Timeout,
                    detail: format!("no answer within {:.1} s; {how}", timeout.as_secs_f64()),
                })
            }
            Err(e) => {
                let how = worker.kill(true);
                Err(Failure {
                    outcome: Outcome::Crash,
                    detail: format!("{e}: {how}"),
                })
            }
        }
    }

    /// Waits until every idle worker has finished cleaning up after its last request
    /// (a measurement starts its clock after this, as a run's requests normally find
    /// their worker ready). Workers that do not become ready are replaced lazily.
    pub fn settle(&self) {
        let mut idle = self.idle.lock().unwrap_or_else(|p| p.into_inner());
        let workers = std::mem::take(&mut *idle);
        for mut w in workers {
            if w.await_ready(self.cfg.timeout) {
                idle.push(w);
            } else {
                let _ = w.kill(false);
            }
        }
    }

    fn acquire(&self) -> Result<Worker, Failure> {
        loop {
            let Some(mut w) = self.idle.lock().unwrap_or_else(|p| p.into_inner()).pop() else {
                break;
            };
            if w.await_ready(self.cfg.timeout) {
                return Ok(w);
            }
            // The cleanup after its last program hung or killed it: that program's
            // answer is already in; the next one gets a fresh worker.
            let _ = w.kill(false);
        }
        self.spawned.fetch_add(1, Ordering::Relaxed);
        let (mut w, _) = start(&self.cfg).map_err(|e| Failure {
            outcome: Outcome::Crash,
            detail: format!("cannot start a worker: {e}"),
        })?;
        if w.await_ready(self.cfg.timeout) {
            return Ok(w);
        }
        let how = w.kill(true);
        Err(Failure {
            outcome: Outcome::Crash,
            detail: format!("cannot start a worker: no ready frame after the handshake; {how}"),
        })
    }

    fn release(&self, worker: Worker) {
        if worker.served >= self.cfg.recycle_after {
            let _ = worker.kill(false);
            return;
        }
        self.idle
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(worker);
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        let idle = std::mem::take(&mut *self.idle.lock().unwrap_or_else(|p| p.into_inner()));
        for w in idle {
            let _ = w.kill(false);
        }
    }
}

/// Spawns a worker and does the handshake: the embedded `sys.version` must equal the
/// oracle's, and hashing must be unrandomised.
fn start(cfg: &WorkerConfig) -> Result<(Worker, HelloResponse), String> {
    let mut worker =
        Worker::spawn(cfg).map_err(|e| format!("spawning {}: {e}", cfg.exe.display()))?;
    let hello = Request::Hello {
        stdout_encoding: &cfg.python.stdout_encoding,
        stdout_errors: &cfg.python.stdout_errors,
        stderr_errors: &cfg.python.stderr_errors,
        resp_fd: RESPONSE_FD,
    };
    let bytes = serde_json::to_vec(&hello).map_err(|e| e.to_string())?;
    let answer = match worker.call(&bytes, Duration::from_secs(60)) {
        Ok(a) => a,
        Err(e) => {
            let how = worker.kill(true);
            return Err(format!("worker handshake failed ({e}): {how}"));
        }
    };
    worker.served = 0;
    let hello: HelloResponse =
        serde_json::from_slice(&answer).map_err(|e| format!("bad handshake: {e}"))?;
    if hello.version != cfg.python.version {
        let _ = worker.kill(false);
        return Err(format!(
            "the embedded CPython is not the oracle: worker sys.version is {:?} (libpython {}), \
             `python3` on PATH is {:?}. Rebuild pyconform against that python3 \
             (PYO3_PYTHON=$(command -v python3)).",
            hello.version, hello.libpython, cfg.python.version
        ));
    }
    if hello.hash_randomization != 0 || hello.hash_abc != HASH_ABC_SEED0 {
        let _ = worker.kill(false);
        return Err(format!(
            "the worker's hashing is randomised (hash('abc') = {}): PYTHONHASHSEED=0 did not take",
            hello.hash_abc
        ));
    }
    // refvm imports what this CPython has imported before a program as if at start-up.
    refvm_runtime::gc::startup::set_startup_modules(Some(hello.modules.clone()));
    Ok((worker, hello))
}
