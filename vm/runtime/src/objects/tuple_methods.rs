//! `tuple` type (and shared sequence helpers: comparison, repr with recursion guard).

use crate::argparse;
use crate::error::PyResult;
use crate::object::typeobj::CmpOp;
use crate::object::{PyObject, PyRef, PyType};
use crate::objects::descr::MethodDef;
use crate::objects::tuple::{PyTuple, new_tuple_of_type};
use crate::vm::Vm;

/// `list_richcompare`/`tuplerichcompare` over two item vectors.
pub fn seq_richcompare(vm: &Vm, a: &[PyRef], b: &[PyRef], op: CmpOp) -> PyResult {
    if a.len() != b.len() && (op == CmpOp::Eq || op == CmpOp::Ne) {
        return Ok(vm.new_bool(op == CmpOp::Ne));
    }
    let n = a.len().min(b.len());
    let mut i = 0;
    while i < n {
        if !(a[i].is(&b[i]) || crate::ops::rich_compare_bool(vm, &a[i], &b[i], CmpOp::Eq)?) {
            break;
        }
        i += 1;
    }
    if i >= a.len() || i >= b.len() {
        return Ok(vm.new_bool(op.from_ordering(a.len().cmp(&b.len()))));
    }
    match op {
        CmpOp::Eq => Ok(vm.new_bool(false)),
        CmpOp::Ne => Ok(vm.new_bool(true)),
        _ => crate::ops::rich_compare(vm, &a[i], &b[i], op),
    }
}

/// Runs `f` unless `o` is already being repr'd (`Py_ReprEnter`); then returns `busy`.
pub fn repr_guard(
    vm: &Vm,
    o: &PyObject,
    busy: &str,
    f: impl FnOnce() -> PyResult<String>,
) -> PyResult<String> {
    let p = o.as_ptr() as usize;
    if vm.repr_stack.borrow().contains(&p) {
        return Ok(busy.to_string());
    }
    vm.repr_stack.borrow_mut().push(p);
    let r = f();
    vm.repr_stack.borrow_mut().retain(|x| *x != p);
    r
}

pub fn join_reprs(vm: &Vm, items: &[PyRef]) -> PyResult<String> {
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&crate::ops::repr(vm, it)?.as_cow());
    }
    Ok(out)
}

fn t(vm: &Vm, o: &PyObject) -> PyResult<Vec<PyRef>> {
    o.downcast_ref::<PyTuple>()
        .map(|t| t.as_slice().to_vec())
        .ok_or_else(|| vm.new_type_error("tuple expected"))
}

