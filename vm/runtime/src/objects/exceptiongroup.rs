//! `BaseExceptionGroup` / `ExceptionGroup` (CPython's `Objects/exceptions.c`):
//! construction and type selection, `message`/`exceptions`, `__str__`, `derive`,
//! `split`/`subgroup`, and the helpers of `except*` (`CHECK_EG_MATCH`'s
//! `exception_group_match`, `PREP_RERAISE_STAR`'s `_PyExc_PrepReraiseStar`).

use crate::error::{PyErr, PyResult};
use crate::object::{PyObject, PyRef, PyType, Slot};
use crate::objects::descr::MethodDef;
use crate::objects::exceptions::{PyBaseException, new_base_exception};
use crate::objects::list::PyList;
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;
use std::collections::HashSet;

fn exc<'a>(vm: &Vm, o: &'a PyObject) -> PyResult<&'a PyBaseException> {
    o.downcast_ref::<PyBaseException>()
        .ok_or_else(|| vm.new_type_error("exception expected"))
}

fn is_eg(vm: &Vm, o: &PyObject) -> bool {
    o.type_().is_subtype(&vm.exc.base_exception_group)
}

fn is_exception_instance(vm: &Vm, o: &PyObject) -> bool {
    o.type_().is_subtype(&vm.exc.base_exception)
}

fn is_exception_class(vm: &Vm, o: &PyObject) -> bool {
    o.downcast_ref::<PyType>()
        .is_some_and(|t| t.is_subtype(&vm.exc.base_exception))
}

/// The sub-exceptions of a group (its `exceptions` tuple).
fn excs(vm: &Vm, o: &PyObject) -> Vec<PyRef> {
    exc(vm, o)
        .ok()
        .and_then(|e| e.get_extra("exceptions"))
        .and_then(|t| t.downcast_ref::<PyTuple>().map(|t| t.as_slice().to_vec()))
        .unwrap_or_default()
}

