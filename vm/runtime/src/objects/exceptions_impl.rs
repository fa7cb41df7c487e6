//! Behaviour of exception objects: construction, `str`/`repr`, `args`,
//! `__traceback__`/`__cause__`/`__context__`, and the per-class attributes
//! (`StopIteration.value`, `SystemExit.code`, `KeyError.__str__`, …).

use crate::error::PyResult;
use crate::object::{PyObject, PyRef, PyType, Slot};
use crate::objects::descr::MethodDef;
use crate::objects::exceptions::{PyBaseException, init_exception_args, new_base_exception};
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;

fn e<'a>(vm: &Vm, o: &'a PyObject) -> PyResult<&'a PyBaseException> {
    o.downcast_ref::<PyBaseException>()
        .ok_or_else(|| vm.new_type_error("exception expected"))
}

fn exc_new(vm: &Vm, t: &PyRef<PyType>, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    let (pos, _) = crate::ops::call::split_args(a, k);
    // OSError(errno, strerror, ...) picks the subclass for errno (`oserror_use_init`)
    if t.is(&vm.exc.os_error) && pos.len() >= 2 {
        if let Some(n) = crate::objects::int::int_value(&pos[0]).and_then(|i| i.as_i64()) {
            let x = &vm.exc;
            let sub = match n {
                11 | 114 | 115 => Some(&x.blocking_io_error),
                10 => Some(&x.child_process_error),
                32 | 108 => Some(&x.broken_pipe_error),
                103 => Some(&x.connection_aborted_error),
                111 => Some(&x.connection_refused_error),
                104 => Some(&x.connection_reset_error),
                17 => Some(&x.file_exists_error),
                2 => Some(&x.file_not_found_error),
                21 => Some(&x.is_a_directory_error),
                20 => Some(&x.not_a_directory_error),
                4 => Some(&x.interrupted_error),
                1 | 13 => Some(&x.permission_error),
                3 => Some(&x.process_lookup_error),
                110 => Some(&x.timeout_error),
                _ => None,
            };
            if let Some(sub) = sub {
                return Ok(new_base_exception(vm, sub, pos.to_vec()).into_object());
            }
        }
    }
    Ok(new_base_exception(vm, t, pos.to_vec()).into_object())
}
fn exc_init(vm: &Vm, o: &PyObject, a: &[PyRef], k: Option<&PyTuple>) -> PyResult<()> {
    let (pos, kws) = crate::ops::call::split_args(a, k);
    if !kws.is_empty()
        && o.type_()
            .slots()
            .init
            .is_some_and(|f| std::ptr::fn_addr_eq(f, exc_init as crate::object::typeobj::InitFn))
    {
        return Err(vm.new_type_error(format!(
            "{}() takes no keyword arguments",
            o.type_().name_str()
        )));
    }
    init_exception_args(vm, e(vm, o)?, pos.to_vec());
    Ok(())
}

