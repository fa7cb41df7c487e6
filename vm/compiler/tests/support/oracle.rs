//! Runs `oracle.py` (the live python3) over many files in one process and parses its
//! records, and compares refvm's compilation against them.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command, Stdio};

/// What CPython produced for one file.
#[derive(Debug, Clone)]
pub struct Record {
    pub path: String,
    /// `ast.parse` serialised, or `Err(message)` when CPython's parser rejected it.
    pub ast: Result<Vec<u8>, String>,
    /// The code dump, or `Err("<type>\n<msg>\n<lineno>\n<offset>\n<end_lineno>\n<end_offset>")`.
    pub code: Option<Result<String, String>>,
    /// `marshal.dumps` of CPython's code object, when it compiled.
    pub marshal: Option<Vec<u8>>,
}

/// The directory holding `oracle.py`.
pub fn support_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support")
}

/// Runs the oracle over `paths` (bounded by `timeout_secs`).
pub fn run(paths: &[String], timeout_secs: u64) -> Result<Vec<Record>, String> {
    let script = support_dir().join("oracle.py");
    let mut child = Command::new("timeout")
        .arg(timeout_secs.to_string())
        .arg("python3")
        .arg(script)
        .env("PYTHONHASHSEED", "0")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| format!("cannot run python3: {e}"))?;
    let mut stdin = child.stdin.take().ok_or("no stdin")?;
    let input: String = paths.iter().map(|p| format!("{p}\n")).collect();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let mut r = BufReader::new(stdout);
    let mut records = Vec::new();
    let mut line = Vec::new();
    loop {
        line.clear();
        if r.read_until(b'\n', &mut line).map_err(|e| e.to_string())? == 0 {
            break;
        }
        let text = String::from_utf8_lossy(&line)
            .trim_end_matches('\n')
            .to_string();
        let (tag, rest) = text.split_once(' ').unwrap_or((&text, ""));
        match tag {
            "FILE" => records.push(Record {
                path: rest.to_string(),
                ast: Err(String::new()),
                code: None,
                marshal: None,
            }),
            "AST" | "PARSEERR" | "CODE" | "ERR" | "MARSHAL" => {
                let n: usize = rest
                    .parse()
                    .map_err(|_| format!("bad length in {text:?}"))?;
                let mut buf = vec![0u8; n];
                r.read_exact(&mut buf).map_err(|e| e.to_string())?;
                let rec = records.last_mut().ok_or("record before FILE")?;
                match tag {
                    "AST" => rec.ast = Ok(buf),
                    "PARSEERR" => rec.ast = Err(String::from_utf8_lossy(&buf).into_owned()),
                    "CODE" => rec.code = Some(Ok(String::from_utf8_lossy(&buf).into_owned())),
                    "MARSHAL" => rec.marshal = Some(buf),
                    _ => rec.code = Some(Err(String::from_utf8_lossy(&buf).into_owned())),
                }
            }
            _ => return Err(format!("unexpected oracle line {text:?}")),
        }
    }
    let _ = writer.join();
    let status = child.wait().map_err(|e| e.to_string())?;
    if !status.success() {
        return Err(format!("oracle exited with {status}"));
    }
    Ok(records)
}

/// The first line where two dumps differ, as `path: cpython=… refvm=…`.
pub fn first_difference(cpython: &str, refvm: &str) -> Option<String> {
    let mut a = cpython.lines();
    let mut b = refvm.lines();
    loop {
        match (a.next(), b.next()) {
            (None, None) => return None,
            (x, y) => {
                if x == y {
                    continue;
                }
                let key =
                    |l: Option<&str>| l.map(|s| s.split_once(' ').map_or(s, |p| p.0).to_string());
                let path = key(x).or(key(y)).unwrap_or_default();
                let val = |l: Option<&str>| {
                    l.map(|s| s.split_once(' ').map_or("", |p| p.1).to_string())
                        .unwrap_or("<missing>".into())
                };
                let (a, b) = (val(x), val(y));
                if path.ends_with("co_code")
                    || path.ends_with("co_linetable")
                    || path.ends_with("co_exceptiontable")
                {
                    return Some(format!("{path}: {}", hex_window(&a, &b)));
                }
                return Some(format!("{path}: cpython={a} refvm={b}"));
            }
        }
    }
}

/// Where two hex strings first differ, with a little context (offsets in bytes).
fn hex_window(a: &str, b: &str) -> String {
    let ab = a.as_bytes();
    let bb = b.as_bytes();
    let mut i = 0;
    while i < ab.len() && i < bb.len() && ab[i] == bb[i] {
        i += 1;
    }
    let byte = i / 2;
    let start = byte.saturating_sub(6) * 2;
    let end_a = (byte * 2 + 20).min(ab.len());
    let end_b = (byte * 2 + 20).min(bb.len());
    format!(
        "first difference at byte {byte} (len cpython={} refvm={}): cpython=..{}.. refvm=..{}..",
        ab.len() / 2,
        bb.len() / 2,
        &a[start.min(end_a)..end_a],
        &b[start.min(end_b)..end_b]
    )
}

/// Runs `python3 -c script args…` (hash seed 0, bounded to 60 s) and returns its stdout
/// lines; panics with python3's stderr if it fails.
pub fn python3_lines(script: &str, args: &[String]) -> Vec<String> {
    let out = Command::new("timeout")
        .args(["60", "python3", "-c", script])
        .args(args)
        .env("PYTHONHASHSEED", "0")
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_owned)
        .collect()
}

/// Bytes of a hex string (CPython's `bytes.hex()`).
pub fn unhex(h: &str) -> Vec<u8> {
    (0..h.len())
        .step_by(2)
        .filter_map(|i| h.get(i..i + 2).and_then(|b| u8::from_str_radix(b, 16).ok()))
        .collect()
}

/// Compares refvm's code object with CPython's `marshal.dumps(co).hex()`: first the
/// trees (a difference shows both disassemblies), then the marshal bytes. A difference
/// is pushed to `failures`, labelled.
pub fn compare_with_marshal_hex(
    label: &str,
    ours: &refvm_bytecode::CodeObject,
    hex: &str,
    failures: &mut Vec<String>,
) {
    let expect = unhex(hex);
    let theirs = refvm_bytecode::marshal::loads(&expect).expect("CPython's marshal reads");
    if *ours != theirs {
        failures.push(format!(
            "{label}: code objects differ\n--- cpython\n{}\n--- refvm\n{}",
            refvm_bytecode::dis::dis_module(&theirs).unwrap_or_default(),
            refvm_bytecode::dis::dis_module(ours).unwrap_or_default()
        ));
        return;
    }
    let bytes = refvm_bytecode::marshal::dumps(ours).expect("marshal");
    if bytes != expect {
        failures.push(format!("{label}: marshal bytes differ"));
    }
}
