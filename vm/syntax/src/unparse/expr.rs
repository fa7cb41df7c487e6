//! Expressions, constants and f-strings.

use super::{Prec, Unparser};
use crate::ast::{
    Arguments, Boolop, Cmpop, Comprehension, Constant, Expr, ExprKind, Keyword, Operator, Unaryop,
};
use num_bigint::{BigInt, Sign};
use refvm_common::PyStr;
use refvm_common::repr::{bytes_repr, format_float_r, str_repr};
use refvm_common::unicode::is_printable;
use std::fmt::Write;

pub(crate) fn operator_str(op: Operator) -> &'static str {
    match op {
        Operator::Add => "+",
        Operator::Sub => "-",
        Operator::Mult => "*",
        Operator::MatMult => "@",
        Operator::Div => "/",
        Operator::Mod => "%",
        Operator::Pow => "**",
        Operator::LShift => "<<",
        Operator::RShift => ">>",
        Operator::BitOr => "|",
        Operator::BitXor => "^",
        Operator::BitAnd => "&",
        Operator::FloorDiv => "//",
    }
}

fn operator_prec(op: Operator) -> Prec {
    match op {
        Operator::Add | Operator::Sub => Prec::Arith,
        Operator::Mult | Operator::MatMult | Operator::Div | Operator::Mod | Operator::FloorDiv => {
            Prec::Term
        }
        Operator::Pow => Prec::Power,
        Operator::LShift | Operator::RShift => Prec::Shift,
        Operator::BitOr => Prec::BOr,
        Operator::BitXor => Prec::BXor,
        Operator::BitAnd => Prec::BAnd,
    }
}

fn cmpop_str(op: Cmpop) -> &'static str {
    match op {
        Cmpop::Eq => "==",
        Cmpop::NotEq => "!=",
        Cmpop::Lt => "<",
        Cmpop::LtE => "<=",
        Cmpop::Gt => ">",
        Cmpop::GtE => ">=",
        Cmpop::Is => "is",
        Cmpop::IsNot => "is not",
        Cmpop::In => "in",
        Cmpop::NotIn => "not in",
    }
}

/// The precedence an expression has when written without parentheses.
fn prec_of(e: &Expr) -> Prec {
    match &e.node {
        ExprKind::NamedExpr { .. } => Prec::NamedExpr,
        ExprKind::Tuple { elts, .. } if !elts.is_empty() => Prec::Tuple,
        ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } => Prec::Yield,
        ExprKind::Lambda { .. } | ExprKind::IfExp { .. } => Prec::Test,
        ExprKind::BoolOp { op: Boolop::Or, .. } => Prec::Or,
        ExprKind::BoolOp {
            op: Boolop::And, ..
        } => Prec::And,
        ExprKind::UnaryOp {
            op: Unaryop::Not, ..
        } => Prec::Not,
        ExprKind::UnaryOp { .. } => Prec::Factor,
        ExprKind::Compare { .. } => Prec::Cmp,
        ExprKind::BinOp { op, .. } => operator_prec(*op),
        ExprKind::Await { .. } => Prec::Await,
        ExprKind::Starred { .. } => Prec::BOr,
        ExprKind::Constant { value, .. } if is_negative(value) => Prec::Factor,
        _ => Prec::Atom,
    }
}

/// A constant whose spelling starts with `-` (generated trees may hold them; the
/// parser never makes them).
fn is_negative(c: &Constant) -> bool {
    match c {
        Constant::Int(i) => i.sign() == Sign::Minus,
        Constant::Float(x) => x.is_sign_negative() && !x.is_nan(),
        Constant::Complex { real, imag } => {
            (*real == 0.0 && real.is_sign_positive() && imag.is_sign_negative())
                || *real != 0.0
                || real.is_sign_negative()
        }
        _ => false,
    }
}

