//! `import`: `sys.modules`, the native modules, and `.py` files beside the program
//! (compiled by refvm's compiler, or by `RunConfig::compiler` when the harness supplies
//! CPython-compiled code).

use crate::error::PyResult;
use crate::object::{PyObject, PyRef};
use crate::objects::dict::PyDict;
use crate::objects::module::PyModule;
use crate::objects::str::PyStr;
use crate::vm::Vm;
use std::sync::Arc;

fn not_found(vm: &Vm, name: &str) -> crate::error::PyErr {
    let e = vm.new_module_not_found_error(format!("No module named '{}'", name));
    e.exc().set_extra("name", vm.new_str(name));
    e
}

/// Imports the module `name` (absolute, dotted) and returns it, for native code that
/// needs a module (the codec registry, ...).
pub fn import_module(vm: &Vm, name: &str) -> PyResult<PyRef> {
    let mut m = None;
    let mut acc = String::new();
    for part in name.split('.') {
        if !acc.is_empty() {
            acc.push('.');
        }
        acc.push_str(part);
        m = Some(load(vm, &acc)?);
    }
    m.ok_or_else(|| not_found(vm, name))
}

/// Loads (or finds in `sys.modules`) the module with the full dotted `name`.
fn load(vm: &Vm, name: &str) -> PyResult<PyRef> {
    let key = vm.intern(name);
    if let Some(m) = vm.modules.get_str(&key) {
        if vm.is_none(&m) {
            return Err(not_found(vm, name));
        }
        return Ok(m);
    }
    if let Some((_, init)) = super::NATIVE.iter().find(|(n, _)| *n == name) {
        let m = if name == "sys" {
            vm.sys_module()
        } else {
            init(vm)
        };
        vm.modules.set_str(key, m.clone());
        return Ok(m);
    }
    if name == "builtins" {
        return Ok(vm.builtins_module_obj());
    }
    // A file beside the program (sys.path[0]), then the standard library: name.py or
    // name/__init__.py; a submodule is searched in its package's `__path__`.
    let (parent, last) = match name.rsplit_once('.') {
        Some((p, l)) => (Some(p), l),
        None => (None, name),
    };
    let mut dirs: Vec<std::path::PathBuf> = Vec::new();
    if let Some(p) = parent {
        let pm = load(vm, p)?;
        let pkg_path = crate::ops::get_attr_opt(vm, &pm, &vm.intern("__path__"))?;
        let Some(pkg_path) = pkg_path else {
            let e = vm.new_module_not_found_error(format!(
                "No module named '{}'; '{}' is not a package",
                name, p
            ));
            e.exc().set_extra("name", vm.new_str(name));
            return Err(e);
        };
        for d in crate::ops::collect(vm, &pkg_path)? {
            if let Some(d) = d.downcast_ref::<PyStr>() {
                dirs.push(std::path::PathBuf::from(d.to_string_lossy()));
            }
        }
    } else {
        if let Some(d) = vm.config.module_dir.clone() {
            dirs.push(d);
        }
        if let Some(src) = super::py_source(name) {
            return exec_source_module(vm, name, &format!("<refvm {name}>"), src.as_bytes());
        }
        if let Some(d) = stdlib_dir() {
            dirs.push(d.clone());
        }
    }
    let mut found = None;
    for base in &dirs {
        let file = base.join(format!("{last}.py"));
        let pkg_init = base.join(last).join("__init__.py");
        if file.is_file() {
            found = Some((file, false, base.clone()));
            break;
        }
        if pkg_init.is_file() {
            found = Some((pkg_init, true, base.clone()));
            break;
        }
    }
    let Some((path, is_pkg, base)) = found else {
        return Err(not_found(vm, name));
    };
    let source = std::fs::read(&path)
        .map_err(|e| vm.new_import_error(format!("cannot read {}: {}", path.display(), e)))?;
    let filename = path.to_string_lossy().into_owned();
    let compiler = vm.compiler.borrow().clone();
    let code = match &compiler {
        Some(c) => (c.0)(&path, &source).map_err(|e| {
            vm.abort_with(crate::vm::Abort::Unsupported(format!(
                "compiling {}: {}",
                filename, e
            )))
        })?,
        None => match {
            let (result, warnings) = refvm_compiler::compile_source_with_warnings(
                &source,
                &refvm_compiler::CompileOptions::new(&filename),
            );
            crate::builtins::exec::show_compile_warnings(vm, &warnings, &filename, &source);
            result
        } {
            Ok(c) => c,
            Err(refvm_compiler::CompileError::Syntax(s)) => {
                return Err(crate::builtins::exec::syntax_error(vm, &s));
            }
            Err(refvm_compiler::CompileError::Unsupported(u)) => {
                return Err(vm.abort_with(crate::vm::Abort::Unsupported(format!(
                    "importing {}: {}",
                    name, u
                ))));
            }
            Err(refvm_compiler::CompileError::Exception { type_name, msg }) => {
                return Err(crate::builtins::exec::compiler_exception(
                    vm, type_name, &msg,
                ));
            }
        },
    };
    let mut cache = crate::objects::code::ConstCache::default();
    let code = vm.make_code(&Arc::new(code), &mut cache)?;
    let module = vm.new_module(name, None);
    module
        .dict
        .set_str(vm.intern("__file__"), vm.new_str(&filename));
    if is_pkg {
        module.dict.set_str(
            vm.intern("__path__"),
            vm.new_list(vec![vm.new_str(&base.join(last).to_string_lossy())])
                .into_object(),
        );
        module
            .dict
            .set_str(vm.names.__package__.clone(), vm.new_str(name));
    } else if let Some(p) = parent {
        module
            .dict
            .set_str(vm.names.__package__.clone(), vm.new_str(p));
    } else {
        module
            .dict
            .set_str(vm.names.__package__.clone(), vm.empty_str.clone_object());
    }
    module
        .dict
        .set_str(vm.names.__builtins__.clone(), vm.builtins_module_obj());
    let mobj = module.clone_object();
    vm.modules.set_str(key.clone(), mobj.clone());
    if let Err(e) = crate::eval::run_code(vm, code, module.dict.clone(), None) {
        vm.modules.pop_str(&key);
        return Err(e);
    }
    if let Some(p) = parent {
        if let Some(pm) = vm.modules.get_str(&vm.intern(p)) {
            let _ = crate::ops::set_attr(vm, &pm, &vm.intern(last), mobj.clone());
        }
    }
    if name == "_collections_abc" {
        // Best effort, as a registration: the import itself has succeeded.
        let _ = super::weakref::register_abcs(vm, &mobj);
    }
    Ok(vm.modules.get_str(&key).unwrap_or(mobj))
}

