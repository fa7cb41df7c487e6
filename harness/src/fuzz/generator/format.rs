//! String formatting: `%`-formatting (every conversion, flags, widths, precisions,
//! mapping keys), `format()` with specs valid (and occasionally invalid) for the
//! value's type, `str.format`, and f-strings with conversions and nested specs.

use super::Feature;
use super::build::*;
use super::scope::{Gen, Ty};
use refvm_syntax::ast::{Expr, Operator};

impl Gen<'_> {
    /// A formatted str (length bound returned).
    pub fn format_expr(&mut self, depth: u32, max: u32) -> (Expr, u32) {
        match self.e.below(4) {
            0 => self.percent_format(depth),
            1 => self.format_call(depth),
            2 => self.fstring_expr(depth),
            _ => self.str_format_method(depth),
        }
        .into_sized(max)
    }

    /// A value of a formattable type and the spec that suits it.
    fn spec_value(&mut self, depth: u32) -> (Expr, &'static str) {
        match self.e.below(5) {
            0 | 1 => {
                let (x, _) = self.int_expr(depth, 200);
                let spec = self.int_spec();
                (x, spec)
            }
            2 | 3 => {
                let x = self.float_expr(depth);
                let spec = self.float_spec();
                (x, spec)
            }
            _ => {
                let (x, _) = self.str_expr(depth, 40);
                let spec = self.str_spec();
                (x, spec)
            }
        }
    }

    fn percent_format(&mut self, depth: u32) -> Expr {
        self.tag(Feature::PercentFormat);
        if self.e.chance(1, 6) {
            // Mapping keys: '%(a)s %(b)05d' % {'a': …, 'b': …}.
            let (a, _) = self.str_expr(depth, 20);
            let (b, _) = self.int_expr(depth, 64);
            let fmt = *self
                .e
                .pick(&["%(a)s|%(b)05d", "%(b)x-%(a)r", "%(a).2s%(b)+d%%"]);
            return binop(
                str_(fmt),
                Operator::Mod,
                dict(vec![(Some(str_("a")), a), (Some(str_("b")), b)]),
            );
        }
        let n = self.e.range(1, 3);
        let mut fmt = String::new();
        let mut args = Vec::new();
        for i in 0..n {
            if i > 0 {
                fmt.push_str(*self.e.pick(&[" ", "|", ", ", "%%", ":"]));
            }
            let flags = *self.e.pick(&["", "", "-", "+", " ", "0", "#", "-0", "+#"]);
            let width = *self.e.pick(&["", "", "5", "12", "*"]);
            let prec = *self.e.pick(&["", "", ".0", ".3", ".10"]);
            let (conv, value) = match self.e.below(6) {
                0 | 1 => {
                    let c = *self
                        .e
                        .pick(&["d", "i", "x", "X", "o", "u", "e", "f", "g", "c"]);
                    let (x, _) = if c == "c" {
                        self.small_int(32, 0x3ff)
                    } else {
                        self.int_expr(depth, 128)
                    };
                    (c, x)
                }
                2 | 3 => {
                    let c = *self.e.pick(&["e", "E", "f", "F", "g", "G", "d", "r"]);
                    (c, self.float_expr(depth))
                }
                4 => {
                    let c = *self.e.pick(&["s", "r", "a", "c"]);
                    let (x, _) = if c == "c" {
                        (str_(*self.e.pick(&["x", "é", "😀"])), 1)
                    } else {
                        self.str_expr(depth, 30)
                    };
                    (c, x)
                }
                _ => {
                    let t = self.value_ty(true);
                    let (x, _) = self.expr(&t, depth, 64);
                    (*self.e.pick(&["s", "r", "d"]), x)
                }
            };
            if width == "*" {
                args.push(int(self.e.range(-8, 12)));
            }
            fmt.push('%');
            fmt.push_str(flags);
            fmt.push_str(width);
            fmt.push_str(prec);
            fmt.push_str(conv);
            args.push(value);
        }
        let rhs = if args.len() == 1 && self.e.chance(1, 2) {
            args.pop().unwrap_or_else(none)
        } else {
            tuple(args)
        };
        binop(str_(&fmt), Operator::Mod, rhs)
    }

    fn format_call(&mut self, depth: u32) -> Expr {
        self.tag(Feature::FormatSpec);
        let (x, spec) = self.spec_value(depth);
        if self.e.chance(1, 8) {
            // A spec meant for another type: a ValueError with CPython's message.
            let wrong = *self
                .e
                .pick(&["d", "s", ",s", "=10s", "c", ".2d", "#s", "z"]);
            return fcall("format", vec![x, str_(wrong)]);
        }
        fcall("format", vec![x, str_(spec)])
    }

    fn str_format_method(&mut self, depth: u32) -> Expr {
        self.tag(Feature::FormatSpec);
        let (a, spec_a) = self.spec_value(depth);
        let (b, _) = self.int_expr(depth, 64);
        let template = match self.e.below(4) {
            0 => format!("{{}} and {{:{spec_a}}}"),
            1 => format!("{{1}}{{0:{spec_a}}}{{1}}"),
            2 => format!("[{{v:{spec_a}}}] {{w!r}}"),
            _ => "{0!s:>8}|{1!r:<6}|{{}}".to_owned(),
        };
        match self.e.below(4) {
            0 => method(str_(&template), "format", vec![b, a]),
            2 => call_kw(
                attr(str_(&template), "format"),
                vec![],
                vec![(Some("v"), a), (Some("w"), b)],
            ),
            _ => method(str_(&template), "format", vec![a, b]),
        }
    }

    /// A value safe inside an f-string field: a variable or a small arithmetic
    /// expression (no string literals, which could need backslashes).
    fn fstring_field_value(&mut self) -> (Expr, Ty) {
        if let Some(v) = self.any_var(|v| v.ty.is_scalar() || matches!(v.ty, Ty::List(_))) {
            return (name(&v.name), v.ty);
        }
        if self.e.chance(1, 2) {
            let (x, _) = self.small_int(-50, 5000);
            (x, Ty::Int)
        } else {
            (self.float_literal(), Ty::Float)
        }
    }

    fn fstring_expr(&mut self, depth: u32) -> Expr {
        self.tag(Feature::FStrings);
        let _ = depth;
        let n = self.e.range(1, 3);
        let mut values = Vec::new();
        let mut last_was_text = false;
        for _ in 0..n {
            if !last_was_text && self.e.chance(1, 2) {
                let t = *self
                    .e
                    .pick(&["x=", " | ", "value: ", "é ", "tab\t", "q'\"", "{", "}"]);
                values.push(str_(t));
                last_was_text = true;
                continue;
            }
            let (x, ty) = self.fstring_field_value();
            let conversion = *self.e.pick(&[-1, -1, -1, 114, 115, 97]);
            let spec = match self.e.below(4) {
                0 => {
                    let s = match (&ty, conversion) {
                        (_, c) if c != -1 => self.str_spec(),
                        (Ty::Int | Ty::Bool, _) => self.int_spec(),
                        (Ty::Float, _) => self.float_spec(),
                        (Ty::Str, _) => self.str_spec(),
                        _ => "",
                    };
                    if s.is_empty() {
                        None
                    } else {
                        self.tag(Feature::FormatSpec);
                        Some(fstring(vec![str_(s)]))
                    }
                }
                1 => {
                    // A nested replacement field in the spec: {x:>{w}}.
                    let w = self.e.range(0, 12);
                    self.tag(Feature::FormatSpec);
                    Some(fstring(vec![str_(">"), fvalue(int(w), -1, None)]))
                }
                _ => None,
            };
            values.push(fvalue(x, conversion, spec));
            last_was_text = false;
        }
        fstring(values)
    }
}

trait IntoSized {
    fn into_sized(self, max: u32) -> (Expr, u32);
}

impl IntoSized for Expr {
    /// Formatted strings are short: widths and precisions are small literals.
    fn into_sized(self, max: u32) -> (Expr, u32) {
        (self, max.min(400))
    }
}
