//! The hooks and interpreter knobs of `sys` (Python/sysmodule.c): `excepthook`,
//! `displayhook`, `get/setswitchinterval`, `settrace`/`setprofile` bookkeeping,
//! `call_tracing`, `audit`/`addaudithook`, `_clear_type_cache`, and the import-system
//! lists (`meta_path`, `path_hooks`, `path_importer_cache`).

use crate::argparse;
use crate::error::PyResult;
use crate::object::PyRef;
use crate::objects::descr::MethodDef;
use crate::objects::exceptions::PyBaseException;
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;

fn excepthook(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "excepthook", a, k, 3)?;
    let value = &a[1];
    match value.downcast_ref::<PyBaseException>() {
        Some(e) => {
            // PyErr_Display: the traceback argument stands in for a missing one.
            if e.traceback.get().is_none() && !vm.is_none(&a[2]) {
                e.traceback.set(Some(a[2].clone()));
            }
            let text = crate::traceback::format_exception(vm, value);
            write_to_stderr(vm, &text)?;
        }
        None => {
            write_to_stderr(
                vm,
                &format!(
                    "TypeError: print_exception(): Exception expected for value, {} found\n",
                    value.type_().name_str()
                ),
            )?;
        }
    }
    Ok(vm.none())
}

/// Writes through the current `sys.stderr` object (whatever it was replaced with).
fn write_to_stderr(vm: &Vm, text: &str) -> PyResult<()> {
    let m = vm.sys_module();
    let Some(err) = crate::ops::get_attr_opt(vm, &m, &vm.intern("stderr"))? else {
        return Ok(());
    };
    if vm.is_none(&err) {
        return Ok(());
    }
    let write = crate::ops::get_attr(vm, &err, &vm.names.write)?;
    crate::ops::call(vm, &write, &[vm.new_str(text)], None)?;
    Ok(())
}

fn displayhook(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "displayhook", a, k, 1)?;
    let o = &a[0];
    if vm.is_none(o) {
        return Ok(vm.none());
    }
    let underscore = vm.intern("_");
    vm.builtins.set_str(underscore.clone(), vm.none());
    let r = crate::ops::repr(vm, o)?;
    let out = super::sys::get_stdout(vm)?;
    let write = crate::ops::get_attr(vm, &out, &vm.names.write)?;
    crate::ops::call(vm, &write, &[r.into_object()], None)?;
    crate::ops::call(vm, &write, &[vm.new_str("\n")], None)?;
    vm.builtins.set_str(underscore, o.clone());
    Ok(vm.none())
}

fn getswitchinterval(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "getswitchinterval", a, k, 0)?;
    Ok(vm.new_float(0.005))
}

/// refvm runs one thread at a time: the interval is checked and not kept.
fn setswitchinterval(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "setswitchinterval", a, k, 1)?;
    let v = crate::ops::number::to_f64(vm, &a[0])?;
    if v <= 0.0 {
        return Err(vm.new_value_error("switch interval must be strictly positive"));
    }
    Ok(vm.none())
}

fn none_getter(vm: &Vm, _a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    Ok(vm.none())
}

fn settrace(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "settrace", a, k, 1)?;
    if vm.is_none(&a[0]) {
        return Ok(vm.none());
    }
    Err(vm.abort_with(crate::vm::Abort::Unsupported(
        "sys.settrace/setprofile with a function".into(),
    )))
}

fn call_tracing(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "call_tracing", a, k, 2)?;
    let Some(t) = a[1].downcast_ref::<PyTuple>() else {
        return Err(vm.new_type_error(format!(
            "call_tracing() argument 2 must be tuple, not {}",
            a[1].type_().name_str()
        )));
    };
    crate::ops::call(vm, &a[0], t.as_slice(), None)
}

fn audit(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    if a.is_empty() {
        return Err(vm.new_type_error("audit() missing 1 required positional argument: 'event'"));
    }
    if a[0].downcast_ref::<crate::objects::str::PyStr>().is_none() {
        return Err(vm.new_type_error(format!(
            "expected str for argument 'event', not {}",
            a[0].type_().name_str()
        )));
    }
    Ok(vm.none())
}

fn addaudithook(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "addaudithook", a, k, 1)?;
    Ok(vm.none())
}

fn clear_type_cache(vm: &Vm, _a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    Ok(vm.none())
}

const HOOKS: &[MethodDef] = &[
    MethodDef::static_("excepthook", excepthook),
    MethodDef::static_("displayhook", displayhook),
    MethodDef::static_("getswitchinterval", getswitchinterval),
    MethodDef::static_("setswitchinterval", setswitchinterval),
    MethodDef::static_("gettrace", none_getter),
    MethodDef::static_("getprofile", none_getter),
    MethodDef::static_("settrace", settrace),
    MethodDef::static_("setprofile", settrace),
    MethodDef::static_("call_tracing", call_tracing),
    MethodDef::static_("audit", audit),
    MethodDef::static_("addaudithook", addaudithook),
    MethodDef::static_("_clear_type_cache", clear_type_cache),
];

/// Adds the hooks to the `sys` module `m`.
pub fn add(vm: &Vm, m: &PyRef) {
    for f in HOOKS {
        let func = vm.new_builtin_function(f, Some(m.clone()));
        super::set(vm, m, f.name, func.clone());
        if matches!(f.name, "excepthook" | "displayhook") {
            super::set(vm, m, &format!("__{}__", f.name), func);
        }
    }
    super::set(vm, m, "meta_path", vm.new_list(vec![]).into_object());
    super::set(vm, m, "path_hooks", vm.new_list(vec![]).into_object());
    super::set(vm, m, "path_importer_cache", vm.new_dict().into_object());
    super::set(vm, m, "dont_write_bytecode", vm.new_bool(false));
    super::set(vm, m, "pycache_prefix", vm.none());
    super::set(vm, m, "abiflags", vm.new_str(""));
    super::set(vm, m, "api_version", vm.new_int(1013));
    super::set(vm, m, "platlibdir", vm.new_str("lib"));
    super::set(vm, m, "_xoptions", vm.new_dict().into_object());
}
