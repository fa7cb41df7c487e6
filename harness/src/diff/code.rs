//! The bytecode layer: two code-object trees compared field by field, recursively
//! through `co_consts`, naming the first differing path (`co_consts[3].co_code`).

use super::{text::diff_text_or_error, unified};
use crate::observe::{CodeObs, ErrorObs};
use crate::outcome::{Outcome, Verdict};
use refvm_bytecode::opcode::opname;
use refvm_bytecode::{CodeObject, Constant};
use refvm_common::repr;

/// The bytecode layer: the same error, or equal trees.
pub fn diff_code(
    cpython: &Result<CodeObs, ErrorObs>,
    refvm: &Result<CodeObs, ErrorObs>,
) -> Verdict {
    match (cpython, refvm) {
        (Ok(a), Ok(b)) => match (a, b) {
            (CodeObs::Tree(a), CodeObs::Tree(b)) => match first_difference(a, b) {
                None => Verdict::pass(),
                Some(d) => Verdict::diverge(d),
            },
            (CodeObs::Unreadable(why), _) => {
                Verdict::new(Outcome::Unsupported, format!("cpython: {why}"))
            }
            (_, CodeObs::Unreadable(why)) => {
                Verdict::new(Outcome::Unsupported, format!("refvm: {why}"))
            }
        },
        (Err(_), Err(_)) => {
            let text = |r: &Result<CodeObs, ErrorObs>| {
                r.as_ref().map(|_| String::new()).map_err(Clone::clone)
            };
            diff_text_or_error("compile()", &text(cpython), &text(refvm))
        }
        (Ok(_), Err(e)) => Verdict::diverge(format!(
            "cpython compiled it; refvm raised {}: {} (line {:?})",
            e.type_name, e.msg, e.lineno
        )),
        (Err(e), Ok(_)) => Verdict::diverge(format!(
            "cpython raised {}: {} (line {:?}); refvm compiled it",
            e.type_name, e.msg, e.lineno
        )),
    }
}

/// The first field (depth first, in marshal's field order) where two code objects
/// differ, as `path: headline` and a diff of the two values.
pub fn first_difference(a: &CodeObject, b: &CodeObject) -> Option<String> {
    code_diff(a, b, "")
}

fn code_diff(a: &CodeObject, b: &CodeObject, path: &str) -> Option<String> {
    macro_rules! scalar {
        ($field:ident, $name:literal) => {
            if a.$field != b.$field {
                return Some(value_diff(
                    path,
                    $name,
                    &format!("{:?}", a.$field),
                    &format!("{:?}", b.$field),
                ));
            }
        };
    }
    scalar!(argcount, "co_argcount");
    scalar!(posonlyargcount, "co_posonlyargcount");
    scalar!(kwonlyargcount, "co_kwonlyargcount");
    scalar!(stacksize, "co_stacksize");
    if a.flags != b.flags {
        return Some(value_diff(
            path,
            "co_flags",
            &format!("{:#x}", a.flags),
            &format!("{:#x}", b.flags),
        ));
    }
    if a.code != b.code {
        return Some(value_diff(
            path,
            "co_code",
            &code_units(&a.code),
            &code_units(&b.code),
        ));
    }
    let consts_path = format!("{path}co_consts");
    if let Some(d) = consts_diff(&a.consts, &b.consts, &consts_path) {
        return Some(d);
    }
    for (name, x, y) in [
        ("co_names", &a.names, &b.names),
        ("co_localsplusnames", &a.localsplusnames, &b.localsplusnames),
    ] {
        if x != y {
            let render = |v: &[refvm_common::PyStr]| {
                v.iter()
                    .map(|s| repr::str_repr(s) + "\n")
                    .collect::<String>()
            };
            return Some(value_diff(path, name, &render(x), &render(y)));
        }
    }
    if a.localspluskinds != b.localspluskinds {
        return Some(value_diff(
            path,
            "co_localspluskinds",
            &hex_rows(&a.localspluskinds),
            &hex_rows(&b.localspluskinds),
        ));
    }
    for (name, x, y) in [
        ("co_filename", &a.filename, &b.filename),
        ("co_name", &a.name, &b.name),
        ("co_qualname", &a.qualname, &b.qualname),
    ] {
        if x != y {
            return Some(value_diff(
                path,
                name,
                &repr::str_repr(x),
                &repr::str_repr(y),
            ));
        }
    }
    scalar!(firstlineno, "co_firstlineno");
    if a.linetable != b.linetable {
        return Some(value_diff(
            path,
            "co_linetable",
            &hex_rows(&a.linetable),
            &hex_rows(&b.linetable),
        ));
    }
    if a.exceptiontable != b.exceptiontable {
        return Some(value_diff(
            path,
            "co_exceptiontable",
            &hex_rows(&a.exceptiontable),
            &hex_rows(&b.exceptiontable),
        ));
    }
    None
}