/// The standard library directory (CPython 3.11's `Lib`, whose pure-Python modules refvm
/// runs as CPython does): `$REFVM_STDLIB`, else the python3.11 that pyenv or `PATH`
/// selects (the directory holding the `os.py` landmark, as CPython's own prefix search).
pub fn stdlib_dir() -> Option<&'static std::path::PathBuf> {
    static DIR: std::sync::OnceLock<Option<std::path::PathBuf>> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        use std::path::PathBuf;
        let ok = |p: &PathBuf| p.join("os.py").is_file();
        if let Some(d) = std::env::var_os("REFVM_STDLIB") {
            let d = PathBuf::from(d);
            return ok(&d).then_some(d);
        }
        let home = std::env::var_os("HOME").map(PathBuf::from);
        let root = std::env::var_os("PYENV_ROOT")
            .map(PathBuf::from)
            .or_else(|| home.map(|h| h.join(".pyenv")));
        if let Some(root) = root {
            if let Ok(v) = std::fs::read_to_string(root.join("version")) {
                for ver in v.split_whitespace() {
                    if ver.starts_with("3.11") {
                        let d = root.join("versions").join(ver).join("lib/python3.11");
                        if ok(&d) {
                            return Some(d);
                        }
                    }
                }
            }
        }
        for dir in std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()) {
            if dir.join("python3.11").is_file() {
                if let Some(prefix) = dir.parent() {
                    let d = prefix.join("lib/python3.11");
                    if ok(&d) {
                        return Some(d);
                    }
                }
            }
        }
        None
    })
    .as_ref()
}

