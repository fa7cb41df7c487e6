//! The annotation unparser (CPython 3.11 `Python/ast_unparse.c`): under
//! `from __future__ import annotations` each annotation is stored as the source text
//! this produces from its AST.

use refvm_common::PyStr;
use refvm_syntax::ast::{self, Boolop, Cmpop, Constant, ExprKind, Operator, Unaryop};

// Priority levels.
const PR_TUPLE: u8 = 0;
const PR_TEST: u8 = 1;
const PR_OR: u8 = 2;
const PR_AND: u8 = 3;
const PR_NOT: u8 = 4;
const PR_CMP: u8 = 5;
const PR_EXPR: u8 = 6;
const PR_BOR: u8 = PR_EXPR;
const PR_BXOR: u8 = 7;
const PR_BAND: u8 = 8;
const PR_SHIFT: u8 = 9;
const PR_ARITH: u8 = 10;
const PR_TERM: u8 = 11;
const PR_FACTOR: u8 = 12;
const PR_POWER: u8 = 13;
const PR_AWAIT: u8 = 14;
const PR_ATOM: u8 = 15;

/// `_PyAST_ExprAsUnicode`.
pub fn expr_as_unicode(e: &ast::Expr) -> PyStr {
    let mut w = PyStr::new();
    append_expr(&mut w, e, PR_TEST);
    w
}

fn expr_string(e: &ast::Expr, level: u8) -> PyStr {
    let mut w = PyStr::new();
    append_expr(&mut w, e, level);
    w
}

/// `append_repr`: `inf` spelled `1e309` so the text evaluates back to the value.
fn append_repr(w: &mut PyStr, c: &Constant) {
    let r = c.repr();
    let r = match c {
        Constant::Float(x) if x.is_infinite() => r.replace("inf", "1e309"),
        Constant::Complex { .. } => r.replace("inf", "1e309"),
        _ => r,
    };
    w.push_str(&r);
}

fn append_constant(w: &mut PyStr, c: &Constant) {
    if let Constant::Tuple(items) = c {
        w.push_str("(");
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                w.push_str(", ");
            }
            append_constant(w, item);
        }
        if items.len() == 1 {
            w.push_str(",");
        }
        w.push_str(")");
        return;
    }
    append_repr(w, c);
}

fn append_arg(w: &mut PyStr, a: &ast::Arg) {
    w.push_str(&a.arg);
    if let Some(ann) = &a.annotation {
        w.push_str(": ");
        append_expr(w, ann, PR_TEST);
    }
}

fn append_args(w: &mut PyStr, args: &ast::Arguments) {
    let mut first = true;
    let mut sep = |w: &mut PyStr| {
        if !first {
            w.push_str(", ");
        }
        first = false;
    };
    let posonly = args.posonlyargs.len();
    let nargs = args.args.len();
    let ndefaults = args.defaults.len() as isize;
    for i in 0..posonly + nargs {
        sep(w);
        if i < posonly {
            append_arg(w, &args.posonlyargs[i]);
        } else {
            append_arg(w, &args.args[i - posonly]);
        }
        let di = i as isize - posonly as isize - nargs as isize + ndefaults;
        if di >= 0 {
            w.push_str("=");
            append_expr(w, &args.defaults[di as usize], PR_TEST);
        }
        if posonly > 0 && i + 1 == posonly {
            w.push_str(", /");
        }
    }
    if args.vararg.is_some() || !args.kwonlyargs.is_empty() {
        sep(w);
        w.push_str("*");
        if let Some(v) = &args.vararg {
            append_arg(w, v);
        }
    }
    for (i, a) in args.kwonlyargs.iter().enumerate() {
        sep(w);
        append_arg(w, a);
        if let Some(d) = crate::ast_util::kw_default(args, i) {
            w.push_str("=");
            append_expr(w, d, PR_TEST);
        }
    }
    if let Some(k) = &args.kwarg {
        sep(w);
        w.push_str("**");
        append_arg(w, k);
    }
}

