//! The methods `bytes` and `bytearray` share (`Objects/bytes_methods.c`,
//! `Objects/stringlib/*`): searching, splitting, stripping, padding, case mapping and
//! the `is*` predicates, each returning the receiver's own type as CPython does.

use crate::argparse;
use crate::error::PyResult;
use crate::object::{PyObject, PyRef};
use crate::objects::bytes::{PyByteArray, PyBytes, bytes_like};
use crate::objects::descr::MethodDef;
use crate::objects::str_methods::{find_bytes, rfind_bytes};
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;

pub(super) type Args<'a> = &'a [PyRef];
pub(super) type Kw<'a> = Option<&'a PyTuple>;

fn is_ba(o: &PyObject) -> bool {
    o.downcast_ref::<PyByteArray>().is_some()
}

/// A result of the receiver's kind: bytearray for bytearray, else bytes.
fn like(vm: &Vm, proto: &PyObject, v: Vec<u8>) -> PyRef {
    if is_ba(proto) {
        vm.new_bytearray(v)
    } else {
        vm.new_bytes(v)
    }
}

fn me(vm: &Vm, a: Args) -> PyResult<Vec<u8>> {
    let o = a.first().ok_or_else(|| vm.new_type_error("missing self"))?;
    bytes_like(o).ok_or_else(|| vm.new_type_error("descriptor requires a 'bytes' object"))
}

/// A bytes-like argument, or CPython's "a bytes-like object is required" TypeError.
pub fn buffer_arg(vm: &Vm, o: &PyObject) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_like(o) {
        return Ok(b);
    }
    if let Some(m) = crate::objects::memoryview::memoryview_bytes(o) {
        return Ok(m);
    }
    Err(vm.new_type_error(format!(
        "a bytes-like object is required, not '{}'",
        o.type_().name_str()
    )))
}

/// The `sub` argument of find/count/index: bytes-like or an int in range(256).
fn sub_arg(vm: &Vm, o: &PyObject) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_like(o) {
        return Ok(b);
    }
    if let Some(m) = crate::objects::memoryview::memoryview_bytes(o) {
        return Ok(m);
    }
    if o.type_().slots().nb_index.is_some() {
        let i = crate::ops::number::index(vm, o)?;
        return match i.as_i64().filter(|v| (0..256).contains(v)) {
            Some(v) => Ok(vec![v as u8]),
            None => Err(vm.new_value_error("byte must be in range(0, 256)")),
        };
    }
    Err(vm.new_type_error(format!(
        "argument should be integer or bytes-like object, not '{}'",
        o.type_().name_str()
    )))
}

/// `_PyEval_SliceIndex` then `ADJUST_INDICES`: start/end as clamped offsets.
fn bounds(
    vm: &Vm,
    start: Option<&PyRef>,
    end: Option<&PyRef>,
    len: usize,
) -> PyResult<(usize, usize)> {
    let get = |o: Option<&PyRef>, d: i64| -> PyResult<i64> {
        match o.filter(|x| !vm.is_none(x)) {
            None => Ok(d),
            Some(x) => {
                if x.type_().slots().nb_index.is_none() {
                    return Err(vm.new_type_error(
                        "slice indices must be integers or None or have an __index__ method",
                    ));
                }
                let i = crate::ops::number::index(vm, x)?;
                Ok(i.as_i64().unwrap_or(if i.is_negative() {
                    i64::MIN / 2
                } else {
                    i64::MAX / 2
                }))
            }
        }
    };
    let n = len as i64;
    let mut s = get(start, 0)?;
    let mut e = get(end, n)?;
    if e > n {
        e = n;
    } else if e < 0 {
        e = (e + n).max(0);
    }
    if s < 0 {
        s = (s + n).max(0);
    }
    Ok((s.max(0) as usize, e.max(0) as usize))
}