impl Unparser<'_> {
    /// Writes `e` where the context binds with strength `ctx`: parenthesised when `e`
    /// binds more weakly (and, under a styler, sometimes anyway).
    pub(crate) fn expr(&mut self, e: &Expr, ctx: Prec) {
        if self.descend() {
            self.expr_at(e, ctx);
        }
        self.depth -= 1;
    }

    fn expr_at(&mut self, e: &Expr, ctx: Prec) {
        let own = prec_of(e);
        let starred = matches!(e.node, ExprKind::Starred { .. } | ExprKind::Slice { .. });
        // A bare `yield` is allowed only where the grammar says so (statements,
        // assignment right-hand sides), which pass `Prec::Yield` exactly.
        let is_yield = matches!(e.node, ExprKind::Yield { .. } | ExprKind::YieldFrom { .. });
        let needed = if is_yield {
            ctx != Prec::Yield
        } else {
            own < ctx
        };
        let parens = !starred && (needed || self.pick(12) == 1);
        if parens {
            self.w("(");
        }
        self.expr_inner(e);
        if parens {
            self.w(")");
        }
    }

    fn comma_list(&mut self, items: &[Expr], ctx: Prec) {
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                self.w(", ");
            }
            self.expr(x, ctx);
        }
    }

    /// Tuple elements without the parentheses (`1, 2` / `1,`).
    pub(crate) fn tuple_elts(&mut self, elts: &[Expr]) {
        self.comma_list(elts, Prec::Test);
        if elts.len() == 1 {
            self.w(",");
        }
    }

    /// Writes `e` where a bare tuple is allowed (assignment sides, `for` targets, …).
    pub(crate) fn expr_tuple_ok(&mut self, e: &Expr) {
        match &e.node {
            ExprKind::Tuple { elts, .. } if !elts.is_empty() && self.pick(3) == 0 => {
                self.tuple_elts(elts)
            }
            _ => self.expr(e, Prec::Test),
        }
    }

    fn expr_inner(&mut self, e: &Expr) {
        match &e.node {
            ExprKind::BoolOp { op, values } => {
                let (word, p) = match op {
                    Boolop::And => (" and ", Prec::And),
                    Boolop::Or => (" or ", Prec::Or),
                };
                if values.len() < 2 {
                    self.fail("BoolOp with fewer than two values");
                }
                for (i, v) in values.iter().enumerate() {
                    if i > 0 {
                        self.w(word);
                    }
                    self.expr(v, p.next());
                }
            }
            ExprKind::NamedExpr { target, value } => {
                match &target.node {
                    ExprKind::Name { id, .. } => self.name(id),
                    _ => self.fail("a walrus target that is not a name"),
                }
                self.w(" := ");
                self.expr(value, Prec::Test);
            }
            ExprKind::BinOp { left, op, right } => {
                let p = operator_prec(*op);
                let (lp, rp) = if *op == Operator::Pow {
                    (p.next(), p)
                } else {
                    (p, p.next())
                };
                self.expr(left, lp);
                let sp = if self.pick(6) == 1 { "" } else { " " };
                self.w(sp);
                self.w(operator_str(*op));
                self.w(sp);
                self.expr(right, rp);
            }
            ExprKind::UnaryOp { op, operand } => match op {
                Unaryop::Not => {
                    self.w("not ");
                    self.expr(operand, Prec::Not);
                }
                _ => {
                    self.w(match op {
                        Unaryop::Invert => "~",
                        Unaryop::UAdd => "+",
                        _ => "-",
                    });
                    self.expr(operand, Prec::Factor);
                }
            },
            ExprKind::Lambda { args, body } => {
                self.w("lambda");
                if !args_empty(args) {
                    self.w(" ");
                    self.arguments(args, false);
                }
                self.w(": ");
                self.expr(body, Prec::Test);
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(body, Prec::Test.next());
                self.w(" if ");
                self.expr(test, Prec::Test.next());
                self.w(" else ");
                self.expr(orelse, Prec::Test);
            }
            ExprKind::Dict { keys, values } => {
                self.w("{");
                for (i, (k, v)) in keys.iter().zip(values).enumerate() {
                    if i > 0 {
                        self.w(", ");
                    }
                    match k {
                        Some(k) => {
                            self.expr(k, Prec::Test);
                            self.w(": ");
                            self.expr(v, Prec::Test);
                        }
                        None => {
                            self.w("**");
                            self.expr(v, Prec::BOr);
                        }
                    }
                }
                if keys.len() != values.len() {
                    self.fail("Dict with unequal keys and values");
                }
                self.trailing_comma(!keys.is_empty());
                self.w("}");
            }
            ExprKind::Set { elts } => {
                if elts.is_empty() {
                    self.w("{*()}");
                } else {
                    self.w("{");
                    self.comma_list(elts, Prec::Test);
                    self.trailing_comma(true);
                    self.w("}");
                }
            }
            ExprKind::List { elts, .. } => {
                self.w("[");
                self.comma_list(elts, Prec::Test);
                self.trailing_comma(!elts.is_empty());
                self.w("]");
            }
            ExprKind::Tuple { elts, .. } => {
                self.w("(");
                self.tuple_elts(elts);
                self.w(")");
            }
            ExprKind::ListComp { elt, generators } => {
                self.w("[");
                self.expr(elt, Prec::Test);
                self.comprehensions(generators);
                self.w("]");
            }
            ExprKind::SetComp { elt, generators } => {
                self.w("{");
                self.expr(elt, Prec::Test);
                self.comprehensions(generators);
                self.w("}");
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.w("(");
                self.expr(elt, Prec::Test);
                self.comprehensions(generators);
                self.w(")");
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => {
                self.w("{");
                self.expr(key, Prec::Test);
                self.w(": ");
                self.expr(value, Prec::Test);
                self.comprehensions(generators);
                self.w("}");
            }
            ExprKind::Await { value } => {
                self.w("await ");
                self.expr(value, Prec::Atom);
            }
            ExprKind::Yield { value } => {
                self.w("yield");
                if let Some(v) = value {
                    self.w(" ");
                    self.expr_tuple_ok(v);
                }
            }
            ExprKind::YieldFrom { value } => {
                self.w("yield from ");
                self.expr(value, Prec::Test);
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                if ops.is_empty() || ops.len() != comparators.len() {
                    self.fail("Compare with mismatched ops and comparators");
                }
                self.expr(left, Prec::Cmp.next());
                for (op, c) in ops.iter().zip(comparators) {
                    self.w(" ");
                    self.w(cmpop_str(*op));
                    self.w(" ");
                    self.expr(c, Prec::Cmp.next());
                }
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.expr(func, Prec::Atom);
                self.w("(");
                self.call_args(args, keywords);
                self.w(")");
            }
            ExprKind::FormattedValue { .. } | ExprKind::JoinedStr { .. } => self.fstring(e),
            ExprKind::Constant { value, kind } => self.constant(value, kind.as_deref()),
            ExprKind::Attribute { value, attr, .. } => {
                let int_literal = matches!(
                    &value.node,
                    ExprKind::Constant {
                        value: Constant::Int(_),
                        ..
                    }
                );
                if int_literal {
                    self.w("(");
                    self.expr(value, Prec::Tuple);
                    self.w(")");
                } else {
                    self.expr(value, Prec::Atom);
                }
                self.w(".");
                self.name(attr);
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value, Prec::Atom);
                self.w("[");
                match &slice.node {
                    ExprKind::Tuple { elts, .. } if !elts.is_empty() => self.tuple_elts(elts),
                    _ => self.expr(slice, Prec::Tuple),
                }
                self.w("]");
            }
            ExprKind::Starred { value, .. } => {
                self.w("*");
                self.expr(value, Prec::BOr);
            }
            ExprKind::Name { id, .. } => self.name(id),
            ExprKind::Slice { lower, upper, step } => {
                if let Some(x) = lower {
                    self.expr(x, Prec::Test);
                }
                self.w(":");
                if let Some(x) = upper {
                    self.expr(x, Prec::Test);
                }
                if let Some(x) = step {
                    self.w(":");
                    self.expr(x, Prec::Test);
                }
            }
        }
    }

    fn trailing_comma(&mut self, allowed: bool) {
        if allowed && self.pick(8) == 1 {
            self.w(",");
        }
    }

    /// An identifier, checked to be one.
    pub(crate) fn name(&mut self, id: &str) {
        let mut chars = id.chars();
        let ok = chars.next().is_some_and(|c| c == '_' || c.is_alphabetic())
            && chars.all(|c| c == '_' || c.is_alphanumeric());
        if !ok {
            self.fail(format!("{id:?} is not an identifier"));
        }
        self.w(id);
    }

    pub(crate) fn call_args(&mut self, args: &[Expr], keywords: &[Keyword]) {
        let mut first = true;
        for a in args {
            if !first {
                self.w(", ");
            }
            first = false;
            self.expr(a, Prec::Test);
        }
        for k in keywords {
            if !first {
                self.w(", ");
            }
            first = false;
            match &k.arg {
                Some(name) => {
                    self.name(name);
                    self.w("=");
                    self.expr(&k.value, Prec::Test);
                }
                None => {
                    self.w("**");
                    self.expr(&k.value, Prec::BOr);
                }
            }
        }
    }

    fn comprehensions(&mut self, gens: &[Comprehension]) {
        if gens.is_empty() {
            self.fail("comprehension without generators");
        }
        for g in gens {
            self.w(if g.is_async != 0 {
                " async for "
            } else {
                " for "
            });
            self.expr_tuple_ok(&g.target);
            self.w(" in ");
            self.expr(&g.iter, Prec::Test.next());
            for cond in &g.ifs {
                self.w(" if ");
                self.expr(cond, Prec::Test.next());
            }
        }
    }

    /// Parameters, for `def` (annotations allowed) and `lambda`.
    pub(crate) fn arguments(&mut self, a: &Arguments, annotations: bool) {
        let mut parts_written = 0;
        let mut sep = |u: &mut Self| {
            if parts_written > 0 {
                u.w(", ");
            }
            parts_written += 1;
        };
        let positional: Vec<_> = a.posonlyargs.iter().chain(&a.args).collect();
        let first_default = positional.len().saturating_sub(a.defaults.len());
        if a.defaults.len() > positional.len() {
            self.fail("more defaults than positional parameters");
        }
        for (i, arg) in positional.iter().enumerate() {
            sep(self);
            self.arg(arg, annotations);
            if i >= first_default {
                self.w(if annotations && arg.annotation.is_some() {
                    " = "
                } else {
                    "="
                });
                self.expr(&a.defaults[i - first_default], Prec::Test);
            }
            if i + 1 == a.posonlyargs.len() {
                sep(self);
                self.w("/");
            }
        }
        if let Some(v) = &a.vararg {
            sep(self);
            self.w("*");
            self.arg(v, annotations);
        } else if !a.kwonlyargs.is_empty() {
            sep(self);
            self.w("*");
        }
        for (i, arg) in a.kwonlyargs.iter().enumerate() {
            sep(self);
            self.arg(arg, annotations);
            if let Some(Some(d)) = a.kw_defaults.get(i) {
                self.w(if annotations && arg.annotation.is_some() {
                    " = "
                } else {
                    "="
                });
                self.expr(d, Prec::Test);
            }
        }
        if let Some(k) = &a.kwarg {
            sep(self);
            self.w("**");
            self.arg(k, annotations);
        }
    }

    fn arg(&mut self, arg: &crate::ast::Arg, annotations: bool) {
        self.name(&arg.arg);
        if let (true, Some(ann)) = (annotations, &arg.annotation) {
            self.w(": ");
            self.expr(ann, Prec::Test);
        }
    }

    // --- constants ----------------------------------------------------------------

    pub(crate) fn constant(&mut self, c: &Constant, kind: Option<&str>) {
        match c {
            Constant::None => self.w("None"),
            Constant::Bool(true) => self.w("True"),
            Constant::Bool(false) => self.w("False"),
            Constant::Ellipsis => self.w("..."),
            Constant::Int(i) => self.int(i),
            Constant::Float(x) => self.float(*x),
            Constant::Complex { real, imag } => {
                if *real == 0.0 && real.is_sign_positive() {
                    self.imag(*imag);
                } else {
                    // Only constant folding makes these: the sum spells the same value.
                    self.w("(");
                    self.float(*real);
                    self.w(" + ");
                    self.imag(*imag);
                    self.w(")");
                }
            }
            Constant::Str(s) => self.str_literal(s, kind == Some("u")),
            Constant::Bytes(b) => self.bytes_literal(b),
            Constant::Tuple(items) => {
                self.w("(");
                for (i, x) in items.iter().enumerate() {
                    if i > 0 {
                        self.w(", ");
                    }
                    self.constant(x, None);
                }
                if items.len() == 1 {
                    self.w(",");
                }
                self.w(")");
            }
            Constant::FrozenSet(items) => {
                self.w("frozenset({");
                for (i, x) in items.iter().enumerate() {
                    if i > 0 {
                        self.w(", ");
                    }
                    self.constant(x, None);
                }
                self.w("})");
            }
        }
    }

    fn int(&mut self, i: &BigInt) {
        if i.sign() == Sign::Minus {
            self.w("-");
            self.int(&-i);
            return;
        }
        match self.pick(10) {
            1 => {
                let _ = write!(self.out, "0x{}", i.to_str_radix(16));
            }
            2 => {
                let _ = write!(self.out, "0O{}", i.to_str_radix(8));
            }
            3 => {
                let _ = write!(self.out, "0b{}", i.to_str_radix(2));
            }
            4 => {
                let _ = write!(self.out, "0X{}", i.to_str_radix(16).to_uppercase());
            }
            5 => {
                // Digit groups with underscores.
                let d = i.to_string();
                let bytes = d.as_bytes();
                for (k, b) in bytes.iter().enumerate() {
                    if k > 0 && (bytes.len() - k).is_multiple_of(3) {
                        self.out.push('_');
                    }
                    self.out.push(*b as char);
                }
            }
            _ => {
                let _ = write!(self.out, "{i}");
            }
        }
    }

    fn float(&mut self, x: f64) {
        if x.is_nan() {
            self.w("(1e309 - 1e309)");
            return;
        }
        if x.is_sign_negative() {
            self.w("-");
            self.float(-x);
            return;
        }
        if x.is_infinite() {
            self.w("1e309");
            return;
        }
        let r = format_float_r(x, true, false);
        match self.pick(8) {
            1 if !r.contains('e') => {
                let _ = write!(self.out, "{r}e0");
            }
            2 if !r.contains('e') => {
                let _ = write!(self.out, "{r}0");
            }
            3 => self.w(&r.replace('e', "E")),
            4 if r.starts_with("0.") => self.w(&r[1..]),
            5 if r.ends_with(".0") => {
                let _ = write!(self.out, "{}.", &r[..r.len() - 2]);
            }
            _ => self.w(&r),
        }
    }

    fn imag(&mut self, im: f64) {
        if im.is_nan() {
            self.w("(1e309j - 1e309j)");
            return;
        }
        if im.is_sign_negative() {
            self.w("-");
            self.imag(-im);
            return;
        }
        if im.is_infinite() {
            self.w("1e309j");
            return;
        }
        let r = format_float_r(im, false, false);
        let j = if self.pick(4) == 1 { "J" } else { "j" };
        let _ = write!(self.out, "{r}{j}");
    }

    fn str_literal(&mut self, s: &PyStr, u_prefix: bool) {
        if self.in_fstring {
            let r = str_repr(s);
            if r.contains('\\') {
                self.fail("an f-string expression needs a backslash");
            }
            if u_prefix {
                self.w("u");
            }
            self.w(&r);
            return;
        }
        let prefix = if u_prefix {
            "u"
        } else {
            ["", "", "", "", "", "", "r", "R"][self.pick(8)]
        };
        let cps: Vec<u32> = s.code_points().collect();
        let raw_ok = !cps.is_empty()
            && cps.iter().all(|&c| {
                (0x20..0x7f).contains(&c) && c != u32::from(b'\\') && c != u32::from(b'\'')
            });
        match prefix {
            "r" | "R" if raw_ok => {
                self.w(prefix);
                self.w("'");
                self.w(&s.to_string_lossy());
                self.w("'");
            }
            "r" | "R" => self.w(&str_repr(s)),
            _ => {
                self.w(prefix);
                match self.pick(6) {
                    1 => self.quoted(&cps, "\"", false),
                    2 => self.quoted(&cps, "'''", false),
                    3 => self.quoted(&cps, "\"\"\"", false),
                    4 if cps.len() >= 2 => {
                        // Implicit concatenation: one constant, two tokens.
                        let mid = cps.len() / 2;
                        self.quoted(&cps[..mid], "'", false);
                        self.w(" ");
                        self.quoted(&cps[mid..], "\"", false);
                    }
                    5 => self.quoted(&cps, "'", true),
                    _ => self.w(&str_repr(s)),
                }
            }
        }
    }

    /// A string body between `quote`s, every character that needs it escaped
    /// (`all_escaped`: ASCII letters too, as `\x..`).
    fn quoted(&mut self, cps: &[u32], quote: &str, all_escaped: bool) {
        self.w(quote);
        let body = escape_body(cps, quote, all_escaped, false);
        self.w(&body);
        self.w(quote);
    }

    fn bytes_literal(&mut self, b: &[u8]) {
        if self.in_fstring {
            let r = bytes_repr(b);
            if r.contains('\\') {
                self.fail("an f-string expression needs a backslash");
            }
            self.w(&r);
            return;
        }
        let raw_ok = !b.is_empty()
            && b.iter()
                .all(|&c| (0x20..0x7f).contains(&c) && c != b'\\' && c != b'\'');
        match self.pick(5) {
            1 if raw_ok => {
                let prefix = ["rb", "Rb", "bR", "BR", "br"][self.pick(5)];
                self.w(prefix);
                self.w("'");
                self.w(std::str::from_utf8(b).unwrap_or(""));
                self.w("'");
            }
            2 => {
                let r = bytes_repr(b);
                self.w("B");
                self.w(&r[1..]);
            }
            3 if b.len() >= 2 => {
                let mid = b.len() / 2;
                let (x, y) = (bytes_repr(&b[..mid]), bytes_repr(&b[mid..]));
                self.w(&x);
                self.w(" ");
                self.w(&y);
            }
            _ => self.w(&bytes_repr(b)),
        }
    }

    // --- f-strings ----------------------------------------------------------------

    fn fstring(&mut self, e: &Expr) {
        let values: Vec<&Expr> = match &e.node {
            ExprKind::JoinedStr { values } => values.iter().collect(),
            _ => vec![e],
        };
        // Render every replacement field first: the quotes must avoid what they hold.
        let mut parts: Vec<Part> = Vec::new();
        for v in values {
            self.fstring_part(v, &mut parts);
        }
        let fields: String = parts
            .iter()
            .filter_map(|p| match p {
                Part::Field(s) => Some(s.as_str()),
                Part::Lit(_) => None,
            })
            .collect();
        let mut order = ["'", "\"", "'''", "\"\"\""];
        if self.pick(3) == 1 {
            order.swap(0, 1);
        }
        let quote = order.iter().copied().find(|q| !fields.contains(q));
        let Some(quote) = quote else {
            self.fail("no quote fits the f-string's expressions");
            return;
        };
        let prefix = if parts.iter().any(Part::needs_escape) {
            self.pick(3)
        } else {
            self.pick(5)
        };
        self.w(["f", "f", "F", "rf", "fR"][prefix]);
        let raw = self.out.ends_with('r') || self.out.ends_with('R');
        self.w(quote);
        for p in &parts {
            match p {
                Part::Lit(cps) if raw => {
                    let s: String = cps.iter().filter_map(|&c| char::from_u32(c)).collect();
                    self.w(&s.replace('{', "{{").replace('}', "}}"));
                }
                Part::Lit(cps) => self.w(&escape_body(cps, quote, false, true)),
                Part::Field(s) => self.w(s),
            }
        }
        self.w(quote);
    }

    fn fstring_part(&mut self, v: &Expr, parts: &mut Vec<Part>) {
        match &v.node {
            ExprKind::Constant {
                value: Constant::Str(s),
                ..
            } => parts.push(Part::Lit(s.code_points().collect())),
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                let mut field = String::from("{");
                let inner = self.fstring_expr(value);
                if inner.starts_with('{') {
                    field.push(' ');
                }
                field.push_str(&inner);
                match conversion {
                    -1 => {}
                    115 => field.push_str("!s"),
                    114 => field.push_str("!r"),
                    97 => field.push_str("!a"),
                    c => self.fail(format!("unknown f-string conversion {c}")),
                }
                if let Some(spec) = format_spec {
                    field.push(':');
                    let spec_values: Vec<&Expr> = match &spec.node {
                        ExprKind::JoinedStr { values } => values.iter().collect(),
                        _ => vec![&**spec],
                    };
                    for sv in spec_values {
                        match &sv.node {
                            ExprKind::Constant {
                                value: Constant::Str(s),
                                ..
                            } => {
                                let text = s.to_string_lossy();
                                if text.contains(['{', '}', '\\', '\'', '"', '\n', '\r'])
                                    || !s.code_points().all(|c| c >= 0x20)
                                {
                                    self.fail("an f-string format spec that cannot be spelt");
                                }
                                field.push_str(&text);
                            }
                            ExprKind::FormattedValue { .. } => {
                                let mut sub = Vec::new();
                                self.fstring_part(sv, &mut sub);
                                for p in sub {
                                    if let Part::Field(f) = p {
                                        field.push_str(&f);
                                    }
                                }
                            }
                            _ => self.fail("unexpected node in an f-string format spec"),
                        }
                    }
                }
                field.push('}');
                parts.push(Part::Field(field));
            }
            _ => self.fail("unexpected node inside an f-string"),
        }
    }

    /// A replacement field's expression, rendered on its own.
    fn fstring_expr(&mut self, value: &Expr) -> String {
        let saved_out = std::mem::take(&mut self.out);
        let saved_in = self.in_fstring;
        self.in_fstring = true;
        self.expr(value, Prec::Test.next());
        self.in_fstring = saved_in;
        let text = std::mem::replace(&mut self.out, saved_out);
        if text.contains('\\') {
            self.fail("an f-string expression needs a backslash");
        }
        if text.contains('#') {
            self.fail("an f-string expression cannot hold '#'");
        }
        text
    }
}

