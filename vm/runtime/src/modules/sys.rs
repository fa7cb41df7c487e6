//! The `sys` module, the text streams behind `sys.stdout`/`sys.stderr`, and
//! `write_unraisable` ("Exception ignored in: …").

use crate::argparse;
use crate::error::{PyErr, PyResult};
use crate::object::{PyObject, PyRef};
use crate::objects::descr::MethodDef;
use crate::objects::str::PyStr;
use crate::objects::textio::PyTextIO;
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;

fn sys_attr(vm: &Vm, name: &str) -> Option<PyRef> {
    // SAFETY: the sys dict pointer is set once at start-up.
    let d = unsafe { (*vm.sys_dict.get()).clone() }?;
    d.get_str(&vm.intern(name))
}

/// The current `sys.stdout` object.
pub fn get_stdout(vm: &Vm) -> PyResult<PyRef> {
    match sys_attr(vm, "stdout") {
        Some(s) if !vm.is_none(&s) => Ok(s),
        _ => Err(vm.new_runtime_error("lost sys.stdout")),
    }
}

/// Writes text to `sys.stderr` (directly when it is the original stream).
pub fn write_stderr_text(vm: &Vm, s: &str) {
    match sys_attr(vm, "stderr") {
        Some(f) if f.downcast_ref::<PyTextIO>().is_none() && !vm.is_none(&f) => {
            if let Ok(w) = crate::ops::get_attr(vm, &f, &vm.names.write) {
                let _ = crate::ops::call(vm, &w, &[vm.new_str(s)], None);
            }
        }
        _ => {
            let _ = vm.write_stderr(s.as_bytes());
        }
    }
}

/// `PyErr_WriteUnraisable`: reports an exception that cannot propagate (e.g. in `__del__`).
pub fn write_unraisable(vm: &Vm, e: PyErr, obj: Option<&PyObject>) {
    let mut s = String::new();
    if let Some(o) = obj {
        let r = crate::ops::repr(vm, o)
            .map(|r| r.to_string_lossy())
            .unwrap_or_else(|_| "<object repr() failed>".into());
        s.push_str(&format!("Exception ignored in: {}\n", r));
    }
    s.push_str(&crate::traceback::format_exception(vm, &e.into_object()));
    write_stderr_text(vm, &s);
}

fn textio_write(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "write", &a[1..], k, 1)?;
    let t = a[0]
        .downcast_ref::<PyTextIO>()
        .ok_or_else(|| vm.new_type_error("bad stream"))?;
    let Some(s) = a[1].downcast_ref::<PyStr>() else {
        return Err(vm.new_type_error(format!(
            "write() argument must be str, not {}",
            a[1].type_().name_str()
        )));
    };
    let text = s.to_string_lossy();
    if t.fd == 2 {
        vm.write_stderr(text.as_bytes())?
    } else {
        vm.write_stdout(text.as_bytes())?
    }
    Ok(vm.new_usize(s.char_len()))
}
fn textio_flush(vm: &Vm, _a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    Ok(vm.none())
}
fn textio_writelines(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    for line in crate::ops::collect(vm, &a[1])? {
        textio_write(vm, &[a[0].clone(), line], None)?;
    }
    Ok(vm.none())
}

fn getrefcount(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "getrefcount", a, k, 1)?;
    Ok(vm.new_int(a[0].refcnt() as i64))
}
fn getrecursionlimit(vm: &Vm, _a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    Ok(vm.new_int(i64::from(vm.ts.recursion_limit.get())))
}
fn setrecursionlimit(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "setrecursionlimit", a, k, 1)?;
    if crate::objects::float::float_value(&a[0]).is_some() {
        return Err(vm.new_type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = argparse::to_i64(vm, &a[0])?;
    if n < 1 {
        return Err(vm.new_value_error("recursion limit must be greater or equal than 1"));
    }
    let n = n.min(i64::from(i32::MAX)) as i32;
    let depth = vm.recursion_depth();
    if n <= depth {
        return Err(vm.new_recursion_error(format!(
            "cannot set the recursion limit to {} at the recursion depth {}: the limit is too low",
            n, depth
        )));
    }
    vm.set_recursion_limit(n);
    Ok(vm.none())
}
fn exit(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::range(vm, "exit", a, k, 0, 1)?;
    Err(vm.new_exception(&vm.exc.system_exit, a.to_vec()))
}
fn intern(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "intern", a, k, 1)?;
    let s = a[0].clone().downcast::<PyStr>().map_err(|o| {
        vm.new_type_error(format!(
            "intern() argument must be str, not {}",
            o.type_().name_str()
        ))
    })?;
    if !s.as_object().is_type(&vm.types.str) {
        return Err(vm.new_type_error("can't intern str subclass"));
    }
    Ok(vm.intern_str(s).into_object())
}
fn getdefaultencoding(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "getdefaultencoding", a, k, 0)?;
    Ok(vm.new_str("utf-8"))
}

