//! `slice` objects and index normalisation (`PySlice_GetIndicesEx`).

use crate::error::PyResult;
use crate::object::alloc::{alloc, drop_payload};
use crate::object::typeobj::LayoutOps;
use crate::object::{PyObject, PyRef};
use crate::vm::Vm;

#[repr(C)]
pub struct PySlice {
    pub ob: PyObject,
    pub start: PyRef,
    pub stop: PyRef,
    pub step: PyRef,
}
crate::payload!(PySlice, Slice);

pub const SLICE_LAYOUT_OPS: LayoutOps = LayoutOps::fixed(drop_payload::<PySlice>);

impl Vm {
    pub fn new_slice(&self, start: PyRef, stop: PyRef, step: PyRef) -> PyRef {
        alloc(
            &self.types.slice,
            PySlice {
                ob: crate::object::header(),
                start,
                stop,
                step,
            },
        )
        .into_object()
    }
}

/// Resolved slice indices for a sequence of `len` items.
#[derive(Clone, Copy, Debug)]
pub struct SliceIndices {
    pub start: isize,
    pub stop: isize,
    pub step: isize,
    pub len: usize,
}

impl SliceIndices {
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        let mut cur = self.start;
        (0..self.len).map(move |_| {
            let c = cur;
            cur += self.step;
            c as usize
        })
    }
}

/// `_PyEval_SliceIndex`: None → default; ints or `__index__` clamped to isize.
fn slice_index(vm: &Vm, o: &PyObject) -> PyResult<Option<isize>> {
    if vm.is_none(o) {
        return Ok(None);
    }
    // An int (or int subclass) that fits: no clone of the value.
    if let Some(v) = crate::objects::int::int_value(o).and_then(|i| i.as_i64()) {
        return Ok(Some(v.clamp(isize::MIN as i64, isize::MAX as i64) as isize));
    }
    let Some(i) = crate::ops::number::try_index(vm, o)? else {
        return Err(
            vm.new_type_error("slice indices must be integers or None or have an __index__ method")
        );
    };
    Ok(Some(match i.as_i64() {
        Some(v) => v.clamp(isize::MIN as i64, isize::MAX as i64) as isize,
        None => {
            if i.is_negative() {
                isize::MIN
            } else {
                isize::MAX
            }
        }
    }))
}

impl PySlice {
    /// `PySlice_Unpack` + `PySlice_AdjustIndices`.
    pub fn indices(&self, vm: &Vm, len: usize) -> PyResult<SliceIndices> {
        let step = match slice_index(vm, &self.step)? {
            None => 1,
            Some(0) => return Err(vm.new_value_error("slice step cannot be zero")),
            Some(s) => s.max(-isize::MAX),
        };
        let len = len as isize;
        let (dstart, dstop) = if step < 0 {
            (isize::MAX, isize::MIN)
        } else {
            (0, isize::MAX)
        };
        let mut start = slice_index(vm, &self.start)?.unwrap_or(dstart);
        let mut stop = slice_index(vm, &self.stop)?.unwrap_or(dstop);
        if start < 0 {
            start = start.saturating_add(len);
            if start < 0 {
                start = if step < 0 { -1 } else { 0 };
            }
        } else if start >= len {
            start = if step < 0 { len - 1 } else { len };
        }
        if stop < 0 {
            stop = stop.saturating_add(len);
            if stop < 0 {
                stop = if step < 0 { -1 } else { 0 };
            }
        } else if stop >= len {
            stop = if step < 0 { len - 1 } else { len };
        }
        let n = if step < 0 {
            if stop < start {
                (start - stop - 1) / (-step) + 1
            } else {
                0
            }
        } else if start < stop {
            (stop - start - 1) / step + 1
        } else {
            0
        };
        Ok(SliceIndices {
            start,
            stop,
            step,
            len: n as usize,
        })
    }
}

