//! `%`-formatting of str (`PyUnicode_Format`) and of bytes/bytearray (`_PyBytes_FormatEx`),
//! with CPython's messages; the format-spec helpers it shares live in `str_format`.

use super::str_format::float_body;
use crate::error::PyResult;
use crate::object::{PyObject, PyRef};
use crate::objects::intval::Int;
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;

pub fn percent_format(vm: &Vm, fmt_obj: &PyObject, args: &PyObject) -> PyResult {
    let fmt = crate::objects::str_methods::s(vm, fmt_obj)?
        .as_cow()
        .into_owned();
    let chars: Vec<char> = fmt.chars().collect();
    let out = percent_core(vm, &chars, args, false)?;
    Ok(vm.new_str(&out))
}

/// `bytes % args` and `bytearray % args` (`_PyBytes_FormatEx`): the bytes are handled as
/// Latin-1 characters by the shared %-formatting core.
pub fn bytes_percent_format(vm: &Vm, fmt: &[u8], args: &PyObject) -> PyResult<Vec<u8>> {
    let chars: Vec<char> = fmt.iter().map(|&b| b as char).collect();
    let out = percent_core(vm, &chars, args, true)?;
    Ok(out.chars().map(|c| c as u32 as u8).collect())
}

/// The bytes of `%b`/`%s` in bytes formatting: a buffer or `__bytes__`.
fn percent_bytes_arg(vm: &Vm, v: &PyObject) -> PyResult<Vec<u8>> {
    if let Some(b) = crate::objects::bytes::bytes_like(v) {
        return Ok(b);
    }
    if let Some(m) = crate::objects::memoryview::memoryview_bytes(v) {
        return Ok(m);
    }
    if let Some(f) = crate::objects::typeobject::lookup_special(vm, v, &vm.intern("__bytes__")) {
        let r = crate::ops::call(vm, &f, &[], None)?;
        return match r.downcast_ref::<crate::objects::bytes::PyBytes>() {
            Some(b) => Ok(b.data.to_vec()),
            None => Err(vm.new_type_error(format!(
                "__bytes__ returned non-bytes (type {})",
                r.type_().name_str()
            ))),
        };
    }
    Err(vm.new_type_error(format!(
        "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
        v.type_().name_str()
    )))
}