/// Runs Python source refvm carries itself in an existing module's namespace (the
/// Python half of a native module, e.g. `time`'s calendar functions).
pub fn exec_source_in(vm: &Vm, filename: &str, source: &[u8], module: &PyRef) -> PyResult<()> {
    let code =
        refvm_compiler::compile_source(source, &refvm_compiler::CompileOptions::new(filename))
            .map_err(|e| {
                vm.abort_with(crate::vm::Abort::Unsupported(format!(
                    "compiling {filename}: {e:?}"
                )))
            })?;
    let mut cache = crate::objects::code::ConstCache::default();
    let code = vm.make_code(&Arc::new(code), &mut cache)?;
    let Some(m) = module.downcast_ref::<PyModule>() else {
        return Err(vm.new_type_error("exec_source_in: not a module"));
    };
    if m.dict.get_str(&vm.names.__builtins__).is_none() {
        m.dict
            .set_str(vm.names.__builtins__.clone(), vm.builtins_module_obj());
    }
    crate::eval::run_code(vm, code, m.dict.clone(), None)?;
    Ok(())
}

/// Runs a module whose source refvm carries itself (see `modules::py_source`).
fn exec_source_module(vm: &Vm, name: &str, filename: &str, source: &[u8]) -> PyResult<PyRef> {
    let code = match refvm_compiler::compile_source(
        source,
        &refvm_compiler::CompileOptions::new(filename),
    ) {
        Ok(c) => c,
        Err(e) => {
            return Err(vm.abort_with(crate::vm::Abort::Unsupported(format!(
                "compiling refvm's {name} module: {e:?}"
            ))));
        }
    };
    let mut cache = crate::objects::code::ConstCache::default();
    let code = vm.make_code(&Arc::new(code), &mut cache)?;
    let module = vm.new_module(name, None);
    module
        .dict
        .set_str(vm.names.__package__.clone(), vm.empty_str.clone_object());
    module
        .dict
        .set_str(vm.names.__builtins__.clone(), vm.builtins_module_obj());
    let key = vm.intern(name);
    let mobj = module.clone_object();
    vm.modules.set_str(key.clone(), mobj.clone());
    if let Err(e) = crate::eval::run_code(vm, code, module.dict.clone(), None) {
        vm.modules.pop_str(&key);
        return Err(e);
    }
    Ok(vm.modules.get_str(&key).unwrap_or(mobj))
}

/// `IMPORT_NAME` in a frame whose locals are `locals`: as CPython's `import_name`, a
/// replaced `builtins.__import__` is called with `(name, globals, locals, fromlist,
/// level)`; the original one imports directly.
pub fn import_name_frame(
    vm: &Vm,
    name: &PyRef<PyStr>,
    globals: &PyRef<PyDict>,
    locals: Option<&PyRef>,
    fromlist: &PyObject,
    level: &PyObject,
) -> PyResult {
    let Some(import_func) = vm.builtins.get_str(&vm.intern("__import__")) else {
        return Err(vm.new_import_error("__import__ not found"));
    };
    let is_original = import_func
        .downcast_ref::<crate::objects::descr::PyBuiltinFunction>()
        .is_some_and(|b| b.name == "__import__" && b.self_.is_none());
    if is_original {
        return import_name(vm, name, globals, fromlist, level);
    }
    let args = [
        name.clone().into_object(),
        globals.clone().into_object(),
        locals.cloned().unwrap_or_else(|| vm.none()),
        fromlist.to_owned(),
        level.to_owned(),
    ];
    crate::ops::call(vm, &import_func, &args, None)
}

