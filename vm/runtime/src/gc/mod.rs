//! The generational cycle collector (a port of `Modules/gcmodule.c` of CPython 3.11):
//! three generations with thresholds (700, 10, 10), allocation accounting, trial deletion
//! (`update_refs`, `subtract_refs`, `move_unreachable`), PEP 442 finalization with
//! resurrection, weak reference clearing and callbacks, `gc.callbacks` and `gc.garbage`.
//!
//! Automatic collections are requested when an allocation pushes generation 0's count
//! past its threshold (`note_alloc`) and run at the next safe point of the eval loop
//! (`collect_if_pending`): never inside native code that may hold borrows or a
//! half-initialised object.

pub mod leak;
pub mod lists;
pub mod startup;
pub mod traverse;
pub mod weakproxy;
pub mod weakref;

use crate::object::gc::GcHead;
use crate::object::{PyObject, PyRef};
use crate::vm::Vm;
use lists::*;
use std::cell::{Cell, RefCell};

/// `gc.DEBUG_*`.
pub const DEBUG_STATS: i64 = 1;
pub const DEBUG_COLLECTABLE: i64 = 2;
pub const DEBUG_UNCOLLECTABLE: i64 = 4;
pub const DEBUG_SAVEALL: i64 = 32;

/// Collector state of the VM on this thread (one VM per thread).
pub struct GcState {
    pub collecting: Cell<bool>,
    pub debug: Cell<i64>,
    pub long_lived_total: Cell<usize>,
    pub long_lived_pending: Cell<usize>,
    /// `gc.garbage` and `gc.callbacks` (owned references, created with the module).
    pub garbage: Cell<*mut PyObject>,
    pub callbacks: Cell<*mut PyObject>,
    /// The permanent generation (`gc.freeze`).
    pub permanent: RefCell<Option<Box<GcHead>>>,
    /// Per generation: (collections, collected, uncollectable).
    pub stats: RefCell<[(i64, i64, i64); 3]>,
}

thread_local! {
    /// An automatic collection is due (kept apart from `STATE`: const, cheap to test).
    static PENDING: Cell<bool> = const { Cell::new(false) };
    pub static STATE: GcState = GcState {
        collecting: Cell::new(false),
        debug: Cell::new(0),
        long_lived_total: Cell::new(0),
        long_lived_pending: Cell::new(0),
        garbage: Cell::new(std::ptr::null_mut()),
        callbacks: Cell::new(std::ptr::null_mut()),
        permanent: RefCell::new(None),
        stats: RefCell::new([(0, 0, 0); 3]),
    };
}

pub fn with_state<R>(f: impl FnOnce(&GcState) -> R) -> R {
    STATE.with(f)
}

/// Forgets the state of a previous VM on this thread (called when a run starts).
pub fn reset_state() {
    weakref::reset();
    FREE_LISTS.with(|f| f.iter().for_each(|c| c.set(0)));
    VIRTUAL_FREES.with(|v| v.borrow_mut().clear());
    PENDING.with(|p| p.set(false));
    with_state(|s| {
        s.collecting.set(false);
        s.debug.set(0);
        s.long_lived_total.set(0);
        s.long_lived_pending.set(0);
        s.garbage.set(std::ptr::null_mut());
        s.callbacks.set(std::ptr::null_mut());
        if let Some(h) = s.permanent.borrow_mut().take() {
            // SAFETY: a list head; a VM left without teardown may still link objects
            // to it, so a non-empty head is never freed.
            if !unsafe { is_empty(head_ptr(&h)) } {
                Box::leak(h);
            }
        }
        *s.stats.borrow_mut() = [(0, 0, 0); 3];
    });
}

/// The permanent generation's head.
pub fn permanent_head() -> *mut GcHead {
    with_state(|s| {
        let mut p = s.permanent.borrow_mut();
        let h = p.get_or_insert_with(new_head);
        head_ptr(h)
    })
}

/// Called for every GC object allocated (`_PyObject_GC_Link`).
#[inline]
pub fn note_alloc(vm: &Vm) {
    let g0 = &vm.gc_generations[0];
    let c = g0.count.get() + 1;
    g0.count.set(c);
    let t = g0.threshold.get();
    if c > t as isize && t != 0 && vm.gc_enabled.get() {
        PENDING.with(|p| p.set(true));
        vm.break_eval();
    }
}

