//! `.pyc` identity on fixtures whose bytes depend on object identity that the constant
//! values do not show (`tests/fixtures/pyc`): each is compiled by refvm (from CPython's
//! AST and with refvm's own parser) and by the live `python3`, and refvm's
//! `marshal::dumps` must equal CPython's `marshal.dumps` byte for byte (as well as the
//! code-object trees).

mod support;

use std::path::Path;

#[test]
fn pyc_fixtures_match_cpython_bytes() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pyc");
    let mut paths: Vec<String> = std::fs::read_dir(&dir)
        .expect("fixture directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    paths.sort();
    assert!(!paths.is_empty());
    let records = support::oracle::run(&paths, 120).expect("the oracle (python3) runs");
    assert_eq!(records.len(), paths.len(), "one oracle record per file");
    let mut failures = Vec::new();
    for rec in &records {
        let source = std::fs::read(&rec.path).expect("fixture readable");
        for use_refvm_parser in [false, true] {
            let (outcome, pyc) = support::compare_full(rec, &source, use_refvm_parser);
            if !matches!(outcome, support::Outcome::Same) {
                failures.push(format!(
                    "{} (refvm parser {use_refvm_parser}): tree",
                    rec.path
                ));
            }
            match pyc {
                Some(Ok(())) => {}
                Some(Err(d)) => failures.push(format!("{}: {d}", rec.path)),
                None => failures.push(format!("{}: no marshal data to compare", rec.path)),
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
