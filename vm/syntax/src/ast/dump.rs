//! `ast.dump(node, indent=1, include_attributes=True)`, formatted exactly as `Lib/ast.py`'s
//! `_format` does (a node stays on one line only when it has at most three simple args).

use super::{Constant, Identifier, Location};

/// Formats a node as `ast.dump(node, indent=1, include_attributes=True)`.
pub fn dump_node<T: Dump + ?Sized>(node: &T) -> String {
    node.dump(0).0
}

/// One value's `_format`: its text and whether it is "simple" (fits on one line).
pub trait Dump {
    fn dump(&self, level: usize) -> (String, bool);
}

/// The argument list of one node being formatted.
pub struct NodeFmt {
    level: usize,
    args: Vec<String>,
    allsimple: bool,
}

impl NodeFmt {
    /// Starts a node met at `level` (its children are indented by `level + 1`).
    pub fn new(level: usize) -> Self {
        NodeFmt {
            level: level + 1,
            args: Vec::new(),
            allsimple: true,
        }
    }

    /// A field that is always present.
    pub fn field<T: Dump + ?Sized>(&mut self, name: &str, value: &T) {
        let (text, simple) = value.dump(self.level);
        self.allsimple &= simple;
        self.args.push(format!("{name}={text}"));
    }

    /// A `?` field: left out when None (its class default is None).
    pub fn opt<T: Dump>(&mut self, name: &str, value: &Option<T>) {
        if let Some(v) = value {
            self.field(name, v);
        }
    }

    /// The four position attributes.
    pub fn loc(&mut self, loc: &Location) {
        for (name, v) in [
            ("lineno", loc.lineno),
            ("col_offset", loc.col_offset),
            ("end_lineno", loc.end_lineno),
            ("end_col_offset", loc.end_col_offset),
        ] {
            self.args.push(format!("{name}={v}"));
        }
    }

    /// The node's text, given its class name.
    pub fn finish(self, class: &str) -> (String, bool) {
        if self.allsimple && self.args.len() <= 3 {
            let simple = self.args.is_empty();
            return (format!("{class}({})", self.args.join(", ")), simple);
        }
        let indent = " ".repeat(self.level);
        let sep = format!(",\n{indent}");
        (
            format!("{class}(\n{indent}{})", self.args.join(&sep)),
            false,
        )
    }
}

impl<T: Dump> Dump for Vec<T> {
    fn dump(&self, level: usize) -> (String, bool) {
        if self.is_empty() {
            return ("[]".into(), true);
        }
        let level = level + 1;
        let indent = " ".repeat(level);
        let mut out = format!("[\n{indent}");
        for (i, x) in self.iter().enumerate() {
            if i > 0 {
                out.push_str(",\n");
                out.push_str(&indent);
            }
            out.push_str(&x.dump(level).0);
        }
        out.push(']');
        (out, false)
    }
}

impl<T: Dump + ?Sized> Dump for Box<T> {
    fn dump(&self, level: usize) -> (String, bool) {
        (**self).dump(level)
    }
}

impl<T: Dump> Dump for Option<T> {
    fn dump(&self, level: usize) -> (String, bool) {
        match self {
            Some(x) => x.dump(level),
            None => ("None".into(), true),
        }
    }
}

impl Dump for Identifier {
    fn dump(&self, _level: usize) -> (String, bool) {
        (refvm_common::repr::str_repr(&self.as_str().into()), true)
    }
}

impl Dump for String {
    fn dump(&self, _level: usize) -> (String, bool) {
        (refvm_common::repr::str_repr(&self.as_str().into()), true)
    }
}

impl Dump for i32 {
    fn dump(&self, _level: usize) -> (String, bool) {
        (self.to_string(), true)
    }
}

impl Dump for Constant {
    fn dump(&self, _level: usize) -> (String, bool) {
        (self.repr(), true)
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
