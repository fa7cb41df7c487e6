//! Weak references (`Objects/weakrefobject.c`): the `weakref` / `weakproxy` /
//! `weakcallableproxy` objects, each object's list of weak references (kept in a side
//! table keyed by the referent's address, in CPython's list order: the basic ref, the
//! basic proxy, then the others newest first), clearing with callbacks when a referent
//! dies (`PyObject_ClearWeakRefs`) and the collector's `handle_weakrefs`.

use super::lists;
use crate::error::PyResult;
use crate::object::gc::GcHead;
use crate::object::typeobj::{CmpOp, Layout, LayoutOps};
use crate::object::{PyObject, PyPayload, PyRef, PyType, Slot};
use crate::objects::function::Field;
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;

/// `PyWeakReference`.
#[repr(C)]
pub struct PyWeakRef {
    pub ob: PyObject,
    /// The referent; null once it died or the ref was cleared.
    pub target: Cell<*mut PyObject>,
    pub callback: Field<Slot>,
    /// Cached hash of the referent (-1: not computed).
    pub hash: Cell<i64>,
}

// SAFETY: #[repr(C)] with the header first; only the weakref types (Native layout) are
// ever viewed as `PyWeakRef`, through `as_weakref`, which checks the type.
unsafe impl PyPayload for PyWeakRef {
    const LAYOUT: Layout = Layout::Native;
}

pub const WEAKREF_LAYOUT_OPS: LayoutOps = LayoutOps::fixed(drop_weakref);

/// Kind of weak reference object.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Ref,
    Proxy,
    CallableProxy,
}

thread_local! {
    /// Referent address -> its weak references' addresses, in list order.
    static REGISTRY: RefCell<HashMap<usize, Vec<usize>>> = RefCell::new(HashMap::new());
    /// Number of referents with weak references (fast path for deallocation).
    static LIVE: Cell<usize> = const { Cell::new(0) };
    /// The three weakref types of this thread's VM: ref, proxy, callable proxy.
    static TYPES: Cell<[usize; 3]> = const { Cell::new([0; 3]) };
}

/// Forgets the previous VM's weak references (a run starts).
pub fn reset() {
    REGISTRY.with(|r| r.borrow_mut().clear());
    LIVE.with(|l| l.set(0));
    TYPES.with(|t| t.set([0; 3]));
}

pub fn set_types(r: &PyType, p: &PyType, cp: &PyType) {
    TYPES.with(|t| {
        t.set([
            r as *const PyType as usize,
            p as *const PyType as usize,
            cp as *const PyType as usize,
        ])
    });
}

fn types() -> [usize; 3] {
    TYPES.with(|t| t.get())
}

/// The kind of weak reference `o` is, if it is one (subclasses of `ref` included).
pub fn kind(o: &PyObject) -> Option<Kind> {
    let ts = types();
    if ts[0] == 0 {
        return None;
    }
    let mut t: Option<&PyType> = Some(o.type_());
    while let Some(x) = t {
        let p = x as *const PyType as usize;
        if p == ts[0] {
            return Some(Kind::Ref);
        }
        if p == ts[1] {
            return Some(Kind::Proxy);
        }
        if p == ts[2] {
            return Some(Kind::CallableProxy);
        }
        t = x.base.as_deref();
    }
    None
}

/// Whether `o` is a weak reference object.
pub fn is_weakref(o: &PyObject) -> bool {
    kind(o).is_some()
}

pub fn as_weakref(o: &PyObject) -> Option<&PyWeakRef> {
    if is_weakref(o) {
        // SAFETY: weakref types allocate PyWeakRef payloads.
        Some(unsafe { o.cast_unchecked::<PyWeakRef>() })
    } else {
        None
    }
}

pub fn traverse(o: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(w) = as_weakref(o) {
        if let Some(c) = w.callback.borrow() {
            visit(c);
        }
    }
}

/// `tp_clear` of weak references (the collector's): detach, drop the callback.
pub fn clear_callback(o: &PyObject) {
    if let Some(w) = as_weakref(o) {
        clear_ref(w);
        w.callback.set(None);
    }
}

/// `_PyWeakref_ClearRef`: detaches `w` from its referent's list.
fn clear_ref(w: &PyWeakRef) {
    let t = w.target.replace(std::ptr::null_mut());
    if t.is_null() {
        return;
    }
    let me = w as *const PyWeakRef as usize;
    REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        if let Some(v) = r.get_mut(&(t as usize)) {
            v.retain(|x| *x != me);
            if v.is_empty() {
                r.remove(&(t as usize));
                LIVE.with(|l| l.set(l.get().saturating_sub(1)));
            }
        }
    });
}

