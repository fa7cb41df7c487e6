//! `bytes` and `bytearray` types: slots, constructors, common methods, codecs.

use crate::argparse;
use crate::error::PyResult;
use crate::object::typeobj::CmpOp;
use crate::object::{PyObject, PyRef, PyType};
use crate::objects::bytes::{PyByteArray, PyBytes, bytes_like};
use crate::objects::descr::MethodDef;
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;

/// `bytes.decode(encoding)` with strict errors.
pub fn decode(vm: &Vm, b: &[u8], enc: &str) -> PyResult<PyRef<PyStr>> {
    crate::objects::codecs::decode_with(vm, b, enc, "strict")
}

/// `str.encode(encoding, errors)`.
pub fn encode(vm: &Vm, s: &PyStr, enc: &str, errors: &str) -> PyResult {
    crate::objects::codecs::encode(vm, s, enc, errors)
}

fn data(vm: &Vm, o: &PyObject) -> PyResult<Vec<u8>> {
    bytes_like(o).ok_or_else(|| {
        vm.new_type_error(format!(
            "a bytes-like object is required, not '{}'",
            o.type_().name_str()
        ))
    })
}

fn bytes_repr(vm: &Vm, o: &PyObject) -> PyResult {
    let b = data(vm, o)?;
    if o.downcast_ref::<PyByteArray>().is_some() {
        let mut s = String::from("bytearray(b");
        refvm_common::repr::write_bytes_body(&b, &mut s);
        s.push(')');
        return Ok(vm.new_str(&s));
    }
    Ok(vm.new_str(&refvm_common::repr::bytes_repr(&b)))
}
fn bytes_hash(vm: &Vm, o: &PyObject) -> PyResult<i64> {
    let _ = vm;
    Ok(o.downcast_ref::<PyBytes>().map_or(0, |b| b.hash()))
}
fn bytes_richcompare(vm: &Vm, a: &PyObject, b: &PyObject, op: CmpOp) -> PyResult {
    // bytes compares only with bytes; bytearray with any buffer (so `b'' == bytearray()`
    // is answered by the reflected bytearray comparison, as in CPython).
    if a.downcast_ref::<PyByteArray>().is_none() && b.downcast_ref::<PyBytes>().is_none() {
        return Ok(vm.not_implemented());
    }
    let (Some(x), Some(y)) = (bytes_like(a), bytes_like(b)) else {
        return Ok(vm.not_implemented());
    };
    Ok(vm.new_bool(op.from_ordering(x.cmp(&y))))
}
fn bytes_len(vm: &Vm, o: &PyObject) -> PyResult<usize> {
    Ok(data(vm, o)?.len())
}
fn bytes_getitem(vm: &Vm, o: &PyObject, k: &PyObject) -> PyResult {
    let b = data(vm, o)?;
    if let Some(sl) = k.downcast_ref::<crate::objects::slice::PySlice>() {
        let idx = sl.indices(vm, b.len())?;
        let v: Vec<u8> = idx.iter().map(|i| b[i]).collect();
        return Ok(if o.downcast_ref::<PyByteArray>().is_some() {
            vm.new_bytearray(v)
        } else {
            vm.new_bytes(v)
        });
    }
    let Some(i) = crate::ops::number::try_index(vm, k)? else {
        let what = if o.downcast_ref::<PyByteArray>().is_some() {
            "bytearray"
        } else {
            "byte"
        };
        return Err(vm.new_type_error(format!(
            "{what} indices must be integers or slices, not {}",
            k.type_().name_str()
        )));
    };
    let n = b.len() as i64;
    let Some(i) = i.as_i64() else {
        return Err(vm.new_index_error(format!(
            "cannot fit '{}' into an index-sized integer",
            k.type_().name_str()
        )));
    };
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(
            vm.new_index_error(if o.downcast_ref::<PyByteArray>().is_some() {
                "bytearray index out of range"
            } else {
                "index out of range"
            }),
        );
    }
    Ok(vm.new_int(i64::from(b[j as usize])))
}
fn bytes_concat(vm: &Vm, a: &PyObject, b: &PyObject) -> PyResult {
    let x = data(vm, a)?;
    let Some(y) = bytes_like(b) else {
        return Err(vm.new_type_error(format!(
            "can't concat {} to {}",
            b.type_().name_str(),
            a.type_().name_str()
        )));
    };
    let mut v = x;
    v.extend(y);
    Ok(if a.downcast_ref::<PyByteArray>().is_some() {
        vm.new_bytearray(v)
    } else {
        vm.new_bytes(v)
    })
}
fn bytes_repeat(vm: &Vm, a: &PyObject, n: &PyObject) -> PyResult {
    let x = data(vm, a)?;
    let n = crate::ops::number::as_ssize(vm, n)?.max(0) as usize;
    vm.check_alloc(x.len().saturating_mul(n))?;
    let v = x.repeat(n);
    Ok(if a.downcast_ref::<PyByteArray>().is_some() {
        vm.new_bytearray(v)
    } else {
        vm.new_bytes(v)
    })
}
fn bytes_contains(vm: &Vm, o: &PyObject, x: &PyObject) -> PyResult<bool> {
    let b = data(vm, o)?;
    if let Some(n) = bytes_like(x) {
        return Ok(crate::objects::str_methods::find_bytes(&b, &n, 0).is_some());
    }
    let i = crate::ops::number::index(vm, x)?;
    let v = i
        .as_i64()
        .filter(|v| (0..256).contains(v))
        .ok_or_else(|| vm.new_value_error("byte must be in range(0, 256)"))?;
    Ok(b.contains(&(v as u8)))
}
fn bytes_iter(vm: &Vm, o: &PyObject) -> PyResult {
    Ok(vm.new_seq_iter(&vm.types.bytes_iterator, o.to_owned(), 0))
}

