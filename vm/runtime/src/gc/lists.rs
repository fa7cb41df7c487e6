//! The collector's list primitives over `GcHead` (the `gc_list_*` and `gc_refs` helpers of
//! `Modules/gcmodule.c`): during a collection `prev` holds `gc_refs << 2` plus the
//! `FINALIZED`/`COLLECTING` flags, and bit 0 of `next` marks the tentatively-unreachable list.

use crate::object::gc::{GcHead, PREV_MASK_COLLECTING, PREV_MASK_FINALIZED, PREV_SHIFT_MASK};
use crate::object::{PyObject, TypeFlags};

/// `_PyGC_PREV_SHIFT`.
pub const PREV_SHIFT: usize = 2;
/// `NEXT_MASK_UNREACHABLE`.
pub const NEXT_MASK_UNREACHABLE: usize = 1;

/// `GC_NEXT` (without the unreachable bit).
#[inline(always)]
pub unsafe fn next(g: *mut GcHead) -> *mut GcHead {
    unsafe { ((*g).next.get() as usize & !NEXT_MASK_UNREACHABLE) as *mut GcHead }
}

#[inline(always)]
pub unsafe fn next_raw(g: *mut GcHead) -> usize {
    unsafe { (*g).next.get() as usize }
}

#[inline(always)]
pub unsafe fn set_next_raw(g: *mut GcHead, v: usize) {
    unsafe { (*g).next.set(v as *mut GcHead) }
}

#[inline(always)]
pub unsafe fn prev(g: *mut GcHead) -> *mut GcHead {
    unsafe { (*g).prev_ptr() }
}

/// `_PyGCHead_SET_PREV`: keeps the flag bits.
#[inline(always)]
pub unsafe fn set_prev(g: *mut GcHead, p: *mut GcHead) {
    unsafe {
        let flags = (*g).prev.get() & !PREV_SHIFT_MASK;
        (*g).prev.set(p as usize | flags);
    }
}

#[inline(always)]
pub unsafe fn get_refs(g: *mut GcHead) -> isize {
    unsafe { ((*g).prev.get() >> PREV_SHIFT) as isize }
}

#[inline(always)]
pub unsafe fn set_refs(g: *mut GcHead, refs: isize) {
    unsafe {
        let flags = (*g).prev.get() & !PREV_SHIFT_MASK;
        (*g).prev.set(flags | ((refs as usize) << PREV_SHIFT));
    }
}

/// `gc_reset_refs`: keeps FINALIZED, sets COLLECTING.
#[inline(always)]
pub unsafe fn reset_refs(g: *mut GcHead, refs: isize) {
    unsafe {
        let f = (*g).prev.get() & PREV_MASK_FINALIZED;
        (*g).prev
            .set(f | PREV_MASK_COLLECTING | ((refs as usize) << PREV_SHIFT));
    }
}

#[inline(always)]
pub unsafe fn decref(g: *mut GcHead) {
    unsafe { (*g).prev.set((*g).prev.get().wrapping_sub(1 << PREV_SHIFT)) }
}

#[inline(always)]
pub unsafe fn is_collecting(g: *mut GcHead) -> bool {
    unsafe { (*g).prev.get() & PREV_MASK_COLLECTING != 0 }
}

#[inline(always)]
pub unsafe fn clear_collecting(g: *mut GcHead) {
    unsafe { (*g).prev.set((*g).prev.get() & !PREV_MASK_COLLECTING) }
}

/// `_PyObject_IS_GC`: the object has a GC header.
#[inline(always)]
pub fn is_gc(o: &PyObject) -> bool {
    let t = o.type_();
    if !t.flags().contains(TypeFlags::HAVE_GC) {
        return false;
    }
    // type_is_gc: builtin (static) type objects are not collected.
    if t.layout == crate::object::Layout::Type {
        // SAFETY: the layout says so.
        return unsafe { o.cast_unchecked::<crate::object::PyType>() }.is_heap();
    }
    true
}

pub unsafe fn init(list: *mut GcHead) {
    unsafe {
        (*list).next.set(list);
        (*list).prev.set(list as usize);
    }
}

pub unsafe fn is_empty(list: *mut GcHead) -> bool {
    unsafe { next(list) == list }
}

/// `gc_list_append`.
pub unsafe fn append(node: *mut GcHead, list: *mut GcHead) {
    unsafe {
        let last = prev(list);
        set_next_raw(last, node as usize);
        set_prev(node, last);
        set_next_raw(node, list as usize);
        (*list).prev.set(node as usize);
    }
}

/// `gc_list_remove`.
pub unsafe fn remove(node: *mut GcHead) {
    unsafe {
        let p = prev(node);
        let n = next(node);
        set_next_raw(p, n as usize);
        set_prev(n, p);
        set_next_raw(node, 0);
    }
}

/// `gc_list_move`.
pub unsafe fn move_to(node: *mut GcHead, list: *mut GcHead) {
    unsafe {
        let p = prev(node);
        let n = next(node);
        set_next_raw(p, n as usize);
        set_prev(n, p);
        append(node, list);
    }
}

/// `gc_list_merge`: appends `from` to `to`, leaving `from` empty.
pub unsafe fn merge(from: *mut GcHead, to: *mut GcHead) {
    unsafe {
        if !is_empty(from) {
            let to_tail = prev(to);
            let from_head = next(from);
            let from_tail = prev(from);
            set_next_raw(to_tail, from_head as usize);
            set_prev(from_head, to_tail);
            set_next_raw(from_tail, to as usize);
            (*to).prev.set(from_tail as usize);
        }
        init(from);
    }
}

pub unsafe fn size(list: *mut GcHead) -> usize {
    let mut n = 0;
    unsafe {
        let mut g = next(list);
        while g != list {
            n += 1;
            g = next(g);
        }
    }
    n
}

/// The objects of a list, with a new reference each.
pub unsafe fn objects(list: *mut GcHead) -> Vec<crate::object::PyRef> {
    let mut v = Vec::new();
    unsafe {
        let mut g = next(list);
        while g != list {
            v.push((*GcHead::object(g)).to_owned());
            g = next(g);
        }
    }
    v
}

/// An unlinked sentinel head for a temporary list in the caller's frame (no allocation per
/// collection): bind it, never move it, then `init(head_ptr(&h))` before use.
pub const fn empty_head() -> GcHead {
    GcHead {
        next: std::cell::Cell::new(std::ptr::null_mut()),
        prev: std::cell::Cell::new(0),
    }
}

/// A fresh sentinel head for a temporary list.
pub fn new_head() -> Box<GcHead> {
    let h = Box::new(GcHead {
        next: std::cell::Cell::new(std::ptr::null_mut()),
        prev: std::cell::Cell::new(0),
    });
    let p = &*h as *const GcHead as *mut GcHead;
    // SAFETY: a fresh head.
    unsafe { init(p) };
    h
}

pub fn head_ptr(h: &GcHead) -> *mut GcHead {
    h as *const GcHead as *mut GcHead
}
