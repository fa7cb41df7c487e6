//! Async generators (CPython's `Objects/genobject.c`, "Async Generator" sections): the
//! `async_generator` methods (`__aiter__`, `__anext__`, `asend`, `athrow`, `aclose`),
//! the `async_generator_asend` / `async_generator_athrow` awaitables, the
//! `async_generator_wrapped_value` box `ASYNC_GEN_WRAP` puts around values yielded by
//! an async generator (so the awaitables can tell them from values the generator's own
//! `await`s pass through), the finalizer hooks of `sys.set_asyncgen_hooks`, and the
//! `async for` opcodes (`GET_AITER`, `GET_ANEXT`, `END_ASYNC_FOR`, `ASYNC_GEN_WRAP`).

use crate::argparse;
use crate::error::{PyErr, PyResult};
use crate::eval::frame::Frame;
use crate::eval::ops_gen::{self, GenResult};
use crate::object::alloc::{alloc, drop_payload};
use crate::object::typeobj::{Layout, LayoutOps};
use crate::object::{PyObject, PyPayload, PyRef, PyType, Slot};
use crate::objects::descr::MethodDef;
use crate::objects::function::Field;
use crate::objects::generator::PyGenerator;
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;
use std::cell::Cell;

const STATE_INIT: u8 = 0;
const STATE_ITER: u8 = 1;
const STATE_CLOSED: u8 = 2;

const NON_INIT_CORO_MSG: &str = "can't send non-None value to a just-started coroutine";
const ASYNC_GEN_IGNORED_EXIT_MSG: &str = "async generator ignored GeneratorExit";

/// `PyAsyncGenASend`: the awaitable of `__anext__()` / `asend(v)`.
#[repr(C)]
pub struct PyAsyncGenASend {
    pub ob: PyObject,
    pub ag: PyRef,
    pub sendval: Field<Slot>,
    pub state: Cell<u8>,
}

/// `PyAsyncGenAThrow`: the awaitable of `athrow(...)` (args set) or `aclose()` (None).
#[repr(C)]
pub struct PyAsyncGenAThrow {
    pub ob: PyObject,
    pub ag: PyRef,
    pub args: Field<Slot>,
    pub state: Cell<u8>,
}

/// `_PyAsyncGenWrappedValue`.
#[repr(C)]
pub struct PyAsyncGenWrappedValue {
    pub ob: PyObject,
    pub val: Field<Slot>,
}

// SAFETY: #[repr(C)] with the header first. These share the Native layout with other
// native types, so they are only ever viewed through the type-checking casts below,
// never through `downcast_ref`.
unsafe impl PyPayload for PyAsyncGenASend {
    const LAYOUT: Layout = Layout::Native;
}
// SAFETY: as above.
unsafe impl PyPayload for PyAsyncGenAThrow {
    const LAYOUT: Layout = Layout::Native;
}
// SAFETY: as above.
unsafe impl PyPayload for PyAsyncGenWrappedValue {
    const LAYOUT: Layout = Layout::Native;
}

const ASEND_NAME: &str = "async_generator_asend";
const ATHROW_NAME: &str = "async_generator_athrow";
const WRAPPED_NAME: &str = "async_generator_wrapped_value";

/// Whether `o` is an instance of the (non-subclassable, native) type named `name`.
fn is_native(o: &PyObject, name: &str) -> bool {
    let t = o.type_();
    t.layout == Layout::Native && !t.is_heap() && t.name_str() == name
}

fn as_asend(o: &PyObject) -> Option<&PyAsyncGenASend> {
    // SAFETY: the type check guarantees the payload.
    is_native(o, ASEND_NAME).then(|| unsafe { &*(o as *const PyObject as *const PyAsyncGenASend) })
}
fn as_athrow(o: &PyObject) -> Option<&PyAsyncGenAThrow> {
    // SAFETY: the type check guarantees the payload.
    is_native(o, ATHROW_NAME)
        .then(|| unsafe { &*(o as *const PyObject as *const PyAsyncGenAThrow) })
}
fn as_wrapped(o: &PyObject) -> Option<&PyAsyncGenWrappedValue> {
    // SAFETY: the type check guarantees the payload.
    is_native(o, WRAPPED_NAME)
        .then(|| unsafe { &*(o as *const PyObject as *const PyAsyncGenWrappedValue) })
}

