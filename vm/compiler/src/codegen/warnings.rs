//! The `SyntaxWarning`s CPython 3.11's code generator issues (`compiler_warn` and its
//! callers `check_compare`, `check_caller`, `check_subscripter`, `check_index` and
//! `compiler_assert` in `Python/compile.c`): same texts, at the line of the
//! instruction being generated (`u_lineno`), in generation order.

use super::Compiler;
use crate::error::CompileWarning;
use refvm_syntax::ast::{self, Cmpop, ExprKind};

/// `infer_type(e)->tp_name`: the type an expression's value surely has, if the node
/// tells.
fn infer_type(e: &ast::Expr) -> Option<&'static str> {
    Some(match &e.node {
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::List { .. } | ExprKind::ListComp { .. } => "list",
        ExprKind::Dict { .. } | ExprKind::DictComp { .. } => "dict",
        ExprKind::Set { .. } | ExprKind::SetComp { .. } => "set",
        ExprKind::GeneratorExp { .. } => "generator",
        ExprKind::Lambda { .. } => "function",
        ExprKind::JoinedStr { .. } | ExprKind::FormattedValue { .. } => "str",
        ExprKind::Constant { value, .. } => constant_type(value),
        _ => return None,
    })
}

/// `Py_TYPE(value)->tp_name` of a constant.
fn constant_type(c: &ast::Constant) -> &'static str {
    match c {
        ast::Constant::None => "NoneType",
        ast::Constant::Bool(_) => "bool",
        ast::Constant::Ellipsis => "ellipsis",
        ast::Constant::Int(_) => "int",
        ast::Constant::Float(_) => "float",
        ast::Constant::Complex { .. } => "complex",
        ast::Constant::Str(_) => "str",
        ast::Constant::Bytes(_) => "bytes",
        ast::Constant::Tuple(_) => "tuple",
        ast::Constant::FrozenSet(_) => "frozenset",
    }
}

/// `check_is_arg`: whether `is` with this operand is fine (not a literal, or one of
/// the singletons None, True, False, Ellipsis).
fn is_arg_ok(e: &ast::Expr) -> bool {
    match &e.node {
        ExprKind::Constant { value, .. } => matches!(
            value,
            ast::Constant::None | ast::Constant::Bool(_) | ast::Constant::Ellipsis
        ),
        _ => true,
    }
}

impl<'a> Compiler<'a> {
    /// `compiler_warn`: a `SyntaxWarning` at the current line.
    pub fn warn(&mut self, msg: String) {
        self.warnings.push(CompileWarning {
            lineno: self.u.loc.lineno,
            msg,
        });
    }

    /// `check_compare`: `is`/`is not` with a literal operand (the first such operator
    /// of a chain warns, once).
    pub fn check_compare(&mut self, left: &ast::Expr, ops: &[Cmpop], comparators: &[ast::Expr]) {
        let mut left_ok = is_arg_ok(left);
        for (op, right) in ops.iter().zip(comparators) {
            let right_ok = is_arg_ok(right);
            if matches!(op, Cmpop::Is | Cmpop::IsNot) && !(left_ok && right_ok) {
                self.warn(if *op == Cmpop::Is {
                    "\"is\" with a literal. Did you mean \"==\"?".to_owned()
                } else {
                    "\"is not\" with a literal. Did you mean \"!=\"?".to_owned()
                });
                return;
            }
            left_ok = right_ok;
        }
    }

    /// `check_caller`: calling a display or a literal.
    pub fn check_caller(&mut self, func: &ast::Expr) {
        let warns = matches!(
            func.node,
            ExprKind::Constant { .. }
                | ExprKind::Tuple { .. }
                | ExprKind::List { .. }
                | ExprKind::ListComp { .. }
                | ExprKind::Dict { .. }
                | ExprKind::DictComp { .. }
                | ExprKind::Set { .. }
                | ExprKind::SetComp { .. }
                | ExprKind::GeneratorExp { .. }
                | ExprKind::JoinedStr { .. }
                | ExprKind::FormattedValue { .. }
        );
        if let (true, Some(t)) = (warns, infer_type(func)) {
            self.warn(format!(
                "'{t}' object is not callable; perhaps you missed a comma?"
            ));
        }
    }

    /// `check_subscripter` then `check_index`, for a subscript that loads.
    pub fn check_subscript(&mut self, value: &ast::Expr, slice: &ast::Expr) {
        let not_subscriptable = match &value.node {
            ExprKind::Constant { value: c, .. } => matches!(
                c,
                ast::Constant::None
                    | ast::Constant::Ellipsis
                    | ast::Constant::Bool(_)
                    | ast::Constant::Int(_)
                    | ast::Constant::Float(_)
                    | ast::Constant::Complex { .. }
                    | ast::Constant::FrozenSet(_)
            ),
            ExprKind::Set { .. }
            | ExprKind::SetComp { .. }
            | ExprKind::GeneratorExp { .. }
            | ExprKind::Lambda { .. } => true,
            _ => false,
        };
        if not_subscriptable {
            if let Some(t) = infer_type(value) {
                self.warn(format!(
                    "'{t}' object is not subscriptable; perhaps you missed a comma?"
                ));
            }
            return;
        }
        let Some(index_type) = infer_type(slice) else {
            return;
        };
        if matches!(index_type, "int" | "bool") {
            return;
        }
        let bad_sequence = match &value.node {
            ExprKind::Constant { value: c, .. } => matches!(
                c,
                ast::Constant::Str(_) | ast::Constant::Bytes(_) | ast::Constant::Tuple(_)
            ),
            ExprKind::Tuple { .. }
            | ExprKind::List { .. }
            | ExprKind::ListComp { .. }
            | ExprKind::JoinedStr { .. }
            | ExprKind::FormattedValue { .. } => true,
            _ => false,
        };
        if let (true, Some(t)) = (bad_sequence, infer_type(value)) {
            self.warn(format!(
                "{t} indices must be integers or slices, not {index_type}; perhaps you missed a comma?"
            ));
        }
    }

    /// `compiler_assert`'s warning: the test is a non-empty tuple.
    pub fn check_assert(&mut self, test: &ast::Expr) {
        let always_true = match &test.node {
            ExprKind::Tuple { elts, .. } => !elts.is_empty(),
            ExprKind::Constant {
                value: ast::Constant::Tuple(items),
                ..
            } => !items.is_empty(),
            _ => false,
        };
        if always_true {
            self.warn("assertion is always true, perhaps remove parentheses?".to_owned());
        }
    }
}
