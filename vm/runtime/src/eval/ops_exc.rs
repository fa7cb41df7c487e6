//! Exception and context-manager opcodes: `RAISE_VARARGS`, `PUSH_EXC_INFO`,
//! `POP_EXCEPT`, `CHECK_EXC_MATCH`, `WITH_EXCEPT_START`, `BEFORE_WITH`, …

use super::frame::Frame;
use super::opcode::*;
use super::stack_error;
use crate::error::{PyErr, PyResult};
use crate::object::{PyObject, PyRef, PyType};
use crate::objects::exceptions::PyBaseException;
use crate::vm::Vm;

fn pop(vm: &Vm, f: &mut Frame) -> PyResult<PyRef> {
    f.stack.pop().flatten().ok_or_else(|| stack_error(vm))
}

/// Turns `raise X` operands into an exception instance (`do_raise`).
pub fn make_exception(vm: &Vm, exc: PyRef) -> PyResult<PyRef<PyBaseException>> {
    if let Some(t) = exc.downcast_ref::<PyType>() {
        if t.is_subtype(&vm.exc.base_exception) {
            let v = crate::ops::call(vm, &exc, &[], None)?;
            return match v.downcast::<PyBaseException>() {
                Ok(e) => Ok(e),
                Err(v) => Err(vm.new_type_error(format!(
                    "calling {} should have returned an instance of BaseException, not {}",
                    crate::ops::repr_string(vm, &exc)?,
                    v.type_().name_str()
                ))),
            };
        }
    }
    match exc.downcast::<PyBaseException>() {
        Ok(e) => Ok(e),
        Err(_) => Err(vm.new_type_error("exceptions must derive from BaseException")),
    }
}

fn do_raise(vm: &Vm, exc: Option<PyRef>, cause: Option<PyRef>) -> PyResult<PyErr> {
    let Some(exc) = exc else {
        return match vm.ts.current_exception() {
            Some(v) => match v.downcast::<PyBaseException>() {
                Ok(e) => Ok(PyErr(e)),
                Err(_) => Err(vm.new_runtime_error("No active exception to reraise")),
            },
            None => Err(vm.new_runtime_error("No active exception to reraise")),
        };
    };
    let value = make_exception(vm, exc)?;
    if let Some(c) = cause {
        let fixed = if vm.is_none(&c) {
            None
        } else if c
            .downcast_ref::<PyType>()
            .is_some_and(|t| t.is_subtype(&vm.exc.base_exception))
        {
            let v = crate::ops::call(vm, &c, &[], None)?;
            if v.downcast_ref::<PyBaseException>().is_none() {
                return Err(vm.new_type_error(format!(
                    "calling {} should have returned an instance of BaseException, not {}",
                    crate::ops::repr_string(vm, &c)?,
                    v.type_().name_str()
                )));
            }
            Some(v)
        } else if c.downcast_ref::<PyBaseException>().is_some() {
            Some(c)
        } else {
            return Err(vm.new_type_error("exception causes must derive from BaseException"));
        };
        value.cause.set(fixed);
        value.suppress_context.set(true);
    }
    let e = PyErr(value);
    super::set_context(vm, &e);
    Ok(e)
}

/// `PyErr_GivenExceptionMatches` with CPython's validity check of the `except` target.
pub fn exception_matches(vm: &Vm, exc: &PyObject, target: &PyObject) -> PyResult<bool> {
    let valid = |t: &PyObject| {
        t.downcast_ref::<PyType>()
            .is_some_and(|t| t.is_subtype(&vm.exc.base_exception))
    };
    if let Some(tup) = target.downcast_ref::<crate::objects::tuple::PyTuple>() {
        for t in tup.as_slice() {
            if !valid(t) {
                return Err(vm.new_type_error(
                    "catching classes that do not inherit from BaseException is not allowed",
                ));
            }
        }
        return Ok(tup.as_slice().iter().any(|t| {
            t.downcast_ref::<PyType>()
                .is_some_and(|t| exc.type_().is_subtype(t))
        }));
    }
    if !valid(target) {
        return Err(vm.new_type_error(
            "catching classes that do not inherit from BaseException is not allowed",
        ));
    }
    Ok(target
        .downcast_ref::<PyType>()
        .is_some_and(|t| exc.type_().is_subtype(t)))
}