/// `drop_payload` of weak references.
unsafe fn drop_weakref(op: *mut PyObject) {
    // SAFETY: only weakref types use this layout op.
    let w = unsafe { &*(op as *const PyWeakRef) };
    clear_ref(w);
    let cb = unsafe { std::ptr::replace(w.callback.borrow() as *const Slot as *mut Slot, None) };
    drop(cb);
}

/// The weak references to `target`, in list order.
pub fn refs_of(target: &PyObject) -> Vec<PyRef> {
    if LIVE.with(|l| l.get()) == 0 {
        return Vec::new();
    }
    let addrs: Vec<usize> = REGISTRY.with(|r| {
        r.borrow()
            .get(&(target as *const PyObject as usize))
            .cloned()
            .unwrap_or_default()
    });
    addrs
        .into_iter()
        // SAFETY: registered weakrefs are alive (they unregister when freed).
        .map(|a| unsafe { (*(a as *const PyObject)).to_owned() })
        .collect()
}

/// Whether instances of the builtin (static) type `t` carry a weak reference list.
fn static_has_weaklist(t: &PyType) -> bool {
    matches!(
        t.layout,
        Layout::Type
            | Layout::Function
            | Layout::Set
            | Layout::Generator
            | Layout::Method
            | Layout::Code
            | Layout::Module
            | Layout::BuiltinFunction
    )
}

/// Whether instances of `t` carry a weak reference list (`tp_weaklistoffset != 0`): a
/// builtin type that has one, or a class whose MRO defines `__weakref__`.
pub fn type_has_weaklist(t: &PyType) -> bool {
    let mut cur: Option<&PyType> = Some(t);
    while let Some(x) = cur {
        let found = crate::vm::with_vm(|vm| x.dict.get_str(&vm.intern("__weakref__")).is_some());
        if found {
            return true;
        }
        if !x.is_heap() {
            // (ExceptionGroup, a heap type in CPython, carries `__weakref__` in its dict.)
            return static_has_weaklist(x);
        }
        cur = x.base.as_deref();
    }
    false
}

/// `type_new`'s `add_weak`: a class gets a `__weakref__` descriptor when its base has no
/// weak reference list, the base is not variable-sized, and `__slots__` (if any) asks.
pub fn adds_weakref_descr(base: &PyType, slots_allow: bool) -> bool {
    let var_sized = matches!(base.layout, Layout::Int | Layout::Tuple | Layout::Bytes);
    slots_allow && !var_sized && !type_has_weaklist(base)
}

/// The `__weakref__` getter: the first weak reference to the object, or None.
pub fn weakref_attr_get(vm: &Vm, o: &PyObject) -> PyResult {
    Ok(refs_of(o).into_iter().next().unwrap_or_else(|| vm.none()))
}

/// Whether objects of `o`'s type can be weakly referenced.
pub fn weakrefable(o: &PyObject) -> bool {
    type_has_weaklist(o.type_())
}

fn is_basic(vm: &Vm, w: &PyObject) -> bool {
    let _ = vm;
    let ts = types();
    let tp = w.type_ptr() as usize;
    (tp == ts[0] || tp == ts[1] || tp == ts[2])
        && as_weakref(w).is_some_and(|x| x.callback.borrow().is_none())
}