fn asend_traverse(o: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(a) = as_asend(o) {
        visit(&a.ag);
        if let Some(v) = a.sendval.borrow() {
            visit(v);
        }
    }
}
fn athrow_traverse(o: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(a) = as_athrow(o) {
        visit(&a.ag);
        if let Some(v) = a.args.borrow() {
            visit(v);
        }
    }
}
fn wrapped_traverse(o: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(w) = as_wrapped(o) {
        if let Some(v) = w.val.borrow() {
            visit(v);
        }
    }
}

/// The awaitable types of this VM (created on first use, kept in `vm.extra_types`).
fn native_type(vm: &Vm, name: &'static str) -> PyRef<PyType> {
    if let Some(t) = vm
        .extra_types
        .borrow()
        .iter()
        .find(|t| t.layout == Layout::Native && t.name_str() == name)
    {
        return t.clone();
    }
    use crate::object::TypeFlags as F;
    use crate::vm::bootstrap::TypeDef;
    let gc = F::HAVE_GC;
    match name {
        ASEND_NAME => vm.new_static_type(
            &TypeDef::new(
                ASEND_NAME,
                Layout::Native,
                std::mem::size_of::<PyAsyncGenASend>(),
                LayoutOps::fixed(drop_payload::<PyAsyncGenASend>),
            )
            .flags(gc),
            &vm.types.object,
            |t| {
                t.update_slots(|s| {
                    s.iter = Some(crate::objects::iter_impl::self_iter);
                    s.iternext = Some(asend_iternext);
                    s.traverse = Some(asend_traverse);
                    s.new = None;
                });
                vm.add_methods(
                    t,
                    &[
                        MethodDef::method("send", asend_send_m),
                        MethodDef::method("throw", asend_throw_m),
                        MethodDef::method("close", asend_close_m),
                        MethodDef::method("__await__", self_m),
                    ],
                );
            },
        ),
        ATHROW_NAME => vm.new_static_type(
            &TypeDef::new(
                ATHROW_NAME,
                Layout::Native,
                std::mem::size_of::<PyAsyncGenAThrow>(),
                LayoutOps::fixed(drop_payload::<PyAsyncGenAThrow>),
            )
            .flags(gc),
            &vm.types.object,
            |t| {
                t.update_slots(|s| {
                    s.iter = Some(crate::objects::iter_impl::self_iter);
                    s.iternext = Some(athrow_iternext);
                    s.traverse = Some(athrow_traverse);
                    s.new = None;
                });
                vm.add_methods(
                    t,
                    &[
                        MethodDef::method("send", athrow_send_m),
                        MethodDef::method("throw", athrow_throw_m),
                        MethodDef::method("close", athrow_close_m),
                        MethodDef::method("__await__", self_m),
                    ],
                );
            },
        ),
        _ => vm.new_static_type(
            &TypeDef::new(
                WRAPPED_NAME,
                Layout::Native,
                std::mem::size_of::<PyAsyncGenWrappedValue>(),
                LayoutOps::fixed(drop_payload::<PyAsyncGenWrappedValue>),
            )
            .flags(gc),
            &vm.types.object,
            |t| {
                t.update_slots(|s| {
                    s.traverse = Some(wrapped_traverse);
                    s.new = None;
                });
            },
        ),
    }
}

fn self_m(_vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    Ok(a[0].clone())
}

fn agen<'a>(vm: &Vm, o: &'a PyObject) -> PyResult<&'a PyGenerator> {
    if !o.is_type(&vm.types.async_generator) {
        return Err(vm.new_type_error("async_generator expected"));
    }
    o.downcast_ref::<PyGenerator>()
        .ok_or_else(|| vm.new_type_error("async_generator expected"))
}

/// `async_gen_init_hooks`: on the first `__anext__`/`asend`/`athrow`/`aclose`, remember
/// the thread's finalizer and call its `firstiter` hook.
fn init_hooks(vm: &Vm, o: &PyObject, g: &PyGenerator) -> PyResult<()> {
    if g.ag_hooks_inited.get() {
        return Ok(());
    }
    g.ag_hooks_inited.set(true);
    if let Some(fin) = vm.ts.asyncgen_finalizer.get() {
        g.ag_finalizer.set(Some(fin));
    }
    if let Some(first) = vm.ts.asyncgen_firstiter.get() {
        crate::ops::call(vm, &first, &[o.to_owned()], None)?;
    }
    Ok(())
}

