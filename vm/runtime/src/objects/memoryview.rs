//! `memoryview` over bytes, bytearray and other memoryviews: one-dimensional views with
//! CPython's struct formats for `cast`, slicing (strided), item assignment through to a
//! bytearray, `tobytes`/`tolist`/`hex`, `release` and the context-manager protocol.
//!
//! Storage reuses the `PyMultiIter` layout the bootstrap gave the type: `iters` holds the
//! exported object (empty once released), `count` a tuple
//! `(start, length, stride, format, itemsize, readonly, shape)` in bytes/items.

use crate::argparse;
use crate::error::PyResult;
use crate::object::typeobj::CmpOp;
use crate::object::{PyObject, PyRef, PyType};
use crate::objects::bytes::{PyByteArray, bytes_like};
use crate::objects::descr::MethodDef;
use crate::objects::iter::PyMultiIter;
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;

struct View {
    obj: PyRef,
    start: i64,
    len: i64,
    stride: i64,
    fmt: String,
    itemsize: i64,
    readonly: bool,
    shape: Vec<i64>,
}

fn is_mv(vm: &Vm, o: &PyObject) -> bool {
    o.type_().is_subtype(&vm.types.memoryview)
}

fn raw(vm: &Vm, o: &PyObject) -> PyResult<Option<View>> {
    let m = o
        .downcast_ref::<PyMultiIter>()
        .filter(|_| is_mv(vm, o))
        .ok_or_else(|| vm.new_type_error("memoryview expected"))?;
    let Some(obj) = m.iters.get().into_iter().next() else {
        return Ok(None);
    };
    let meta = m.count.get();
    let t = meta
        .downcast_ref::<PyTuple>()
        .ok_or_else(|| vm.new_system_error("bad memoryview"))?;
    let s = t.as_slice();
    if s.len() < 7 {
        return Err(vm.new_system_error("bad memoryview"));
    }
    let int = |o: &PyRef| {
        crate::objects::int::int_value(o)
            .and_then(|i| i.as_i64())
            .unwrap_or(0)
    };
    let shape = s[6]
        .downcast_ref::<PyTuple>()
        .map(|t| t.as_slice().iter().map(int).collect())
        .unwrap_or_default();
    Ok(Some(View {
        obj,
        start: int(&s[0]),
        len: int(&s[1]),
        stride: int(&s[2]),
        fmt: s[3]
            .downcast_ref::<PyStr>()
            .map(|x| x.to_string_lossy())
            .unwrap_or_else(|| "B".into()),
        itemsize: int(&s[4]),
        readonly: crate::ops::is_true(vm, &s[5]).unwrap_or(true),
        shape,
    }))
}

fn view(vm: &Vm, o: &PyObject) -> PyResult<View> {
    raw(vm, o)?
        .ok_or_else(|| vm.new_value_error("operation forbidden on released memoryview object"))
}

fn make(vm: &Vm, v: &View) -> PyRef {
    let shape = vm
        .new_tuple(v.shape.iter().map(|x| vm.new_int(*x)).collect())
        .into_object();
    let meta = vm
        .new_tuple(vec![
            vm.new_int(v.start),
            vm.new_int(v.len),
            vm.new_int(v.stride),
            vm.new_str(&v.fmt),
            vm.new_int(v.itemsize),
            vm.new_bool(v.readonly),
            shape,
        ])
        .into_object();
    vm.new_multi_iter(&vm.types.memoryview, vec![v.obj.clone()], None, meta, false)
}

fn base_bytes(v: &View) -> Vec<u8> {
    bytes_like(&v.obj).unwrap_or_default()
}

/// The bytes a view covers, in logical order.
fn view_bytes(v: &View) -> Vec<u8> {
    let b = base_bytes(v);
    let mut out = Vec::with_capacity((v.len * v.itemsize).max(0) as usize);
    for i in 0..v.len {
        let off = v.start + i * v.stride;
        for j in 0..v.itemsize {
            if let Some(x) = b.get((off + j) as usize) {
                out.push(*x);
            }
        }
    }
    out
}

