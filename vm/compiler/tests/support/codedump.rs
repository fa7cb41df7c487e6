//! Dumps a refvm code object in the line format of `oracle.py`'s `dump_code`, so two
//! trees compare line by line and the first differing line names the field
//! (`.co_consts[2].co_linetable`).

use refvm_bytecode::{CodeObject, Constant};
use refvm_common::PyStr;
use refvm_common::repr::{bytes_repr, complex_repr, float_repr, str_repr};

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn tuple_repr(items: &[PyStr]) -> String {
    let parts: Vec<String> = items.iter().map(str_repr).collect();
    match parts.len() {
        1 => format!("({},)", parts[0]),
        _ => format!("({})", parts.join(", ")),
    }
}

/// Whether `hash(c)` involves an object's address (None, Ellipsis, code, NaN).
fn address_hashed(c: &Constant) -> bool {
    match c {
        Constant::None | Constant::Ellipsis | Constant::Code(_) => true,
        Constant::Float(x) => x.is_nan(),
        Constant::Complex { re, im } => re.is_nan() || im.is_nan(),
        Constant::Tuple(items) | Constant::FrozenSet(items) => items.iter().any(address_hashed),
        _ => false,
    }
}

fn const_line(c: &Constant, path: &str, lines: &mut Vec<String>) {
    match c {
        Constant::Code(co) => {
            lines.push(format!("{path} code"));
            dump_code(co, path, lines);
        }
        Constant::Tuple(items) => {
            lines.push(format!("{path} tuple({})", items.len()));
            for (i, x) in items.iter().enumerate() {
                const_line(x, &format!("{path}[{i}]"), lines);
            }
        }
        Constant::FrozenSet(items) => {
            // In iteration order: CPython's compiler leaves a frozenset's members in
            // the order its constructions give (PYTHONHASHSEED=0), and so must refvm;
            // sorted when a member's hash is an address (not reproducible).
            let mut members: Vec<String> = refvm_bytecode::frozenset::iterated(items)
                .into_iter()
                .map(|x| {
                    let mut sub = Vec::new();
                    const_line(x, "", &mut sub);
                    sub.join("|")
                })
                .collect();
            if items.iter().any(address_hashed) {
                members.sort();
            }
            lines.push(format!("{path} frozenset{{{}}}", members.join(";")));
        }
        Constant::None => lines.push(format!("{path} None")),
        Constant::Ellipsis => lines.push(format!("{path} Ellipsis")),
        Constant::StopIteration => lines.push(format!("{path} StopIteration")),
        Constant::Bool(b) => lines.push(format!("{path} {}", if *b { "True" } else { "False" })),
        Constant::Int(i) => lines.push(format!("{path} {i}")),
        Constant::Float(x) => lines.push(format!("{path} {}", float_repr(*x))),
        Constant::Complex { re, im } => lines.push(format!("{path} {}", complex_repr(*re, *im))),
        Constant::Str(s) => lines.push(format!("{path} {}", str_repr(s))),
        Constant::Bytes(b) => lines.push(format!("{path} {}", bytes_repr(b))),
    }
}

/// Appends the dump lines of `co` (and its constants, recursively) under `path`.
pub fn dump_code(co: &CodeObject, path: &str, lines: &mut Vec<String>) {
    let fields: [(&str, String); 17] = [
        ("co_argcount", co.argcount.to_string()),
        ("co_posonlyargcount", co.posonlyargcount.to_string()),
        ("co_kwonlyargcount", co.kwonlyargcount.to_string()),
        ("co_stacksize", co.stacksize.to_string()),
        ("co_flags", co.flags.to_string()),
        ("co_name", str_repr(&co.name)),
        ("co_qualname", str_repr(&co.qualname)),
        ("co_firstlineno", co.firstlineno.to_string()),
        ("co_names", tuple_repr(&co.names)),
        ("co_varnames", tuple_repr(&co.varnames())),
        ("co_cellvars", tuple_repr(&co.cellvars())),
        ("co_freevars", tuple_repr(&co.freevars())),
        ("co_localsplusnames", tuple_repr(&co.localsplusnames)),
        ("co_code", hex(&co.code)),
        ("co_linetable", hex(&co.linetable)),
        ("co_exceptiontable", hex(&co.exceptiontable)),
        ("co_consts", co.consts.len().to_string()),
    ];
    for (name, value) in fields {
        lines.push(format!("{path}.{name} {value}"));
    }
    for (i, c) in co.consts.iter().enumerate() {
        const_line(c, &format!("{path}.co_consts[{i}]"), lines);
    }
}

/// The whole dump as one string.
pub fn dump(co: &CodeObject) -> String {
    let mut lines = Vec::new();
    dump_code(co, "", &mut lines);
    let mut s = lines.join("\n");
    s.push('\n');
    s
}

/// One `co_positions()` item per code unit of a location table (the bytecode crate's
/// decoder, expanded per code unit).
pub fn decode_positions(
    table: &[u8],
    firstlineno: i32,
) -> Vec<refvm_bytecode::linetable::Position> {
    let mut out = Vec::new();
    for e in refvm_bytecode::linetable::decode(table, firstlineno).unwrap_or_default() {
        for _ in (e.start..e.end).step_by(2) {
            out.push(e.position);
        }
    }
    out
}