/// `weakref.ref(ob, callback)` / `weakref.proxy(ob, callback)` (`weakref___new__`,
/// `PyWeakref_NewProxy`): reuses the basic ref/proxy when there is no callback.
pub fn new_weakref(vm: &Vm, ty: &PyType, target: &PyObject, callback: Slot) -> PyResult {
    if !weakrefable(target) {
        return Err(vm.new_type_error(format!(
            "cannot create weak reference to '{}' object",
            target.type_().name_str()
        )));
    }
    let callback = callback.filter(|c| !vm.is_none(c));
    let existing = refs_of(target);
    let exact = types().contains(&(ty as *const PyType as usize));
    if callback.is_none() && exact {
        for w in &existing {
            if w.type_ptr() == ty as *const PyType && is_basic(vm, w) {
                return Ok(w.clone());
            }
        }
    }
    let w = crate::object::alloc::alloc(
        ty,
        PyWeakRef {
            ob: crate::object::header(),
            target: Cell::new(target.as_ptr()),
            callback: Field::new(callback),
            hash: Cell::new(-1),
        },
    );
    let basic = exact && w.callback.borrow().is_none();
    let is_proxy = kind(w.as_object()) != Some(Kind::Ref);
    // Position: basic ref first, basic proxy next, others after the basic ones.
    let n_basic_ref = usize::from(
        existing
            .first()
            .is_some_and(|x| kind(x) == Some(Kind::Ref) && is_basic(vm, x)),
    );
    let n_basic = n_basic_ref
        + usize::from(
            existing
                .get(n_basic_ref)
                .is_some_and(|x| kind(x) != Some(Kind::Ref) && is_basic(vm, x)),
        );
    let pos = if basic && !is_proxy {
        0
    } else if basic {
        n_basic_ref
    } else {
        n_basic
    };
    let key = target as *const PyObject as usize;
    let me = w.as_ptr() as usize;
    REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        let v = r.entry(key).or_insert_with(|| {
            LIVE.with(|l| l.set(l.get() + 1));
            Vec::new()
        });
        v.insert(pos.min(v.len()), me);
    });
    Ok(w.into_object())
}

/// The referent of a live weak reference.
pub fn target(w: &PyWeakRef) -> Option<PyRef> {
    let t = w.target.get();
    if t.is_null() {
        None
    } else {
        // SAFETY: the registry clears `target` before the referent is freed.
        Some(unsafe { (*t).to_owned() })
    }
}

fn call_callback(vm: &Vm, w: &PyObject, cb: &PyRef) {
    if vm.is_aborting() {
        return;
    }
    if let Err(e) = crate::ops::call(vm, cb, &[w.to_owned()], None) {
        if !vm.is_aborting() {
            crate::modules::sys::write_unraisable(vm, e, Some(cb));
        }
    }
}

/// `PyObject_ClearWeakRefs`: called when `op` is being deallocated.
pub fn clear_weakrefs(op: &PyObject) {
    if LIVE.with(|l| l.get()) == 0 {
        return;
    }
    let key = op as *const PyObject as usize;
    let Some(addrs) = REGISTRY.with(|r| r.borrow_mut().remove(&key)) else {
        return;
    };
    LIVE.with(|l| l.set(l.get().saturating_sub(1)));
    let mut calls: Vec<(PyRef, PyRef)> = Vec::new();
    for a in addrs {
        // SAFETY: registered weakrefs are alive.
        let wo = unsafe { &*(a as *const PyObject) };
        let Some(w) = as_weakref(wo) else { continue };
        w.target.set(std::ptr::null_mut());
        let cb =
            unsafe { std::ptr::replace(w.callback.borrow() as *const Slot as *mut Slot, None) };
        if let Some(cb) = cb {
            if wo.refcnt() > 0 {
                calls.push((wo.to_owned(), cb));
            }
        }
    }
    if calls.is_empty() {
        return;
    }
    crate::vm::with_vm(|vm| {
        for (w, cb) in &calls {
            call_callback(vm, w, cb);
        }
    });
    drop(calls);
}

/// `handle_weakrefs` of the collector: clears weak references to the unreachable objects
/// (and unreachable weak references themselves), then calls the callbacks of the
/// reachable ones; returns how many of those weakrefs were freed by it.
///
/// # Safety
/// `unreachable` and `old` are collector lists (unreachable marks already cleared).
pub unsafe fn handle_weakrefs(vm: &Vm, unreachable: *mut GcHead, old: *mut GcHead) -> i64 {
    if LIVE.with(|l| l.get()) == 0 {
        return 0;
    }
    let to_call_h = lists::new_head();
    let to_call = lists::head_ptr(&to_call_h);
    unsafe {
        let mut g = lists::next(unreachable);
        while g != unreachable {
            let op = &*GcHead::object(g);
            if let Some(w) = as_weakref(op) {
                clear_ref(w);
            }
            let key = op as *const PyObject as usize;
            let addrs = REGISTRY.with(|r| r.borrow().get(&key).cloned());
            if let Some(addrs) = addrs {
                for a in addrs {
                    let wo = &*(a as *const PyObject);
                    let Some(w) = as_weakref(wo) else { continue };
                    clear_ref(w);
                    if w.callback.borrow().is_none() {
                        continue;
                    }
                    let wg = GcHead::of(wo);
                    if !(*wg).is_tracked() || lists::is_collecting(wg) {
                        continue;
                    }
                    wo.incref();
                    lists::move_to(wg, to_call);
                }
            }
            g = lists::next(g);
        }
        let mut freed = 0;
        while !lists::is_empty(to_call) {
            let wg = lists::next(to_call);
            let wo = GcHead::object(wg);
            let cb = as_weakref(&*wo).and_then(|w| w.callback.get());
            if let Some(cb) = cb {
                call_callback(vm, &*wo, &cb);
            }
            drop(PyRef::<PyObject>::from_raw(wo));
            if lists::next(to_call) == wg {
                lists::move_to(wg, old);
            } else {
                freed += 1;
            }
        }
        freed
    }
}