fn find_generic(vm: &Vm, a: Args, k: Kw, name: &str, rev: bool) -> PyResult<Option<usize>> {
    argparse::range(vm, name, &a[1..], k, 1, 3)?;
    let b = me(vm, a)?;
    let sub = sub_arg(vm, &a[1])?;
    let (s, e) = bounds(vm, a.get(2), a.get(3), b.len())?;
    if s > b.len() || s > e || e - s < sub.len() {
        return Ok(None);
    }
    let hay = &b[..e];
    Ok(if rev {
        rfind_bytes(hay, &sub, s, e)
    } else {
        find_bytes(hay, &sub, s)
    })
}
fn m_find(vm: &Vm, a: Args, k: Kw) -> PyResult {
    Ok(vm.new_int(find_generic(vm, a, k, "find", false)?.map_or(-1, |i| i as i64)))
}
fn m_rfind(vm: &Vm, a: Args, k: Kw) -> PyResult {
    Ok(vm.new_int(find_generic(vm, a, k, "rfind", true)?.map_or(-1, |i| i as i64)))
}
fn m_index(vm: &Vm, a: Args, k: Kw) -> PyResult {
    match find_generic(vm, a, k, "index", false)? {
        Some(i) => Ok(vm.new_usize(i)),
        None => Err(vm.new_value_error("subsection not found")),
    }
}
fn m_rindex(vm: &Vm, a: Args, k: Kw) -> PyResult {
    match find_generic(vm, a, k, "rindex", true)? {
        Some(i) => Ok(vm.new_usize(i)),
        None => Err(vm.new_value_error("subsection not found")),
    }
}
fn m_count(vm: &Vm, a: Args, k: Kw) -> PyResult {
    argparse::range(vm, "count", &a[1..], k, 1, 3)?;
    let b = me(vm, a)?;
    let sub = sub_arg(vm, &a[1])?;
    let (s, e) = bounds(vm, a.get(2), a.get(3), b.len())?;
    if s > b.len() || s > e {
        return Ok(vm.new_int(0));
    }
    if sub.is_empty() {
        return Ok(vm.new_usize(e - s + 1));
    }
    let hay = &b[..e];
    let mut c = 0usize;
    let mut i = s;
    while let Some(x) = find_bytes(hay, &sub, i) {
        c += 1;
        i = x + sub.len();
    }
    Ok(vm.new_usize(c))
}