fn append_comprehensions(w: &mut PyStr, gens: &[ast::Comprehension]) {
    for g in gens {
        w.push_str(if g.is_async != 0 {
            " async for "
        } else {
            " for "
        });
        append_expr(w, &g.target, PR_TUPLE);
        w.push_str(" in ");
        append_expr(w, &g.iter, PR_TEST + 1);
        for cond in &g.ifs {
            w.push_str(" if ");
            append_expr(w, cond, PR_TEST + 1);
        }
    }
}

fn open(w: &mut PyStr, cond: bool) {
    if cond {
        w.push_str("(");
    }
}

fn close(w: &mut PyStr, cond: bool) {
    if cond {
        w.push_str(")");
    }
}

/// `escape_braces`.
fn append_fstring_unicode(w: &mut PyStr, s: &PyStr) {
    for cp in s.code_points() {
        match char::from_u32(cp) {
            Some('{') => w.push_str("{{"),
            Some('}') => w.push_str("}}"),
            _ => {
                w.push(cp);
            }
        }
    }
}

fn append_fstring_element(w: &mut PyStr, e: &ast::Expr, is_format_spec: bool) {
    match &e.node {
        ExprKind::Constant {
            value: Constant::Str(s),
            ..
        } => append_fstring_unicode(w, s),
        ExprKind::JoinedStr { values } => append_joinedstr(w, values, is_format_spec),
        ExprKind::FormattedValue {
            value,
            conversion,
            format_spec,
        } => append_formattedvalue(w, value, *conversion, format_spec.as_deref()),
        _ => {}
    }
}

fn append_joinedstr(w: &mut PyStr, values: &[ast::Expr], is_format_spec: bool) {
    let mut body = PyStr::new();
    for v in values {
        append_fstring_element(&mut body, v, is_format_spec);
    }
    if is_format_spec {
        w.push_pystr(&body);
    } else {
        w.push_str("f");
        w.push_str(&refvm_common::repr::str_repr(&body));
    }
}

fn append_formattedvalue(
    w: &mut PyStr,
    value: &ast::Expr,
    conversion: i32,
    spec: Option<&ast::Expr>,
) {
    let inner = expr_string(value, PR_TEST + 1);
    if inner.as_bytes().first() == Some(&b'{') {
        w.push_str("{ ");
    } else {
        w.push_str("{");
    }
    w.push_pystr(&inner);
    match conversion {
        97 => w.push_str("!a"),
        114 => w.push_str("!r"),
        115 => w.push_str("!s"),
        _ => {}
    }
    if let Some(spec) = spec {
        w.push_str(":");
        append_fstring_element(w, spec, true);
    }
    w.push_str("}");
}

/// `append_ast_expr`.
fn append_expr(w: &mut PyStr, e: &ast::Expr, level: u8) {
    stacker::maybe_grow(64 * 1024, 1024 * 1024, || append_expr_inner(w, e, level))
}

