//! Structural pattern matching opcodes: `MATCH_MAPPING`, `MATCH_SEQUENCE`, `MATCH_KEYS`,
//! `MATCH_CLASS`.

use super::frame::Frame;
use super::opcode::*;
use super::stack_error;
use crate::error::PyResult;
use crate::object::{PyRef, PyType, TypeFlags};
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;

pub fn dispatch(vm: &Vm, f: &mut Frame, op: u8, oparg: u32) -> PyResult<()> {
    match op {
        MATCH_MAPPING | MATCH_SEQUENCE => {
            let v = f
                .stack
                .last()
                .cloned()
                .flatten()
                .ok_or_else(|| stack_error(vm))?;
            let flag = if op == MATCH_MAPPING {
                TypeFlags::MAPPING
            } else {
                TypeFlags::SEQUENCE
            };
            let r = v.type_().flags().contains(flag);
            f.stack.push(Some(vm.new_bool(r)));
            Ok(())
        }
        MATCH_KEYS => {
            let n = f.stack.len();
            if n < 2 {
                return Err(stack_error(vm));
            }
            let keys = f.stack[n - 1].clone().ok_or_else(|| stack_error(vm))?;
            let subject = f.stack[n - 2].clone().ok_or_else(|| stack_error(vm))?;
            let kt = keys
                .downcast_ref::<PyTuple>()
                .ok_or_else(|| stack_error(vm))?;
            let r = match_keys(vm, &subject, kt)?;
            f.stack.push(Some(r));
            Ok(())
        }
        MATCH_CLASS => {
            let names = f.stack.pop().flatten().ok_or_else(|| stack_error(vm))?;
            let cls = f.stack.pop().flatten().ok_or_else(|| stack_error(vm))?;
            let subject = f.stack.pop().flatten().ok_or_else(|| stack_error(vm))?;
            let nt = names
                .downcast_ref::<PyTuple>()
                .ok_or_else(|| stack_error(vm))?;
            let r = match_class(vm, &subject, &cls, oparg as usize, nt)?;
            // 3.11: the tuple of extracted attributes, or None when it does not match.
            match r {
                Some(attrs) => f.stack.push(Some(vm.new_tuple(attrs).into_object())),
                None => f.stack.push(Some(vm.none())),
            }
            Ok(())
        }
        _ => Err(stack_error(vm)),
    }
}

fn match_keys(vm: &Vm, map: &PyRef, keys: &PyTuple) -> PyResult<PyRef> {
    if keys.is_empty() {
        return Ok(vm.empty_tuple.clone_object());
    }
    let get = crate::ops::get_attr(vm, map, &vm.names.get)?;
    let dummy = vm.new_list(vec![]).into_object();
    let mut values = Vec::new();
    let seen = vm.new_set();
    for k in keys.as_slice() {
        if seen.contains(vm, k)? {
            return Err(vm.new_value_error(format!(
                "mapping pattern checks duplicate key ({})",
                crate::ops::repr_string(vm, k)?
            )));
        }
        seen.add(vm, k.clone())?;
        let v = crate::ops::call(vm, &get, &[k.clone(), dummy.clone()], None)?;
        if v.is(&dummy) {
            return Ok(vm.none());
        }
        values.push(v);
    }
    Ok(vm.new_tuple(values).into_object())
}

fn match_class_attr(
    vm: &Vm,
    subject: &PyRef,
    t: &PyType,
    name: &PyRef<PyStr>,
    seen: &mut Vec<PyRef<PyStr>>,
) -> PyResult<Option<PyRef>> {
    if seen.iter().any(|s| s.eq_str(name)) {
        return Err(vm.new_type_error(format!(
            "{}() got multiple sub-patterns for attribute '{}'",
            t.name_str(),
            name
        )));
    }
    seen.push(name.clone());
    crate::ops::get_attr_opt(vm, subject, name)
}

fn match_class(
    vm: &Vm,
    subject: &PyRef,
    cls: &PyRef,
    nargs: usize,
    names: &PyTuple,
) -> PyResult<Option<Vec<PyRef>>> {
    let Some(t) = cls.downcast_ref::<PyType>() else {
        return Err(vm.new_type_error("called match pattern must be a class"));
    };
    if !crate::ops::isinstance(vm, subject, cls)? {
        return Ok(None);
    }
    let mut seen = Vec::new();
    let mut attrs = Vec::new();
    let mut match_self = false;
    if nargs > 0 {
        let match_args = crate::ops::attr::type_getattr_opt(vm, cls, &vm.names.__match_args__)?;
        let args: Vec<PyRef> = match match_args {
            Some(ma) => match ma.downcast_ref::<PyTuple>() {
                Some(tup) => tup.as_slice().to_vec(),
                None => {
                    return Err(vm.new_type_error(format!(
                        "{}.__match_args__ must be a tuple (got {})",
                        t.name_str(),
                        ma.type_().name_str()
                    )));
                }
            },
            None => {
                match_self = t.flags().contains(TypeFlags::MATCH_SELF);
                Vec::new()
            }
        };
        let allowed = if match_self { 1 } else { args.len() };
        if allowed < nargs {
            let plural = if allowed == 1 { "" } else { "s" };
            return Err(vm.new_type_error(format!(
                "{}() accepts {} positional sub-pattern{} ({} given)",
                t.name_str(),
                allowed,
                plural,
                nargs
            )));
        }
        if match_self {
            attrs.push(subject.clone());
        } else {
            for a in args.iter().take(nargs) {
                let Ok(name) = a.clone().downcast::<PyStr>() else {
                    return Err(vm.new_type_error(format!(
                        "__match_args__ elements must be strings (got {})",
                        a.type_().name_str()
                    )));
                };
                match match_class_attr(vm, subject, t, &name, &mut seen)? {
                    Some(v) => attrs.push(v),
                    None => return Ok(None),
                }
            }
        }
    }
    for n in names.as_slice() {
        let Ok(name) = n.clone().downcast::<PyStr>() else {
            return Err(stack_error(vm));
        };
        match match_class_attr(vm, subject, t, &name, &mut seen)? {
            Some(v) => attrs.push(v),
            None => return Ok(None),
        }
    }
    Ok(Some(attrs))
}
