//! Test support: running the oracle (`python3` on PATH, `PYTHONHASHSEED=0`) with a time
//! limit.

use std::process::Command;

/// Runs `python3 -c script args...` under `timeout 300` and returns its stdout; panics
/// (failing the test) if it does not exit successfully.
pub fn python(script: &str, args: &[&str]) -> String {
    let out = Command::new("timeout")
        .arg("300")
        .arg("python3")
        .arg("-c")
        .arg(script)
        .args(args)
        .env("PYTHONHASHSEED", "0")
        .output()
        .expect("run python3");
    assert!(
        out.status.success(),
        "python3 failed: {}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("python3 printed UTF-8")
}