fn tuple_repr(vm: &Vm, o: &PyObject) -> PyResult {
    let items = t(vm, o)?;
    if items.is_empty() {
        return Ok(vm.new_str("()"));
    }
    let s = repr_guard(vm, o, "(...)", || {
        let inner = join_reprs(vm, &items)?;
        Ok(if items.len() == 1 {
            format!("({},)", inner)
        } else {
            format!("({})", inner)
        })
    })?;
    Ok(vm.new_str(&s))
}
fn tuple_hash(vm: &Vm, o: &PyObject) -> PyResult<i64> {
    let items = t(vm, o)?;
    let mut hs = Vec::with_capacity(items.len());
    for it in &items {
        hs.push(crate::ops::hash(vm, it)?);
    }
    Ok(refvm_common::hash::hash_tuple(hs))
}
fn tuple_richcompare(vm: &Vm, a: &PyObject, b: &PyObject, op: CmpOp) -> PyResult {
    let (Some(x), Some(y)) = (a.downcast_ref::<PyTuple>(), b.downcast_ref::<PyTuple>()) else {
        return Ok(vm.not_implemented());
    };
    seq_richcompare(vm, x.as_slice(), y.as_slice(), op)
}
fn tuple_len(vm: &Vm, o: &PyObject) -> PyResult<usize> {
    Ok(o.downcast_ref::<PyTuple>()
        .map(|t| t.len())
        .ok_or_else(|| vm.new_type_error("tuple expected"))?)
}
pub fn seq_index(vm: &Vm, n: usize, k: &PyObject, what: &str) -> PyResult<Option<usize>> {
    let Some(i) = crate::ops::number::try_index(vm, k)? else {
        return Ok(None);
    };
    let i = match i.as_i64() {
        Some(v) => v,
        None => {
            return Err(vm.new_index_error(format!("cannot fit 'int' into an index-sized integer")));
        }
    };
    let j = if i < 0 { i + n as i64 } else { i };
    if j < 0 || j >= n as i64 {
        return Err(vm.new_index_error(format!("{what} index out of range")));
    }
    Ok(Some(j as usize))
}
fn tuple_getitem(vm: &Vm, o: &PyObject, k: &PyObject) -> PyResult {
    let tp = o
        .downcast_ref::<PyTuple>()
        .ok_or_else(|| vm.new_type_error("tuple expected"))?;
    let items = tp.as_slice();
    if let Some(sl) = k.downcast_ref::<crate::objects::slice::PySlice>() {
        let idx = sl.indices(vm, items.len())?;
        if idx.step == 1 && idx.len == items.len() && o.is_type(&vm.types.tuple) {
            return Ok(o.to_owned());
        }
        return Ok(vm
            .new_tuple(idx.iter().map(|i| items[i].clone()).collect())
            .into_object());
    }
    match seq_index(vm, items.len(), k, "tuple")? {
        Some(i) => Ok(items[i].clone()),
        None => Err(vm.new_type_error(format!(
            "tuple indices must be integers or slices, not {}",
            k.type_().name_str()
        ))),
    }
}
fn tuple_contains(vm: &Vm, o: &PyObject, x: &PyObject) -> PyResult<bool> {
    for it in t(vm, o)? {
        if it.is(&x.to_owned()) || crate::ops::rich_compare_bool(vm, &it, x, CmpOp::Eq)? {
            return Ok(true);
        }
    }
    Ok(false)
}
fn tuple_concat(vm: &Vm, a: &PyObject, b: &PyObject) -> PyResult {
    let Some(y) = b.downcast_ref::<PyTuple>() else {
        return Err(vm.new_type_error(format!(
            "can only concatenate tuple (not \"{}\") to tuple",
            b.type_().name_str()
        )));
    };
    let mut v = t(vm, a)?;
    if y.is_empty() && a.is_type(&vm.types.tuple) {
        return Ok(a.to_owned());
    }
    if v.is_empty() && b.is_type(&vm.types.tuple) {
        return Ok(b.to_owned());
    }
    v.extend(y.as_slice().iter().cloned());
    Ok(vm.new_tuple(v).into_object())
}
fn tuple_repeat(vm: &Vm, a: &PyObject, n: &PyObject) -> PyResult {
    let items = t(vm, a)?;
    let n = crate::ops::number::as_ssize(vm, n)?.max(0) as usize;
    if n == 1 && a.is_type(&vm.types.tuple) {
        return Ok(a.to_owned());
    }
    vm.check_alloc(items.len().saturating_mul(n).saturating_mul(8))?;
    let mut v = Vec::with_capacity(items.len() * n);
    for _ in 0..n {
        v.extend(items.iter().cloned());
    }
    Ok(vm.new_tuple(v).into_object())
}
fn tuple_iter(vm: &Vm, o: &PyObject) -> PyResult {
    Ok(vm.new_seq_iter(&vm.types.tuple_iterator, o.to_owned(), 0))
}
fn tuple_new(vm: &Vm, ty: &PyRef<PyType>, args: &[PyRef], kw: Option<&PyTuple>) -> PyResult {
    if ty.is(&vm.types.tuple) {
        argparse::no_kw(vm, "tuple", kw)?;
    }
    if args.len() > 1 {
        return Err(vm.new_type_error(format!(
            "tuple expected at most 1 argument, got {}",
            args.len()
        )));
    }
    let items = match args.first() {
        Some(x) => {
            if x.is_type(&vm.types.tuple) && ty.is(&vm.types.tuple) {
                return Ok(x.clone());
            }
            crate::ops::collect(vm, x)?
        }
        None => vec![],
    };
    if ty.is(&vm.types.tuple) {
        Ok(vm.new_tuple(items).into_object())
    } else {
        Ok(new_tuple_of_type(ty, items).into_object())
    }
}
fn m_index(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::range(vm, "index", &a[1..], k, 1, 3)?;
    let items = t(vm, &a[0])?;
    let n = items.len() as isize;
    let norm = |x: isize| if x < 0 { (x + n).max(0) } else { x.min(n) };
    let start = match a.get(2) {
        Some(x) => norm(argparse::to_isize(vm, x)?),
        None => 0,
    } as usize;
    let stop = match a.get(3) {
        Some(x) => norm(argparse::to_isize(vm, x)?),
        None => n,
    } as usize;
    for (i, it) in items.iter().enumerate() {
        if i < start {
            continue;
        }
        if i >= stop {
            break;
        }
        if it.is(&a[1]) || crate::ops::rich_compare_bool(vm, it, &a[1], CmpOp::Eq)? {
            return Ok(vm.new_usize(i));
        }
    }
    Err(vm.new_value_error("tuple.index(x): x not in tuple"))
}
fn m_count(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "count", &a[1..], k, 1)?;
    let mut c = 0;
    for it in t(vm, &a[0])? {
        if it.is(&a[1]) || crate::ops::rich_compare_bool(vm, &it, &a[1], CmpOp::Eq)? {
            c += 1;
        }
    }
    Ok(vm.new_usize(c))
}
fn m_getnewargs(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    Ok(vm
        .new_tuple(vec![vm.new_tuple(t(vm, &a[0])?).into_object()])
        .into_object())
}
fn m_class_getitem(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    crate::objects::typeobject::generic_alias(vm, &a[0], &a[1])
}

pub fn init(vm: &Vm) {
    let ty = &vm.types.tuple;
    ty.update_slots(|s| {
        s.repr = Some(tuple_repr);
        s.hash = Some(tuple_hash);
        s.richcompare = Some(tuple_richcompare);
        s.sq_length = Some(tuple_len);
        s.mp_subscript = Some(tuple_getitem);
        s.sq_contains = Some(tuple_contains);
        s.sq_concat = Some(tuple_concat);
        s.sq_repeat = Some(tuple_repeat);
        s.iter = Some(tuple_iter);
        s.new = Some(tuple_new);
        s.traverse = Some(crate::objects::tuple::tuple_traverse);
    });
    vm.add_methods(
        ty,
        &[
            MethodDef::method("index", m_index),
            MethodDef::method("count", m_count),
            MethodDef::method("__getnewargs__", m_getnewargs),
            MethodDef::class("__class_getitem__", m_class_getitem),
        ],
    );
}
