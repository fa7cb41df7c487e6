//! `tp_traverse` and `tp_clear` for the collector, per payload layout (as the C types'
//! own functions in `Objects/*.c`), plus `subtype_traverse`/`subtype_clear` for heap-type
//! instances (their type, `__dict__` and `__slots__`). A type's own `traverse`/`clear`
//! slot is used where its layout has no entry here. Only strong references are visited.

use crate::object::{Layout, PyObject, PyType, Slot};
use crate::objects::descr::{
    PyClassMethod, PyGetSetDescr, PyMemberDescr, PyProperty, PyStaticMethod, PySuper,
};
use crate::objects::exceptions::PyTraceback;
use crate::objects::frame::PyFrameObject;
use crate::objects::function::{PyCell, PyFunction, PyMethod};
use crate::objects::module::PyModule;

/// The first non-heap type of `t`'s base chain (the "solid" builtin base).
fn static_base(t: &PyType) -> &PyType {
    let mut t = t;
    while t.is_heap() {
        match t.base.as_deref() {
            Some(b) => t = b,
            None => break,
        }
    }
    t
}

#[inline(always)]
fn visit_slot<F: FnMut(&PyObject) + ?Sized>(s: &Slot, visit: &mut F) {
    if let Some(v) = s {
        visit(v);
    }
}

/// Visits every object `o` holds a strong reference to (that the collector can see).
pub fn traverse(o: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    traverse_with(o, visit)
}

/// [`traverse`] monomorphized for the collector's own visitors: the common builtin
/// containers (list, tuple, dict) are walked inline, with no indirect call per object or
/// per reference (CPython pays one `tp_traverse` call per object and one `visit` call per
/// reference; this path pays neither).
#[inline(always)]
pub fn traverse_with<F: FnMut(&PyObject) + ?Sized>(o: &PyObject, visit: &mut F) {
    let t = o.type_();
    if !t.is_heap() && t.extra_words == 0 {
        match t.layout {
            Layout::List => {
                // SAFETY: the layout says so.
                let l = unsafe { o.cast_unchecked::<crate::objects::list::PyList>() };
                for x in l.borrow() {
                    visit(x);
                }
                return;
            }
            Layout::Tuple => {
                // SAFETY: the layout says so.
                let tu = unsafe { o.cast_unchecked::<crate::objects::tuple::PyTuple>() };
                for x in tu.as_slice().iter().rev() {
                    visit(x);
                }
                return;
            }
            Layout::Dict => {
                // SAFETY: the layout says so.
                let d = unsafe { o.cast_unchecked::<crate::objects::dict::PyDict>() };
                d.traverse(visit);
                return;
            }
            _ => {}
        }
    }
    traverse_general(o, t, visit)
}

/// Everything [`traverse_with`] does not walk inline.
fn traverse_general<F: FnMut(&PyObject) + ?Sized>(o: &PyObject, t: &PyType, visit: &mut F) {
    if t.is_heap() {
        visit(t.as_object());
    }
    for i in 0..t.extra_words {
        // SAFETY: i < extra_words; the words hold references or NULL.
        let w = unsafe { &*t.extra_word(o, i) };
        if let Some(d) = w {
            // An inline-attribute dict that only this instance holds: its contents are
            // the instance's own references (CPython 3.11's inline values). Shared, it
            // is visited as the (untracked) object it is: the collector then counts its
            // contents as referenced from outside, never too few references.
            if Some(i) == t.dict_word && d.refcnt() == 1 && crate::object::gc::is_inline_dict(d) {
                if let Some(dd) = d.downcast_ref::<crate::objects::dict::PyDict>() {
                    dd.traverse(visit);
                }
                continue;
            }
            visit(d);
        }
    }
    match t.layout {
        Layout::Type => {
            // SAFETY: the layout says so.
            let ty = unsafe { o.cast_unchecked::<PyType>() };
            if ty.is_heap() {
                visit(ty.dict.as_object());
                if let Some(m) = ty.mro() {
                    visit(m.as_object());
                }
                visit(ty.bases().as_object());
                if let Some(b) = &ty.base {
                    visit(b.as_object());
                }
                visit(ty.name().as_object());
                visit(ty.qualname().as_object());
            }
        }
        Layout::Function => {
            if let Some(f) = o.downcast_ref::<PyFunction>() {
                visit(f.code.borrow().as_object());
                visit(f.globals.as_object());
                visit(f.builtins.as_object());
                visit(f.name.borrow().as_object());
                visit(f.qualname.borrow().as_object());
                if let Some(d) = f.defaults.borrow() {
                    visit(d.as_object());
                }
                if let Some(d) = f.kwdefaults.borrow() {
                    visit(d.as_object());
                }
                if let Some(c) = f.closure.borrow() {
                    visit(c.as_object());
                }
                visit(f.doc.borrow());
                visit(f.module.borrow());
                visit_slot(f.annotations.borrow(), visit);
            }
        }
        Layout::Method => {
            if let Some(m) = o.downcast_ref::<PyMethod>() {
                visit(&m.func);
                visit(&m.self_);
            }
        }
        Layout::Cell => {
            if let Some(c) = o.downcast_ref::<PyCell>() {
                visit_slot(c.contents.borrow(), visit);
            }
        }
        Layout::Module => {
            if let Some(m) = o.downcast_ref::<PyModule>() {
                visit(m.dict.as_object());
            }
        }
        Layout::Traceback => {
            if let Some(tb) = o.downcast_ref::<PyTraceback>() {
                visit_slot(tb.next.borrow(), visit);
                visit(&tb.frame);
            }
        }
        Layout::Frame => {
            if let Some(f) = o.downcast_ref::<PyFrameObject>() {
                visit(f.code.as_object());
                visit(f.globals.as_object());
                visit_slot(f.back.borrow(), visit);
                visit_slot(f.locals.borrow(), visit);
                if f.frame.get().is_null() {
                    for s in f.fast.borrow() {
                        visit_slot(s, visit);
                    }
                    visit_slot(f.func.borrow(), visit);
                }
            }
        }
        Layout::Property => {
            if let Some(p) = o.downcast_ref::<PyProperty>() {
                for s in [&p.fget, &p.fset, &p.fdel, &p.doc, &p.name] {
                    visit_slot(s.borrow(), visit);
                }
            }
        }
        Layout::ClassMethod => {
            if let Some(c) = o.downcast_ref::<PyClassMethod>() {
                visit_slot(c.callable.borrow(), visit);
            }
        }
        Layout::StaticMethod => {
            if let Some(c) = o.downcast_ref::<PyStaticMethod>() {
                visit_slot(c.callable.borrow(), visit);
            }
        }
        Layout::Super => {
            if let Some(s) = o.downcast_ref::<PySuper>() {
                for f in [&s.type_, &s.obj, &s.obj_type] {
                    visit_slot(f.borrow(), visit);
                }
            }
        }
        Layout::GetSetDescr => {
            if let Some(d) = o.downcast_ref::<PyGetSetDescr>() {
                visit(d.owner.as_object());
            }
        }
        Layout::MemberDescr => {
            if let Some(d) = o.downcast_ref::<PyMemberDescr>() {
                visit(d.owner.as_object());
            }
        }
        Layout::Native if super::weakref::is_weakref(o) => {
            super::weakref::traverse(o, &mut |x| visit(x))
        }
        _ => {
            if let Some(tr) = static_base(t).slots().traverse {
                let inst: crate::object::typeobj::TraverseFn =
                    crate::objects::object::instance_traverse;
                if tr as usize != inst as usize {
                    tr(o, &mut |x| visit(x));
                }
            }
        }
    }
}