fn getfilesystemencoding(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "getfilesystemencoding", a, k, 0)?;
    Ok(vm.new_str("utf-8"))
}
fn getfilesystemencodeerrors(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "getfilesystemencodeerrors", a, k, 0)?;
    Ok(vm.new_str("surrogateescape"))
}

fn is_finalizing(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "is_finalizing", a, k, 0)?;
    Ok(vm.new_bool(false))
}

/// `sys.getsizeof(o[, default])`: `__sizeof__` plus the GC header for tracked types.
fn getsizeof(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::range(vm, "getsizeof", a, k, 1, 2)?;
    let o = &a[0];
    let r = match crate::objects::typeobject::lookup_special(vm, o, &vm.names.__sizeof__) {
        Some(f) => crate::ops::call(vm, &f, &[], None),
        None => Err(vm.new_type_error(format!(
            "Type {} doesn't define __sizeof__",
            o.type_().name_str()
        ))),
    };
    let r = match (r, a.get(1)) {
        (Ok(r), _) => r,
        (Err(_), Some(d)) => return Ok(d.clone()),
        (Err(e), None) => return Err(e),
    };
    let n = crate::ops::number::index(vm, &r)?;
    if n.is_negative() {
        return Err(vm.new_value_error("__sizeof__() should return >= 0"));
    }
    let gc = if o
        .type_()
        .flags()
        .contains(crate::object::typeobj::TypeFlags::HAVE_GC)
    {
        16
    } else {
        0
    };
    Ok(vm.new_int(n.as_i64().unwrap_or(i64::MAX).saturating_add(gc)))
}

fn exc_info(vm: &Vm, _a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    match vm.ts.current_exception() {
        Some(e) => {
            let tb = e
                .downcast_ref::<crate::objects::exceptions::PyBaseException>()
                .and_then(|x| x.traceback.get())
                .unwrap_or_else(|| vm.none());
            Ok(vm
                .new_tuple(vec![e.type_().as_type_ref().into_object(), e.clone(), tb])
                .into_object())
        }
        None => Ok(vm
            .new_tuple(vec![vm.none(), vm.none(), vm.none()])
            .into_object()),
    }
}
fn exception(vm: &Vm, _a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    Ok(vm.ts.current_exception().unwrap_or_else(|| vm.none()))
}
fn get_int_max_str_digits(vm: &Vm, _a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    Ok(vm.new_usize(vm.int_max_str_digits()))
}
fn set_int_max_str_digits(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    let p = argparse::bind(vm, "set_int_max_str_digits", a, k, &["maxdigits"], 1, 0, 1)?;
    let n = argparse::to_i64(vm, p[0].as_ref().unwrap_or(&vm.none))?;
    if n != 0 && n < 640 {
        return Err(vm.new_value_error("maxdigits must be 0 or larger than 640"));
    }
    vm.int_max_str_digits
        .set(if n == 0 { usize::MAX / 2 } else { n as usize });
    Ok(vm.none())
}
fn getframe(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let depth = match a.first() {
        Some(d) => argparse::to_i64(vm, d)?,
        None => 0,
    };
    let mut f = vm.ts.frame.get();
    let mut i = 0;
    while !f.is_null() && i < depth {
        // SAFETY: frames in the chain are alive while this call runs.
        f = unsafe { (*f).previous };
        i += 1;
    }
    if f.is_null() {
        return Err(vm.new_value_error("call stack is not deep enough"));
    }
    // SAFETY: as above.
    let fr = unsafe { &mut *f };
    if let Some(fo) = &fr.frame_obj {
        return Ok(fo.clone_object());
    }
    let fo = vm
        .new_frame_object(fr)
        .ok_or_else(|| vm.new_value_error("call stack is not deep enough"))?;
    fr.frame_obj = Some(fo.clone());
    Ok(fo.into_object())
}

