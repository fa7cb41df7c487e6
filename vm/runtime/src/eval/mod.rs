//! The eval loop (`_PyEval_EvalFrameDefault`): one loop runs a chain of frames, so a
//! Python→Python call pushes a frame instead of recursing on the Rust stack. Native code
//! that calls back into Python (`call_function`) starts a nested loop, counted against
//! the recursion limit and the remaining Rust stack.
//!
//! Hot opcodes are handled inline here; the others live in `ops_*.rs` by family.

pub mod args;
pub mod decode;
mod entry;
mod fast;
pub mod frame;
pub mod linetable;
pub mod opcode;
mod ops_build;
pub use ops_build::function_str;
mod ops_exc;
pub use ops_exc::make_exception as ops_exc_make;
pub mod ops_gen;
mod ops_match;
mod ops_names;
mod ops_other;
pub mod verify;

use crate::error::{PyErr, PyResult};
use crate::object::typeobj::CmpOp;
use crate::object::{PyRef, Slot};
use crate::objects::code::PyCode;
use crate::objects::function::PyFunction;
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;
pub use entry::{call_function, make_frame, run_code, run_frame};
use fast::{
    binary_op_fast, compare_fast, float_reuse, for_iter_fast, load_attr_cached, load_attr_fill,
    load_method_cached, load_method_fill, store_attr_cached, store_attr_fill, store_subscr_fast,
    subscr_fast,
};
use frame::Frame;
use opcode::*;
use ops_other::dispatch_other;

/// How a frame left the loop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    Return,
    Yield,
}

/// Pushes one traceback entry for `f` onto `e` (`PyTraceBack_Here`).
pub fn traceback_here(vm: &Vm, f: &mut Frame, e: &PyErr) {
    let fo = match &f.frame_obj {
        Some(fo) => fo.clone(),
        None => match vm.new_frame_object(f) {
            Some(fo) => {
                f.frame_obj = Some(fo.clone());
                fo
            }
            None => return,
        },
    };
    fo.lasti.set(f.lasti);
    let line = f
        .code
        .as_ref()
        .and_then(|c| c.addr2line(f.lasti))
        .unwrap_or(-1);
    let next = e.exc().traceback.get();
    let tb = vm.new_traceback(next, fo.into_object(), f.lasti, line);
    e.exc().traceback.set(Some(tb));
}

/// Sets `__context__` of a freshly raised exception (`_PyErr_SetObject`).
pub fn set_context(vm: &Vm, e: &PyErr) {
    let Some(handled) = vm.ts.current_exception() else {
        return;
    };
    let value = e.exc().as_object();
    if handled.is(value) {
        return;
    }
    // Break a cycle: if `value` is in the context chain of `handled`, cut it there.
    let mut o = handled.clone();
    let mut steps = 0;
    loop {
        let Some(ctx) = o
            .downcast_ref::<crate::objects::exceptions::PyBaseException>()
            .and_then(|x| x.context.get())
        else {
            break;
        };
        if ctx.is(value) {
            if let Some(x) = o.downcast_ref::<crate::objects::exceptions::PyBaseException>() {
                x.context.set(None);
            }
            break;
        }
        o = ctx;
        steps += 1;
        if steps > 10_000 {
            break;
        }
    }
    e.exc().context.set(Some(handled));
}

/// Finds the handler for the instruction at byte offset `lasti`.
fn find_handler(code: &PyCode, lasti: usize) -> Option<crate::objects::code::ExcEntry> {
    let off = lasti as u32;
    code.exc_table
        .iter()
        .find(|e| e.start <= off && off < e.end)
        .copied()
}

macro_rules! pop {
    ($f:expr, $vm:expr, $lbl:lifetime) => {
        match $f.stack.pop() {
            Some(Some(v)) => v,
            _ => break $lbl Err(stack_error($vm)),
        }
    };
}

macro_rules! top {
    ($f:expr, $vm:expr, $lbl:lifetime) => {
        match $f.stack.last() {
            Some(Some(v)) => v,
            _ => break $lbl Err(stack_error($vm)),
        }
    };
}

macro_rules! tri {
    ($e:expr, $lbl:lifetime) => {
        match $e {
            Ok(v) => v,
            Err(e) => break $lbl Err(e),
        }
    };
}

#[cold]
pub(crate) fn stack_error(vm: &Vm) -> PyErr {
    vm.new_system_error("malformed code: value stack underflow or NULL")
}

