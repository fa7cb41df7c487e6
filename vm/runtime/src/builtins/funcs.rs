//! Builtin functions: printing, conversion, attribute access, introspection, math-like.

use crate::argparse;
use crate::error::PyResult;
use crate::object::{PyRef, PyType};
use crate::objects::descr::MethodDef;
use crate::objects::dict::PyDict;
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;

fn print(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    let (pos, kws) = crate::ops::call::split_args(a, k);
    let mut sep: Option<PyRef> = None;
    let mut end: Option<PyRef> = None;
    let mut file: Option<PyRef> = None;
    let mut flush = false;
    for (kk, v) in kws {
        let key = kk
            .downcast_ref::<PyStr>()
            .map(|s| s.to_string_lossy())
            .unwrap_or_default();
        match key.as_str() {
            "sep" => sep = Some(v.clone()).filter(|v| !vm.is_none(v)),
            "end" => end = Some(v.clone()).filter(|v| !vm.is_none(v)),
            "file" => file = Some(v.clone()).filter(|v| !vm.is_none(v)),
            "flush" => flush = crate::ops::is_true(vm, v)?,
            _ => {
                return Err(vm.new_type_error(format!(
                    "'{}' is an invalid keyword argument for print()",
                    key
                )));
            }
        }
    }
    for (what, v) in [("sep", &sep), ("end", &end)] {
        if let Some(v) = v {
            if v.downcast_ref::<PyStr>().is_none() {
                return Err(vm.new_type_error(format!(
                    "{} must be None or a string, not {}",
                    what,
                    v.type_().name_str()
                )));
            }
        }
    }
    let file = match file {
        Some(f) => f,
        None => crate::modules::sys::get_stdout(vm)?,
    };
    let direct = file
        .downcast_ref::<crate::objects::textio::PyTextIO>()
        .map(|t| t.fd);
    if let Some(fd) = direct {
        let mut buf: Vec<u8> = Vec::new();
        for (i, x) in pos.iter().enumerate() {
            if i > 0 {
                match &sep {
                    Some(s) => buf.extend_from_slice(
                        s.downcast_ref::<PyStr>()
                            .map_or(b" " as &[u8], |s| s.as_bytes()),
                    ),
                    None => buf.push(b' '),
                }
            }
            let s = crate::ops::str(vm, x)?;
            buf.extend_from_slice(s.to_string_lossy().as_bytes());
        }
        match &end {
            Some(e) => buf.extend_from_slice(
                e.downcast_ref::<PyStr>()
                    .map_or(b"\n" as &[u8], |s| s.as_bytes()),
            ),
            None => buf.push(b'\n'),
        }
        if fd == 2 {
            vm.write_stderr(&buf)?
        } else {
            vm.write_stdout(&buf)?
        }
        return Ok(vm.none());
    }
    let write = crate::ops::get_attr(vm, &file, &vm.names.write)?;
    for (i, x) in pos.iter().enumerate() {
        if i > 0 {
            crate::ops::call(
                vm,
                &write,
                &[sep.clone().unwrap_or_else(|| vm.new_str(" "))],
                None,
            )?;
        }
        let s = crate::ops::str(vm, x)?;
        crate::ops::call(vm, &write, &[s.into_object()], None)?;
    }
    crate::ops::call(
        vm,
        &write,
        &[end.clone().unwrap_or_else(|| vm.new_str("\n"))],
        None,
    )?;
    if flush {
        if let Some(f) = crate::ops::get_attr_opt(vm, &file, &vm.names.flush)? {
            crate::ops::call(vm, &f, &[], None)?;
        }
    }
    Ok(vm.none())
}

