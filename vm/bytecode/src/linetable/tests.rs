//! The location table against the live `python3`: decoding gives `co_positions()` and
//! `co_lines()`, and re-encoding each instruction's location gives `co_linetable` back.

use super::*;
use crate::code::{CodeObject, Constant};
use crate::opcode::{EXTENDED_ARG, inline_cache_entries};
use crate::testutil::python;

/// Source files whose code objects are checked: all kinds of location entries.
const FILES: &[&str] = &[
    "dis.py",
    "ast.py",
    "inspect.py",
    "test/test_grammar.py",
    "test/test_patma.py",
];

/// For each file: the marshalled module code, then one line per code object (in
/// depth-first `co_consts` order) with co_positions and co_lines as JSON.
const SCRIPT: &str = r#"
import sys, json, marshal, sysconfig, types
lib = sysconfig.get_paths()['stdlib']
for name in sys.argv[1:]:
    path = lib + '/' + name
    code = compile(open(path, 'rb').read(), path, 'exec')
    print(marshal.dumps(code).hex())
    def walk(c):
        print(json.dumps([list(c.co_positions()), list(c.co_lines())]))
        for k in c.co_consts:
            if isinstance(k, types.CodeType):
                walk(k)
    walk(code)
    print('end')
"#;

fn walk<'a>(code: &'a CodeObject, out: &mut Vec<&'a CodeObject>) {
    out.push(code);
    for c in &code.consts {
        if let Constant::Code(inner) = c {
            walk(inner, out);
        }
    }
}

fn json_opt(v: &serde_json::Value) -> Option<i32> {
    v.as_i64().map(|x| x as i32)
}

#[test]
fn decoder_matches_co_positions_and_co_lines() {
    let text = python(SCRIPT, FILES);
    let mut lines = text.lines();
    let mut checked = 0;
    while let Some(hex) = lines.next() {
        let bytes: Vec<u8> = (0..hex.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
            .collect();
        let module = crate::marshal::loads(&bytes).unwrap();
        let mut codes = Vec::new();
        walk(&module, &mut codes);
        for code in codes {
            let v: serde_json::Value = serde_json::from_str(lines.next().unwrap()).unwrap();
            let table = LineTable::new(&code.linetable, code.firstlineno).unwrap();
            let positions: Vec<Position> = table.positions().collect();
            let expect: Vec<Position> = v[0]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| Position {
                    line: json_opt(&p[0]),
                    end_line: json_opt(&p[1]),
                    col: json_opt(&p[2]),
                    end_col: json_opt(&p[3]),
                })
                .collect();
            assert_eq!(positions, expect, "{}", code.qualname);
            let co_lines: Vec<(u32, u32, Option<i32>)> = table.lines().collect();
            let expect: Vec<(u32, u32, Option<i32>)> = v[1]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| {
                    (
                        l[0].as_u64().unwrap() as u32,
                        l[1].as_u64().unwrap() as u32,
                        json_opt(&l[2]),
                    )
                })
                .collect();
            assert_eq!(co_lines, expect, "{}", code.qualname);
            checked += 1;
        }
        assert_eq!(lines.next(), Some("end"));
    }
    assert!(checked > 500, "{checked}");
}

/// Splits `co_code` into the assembler's instructions (EXTENDED_ARG prefixes and
/// CACHE entries belong to their instruction) and re-encodes their locations.
pub(crate) fn reencode(code: &CodeObject) -> Vec<u8> {
    let table = LineTable::new(&code.linetable, code.firstlineno).unwrap();
    let positions: Vec<Position> = table.positions().collect();
    let mut w = LineTableWriter::new(code.firstlineno);
    let units = code.code.len() / 2;
    let mut i = 0;
    while i < units {
        let start = i;
        while i + 1 < units && code.code[2 * i] == EXTENDED_ARG {
            i += 1;
        }
        i += 1 + usize::from(inline_cache_entries(code.code[2 * i]));
        let p = positions.get(start).copied().unwrap_or_default();
        let loc = Location {
            lineno: p.line.unwrap_or(-1),
            end_lineno: p.end_line.unwrap_or(-1),
            col_offset: p.col.unwrap_or(-1),
            end_col_offset: p.end_col.unwrap_or(-1),
        };
        w.emit(&loc, i.min(units) - start);
    }
    w.finish()
}

#[test]
fn encoder_reproduces_cpython_tables() {
    let text = python(SCRIPT, FILES);
    let mut n = 0;
    for hex in text.lines().filter(|l| !l.starts_with('[') && *l != "end") {
        let bytes: Vec<u8> = (0..hex.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
            .collect();
        let module = crate::marshal::loads(&bytes).unwrap();
        let mut codes = Vec::new();
        walk(&module, &mut codes);
        for code in codes {
            assert_eq!(reencode(code), code.linetable, "{}", code.qualname);
            n += 1;
        }
    }
    assert!(n > 500);
}

#[test]
fn examples_from_locations_md() {
    // 63 and 200 as varints.
    let mut v = Vec::new();
    write_varint(&mut v, 63);
    write_varint(&mut v, 200);
    assert_eq!(v, [0x3f, 0x48, 0x03]);
    // A short-form entry: same line, columns 4..9, two code units.
    let mut w = LineTableWriter::new(5);
    w.emit(
        &Location {
            lineno: 5,
            end_lineno: 5,
            col_offset: 4,
            end_col_offset: 9,
        },
        2,
    );
    let t = w.finish();
    assert_eq!(t, [0x80 | 1, (4 << 4) | 5]);
    let e = decode(&t, 5).unwrap();
    assert_eq!(
        e[0].position,
        Position {
            line: Some(5),
            end_line: Some(5),
            col: Some(4),
            end_col: Some(9)
        }
    );
    assert_eq!((e[0].start, e[0].end), (0, 4));
}

#[test]
fn malformed_tables_are_errors_not_panics() {
    assert_eq!(
        decode(&[0x01], 1),
        Err(LineTableError::NotAnEntryStart { offset: 0 })
    );
    assert_eq!(
        decode(&[0xf0], 1),
        Err(LineTableError::Truncated { offset: 1 })
    );
    assert_eq!(
        decode(&[0xf0, 0x41, 0x80], 1),
        Err(LineTableError::Truncated { offset: 2 })
    );
    assert!(matches!(
        decode(&[0xf0, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x01], 1),
        Err(LineTableError::VarintTooLong { .. })
    ));
    for len in 0..64u8 {
        let data: Vec<u8> = (0..len).map(|i| i.wrapping_mul(37) ^ 0xa5).collect();
        let _ = decode(&data, i32::MAX);
    }
}