pub fn init(vm: &Vm) -> PyRef {
    let t = &vm.types.text_io;
    vm.add_methods(
        t,
        &[
            MethodDef::method("write", textio_write),
            MethodDef::method("flush", textio_flush),
            MethodDef::method("writelines", textio_writelines),
        ],
    );
    let m = super::make_module(
        vm,
        "sys",
        &[
            MethodDef::static_("getrefcount", getrefcount),
            MethodDef::static_("getrecursionlimit", getrecursionlimit),
            MethodDef::static_("setrecursionlimit", setrecursionlimit),
            MethodDef::static_("exit", exit),
            MethodDef::static_("intern", intern),
            MethodDef::static_("exc_info", exc_info),
            MethodDef::static_("exception", exception),
            MethodDef::static_("get_int_max_str_digits", get_int_max_str_digits),
            MethodDef::static_("set_int_max_str_digits", set_int_max_str_digits),
            MethodDef::static_("_getframe", getframe),
            MethodDef::static_("getdefaultencoding", getdefaultencoding),
            MethodDef::static_("is_finalizing", is_finalizing),
            MethodDef::static_("getsizeof", getsizeof),
            MethodDef::static_("getfilesystemencoding", getfilesystemencoding),
            MethodDef::static_("getfilesystemencodeerrors", getfilesystemencodeerrors),
            MethodDef::static_(
                "set_asyncgen_hooks",
                crate::objects::asyncgen::set_asyncgen_hooks,
            ),
            MethodDef::static_(
                "get_asyncgen_hooks",
                crate::objects::asyncgen::get_asyncgen_hooks,
            ),
        ],
    );
    super::sys_hooks::add(vm, &m);
    let argv: Vec<PyRef> = vm.config.argv.iter().map(|a| vm.new_str(a)).collect();
    super::set(vm, &m, "argv", vm.new_list(argv).into_object());
    let stdout = vm.new_textio(1);
    let stderr = vm.new_textio(2);
    super::set(vm, &m, "stdout", stdout.clone());
    super::set(vm, &m, "stderr", stderr.clone());
    super::set(vm, &m, "__stdout__", stdout);
    super::set(vm, &m, "__stderr__", stderr);
    super::set(vm, &m, "stdin", vm.none());
    super::set(vm, &m, "warnoptions", vm.new_list(vec![]).into_object());
    super::set(vm, &m, "maxsize", vm.new_int(i64::MAX));
    super::set(vm, &m, "maxunicode", vm.new_int(0x10ffff));
    super::set(vm, &m, "byteorder", vm.new_str("little"));
    super::set(vm, &m, "platform", vm.new_str("linux"));
    super::set(
        vm,
        &m,
        "version",
        vm.new_str("3.11.7 (main, Nov 24 2026, 00:00:00) [refvm]"),
    );
    super::set(vm, &m, "hexversion", vm.new_int(0x030b07f0));
    super::set(vm, &m, "executable", vm.new_str(""));
    super::set(vm, &m, "modules", vm.modules.clone_object());
    let path: Vec<PyRef> = vm
        .config
        .module_dir
        .iter()
        .map(|p| vm.new_str(&p.to_string_lossy()))
        .collect();
    super::set(vm, &m, "path", vm.new_list(path).into_object());
    let mk = |name: &str, fields: &[&str], values: Vec<PyRef>| {
        super::structseq::make(vm, "sys", name, fields, values).unwrap_or_else(|_| vm.none())
    };
    let vi = mk(
        "version_info",
        &["major", "minor", "micro", "releaselevel", "serial"],
        vec![
            vm.new_int(3),
            vm.new_int(11),
            vm.new_int(7),
            vm.new_str("final"),
            vm.new_int(0),
        ],
    );
    let float_info = mk(
        "float_info",
        &[
            "max",
            "max_exp",
            "max_10_exp",
            "min",
            "min_exp",
            "min_10_exp",
            "dig",
            "mant_dig",
            "epsilon",
            "radix",
            "rounds",
        ],
        vec![
            vm.new_float(f64::MAX),
            vm.new_int(1024),
            vm.new_int(308),
            vm.new_float(f64::MIN_POSITIVE),
            vm.new_int(-1021),
            vm.new_int(-307),
            vm.new_int(15),
            vm.new_int(53),
            vm.new_float(f64::EPSILON),
            vm.new_int(2),
            vm.new_int(1),
        ],
    );
    super::set(vm, &m, "float_info", float_info);
    let int_info = mk(
        "int_info",
        &[
            "bits_per_digit",
            "sizeof_digit",
            "default_max_str_digits",
            "str_digits_check_threshold",
        ],
        vec![
            vm.new_int(30),
            vm.new_int(4),
            vm.new_int(4300),
            vm.new_int(640),
        ],
    );
    super::set(vm, &m, "int_info", int_info);
    let hash_info = mk(
        "hash_info",
        &[
            "width",
            "modulus",
            "inf",
            "nan",
            "imag",
            "algorithm",
            "hash_bits",
            "seed_bits",
            "cutoff",
        ],
        vec![
            vm.new_int(64),
            vm.new_int((1i64 << 61) - 1),
            vm.new_int(314159),
            vm.new_int(0),
            vm.new_int(1000003),
            vm.new_str("siphash13"),
            vm.new_int(64),
            vm.new_int(128),
            vm.new_int(0),
        ],
    );
    super::set(vm, &m, "hash_info", hash_info);
    let flag_names = [
        "debug",
        "inspect",
        "interactive",
        "optimize",
        "dont_write_bytecode",
        "no_user_site",
        "no_site",
        "ignore_environment",
        "verbose",
        "bytes_warning",
        "quiet",
        "hash_randomization",
        "isolated",
        "dev_mode",
        "utf8_mode",
        "warn_default_encoding",
        "safe_path",
        "int_max_str_digits",
    ];
    let mut flag_values: Vec<PyRef> = flag_names.iter().map(|_| vm.new_int(0)).collect();
    flag_values[17] = vm.new_int(4300);
    let flags = mk("flags", &flag_names, flag_values);
    super::set(vm, &m, "flags", flags);
    super::set(vm, &m, "float_repr_style", vm.new_str("short"));
    super::set(vm, &m, "version_info", vi.clone());
    // sys.implementation: a types.SimpleNamespace naming this implementation.
    if let Ok(nst) = crate::objects::namespace::make_type(vm) {
        let kwnames = vm.new_tuple(vec![
            vm.new_str("name"),
            vm.new_str("cache_tag"),
            vm.new_str("version"),
            vm.new_str("hexversion"),
            vm.new_str("_multiarch"),
        ]);
        let args = [
            vm.new_str("refvm"),
            vm.none(),
            vi,
            vm.new_int(0x030b07f0),
            vm.new_str("x86_64-linux-gnu"),
        ];
        if let Ok(imp) = crate::ops::call(vm, nst.as_object(), &args, Some(&kwnames)) {
            super::set(vm, &m, "implementation", imp);
        }
    }
    super::set(
        vm,
        &m,
        "builtin_module_names",
        vm.new_tuple(vec![
            vm.new_str("builtins"),
            vm.new_str("sys"),
            vm.new_str("gc"),
            vm.new_str("math"),
            vm.new_str("time"),
            vm.new_str("posix"),
            vm.new_str("errno"),
            vm.new_str("_io"),
            vm.new_str("_struct"),
            vm.new_str("array"),
        ])
        .into_object(),
    );
    if let Some(md) = m.downcast_ref::<crate::objects::module::PyModule>() {
        // SAFETY: start-up, single writer.
        unsafe { *vm.sys_dict.get() = Some(md.dict.clone()) };
    }
    m
}
