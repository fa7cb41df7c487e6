//! `refvm tokens FILE`: byte-identical to `python3 -m tokenize -e FILE`.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub fn main(file: &Path) -> ExitCode {
    let name = file.to_string_lossy();
    let source = match std::fs::read(file) {
        Ok(s) => s,
        Err(e) => {
            // tokenize.main() reports an OSError as `error: <str(err)>`, status 1.
            let _ = writeln!(std::io::stderr(), "error: {}", os_error_str(&e, &name));
            return ExitCode::from(1);
        }
    };
    match refvm_syntax::tokenize_report(&source, &name) {
        Ok(report) => {
            let _ = std::io::stdout().write_all(report.stdout.as_bytes());
            let _ = std::io::stderr().write_all(report.stderr.as_bytes());
            ExitCode::from(report.exit_code.clamp(0, 255) as u8)
        }
        Err(u) => super::unsupported(&u),
    }
}

/// `str(OSError)` for a failed `open(filename)`: `[Errno 2] No such file or directory: 'f.py'`.
fn os_error_str(e: &std::io::Error, filename: &str) -> String {
    let mut repr = String::new();
    refvm_common::repr::write_str_repr_utf8(filename, &mut repr);
    match e.raw_os_error() {
        Some(code) => {
            // io::Error prints strerror(code) followed by " (os error N)", as Python's does
            // without the suffix.
            let text = e.to_string();
            let strerror = text
                .strip_suffix(&format!(" (os error {code})"))
                .unwrap_or(&text);
            format!("[Errno {code}] {strerror}: {repr}")
        }
        None => format!("{e}: {repr}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn os_errors_read_like_python() {
        let e = std::fs::read("/nonexistent/nope.py").unwrap_err();
        assert_eq!(
            os_error_str(&e, "nope.py"),
            "[Errno 2] No such file or directory: 'nope.py'"
        );
    }
}
