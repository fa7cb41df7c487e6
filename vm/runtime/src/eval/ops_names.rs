//! Name opcodes: globals, module/class namespaces (`LOAD_NAME` …), imports,
//! `LOAD_BUILD_CLASS`, `SETUP_ANNOTATIONS`, `PRINT_EXPR`.

use super::frame::Frame;
use super::opcode::*;
use super::stack_error;
use crate::error::{PyErr, PyResult};
use crate::object::PyRef;
use crate::objects::code::PyCode;
use crate::objects::dict::PyDict;
use crate::objects::str::PyStr;
use crate::vm::Vm;

pub fn name_error(vm: &Vm, name: &PyRef<PyStr>) -> PyErr {
    let e = vm.new_name_error(format!("name '{}' is not defined", name));
    e.exc().set_extra("name", name.clone_object());
    e
}

/// `LOAD_GLOBAL`: globals, then builtins.
#[inline]
pub fn load_global(vm: &Vm, f: &Frame, name: &PyRef<PyStr>) -> PyResult {
    let (Some(g), Some(b)) = (&f.globals, &f.builtins) else {
        return Err(stack_error(vm));
    };
    if g.as_object().is_type(&vm.types.dict) {
        if let Some(v) = g.get_str(name) {
            return Ok(v);
        }
    } else if let Some(v) = g.get_item(vm, name.as_object())? {
        return Ok(v);
    }
    if let Some(v) = b.get_str(name) {
        return Ok(v);
    }
    Err(name_error(vm, name))
}

/// `LOAD_GLOBAL` through the per-instruction cache of the globals entry index (`unit` is
/// the instruction's code unit). Builtins are looked up as usual.
#[inline]
pub fn load_global_cached(
    vm: &Vm,
    f: &Frame,
    code: &PyCode,
    unit: usize,
    name: &PyRef<PyStr>,
) -> PyResult {
    let (Some(g), Some(cache)) = (&f.globals, code.global_cache.get(unit)) else {
        return load_global(vm, f, name);
    };
    if !g.as_object().is_type(&vm.types.dict) {
        return load_global(vm, f, name);
    }
    let c = cache.get();
    if c != 0 {
        if let Some(v) = g.value_at_if_key(c as usize - 1, name.as_object()) {
            return Ok(v);
        }
    }
    if let Some((ix, v)) = g.get_str_ix(name) {
        cache.set(u32::try_from(ix + 1).unwrap_or(0));
        return Ok(v);
    }
    let Some(b) = &f.builtins else {
        return Err(stack_error(vm));
    };
    if let Some(v) = b.get_str(name) {
        return Ok(v);
    }
    Err(name_error(vm, name))
}

fn mapping_get(vm: &Vm, m: &PyRef, key: &PyRef<PyStr>) -> PyResult<Option<PyRef>> {
    if let Some(d) = m.downcast_ref::<PyDict>() {
        if m.is_type(&vm.types.dict) {
            return Ok(d.get_str(key));
        }
    }
    match crate::ops::getitem(vm, m, key.as_object()) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(&vm.exc.key_error) => Ok(None),
        Err(e) => Err(e),
    }
}

pub fn load_classderef(vm: &Vm, f: &mut Frame, code: &PyCode, oparg: u32) -> PyResult<()> {
    let i = oparg as usize;
    let name = code
        .localsplusnames
        .get(i)
        .ok_or_else(|| stack_error(vm))?
        .clone();
    let locals = f.locals.clone().ok_or_else(|| stack_error(vm))?;
    if let Some(v) = mapping_get(vm, &locals, &name)? {
        f.stack.push(Some(v));
        return Ok(());
    }
    let cell = f
        .fast
        .get(i)
        .cloned()
        .flatten()
        .ok_or_else(|| stack_error(vm))?;
    let c = cell
        .downcast_ref::<crate::objects::function::PyCell>()
        .ok_or_else(|| stack_error(vm))?;
    match c.contents.get() {
        Some(v) => {
            f.stack.push(Some(v));
            Ok(())
        }
        None => Err(vm.new_name_error(format!(
            "cannot access free variable '{}' where it is not associated with a value in enclosing scope",
            name
        ))),
    }
}

