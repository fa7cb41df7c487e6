//! Binding call arguments to a new frame's fast locals (`initialize_locals` in
//! `Python/ceval.c`), with CPython's error messages.

use crate::error::{PyErr, PyResult};
use crate::object::{PyRef, Slot};
use crate::objects::code::PyCode;
use crate::objects::function::PyFunction;
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;

const CO_VARARGS: u32 = 0x4;
const CO_VARKEYWORDS: u32 = 0x8;

/// Moves `args` (positional values, then keyword values named by `kwnames`) into `fast`.
pub fn bind_args(
    vm: &Vm,
    func: &PyFunction,
    code: &PyCode,
    fast: &mut [Slot],
    args: &mut [Slot],
    kwnames: Option<&PyTuple>,
) -> PyResult<()> {
    let nkw = kwnames.map_or(0, |k| k.len());
    let argcount = args.len() - nkw;
    let co_argcount = code.argcount;
    let total_args = co_argcount + code.kwonlyargcount;
    let flags = code.flags;
    // Fast path: exact positional call, no *args/**kwargs.
    if nkw == 0
        && argcount == co_argcount
        && flags & (CO_VARARGS | CO_VARKEYWORDS) == 0
        && code.kwonlyargcount == 0
    {
        for i in 0..argcount {
            fast[i] = args[i].take();
        }
        return Ok(());
    }
    let mut kwdict = None;
    if flags & CO_VARKEYWORDS != 0 {
        let d = vm.new_dict();
        let i = total_args + usize::from(flags & CO_VARARGS != 0);
        fast[i] = Some(d.clone().into_object());
        kwdict = Some(d);
    }
    let n = argcount.min(co_argcount);
    for i in 0..n {
        fast[i] = args[i].take();
    }
    if flags & CO_VARARGS != 0 {
        let rest: Vec<PyRef> = args[n..argcount]
            .iter_mut()
            .filter_map(|s| s.take())
            .collect();
        fast[total_args] = Some(vm.new_tuple(rest).into_object());
    }
    if let Some(kn) = kwnames {
        for (k, slot) in kn.as_slice().iter().zip(args[argcount..].iter_mut()) {
            let value = slot.take();
            let Some(kname) = k.downcast_ref::<PyStr>() else {
                return Err(vm.new_type_error(format!(
                    "{}() keywords must be strings",
                    func.qualname.borrow()
                )));
            };
            let names = &code.localsplusnames;
            let mut found = None;
            for j in code.posonlyargcount..total_args {
                if names[j].as_object().is(k) {
                    found = Some(j);
                    break;
                }
            }
            if found.is_none() {
                for j in code.posonlyargcount..total_args {
                    if names[j].eq_str(kname) {
                        found = Some(j);
                        break;
                    }
                }
            }
            match found {
                Some(j) => {
                    if fast[j].is_some() {
                        return Err(vm.new_type_error(format!(
                            "{}() got multiple values for argument '{}'",
                            func.qualname.borrow(),
                            kname
                        )));
                    }
                    fast[j] = value;
                }
                None => match &kwdict {
                    Some(d) => {
                        if let Some(v) = value {
                            d.set_item(vm, k.clone(), v)?;
                        }
                    }
                    None => {
                        if let Some(e) = posonly_as_keyword(vm, func, code, kn) {
                            return Err(e);
                        }
                        return Err(vm.new_type_error(format!(
                            "{}() got an unexpected keyword argument '{}'",
                            func.qualname.borrow(),
                            kname
                        )));
                    }
                },
            }
        }
    }
    if argcount > co_argcount && flags & CO_VARARGS == 0 {
        return Err(too_many_positional(vm, func, code, fast, argcount));
    }
    let defaults = func.defaults.get();
    let defs: &[PyRef] = defaults.as_ref().map_or(&[], |d| d.as_slice());
    if argcount < co_argcount {
        let defcount = defs.len();
        let m = co_argcount.saturating_sub(defcount);
        let missing = (argcount..m).filter(|&i| fast[i].is_none()).count();
        if missing > 0 {
            return Err(missing_arguments(
                vm,
                func,
                code,
                fast,
                argcount,
                m,
                "positional",
            ));
        }
        for i in n.max(m)..co_argcount {
            if fast[i].is_none() {
                fast[i] = defs.get(i - m).cloned();
            }
        }
    }
    if code.kwonlyargcount > 0 {
        let kwdefs = func.kwdefaults.get();
        let mut missing = 0;
        for i in co_argcount..total_args {
            if fast[i].is_some() {
                continue;
            }
            if let Some(kd) = &kwdefs {
                if let Some(v) = kd.get_item(vm, code.localsplusnames[i].as_object())? {
                    fast[i] = Some(v);
                    continue;
                }
            }
            missing += 1;
        }
        if missing > 0 {
            return Err(missing_arguments(
                vm,
                func,
                code,
                fast,
                co_argcount,
                total_args,
                "keyword-only",
            ));
        }
    }
    Ok(())
}

