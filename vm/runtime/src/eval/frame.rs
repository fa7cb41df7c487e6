//! Interpreter frames (`_PyInterpreterFrame`): fast locals, the value stack, the
//! instruction offset and the links of the frame chain. Frames are boxed and recycled
//! through the thread state's pool so a call allocates nothing in the steady state.

use crate::object::{PyObject, PyRef, Slot};
use crate::objects::code::PyCode;
use crate::objects::dict::PyDict;
use crate::objects::frame::PyFrameObject;

pub struct Frame {
    pub code: Option<PyRef<PyCode>>,
    /// The function being run (keeps defaults/closure alive), if any.
    pub func: Slot,
    pub globals: Option<PyRef<PyDict>>,
    pub builtins: Option<PyRef<PyDict>>,
    /// The locals mapping of module and class bodies (`LOAD_NAME`).
    pub locals: Slot,
    /// Fast locals, cells and free variables (`localsplus`).
    pub fast: Vec<Slot>,
    pub stack: Vec<Slot>,
    /// Byte offset of the instruction being executed.
    pub lasti: usize,
    /// Byte offset of the next instruction to execute.
    pub next_instr: usize,
    pub previous: *mut Frame,
    /// The frame object, once one was made (tracebacks, `sys._getframe`).
    pub frame_obj: Option<PyRef<PyFrameObject>>,
    /// This frame was entered from native code: returning leaves the eval loop.
    pub is_entry: bool,
    /// The generator owning this frame (null otherwise).
    pub generator: *const PyObject,
    /// `KW_NAMES` for the next `CALL`.
    pub kwnames: Slot,
}

impl Frame {
    pub fn empty() -> Frame {
        Frame {
            code: None,
            func: None,
            globals: None,
            builtins: None,
            locals: None,
            fast: Vec::new(),
            stack: Vec::new(),
            lasti: 0,
            next_instr: 0,
            previous: std::ptr::null_mut(),
            frame_obj: None,
            is_entry: false,
            generator: std::ptr::null(),
            kwnames: None,
        }
    }

    /// `_PyFrame_Clear`: releases locals (in index order) then the stack, then the rest.
    #[inline]
    pub fn clear(&mut self) {
        if self.frame_obj.is_some() {
            self.clear_frame_obj();
        }
        for s in self.fast.iter_mut() {
            let v = s.take();
            drop(v);
        }
        // SAFETY: every slot was emptied just above (a `None` needs no drop).
        unsafe { self.fast.set_len(0) };
        for s in self.stack.iter_mut() {
            let v = s.take();
            drop(v);
        }
        // SAFETY: as above.
        unsafe { self.stack.set_len(0) };
        if self.kwnames.is_some() {
            let kw = self.kwnames.take();
            drop(kw);
        }
        if self.locals.is_some() {
            let l = self.locals.take();
            drop(l);
        }
        let f = self.func.take();
        drop(f);
        let g = self.globals.take();
        drop(g);
        let b = self.builtins.take();
        drop(b);
        let c = self.code.take();
        drop(c);
        self.previous = std::ptr::null_mut();
        self.is_entry = false;
        self.generator = std::ptr::null();
        self.lasti = 0;
        self.next_instr = 0;
    }

    /// The frame object part of [`Frame::clear`]: a frame object that outlives the frame
    /// takes the locals over.
    #[cold]
    #[inline(never)]
    fn clear_frame_obj(&mut self) {
        if let Some(fo) = self.frame_obj.take() {
            fo.frame.set(std::ptr::null_mut());
            fo.lasti.set(self.lasti);
            if fo.as_object().refcnt() > 1 {
                // Someone holds the frame object: it takes the locals over.
                let fast = std::mem::take(&mut self.fast);
                fo.fast.set(fast);
                fo.func.set(self.func.take());
                if self.locals.is_some() {
                    fo.locals.set(self.locals.take());
                }
                self.link_back(&fo);
            }
            drop(fo);
        }
    }

    /// `take_ownership`'s `f_back`: a finished frame whose object lives on links to its
    /// caller's frame object (made if needed). Generator frames have no `previous` here.
    fn link_back(&mut self, fo: &PyFrameObject) {
        if self.previous.is_null() || !self.generator.is_null() || fo.back.borrow().is_some() {
            return;
        }
        // SAFETY: `previous` is the caller's frame, alive while this frame is cleared.
        let pf = unsafe { &mut *self.previous };
        let back = match &pf.frame_obj {
            Some(b) => Some(b.clone()),
            None => {
                let b = crate::vm::with_vm(|vm| vm.new_frame_object(pf));
                pf.frame_obj = b.clone();
                b
            }
        };
        fo.back.set(back.map(|b| b.into_object()));
    }

    pub fn traverse(&self, visit: &mut dyn FnMut(&PyObject)) {
        for s in self.fast.iter().chain(self.stack.iter()).flatten() {
            visit(s);
        }
        if let Some(l) = &self.locals {
            visit(l);
        }
    }
}
