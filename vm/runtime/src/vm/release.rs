//! Freeing a torn-down VM: after `run::teardown` has broken every cycle, the VM's own
//! references (singletons, interned strings, small ints, `sys.modules`, …) are dropped and
//! the builtin (static) type objects, which reference each other and are referenced by
//! every remaining object's `ob_type`, are freed last. Without this each run on a reused
//! thread left ~1500 objects (~240 KiB) behind.

use super::{EnterGuard, Vm};
use crate::object::gc::{GC_HEAD_SIZE, GcHead};
use crate::object::{PyRef, PyType};
use std::ptr;

/// Added to the count of every static type before the VM is dropped, so that dropping the
/// references held to it (by the VM, by other types' `base`/`bases`) never deallocates it
/// while objects of that type are still being freed.
const IMMORTAL: isize = 1 << 40;

/// Frees `vm` and everything it still owns, then its static type objects. Call after
/// `run::teardown` (finalizers off, cycles broken), with `guard` the guard that made `vm`
/// current: it is dropped before the VM so that nothing freed here reaches the VM through
/// `with_vm`.
///
/// Objects that are still referenced after this (a reference-count leak) keep their
/// memory; they are never touched again.
pub(crate) fn release(vm: Box<Vm>, guard: EnterGuard) {
    // Static types: the builtin and exception types and module-private static types.
    let mut statics: Vec<*mut PyType> = Vec::new();
    {
        let extra = vm.extra_types.borrow();
        for t in vm
            .types
            .all()
            .into_iter()
            .chain(vm.exc.all())
            .chain(extra.iter())
        {
            if t.is_heap() {
                continue;
            }
            let p = t.as_ptr() as *mut PyType;
            if !statics.contains(&p) {
                statics.push(p);
            }
        }
    }
    for &t in &statics {
        // SAFETY: a live type object; its count is only ever read from here on.
        unsafe {
            let rc = &(*t).ob.ob_refcnt;
            rc.set(rc.get() + IMMORTAL);
        }
    }
    // Nothing may stay linked to the generation lists whose heads the VM owns: teardown
    // left only cleared shells there, freed (untracked) as their counts reach zero.
    for generation in &vm.gc_generations {
        // SAFETY: walking and unlinking our own tracked list.
        unsafe { untrack_all(generation.head_ptr()) };
    }
    // SAFETY: the permanent generation's list (emptied by teardown's unfreeze).
    unsafe { untrack_all(crate::gc::permanent_head()) };
    drop(guard);
    drop(vm);
    // The types' own references: names, bases, mro, dicts. Taken out of every type first
    // and dropped after, so freeing them reads only types whose fields are all intact.
    let mut held: Vec<TypeRefs> = Vec::with_capacity(statics.len());
    for &t in &statics {
        // SAFETY: each field is read exactly once and the type is freed below without
        // dropping its payload again.
        unsafe {
            held.push(TypeRefs {
                _name: ptr::read((*t).name.get()),
                _qualname: ptr::read((*t).qualname.get()),
                _base: ptr::read(&(*t).base),
                _bases: ptr::read((*t).bases.get()),
                _mro: ptr::read((*t).mro.get()),
                _dict: ptr::read(&(*t).dict),
            });
        }
    }
    drop(held);
    let layout = type_block_layout();
    for &t in &statics {
        // SAFETY: allocated by `bootstrap::raw_type` with this layout, GC header first;
        // no object of this VM refers to it any more.
        unsafe {
            std::alloc::dealloc((t as *mut u8).sub(GC_HEAD_SIZE), layout);
        }
        crate::object::alloc::account(-(layout.size() as isize));
    }
    // Cached attribute lookups may name the freed types.
    crate::object::typeobj::type_modified();
}

/// The block layout of a static type object (`bootstrap::raw_type`).
pub(crate) fn type_block_layout() -> std::alloc::Layout {
    // SAFETY: 16 is a power of two and the size is small.
    unsafe {
        std::alloc::Layout::from_size_align_unchecked(
            GC_HEAD_SIZE + std::mem::size_of::<PyType>(),
            16,
        )
    }
}

/// The references a type object's payload holds.
struct TypeRefs {
    _name: PyRef<crate::objects::str::PyStr>,
    _qualname: PyRef<crate::objects::str::PyStr>,
    _base: Option<PyRef<PyType>>,
    _bases: PyRef<crate::objects::tuple::PyTuple>,
    _mro: Option<PyRef<crate::objects::tuple::PyTuple>>,
    _dict: PyRef<crate::objects::dict::PyDict>,
}

/// Unlinks every header of the list headed by `head`.
///
/// # Safety
/// `head` is a live list head whose members are live headers.
unsafe fn untrack_all(head: *mut GcHead) {
    unsafe {
        loop {
            let g = (*head).next.get();
            if g.is_null() || g == head {
                return;
            }
            crate::object::gc::unlink(g);
        }
    }
}
