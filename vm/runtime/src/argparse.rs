//! Argument parsing for native functions, with the messages CPython's argument parsers
//! (`PyArg_*`, Argument Clinic) produce.

use crate::error::PyResult;
use crate::object::PyRef;
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;

/// Rejects keyword arguments: "f() takes no keyword arguments".
pub fn no_kw(vm: &Vm, name: &str, kw: Option<&PyTuple>) -> PyResult<()> {
    if kw.is_some_and(|k| !k.is_empty()) {
        return Err(vm.new_type_error(format!("{name}() takes no keyword arguments")));
    }
    Ok(())
}

/// METH_O / METH_NOARGS style count check.
pub fn exact(vm: &Vm, name: &str, args: &[PyRef], kw: Option<&PyTuple>, n: usize) -> PyResult<()> {
    no_kw(vm, name, kw)?;
    if args.len() != n {
        return Err(match n {
            0 => vm.new_type_error(format!(
                "{name}() takes no arguments ({} given)",
                args.len()
            )),
            1 => vm.new_type_error(format!(
                "{name}() takes exactly one argument ({} given)",
                args.len()
            )),
            _ => vm.new_type_error(format!("{name} expected {n} arguments, got {}", args.len())),
        });
    }
    Ok(())
}

/// `PyArg_UnpackTuple` style: "f expected at most 2 arguments, got 3".
pub fn range(
    vm: &Vm,
    name: &str,
    args: &[PyRef],
    kw: Option<&PyTuple>,
    min: usize,
    max: usize,
) -> PyResult<()> {
    no_kw(vm, name, kw)?;
    let n = args.len();
    if n < min {
        return Err(vm.new_type_error(format!(
            "{name} expected {}{} argument{}, got {n}",
            if min == max { "" } else { "at least " },
            min,
            if min == 1 { "" } else { "s" }
        )));
    }
    if n > max {
        return Err(vm.new_type_error(format!(
            "{name} expected {}{} argument{}, got {n}",
            if min == max { "" } else { "at most " },
            max,
            if max == 1 { "" } else { "s" }
        )));
    }
    Ok(())
}

/// Binds positional and keyword arguments to `names` (Argument Clinic style). Parameters
/// before `posonly` are positional-only; parameters at or after `kwonly` keyword-only.
pub fn bind(
    vm: &Vm,
    fname: &str,
    args: &[PyRef],
    kw: Option<&PyTuple>,
    names: &[&str],
    required: usize,
    posonly: usize,
    kwonly: usize,
) -> PyResult<Vec<Option<PyRef>>> {
    let (pos, kws) = crate::ops::call::split_args(args, kw);
    let maxpos = kwonly.min(names.len());
    if pos.len() > maxpos {
        return Err(if maxpos == 0 {
            vm.new_type_error(format!("{fname}() takes no positional arguments"))
        } else if required == maxpos {
            vm.new_type_error(format!(
                "{fname}() takes exactly {maxpos} positional argument{} ({} given)",
                if maxpos == 1 { "" } else { "s" },
                pos.len()
            ))
        } else {
            vm.new_type_error(format!(
                "{fname}() takes at most {maxpos} {}argument{} ({} given)",
                if kwonly < names.len() {
                    "positional "
                } else {
                    ""
                },
                if maxpos == 1 { "" } else { "s" },
                pos.len()
            ))
        });
    }
    let mut out: Vec<Option<PyRef>> = vec![None; names.len()];
    for (i, p) in pos.iter().enumerate() {
        out[i] = Some(p.clone());
    }
    for (k, v) in kws {
        let Some(ks) = k.downcast_ref::<PyStr>() else {
            return Err(vm.new_type_error("keywords must be strings"));
        };
        let key = ks.as_cow();
        match names.iter().position(|n| *n == key) {
            Some(i) if i >= posonly => {
                if out[i].is_some() {
                    return Err(vm.new_type_error(format!(
                        "argument for {fname}() given by name ('{key}') and position ({})",
                        i + 1
                    )));
                }
                out[i] = Some(v.clone());
            }
            _ => {
                return Err(vm.new_type_error(format!(
                    "{fname}() got an unexpected keyword argument '{key}'"
                )));
            }
        }
    }
    for i in 0..required {
        if out[i].is_none() {
            return Err(if i < posonly || names[i].is_empty() {
                vm.new_type_error(format!(
                    "{fname}() takes {}at least {} positional argument{} ({} given)",
                    "",
                    required,
                    if required == 1 { "" } else { "s" },
                    pos.len()
                ))
            } else {
                vm.new_type_error(format!(
                    "{fname}() missing required argument '{}' (pos {})",
                    names[i],
                    i + 1
                ))
            });
        }
    }
    Ok(out)
}

/// A positional argument as `i64` (via `__index__`).
pub fn to_i64(vm: &Vm, o: &PyRef) -> PyResult<i64> {
    let i = crate::ops::number::index(vm, o)?;
    i.as_i64()
        .ok_or_else(|| vm.new_overflow_error("Python int too large to convert to C long"))
}

/// A positional argument as `isize` with OverflowError (`Py_ssize_t`).
pub fn to_isize(vm: &Vm, o: &PyRef) -> PyResult<isize> {
    let i = crate::ops::number::index(vm, o)?;
    i.as_i64()
        .map(|v| v as isize)
        .ok_or_else(|| vm.new_overflow_error("Python int too large to convert to C ssize_t"))
}

/// The `str` argument or a TypeError naming the function and position.
pub fn to_str<'a>(vm: &Vm, fname: &str, o: &'a PyRef, what: &str) -> PyResult<&'a PyStr> {
    o.downcast_ref::<PyStr>().ok_or_else(|| {
        vm.new_type_error(format!(
            "{fname}() {what} must be str, not {}",
            o.type_().name_str()
        ))
    })
}
