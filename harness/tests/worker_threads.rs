//! A CPython worker outlives the thread that happened to start it: workers are started
//! lazily by whichever thread needs one (a reducer's batch thread, a campaign thread),
//! and their parent-death signal must not fire when that thread ends.

use pyconform::engine::Limits;
use pyconform::engine::cpython::CpythonEngine;
use pyconform::observe::Stage;
use pyconform::program::Program;
use std::path::PathBuf;
use std::time::Duration;

/// Two requests at once, each on its own short-lived thread: the pool's one idle worker
/// serves one, a worker started by that thread serves the other.
fn two_at_once(engine: &CpythonEngine, program: &Program) -> Vec<String> {
    std::thread::scope(|s| {
        let hs: Vec<_> = (0..2)
            .map(|_| s.spawn(|| format!("{:?}", engine.observe_static(program).obs.tokens)))
            .collect();
        hs.into_iter().map(|h| h.join().unwrap()).collect()
    })
}

#[test]
fn workers_started_by_finished_threads_still_answer() {
    let dir = std::env::temp_dir().join(format!("pyconform-wt-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("p.py");
    std::fs::write(&path, "print(1)\n").unwrap();
    let program = Program::from_path(&path).unwrap();
    let limits = Limits {
        timeout: Duration::from_secs(20),
        ..Limits::default()
    };
    let exe = PathBuf::from(env!("CARGO_BIN_EXE_pyconform"));
    let engine = CpythonEngine::start(limits, Some(exe)).expect("start the CPython engine");
    for round in 0..3 {
        let answers = two_at_once(&engine, &program);
        // The threads that started workers in the previous round have ended.
        std::thread::sleep(Duration::from_millis(200));
        for a in &answers {
            assert!(a.starts_with("Ok("), "round {round}: {a}");
        }
        assert!(
            matches!(engine.observe_static(&program).obs.tokens, Stage::Ok(_)),
            "round {round}: a worker died with its thread"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
