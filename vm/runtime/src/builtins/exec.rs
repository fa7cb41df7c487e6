//! `exec`, `eval` and `compile`: source compiled by refvm's compiler in the matching
//! mode (`exec`, `eval`, `single`), or a code object, run with the given or the
//! caller's globals and locals.

use crate::argparse;
use crate::error::{PyErr, PyResult};
use crate::object::PyRef;
use crate::objects::code::PyCode;
use crate::objects::dict::PyDict;
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;
use std::sync::Arc;

/// The compiler's syntax error as a Python SyntaxError (or subclass) with CPython's
/// `(msg, (filename, lineno, offset, text, end_lineno, end_offset))` arguments.
pub(crate) fn syntax_error(vm: &Vm, s: &refvm_syntax::SyntaxError) -> PyErr {
    let t = match s.kind {
        refvm_syntax::SyntaxErrorKind::SyntaxError => &vm.exc.syntax_error,
        refvm_syntax::SyntaxErrorKind::IndentationError => &vm.exc.indentation_error,
        refvm_syntax::SyntaxErrorKind::TabError => &vm.exc.tab_error,
    };
    let opt_u = |v: Option<u32>| v.map_or_else(|| vm.none(), |v| vm.new_int(i64::from(v)));
    let opt_i = |v: Option<i64>| v.map_or_else(|| vm.none(), |v| vm.new_int(v));
    let text = match &s.text {
        Some(t) => vm.new_str_from_pystr(t).into_object(),
        None => vm.none(),
    };
    let detail = vm.new_tuple(vec![
        vm.new_str(&s.filename),
        opt_u(s.lineno),
        opt_i(s.offset),
        text,
        opt_u(s.end_lineno),
        opt_i(s.end_offset),
    ]);
    vm.new_exception(t, vec![vm.new_str(&s.msg), detail.into_object()])
}

/// The exception the compiler raised (`CompileError::Exception`) as a Python exception of
/// the same type, for `compile()`/`exec()`/`eval()` and for imports alike.
pub(crate) fn compiler_exception(vm: &Vm, type_name: &str, msg: &str) -> PyErr {
    let t = match type_name {
        "RecursionError" => &vm.exc.recursion_error,
        "MemoryError" => &vm.exc.memory_error,
        "ValueError" => &vm.exc.value_error,
        "OverflowError" => &vm.exc.overflow_error,
        _ => &vm.exc.system_error,
    };
    vm.new_exception_msg(t, msg)
}

/// Writes the compiler's `SyntaxWarning`s to `sys.stderr` as the default
/// `warnings.showwarning` does (`source`: the file's text, for the quoted line).
pub fn show_compile_warnings(
    vm: &Vm,
    warnings: &[refvm_compiler::CompileWarning],
    filename: &str,
    source: &[u8],
) {
    for w in warnings {
        crate::modules::sys::write_stderr_text(vm, &w.format(filename, source));
    }
}

/// Compiles `source` (str or bytes) in `mode` to a code object.
fn compile_to_code(
    vm: &Vm,
    func: &str,
    source: &PyRef,
    filename: &str,
    mode: refvm_syntax::Mode,
) -> PyResult<PyRef<PyCode>> {
    let bytes: Vec<u8> = if let Some(s) = source.downcast_ref::<PyStr>() {
        s.as_bytes().to_vec()
    } else if let Some(b) = crate::objects::bytes::bytes_like(source) {
        b
    } else if let Some(b) = crate::objects::memoryview::memoryview_bytes(source) {
        b
    } else {
        return Err(vm.new_type_error(format!(
            "{}() arg 1 must be a string, bytes or code object",
            func
        )));
    };
    if bytes.contains(&0) {
        return Err(vm.new_exception_msg(
            &vm.exc.syntax_error,
            "source code string cannot contain null bytes",
        ));
    }
    let opts = refvm_compiler::CompileOptions::new(filename);
    let mut warnings = Vec::new();
    let result =
        refvm_compiler::compile_source_mode_with_warnings(&bytes, mode, &opts, &mut warnings);
    if !warnings.is_empty() {
        // `warnings.showwarning` takes the source line from the file named, if any
        // (`linecache`), not from the string compiled. Only regular files of
        // reasonable size are read.
        let on_disk = std::fs::metadata(filename)
            .ok()
            .filter(|m| m.is_file() && m.len() <= 1 << 24)
            .and_then(|_| std::fs::read(filename).ok())
            .unwrap_or_default();
        show_compile_warnings(vm, &warnings, filename, &on_disk);
    }
    let code = match result {
        Ok(c) => c,
        Err(refvm_compiler::CompileError::Syntax(s)) => return Err(syntax_error(vm, &s)),
        Err(refvm_compiler::CompileError::Unsupported(u)) => {
            return Err(vm.abort_with(crate::vm::Abort::Unsupported(format!("{func}(): {u}"))));
        }
        Err(refvm_compiler::CompileError::Exception { type_name, msg }) => {
            return Err(compiler_exception(vm, type_name, &msg));
        }
    };
    let mut cache = crate::objects::code::ConstCache::default();
    vm.make_code(&Arc::new(code), &mut cache)
}

