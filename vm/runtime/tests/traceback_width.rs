//! The wide-character table behind traceback caret placement agrees with the live python3's
//! `unicodedata.east_asian_width` at every range boundary (and one past each side).

use refvm_runtime::traceback_width::{WIDE, char_width};
use std::process::Command;

#[test]
fn wide_table_matches_live_unicodedata() {
    let mut cps: Vec<u32> = Vec::new();
    for &(lo, hi) in WIDE.iter() {
        cps.extend([lo.saturating_sub(1), lo, hi, hi + 1]);
    }
    cps.extend([0x41, 0x3A3, 0x4E2D, 0x1F600, 0x10FFFF]);
    cps.retain(|&cp| char::from_u32(cp).is_some());
    let list: Vec<String> = cps.iter().map(u32::to_string).collect();
    let script = format!(
        "import unicodedata\nfor cp in [{}]:\n    print(2 if unicodedata.east_asian_width(chr(cp)) in 'WF' else 1)\n",
        list.join(",")
    );
    let out = Command::new("timeout")
        .args(["60", "python3", "-c", &script])
        .output()
        .expect("python3 runs");
    assert!(out.status.success(), "python3 failed: {:?}", out);
    let widths: Vec<usize> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| l.trim().parse().expect("a width"))
        .collect();
    assert_eq!(widths.len(), cps.len());
    for (cp, want) in cps.iter().zip(widths) {
        let c = char::from_u32(*cp).expect("valid");
        assert_eq!(char_width(c), want, "U+{cp:04X}");
    }
}