pub fn dispatch(vm: &Vm, f: &mut Frame, op: u8, oparg: u32) -> PyResult<()> {
    match op {
        RAISE_VARARGS => {
            let (exc, cause) = match oparg {
                0 => (None, None),
                1 => (Some(pop(vm, f)?), None),
                2 => {
                    let c = pop(vm, f)?;
                    (Some(pop(vm, f)?), Some(c))
                }
                _ => return Err(vm.new_system_error("bad RAISE_VARARGS oparg")),
            };
            let bare = exc.is_none();
            let e = do_raise(vm, exc, cause)?;
            if bare {
                // A bare `raise` re-raises without a new traceback entry.
                return Err(crate::eval::ops_exc::mark_reraise(vm, e));
            }
            Err(e)
        }
        PUSH_EXC_INFO => {
            let v = pop(vm, f)?;
            let prev = vm.ts.set_top_exc(Some(v.clone()));
            f.stack.push(Some(prev.unwrap_or_else(|| vm.none())));
            f.stack.push(Some(v));
            Ok(())
        }
        POP_EXCEPT => {
            let v = pop(vm, f)?;
            let new = if vm.is_none(&v) { None } else { Some(v) };
            let old = vm.ts.set_top_exc(new);
            drop(old);
            Ok(())
        }
        CHECK_EXC_MATCH => {
            let right = pop(vm, f)?;
            let left = f
                .stack
                .last()
                .cloned()
                .flatten()
                .ok_or_else(|| stack_error(vm))?;
            let r = exception_matches(vm, &left, &right)?;
            f.stack.push(Some(vm.new_bool(r)));
            Ok(())
        }
        CHECK_EG_MATCH => crate::objects::exceptiongroup::check_eg_match(vm, &mut f.stack),
        PREP_RERAISE_STAR => {
            let excs = pop(vm, f)?;
            let orig = pop(vm, f)?;
            let v = crate::objects::exceptiongroup::prep_reraise_star(vm, &orig, &excs)?;
            f.stack.push(Some(v));
            Ok(())
        }
        WITH_EXCEPT_START => {
            let n = f.stack.len();
            if n < 4 {
                return Err(stack_error(vm));
            }
            let val = f.stack[n - 1].clone().ok_or_else(|| stack_error(vm))?;
            let exit = f.stack[n - 4].clone().ok_or_else(|| stack_error(vm))?;
            let tb = val
                .downcast_ref::<PyBaseException>()
                .and_then(|e| e.traceback.get())
                .unwrap_or_else(|| vm.none());
            let t = val.type_().as_type_ref().into_object();
            let r = crate::ops::call(vm, &exit, &[t, val, tb], None)?;
            f.stack.push(Some(r));
            Ok(())
        }
        BEFORE_WITH | BEFORE_ASYNC_WITH => {
            let mgr = pop(vm, f)?;
            let (en, ex) = if op == BEFORE_WITH {
                ("__enter__", "__exit__")
            } else {
                ("__aenter__", "__aexit__")
            };
            let enter = crate::objects::typeobject::lookup_special(vm, &mgr, &vm.intern(en));
            let Some(enter) = enter else {
                return Err(vm.new_type_error(if op == BEFORE_WITH {
                    format!(
                        "'{}' object does not support the context manager protocol",
                        mgr.type_().name_str()
                    )
                } else {
                    format!(
                        "'{}' object does not support the asynchronous context manager protocol",
                        mgr.type_().name_str()
                    )
                }));
            };
            let Some(exit) = crate::objects::typeobject::lookup_special(vm, &mgr, &vm.intern(ex))
            else {
                return Err(vm.new_type_error(if op == BEFORE_WITH {
                    format!("'{}' object does not support the context manager protocol (missed __exit__ method)", mgr.type_().name_str())
                } else {
                    format!(
                        "'{}' object does not support the asynchronous context manager protocol (missed __aexit__ method)",
                        mgr.type_().name_str()
                    )
                }));
            };
            f.stack.push(Some(exit));
            drop(mgr);
            let r = crate::ops::call(vm, &enter, &[], None)?;
            drop(enter);
            let r = if op == BEFORE_ASYNC_WITH {
                crate::eval::ops_gen::get_awaitable(vm, &r, 1)?
            } else {
                r
            };
            f.stack.push(Some(r));
            Ok(())
        }
        LOAD_ASSERTION_ERROR => {
            f.stack.push(Some(vm.exc.assertion_error.clone_object()));
            Ok(())
        }
        _ => Err(stack_error(vm)),
    }
}

/// Marks an error as a re-raise (no new traceback entry in the raising frame).
pub fn mark_reraise(vm: &Vm, e: PyErr) -> PyErr {
    vm.ts.reraise.set(true);
    e
}