fn bytes_from_arg(vm: &Vm, x: &PyRef, enc: Option<&PyRef>, is_bytes: bool) -> PyResult<Vec<u8>> {
    if is_bytes && enc.is_none() && !x.is_type(&vm.types.bytes) {
        if let Some(f) = crate::objects::typeobject::lookup_special(vm, x, &vm.intern("__bytes__"))
        {
            let r = crate::ops::call(vm, &f, &[], None)?;
            return match r.downcast_ref::<PyBytes>() {
                Some(b) => Ok(b.as_bytes().to_vec()),
                None => Err(vm.new_type_error(format!(
                    "__bytes__ returned non-bytes (type {})",
                    r.type_().name_str()
                ))),
            };
        }
    }
    if let Some(s) = x.downcast_ref::<PyStr>() {
        let Some(e) = enc else {
            return Err(vm.new_type_error("string argument without an encoding"));
        };
        let e = e
            .downcast_ref::<PyStr>()
            .map(|s| s.to_string_lossy())
            .unwrap_or_default();
        let r = encode(vm, s, &e, "strict")?;
        return Ok(bytes_like(&r).unwrap_or_default());
    }
    if let Some(b) = bytes_like(x) {
        return Ok(b);
    }
    if enc.is_some() {
        return Err(vm.new_type_error("encoding without a string argument"));
    }
    if let Some(b) = crate::objects::memoryview::memoryview_bytes(x) {
        return Ok(b);
    }
    if x.type_().slots().nb_index.is_some() {
        let i = crate::ops::number::index(vm, x)?;
        let n = i
            .as_i64()
            .filter(|n| *n >= 0)
            .ok_or_else(|| vm.new_value_error("negative count"))?;
        vm.check_alloc(n as usize)?;
        return Ok(vec![0; n as usize]);
    }
    if x.type_().slots().iter.is_none() && x.type_().slots().mp_subscript.is_none() {
        return Err(vm.new_type_error(format!(
            "cannot convert '{}' object to bytes",
            x.type_().name_str()
        )));
    }
    let items = crate::ops::collect(vm, x)?;
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        let v = crate::ops::number::index(vm, &it)?;
        let v = v.as_i64().filter(|v| (0..256).contains(v)).ok_or_else(|| {
            vm.new_value_error(if is_bytes {
                "bytes must be in range(0, 256)"
            } else {
                "byte must be in range(0, 256)"
            })
        })?;
        out.push(v as u8);
    }
    Ok(out)
}

