//! End to end: `pyconform conform` on the hostile fixtures and on a small normal
//! fixture directory with both engines, then `gate` and `report merge` on the output.
//! Every subprocess is bounded by `timeout`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// conform runs one at a time: the leftover-worker check must see only its own.
static SERIAL: Mutex<()> = Mutex::new(());

fn exe() -> &'static str {
    env!("CARGO_BIN_EXE_pyconform")
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn pyconform(args: &[&str]) -> Output {
    Command::new("timeout")
        .args(["300", exe()])
        .args(args)
        .current_dir(fixtures())
        .output()
        .expect("run pyconform")
}

fn csv_rows(path: &Path) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .skip(1)
        .map(|l| l.split(',').map(str::to_owned).collect())
        .collect()
}

fn last_line(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .last()
        .unwrap_or("")
        .to_owned()
}

/// `N passed, M failed` → (N, M).
fn counts(line: &str) -> (usize, usize) {
    let words: Vec<&str> = line.split_whitespace().collect();
    match words[..] {
        [n, "passed,", m, "failed"] => (n.parse().unwrap(), m.parse().unwrap()),
        _ => panic!("not a count line: {line:?}"),
    }
}

fn oracle_cells(results_json: &Path) -> Vec<(String, String)> {
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(results_json).unwrap()).unwrap();
    v["programs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["program"].as_str().unwrap().to_owned(),
                p["cells"]["cpython-cpython"]["outcome"]
                    .as_str()
                    .unwrap()
                    .to_owned(),
            )
        })
        .collect()
}

/// Worker processes of this binary still alive.
fn live_workers() -> Vec<u32> {
    let mut pids = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(cmdline) = std::fs::read(entry.path().join("cmdline")) else {
            continue;
        };
        let args: Vec<&[u8]> = cmdline.split(|&b| b == 0).collect();
        if args.len() >= 2 && args[0] == exe().as_bytes() && args[1] == b"__worker" {
            pids.push(pid);
        }
    }
    pids
}

#[test]
fn hostile_programs_each_get_one_classified_row_in_bounded_time() {
    let _serial = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    let out = tempfile::tempdir().unwrap();
    let out_dir = out.path().to_str().unwrap();
    let start = Instant::now();
    let run = pyconform(&[
        "conform",
        "hostile",
        "--out",
        out_dir,
        "--jobs",
        "2",
        "--timeout",
        "3",
        "--fuel",
        "20000000",
        "--output-cap-mib",
        "1",
        "--max-memory-mib",
        "256",
        "--refvm-hang-secs",
        "15",
    ]);
    let elapsed = start.elapsed();
    assert!(
        run.status.success(),
        "conform failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(elapsed < Duration::from_secs(240), "took {elapsed:?}");

    let rows = csv_rows(&out.path().join("results.csv"));
    let mut programs: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    programs.sort();
    assert_eq!(
        programs,
        [
            "deep_lists.py",
            "deep_nesting.py",
            "deep_parens.py",
            "deep_sum.py",
            "del_builtins.py",
            "endless_output.py",
            "exit_in_cleanup.py",
            "fd_tamper.py",
            "giant_int.py",
            "giant_int_str.py",
            "huge_allocation.py",
            "infinite_loop.py",
            "orphan_child.py",
            "os_exit.py",
            "segfault.py",
            "self_kill.py",
            "signal_alarm.py",
            "stdin_read.py",
            "sys_exit.py",
            "unbounded_recursion.py"
        ]
    );
    for r in &rows {
        assert_eq!(r.len(), 12, "{r:?}");
        for cell in &r[2..9] {
            assert!(
                [
                    "pass",
                    "diverge",
                    "unsupported",
                    "timeout",
                    "crash",
                    "panic",
                    "skip",
                    "output-limit"
                ]
                .contains(&cell.as_str()),
                "{r:?}"
            );
        }
    }
    let expect = |program: &str| match program {
        "segfault.py" | "os_exit.py" | "fd_tamper.py" | "self_kill.py" | "signal_alarm.py" => {
            "crash"
        }
        "infinite_loop.py" => "timeout",
        "endless_output.py" => "output-limit",
        _ => "pass",
    };
    for (program, oracle) in oracle_cells(&out.path().join("results.json")) {
        assert_eq!(oracle, expect(&program), "CPython's own run of {program}");
    }
    // The seven whose CPython run failed cannot pass; the rest depend on refvm's progress.
    let (passed, failed) = counts(&last_line(&run));
    assert_eq!(passed + failed, 20);
    assert!(failed >= 7, "{passed} passed, {failed} failed");

    // The gate passes against its own output…
    let results = out.path().join("results.csv");
    let results_s = results.to_str().unwrap();
    let gate = pyconform(&["gate", "--baseline", results_s, "--results", results_s]);
    assert!(
        gate.status.success(),
        "{}",
        String::from_utf8_lossy(&gate.stdout)
    );
    // …and fails against a baseline claiming a currently failing program passed.
    let text = std::fs::read_to_string(&results).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let failing = rows
        .iter()
        .position(|r| r[0] == "segfault.py")
        .expect("segfault.py's row");
    let r = &rows[failing];
    lines[failing + 1] = format!(
        "{},{},pass,pass,pass,pass,pass,pass,pass,{},{},{}",
        r[0], r[1], r[9], r[10], r[11]
    );
    let lying = out.path().join("lying.csv");
    std::fs::write(&lying, lines.join("\n") + "\n").unwrap();
    let gate = pyconform(&[
        "gate",
        "--baseline",
        lying.to_str().unwrap(),
        "--results",
        results_s,
    ]);
    assert_eq!(
        gate.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&gate.stdout)
    );
    assert!(String::from_utf8_lossy(&gate.stdout).contains(&r[0]));

    std::thread::sleep(Duration::from_millis(200));
    assert_eq!(
        live_workers(),
        Vec::<u32>::new(),
        "workers outlived the run"
    );
}

