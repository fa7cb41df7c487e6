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
    /// Objects currently alive (the leak check's count).
    static LIVE_OBJECTS: Cell<usize> = const { Cell::new(0) };
    /// Deallocation nesting depth (the trashcan).
    static DEALLOC_DEPTH: Cell<u32> = const { Cell::new(0) };
    /// Objects whose deallocation was deferred to bound the nesting depth.
    static DEFERRED: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// `PyTrash_UNWIND_LEVEL`.
const TRASH_LEVEL: u32 = 50;

/// Forgets the memory count of earlier VMs on this thread (their leftovers are never
/// freed into a later run): a new run on a reused thread starts its limits from zero.
pub fn reset_thread_counts() {
    ALLOCATED.with(|c| c.set(0));
    DEALLOC_DEPTH.with(|c| c.set(0));
    DEFERRED.with(|d| d.borrow_mut().clear());
}

/// Bytes of object memory in use on this thread.
pub fn allocated_bytes() -> usize {
    ALLOCATED.with(|c| c.get())
}

/// Objects allocated and not yet freed on this thread.
pub fn live_objects() -> usize {
    LIVE_OBJECTS.with(|c| c.get())
}

/// Accounts `n` bytes of auxiliary storage (list buffers, dict tables, big ints).
#[inline]
pub fn account(n: isize) {
    ALLOCATED.with(|c| c.set((c.get() as isize + n).max(0) as usize));
}

#[inline(always)]
fn mem_layout(size: usize, gc: bool) -> MemLayout {
    let total = size + if gc { GC_HEAD_SIZE } else { 0 };
    // Word-granular sizes, as pymalloc's 8-byte size classes: the binaries' allocator
    // (mimalloc) has a bin for every multiple of 8 up to 64 bytes. Asking for 16-byte
    // alignment of a 24- or 40-byte block would make it pad about half of them to a larger
    // bin, so only sizes that are multiples of 16 (the only ones a payload needing 16-byte
    // alignment, such as an `i128` field, can have) ask for it; the alignment is a
    // function of the size, so every block of one free-list class has the same layout.
    let total = (total.max(16) + 7) & !7;
    let align = if total.is_multiple_of(16) { 16 } else { 8 };
    // SAFETY: the alignment is a power of two and sizes are far below isize::MAX (callers
    // check user-controlled sizes against the memory limit first).
    unsafe { MemLayout::from_size_align_unchecked(total, align) }
}

/// Blocks up to this size are recycled through per-thread free lists (pymalloc's role).
const SMALL_MAX: usize = 136;
/// Size classes: 16, 24, …, SMALL_MAX bytes (multiples of 8).
const NCLASSES: usize = SMALL_MAX / 8 - 1;
/// Free blocks kept per size class; beyond it blocks go back to the system allocator.
const KEEP_PER_CLASS: usize = 4096;

/// The size class of a rounded small size.
#[inline(always)]
const fn class_of(size: usize) -> usize {
    size / 8 - 2
}

/// Per-thread stacks of freed small blocks, linked through their first word.
///
/// The lists are a `const` thread-local without a destructor, so the hot paths reach them
/// with a plain thread-pointer access (no registration state to check); [`FreeGuard`]
/// frees the blocks when the thread ends.
struct FreeLists {
    heads: [Cell<*mut u8>; NCLASSES],
    counts: [Cell<usize>; NCLASSES],
}

thread_local! {
    static FREE: FreeLists = const {
        FreeLists {
            heads: [const { Cell::new(ptr::null_mut()) }; NCLASSES],
            counts: [const { Cell::new(0) }; NCLASSES],
        }
    };
    /// Registered (touched) on every trip to the system allocator, so before any block
    /// can reach a free list: its destructor empties the lists at thread exit.
    static FREE_GUARD: FreeGuard = const { FreeGuard };
}

/// Empties this thread's free lists when the thread ends; after that the lists count as
/// full, so a block freed later (by another thread-local's destructor) goes back to the
/// system allocator.
struct FreeGuard;

impl Drop for FreeGuard {
    fn drop(&mut self) {
        let _ = FREE.try_with(|f| {
            for c in 0..NCLASSES {
                let layout = class_layout(c);
                let mut p = f.heads[c].get();
                while !p.is_null() {
                    // SAFETY: every block on the list is a free block of this class whose
                    // first word links to the next.
                    unsafe {
                        let next = *(p as *mut *mut u8);
                        std::alloc::dealloc(p, layout);
                        p = next;
                    }
                }
                f.heads[c].set(ptr::null_mut());
                f.counts[c].set(KEEP_PER_CLASS);
            }
        });
    }
}

