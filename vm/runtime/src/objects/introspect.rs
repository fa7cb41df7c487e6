//! Introspection attributes: `cell.cell_contents`, traceback (`tb_*`), frame (`f_*`) and
//! code (`co_*`) objects.

use crate::error::PyResult;
use crate::object::{PyObject, PyRef, Slot};
use crate::objects::code::PyCode;
use crate::objects::exceptions::PyTraceback;
use crate::objects::frame::PyFrameObject;
use crate::objects::function::PyCell;
use crate::vm::Vm;

fn cell_get(vm: &Vm, o: &PyObject) -> PyResult {
    let c = o
        .downcast_ref::<PyCell>()
        .ok_or_else(|| vm.new_type_error("cell expected"))?;
    c.contents
        .get()
        .ok_or_else(|| vm.new_value_error("Cell is empty"))
}
fn cell_set(vm: &Vm, o: &PyObject, v: Slot) -> PyResult<()> {
    let c = o
        .downcast_ref::<PyCell>()
        .ok_or_else(|| vm.new_type_error("cell expected"))?;
    c.contents.set(v);
    Ok(())
}
fn cell_repr(vm: &Vm, o: &PyObject) -> PyResult {
    let c = o
        .downcast_ref::<PyCell>()
        .ok_or_else(|| vm.new_type_error("cell expected"))?;
    let s = match c.contents.get() {
        Some(v) => format!(
            "<cell at {:#x}: {} object at {:#x}>",
            o.as_ptr() as usize,
            v.type_().name_str(),
            v.as_ptr() as usize
        ),
        None => format!("<cell at {:#x}: empty>", o.as_ptr() as usize),
    };
    Ok(vm.new_str(&s))
}

fn tb<'a>(vm: &Vm, o: &'a PyObject) -> PyResult<&'a PyTraceback> {
    o.downcast_ref::<PyTraceback>()
        .ok_or_else(|| vm.new_type_error("traceback expected"))
}
fn fr<'a>(vm: &Vm, o: &'a PyObject) -> PyResult<&'a PyFrameObject> {
    o.downcast_ref::<PyFrameObject>()
        .ok_or_else(|| vm.new_type_error("frame expected"))
}
fn co<'a>(vm: &Vm, o: &'a PyObject) -> PyResult<&'a PyCode> {
    o.downcast_ref::<PyCode>()
        .ok_or_else(|| vm.new_type_error("code expected"))
}
fn names(vm: &Vm, c: &PyCode, mask: u8) -> PyRef {
    let v: Vec<PyRef> = c
        .localsplusnames
        .iter()
        .zip(&c.localspluskinds)
        .filter(|(_, k)| *k & mask != 0)
        .map(|(n, _)| n.clone_object())
        .collect();
    vm.new_tuple(v).into_object()
}