#[cold]
fn unbound_local(vm: &Vm, code: &PyCode, i: usize) -> PyErr {
    let name = code
        .localsplusnames
        .get(i)
        .map_or_else(String::new, |n| n.to_string_lossy());
    if code.localspluskinds.get(i).is_some_and(|k| k & 0x80 != 0) {
        let e = vm.new_name_error(format!(
            "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
        ));
        e.exc().set_extra("name", vm.new_str(&name));
        e
    } else {
        vm.new_unbound_local_error(format!(
            "cannot access local variable '{name}' where it is not associated with a value"
        ))
    }
}

/// The eval loop. Returns the result, the entry frame (for its owner to clear or keep)
/// and whether it yielded.
pub fn eval(vm: &Vm, entry: Box<Frame>, throw: Option<PyErr>) -> (PyResult, Box<Frame>, Exit) {
    let mut frames: Vec<Box<Frame>> = vm.ts.take_chain();
    let mut entry = entry;
    entry.is_entry = true;
    entry.previous = vm.ts.frame.get();
    let saved_ts_frame = vm.ts.frame.get();
    frames.push(entry);
    let mut pending: Option<PyErr> = throw;
    // Start the entry frame: count it against the recursion limit.
    if let Err(e) = vm.enter_recursive_call("") {
        vm.ts
            .recursion_remaining
            .set(vm.ts.recursion_remaining.get() - 1);
        pending = Some(e);
    }
    let result = run_loop(vm, &mut frames, pending);
    vm.ts.frame.set(saved_ts_frame);
    let (r, exit) = result;
    let mut fr = match frames.pop() {
        Some(f) => f,
        None => Box::new(Frame::empty()),
    };
    while let Some(mut extra) = frames.pop() {
        extra.clear();
    }
    vm.ts.recycle_chain(frames);
    fr.previous = std::ptr::null_mut();
    (r, fr, exit)
}