#[inline(always)]
fn class_layout(c: usize) -> MemLayout {
    mem_layout((c + 2) * 8, false)
}

/// `malloc` for object memory: small blocks from the thread's free list.
#[inline(always)]
fn raw_alloc(layout: MemLayout) -> *mut u8 {
    let size = layout.size();
    if size <= SMALL_MAX {
        let c = class_of(size);
        let p = FREE.with(|f| {
            let p = f.heads[c].get();
            if !p.is_null() {
                // SAFETY: a free block of this class; its first word links to the next.
                f.heads[c].set(unsafe { *(p as *mut *mut u8) });
                f.counts[c].set(f.counts[c].get() - 1);
            }
            p
        });
        if !p.is_null() {
            return p;
        }
    }
    sys_alloc(layout)
}

/// `raw_alloc`'s trip to the system allocator (aborts on exhaustion, as `alloc` callers
/// expect a block).
#[cold]
#[inline(never)]
fn sys_alloc(layout: MemLayout) -> *mut u8 {
    let _ = FREE_GUARD.try_with(|_| ());
    // SAFETY: layout has non-zero size.
    let p = unsafe { std::alloc::alloc(layout) };
    if p.is_null() {
        std::alloc::handle_alloc_error(layout);
    }
    p
}

/// `free` for object memory: small blocks onto the thread's free list.
///
/// # Safety
/// `p` was returned by `raw_alloc(layout)` and is no longer used.
#[inline(always)]
unsafe fn raw_free(p: *mut u8, layout: MemLayout) {
    let size = layout.size();
    if size <= SMALL_MAX {
        let c = class_of(size);
        let kept = FREE.with(|f| {
            let n = f.counts[c].get();
            if n >= KEEP_PER_CLASS {
                return false;
            }
            // SAFETY: the block is at least 16 bytes and ours now.
            unsafe { *(p as *mut *mut u8) = f.heads[c].get() };
            f.heads[c].set(p);
            f.counts[c].set(n + 1);
            true
        });
        if kept {
            return;
        }
    }
    // SAFETY: caller's contract.
    unsafe { sys_free(p, layout) }
}

/// `raw_free`'s trip to the system allocator.
///
/// # Safety
/// As for [`raw_free`].
#[cold]
#[inline(never)]
unsafe fn sys_free(p: *mut u8, layout: MemLayout) {
    // SAFETY: caller's contract.
    unsafe { std::alloc::dealloc(p, layout) }
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
    debug_assert!(layout.align() >= std::mem::align_of::<T>());
    let raw = raw_alloc(layout);
    ALLOCATED.with(|c| c.set(c.get() + layout.size()));
    LIVE_OBJECTS.with(|c| c.set(c.get() + 1));
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
            crate::vm::with_vm(|vm| crate::gc::note_alloc_typed(vm, ty, var_bytes / 8));
        }
        PyRef::from_raw(obj)
    }
}

/// Allocates a fixed-size instance of `ty` holding `payload`.
#[inline(always)]
pub fn alloc<T: PyPayload>(ty: &PyType, payload: T) -> PyRef<T> {
    debug_assert!(ty.layout == T::LAYOUT || T::LAYOUT == super::Layout::Object);
    if ty.extra_words == 0 && ty.flags().0 & (TypeFlags::HAVE_GC | TypeFlags::HEAPTYPE).0 == 0 {
        // SAFETY: a static type without GC header or extras (int, float, …): the object
        // is the payload alone.
        return unsafe { alloc_plain(ty, payload) };
    }
    // SAFETY: no var part.
    unsafe { alloc_var(ty, payload, 0) }
}

/// `alloc_var`'s path for a static, non-GC type with no var part and no extra words
/// (int, float, …), inlined into the callers that make such objects in hot loops.
///
/// # Safety
/// As for `alloc_var`, and `ty` must be such a type.
#[inline(always)]
unsafe fn alloc_plain<T: PyPayload>(ty: &PyType, payload: T) -> PyRef<T> {
    let layout = mem_layout((ty.base_size + 7) & !7, false);
    let raw = raw_alloc(layout);
    ALLOCATED.with(|c| c.set(c.get() + layout.size()));
    LIVE_OBJECTS.with(|c| c.set(c.get() + 1));
    // SAFETY: `raw` is a fresh block of the payload's size.
    unsafe {
        let obj = raw as *mut PyObject;
        ptr::write(obj as *mut T, payload);
        (*obj).ob_refcnt.set(1);
        (*obj).ob_type.set(ty as *const PyType);
        PyRef::from_raw(obj)
    }
}

