//! Building and unpacking opcodes: `BUILD_*`, `LIST_APPEND` and friends, `FORMAT_VALUE`,
//! `MAKE_FUNCTION`, `UNPACK_*`, `CALL_FUNCTION_EX`, unary operators.

use super::frame::Frame;
use super::opcode::*;
use super::stack_error;
use crate::error::PyResult;
use crate::object::{PyRef, Slot};
use crate::objects::code::PyCode;
use crate::objects::dict::PyDict;
use crate::objects::function::PyFunction;
use crate::objects::list::PyList;
use crate::objects::set::PySet;
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;

fn pop(vm: &Vm, f: &mut Frame) -> PyResult<PyRef> {
    f.stack.pop().flatten().ok_or_else(|| stack_error(vm))
}

fn pop_n(vm: &Vm, f: &mut Frame, n: usize) -> PyResult<Vec<PyRef>> {
    let len = f.stack.len();
    let start = len.checked_sub(n).ok_or_else(|| stack_error(vm))?;
    let items: Vec<Slot> = f.stack.drain(start..).collect();
    items
        .into_iter()
        .map(|s| s.ok_or_else(|| stack_error(vm)))
        .collect()
}

fn peek(vm: &Vm, f: &Frame, n: usize) -> PyResult<PyRef> {
    let len = f.stack.len();
    len.checked_sub(n)
        .and_then(|i| f.stack[i].clone())
        .ok_or_else(|| stack_error(vm))
}

pub fn unary(vm: &Vm, f: &mut Frame, op: u8) -> PyResult<()> {
    let v = pop(vm, f)?;
    let r = match op {
        UNARY_POSITIVE => crate::ops::number::positive(vm, &v)?,
        UNARY_NEGATIVE => crate::ops::number::negative(vm, &v)?,
        UNARY_INVERT => crate::ops::number::invert(vm, &v)?,
        _ => vm.new_bool(!crate::ops::is_true(vm, &v)?),
    };
    drop(v);
    f.stack.push(Some(r));
    Ok(())
}

/// The name CPython uses for a callable in call errors (`_PyObject_FunctionStr`).
pub fn function_str(vm: &Vm, func: &PyRef) -> String {
    let qual = crate::ops::get_attr_opt(vm, func, &vm.names.__qualname__)
        .ok()
        .flatten();
    let Some(q) = qual.and_then(|q| q.downcast::<PyStr>().ok()) else {
        return crate::ops::str_string(vm, func).unwrap_or_default();
    };
    let module = crate::ops::get_attr_opt(vm, func, &vm.names.__module__)
        .ok()
        .flatten();
    match module.and_then(|m| m.downcast::<PyStr>().ok()) {
        Some(m) if m.as_bytes() != b"builtins" => format!("{}.{}()", m, q),
        _ => format!("{}()", q),
    }
}