/// CPython 3.11's free lists of exact lists (80), dicts (80) and tuples of 1 to 20 items
/// (2000 each): an object taken from or returned to one is not an allocation or a
/// deallocation for generation 0's count (`gc.get_count`). A full collection empties
/// them (`clear_freelists`). Index: 0 list, 1 dict, 1 + n tuple of n items.
const FREELISTS: usize = 22;
thread_local! {
    static FREE_LISTS: [Cell<u16>; FREELISTS] = const { [const { Cell::new(0) }; FREELISTS] };
    /// The last GC allocation was served by a free list.
    static LAST_FROM_FREELIST: Cell<bool> = const { Cell::new(false) };
    /// Instance dicts of objects being freed (no object in CPython: no free list either).
    static VIRTUAL_FREES: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

fn freelist_max(i: usize) -> u16 {
    if i < 2 { 80 } else { 2000 }
}

/// The free list an exact list, dict or tuple of `nitems` items of type `ty` belongs to.
#[inline]
pub fn freelist_index(vm: &Vm, ty: &crate::object::PyType, nitems: usize) -> Option<usize> {
    let p = ty as *const crate::object::PyType;
    if p == vm.types.list.as_ptr() as *const _ {
        Some(0)
    } else if p == vm.types.dict.as_ptr() as *const _ {
        Some(1)
    } else if p == vm.types.tuple.as_ptr() as *const _ && (1..=20).contains(&nitems) {
        Some(1 + nitems)
    } else {
        None
    }
}

/// [`note_alloc`] for an object of `ty` with `nitems` items, through the free lists.
#[inline]
pub fn note_alloc_typed(vm: &Vm, ty: &crate::object::PyType, nitems: usize) {
    if let Some(i) = freelist_index(vm, ty, nitems) {
        let hit = FREE_LISTS.with(|f| {
            let n = f[i].get();
            if n > 0 {
                f[i].set(n - 1);
            }
            n > 0
        });
        LAST_FROM_FREELIST.with(|c| c.set(hit));
        if hit {
            return;
        }
    }
    note_alloc(vm);
}

/// [`note_free`] for a GC object at `op` of `ty` with `nitems` items, through the free lists.
#[inline]
pub fn note_free_typed(vm: &Vm, op: *const PyObject, ty: &crate::object::PyType, nitems: usize) {
    let Some(i) = freelist_index(vm, ty, nitems) else {
        return note_free(vm);
    };
    if i == 1 {
        let skip = VIRTUAL_FREES.with(|v| {
            let mut v = v.borrow_mut();
            match v.iter().rposition(|&a| a == op as usize) {
                Some(k) => {
                    v.swap_remove(k);
                    true
                }
                None => false,
            }
        });
        if skip {
            return;
        }
    }
    let kept = FREE_LISTS.with(|f| {
        let n = f[i].get();
        if n < freelist_max(i) {
            f[i].set(n + 1);
        }
        n < freelist_max(i)
    });
    if !kept {
        note_free(vm);
    }
}

/// `clear_freelists` (end of a full collection): the cached objects are freed.
fn clear_freelists(vm: &Vm) {
    let n: usize = FREE_LISTS.with(|f| f.iter().map(|c| c.replace(0) as usize).sum());
    let g0 = &vm.gc_generations[0];
    g0.count.set((g0.count.get() - n as isize).max(0));
}

/// An instance dict created for attribute storage: CPython 3.11 stores those attributes
/// inline (no object), so the allocation is taken back out of generation 0's count.
pub fn note_virtual_dict(vm: &Vm) {
    if LAST_FROM_FREELIST.with(|c| c.replace(false)) {
        // It came from the dict free list: CPython would not have taken it.
        FREE_LISTS.with(|f| f[1].set(f[1].get() + 1));
        return;
    }
    let g0 = &vm.gc_generations[0];
    let c = g0.count.get();
    if c > 0 {
        g0.count.set(c - 1);
    }
    if g0.count.get() <= g0.threshold.get() as isize {
        PENDING.with(|p| p.set(false));
    }
}

/// Before an instance is freed: its unmaterialized instance dict (no object in CPython)
/// will be freed too, which must not count as a deallocation.
pub fn before_instance_free(op: &PyObject) {
    let t = op.type_();
    if !t.is_heap() || t.dict_word.is_none() {
        return;
    }
    let Some(slot) = crate::object::typeobj::instance_dict_slot(op) else {
        return;
    };
    // SAFETY: the slot holds a dict or NULL; only read here.
    let Some(d) = (unsafe { &*slot }) else {
        return;
    };
    if d.refcnt() != 1 || d.downcast_ref::<crate::objects::dict::PyDict>().is_none() {
        return;
    }
    // SAFETY: dicts are GC objects.
    if unsafe { (*GcHead::of(d.as_object())).finalized() } {
        return;
    }
    let addr = d.as_object() as *const PyObject as usize;
    VIRTUAL_FREES.with(|v| v.borrow_mut().push(addr));
}

/// Called for every GC object freed (`PyObject_GC_Del`).
#[inline]
pub fn note_free(vm: &Vm) {
    let g0 = &vm.gc_generations[0];
    let c = g0.count.get();
    if c > 0 {
        g0.count.set(c - 1);
    }
}

/// Whether an automatic collection is due (checked by the eval loop).
#[inline]
pub fn is_pending() -> bool {
    PENDING.with(|p| p.get())
}

/// Runs a due automatic collection (`gc_collect_generations`).
pub fn collect_if_pending(vm: &Vm) {
    let run = PENDING.with(|p| p.replace(false)) && !with_state(|s| s.collecting.get());
    if !run || !vm.gc_enabled.get() || vm.is_aborting() || vm.no_finalizers.get() {
        return;
    }
    let g = &vm.gc_generations;
    for i in (0..3).rev() {
        if g[i].count.get() > g[i].threshold.get() as isize {
            if i == 2 {
                let (p, t) = with_state(|s| (s.long_lived_pending.get(), s.long_lived_total.get()));
                if p < t / 4 {
                    continue;
                }
            }
            collect_with_callback(vm, i);
            break;
        }
    }
}

/// `gc_collect_with_callback`: runs `gc.callbacks` around a collection of `generation`.
/// Returns the number of unreachable objects found (collected + uncollectable).
pub fn collect_with_callback(vm: &Vm, generation: usize) -> i64 {
    if with_state(|s| s.collecting.replace(true)) {
        return 0;
    }
    invoke_callbacks(vm, "start", generation, 0, 0);
    let (m, n) = collect_main(vm, generation);
    invoke_callbacks(vm, "stop", generation, m, n);
    with_state(|s| s.collecting.set(false));
    m + n
}

fn invoke_callbacks(vm: &Vm, phase: &str, generation: usize, collected: i64, uncollectable: i64) {
    let cbs = with_state(|s| s.callbacks.get());
    if cbs.is_null() {
        return;
    }
    // SAFETY: the callbacks list is owned by the state for the whole run.
    let cbs = unsafe { (*cbs).to_owned() };
    let Some(list) = cbs.downcast_ref::<crate::objects::list::PyList>() else {
        return;
    };
    if list.len() == 0 {
        return;
    }
    let info = vm.new_dict();
    info.set_str(vm.intern("generation"), vm.new_usize(generation));
    info.set_str(vm.intern("collected"), vm.new_int(collected));
    info.set_str(vm.intern("uncollectable"), vm.new_int(uncollectable));
    let info = info.into_object();
    let mut i = 0;
    loop {
        let cb = match list.get(i) {
            Some(c) => c.clone(),
            None => break,
        };
        let r = crate::ops::call(vm, &cb, &[vm.new_str(phase), info.clone()], None);
        if let Err(e) = r {
            if vm.is_aborting() {
                return;
            }
            crate::modules::sys::write_unraisable(vm, e, Some(&cb));
        }
        i += 1;
    }
}

/// `visit_decref`.
#[inline(always)]
fn visit_decref(op: &PyObject) {
    if is_gc(op) {
        // SAFETY: GC objects have a header.
        unsafe {
            let g = GcHead::of(op);
            if is_collecting(g) {
                decref(g);
            }
        }
    }
}

/// The passes `gc_collect_main` makes over the young generation after `move_unreachable`
/// (`untrack_tuples`, `untrack_dicts`, `gc_list_size`), fused into `move_unreachable`'s
/// walk over the reachable objects: one pass over the heap instead of four. The order of
/// the untracking decisions is the list order, as in CPython's separate passes; dicts are
/// only collected during the walk and decided after it (CPython decides them after every
/// tuple).
struct YoungPass {
    tuple: *const crate::object::PyType,
    dict: *const crate::object::PyType,
    /// `Some` in a full collection: the reachable exact dicts, in list order.
    dicts: Option<Vec<*mut GcHead>>,
    /// Reachable objects left tracked in the young list.
    kept: usize,
}

/// `update_refs` + `subtract_refs` + `move_unreachable` (`deduce_unreachable`).
unsafe fn deduce_unreachable(
    base: *mut GcHead,
    unreachable: *mut GcHead,
    post: Option<&mut YoungPass>,
) {
    unsafe {
        // update_refs
        let mut g = next(base);
        while g != base {
            reset_refs(g, (*GcHead::object(g)).refcnt());
            g = next(g);
        }
        // subtract_refs
        let mut g = next(base);
        while g != base {
            traverse::traverse_with(&*GcHead::object(g), &mut |o| visit_decref(o));
            g = next(g);
        }
        move_unreachable(base, unreachable, post);
    }
}

/// `visit_reachable`.
#[inline(always)]
unsafe fn visit_reachable(op: &PyObject, reachable: *mut GcHead) {
    if !is_gc(op) {
        return;
    }
    unsafe {
        let g = GcHead::of(op);
        if !is_collecting(g) {
            return;
        }
        let refs = get_refs(g);
        let nx = next_raw(g);
        if nx & NEXT_MASK_UNREACHABLE != 0 {
            let p = prev(g);
            let n = (nx & !NEXT_MASK_UNREACHABLE) as *mut GcHead;
            set_next_raw(p, nx);
            set_prev(n, p);
            append(g, reachable);
            set_refs(g, 1);
        } else if refs == 0 {
            set_refs(g, 1);
        }
    }
}

/// `_PyObject_GC_MAY_BE_TRACKED` with the tuple type at hand.
#[inline(always)]
fn may_be_tracked_with(o: &PyObject, tuple: *const crate::object::PyType) -> bool {
    if !is_gc(o) {
        return false;
    }
    if o.type_ptr() == tuple {
        return crate::object::gc::is_tracked(o);
    }
    true
}

/// `move_unreachable` (plus the [`YoungPass`] work on each object found reachable).
unsafe fn move_unreachable(
    young: *mut GcHead,
    unreachable: *mut GcHead,
    mut post: Option<&mut YoungPass>,
) {
    unsafe {
        let mut prv = young;
        let mut g = next(young);
        while g != young {
            if get_refs(g) != 0 {
                let op = &*GcHead::object(g);
                traverse::traverse_with(op, &mut |o| visit_reachable(o, young));
                clear_collecting(g);
                let mut untracked = false;
                if let Some(p) = post.as_deref_mut() {
                    let ty = op.type_ptr();
                    if ty == p.tuple {
                        // _PyTuple_MaybeUntrack
                        if let Some(t) = op.downcast_ref::<crate::objects::tuple::PyTuple>() {
                            untracked =
                                !t.as_slice().iter().any(|e| may_be_tracked_with(e, p.tuple));
                        }
                    } else if ty == p.dict {
                        if let Some(d) = p.dicts.as_mut() {
                            d.push(g);
                        }
                    }
                    if !untracked {
                        p.kept += 1;
                    }
                }
                if untracked {
                    // Unlinked: `prv` keeps its place and takes `g`'s successor.
                    set_next_raw(prv, next_raw(g));
                    set_next_raw(g, 0);
                    (*g).prev
                        .set((*g).prev.get() & !crate::object::gc::PREV_SHIFT_MASK);
                } else {
                    set_prev(g, prv);
                    prv = g;
                }
            } else {
                set_next_raw(prv, next_raw(g));
                let last = prev(unreachable);
                set_next_raw(last, NEXT_MASK_UNREACHABLE | g as usize);
                set_prev(g, last);
                set_next_raw(g, NEXT_MASK_UNREACHABLE | unreachable as usize);
                (*unreachable).prev.set(g as usize);
            }
            g = next_raw(prv) as *mut GcHead;
            g = (g as usize & !NEXT_MASK_UNREACHABLE) as *mut GcHead;
        }
        (*young).prev.set(prv as usize);
        set_next_raw(unreachable, next_raw(unreachable) & !NEXT_MASK_UNREACHABLE);
    }
}

/// `untrack_dicts` over the dicts [`YoungPass`] collected; returns how many it untracked.
unsafe fn untrack_dicts(dicts: &[*mut GcHead], tuple: *const crate::object::PyType) -> usize {
    let mut n = 0;
    for &g in dicts {
        // SAFETY: the dicts are live members of the young list.
        unsafe {
            let op = &*GcHead::object(g);
            let mut any = false;
            traverse::traverse_with(op, &mut |o| any |= may_be_tracked_with(o, tuple));
            if !any {
                crate::object::gc::untrack(op);
                n += 1;
            }
        }
    }
    n
}

/// `_PyObject_GC_MAY_BE_TRACKED`.
pub fn may_be_tracked(o: &PyObject) -> bool {
    if !is_gc(o) {
        return false;
    }
    // Only a tuple-layout object can be an exact tuple: no VM lookup for the others.
    if o.type_().layout == crate::object::Layout::Tuple
        && o.type_ptr() == crate::vm::with_vm(|vm| vm.types.tuple.as_ptr() as usize) as *const _
    {
        return crate::object::gc::is_tracked(o);
    }
    true
}

/// `_PyTuple_MaybeUntrack`.
pub fn maybe_untrack_tuple(vm: &Vm, op: &PyObject) {
    let Some(t) = op.downcast_ref::<crate::objects::tuple::PyTuple>() else {
        return;
    };
    if !op.is_type(&vm.types.tuple) || !crate::object::gc::is_tracked(op) {
        return;
    }
    if t.as_slice().iter().any(|e| may_be_tracked(e)) {
        return;
    }
    crate::object::gc::untrack(op);
}

/// `gc_collect_main`: returns (collected, uncollectable).
fn collect_main(vm: &Vm, generation: usize) -> (i64, i64) {
    let gens = &vm.gc_generations;
    let debug = with_state(|s| s.debug.get());
    if debug & DEBUG_STATS != 0 {
        let counts: Vec<String> = gens.iter().map(|g| g.count.get().to_string()).collect();
        let _ = vm.write_stderr(
            format!(
                "gc: collecting generation {generation}...\ngc: objects in each generation: {}\n",
                counts.join(" ")
            )
            .as_bytes(),
        );
    }
    if generation + 1 < 3 {
        gens[generation + 1]
            .count
            .set(gens[generation + 1].count.get() + 1);
    }
    for g in gens.iter().take(generation + 1) {
        g.count.set(0);
    }
    let mut m: i64 = 0;
    // SAFETY: the lists are ours for the duration; Python code runs only in phases where
    // the lists involved are ordinary doubly linked lists (as in gcmodule.c).
    unsafe {
        for g in gens.iter().take(generation) {
            merge(g.head_ptr(), gens[generation].head_ptr());
        }
        let young = gens[generation].head_ptr();
        let old = if generation < 2 {
            gens[generation + 1].head_ptr()
        } else {
            young
        };
        let unreachable_h = empty_head();
        let unreachable = head_ptr(&unreachable_h);
        init(unreachable);
        let tuple = vm.types.tuple.as_ptr() as *const crate::object::PyType;
        let mut pass = YoungPass {
            tuple,
            dict: vm.types.dict.as_ptr() as *const crate::object::PyType,
            dicts: (young == old).then(Vec::new),
            kept: 0,
        };
        deduce_unreachable(young, unreachable, Some(&mut pass));
        if young != old {
            if generation == 1 {
                with_state(|s| {
                    s.long_lived_pending
                        .set(s.long_lived_pending.get() + pass.kept)
                });
            }
            merge(young, old);
        } else {
            let dropped = untrack_dicts(pass.dicts.as_deref().unwrap_or(&[]), tuple);
            with_state(|s| {
                s.long_lived_pending.set(0);
                s.long_lived_total.set(pass.kept - dropped);
            });
        }
        // move_legacy_finalizers: no tp_del types; just clear the unreachable marks.
        let mut g = next(unreachable);
        while g != unreachable {
            set_next_raw(g, next_raw(g) & !NEXT_MASK_UNREACHABLE);
            g = next(g);
        }
        if debug & DEBUG_COLLECTABLE != 0 {
            let mut g = next(unreachable);
            while g != unreachable {
                debug_cycle(vm, "collectable", &*GcHead::object(g));
                g = next(g);
            }
        }
        m += weakref::handle_weakrefs(vm, unreachable, old);
        finalize_garbage(vm, unreachable);
        let final_h = empty_head();
        let final_unreachable = head_ptr(&final_h);
        init(final_unreachable);
        // handle_resurrected_objects
        let mut g = next(unreachable);
        while g != unreachable {
            clear_collecting(g);
            g = next(g);
        }
        deduce_unreachable(unreachable, final_unreachable, None);
        let mut g = next(final_unreachable);
        while g != final_unreachable {
            set_next_raw(g, next_raw(g) & !NEXT_MASK_UNREACHABLE);
            g = next(g);
        }
        merge(unreachable, old);
        m += size(final_unreachable) as i64;
        let mut g = next(final_unreachable);
        while g != final_unreachable {
            if is_virtual_instance_dict(vm, &*GcHead::object(g)) {
                m -= 1;
            }
            g = next(g);
        }
        delete_garbage(vm, final_unreachable, old, debug);
    }
    if generation == 2 {
        clear_freelists(vm);
    }
    if debug & DEBUG_STATS != 0 {
        let _ = vm.write_stderr(
            format!("gc: done, {m} unreachable, 0 uncollectable, 0.0000s elapsed\n").as_bytes(),
        );
    }
    with_state(|s| {
        let mut st = s.stats.borrow_mut();
        st[generation].0 += 1;
        st[generation].1 += m;
    });
    (m, 0)
}

fn debug_cycle(vm: &Vm, msg: &str, op: &PyObject) {
    let _ = vm.write_stderr(
        format!(
            "gc: {} <{} {:p}>\n",
            msg,
            op.type_().name_str(),
            op as *const PyObject
        )
        .as_bytes(),
    );
}

/// `finalize_garbage`: `tp_finalize` (PEP 442) once per object, in list order.
unsafe fn finalize_garbage(vm: &Vm, collectable: *mut GcHead) {
    unsafe {
        let seen_h = empty_head();
        let seen = head_ptr(&seen_h);
        init(seen);
        while !is_empty(collectable) {
            let g = next(collectable);
            let op = &*GcHead::object(g);
            move_to(g, seen);
            if !(*g).finalized() {
                if let Some(fin) = op.type_().slots().finalize {
                    (*g).set_finalized();
                    let keep = op.to_owned();
                    if !vm.no_finalizers.get() && !vm.is_aborting() {
                        fin(vm, op);
                    }
                    drop(keep);
                }
            }
        }
        merge(seen, collectable);
    }
}

/// `delete_garbage`: `tp_clear` in list order; survivors go to `old`.
unsafe fn delete_garbage(vm: &Vm, collectable: *mut GcHead, old: *mut GcHead, debug: i64) {
    let garbage = with_state(|s| s.garbage.get());
    unsafe {
        while !is_empty(collectable) {
            let g = next(collectable);
            let op = &*GcHead::object(g);
            if debug & DEBUG_SAVEALL != 0 && !garbage.is_null() {
                if let Some(l) = (*garbage).downcast_ref::<crate::objects::list::PyList>() {
                    l.push(op.to_owned());
                }
                move_to(g, old);
            } else {
                let keep = op.to_owned();
                traverse::clear(op);
                drop(keep);
            }
            if next(collectable) == g {
                clear_collecting(g);
                move_to(g, old);
            }
        }
    }
    let _ = vm;
}

/// Marks an instance `__dict__` as handed out to Python code. CPython 3.11 keeps an
/// instance's attributes inline and creates a dict object only then (`__dict__`, `vars`);
/// refvm always has the dict, so the collector leaves unmaterialized instance dicts out
/// of its counts. The mark is the dict's (otherwise unused) `FINALIZED` header bit.
pub fn mark_dict_materialized(d: &PyObject) {
    if d.downcast_ref::<crate::objects::dict::PyDict>().is_some() && is_gc(d) {
        // SAFETY: GC objects have a header.
        unsafe { (*GcHead::of(d)).set_finalized() };
        if crate::object::gc::clear_inline_dict(d) {
            let mut any = false;
            traverse::traverse(d, &mut |o| any |= may_be_tracked(o));
            if any {
                crate::object::gc::track(d);
            }
        }
    }
}

/// Whether `d` is the instance dict of `owner` that CPython would not have as an object.
fn is_virtual_instance_dict(vm: &Vm, owner: &PyObject) -> bool {
    let t = owner.type_();
    if !t.is_heap() || t.layout == crate::object::Layout::Type {
        return false;
    }
    let Some(slot) = crate::object::typeobj::instance_dict_slot(owner) else {
        return false;
    };
    // SAFETY: the slot holds a dict or NULL; only read here.
    let Some(d) = (unsafe { &*slot }) else {
        return false;
    };
    if !d.is_type(&vm.types.dict) || d.refcnt() != 1 {
        return false;
    }
    // SAFETY: dicts are GC objects.
    unsafe {
        let g = GcHead::of(d.as_object());
        !(*g).finalized() && (*g).is_tracked() && is_collecting(g)
    }
}

/// All objects tracked in `generation` (or every generation), new references.
pub fn get_objects(vm: &Vm, generation: Option<usize>) -> Vec<PyRef> {
    let mut v = Vec::new();
    for (i, g) in vm.gc_generations.iter().enumerate() {
        if generation.is_none_or(|x| x == i) {
            // SAFETY: a generation list.
            v.extend(unsafe { objects(g.head_ptr()) });
        }
    }
    v
}

/// All objects in the permanent generation (`gc.freeze`), oldest first, new references.
pub fn get_permanent_objects() -> Vec<PyRef> {
    // SAFETY: the permanent generation's list.
    unsafe { objects(permanent_head()) }
}

/// Objects `o` refers to (`gc.get_referents`).
pub fn referents(o: &PyObject) -> Vec<PyRef> {
    let mut v = Vec::new();
    if is_gc(o) {
        traverse::traverse(o, &mut |x| v.push(x.to_owned()));
    }
    v
}

/// `gc.freeze`: moves everything into the permanent generation.
pub fn freeze(vm: &Vm) {
    let p = permanent_head();
    for g in &vm.gc_generations {
        // SAFETY: generation lists.
        unsafe { merge(g.head_ptr(), p) };
    }
    vm.gc_generations[0].count.set(0);
}

/// `gc.unfreeze`: back into the oldest generation.
pub fn unfreeze(vm: &Vm) {
    let p = permanent_head();
    // SAFETY: generation lists.
    unsafe { merge(p, vm.gc_generations[2].head_ptr()) };
}

pub fn freeze_count() -> usize {
    // SAFETY: the permanent list.
    unsafe { size(permanent_head()) }
}

#[cfg(test)]
mod tests {
    use crate::{RunConfig, run};
    use std::sync::Arc;

    fn run_src(src: &str) -> String {
        let code = refvm_compiler::compile_source(
            src.as_bytes(),
            &refvm_compiler::CompileOptions::new("<test>"),
        )
        .expect("test source compiles");
        let r = run(Arc::new(code), &RunConfig::default());
        String::from_utf8_lossy(&r.stdout).into_owned() + &String::from_utf8_lossy(&r.stderr)
    }

    /// Asks the oracle for the same program's output.
    fn cpython(src: &str) -> Option<String> {
        let o = std::process::Command::new("timeout")
            .args(["20", "python3", "-c", src])
            .env("PYTHONHASHSEED", "0")
            .output()
            .ok()?;
        o.status
            .success()
            .then(|| String::from_utf8_lossy(&o.stdout).into_owned())
    }

    #[test]
    fn cycles_finalizers_and_weakrefs_match_cpython() {
        let src = "import gc, weakref\n\
gc.disable()\n\
gc.collect()\n\
class A:\n    def __del__(self):\n        print('del', self.n)\n\
a, b = A(), A()\n\
a.n, b.n = 1, 2\n\
a.o, b.o = b, a\n\
r = weakref.ref(a, lambda w: print('cb', w() is None))\n\
del a, b\n\
print(gc.collect())\n\
l = []\nl.append(l)\ndel l\n\
print(gc.collect(), gc.collect())\n\
print(gc.is_tracked(()), gc.is_tracked([]), gc.is_tracked({}), gc.is_tracked({'a': []}))\n";
        let ours = run_src(src);
        assert!(ours.contains("cb True"), "{ours}");
        if let Some(theirs) = cpython(src) {
            assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn leak_check_counts_are_stable_for_cyclic_garbage() {
        let src = "class N:\n    pass\nfor i in range(50):\n    n = N()\n    n.me = n\n    l = [n]\n    l.append(l)\n";
        let code = refvm_compiler::compile_source(
            src.as_bytes(),
            &refvm_compiler::CompileOptions::new("<test>"),
        )
        .expect("test source compiles");
        let counts = crate::leak_check(Arc::new(code), &RunConfig::default(), 4);
        assert_eq!(counts.len(), 4);
        assert!(counts[1..].windows(2).all(|w| w[1] <= w[0]), "{counts:?}");
    }
}