fn new_asend(vm: &Vm, ag: &PyObject, sendval: Slot) -> PyRef {
    let t = native_type(vm, ASEND_NAME);
    alloc(
        &t,
        PyAsyncGenASend {
            ob: crate::object::header(),
            ag: ag.to_owned(),
            sendval: Field::new(sendval),
            state: Cell::new(STATE_INIT),
        },
    )
    .into_object()
}

fn new_athrow(vm: &Vm, ag: &PyObject, args: Slot) -> PyRef {
    let t = native_type(vm, ATHROW_NAME);
    alloc(
        &t,
        PyAsyncGenAThrow {
            ob: crate::object::header(),
            ag: ag.to_owned(),
            args: Field::new(args),
            state: Cell::new(STATE_INIT),
        },
    )
    .into_object()
}

/// `async_gen_anext`: `ag.__anext__()`.
pub fn anext(vm: &Vm, o: &PyObject) -> PyResult {
    let g = agen(vm, o)?;
    init_hooks(vm, o, g)?;
    Ok(new_asend(vm, o, None))
}

fn aiter_m(_vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    Ok(a[0].clone())
}
fn anext_m(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "__anext__", &a[1..], k, 0)?;
    anext(vm, &a[0])
}
fn asend_m(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "asend", &a[1..], k, 1)?;
    let g = agen(vm, &a[0])?;
    init_hooks(vm, &a[0], g)?;
    Ok(new_asend(vm, &a[0], Some(a[1].clone())))
}
fn athrow_m(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::no_kw(vm, "athrow", k)?;
    let n = a.len() - 1;
    if n == 0 {
        return Err(vm.new_type_error("athrow expected at least 1 argument, got 0"));
    }
    if n > 3 {
        return Err(vm.new_type_error(format!("athrow expected at most 3 arguments, got {n}")));
    }
    let g = agen(vm, &a[0])?;
    init_hooks(vm, &a[0], g)?;
    let args = vm.new_tuple(a[1..].to_vec()).into_object();
    Ok(new_athrow(vm, &a[0], Some(args)))
}
fn aclose_m(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "aclose", &a[1..], k, 0)?;
    let g = agen(vm, &a[0])?;
    init_hooks(vm, &a[0], g)?;
    Ok(new_athrow(vm, &a[0], None))
}

/// `async_gen_unwrap_value`: a wrapped value (an `async yield`) becomes
/// `StopIteration(value)`; the end of the generator marks it closed.
fn unwrap_value(vm: &Vm, g: &PyGenerator, r: PyResult) -> PyResult {
    match r {
        Err(e) => {
            if !vm.is_aborting()
                && (e.matches(&vm.exc.stop_async_iteration) || e.matches(&vm.exc.generator_exit))
            {
                g.ag_closed.set(true);
            }
            g.ag_running_async.set(false);
            Err(e)
        }
        Ok(v) => {
            if let Some(w) = as_wrapped(&v) {
                let val = w.val.get().unwrap_or_else(|| vm.none());
                g.ag_running_async.set(false);
                return Err(stop_iteration_value(vm, val));
            }
            Ok(v)
        }
    }
}

/// `_PyGen_SetStopIterationValue`.
fn stop_iteration_value(vm: &Vm, v: PyRef) -> PyErr {
    if vm.is_none(&v) {
        vm.new_stop_iteration(None)
    } else {
        vm.new_stop_iteration(Some(v))
    }
}

/// `gen_send(gen, arg)` of an async generator: the generator's return is
/// StopAsyncIteration.
fn send_gen(vm: &Vm, g: &PyGenerator, arg: Slot) -> PyResult {
    match ops_gen::gen_send_ex(vm, g, arg, None, false)? {
        GenResult::Yield(v) => Ok(v),
        GenResult::Return(_) => Err(vm.new_exception(&vm.exc.stop_async_iteration, vec![])),
    }
}

