//! The `builtins` module: functions (`funcs.rs`, `funcs_iter.rs`) and the builtin types
//! and exceptions bound under their Python names.

pub(crate) mod exec;
pub(crate) mod funcs;
mod funcs_iter;

use crate::object::PyRef;
use crate::objects::descr::MethodDef;
use crate::vm::Vm;

/// Creates the builtins module and fills `vm.builtins`.
pub fn init(vm: &Vm) -> PyRef {
    let m = vm.new_module("builtins", Some(vm.builtins.clone()));
    let d = &vm.builtins;
    let modref = Some(m.clone_object());
    for def in funcs::FUNCS.iter().chain(funcs_iter::FUNCS.iter()) {
        d.set_str(
            vm.intern(def.name),
            vm.new_builtin_function(def, modref.clone()),
        );
    }
    let bf = MethodDef::static_("__build_class__", |vm, a, k| {
        crate::objects::typeobject::build_class(vm, a, k)
    });
    d.set_str(
        vm.intern("__build_class__"),
        vm.new_builtin_function(&bf, modref.clone()),
    );
    let t = &vm.types;
    for (name, ty) in [
        ("object", &t.object),
        ("type", &t.type_),
        ("int", &t.int),
        ("bool", &t.bool_),
        ("float", &t.float),
        ("complex", &t.complex),
        ("str", &t.str),
        ("bytes", &t.bytes),
        ("bytearray", &t.bytearray),
        ("tuple", &t.tuple),
        ("list", &t.list),
        ("dict", &t.dict),
        ("set", &t.set),
        ("frozenset", &t.frozenset),
        ("range", &t.range),
        ("slice", &t.slice),
        ("property", &t.property),
        ("classmethod", &t.classmethod),
        ("staticmethod", &t.staticmethod),
        ("super", &t.super_),
        ("enumerate", &t.enumerate),
        ("zip", &t.zip),
        ("map", &t.map),
        ("filter", &t.filter),
        ("reversed", &t.reversed),
        ("memoryview", &t.memoryview),
    ] {
        d.set_str(vm.intern(name), ty.clone_object());
    }
    for e in vm.exc.all() {
        d.set_str(vm.intern(&e.name_str()), e.clone_object());
    }
    d.set_str(
        vm.intern("EnvironmentError"),
        vm.exc.os_error.clone_object(),
    );
    d.set_str(vm.intern("IOError"), vm.exc.os_error.clone_object());
    d.set_str(vm.intern("None"), vm.none());
    d.set_str(vm.intern("Ellipsis"), vm.ellipsis.clone());
    d.set_str(vm.intern("NotImplemented"), vm.not_implemented());
    d.set_str(vm.intern("True"), vm.new_bool(true));
    d.set_str(vm.intern("False"), vm.new_bool(false));
    d.set_str(vm.intern("__debug__"), vm.new_bool(true));
    m.into_object()
}
