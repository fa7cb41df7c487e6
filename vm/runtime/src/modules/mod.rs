//! Native modules, one file each, and the import machinery (`import.rs`).
//!
//! To add a module: write `modules/<name>.rs` with `pub fn init(vm: &Vm) -> PyRef` that
//! builds the module (see `math.rs`), and register it in `NATIVE` below.

pub mod gc;
pub mod import;
pub mod math;
pub mod math_more;
pub mod math_norm;
pub mod sre;
pub mod structseq;
pub mod sys;
pub mod sys_hooks;
pub mod time;
pub mod weakref;

use crate::object::PyRef;
use crate::objects::descr::MethodDef;
use crate::vm::Vm;

/// Native modules by name.
pub const NATIVE: &[(&str, fn(&Vm) -> PyRef)] = &[
    ("sys", sys::init),
    ("math", math::init),
    ("time", time::init),
    ("gc", gc::init),
    ("_sre", sre::init),
    ("_weakref", weakref::init_native),
    ("weakref", weakref::init),
];

/// Creates a module object with `funcs` as builtin functions.
pub fn make_module(vm: &Vm, name: &str, funcs: &[MethodDef]) -> PyRef {
    let m = vm.new_module(name, None);
    let mref = m.clone_object();
    for f in funcs {
        m.dict.set_str(
            vm.intern(f.name),
            vm.new_builtin_function(f, Some(mref.clone())),
        );
    }
    mref
}

/// Sets a module attribute.
pub fn set(vm: &Vm, m: &PyRef, name: &str, v: PyRef) {
    if let Some(md) = m.downcast_ref::<crate::objects::module::PyModule>() {
        md.dict.set_str(vm.intern(name), v);
    }
}

/// Modules refvm carries as Python source, for CPython modules written in C whose
/// behaviour these classes reproduce (see each file's docstring).
pub fn py_source(name: &str) -> Option<&'static str> {
    match name {
        "itertools" => Some(include_str!("py/itertools.py")),
        "_thread" => Some(include_str!("py/_thread.py")),
        "_collections" => Some(include_str!("py/_collections.py")),
        "_string" => Some(include_str!("py/_string.py")),
        "_codecs" => Some(include_str!("py/_codecs.py")),
        "_random" => Some(include_str!("py/_random.py")),
        "_operator" => Some(include_str!("py/_operator.py")),
        "_sha512" => Some(include_str!("py/_sha512.py")),
        "posix" => Some(include_str!("py/posix.py")),
        "errno" => Some(include_str!("py/errno.py")),
        "_io" => Some(include_str!("py/_io.py")),
        "_struct" => Some(include_str!("py/_struct.py")),
        "_ast" => Some(include_str!("py/_ast.py")),
        "array" => Some(include_str!("py/array.py")),
        _ => None,
    }
}