/// Builds the exception `throw(typ[, val[, tb]])` raises (`_gen_throw`'s argument
/// checks).
fn throw_exception(vm: &Vm, args: &[PyRef]) -> PyResult<PyErr> {
    let typ = &args[0];
    let exc = if let Some(val) = args.get(1).filter(|v| !vm.is_none(v)) {
        if val
            .downcast_ref::<crate::objects::exceptions::PyBaseException>()
            .is_some()
        {
            val.clone()
        } else {
            crate::ops::call(vm, typ, &[val.clone()], None)?
        }
    } else {
        typ.clone()
    };
    let e = crate::eval::ops_exc_make(vm, exc)?;
    if let Some(tb) = args.get(2).filter(|v| !vm.is_none(v)) {
        e.traceback.set(Some(tb.clone()));
    }
    Ok(PyErr(e))
}

fn throw_args<'a>(vm: &Vm, name: &str, a: &'a [PyRef]) -> PyResult<&'a [PyRef]> {
    let n = a.len();
    if n == 0 {
        return Err(vm.new_type_error(format!("{name} expected at least 1 argument, got 0")));
    }
    if n > 3 {
        return Err(vm.new_type_error(format!("{name} expected at most 3 arguments, got {n}")));
    }
    Ok(a)
}

// ---- async_generator_asend ----

fn asend_send(vm: &Vm, o: &PyAsyncGenASend, arg: Slot) -> PyResult {
    if o.state.get() == STATE_CLOSED {
        return Err(vm.new_runtime_error("cannot reuse already awaited __anext__()/asend()"));
    }
    let g = agen(vm, &o.ag)?;
    let mut arg = arg;
    if o.state.get() == STATE_INIT {
        if g.ag_running_async.get() {
            return Err(vm.new_runtime_error("anext(): asynchronous generator is already running"));
        }
        if arg.as_ref().is_none_or(|a| vm.is_none(a)) {
            arg = o.sendval.get();
        }
        o.state.set(STATE_ITER);
    }
    g.ag_running_async.set(true);
    let r = send_gen(vm, g, arg);
    let r = unwrap_value(vm, g, r);
    if r.is_err() {
        o.state.set(STATE_CLOSED);
    }
    r
}

fn asend_iternext(vm: &Vm, o: &PyObject) -> PyResult<Option<PyRef>> {
    let a = as_asend(o).ok_or_else(|| vm.new_type_error("asend expected"))?;
    asend_send(vm, a, None).map(Some)
}
fn asend_send_m(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "send", &a[1..], k, 1)?;
    let o = as_asend(&a[0]).ok_or_else(|| vm.new_type_error("asend expected"))?;
    asend_send(vm, o, Some(a[1].clone()))
}
fn asend_throw_m(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::no_kw(vm, "throw", k)?;
    let o = as_asend(&a[0]).ok_or_else(|| vm.new_type_error("asend expected"))?;
    if o.state.get() == STATE_CLOSED {
        return Err(vm.new_runtime_error("cannot reuse already awaited __anext__()/asend()"));
    }
    let args = throw_args(vm, "throw", &a[1..])?;
    let g = agen(vm, &o.ag)?;
    let exc = throw_exception(vm, args)?;
    let r = ops_gen::gen_throw(vm, g, exc);
    let r = unwrap_value(vm, g, r);
    if r.is_err() {
        o.state.set(STATE_CLOSED);
    }
    r
}
fn asend_close_m(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    if let Some(o) = as_asend(&a[0]) {
        o.state.set(STATE_CLOSED);
    }
    Ok(vm.none())
}

// ---- async_generator_athrow ----