/// The dispatch loop proper over `frames` (last = current).
fn run_loop(vm: &Vm, frames: &mut Vec<Box<Frame>>, mut pending: Option<PyErr>) -> (PyResult, Exit) {
    'frames: loop {
        let Some(f) = frames.last_mut() else {
            return (Err(stack_error(vm)), Exit::Return);
        };
        let f: &mut Frame = f;
        vm.ts.frame.set(f as *mut Frame);
        let code: &PyCode = match &f.code {
            // SAFETY: the frame owns a reference to its code object, and the frame is owned
            // by `frames` (this loop) until every path that clears, recycles or hands it
            // over (return, unwind, generator creation) has left this pass of `'frames`;
            // `code` is not used after that. Borrowing it this way saves a reference-count
            // round trip per frame entry.
            Some(c) => unsafe { &*(&**c as *const PyCode) },
            None => return (Err(stack_error(vm)), Exit::Return),
        };
        let co: &[u8] = &code.code;
        let dec: &[u64] = &code.decoded;
        let mut err: Option<PyErr> = pending.take();
        let mut reraise = false;
        // Offset of the instruction being executed: where handlers are looked up (RERAISE
        // may set `f.lasti` back to the original instruction for line numbers only).
        let mut cur_off = f.lasti;
        loop {
            if let Some(e) = err.take() {
                // ---- error handling (`error:` / `exception_unwind:`) ----
                let marked = vm.ts.reraise.replace(false);
                if !reraise && !marked {
                    if e.exc().traceback.borrow().is_none() {
                        set_context(vm, &e);
                    }
                    traceback_here(vm, f, &e);
                }
                reraise = false;
                let handler = if vm.is_aborting() {
                    None
                } else {
                    find_handler(&code, cur_off)
                };
                match handler {
                    Some(h) => {
                        let depth = h.depth as usize;
                        if f.stack.len() < depth {
                            err = Some(stack_error(vm));
                            continue;
                        }
                        while f.stack.len() > depth {
                            let v = f.stack.pop();
                            drop(v);
                        }
                        if h.lasti {
                            f.stack.push(Some(vm.new_int((f.lasti / 2) as i64)));
                        }
                        f.stack.push(Some(e.into_object()));
                        f.next_instr = h.target as usize;
                    }
                    None => {
                        while let Some(v) = f.stack.pop() {
                            drop(v);
                        }
                        vm.leave_recursive_call();
                        if f.is_entry {
                            return (Err(e), Exit::Return);
                        }
                        let mut done = match frames.pop() {
                            Some(d) => d,
                            None => return (Err(e), Exit::Return),
                        };
                        done.clear();
                        vm.ts.recycle_frame(done);
                        pending = Some(e);
                        continue 'frames;
                    }
                }
            }
            // ---- the dispatch loop: runs instructions until one fails, giving its error
            // and the offset of the failing instruction (where handlers are looked up) ----
            // The next instruction lives in the local `ip` while the frame runs; it is
            // written back to `f.next_instr` only where something reads it: before the
            // frame is left for a callee (`CALL`), suspended (`YIELD_VALUE`), moved into a
            // generator (`RETURN_GENERATOR`), or handed to `dispatch_other` (which may jump
            // by setting it: the local is reloaded after). Error handling sets it to the
            // handler, and a finished frame's value is never read.
            let mut ip = f.next_instr;
            macro_rules! goto {
                ($to:expr) => {{
                    let t: usize = $to;
                    ip = t;
                }};
            }
            let (e, off) = 'dispatch: loop {
                // ---- fetch ----
                // Offsets are even (code units); an odd one would run its code unit.
                let pc = ip & !1;
                let Some(&d) = dec.get(pc >> 1) else {
                    break 'dispatch (
                        vm.new_system_error(
                            "malformed code: execution ran past the end of co_code",
                        ),
                        f.lasti,
                    );
                };
                let op = decode::op(d);
                let oparg = decode::oparg(d);
                let lasti = pc + decode::lasti_bytes(d);
                let next = pc + decode::next_bytes(d);
                f.lasti = lasti;
                ip = next;
                // ---- the eval breaker: fuel, limits, a due collection ----
                let b = vm.eval_breaker.get() - 1;
                vm.eval_breaker.set(b);
                if b <= 0 {
                    f.next_instr = ip;
                    if let Err(e) = vm.eval_breaker_slow() {
                        break 'dispatch (e, lasti);
                    }
                }
                let res: PyResult<()> = 'op: {
                    match op {
                        NOP | RESUME => {}
                        LOAD_FAST => {
                            let Some(v) = f.fast.get(oparg as usize).cloned().flatten() else {
                                break 'op Err(unbound_local(vm, &code, oparg as usize));
                            };
                            f.stack.push(Some(v));
                        }
                        LOAD_CONST => {
                            let Some(c) = code.consts.get(oparg as usize) else {
                                break 'op Err(stack_error(vm));
                            };
                            f.stack.push(Some(c.clone()));
                        }
                        STORE_FAST => {
                            let v = pop!(f, vm, 'op);
                            let Some(slot) = f.fast.get_mut(oparg as usize) else {
                                break 'op Err(stack_error(vm));
                            };
                            let old = slot.replace(v);
                            drop(old);
                        }
                        decode::LOAD_FAST__LOAD_FAST
                        | decode::LOAD_FAST__LOAD_CONST
                        | decode::LOAD_CONST__LOAD_FAST
                        | decode::STORE_FAST__LOAD_FAST
                        | decode::STORE_FAST__STORE_FAST => {
                            // First half (its errors are the first instruction's).
                            match op {
                                decode::LOAD_FAST__LOAD_FAST | decode::LOAD_FAST__LOAD_CONST => {
                                    let Some(v) = f.fast.get(oparg as usize).cloned().flatten()
                                    else {
                                        break 'op Err(unbound_local(vm, code, oparg as usize));
                                    };
                                    f.stack.push(Some(v));
                                }
                                decode::LOAD_CONST__LOAD_FAST => {
                                    let Some(c) = code.consts.get(oparg as usize) else {
                                        break 'op Err(stack_error(vm));
                                    };
                                    f.stack.push(Some(c.clone()));
                                }
                                _ => {
                                    let v = pop!(f, vm, 'op);
                                    let Some(slot) = f.fast.get_mut(oparg as usize) else {
                                        break 'op Err(stack_error(vm));
                                    };
                                    let old = slot.replace(v);
                                    drop(old);
                                }
                            }
                            // Second half: the next code unit, an unprefixed instruction
                            // without caches (the decoder checked), run as its own
                            // instruction for `f_lasti`, fuel and error offsets.
                            let pc2 = pc + 2;
                            let Some(&d2) = dec.get(pc2 >> 1) else {
                                break 'op Err(stack_error(vm));
                            };
                            let arg2 = decode::oparg(d2) as usize;
                            f.lasti = pc2;
                            goto!(pc2 + decode::next_bytes(d2));
                            vm.eval_breaker.set(vm.eval_breaker.get() - 1);
                            match op {
                                decode::LOAD_FAST__LOAD_CONST => {
                                    let Some(c) = code.consts.get(arg2) else {
                                        break 'dispatch (stack_error(vm), pc2);
                                    };
                                    f.stack.push(Some(c.clone()));
                                }
                                decode::STORE_FAST__STORE_FAST => {
                                    let Some(Some(v)) = f.stack.pop() else {
                                        break 'dispatch (stack_error(vm), pc2);
                                    };
                                    let Some(slot) = f.fast.get_mut(arg2) else {
                                        break 'dispatch (stack_error(vm), pc2);
                                    };
                                    let old = slot.replace(v);
                                    drop(old);
                                }
                                _ => {
                                    let Some(v) = f.fast.get(arg2).cloned().flatten() else {
                                        break 'dispatch (unbound_local(vm, code, arg2), pc2);
                                    };
                                    f.stack.push(Some(v));
                                }
                            }
                        }
                        LOAD_DEREF => {
                            // The cell's contents, borrowed from the cell in place (no
                            // reference to the cell itself is taken).
                            let v = f
                                .fast
                                .get(oparg as usize)
                                .and_then(|c| c.as_ref())
                                .and_then(|c| c.downcast_ref::<crate::objects::function::PyCell>())
                                .map(|c| c.contents.borrow().clone());
                            match v {
                                Some(Some(v)) => f.stack.push(Some(v)),
                                _ => {
                                    f.next_instr = ip;
                                    let r = dispatch_other(vm, f, code, op, oparg, next);
                                    ip = f.next_instr;
                                    tri!(r, 'op);
                                }
                            }
                        }
                        DELETE_FAST => {
                            let Some(slot) = f.fast.get_mut(oparg as usize) else {
                                break 'op Err(stack_error(vm));
                            };
                            let old = slot.take();
                            if old.is_none() {
                                break 'op Err(unbound_local(vm, &code, oparg as usize));
                            }
                            drop(old);
                        }
                        POP_TOP => {
                            let v = f.stack.pop();
                            drop(v);
                        }
                        PUSH_NULL => f.stack.push(None),
                        COPY => {
                            let n = f.stack.len();
                            let Some(v) = (oparg as usize)
                                .checked_sub(1)
                                .and_then(|k| n.checked_sub(k + 1))
                                .and_then(|i| f.stack[i].clone())
                            else {
                                break 'op Err(stack_error(vm));
                            };
                            f.stack.push(Some(v));
                        }
                        SWAP => {
                            let n = f.stack.len();
                            let Some(i) = n.checked_sub(oparg as usize) else {
                                break 'op Err(stack_error(vm));
                            };
                            if oparg == 0 {
                                break 'op Err(stack_error(vm));
                            }
                            f.stack.swap(i, n - 1);
                        }
                        BINARY_OP => {
                            let b = pop!(f, vm, 'op);
                            let a = pop!(f, vm, 'op);
                            if let Some(in_a) = float_reuse(vm, &a, &b, oparg) {
                                let (r, other) = if in_a { (a, b) } else { (b, a) };
                                drop(other);
                                f.stack.push(Some(r));
                                break 'op Ok(());
                            }
                            let r = tri!(binary_op_fast(vm, &a, &b, oparg), 'op);
                            drop(a);
                            drop(b);
                            f.stack.push(Some(r));
                        }
                        COMPARE_OP => {
                            let n = f.stack.len();
                            if n >= 2 {
                                if let (Some(a), Some(b)) = (&f.stack[n - 2], &f.stack[n - 1]) {
                                    if let Some(t) = compare_fast(vm, a, b, oparg) {
                                        let b = f.stack.pop();
                                        let a = f.stack.pop();
                                        drop(a);
                                        drop(b);
                                        // COMPARE_OP + POP_JUMP_IF_*: jump without making a bool.
                                        if let Some(&[jop, jarg]) = co.get(next..next + 2) {
                                            let after = next + 2;
                                            let jarg = jarg as usize * 2;
                                            let target = match jop {
                                                POP_JUMP_FORWARD_IF_FALSE => {
                                                    Some((!t, after + jarg))
                                                }
                                                POP_JUMP_FORWARD_IF_TRUE => Some((t, after + jarg)),
                                                POP_JUMP_BACKWARD_IF_FALSE => {
                                                    Some((!t, after.saturating_sub(jarg)))
                                                }
                                                POP_JUMP_BACKWARD_IF_TRUE => {
                                                    Some((t, after.saturating_sub(jarg)))
                                                }
                                                _ => None,
                                            };
                                            if let Some((taken, to)) = target {
                                                goto!(if taken { to } else { after });
                                                break 'op Ok(());
                                            }
                                        }
                                        f.stack.push(Some(vm.new_bool(t)));
                                        break 'op Ok(());
                                    }
                                }
                            }
                            let b = pop!(f, vm, 'op);
                            let a = pop!(f, vm, 'op);
                            let Some(cop) = CmpOp::from_arg(oparg) else {
                                break 'op Err(stack_error(vm));
                            };
                            let r = tri!(crate::ops::compare::compare_op(vm, &a, &b, cop), 'op);
                            drop(a);
                            drop(b);
                            f.stack.push(Some(r));
                        }
                        IS_OP => {
                            let b = pop!(f, vm, 'op);
                            let a = pop!(f, vm, 'op);
                            let r = a.is(&b) ^ (oparg != 0);
                            drop(a);
                            drop(b);
                            f.stack.push(Some(vm.new_bool(r)));
                        }
                        CONTAINS_OP => {
                            let b = pop!(f, vm, 'op);
                            let a = pop!(f, vm, 'op);
                            let r = tri!(crate::ops::contains(vm, &b, &a), 'op) ^ (oparg != 0);
                            drop(a);
                            drop(b);
                            f.stack.push(Some(vm.new_bool(r)));
                        }
                        JUMP_FORWARD => goto!(next + oparg as usize * 2),
                        JUMP_BACKWARD => {
                            goto!(next.saturating_sub(oparg as usize * 2));
                        }
                        JUMP_BACKWARD_NO_INTERRUPT => {
                            goto!(next.saturating_sub(oparg as usize * 2))
                        }
                        POP_JUMP_FORWARD_IF_FALSE
                        | POP_JUMP_FORWARD_IF_TRUE
                        | POP_JUMP_BACKWARD_IF_FALSE
                        | POP_JUMP_BACKWARD_IF_TRUE => {
                            let v = pop!(f, vm, 'op);
                            let t = if v.is(&vm.true_obj) {
                                true
                            } else if v.is(&vm.false_obj) {
                                false
                            } else {
                                tri!(crate::ops::is_true(vm, &v), 'op)
                            };
                            drop(v);
                            let want =
                                matches!(op, POP_JUMP_FORWARD_IF_TRUE | POP_JUMP_BACKWARD_IF_TRUE);
                            if t == want {
                                goto!(jump(op, next, oparg));
                            }
                        }
                        POP_JUMP_FORWARD_IF_NONE
                        | POP_JUMP_FORWARD_IF_NOT_NONE
                        | POP_JUMP_BACKWARD_IF_NONE
                        | POP_JUMP_BACKWARD_IF_NOT_NONE => {
                            let v = pop!(f, vm, 'op);
                            let is_none = vm.is_none(&v);
                            drop(v);
                            let want =
                                matches!(op, POP_JUMP_FORWARD_IF_NONE | POP_JUMP_BACKWARD_IF_NONE);
                            if is_none == want {
                                goto!(jump(op, next, oparg));
                            }
                        }
                        JUMP_IF_FALSE_OR_POP | JUMP_IF_TRUE_OR_POP => {
                            let v = top!(f, vm, 'op).clone();
                            let t = tri!(crate::ops::is_true(vm, &v), 'op);
                            if t == (op == JUMP_IF_TRUE_OR_POP) {
                                goto!(next + oparg as usize * 2);
                            } else {
                                let x = f.stack.pop();
                                drop(x);
                            }
                        }
                        GET_ITER => {
                            let v = pop!(f, vm, 'op);
                            let it = tri!(crate::ops::iter(vm, &v), 'op);
                            drop(v);
                            f.stack.push(Some(it));
                        }
                        FOR_ITER => {
                            // `list_iterator` and `range_iterator` in place (the item or
                            // the exhaustion of the generic path, without its call).
                            if let Some(v) = for_iter_fast(vm, top!(f, vm, 'op)) {
                                f.stack.push(Some(v));
                                break 'op Ok(());
                            }
                            let it = top!(f, vm, 'op).clone();
                            let r = match it.type_().slots().iternext {
                                Some(nf) => nf(vm, &it),
                                None => Err(vm.new_type_error(format!(
                                    "'{}' object is not an iterator",
                                    it.type_().name_str()
                                ))),
                            };
                            match r {
                                Ok(Some(v)) => f.stack.push(Some(v)),
                                Ok(None) => {
                                    let x = f.stack.pop();
                                    drop(x);
                                    goto!(next + oparg as usize * 2);
                                }
                                Err(e)
                                    if e.matches(&vm.exc.stop_iteration) && !vm.is_aborting() =>
                                {
                                    let x = f.stack.pop();
                                    drop(x);
                                    goto!(next + oparg as usize * 2);
                                }
                                Err(e) => break 'op Err(e),
                            }
                            drop(it);
                        }
                        LOAD_GLOBAL => {
                            let name = &code.names[(oparg >> 1) as usize];
                            let v = tri!(
                                ops_names::load_global_cached(vm, f, &code, lasti >> 1, name),
                                'op
                            );
                            if oparg & 1 != 0 {
                                f.stack.push(None);
                            }
                            f.stack.push(Some(v));
                        }
                        LOAD_ATTR => {
                            let o = pop!(f, vm, 'op);
                            let name = &code.names[oparg as usize];
                            let v = match load_attr_cached(
                                decode::caches_clean(d),
                                code,
                                lasti >> 1,
                                &o,
                                name,
                            ) {
                                Some(v) => v,
                                None => {
                                    let v = tri!(crate::ops::get_attr(vm, &o, name), 'op);
                                    if decode::caches_clean(d) {
                                        load_attr_fill(vm, code, lasti >> 1, &o, name);
                                    }
                                    v
                                }
                            };
                            drop(o);
                            f.stack.push(Some(v));
                        }
                        LOAD_METHOD => {
                            let o = pop!(f, vm, 'op);
                            let name = &code.names[oparg as usize];
                            let (m, unbound) = match load_method_cached(
                                decode::caches_clean(d),
                                vm,
                                code,
                                lasti >> 1,
                                &o,
                                name,
                            ) {
                                Some(r) => tri!(r, 'op),
                                None => {
                                    let r = tri!(crate::ops::attr::get_method(vm, &o, name), 'op);
                                    if r.1 {
                                        if decode::caches_clean(d) {
                                            load_method_fill(vm, code, lasti >> 1, &o, name);
                                        }
                                    }
                                    r
                                }
                            };
                            if unbound {
                                f.stack.push(Some(m));
                                f.stack.push(Some(o));
                            } else {
                                drop(o);
                                f.stack.push(None);
                                f.stack.push(Some(m));
                            }
                        }
                        STORE_ATTR => {
                            let o = pop!(f, vm, 'op);
                            let v = pop!(f, vm, 'op);
                            let name = &code.names[oparg as usize];
                            if let Err(v) = store_attr_cached(
                                decode::caches_clean(d),
                                vm,
                                code,
                                lasti >> 1,
                                &o,
                                name,
                                v,
                            ) {
                                tri!(crate::ops::set_attr(vm, &o, name, v), 'op);
                                if decode::caches_clean(d) {
                                    store_attr_fill(vm, code, lasti >> 1, &o, name);
                                }
                            }
                            drop(o);
                        }
                        LIST_APPEND => {
                            // The comprehension's list, borrowed in place (no Python code
                            // runs while it is: `push` only grows the vector).
                            let v = pop!(f, vm, 'op);
                            let i = f.stack.len().checked_sub(oparg as usize);
                            let l = i
                                .and_then(|i| f.stack.get(i))
                                .and_then(|x| x.as_ref())
                                .and_then(|x| x.downcast_ref::<crate::objects::list::PyList>());
                            match l {
                                Some(l) => l.push(v),
                                None => {
                                    drop(v);
                                    break 'op Err(stack_error(vm));
                                }
                            }
                        }
                        BINARY_SUBSCR => {
                            let k = pop!(f, vm, 'op);
                            let c = pop!(f, vm, 'op);
                            if let Some(v) = subscr_fast(vm, &c, &k) {
                                drop(k);
                                drop(c);
                                f.stack.push(Some(v));
                                break 'op Ok(());
                            }
                            let r = tri!(crate::ops::getitem(vm, &c, &k), 'op);
                            drop(c);
                            drop(k);
                            f.stack.push(Some(r));
                        }
                        STORE_SUBSCR => {
                            let k = pop!(f, vm, 'op);
                            let c = pop!(f, vm, 'op);
                            let v = pop!(f, vm, 'op);
                            let v = match store_subscr_fast(vm, &c, &k, v) {
                                Ok(old) => {
                                    drop(old);
                                    drop(c);
                                    drop(k);
                                    break 'op Ok(());
                                }
                                Err(v) => v,
                            };
                            tri!(crate::ops::setitem(vm, &c, &k, v), 'op);
                            drop(c);
                            drop(k);
                        }
                        PRECALL => {
                            let n = f.stack.len();
                            let is_meth = n >= oparg as usize + 2
                                && f.stack[n - oparg as usize - 2].is_some();
                            if !is_meth && n >= oparg as usize + 2 {
                                let fi = n - oparg as usize - 1;
                                if let Some(m) = f.stack[fi]
                                    .as_ref()
                                    .and_then(|x| {
                                        x.downcast_ref::<crate::objects::function::PyMethod>()
                                    })
                                    .filter(|m| m.as_object().is_type(&vm.types.method))
                                {
                                    let (func, slf) = (m.func.clone(), m.self_.clone());
                                    let old = f.stack[fi].replace(slf);
                                    f.stack[fi - 1] = Some(func);
                                    drop(old);
                                }
                            }
                        }
                        KW_NAMES => {
                            let Some(c) = code.consts.get(oparg as usize) else {
                                break 'op Err(stack_error(vm));
                            };
                            f.kwnames = Some(c.clone());
                        }
                        CALL => {
                            let kwnames = f.kwnames.take();
                            let n = f.stack.len();
                            let oparg = oparg as usize;
                            if n < oparg + 2 {
                                break 'op Err(stack_error(vm));
                            }
                            let is_meth = f.stack[n - oparg - 2].is_some();
                            let total = oparg + usize::from(is_meth);
                            let fpos = n - total - 1;
                            let kwt = kwnames.as_ref().and_then(|k| k.downcast_ref::<PyTuple>());
                            if kwnames.is_some() && kwt.is_none() {
                                break 'op Err(stack_error(vm));
                            }
                            let func_ptr: Option<*const PyFunction> = f.stack[fpos]
                                .as_ref()
                                .and_then(|c| c.downcast_ref::<PyFunction>())
                                .map(|x| x as *const PyFunction);
                            if let Some(func_ptr) = func_ptr {
                                // Inline the Python call: move the arguments into a new frame.
                                {
                                    let argstart = n - total;
                                    // SAFETY: the stack slot `fpos` (below `argstart`, so
                                    // untouched by `make_frame`, which only moves the
                                    // arguments out) holds a reference to the function until
                                    // the slots are dropped below, after `make_frame` returned.
                                    let func: &PyFunction = unsafe { &*func_ptr };
                                    let newf = make_frame(vm, func, &mut f.stack[argstart..], kwt);
                                    // drop the (now empty) arg slots, the callable and the NULL
                                    let base = n - oparg - 2;
                                    while f.stack.len() > base {
                                        let v = f.stack.pop();
                                        drop(v);
                                    }
                                    drop(kwnames);
                                    let mut newf = tri!(newf, 'op);
                                    f.next_instr = ip;
                                    newf.previous = f as *mut Frame;
                                    frames.push(newf);
                                    if let Err(e) = vm.enter_recursive_call("") {
                                        vm.ts
                                            .recursion_remaining
                                            .set(vm.ts.recursion_remaining.get() - 1);
                                        pending = Some(e);
                                    }
                                    continue 'frames;
                                }
                            }
                            let Some(callable) = f.stack[fpos].clone() else {
                                break 'op Err(stack_error(vm));
                            };
                            let r = {
                                let slots = &f.stack[n - total..];
                                match slots_as_refs(slots) {
                                    Some(args) => crate::ops::call(vm, &callable, args, kwt),
                                    None => Err(stack_error(vm)),
                                }
                            };
                            drop(callable);
                            let base = n - oparg - 2;
                            // CPython drops the callable, then the arguments in order.
                            let fv = f.stack[fpos].take();
                            drop(fv);
                            for i in fpos + 1..n {
                                let v = f.stack[i].take();
                                drop(v);
                            }
                            f.stack.truncate(base);
                            drop(kwnames);
                            let r = tri!(r, 'op);
                            f.stack.push(Some(r));
                        }
                        RETURN_VALUE => {
                            let v = pop!(f, vm, 'op);
                            vm.leave_recursive_call();
                            if f.is_entry {
                                return (Ok(v), Exit::Return);
                            }
                            let mut done = match frames.pop() {
                                Some(d) => d,
                                None => return (Ok(v), Exit::Return),
                            };
                            done.clear();
                            vm.ts.recycle_frame(done);
                            if let Some(caller) = frames.last_mut() {
                                caller.stack.push(Some(v));
                            }
                            continue 'frames;
                        }
                        RETURN_GENERATOR => {
                            // The frame moves into a new generator object.
                            f.next_instr = ip;
                            let made = ops_gen::make_generator(vm, frames);
                            vm.leave_recursive_call();
                            match made {
                                Ok((g, was_entry)) => match frames.last_mut() {
                                    Some(caller) if !was_entry => {
                                        caller.stack.push(Some(g));
                                        continue 'frames;
                                    }
                                    _ => return (Ok(g), Exit::Return),
                                },
                                Err(e) => return (Err(e), Exit::Return),
                            }
                        }
                        UNPACK_SEQUENCE => {
                            let v = pop!(f, vm, 'op);
                            let n = oparg as usize;
                            let items: Option<&[PyRef]> = if v.is_type(&vm.types.tuple) {
                                // SAFETY: exact tuple.
                                Some(unsafe { v.cast_unchecked::<PyTuple>() }.as_slice())
                            } else if v.is_type(&vm.types.list) {
                                // SAFETY: exact list; the borrow ends before any drop.
                                Some(
                                    unsafe { v.cast_unchecked::<crate::objects::list::PyList>() }
                                        .borrow()
                                        .as_slice(),
                                )
                            } else {
                                None
                            };
                            match items {
                                Some(items) if items.len() == n => {
                                    for it in items.iter().rev() {
                                        f.stack.push(Some(it.clone()));
                                    }
                                    drop(v);
                                }
                                _ => {
                                    f.stack.push(Some(v));
                                    f.next_instr = ip;
                                    let r = dispatch_other(vm, f, code, op, oparg, next);
                                    ip = f.next_instr;
                                    tri!(r, 'op);
                                }
                            }
                        }
                        YIELD_VALUE => {
                            let v = pop!(f, vm, 'op);
                            f.next_instr = ip;
                            vm.leave_recursive_call();
                            return (Ok(v), Exit::Yield);
                        }
                        RERAISE => {
                            if oparg != 0 {
                                let n = f.stack.len();
                                let li = n
                                    .checked_sub(oparg as usize + 1)
                                    .and_then(|i| f.stack[i].clone());
                                match li
                                    .as_ref()
                                    .and_then(|l| crate::objects::int::int_value(l))
                                    .and_then(|v| v.as_i64())
                                {
                                    Some(l) if l >= 0 && (l as usize) * 2 < co.len() => {
                                        f.lasti = l as usize * 2
                                    }
                                    _ => break 'op Err(vm.new_system_error("lasti is not an int")),
                                }
                            }
                            let v = pop!(f, vm, 'op);
                            match v.downcast::<crate::objects::exceptions::PyBaseException>() {
                                Ok(e) => {
                                    reraise = true;
                                    break 'op Err(PyErr(e));
                                }
                                Err(_) => {
                                    break 'op Err(
                                        vm.new_system_error("RERAISE of a non-exception")
                                    );
                                }
                            }
                        }
                        _ => {
                            f.next_instr = ip;
                            let r = dispatch_other(vm, f, code, op, oparg, next);
                            ip = f.next_instr;
                            tri!(r, 'op);
                        }
                    }
                    Ok(())
                };
                if let Err(e) = res {
                    break 'dispatch (e, lasti);
                }
            };
            err = Some(e);
            cur_off = off;
        }
    }
}

#[inline(always)]
fn jump(op: u8, next: usize, oparg: u32) -> usize {
    match op {
        POP_JUMP_BACKWARD_IF_FALSE
        | POP_JUMP_BACKWARD_IF_TRUE
        | POP_JUMP_BACKWARD_IF_NONE
        | POP_JUMP_BACKWARD_IF_NOT_NONE => next.saturating_sub(oparg as usize * 2),
        _ => next + oparg as usize * 2,
    }
}

/// Views stack slots as references when none is NULL.
#[inline(always)]
pub fn slots_as_refs(s: &[Slot]) -> Option<&[PyRef]> {
    if s.iter().any(|x| x.is_none()) {
        return None;
    }
    // SAFETY: Option<PyRef> has PyRef's layout (NonNull niche) and no element is None.
    Some(unsafe { std::slice::from_raw_parts(s.as_ptr() as *const PyRef, s.len()) })
}
