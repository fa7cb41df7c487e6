//! Calling objects (`PyObject_Vectorcall`): Python functions run in the eval loop, native
//! functions directly, bound methods prepend `self`, anything else through `tp_call`.

use crate::error::PyResult;
use crate::object::{PyObject, PyRef, Slot};
use crate::objects::descr::{MethodKind, PyBuiltinFunction};
use crate::objects::dict::PyDict;
use crate::objects::function::{PyFunction, PyMethod};
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;

/// Calls `callable(*args)` with keyword values at the end of `args` named by `kwnames`.
pub fn call(vm: &Vm, callable: &PyObject, args: &[PyRef], kwnames: Option<&PyTuple>) -> PyResult {
    let t = callable.type_();
    match t.layout {
        crate::object::Layout::Function => {
            // SAFETY: layout checked.
            let f = unsafe { callable.cast_unchecked::<PyFunction>() };
            return crate::eval::call_function(vm, f, args, kwnames);
        }
        crate::object::Layout::BuiltinFunction => {
            // SAFETY: layout checked.
            let f = unsafe { callable.cast_unchecked::<PyBuiltinFunction>() };
            return call_builtin(vm, f, args, kwnames);
        }
        crate::object::Layout::Method => {
            // SAFETY: layout checked.
            let m = unsafe { callable.cast_unchecked::<PyMethod>() };
            let func = m.func.clone();
            return with_prepended(&m.self_, args, |v| call(vm, &func, v, kwnames));
        }
        _ => {}
    }
    match t.slots().call {
        Some(f) => {
            vm.enter_recursive_call(" while calling a Python object")?;
            let r = f(vm, callable, args, kwnames);
            vm.leave_recursive_call();
            r
        }
        None => Err(vm.new_type_error(format!("'{}' object is not callable", t.name_str()))),
    }
}

/// Runs `f` on `first` followed by `args` as one slice: built on the Rust stack for up to
/// 7 arguments (no allocation), in a vector otherwise. The references are dropped in
/// order after `f` returns, as a vector's would be.
#[inline]
pub fn with_prepended<R>(first: &PyObject, args: &[PyRef], f: impl FnOnce(&[PyRef]) -> R) -> R {
    if args.len() < 8 {
        let mut buf: [Slot; 8] = Default::default();
        buf[0] = Some(first.to_owned());
        for (d, a) in buf[1..].iter_mut().zip(args) {
            *d = Some(a.clone());
        }
        let n = args.len() + 1;
        // SAFETY: the first `n` slots were all filled just above, and `Option<PyRef>` has
        // `PyRef`'s layout (NonNull niche).
        let v = unsafe { std::slice::from_raw_parts(buf.as_ptr() as *const PyRef, n) };
        let r = f(v);
        drop(buf);
        r
    } else {
        let mut v = Vec::with_capacity(args.len() + 1);
        v.push(first.to_owned());
        v.extend_from_slice(args);
        let r = f(&v);
        drop(v);
        r
    }
}

/// Calls a native function or descriptor.
pub fn call_builtin(
    vm: &Vm,
    f: &PyBuiltinFunction,
    args: &[PyRef],
    kwnames: Option<&PyTuple>,
) -> PyResult {
    if let Some(s) = &f.self_ {
        return with_prepended(s, args, |v| {
            if let (Some(w), Some(o)) = (f.wrapper, &f.owner) {
                return w(vm, o, v, kwnames);
            }
            (f.func)(vm, v, kwnames)
        });
    }
    if let Some(owner) = &f.owner {
        match f.kind {
            MethodKind::Method => {
                let nkw = kwnames.map_or(0, |k| k.len());
                let Some(first) = args.first().filter(|_| args.len() > nkw) else {
                    return Err(vm.new_type_error(format!(
                        "unbound method {}.{}() needs an argument",
                        owner.name_str(),
                        f.name
                    )));
                };
                if !first.type_().is_subtype(owner) {
                    return Err(vm.new_type_error(format!(
                        "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                        f.name,
                        owner.name_str(),
                        first.type_().name_str()
                    )));
                }
            }
            MethodKind::Class => {
                return with_prepended(owner.as_object(), args, |v| (f.func)(vm, v, kwnames));
            }
            MethodKind::Static => {}
        }
        if let Some(w) = f.wrapper {
            return w(vm, owner, args, kwnames);
        }
    }
    (f.func)(vm, args, kwnames)
}

/// `callable()` with no arguments.
pub fn call_noargs(vm: &Vm, callable: &PyObject) -> PyResult {
    call(vm, callable, &[], None)
}

/// `obj.name(*args)` without creating a bound method when possible.
pub fn call_method(vm: &Vm, obj: &PyObject, name: &PyRef<PyStr>, args: &[PyRef]) -> PyResult {
    let (m, unbound) = crate::ops::attr::get_method(vm, obj, name)?;
    if unbound {
        with_prepended(obj, args, |v| call(vm, &m, v, None))
    } else {
        call(vm, &m, args, None)
    }
}

/// `callable(*args, **kwargs)` from a positional Vec and an optional dict.
pub fn call_with_dict(
    vm: &Vm,
    callable: &PyObject,
    mut args: Vec<PyRef>,
    kwargs: Option<&PyDict>,
) -> PyResult {
    match kwargs {
        Some(d) if !d.is_empty() => {
            let items = d.items();
            let mut names = Vec::with_capacity(items.len());
            for (k, v) in items {
                if !k.type_().is_subtype(&vm.types.str) {
                    return Err(vm.new_type_error("keywords must be strings"));
                }
                names.push(k);
                args.push(v);
            }
            let kw = vm.new_tuple(names);
            call(vm, callable, &args, Some(&kw))
        }
        _ => call(vm, callable, &args, None),
    }
}

/// Splits vectorcall arguments into positional and (name, value) keyword pairs.
pub fn split_args<'a>(
    args: &'a [PyRef],
    kwnames: Option<&'a PyTuple>,
) -> (&'a [PyRef], Vec<(&'a PyRef, &'a PyRef)>) {
    match kwnames {
        Some(k) if !k.is_empty() => {
            let n = args.len().saturating_sub(k.len());
            let kws = k.as_slice().iter().zip(&args[n..]).collect();
            (&args[..n], kws)
        }
        _ => (args, Vec::new()),
    }
}