/// The contents of a memoryview (None when `o` is not one or is released).
pub fn memoryview_bytes(o: &PyObject) -> Option<Vec<u8>> {
    let m = o.downcast_ref::<PyMultiIter>()?;
    if o.type_().name_str() != "memoryview" {
        return None;
    }
    let obj = m.iters.get().into_iter().next()?;
    let meta = m.count.get();
    let t = meta.downcast_ref::<PyTuple>()?;
    let s = t.as_slice();
    let int = |o: &PyRef| {
        crate::objects::int::int_value(o)
            .and_then(|i| i.as_i64())
            .unwrap_or(0)
    };
    let v = View {
        obj,
        start: int(s.first()?),
        len: int(s.get(1)?),
        stride: int(s.get(2)?),
        fmt: String::new(),
        itemsize: int(s.get(4)?),
        readonly: true,
        shape: vec![],
    };
    Some(view_bytes(&v))
}

fn itemsize_of(fmt: &str) -> Option<i64> {
    let f = fmt.strip_prefix('@').unwrap_or(fmt);
    Some(match f {
        "B" | "b" | "c" | "?" => 1,
        "H" | "h" => 2,
        "I" | "i" | "f" => 4,
        "L" | "l" | "Q" | "q" | "N" | "n" | "d" | "P" => 8,
        "e" => 2,
        _ => return None,
    })
}

fn unpack(vm: &Vm, fmt: &str, b: &[u8]) -> PyRef {
    let f = fmt.strip_prefix('@').unwrap_or(fmt);
    let mut arr = [0u8; 8];
    arr[..b.len().min(8)].copy_from_slice(&b[..b.len().min(8)]);
    let u = u64::from_le_bytes(arr);
    match f {
        "B" => vm.new_int(i64::from(b[0])),
        "b" => vm.new_int(i64::from(b[0] as i8)),
        "c" => vm.new_bytes(vec![b[0]]),
        "?" => vm.new_bool(b[0] != 0),
        "H" => vm.new_int(u as u16 as i64),
        "h" => vm.new_int(i64::from(u as u16 as i16)),
        "I" => vm.new_int(u as u32 as i64),
        "i" => vm.new_int(i64::from(u as u32 as i32)),
        "f" => vm.new_float(f64::from(f32::from_bits(u as u32))),
        "d" => vm.new_float(f64::from_bits(u)),
        "L" | "Q" | "N" | "P" => match i64::try_from(u) {
            Ok(v) => vm.new_int(v),
            Err(_) => vm.new_int_value(crate::objects::intval::Int::from_big(
                num_bigint::BigInt::from(u),
            )),
        },
        _ => vm.new_int(u as i64),
    }
}

fn mv_new(vm: &Vm, _t: &PyRef<PyType>, args: &[PyRef], kw: Option<&PyTuple>) -> PyResult {
    let a = argparse::bind(vm, "memoryview", args, kw, &["object"], 1, 0, 1)?;
    let Some(o) = a[0].clone() else {
        return Err(vm.new_type_error("memoryview() missing required argument 'object' (pos 1)"));
    };
    if is_mv(vm, &o) {
        let v = view(vm, &o)?;
        return Ok(make(vm, &v));
    }
    let Some(b) = bytes_like(&o) else {
        return Err(vm.new_type_error(format!(
            "memoryview: a bytes-like object is required, not '{}'",
            o.type_().name_str()
        )));
    };
    let readonly = o.downcast_ref::<PyByteArray>().is_none();
    let (fmt, isz) = array_format(vm, &o)?.unwrap_or_else(|| ("B".into(), 1));
    let n = b.len() as i64 / isz;
    Ok(make(
        vm,
        &View {
            obj: o,
            start: 0,
            len: n,
            stride: isz,
            fmt,
            itemsize: isz,
            readonly,
            shape: vec![n],
        },
    ))
}

/// The buffer format and item size of an `array.array` (refvm's array extends bytearray
/// and keeps its items packed in machine format, as CPython's buffer shows them).
fn array_format(vm: &Vm, o: &PyObject) -> PyResult<Option<(String, i64)>> {
    let t = o.type_();
    if o.downcast_ref::<PyByteArray>().is_none() || t.is(&vm.types.bytearray) {
        return Ok(None);
    }
    let is_array = t.mro().is_some_and(|m| {
        m.as_slice().iter().any(|c| {
            c.downcast_ref::<PyType>()
                .is_some_and(|c| c.name_str() == "array" && !c.is(&vm.types.bytearray))
        })
    });
    if !is_array {
        return Ok(None);
    }
    let Some(tc) = crate::ops::attr::get_attr_opt(vm, o, &vm.intern("typecode"))? else {
        return Ok(None);
    };
    let Some(tc) = tc.downcast_ref::<PyStr>().map(|s| s.to_string_lossy()) else {
        return Ok(None);
    };
    if tc == "u" {
        return Ok(Some(("w".into(), 4)));
    }
    Ok(itemsize_of(&tc).map(|i| (tc, i)))
}

