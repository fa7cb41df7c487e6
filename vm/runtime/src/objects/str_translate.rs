//! `str.maketrans` and `str.translate`: translation tables as dicts of code points.

use crate::argparse;
use crate::error::PyResult;
use crate::object::PyRef;
use crate::objects::str::PyStr;
use crate::objects::str_methods::{s, this};
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;

pub(super) fn maketrans(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let d = vm.new_dict();
    match a.len() {
        1 => {
            let src = a[0]
                .downcast_ref::<crate::objects::dict::PyDict>()
                .ok_or_else(|| {
                    vm.new_type_error(
                        "if you give only one argument to maketrans it must be a dict",
                    )
                })?;
            for (kk, v) in src.items() {
                let key = match kk.downcast_ref::<PyStr>() {
                    Some(s) if s.char_len() == 1 => vm.new_int(i64::from(s.code_point_at(0))),
                    Some(_) => {
                        return Err(vm.new_value_error(
                            "string keys in translate table must be of length 1",
                        ));
                    }
                    None => kk.clone(),
                };
                d.set_item(vm, key, v)?;
            }
        }
        2 | 3 => {
            let x: Vec<u32> = s(vm, &a[0])?.code_points().collect();
            let y: Vec<u32> = s(vm, &a[1])?.code_points().collect();
            if x.len() != y.len() {
                return Err(
                    vm.new_value_error("the first two maketrans arguments must have equal length")
                );
            }
            for (p, q) in x.iter().zip(&y) {
                d.set_item(vm, vm.new_int(i64::from(*p)), vm.new_int(i64::from(*q)))?;
            }
            if let Some(z) = a.get(2) {
                for c in s(vm, z)?.code_points() {
                    d.set_item(vm, vm.new_int(i64::from(c)), vm.none())?;
                }
            }
        }
        _ => return Err(vm.new_type_error("maketrans() takes at most 3 arguments")),
    }
    Ok(d.into_object())
}
pub(super) fn translate(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "translate", &a[1..], k, 1)?;
    let st = this(vm, a)?;
    let mut out = refvm_common::PyStr::new();
    for c in st.code_points() {
        match crate::ops::getitem(vm, &a[1], &vm.new_int(i64::from(c))) {
            Ok(v) => {
                if vm.is_none(&v) {
                    continue;
                }
                if let Some(i) = crate::objects::int::int_value(&v) {
                    out.push(i.as_i64().unwrap_or(0) as u32);
                } else if let Some(x) = v.downcast_ref::<PyStr>() {
                    out.push_pystr(&x.to_pystr());
                } else {
                    return Err(
                        vm.new_type_error("character mapping must return integer, None or str")
                    );
                }
            }
            Err(e) if e.matches(&vm.exc.lookup_error) => {
                out.push(c);
            }
            Err(e) => return Err(e),
        }
    }
    Ok(vm.new_str_from_pystr(&out).into_object())
}
