//! `str` type: slots (`+`, `*`, `%`, `in`, indexing, comparison) and methods.
//! Text operations work on the UTF-8 form; strings holding lone surrogates go through a
//! lossy copy in some methods (a documented gap).

use crate::argparse;
use crate::error::PyResult;
use crate::object::typeobj::{CmpOp, NbOp};
use crate::object::{PyObject, PyRef, PyType};
use crate::objects::descr::MethodDef;
use crate::objects::str::PyStr;
use crate::objects::str_translate::{maketrans, translate};
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;

pub fn s<'a>(vm: &Vm, o: &'a PyObject) -> PyResult<&'a PyStr> {
    o.downcast_ref::<PyStr>().ok_or_else(|| {
        vm.new_type_error(format!(
            "descriptor requires a 'str' object but received a '{}'",
            o.type_().name_str()
        ))
    })
}

/// `ascii(o)`.
pub fn ascii(vm: &Vm, o: &PyObject) -> PyResult<PyRef<PyStr>> {
    let r = crate::ops::repr(vm, o)?;
    if r.is_ascii() {
        return Ok(r);
    }
    let mut out = String::new();
    for cp in r.code_points() {
        if cp < 0x80 {
            out.push(cp as u8 as char);
        } else if cp < 0x100 {
            out.push_str(&format!("\\x{cp:02x}"));
        } else if cp < 0x10000 {
            out.push_str(&format!("\\u{cp:04x}"));
        } else {
            out.push_str(&format!("\\U{cp:08x}"));
        }
    }
    Ok(vm.new_pystr(&out))
}

fn str_repr(vm: &Vm, o: &PyObject) -> PyResult {
    let st = s(vm, o)?;
    Ok(vm.new_str(&refvm_common::repr::str_repr(&st.to_pystr())))
}
fn str_str(vm: &Vm, o: &PyObject) -> PyResult {
    let st = s(vm, o)?;
    if o.is_type(&vm.types.str) {
        return Ok(o.to_owned());
    }
    Ok(vm.new_str_from_gen_utf8(st.as_bytes()).into_object())
}
fn str_hash(vm: &Vm, o: &PyObject) -> PyResult<i64> {
    Ok(s(vm, o)?.hash())
}
fn str_richcompare(vm: &Vm, a: &PyObject, b: &PyObject, op: CmpOp) -> PyResult {
    let (Some(x), Some(y)) = (a.downcast_ref::<PyStr>(), b.downcast_ref::<PyStr>()) else {
        return Ok(vm.not_implemented());
    };
    Ok(vm.new_bool(op.from_ordering(x.as_bytes().cmp(y.as_bytes()))))
}
fn str_len(vm: &Vm, o: &PyObject) -> PyResult<usize> {
    Ok(s(vm, o)?.char_len())
}
fn str_contains(vm: &Vm, o: &PyObject, x: &PyObject) -> PyResult<bool> {
    let Some(needle) = x.downcast_ref::<PyStr>() else {
        return Err(vm.new_type_error(format!(
            "'in <string>' requires string as left operand, not {}",
            x.type_().name_str()
        )));
    };
    Ok(find_bytes(s(vm, o)?.as_bytes(), needle.as_bytes(), 0).is_some())
}

pub fn find_bytes(h: &[u8], n: &[u8], from: usize) -> Option<usize> {
    if n.is_empty() {
        return if from <= h.len() { Some(from) } else { None };
    }
    if n.len() > h.len() {
        return None;
    }
    (from..=h.len() - n.len()).find(|&i| &h[i..i + n.len()] == n)
}
pub fn rfind_bytes(h: &[u8], n: &[u8], from: usize, to: usize) -> Option<usize> {
    if n.len() > to.saturating_sub(from) {
        return None;
    }
    (from..=to - n.len())
        .rev()
        .find(|&i| &h[i..i + n.len()] == n)
}