pub fn exc_str(vm: &Vm, o: &PyObject) -> PyResult {
    let x = e(vm, o)?;
    let args = x.args.get();
    let t = o.type_();
    if t.is_subtype(&vm.exc.key_error) && args.len() == 1 {
        return Ok(crate::ops::repr(vm, &args.as_slice()[0])?.into_object());
    }
    if t.is_subtype(&vm.exc.import_error) {
        if let Some(m) = x.get_extra("msg").filter(|m| !vm.is_none(m)) {
            return Ok(crate::ops::str(vm, &m)?.into_object());
        }
    }
    if t.is_subtype(&vm.exc.syntax_error) && !args.is_empty() {
        // SyntaxError_str: "msg (file, line N)" with the file's basename
        let m = se_msg(vm, o)?;
        let msg = crate::ops::str_string(vm, &m)?;
        let filename = syntax_detail(vm, o, 0)?;
        let lineno = syntax_detail(vm, o, 1)?;
        let file = filename
            .downcast_ref::<crate::objects::str::PyStr>()
            .map(|f| {
                let f = f.to_string_lossy();
                f.rsplit('/').next().unwrap_or(&f).to_string()
            });
        let line = crate::objects::int::int_value(&lineno).and_then(|i| i.as_i64());
        let s = match (file, line) {
            (Some(f), Some(l)) => format!("{msg} ({f}, line {l})"),
            (Some(f), None) => format!("{msg} ({f})"),
            (None, Some(l)) => format!("{msg} (line {l})"),
            (None, None) => msg,
        };
        return Ok(vm.new_str(&s));
    }
    if t.is_subtype(&vm.exc.os_error) {
        if let (Some(errno), Some(strerror)) = (x.get_extra("errno"), x.get_extra("strerror")) {
            let s = match x.get_extra("filename") {
                Some(f) => format!(
                    "[Errno {}] {}: {}",
                    crate::ops::str_string(vm, &errno)?,
                    crate::ops::str_string(vm, &strerror)?,
                    crate::ops::repr_string(vm, &f)?
                ),
                None => format!(
                    "[Errno {}] {}",
                    crate::ops::str_string(vm, &errno)?,
                    crate::ops::str_string(vm, &strerror)?
                ),
            };
            return Ok(vm.new_str(&s));
        }
    }
    if t.is_subtype(&vm.exc.unicode_decode_error) || t.is_subtype(&vm.exc.unicode_encode_error) {
        let a = args.as_slice();
        if a.len() == 5 {
            let enc = crate::ops::str_string(vm, &a[0])?;
            let start = crate::argparse::to_i64(vm, &a[2])?;
            let end = crate::argparse::to_i64(vm, &a[3])?;
            let reason = crate::ops::str_string(vm, &a[4])?;
            let s = if t.is_subtype(&vm.exc.unicode_decode_error) {
                let b = crate::objects::bytes::bytes_like(&a[1]).unwrap_or_default();
                let byte = b.get(start as usize).copied().unwrap_or(0);
                if end - start == 1 {
                    format!(
                        "'{}' codec can't decode byte {:#04x} in position {}: {}",
                        enc, byte, start, reason
                    )
                } else {
                    format!(
                        "'{}' codec can't decode bytes in position {}-{}: {}",
                        enc,
                        start,
                        end - 1,
                        reason
                    )
                }
            } else {
                let s = a[1]
                    .downcast_ref::<crate::objects::str::PyStr>()
                    .map(|s| s.code_points().collect::<Vec<_>>())
                    .unwrap_or_default();
                let cp = s.get(start as usize).copied().unwrap_or(0);
                let esc = if cp < 0x100 {
                    format!("\\x{cp:02x}")
                } else if cp < 0x10000 {
                    format!("\\u{cp:04x}")
                } else {
                    format!("\\U{cp:08x}")
                };
                if end - start == 1 {
                    format!(
                        "'{}' codec can't encode character '{}' in position {}: {}",
                        enc, esc, start, reason
                    )
                } else {
                    format!(
                        "'{}' codec can't encode characters in position {}-{}: {}",
                        enc,
                        start,
                        end - 1,
                        reason
                    )
                }
            };
            return Ok(vm.new_str(&s));
        }
    }
    match args.len() {
        0 => Ok(vm.empty_str.clone_object()),
        1 => Ok(crate::ops::str(vm, &args.as_slice()[0])?.into_object()),
        _ => Ok(crate::ops::str(vm, args.as_object())?.into_object()),
    }
}
fn exc_repr(vm: &Vm, o: &PyObject) -> PyResult {
    let x = e(vm, o)?;
    let args = x.args.get();
    let name = o.type_().name_str();
    let name = name.rsplit('.').next().unwrap_or(&name).to_string();
    let s = match args.len() {
        1 => format!(
            "{}({})",
            name,
            crate::ops::repr_string(vm, &args.as_slice()[0])?
        ),
        _ => format!("{}{}", name, crate::ops::repr_string(vm, args.as_object())?),
    };
    Ok(vm.new_str(&s))
}

