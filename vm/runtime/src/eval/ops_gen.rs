//! Generators and coroutines: `RETURN_GENERATOR`, resumption (`gen_send_ex`), `throw`,
//! `close`, `yield from`/`await` (`SEND`, `GET_YIELD_FROM_ITER`, `GET_AWAITABLE`).

use super::frame::Frame;
use super::opcode::*;
use super::{Exit, stack_error};
use crate::error::{PyErr, PyResult};
use crate::object::{PyObject, PyRef, Slot};
use crate::objects::code::PyCode;
use crate::objects::function::PyFunction;
use crate::objects::generator::PyGenerator;
use crate::vm::Vm;

const CO_COROUTINE: u32 = 0x80;
const CO_ITERABLE_COROUTINE: u32 = 0x100;
const CO_ASYNC_GENERATOR: u32 = 0x200;

/// `RETURN_GENERATOR`: moves the current frame into a new generator object. Returns the
/// generator and whether the frame was the loop's entry frame.
pub fn make_generator(vm: &Vm, frames: &mut Vec<Box<Frame>>) -> PyResult<(PyRef, bool)> {
    let mut fr = frames.pop().ok_or_else(|| stack_error(vm))?;
    let code = fr.code.clone().ok_or_else(|| stack_error(vm))?;
    let func = fr.func.clone();
    let (name, qualname) = match func.as_ref().and_then(|f| f.downcast_ref::<PyFunction>()) {
        Some(f) => (f.name.get(), f.qualname.get()),
        None => (code.name.clone(), code.qualname.clone()),
    };
    let t = if code.flags & CO_COROUTINE != 0 {
        &vm.types.coroutine
    } else if code.flags & CO_ASYNC_GENERATOR != 0 {
        &vm.types.async_generator
    } else {
        &vm.types.generator
    };
    let was_entry = fr.is_entry;
    fr.is_entry = false;
    fr.previous = std::ptr::null_mut();
    let g = vm.new_generator(t, fr, code, name, qualname);
    // The frame knows its generator (for `yield from` delegation and frame objects).
    if let Some(f) = g.frame_ref() {
        let p = f as *const Frame as *mut Frame;
        // SAFETY: the frame is owned by g and not running.
        unsafe { (*p).generator = g.as_object() as *const PyObject };
    }
    Ok((g.into_object(), was_entry))
}

/// What a resumed generator did.
pub enum GenResult {
    Yield(PyRef),
    Return(PyRef),
}

fn kind_name(vm: &Vm, g: &PyGenerator) -> &'static str {
    if g.as_object().is_type(&vm.types.coroutine) {
        "coroutine"
    } else if g.as_object().is_type(&vm.types.async_generator) {
        "async generator"
    } else {
        "generator"
    }
}

