//! The fuzz campaign's batch check (one worker round trip for many programs, only the
//! layers asked for) still finds a divergence planted among agreeing programs, on the
//! output layer alone and on every layer, and passes the programs around it.

use pyconform::check::Engines;
use pyconform::engine::Limits;
use pyconform::engine::cpython::CpythonEngine;
use pyconform::engine::refvm::RefvmEngine;
use pyconform::fuzz::check::{Case, LayerSet, check_batch};
use pyconform::fuzz::signature::{Classified, classify};
use pyconform::outcome::{Layer, Outcome};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

#[test]
fn a_planted_divergence_is_found_among_agreeing_programs() {
    let dir = tempfile::tempdir().unwrap();
    let limits = Limits {
        timeout: Duration::from_secs(20),
        ..Limits::default()
    };
    let exe = PathBuf::from(env!("CARGO_BIN_EXE_pyconform"));
    let engines = Engines {
        cpython: CpythonEngine::start(limits.clone(), Some(exe)).expect("start CPython"),
        refvm: RefvmEngine::new(limits),
        time_runs: 1,
    };
    let mut cases: Vec<Case> = (0..7)
        .map(|i| {
            let src = format!("x = {i}\nprint(x * 3, [x] * 2, {{'k': x}})\n");
            Case::write(&dir.path().join(format!("p{i}.py")), src.as_bytes()).unwrap()
        })
        .collect();
    // The plant: CPython runs the file, which says one thing; refvm compiles the case's
    // source, which says another (a divergence the engines cannot fix between them).
    let mut planted = Case::write(&dir.path().join("planted.py"), b"print(2)\n").unwrap();
    planted.source = Arc::new(b"print(1)\n".to_vec());
    const AT: usize = 4;
    cases.insert(AT, planted);
    for layers in ["output", "output,refcount", "all"] {
        let set: LayerSet = layers.parse().unwrap();
        let checked = check_batch(&engines, &cases, &set);
        assert_eq!(checked.len(), cases.len());
        for (i, c) in checked.iter().enumerate() {
            let v = &c.result.layers[&Layer::Output];
            let class = classify(&c.result, &c.poison);
            if i == AT {
                assert_eq!(v.outcome, Outcome::Diverge, "{layers}: {v:?}");
                assert!(
                    // Every layer: the planted file's tokens come first.
                    matches!(&class, Classified::Finding(s)
                        if layers == "all" || s.slug().starts_with("output")),
                    "{layers}: {class:?}"
                );
            } else {
                assert_eq!(v.outcome, Outcome::Pass, "{layers}, program {i}: {v:?}");
                if layers != "all" {
                    assert!(matches!(class, Classified::Pass), "{layers}: {class:?}");
                }
            }
        }
    }
}
