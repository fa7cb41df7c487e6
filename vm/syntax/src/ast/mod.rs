//! The Python 3.11 AST, shaped like CPython's ASDL (`Parser/Python.asdl`).
//!
//! The node types live in [`generated`] (generated from the live `ast` module by
//! `vm/syntax/gen/ast_gen.py`); this module adds the leaf types they use:
//! [`Location`] (the four position attributes, columns in UTF-8 bytes), [`Identifier`]
//! (an interned, NFKC-normalised name) and [`Constant`] (the value of `ast.Constant`).
//!
//! Shape, for consumers: a sum type with attributes (`stmt`, `expr`, `pattern`) is a
//! struct `{ node: XKind, loc: Location }` whose `XKind` enum has one struct-like variant
//! per constructor, fields in `_fields` order (`type` is spelt `type_`). Recursive fields
//! are `Box`ed, `*` fields are `Vec`, `?` fields are `Option`. Single-constructor sum types
//! (`excepthandler`, `type_ignore`) are plain structs named after the constructor.

mod dump;
#[rustfmt::skip]
mod generated;

pub use dump::dump_node;
pub use generated::*;

use num_bigint::BigInt;
use refvm_common::PyStr;
use std::fmt;
use std::sync::Arc;

/// `lineno`, `col_offset`, `end_lineno`, `end_col_offset`: lines 1-based, columns 0-based
/// UTF-8 byte offsets into the line, as CPython's AST stores them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Location {
    pub lineno: u32,
    pub col_offset: u32,
    pub end_lineno: u32,
    pub end_col_offset: u32,
}

impl Location {
    /// The span from the start of `self` to the end of `end`.
    pub fn to(self, end: Location) -> Location {
        Location {
            lineno: self.lineno,
            col_offset: self.col_offset,
            end_lineno: end.end_lineno,
            end_col_offset: end.end_col_offset,
        }
    }
}

/// An identifier (ASDL `identifier`): NFKC-normalised, shared (cloning is a reference
/// count increment; the parser interns each distinct name once per parse).
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Identifier(Arc<str>);

impl Identifier {
    pub fn new(s: &str) -> Self {
        Identifier(Arc::from(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Identifier {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Identifier {
    fn from(s: &str) -> Self {
        Identifier::new(s)
    }
}

impl fmt::Debug for Identifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for Identifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The value of an `ast.Constant` (ASDL `constant`). The parser produces every variant
/// but `Tuple` and `FrozenSet`, which exist for the compiler's constant folding.
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    None,
    Bool(bool),
    Ellipsis,
    Int(BigInt),
    Float(f64),
    Complex { real: f64, imag: f64 },
    Str(PyStr),
    Bytes(Vec<u8>),
    Tuple(Vec<Constant>),
    FrozenSet(Vec<Constant>),
}

impl Constant {
    /// CPython's `repr()` of the value, as `ast.dump` prints it.
    pub fn repr(&self) -> String {
        use refvm_common::repr;
        match self {
            Constant::None => "None".into(),
            Constant::Bool(true) => "True".into(),
            Constant::Bool(false) => "False".into(),
            Constant::Ellipsis => "Ellipsis".into(),
            Constant::Int(i) => i.to_string(),
            Constant::Float(x) => repr::float_repr(*x),
            Constant::Complex { real, imag } => repr::complex_repr(*real, *imag),
            Constant::Str(s) => repr::str_repr(s),
            Constant::Bytes(b) => repr::bytes_repr(b),
            Constant::Tuple(items) => {
                let parts: Vec<String> = items.iter().map(Constant::repr).collect();
                if parts.len() == 1 {
                    format!("({},)", parts[0])
                } else {
                    format!("({})", parts.join(", "))
                }
            }
            Constant::FrozenSet(items) if items.is_empty() => "frozenset()".into(),
            Constant::FrozenSet(items) => {
                let parts: Vec<String> = items.iter().map(Constant::repr).collect();
                format!("frozenset({{{}}})", parts.join(", "))
            }
        }
    }
}

impl Expr {
    /// A located expression.
    pub fn new(node: ExprKind, loc: Location) -> Self {
        Expr { node, loc }
    }
}

impl Stmt {
    /// A located statement.
    pub fn new(node: StmtKind, loc: Location) -> Self {
        Stmt { node, loc }
    }
}

impl Pattern {
    /// A located pattern.
    pub fn new(node: PatternKind, loc: Location) -> Self {
        Pattern { node, loc }
    }
}

/// `ast.dump(tree, indent=1, include_attributes=True)`.
pub fn dump(module: &Module) -> String {
    dump_node(module)
}

#[cfg(test)]
mod tests {
    use std::process::Command;

    /// The committed generated.rs must be what the generator prints against the live CPython.
    #[test]
    fn generated_ast_is_fresh() {
        let root = env!("CARGO_MANIFEST_DIR");
        let out = Command::new("timeout")
            .args(["60", "python3", &format!("{root}/gen/ast_gen.py")])
            .output()
            .expect("python3 must be on PATH for this test");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let committed = std::fs::read_to_string(format!("{root}/src/ast/generated.rs")).unwrap();
        assert!(
            String::from_utf8_lossy(&out.stdout) == committed,
            "src/ast/generated.rs is stale: rerun `python3 vm/syntax/gen/ast_gen.py > vm/syntax/src/ast/generated.rs`"
        );
    }
}