// ---- the Python-visible behaviour of the weakref types ----

pub(crate) fn dead_error(vm: &Vm) -> crate::error::PyErr {
    vm.new_exception_msg(
        &vm.exc.reference_error,
        "weakly-referenced object no longer exists",
    )
}

fn ref_new(vm: &Vm, t: &PyRef<PyType>, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    let (pos, _) = crate::ops::call::split_args(a, k);
    if pos.is_empty() {
        return Err(vm.new_type_error("__new__ expected at least 1 argument, got 0"));
    }
    if pos.len() > 2 {
        return Err(vm.new_type_error(format!(
            "__new__ expected at most 2 arguments, got {}",
            pos.len()
        )));
    }
    new_weakref(vm, t, &pos[0], pos.get(1).cloned())
}

fn ref_init(_vm: &Vm, _o: &PyObject, _a: &[PyRef], _k: Option<&PyTuple>) -> PyResult<()> {
    Ok(())
}

fn ref_call(vm: &Vm, o: &PyObject, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    crate::argparse::no_kw(vm, "weakref", k)?;
    if !a.is_empty() {
        return Err(vm.new_type_error(format!(
            "weakref() takes exactly 0 arguments ({} given)",
            a.len()
        )));
    }
    Ok(as_weakref(o).and_then(target).unwrap_or_else(|| vm.none()))
}

fn addr(o: &PyObject) -> String {
    format!("{:#014x}", o as *const PyObject as usize)
}

fn ref_repr(vm: &Vm, o: &PyObject) -> PyResult {
    let Some(t) = as_weakref(o).and_then(target) else {
        return Ok(vm.new_str(&format!("<weakref at {}; dead>", addr(o))));
    };
    Ok(vm.new_str(&format!(
        "<weakref at {}; to '{}' at {}>",
        addr(o),
        t.type_().name_str(),
        addr(&t)
    )))
}

fn ref_hash(vm: &Vm, o: &PyObject) -> PyResult<i64> {
    let Some(w) = as_weakref(o) else {
        return Ok(0);
    };
    if w.hash.get() != -1 {
        return Ok(w.hash.get());
    }
    let Some(t) = target(w) else {
        return Err(vm.new_type_error("weak object has gone away"));
    };
    let h = crate::ops::hash(vm, &t)?;
    w.hash.set(h);
    Ok(h)
}

fn ref_richcompare(vm: &Vm, a: &PyObject, b: &PyObject, op: CmpOp) -> PyResult {
    if !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(vm.not_implemented());
    }
    let (Some(wa), Some(wb)) = (as_weakref(a), as_weakref(b)) else {
        return Ok(vm.not_implemented());
    };
    match (target(wa), target(wb)) {
        (Some(x), Some(y)) => crate::ops::compare::rich_compare(vm, &x, &y, op),
        _ => {
            let same = a.is(b);
            Ok(vm.new_bool(if op == CmpOp::Eq { same } else { !same }))
        }
    }
}

fn proxy_target(vm: &Vm, o: &PyObject) -> PyResult<PyRef> {
    as_weakref(o).and_then(target).ok_or_else(|| dead_error(vm))
}

fn proxy_getattro(vm: &Vm, o: &PyObject, name: &PyRef<PyStr>) -> PyResult {
    let t = proxy_target(vm, o)?;
    crate::ops::get_attr(vm, &t, name)
}

fn proxy_setattro(vm: &Vm, o: &PyObject, name: &PyRef<PyStr>, v: Slot) -> PyResult<()> {
    let t = proxy_target(vm, o)?;
    match v {
        Some(v) => crate::ops::set_attr(vm, &t, name, v),
        None => crate::ops::attr::del_attr(vm, &t, name),
    }
}

