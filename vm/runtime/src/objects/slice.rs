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