fn bytes_new(vm: &Vm, t: &PyRef<PyType>, args: &[PyRef], kw: Option<&PyTuple>) -> PyResult {
    let a = argparse::bind(
        vm,
        "bytes",
        args,
        kw,
        &["source", "encoding", "errors"],
        0,
        0,
        3,
    )?;
    let v = match &a[0] {
        None => vec![],
        Some(x) => bytes_from_arg(vm, x, a[1].as_ref(), true)?,
    };
    if t.is(&vm.types.bytes) {
        Ok(vm.new_bytes(v))
    } else {
        Ok(vm.new_bytes_of_type(t, v))
    }
}
fn bytearray_new(vm: &Vm, t: &PyRef<PyType>, _args: &[PyRef], _kw: Option<&PyTuple>) -> PyResult {
    Ok(vm.new_bytearray_of_type(t, vec![]))
}
fn bytearray_init(vm: &Vm, o: &PyObject, args: &[PyRef], kw: Option<&PyTuple>) -> PyResult<()> {
    let a = argparse::bind(
        vm,
        "bytearray",
        args,
        kw,
        &["source", "encoding", "errors"],
        0,
        0,
        3,
    )?;
    let v = match &a[0] {
        None => vec![],
        Some(x) => bytes_from_arg(vm, x, a[1].as_ref(), false)?,
    };
    if let Some(b) = o.downcast_ref::<PyByteArray>() {
        b.with_mut(|d| *d = v);
    }
    Ok(())
}
fn bytearray_setitem(vm: &Vm, o: &PyObject, k: &PyObject, v: Option<PyRef>) -> PyResult<()> {
    let b = o
        .downcast_ref::<PyByteArray>()
        .ok_or_else(|| vm.new_type_error("bytearray expected"))?;
    if let Some(sl) = k.downcast_ref::<crate::objects::slice::PySlice>() {
        let src: Option<Vec<u8>> = match &v {
            None => None,
            Some(x) => {
                if let Some(d) =
                    bytes_like(x).or_else(|| crate::objects::memoryview::memoryview_bytes(x))
                {
                    Some(d)
                } else if x.type_().slots().nb_index.is_some() {
                    return Err(vm.new_type_error(
                        "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
                    ));
                } else {
                    Some(bytes_from_arg(vm, x, None, false)?)
                }
            }
        };
        let n = b.borrow().len();
        let idx = sl.indices(vm, n)?;
        if idx.step == 1 {
            let start = idx.start.max(0) as usize;
            let stop = (idx.stop.max(idx.start)).max(0) as usize;
            let new = src.unwrap_or_default();
            vm.check_alloc(n + new.len())?;
            b.with_mut(|d| {
                let stop = stop.min(d.len());
                let start = start.min(stop);
                d.splice(start..stop, new);
            });
            return Ok(());
        }
        let positions: Vec<usize> = idx.iter().collect();
        match src {
            None => {
                let remove: std::collections::HashSet<usize> = positions.into_iter().collect();
                b.with_mut(|d| {
                    let mut i = 0;
                    d.retain(|_| {
                        let keep = !remove.contains(&i);
                        i += 1;
                        keep
                    });
                });
            }
            Some(new) => {
                if new.len() != positions.len() {
                    return Err(vm.new_value_error(format!(
                        "attempt to assign bytes of size {} to extended slice of size {}",
                        new.len(),
                        positions.len()
                    )));
                }
                b.with_mut(|d| {
                    for (p, x) in positions.iter().zip(new) {
                        if let Some(slot) = d.get_mut(*p) {
                            *slot = x;
                        }
                    }
                });
            }
        }
        return Ok(());
    }
    if k.type_().slots().nb_index.is_none() {
        return Err(vm.new_type_error(format!(
            "bytearray indices must be integers or slices, not {}",
            k.type_().name_str()
        )));
    }
    let n = b.borrow().len() as i64;
    let i = crate::ops::number::index_isize(vm, k)? as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.new_index_error("bytearray index out of range"));
    }
    match v {
        Some(v) => {
            let x = crate::ops::number::index(vm, &v)?
                .as_i64()
                .filter(|x| (0..256).contains(x))
                .ok_or_else(|| vm.new_value_error("byte must be in range(0, 256)"))?;
            b.with_mut(|d| d[j as usize] = x as u8);
        }
        None => {
            b.with_mut(|d| {
                d.remove(j as usize);
            });
        }
    }
    Ok(())
}

