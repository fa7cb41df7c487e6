//! The GC header that precedes every GC-capable object, and the list of tracked objects.
//!
//! Layout as CPython's `PyGC_Head`: two words before the object, `next` and `prev` links of
//! a doubly linked list (a generation). The low bits of `prev` are free for the collector's
//! flags (`FINALIZED` is bit 0, as `_PyGC_PREV_MASK_FINALIZED`); during a collection the
//! collector may reuse `prev` for `gc_refs` as `gcmodule.c` does. Untracked objects have
//! `next == null`. The cycle collector (issue 6) walks these lists with each type's
//! `traverse`/`clear` slots; everything it needs is here.

use super::PyObject;
use std::cell::Cell;
use std::ptr;

/// `PyGC_Head`.
#[repr(C)]
pub struct GcHead {
    pub next: Cell<*mut GcHead>,
    /// Previous link; bit 0 = already finalized (PEP 442), bit 1 reserved for the collector.
    pub prev: Cell<usize>,
}

pub const PREV_MASK_FINALIZED: usize = 1;
pub const PREV_MASK_COLLECTING: usize = 2;
pub const PREV_SHIFT_MASK: usize = !3;
/// On an untracked dict only (its `prev` link is unused then): the dict holds the
/// attributes of an instance and Python code has not seen it as an object. CPython 3.11
/// keeps such attributes inline in the instance (no dict object): the dict stays
/// untracked and the instance's traversal visits its contents (see `gc/traverse.rs`).
pub const PREV_MASK_INLINE_DICT: usize = 4;

pub const GC_HEAD_SIZE: usize = std::mem::size_of::<GcHead>();

impl GcHead {
    /// The header of a GC object.
    ///
    /// # Safety
    /// `op` must be an object whose type has `HAVE_GC`.
    #[inline(always)]
    pub unsafe fn of(op: *const PyObject) -> *mut GcHead {
        unsafe { (op as *mut u8).sub(GC_HEAD_SIZE) as *mut GcHead }
    }

    /// The object that follows this header.
    #[inline(always)]
    pub fn object(this: *mut GcHead) -> *mut PyObject {
        // SAFETY: pointer arithmetic within the same allocation.
        unsafe { (this as *mut u8).add(GC_HEAD_SIZE) as *mut PyObject }
    }

    #[inline(always)]
    pub fn prev_ptr(&self) -> *mut GcHead {
        (self.prev.get() & PREV_SHIFT_MASK) as *mut GcHead
    }

    #[inline(always)]
    fn set_prev_ptr(&self, p: *mut GcHead) {
        self.prev
            .set((p as usize) | (self.prev.get() & !PREV_SHIFT_MASK));
    }

    pub fn is_tracked(&self) -> bool {
        !self.next.get().is_null()
    }

    pub fn finalized(&self) -> bool {
        self.prev.get() & PREV_MASK_FINALIZED != 0
    }

    pub fn set_finalized(&self) {
        self.prev.set(self.prev.get() | PREV_MASK_FINALIZED);
    }
}

/// A generation: a circular list with a sentinel head, plus CPython's counters.
pub struct Generation {
    pub head: Box<GcHead>,
    pub threshold: Cell<usize>,
    pub count: Cell<isize>,
}

impl Generation {
    pub fn new(threshold: usize) -> Self {
        let head = Box::new(GcHead {
            next: Cell::new(ptr::null_mut()),
            prev: Cell::new(0),
        });
        let p = &*head as *const GcHead as *mut GcHead;
        head.next.set(p);
        head.prev.set(p as usize);
        Generation {
            head,
            threshold: Cell::new(threshold),
            count: Cell::new(0),
        }
    }

    pub fn head_ptr(&self) -> *mut GcHead {
        &*self.head as *const GcHead as *mut GcHead
    }