fn len(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "len", a, k, 1)?;
    Ok(vm.new_usize(crate::ops::len(vm, &a[0])?))
}
fn repr(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "repr", a, k, 1)?;
    Ok(crate::ops::repr(vm, &a[0])?.into_object())
}
fn ascii(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "ascii", a, k, 1)?;
    Ok(crate::objects::str_methods::ascii(vm, &a[0])?.into_object())
}
fn abs(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "abs", a, k, 1)?;
    crate::ops::number::absolute(vm, &a[0])
}
fn divmod(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::range(vm, "divmod", a, k, 2, 2)?;
    let (x, y) = (&a[0], &a[1]);
    let (tx, ty) = (x.type_(), y.type_());
    let sx = tx.slots().nb_divmod;
    let mut sy = if std::ptr::eq(tx, ty) {
        None
    } else {
        ty.slots().nb_divmod
    };
    if let (Some(p), Some(q)) = (sx, sy) {
        if std::ptr::fn_addr_eq(p, q) {
            sy = None;
        }
    }
    if let Some(f) = sx {
        if let Some(g) = sy {
            if ty.is_subtype(tx) {
                let r = g(vm, x, y)?;
                if !vm.is_not_implemented(&r) {
                    return Ok(r);
                }
                sy = None;
            }
        }
        let r = f(vm, x, y)?;
        if !vm.is_not_implemented(&r) {
            return Ok(r);
        }
    }
    if let Some(g) = sy {
        let r = g(vm, x, y)?;
        if !vm.is_not_implemented(&r) {
            return Ok(r);
        }
    }
    Err(vm.new_type_error(format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        tx.name_str(),
        ty.name_str()
    )))
}
fn pow(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    let p = argparse::bind(vm, "pow", a, k, &["base", "exp", "mod"], 2, 0, 3)?;
    let m = p[2].clone().unwrap_or_else(|| vm.none());
    crate::ops::number::ternary_power(
        vm,
        p[0].as_ref().unwrap_or(&vm.none),
        p[1].as_ref().unwrap_or(&vm.none),
        &m,
    )
}
fn round(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    let p = argparse::bind(vm, "round", a, k, &["number", "ndigits"], 1, 0, 2)?;
    let x = p[0].clone().unwrap_or_else(|| vm.none());
    let Some(m) = x.type_().lookup(&vm.names.__round__) else {
        return Err(vm.new_type_error(format!(
            "type {} doesn't define __round__ method",
            x.type_().name_str()
        )));
    };
    let args: Vec<PyRef> = match &p[1] {
        Some(n) if !vm.is_none(n) => vec![n.clone()],
        _ => vec![],
    };
    crate::objects::slotdefs::call_found(vm, &m, &x, &args, None)
}
fn hash(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "hash", a, k, 1)?;
    Ok(vm.new_int(crate::ops::hash(vm, &a[0])?))
}
fn id(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "id", a, k, 1)?;
    Ok(vm.new_usize(a[0].as_ptr() as usize))
}
fn isinstance(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::range(vm, "isinstance", a, k, 2, 2)?;
    Ok(vm.new_bool(crate::ops::isinstance(vm, &a[0], &a[1])?))
}
fn issubclass(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::range(vm, "issubclass", a, k, 2, 2)?;
    Ok(vm.new_bool(crate::ops::issubclass(vm, &a[0], &a[1])?))
}
fn attr_name(vm: &Vm, fname: &str, o: &PyRef) -> PyResult<PyRef<PyStr>> {
    o.clone()
        .downcast::<PyStr>()
        .map_err(|o| {
            let _ = fname;
            vm.new_type_error(format!(
                "attribute name must be string, not '{}'",
                o.type_().name_str()
            ))
        })
        .map(|s| {
            if s.interned.get() {
                s
            } else {
                vm.intern_str(s)
            }
        })
}
fn getattr(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::range(vm, "getattr", a, k, 2, 3)?;
    let name = attr_name(vm, "getattr", &a[1])?;
    match a.get(2) {
        Some(d) => Ok(crate::ops::get_attr_opt(vm, &a[0], &name)?.unwrap_or_else(|| d.clone())),
        None => crate::ops::get_attr(vm, &a[0], &name),
    }
}
fn setattr(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::range(vm, "setattr", a, k, 3, 3)?;
    let name = attr_name(vm, "setattr", &a[1])?;
    crate::ops::set_attr(vm, &a[0], &name, a[2].clone())?;
    Ok(vm.none())
}
fn delattr(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::range(vm, "delattr", a, k, 2, 2)?;
    let name = attr_name(vm, "delattr", &a[1])?;
    crate::ops::del_attr(vm, &a[0], &name)?;
    Ok(vm.none())
}
fn hasattr(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::range(vm, "hasattr", a, k, 2, 2)?;
    let name = attr_name(vm, "hasattr", &a[1])?;
    Ok(vm.new_bool(crate::ops::get_attr_opt(vm, &a[0], &name)?.is_some()))
}
fn callable(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "callable", a, k, 1)?;
    let o = &a[0];
    use crate::object::Layout::*;
    let c = matches!(o.type_().layout, Function | BuiltinFunction | Method)
        || o.type_().slots().call.is_some();
    Ok(vm.new_bool(c))
}
fn chr(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "chr", a, k, 1)?;
    let i = crate::ops::number::index(vm, &a[0])?;
    match i.as_i64() {
        Some(c) if (0..=0x10ffff).contains(&c) => {
            if c < 256 {
                return Ok(vm.latin1_chars[c as usize].clone_object());
            }
            Ok(vm.new_str_from_code_points([c as u32]).into_object())
        }
        Some(_) => Err(vm.new_value_error("chr() arg not in range(0x110000)")),
        None => Err(vm.new_overflow_error("Python int too large to convert to C int")),
    }
}
fn ord(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "ord", a, k, 1)?;
    if let Some(s) = a[0].downcast_ref::<PyStr>() {
        if s.char_len() != 1 {
            return Err(vm.new_type_error(format!(
                "ord() expected a character, but string of length {} found",
                s.char_len()
            )));
        }
        return Ok(vm.new_int(i64::from(s.code_point_at(0))));
    }
    if let Some(b) = crate::objects::bytes::bytes_like(&a[0]) {
        if b.len() != 1 {
            return Err(vm.new_type_error(format!(
                "ord() expected a character, but string of length {} found",
                b.len()
            )));
        }
        return Ok(vm.new_int(i64::from(b[0])));
    }
    Err(vm.new_type_error(format!(
        "ord() expected string of length 1, but {} found",
        a[0].type_().name_str()
    )))
}
fn radix(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>, name: &str, r: u32) -> PyResult {
    argparse::exact(vm, name, a, k, 1)?;
    let i = crate::ops::number::index(vm, &a[0])?;
    Ok(vm.new_str(&crate::objects::intval::format_radix(&i, r, true)))
}
fn hex(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    radix(vm, a, k, "hex", 16)
}
fn oct(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    radix(vm, a, k, "oct", 8)
}
fn bin(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    radix(vm, a, k, "bin", 2)
}
fn format(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::range(vm, "format", a, k, 1, 2)?;
    let spec = a
        .get(1)
        .cloned()
        .unwrap_or_else(|| vm.empty_str.clone_object());
    if spec.downcast_ref::<PyStr>().is_none() {
        return Err(vm.new_type_error(format!(
            "format() argument 2 must be str, not {}",
            spec.type_().name_str()
        )));
    }
    Ok(crate::ops::format(vm, &a[0], &spec)?.into_object())
}
fn globals(vm: &Vm, _a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let f = vm.ts.frame.get();
    if f.is_null() {
        return Ok(vm.new_dict().into_object());
    }
    // SAFETY: the current frame is alive during this call.
    Ok(unsafe {
        (*f).globals
            .clone()
            .map(|g| g.into_object())
            .unwrap_or_else(|| vm.none())
    })
}
/// `locals()`: the frame's mapping — for a function frame its one `f_locals` dict,
/// refreshed from the fast locals on each call (`_PyFrame_FastToLocalsWithError`), so
/// repeated calls return the same dict, as in CPython 3.11.
pub fn locals_of_current(vm: &Vm) -> PyResult {
    let f = vm.ts.frame.get();
    if f.is_null() {
        return Ok(vm.new_dict().into_object());
    }
    // SAFETY: the current frame is alive during this call.
    let fr = unsafe { &mut *f };
    let Some(code) = fr.code.clone() else {
        return Ok(fr
            .locals
            .clone()
            .unwrap_or_else(|| vm.new_dict().into_object()));
    };
    fast_to_locals(vm, &code, &fr.fast, &mut fr.locals)
}

