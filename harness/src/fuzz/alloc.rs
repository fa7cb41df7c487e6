//! Memory settings for the fuzz and reduce commands, which create a VM, a parser memo
//! table and a compiler's buffers every millisecond or so:
//! - no transparent huge pages: refvm leaks each run's VM (by design, see
//!   `refvm_runtime::run`), so every run touches fresh memory, and with mimalloc's
//!   huge-page segments each first touch made the kernel zero 2 MiB
//!   (`clear_page_erms` under `MemoTable::new`, `Vm::new`: half of refvm's CPU per
//!   small program, and a varying share, as huge pages come and go on a busy machine);
//! - mimalloc keeps the pages a run freed instead of purging them (`madvise`) 10 ms
//!   later, so a freed page that is reused is not faulted in and zeroed again.
//!
//! The memory a campaign process holds is bounded separately (`--max-rss-mib`: the
//! campaign continues in a fresh process past it).

use std::ffi::{c_int, c_long};

// Linked from the `mimalloc` crate's bundled library (v2), the global allocator of the
// `pyconform` binary. Referenced so the library is linked into test binaries too.
use mimalloc as _;

unsafe extern "C" {
    fn mi_option_set(option: c_int, value: c_long);
    fn mi_option_get(option: c_int) -> c_long;
}

/// `mi_option_purge_delay` in mimalloc v2's `mi_option_e` (its 16th entry): how many
/// milliseconds freed memory waits before it is purged; -1: never.
const MI_OPTION_PURGE_DELAY: c_int = 15;

/// The environment variable mimalloc reads at start-up for the same option (the
/// CPython workers are this binary too: they inherit it).
const PURGE_DELAY_ENV: &str = "MIMALLOC_PURGE_DELAY";

/// The purge delay in effect, in ms (-1: never).
pub fn purge_delay_ms() -> i64 {
    // SAFETY: mi_option_get reads an option; any option number is accepted.
    i64::from(unsafe { mi_option_get(MI_OPTION_PURGE_DELAY) })
}

/// This process (and the worker processes it starts afterwards, which inherit both
/// settings) uses no transparent huge pages and keeps the pages it frees. Call before
/// any other thread starts: it sets an environment variable.
pub fn tune_for_many_runs() {
    // SAFETY: prctl with PR_SET_THP_DISABLE takes plain integers; failure (an old
    // kernel) only leaves huge pages on.
    unsafe { libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0) };
    // SAFETY: mi_option_set stores an option value; mimalloc reads it at each purge.
    unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
    if std::env::var_os(PURGE_DELAY_ENV).is_none() {
        // SAFETY: called while the command is still single-threaded (before its engines
        // start their worker-spawner and runner threads), so nothing reads the
        // environment concurrently.
        unsafe { std::env::set_var(PURGE_DELAY_ENV, "-1") };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_purge_delay_option_is_the_one_set() {
        // mimalloc v2's default is 10 ms, unless the environment says otherwise: the
        // option number names the purge delay if setting it is seen by the getter.
        let before = purge_delay_ms();
        if std::env::var_os(PURGE_DELAY_ENV).is_none() {
            assert_eq!(before, 10, "mimalloc's default purge delay");
        }
        // SAFETY: as in tune_for_many_runs.
        unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, 1234) };
        assert_eq!(purge_delay_ms(), 1234);
        // SAFETY: as above.
        unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, before as c_long) };
    }
}
