//! `refvm tokens FILE`: byte-identical to `python3 -m tokenize -e FILE`.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub fn main(file: &Path) -> ExitCode {
    let source = match super::read_file(file) {
        Ok(s) => s,
        Err(code) => return code,
    };
    match refvm_syntax::tokenize_report(&source, &file.to_string_lossy()) {
        Ok(report) => {
            let _ = std::io::stdout().write_all(report.stdout.as_bytes());
            let _ = std::io::stderr().write_all(report.stderr.as_bytes());
            ExitCode::from(report.exit_code.clamp(0, 255) as u8)
        }
        Err(u) => super::unsupported(&u),
    }
}