fn get_args(vm: &Vm, o: &PyObject) -> PyResult {
    Ok(e(vm, o)?.args.get().into_object())
}
fn set_args(vm: &Vm, o: &PyObject, v: Slot) -> PyResult<()> {
    let v = v.ok_or_else(|| vm.new_type_error("args may not be deleted"))?;
    let items = crate::ops::collect(vm, &v)?;
    e(vm, o)?.args.set(vm.new_tuple(items));
    Ok(())
}
fn get_tb(vm: &Vm, o: &PyObject) -> PyResult {
    Ok(e(vm, o)?.traceback.get().unwrap_or_else(|| vm.none()))
}
fn set_tb(vm: &Vm, o: &PyObject, v: Slot) -> PyResult<()> {
    let v = v.ok_or_else(|| vm.new_type_error("__traceback__ may not be deleted"))?;
    if !vm.is_none(&v) && !v.is_type(&vm.types.traceback) {
        return Err(vm.new_type_error("__traceback__ must be a traceback or None"));
    }
    e(vm, o)?
        .traceback
        .set(if vm.is_none(&v) { None } else { Some(v) });
    Ok(())
}
fn get_cause(vm: &Vm, o: &PyObject) -> PyResult {
    Ok(e(vm, o)?.cause.get().unwrap_or_else(|| vm.none()))
}
fn set_cause(vm: &Vm, o: &PyObject, v: Slot) -> PyResult<()> {
    let v = v.ok_or_else(|| vm.new_type_error("__cause__ may not be deleted"))?;
    let x = e(vm, o)?;
    if vm.is_none(&v) {
        x.cause.set(None);
    } else if v.downcast_ref::<PyBaseException>().is_some() {
        x.cause.set(Some(v));
    } else {
        return Err(vm.new_type_error("exception cause must be None or derive from BaseException"));
    }
    x.suppress_context.set(true);
    Ok(())
}
fn get_context(vm: &Vm, o: &PyObject) -> PyResult {
    Ok(e(vm, o)?.context.get().unwrap_or_else(|| vm.none()))
}
fn set_context(vm: &Vm, o: &PyObject, v: Slot) -> PyResult<()> {
    let v = v.ok_or_else(|| vm.new_type_error("__context__ may not be deleted"))?;
    let x = e(vm, o)?;
    if vm.is_none(&v) {
        x.context.set(None);
    } else if v.downcast_ref::<PyBaseException>().is_some() {
        x.context.set(Some(v));
    } else {
        return Err(
            vm.new_type_error("exception context must be None or derive from BaseException")
        );
    }
    Ok(())
}
fn get_suppress(vm: &Vm, o: &PyObject) -> PyResult {
    Ok(vm.new_bool(e(vm, o)?.suppress_context.get()))
}
fn set_suppress(vm: &Vm, o: &PyObject, v: Slot) -> PyResult<()> {
    let v = v.ok_or_else(|| vm.new_type_error("__suppress_context__ may not be deleted"))?;
    e(vm, o)?.suppress_context.set(crate::ops::is_true(vm, &v)?);
    Ok(())
}
fn with_traceback(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let tb = a.get(1).cloned().unwrap_or_else(|| vm.none());
    set_tb(vm, &a[0], Some(tb))?;
    Ok(a[0].clone())
}
fn add_note(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let x = e(vm, &a[0])?;
    let note = a
        .get(1)
        .ok_or_else(|| vm.new_type_error("add_note() takes exactly one argument (0 given)"))?;
    if note.downcast_ref::<crate::objects::str::PyStr>().is_none() {
        return Err(vm.new_type_error(format!(
            "note must be a str, not '{}'",
            note.type_().name_str()
        )));
    }
    let notes = match x.notes.get() {
        Some(n) => n,
        None => {
            let l = vm.new_list(vec![]).into_object();
            x.notes.set(Some(l.clone()));
            l
        }
    };
    match notes.downcast_ref::<crate::objects::list::PyList>() {
        Some(l) => l.push(note.clone()),
        None => return Err(vm.new_type_error("Cannot add note: __notes__ is not a list")),
    }
    Ok(vm.none())
}
/// CPython 3.11 keeps `__notes__` in the instance dict: any value, deletable.
fn set_notes(vm: &Vm, o: &PyObject, v: Option<PyRef>) -> PyResult<()> {
    let x = e(vm, o)?;
    if v.is_none() && x.notes.borrow().is_none() {
        return Err(crate::ops::attr::attribute_error(
            vm,
            o,
            &vm.names.__notes__,
        ));
    }
    x.notes.set(v);
    Ok(())
}
fn get_notes(vm: &Vm, o: &PyObject) -> PyResult {
    e(vm, o)?
        .notes
        .get()
        .ok_or_else(|| crate::ops::attr::attribute_error(vm, o, &vm.names.__notes__))
}

macro_rules! extra_attr {
    ($get:ident, $set:ident, $name:literal) => {
        fn $get(vm: &Vm, o: &PyObject) -> PyResult {
            Ok(e(vm, o)?.get_extra($name).unwrap_or_else(|| vm.none()))
        }
        fn $set(vm: &Vm, o: &PyObject, v: Slot) -> PyResult<()> {
            e(vm, o)?.set_extra($name, v.unwrap_or_else(|| vm.none()));
            Ok(())
        }
    };
}
extra_attr!(get_value, set_value, "value");
extra_attr!(get_code, set_code, "code");
extra_attr!(get_name, set_name, "name");
extra_attr!(get_obj, set_obj, "obj");
extra_attr!(get_msg, set_msg, "msg");
extra_attr!(get_path, set_path, "path");
extra_attr!(get_errno, set_errno, "errno");
extra_attr!(get_strerror, set_strerror, "strerror");
extra_attr!(get_filename, set_filename, "filename");