fn consts_diff(a: &[Constant], b: &[Constant], path: &str) -> Option<String> {
    for (i, (x, y)) in a.iter().zip(b).enumerate() {
        let here = format!("{path}[{i}]");
        match (x, y) {
            (Constant::Code(x), Constant::Code(y)) => {
                if let Some(d) = code_diff(x, y, &format!("{here}.")) {
                    return Some(d);
                }
            }
            (Constant::Tuple(x), Constant::Tuple(y)) => {
                if let Some(d) = consts_diff(x, y, &here) {
                    return Some(d);
                }
            }
            // marshal writes a frozenset's members sorted by their marshalled bytes, so
            // CPython's tree (read back from marshal) cannot show the member order its
            // compiler left: compare members as a set (the dis layer checks the order).
            (Constant::FrozenSet(_), Constant::FrozenSet(_)) if x == y => {}
            _ if x != y => return Some(value_diff("", &here, &const_repr(x), &const_repr(y))),
            _ => {}
        }
    }
    if a.len() != b.len() {
        let render = |v: &[Constant]| v.iter().map(|c| const_repr(c) + "\n").collect::<String>();
        return Some(format!(
            "{path}: {} constants (cpython) vs {} (refvm)\n{}",
            a.len(),
            b.len(),
            unified(&render(a), &render(b))
        ));
    }
    None
}

fn value_diff(path: &str, field: &str, a: &str, b: &str) -> String {
    let (a, b) = (ensure_newline(a), ensure_newline(b));
    format!("{path}{field} differs\n{}", unified(&a, &b))
}

fn ensure_newline(s: &str) -> String {
    if s.ends_with('\n') {
        s.to_owned()
    } else {
        format!("{s}\n")
    }
}

/// `co_code` as one line per 2-byte code unit: `offset: OPNAME arg` (CACHE entries
/// included, as they are part of `co_code`).
fn code_units(code: &[u8]) -> String {
    code.chunks(2)
        .enumerate()
        .map(|(i, u)| match u {
            [op, arg] => format!("{:>5}: {:<24} {arg}\n", i * 2, opname(*op)),
            [op] => format!("{:>5}: {}\n", i * 2, opname(*op)),
            _ => String::new(),
        })
        .collect()
}

fn hex_rows(bytes: &[u8]) -> String {
    bytes
        .chunks(16)
        .map(|c| {
            c.iter()
                .map(|b| format!("{b:02x}"))
                .collect::<Vec<_>>()
                .join(" ")
                + "\n"
        })
        .collect()
}

