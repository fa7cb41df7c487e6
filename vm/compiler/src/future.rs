//! `from __future__ import …` at the top of a module (CPython 3.11 `Python/future.c`):
//! the features that change compilation and the errors for unknown ones.

use crate::error::CompileErrorAt;
use refvm_bytecode::code::flags::{CO_FUTURE_ANNOTATIONS, CO_FUTURE_BARRY_AS_BDFL};
use refvm_syntax::ast::{self, StmtKind};

/// `PyFutureFeatures`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FutureFeatures {
    /// `CO_FUTURE_*` flags that affect compilation.
    pub features: u32,
    /// Line of the last future statement, -1 if none.
    pub lineno: i32,
}

impl FutureFeatures {
    pub fn annotations(&self) -> bool {
        self.features & CO_FUTURE_ANNOTATIONS != 0
    }
}

/// `_PyAST_GetDocString`: the first statement's string constant, if any.
pub fn get_docstring(body: &[ast::Stmt]) -> Option<&ast::Expr> {
    let first = body.first()?;
    let StmtKind::Expr { value } = &first.node else {
        return None;
    };
    match &value.node {
        ast::ExprKind::Constant {
            value: ast::Constant::Str(_),
            ..
        } => Some(value),
        _ => None,
    }
}

/// `future_check_features`.
fn check_features(
    ff: &mut FutureFeatures,
    s: &ast::Stmt,
    names: &[ast::Alias],
) -> Result<(), CompileErrorAt> {
    for alias in names {
        match alias.name.as_str() {
            "nested_scopes" | "generators" | "division" | "absolute_import" | "with_statement"
            | "print_function" | "unicode_literals" | "generator_stop" => {}
            "barry_as_FLUFL" => ff.features |= CO_FUTURE_BARRY_AS_BDFL,
            "annotations" => ff.features |= CO_FUTURE_ANNOTATIONS,
            "braces" => {
                return Err(CompileErrorAt::at(
                    "not a chance",
                    s.loc.lineno as i32,
                    s.loc.col_offset as i32 + 1,
                ));
            }
            other => {
                // "%.100s": at most 100 bytes of the UTF-8 name.
                let mut cut = other.len().min(100);
                while !other.is_char_boundary(cut) {
                    cut -= 1;
                }
                return Err(CompileErrorAt::at(
                    format!("future feature {} is not defined", &other[..cut]),
                    s.loc.lineno as i32,
                    s.loc.col_offset as i32 + 1,
                ));
            }
        }
    }
    Ok(())
}

/// `_PyFuture_FromAST` for a module.
pub fn future_from_ast(module: &ast::Module) -> Result<FutureFeatures, CompileErrorAt> {
    let mut ff = FutureFeatures {
        features: 0,
        lineno: -1,
    };
    let body = &module.body;
    let mut done = false;
    let mut prev_line = 0;
    let start = usize::from(get_docstring(body).is_some());
    for s in body.iter().skip(start) {
        let lineno = s.loc.lineno as i32;
        if done && lineno > prev_line {
            return Ok(ff);
        }
        prev_line = lineno;
        match &s.node {
            StmtKind::ImportFrom {
                module: Some(m),
                names,
                ..
            } if m.as_str() == "__future__" => {
                if done {
                    return Err(CompileErrorAt::at(
                        "from __future__ imports must occur at the beginning of the file",
                        lineno,
                        s.loc.col_offset as i32,
                    ));
                }
                check_features(&mut ff, s, names)?;
                ff.lineno = lineno;
            }
            _ => done = true,
        }
    }
    Ok(ff)
}
