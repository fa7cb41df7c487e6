//! CPython's `repr()` of the constants `dis` prints. A frozenset prints its members in
//! the order the `Constant` holds them, which is CPython's iteration order (see
//! `crate::frozenset`).

use crate::code::{CodeObject, Constant};
use refvm_common::repr::{bytes_repr, complex_repr, float_repr, str_repr};
use std::fmt::Write;

/// `repr(constant)`; code objects print with the address `addr_of` gives them.
pub fn constant_repr(c: &Constant, addr_of: &dyn Fn(&CodeObject) -> usize) -> String {
    let mut out = String::new();
    write_repr(c, addr_of, &mut out, 0);
    out
}

/// Nesting deeper than this prints `...` (CPython would recurse; marshal data is at
/// most 2000 deep and compiler constants far less).
const MAX_REPR_DEPTH: usize = 2100;

fn write_repr(
    c: &Constant,
    addr_of: &dyn Fn(&CodeObject) -> usize,
    out: &mut String,
    depth: usize,
) {
    if depth > MAX_REPR_DEPTH {
        out.push_str("...");
        return;
    }
    match c {
        Constant::None => out.push_str("None"),
        Constant::Ellipsis => out.push_str("Ellipsis"),
        Constant::StopIteration => out.push_str("<class 'StopIteration'>"),
        Constant::Bool(true) => out.push_str("True"),
        Constant::Bool(false) => out.push_str("False"),
        Constant::Int(i) => {
            let _ = write!(out, "{i}");
        }
        Constant::Float(x) => out.push_str(&float_repr(*x)),
        Constant::Complex { re, im } => out.push_str(&complex_repr(*re, *im)),
        Constant::Str(s) => out.push_str(&str_repr(s)),
        Constant::Bytes(b) => out.push_str(&bytes_repr(b)),
        Constant::Tuple(items) => {
            out.push('(');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_repr(item, addr_of, out, depth + 1);
            }
            if items.len() == 1 {
                out.push(',');
            }
            out.push(')');
        }
        Constant::FrozenSet(items) => {
            if items.is_empty() {
                out.push_str("frozenset()");
                return;
            }
            out.push_str("frozenset({");
            for (i, item) in crate::frozenset::iterated(items).into_iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_repr(item, addr_of, out, depth + 1);
            }
            out.push_str("})");
        }
        Constant::Code(code) => out.push_str(&code_repr(code, addr_of(code))),
    }
}

/// `repr(code)`: `<code object NAME at 0x…, file "FILENAME", line N>`.
pub fn code_repr(code: &CodeObject, addr: usize) -> String {
    format!(
        "<code object {} at {addr:#x}, file \"{}\", line {}>",
        code.name, code.filename, code.firstlineno
    )
}
