//! Formatting: the format-spec mini-language (`format()`, f-strings), `str.format`, and
//! `%`-formatting, with CPython's messages.

use crate::error::PyResult;
use crate::object::{PyObject, PyRef};
use crate::objects::intval::Int;
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;

/// A parsed format spec.
#[derive(Clone, Debug, Default)]
pub struct Spec {
    pub fill: Option<char>,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub z: bool,
    pub alt: bool,
    pub zero: bool,
    pub width: Option<usize>,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

pub fn parse_spec(vm: &Vm, spec: &str) -> PyResult<Spec> {
    parse_spec_align(vm, spec, '>', '\0')
}

/// `parse_internal_render_format_spec` with the type's default alignment (`<` for str).
pub fn parse_spec_align(
    vm: &Vm,
    spec: &str,
    default_align: char,
    default_type: char,
) -> PyResult<Spec> {
    let c: Vec<char> = spec.chars().collect();
    let mut i = 0;
    let mut s = Spec::default();
    let is_align = |ch: char| matches!(ch, '<' | '>' | '=' | '^');
    if c.len() >= 2 && is_align(c[1]) {
        s.fill = Some(c[0]);
        s.align = Some(c[1]);
        i = 2;
    } else if !c.is_empty() && is_align(c[0]) {
        s.align = Some(c[0]);
        i = 1;
    }
    if i < c.len() && matches!(c[i], '+' | '-' | ' ') {
        s.sign = Some(c[i]);
        i += 1;
    }
    if i < c.len() && c[i] == 'z' {
        s.z = true;
        i += 1;
    }
    if i < c.len() && c[i] == '#' {
        s.alt = true;
        i += 1;
    }
    if i < c.len() && c[i] == '0' {
        s.zero = true;
        if s.fill.is_none() {
            s.fill = Some('0');
            if s.align.is_none() && default_align == '>' {
                s.align = Some('=');
            }
        }
        i += 1;
    }
    let st = i;
    while i < c.len() && c[i].is_ascii_digit() {
        i += 1;
    }
    if i > st {
        let w: String = c[st..i].iter().collect();
        s.width = Some(
            w.parse()
                .map_err(|_| vm.new_value_error("Too many decimal digits in format string"))?,
        );
    }
    if i < c.len() && c[i] == ',' {
        s.grouping = Some(',');
        i += 1;
    }
    if i < c.len() && c[i] == '_' {
        if s.grouping.is_some() {
            return Err(vm.new_value_error("Cannot specify both ',' and '_'."));
        }
        s.grouping = Some('_');
        i += 1;
    }
    if i < c.len() && c[i] == ',' && s.grouping == Some('_') {
        return Err(vm.new_value_error("Cannot specify both ',' and '_'."));
    }
    if i < c.len() && c[i] == '.' {
        i += 1;
        let st = i;
        while i < c.len() && c[i].is_ascii_digit() {
            i += 1;
        }
        if i == st {
            return Err(vm.new_value_error("Format specifier missing precision"));
        }
        let p: String = c[st..i].iter().collect();
        s.precision = Some(
            p.parse()
                .map_err(|_| vm.new_value_error("Too many decimal digits in format string"))?,
        );
    }
    if i < c.len() {
        s.ty = Some(c[i]);
        i += 1;
    }
    if i < c.len() {
        return Err(vm.new_value_error("Invalid format specifier"));
    }
    if let Some(g) = s.grouping {
        let t = s.ty.unwrap_or(default_type);
        let ok = matches!(t, 'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0')
            || (g == '_' && matches!(t, 'b' | 'o' | 'x' | 'X'));
        if !ok {
            let shown = if (' '..='\x7f').contains(&t) && t != ' ' {
                format!("'{t}'")
            } else {
                format!("'\\x{:x}'", t as u32)
            };
            return Err(vm.new_value_error(format!("Cannot specify '{g}' with {shown}.")));
        }
    }
    Ok(s)
}

fn group(digits: &str, sep: char, every: usize) -> String {
    let n = digits.len();
    let mut out = String::with_capacity(n + n / every);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (n - i) % every == 0 {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

/// Pads `body` (sign and prefix separate for `=` alignment).
fn pad(s: &Spec, sign: &str, body: &str, default_align: char) -> String {
    let width = s.width.unwrap_or(0);
    let len = sign.chars().count() + body.chars().count();
    if len >= width {
        return format!("{sign}{body}");
    }
    let fill = s.fill.unwrap_or(' ');
    let n = width - len;
    let f = |k: usize| std::iter::repeat_n(fill, k).collect::<String>();
    match s.align.unwrap_or(default_align) {
        '<' => format!("{sign}{body}{}", f(n)),
        '>' => format!("{}{sign}{body}", f(n)),
        '^' => format!("{}{sign}{body}{}", f(n / 2), f(n - n / 2)),
        _ => format!("{sign}{}{body}", f(n)),
    }
}

pub fn format_str(vm: &Vm, st: &PyStr, spec: &str) -> PyResult {
    let s = parse_spec_align(vm, spec, '<', 's')?;
    if let Some(t) = s.ty {
        if t != 's' {
            return Err(vm.new_value_error(format!(
                "Unknown format code '{}' for object of type 'str'",
                t
            )));
        }
    }
    if s.sign == Some(' ') {
        return Err(vm.new_value_error("Space not allowed in string format specifier"));
    }
    if s.sign.is_some() {
        return Err(vm.new_value_error("Sign not allowed in string format specifier"));
    }
    if s.z {
        return Err(
            vm.new_value_error("Negative zero coercion (z) not allowed in string format specifier")
        );
    }
    if s.alt {
        return Err(vm.new_value_error("Alternate form (#) not allowed in string format specifier"));
    }
    if s.align == Some('=') {
        return Err(vm.new_value_error("'=' alignment not allowed in string format specifier"));
    }
    let mut text = st.as_cow().into_owned();
    if let Some(p) = s.precision {
        text = text.chars().take(p).collect();
    }
    Ok(vm.new_str(&pad(&s, "", &text, '<')))
}

pub fn format_int(vm: &Vm, v: &Int, spec: &str) -> PyResult {
    let s = parse_spec(vm, spec)?;
    let ty = s.ty.unwrap_or('d');
    match ty {
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let f = v
                .to_f64()
                .ok_or_else(|| vm.new_overflow_error("int too large to convert to float"))?;
            return format_float(vm, f, spec);
        }
        'd' | 'n' | 'b' | 'o' | 'x' | 'X' | 'c' => {}
        _ => {
            return Err(vm.new_value_error(format!(
                "Unknown format code '{}' for object of type 'int'",
                ty
            )));
        }
    }
    if s.precision.is_some() {
        return Err(vm.new_value_error("Precision not allowed in integer format specifier"));
    }
    if s.z {
        return Err(vm.new_value_error(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    if ty == 'c' {
        if s.sign.is_some() {
            return Err(vm.new_value_error("Sign not allowed with integer format specifier 'c'"));
        }
        if s.alt {
            return Err(vm.new_value_error(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        // PyLong_AsLong first (its own overflow message), then the code point range.
        let cp = v
            .as_i64()
            .ok_or_else(|| vm.new_overflow_error("Python int too large to convert to C long"))?;
        if !(0..=0x10ffff).contains(&cp) {
            return Err(vm.new_overflow_error("%c arg not in range(0x110000)"));
        }
        let ch = char::from_u32(cp as u32).unwrap_or('\u{fffd}').to_string();
        return Ok(vm.new_str(&pad(&s, "", &ch, '>')));
    }
    let neg = v.is_negative();
    let mag = v.abs();
    let (mut digits, prefix) = match ty {
        'b' => (crate::objects::intval::format_radix(&mag, 2, false), "0b"),
        'o' => (crate::objects::intval::format_radix(&mag, 8, false), "0o"),
        'x' => (crate::objects::intval::format_radix(&mag, 16, false), "0x"),
        'X' => (
            crate::objects::intval::format_radix(&mag, 16, false).to_uppercase(),
            "0X",
        ),
        _ => (mag.to_decimal(), ""),
    };
    if let Some(g) = s.grouping {
        let every = if matches!(ty, 'b' | 'o' | 'x' | 'X') {
            4
        } else {
            3
        };
        if g == ',' && every == 4 {
            return Err(vm.new_value_error(format!("Cannot specify ',' with '{}'.", ty)));
        }
        if (s.zero || s.fill == Some('0')) && s.align == Some('=') {
            // zero padding participates in grouping
            let width = s.width.unwrap_or(0);
            let signlen = usize::from(neg || s.sign.is_some_and(|c| c != '-'))
                + if s.alt { prefix.len() } else { 0 };
            let mut d = digits.clone();
            while group(&d, g, every).len() + signlen < width {
                d.insert(0, '0');
            }
            digits = d;
        }
        digits = group(&digits, g, every);
    }
    let mut sign = String::new();
    if neg {
        sign.push('-');
    } else if let Some(c) = s.sign {
        if c != '-' {
            sign.push(c);
        }
    }
    if s.alt {
        sign.push_str(prefix);
    }
    Ok(vm.new_str(&pad(&s, &sign, &digits, '>')))
}

/// Scientific digits of `x` with `p` digits after the point: (mantissa digits, exponent).
/// A finite f64 has at most 767 significant decimal digits and at most 1074 digits after
/// the point, so past these precisions the exact expansion only adds zeros (and Rust's
/// formatter refuses precisions above u16::MAX).
const MAX_SIG_DIGITS: usize = 800;
const MAX_FRAC_DIGITS: usize = 1100;

fn sci(x: f64, p: usize) -> (String, i32) {
    let s = format!("{:.*e}", p.min(MAX_SIG_DIGITS), x);
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let mut m = m.to_string();
    if p > MAX_SIG_DIGITS {
        m.extend(std::iter::repeat_n('0', p - MAX_SIG_DIGITS));
    }
    (m, e.parse().unwrap_or(0))
}

/// `x` with `p` digits after the point (exact, for any `p`).
fn fixed(x: f64, p: usize) -> String {
    let mut s = format!("{:.*}", p.min(MAX_FRAC_DIGITS), x);
    if p > MAX_FRAC_DIGITS {
        s.extend(std::iter::repeat_n('0', p - MAX_FRAC_DIGITS));
    }
    s
}

fn exp_str(e: i32) -> String {
    format!("{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
}

/// `s` with a decimal point (the alternate form keeps or adds one).
fn with_point(s: String) -> String {
    if s.contains('.') { s } else { s + "." }
}

fn strip_zeros(s: &str) -> String {
    if s.contains('.') {
        let t = s.trim_end_matches('0');
        t.strip_suffix('.').unwrap_or(t).to_string()
    } else {
        s.to_string()
    }
}

/// The body of a finite non-negative float for a type char.
pub(crate) fn float_body(x: f64, ty: char, prec: Option<usize>, alt: bool) -> String {
    match ty {
        'f' | 'F' | '%' => {
            let p = prec.unwrap_or(6);
            let mut s = fixed(x, p);
            if alt && p == 0 {
                s.push('.');
            }
            s
        }
        'e' | 'E' => {
            let p = prec.unwrap_or(6);
            let (m, e) = sci(x, p);
            let m = if alt && p == 0 { format!("{m}.") } else { m };
            format!("{}{}{}", m, if ty == 'E' { 'E' } else { 'e' }, exp_str(e))
        }
        'g' | 'G' | 'n' => {
            let mut p = prec.unwrap_or(6);
            if p == 0 {
                p = 1;
            }
            if x == 0.0 {
                let body = if alt {
                    with_point(fixed(0.0, p - 1))
                } else {
                    "0".to_string()
                };
                return body;
            }
            let (_, e) = sci(x, p - 1);
            let s = if e >= -4 && (e as i64) < p as i64 {
                fixed(x, (p as i64 - 1 - e as i64).max(0) as usize)
            } else {
                let (m, e) = sci(x, p - 1);
                let m = if alt { with_point(m) } else { strip_zeros(&m) };
                return format!("{}{}{}", m, if ty == 'G' { 'E' } else { 'e' }, exp_str(e));
            };
            if alt { with_point(s) } else { strip_zeros(&s) }
        }
        _ => {
            // no type: repr-like when no precision, else 'g' with at least one decimal
            // (`Py_DTSF_ADD_DOT_0`: the exponent form starts one digit earlier than 'g',
            // so format(0.0, '.1') is '0e+00'; '#' keeps the zeros and the point.)
            match prec {
                None => {
                    let r = refvm_common::repr::float_repr(x);
                    if alt && x.is_finite() && !r.contains('.') {
                        match r.split_once('e') {
                            Some((m, e)) => format!("{m}.e{e}"),
                            None => format!("{r}."),
                        }
                    } else {
                        r
                    }
                }
                Some(p) => {
                    let p = p.max(1);
                    let e = if x == 0.0 { 0 } else { sci(x, p - 1).1 };
                    if e < -4 || e as i64 >= p as i64 - 1 {
                        let (m, e) = sci(x, p - 1);
                        let m = if alt { with_point(m) } else { strip_zeros(&m) };
                        format!("{}e{}", m, exp_str(e))
                    } else {
                        let s = fixed(x, (p as i64 - 1 - e as i64).max(0) as usize);
                        if alt {
                            with_point(s)
                        } else {
                            let s = strip_zeros(&s);
                            if s.contains('.') { s } else { format!("{s}.0") }
                        }
                    }
                }
            }
        }
    }
}

pub fn format_float(vm: &Vm, x: f64, spec: &str) -> PyResult {
    let s = parse_spec(vm, spec)?;
    let ty = s.ty.unwrap_or('\0');
    if !matches!(ty, '\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') {
        return Err(vm.new_value_error(format!(
            "Unknown format code '{}' for object of type 'float'",
            ty
        )));
    }
    let mut neg = x.is_sign_negative() && !x.is_nan();
    let ax = x.abs();
    let mut body = if ax.is_infinite() || (ty == '%' && (ax * 100.0).is_infinite()) {
        if ty == '%' {
            "inf%".to_string()
        } else {
            "inf".to_string()
        }
    } else if ax.is_nan() {
        if ty == '%' {
            "nan%".to_string()
        } else {
            "nan".to_string()
        }
    } else if ty == '%' {
        format!("{}%", float_body(ax * 100.0, 'f', s.precision, s.alt))
    } else {
        float_body(ax, ty, s.precision, s.alt)
    };
    if matches!(ty, 'E' | 'F' | 'G') {
        body = body.to_uppercase();
    }
    if s.z
        && neg
        && body
            .chars()
            .all(|c| matches!(c, '0' | '.' | 'e' | 'E' | '+' | '-' | '%'))
    {
        neg = false;
    }
    if let Some(g) = s.grouping {
        let (int_part, rest) = match body.find(|c: char| !c.is_ascii_digit()) {
            Some(i) => (body[..i].to_string(), body[i..].to_string()),
            None => (body.clone(), String::new()),
        };
        let mut int_part = int_part;
        if (s.zero || s.fill == Some('0')) && s.align == Some('=') && !int_part.is_empty() {
            // zero padding participates in grouping
            let width = s.width.unwrap_or(0);
            let signlen = usize::from(neg || s.sign.is_some_and(|c| c != '-'));
            while group(&int_part, g, 3).len() + rest.len() + signlen < width {
                int_part.insert(0, '0');
            }
        }
        body = format!("{}{}", group(&int_part, g, 3), rest);
    }
    let mut sign = String::new();
    if neg {
        sign.push('-');
    } else if let Some(c) = s.sign {
        if c != '-' {
            sign.push(c);
        }
    }
    Ok(vm.new_str(&pad(&s, &sign, &body, '>')))
}

/// `format(complex, spec)` (`format_complex_internal`).
pub fn format_complex(vm: &Vm, re: f64, im: f64, spec: &str) -> PyResult {
    let s = parse_spec(vm, spec)?;
    if s.align == Some('=') {
        return Err(
            vm.new_value_error("'=' alignment flag is not allowed in complex format specifier")
        );
    }
    if s.fill == Some('0') {
        return Err(vm.new_value_error("Zero padding is not allowed in complex format specifier"));
    }
    let mut ty = s.ty.unwrap_or('\0');
    if !matches!(ty, '\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n') {
        return Err(vm.new_value_error(format!(
            "Unknown format code '{}' for object of type 'complex'",
            ty
        )));
    }
    let mut skip_re = false;
    let mut add_parens = false;
    let mut repr_style = false;
    if ty == '\0' {
        // Omitted type: like str(self), so a pure imaginary has no parentheses.
        if re == 0.0 && re.is_sign_positive() {
            skip_re = true;
        } else {
            add_parens = true;
        }
        if s.precision.is_none() {
            repr_style = true;
        } else {
            ty = 'g';
        }
    }
    if ty == 'n' {
        ty = 'g';
    }
    let part = |x: f64| -> String {
        let ax = x.abs();
        let mut b = if ax.is_infinite() {
            "inf".to_string()
        } else if ax.is_nan() {
            "nan".to_string()
        } else if repr_style {
            let r = refvm_common::repr::float_repr(ax);
            r.strip_suffix(".0").map(str::to_string).unwrap_or(r)
        } else {
            float_body(ax, ty, s.precision, s.alt)
        };
        if matches!(ty, 'E' | 'F' | 'G') {
            b = b.to_uppercase();
        }
        if let Some(g) = s.grouping {
            let (ip, rest) = match b.find(|c: char| !c.is_ascii_digit()) {
                Some(i) => (b[..i].to_string(), b[i..].to_string()),
                None => (b.clone(), String::new()),
            };
            b = format!("{}{}", group(&ip, g, 3), rest);
        }
        b
    };
    let sign_of = |x: f64, flag: Option<char>| -> String {
        if x.is_sign_negative() && !x.is_nan() {
            "-".into()
        } else {
            match flag {
                Some('+') => "+".into(),
                Some(' ') => " ".into(),
                _ => String::new(),
            }
        }
    };
    let mut body = String::new();
    if !skip_re {
        body.push_str(&sign_of(re, s.sign));
        body.push_str(&part(re));
    }
    let im_sign = if skip_re { s.sign } else { Some('+') };
    body.push_str(&sign_of(im, im_sign));
    body.push_str(&part(im));
    body.push('j');
    if add_parens {
        body = format!("({body})");
    }
    Ok(vm.new_str(&pad(&s, "", &body, '>')))
}

// ---- str.format ----

fn get_field(
    vm: &Vm,
    name: &str,
    args: &[PyRef],
    kws: &dyn Fn(&str) -> PyResult<Option<PyRef>>,
    auto: &mut Option<usize>,
    manual: &mut bool,
) -> PyResult<PyRef> {
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let first = &name[..first_end];
    let mut obj = if first.is_empty() {
        if *manual {
            return Err(vm.new_value_error(
                "cannot switch from manual field specification to automatic field numbering",
            ));
        }
        let i = auto.get_or_insert(0);
        let idx = *i;
        *i += 1;
        args.get(idx).cloned().ok_or_else(|| {
            vm.new_index_error(format!(
                "Replacement index {} out of range for positional args tuple",
                idx
            ))
        })?
    } else if let Ok(idx) = first.parse::<usize>() {
        if auto.is_some() {
            return Err(vm.new_value_error(
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
        *manual = true;
        args.get(idx).cloned().ok_or_else(|| {
            vm.new_index_error(format!(
                "Replacement index {} out of range for positional args tuple",
                idx
            ))
        })?
    } else {
        match kws(first)? {
            Some(v) => v,
            None => return Err(vm.new_key_error(vm.new_str(first))),
        }
    };
    let mut rest = &name[first_end..];
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            let end = r.find(['.', '[']).unwrap_or(r.len());
            obj = crate::ops::get_attr(vm, &obj, &vm.intern(&r[..end]))?;
            rest = &r[end..];
        } else if let Some(r) = rest.strip_prefix('[') {
            let end = r
                .find(']')
                .ok_or_else(|| vm.new_value_error("Missing ']' in format string"))?;
            let key = &r[..end];
            let k = match key.parse::<i64>() {
                Ok(i) => vm.new_int(i),
                Err(_) => vm.new_str(key),
            };
            obj = crate::ops::getitem(vm, &obj, &k)?;
            rest = &r[end + 1..];
        } else {
            return Err(
                vm.new_value_error("Only '.' or '[' may follow ']' in format field specifier")
            );
        }
    }
    Ok(obj)
}

fn vformat(
    vm: &Vm,
    fmt: &str,
    args: &[PyRef],
    kws: &dyn Fn(&str) -> PyResult<Option<PyRef>>,
    depth: u32,
) -> PyResult<String> {
    let mut auto: Option<usize> = None;
    let mut manual = false;
    vformat_in(vm, fmt, args, kws, depth, &mut auto, &mut manual)
}

/// One level of `str.format`; the automatic field numbering is shared with the nested
/// format specs (`"{:{}}".format(x, w)`).
fn vformat_in(
    vm: &Vm,
    fmt: &str,
    args: &[PyRef],
    kws: &dyn Fn(&str) -> PyResult<Option<PyRef>>,
    depth: u32,
    auto: &mut Option<usize>,
    manual: &mut bool,
) -> PyResult<String> {
    if depth > 2 {
        return Err(vm.new_value_error("Max string recursion exceeded"));
    }
    let mut out = String::new();
    let chars: Vec<char> = fmt.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' {
            if chars.get(i + 1) == Some(&'{') {
                out.push('{');
                i += 2;
                continue;
            }
            if i + 1 == chars.len() {
                return Err(vm.new_value_error("Single '{' encountered in format string"));
            }
            // find the matching close brace
            let mut depth_b = 1;
            let mut j = i + 1;
            while j < chars.len() {
                if chars[j] == '{' {
                    depth_b += 1;
                } else if chars[j] == '}' {
                    depth_b -= 1;
                    if depth_b == 0 {
                        break;
                    }
                }
                j += 1;
            }
            if j >= chars.len() {
                return Err(vm.new_value_error("expected '}' before end of string"));
            }
            let field: String = chars[i + 1..j].iter().collect();
            // split name!conv:spec
            let (name_conv, spec) = match field.find(':') {
                Some(p) => (&field[..p], Some(&field[p + 1..])),
                None => (field.as_str(), None),
            };
            let (name, conv) = match name_conv.find('!') {
                Some(p) => (&name_conv[..p], Some(&name_conv[p + 1..])),
                None => (name_conv, None),
            };
            let obj = get_field(vm, name, args, kws, auto, manual)?;
            let obj = match conv {
                None => obj,
                Some("r") => crate::ops::repr(vm, &obj)?.into_object(),
                Some("s") => crate::ops::str(vm, &obj)?.into_object(),
                Some("a") => crate::objects::str_methods::ascii(vm, &obj)?.into_object(),
                Some(c) if c.is_empty() => {
                    return Err(
                        vm.new_value_error("end of string while looking for conversion specifier")
                    );
                }
                Some(c) => {
                    return Err(vm.new_value_error(format!("Unknown conversion specifier {}", c)));
                }
            };
            let spec = match spec {
                Some(sp) if sp.contains('{') => {
                    vformat_in(vm, sp, args, kws, depth + 1, auto, manual)?
                }
                Some(sp) => sp.to_string(),
                None => String::new(),
            };
            let r = crate::ops::format(vm, &obj, &vm.new_str(&spec))?;
            out.push_str(&r.as_cow());
            i = j + 1;
        } else if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(vm.new_value_error("Single '}' encountered in format string"));
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(out)
}

pub fn str_format_method(vm: &Vm, a: &[PyRef], kw: Option<&PyTuple>) -> PyResult {
    let fmt = crate::objects::str_methods::s(vm, &a[0])?
        .as_cow()
        .into_owned();
    let (pos, kws) = crate::ops::call::split_args(&a[1..], kw);
    let lookup = |name: &str| -> PyResult<Option<PyRef>> {
        Ok(kws
            .iter()
            .find(|(k, _)| {
                k.downcast_ref::<PyStr>()
                    .is_some_and(|s| s.as_cow() == name)
            })
            .map(|(_, v)| (*v).clone()))
    };
    let r = vformat(vm, &fmt, pos, &lookup, 0)?;
    Ok(vm.new_str(&r))
}

pub fn str_format_map(vm: &Vm, fmt: &PyObject, map: &PyRef) -> PyResult {
    let fmt = crate::objects::str_methods::s(vm, fmt)?
        .as_cow()
        .into_owned();
    let lookup = |name: &str| -> PyResult<Option<PyRef>> {
        crate::ops::getitem(vm, map, &vm.new_str(name)).map(Some)
    };
    let r = vformat(vm, &fmt, &[], &lookup, 0)?;
    Ok(vm.new_str(&r))
}

pub use super::str_percent::{bytes_percent_format, percent_format};