/// `gen_send_ex2`: resumes `g` with `arg` sent in, or with `exc` thrown in.
pub fn gen_send_ex(
    vm: &Vm,
    g: &PyGenerator,
    arg: Slot,
    exc: Option<PyErr>,
    closing: bool,
) -> PyResult<GenResult> {
    if g.running.get() {
        let msg = match kind_name(vm, g) {
            "coroutine" => "coroutine already executing",
            "async generator" => "async generator already executing",
            _ => "generator already executing",
        };
        return Err(vm.new_value_error(msg));
    }
    let Some(mut fr) = g.take_frame() else {
        if g.as_object().is_type(&vm.types.coroutine) && !closing {
            return Err(vm.new_runtime_error("cannot reuse already awaited coroutine"));
        }
        if let Some(e) = exc {
            return Err(e);
        }
        return Ok(GenResult::Return(vm.none()));
    };
    if !g.started.get() && exc.is_none() {
        if let Some(a) = &arg {
            if !vm.is_none(a) {
                g.put_frame(Some(fr));
                return Err(vm.new_type_error(format!(
                    "can't send non-None value to a just-started {}",
                    kind_name(vm, g)
                )));
            }
        }
    }
    g.started.set(true);
    fr.stack.push(Some(arg.unwrap_or_else(|| vm.none())));
    g.running.set(true);
    vm.ts.push_exc_item(g.exc_state.get());
    let (r, mut fr, exit) = super::eval(vm, fr, exc);
    let saved = vm.ts.pop_exc_item();
    g.exc_state.set(saved);
    g.running.set(false);
    match (r, exit) {
        (Ok(v), Exit::Yield) => {
            g.put_frame(Some(fr));
            Ok(GenResult::Yield(v))
        }
        (Ok(v), Exit::Return) => {
            fr.clear();
            vm.ts.recycle_frame(fr);
            Ok(GenResult::Return(v))
        }
        (Err(e), _) => {
            fr.clear();
            vm.ts.recycle_frame(fr);
            if vm.is_aborting() {
                return Err(e);
            }
            let is_async = g.as_object().is_type(&vm.types.async_generator);
            if e.matches(&vm.exc.stop_iteration)
                || (is_async && e.matches(&vm.exc.stop_async_iteration))
            {
                let msg = if e.matches(&vm.exc.stop_iteration) {
                    format!("{} raised StopIteration", kind_name(vm, g))
                } else {
                    "async generator raised StopAsyncIteration".to_string()
                };
                let new = vm.new_runtime_error(msg);
                new.exc().cause.set(Some(e.0.clone_object()));
                new.exc().context.set(Some(e.0.clone_object()));
                new.exc().suppress_context.set(true);
                return Err(new);
            }
            Err(e)
        }
    }
}

/// `next(gen)` (tp_iternext): `None` when it returned None.
pub fn gen_iternext(vm: &Vm, o: &PyObject) -> PyResult<Option<PyRef>> {
    let g = o
        .downcast_ref::<PyGenerator>()
        .ok_or_else(|| stack_error(vm))?;
    match gen_send_ex(vm, g, None, None, false)? {
        GenResult::Yield(v) => Ok(Some(v)),
        GenResult::Return(v) => {
            if vm.is_none(&v) {
                Ok(None)
            } else {
                Err(vm.new_stop_iteration(Some(v)))
            }
        }
    }
}

/// `gen.send(v)`.
pub fn gen_send(vm: &Vm, g: &PyGenerator, v: PyRef) -> PyResult {
    match gen_send_ex(vm, g, Some(v), None, false)? {
        GenResult::Yield(v) => Ok(v),
        GenResult::Return(v) => Err(return_to_stop(vm, g, v)),
    }
}

fn return_to_stop(vm: &Vm, g: &PyGenerator, v: PyRef) -> PyErr {
    if g.as_object().is_type(&vm.types.async_generator) {
        return vm.new_exception(&vm.exc.stop_async_iteration, vec![]);
    }
    if vm.is_none(&v) {
        vm.new_stop_iteration(None)
    } else {
        vm.new_stop_iteration(Some(v))
    }
}

/// The object a suspended `yield from`/`await` delegates to (`_PyGen_yf`).
pub fn yield_from_target(g: &PyGenerator) -> Option<PyRef> {
    let f = g.frame_ref()?;
    let code = f.code.as_ref()?;
    let c = &code.code;
    if f.next_instr == 0 || f.next_instr + 1 >= c.len() {
        return None;
    }
    if c[f.next_instr] == RESUME && c[f.next_instr + 1] >= 2 {
        return f.stack.last().cloned().flatten();
    }
    None
}

