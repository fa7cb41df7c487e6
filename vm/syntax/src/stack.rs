//! Stack safety for recursion over unbounded input: [`guard`] runs a closure on the
//! current stack while enough of it is left, and on another stack segment otherwise, so
//! deep nesting (6000 levels of parser rules, 100 000-deep expression chains being
//! dropped, cloned, compared, dumped or walked) never overflows, even on a 2 MiB thread.
//!
//! Segments are kept for reuse (a few per thread): a search that backtracks right at a
//! segment boundary switches stacks on every call, and mapping a fresh segment each time
//! (as `stacker::maybe_grow` does) would cost a system call and page faults per switch.

/// Switch when less than this is left: more than any stretch of frames between two
/// calls to [`guard`] uses (the parser checks every [`PARSER_CHECK_EVERY`] rule levels).
pub const RED_ZONE: usize = 256 * 1024;

/// The usable size of each extra stack segment.
pub const SEGMENT: usize = 4 * 1024 * 1024;

/// The parser calls [`guard`] at every this many levels of rule nesting.
pub const PARSER_CHECK_EVERY: usize = 8;

/// Runs `f`, first switching to another stack segment if less than [`RED_ZONE`] is left.
#[inline]
pub fn guard<R>(f: impl FnOnce() -> R) -> R {
    imp::guard(f)
}

#[cfg(all(unix, not(miri)))]
mod imp {
    use super::{RED_ZONE, SEGMENT};
    use std::cell::{Cell, RefCell};

    /// How many unused segments a thread keeps.
    const SPARE_SEGMENTS: usize = 2;

    /// One mapped segment: a guard page at the bottom, then `SEGMENT` usable bytes.
    struct Segment {
        base: *mut u8,
        len: usize,
    }

    impl Segment {
        fn new() -> Option<Segment> {
            let page = page_size();
            let len = SEGMENT + page;
            // SAFETY: an anonymous private mapping of `len` bytes; checked for failure.
            let base = unsafe {
                libc::mmap(
                    std::ptr::null_mut(),
                    len,
                    libc::PROT_READ | libc::PROT_WRITE,
                    libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                    -1,
                    0,
                )
            };
            if base == libc::MAP_FAILED {
                return None;
            }
            // SAFETY: the first page of the mapping we own becomes the guard page.
            if unsafe { libc::mprotect(base, page, libc::PROT_NONE) } != 0 {
                // SAFETY: unmapping exactly what was mapped above.
                unsafe { libc::munmap(base, len) };
                return None;
            }
            Some(Segment {
                base: base.cast(),
                len,
            })
        }

        /// The lowest address frames may use.
        fn limit(&self) -> usize {
            self.base as usize + page_size()
        }
    }

    impl Drop for Segment {
        fn drop(&mut self) {
            // SAFETY: the segment owns this mapping and no frame lives on it any more.
            unsafe { libc::munmap(self.base.cast(), self.len) };
        }
    }

    fn page_size() -> usize {
        // SAFETY: sysconf has no preconditions.
        let p = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
        if p > 0 { p as usize } else { 4096 }
    }

    /// [`LIMIT`] before the thread's own stack limit has been asked for.
    const UNKNOWN: usize = usize::MAX;

    thread_local! {
        /// The lowest usable address of the stack running now: the thread's (from
        /// `stacker`, asked once; 0 when unknown) or the segment's.
        static LIMIT: Cell<usize> = const { Cell::new(UNKNOWN) };
        static SPARE: RefCell<Vec<Segment>> = const { RefCell::new(Vec::new()) };
    }

    /// About the stack pointer: the address of a local of the (inlined) caller.
    #[inline(always)]
    fn stack_address() -> usize {
        let marker = 0u8;
        std::hint::black_box(std::ptr::addr_of!(marker)) as usize
    }

    #[inline]
    fn remaining() -> usize {
        let limit = LIMIT.with(Cell::get);
        if limit == UNKNOWN {
            return thread_limit_remaining();
        }
        stack_address().saturating_sub(limit)
    }

    /// The first [`remaining`] on a thread: notes its stack limit.
    #[cold]
    #[inline(never)]
    fn thread_limit_remaining() -> usize {
        let Some(left) = stacker::remaining_stack() else {
            LIMIT.with(|l| l.set(0));
            return usize::MAX;
        };
        let sp = psm::stack_pointer() as usize;
        LIMIT.with(|l| l.set(sp.saturating_sub(left)));
        left
    }

    #[inline]
    pub fn guard<R>(f: impl FnOnce() -> R) -> R {
        if remaining() >= RED_ZONE {
            return f();
        }
        switch(f)
    }

    #[cold]
    fn switch<R>(f: impl FnOnce() -> R) -> R {
        let seg = SPARE.with(|s| s.borrow_mut().pop()).or_else(Segment::new);
        let Some(seg) = seg else {
            // No memory for another segment: let stacker try (it aborts cleanly on
            // failure rather than overflowing). Its stack's limit is asked of it anew,
            // and ours restored afterwards, unwinding included.
            struct Restore(usize);
            impl Drop for Restore {
                fn drop(&mut self) {
                    LIMIT.with(|l| l.set(self.0));
                }
            }
            let _restore = Restore(LIMIT.with(|l| l.replace(UNKNOWN)));
            return stacker::grow(SEGMENT, f);
        };
        let old = LIMIT.with(|l| l.replace(seg.limit()));
        let mut out = None;
        let mut f = Some(f);
        let mut panic = None;
        let run = || {
            if let Some(f) = f.take() {
                match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
                    Ok(r) => out = Some(r),
                    Err(p) => panic = Some(p),
                }
            }
        };
        // SAFETY: the segment is page aligned, its size a multiple of the page size, and
        // `run` never unwinds (panics are caught and resumed below, on this stack).
        unsafe { psm::on_stack(seg.limit() as *mut u8, SEGMENT, run) };
        LIMIT.with(|l| l.set(old));
        SPARE.with(|s| {
            let mut s = s.borrow_mut();
            if s.len() < SPARE_SEGMENTS {
                s.push(seg);
            }
        });
        if let Some(p) = panic {
            std::panic::resume_unwind(p);
        }
        match out {
            Some(r) => r,
            None => unreachable!("the callback ran to completion or panicked"),
        }
    }
}

#[cfg(not(all(unix, not(miri))))]
mod imp {
    #[inline]
    pub fn guard<R>(f: impl FnOnce() -> R) -> R {
        stacker::maybe_grow(super::RED_ZONE, super::SEGMENT, f)
    }
}

#[cfg(test)]
mod tests {
    use super::guard;

    fn depth(n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        let pad = [n as u8; 512];
        guard(|| depth(n - 1)) + usize::from(pad[n % 512] == n as u8)
    }

    /// A million frames of half a kilobyte on a 2 MiB thread.
    #[test]
    fn deep_recursion_switches_segments() {
        let h = std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(|| depth(1_000_000))
            .expect("thread");
        assert_eq!(h.join().expect("no overflow"), 1_000_000);
    }

    /// A panic on another segment unwinds back to the caller's stack.
    #[test]
    fn panics_cross_segments() {
        let h = std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(|| {
                std::panic::catch_unwind(|| {
                    fn down(n: usize) -> usize {
                        if n == 0 {
                            panic!("bottom");
                        }
                        let pad = [1u8; 512];
                        guard(|| down(n - 1)) + usize::from(pad[0])
                    }
                    down(20_000)
                })
                .is_err()
            })
            .expect("thread");
        assert!(h.join().expect("joined"));
    }
}