fn this(vm: &Vm, a: &[PyRef]) -> PyResult<Vec<u8>> {
    data(
        vm,
        a.first().ok_or_else(|| vm.new_type_error("missing self"))?,
    )
}
fn m_decode(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    let p = argparse::bind(vm, "decode", &a[1..], k, &["encoding", "errors"], 0, 0, 2)?;
    let enc = match &p[0] {
        Some(e) => argparse::to_str(vm, "decode", e, "argument 'encoding'")?.to_string_lossy(),
        None => "utf-8".into(),
    };
    let errors = match &p[1] {
        Some(e) => argparse::to_str(vm, "decode", e, "argument 'errors'")?.to_string_lossy(),
        None => "strict".into(),
    };
    Ok(crate::objects::codecs::decode_with(vm, &this(vm, a)?, &enc, &errors)?.into_object())
}
fn m_append(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "append", &a[1..], k, 1)?;
    let b = a[0]
        .downcast_ref::<PyByteArray>()
        .ok_or_else(|| vm.new_type_error("bytearray expected"))?;
    let x = crate::ops::number::index(vm, &a[1])?
        .as_i64()
        .filter(|x| (0..256).contains(x))
        .ok_or_else(|| vm.new_value_error("byte must be in range(0, 256)"))?;
    b.with_mut(|d| d.push(x as u8));
    Ok(vm.none())
}
fn m_extend(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "extend", &a[1..], k, 1)?;
    let b = a[0]
        .downcast_ref::<PyByteArray>()
        .ok_or_else(|| vm.new_type_error("bytearray expected"))?;
    let v = bytes_from_arg(vm, &a[1], None, false)?;
    b.with_mut(|d| d.extend(v));
    Ok(vm.none())
}
fn m_fromhex(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    if a.len() != 2 {
        return Err(vm.new_type_error(format!(
            "{}.fromhex() takes exactly one argument ({} given)",
            a.first()
                .and_then(|c| c.downcast_ref::<PyType>().map(|t| t.name_str().to_string()))
                .unwrap_or_else(|| "bytes".to_string()),
            a.len().saturating_sub(1)
        )));
    }
    let s = a[1].downcast_ref::<PyStr>().ok_or_else(|| {
        vm.new_type_error(format!(
            "fromhex() argument must be str, not {}",
            a[1].type_().name_str()
        ))
    })?;
    // `_PyBytes_FromHex`: whitespace only between pairs; the error names the index of
    // the first bad character (the end of the string when a pair is cut short).
    let chars: Vec<char> = s.as_cow().chars().collect();
    let bad = |i: usize| {
        vm.new_value_error(format!(
            "non-hexadecimal number found in fromhex() arg at position {i}"
        ))
    };
    if let Some(i) = chars.iter().position(|c| !c.is_ascii()) {
        return Err(bad(i));
    }
    let is_space = |c: char| matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c');
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if is_space(chars[i]) {
            i += 1;
            continue;
        }
        let top = chars[i].to_digit(16).ok_or_else(|| bad(i))?;
        let bot = chars
            .get(i + 1)
            .and_then(|c| c.to_digit(16))
            .ok_or_else(|| bad(i + 1))?;
        out.push((top * 16 + bot) as u8);
        i += 2;
    }
    let cls = &a[0];
    if cls.is(&vm.types.bytearray) {
        return Ok(vm.new_bytearray(out));
    }
    if cls.is(&vm.types.bytes) {
        return Ok(vm.new_bytes(out));
    }
    let base = if cls
        .downcast_ref::<PyType>()
        .is_some_and(|t| t.is_subtype(&vm.types.bytearray))
    {
        vm.new_bytearray(out)
    } else {
        vm.new_bytes(out)
    };
    crate::ops::call(vm, cls, &[base], None)
}

fn bytes_mod(vm: &Vm, a: &PyObject, b: &PyObject) -> PyResult {
    let Some(fmt) = crate::objects::bytes::bytes_like(a) else {
        return Ok(vm.not_implemented());
    };
    let out = crate::objects::str_format::bytes_percent_format(vm, &fmt, b)?;
    Ok(
        if a.downcast_ref::<crate::objects::bytes::PyByteArray>()
            .is_some()
        {
            vm.new_bytearray(out)
        } else {
            vm.new_bytes(out)
        },
    )
}

pub fn init(vm: &Vm) {
    for t in [&vm.types.bytes, &vm.types.bytearray] {
        t.update_slots(|s| {
            s.nb_binary[crate::object::typeobj::NbOp::Remainder as usize] = Some(bytes_mod);
            s.repr = Some(bytes_repr);
            s.richcompare = Some(bytes_richcompare);
            s.sq_length = Some(bytes_len);
            s.mp_subscript = Some(bytes_getitem);
            s.sq_concat = Some(bytes_concat);
            s.sq_repeat = Some(bytes_repeat);
            s.sq_contains = Some(bytes_contains);
            s.iter = Some(bytes_iter);
        });
        vm.add_methods(
            t,
            &[
                MethodDef::method("decode", m_decode),
                MethodDef::class("fromhex", m_fromhex),
            ],
        );
    }
    vm.types.bytes.update_slots(|s| {
        s.hash = Some(bytes_hash);
        s.new = Some(bytes_new);
    });
    vm.types.bytearray.update_slots(|s| {
        s.hash_none = true;
        s.new = Some(bytearray_new);
        s.init = Some(bytearray_init);
        s.mp_ass_subscript = Some(bytearray_setitem);
    });
    vm.add_methods(
        &vm.types.bytearray,
        &[
            MethodDef::method("append", m_append),
            MethodDef::method("extend", m_extend),
        ],
    );
}
