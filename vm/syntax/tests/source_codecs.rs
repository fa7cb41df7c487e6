//! refvm's source decoding against the live CPython: codec lookup for every alias and
//! spelling, `bytes.decode` results and error messages for every codec refvm implements,
//! and the freshness of the generated tables.

mod support {
    pub mod pyish;
}

use refvm_syntax::source::codecs::{self, CodecKind};
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// Runs a Python script with `input` on stdin, returning stdout (bounded by `timeout`).
fn python(script: &str, input: &str) -> String {
    let mut child = Command::new("timeout")
        .args(["300", "python3", "-c", script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3 (the oracle) must be on PATH");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_owned();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    let out = child.wait_with_output().expect("python3 output");
    let _ = writer.join();
    assert!(out.status.success(), "python3 failed");
    String::from_utf8(out.stdout).expect("utf-8")
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

#[test]
fn lookup_matches_python() {
    let script = r#"
import codecs, sys
for name in sys.stdin.read().split("\n"):
    try:
        info = codecs.lookup(name)
        print(info.incrementaldecoder.__module__.split(".", 1)[1])
    except LookupError:
        print("-")
"#;
    let mut names: Vec<String> = Vec::new();
    let seeds = [
        "utf-8",
        "UTF8",
        "u8",
        "utf",
        "utf_8_sig",
        "latin-1",
        "Latin_1",
        "iso-8859-1",
        "iso8859-15",
        "ISO_8859-15",
        "koi8-r",
        "KOI8_U",
        "cp1252",
        "windows-1252",
        "mac-roman",
        "macintosh",
        "ascii",
        "us-ascii",
        "646",
        "utf-16",
        "utf-16-le",
        "UTF-32BE",
        "rot13",
        "rot-13",
        "hex",
        "base64",
        "undefined",
        "charmap",
        "mbcs",
        "oem",
        "aliases",
        "foo",
        "",
        "-",
        "utf--8",
        "utf.8",
        "utf_8.",
        ".utf8",
        "latin 1",
        "  latin1  ",
        "euc-jp",
        "shift_jis",
        "sjis",
        "cp65001",
        "8859",
        "l1",
        "ibm437",
        "x-mac-japanese",
        "utf8-sig",
        "iso_ir_6",
        "iso-ir-6",
        "ANSI_X3.4-1968",
        "ansi_x3.4_1968",
        "tis620",
        "cp-1252",
        "windows_1252",
        "big5-tw",
    ];
    names.extend(seeds.iter().map(|s| s.to_string()));
    let mut rng = support::pyish::Rng::new(7);
    let alphabet: Vec<char> = "abcdefghiklmnorstuwxyz0123456789-_. ".chars().collect();
    for _ in 0..2000 {
        let n = 1 + rng.below(10);
        names.push((0..n).map(|_| rng.pick(&alphabet)).collect());
    }
    let want = python(script, &names.join("\n"));
    let mut bad = Vec::new();
    for (name, want) in names.iter().zip(want.lines()) {
        let have = codecs::lookup(name).map_or("-", |c| c.module);
        if have != want {
            bad.push(format!("{name:?}: refvm {have}, python {want}"));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn decode_matches_python() {
    let script = r#"
import sys
for line in sys.stdin.read().split("\n"):
    if not line:
        continue
    name, data = line.split(" ")
    try:
        print("OK " + bytes.fromhex(data).decode(name).encode("utf-8").hex())
    except Exception as e:
        print("ERR %s: %s" % (type(e).__name__, e))
"#;
    let mut rng = support::pyish::Rng::new(11);
    let mut cases: Vec<(String, Vec<u8>)> = Vec::new();
    let mut names: Vec<&str> = vec![
        "utf-8", "utf8", "u8", "latin-1", "ascii", "646", "utf-16", "utf-32",
    ];
    names.extend(codecs::MODULE_NAMES.iter().copied());
    let interesting: &[u8] = &[
        0, 0x0a, 0x41, 0x80, 0x81, 0x9d, 0xa0, 0xbf, 0xc2, 0xc3, 0xd8, 0xdc, 0xe0, 0xe2, 0xed,
        0xef, 0xf0, 0xf4, 0xf5, 0xfe, 0xff,
    ];
    for name in names {
        let kind = codecs::lookup(name).map(|c| c.kind);
        if matches!(kind, None | Some(CodecKind::Unsupported)) {
            continue;
        }
        for _ in 0..60 {
            let n = rng.below(12);
            let bytes: Vec<u8> = (0..n)
                .map(|_| {
                    if rng.below(2) == 0 {
                        rng.pick(interesting)
                    } else {
                        rng.below(256) as u8
                    }
                })
                .collect();
            cases.push((name.to_owned(), bytes));
        }
    }
    let input: String = cases
        .iter()
        .map(|(n, b)| format!("{n} {}\n", hex(b)))
        .collect();
    let want = python(script, &input);
    let mut bad = Vec::new();
    for ((name, bytes), want) in cases.iter().zip(want.lines()) {
        let mut out = String::new();
        let have = match codecs::decode(name, bytes, &mut out) {
            Ok(()) => format!("OK {}", hex(out.as_bytes())),
            Err(e) => format!("ERR {}: {}", e.failure.exception_name(), e.failure),
        };
        if have != want {
            bad.push(format!(
                "{name} {}: refvm {have:?}, python {want:?}",
                hex(bytes)
            ));
        }
    }
    assert!(
        bad.is_empty(),
        "{} of {}:\n{}",
        bad.len(),
        cases.len(),
        bad.join("\n")
    );
}

fn check_fresh(generator: &str, committed: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new("timeout")
        .args(["300", "python3"])
        .arg(root.join(generator))
        .output()
        .expect("python3 must be on PATH");
    assert!(out.status.success(), "{generator} failed");
    let have = std::fs::read_to_string(root.join(committed)).expect("committed file");
    assert!(
        String::from_utf8_lossy(&out.stdout) == have,
        "{committed} is stale: rerun {generator}"
    );
}

#[test]
fn codec_tables_are_fresh() {
    check_fresh("gen/codec_tables.py", "src/source/codec_tables.rs");
}

#[test]
fn tokenize_tracebacks_are_fresh() {
    check_fresh("gen/tokenize_tracebacks.py", "src/tokenize/tracebacks.rs");
}

/// `source::decode_string_input` against `compile(source_bytes, 'f.py', 'exec')`: the same
/// sources are rejected while decoding (CPython raises those `SyntaxError`s at line 0, or
/// for NUL bytes), with the same messages.
#[test]
fn string_input_decoding_matches_compile() {
    use refvm_syntax::source::{CSourceError, decode_string_input};
    let script = r#"
import sys
for line in sys.stdin.read().split("\n"):
    if not line:
        continue
    try:
        compile(bytes.fromhex(line[1:]), "f.py", "exec")
        print("OK")
    except SyntaxError as e:
        if e.lineno in (0, None) or "null bytes" in e.msg:
            print("ERR " + e.msg)
        else:
            print("OK")
    except Exception as e:
        print("EXC %s: %s" % (type(e).__name__, e))
"#;
    let heads: &[&[u8]] = &[
        b"",
        b"\xef\xbb\xbf",
        b"# coding: latin-1\n",
        b"# coding: utf-8\n",
        b"#coding:utf8\n",
        b"\xef\xbb\xbf# coding: utf-8\n",
        b"\xef\xbb\xbf# coding: latin-1\n",
        b"\xef\xbb\xbf# coding: utf8\n",
        b"# coding: foo\n",
        b"# coding: rot13\n",
        b"# coding: cp1252\n",
        b"# coding: ascii\n",
        b"#!python\n# -*- coding: koi8-r -*-\n",
        b"x = 1\n# coding: foo\n",
        b"\n\n# coding: foo\n",
        b"# coding: utf-16\n",
        b"# coding: undefined\n",
        b"#\r# coding: foo\r",
        b"# coding: latin-1\r\n",
        b"#\xff coding: foo\n",
        b"  # vim: set fileencoding=iso8859-15 :\n",
        b"# coding=\n# coding: foo\n",
        b"# codingcoding: foo\n",
        b"#coding:",
        b"# coding: euc-jp\n",
    ];
    let bodies: &[&[u8]] = &[
        b"x = 1\n",
        b"x = '\xe9'\n",
        b"x = '\x81'\n",
        b"s = '\xff\xfe'\r\n",
        b"x = 1",
        b"\x00",
        b"",
        b"y = 2\r",
        b"x = '\xc3\xa9'\n",
    ];
    let mut cases = Vec::new();
    for h in heads {
        for b in bodies {
            cases.push([*h, *b].concat());
        }
    }
    let input: String = cases.iter().map(|c| format!("x{}\n", hex(c))).collect();
    let want = python(script, &input);
    let mut bad = Vec::new();
    for (case, want) in cases.iter().zip(want.lines()) {
        let have = match decode_string_input(case) {
            Ok(_) => "OK".to_owned(),
            Err(CSourceError::NullBytes) => {
                "ERR source code string cannot contain null bytes".to_owned()
            }
            Err(CSourceError::Syntax(m)) => format!("ERR {m}"),
            Err(CSourceError::Unsupported(_)) => continue,
        };
        if have != want {
            bad.push(format!(
                "{:?}: refvm {have:?}, python {want:?}",
                String::from_utf8_lossy(case)
            ));
        }
    }
    assert!(
        bad.is_empty(),
        "{} of {}:\n{}",
        bad.len(),
        cases.len(),
        bad.join("\n")
    );
}