/// The bytes, format and item size of the right side of a slice assignment.
fn source_buffer(vm: &Vm, val: &PyObject) -> PyResult<Option<(Vec<u8>, String, i64)>> {
    if is_mv(vm, val) {
        let v = view(vm, val)?;
        return Ok(Some((view_bytes(&v), v.fmt.clone(), v.itemsize)));
    }
    let Some(b) = bytes_like(val) else {
        return Ok(None);
    };
    let (fmt, isz) = array_format(vm, val)?.unwrap_or_else(|| ("B".into(), 1));
    Ok(Some((b, fmt, isz)))
}

/// Packs one item for `fmt` (CPython's memoryview pack_single and its messages).
fn pack(vm: &Vm, fmt: &str, itemsize: i64, val: &PyObject) -> PyResult<Vec<u8>> {
    let f = fmt.strip_prefix('@').unwrap_or(fmt);
    let bad_type = || vm.new_type_error(format!("memoryview: invalid type for format '{fmt}'"));
    let bad_value = || vm.new_value_error(format!("memoryview: invalid value for format '{fmt}'"));
    let n = itemsize.max(0) as usize;
    match f {
        "f" | "d" => {
            let x = match crate::ops::number::to_f64(vm, val) {
                Ok(x) => x,
                Err(e) if e.matches(&vm.exc.type_error) => return Err(bad_type()),
                Err(e) => return Err(e),
            };
            Ok(if f == "f" {
                (x as f32).to_le_bytes().to_vec()
            } else {
                x.to_le_bytes().to_vec()
            })
        }
        "?" => Ok(vec![u8::from(crate::ops::is_true(vm, val)?)]),
        "c" => {
            let b = val
                .downcast_ref::<crate::objects::bytes::PyBytes>()
                .map(|_| bytes_like(val).unwrap_or_default())
                .ok_or_else(bad_type)?;
            if b.len() != 1 {
                return Err(bad_value());
            }
            Ok(b)
        }
        _ => {
            if val.type_().slots().nb_index.is_none() {
                return Err(bad_type());
            }
            let i = crate::ops::number::index(vm, val)?.to_big();
            let signed = matches!(f, "b" | "h" | "i" | "l" | "q" | "n");
            let bits = (n * 8) as u32;
            let (lo, hi) = if signed {
                (
                    -(num_bigint::BigInt::from(1) << (bits - 1)),
                    num_bigint::BigInt::from(1) << (bits - 1),
                )
            } else {
                (
                    num_bigint::BigInt::from(0),
                    num_bigint::BigInt::from(1) << bits,
                )
            };
            if i < lo || i >= hi {
                return Err(bad_value());
            }
            let mut le = i.to_signed_bytes_le();
            let fill = if i < num_bigint::BigInt::from(0) {
                0xff
            } else {
                0
            };
            le.resize(n.max(le.len()), fill);
            le.truncate(n);
            Ok(le)
        }
    }
}

fn mv_len(vm: &Vm, o: &PyObject) -> PyResult<usize> {
    let v = view(vm, o)?;
    Ok(v.shape.first().copied().unwrap_or(v.len).max(0) as usize)
}

fn mv_getitem(vm: &Vm, o: &PyObject, k: &PyObject) -> PyResult {
    let v = view(vm, o)?;
    if let Some(sl) = k.downcast_ref::<crate::objects::slice::PySlice>() {
        let idx = sl.indices(vm, v.len.max(0) as usize)?;
        let nv = View {
            obj: v.obj.clone(),
            start: v.start + idx.start as i64 * v.stride,
            len: idx.len as i64,
            stride: v.stride * idx.step as i64,
            fmt: v.fmt.clone(),
            itemsize: v.itemsize,
            readonly: v.readonly,
            shape: vec![idx.len as i64],
        };
        return Ok(make(vm, &nv));
    }
    if k.type_().slots().nb_index.is_none() {
        return Err(vm.new_type_error("memoryview: invalid slice key"));
    }
    let i = crate::ops::number::index(vm, k)?
        .as_i64()
        .unwrap_or(i64::MAX);
    let j = if i < 0 { i + v.len } else { i };
    if j < 0 || j >= v.len {
        return Err(vm.new_index_error("index out of bounds on dimension 1"));
    }
    check_unpackable(vm, &v.fmt)?;
    let b = base_bytes(&v);
    let off = (v.start + j * v.stride) as usize;
    let end = off + v.itemsize as usize;
    let Some(item) = b.get(off..end) else {
        return Err(vm.new_index_error("index out of bounds on dimension 1"));
    };
    Ok(unpack(vm, &v.fmt, item))
}