fn athrow_send(vm: &Vm, o: &PyAsyncGenAThrow, arg: PyRef) -> PyResult {
    if o.state.get() == STATE_CLOSED {
        return Err(vm.new_runtime_error("cannot reuse already awaited aclose()/athrow()"));
    }
    let g = agen(vm, &o.ag)?;
    if g.is_finished() {
        o.state.set(STATE_CLOSED);
        return Err(vm.new_stop_iteration(None));
    }
    let args = o.args.get();
    let aclose = args.is_none();
    if o.state.get() == STATE_INIT {
        if g.ag_running_async.get() {
            o.state.set(STATE_CLOSED);
            return Err(vm.new_runtime_error(if aclose {
                "aclose(): asynchronous generator is already running"
            } else {
                "athrow(): asynchronous generator is already running"
            }));
        }
        if g.ag_closed.get() {
            o.state.set(STATE_CLOSED);
            return Err(vm.new_exception(&vm.exc.stop_async_iteration, vec![]));
        }
        if !vm.is_none(&arg) {
            return Err(vm.new_runtime_error(NON_INIT_CORO_MSG));
        }
        o.state.set(STATE_ITER);
        g.ag_running_async.set(true);
        let r = match &args {
            None => {
                g.ag_closed.set(true);
                let exc = vm.new_exception(&vm.exc.generator_exit, vec![]);
                let r = ops_gen::gen_throw(vm, g, exc);
                if let Ok(v) = &r {
                    if as_wrapped(v).is_some() {
                        return Err(yield_close(vm, o, g));
                    }
                }
                r
            }
            Some(t) => {
                let items = t
                    .downcast_ref::<PyTuple>()
                    .map(|t| t.as_slice().to_vec())
                    .unwrap_or_default();
                let items = throw_args(vm, "athrow", &items)?;
                let exc = throw_exception(vm, items)?;
                let r = ops_gen::gen_throw(vm, g, exc);
                unwrap_value(vm, g, r)
            }
        };
        return match r {
            Ok(v) => Ok(v),
            Err(e) => Err(check_error(vm, o, g, e)),
        };
    }
    let r = send_gen(vm, g, Some(arg));
    if !aclose {
        return unwrap_value(vm, g, r);
    }
    match r {
        Ok(v) if as_wrapped(&v).is_some() => Err(yield_close(vm, o, g)),
        Ok(v) => Ok(v),
        Err(e) => Err(check_error(vm, o, g, e)),
    }
}

fn yield_close(vm: &Vm, o: &PyAsyncGenAThrow, g: &PyGenerator) -> PyErr {
    g.ag_running_async.set(false);
    o.state.set(STATE_CLOSED);
    vm.new_runtime_error(ASYNC_GEN_IGNORED_EXIT_MSG)
}

fn check_error(vm: &Vm, o: &PyAsyncGenAThrow, g: &PyGenerator, e: PyErr) -> PyErr {
    g.ag_running_async.set(false);
    o.state.set(STATE_CLOSED);
    if !vm.is_aborting()
        && o.args.borrow().is_none()
        && (e.matches(&vm.exc.stop_async_iteration) || e.matches(&vm.exc.generator_exit))
    {
        return vm.new_stop_iteration(None);
    }
    e
}

fn athrow_iternext(vm: &Vm, o: &PyObject) -> PyResult<Option<PyRef>> {
    let a = as_athrow(o).ok_or_else(|| vm.new_type_error("athrow expected"))?;
    athrow_send(vm, a, vm.none()).map(Some)
}
fn athrow_send_m(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "send", &a[1..], k, 1)?;
    let o = as_athrow(&a[0]).ok_or_else(|| vm.new_type_error("athrow expected"))?;
    athrow_send(vm, o, a[1].clone())
}
fn athrow_throw_m(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::no_kw(vm, "throw", k)?;
    let o = as_athrow(&a[0]).ok_or_else(|| vm.new_type_error("athrow expected"))?;
    if o.state.get() == STATE_CLOSED {
        return Err(vm.new_runtime_error("cannot reuse already awaited aclose()/athrow()"));
    }
    let args = throw_args(vm, "throw", &a[1..])?;
    let g = agen(vm, &o.ag)?;
    let exc = throw_exception(vm, args)?;
    let r = ops_gen::gen_throw(vm, g, exc);
    if o.args.borrow().is_some() {
        return unwrap_value(vm, g, r);
    }
    match r {
        Ok(v) if as_wrapped(&v).is_some() => {
            g.ag_running_async.set(false);
            o.state.set(STATE_CLOSED);
            Err(vm.new_runtime_error(ASYNC_GEN_IGNORED_EXIT_MSG))
        }
        Err(e)
            if !vm.is_aborting()
                && (e.matches(&vm.exc.stop_async_iteration)
                    || e.matches(&vm.exc.generator_exit)) =>
        {
            Err(vm.new_stop_iteration(None))
        }
        r => r,
    }
}
fn athrow_close_m(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    if let Some(o) = as_athrow(&a[0]) {
        o.state.set(STATE_CLOSED);
    }
    Ok(vm.none())
}