/// `BaseExceptionGroup_new`.
fn eg_new(vm: &Vm, t: &PyRef<PyType>, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    if k.is_some_and(|k| !k.as_slice().is_empty()) {
        return Err(vm.new_type_error(format!("{}() takes no keyword arguments", t.name_str())));
    }
    let (pos, _) = crate::ops::call::split_args(a, k);
    if pos.len() != 2 {
        return Err(vm.new_type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            pos.len()
        )));
    }
    let message = &pos[0];
    if !message.type_().is_subtype(&vm.types.str) {
        return Err(vm.new_type_error(format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
            message.type_().name_str()
        )));
    }
    let seq = &pos[1];
    let is_sequence = seq.type_().is_subtype(&vm.types.list)
        || seq.type_().is_subtype(&vm.types.tuple)
        || (seq.type_().slots().mp_subscript.is_some() && !seq.type_().is_subtype(&vm.types.dict));
    if !is_sequence {
        return Err(vm.new_type_error("second argument (exceptions) must be a sequence"));
    }
    let items = crate::ops::collect(vm, seq)?;
    if items.is_empty() {
        return Err(vm.new_value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let mut nested_base = false;
    for (i, e) in items.iter().enumerate() {
        if !is_exception_instance(vm, e) {
            return Err(vm.new_value_error(format!(
                "Item {i} of second argument (exceptions) is not an exception"
            )));
        }
        if !e.type_().is_subtype(&vm.exc.exception) {
            nested_base = true;
        }
    }
    let mut cls: &PyRef<PyType> = t;
    if t.is(&vm.exc.exception_group) {
        if nested_base {
            return Err(vm.new_type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
        }
    } else if t.is(&vm.exc.base_exception_group) {
        if !nested_base {
            cls = &vm.exc.exception_group;
        }
    } else if nested_base && t.is_subtype(&vm.exc.exception) {
        return Err(vm.new_type_error(format!("Cannot nest BaseExceptions in '{}'", t.name_str())));
    }
    let e = new_base_exception(vm, cls, pos.to_vec());
    e.set_extra("message", message.clone());
    e.set_extra("exceptions", vm.new_tuple(items).into_object());
    Ok(e.into_object())
}

/// `BaseExceptionGroup_init`: no keywords, then `BaseException.__init__`.
fn eg_init(vm: &Vm, o: &PyObject, a: &[PyRef], k: Option<&PyTuple>) -> PyResult<()> {
    let (pos, kws) = crate::ops::call::split_args(a, k);
    if !kws.is_empty() {
        return Err(vm.new_type_error(format!(
            "{}() takes no keyword arguments",
            o.type_().name_str()
        )));
    }
    exc(vm, o)?.args.set(vm.new_tuple(pos.to_vec()));
    Ok(())
}

/// `BaseExceptionGroup_str`: `"msg (N sub-exception[s])"`.
fn eg_str(vm: &Vm, o: &PyObject) -> PyResult {
    let e = exc(vm, o)?;
    let msg = e.get_extra("message").unwrap_or_else(|| vm.new_str(""));
    let n = excs(vm, o).len();
    let s = crate::ops::str_string(vm, &msg)?;
    Ok(vm.new_str(&format!(
        "{} ({} sub-exception{})",
        s,
        n,
        if n > 1 { "s" } else { "" }
    )))
}

fn get_message(vm: &Vm, o: &PyObject) -> PyResult {
    Ok(exc(vm, o)?
        .get_extra("message")
        .unwrap_or_else(|| vm.none()))
}
fn get_exceptions(vm: &Vm, o: &PyObject) -> PyResult {
    Ok(exc(vm, o)?
        .get_extra("exceptions")
        .unwrap_or_else(|| vm.none()))
}

/// `BaseExceptionGroup.derive(excs)`: `BaseExceptionGroup(self.message, excs)`.
fn derive(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    crate::argparse::exact(vm, "derive", &a[1..], k, 1)?;
    let msg = get_message(vm, &a[0])?;
    crate::ops::call(
        vm,
        vm.exc.base_exception_group.as_object(),
        &[msg, a[1].clone()],
        None,
    )
}

/// What `split`/`subgroup` match leaves against.
enum Matcher<'a> {
    Type(&'a PyObject),
    Predicate(&'a PyObject),
    Ids(&'a HashSet<usize>),
}

fn matcher<'a>(vm: &Vm, v: &'a PyObject) -> PyResult<Matcher<'a>> {
    let callable = v.type_().slots().call.is_some()
        || matches!(
            v.type_().layout,
            crate::object::Layout::Function
                | crate::object::Layout::BuiltinFunction
                | crate::object::Layout::Method
        );
    if callable && v.downcast_ref::<PyType>().is_none() {
        return Ok(Matcher::Predicate(v));
    }
    if is_exception_class(vm, v) {
        return Ok(Matcher::Type(v));
    }
    if v.is_type(&vm.types.tuple) {
        if let Some(t) = v.downcast_ref::<PyTuple>() {
            if t.as_slice().iter().all(|x| is_exception_class(vm, x)) {
                return Ok(Matcher::Type(v));
            }
        }
    }
    Err(vm.new_type_error("expected a function, exception type or tuple of exception types"))
}

/// `PyErr_GivenExceptionMatches(e, t)` for a validated class or tuple of classes.
fn exception_matches(_vm: &Vm, e: &PyObject, t: &PyObject) -> PyResult<bool> {
    let one = |t: &PyObject| {
        t.downcast_ref::<PyType>()
            .is_some_and(|t| e.type_().is_subtype(t))
    };
    if let Some(tup) = t.downcast_ref::<PyTuple>() {
        return Ok(tup.as_slice().iter().any(|x| one(x)));
    }
    Ok(one(t))
}

fn check_match(vm: &Vm, e: &PyObject, m: &Matcher) -> PyResult<bool> {
    match m {
        Matcher::Type(t) => exception_matches(vm, e, t),
        Matcher::Predicate(f) => {
            let r = crate::ops::call(vm, f, &[e.to_owned()], None)?;
            crate::ops::is_true(vm, &r)
        }
        Matcher::Ids(ids) => Ok(ids.contains(&(e as *const PyObject as usize))),
    }
}

/// `exceptiongroup_subset`: `orig.derive(excs)` with orig's traceback, context, cause
/// and a copy of its notes; None when `excs` is empty.
fn subset(vm: &Vm, orig: &PyObject, items: Vec<PyRef>) -> PyResult<Slot> {
    if items.is_empty() {
        return Ok(None);
    }
    let list = vm.new_list(items).into_object();
    let eg = crate::ops::call_method(vm, orig, &vm.intern("derive"), &[list])?;
    if !is_eg(vm, &eg) {
        return Err(vm.new_type_error("derive must return an instance of BaseExceptionGroup"));
    }
    let o = exc(vm, orig)?;
    let n = exc(vm, &eg)?;
    if let Some(tb) = o.traceback.get() {
        n.traceback.set(Some(tb));
    }
    n.context.set(o.context.get());
    n.cause.set(o.cause.get());
    if let Some(notes) = crate::ops::get_attr_opt(vm, orig, &vm.names.__notes__)? {
        let is_seq = notes.type_().is_subtype(&vm.types.list)
            || notes.type_().is_subtype(&vm.types.tuple)
            || (notes.type_().slots().mp_subscript.is_some()
                && !notes.type_().is_subtype(&vm.types.dict));
        if is_seq {
            let copy = vm.new_list(crate::ops::collect(vm, &notes)?).into_object();
            crate::ops::attr::set_attr(vm, &eg, &vm.names.__notes__, copy)?;
        }
    }
    Ok(Some(eg))
}

/// `exceptiongroup_split_recursive`: (match, rest).
fn split_recursive(
    vm: &Vm,
    e: &PyObject,
    m: &Matcher,
    construct_rest: bool,
    depth: usize,
) -> PyResult<(Slot, Slot)> {
    if check_match(vm, e, m)? {
        return Ok((Some(e.to_owned()), None));
    }
    if !is_eg(vm, e) {
        return Ok((None, construct_rest.then(|| e.to_owned())));
    }
    if depth > 1000 {
        return Err(vm.new_exception(
            &vm.exc.recursion_error,
            vec![vm.new_str("maximum recursion depth exceeded")],
        ));
    }
    let mut matches = Vec::new();
    let mut rests = Vec::new();
    for sub in excs(vm, e) {
        let (mm, rr) = split_recursive(vm, &sub, m, construct_rest, depth + 1)?;
        if let Some(x) = mm {
            matches.push(x);
        }
        if let Some(x) = rr {
            rests.push(x);
        }
    }
    let mtch = subset(vm, e, matches)?;
    let rest = if construct_rest {
        subset(vm, e, rests)?
    } else {
        None
    };
    Ok((mtch, rest))
}

fn split(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    crate::argparse::exact(vm, "split", &a[1..], k, 1)?;
    let m = matcher(vm, &a[1])?;
    let (mm, rr) = split_recursive(vm, &a[0], &m, true, 0)?;
    Ok(vm
        .new_tuple(vec![
            mm.unwrap_or_else(|| vm.none()),
            rr.unwrap_or_else(|| vm.none()),
        ])
        .into_object())
}

fn subgroup(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    crate::argparse::exact(vm, "subgroup", &a[1..], k, 1)?;
    let m = matcher(vm, &a[1])?;
    let (mm, _) = split_recursive(vm, &a[0], &m, false, 0)?;
    Ok(mm.unwrap_or_else(|| vm.none()))
}

fn class_getitem(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    crate::objects::typeobject::generic_alias(vm, &a[0], &a[1])
}

/// `_PyExc_CreateExceptionGroup`: `BaseExceptionGroup(msg, excs)`.
fn create_group(vm: &Vm, msg: &str, items: PyRef) -> PyResult {
    crate::ops::call(
        vm,
        vm.exc.base_exception_group.as_object(),
        &[vm.new_str(msg), items],
        None,
    )
}

const CANNOT_EXCEPT_STAR_EG: &str =
    "catching ExceptionGroup with except* is not allowed. Use except instead.";
const CANNOT_CATCH_MSG: &str =
    "catching classes that do not inherit from BaseException is not allowed";

/// `check_except_star_type_valid`.
fn check_except_star_type(vm: &Vm, right: &PyObject) -> PyResult<()> {
    let one = |t: &PyObject| -> PyResult<()> {
        if !is_exception_class(vm, t) {
            return Err(vm.new_type_error(CANNOT_CATCH_MSG));
        }
        if t.downcast_ref::<PyType>()
            .is_some_and(|t| t.is_subtype(&vm.exc.base_exception_group))
        {
            return Err(vm.new_type_error(CANNOT_EXCEPT_STAR_EG));
        }
        Ok(())
    };
    if let Some(t) = right.downcast_ref::<PyTuple>() {
        for x in t.as_slice() {
            one(x)?;
        }
        return Ok(());
    }
    one(right)
}

/// `CHECK_EG_MATCH` (stack `[exc, type]`): leaves `[exc, None]` when nothing matches,
/// else `[rest, match]` with `match` made the handled exception.
pub fn check_eg_match(vm: &Vm, stack: &mut Vec<Slot>) -> PyResult<()> {
    let match_type = stack
        .pop()
        .flatten()
        .ok_or_else(|| vm.new_system_error("stack underflow"))?;
    check_except_star_type(vm, &match_type)?;
    let exc_value = stack
        .last()
        .cloned()
        .flatten()
        .ok_or_else(|| vm.new_system_error("stack underflow"))?;
    let (mtch, rest) = exception_group_match(vm, &exc_value, &match_type)?;
    if vm.is_none(&mtch) {
        stack.push(Some(mtch));
        return Ok(());
    }
    if let Some(top) = stack.last_mut() {
        let old = std::mem::replace(top, Some(rest));
        drop(old);
    }
    stack.push(Some(mtch.clone()));
    let old = vm.ts.set_top_exc(Some(mtch));
    drop(old);
    Ok(())
}

/// `exception_group_match`: (match, rest), None for no part.
fn exception_group_match(vm: &Vm, e: &PyObject, t: &PyObject) -> PyResult<(PyRef, PyRef)> {
    if vm.is_none(e) {
        return Ok((vm.none(), vm.none()));
    }
    if exception_matches(vm, e, t)? {
        if is_eg(vm, e) {
            return Ok((e.to_owned(), vm.none()));
        }
        let wrapped = create_group(vm, "", vm.new_tuple(vec![e.to_owned()]).into_object())?;
        if let Some(tb) = exc(vm, e)?.traceback.get() {
            exc(vm, &wrapped)?.traceback.set(Some(tb));
        }
        return Ok((wrapped, vm.none()));
    }
    if is_eg(vm, e) {
        let pair = crate::ops::call_method(vm, e, &vm.intern("split"), &[t.to_owned()])?;
        let items = pair
            .downcast_ref::<PyTuple>()
            .map(|p| p.as_slice().to_vec())
            .unwrap_or_default();
        if items.len() != 2 {
            return Err(vm.new_type_error("split must return a 2-tuple"));
        }
        return Ok((items[0].clone(), items[1].clone()));
    }
    Ok((vm.none(), vm.none()))
}

fn same_metadata(a: &PyBaseException, b: &PyBaseException) -> bool {
    fn same(x: &Slot, y: &Slot) -> bool {
        match (x, y) {
            (None, None) => true,
            (Some(x), Some(y)) => x.is(y),
            _ => false,
        }
    }
    // CPython 3.11 also compares `notes`, a struct field it never sets (`__notes__`
    // lives in the instance dict), so notes never make a difference.
    same(a.traceback.borrow(), b.traceback.borrow())
        && same(a.cause.borrow(), b.cause.borrow())
        && same(a.context.borrow(), b.context.borrow())
}

fn collect_leaf_ids(vm: &Vm, e: &PyObject, ids: &mut HashSet<usize>, depth: usize) {
    if vm.is_none(e) {
        return;
    }
    if !is_eg(vm, e) || depth > 1000 {
        ids.insert(e as *const PyObject as usize);
        return;
    }
    for sub in excs(vm, e) {
        collect_leaf_ids(vm, &sub, ids, depth + 1);
    }
}

/// `PREP_RERAISE_STAR` (`_PyExc_PrepReraiseStar(orig, excs)`): the exception the
/// `except*` block re-raises, or None.
pub fn prep_reraise_star(vm: &Vm, orig: &PyObject, list: &PyObject) -> PyResult {
    let items: Vec<PyRef> = list
        .downcast_ref::<PyList>()
        .map(|l| l.borrow().as_slice().to_vec())
        .ok_or_else(|| vm.new_system_error("PREP_RERAISE_STAR expects a list"))?;
    if items.is_empty() {
        return Ok(vm.none());
    }
    if !is_eg(vm, orig) {
        // A naked exception was caught and wrapped: at most one exception to raise.
        return Ok(items[0].clone());
    }
    let o = exc(vm, orig)?;
    let mut raised = Vec::new();
    let mut reraised = Vec::new();
    for e in items {
        if vm.is_none(&e) {
            continue;
        }
        let is_reraise = e
            .downcast_ref::<PyBaseException>()
            .is_some_and(|x| same_metadata(x, o));
        if is_reraise {
            reraised.push(e);
        } else {
            raised.push(e);
        }
    }
    // exception_group_projection: the part of orig holding the re-raised leaves.
    let mut ids = HashSet::new();
    for e in &reraised {
        collect_leaf_ids(vm, e, &mut ids, 0);
    }
    let (proj, _) = split_recursive(vm, orig, &Matcher::Ids(&ids), false, 0)?;
    let reraised_eg = proj.unwrap_or_else(|| vm.none());
    if raised.is_empty() {
        return Ok(reraised_eg);
    }
    if !vm.is_none(&reraised_eg) {
        raised.push(reraised_eg);
    }
    if raised.len() > 1 {
        return create_group(vm, "", vm.new_list(raised).into_object());
    }
    Ok(raised.swap_remove(0))
}

/// The `PyErr` view of an exception object (for callers holding a plain reference).
pub fn as_err(vm: &Vm, o: PyRef) -> PyResult<PyErr> {
    o.downcast::<PyBaseException>()
        .map(PyErr)
        .map_err(|_| vm.new_type_error("exceptions must derive from BaseException"))
}

pub fn init(vm: &Vm) {
    let t = &vm.exc.base_exception_group;
    t.update_slots(|s| {
        s.new = Some(eg_new);
        s.init = Some(eg_init);
        s.str = Some(eg_str);
    });
    // CPython creates ExceptionGroup as a heap type (`PyErr_NewException` with two
    // bases), so it has a `__weakref__` descriptor and its subclasses add none.
    vm.add_getset(
        &vm.exc.exception_group,
        "__weakref__",
        crate::gc::weakref::weakref_attr_get,
        None,
    );
    vm.add_getset(t, "message", get_message, None);
    vm.add_getset(t, "exceptions", get_exceptions, None);
    vm.add_methods(
        t,
        &[
            MethodDef::method("derive", derive),
            MethodDef::method("split", split),
            MethodDef::method("subgroup", subgroup),
            MethodDef::class("__class_getitem__", class_getitem),
        ],
    );
}