fn mv_setitem(vm: &Vm, o: &PyObject, k: &PyObject, val: Option<PyRef>) -> PyResult<()> {
    let v = view(vm, o)?;
    if v.readonly {
        return Err(vm.new_type_error("cannot modify read-only memory"));
    }
    let Some(val) = val else {
        return Err(vm.new_type_error("cannot delete memory"));
    };
    let Some(target) = v.obj.downcast_ref::<PyByteArray>() else {
        return Err(vm.new_type_error("cannot modify read-only memory"));
    };
    let isz = v.itemsize.max(1) as usize;
    if let Some(sl) = k.downcast_ref::<crate::objects::slice::PySlice>() {
        let idx = sl.indices(vm, v.len.max(0) as usize)?;
        let Some((src, sfmt, sisz)) = source_buffer(vm, &val)? else {
            return Err(vm.new_type_error(format!(
                "a bytes-like object is required, not '{}'",
                val.type_().name_str()
            )));
        };
        let same_fmt =
            sfmt.strip_prefix('@').unwrap_or(&sfmt) == v.fmt.strip_prefix('@').unwrap_or(&v.fmt);
        if !same_fmt || sisz != v.itemsize || src.len() != idx.len * isz {
            return Err(vm.new_value_error(
                "memoryview assignment: lvalue and rvalue have different structures",
            ));
        }
        let offs: Vec<usize> = idx
            .iter()
            .map(|i| (v.start + i as i64 * v.stride) as usize)
            .collect();
        target.with_mut(|d| {
            for (o, item) in offs.iter().zip(src.chunks(isz)) {
                if let Some(slot) = d.get_mut(*o..*o + isz) {
                    slot.copy_from_slice(item);
                }
            }
        });
        return Ok(());
    }
    let i = crate::ops::number::index(vm, k)?
        .as_i64()
        .unwrap_or(i64::MAX);
    let j = if i < 0 { i + v.len } else { i };
    if j < 0 || j >= v.len {
        return Err(vm.new_index_error("index out of bounds on dimension 1"));
    }
    check_unpackable(vm, &v.fmt)?;
    let item = pack(vm, &v.fmt, v.itemsize, &val)?;
    let off = (v.start + j * v.stride) as usize;
    target.with_mut(|d| {
        if let Some(slot) = d.get_mut(off..off + isz) {
            if item.len() == isz {
                slot.copy_from_slice(&item);
            }
        }
    });
    Ok(())
}

/// Formats whose items memoryview can unpack ('w', the array 'u' format, cannot).
fn unpackable(fmt: &str) -> bool {
    let f = fmt.strip_prefix('@').unwrap_or(fmt);
    itemsize_of(f).is_some()
}

fn check_unpackable(vm: &Vm, fmt: &str) -> PyResult<()> {
    if unpackable(fmt) {
        Ok(())
    } else {
        Err(vm.new_not_implemented_error(format!("memoryview: format {fmt} not supported")))
    }
}

fn tolist_of(vm: &Vm, v: &View) -> PyRef {
    let b = view_bytes(v);
    let items: Vec<PyRef> = b
        .chunks(v.itemsize.max(1) as usize)
        .map(|c| unpack(vm, &v.fmt, c))
        .collect();
    if v.shape.len() == 2 {
        let cols = v.shape[1].max(1) as usize;
        let rows: Vec<PyRef> = items
            .chunks(cols)
            .map(|r| vm.new_list(r.to_vec()).into_object())
            .collect();
        return vm.new_list(rows).into_object();
    }
    vm.new_list(items).into_object()
}

