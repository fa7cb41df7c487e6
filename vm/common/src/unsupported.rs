//! `Unsupported`: the honest answer of a refvm stage that cannot handle an input yet.
//!
//! The harness turns it into an `unsupported` result, never a pass and never a failure of
//! the program under test.

use std::fmt;

/// A stage met something it does not implement; the string says what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unsupported(pub String);

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unsupported: {}", self.0)
    }
}

impl std::error::Error for Unsupported {}