fn str_getitem(vm: &Vm, o: &PyObject, k: &PyObject) -> PyResult {
    let st = s(vm, o)?;
    if let Some(sl) = k.downcast_ref::<crate::objects::slice::PySlice>() {
        let idx = sl.indices(vm, st.char_len())?;
        // `unicode_result_unchanged`: the whole of an exact str is the str itself.
        if idx.start == 0 && idx.step == 1 && idx.len == st.char_len() && o.is_type(&vm.types.str) {
            return Ok(o.to_owned());
        }
        if st.is_ascii() {
            let b = st.as_bytes();
            if idx.step == 1 {
                let (a, e) = (idx.start as usize, idx.start as usize + idx.len);
                return Ok(vm.new_str_from_gen_utf8(&b[a..e]).into_object());
            }
            let v: Vec<u8> = idx.iter().map(|i| b[i]).collect();
            return Ok(vm.new_str_from_gen_utf8(&v).into_object());
        }
        let cps: Vec<u32> = st.code_points().collect();
        return Ok(vm
            .new_str_from_code_points(idx.iter().map(|i| cps[i]))
            .into_object());
    }
    let Some(i) = crate::ops::number::try_index(vm, k)? else {
        return Err(vm.new_type_error(format!(
            "string indices must be integers, not '{}'",
            k.type_().name_str()
        )));
    };
    let n = st.char_len() as i64;
    let Some(i) = i.as_i64() else {
        return Err(vm.new_index_error(format!(
            "cannot fit '{}' into an index-sized integer",
            k.type_().name_str()
        )));
    };
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.new_index_error("string index out of range"));
    }
    let cp = st.code_point_at(j as usize);
    if cp < 256 {
        return Ok(vm.latin1_chars[cp as usize].clone_object());
    }
    Ok(vm.new_str_from_code_points([cp]).into_object())
}
fn str_concat(vm: &Vm, a: &PyObject, b: &PyObject) -> PyResult {
    let x = s(vm, a)?;
    let Some(y) = b.downcast_ref::<PyStr>() else {
        return Err(vm.new_type_error(format!(
            "can only concatenate str (not \"{}\") to str",
            b.type_().name_str()
        )));
    };
    if y.byte_len() == 0 && a.is_type(&vm.types.str) {
        return Ok(a.to_owned());
    }
    if x.byte_len() == 0 && b.is_type(&vm.types.str) {
        return Ok(b.to_owned());
    }
    vm.check_alloc(x.byte_len() + y.byte_len())?;
    let mut v = Vec::with_capacity(x.byte_len() + y.byte_len());
    v.extend_from_slice(x.as_bytes());
    v.extend_from_slice(y.as_bytes());
    Ok(vm.new_str_from_gen_utf8(&v).into_object())
}
fn str_repeat(vm: &Vm, a: &PyObject, n: &PyObject) -> PyResult {
    let x = s(vm, a)?;
    let n = crate::ops::number::index(vm, n)?;
    let n = match n.as_i64() {
        Some(v) if v <= 0 => return Ok(vm.empty_str.clone_object()),
        Some(v) => v as usize,
        None if n.is_negative() => return Ok(vm.empty_str.clone_object()),
        None => return Err(vm.new_overflow_error("cannot fit 'int' into an index-sized integer")),
    };
    if n == 1 && a.is_type(&vm.types.str) {
        return Ok(a.to_owned());
    }
    let total = x
        .byte_len()
        .checked_mul(n)
        .ok_or_else(|| vm.new_overflow_error("repeated string is too long"))?;
    vm.check_alloc(total)?;
    Ok(vm
        .new_str_from_gen_utf8(&x.as_bytes().repeat(n))
        .into_object())
}
fn str_mod(vm: &Vm, a: &PyObject, b: &PyObject) -> PyResult {
    if a.downcast_ref::<PyStr>().is_none() {
        return Ok(vm.not_implemented());
    }
    crate::objects::str_format::percent_format(vm, a, b)
}
fn str_iter(vm: &Vm, o: &PyObject) -> PyResult {
    Ok(vm.new_seq_iter(&vm.types.str_iterator, o.to_owned(), 0))
}
fn str_new(vm: &Vm, t: &PyRef<PyType>, args: &[PyRef], kw: Option<&PyTuple>) -> PyResult {
    let a = argparse::bind(
        vm,
        "str",
        args,
        kw,
        &["object", "encoding", "errors"],
        0,
        0,
        3,
    )?;
    let r: PyRef<PyStr> = match (&a[0], &a[1], &a[2]) {
        (None, None, None) => vm.empty_str.clone(),
        (Some(o), None, None) => crate::ops::str(vm, o)?,
        (o, enc, errs) => {
            let o = o.clone().unwrap_or_else(|| vm.new_bytes(vec![]));
            if o.downcast_ref::<PyStr>().is_some() {
                return Err(vm.new_type_error("decoding str is not supported"));
            }
            let Some(b) = crate::objects::bytes::bytes_like(&o)
                .or_else(|| crate::objects::memoryview::memoryview_bytes(&o))
            else {
                return Err(vm.new_type_error(format!(
                    "decoding to str: need a bytes-like object, {} found",
                    o.type_().name_str()
                )));
            };
            let enc = enc
                .as_ref()
                .and_then(|e| e.downcast_ref::<PyStr>().map(|s| s.to_string_lossy()))
                .unwrap_or_else(|| "utf-8".into());
            let errors = errs
                .as_ref()
                .and_then(|e| e.downcast_ref::<PyStr>().map(|s| s.to_string_lossy()))
                .unwrap_or_else(|| "strict".into());
            crate::objects::codecs::decode_with(vm, &b, &enc, &errors)?
        }
    };
    if t.is(&vm.types.str) {
        return Ok(r.into_object());
    }
    let obj = crate::objects::str::alloc_str_with_type(t, r.as_bytes());
    Ok(obj.into_object())
}

