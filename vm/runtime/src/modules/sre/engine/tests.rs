//! Unit tests of the matcher: results, malformed code, and deep backtracking without
//! Rust recursion.

use super::*;

fn run_search(code: &[u32], s: &str, groups: usize) -> Option<(isize, isize, Vec<isize>)> {
    let cps: Vec<u32> = s.chars().map(|c| c as u32).collect();
    let mut tick = || true;
    let mut st = State::new(&cps[..], code, 0, cps.len(), groups, &mut tick);
    if st.search().ok()? {
        Some((st.start, st.ptr, st.marks[..2 * groups].to_vec()))
    } else {
        None
    }
}

#[test]
fn literal_and_groups() {
    // (a)|b  compiled by CPython 3.11
    let code = [
        14, 4, 0, 1, 1, 7, 9, 17, 0, 16, 97, 17, 1, 15, 7, 5, 16, 98, 15, 2, 0, 1,
    ];
    assert_eq!(
        run_search(&code, "xxb", 1).map(|r| (r.0, r.1)),
        Some((2, 3))
    );
    let r = run_search(&code, "xa", 1);
    assert_eq!(r.map(|r| (r.0, r.1, r.2)), Some((1, 2, vec![1, 2])));
    // (?:ab)*c
    let code = [
        14, 4, 0, 1, MAXREPEAT, 23, 7, 0, MAXREPEAT, 16, 97, 16, 98, 18, 16, 99, 1,
    ];
    assert_eq!(
        run_search(&code, "zababc", 0).map(|r| (r.0, r.1)),
        Some((1, 6))
    );
    assert_eq!(run_search(&code, "abab", 0), None);
}

#[test]
fn malformed_code_is_an_error() {
    let cps: Vec<u32> = vec![97];
    let mut tick = || true;
    for code in [&[99u32][..], &[16][..], &[7, 5][..], &[18, 1][..], &[][..]] {
        let mut st = State::new(&cps[..], code, 0, 1, 0, &mut tick);
        assert!(st.run(0, true).is_err() || st.run(0, true) == Ok(false));
    }
}

#[test]
fn deep_backtracking_does_not_recurse() {
    // (?:a)*b-like REPEAT over 200 000 chars, no match: explicit stacks only.
    let code = [23, 5, 0, MAXREPEAT, 16, 97, 18, 16, 98, 1];
    let s: Vec<u8> = vec![b'a'; 200_000];
    let mut tick = || true;
    let mut st = State::new(&s[..], &code, 0, s.len(), 0, &mut tick);
    assert_eq!(st.run(0, true), Ok(false));
}