fn append_expr_inner(w: &mut PyStr, e: &ast::Expr, level: u8) {
    match &e.node {
        ExprKind::BoolOp { op, values } => {
            let (sep, pr) = if *op == Boolop::And {
                (" and ", PR_AND)
            } else {
                (" or ", PR_OR)
            };
            open(w, level > pr);
            for (i, v) in values.iter().enumerate() {
                if i > 0 {
                    w.push_str(sep);
                }
                append_expr(w, v, pr + 1);
            }
            close(w, level > pr);
        }
        ExprKind::BinOp { left, op, right } => {
            let (s, pr, rassoc) = match op {
                Operator::Add => (" + ", PR_ARITH, false),
                Operator::Sub => (" - ", PR_ARITH, false),
                Operator::Mult => (" * ", PR_TERM, false),
                Operator::MatMult => (" @ ", PR_TERM, false),
                Operator::Div => (" / ", PR_TERM, false),
                Operator::Mod => (" % ", PR_TERM, false),
                Operator::LShift => (" << ", PR_SHIFT, false),
                Operator::RShift => (" >> ", PR_SHIFT, false),
                Operator::BitOr => (" | ", PR_BOR, false),
                Operator::BitXor => (" ^ ", PR_BXOR, false),
                Operator::BitAnd => (" & ", PR_BAND, false),
                Operator::FloorDiv => (" // ", PR_TERM, false),
                Operator::Pow => (" ** ", PR_POWER, true),
            };
            open(w, level > pr);
            append_expr(w, left, pr + u8::from(rassoc));
            w.push_str(s);
            append_expr(w, right, pr + u8::from(!rassoc));
            close(w, level > pr);
        }
        ExprKind::UnaryOp { op, operand } => {
            let (s, pr) = match op {
                Unaryop::Invert => ("~", PR_FACTOR),
                Unaryop::Not => ("not ", PR_NOT),
                Unaryop::UAdd => ("+", PR_FACTOR),
                Unaryop::USub => ("-", PR_FACTOR),
            };
            open(w, level > pr);
            w.push_str(s);
            append_expr(w, operand, pr);
            close(w, level > pr);
        }
        ExprKind::Lambda { args, body } => {
            open(w, level > PR_TEST);
            let n_positional = args.args.len() + args.posonlyargs.len();
            w.push_str(if n_positional > 0 {
                "lambda "
            } else {
                "lambda"
            });
            append_args(w, args);
            w.push_str(": ");
            append_expr(w, body, PR_TEST);
            close(w, level > PR_TEST);
        }
        ExprKind::IfExp { test, body, orelse } => {
            open(w, level > PR_TEST);
            append_expr(w, body, PR_TEST + 1);
            w.push_str(" if ");
            append_expr(w, test, PR_TEST + 1);
            w.push_str(" else ");
            append_expr(w, orelse, PR_TEST);
            close(w, level > PR_TEST);
        }
        ExprKind::Dict { keys, values } => {
            w.push_str("{");
            for (i, v) in values.iter().enumerate() {
                if i > 0 {
                    w.push_str(", ");
                }
                match crate::ast_util::dict_key(keys, i) {
                    Some(k) => {
                        append_expr(w, k, PR_TEST);
                        w.push_str(": ");
                        append_expr(w, v, PR_TEST);
                    }
                    None => {
                        w.push_str("**");
                        append_expr(w, v, PR_EXPR);
                    }
                }
            }
            w.push_str("}");
        }
        ExprKind::Set { elts } => {
            w.push_str("{");
            for (i, v) in elts.iter().enumerate() {
                if i > 0 {
                    w.push_str(", ");
                }
                append_expr(w, v, PR_TEST);
            }
            w.push_str("}");
        }
        ExprKind::GeneratorExp { elt, generators } => {
            w.push_str("(");
            append_expr(w, elt, PR_TEST);
            append_comprehensions(w, generators);
            w.push_str(")");
        }
        ExprKind::ListComp { elt, generators } => {
            w.push_str("[");
            append_expr(w, elt, PR_TEST);
            append_comprehensions(w, generators);
            w.push_str("]");
        }
        ExprKind::SetComp { elt, generators } => {
            w.push_str("{");
            append_expr(w, elt, PR_TEST);
            append_comprehensions(w, generators);
            w.push_str("}");
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            w.push_str("{");
            append_expr(w, key, PR_TEST);
            w.push_str(": ");
            append_expr(w, value, PR_TEST);
            append_comprehensions(w, generators);
            w.push_str("}");
        }
        ExprKind::Yield { value } => match value {
            None => w.push_str("(yield)"),
            Some(v) => {
                w.push_str("(yield ");
                append_expr(w, v, PR_TEST);
                w.push_str(")");
            }
        },
        ExprKind::YieldFrom { value } => {
            w.push_str("(yield from ");
            append_expr(w, value, PR_TEST);
            w.push_str(")");
        }
        ExprKind::Await { value } => {
            open(w, level > PR_AWAIT);
            w.push_str("await ");
            append_expr(w, value, PR_ATOM);
            close(w, level > PR_AWAIT);
        }
        ExprKind::Compare {
            left,
            ops,
            comparators,
        } => {
            open(w, level > PR_CMP);
            append_expr(w, left, PR_CMP + 1);
            for (op, c) in ops.iter().zip(comparators) {
                w.push_str(match op {
                    Cmpop::Eq => " == ",
                    Cmpop::NotEq => " != ",
                    Cmpop::Lt => " < ",
                    Cmpop::LtE => " <= ",
                    Cmpop::Gt => " > ",
                    Cmpop::GtE => " >= ",
                    Cmpop::Is => " is ",
                    Cmpop::IsNot => " is not ",
                    Cmpop::In => " in ",
                    Cmpop::NotIn => " not in ",
                });
                append_expr(w, c, PR_CMP + 1);
            }
            close(w, level > PR_CMP);
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            append_expr(w, func, PR_ATOM);
            if args.len() == 1
                && keywords.is_empty()
                && let ExprKind::GeneratorExp { elt, generators } = &args[0].node
            {
                w.push_str("(");
                append_expr(w, elt, PR_TEST);
                append_comprehensions(w, generators);
                w.push_str(")");
                return;
            }
            w.push_str("(");
            let mut first = true;
            for a in args {
                if !first {
                    w.push_str(", ");
                }
                first = false;
                append_expr(w, a, PR_TEST);
            }
            for k in keywords {
                if !first {
                    w.push_str(", ");
                }
                first = false;
                match &k.arg {
                    None => w.push_str("**"),
                    Some(a) => {
                        w.push_str(a);
                        w.push_str("=");
                    }
                }
                append_expr(w, &k.value, PR_TEST);
            }
            w.push_str(")");
        }
        ExprKind::Constant { value, kind } => {
            if matches!(value, Constant::Ellipsis) {
                w.push_str("...");
                return;
            }
            if let Some(k) = kind {
                w.push_str(k);
            }
            append_constant(w, value);
        }
        ExprKind::JoinedStr { values } => append_joinedstr(w, values, false),
        ExprKind::FormattedValue {
            value,
            conversion,
            format_spec,
        } => append_formattedvalue(w, value, *conversion, format_spec.as_deref()),
        ExprKind::Attribute { value, attr, .. } => {
            append_expr(w, value, PR_ATOM);
            let is_int = matches!(
                &value.node,
                ExprKind::Constant {
                    value: Constant::Int(_),
                    ..
                }
            );
            w.push_str(if is_int { " ." } else { "." });
            w.push_str(attr);
        }
        ExprKind::Subscript { value, slice, .. } => {
            append_expr(w, value, PR_ATOM);
            w.push_str("[");
            append_expr(w, slice, PR_TUPLE);
            w.push_str("]");
        }
        ExprKind::Starred { value, .. } => {
            w.push_str("*");
            append_expr(w, value, PR_EXPR);
        }
        ExprKind::Slice { lower, upper, step } => {
            if let Some(l) = lower {
                append_expr(w, l, PR_TEST);
            }
            w.push_str(":");
            if let Some(u) = upper {
                append_expr(w, u, PR_TEST);
            }
            if let Some(s) = step {
                w.push_str(":");
                append_expr(w, s, PR_TEST);
            }
        }
        ExprKind::Name { id, .. } => w.push_str(id),
        ExprKind::List { elts, .. } => {
            w.push_str("[");
            for (i, v) in elts.iter().enumerate() {
                if i > 0 {
                    w.push_str(", ");
                }
                append_expr(w, v, PR_TEST);
            }
            w.push_str("]");
        }
        ExprKind::Tuple { elts, .. } => {
            if elts.is_empty() {
                w.push_str("()");
                return;
            }
            open(w, level > PR_TUPLE);
            for (i, v) in elts.iter().enumerate() {
                if i > 0 {
                    w.push_str(", ");
                }
                append_expr(w, v, PR_TEST);
            }
            if elts.len() == 1 {
                w.push_str(",");
            }
            close(w, level > PR_TUPLE);
        }
        ExprKind::NamedExpr { target, value } => {
            open(w, level > PR_TUPLE);
            append_expr(w, target, PR_ATOM);
            w.push_str(" := ");
            append_expr(w, value, PR_ATOM);
            close(w, level > PR_TUPLE);
        }
    }
}