fn proxy_repr(vm: &Vm, o: &PyObject) -> PyResult {
    let Some(t) = as_weakref(o).and_then(target) else {
        return Ok(vm.new_str(&format!("<weakproxy at {}; dead>", addr(o))));
    };
    Ok(vm.new_str(&format!(
        "<weakproxy at {}; to '{}' at {}>",
        addr(o),
        t.type_().name_str(),
        addr(&t)
    )))
}

fn proxy_str(vm: &Vm, o: &PyObject) -> PyResult {
    let t = proxy_target(vm, o)?;
    Ok(crate::ops::str(vm, &t)?.into_object())
}

fn proxy_call(vm: &Vm, o: &PyObject, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    let t = proxy_target(vm, o)?;
    crate::ops::call(vm, &t, a, k)
}

fn proxy_bool(vm: &Vm, o: &PyObject) -> PyResult<bool> {
    let t = proxy_target(vm, o)?;
    crate::ops::is_true(vm, &t)
}

fn proxy_richcompare(vm: &Vm, a: &PyObject, b: &PyObject, op: CmpOp) -> PyResult {
    let a = if is_weakref(a) && kind(a) != Some(Kind::Ref) {
        proxy_target(vm, a)?
    } else {
        a.to_owned()
    };
    let b = if is_weakref(b) && kind(b) != Some(Kind::Ref) {
        proxy_target(vm, b)?
    } else {
        b.to_owned()
    };
    crate::ops::compare::rich_compare(vm, &a, &b, op)
}

fn callback_get(vm: &Vm, o: &PyObject) -> PyResult {
    Ok(as_weakref(o)
        .and_then(|w| w.callback.get())
        .unwrap_or_else(|| vm.none()))
}

/// Creates the weakref types (once per VM) and returns (ref, proxy, callable proxy).
pub fn init_types(vm: &Vm) -> [PyRef<PyType>; 3] {
    use crate::object::TypeFlags as F;
    use crate::vm::bootstrap::TypeDef;
    let have = types();
    if have[0] != 0 {
        // SAFETY: the types live in the VM's `extra_types` for the whole run.
        return have.map(|p| unsafe { (*(p as *const PyObject)).to_owned().downcast_unchecked() });
    }
    let size = std::mem::size_of::<PyWeakRef>();
    let gc = F::HAVE_GC;
    let r = vm.new_static_type(
        &TypeDef::new(
            "weakref.ReferenceType",
            Layout::Native,
            size,
            WEAKREF_LAYOUT_OPS,
        )
        .flags(F(gc.0 | F::BASETYPE.0))
        .module("weakref"),
        &vm.types.object,
        |t| {
            t.update_slots(|s| {
                s.new = Some(ref_new);
                s.init = Some(ref_init);
                s.call = Some(ref_call);
                s.repr = Some(ref_repr);
                s.hash = Some(ref_hash);
                s.richcompare = Some(ref_richcompare);
            });
            vm.add_getset(t, "__callback__", callback_get, None);
        },
    );
    let proxy_slots = |t: &PyRef<PyType>| {
        t.update_slots(|s| {
            s.getattro = Some(proxy_getattro);
            s.setattro = Some(proxy_setattro);
            s.repr = Some(proxy_repr);
            s.str = Some(proxy_str);
            s.nb_bool = Some(proxy_bool);
            s.richcompare = Some(proxy_richcompare);
            s.hash_none = true;
        });
        super::weakproxy::install(vm, t);
    };
    let p = vm.new_static_type(
        &TypeDef::new(
            "weakref.ProxyType",
            Layout::Native,
            size,
            WEAKREF_LAYOUT_OPS,
        )
        .flags(gc)
        .module("weakref"),
        &vm.types.object,
        |t| proxy_slots(t),
    );
    let cp = vm.new_static_type(
        &TypeDef::new(
            "weakref.CallableProxyType",
            Layout::Native,
            size,
            WEAKREF_LAYOUT_OPS,
        )
        .flags(gc)
        .module("weakref"),
        &vm.types.object,
        |t| {
            proxy_slots(t);
            t.update_slots(|s| s.call = Some(proxy_call));
        },
    );
    // No tp_new (not inherited either): `weakref.ProxyType()` cannot create instances.
    for t in [&p, &cp] {
        t.update_slots(|s| s.new = None);
    }
    set_types(&r, &p, &cp);
    [r, p, cp]
}
