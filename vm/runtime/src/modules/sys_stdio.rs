//! The query methods and attributes of `sys.stdin`/`sys.stdout`/`sys.stderr`
//! (`_io.TextIOWrapper` over file descriptors 0, 1 and 2), as CPython's streams report
//! them under a UTF-8 locale. refvm's stdin is always at end of file: the sandbox gives a
//! program no input.

use crate::argparse;
use crate::error::PyResult;
use crate::object::{PyObject, PyRef};
use crate::objects::descr::MethodDef;
use crate::objects::textio::PyTextIO;
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;

fn fd_of(vm: &Vm, o: &PyObject) -> PyResult<u8> {
    o.downcast_ref::<PyTextIO>()
        .map(|t| t.fd)
        .ok_or_else(|| vm.new_type_error("descriptor requires an '_io.TextIOWrapper' object"))
}

/// `io.UnsupportedOperation(msg)`.
pub fn unsupported(vm: &Vm, msg: &str) -> crate::error::PyErr {
    let cls = super::import::import_module(vm, "_io")
        .and_then(|m| crate::ops::get_attr(vm, &m, &vm.intern("UnsupportedOperation")));
    match cls.and_then(|c| crate::ops::call(vm, &c, &[vm.new_str(msg)], None)) {
        Ok(e) => match e.downcast::<crate::objects::exceptions::PyBaseException>() {
            Ok(e) => crate::error::PyErr(e),
            Err(_) => vm.new_value_error(msg),
        },
        Err(e) => e,
    }
}

fn writable(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "writable", &a[1..], k, 0)?;
    Ok(vm.new_bool(fd_of(vm, &a[0])? != 0))
}

fn readable(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "readable", &a[1..], k, 0)?;
    Ok(vm.new_bool(fd_of(vm, &a[0])? == 0))
}

fn false_query(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "isatty", &a[1..], k, 0)?;
    fd_of(vm, &a[0])?;
    Ok(vm.new_bool(false))
}

fn fileno(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "fileno", &a[1..], k, 0)?;
    Ok(vm.new_int(i64::from(fd_of(vm, &a[0])?)))
}

/// `read`/`readline`: the empty string at end of file (stdin), or "not readable".
fn read_eof(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    if fd_of(vm, &a[0])? != 0 {
        return Err(unsupported(vm, "not readable"));
    }
    Ok(vm.new_str(""))
}

fn readlines(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    if fd_of(vm, &a[0])? != 0 {
        return Err(unsupported(vm, "not readable"));
    }
    Ok(vm.new_list(vec![]).into_object())
}

fn seek(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    fd_of(vm, &a[0])?;
    Err(unsupported(vm, "underlying stream is not seekable"))
}

const METHODS: &[MethodDef] = &[
    MethodDef::method("writable", writable),
    MethodDef::method("readable", readable),
    MethodDef::method("seekable", false_query),
    MethodDef::method("isatty", false_query),
    MethodDef::method("fileno", fileno),
    MethodDef::method("read", read_eof),
    MethodDef::method("readline", read_eof),
    MethodDef::method("readlines", readlines),
    MethodDef::method("seek", seek),
    MethodDef::method("tell", seek),
];

/// Adds the methods and attributes to the `_io.TextIOWrapper` type of the std streams.
pub fn add(vm: &Vm) {
    let t = &vm.types.text_io;
    vm.add_methods(t, METHODS);
    vm.add_getset(
        t,
        "encoding",
        |vm, o| {
            fd_of(vm, o)?;
            Ok(vm.new_str("utf-8"))
        },
        None,
    );
    vm.add_getset(
        t,
        "errors",
        |vm, o| {
            Ok(vm.new_str(if fd_of(vm, o)? == 2 {
                "backslashreplace"
            } else {
                "surrogateescape"
            }))
        },
        None,
    );
    vm.add_getset(
        t,
        "name",
        |vm, o| {
            Ok(vm.new_str(match fd_of(vm, o)? {
                0 => "<stdin>",
                1 => "<stdout>",
                _ => "<stderr>",
            }))
        },
        None,
    );
    vm.add_getset(
        t,
        "mode",
        |vm, o| Ok(vm.new_str(if fd_of(vm, o)? == 0 { "r" } else { "w" })),
        None,
    );
    vm.add_getset(
        t,
        "closed",
        |vm, o| {
            fd_of(vm, o)?;
            Ok(vm.new_bool(false))
        },
        None,
    );
    vm.add_getset(
        t,
        "line_buffering",
        |vm, o| {
            fd_of(vm, o)?;
            Ok(vm.new_bool(false))
        },
        None,
    );
    vm.add_getset(
        t,
        "newlines",
        |vm, o| {
            fd_of(vm, o)?;
            Ok(vm.none())
        },
        None,
    );
}
