//! The thread state of a VM: the current frame, the handled-exception stack
//! (`exc_info`), the recursion counter and the call bookkeeping CPython keeps in
//! `PyThreadState`.

use crate::error::{PyErr, PyResult};
use crate::eval::frame::Frame;
use crate::object::{PyRef, Slot};
use crate::vm::Vm;
use std::cell::{Cell, UnsafeCell};

pub struct ThreadState {
    /// The innermost executing frame (null at top level).
    pub frame: Cell<*mut Frame>,
    /// `exc_info` items, innermost last: each holds the exception being handled (or None).
    /// Generators push their own item while they run.
    pub exc_info: UnsafeCell<Vec<Slot>>,
    pub recursion_remaining: Cell<i32>,
    pub recursion_limit: Cell<i32>,
    pub recursion_headroom: Cell<bool>,
    /// Recycled frames (their `slots` vectors keep their capacity).
    pub frame_pool: UnsafeCell<Vec<Box<Frame>>>,
    /// Recycled frame-chain vectors of the eval loop (one per nested `eval`), so entering
    /// the loop (a generator resumed, a call from native code) allocates nothing.
    pub chain_pool: UnsafeCell<Vec<Vec<Box<Frame>>>>,
    /// Bytes of Rust stack below which re-entry raises RecursionError.
    pub stack_reserve: usize,
    /// The error being raised is a re-raise (`raise` with no operand): no traceback entry.
    pub reraise: Cell<bool>,
    /// `sys.set_asyncgen_hooks`: `async_gen_firstiter` and `async_gen_finalizer`.
    pub asyncgen_firstiter: crate::objects::function::Field<Slot>,
    pub asyncgen_finalizer: crate::objects::function::Field<Slot>,
}

impl ThreadState {
    pub fn new(limit: i32) -> Self {
        ThreadState {
            frame: Cell::new(std::ptr::null_mut()),
            exc_info: UnsafeCell::new(vec![None]),
            recursion_remaining: Cell::new(limit),
            recursion_limit: Cell::new(limit),
            recursion_headroom: Cell::new(false),
            frame_pool: UnsafeCell::new(Vec::new()),
            chain_pool: UnsafeCell::new(Vec::new()),
            stack_reserve: 256 * 1024,
            reraise: Cell::new(false),
            asyncgen_firstiter: crate::objects::function::Field::new(None),
            asyncgen_finalizer: crate::objects::function::Field::new(None),
        }
    }

    /// The exception currently being handled (`sys.exception()`), searching outward.
    pub fn current_exception(&self) -> Slot {
        // SAFETY: no borrow escapes; we clone.
        let items = unsafe { &*self.exc_info.get() };
        for it in items.iter().rev() {
            if it.is_some() {
                return it.clone();
            }
        }
        None
    }

    /// The innermost `exc_info` item's value.
    pub fn top_exc(&self) -> Slot {
        // SAFETY: we clone.
        unsafe { (*self.exc_info.get()).last().cloned().flatten() }
    }

    /// Replaces the innermost item's value, returning the old one.
    pub fn set_top_exc(&self, v: Slot) -> Slot {
        // SAFETY: the old value is returned, not dropped, while borrowed.
        let items = unsafe { &mut *self.exc_info.get() };
        match items.last_mut() {
            Some(s) => std::mem::replace(s, v),
            None => {
                items.push(v);
                None
            }
        }
    }

    pub fn push_exc_item(&self, v: Slot) {
        // SAFETY: push only.
        unsafe { (*self.exc_info.get()).push(v) }
    }

    pub fn pop_exc_item(&self) -> Slot {
        // SAFETY: pop only; the value is returned.
        unsafe { (*self.exc_info.get()).pop().flatten() }
    }

    pub fn take_frame(&self) -> Box<Frame> {
        // SAFETY: pop only.
        match unsafe { (*self.frame_pool.get()).pop() } {
            Some(f) => f,
            None => Box::new(Frame::empty()),
        }
    }