/// A piece of an f-string: literal text (code points) or a rendered `{…}` field.
enum Part {
    Lit(Vec<u32>),
    Field(String),
}

impl Part {
    fn needs_escape(&self) -> bool {
        match self {
            Part::Lit(cps) => cps.iter().any(|&c| {
                !(0x20..0x7f).contains(&c)
                    || c == u32::from(b'\\')
                    || c == u32::from(b'\'')
                    || c == u32::from(b'"')
            }),
            Part::Field(_) => false,
        }
    }
}

/// The escaped body of a string literal closed by `quote`; in an f-string, braces
/// are doubled.
fn escape_body(cps: &[u32], quote: &str, all_escaped: bool, fstring: bool) -> String {
    let q = u32::from(quote.as_bytes()[0]);
    let mut out = String::new();
    for &c in cps {
        match c {
            0x5c => out.push_str("\\\\"),
            _ if c == q => {
                out.push('\\');
                out.push(quote.as_bytes()[0] as char);
            }
            0x0a => out.push_str("\\n"),
            0x0d => out.push_str("\\r"),
            0x09 => out.push_str("\\t"),
            0x7b if fstring => out.push_str("{{"),
            0x7d if fstring => out.push_str("}}"),
            0x20..=0x7e if !all_escaped => out.push(c as u8 as char),
            0..=0xff if all_escaped || !(0x20..0x7f).contains(&c) && !printable(c) => {
                let _ = write!(out, "\\x{c:02x}");
            }
            _ if printable(c) && !all_escaped => {
                out.push(char::from_u32(c).unwrap_or('\u{fffd}'));
            }
            0x100..=0xffff => {
                let _ = write!(out, "\\u{c:04x}");
            }
            _ => {
                let _ = write!(out, "\\U{c:08x}");
            }
        }
    }
    out
}

fn printable(c: u32) -> bool {
    !(0xd800..0xe000).contains(&c) && is_printable(c)
}

fn args_empty(a: &Arguments) -> bool {
    a.posonlyargs.is_empty()
        && a.args.is_empty()
        && a.vararg.is_none()
        && a.kwonlyargs.is_empty()
        && a.kwarg.is_none()
}
