//! Struct sequences (`sys.version_info`, `sys.float_info`, …): tuple subclasses whose
//! fields are also attributes, with CPython's `structseq` repr.

use crate::error::PyResult;
use crate::object::PyRef;
use crate::objects::descr::MethodDef;
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;

fn fields_of(vm: &Vm, o: &PyRef) -> Vec<PyRef> {
    o.type_()
        .lookup(&vm.names.__match_args__)
        .and_then(|f| f.downcast_ref::<PyTuple>().map(|t| t.as_slice().to_vec()))
        .unwrap_or_default()
}

fn structseq_getattr(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let (Some(o), Some(name)) = (a.first(), a.get(1)) else {
        return Err(vm.new_type_error("expected 1 argument"));
    };
    let fields = fields_of(vm, o);
    if let Some(i) = fields.iter().position(|f| {
        f.downcast_ref::<PyStr>()
            .zip(name.downcast_ref::<PyStr>())
            .is_some_and(|(a, b)| a.as_bytes() == b.as_bytes())
    }) {
        if let Some(t) = o.downcast_ref::<PyTuple>() {
            if let Some(v) = t.as_slice().get(i) {
                return Ok(v.clone());
            }
        }
    }
    Err(vm.new_attribute_error(format!(
        "'{}' object has no attribute '{}'",
        o.type_().name_str(),
        crate::ops::str(vm, name)?
    )))
}

fn structseq_repr(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let Some(o) = a.first() else {
        return Err(vm.new_type_error("expected self"));
    };
    let fields = fields_of(vm, o);
    let t = o.type_();
    let module = t
        .dict
        .get_str(&vm.names.__module__)
        .and_then(|m| m.downcast::<PyStr>().ok())
        .map(|m| m.to_string_lossy())
        .unwrap_or_default();
    let mut out = format!("{}.{}(", module, t.name_str());
    if let Some(tup) = o.downcast_ref::<PyTuple>() {
        for (i, (f, v)) in fields.iter().zip(tup.as_slice()).enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&crate::ops::str(vm, f)?.to_string_lossy());
            out.push('=');
            out.push_str(&crate::ops::repr_string(vm, v)?);
        }
    }
    out.push(')');
    Ok(vm.new_str(&out))
}

/// A struct sequence instance of a new type `module.name` with these fields and values.
pub fn make(
    vm: &Vm,
    module: &str,
    name: &str,
    fields: &[&str],
    values: Vec<PyRef>,
) -> PyResult<PyRef> {
    let ns = vm.new_dict();
    ns.set_str(vm.names.__module__.clone(), vm.new_str(module));
    let names: Vec<PyRef> = fields.iter().map(|f| vm.new_str(f)).collect();
    ns.set_str(
        vm.names.__match_args__.clone(),
        vm.new_tuple(names).into_object(),
    );
    for n in ["n_fields", "n_sequence_fields"] {
        ns.set_str(vm.intern(n), vm.new_int(fields.len() as i64));
    }
    ns.set_str(vm.intern("n_unnamed_fields"), vm.new_int(0));
    let t = crate::objects::typeobject::type_new(
        vm,
        &vm.types.type_,
        &[
            vm.new_str(name),
            vm.new_tuple(vec![vm.types.tuple.clone_object()])
                .into_object(),
            ns.into_object(),
        ],
        None,
    )?;
    let ty = t
        .clone()
        .downcast::<crate::object::PyType>()
        .map_err(|_| vm.new_type_error("structseq"))?;
    vm.add_methods(
        &ty,
        &[
            MethodDef::method("__getattr__", structseq_getattr),
            MethodDef::method("__repr__", structseq_repr),
        ],
    );
    crate::objects::slotdefs::fixup_slots(vm, &ty);
    crate::objects::slotdefs::install_getattr_hook(&ty);
    crate::ops::call(vm, &t, &[vm.new_tuple(values).into_object()], None)
}