/// `CO_OPTIMIZED`, and the `co_localspluskinds` bits of cells and free variables.
const CO_OPTIMIZED: u32 = 0x1;
const CO_FAST_CELL: u8 = 0x40;
const CO_FAST_FREE: u8 = 0x80;

/// `_PyFrame_FastToLocalsWithError`: merges the fast locals `fast` of a frame running
/// `code` into its locals mapping `locals` (a new dict the first time): bound names are
/// set (a cell's contents for cells and free variables), unbound ones deleted. Free
/// variables are skipped in unoptimized (class) namespaces. Returns the mapping.
pub fn fast_to_locals(
    vm: &Vm,
    code: &crate::objects::code::PyCode,
    fast: &[crate::object::Slot],
    locals: &mut crate::object::Slot,
) -> PyResult {
    let map = match locals {
        Some(l) => l.clone(),
        None => {
            let d = vm.new_dict().into_object();
            *locals = Some(d.clone());
            d
        }
    };
    if code.localsplusnames.is_empty() {
        return Ok(map);
    }
    let optimized = code.flags & CO_OPTIMIZED != 0;
    for (i, name) in code.localsplusnames.iter().enumerate() {
        let kind = code.localspluskinds.get(i).copied().unwrap_or(0);
        if kind & CO_FAST_FREE != 0 && !optimized {
            continue;
        }
        let mut value = fast.get(i).cloned().flatten();
        if kind & (CO_FAST_CELL | CO_FAST_FREE) != 0 {
            if let Some(c) = value
                .as_ref()
                .and_then(|v| v.downcast_ref::<crate::objects::function::PyCell>())
            {
                value = c.contents.get();
            }
        }
        let exact = map.is_type(&vm.types.dict);
        match (map.downcast_ref::<PyDict>(), value) {
            (Some(d), Some(v)) if exact => d.set_str(name.clone(), v),
            (Some(d), None) if exact => drop(d.pop_str(name)),
            (_, Some(v)) => crate::ops::setitem(vm, &map, name.as_object(), v)?,
            (_, None) => match crate::ops::delitem(vm, &map, name.as_object()) {
                Err(e) if !e.matches(&vm.exc.key_error) => return Err(e),
                _ => {}
            },
        }
    }
    Ok(map)
}
fn locals(vm: &Vm, _a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    locals_of_current(vm)
}
fn vars(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::range(vm, "vars", a, k, 0, 1)?;
    match a.first() {
        None => locals_of_current(vm),
        Some(o) => crate::ops::get_attr_opt(vm, o, &vm.names.__dict__)?
            .ok_or_else(|| vm.new_type_error("vars() argument must have __dict__ attribute")),
    }
}
fn dir(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::range(vm, "dir", a, k, 0, 1)?;
    let items = match a.first() {
        None => {
            // _dir_locals: PyMapping_Keys (the keys() method unless an exact dict).
            let l = locals_of_current(vm)?;
            if l.type_().is(&vm.types.dict) {
                crate::ops::collect(vm, &l)?
            } else {
                let keys = crate::ops::call_method(vm, &l, &vm.intern("keys"), &[])?;
                crate::ops::collect(vm, &keys)?
            }
        }
        Some(o) => {
            if let Some(t) = o.downcast_ref::<PyType>() {
                let s = vm.new_set();
                if let Some(mro) = t.mro() {
                    for b in mro.as_slice() {
                        if let Some(bt) = b.downcast_ref::<PyType>() {
                            for k in bt.dict.keys() {
                                s.add(vm, k)?;
                            }
                        }
                    }
                }
                s.items()
            } else if let Some(m) = o
                .downcast_ref::<crate::objects::module::PyModule>()
                .filter(|m| m.dict.get_str(&vm.names.__dir__).is_none())
            {
                m.dict.keys()
            } else {
                let m = crate::objects::typeobject::lookup_special(vm, o, &vm.names.__dir__)
                    .ok_or_else(|| vm.new_type_error("object does not provide __dir__"))?;
                let r = crate::ops::call(vm, &m, &[], None)?;
                crate::ops::collect(vm, &r)?
            }
        }
    };
    let mut items = items;
    crate::objects::list_methods::sort_values(vm, &mut items, None, false)?;
    Ok(vm.new_list(items).into_object())
}
fn input(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    if let Some(p) = a.first() {
        let s = crate::ops::str(vm, p)?;
        vm.write_stdout(s.to_string_lossy().as_bytes())?;
    }
    Err(vm.new_eof_error("EOF when reading a line"))
}
fn open(vm: &Vm, _a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    Err(vm.new_exception(
        &vm.exc.permission_error,
        vec![
            vm.new_int(1),
            vm.new_str("refvm sandbox: file access is disabled"),
        ],
    ))
}
fn import(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    let p = argparse::bind(
        vm,
        "__import__",
        a,
        k,
        &["name", "globals", "locals", "fromlist", "level"],
        1,
        0,
        5,
    )?;
    let name = p[0]
        .clone()
        .and_then(|n| n.downcast::<PyStr>().ok())
        .ok_or_else(|| vm.new_type_error("__import__() argument 1 must be str"))?;
    let g = p[1]
        .clone()
        .and_then(|g| g.downcast::<PyDict>().ok())
        .unwrap_or_else(|| vm.new_dict());
    let fromlist = p[3].clone().unwrap_or_else(|| vm.none());
    let level = p[4].clone().unwrap_or_else(|| vm.new_int(0));
    crate::modules::import::import_name(vm, &vm.intern_str(name), &g, &fromlist, &level)
}
fn exit(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    Err(vm.new_exception(&vm.exc.system_exit, a.to_vec()))
}