    /// An empty frame-chain vector for one pass of the eval loop.
    #[inline]
    pub fn take_chain(&self) -> Vec<Box<Frame>> {
        // SAFETY: pop only.
        unsafe { (*self.chain_pool.get()).pop() }.unwrap_or_default()
    }

    /// Gives back a frame-chain vector (it must be empty).
    #[inline]
    pub fn recycle_chain(&self, v: Vec<Box<Frame>>) {
        // SAFETY: push only; an empty vector owns no frames.
        let pool = unsafe { &mut *self.chain_pool.get() };
        if v.is_empty() && pool.len() < 64 {
            pool.push(v);
        }
    }

    pub fn recycle_frame(&self, f: Box<Frame>) {
        // SAFETY: push only; the frame is already cleared.
        let pool = unsafe { &mut *self.frame_pool.get() };
        if pool.len() < 64 {
            pool.push(f);
        }
    }
}

impl Vm {
    /// `_Py_EnterRecursiveCallTstate`: counts one level against the recursion limit and
    /// checks the remaining Rust stack.
    #[inline]
    pub fn enter_recursive_call(&self, where_: &str) -> PyResult<()> {
        let ts = &self.ts;
        let r = ts.recursion_remaining.get() - 1;
        ts.recursion_remaining.set(r);
        if r < 0 || (r & 31) == 0 {
            return self.check_recursive_call(where_);
        }
        Ok(())
    }

    #[cold]
    fn check_recursive_call(&self, where_: &str) -> PyResult<()> {
        let ts = &self.ts;
        let low_stack = stacker::remaining_stack().is_some_and(|s| s < ts.stack_reserve);
        if ts.recursion_headroom.get() {
            if ts.recursion_remaining.get() < -50
                || low_stack && stacker::remaining_stack().is_some_and(|s| s < 64 * 1024)
            {
                ts.recursion_remaining.set(ts.recursion_remaining.get() + 1);
                return Err(self.abort_with(crate::vm::Abort::Unsupported(
                    "cannot recover from stack overflow".into(),
                )));
            }
            return Ok(());
        }
        if ts.recursion_remaining.get() < 0 || low_stack {
            ts.recursion_headroom.set(true);
            let e = self.new_recursion_error(format!("maximum recursion depth exceeded{where_}"));
            ts.recursion_headroom.set(false);
            ts.recursion_remaining.set(ts.recursion_remaining.get() + 1);
            return Err(e);
        }
        Ok(())
    }

    #[inline]
    pub fn leave_recursive_call(&self) {
        self.ts
            .recursion_remaining
            .set(self.ts.recursion_remaining.get() + 1);
    }

    /// `sys.setrecursionlimit`.
    pub fn set_recursion_limit(&self, new_limit: i32) {
        let ts = &self.ts;
        let depth = ts.recursion_limit.get() - ts.recursion_remaining.get();
        ts.recursion_limit.set(new_limit);
        ts.recursion_remaining.set(new_limit - depth);
    }

    pub fn recursion_depth(&self) -> i32 {
        self.ts.recursion_limit.get() - self.ts.recursion_remaining.get()
    }

    /// Runs `f` guarded as a recursive native call (`Py_EnterRecursiveCall`).
    pub fn with_recursion<R>(&self, where_: &str, f: impl FnOnce() -> PyResult<R>) -> PyResult<R> {
        self.enter_recursive_call(where_)?;
        let r = f();
        self.leave_recursive_call();
        r
    }
}

/// Holds an exception while a `finally`-like cleanup runs.
pub struct SavedErr(pub Option<PyErr>);

impl SavedErr {
    pub fn into_result<T>(self, v: T) -> PyResult<T> {
        match self.0 {
            Some(e) => Err(e),
            None => Ok(v),
        }
    }
}

/// Clones a slot's value.
pub fn slot_clone(s: &Slot) -> Option<PyRef> {
    s.clone()
}