fn import_error_init(vm: &Vm, o: &PyObject, a: &[PyRef], k: Option<&PyTuple>) -> PyResult<()> {
    let (pos, kws) = crate::ops::call::split_args(a, k);
    let x = e(vm, o)?;
    init_exception_args(vm, x, pos.to_vec());
    for (kk, v) in kws {
        let key = crate::ops::str_string(vm, kk)?;
        match key.as_str() {
            "name" => x.set_extra("name", v.clone()),
            "path" => x.set_extra("path", v.clone()),
            _ => {
                return Err(vm.new_type_error(format!(
                    "'{}' is an invalid keyword argument for ImportError()",
                    key
                )));
            }
        }
    }
    Ok(())
}
fn name_error_init(vm: &Vm, o: &PyObject, a: &[PyRef], k: Option<&PyTuple>) -> PyResult<()> {
    let (pos, kws) = crate::ops::call::split_args(a, k);
    let x = e(vm, o)?;
    init_exception_args(vm, x, pos.to_vec());
    for (kk, v) in kws {
        let key = crate::ops::str_string(vm, kk)?;
        match key.as_str() {
            "name" => x.set_extra("name", v.clone()),
            "obj" if o.type_().is_subtype(&vm.exc.attribute_error) => x.set_extra("obj", v.clone()),
            _ => {
                return Err(vm.new_type_error(format!(
                    "'{}' is an invalid keyword argument for {}()",
                    key,
                    o.type_().name_str()
                )));
            }
        }
    }
    Ok(())
}

/// `args[i]`, or None when the exception has fewer arguments.
fn arg_at(vm: &Vm, o: &PyObject, i: usize) -> PyResult {
    Ok(e(vm, o)?
        .args
        .get()
        .as_slice()
        .get(i)
        .cloned()
        .unwrap_or_else(|| vm.none()))
}
/// Replaces `args[i]` (UnicodeError's attributes live in its args here).
fn set_arg_at(vm: &Vm, o: &PyObject, i: usize, v: Option<PyRef>) -> PyResult<()> {
    let v = v.ok_or_else(|| vm.new_type_error("attribute may not be deleted"))?;
    let ex = e(vm, o)?;
    let mut items = ex.args.get().as_slice().to_vec();
    while items.len() <= i {
        items.push(vm.none());
    }
    items[i] = v;
    ex.args.set(vm.new_tuple(items));
    Ok(())
}
/// SyntaxError's details tuple `args[1]` = (filename, lineno, offset, text, end_lineno,
/// end_offset): item `i`.
fn syntax_detail(vm: &Vm, o: &PyObject, i: usize) -> PyResult {
    let names = [
        "filename",
        "lineno",
        "offset",
        "text",
        "end_lineno",
        "end_offset",
    ];
    if let Some(v) = e(vm, o)?.get_extra(names[i]).filter(|v| !vm.is_none(v)) {
        return Ok(v);
    }
    let d = arg_at(vm, o, 1)?;
    Ok(d.downcast_ref::<PyTuple>()
        .and_then(|t| t.as_slice().get(i).cloned())
        .unwrap_or_else(|| vm.none()))
}
macro_rules! arg_getset {
    ($($g:ident, $s:ident => $i:expr),* $(,)?) => {
        $(fn $g(vm: &Vm, o: &PyObject) -> PyResult { arg_at(vm, o, $i) }
          fn $s(vm: &Vm, o: &PyObject, v: Option<PyRef>) -> PyResult<()> { set_arg_at(vm, o, $i, v) })*
    };
}
arg_getset! {
    ue_encoding, ue_set_encoding => 0, ue_object, ue_set_object => 1, ue_start, ue_set_start => 2,
    ue_end, ue_set_end => 3, ue_reason, ue_set_reason => 4,
    ut_object, ut_set_object => 0, ut_start, ut_set_start => 1, ut_end, ut_set_end => 2,
    ut_reason, ut_set_reason => 3,
}
macro_rules! syntax_getters {
    ($($g:ident => $i:expr),* $(,)?) => {
        $(fn $g(vm: &Vm, o: &PyObject) -> PyResult { syntax_detail(vm, o, $i) })*
    };
}
syntax_getters! {
    se_filename => 0, se_lineno => 1, se_offset => 2, se_text => 3, se_end_lineno => 4,
    se_end_offset => 5,
}