pub const FUNCS: &[MethodDef] = &[
    MethodDef::static_("print", print),
    MethodDef::static_("len", len),
    MethodDef::static_("repr", repr),
    MethodDef::static_("ascii", ascii),
    MethodDef::static_("abs", abs),
    MethodDef::static_("divmod", divmod),
    MethodDef::static_("pow", pow),
    MethodDef::static_("round", round),
    MethodDef::static_("hash", hash),
    MethodDef::static_("id", id),
    MethodDef::static_("isinstance", isinstance),
    MethodDef::static_("issubclass", issubclass),
    MethodDef::static_("getattr", getattr),
    MethodDef::static_("setattr", setattr),
    MethodDef::static_("delattr", delattr),
    MethodDef::static_("hasattr", hasattr),
    MethodDef::static_("callable", callable),
    MethodDef::static_("chr", chr),
    MethodDef::static_("ord", ord),
    MethodDef::static_("hex", hex),
    MethodDef::static_("oct", oct),
    MethodDef::static_("bin", bin),
    MethodDef::static_("format", format),
    MethodDef::static_("globals", globals),
    MethodDef::static_("locals", locals),
    MethodDef::static_("vars", vars),
    MethodDef::static_("dir", dir),
    MethodDef::static_("input", input),
    MethodDef::static_("open", open),
    MethodDef::static_("__import__", import),
    MethodDef::static_("exec", super::exec::exec),
    MethodDef::static_("eval", super::exec::eval),
    MethodDef::static_("compile", super::exec::compile),
    MethodDef::static_("exit", exit),
    MethodDef::static_("quit", exit),
];