fn slice_new(
    vm: &Vm,
    _t: &PyRef<crate::object::PyType>,
    a: &[PyRef],
    k: Option<&crate::objects::tuple::PyTuple>,
) -> PyResult {
    crate::argparse::no_kw(vm, "slice", k)?;
    let n = vm.none();
    match a.len() {
        1 => Ok(vm.new_slice(n.clone(), a[0].clone(), n)),
        2 => Ok(vm.new_slice(a[0].clone(), a[1].clone(), n)),
        3 => Ok(vm.new_slice(a[0].clone(), a[1].clone(), a[2].clone())),
        0 => Err(vm.new_type_error("slice expected at least 1 argument, got 0")),
        m => Err(vm.new_type_error(format!("slice expected at most 3 arguments, got {}", m))),
    }
}
fn slice_repr(vm: &Vm, o: &PyObject) -> PyResult {
    let s = o
        .downcast_ref::<PySlice>()
        .ok_or_else(|| vm.new_type_error("slice expected"))?;
    Ok(vm.new_str(&format!(
        "slice({}, {}, {})",
        crate::ops::repr_string(vm, &s.start)?,
        crate::ops::repr_string(vm, &s.stop)?,
        crate::ops::repr_string(vm, &s.step)?
    )))
}
fn slice_richcompare(
    vm: &Vm,
    a: &PyObject,
    b: &PyObject,
    op: crate::object::typeobj::CmpOp,
) -> PyResult {
    let (Some(x), Some(y)) = (a.downcast_ref::<PySlice>(), b.downcast_ref::<PySlice>()) else {
        return Ok(vm.not_implemented());
    };
    let t1 = vm.new_tuple(vec![x.start.clone(), x.stop.clone(), x.step.clone()]);
    let t2 = vm.new_tuple(vec![y.start.clone(), y.stop.clone(), y.step.clone()]);
    crate::ops::rich_compare(vm, t1.as_object(), t2.as_object(), op)
}
fn slice_indices(vm: &Vm, a: &[PyRef], _k: Option<&crate::objects::tuple::PyTuple>) -> PyResult {
    let s = a
        .first()
        .and_then(|s| s.downcast_ref::<PySlice>())
        .ok_or_else(|| vm.new_type_error("slice expected"))?;
    let n = crate::argparse::to_isize(
        vm,
        a.get(1)
            .ok_or_else(|| vm.new_type_error("indices() takes exactly one argument (0 given)"))?,
    )?;
    if n < 0 {
        return Err(vm.new_value_error("length should not be negative"));
    }
    let i = s.indices(vm, n as usize)?;
    Ok(vm
        .new_tuple(vec![
            vm.new_int(i.start as i64),
            vm.new_int(i.stop as i64),
            vm.new_int(i.step as i64),
        ])
        .into_object())
}

pub fn init(vm: &Vm) {
    let t = &vm.types.slice;
    t.update_slots(|s| {
        s.new = Some(slice_new);
        s.repr = Some(slice_repr);
        s.richcompare = Some(slice_richcompare);
        s.hash_none = true;
    });
    vm.add_getset(
        t,
        "start",
        |vm, o| {
            Ok(o.downcast_ref::<PySlice>()
                .map(|s| s.start.clone())
                .unwrap_or_else(|| vm.none()))
        },
        None,
    );
    vm.add_getset(
        t,
        "stop",
        |vm, o| {
            Ok(o.downcast_ref::<PySlice>()
                .map(|s| s.stop.clone())
                .unwrap_or_else(|| vm.none()))
        },
        None,
    );
    vm.add_getset(
        t,
        "step",
        |vm, o| {
            Ok(o.downcast_ref::<PySlice>()
                .map(|s| s.step.clone())
                .unwrap_or_else(|| vm.none()))
        },
        None,
    );
    vm.add_methods(
        t,
        &[
            crate::objects::descr::MethodDef::method("indices", slice_indices),
            crate::objects::descr::MethodDef::method("__reduce__", slice_reduce),
        ],
    );
}

/// `slice.__reduce__()`: `(slice, (start, stop, step))`.
fn slice_reduce(
    vm: &Vm,
    a: &[PyRef],
    _k: Option<&crate::objects::tuple::PyTuple>,
) -> crate::error::PyResult {
    let Some(s) = a.first().and_then(|o| o.downcast_ref::<PySlice>()) else {
        return Err(vm.new_type_error("descriptor '__reduce__' requires a 'slice' object"));
    };
    let args = vm.new_tuple(vec![s.start.clone(), s.stop.clone(), s.step.clone()]);
    Ok(vm
        .new_tuple(vec![
            a[0].type_().as_object().to_owned(),
            args.into_object(),
        ])
        .into_object())
}
