//! Sequence helpers: unpacking (`UNPACK_SEQUENCE`, `UNPACK_EX`) with CPython's messages.

use crate::error::PyResult;
use crate::object::{PyObject, PyRef};
use crate::objects::list::PyList;
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;

/// `unpack_iterable` for `a, b = v`: exactly `n` items.
pub fn unpack_exact(vm: &Vm, v: &PyObject, n: usize) -> PyResult<Vec<PyRef>> {
    if v.is_type(&vm.types.tuple) {
        if let Some(t) = v.downcast_ref::<PyTuple>() {
            if t.len() == n {
                return Ok(t.as_slice().to_vec());
            }
        }
    } else if v.is_type(&vm.types.list) {
        if let Some(l) = v.downcast_ref::<PyList>() {
            if l.len() == n {
                return Ok(l.to_vec());
            }
        }
    }
    let it = match crate::ops::iter(vm, v) {
        Ok(it) => it,
        Err(e) if e.matches(&vm.exc.type_error) && v.type_().slots().iter.is_none() => {
            return Err(vm.new_type_error(format!(
                "cannot unpack non-iterable {} object",
                v.type_().name_str()
            )));
        }
        Err(e) => return Err(e),
    };
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        match crate::ops::next(vm, &it)? {
            Some(x) => out.push(x),
            None => {
                return Err(vm.new_value_error(format!(
                    "not enough values to unpack (expected {}, got {})",
                    n, i
                )));
            }
        }
    }
    if crate::ops::next(vm, &it)?.is_some() {
        // CPython 3.11 never reports the actual length ("got N" is 3.12+).
        let msg = format!("too many values to unpack (expected {})", n);
        return Err(vm.new_value_error(msg));
    }
    Ok(out)
}

/// `a, *b, c = v`: `before` items, a list of the rest, `after` items.
pub fn unpack_ex(vm: &Vm, v: &PyObject, before: usize, after: usize) -> PyResult<Vec<PyRef>> {
    let it = match crate::ops::iter(vm, v) {
        Ok(it) => it,
        Err(e) if e.matches(&vm.exc.type_error) && v.type_().slots().iter.is_none() => {
            return Err(vm.new_type_error(format!(
                "cannot unpack non-iterable {} object",
                v.type_().name_str()
            )));
        }
        Err(e) => return Err(e),
    };
    let mut out = Vec::with_capacity(before + after + 1);
    for i in 0..before {
        match crate::ops::next(vm, &it)? {
            Some(x) => out.push(x),
            None => {
                return Err(vm.new_value_error(format!(
                    "not enough values to unpack (expected at least {}, got {})",
                    before + after,
                    i
                )));
            }
        }
    }
    let mut rest = Vec::new();
    while let Some(x) = crate::ops::next(vm, &it)? {
        vm.tick()?;
        rest.push(x);
    }
    if rest.len() < after {
        return Err(vm.new_value_error(format!(
            "not enough values to unpack (expected at least {}, got {})",
            before + after,
            before + rest.len()
        )));
    }
    let tail = rest.split_off(rest.len() - after);
    out.push(vm.new_list(rest).into_object());
    out.extend(tail);
    Ok(out)
}
