//! Unicode predicates with CPython 3.11's answers (Unicode 14.0), from the generated tables.

use crate::unicode_tables::{ALNUM, PRINTABLE, SPACE, XID_CONTINUE, XID_START};

fn in_ranges(table: &[(u32, u32)], cp: u32) -> bool {
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < cp {
                std::cmp::Ordering::Less
            } else if lo > cp {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// `chr(cp).isprintable()`.
pub fn is_printable(cp: u32) -> bool {
    if cp < 0x80 {
        return (0x20..0x7f).contains(&cp);
    }
    in_ranges(PRINTABLE, cp)
}

/// May `cp` start an identifier (`_` and XID_Start)?
pub fn is_xid_start(cp: u32) -> bool {
    if cp < 0x80 {
        return (cp as u8).is_ascii_alphabetic() || cp == u32::from(b'_');
    }
    in_ranges(XID_START, cp)
}

/// May `cp` continue an identifier (XID_Continue)?
pub fn is_xid_continue(cp: u32) -> bool {
    if cp < 0x80 {
        return (cp as u8).is_ascii_alphanumeric() || cp == u32::from(b'_');
    }
    in_ranges(XID_CONTINUE, cp)
}

/// `chr(cp).isalnum()` (`re`'s `\w` in a `str` pattern is this or `_`).
pub fn is_alnum(cp: u32) -> bool {
    if cp < 0x80 {
        return (cp as u8).is_ascii_alphanumeric();
    }
    in_ranges(ALNUM, cp)
}

/// `chr(cp).isspace()`: what `str.strip()` and `str.split()` treat as whitespace.
pub fn is_space(cp: u32) -> bool {
    if cp < 0x80 {
        return matches!(cp, 0x09..=0x0d | 0x1c..=0x20);
    }
    in_ranges(SPACE, cp)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::process::Command;

    #[test]
    fn ascii_and_some_non_ascii() {
        assert!(is_printable(u32::from(b' ')));
        assert!(!is_printable(0x7f));
        assert!(!is_printable(0xa0)); // NO-BREAK SPACE is a separator, not printable
        assert!(is_printable(0xe9));
        assert!(is_xid_start(0xe9));
        assert!(!is_xid_start(u32::from(b'1')));
        assert!(is_xid_continue(u32::from(b'1')));
        assert!(!is_xid_start(0xd800));
        assert!(is_alnum(u32::from(b'7')) && !is_alnum(u32::from(b'_')));
        assert!(is_alnum(0xb2)); // SUPERSCRIPT TWO is numeric
        assert!(is_space(0x1c) && is_space(0xa0) && is_space(0x3000) && !is_space(0x200b));
    }

    /// The committed tables must be what the generator prints against the live CPython.
    #[test]
    fn unicode_tables_are_fresh() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"));
        let out = Command::new("python3")
            .arg(format!("{root}/gen/unicode_tables.py"))
            .output()
            .expect("python3 must be on PATH for this test");
        assert!(out.status.success());
        let committed = std::fs::read_to_string(format!("{root}/src/unicode_tables.rs")).unwrap();
        assert!(
            String::from_utf8_lossy(&out.stdout) == committed,
            "src/unicode_tables.rs is stale: rerun gen/unicode_tables.py"
        );
    }
}