/// `gen.throw(exc)`.
pub fn gen_throw(vm: &Vm, g: &PyGenerator, exc: PyErr) -> PyResult {
    if let Some(yf) = yield_from_target(g) {
        if exc.matches(&vm.exc.generator_exit) {
            g.running.set(true);
            let r = gen_close_iter(vm, &yf);
            g.running.set(false);
            if let Err(e) = r {
                return finish_throw(vm, g, e);
            }
        } else {
            g.running.set(true);
            let r = if let Some(sub) = yf.downcast_ref::<PyGenerator>() {
                gen_throw(vm, sub, exc)
            } else {
                match crate::ops::get_attr_opt(vm, &yf, &vm.names.throw) {
                    Ok(Some(m)) => crate::ops::call(vm, &m, &[exc.into_object()], None),
                    Ok(None) => {
                        g.running.set(false);
                        return finish_throw(vm, g, exc);
                    }
                    Err(e) => Err(e),
                }
            };
            g.running.set(false);
            return match r {
                Ok(v) => Ok(v),
                Err(e) => {
                    // The delegate finished: pop it, jump past the SEND loop, and resume
                    // with its return value or its error (as `_gen_throw` does).
                    pop_delegate_and_jump(g);
                    if e.matches(&vm.exc.stop_iteration) && !vm.is_aborting() {
                        let val = e.exc().get_extra("value").unwrap_or_else(|| vm.none());
                        return match gen_send_ex(vm, g, Some(val), None, false)? {
                            GenResult::Yield(v) => Ok(v),
                            GenResult::Return(v) => Err(return_to_stop(vm, g, v)),
                        };
                    }
                    finish_throw(vm, g, e)
                }
            };
        }
    }
    finish_throw(vm, g, exc)
}

/// Pops the `yield from` delegate and moves to the `SEND`'s jump target.
fn pop_delegate_and_jump(g: &PyGenerator) {
    let Some(mut fr) = g.take_frame() else { return };
    let x = fr.stack.pop();
    drop(x);
    if let Some(code) = fr.code.clone() {
        let c = &code.code;
        if let Some(send) = fr.next_instr.checked_sub(4) {
            if c.get(send) == Some(&SEND) {
                let oparg = c.get(send + 1).copied().unwrap_or(0) as usize;
                fr.next_instr = send + 2 + oparg * 2;
            }
        }
    }
    g.put_frame(Some(fr));
}

fn finish_throw(vm: &Vm, g: &PyGenerator, exc: PyErr) -> PyResult {
    match gen_send_ex(vm, g, None, Some(exc), false)? {
        GenResult::Yield(v) => Ok(v),
        GenResult::Return(v) => Err(return_to_stop(vm, g, v)),
    }
}

fn gen_close_iter(vm: &Vm, yf: &PyObject) -> PyResult<()> {
    if let Some(g) = yf.downcast_ref::<PyGenerator>() {
        return gen_close(vm, g);
    }
    if let Some(m) = crate::ops::get_attr_opt(vm, yf, &vm.names.close)? {
        crate::ops::call(vm, &m, &[], None)?;
    }
    Ok(())
}

/// `gen.close()`.
pub fn gen_close(vm: &Vm, g: &PyGenerator) -> PyResult<()> {
    if g.frame_ref().is_none() {
        return Ok(());
    }
    if !g.started.get() {
        if let Some(mut fr) = g.take_frame() {
            fr.clear();
        }
        return Ok(());
    }
    let mut err = None;
    if let Some(yf) = yield_from_target(g) {
        g.running.set(true);
        if let Err(e) = gen_close_iter(vm, &yf) {
            err = Some(e);
        }
        g.running.set(false);
    }
    let exc = err.unwrap_or_else(|| vm.new_exception(&vm.exc.generator_exit, vec![]));
    match gen_send_ex(vm, g, None, Some(exc), true) {
        Ok(GenResult::Yield(_)) => {
            Err(vm.new_runtime_error(format!("{} ignored GeneratorExit", kind_name(vm, g))))
        }
        Ok(GenResult::Return(_)) => Ok(()),
        Err(e)
            if !vm.is_aborting()
                && (e.matches(&vm.exc.generator_exit) || e.matches(&vm.exc.stop_iteration)) =>
        {
            Ok(())
        }
        Err(e) => Err(e),
    }
}