/// The caller's globals and locals (for `exec`/`eval` without a mapping).
fn caller_scope(vm: &Vm) -> PyResult<(PyRef<PyDict>, PyRef)> {
    let f = vm.ts.frame.get();
    if f.is_null() {
        let d = vm.new_dict();
        return Ok((d.clone(), d.into_object()));
    }
    // SAFETY: the current frame is alive during this call.
    let g = unsafe { (*f).globals.clone() };
    let Some(g) = g else {
        return Err(vm.new_exception_msg(&vm.exc.system_error, "frame has no globals"));
    };
    let l = super::funcs::locals_of_current(vm)?;
    Ok((g, l))
}

fn run(
    vm: &Vm,
    func: &str,
    a: &[PyRef],
    k: Option<&PyTuple>,
    mode: refvm_syntax::Mode,
) -> PyResult {
    let p = argparse::bind(vm, func, a, k, &["", "globals", "locals"], 1, 0, 3)?;
    let source = p[0].clone().unwrap_or_else(|| vm.none());
    let globals = p[1].clone().filter(|g| !vm.is_none(g));
    let locals = p[2].clone().filter(|l| !vm.is_none(l));
    // PyMapping_Check: the type has __getitem__.
    let is_mapping = |o: &PyRef| {
        crate::objects::typeobject::lookup_special(vm, o, &vm.intern("__getitem__")).is_some()
    };
    if let Some(l) = &locals {
        if !is_mapping(l) {
            return Err(vm.new_type_error(if mode == refvm_syntax::Mode::Eval {
                "locals must be a mapping".to_string()
            } else {
                format!(
                    "locals must be a mapping or None, not {}",
                    l.type_().name_str()
                )
            }));
        }
    }
    let (globals, locals) = match (globals, locals) {
        (None, None) => {
            let (g, l) = caller_scope(vm)?;
            (g, l)
        }
        (None, Some(l)) => (caller_scope(vm)?.0, l),
        (Some(g), l) => {
            let Ok(gd) = g.clone().downcast::<PyDict>() else {
                let what = if mode == refvm_syntax::Mode::Eval {
                    if is_mapping(&g) {
                        "globals must be a real dict; try eval(expr, {}, mapping)"
                    } else {
                        "globals must be a dict"
                    }
                } else {
                    "exec() globals must be a dict, not "
                };
                return Err(vm.new_type_error(if mode == refvm_syntax::Mode::Eval {
                    what.to_string()
                } else {
                    format!("{}{}", what, g.type_().name_str())
                }));
            };
            let l = l.unwrap_or_else(|| g.clone());
            (gd, l)
        }
    };
    if globals.get_str(&vm.names.__builtins__).is_none() {
        // PyEval_GetBuiltins: the builtins namespace dict.
        globals.set_str(vm.names.__builtins__.clone(), vm.builtins.clone_object());
    }
    let code = if let Ok(c) = source.clone().downcast::<PyCode>() {
        c
    } else {
        let src = if mode == refvm_syntax::Mode::Eval {
            // eval() strips leading spaces and tabs of a string source.
            match source.downcast_ref::<PyStr>() {
                Some(s) => {
                    let b = s.as_bytes();
                    let n = b.iter().take_while(|c| **c == b' ' || **c == b'\t').count();
                    vm.new_str(&String::from_utf8_lossy(&b[n..]))
                }
                None => source.clone(),
            }
        } else {
            source.clone()
        };
        compile_to_code(vm, func, &src, "<string>", mode)?
    };
    let r = crate::eval::run_code(vm, code, globals, Some(locals))?;
    if mode == refvm_syntax::Mode::Eval {
        Ok(r)
    } else {
        Ok(vm.none())
    }
}

pub fn exec(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    run(vm, "exec", a, k, refvm_syntax::Mode::Exec)
}

pub fn eval(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    run(vm, "eval", a, k, refvm_syntax::Mode::Eval)
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)`.
pub fn compile(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    let p = argparse::bind(
        vm,
        "compile",
        a,
        k,
        &[
            "source",
            "filename",
            "mode",
            "flags",
            "dont_inherit",
            "optimize",
            "_feature_version",
        ],
        3,
        0,
        7,
    )?;
    let source = p[0].clone().unwrap_or_else(|| vm.none());
    let filename = match p[1].as_ref() {
        Some(f) => crate::ops::str(vm, f)?.to_string_lossy(),
        None => String::new(),
    };
    let mode_s = match p[2].as_ref().and_then(|m| m.downcast_ref::<PyStr>()) {
        Some(m) => m.to_string_lossy(),
        None => return Err(vm.new_type_error("compile() arg 3 must be str")),
    };
    let flags = match p[3].as_ref() {
        Some(f) => argparse::to_i64(vm, f)?,
        None => 0,
    };
    if flags & 0x400 != 0 {
        return Err(vm.abort_with(crate::vm::Abort::Unsupported(
            "compile() to an AST (PyCF_ONLY_AST)".into(),
        )));
    }
    let mode = match mode_s.as_str() {
        "exec" => refvm_syntax::Mode::Exec,
        "eval" => refvm_syntax::Mode::Eval,
        "single" => refvm_syntax::Mode::Single,
        "func_type" => {
            return Err(vm.abort_with(crate::vm::Abort::Unsupported(
                "compile() in func_type mode".into(),
            )));
        }
        _ => {
            return Err(vm.new_value_error("compile() mode must be 'exec', 'eval' or 'single'"));
        }
    };
    if source.downcast_ref::<PyCode>().is_some() {
        return Ok(source);
    }
    Ok(compile_to_code(vm, "compile", &source, &filename, mode)?.into_object())
}