// ---- finalization ----

/// The async-generator part of `_PyGen_Finalize`: a generator whose hooks gave it a
/// finalizer and that is not closed is handed to the finalizer. Returns whether it was.
pub fn finalize_hook(vm: &Vm, o: &PyObject) -> bool {
    if !o.is_type(&vm.types.async_generator) {
        return false;
    }
    let Some(g) = o.downcast_ref::<PyGenerator>() else {
        return false;
    };
    if g.ag_closed.get() {
        return false;
    }
    let Some(fin) = g.ag_finalizer.get() else {
        return false;
    };
    if let Err(e) = crate::ops::call(vm, &fin, &[o.to_owned()], None) {
        if !vm.is_aborting() {
            crate::modules::sys::write_unraisable(vm, e, Some(o));
        }
    }
    true
}

// ---- sys.set_asyncgen_hooks / sys.get_asyncgen_hooks ----

fn is_callable(o: &PyObject) -> bool {
    use crate::object::Layout::*;
    matches!(o.type_().layout, Function | BuiltinFunction | Method)
        || o.type_().slots().call.is_some()
}

/// `sys.set_asyncgen_hooks(firstiter=<unset>, finalizer=<unset>)`.
pub fn set_asyncgen_hooks(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    let (pos, kws) = crate::ops::call::split_args(a, k);
    if pos.len() > 2 {
        return Err(vm.new_type_error(format!(
            "set_asyncgen_hooks() takes at most 2 arguments ({} given)",
            pos.len()
        )));
    }
    let mut firstiter: Option<PyRef> = pos.first().cloned();
    let mut finalizer: Option<PyRef> = pos.get(1).cloned();
    for (name, v) in kws {
        let n = crate::ops::str_string(vm, name)?;
        match n.as_str() {
            "firstiter" if firstiter.is_none() => firstiter = Some(v.clone()),
            "finalizer" if finalizer.is_none() => finalizer = Some(v.clone()),
            "firstiter" | "finalizer" => {
                return Err(vm.new_type_error(format!(
                    "argument for set_asyncgen_hooks() given by name ('{n}') and position"
                )));
            }
            _ => {
                return Err(vm.new_type_error(format!(
                    "'{n}' is an invalid keyword argument for set_asyncgen_hooks()"
                )));
            }
        }
    }
    for (what, v) in [("finalizer", &finalizer), ("firstiter", &firstiter)] {
        if let Some(v) = v {
            if !vm.is_none(v) && !is_callable(v) {
                return Err(vm.new_type_error(format!(
                    "callable {what} expected, got {}",
                    v.type_().name_str()
                )));
            }
        }
    }
    let norm = |v: PyRef| if vm.is_none(&v) { None } else { Some(v) };
    if let Some(f) = finalizer {
        vm.ts.asyncgen_finalizer.set(norm(f));
    }
    if let Some(f) = firstiter {
        vm.ts.asyncgen_firstiter.set(norm(f));
    }
    Ok(vm.none())
}

/// `sys.get_asyncgen_hooks()`: the `(firstiter, finalizer)` pair.
pub fn get_asyncgen_hooks(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "get_asyncgen_hooks", a, k, 0)?;
    let f = vm.ts.asyncgen_firstiter.get().unwrap_or_else(|| vm.none());
    let g = vm.ts.asyncgen_finalizer.get().unwrap_or_else(|| vm.none());
    Ok(vm.new_tuple(vec![f, g]).into_object())
}

// ---- opcodes ----

fn pop(vm: &Vm, f: &mut Frame) -> PyResult<PyRef> {
    f.stack
        .pop()
        .flatten()
        .ok_or_else(|| vm.new_system_error("stack underflow"))
}