fn mv_richcompare(vm: &Vm, a: &PyObject, b: &PyObject, op: CmpOp) -> PyResult {
    if op != CmpOp::Eq && op != CmpOp::Ne {
        return Ok(vm.not_implemented());
    }
    let Some(x) = raw(vm, a)? else {
        return Ok(vm.new_bool((a.is(b)) == (op == CmpOp::Eq)));
    };
    if !unpackable(&x.fmt) || (is_mv(vm, b) && raw(vm, b)?.is_some_and(|y| !unpackable(&y.fmt))) {
        return Ok(vm.new_bool(op == CmpOp::Ne));
    }
    let other: Option<Vec<PyRef>> = if is_mv(vm, b) {
        match raw(vm, b)? {
            Some(y) => {
                let l = tolist_of(vm, &y);
                Some(crate::ops::collect(vm, &l)?)
            }
            None => None,
        }
    } else if let Some(bb) = bytes_like(b) {
        Some(bb.into_iter().map(|c| vm.new_int(i64::from(c))).collect())
    } else {
        return Ok(vm.not_implemented());
    };
    let eq = match other {
        None => false,
        Some(o) => {
            let mine = crate::ops::collect(vm, &tolist_of(vm, &x))?;
            mine.len() == o.len() && {
                let mut all = true;
                for (p, q) in mine.iter().zip(o.iter()) {
                    if !crate::ops::rich_compare_bool(vm, p, q, CmpOp::Eq)? {
                        all = false;
                        break;
                    }
                }
                all
            }
        }
    };
    Ok(vm.new_bool(eq == (op == CmpOp::Eq)))
}

fn mv_hash(vm: &Vm, o: &PyObject) -> PyResult<i64> {
    let v = view(vm, o)?;
    if !v.readonly {
        return Err(vm.new_value_error("cannot hash writable memoryview object"));
    }
    if !matches!(v.fmt.strip_prefix('@').unwrap_or(&v.fmt), "B" | "b" | "c") {
        return Err(
            vm.new_value_error("memoryview: hashing is restricted to formats 'B', 'b' or 'c'")
        );
    }
    Ok(refvm_common::hash::hash_bytes(&view_bytes(&v)))
}

fn mv_repr(vm: &Vm, o: &PyObject) -> PyResult {
    let released = raw(vm, o)?.is_none();
    let addr = o as *const PyObject as usize;
    Ok(vm.new_str(&if released {
        format!("<released memory at {addr:#x}>")
    } else {
        format!("<memory at {addr:#x}>")
    }))
}