fn format_names(names: &[String]) -> String {
    match names.len() {
        0 => String::new(),
        1 => names[0].clone(),
        2 => format!("{} and {}", names[0], names[1]),
        n => format!("{}, and {}", names[..n - 1].join(", "), names[n - 1]),
    }
}

fn missing_arguments(
    vm: &Vm,
    func: &PyFunction,
    code: &PyCode,
    fast: &[Slot],
    start: usize,
    end: usize,
    kind: &str,
) -> PyErr {
    let names: Vec<String> = (start..end)
        .filter(|&i| fast[i].is_none())
        .map(|i| format!("'{}'", code.localsplusnames[i]))
        .collect();
    vm.new_type_error(format!(
        "{}() missing {} required {} argument{}: {}",
        func.qualname.borrow(),
        names.len(),
        kind,
        if names.len() == 1 { "" } else { "s" },
        format_names(&names)
    ))
}

fn too_many_positional(
    vm: &Vm,
    func: &PyFunction,
    code: &PyCode,
    fast: &[Slot],
    given: usize,
) -> PyErr {
    let co_argcount = code.argcount;
    let defcount = func.defaults.borrow().as_ref().map_or(0, |d| d.len());
    let kwonly_given = (co_argcount..co_argcount + code.kwonlyargcount)
        .filter(|&i| fast[i].is_some())
        .count();
    let (sig, plural) = if defcount > 0 {
        (
            format!("from {} to {}", co_argcount - defcount, co_argcount),
            true,
        )
    } else {
        (co_argcount.to_string(), co_argcount != 1)
    };
    let kwonly_sig = if kwonly_given > 0 {
        format!(
            " positional argument{} (and {} keyword-only argument{})",
            if given != 1 { "s" } else { "" },
            kwonly_given,
            if kwonly_given != 1 { "s" } else { "" }
        )
    } else {
        String::new()
    };
    vm.new_type_error(format!(
        "{}() takes {} positional argument{} but {}{} {} given",
        func.qualname.borrow(),
        sig,
        if plural { "s" } else { "" },
        given,
        kwonly_sig,
        if given == 1 && kwonly_given == 0 {
            "was"
        } else {
            "were"
        }
    ))
}

fn posonly_as_keyword(
    vm: &Vm,
    func: &PyFunction,
    code: &PyCode,
    kwnames: &PyTuple,
) -> Option<PyErr> {
    let mut names = Vec::new();
    for k in 0..code.posonlyargcount {
        let pname = &code.localsplusnames[k];
        if kwnames
            .as_slice()
            .iter()
            .any(|kn| kn.downcast_ref::<PyStr>().is_some_and(|s| s.eq_str(pname)))
        {
            names.push(pname.to_string_lossy());
        }
    }
    if names.is_empty() {
        return None;
    }
    Some(vm.new_type_error(format!(
        "{}() got some positional-only arguments passed as keyword arguments: '{}'",
        func.qualname.borrow(),
        names.join(", ")
    )))
}
