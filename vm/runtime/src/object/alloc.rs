//! Object allocation and deallocation: memory accounting, GC headers, `__del__`
//! (PEP 442 finalizers) and CPython's "trashcan" so freeing a long chain never recurses
//! deeply on the Rust stack.

use super::gc::{GC_HEAD_SIZE, GcHead};
use super::{PyObject, PyPayload, PyRef, PyType, TypeFlags};
use std::alloc::Layout as MemLayout;
use std::cell::{Cell, RefCell};
use std::ptr;

thread_local! {
    /// Bytes currently allocated for objects by this thread's VM.
    static ALLOCATED: Cell<usize> = const { Cell::new(0) };
    /// Deallocation nesting depth (the trashcan).
    static DEALLOC_DEPTH: Cell<u32> = const { Cell::new(0) };
    /// Objects whose deallocation was deferred to bound the nesting depth.
    static DEFERRED: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// `PyTrash_UNWIND_LEVEL`.
const TRASH_LEVEL: u32 = 50;

/// Bytes of object memory in use on this thread.
pub fn allocated_bytes() -> usize {
    ALLOCATED.with(|c| c.get())
}

/// Accounts `n` bytes of auxiliary storage (list buffers, dict tables, big ints).
#[inline]
pub fn account(n: isize) {
    ALLOCATED.with(|c| c.set((c.get() as isize + n).max(0) as usize));
}

#[inline]
fn mem_layout(size: usize, gc: bool) -> MemLayout {
    let total = size + if gc { GC_HEAD_SIZE } else { 0 };
    // SAFETY: align 16 is a power of two and sizes are far below isize::MAX (callers check
    // user-controlled sizes against the memory limit first).
    unsafe { MemLayout::from_size_align_unchecked(total.max(16), 16) }
}

/// Allocates an instance of `ty` holding `payload`, with `var_bytes` bytes of variable part
/// left uninitialised for the caller, and the extra words (dict, slots) set to NULL.
/// GC types are tracked immediately.
///
/// # Safety
/// `ty.layout` must be `T::LAYOUT` (or `T` is `PyObject` and the layout has no payload) and
/// the caller must initialise the var part before the object is used.
pub unsafe fn alloc_var<T: PyPayload>(ty: &PyType, payload: T, var_bytes: usize) -> PyRef<T> {
    let gc = ty.flags().contains(TypeFlags::HAVE_GC);
    let extras = (ty.base_size + var_bytes + 7) & !7;
    let size = extras + ty.extra_words * 8;
    let layout = mem_layout(size, gc);
    // SAFETY: layout has non-zero size.
    let raw = unsafe { std::alloc::alloc(layout) };
    if raw.is_null() {
        std::alloc::handle_alloc_error(layout);
    }
    ALLOCATED.with(|c| c.set(c.get() + layout.size()));
    unsafe {
        let obj = if gc { raw.add(GC_HEAD_SIZE) } else { raw } as *mut PyObject;
        if gc {
            let g = raw as *mut GcHead;
            ptr::write(
                g,
                GcHead {
                    next: Cell::new(ptr::null_mut()),
                    prev: Cell::new(0),
                },
            );
        }
        ptr::write(obj as *mut T, payload);
        (*obj).ob_refcnt.set(1);
        (*obj).ob_type.set(ty as *const PyType);
        if ty.is_heap() {
            ty.as_object().incref();
        }
        let ew = (obj as *mut u8).add(extras) as *mut usize;
        for i in 0..ty.extra_words {
            ptr::write(ew.add(i), 0);
        }
        if gc {
            super::gc::track(&*obj);
            crate::vm::with_vm(|vm| crate::gc::note_alloc(vm));
        }
        PyRef::from_raw(obj)
    }
}

/// Allocates a fixed-size instance of `ty` holding `payload`.
#[inline]
pub fn alloc<T: PyPayload>(ty: &PyType, payload: T) -> PyRef<T> {
    debug_assert!(ty.layout == T::LAYOUT || T::LAYOUT == super::Layout::Object);
    // SAFETY: no var part.
    unsafe { alloc_var(ty, payload, 0) }
}

/// Deallocates an object whose count reached zero (`_Py_Dealloc`), through the trashcan.
///
/// # Safety
/// `op` must be a live object with refcount 0.
pub unsafe fn dealloc(op: *mut PyObject) {
    let depth = DEALLOC_DEPTH.with(|d| d.get());
    if depth >= TRASH_LEVEL {
        // Untrack now (as tp_dealloc does before the trashcan): a collection must never
        // see an object whose count already reached zero.
        unsafe {
            if (*op).type_().flags().contains(TypeFlags::HAVE_GC) {
                super::gc::unlink(GcHead::of(op));
            }
        }
        DEFERRED.with(|q| q.borrow_mut().push(op as usize));
        return;
    }
    DEALLOC_DEPTH.with(|d| d.set(depth + 1));
    unsafe { dealloc_now(op) };
    if depth == 0 {
        loop {
            let next = DEFERRED.with(|q| q.borrow_mut().pop());
            match next {
                Some(p) => unsafe { dealloc_now(p as *mut PyObject) },
                None => break,
            }
        }
    }
    DEALLOC_DEPTH.with(|d| d.set(depth));
}

/// The generic `tp_dealloc`: finalizer, untrack, clear extras, drop payload, free, type decref.
unsafe fn dealloc_now(op: *mut PyObject) {
    unsafe {
        let ty = &*(*op).ob_type.get();
        let flags = ty.flags();
        let gc = flags.contains(TypeFlags::HAVE_GC);
        if flags.contains(TypeFlags::HAS_FINALIZER) {
            let g = GcHead::of(op);
            if !gc || !(*g).finalized() {
                if gc {
                    (*g).set_finalized();
                }
                // Resurrect temporarily (PyObject_CallFinalizerFromDealloc).
                (*op).ob_refcnt.set(1);
                if let Some(fin) = ty.slots().finalize {
                    crate::vm::with_vm(|vm| fin(vm, &*op));
                }
                let n = (*op).ob_refcnt.get() - 1;
                (*op).ob_refcnt.set(n);
                if n != 0 {
                    return; // resurrected
                }
            }
        }
        if gc {
            super::gc::unlink(GcHead::of(op));
        }
        // Take the extras out first, then drop them: __del__ of a member may run.
        let nextra = ty.extra_words;
        let mut extras: Vec<Option<PyRef>> = Vec::new();
        if nextra > 0 {
            extras.reserve(nextra);
            for i in 0..nextra {
                extras.push(ptr::replace(ty.extra_word(&*op, i), None));
            }
        }
        let size = ty.instance_size(&*op);
        (ty.layout_ops.drop_payload)(op);
        let heap = ty.is_heap();
        let ty_ptr = ty as *const PyType as *mut PyObject;
        let layout = mem_layout(size, gc);
        let raw = if gc {
            (op as *mut u8).sub(GC_HEAD_SIZE)
        } else {
            op as *mut u8
        };
        std::alloc::dealloc(raw, layout);
        if gc {
            crate::vm::with_vm(|vm| crate::gc::note_free(vm));
        }
        ALLOCATED.with(|c| c.set(c.get().saturating_sub(layout.size())));
        drop(extras);
        if heap {
            drop(PyRef::<PyObject>::from_raw(ty_ptr));
        }
    }
}

/// A `drop_payload` for payloads with nothing to drop.
pub unsafe fn drop_nothing(_: *mut PyObject) {}

/// A `drop_payload` that runs `T`'s destructor on the payload in place.
///
/// # Safety
/// `op` must hold a valid `T`.
pub unsafe fn drop_payload<T: PyPayload>(op: *mut PyObject) {
    unsafe { ptr::drop_in_place(op as *mut T) }
}
