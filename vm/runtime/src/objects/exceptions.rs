//! Exception objects (`BaseException` layout shared by every builtin exception) and
//! traceback objects.

use crate::object::alloc::{alloc, drop_payload};
use crate::object::typeobj::LayoutOps;
use crate::object::{PyObject, PyRef, PyType, Slot};
use crate::objects::function::Field;
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;
use std::cell::Cell;

#[repr(C)]
pub struct PyBaseException {
    pub ob: PyObject,
    pub args: Field<PyRef<PyTuple>>,
    pub traceback: Field<Slot>,
    pub context: Field<Slot>,
    pub cause: Field<Slot>,
    pub suppress_context: Cell<bool>,
    pub notes: Field<Slot>,
    /// Subclass-specific attributes (StopIteration.value, SystemExit.code,
    /// NameError/AttributeError.name, AttributeError.obj, ImportError.name/path,
    /// OSError.errno/strerror/filename, SyntaxError fields…), by name.
    pub extra: Field<Vec<(&'static str, PyRef)>>,
}
crate::payload!(PyBaseException, BaseException);

pub const EXC_LAYOUT_OPS: LayoutOps = LayoutOps::fixed(drop_payload::<PyBaseException>);

impl PyBaseException {
    pub fn get_extra(&self, name: &str) -> Option<PyRef> {
        self.extra
            .borrow()
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.clone())
    }
    pub fn set_extra(&self, name: &'static str, v: PyRef) {
        let mut e = self.extra.get();
        if let Some(slot) = e.iter_mut().find(|(n, _)| *n == name) {
            slot.1 = v;
        } else {
            e.push((name, v));
        }
        self.extra.set(e);
    }
}

/// Creates an exception instance of `t` with `args`, setting the subclass attributes
/// the way the builtin `__init__`s do.
pub fn new_base_exception(vm: &Vm, t: &PyType, args: Vec<PyRef>) -> PyRef<PyBaseException> {
    let e = alloc(
        t,
        PyBaseException {
            ob: crate::object::header(),
            args: Field::new(vm.empty_tuple.clone()),
            traceback: Field::new(None),
            context: Field::new(None),
            cause: Field::new(None),
            suppress_context: Cell::new(false),
            notes: Field::new(None),
            extra: Field::new(Vec::new()),
        },
    );
    init_exception_args(vm, &e, args);
    e
}

/// The builtin `__init__` semantics: store args and derived attributes.
pub fn init_exception_args(vm: &Vm, e: &PyBaseException, args: Vec<PyRef>) {
    let t = e.as_object().type_();
    if t.is_subtype(&vm.exc.stop_iteration) || t.is_subtype(&vm.exc.stop_async_iteration) {
        e.set_extra("value", args.first().cloned().unwrap_or_else(|| vm.none()));
    } else if t.is_subtype(&vm.exc.system_exit) {
        let code = match args.len() {
            0 => vm.none(),
            1 => args[0].clone(),
            _ => vm.new_tuple(args.clone()).into_object(),
        };
        e.set_extra("code", code);
    } else if t.is_subtype(&vm.exc.import_error) {
        e.set_extra("msg", args.first().cloned().unwrap_or_else(|| vm.none()));
        e.set_extra("name", vm.none());
        e.set_extra("path", vm.none());
    } else if t.is_subtype(&vm.exc.os_error) && (2..=5).contains(&args.len()) {
        e.set_extra("errno", args[0].clone());
        e.set_extra("strerror", args[1].clone());
        if let Some(f) = args.get(2) {
            e.set_extra("filename", f.clone());
        }
    }
    e.args.set(vm.new_tuple(args));
}

#[repr(C)]
pub struct PyTraceback {
    pub ob: PyObject,
    pub next: Field<Slot>,
    pub frame: PyRef,
    pub lasti: usize,
    pub lineno: i32,
}
crate::payload!(PyTraceback, Traceback);
pub const TRACEBACK_LAYOUT_OPS: LayoutOps = LayoutOps::fixed(drop_payload::<PyTraceback>);

impl Vm {
    pub fn new_traceback(&self, next: Slot, frame: PyRef, lasti: usize, lineno: i32) -> PyRef {
        alloc(
            &self.types.traceback,
            PyTraceback {
                ob: crate::object::header(),
                next: Field::new(next),
                frame,
                lasti,
                lineno,
            },
        )
        .into_object()
    }
}

pub fn exception_traverse(o: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(e) = o.downcast_ref::<PyBaseException>() {
        visit(e.args.borrow().as_object());
        for s in [
            e.traceback.borrow(),
            e.context.borrow(),
            e.cause.borrow(),
            e.notes.borrow(),
        ]
        .into_iter()
        .flatten()
        {
            visit(s);
        }
        for (_, v) in e.extra.borrow() {
            visit(v);
        }
    }
}

pub fn exception_clear(o: &PyObject) {
    if let Some(e) = o.downcast_ref::<PyBaseException>() {
        e.traceback.set(None);
        e.context.set(None);
        e.cause.set(None);
        e.notes.set(None);
        e.extra.set(Vec::new());
    }
}