pub fn init(vm: &Vm) {
    let t = &vm.types;
    vm.add_getset(&t.cell, "cell_contents", cell_get, Some(cell_set));
    t.cell.update_slots(|s| s.repr = Some(cell_repr));
    vm.add_getset(
        &t.traceback,
        "tb_next",
        |vm, o| Ok(tb(vm, o)?.next.get().unwrap_or_else(|| vm.none())),
        None,
    );
    vm.add_getset(
        &t.traceback,
        "tb_frame",
        |vm, o| Ok(tb(vm, o)?.frame.clone()),
        None,
    );
    vm.add_getset(
        &t.traceback,
        "tb_lineno",
        |vm, o| Ok(vm.new_int(i64::from(tb(vm, o)?.lineno))),
        None,
    );
    vm.add_getset(
        &t.traceback,
        "tb_lasti",
        |vm, o| Ok(vm.new_usize(tb(vm, o)?.lasti)),
        None,
    );
    vm.add_getset(
        &t.frame,
        "f_code",
        |vm, o| Ok(fr(vm, o)?.code.clone_object()),
        None,
    );
    vm.add_getset(
        &t.frame,
        "f_globals",
        |vm, o| Ok(fr(vm, o)?.globals.clone_object()),
        None,
    );
    vm.add_getset(
        &t.frame,
        "f_lineno",
        |vm, o| Ok(vm.new_int(i64::from(fr(vm, o)?.lineno()))),
        None,
    );
    vm.add_getset(
        &t.frame,
        "f_lasti",
        |vm, o| Ok(vm.new_usize(fr(vm, o)?.lasti.get())),
        None,
    );
    vm.add_getset(
        &t.frame,
        "f_builtins",
        |vm, _o| Ok(vm.builtins.clone_object()),
        None,
    );
    vm.add_getset(
        &t.frame,
        "f_back",
        |vm, o| {
            let f = fr(vm, o)?;
            let p = f.frame.get();
            if p.is_null() {
                return Ok(f.back.get().unwrap_or_else(|| vm.none()));
            }
            // SAFETY: a live frame object points at a live interpreter frame.
            let prev = unsafe { (*p).previous };
            if prev.is_null() {
                return Ok(vm.none());
            }
            // SAFETY: the chain is alive while this call runs.
            let pf = unsafe { &mut *prev };
            if let Some(fo) = &pf.frame_obj {
                return Ok(fo.clone_object());
            }
            match vm.new_frame_object(pf) {
                Some(fo) => {
                    pf.frame_obj = Some(fo.clone());
                    Ok(fo.into_object())
                }
                None => Ok(vm.none()),
            }
        },
        None,
    );
    vm.add_getset(
        &t.frame,
        "f_locals",
        |vm, o| {
            // `PyFrame_FastToLocalsWithError`: the frame's one locals mapping, refreshed.
            let f = fr(vm, o)?;
            let p = f.frame.get();
            if !p.is_null() {
                // SAFETY: non-null only while the interpreter frame is alive; no other
                // borrow of it is held across this getter.
                let live = unsafe { &mut *p };
                return crate::builtins::funcs::fast_to_locals(
                    vm,
                    &f.code,
                    &live.fast,
                    &mut live.locals,
                );
            }
            let fast = f.fast.get();
            let mut locals = f.locals.get();
            let r = crate::builtins::funcs::fast_to_locals(vm, &f.code, &fast, &mut locals);
            f.locals.set(locals);
            r
        },
        None,
    );
    let c = &t.code;
    vm.add_getset(
        c,
        "co_name",
        |vm, o| Ok(co(vm, o)?.name.clone_object()),
        None,
    );
    vm.add_getset(
        c,
        "co_qualname",
        |vm, o| Ok(co(vm, o)?.qualname.clone_object()),
        None,
    );
    vm.add_getset(
        c,
        "co_filename",
        |vm, o| Ok(co(vm, o)?.filename.clone_object()),
        None,
    );
    vm.add_getset(
        c,
        "co_firstlineno",
        |vm, o| Ok(vm.new_int(i64::from(co(vm, o)?.firstlineno))),
        None,
    );
    vm.add_getset(
        c,
        "co_argcount",
        |vm, o| Ok(vm.new_usize(co(vm, o)?.argcount)),
        None,
    );
    vm.add_getset(
        c,
        "co_posonlyargcount",
        |vm, o| Ok(vm.new_usize(co(vm, o)?.posonlyargcount)),
        None,
    );
    vm.add_getset(
        c,
        "co_kwonlyargcount",
        |vm, o| Ok(vm.new_usize(co(vm, o)?.kwonlyargcount)),
        None,
    );
    vm.add_getset(
        c,
        "co_nlocals",
        |vm, o| Ok(vm.new_usize(co(vm, o)?.nlocals)),
        None,
    );
    vm.add_getset(
        c,
        "co_flags",
        |vm, o| Ok(vm.new_int(i64::from(co(vm, o)?.flags))),
        None,
    );
    vm.add_getset(
        c,
        "co_stacksize",
        |vm, o| Ok(vm.new_usize(co(vm, o)?.stacksize)),
        None,
    );
    vm.add_getset(
        c,
        "co_varnames",
        |vm, o| Ok(names(vm, co(vm, o)?, 0x20)),
        None,
    );
    vm.add_getset(
        c,
        "co_cellvars",
        |vm, o| Ok(names(vm, co(vm, o)?, 0x40)),
        None,
    );
    vm.add_getset(
        c,
        "co_freevars",
        |vm, o| Ok(names(vm, co(vm, o)?, 0x80)),
        None,
    );
    vm.add_getset(
        c,
        "co_names",
        |vm, o| {
            Ok(vm
                .new_tuple(co(vm, o)?.names.iter().map(|n| n.clone_object()).collect())
                .into_object())
        },
        None,
    );
    vm.add_getset(
        c,
        "co_consts",
        |vm, o| Ok(vm.new_tuple(co(vm, o)?.consts.clone()).into_object()),
        None,
    );
    vm.add_getset(
        c,
        "co_code",
        |vm, o| Ok(vm.new_bytes(co(vm, o)?.code.to_vec())),
        None,
    );
}
