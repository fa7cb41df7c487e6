//! Stack safety for recursion over unbounded input: [`guard`] runs a closure on the
//! current stack while enough of it is left, and on a fresh heap-allocated segment
//! otherwise, so deep nesting (6000 levels of parser rules, 100 000-deep expression
//! chains being dropped, cloned, compared, dumped or walked) never overflows, even on
//! a 2 MiB thread.

/// Grow when less than this is left: more than any stretch of frames between two
/// calls to [`guard`] uses (the parser checks every [`PARSER_CHECK_EVERY`] rule levels).
pub const RED_ZONE: usize = 256 * 1024;

/// The size of each new stack segment.
pub const SEGMENT: usize = 4 * 1024 * 1024;

/// The parser calls [`guard`] at every this many levels of rule nesting.
pub const PARSER_CHECK_EVERY: usize = 8;

/// Runs `f`, first switching to a new stack segment if less than [`RED_ZONE`] is left.
#[inline]
pub fn guard<R>(f: impl FnOnce() -> R) -> R {
    stacker::maybe_grow(RED_ZONE, SEGMENT, f)
}
