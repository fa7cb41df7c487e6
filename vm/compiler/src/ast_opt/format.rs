//! `'%s %r' % (a, b)` → `f'{a!s} {b!r}'` (`optimize_format` of CPython 3.11's
//! `ast_opt.c`): only `%s`, `%r` and `%a` with simple width and precision.

use super::NO_LOCATION;
use refvm_common::PyStr;
use refvm_syntax::ast::{Constant, Expr, ExprKind};

const MAXDIGITS: u32 = 3;
const F_LJUST: u32 = 1;

fn str_const(s: PyStr) -> Expr {
    Expr::new(
        ExprKind::Constant {
            value: Constant::Str(s),
            kind: None,
        },
        NO_LOCATION,
    )
}

/// `parse_literal`: text up to the next lone `%`, with `%%` turned into `%`.
fn parse_literal(fmt: &[u32], pos: &mut usize) -> Option<Expr> {
    let start = *pos;
    let mut p = start;
    let mut has_percents = false;
    while p < fmt.len() {
        if fmt[p] != '%' as u32 {
            p += 1;
        } else if p + 1 < fmt.len() && fmt[p + 1] == '%' as u32 {
            has_percents = true;
            p += 2;
        } else {
            break;
        }
    }
    *pos = p;
    if p == start {
        return None;
    }
    let mut out = Vec::with_capacity(p - start);
    let mut i = start;
    while i < p {
        out.push(fmt[i]);
        if has_percents && fmt[i] == '%' as u32 && i + 1 < p && fmt[i + 1] == '%' as u32 {
            i += 2;
        } else {
            i += 1;
        }
    }
    PyStr::from_code_points(out).map(str_const)
}

/// `simple_format_arg_parse`: `(spec, flags, width, prec)`.
fn simple_format_arg_parse(fmt: &[u32], ppos: &mut usize) -> Option<(u32, u32, i32, i32)> {
    let mut pos = *ppos;
    let mut next = || -> Option<u32> {
        let c = *fmt.get(pos)?;
        pos += 1;
        Some(c)
    };
    let mut flags = 0;
    let mut width = -1;
    let mut prec = -1;
    let mut ch;
    loop {
        ch = next()?;
        match char::from_u32(ch) {
            Some('-') => flags |= F_LJUST,
            Some('+' | ' ' | '#' | '0' | 'z') => flags |= 2,
            _ => break,
        }
    }
    let is_digit = |c: u32| ('0' as u32..='9' as u32).contains(&c);
    if is_digit(ch) {
        width = 0;
        let mut digits = 0;
        while is_digit(ch) {
            width = width * 10 + (ch - '0' as u32) as i32;
            ch = next()?;
            digits += 1;
            if digits >= MAXDIGITS {
                return None;
            }
        }
    }
    if ch == '.' as u32 {
        ch = next()?;
        prec = 0;
        if is_digit(ch) {
            let mut digits = 0;
            while is_digit(ch) {
                prec = prec * 10 + (ch - '0' as u32) as i32;
                ch = next()?;
                digits += 1;
                if digits >= MAXDIGITS {
                    return None;
                }
            }
        }
    }
    *ppos = pos;
    Some((ch, flags, width, prec))
}

/// `parse_format`: one conversion applied to `arg`.
fn parse_format(fmt: &[u32], pos: &mut usize, arg: &Expr) -> Option<Expr> {
    let (spec, flags, width, prec) = simple_format_arg_parse(fmt, pos)?;
    if !matches!(char::from_u32(spec), Some('s' | 'r' | 'a')) {
        return None;
    }
    let mut buf = String::new();
    if flags & F_LJUST == 0 && width > 0 {
        buf.push('>');
    }
    if width >= 0 {
        buf.push_str(&width.to_string());
    }
    if prec >= 0 {
        buf.push_str(&format!(".{prec}"));
    }
    let format_spec = if buf.is_empty() {
        None
    } else {
        Some(Box::new(str_const(PyStr::from(buf.as_str()))))
    };
    Some(Expr::new(
        ExprKind::FormattedValue {
            value: Box::new(arg.clone()),
            conversion: spec as i32,
            format_spec,
        },
        arg.loc,
    ))
}

/// `optimize_format`: the JoinedStr values, or `None` to leave the `%` alone.
pub fn optimize_format(fmt: &PyStr, elts: &[Expr]) -> Option<Vec<Expr>> {
    let fmt: Vec<u32> = fmt.code_points().collect();
    let mut pos = 0;
    let mut cnt = 0;
    let mut seq = Vec::with_capacity(elts.len() * 2 + 1);
    loop {
        if let Some(lit) = parse_literal(&fmt, &mut pos) {
            seq.push(lit);
        }
        if pos >= fmt.len() {
            break;
        }
        if cnt >= elts.len() {
            return None;
        }
        pos += 1;
        let expr = parse_format(&fmt, &mut pos, &elts[cnt])?;
        cnt += 1;
        seq.push(expr);
    }
    if cnt < elts.len() {
        return None;
    }
    Some(seq)
}