fn se_msg(vm: &Vm, o: &PyObject) -> PyResult {
    if let Some(v) = e(vm, o)?.get_extra("msg").filter(|v| !vm.is_none(v)) {
        return Ok(v);
    }
    arg_at(vm, o, 0)
}

pub fn init(vm: &Vm) {
    for t in [&vm.exc.unicode_encode_error, &vm.exc.unicode_decode_error] {
        vm.add_getset(t, "encoding", ue_encoding, Some(ue_set_encoding));
        vm.add_getset(t, "object", ue_object, Some(ue_set_object));
        vm.add_getset(t, "start", ue_start, Some(ue_set_start));
        vm.add_getset(t, "end", ue_end, Some(ue_set_end));
        vm.add_getset(t, "reason", ue_reason, Some(ue_set_reason));
    }
    {
        let t = &vm.exc.unicode_translate_error;
        vm.add_getset(t, "object", ut_object, Some(ut_set_object));
        vm.add_getset(t, "start", ut_start, Some(ut_set_start));
        vm.add_getset(t, "end", ut_end, Some(ut_set_end));
        vm.add_getset(t, "reason", ut_reason, Some(ut_set_reason));
    }
    {
        let t = &vm.exc.syntax_error;
        vm.add_getset(t, "filename", se_filename, None);
        vm.add_getset(t, "lineno", se_lineno, None);
        vm.add_getset(t, "offset", se_offset, None);
        vm.add_getset(t, "text", se_text, None);
        vm.add_getset(t, "end_lineno", se_end_lineno, None);
        vm.add_getset(t, "end_offset", se_end_offset, None);
    }
    let b = &vm.exc.base_exception;
    b.update_slots(|s| {
        s.new = Some(exc_new);
        s.init = Some(exc_init);
        s.str = Some(exc_str);
        s.repr = Some(exc_repr);
        s.traverse = Some(crate::objects::exceptions::exception_traverse);
        s.clear = Some(crate::objects::exceptions::exception_clear);
    });
    vm.add_getset(b, "args", get_args, Some(set_args));
    vm.add_getset(b, "__traceback__", get_tb, Some(set_tb));
    vm.add_getset(b, "__cause__", get_cause, Some(set_cause));
    vm.add_getset(b, "__context__", get_context, Some(set_context));
    vm.add_getset(b, "__suppress_context__", get_suppress, Some(set_suppress));
    vm.add_getset(b, "__notes__", get_notes, Some(set_notes));
    vm.add_methods(
        b,
        &[
            MethodDef::method("with_traceback", with_traceback),
            MethodDef::method("add_note", add_note),
        ],
    );
    vm.add_getset(&vm.exc.stop_iteration, "value", get_value, Some(set_value));
    vm.add_getset(
        &vm.exc.stop_async_iteration,
        "value",
        get_value,
        Some(set_value),
    );
    vm.add_getset(&vm.exc.system_exit, "code", get_code, Some(set_code));
    for t in [&vm.exc.import_error] {
        vm.add_getset(t, "name", get_name, Some(set_name));
        vm.add_getset(t, "msg", get_msg, Some(set_msg));
        vm.add_getset(t, "path", get_path, Some(set_path));
        t.update_slots(|s| s.init = Some(import_error_init));
    }
    vm.add_getset(&vm.exc.name_error, "name", get_name, Some(set_name));
    vm.exc
        .name_error
        .update_slots(|s| s.init = Some(name_error_init));
    vm.add_getset(&vm.exc.attribute_error, "name", get_name, Some(set_name));
    vm.add_getset(&vm.exc.attribute_error, "obj", get_obj, Some(set_obj));
    vm.exc
        .attribute_error
        .update_slots(|s| s.init = Some(name_error_init));
    vm.add_getset(&vm.exc.os_error, "errno", get_errno, Some(set_errno));
    vm.add_getset(
        &vm.exc.os_error,
        "strerror",
        get_strerror,
        Some(set_strerror),
    );
    vm.add_getset(
        &vm.exc.os_error,
        "filename",
        get_filename,
        Some(set_filename),
    );
    vm.add_getset(&vm.exc.syntax_error, "msg", se_msg, Some(set_msg));
}