/// `GET_AITER`, `GET_ANEXT`, `END_ASYNC_FOR` and `ASYNC_GEN_WRAP`.
pub fn dispatch(vm: &Vm, f: &mut Frame, op: u8) -> PyResult<()> {
    use crate::eval::opcode::*;
    match op {
        GET_AITER => {
            let obj = pop(vm, f)?;
            let aiter = vm.intern("__aiter__");
            let Some(m) = crate::objects::typeobject::lookup_special(vm, &obj, &aiter) else {
                return Err(vm.new_type_error(format!(
                    "'async for' requires an object with __aiter__ method, got {}",
                    obj.type_().name_str()
                )));
            };
            let it = crate::ops::call(vm, &m, &[], None)?;
            drop(obj);
            if it.type_().lookup(&vm.intern("__anext__")).is_none() {
                return Err(vm.new_type_error(format!(
                    "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                    it.type_().name_str()
                )));
            }
            f.stack.push(Some(it));
            Ok(())
        }
        GET_ANEXT => {
            let aiter = f
                .stack
                .last()
                .cloned()
                .flatten()
                .ok_or_else(|| vm.new_system_error("stack underflow"))?;
            let awaitable = if aiter.is_type(&vm.types.async_generator) {
                anext(vm, &aiter)?
            } else {
                let name = vm.intern("__anext__");
                let Some(m) = crate::objects::typeobject::lookup_special(vm, &aiter, &name) else {
                    return Err(vm.new_type_error(format!(
                        "'async for' requires an iterator with __anext__ method, got {}",
                        aiter.type_().name_str()
                    )));
                };
                let next_iter = crate::ops::call(vm, &m, &[], None)?;
                match ops_gen::get_awaitable(vm, &next_iter, 0) {
                    Ok(a) => a,
                    Err(e) if !vm.is_aborting() && e.matches(&vm.exc.type_error) => {
                        let new = vm.new_type_error(format!(
                            "'async for' received an invalid object from __anext__: {}",
                            next_iter.type_().name_str()
                        ));
                        new.exc().cause.set(Some(e.0.clone_object()));
                        new.exc().context.set(Some(e.0.clone_object()));
                        return Err(new);
                    }
                    Err(e) => return Err(e),
                }
            };
            f.stack.push(Some(awaitable));
            Ok(())
        }
        END_ASYNC_FOR => {
            let val = pop(vm, f)?;
            let e = val
                .downcast::<crate::objects::exceptions::PyBaseException>()
                .map_err(|_| vm.new_system_error("END_ASYNC_FOR of a non-exception"))?;
            let e = PyErr(e);
            if e.matches(&vm.exc.stop_async_iteration) {
                drop(e);
                let it = f.stack.pop();
                drop(it);
                return Ok(());
            }
            // Re-raised without a new traceback entry (`goto exception_unwind`).
            vm.ts.reraise.set(true);
            Err(e)
        }
        ASYNC_GEN_WRAP => {
            let v = pop(vm, f)?;
            let t = native_type(vm, WRAPPED_NAME);
            let w = alloc(
                &t,
                PyAsyncGenWrappedValue {
                    ob: crate::object::header(),
                    val: Field::new(Some(v)),
                },
            );
            f.stack.push(Some(w.into_object()));
            Ok(())
        }
        _ => Err(vm.new_system_error("unknown async opcode")),
    }
}

fn ag_running(vm: &Vm, o: &PyObject) -> PyResult {
    Ok(vm.new_bool(
        o.downcast_ref::<PyGenerator>()
            .is_some_and(|g| g.ag_running_async.get()),
    ))
}
fn ag_code(vm: &Vm, o: &PyObject) -> PyResult {
    Ok(o.downcast_ref::<PyGenerator>()
        .map(|g| g.code.clone_object())
        .unwrap_or_else(|| vm.none()))
}

/// Installs the `async_generator` methods and attributes.
pub fn init(vm: &Vm) {
    let t = &vm.types.async_generator;
    vm.add_methods(
        t,
        &[
            MethodDef::method("__aiter__", aiter_m),
            MethodDef::method("__anext__", anext_m),
            MethodDef::method("asend", asend_m),
            MethodDef::method("athrow", athrow_m),
            MethodDef::method("aclose", aclose_m),
        ],
    );
    vm.add_getset(t, "ag_running", ag_running, None);
    vm.add_getset(t, "ag_code", ag_code, None);
    vm.add_getset(t, "ag_frame", crate::objects::iter_impl::gen_frame, None);
    vm.add_getset(
        t,
        "ag_await",
        crate::objects::iter_impl::gen_yieldfrom,
        None,
    );
}