/// Deallocates an object whose count reached zero (`_Py_Dealloc`), through the trashcan.
///
/// Exact floats and ints (static leaf types with no GC header, finalizer or extras: they
/// own no references, so freeing them cannot recurse) go straight back to their free
/// list here, in a small function with no call on that path; everything else takes
/// [`dealloc_slow`].
///
/// # Safety
/// `op` must be a live object with refcount 0.
pub unsafe fn dealloc(op: *mut PyObject) {
    unsafe {
        let ty = &*(*op).ob_type.get();
        if ty.extra_words == 0
            && ty.flags().0
                & (TypeFlags::HAVE_GC | TypeFlags::HAS_FINALIZER | TypeFlags::HEAPTYPE).0
                == 0
        {
            match ty.layout {
                super::Layout::Float => {
                    free_plain(op, ty.base_size);
                    return;
                }
                super::Layout::Int => {
                    // Made by `alloc_plain` (no var part): a big value owns a heap buffer.
                    if matches!(
                        crate::objects::int::int_value(&*op),
                        Some(crate::objects::intval::Int::Big(_))
                    ) {
                        drop_int_payload(op);
                    }
                    free_plain(op, ty.base_size);
                    return;
                }
                _ => {}
            }
        }
        dealloc_slow(op)
    }
}

/// Drops the payload of an int holding a big value (out of `dealloc`'s fast path).
#[cold]
#[inline(never)]
unsafe fn drop_int_payload(op: *mut PyObject) {
    unsafe { ptr::drop_in_place(op as *mut crate::objects::int::PyInt) }
}

/// Frees the block of an object made by `alloc_plain` with payload size `base_size`.
#[inline(always)]
unsafe fn free_plain(op: *mut PyObject, base_size: usize) {
    let layout = mem_layout((base_size + 7) & !7, false);
    unsafe { raw_free(op as *mut u8, layout) };
    note_freed(layout.size());
}

/// [`dealloc`] of every object but exact floats and ints.
///
/// # Safety
/// As for [`dealloc`].
#[inline(never)]
unsafe fn dealloc_slow(op: *mut PyObject) {
    // Other leaf objects (exact complex, str, bytes) own no references either: no
    // trashcan, finalizer, GC header or extras to handle.
    unsafe {
        let ty = &*(*op).ob_type.get();
        if matches!(
            ty.layout,
            super::Layout::Int
                | super::Layout::Float
                | super::Layout::Complex
                | super::Layout::Str
                | super::Layout::Bytes
        ) && ty.extra_words == 0
            && ty.flags().0
                & (TypeFlags::HAVE_GC | TypeFlags::HAS_FINALIZER | TypeFlags::HEAPTYPE).0
                == 0
        {
            let size = ty.instance_size(&*op);
            (ty.layout_ops.drop_payload)(op);
            let layout = mem_layout(size, false);
            raw_free(op as *mut u8, layout);
            note_freed(layout.size());
            return;
        }
    }
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

/// Accounts one freed object of `bytes` bytes (the twin of the counting in [`alloc_var`]);
/// every free path goes through here so the leak check's live count stays exact.
#[inline(always)]
fn note_freed(bytes: usize) {
    ALLOCATED.with(|c| c.set(c.get().saturating_sub(bytes)));
    LIVE_OBJECTS.with(|c| c.set(c.get().saturating_sub(1)));
}

/// The generic `tp_dealloc`: finalizer, untrack, clear extras, drop payload, free, type decref.
unsafe fn dealloc_now(op: *mut PyObject) {
    unsafe {
        let ty = &*(*op).ob_type.get();
        if ty.layout == super::Layout::Type {
            // A type is going away: cached lookups may point into its dict.
            super::typeobj::type_modified();
        }
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
        // PyObject_ClearWeakRefs: weak references die (callbacks run) before the fields.
        crate::gc::weakref::clear_weakrefs(&*op);
        crate::gc::before_instance_free(&*op);
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
        let nitems = if gc && ty.layout == super::Layout::Tuple {
            size.saturating_sub(ty.base_size) / 8
        } else {
            0
        };
        (ty.layout_ops.drop_payload)(op);
        let heap = ty.is_heap();
        let ty_ptr = ty as *const PyType as *mut PyObject;
        let layout = mem_layout(size, gc);
        let raw = if gc {
            (op as *mut u8).sub(GC_HEAD_SIZE)
        } else {
            op as *mut u8
        };
        raw_free(raw, layout);
        if gc {
            crate::vm::with_vm(|vm| crate::gc::note_free_typed(vm, op, ty, nitems));
        }
        note_freed(layout.size());
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