/// Breaks `o`'s references (`tp_clear`); the cleared values are dropped after the fields
/// are reset, so `__del__` of what dies sees a consistent object.
pub fn clear(o: &PyObject) {
    let t = o.type_();
    // subtype_clear: __slots__ first, then the instance dict.
    if t.is_heap() || t.extra_words > 0 {
        let mut taken: Vec<Slot> = Vec::new();
        let words: Vec<usize> = (0..t.extra_words)
            .filter(|i| Some(*i) != t.dict_word)
            .chain(t.dict_word)
            .collect();
        for i in words {
            // SAFETY: i < extra_words; the value is moved out before it is dropped.
            taken.push(unsafe { std::ptr::replace(t.extra_word(o, i), None) });
        }
        drop(taken);
    }
    match t.layout {
        Layout::Type => {
            // SAFETY: the layout says so.
            let ty = unsafe { o.cast_unchecked::<PyType>() };
            if ty.is_heap() {
                ty.dict.clear();
                // SAFETY: the type is garbage; nothing looks its MRO up any more.
                let old = unsafe { std::ptr::replace(ty.mro.get(), None) };
                drop(old);
            }
        }
        Layout::Function => {
            if let Some(f) = o.downcast_ref::<PyFunction>() {
                f.defaults.set(None);
                f.kwdefaults.set(None);
                f.closure.set(None);
                f.annotations.set(None);
            }
        }
        Layout::Cell => {
            if let Some(c) = o.downcast_ref::<PyCell>() {
                c.contents.set(None);
            }
        }
        Layout::Traceback => {
            if let Some(tb) = o.downcast_ref::<PyTraceback>() {
                tb.next.set(None);
            }
        }
        Layout::Frame => {
            if let Some(f) = o.downcast_ref::<PyFrameObject>() {
                if f.frame.get().is_null() {
                    f.fast.set(Vec::new());
                    f.locals.set(None);
                    f.func.set(None);
                }
                f.back.set(None);
            }
        }
        Layout::Property => {
            if let Some(p) = o.downcast_ref::<PyProperty>() {
                for s in [&p.fget, &p.fset, &p.fdel, &p.doc, &p.name] {
                    s.set(None);
                }
            }
        }
        Layout::ClassMethod => {
            if let Some(c) = o.downcast_ref::<PyClassMethod>() {
                c.callable.set(None);
            }
        }
        Layout::StaticMethod => {
            if let Some(c) = o.downcast_ref::<PyStaticMethod>() {
                c.callable.set(None);
            }
        }
        Layout::Super => {
            if let Some(s) = o.downcast_ref::<PySuper>() {
                for f in [&s.type_, &s.obj, &s.obj_type] {
                    f.set(None);
                }
            }
        }
        Layout::Native if super::weakref::is_weakref(o) => super::weakref::clear_callback(o),
        _ => {
            if let Some(c) = static_base(t).slots().clear {
                c(o);
            }
        }
    }
}

/// Whether `o` has a `tp_clear` (something the collector can break).
pub fn has_clear(o: &PyObject) -> bool {
    let t = o.type_();
    t.is_heap()
        || t.extra_words > 0
        || matches!(
            t.layout,
            Layout::Type
                | Layout::Function
                | Layout::Cell
                | Layout::Traceback
                | Layout::Frame
                | Layout::Property
                | Layout::ClassMethod
                | Layout::StaticMethod
                | Layout::Super
        )
        || static_base(t).slots().clear.is_some()
}