fn percent_core(vm: &Vm, chars: &[char], args: &PyObject, bytes: bool) -> PyResult<String> {
    let tuple_args: Option<Vec<PyRef>> = args
        .downcast_ref::<PyTuple>()
        .map(|t| t.as_slice().to_vec());
    let is_mapping = tuple_args.is_none()
        && args.type_().slots().mp_subscript.is_some()
        && args.downcast_ref::<PyStr>().is_none()
        && !(bytes && crate::objects::bytes::bytes_like(args).is_some());
    let items: Vec<PyRef> = tuple_args.clone().unwrap_or_else(|| vec![args.to_owned()]);
    let mut idx = 0;
    let mut out = String::new();
    let mut i = 0;
    let mut used_mapping = false;
    while i < chars.len() {
        let c = chars[i];
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        if i >= chars.len() {
            return Err(vm.new_value_error("incomplete format"));
        }
        let mut key: Option<String> = None;
        if chars[i] == '(' {
            let mut depth = 1;
            let mut j = i + 1;
            while j < chars.len() && depth > 0 {
                if chars[j] == '(' {
                    depth += 1;
                } else if chars[j] == ')' {
                    depth -= 1;
                }
                j += 1;
            }
            if depth > 0 {
                return Err(vm.new_value_error("incomplete format key"));
            }
            key = Some(chars[i + 1..j - 1].iter().collect());
            i = j;
        }
        let mut flags = String::new();
        while i < chars.len() && matches!(chars[i], '-' | '+' | ' ' | '#' | '0') {
            flags.push(chars[i]);
            i += 1;
        }
        let mut next_arg = |idx: &mut usize| -> PyResult<PyRef> {
            if let Some(k) = &key {
                if !is_mapping {
                    return Err(vm.new_type_error("format requires a mapping"));
                }
                used_mapping = true;
                // CPython replaces its argument cursor with the looked-up value, so a
                // later positional conversion finds nothing left.
                *idx = items.len();
                let kobj = if bytes {
                    vm.new_bytes(k.chars().map(|c| c as u32 as u8).collect())
                } else {
                    vm.new_str(k)
                };
                return crate::ops::getitem(vm, args, &kobj);
            }
            let v = items
                .get(*idx)
                .cloned()
                .ok_or_else(|| vm.new_type_error("not enough arguments for format string"))?;
            *idx += 1;
            Ok(v)
        };
        let mut width: Option<usize> = None;
        if i < chars.len() && chars[i] == '*' {
            let w = next_arg(&mut idx)?;
            if crate::objects::int::int_value(&w).is_none() {
                return Err(vm.new_type_error("* wants int"));
            }
            let w = crate::argparse::to_isize(vm, &w)?;
            if w < 0 {
                flags.push('-');
            }
            width = Some(w.unsigned_abs());
            i += 1;
        } else {
            let st = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            if i > st {
                width = chars[st..i].iter().collect::<String>().parse().ok();
            }
        }
        let mut prec: Option<usize> = None;
        if i < chars.len() && chars[i] == '.' {
            i += 1;
            if i < chars.len() && chars[i] == '*' {
                let p = next_arg(&mut idx)?;
                if crate::objects::int::int_value(&p).is_none() {
                    return Err(vm.new_type_error("* wants int"));
                }
                prec = Some(crate::argparse::to_isize(vm, &p)?.max(0) as usize);
                i += 1;
            } else {
                let st = i;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
                prec = Some(chars[st..i].iter().collect::<String>().parse().unwrap_or(0));
            }
        }
        while i < chars.len() && matches!(chars[i], 'h' | 'l' | 'L') {
            i += 1;
        }
        if i >= chars.len() {
            return Err(vm.new_value_error("incomplete format"));
        }
        let conv = chars[i];
        i += 1;
        if conv == '%' {
            out.push('%');
            continue;
        }
        let v = next_arg(&mut idx)?;
        let left = flags.contains('-');
        let zero = flags.contains('0') && !left;
        let plus = flags.contains('+');
        let space = flags.contains(' ');
        let alt = flags.contains('#');
        let (sign, body): (String, String) = match conv {
            'b' | 's' if bytes => {
                let mut b = percent_bytes_arg(vm, &v)?;
                if let Some(p) = prec {
                    b.truncate(p);
                }
                (String::new(), b.iter().map(|&c| c as char).collect())
            }
            'r' | 'a' if bytes => {
                let s = crate::objects::str_methods::ascii(vm, &v)?;
                let mut t = s.as_cow().into_owned();
                if let Some(p) = prec {
                    t = t.chars().take(p).collect();
                }
                (String::new(), t)
            }
            'c' if bytes => {
                let ch = if let Some(b) =
                    crate::objects::bytes::bytes_like(&v).filter(|b| b.len() == 1)
                {
                    b[0]
                } else if let Some(iv) = crate::objects::int::int_value(&v) {
                    match iv.as_i64().filter(|c| (0..256).contains(c)) {
                        Some(c) => c as u8,
                        None => return Err(vm.new_overflow_error("%c arg not in range(256)")),
                    }
                } else {
                    return Err(
                        vm.new_type_error("%c requires an integer in range(256) or a single byte")
                    );
                };
                (String::new(), (ch as char).to_string())
            }
            's' | 'r' | 'a' => {
                let s = match conv {
                    's' => crate::ops::str(vm, &v)?,
                    'r' => crate::ops::repr(vm, &v)?,
                    _ => crate::objects::str_methods::ascii(vm, &v)?,
                };
                let mut t = s.as_cow().into_owned();
                if let Some(p) = prec {
                    t = t.chars().take(p).collect();
                }
                (String::new(), t)
            }
            'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                let iv = if let Some(iv) = crate::objects::int::int_value(&v) {
                    iv.clone()
                } else if matches!(conv, 'd' | 'i' | 'u')
                    && crate::objects::float::float_value(&v).is_some()
                {
                    let r = crate::ops::number::to_int(vm, &v)?;
                    crate::objects::int::int_value(&r)
                        .cloned()
                        .unwrap_or(Int::Small(0))
                } else if matches!(conv, 'd' | 'i' | 'u') {
                    match crate::ops::number::try_index(vm, &v)? {
                        Some(x) => x,
                        None => {
                            if v.type_().slots().nb_int.is_some() {
                                let r = crate::ops::number::to_int(vm, &v)?;
                                crate::objects::int::int_value(&r)
                                    .cloned()
                                    .unwrap_or(Int::Small(0))
                            } else {
                                return Err(vm.new_type_error(format!(
                                    "%{} format: a real number is required, not {}",
                                    conv,
                                    v.type_().name_str()
                                )));
                            }
                        }
                    }
                } else {
                    match crate::ops::number::try_index(vm, &v)? {
                        Some(x) => x,
                        None => {
                            return Err(vm.new_type_error(format!(
                                "%{} format: an integer is required, not {}",
                                conv,
                                v.type_().name_str()
                            )));
                        }
                    }
                };
                let neg = iv.is_negative();
                let mag = iv.abs();
                let mut digits = match conv {
                    'x' => crate::objects::intval::format_radix(&mag, 16, false),
                    'X' => crate::objects::intval::format_radix(&mag, 16, false).to_uppercase(),
                    'o' => crate::objects::intval::format_radix(&mag, 8, false),
                    _ => mag.to_decimal(),
                };
                if let Some(p) = prec {
                    while digits.len() < p {
                        digits.insert(0, '0');
                    }
                }
                let mut sign = if neg {
                    "-".to_string()
                } else if plus {
                    "+".to_string()
                } else if space {
                    " ".to_string()
                } else {
                    String::new()
                };
                if alt {
                    sign.push_str(match conv {
                        'x' => "0x",
                        'X' => "0X",
                        'o' => "0o",
                        _ => "",
                    });
                }
                (sign, digits)
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let f = if let Some(f) = crate::objects::float::float_value(&v) {
                    f
                } else {
                    match crate::ops::number::to_f64(vm, &v) {
                        Ok(f) => f,
                        Err(_) => {
                            return Err(vm.new_type_error(format!(
                                "must be real number, not {}",
                                v.type_().name_str()
                            )));
                        }
                    }
                };
                let neg = f.is_sign_negative() && !f.is_nan();
                let af = f.abs();
                let mut body = if af.is_infinite() {
                    "inf".into()
                } else if af.is_nan() {
                    "nan".into()
                } else {
                    float_body(af, conv.to_ascii_lowercase(), Some(prec.unwrap_or(6)), alt)
                };
                if conv.is_ascii_uppercase() {
                    body = body.to_uppercase();
                }
                let sign = if neg {
                    "-"
                } else if plus {
                    "+"
                } else if space {
                    " "
                } else {
                    ""
                };
                (sign.to_string(), body)
            }
            'c' => {
                let ch = if let Some(s) = v.downcast_ref::<PyStr>() {
                    if s.char_len() != 1 {
                        return Err(vm.new_type_error(format!("%c requires int or char")));
                    }
                    s.as_cow().into_owned()
                } else {
                    let iv = crate::ops::number::index(vm, &v)
                        .map_err(|_| vm.new_type_error("%c requires int or char"))?;
                    let cp = iv
                        .as_i64()
                        .filter(|c| (0..=0x10ffff).contains(c))
                        .ok_or_else(|| vm.new_overflow_error("%c arg not in range(0x110000)"))?;
                    char::from_u32(cp as u32).unwrap_or('\u{fffd}').to_string()
                };
                (String::new(), ch)
            }
            _ => {
                return Err(vm.new_value_error(format!(
                    "unsupported format character '{}' ({:#x}) at index {}",
                    conv,
                    conv as u32,
                    i - 1
                )));
            }
        };
        let _ = start;
        let len = sign.chars().count() + body.chars().count();
        let w = width.unwrap_or(0);
        if len >= w {
            out.push_str(&sign);
            out.push_str(&body);
        } else if left {
            out.push_str(&sign);
            out.push_str(&body);
            out.push_str(&" ".repeat(w - len));
        } else if zero && !matches!(conv, 's' | 'r' | 'a' | 'c') {
            out.push_str(&sign);
            out.push_str(&"0".repeat(w - len));
            out.push_str(&body);
        } else {
            out.push_str(&" ".repeat(w - len));
            out.push_str(&sign);
            out.push_str(&body);
        }
    }
    if !used_mapping && !is_mapping && idx < items.len() {
        return Err(vm.new_type_error(if bytes {
            "not all arguments converted during bytes formatting"
        } else {
            "not all arguments converted during string formatting"
        }));
    }
    Ok(out)
}
