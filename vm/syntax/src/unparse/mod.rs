//! AST → Python source, like CPython's `ast.unparse`: the fuzz generator's and the
//! reducer's way back from a tree to a program. The output parses to the same tree (positions aside); parentheses follow
//! CPython's precedence table (`Lib/ast.py`, `_Precedence`), adding only the ones the
//! grammar needs. An optional [`Styler`] varies the spelling (number bases, string
//! prefixes and quotes, spacing, redundant parentheses, comments) without changing the
//! tree, so the token layer sees more than one canonical form.

mod expr;
mod stmt;

use crate::ast::{Expr, Module, Stmt};
use std::fmt;

/// Why a tree has no source form (an f-string whose expression needs a backslash, a
/// name that is not an identifier, …).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnparseError(pub String);

impl fmt::Display for UnparseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Spelling choices. `choose(n)` picks one of `n` variants; variant 0 is always the
/// canonical spelling, so a styler that returns 0 reproduces [`unparse`].
pub trait Styler {
    fn choose(&mut self, n: usize) -> usize;
}

/// The canonical spelling.
pub struct Canonical;

impl Styler for Canonical {
    fn choose(&mut self, _n: usize) -> usize {
        0
    }
}

/// Binding strength, weakest first (`Lib/ast.py` `_Precedence`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Prec {
    NamedExpr,
    Tuple,
    Yield,
    Test,
    Or,
    And,
    Not,
    Cmp,
    BOr,
    BXor,
    BAnd,
    Shift,
    Arith,
    Term,
    Factor,
    Power,
    Await,
    Atom,
}

impl Prec {
    pub(crate) fn next(self) -> Prec {
        use Prec::*;
        match self {
            NamedExpr => Tuple,
            Tuple => Yield,
            Yield => Test,
            Test => Or,
            Or => And,
            And => Not,
            Not => Cmp,
            Cmp => BOr,
            BOr => BXor,
            BXor => BAnd,
            BAnd => Shift,
            Shift => Arith,
            Arith => Term,
            Term => Factor,
            Factor => Power,
            Power => Await,
            Await | Atom => Atom,
        }
    }
}

/// The writer: output text, indentation, the styler and the first error met.
pub(crate) struct Unparser<'s> {
    pub(crate) out: String,
    pub(crate) style: &'s mut dyn Styler,
    pub(crate) error: Option<UnparseError>,
    /// Inside an f-string replacement field: no backslashes, quotes chosen by the caller.
    pub(crate) in_fstring: bool,
    /// Inside a pattern: expressions must keep their one canonical spelling.
    pub(crate) plain: bool,
    /// The indentation of each open block (a styler varies the widths).
    pub(crate) indents: Vec<String>,
    /// Nesting of expressions, statements and patterns being written.
    pub(crate) depth: u32,
}

/// The deepest nesting the unparser writes (CPython's `ast.unparse` recurses too and
/// stops at the recursion limit, 1000); deeper trees get an [`UnparseError`] rather
/// than a stack overflow.
pub const MAX_DEPTH: u32 = 1000;

impl<'s> Unparser<'s> {
    pub(crate) fn new(style: &'s mut dyn Styler) -> Self {
        Unparser {
            out: String::new(),
            style,
            error: None,
            in_fstring: false,
            plain: false,
            indents: Vec::new(),
            depth: 0,
        }
    }

    /// Enters one level of nesting (the caller leaves it with `depth -= 1`); false,
    /// with the error recorded, past [`MAX_DEPTH`] or after an earlier error.
    pub(crate) fn descend(&mut self) -> bool {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.fail("the tree nests too deeply to unparse (CPython: RecursionError)");
        }
        self.error.is_none()
    }

    pub(crate) fn w(&mut self, s: &str) {
        self.out.push_str(s);
    }

    pub(crate) fn fail(&mut self, why: impl Into<String>) {
        if self.error.is_none() {
            self.error = Some(UnparseError(why.into()));
        }
    }

    /// A styled choice, or the canonical one (0) inside f-string fields, where
    /// spelling variants could need backslashes or clash with the quotes.
    pub(crate) fn pick(&mut self, n: usize) -> usize {
        if n <= 1 || self.in_fstring || self.plain {
            0
        } else {
            self.style.choose(n).min(n - 1)
        }
    }

    pub(crate) fn finish(self) -> Result<String, UnparseError> {
        match self.error {
            Some(e) => Err(e),
            None => Ok(self.out),
        }
    }
}

/// A module as canonical source text.
pub fn unparse(module: &Module) -> Result<String, UnparseError> {
    unparse_styled(module, &mut Canonical)
}

/// A module as source text, spelling chosen by `style`.
pub fn unparse_styled(module: &Module, style: &mut dyn Styler) -> Result<String, UnparseError> {
    let mut u = Unparser::new(style);
    u.body(&module.body, false);
    u.finish()
}

/// A statement list at top level (for the reducer's candidates).
pub fn unparse_stmts(body: &[Stmt]) -> Result<String, UnparseError> {
    let mut c = Canonical;
    let mut u = Unparser::new(&mut c);
    u.body(body, false);
    u.finish()
}

/// One expression as canonical source.
pub fn unparse_expr(e: &Expr) -> Result<String, UnparseError> {
    let mut c = Canonical;
    let mut u = Unparser::new(&mut c);
    u.expr(e, Prec::Tuple);
    u.finish()
}

#[cfg(test)]
mod tests;