// ---- methods ----

pub(super) fn this<'a>(vm: &Vm, a: &'a [PyRef]) -> PyResult<&'a PyStr> {
    s(
        vm,
        a.first().ok_or_else(|| vm.new_type_error("missing self"))?,
    )
}
fn text(vm: &Vm, a: &[PyRef]) -> PyResult<String> {
    Ok(this(vm, a)?.as_cow().into_owned())
}
fn arg_str<'a>(vm: &Vm, fname: &str, o: &'a PyRef) -> PyResult<&'a PyStr> {
    o.downcast_ref::<PyStr>()
        .ok_or_else(|| vm.new_type_error(format!("{fname} arg must be None or str")))
}

fn join(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "str.join", &a[1..], k, 1)?;
    let sep = this(vm, a)?;
    // PySequence_Fast(seq, "can only join an iterable")
    if a[1].type_().slots().iter.is_none() && a[1].type_().slots().mp_subscript.is_none() {
        return Err(vm.new_type_error("can only join an iterable"));
    }
    let items = crate::ops::collect(vm, &a[1])?;
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        let Some(x) = it.downcast_ref::<PyStr>() else {
            return Err(vm.new_type_error(format!(
                "sequence item {}: expected str instance, {} found",
                i,
                it.type_().name_str()
            )));
        };
        if i > 0 {
            out.extend_from_slice(sep.as_bytes());
        }
        out.extend_from_slice(x.as_bytes());
        if out.len() > 1 << 20 {
            vm.check_alloc(out.len())?;
        }
    }
    if items.len() == 1 && items[0].is_type(&vm.types.str) {
        return Ok(items[0].clone());
    }
    Ok(vm.new_str_from_gen_utf8(&out).into_object())
}