/// A constant as Python's `repr` shows it (code objects by name).
pub fn const_repr(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::Ellipsis => "Ellipsis".into(),
        Constant::StopIteration => "StopIteration".into(),
        Constant::Bool(b) => if *b { "True" } else { "False" }.into(),
        Constant::Int(i) => i.to_string(),
        Constant::Float(f) => repr::float_repr(*f),
        Constant::Complex { re, im } => repr::complex_repr(*re, *im),
        Constant::Str(s) => repr::str_repr(s),
        Constant::Bytes(b) => repr::bytes_repr(b),
        Constant::Tuple(items) => {
            let inner: Vec<String> = items.iter().map(const_repr).collect();
            if items.len() == 1 {
                format!("({},)", inner[0])
            } else {
                format!("({})", inner.join(", "))
            }
        }
        Constant::FrozenSet(items) => {
            let inner: Vec<String> = refvm_bytecode::frozenset::iterated(items)
                .into_iter()
                .map(const_repr)
                .collect();
            format!("frozenset({{{}}})", inner.join(", "))
        }
        Constant::Code(code) => format!("<code object {}>", code.name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use refvm_common::PyStr;
    use std::sync::Arc;

    fn code(name: &str, consts: Vec<Constant>) -> CodeObject {
        CodeObject {
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            stacksize: 1,
            flags: 0,
            code: vec![151, 0, 100, 0, 83, 0],
            consts,
            names: vec![],
            localsplusnames: vec![],
            localspluskinds: vec![],
            filename: PyStr::from("x.py"),
            name: PyStr::from(name),
            qualname: PyStr::from(name),
            firstlineno: 1,
            linetable: vec![],
            exceptiontable: vec![],
        }
    }

    fn tree(c: CodeObject) -> Result<CodeObs, ErrorObs> {
        Ok(CodeObs::Tree(Arc::new(c)))
    }

    #[test]
    fn equal_trees_pass() {
        let a = code(
            "<module>",
            vec![Constant::None, Constant::Code(Arc::new(code("f", vec![])))],
        );
        assert_eq!(diff_code(&tree(a.clone()), &tree(a)).outcome, Outcome::Pass);
    }

    #[test]
    fn first_differing_path_is_named() {
        let inner = code("f", vec![Constant::None]);
        let mut inner2 = inner.clone();
        inner2.code[2] = 101;
        let a = code(
            "<module>",
            vec![Constant::Int(1.into()), Constant::Code(Arc::new(inner))],
        );
        let b = code(
            "<module>",
            vec![Constant::Int(1.into()), Constant::Code(Arc::new(inner2))],
        );
        let d = diff_code(&tree(a.clone()), &tree(b)).detail.unwrap();
        assert!(d.starts_with("co_consts[1].co_code differs"), "{d}");
        assert!(
            d.contains("-    2: LOAD_CONST               0\n+    2: LOAD_NAME                0"),
            "{d}"
        );

        let mut c = a.clone();
        c.consts[0] = Constant::Tuple(vec![Constant::Str(PyStr::from("a"))]);
        let d = diff_code(&tree(a.clone()), &tree(c)).detail.unwrap();
        assert!(
            d.starts_with("co_consts[0] differs") && d.contains("+('a',)"),
            "{d}"
        );

        let mut e = a.clone();
        e.qualname = PyStr::from("g");
        assert!(
            diff_code(&tree(a.clone()), &tree(e))
                .detail
                .unwrap()
                .starts_with("co_qualname differs")
        );
        let mut f = a.clone();
        f.consts.push(Constant::None);
        assert!(
            diff_code(&tree(a), &tree(f))
                .detail
                .unwrap()
                .starts_with("co_consts: 2 constants")
        );
    }

    #[test]
    fn errors_unreadable_and_mismatch() {
        let e = ErrorObs {
            type_name: "SyntaxError".into(),
            msg: "invalid syntax".into(),
            lineno: Some(1),
            offset: Some(1),
            end_lineno: Some(1),
            end_offset: Some(2),
        };
        assert_eq!(
            diff_code(&Err(e.clone()), &Err(e.clone())).outcome,
            Outcome::Pass
        );
        let t = tree(code("<module>", vec![]));
        assert_eq!(diff_code(&Err(e.clone()), &t).outcome, Outcome::Diverge);
        let u = Ok(CodeObs::Unreadable("reader missing".into()));
        assert_eq!(diff_code(&u, &t).outcome, Outcome::Unsupported);
        // Compiled vs raised is a divergence even when the tree cannot be read.
        assert_eq!(diff_code(&u, &Err(e)).outcome, Outcome::Diverge);
    }
}