    /// Links `g` at the end of this list (`_PyObject_GC_TRACK`).
    ///
    /// # Safety
    /// `g` must be an untracked live header.
    pub unsafe fn append(&self, g: *mut GcHead) {
        let head = self.head_ptr();
        unsafe {
            let last = (*head).prev_ptr();
            (*last).next.set(g);
            (*g).set_prev_ptr(last);
            (*g).next.set(head);
            (*head).set_prev_ptr(g);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.head.next.get() == self.head_ptr()
    }
}

/// Unlinks a tracked header (`_PyObject_GC_UNTRACK`).
///
/// # Safety
/// `g` must be a live header.
pub unsafe fn unlink(g: *mut GcHead) {
    unsafe {
        let next = (*g).next.get();
        if next.is_null() {
            return;
        }
        let prev = (*g).prev_ptr();
        (*prev).next.set(next);
        (*next).set_prev_ptr(prev);
        (*g).next.set(ptr::null_mut());
        (*g).prev.set((*g).prev.get() & !PREV_SHIFT_MASK);
    }
}

/// `gc.is_tracked(obj)`.
pub fn is_tracked(obj: &PyObject) -> bool {
    if !obj.type_().flags().contains(super::TypeFlags::HAVE_GC) {
        return false;
    }
    // SAFETY: HAVE_GC objects have a header.
    unsafe { (*GcHead::of(obj)).is_tracked() }
}

/// Tracks a GC object in generation 0 (no-op if tracked or not a GC type).
pub fn track(obj: &PyObject) {
    if !obj.type_().flags().contains(super::TypeFlags::HAVE_GC) {
        return;
    }
    // SAFETY: HAVE_GC objects have a header.
    unsafe {
        let g = GcHead::of(obj);
        if !(*g).is_tracked() {
            crate::vm::with_gc(|gen0| gen0.append(g));
        }
    }
}

/// Untracks a GC object.
pub fn untrack(obj: &PyObject) {
    if !obj.type_().flags().contains(super::TypeFlags::HAVE_GC) {
        return;
    }
    // SAFETY: HAVE_GC objects have a header.
    unsafe { unlink(GcHead::of(obj)) }
}

/// Marks a fresh, untracked instance dict as holding inline attributes
/// ([`PREV_MASK_INLINE_DICT`]): it stays untracked until [`materialize_dict`].
pub fn set_inline_dict(d: &PyObject) {
    if !d.type_().flags().contains(super::TypeFlags::HAVE_GC) {
        return;
    }
    // SAFETY: HAVE_GC objects have a header.
    unsafe {
        let g = GcHead::of(d);
        if !(*g).is_tracked() {
            (*g).prev.set((*g).prev.get() | PREV_MASK_INLINE_DICT);
        }
    }
}

/// Whether `d` is an instance dict holding inline attributes.
#[inline(always)]
pub fn is_inline_dict(d: &PyObject) -> bool {
    if !d.type_().flags().contains(super::TypeFlags::HAVE_GC) {
        return false;
    }
    // SAFETY: HAVE_GC objects have a header.
    unsafe {
        let g = GcHead::of(d);
        (*g).next.get().is_null() && (*g).prev.get() & PREV_MASK_INLINE_DICT != 0
    }
}

/// Whether a dict insert may have to track `d` (`MAINTAIN_TRACKING`): it is neither
/// tracked nor an inline-attribute dict.
#[inline(always)]
pub fn may_track_on_insert(d: &PyObject) -> bool {
    if !d.type_().flags().contains(super::TypeFlags::HAVE_GC) {
        return false;
    }
    // SAFETY: HAVE_GC objects have a header.
    unsafe {
        let g = GcHead::of(d);
        (*g).next.get().is_null() && (*g).prev.get() & PREV_MASK_INLINE_DICT == 0
    }
}

/// Clears the inline mark of `d`: Python code now sees it as an object. Returns whether
/// it was set (the caller then tracks `d` if it holds a container, as CPython's
/// `make_dict_from_instance_attributes` does).
pub fn clear_inline_dict(d: &PyObject) -> bool {
    if !is_inline_dict(d) {
        return false;
    }
    // SAFETY: HAVE_GC objects have a header.
    unsafe {
        let g = GcHead::of(d);
        (*g).prev.set((*g).prev.get() & !PREV_MASK_INLINE_DICT);
    }
    true
}
