//! The marshal layer: `.pyc` bytes, compared exactly; a divergence shows a hex dump
//! around the first differing byte.

use super::unified;
use crate::outcome::Verdict;

const ROW: usize = 16;
const ROWS_AROUND: usize = 3;

/// A hex dump of `bytes[from..to]` in rows of 16, offsets included.
pub fn hexdump(bytes: &[u8], from: usize, to: usize) -> String {
    let mut out = String::new();
    let mut row = from - from % ROW;
    while row < to.min(bytes.len()) {
        let chunk = &bytes[row..(row + ROW).min(bytes.len())];
        let hex: Vec<String> = chunk.iter().map(|b| format!("{b:02x}")).collect();
        let ascii: String = chunk
            .iter()
            .map(|&b| {
                if (0x20..0x7f).contains(&b) {
                    char::from(b)
                } else {
                    '.'
                }
            })
            .collect();
        out.push_str(&format!("{row:08x}  {:<47}  |{ascii}|\n", hex.join(" ")));
        row += ROW;
    }
    out
}

/// The marshal layer: identical bytes, or the first difference.
pub fn diff_pyc(cpython: &[u8], refvm: &[u8]) -> Verdict {
    if cpython == refvm {
        return Verdict::pass();
    }
    let first = cpython
        .iter()
        .zip(refvm)
        .position(|(a, b)| a != b)
        .unwrap_or(cpython.len().min(refvm.len()));
    let where_ = if first < 16 {
        " (in the 16-byte .pyc header)"
    } else {
        ""
    };
    let from = first.saturating_sub(ROWS_AROUND * ROW);
    let to = first + ROWS_AROUND * ROW + 1;
    Verdict::diverge(format!(
        ".pyc bytes differ: first at offset {first}{where_}; sizes {} (cpython) and {} (refvm)\n{}",
        cpython.len(),
        refvm.len(),
        unified(&hexdump(cpython, from, to), &hexdump(refvm, from, to))
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outcome::Outcome;

    #[test]
    fn equal_bytes_pass_and_differences_are_located() {
        let a: Vec<u8> = (0..100).collect();
        assert_eq!(diff_pyc(&a, &a).outcome, Outcome::Pass);
        let mut b = a.clone();
        b[40] = 0xff;
        let v = diff_pyc(&a, &b);
        assert_eq!(v.outcome, Outcome::Diverge);
        let d = v.detail.unwrap();
        assert!(d.contains("first at offset 40;"), "{d}");
        assert!(d.contains("-00000020  20 21 22 23 24 25 26 27 28"), "{d}");
        let v = diff_pyc(&a, &a[..50]);
        assert!(v.detail.unwrap().contains("first at offset 50;"));
        let mut h = a.clone();
        h[3] = 0;
        assert!(diff_pyc(&a, &h).detail.unwrap().contains("header"));
    }
}