fn split_impl(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>, right: bool) -> PyResult {
    let name = if right { "rsplit" } else { "split" };
    let p = argparse::bind(vm, name, &a[1..], k, &["sep", "maxsplit"], 0, 0, 2)?;
    let st = this(vm, a)?;
    let maxsplit = match &p[1] {
        Some(m) => argparse::to_isize(vm, m)?,
        None => -1,
    };
    let t = st.as_cow();
    // Slices of the text, not copies: each part is copied once, into its str.
    let mut parts: Vec<&str> = Vec::new();
    match p[0].as_ref().filter(|x| !vm.is_none(x)) {
        None => {
            let mut count = 0;
            if !right {
                let mut rest = t.trim_start();
                while !rest.is_empty() {
                    if maxsplit >= 0 && count >= maxsplit {
                        parts.push(rest);
                        break;
                    }
                    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                    parts.push(&rest[..end]);
                    rest = rest[end..].trim_start();
                    count += 1;
                }
            } else {
                let mut rest = t.trim_end();
                while !rest.is_empty() {
                    if maxsplit >= 0 && count >= maxsplit {
                        parts.push(rest);
                        break;
                    }
                    let start = rest
                        .rfind(char::is_whitespace)
                        .map(|i| i + rest[i..].chars().next().map_or(1, |c| c.len_utf8()))
                        .unwrap_or(0);
                    parts.push(&rest[start..]);
                    rest = rest[..start].trim_end();
                    count += 1;
                }
                parts.reverse();
            }
        }
        Some(sepo) => {
            let sep = arg_str(vm, name, sepo)?.as_cow().into_owned();
            if sep.is_empty() {
                return Err(vm.new_value_error("empty separator"));
            }
            if maxsplit < 0 {
                parts = t.split(sep.as_str()).collect();
            } else if !right {
                parts = t.splitn(maxsplit as usize + 1, sep.as_str()).collect();
            } else {
                parts = t.rsplitn(maxsplit as usize + 1, sep.as_str()).collect();
                parts.reverse();
            }
        }
    }
    Ok(vm
        .new_list(parts.iter().map(|p| vm.new_str(p)).collect())
        .into_object())
}
fn split(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    split_impl(vm, a, k, false)
}
fn rsplit(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    split_impl(vm, a, k, true)
}
fn splitlines(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    let p = argparse::bind(vm, "splitlines", &a[1..], k, &["keepends"], 0, 0, 1)?;
    let keep = match &p[0] {
        Some(x) => crate::ops::is_true(vm, x)?,
        None => false,
    };
    let t = text(vm, a)?;
    let chars: Vec<char> = t.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    let is_break = |c: char| {
        matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        )
    };
    while i < chars.len() {
        if is_break(chars[i]) {
            let mut end = i + 1;
            if chars[i] == '\r' && chars.get(i + 1) == Some(&'\n') {
                end = i + 2;
            }
            let line: String = chars[start..if keep { end } else { i }].iter().collect();
            out.push(vm.new_str(&line));
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < chars.len() {
        out.push(vm.new_str(&chars[start..].iter().collect::<String>()));
    }
    Ok(vm.new_list(out).into_object())
}

fn strip_impl(
    vm: &Vm,
    a: &[PyRef],
    k: Option<&PyTuple>,
    left: bool,
    right: bool,
    name: &str,
) -> PyResult {
    argparse::range(vm, name, &a[1..], k, 0, 1)?;
    let t = text(vm, a)?;
    let r: &str = match a.get(1).filter(|x| !vm.is_none(x)) {
        None => {
            let mut r = t.as_str();
            if left {
                r = r.trim_start();
            }
            if right {
                r = r.trim_end();
            }
            r
        }
        Some(c) => {
            let chars: Vec<char> = arg_str(vm, name, c)?.as_cow().chars().collect();
            let mut r = t.as_str();
            if left {
                r = r.trim_start_matches(|ch| chars.contains(&ch));
            }
            if right {
                r = r.trim_end_matches(|ch| chars.contains(&ch));
            }
            r
        }
    };
    if r.len() == t.len() && a[0].is_type(&vm.types.str) {
        return Ok(a[0].clone());
    }
    Ok(vm.new_str(r))
}
fn strip(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    strip_impl(vm, a, k, true, true, "strip")
}
fn lstrip(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    strip_impl(vm, a, k, true, false, "lstrip")
}
fn rstrip(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    strip_impl(vm, a, k, false, true, "rstrip")
}

fn replace(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::range(vm, "replace", &a[1..], k, 2, 3)?;
    let t = text(vm, a)?;
    let old = argparse::to_str(vm, "replace", &a[1], "argument 1")?
        .as_cow()
        .into_owned();
    let new = argparse::to_str(vm, "replace", &a[2], "argument 2")?
        .as_cow()
        .into_owned();
    let count = match a.get(3) {
        Some(c) => argparse::to_isize(vm, c)?,
        None => -1,
    };
    let r = if count < 0 {
        if old.is_empty() {
            let mut out = String::with_capacity(t.len() + new.len() * (t.len() + 1));
            out.push_str(&new);
            for ch in t.chars() {
                out.push(ch);
                out.push_str(&new);
            }
            out
        } else {
            t.replace(&old, &new)
        }
    } else if old.is_empty() {
        let mut out = String::new();
        let mut n = 0;
        let mut it = t.chars();
        while n < count {
            out.push_str(&new);
            n += 1;
            match it.next() {
                Some(c) => out.push(c),
                None => break,
            }
        }
        out.extend(it);
        out
    } else {
        t.replacen(&old, &new, count as usize)
    };
    Ok(vm.new_str(&r))
}

/// Resolves `start`/`end` arguments into char indices.
fn bounds(vm: &Vm, a: &[PyRef], i: usize, len: usize) -> PyResult<(usize, usize)> {
    let get = |j: usize, d: isize| -> PyResult<isize> {
        match a.get(j).filter(|x| !vm.is_none(x)) {
            Some(x) => Ok(crate::ops::number::index(vm, x)?
                .as_i64()
                .map(|v| v as isize)
                .unwrap_or(if d == 0 { isize::MIN } else { isize::MAX })),
            None => Ok(d),
        }
    };
    let n = len as isize;
    let mut s = get(i, 0)?;
    let mut e = get(i + 1, n)?;
    if s < 0 {
        s = (s + n).max(0);
    }
    if e < 0 {
        e = (e + n).max(0);
    }
    Ok((s.min(n + 1).max(0) as usize, e.min(n).max(0) as usize))
}

fn char_to_byte(st: &PyStr, ci: usize) -> usize {
    st.byte_offset(ci)
}
fn byte_to_char(st: &PyStr, bi: usize) -> usize {
    if st.is_ascii() {
        bi
    } else {
        crate::objects::str::count_chars(&st.as_bytes()[..bi])
    }
}

fn find_impl(
    vm: &Vm,
    a: &[PyRef],
    k: Option<&PyTuple>,
    name: &str,
    rev: bool,
) -> PyResult<Option<usize>> {
    argparse::range(vm, name, &a[1..], k, 1, 3)?;
    let st = this(vm, a)?;
    let sub = a[1].downcast_ref::<PyStr>().ok_or_else(|| {
        vm.new_type_error(format!("must be str, not {}", a[1].type_().name_str()))
    })?;
    let (s0, e0) = bounds(vm, a, 2, st.char_len())?;
    if s0 > e0 || s0 > st.char_len() {
        return Ok(None);
    }
    let (bs, be) = (char_to_byte(st, s0), char_to_byte(st, e0));
    let h = st.as_bytes();
    let r = if rev {
        rfind_bytes(h, sub.as_bytes(), bs, be)
    } else {
        find_bytes(&h[..be], sub.as_bytes(), bs)
    };
    Ok(r.map(|b| byte_to_char(st, b)))
}
fn find(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    Ok(vm.new_int(find_impl(vm, a, k, "find", false)?.map_or(-1, |v| v as i64)))
}
fn rfind(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    Ok(vm.new_int(find_impl(vm, a, k, "rfind", true)?.map_or(-1, |v| v as i64)))
}
fn index(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    match find_impl(vm, a, k, "index", false)? {
        Some(v) => Ok(vm.new_usize(v)),
        None => Err(vm.new_value_error("substring not found")),
    }
}
fn rindex(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    match find_impl(vm, a, k, "rindex", true)? {
        Some(v) => Ok(vm.new_usize(v)),
        None => Err(vm.new_value_error("substring not found")),
    }
}
fn count(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::range(vm, "count", &a[1..], k, 1, 3)?;
    let st = this(vm, a)?;
    let sub = a[1].downcast_ref::<PyStr>().ok_or_else(|| {
        vm.new_type_error(format!("must be str, not {}", a[1].type_().name_str()))
    })?;
    let (s0, e0) = bounds(vm, a, 2, st.char_len())?;
    if s0 > e0 || s0 > st.char_len() {
        return Ok(vm.new_int(0));
    }
    let (bs, be) = (char_to_byte(st, s0), char_to_byte(st, e0));
    let h = &st.as_bytes()[bs..be];
    let n = sub.as_bytes();
    if n.is_empty() {
        return Ok(vm.new_usize(e0 - s0 + 1));
    }
    let mut c = 0;
    let mut i = 0;
    while let Some(p) = find_bytes(h, n, i) {
        c += 1;
        i = p + n.len();
    }
    Ok(vm.new_usize(c))
}

fn affix(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>, name: &str, end: bool) -> PyResult {
    argparse::range(vm, name, &a[1..], k, 1, 3)?;
    let st = this(vm, a)?;
    let (s0, e0) = bounds(vm, a, 2, st.char_len())?;
    let check = |p: &PyStr| -> bool {
        if s0 > st.char_len() || s0 > e0 {
            return false;
        }
        let (bs, be) = (char_to_byte(st, s0), char_to_byte(st, e0));
        let h = &st.as_bytes()[bs..be];
        if end {
            h.ends_with(p.as_bytes())
        } else {
            h.starts_with(p.as_bytes())
        }
    };
    if let Some(t) = a[1].downcast_ref::<PyTuple>() {
        for x in t.as_slice() {
            let Some(p) = x.downcast_ref::<PyStr>() else {
                return Err(vm.new_type_error(format!(
                    "tuple for {name} must only contain str, not {}",
                    x.type_().name_str()
                )));
            };
            if check(p) {
                return Ok(vm.new_bool(true));
            }
        }
        return Ok(vm.new_bool(false));
    }
    let Some(p) = a[1].downcast_ref::<PyStr>() else {
        return Err(vm.new_type_error(format!(
            "{name} first arg must be str or a tuple of str, not {}",
            a[1].type_().name_str()
        )));
    };
    Ok(vm.new_bool(check(p)))
}
fn startswith(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    affix(vm, a, k, "startswith", false)
}
fn endswith(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    affix(vm, a, k, "endswith", true)
}

macro_rules! map_text {
    ($($f:ident => |$t:ident| $e:expr),* $(,)?) => {
        $(fn $f(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
            argparse::exact(vm, stringify!($f), &a[1..], k, 0)?;
            let $t = text(vm, a)?;
            Ok(vm.new_str(&$e))
        })*
    };
}
map_text! {
    upper => |t| t.to_uppercase(),
    lower => |t| t.to_lowercase(),
    casefold => |t| case::casefold(&t),
    swapcase => |t| case::swapcase(&t),
    capitalize => |t| case::capitalize(&t),
    title => |t| case::title(&t),
}

use crate::objects::str_case as case;

macro_rules! pred {
    ($($f:ident => |$c:ident| $e:expr, $empty:expr),* $(,)?) => {
        $(fn $f(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
            argparse::exact(vm, stringify!($f), &a[1..], k, 0)?;
            let t = text(vm, a)?;
            if t.is_empty() { return Ok(vm.new_bool($empty)); }
            Ok(vm.new_bool(t.chars().all(|$c| $e)))
        })*
    };
}
pred! {
    isdigit => |c| crate::objects::str_digits::digit(c).is_some(), false,
    isdecimal => |c| crate::objects::str_digits::decimal(c).is_some(), false,
    isnumeric => |c| c.is_numeric(), false,
    isalpha => |c| c.is_alphabetic(), false,
    isalnum => |c| c.is_alphanumeric(), false,
    isspace => |c| c.is_whitespace(), false,
    isascii => |c| c.is_ascii(), true,
    isprintable => |c| refvm_common::unicode::is_printable(c as u32), true,
}
fn isupper(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let t = text(vm, a)?;
    Ok(vm.new_bool(
        t.chars().any(|c| c.is_uppercase())
            && !t.chars().any(|c| c.is_lowercase() || case::is_titlecase(c)),
    ))
}
fn islower(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let t = text(vm, a)?;
    Ok(vm.new_bool(
        t.chars().any(|c| c.is_lowercase())
            && !t.chars().any(|c| c.is_uppercase() || case::is_titlecase(c)),
    ))
}
fn istitle(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let t = text(vm, a)?;
    let mut prev_cased = false;
    let mut cased = false;
    for c in t.chars() {
        if c.is_uppercase() || case::is_titlecase(c) {
            if prev_cased {
                return Ok(vm.new_bool(false));
            }
            prev_cased = true;
            cased = true;
        } else if c.is_lowercase() {
            if !prev_cased {
                return Ok(vm.new_bool(false));
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(vm.new_bool(cased))
}
fn isidentifier(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let st = this(vm, a)?;
    let mut it = st.code_points();
    let ok = match it.next() {
        Some(c) => {
            refvm_common::unicode::is_xid_start(c) && it.all(refvm_common::unicode::is_xid_continue)
        }
        None => false,
    };
    Ok(vm.new_bool(ok))
}

fn pad(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>, name: &str, how: u8) -> PyResult {
    argparse::range(vm, name, &a[1..], k, 1, 2)?;
    let st = this(vm, a)?;
    let width = argparse::to_isize(vm, &a[1])?;
    let fill = match a.get(2) {
        Some(f) => {
            let fs = f.downcast_ref::<PyStr>().ok_or_else(|| {
                vm.new_type_error(format!(
                    "{name}() argument 2 must be str, not {}",
                    f.type_().name_str()
                ))
            })?;
            if fs.char_len() != 1 {
                return Err(
                    vm.new_type_error("The fill character must be exactly one character long")
                );
            }
            fs.as_cow().chars().next().unwrap_or(' ')
        }
        None => ' ',
    };
    let n = st.char_len() as isize;
    if width <= n {
        if a[0].is_type(&vm.types.str) {
            return Ok(a[0].clone());
        }
        return Ok(vm.new_str_from_gen_utf8(st.as_bytes()).into_object());
    }
    vm.check_alloc(width as usize)?;
    let total = (width - n) as usize;
    let (l, r) = match how {
        b'l' => (0, total),
        b'r' => (total, 0),
        _ => {
            let left = total / 2 + (total & width as usize & 1);
            (left, total - left)
        }
    };
    let f = fill.to_string();
    Ok(vm.new_str(&format!("{}{}{}", f.repeat(l), st.as_cow(), f.repeat(r))))
}
fn ljust(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    pad(vm, a, k, "ljust", b'l')
}
fn rjust(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    pad(vm, a, k, "rjust", b'r')
}
fn center(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    pad(vm, a, k, "center", b'c')
}
fn zfill(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "zfill", &a[1..], k, 1)?;
    let t = text(vm, a)?;
    let width = argparse::to_isize(vm, &a[1])?;
    let n = t.chars().count() as isize;
    if width <= n {
        return Ok(vm.new_str(&t));
    }
    let fill = "0".repeat((width - n) as usize);
    let r = if t.starts_with('+') || t.starts_with('-') {
        format!("{}{}{}", &t[..1], fill, &t[1..])
    } else {
        format!("{fill}{t}")
    };
    Ok(vm.new_str(&r))
}
fn partition_impl(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>, rev: bool) -> PyResult {
    argparse::exact(
        vm,
        if rev { "rpartition" } else { "partition" },
        &a[1..],
        k,
        1,
    )?;
    let t = text(vm, a)?;
    let sep = argparse::to_str(vm, "partition", &a[1], "argument")?
        .as_cow()
        .into_owned();
    if sep.is_empty() {
        return Err(vm.new_value_error("empty separator"));
    }
    let pos = if rev { t.rfind(&sep) } else { t.find(&sep) };
    let parts = match pos {
        Some(p) => [
            t[..p].to_string(),
            sep.clone(),
            t[p + sep.len()..].to_string(),
        ],
        None if rev => [String::new(), String::new(), t.clone()],
        None => [t.clone(), String::new(), String::new()],
    };
    Ok(vm
        .new_tuple(parts.iter().map(|p| vm.new_str(p)).collect())
        .into_object())
}
fn partition(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    partition_impl(vm, a, k, false)
}
fn rpartition(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    partition_impl(vm, a, k, true)
}
fn removeprefix(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "removeprefix", &a[1..], k, 1)?;
    let t = text(vm, a)?;
    let p = argparse::to_str(vm, "removeprefix", &a[1], "argument")?
        .as_cow()
        .into_owned();
    Ok(vm.new_str(t.strip_prefix(p.as_str()).unwrap_or(&t)))
}
fn removesuffix(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "removesuffix", &a[1..], k, 1)?;
    let t = text(vm, a)?;
    let p = argparse::to_str(vm, "removesuffix", &a[1], "argument")?
        .as_cow()
        .into_owned();
    Ok(vm.new_str(if p.is_empty() {
        &t
    } else {
        t.strip_suffix(p.as_str()).unwrap_or(&t)
    }))
}
fn expandtabs(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    let p = argparse::bind(vm, "expandtabs", &a[1..], k, &["tabsize"], 0, 0, 1)?;
    let ts = match &p[0] {
        Some(t) => argparse::to_isize(vm, t)?,
        None => 8,
    };
    let t = text(vm, a)?;
    let mut out = String::new();
    let mut col = 0isize;
    for c in t.chars() {
        match c {
            '\t' => {
                if ts > 0 {
                    let n = ts - col % ts;
                    out.push_str(&" ".repeat(n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(vm.new_str(&out))
}
fn encode(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    let p = argparse::bind(vm, "encode", &a[1..], k, &["encoding", "errors"], 0, 0, 2)?;
    let st = this(vm, a)?;
    let enc = p[0]
        .as_ref()
        .and_then(|e| {
            e.downcast_ref::<PyStr>()
                .map(|s| s.to_string_lossy().to_lowercase())
        })
        .unwrap_or_else(|| "utf-8".into());
    let errors = p[1]
        .as_ref()
        .and_then(|e| e.downcast_ref::<PyStr>().map(|s| s.to_string_lossy()))
        .unwrap_or_else(|| "strict".into());
    crate::objects::bytes_methods::encode(vm, st, &enc, &errors)
}
fn format(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    crate::objects::str_format::str_format_method(vm, a, k)
}
fn format_map(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "format_map", &a[1..], k, 1)?;
    crate::objects::str_format::str_format_map(vm, &a[0], &a[1])
}
fn str_format_spec(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let spec = a
        .get(1)
        .ok_or_else(|| vm.new_type_error("__format__ expects 1 argument"))?;
    let spec = argparse::to_str(vm, "__format__", spec, "argument")?;
    // An empty spec is str(self) (a subclass's __str__ included).
    if spec.byte_len() == 0 && !a[0].is_type(&vm.types.str) {
        return Ok(crate::ops::str(vm, &a[0])?.into_object());
    }
    let st = this(vm, a)?;
    crate::objects::str_format::format_str(vm, st, &spec.as_cow())
}
fn getnewargs(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let st = this(vm, a)?;
    Ok(vm
        .new_tuple(vec![vm.new_str_from_gen_utf8(st.as_bytes()).into_object()])
        .into_object())
}

pub const STR_METHODS: &[MethodDef] = &[
    MethodDef::method("join", join),
    MethodDef::method("split", split),
    MethodDef::method("rsplit", rsplit),
    MethodDef::method("splitlines", splitlines),
    MethodDef::method("strip", strip),
    MethodDef::method("lstrip", lstrip),
    MethodDef::method("rstrip", rstrip),
    MethodDef::method("replace", replace),
    MethodDef::method("find", find),
    MethodDef::method("rfind", rfind),
    MethodDef::method("index", index),
    MethodDef::method("rindex", rindex),
    MethodDef::method("count", count),
    MethodDef::method("startswith", startswith),
    MethodDef::method("endswith", endswith),
    MethodDef::method("upper", upper),
    MethodDef::method("lower", lower),
    MethodDef::method("casefold", casefold),
    MethodDef::method("swapcase", swapcase),
    MethodDef::method("capitalize", capitalize),
    MethodDef::method("title", title),
    MethodDef::method("isdigit", isdigit),
    MethodDef::method("isdecimal", isdecimal),
    MethodDef::method("isnumeric", isnumeric),
    MethodDef::method("isalpha", isalpha),
    MethodDef::method("isalnum", isalnum),
    MethodDef::method("isspace", isspace),
    MethodDef::method("isascii", isascii),
    MethodDef::method("isprintable", isprintable),
    MethodDef::method("isupper", isupper),
    MethodDef::method("islower", islower),
    MethodDef::method("istitle", istitle),
    MethodDef::method("isidentifier", isidentifier),
    MethodDef::method("ljust", ljust),
    MethodDef::method("rjust", rjust),
    MethodDef::method("center", center),
    MethodDef::method("zfill", zfill),
    MethodDef::method("partition", partition),
    MethodDef::method("rpartition", rpartition),
    MethodDef::method("removeprefix", removeprefix),
    MethodDef::method("removesuffix", removesuffix),
    MethodDef::method("expandtabs", expandtabs),
    MethodDef::method("encode", encode),
    MethodDef::method("format", format),
    MethodDef::method("format_map", format_map),
    MethodDef::method("__format__", str_format_spec),
    MethodDef::static_("maketrans", maketrans),
    MethodDef::method("translate", translate),
    MethodDef::method("__getnewargs__", getnewargs),
];

pub fn init(vm: &Vm) {
    let t = &vm.types.str;
    t.update_slots(|sl| {
        sl.repr = Some(str_repr);
        sl.str = Some(str_str);
        sl.hash = Some(str_hash);
        sl.richcompare = Some(str_richcompare);
        sl.sq_length = Some(str_len);
        sl.mp_subscript = Some(str_getitem);
        sl.sq_contains = Some(str_contains);
        sl.sq_concat = Some(str_concat);
        sl.sq_repeat = Some(str_repeat);
        sl.nb_binary[NbOp::Remainder as usize] = Some(str_mod);
        sl.iter = Some(str_iter);
        sl.new = Some(str_new);
    });
    vm.add_methods(t, STR_METHODS);
}