pub fn dispatch(vm: &Vm, f: &mut Frame, code: &PyCode, op: u8, oparg: u32) -> PyResult<()> {
    let n = oparg as usize;
    match op {
        BUILD_TUPLE => {
            let items = pop_n(vm, f, n)?;
            f.stack.push(Some(vm.new_tuple(items).into_object()));
        }
        BUILD_LIST => {
            let items = pop_n(vm, f, n)?;
            f.stack.push(Some(vm.new_list(items).into_object()));
        }
        BUILD_SET => {
            let items = pop_n(vm, f, n)?;
            let s = vm.new_set();
            for it in items {
                s.add(vm, it)?;
            }
            f.stack.push(Some(s.into_object()));
        }
        BUILD_MAP => {
            let items = pop_n(vm, f, n * 2)?;
            let d = vm.new_dict();
            let mut it = items.into_iter();
            while let (Some(k), Some(v)) = (it.next(), it.next()) {
                d.set_item(vm, k, v)?;
            }
            f.stack.push(Some(d.into_object()));
        }
        BUILD_CONST_KEY_MAP => {
            let keys = pop(vm, f)?;
            let values = pop_n(vm, f, n)?;
            let kt = keys
                .downcast_ref::<PyTuple>()
                .filter(|t| t.len() == n)
                .ok_or_else(|| vm.new_system_error("bad BUILD_CONST_KEY_MAP keys"))?;
            let d = vm.new_dict();
            for (k, v) in kt.as_slice().iter().zip(values) {
                d.set_item(vm, k.clone(), v)?;
            }
            f.stack.push(Some(d.into_object()));
        }
        BUILD_STRING => {
            let items = pop_n(vm, f, n)?;
            let mut buf = Vec::new();
            for it in &items {
                let s = it
                    .downcast_ref::<PyStr>()
                    .ok_or_else(|| vm.new_system_error("BUILD_STRING of a non-str"))?;
                buf.extend_from_slice(s.as_bytes());
            }
            f.stack
                .push(Some(vm.new_str_from_gen_utf8(&buf).into_object()));
        }
        BUILD_SLICE => {
            let step = if n == 3 { pop(vm, f)? } else { vm.none() };
            let stop = pop(vm, f)?;
            let start = pop(vm, f)?;
            f.stack.push(Some(vm.new_slice(start, stop, step)));
        }
        LIST_APPEND => {
            let v = pop(vm, f)?;
            let l = peek(vm, f, n)?;
            let l = l.downcast_ref::<PyList>().ok_or_else(|| stack_error(vm))?;
            l.push(v);
        }
        SET_ADD => {
            let v = pop(vm, f)?;
            let s = peek(vm, f, n)?;
            let s = s.downcast_ref::<PySet>().ok_or_else(|| stack_error(vm))?;
            s.add(vm, v)?;
        }
        MAP_ADD => {
            let v = pop(vm, f)?;
            let k = pop(vm, f)?;
            let d = peek(vm, f, n)?;
            let d = d.downcast_ref::<PyDict>().ok_or_else(|| stack_error(vm))?;
            d.set_item(vm, k, v)?;
        }
        LIST_EXTEND => {
            let it = pop(vm, f)?;
            let l = peek(vm, f, n)?;
            let l = l.downcast_ref::<PyList>().ok_or_else(|| stack_error(vm))?;
            match crate::ops::collect(vm, &it) {
                Ok(items) => l.with_mut(|v| v.extend(items)),
                Err(e)
                    if e.matches(&vm.exc.type_error)
                        && it.type_().slots().iter.is_none()
                        && it.type_().slots().mp_subscript.is_none() =>
                {
                    return Err(vm.new_type_error(format!(
                        "Value after * must be an iterable, not {}",
                        it.type_().name_str()
                    )));
                }
                Err(e) => return Err(e),
            }
        }
        SET_UPDATE => {
            let it = pop(vm, f)?;
            let s = peek(vm, f, n)?;
            let s = s.downcast_ref::<PySet>().ok_or_else(|| stack_error(vm))?;
            s.update_internal(vm, &it)?;
        }
        DICT_UPDATE => {
            let upd = pop(vm, f)?;
            let d = peek(vm, f, n)?;
            let d = d.downcast_ref::<PyDict>().ok_or_else(|| stack_error(vm))?;
            if let Err(e) = crate::objects::dict_methods::dict_merge(vm, d, &upd, true) {
                if e.matches(&vm.exc.attribute_error) {
                    return Err(vm.new_type_error(format!(
                        "'{}' object is not a mapping",
                        upd.type_().name_str()
                    )));
                }
                return Err(e);
            }
        }
        DICT_MERGE => {
            let upd = pop(vm, f)?;
            let d = peek(vm, f, n)?;
            let func = peek(vm, f, n + 2)?;
            let d = d.downcast_ref::<PyDict>().ok_or_else(|| stack_error(vm))?;
            crate::objects::dict_methods::dict_merge_kwargs(vm, d, &upd, &func)?;
        }
        LIST_TO_TUPLE => {
            let l = pop(vm, f)?;
            let l = l.downcast_ref::<PyList>().ok_or_else(|| stack_error(vm))?;
            f.stack.push(Some(vm.new_tuple(l.to_vec()).into_object()));
        }
        FORMAT_VALUE => {
            let spec = if oparg & 4 != 0 {
                Some(pop(vm, f)?)
            } else {
                None
            };
            let v = pop(vm, f)?;
            let v = match oparg & 3 {
                1 => crate::ops::str(vm, &v)?.into_object(),
                2 => crate::ops::repr(vm, &v)?.into_object(),
                3 => crate::objects::str_methods::ascii(vm, &v)?.into_object(),
                _ => v,
            };
            let r = match spec {
                None if v.is_type(&vm.types.str) => v,
                None => crate::ops::format(vm, &v, vm.empty_str.as_object())?.into_object(),
                Some(s) => crate::ops::format(vm, &v, &s)?.into_object(),
            };
            f.stack.push(Some(r));
        }
        MAKE_FUNCTION => {
            let codeobj = pop(vm, f)?;
            let c = codeobj
                .downcast::<PyCode>()
                .map_err(|_| vm.new_system_error("MAKE_FUNCTION without a code object"))?;
            let closure = if oparg & 8 != 0 {
                Some(pop(vm, f)?)
            } else {
                None
            };
            let annotations = if oparg & 4 != 0 {
                Some(pop(vm, f)?)
            } else {
                None
            };
            let kwdefaults = if oparg & 2 != 0 {
                Some(pop(vm, f)?)
            } else {
                None
            };
            let defaults = if oparg & 1 != 0 {
                Some(pop(vm, f)?)
            } else {
                None
            };
            let globals = f.globals.clone().ok_or_else(|| stack_error(vm))?;
            let func = vm.new_function(c, globals, None);
            if let Some(c) = closure {
                func.closure
                    .set(Some(c.downcast::<PyTuple>().map_err(|_| stack_error(vm))?));
            }
            if let Some(a) = annotations {
                func.annotations.set(Some(a));
            }
            if let Some(k) = kwdefaults {
                func.kwdefaults
                    .set(Some(k.downcast::<PyDict>().map_err(|_| stack_error(vm))?));
            }
            if let Some(d) = defaults {
                func.defaults
                    .set(Some(d.downcast::<PyTuple>().map_err(|_| stack_error(vm))?));
            }
            let _ = code;
            f.stack.push(Some(func.into_object()));
        }
        UNPACK_SEQUENCE => {
            let v = pop(vm, f)?;
            let items = crate::ops::seq::unpack_exact(vm, &v, n)?;
            drop(v);
            for it in items.into_iter().rev() {
                f.stack.push(Some(it));
            }
        }
        UNPACK_EX => {
            let v = pop(vm, f)?;
            let items = crate::ops::seq::unpack_ex(vm, &v, n & 0xff, n >> 8)?;
            drop(v);
            for it in items.into_iter().rev() {
                f.stack.push(Some(it));
            }
        }
        CALL_FUNCTION_EX => {
            let kwargs = if oparg & 1 != 0 {
                Some(pop(vm, f)?)
            } else {
                None
            };
            let callargs = pop(vm, f)?;
            let func = peek(vm, f, 1)?;
            let args: Vec<PyRef> = if let Some(t) = callargs.downcast_ref::<PyTuple>() {
                t.as_slice().to_vec()
            } else {
                if callargs.type_().slots().iter.is_none()
                    && callargs.type_().slots().mp_subscript.is_none()
                {
                    return Err(vm.new_type_error(format!(
                        "{} argument after * must be an iterable, not {}",
                        function_str(vm, &func),
                        callargs.type_().name_str()
                    )));
                }
                crate::ops::collect(vm, &callargs)?
            };
            let kw = match &kwargs {
                Some(k) => match k.downcast_ref::<PyDict>() {
                    Some(d) => Some(d),
                    None => {
                        return Err(vm.new_system_error("CALL_FUNCTION_EX kwargs is not a dict"));
                    }
                },
                None => None,
            };
            let r = if let Some(pf) = func.downcast_ref::<PyFunction>() {
                let _ = pf;
                crate::ops::call::call_with_dict(vm, &func, args, kw)
            } else {
                crate::ops::call::call_with_dict(vm, &func, args, kw)
            };
            drop(func);
            let fv = f.stack.pop();
            drop(fv);
            drop(callargs);
            drop(kwargs);
            let nul = f.stack.pop();
            drop(nul);
            f.stack.push(Some(r?));
        }
        GET_LEN => {
            let v = peek(vm, f, 1)?;
            let l = crate::ops::len(vm, &v)?;
            f.stack.push(Some(vm.new_usize(l)));
        }
        _ => return Err(stack_error(vm)),
    }
    Ok(())
}
