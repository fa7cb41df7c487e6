//! Builtin object types, one file per type (plus `*_methods.rs` for big method sets).
//! `init_types` installs every type's slots, methods and slot wrappers at start-up.
//!
//! To add a builtin type: define its `#[repr(C)]` payload with `crate::payload!`, add a
//! `Layout` variant and a `Types` field with its `TypeDef` in `vm/bootstrap.rs`, then write
//! an `init(vm)` that sets slots with `update_slots` and methods with `vm.add_methods`,
//! and call it from `init_types` below.

pub mod asyncgen;
pub mod bytearray_mut;
pub mod bytes;
pub mod bytes_methods;
pub mod bytes_ops;
pub mod code;
pub mod code_methods;
pub mod codecs;
pub mod complex;
pub mod descr;
pub mod descr_impl;
pub mod dict;
pub mod dict_methods;
pub mod exceptions;
pub mod exceptions_impl;
pub mod float;
pub mod float_methods;
pub mod frame;
pub mod function;
pub mod generator;
pub mod int;
pub mod int_methods;
pub mod introspect;
pub mod intval;
pub mod iter;
pub mod iter_impl;
pub mod list;
pub mod list_methods;
pub mod list_sort;
pub mod memoryview;
pub mod module;
pub mod namespace;
pub mod object;
pub mod range;
pub mod range_long;
pub mod range_methods;
pub mod set;
pub mod set_methods;
pub mod singletons;
pub mod slice;
pub mod slotdefs;
pub mod str;
pub mod str_case;
pub mod str_case_data;
pub mod str_digits;
pub mod str_format;
pub mod str_methods;
pub mod str_percent;
pub mod str_translate;
pub mod super_impl;
pub mod textio;
pub mod tuple;
pub mod tuple_methods;
pub mod type_methods;
pub mod typeobject;
pub mod wrappers;

use crate::object::{PyRef, PyType};
use crate::objects::descr::{GetterFn, MethodDef, SetterFn};
use crate::vm::Vm;

impl Vm {
    /// Adds native methods to a type's dict.
    pub fn add_methods(&self, t: &PyRef<PyType>, defs: &[MethodDef]) {
        for d in defs {
            let m = self.new_method_descriptor(d, t);
            t.dict.set_str(self.intern(d.name), m);
        }
    }
    /// Adds a getset descriptor to a type's dict.
    pub fn add_getset(
        &self,
        t: &PyRef<PyType>,
        name: &'static str,
        get: GetterFn,
        set: Option<SetterFn>,
    ) {
        let d = self.new_getset(name, t, get, set);
        t.dict.set_str(self.intern(name), d);
    }
}

/// Installs slots and methods of every builtin type, then the MROs, inherited slots and
/// slot wrappers.
pub fn init_types(vm: &Vm) {
    object::init(vm);
    type_methods::init(vm);
    singletons::init(vm);
    int_methods::init(vm);
    float_methods::init(vm);
    str_methods::init(vm);
    bytes_methods::init(vm);
    bytes_ops::init(vm);
    memoryview::init(vm);
    tuple_methods::init(vm);
    list_methods::init(vm);
    dict_methods::init(vm);
    set_methods::init(vm);
    range_methods::init(vm);
    descr_impl::init(vm);
    iter_impl::init(vm);
    asyncgen::init(vm);
    exceptions_impl::init(vm);
    module::init(vm);
    introspect::init(vm);
    code_methods::init(vm);
    typeobject::init_generic_alias(vm);
    slice::init(vm);
    let mut all: Vec<PyRef<PyType>> = vm.types.all().into_iter().cloned().collect();
    all.extend(vm.exc.all().into_iter().cloned());
    for t in &all {
        // MRO: the base chain (builtin types have single inheritance).
        let mut mro = vec![t.clone_object()];
        let mut b = t.base.clone();
        while let Some(x) = b {
            mro.push(x.clone_object());
            b = x.base.clone();
        }
        // SAFETY: start-up; nothing reads the mro concurrently.
        unsafe { *t.mro.get() = Some(vm.new_tuple(mro)) };
    }
    {
        // ExceptionGroup(BaseExceptionGroup, Exception): the one builtin with two bases.
        let eg = &vm.exc.exception_group;
        let beg = &vm.exc.base_exception_group;
        let e = &vm.exc.exception;
        let bases = vm.new_tuple(vec![beg.clone_object(), e.clone_object()]);
        let mro = vm.new_tuple(vec![
            eg.clone_object(),
            beg.clone_object(),
            e.clone_object(),
            vm.exc.base_exception.clone_object(),
            vm.types.object.clone_object(),
        ]);
        // SAFETY: start-up; nothing reads them concurrently.
        unsafe {
            *eg.bases.get() = bases;
            *eg.mro.get() = Some(mro);
        }
    }
    for t in &all {
        let own = *t.slots();
        let base_slots = t.base.as_ref().map(|b| *b.slots());
        if let Some(b) = &t.base {
            typeobject::inherit_slots(t, b);
        }
        wrappers::add_operators(vm, t, &own, base_slots.as_ref());
    }
}