/// `_PyCoro_GetAwaitableIter` (+ the 3.11 checks of `GET_AWAITABLE`).
pub fn get_awaitable(vm: &Vm, o: &PyObject, _where: u32) -> PyResult {
    if o.is_type(&vm.types.coroutine) {
        if let Some(g) = o.downcast_ref::<PyGenerator>() {
            if yield_from_target(g).is_some() {
                return Err(vm.new_runtime_error("coroutine is being awaited already"));
            }
        }
        return Ok(o.to_owned());
    }
    if let Some(g) = o.downcast_ref::<PyGenerator>() {
        if g.code.flags & CO_ITERABLE_COROUTINE != 0 {
            return Ok(o.to_owned());
        }
    }
    let Some(m) = crate::objects::typeobject::lookup_special(vm, o, &vm.names.__await__) else {
        return Err(vm.new_type_error(format!(
            "object {} can't be used in 'await' expression",
            o.type_().name_str()
        )));
    };
    let r = crate::ops::call(vm, &m, &[], None)?;
    if r.is_type(&vm.types.coroutine) || r.type_().slots().iternext.is_none() {
        return Err(vm.new_type_error(format!(
            "__await__() returned non-iterator of type '{}'",
            r.type_().name_str()
        )));
    }
    Ok(r)
}

pub fn dispatch(
    vm: &Vm,
    f: &mut Frame,
    code: &PyCode,
    op: u8,
    oparg: u32,
    next: usize,
) -> PyResult<()> {
    match op {
        GET_YIELD_FROM_ITER => {
            let v = f
                .stack
                .last()
                .cloned()
                .flatten()
                .ok_or_else(|| stack_error(vm))?;
            if v.is_type(&vm.types.coroutine) {
                if code.flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE) == 0 {
                    return Err(vm.new_type_error(
                        "cannot 'yield from' a coroutine object in a non-coroutine generator",
                    ));
                }
            } else if !v.is_type(&vm.types.generator) {
                let it = crate::ops::iter(vm, &v)?;
                let old = f.stack.pop();
                drop(old);
                f.stack.push(Some(it));
            }
            Ok(())
        }
        SEND => {
            let v = f.stack.pop().flatten().ok_or_else(|| stack_error(vm))?;
            let recv = f
                .stack
                .last()
                .cloned()
                .flatten()
                .ok_or_else(|| stack_error(vm))?;
            let res = if let Some(g) = recv
                .downcast_ref::<PyGenerator>()
                .filter(|_| recv.is_type(&vm.types.generator) || recv.is_type(&vm.types.coroutine))
            {
                gen_send_ex(vm, g, Some(v), None, false)?
            } else if vm.is_none(&v) && recv.type_().slots().iternext.is_some() {
                match crate::ops::next_raw(vm, &recv) {
                    Ok(Some(x)) => GenResult::Yield(x),
                    Ok(None) => GenResult::Return(vm.none()),
                    Err(e) if e.matches(&vm.exc.stop_iteration) && !vm.is_aborting() => {
                        GenResult::Return(e.exc().get_extra("value").unwrap_or_else(|| vm.none()))
                    }
                    Err(e) => return Err(e),
                }
            } else {
                match crate::ops::call_method(vm, &recv, &vm.names.send, &[v]) {
                    Ok(x) => GenResult::Yield(x),
                    Err(e) if e.matches(&vm.exc.stop_iteration) && !vm.is_aborting() => {
                        GenResult::Return(e.exc().get_extra("value").unwrap_or_else(|| vm.none()))
                    }
                    Err(e) => return Err(e),
                }
            };
            match res {
                GenResult::Yield(x) => f.stack.push(Some(x)),
                GenResult::Return(x) => {
                    let old = f.stack.pop();
                    drop(old);
                    f.stack.push(Some(x));
                    f.next_instr = next + oparg as usize * 2;
                }
            }
            Ok(())
        }
        GET_AWAITABLE => {
            let v = f.stack.pop().flatten().ok_or_else(|| stack_error(vm))?;
            let r = get_awaitable(vm, &v, oparg)?;
            f.stack.push(Some(r));
            Ok(())
        }
        _ => crate::objects::asyncgen::dispatch(vm, f, op),
    }
}