fn me(vm: &Vm, a: &[PyRef]) -> PyResult<View> {
    view(
        vm,
        a.first().ok_or_else(|| vm.new_type_error("missing self"))?,
    )
}
fn m_tobytes(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    Ok(vm.new_bytes(view_bytes(&me(vm, a)?)))
}
fn m_tolist(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let v = me(vm, a)?;
    check_unpackable(vm, &v.fmt)?;
    Ok(tolist_of(vm, &v))
}
fn m_hex(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    let v = me(vm, a)?;
    let p = argparse::bind(vm, "hex", &a[1..], k, &["sep", "bytes_per_sep"], 0, 0, 2)?;
    let s =
        crate::objects::bytes_ops::hex_with_sep(vm, &view_bytes(&v), p[0].as_ref(), p[1].as_ref())?;
    Ok(vm.new_str(&s))
}
fn m_release(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    if let Some(m) = a.first().and_then(|o| o.downcast_ref::<PyMultiIter>()) {
        let old = m.iters.get();
        m.iters.set(Vec::new());
        drop(old);
    }
    Ok(vm.none())
}
fn m_enter(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    me(vm, a)?;
    Ok(a[0].clone())
}
fn m_exit(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    m_release(vm, a, k)
}
fn m_toreadonly(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let mut v = me(vm, a)?;
    v.readonly = true;
    Ok(make(vm, &v))
}
fn m_cast(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    let p = argparse::bind(vm, "cast", &a[1..], k, &["format", "shape"], 1, 0, 2)?;
    let v = me(vm, a)?;
    let fmt = match &p[0] {
        Some(f) => argparse::to_str(vm, "cast", f, "argument 'format'")?.to_string_lossy(),
        None => "B".into(),
    };
    let Some(isz) = itemsize_of(&fmt) else {
        return Err(vm.new_value_error(
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        ));
    };
    if v.stride != v.itemsize {
        return Err(vm.new_type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    let nbytes = v.len * v.itemsize;
    if nbytes % isz != 0 {
        return Err(vm.new_type_error("memoryview: length is not a multiple of itemsize"));
    }
    let n = nbytes / isz;
    let shape = match p[1].as_ref() {
        Some(s) => {
            let dims: Vec<i64> = crate::ops::collect(vm, s)?
                .iter()
                .map(|d| argparse::to_i64(vm, d))
                .collect::<PyResult<_>>()?;
            if dims.iter().product::<i64>() != n {
                return Err(
                    vm.new_type_error("memoryview: product(shape) * itemsize != buffer size")
                );
            }
            dims
        }
        None => vec![n],
    };
    Ok(make(
        vm,
        &View {
            obj: v.obj.clone(),
            start: v.start,
            len: n,
            stride: isz,
            fmt,
            itemsize: isz,
            readonly: v.readonly,
            shape,
        },
    ))
}

fn g_obj(vm: &Vm, o: &PyObject) -> PyResult {
    Ok(view(vm, o)?.obj)
}
fn g_nbytes(vm: &Vm, o: &PyObject) -> PyResult {
    let v = view(vm, o)?;
    Ok(vm.new_int(v.len * v.itemsize))
}
fn g_readonly(vm: &Vm, o: &PyObject) -> PyResult {
    Ok(vm.new_bool(view(vm, o)?.readonly))
}
fn g_itemsize(vm: &Vm, o: &PyObject) -> PyResult {
    Ok(vm.new_int(view(vm, o)?.itemsize))
}
fn g_format(vm: &Vm, o: &PyObject) -> PyResult {
    Ok(vm.new_str(&view(vm, o)?.fmt))
}
fn g_ndim(vm: &Vm, o: &PyObject) -> PyResult {
    Ok(vm.new_usize(view(vm, o)?.shape.len()))
}
fn g_shape(vm: &Vm, o: &PyObject) -> PyResult {
    let v = view(vm, o)?;
    Ok(vm
        .new_tuple(v.shape.iter().map(|x| vm.new_int(*x)).collect())
        .into_object())
}
fn g_strides(vm: &Vm, o: &PyObject) -> PyResult {
    let v = view(vm, o)?;
    let strides: Vec<PyRef> = if v.shape.len() == 2 {
        vec![vm.new_int(v.shape[1] * v.itemsize), vm.new_int(v.itemsize)]
    } else {
        vec![vm.new_int(v.stride)]
    };
    Ok(vm.new_tuple(strides).into_object())
}
fn g_suboffsets(vm: &Vm, o: &PyObject) -> PyResult {
    view(vm, o)?;
    Ok(vm.new_tuple(vec![]).into_object())
}
fn g_contig(vm: &Vm, o: &PyObject) -> PyResult {
    let v = view(vm, o)?;
    Ok(vm.new_bool(v.stride == v.itemsize || v.len <= 1))
}

pub fn init(vm: &Vm) {
    let t = &vm.types.memoryview;
    // memoryview is a sequence (Py_TPFLAGS_SEQUENCE) for `match`.
    t.flags.set(crate::object::typeobj::TypeFlags(
        t.flags().0 | crate::object::typeobj::TypeFlags::SEQUENCE.0,
    ));
    t.update_slots(|s| {
        s.new = Some(mv_new);
        s.sq_length = Some(mv_len);
        s.mp_subscript = Some(mv_getitem);
        s.mp_ass_subscript = Some(mv_setitem);
        s.richcompare = Some(mv_richcompare);
        s.hash = Some(mv_hash);
        s.repr = Some(mv_repr);
        s.iter = None;
        s.iternext = None;
    });
    vm.add_methods(
        t,
        &[
            MethodDef::method("tobytes", m_tobytes),
            MethodDef::method("tolist", m_tolist),
            MethodDef::method("hex", m_hex),
            MethodDef::method("release", m_release),
            MethodDef::method("cast", m_cast),
            MethodDef::method("toreadonly", m_toreadonly),
            MethodDef::method("__enter__", m_enter),
            MethodDef::method("__exit__", m_exit),
        ],
    );
    vm.add_getset(t, "obj", g_obj, None);
    vm.add_getset(t, "nbytes", g_nbytes, None);
    vm.add_getset(t, "readonly", g_readonly, None);
    vm.add_getset(t, "itemsize", g_itemsize, None);
    vm.add_getset(t, "format", g_format, None);
    vm.add_getset(t, "ndim", g_ndim, None);
    vm.add_getset(t, "shape", g_shape, None);
    vm.add_getset(t, "strides", g_strides, None);
    vm.add_getset(t, "suboffsets", g_suboffsets, None);
    vm.add_getset(t, "c_contiguous", g_contig, None);
    vm.add_getset(t, "f_contiguous", g_contig, None);
    vm.add_getset(t, "contiguous", g_contig, None);
}