pub fn dispatch(vm: &Vm, f: &mut Frame, code: &PyCode, op: u8, oparg: u32) -> PyResult<()> {
    let name = || {
        code.names
            .get(oparg as usize)
            .cloned()
            .ok_or_else(|| stack_error(vm))
    };
    match op {
        STORE_GLOBAL => {
            let v = f.stack.pop().flatten().ok_or_else(|| stack_error(vm))?;
            let g = f.globals.clone().ok_or_else(|| stack_error(vm))?;
            g.set_item(vm, name()?.into_object(), v)
        }
        DELETE_GLOBAL => {
            let g = f.globals.clone().ok_or_else(|| stack_error(vm))?;
            let n = name()?;
            match g.pop_item(vm, n.as_object())? {
                Some(_) => Ok(()),
                None => Err(name_error(vm, &n)),
            }
        }
        LOAD_NAME => {
            let n = name()?;
            let locals = f
                .locals
                .clone()
                .ok_or_else(|| vm.new_system_error(format!("no locals when loading '{}'", n)))?;
            if let Some(v) = mapping_get(vm, &locals, &n)? {
                f.stack.push(Some(v));
                return Ok(());
            }
            let v = load_global(vm, f, &n)?;
            f.stack.push(Some(v));
            Ok(())
        }
        STORE_NAME => {
            let n = name()?;
            let v = f.stack.pop().flatten().ok_or_else(|| stack_error(vm))?;
            let locals = f.locals.clone().ok_or_else(|| {
                vm.new_system_error(format!("no locals found when storing '{}'", n))
            })?;
            if let Some(d) = locals.downcast_ref::<PyDict>() {
                if locals.is_type(&vm.types.dict) {
                    d.set_str(n, v);
                    return Ok(());
                }
            }
            crate::ops::setitem(vm, &locals, n.as_object(), v)
        }
        DELETE_NAME => {
            let n = name()?;
            let locals = f
                .locals
                .clone()
                .ok_or_else(|| vm.new_system_error(format!("no locals when deleting '{}'", n)))?;
            let r = if let Some(d) = locals.downcast_ref::<PyDict>() {
                d.pop_item(vm, n.as_object())?.is_some()
            } else {
                match crate::ops::delitem(vm, &locals, n.as_object()) {
                    Ok(()) => true,
                    Err(e) if e.matches(&vm.exc.key_error) => false,
                    Err(e) => return Err(e),
                }
            };
            if r { Ok(()) } else { Err(name_error(vm, &n)) }
        }
        DELETE_ATTR => {
            let o = f.stack.pop().flatten().ok_or_else(|| stack_error(vm))?;
            crate::ops::del_attr(vm, &o, &name()?)
        }
        IMPORT_NAME => {
            let fromlist = f.stack.pop().flatten().ok_or_else(|| stack_error(vm))?;
            let level = f.stack.pop().flatten().ok_or_else(|| stack_error(vm))?;
            let g = f.globals.clone().ok_or_else(|| stack_error(vm))?;
            let m = crate::modules::import::import_name_frame(
                vm,
                &name()?,
                &g,
                f.locals.as_ref(),
                &fromlist,
                &level,
            )?;
            f.stack.push(Some(m));
            Ok(())
        }
        IMPORT_FROM => {
            let m = f
                .stack
                .last()
                .cloned()
                .flatten()
                .ok_or_else(|| stack_error(vm))?;
            let v = crate::modules::import::import_from(vm, &m, &name()?)?;
            f.stack.push(Some(v));
            Ok(())
        }
        IMPORT_STAR => {
            let m = f.stack.pop().flatten().ok_or_else(|| stack_error(vm))?;
            let locals = f.locals.clone().ok_or_else(|| stack_error(vm))?;
            crate::modules::import::import_star(vm, &m, &locals)
        }
        SETUP_ANNOTATIONS => {
            let locals = f.locals.clone().ok_or_else(|| stack_error(vm))?;
            let key = vm.names.__annotations__.clone();
            if mapping_get(vm, &locals, &key)?.is_none() {
                crate::ops::setitem(vm, &locals, key.as_object(), vm.new_dict().into_object())?;
            }
            Ok(())
        }
        LOAD_BUILD_CLASS => {
            let b = f.builtins.clone().ok_or_else(|| stack_error(vm))?;
            match b.get_str(&vm.names.__build_class__) {
                Some(v) => {
                    f.stack.push(Some(v));
                    Ok(())
                }
                None => Err(vm.new_name_error("__build_class__ not found")),
            }
        }
        PRINT_EXPR => {
            let v = f.stack.pop().flatten().ok_or_else(|| stack_error(vm))?;
            if !vm.is_none(&v) {
                let r = crate::ops::repr(vm, &v)?;
                vm.write_stdout(r.to_string_lossy().as_bytes())?;
                vm.write_stdout(b"\n")?;
            }
            Ok(())
        }
        _ => Err(stack_error(vm)),
    }
}
