//! refvm's side of a campaign on one long-lived big-stack thread per calling thread:
//! every batch of a campaign (or reducer) thread runs on the same runner thread, and
//! every program's run executes on it directly ([`RefvmEngine::run_here`]), instead
//! of a fresh thread per batch and another per run. A fresh thread starts with a fresh
//! allocator heap whose pages the kernel faults in and zeroes (2 MiB at a time with
//! transparent huge pages): that was most of a small program's refvm time.
//!
//! Isolation is kept: a job that does not answer within its limit is abandoned with
//! its thread (the next job starts a new one), and a thread whose job ended without an
//! answer (a panic outside the fences) is replaced too.
//!
//! [`RefvmEngine::run_here`]: crate::engine::refvm::RefvmEngine::run_here

use crate::engine::refvm::REFVM_STACK;
use crate::outcome::Outcome;
use std::cell::RefCell;
use std::sync::mpsc;
use std::time::{Duration, Instant};

type Job = Box<dyn FnOnce() + Send + 'static>;

thread_local! {
    /// This thread's runner: the sending end of its job queue.
    static RUNNER: RefCell<Option<mpsc::Sender<Job>>> = const { RefCell::new(None) };
}

/// Stack of a runner thread: runs execute on it directly, so it is as large as the
/// stack `refvm_runtime::run` gives its own run threads (reserved, committed lazily).
pub const RUNNER_STACK: usize = if REFVM_STACK > 512 << 20 {
    REFVM_STACK
} else {
    512 << 20
};

fn start() -> Option<mpsc::Sender<Job>> {
    let (tx, rx) = mpsc::channel::<Job>();
    std::thread::Builder::new()
        .name("refvm-runner".into())
        .stack_size(RUNNER_STACK)
        .spawn(move || {
            // Ends when the queue's sender is dropped (the caller's thread ended or
            // abandoned this runner).
            for job in rx {
                job();
            }
        })
        .map_err(|e| eprintln!("pyconform: cannot start a refvm runner thread: {e}"))
        .ok()?;
    Some(tx)
}

/// A job submitted to this thread's runner, not yet answered.
pub struct Pending<T> {
    answer: mpsc::Receiver<T>,
    deadline: Instant,
}

/// Queues `f` on this thread's runner (it runs after the jobs queued before it);
/// `limit` counts from now. Wait for the answer with [`Pending::wait`], on this thread.
pub fn submit<T: Send + 'static>(
    limit: Duration,
    f: impl FnOnce() -> T + Send + 'static,
) -> Pending<T> {
    let (answer_tx, answer) = mpsc::channel();
    let job: Job = Box::new(move || {
        let _ = answer_tx.send(f());
    });
    RUNNER.with(|r| {
        let mut r = r.borrow_mut();
        // A runner whose thread is gone refuses the job: start another and retry once.
        // When no thread can be started the job is dropped, and `wait` says so.
        let mut job = Some(job);
        for _ in 0..2 {
            if r.is_none() {
                *r = start();
            }
            let (Some(tx), Some(j)) = (r.as_ref(), job.take()) else {
                return;
            };
            match tx.send(j) {
                Ok(()) => return,
                Err(mpsc::SendError(back)) => {
                    job = Some(back);
                    *r = None;
                }
            }
        }
    });
    Pending {
        answer,
        deadline: Instant::now() + limit,
    }
}

impl<T> Pending<T> {
    /// The answer, or why there is none (the runner thread is then abandoned).
    pub fn wait(self) -> Result<T, (Outcome, String)> {
        let left = self.deadline.saturating_duration_since(Instant::now());
        self.answer.recv_timeout(left).map_err(|e| {
            // Abandon this runner: its thread is stuck in (or died in) the job.
            RUNNER.with(|r| *r.borrow_mut() = None);
            match e {
                mpsc::RecvTimeoutError::Timeout => (
                    Outcome::Timeout,
                    "refvm did not return in time (its thread was abandoned)".to_owned(),
                ),
                mpsc::RecvTimeoutError::Disconnected => (
                    Outcome::Panic,
                    "the refvm thread ended without a result".to_owned(),
                ),
            }
        })
    }
}

/// [`submit`] and [`Pending::wait`].
pub fn run<T: Send + 'static>(
    limit: Duration,
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, (Outcome, String)> {
    submit(limit, f).wait()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jobs_share_one_thread_until_one_hangs() {
        let id = || std::thread::current().id();
        let a = run(Duration::from_secs(5), id).unwrap();
        let b = run(Duration::from_secs(5), id).unwrap();
        assert_eq!(a, b, "consecutive jobs run on the same thread");
        assert_ne!(a, std::thread::current().id());
        let start = Instant::now();
        let hung = run(Duration::from_millis(50), || {
            std::thread::sleep(Duration::from_secs(3))
        });
        assert_eq!(hung.map_err(|e| e.0), Err(Outcome::Timeout));
        assert!(start.elapsed() < Duration::from_secs(2));
        // The stuck thread is abandoned: the next job gets a new one.
        let c = run(Duration::from_secs(5), id).unwrap();
        assert_ne!(a, c);
        // A job that dies without answering costs its thread too, not the next job.
        let died = run(Duration::from_secs(5), || -> u8 {
            std::panic::resume_unwind(Box::new("expected in this test"))
        });
        assert_eq!(died.map_err(|e| e.0), Err(Outcome::Panic));
        assert_eq!(run(Duration::from_secs(5), || 7).ok(), Some(7));
    }
}