#[test]
fn normal_fixtures_write_every_report_and_gate_and_merge_work() {
    let _serial = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    let out = tempfile::tempdir().unwrap();
    let full = out.path().join("full");
    let full_s = full.to_str().unwrap();
    let run = pyconform(&["conform", "normal", "--out", full_s, "--jobs", "2"]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let last = last_line(&run);
    assert!(
        last.ends_with(" failed") && last.contains(" passed, "),
        "{last}"
    );

    for f in [
        "results.csv",
        "results.json",
        "junit.xml",
        "summary.md",
        "index.html",
    ] {
        assert!(full.join(f).is_file(), "{f} missing");
    }
    let rows = csv_rows(&full.join("results.csv"));
    let programs: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        programs,
        [
            "basics/arith.py",
            "basics/classes.py",
            "basics/stderr_and_unicode.py",
            "errors/exit_message.py",
            "errors/syntax_error.py",
            "errors/uncaught.py",
            "modules/uses_support.py"
        ]
    );
    assert!(rows.iter().all(|r| r[1] == r[0].split('/').next().unwrap()));
    // Every CPython run of a normal program completed.
    assert!(
        oracle_cells(&full.join("results.json"))
            .iter()
            .all(|(_, o)| o == "pass")
    );

    // Every human report names the exact CPython version.
    let version = Command::new("python3")
        .args(["-c", "import sys; print(sys.version)"])
        .output()
        .unwrap();
    let version = String::from_utf8_lossy(&version.stdout).trim().to_owned();
    for f in ["summary.md", "index.html", "junit.xml"] {
        let text = std::fs::read_to_string(full.join(f)).unwrap();
        assert!(
            text.contains(&version),
            "{f} does not name CPython {version}"
        );
    }
    assert!(
        std::fs::read_to_string(full.join("index.html"))
            .unwrap()
            .contains("<svg")
    );

    // Shards merge back into the full run.
    let mut csvs = Vec::new();
    for k in ["1/2", "2/2"] {
        let dir = out.path().join(format!("shard{}", &k[..1]));
        let run = pyconform(&[
            "conform",
            "normal",
            "--out",
            dir.to_str().unwrap(),
            "--shard",
            k,
            "--jobs",
            "1",
        ]);
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        csvs.push(dir.join("results.csv").to_string_lossy().into_owned());
    }
    let merged = out.path().join("merged");
    let mut args = vec!["report", "merge", "--out", merged.to_str().unwrap()];
    args.extend(csvs.iter().map(String::as_str));
    let run = pyconform(&args);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let merged_rows = csv_rows(&merged.join("results.csv"));
    let strip = |rows: &[Vec<String>]| rows.iter().map(|r| r[..9].to_vec()).collect::<Vec<_>>();
    assert_eq!(strip(&merged_rows), strip(&rows));
    assert_eq!(last_line(&run), last);
    assert!(merged.join("index.html").is_file());
}

/// The two matrix cells that carry code as marshal data are held to CPython running its
/// own marshalled code: a program whose output marshal changes (a frozenset constant
/// rebuilt in sorted order) still passes the refvm→CPython cell when refvm's code is
/// byte-identical to CPython's.
#[test]
fn marshal_cells_compare_with_cpythons_own_marshalled_code() {
    let _serial = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    let program = fixtures().join("marshal/sets/set_constant.py");
    // The fixture must exercise the case: CPython's marshalled code prints another
    // order than its source run (asked live).
    let run = |marshalled: &str| {
        let script = format!(
            "import marshal, sys\nsrc = open(sys.argv[1], 'rb').read()\n\
             code = compile(src, sys.argv[1], 'exec')\n\
             if {marshalled}: code = marshal.loads(marshal.dumps(code))\n\
             exec(code, {{'__name__': '__main__'}})"
        );
        let out = Command::new("timeout")
            .args(["60", "python3", "-c", &script])
            .arg(&program)
            .env("PYTHONHASHSEED", "0")
            .output()
            .unwrap();
        assert!(out.status.success());
        out.stdout
    };
    assert_ne!(
        run("False"),
        run("True"),
        "the fixture no longer shows the case"
    );

    let out = tempfile::tempdir().unwrap();
    let run = pyconform(&["conform", "marshal", "--out", out.path().to_str().unwrap()]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.path().join("results.json")).unwrap())
            .unwrap();
    let p = &v["programs"][0];
    assert_eq!(p["program"], "sets/set_constant.py");
    let outcome = |group: &str, name: &str| p[group][name]["outcome"].as_str().unwrap().to_owned();
    assert_eq!(outcome("cells", "cpython-cpython"), "pass");
    // Identical code (refvm's compiler and marshal writer agree with CPython's) is the
    // same input to the same VM: that cell must pass. Otherwise the cell compares real
    // differences and is not this test's business.
    if outcome("layers", "bytecode") == "pass" && outcome("layers", "marshal") == "pass" {
        assert_eq!(
            outcome("cells", "refvm-cpython"),
            "pass",
            "{}",
            p["cells"]["refvm-cpython"]
        );
    }
}
