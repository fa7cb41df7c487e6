//! `ast.dump(node, indent=1, include_attributes=True)`, formatted exactly as `Lib/ast.py`'s
//! `_format` does (a node stays on one line only when it has at most three simple args).

use super::{Constant, Identifier, Location};

/// Formats a node as `ast.dump(node, indent=1, include_attributes=True)`.
pub fn dump_node<T: Dump + ?Sized>(node: &T) -> String {
    let mut out = String::new();
    node.write(&mut out, 0);
    out
}

/// One value as `_format` prints it, written straight into the output (no per-node
/// strings: the text of a deep tree is built in time linear in its length).
pub trait Dump {
    /// `_format`'s "simple" flag: the value prints on one line with nothing nested.
    fn simple(&self) -> bool;
    /// Appends `_format(self, level)[0]`.
    fn write(&self, out: &mut String, level: usize);
}

/// One argument of a node: a field's value or a position attribute.
enum Arg<'a> {
    Value(&'a dyn Dump),
    Int(u32),
}

/// The arguments of one node being formatted.
pub struct NodeFmt<'a> {
    class: &'static str,
    args: Vec<(&'static str, Arg<'a>)>,
}

impl<'a> NodeFmt<'a> {
    pub fn new(class: &'static str) -> Self {
        NodeFmt {
            class,
            args: Vec::new(),
        }
    }

    /// A field that is always present.
    pub fn field<T: Dump>(&mut self, name: &'static str, value: &'a T) {
        self.args.push((name, Arg::Value(value as &dyn Dump)));
    }

    /// A `?` field: left out when None (its class default is None).
    pub fn opt<T: Dump>(&mut self, name: &'static str, value: &'a Option<T>) {
        if let Some(v) = value {
            self.field(name, v);
        }
    }

    /// The four position attributes.
    pub fn loc(&mut self, loc: &Location) {
        self.args.push(("lineno", Arg::Int(loc.lineno)));
        self.args.push(("col_offset", Arg::Int(loc.col_offset)));
        self.args.push(("end_lineno", Arg::Int(loc.end_lineno)));
        self.args
            .push(("end_col_offset", Arg::Int(loc.end_col_offset)));
    }

    /// A node is simple when it has no arguments at all.
    pub fn simple(&self) -> bool {
        self.args.is_empty()
    }

    /// Appends the node: on one line when it has at most three arguments, all simple.
    pub fn write(&self, out: &mut String, level: usize) {
        let level = level + 1;
        let allsimple = self.args.iter().all(|(_, a)| match a {
            Arg::Value(v) => v.simple(),
            Arg::Int(_) => true,
        });
        out.push_str(self.class);
        out.push('(');
        let one_line = allsimple && self.args.len() <= 3;
        if !one_line {
            newline(out, level);
        }
        for (i, (name, arg)) in self.args.iter().enumerate() {
            if i > 0 {
                if one_line {
                    out.push_str(", ");
                } else {
                    out.push(',');
                    newline(out, level);
                }
            }
            out.push_str(name);
            out.push('=');
            match arg {
                Arg::Value(v) => v.write(out, level),
                Arg::Int(n) => out.push_str(&n.to_string()),
            }
        }
        out.push(')');
    }
}

fn newline(out: &mut String, level: usize) {
    out.push('\n');
    out.extend(std::iter::repeat_n(' ', level));
}

impl<T: Dump> Dump for Vec<T> {
    fn simple(&self) -> bool {
        self.is_empty()
    }

    fn write(&self, out: &mut String, level: usize) {
        if self.is_empty() {
            out.push_str("[]");
            return;
        }
        let level = level + 1;
        out.push('[');
        for (i, x) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            newline(out, level);
            x.write(out, level);
        }
        out.push(']');
    }
}

impl<T: Dump + ?Sized> Dump for Box<T> {
    fn simple(&self) -> bool {
        (**self).simple()
    }

    fn write(&self, out: &mut String, level: usize) {
        (**self).write(out, level)
    }
}

impl<T: Dump> Dump for Option<T> {
    fn simple(&self) -> bool {
        self.as_ref().is_none_or(Dump::simple)
    }

    fn write(&self, out: &mut String, level: usize) {
        match self {
            Some(x) => x.write(out, level),
            None => out.push_str("None"),
        }
    }
}

impl Dump for Identifier {
    fn simple(&self) -> bool {
        true
    }

    fn write(&self, out: &mut String, _level: usize) {
        out.push_str(&refvm_common::repr::str_repr(&self.as_str().into()));
    }
}

impl Dump for String {
    fn simple(&self) -> bool {
        true
    }

    fn write(&self, out: &mut String, _level: usize) {
        out.push_str(&refvm_common::repr::str_repr(&self.as_str().into()));
    }
}

impl Dump for i32 {
    fn simple(&self) -> bool {
        true
    }

    fn write(&self, out: &mut String, _level: usize) {
        out.push_str(&self.to_string());
    }
}

impl Dump for Constant {
    fn simple(&self) -> bool {
        true
    }

    fn write(&self, out: &mut String, _level: usize) {
        out.push_str(&self.repr());
    }
}

#[cfg(test)]
mod tests {
    use crate::ast::*;
    use std::process::Command;

    fn loc(l: u32, c: u32, el: u32, ec: u32) -> Location {
        Location {
            lineno: l,
            col_offset: c,
            end_lineno: el,
            end_col_offset: ec,
        }
    }

    /// A hand-built `x = 1.5` dumps exactly as CPython dumps its parse.
    #[test]
    fn dump_matches_cpython() {
        let target = Expr::new(
            ExprKind::Name {
                id: "x".into(),
                ctx: ExprContext::Store,
            },
            loc(1, 0, 1, 1),
        );
        let value = Expr::new(
            ExprKind::Constant {
                value: Constant::Float(1.5),
                kind: None,
            },
            loc(1, 4, 1, 7),
        );
        let stmt = Stmt::new(
            StmtKind::Assign {
                targets: vec![target],
                value: Box::new(value),
                type_comment: None,
            },
            loc(1, 0, 1, 7),
        );
        let module = Module {
            body: vec![stmt],
            type_ignores: vec![],
        };
        let out = Command::new("timeout")
            .args(["60", "python3", "-c"])
            .arg("import ast; print(ast.dump(ast.parse('x = 1.5'), indent=1, include_attributes=True))")
            .output()
            .expect("python3 must be on PATH");
        assert_eq!(dump(&module) + "\n", String::from_utf8_lossy(&out.stdout));
    }
}
