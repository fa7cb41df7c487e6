//! Layer diffs: pure functions from two observations (CPython's, refvm's) to a
//! [`Verdict`]. The only normalisation is of object addresses (`at 0x7f…`); a
//! divergence carries the first difference as a short unified diff.

pub mod bytes;
pub mod code;
pub mod output;
pub mod refcount;
pub mod text;
pub mod timing;

use similar::TextDiff;
use std::borrow::Cow;

/// How many lines of unified diff a divergence keeps.
pub const MAX_DIFF_LINES: usize = 40;

/// Replaces object addresses (`at 0x` followed by 4+ hex digits, as in
/// `<code object f at 0x7f12…>` and default object reprs) by `at 0x…`: the one
/// inherently nondeterministic part of the texts compared.
pub fn normalize_addresses(s: &str) -> Cow<'_, str> {
    match normalize_address_bytes(s.as_bytes()) {
        Cow::Borrowed(_) => Cow::Borrowed(s),
        // Only ASCII hex digits were replaced by a whole UTF-8 sequence.
        Cow::Owned(b) => Cow::Owned(
            String::from_utf8(b)
                .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
        ),
    }
}

/// [`normalize_addresses`] on bytes (program output need not be UTF-8).
pub fn normalize_address_bytes(s: &[u8]) -> Cow<'_, [u8]> {
    const NEEDLE: &[u8] = b"at 0x";
    let find = |hay: &[u8]| hay.windows(NEEDLE.len()).position(|w| w == NEEDLE);
    if find(s).is_none() {
        return Cow::Borrowed(s);
    }
    let mut out = Vec::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = find(rest) {
        let after = &rest[i + NEEDLE.len()..];
        let digits = after.iter().take_while(|b| b.is_ascii_hexdigit()).count();
        out.extend_from_slice(&rest[..i + NEEDLE.len()]);
        if digits >= 4 {
            out.extend_from_slice("…".as_bytes());
            rest = &after[digits..];
        } else {
            rest = after;
        }
    }
    out.extend_from_slice(rest);
    Cow::Owned(out)
}

/// A unified diff of two texts (cpython first), cut to [`MAX_DIFF_LINES`] lines.
pub fn unified(cpython: &str, refvm: &str) -> String {
    let diff = TextDiff::from_lines(cpython, refvm);
    let text = diff
        .unified_diff()
        .context_radius(3)
        .header("cpython", "refvm")
        .to_string();
    truncate_lines(&text, MAX_DIFF_LINES)
}

/// The first `max` lines of `text`, with a note of how many were cut.
pub fn truncate_lines(text: &str, max: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    if lines.len() <= max {
        return text.to_owned();
    }
    let mut out = lines[..max].join("\n");
    out.push_str(&format!("\n… ({} more lines)\n", lines.len() - max));
    out
}

/// `what` differs: a headline, then the unified diff of the two renderings.
pub fn text_divergence(what: &str, cpython: &str, refvm: &str) -> String {
    format!("{what} differs\n{}", unified(cpython, refvm))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_addresses_are_normalised() {
        assert_eq!(
            normalize_addresses("<code object f at 0x7f128c8dec50, file \"x.py\", line 1>"),
            "<code object f at 0x…, file \"x.py\", line 1>"
        );
        assert_eq!(
            normalize_addresses("<A object at 0xdeadbeef>"),
            "<A object at 0x…>"
        );
        assert_eq!(
            normalize_addresses("hex(255) = 0xff; look at 0x1"),
            "hex(255) = 0xff; look at 0x1"
        );
        assert!(matches!(normalize_addresses("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn unified_diff_names_both_sides_and_is_short() {
        let a: String = (0..200).map(|i| format!("line {i}\n")).collect();
        let b = a
            .replace("line 5\n", "LINE 5\n")
            .replace("line 150\n", "LINE 150\n");
        let d = unified(&a, &b);
        assert!(d.starts_with("--- cpython\n+++ refvm\n"), "{d}");
        assert!(d.contains("-line 5\n+LINE 5\n"), "{d}");
        assert!(d.lines().count() <= MAX_DIFF_LINES + 1);
    }
}
