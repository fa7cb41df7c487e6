//! Facts about the build every report states: the refvm commit.

use std::path::Path;
use std::process::Command;

/// `git rev-parse --short=12 HEAD` of the source tree this binary was built from, with
/// `-dirty` when tracked files differ from it; `unknown` outside a git checkout.
pub fn refvm_commit() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let git = |args: &[&str]| {
        Command::new("git")
            .arg("-C")
            .arg(&root)
            .args(args)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
    };
    let Some(head) = git(&["rev-parse", "--short=12", "HEAD"]) else {
        return "unknown".to_owned();
    };
    match git(&[
        "status",
        "--porcelain",
        "--untracked-files=no",
        "--",
        "vm",
        "harness",
    ]) {
        Some(s) if !s.is_empty() => format!("{head}-dirty"),
        _ => head,
    }
}
