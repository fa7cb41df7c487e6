//! bytearray's mutators (`insert`, `pop`, `remove`, `reverse`, `clear`, `copy`, in-place
//! `+=`/`*=`): the methods `bytes` lacks, on the shared bytes/bytearray storage.

use crate::argparse;
use crate::error::PyResult;
use crate::object::{PyObject, PyRef};
use crate::objects::bytes::{PyByteArray, bytes_like};
use crate::objects::bytes_ops::{Args, Kw};
use crate::vm::Vm;

pub(super) fn ba<'a>(vm: &Vm, a: &'a [PyRef]) -> PyResult<&'a PyByteArray> {
    a.first()
        .and_then(|o| o.downcast_ref::<PyByteArray>())
        .ok_or_else(|| vm.new_type_error("descriptor requires a 'bytearray' object"))
}
/// An int argument that must be a byte value.
pub fn byte_value(vm: &Vm, o: &PyObject) -> PyResult<u8> {
    let i = crate::ops::number::index(vm, o)?;
    i.as_i64()
        .filter(|v| (0..256).contains(v))
        .map(|v| v as u8)
        .ok_or_else(|| vm.new_value_error("byte must be in range(0, 256)"))
}
pub(super) fn m_insert(vm: &Vm, a: Args, k: Kw) -> PyResult {
    argparse::exact(vm, "insert", &a[1..], k, 2)?;
    let b = ba(vm, a)?;
    let i = argparse::to_isize(vm, &a[1])?;
    let v = byte_value(vm, &a[2])?;
    b.with_mut(|d| {
        let n = d.len() as isize;
        let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
        d.insert(j as usize, v);
    });
    Ok(vm.none())
}
pub(super) fn m_pop(vm: &Vm, a: Args, k: Kw) -> PyResult {
    argparse::range(vm, "pop", &a[1..], k, 0, 1)?;
    let b = ba(vm, a)?;
    let i = match a.get(1) {
        Some(x) => argparse::to_isize(vm, x)?,
        None => -1,
    };
    let n = b.borrow().len() as isize;
    if n == 0 {
        return Err(vm.new_index_error("pop from empty bytearray"));
    }
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.new_index_error("pop index out of range"));
    }
    let v = b.with_mut(|d| d.remove(j as usize));
    Ok(vm.new_int(i64::from(v)))
}
pub(super) fn m_remove(vm: &Vm, a: Args, k: Kw) -> PyResult {
    argparse::exact(vm, "remove", &a[1..], k, 1)?;
    let b = ba(vm, a)?;
    let v = byte_value(vm, &a[1])?;
    let pos = b.borrow().iter().position(|c| *c == v);
    match pos {
        Some(p) => {
            b.with_mut(|d| d.remove(p));
            Ok(vm.none())
        }
        None => Err(vm.new_value_error("value not found in bytearray")),
    }
}
pub(super) fn m_reverse(vm: &Vm, a: Args, k: Kw) -> PyResult {
    argparse::exact(vm, "reverse", &a[1..], k, 0)?;
    ba(vm, a)?.with_mut(|d| d.reverse());
    Ok(vm.none())
}
pub(super) fn m_clear(vm: &Vm, a: Args, k: Kw) -> PyResult {
    argparse::exact(vm, "clear", &a[1..], k, 0)?;
    ba(vm, a)?.with_mut(|d| d.clear());
    Ok(vm.none())
}
pub(super) fn m_copy(vm: &Vm, a: Args, k: Kw) -> PyResult {
    argparse::exact(vm, "copy", &a[1..], k, 0)?;
    let v = ba(vm, a)?.borrow().clone();
    Ok(vm.new_bytearray(v))
}
pub(super) fn m_alloc(vm: &Vm, a: Args, _k: Kw) -> PyResult {
    let n = ba(vm, a)?.borrow().len();
    Ok(vm.new_usize(if n == 0 { 0 } else { n + 1 }))
}
pub(super) fn ba_iconcat(vm: &Vm, a: &PyObject, b: &PyObject) -> PyResult {
    let x = a
        .downcast_ref::<PyByteArray>()
        .ok_or_else(|| vm.new_type_error("bytearray expected"))?;
    let Some(v) = bytes_like(b).or_else(|| crate::objects::memoryview::memoryview_bytes(b)) else {
        return Err(vm.new_type_error(format!(
            "can't concat {} to bytearray",
            b.type_().name_str()
        )));
    };
    x.with_mut(|d| d.extend(v));
    Ok(a.to_owned())
}
pub(super) fn ba_irepeat(vm: &Vm, a: &PyObject, n: &PyObject) -> PyResult {
    let x = a
        .downcast_ref::<PyByteArray>()
        .ok_or_else(|| vm.new_type_error("bytearray expected"))?;
    let n = crate::ops::number::as_ssize(vm, n)?.max(0) as usize;
    let len = x.borrow().len();
    vm.check_alloc(len.saturating_mul(n))?;
    x.with_mut(|d| *d = d.repeat(n));
    Ok(a.to_owned())
}