fn affix(vm: &Vm, a: Args, k: Kw, name: &str, end: bool) -> PyResult {
    argparse::range(vm, name, &a[1..], k, 1, 3)?;
    let b = me(vm, a)?;
    let (s, e) = bounds(vm, a.get(2), a.get(3), b.len())?;
    let check = |p: &[u8]| -> bool {
        if s > b.len() || e < s || e - s < p.len() {
            return false;
        }
        if end {
            &b[e - p.len()..e] == p
        } else {
            &b[s..s + p.len()] == p
        }
    };
    if let Some(t) = a[1].downcast_ref::<PyTuple>() {
        for x in t.as_slice() {
            let Some(p) = bytes_like(x) else {
                return Err(vm.new_type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    x.type_().name_str()
                )));
            };
            if check(&p) {
                return Ok(vm.new_bool(true));
            }
        }
        return Ok(vm.new_bool(false));
    }
    let Some(p) = bytes_like(&a[1]) else {
        return Err(vm.new_type_error(format!(
            "{name} first arg must be bytes or a tuple of bytes, not {}",
            a[1].type_().name_str()
        )));
    };
    Ok(vm.new_bool(check(&p)))
}
fn m_startswith(vm: &Vm, a: Args, k: Kw) -> PyResult {
    affix(vm, a, k, "startswith", false)
}
fn m_endswith(vm: &Vm, a: Args, k: Kw) -> PyResult {
    affix(vm, a, k, "endswith", true)
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

fn split_whitespace(b: &[u8], maxsplit: i64, right: bool) -> Vec<Vec<u8>> {
    let mut out: Vec<Vec<u8>> = Vec::new();
    let mut left = if maxsplit < 0 { i64::MAX } else { maxsplit };
    if !right {
        let mut i = 0;
        let n = b.len();
        while i < n {
            while i < n && is_space(b[i]) {
                i += 1;
            }
            if i == n {
                break;
            }
            if left == 0 {
                out.push(b[i..].to_vec());
                break;
            }
            let st = i;
            while i < n && !is_space(b[i]) {
                i += 1;
            }
            out.push(b[st..i].to_vec());
            left -= 1;
        }
    } else {
        let mut i = b.len();
        while i > 0 {
            while i > 0 && is_space(b[i - 1]) {
                i -= 1;
            }
            if i == 0 {
                break;
            }
            if left == 0 {
                out.push(b[..i].to_vec());
                break;
            }
            let en = i;
            while i > 0 && !is_space(b[i - 1]) {
                i -= 1;
            }
            out.push(b[i..en].to_vec());
            left -= 1;
        }
        out.reverse();
    }
    out
}

fn split_impl(vm: &Vm, a: Args, k: Kw, right: bool) -> PyResult {
    let name = if right { "rsplit" } else { "split" };
    let p = argparse::bind(vm, name, &a[1..], k, &["sep", "maxsplit"], 0, 0, 2)?;
    let b = me(vm, a)?;
    let maxsplit = match &p[1] {
        Some(x) => argparse::to_i64(vm, x)?,
        None => -1,
    };
    let parts: Vec<Vec<u8>> = match p[0].as_ref().filter(|x| !vm.is_none(x)) {
        None => split_whitespace(&b, maxsplit, right),
        Some(sep) => {
            let sep = buffer_arg(vm, sep)?;
            if sep.is_empty() {
                return Err(vm.new_value_error("empty separator"));
            }
            let mut left = if maxsplit < 0 { i64::MAX } else { maxsplit };
            let mut out = Vec::new();
            if !right {
                let mut st = 0;
                while left > 0 {
                    let Some(pos) = find_bytes(&b, &sep, st) else {
                        break;
                    };
                    out.push(b[st..pos].to_vec());
                    st = pos + sep.len();
                    left -= 1;
                }
                out.push(b[st..].to_vec());
            } else {
                let mut en = b.len();
                while left > 0 {
                    let Some(pos) = rfind_bytes(&b[..en], &sep, 0, en) else {
                        break;
                    };
                    out.push(b[pos + sep.len()..en].to_vec());
                    en = pos;
                    left -= 1;
                }
                out.push(b[..en].to_vec());
                out.reverse();
            }
            out
        }
    };
    let items = parts.into_iter().map(|v| like(vm, &a[0], v)).collect();
    Ok(vm.new_list(items).into_object())
}
fn m_split(vm: &Vm, a: Args, k: Kw) -> PyResult {
    split_impl(vm, a, k, false)
}
fn m_rsplit(vm: &Vm, a: Args, k: Kw) -> PyResult {
    split_impl(vm, a, k, true)
}
fn m_splitlines(vm: &Vm, a: Args, k: Kw) -> PyResult {
    let p = argparse::bind(vm, "splitlines", &a[1..], k, &["keepends"], 0, 0, 1)?;
    let keep = match &p[0] {
        Some(x) => crate::ops::is_true(vm, x)?,
        None => false,
    };
    let b = me(vm, a)?;
    let mut out = Vec::new();
    let mut i = 0;
    let n = b.len();
    while i < n {
        let st = i;
        while i < n && b[i] != b'\n' && b[i] != b'\r' {
            i += 1;
        }
        let mut eol = i;
        if i < n {
            if b[i] == b'\r' && i + 1 < n && b[i + 1] == b'\n' {
                i += 2;
            } else {
                i += 1;
            }
            if keep {
                eol = i;
            }
        }
        out.push(like(vm, &a[0], b[st..eol].to_vec()));
    }
    Ok(vm.new_list(out).into_object())
}

fn strip_impl(vm: &Vm, a: Args, k: Kw, name: &str, left: bool, right: bool) -> PyResult {
    argparse::range(vm, name, &a[1..], k, 0, 1)?;
    let b = me(vm, a)?;
    let chars: Option<Vec<u8>> = match a.get(1).filter(|x| !vm.is_none(x)) {
        Some(x) => Some(buffer_arg(vm, x)?),
        None => None,
    };
    let strip = |c: u8| match &chars {
        Some(cs) => cs.contains(&c),
        None => is_space(c),
    };
    let mut s = 0;
    let mut e = b.len();
    if left {
        while s < e && strip(b[s]) {
            s += 1;
        }
    }
    if right {
        while e > s && strip(b[e - 1]) {
            e -= 1;
        }
    }
    if s == 0 && e == b.len() && a[0].is_type(&vm.types.bytes) {
        return Ok(a[0].clone());
    }
    Ok(like(vm, &a[0], b[s..e].to_vec()))
}
fn m_strip(vm: &Vm, a: Args, k: Kw) -> PyResult {
    strip_impl(vm, a, k, "strip", true, true)
}
fn m_lstrip(vm: &Vm, a: Args, k: Kw) -> PyResult {
    strip_impl(vm, a, k, "lstrip", true, false)
}
fn m_rstrip(vm: &Vm, a: Args, k: Kw) -> PyResult {
    strip_impl(vm, a, k, "rstrip", false, true)
}

fn m_replace(vm: &Vm, a: Args, k: Kw) -> PyResult {
    argparse::range(vm, "replace", &a[1..], k, 2, 3)?;
    let b = me(vm, a)?;
    let old = buffer_arg(vm, &a[1])?;
    let new = buffer_arg(vm, &a[2])?;
    let mut count = match a.get(3) {
        Some(x) => argparse::to_i64(vm, x)?,
        None => -1,
    };
    if count < 0 {
        count = i64::MAX;
    }
    let mut out = Vec::new();
    if old.is_empty() {
        let mut n = 0;
        for (i, c) in b.iter().enumerate() {
            if n < count {
                out.extend_from_slice(&new);
                n += 1;
            }
            out.push(*c);
            let _ = i;
        }
        if n < count {
            out.extend_from_slice(&new);
        }
        vm.check_alloc(out.len())?;
        return Ok(like(vm, &a[0], out));
    }
    let mut i = 0;
    let mut n = 0;
    while n < count {
        let Some(p) = find_bytes(&b, &old, i) else {
            break;
        };
        out.extend_from_slice(&b[i..p]);
        out.extend_from_slice(&new);
        i = p + old.len();
        n += 1;
        vm.check_alloc(out.len())?;
    }
    out.extend_from_slice(&b[i..]);
    Ok(like(vm, &a[0], out))
}

fn m_partition(vm: &Vm, a: Args, k: Kw) -> PyResult {
    partition(vm, a, k, false)
}
fn m_rpartition(vm: &Vm, a: Args, k: Kw) -> PyResult {
    partition(vm, a, k, true)
}
fn partition(vm: &Vm, a: Args, k: Kw, rev: bool) -> PyResult {
    argparse::exact(
        vm,
        if rev { "rpartition" } else { "partition" },
        &a[1..],
        k,
        1,
    )?;
    let b = me(vm, a)?;
    let sep = buffer_arg(vm, &a[1])?;
    if sep.is_empty() {
        return Err(vm.new_value_error("empty separator"));
    }
    let pos = if rev {
        rfind_bytes(&b, &sep, 0, b.len())
    } else {
        find_bytes(&b, &sep, 0)
    };
    let parts = match pos {
        Some(p) => [b[..p].to_vec(), sep.clone(), b[p + sep.len()..].to_vec()],
        None if rev => [vec![], vec![], b.clone()],
        None => [b.clone(), vec![], vec![]],
    };
    // CPython returns the separator object itself for bytes (not a copy of its type)
    let items = parts
        .into_iter()
        .enumerate()
        .map(|(i, v)| {
            if i == 1 && pos.is_some() && !is_ba(&a[0]) && a[1].is_type(&vm.types.bytes) {
                a[1].clone()
            } else {
                like(vm, &a[0], v)
            }
        })
        .collect();
    Ok(vm.new_tuple(items).into_object())
}

fn m_removeprefix(vm: &Vm, a: Args, k: Kw) -> PyResult {
    argparse::exact(vm, "removeprefix", &a[1..], k, 1)?;
    let b = me(vm, a)?;
    let p = buffer_arg(vm, &a[1])?;
    if !p.is_empty() && b.starts_with(&p) {
        return Ok(like(vm, &a[0], b[p.len()..].to_vec()));
    }
    if !is_ba(&a[0]) && a[0].is_type(&vm.types.bytes) {
        return Ok(a[0].clone());
    }
    Ok(like(vm, &a[0], b))
}
fn m_removesuffix(vm: &Vm, a: Args, k: Kw) -> PyResult {
    argparse::exact(vm, "removesuffix", &a[1..], k, 1)?;
    let b = me(vm, a)?;
    let p = buffer_arg(vm, &a[1])?;
    if !p.is_empty() && b.ends_with(&p) {
        return Ok(like(vm, &a[0], b[..b.len() - p.len()].to_vec()));
    }
    if !is_ba(&a[0]) && a[0].is_type(&vm.types.bytes) {
        return Ok(a[0].clone());
    }
    Ok(like(vm, &a[0], b))
}

fn pad(vm: &Vm, a: Args, k: Kw, name: &str, how: u8) -> PyResult {
    argparse::range(vm, name, &a[1..], k, 1, 2)?;
    let b = me(vm, a)?;
    let width = argparse::to_isize(vm, &a[1])?;
    let fill = match a.get(2) {
        Some(f) => match bytes_like(f) {
            Some(v) if v.len() == 1 => v[0],
            _ => {
                return Err(vm.new_type_error(format!(
                    "{name}() argument 2 must be a byte string of length 1, not {}",
                    f.type_().name_str()
                )));
            }
        },
        None => b' ',
    };
    let n = b.len() as isize;
    if width <= n {
        if !is_ba(&a[0]) && a[0].is_type(&vm.types.bytes) {
            return Ok(a[0].clone());
        }
        return Ok(like(vm, &a[0], b));
    }
    let total = (width - n) as usize;
    vm.check_alloc(width as usize)?;
    let (l, r) = match how {
        b'l' => (0, total),
        b'r' => (total, 0),
        _ => {
            let left = total / 2 + (total & width as usize & 1);
            (left, total - left)
        }
    };
    let mut out = vec![fill; l];
    out.extend_from_slice(&b);
    out.extend(std::iter::repeat_n(fill, r));
    Ok(like(vm, &a[0], out))
}
fn m_ljust(vm: &Vm, a: Args, k: Kw) -> PyResult {
    pad(vm, a, k, "ljust", b'l')
}
fn m_rjust(vm: &Vm, a: Args, k: Kw) -> PyResult {
    pad(vm, a, k, "rjust", b'r')
}
fn m_center(vm: &Vm, a: Args, k: Kw) -> PyResult {
    pad(vm, a, k, "center", b'c')
}
fn m_zfill(vm: &Vm, a: Args, k: Kw) -> PyResult {
    argparse::exact(vm, "zfill", &a[1..], k, 1)?;
    let b = me(vm, a)?;
    let width = argparse::to_isize(vm, &a[1])?;
    if width <= b.len() as isize {
        if !is_ba(&a[0]) && a[0].is_type(&vm.types.bytes) {
            return Ok(a[0].clone());
        }
        return Ok(like(vm, &a[0], b));
    }
    vm.check_alloc(width as usize)?;
    let fill = width as usize - b.len();
    let mut out = vec![b'0'; fill];
    out.extend_from_slice(&b);
    if let Some(&c) = b.first() {
        if c == b'+' || c == b'-' {
            out[0] = c;
            out[fill] = b'0';
        }
    }
    Ok(like(vm, &a[0], out))
}
fn m_expandtabs(vm: &Vm, a: Args, k: Kw) -> PyResult {
    let p = argparse::bind(vm, "expandtabs", &a[1..], k, &["tabsize"], 0, 0, 1)?;
    let ts = match &p[0] {
        Some(x) => argparse::to_i64(vm, x)?,
        None => 8,
    };
    let b = me(vm, a)?;
    let mut out = Vec::new();
    let mut col: i64 = 0;
    for &c in &b {
        if c == b'\t' {
            if ts > 0 {
                let n = ts - col % ts;
                vm.check_alloc(out.len() + n as usize)?;
                out.extend(std::iter::repeat_n(b' ', n as usize));
                col += n;
            }
        } else {
            out.push(c);
            if c == b'\n' || c == b'\r' {
                col = 0;
            } else {
                col += 1;
            }
        }
    }
    Ok(like(vm, &a[0], out))
}

fn map_bytes(vm: &Vm, a: Args, k: Kw, name: &str, f: fn(&[u8]) -> Vec<u8>) -> PyResult {
    argparse::exact(vm, name, &a[1..], k, 0)?;
    let b = me(vm, a)?;
    Ok(like(vm, &a[0], f(&b)))
}
fn capitalize(b: &[u8]) -> Vec<u8> {
    b.iter()
        .enumerate()
        .map(|(i, c)| {
            if i == 0 {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}
fn swapcase(b: &[u8]) -> Vec<u8> {
    b.iter()
        .map(|c| {
            if c.is_ascii_lowercase() {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}
fn title(b: &[u8]) -> Vec<u8> {
    let mut prev_cased = false;
    b.iter()
        .map(|&c| {
            let r = if c.is_ascii_alphabetic() {
                if prev_cased {
                    c.to_ascii_lowercase()
                } else {
                    c.to_ascii_uppercase()
                }
            } else {
                c
            };
            prev_cased = c.is_ascii_alphabetic();
            r
        })
        .collect()
}
fn m_lower(vm: &Vm, a: Args, k: Kw) -> PyResult {
    map_bytes(vm, a, k, "lower", |b| b.to_ascii_lowercase())
}
fn m_upper(vm: &Vm, a: Args, k: Kw) -> PyResult {
    map_bytes(vm, a, k, "upper", |b| b.to_ascii_uppercase())
}
fn m_capitalize(vm: &Vm, a: Args, k: Kw) -> PyResult {
    map_bytes(vm, a, k, "capitalize", capitalize)
}
fn m_swapcase(vm: &Vm, a: Args, k: Kw) -> PyResult {
    map_bytes(vm, a, k, "swapcase", swapcase)
}
fn m_title(vm: &Vm, a: Args, k: Kw) -> PyResult {
    map_bytes(vm, a, k, "title", title)
}

fn pred(vm: &Vm, a: Args, k: Kw, name: &str, f: fn(&[u8]) -> bool) -> PyResult {
    argparse::exact(vm, name, &a[1..], k, 0)?;
    let b = me(vm, a)?;
    Ok(vm.new_bool(f(&b)))
}
fn m_isalnum(vm: &Vm, a: Args, k: Kw) -> PyResult {
    pred(vm, a, k, "isalnum", |b| {
        !b.is_empty() && b.iter().all(|c| c.is_ascii_alphanumeric())
    })
}
fn m_isalpha(vm: &Vm, a: Args, k: Kw) -> PyResult {
    pred(vm, a, k, "isalpha", |b| {
        !b.is_empty() && b.iter().all(|c| c.is_ascii_alphabetic())
    })
}
fn m_isascii(vm: &Vm, a: Args, k: Kw) -> PyResult {
    pred(vm, a, k, "isascii", |b| b.iter().all(|c| c.is_ascii()))
}
fn m_isdigit(vm: &Vm, a: Args, k: Kw) -> PyResult {
    pred(vm, a, k, "isdigit", |b| {
        !b.is_empty() && b.iter().all(|c| c.is_ascii_digit())
    })
}
fn m_isspace(vm: &Vm, a: Args, k: Kw) -> PyResult {
    pred(vm, a, k, "isspace", |b| {
        !b.is_empty() && b.iter().all(|c| is_space(*c))
    })
}
fn m_islower(vm: &Vm, a: Args, k: Kw) -> PyResult {
    pred(vm, a, k, "islower", |b| {
        b.iter().any(|c| c.is_ascii_lowercase()) && !b.iter().any(|c| c.is_ascii_uppercase())
    })
}
fn m_isupper(vm: &Vm, a: Args, k: Kw) -> PyResult {
    pred(vm, a, k, "isupper", |b| {
        b.iter().any(|c| c.is_ascii_uppercase()) && !b.iter().any(|c| c.is_ascii_lowercase())
    })
}
fn m_istitle(vm: &Vm, a: Args, k: Kw) -> PyResult {
    pred(vm, a, k, "istitle", |b| {
        let mut cased = false;
        let mut prev_cased = false;
        for &c in b {
            if c.is_ascii_uppercase() {
                if prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else if c.is_ascii_lowercase() {
                if !prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else {
                prev_cased = false;
            }
        }
        cased
    })
}

fn m_join(vm: &Vm, a: Args, k: Kw) -> PyResult {
    argparse::exact(vm, "join", &a[1..], k, 1)?;
    let sep = me(vm, a)?;
    let items = crate::ops::collect(vm, &a[1])?;
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        let x = match bytes_like(it).or_else(|| crate::objects::memoryview::memoryview_bytes(it)) {
            Some(x) => x,
            None => {
                return Err(vm.new_type_error(format!(
                    "sequence item {}: expected a bytes-like object, {} found",
                    i,
                    it.type_().name_str()
                )));
            }
        };
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend(x);
        vm.check_alloc(out.len())?;
    }
    Ok(like(vm, &a[0], out))
}

fn m_hex(vm: &Vm, a: Args, k: Kw) -> PyResult {
    let p = argparse::bind(vm, "hex", &a[1..], k, &["sep", "bytes_per_sep"], 0, 0, 2)?;
    let b = me(vm, a)?;
    Ok(vm.new_str(&hex_with_sep(vm, &b, p[0].as_ref(), p[1].as_ref())?))
}

/// `bytes.hex(sep, bytes_per_sep)` (`_Py_strhex_impl`): groups counted from the right
/// for a positive `bytes_per_sep`, from the left for a negative one.
pub fn hex_with_sep(
    vm: &Vm,
    b: &[u8],
    sep: Option<&PyRef>,
    per: Option<&PyRef>,
) -> PyResult<String> {
    let sep: Option<char> = match sep {
        None => None,
        Some(s) => {
            let chars: Vec<u32> = if let Some(st) = s.downcast_ref::<crate::objects::str::PyStr>() {
                st.code_points().collect()
            } else if let Some(v) = bytes_like(s) {
                v.into_iter().map(u32::from).collect()
            } else {
                return Err(vm.new_type_error(format!(
                    "sep must be str or bytes, not {}",
                    s.type_().name_str()
                )));
            };
            if chars.len() != 1 {
                return Err(vm.new_value_error("sep must be length 1."));
            }
            if chars[0] > 127 {
                return Err(vm.new_value_error("sep must be ASCII."));
            }
            char::from_u32(chars[0])
        }
    };
    let per = match per {
        Some(p) => argparse::to_i64(vm, p)?,
        None => 1,
    };
    let hexes: Vec<String> = b.iter().map(|x| format!("{x:02x}")).collect();
    let Some(sep) = sep.filter(|_| per != 0 && !b.is_empty()) else {
        return Ok(hexes.concat());
    };
    let g = per.unsigned_abs() as usize;
    let mut groups: Vec<String> = Vec::new();
    if per > 0 {
        // groups counted from the right
        let first = b.len() % g;
        if first > 0 {
            groups.push(hexes[..first].concat());
        }
        let mut i = first;
        while i < b.len() {
            groups.push(hexes[i..(i + g).min(b.len())].concat());
            i += g;
        }
    } else {
        let mut i = 0;
        while i < b.len() {
            groups.push(hexes[i..(i + g).min(b.len())].concat());
            i += g;
        }
    }
    Ok(groups.join(&sep.to_string()))
}

fn m_maketrans(vm: &Vm, a: Args, k: Kw) -> PyResult {
    // static: a[0] is the first argument (no self)
    argparse::exact(vm, "maketrans", a, k, 2)?;
    let f = buffer_arg(vm, &a[0])?;
    let t = buffer_arg(vm, &a[1])?;
    if f.len() != t.len() {
        return Err(vm.new_value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255u8).collect();
    for (x, y) in f.iter().zip(t.iter()) {
        table[*x as usize] = *y;
    }
    Ok(vm.new_bytes(table))
}
fn m_translate(vm: &Vm, a: Args, k: Kw) -> PyResult {
    let p = argparse::bind(vm, "translate", &a[1..], k, &["", "delete"], 1, 1, 2)?;
    let b = me(vm, a)?;
    let table = match p[0].as_ref().filter(|x| !vm.is_none(x)) {
        Some(t) => {
            let t = buffer_arg(vm, t)?;
            if t.len() != 256 {
                return Err(vm.new_value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
        None => None,
    };
    let del = match &p[1] {
        Some(d) => buffer_arg(vm, d)?,
        None => vec![],
    };
    let out: Vec<u8> = b
        .iter()
        .filter(|c| !del.contains(c))
        .map(|c| table.as_ref().map_or(*c, |t| t[*c as usize]))
        .collect();
    Ok(like(vm, &a[0], out))
}
fn m_getnewargs(vm: &Vm, a: Args, _k: Kw) -> PyResult {
    let b = me(vm, a)?;
    Ok(vm.new_tuple(vec![vm.new_bytes(b)]).into_object())
}
fn m_bytes(vm: &Vm, a: Args, _k: Kw) -> PyResult {
    if a[0].is_type(&vm.types.bytes) {
        return Ok(a[0].clone());
    }
    Ok(vm.new_bytes(me(vm, a)?))
}

use crate::objects::bytearray_mut::*;

pub fn init(vm: &Vm) {
    for t in [&vm.types.bytes, &vm.types.bytearray] {
        vm.add_methods(
            t,
            &[
                MethodDef::method("capitalize", m_capitalize),
                MethodDef::method("center", m_center),
                MethodDef::method("count", m_count),
                MethodDef::method("endswith", m_endswith),
                MethodDef::method("expandtabs", m_expandtabs),
                MethodDef::method("find", m_find),
                MethodDef::method("hex", m_hex),
                MethodDef::method("index", m_index),
                MethodDef::method("isalnum", m_isalnum),
                MethodDef::method("isalpha", m_isalpha),
                MethodDef::method("isascii", m_isascii),
                MethodDef::method("isdigit", m_isdigit),
                MethodDef::method("islower", m_islower),
                MethodDef::method("isspace", m_isspace),
                MethodDef::method("istitle", m_istitle),
                MethodDef::method("isupper", m_isupper),
                MethodDef::method("join", m_join),
                MethodDef::method("ljust", m_ljust),
                MethodDef::method("lower", m_lower),
                MethodDef::method("lstrip", m_lstrip),
                MethodDef::static_("maketrans", m_maketrans),
                MethodDef::method("partition", m_partition),
                MethodDef::method("removeprefix", m_removeprefix),
                MethodDef::method("removesuffix", m_removesuffix),
                MethodDef::method("replace", m_replace),
                MethodDef::method("rfind", m_rfind),
                MethodDef::method("rindex", m_rindex),
                MethodDef::method("rjust", m_rjust),
                MethodDef::method("rpartition", m_rpartition),
                MethodDef::method("rsplit", m_rsplit),
                MethodDef::method("rstrip", m_rstrip),
                MethodDef::method("split", m_split),
                MethodDef::method("splitlines", m_splitlines),
                MethodDef::method("startswith", m_startswith),
                MethodDef::method("strip", m_strip),
                MethodDef::method("swapcase", m_swapcase),
                MethodDef::method("title", m_title),
                MethodDef::method("translate", m_translate),
                MethodDef::method("upper", m_upper),
                MethodDef::method("zfill", m_zfill),
            ],
        );
    }
    vm.add_methods(
        &vm.types.bytes,
        &[
            MethodDef::method("__getnewargs__", m_getnewargs),
            MethodDef::method("__bytes__", m_bytes),
        ],
    );
    vm.add_methods(
        &vm.types.bytearray,
        &[
            MethodDef::method("insert", m_insert),
            MethodDef::method("pop", m_pop),
            MethodDef::method("remove", m_remove),
            MethodDef::method("reverse", m_reverse),
            MethodDef::method("clear", m_clear),
            MethodDef::method("copy", m_copy),
            MethodDef::method("__alloc__", m_alloc),
        ],
    );
    vm.types.bytearray.update_slots(|s| {
        s.sq_inplace_concat = Some(ba_iconcat);
        s.sq_inplace_repeat = Some(ba_irepeat);
    });
    let _ = PyBytes::as_bytes;
}
