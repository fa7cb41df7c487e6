//! The refvm side of the hostile fixtures, on its own: every program comes back
//! classified — fuel, the heap limit and the output cap stop runaway programs, a
//! recursion ends in `RecursionError`, a panic would be a `panic` observation — within
//! a wall-clock limit, and never takes the test process down.

use pyconform::engine::Limits;
use pyconform::engine::refvm::{Isolated, RefvmEngine};
use pyconform::observe::Stage;
use pyconform::outcome::Outcome;
use pyconform::program::{Selection, discover};
use std::path::Path;
use std::time::{Duration, Instant};

/// What refvm's full pipeline run of one program came to, in one word.
fn classify(run: &Stage<pyconform::observe::RunObs>) -> String {
    match run {
        Stage::Ok(r) => match &r.exception {
            Some(e) => format!("exception {}", e.type_name),
            None => format!("exit {}", r.exit_code),
        },
        Stage::Unsupported(_) => "unsupported".to_owned(),
        Stage::Skip(_) => "skip".to_owned(),
        Stage::Failed(o, _) => o.to_string(),
    }
}

#[test]
fn refvm_classifies_every_hostile_program_in_bounded_time() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    let programs = discover(&dir, &Selection::default()).unwrap();
    assert!(programs.len() >= 15, "{} hostile programs", programs.len());
    let limits = Limits {
        fuel: 20_000_000,
        max_memory: 256 << 20,
        output_cap: 1 << 20,
        refvm_hang: Duration::from_secs(15),
        ..Limits::default()
    };
    let engine = RefvmEngine::new(limits.clone());
    let start = Instant::now();
    let mut seen = Vec::new();
    for program in &programs {
        let source = std::fs::read(&program.abs).unwrap();
        let (e, p) = (engine.clone(), program.clone());
        // A call that outlives the wall-clock limit is classified too (`timeout`, its
        // thread abandoned): the harness goes on either way.
        let class = match Isolated::spawn(limits.refvm_hang, move || e.observe_program(&source, &p))
            .wait()
        {
            Ok(side) => classify(&side.run),
            Err((o, _)) => format!("wall-clock {o}"),
        };
        // A refvm panic is classified (never a crash of the harness), but on these
        // programs it would be a refvm bug worth failing for.
        assert_ne!(class, Outcome::Panic.to_string(), "{}", program.rel);
        seen.push((program.rel.clone(), class));
    }
    let elapsed = start.elapsed();
    let class_of = |name: &str| {
        seen.iter()
            .find(|(p, _)| p == name)
            .map(|(_, c)| c.as_str())
            .unwrap_or_else(|| panic!("{name} missing"))
    };
    let explain = format!("{seen:#?}");
    // The limits, each where it must act.
    assert_eq!(class_of("infinite_loop.py"), "timeout", "{explain}");
    assert_eq!(class_of("endless_output.py"), "output-limit", "{explain}");
    for big in ["huge_allocation.py", "giant_int.py"] {
        assert!(
            ["exception MemoryError", "crash", "unsupported"].contains(&class_of(big)),
            "{big}: {explain}"
        );
    }
    assert!(
        ["exception RecursionError", "unsupported"].contains(&class_of("unbounded_recursion.py")),
        "{explain}"
    );
    assert!(
        ["exit 2", "unsupported"].contains(&class_of("sys_exit.py")),
        "{explain}"
    );
    // Fuel bounds the time: 20 million instructions per program, not minutes.
    assert!(elapsed < Duration::from_secs(300), "took {elapsed:?}");
}