/// `IMPORT_NAME` with the original `builtins.__import__`.
pub fn import_name(
    vm: &Vm,
    name: &PyRef<PyStr>,
    globals: &PyDict,
    fromlist: &PyObject,
    level: &PyObject,
) -> PyResult {
    let level = crate::objects::int::int_value(level)
        .and_then(|v| v.as_i64())
        .unwrap_or(0);
    let mut full = name.to_string_lossy();
    if level > 0 {
        let package = globals
            .get_str(&vm.names.__package__)
            .filter(|p| !vm.is_none(p))
            .and_then(|p| p.downcast::<PyStr>().ok())
            .map(|p| p.to_string_lossy())
            .unwrap_or_default();
        if package.is_empty() {
            return Err(
                vm.new_import_error("attempted relative import with no known parent package")
            );
        }
        let mut parts: Vec<&str> = package.split('.').collect();
        for _ in 1..level {
            if parts.pop().is_none() {
                return Err(
                    vm.new_import_error("attempted relative import beyond top-level package")
                );
            }
        }
        let base = parts.join(".");
        full = if full.is_empty() {
            base
        } else {
            format!("{base}.{full}")
        };
    }
    if full.is_empty() {
        return Err(vm.new_value_error("Empty module name"));
    }
    vm.enter_recursive_call(" while importing")?;
    let r = (|| {
        // import each prefix so packages are initialised
        let mut m = None;
        let mut acc = String::new();
        for part in full.split('.') {
            if !acc.is_empty() {
                acc.push('.');
            }
            acc.push_str(part);
            m = Some(load(vm, &acc)?);
        }
        let m = m.ok_or_else(|| not_found(vm, &full))?;
        let has_fromlist = !vm.is_none(fromlist) && crate::ops::is_true(vm, fromlist)?;
        if has_fromlist || level > 0 && name.byte_len() == 0 {
            return Ok(m);
        }
        if level > 0 {
            return Ok(m);
        }
        let top = full.split('.').next().unwrap_or(&full).to_string();
        load(vm, &top)
    })();
    vm.leave_recursive_call();
    r
}

/// `IMPORT_FROM`.
pub fn import_from(vm: &Vm, module: &PyObject, name: &PyRef<PyStr>) -> PyResult {
    match crate::ops::get_attr_opt(vm, module, name)? {
        Some(v) => Ok(v),
        None => {
            let modname = module
                .downcast_ref::<PyModule>()
                .and_then(|m| m.dict.get_str(&vm.names.__name__))
                .and_then(|n| n.downcast::<PyStr>().ok())
                .map(|n| n.to_string_lossy())
                .unwrap_or_else(|| "<unknown module name>".into());
            let sub = format!("{}.{}", modname, name);
            if let Some(m) = vm.modules.get_str(&vm.intern(&sub)) {
                return Ok(m);
            }
            if let Ok(m) = load(vm, &sub) {
                return Ok(m);
            }
            let path = module
                .downcast_ref::<PyModule>()
                .and_then(|m| m.dict.get_str(&vm.intern("__file__")))
                .and_then(|n| n.downcast::<PyStr>().ok())
                .map(|n| n.to_string_lossy());
            let msg = match path {
                Some(p) => format!("cannot import name '{}' from '{}' ({})", name, modname, p),
                None => format!(
                    "cannot import name '{}' from '{}' (unknown location)",
                    name, modname
                ),
            };
            let e = vm.new_import_error(msg.clone());
            e.exc().set_extra("msg", vm.new_str(&msg));
            e.exc().set_extra("name", vm.new_str(&modname));
            Err(e)
        }
    }
}

/// `from m import *`.
pub fn import_star(vm: &Vm, module: &PyObject, locals: &PyRef) -> PyResult<()> {
    let names: Vec<PyRef> = match crate::ops::get_attr_opt(vm, module, &vm.names.__all__)? {
        Some(all) => crate::ops::collect(vm, &all)?,
        None => {
            let d = crate::ops::get_attr(vm, module, &vm.names.__dict__)?;
            let keys = crate::ops::collect(vm, &d)?;
            keys.into_iter()
                .filter(|k| {
                    !k.downcast_ref::<PyStr>()
                        .is_some_and(|s| s.as_bytes().starts_with(b"_"))
                })
                .collect()
        }
    };
    for n in names {
        let Ok(s) = n.clone().downcast::<PyStr>() else {
            continue;
        };
        let v = crate::ops::get_attr(vm, module, &vm.intern_str(s))?;
        crate::ops::setitem(vm, locals, &n, v)?;
    }
    Ok(())
}
