//! `super`: construction (explicit and zero-argument forms), attribute lookup along the
//! MRO after the given class, and its repr (`Objects/typeobject.c` `super_*`).

use crate::error::PyResult;
use crate::object::{PyObject, PyRef, PyType, Slot};
use crate::objects::descr::*;
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;

/// `super(t, obj)`.
pub fn new_super(vm: &Vm, t: &PyRef, obj: &PyRef) -> PyResult {
    let s = crate::object::alloc::alloc(
        &vm.types.super_,
        PySuper {
            ob: crate::object::header(),
            type_: crate::objects::function::Field::new(None),
            obj: crate::objects::function::Field::new(None),
            obj_type: crate::objects::function::Field::new(None),
        },
    );
    super_setup(vm, &s, t.clone(), Some(obj.clone()))?;
    Ok(s.into_object())
}

pub(super) fn super_check(vm: &Vm, t: &PyType, obj: &PyRef) -> PyResult<PyRef> {
    if let Some(ot) = obj.downcast_ref::<PyType>() {
        if ot.is_subtype(t) {
            return Ok(obj.clone());
        }
    }
    if obj.type_().is_subtype(t) {
        return Ok(obj.type_().as_type_ref().into_object());
    }
    Err(vm.new_type_error("super(type, obj): obj must be an instance or subtype of type"))
}

pub(super) fn super_setup(vm: &Vm, s: &PySuper, t: PyRef, obj: Slot) -> PyResult<()> {
    let Some(tt) = t.downcast_ref::<PyType>() else {
        return Err(vm.new_type_error(format!(
            "super() argument 1 must be a type, not {}",
            t.type_().name_str()
        )));
    };
    let obj = obj.filter(|o| !vm.is_none(o));
    let ot = match &obj {
        Some(o) => Some(super_check(vm, tt, o)?),
        None => None,
    };
    s.type_.set(Some(t.clone()));
    s.obj.set(obj);
    s.obj_type.set(ot);
    Ok(())
}

pub(super) fn super_init(
    vm: &Vm,
    o: &PyObject,
    args: &[PyRef],
    kw: Option<&PyTuple>,
) -> PyResult<()> {
    let Some(s) = o.downcast_ref::<PySuper>() else {
        return Err(vm.new_type_error("bad super"));
    };
    if kw.is_some_and(|k| !k.is_empty()) {
        return Err(vm.new_type_error("super() takes no keyword arguments"));
    }
    match args.len() {
        0 => {
            // Zero-argument form: the calling frame's first argument and __class__ cell.
            let fp = vm.ts.frame.get();
            if fp.is_null() {
                return Err(vm.new_runtime_error("super(): no current frame"));
            }
            // SAFETY: the current frame is alive while this call runs.
            let f = unsafe { &*fp };
            let Some(code) = &f.code else {
                return Err(vm.new_runtime_error("super(): no code object"));
            };
            if code.argcount == 0 {
                return Err(vm.new_runtime_error("super(): no arguments"));
            }
            let mut first = f.fast.first().cloned().flatten();
            if let Some(fst) = &first {
                if code.localspluskinds.first().is_some_and(|k| k & 0x40 != 0) {
                    if let Some(c) = fst.downcast_ref::<crate::objects::function::PyCell>() {
                        first = c.contents.get();
                    }
                }
            }
            let Some(first) = first else {
                return Err(vm.new_runtime_error("super(): arg[0] deleted"));
            };
            let nfree_start = code.nlocalsplus - code.nfree;
            let mut cls = None;
            for i in nfree_start..code.nlocalsplus {
                if code.localsplusnames[i].as_bytes() == b"__class__" {
                    let cell = f.fast.get(i).cloned().flatten();
                    let Some(c) = cell
                        .as_ref()
                        .and_then(|c| c.downcast_ref::<crate::objects::function::PyCell>())
                    else {
                        return Err(vm.new_runtime_error("super(): bad __class__ cell"));
                    };
                    match c.contents.get() {
                        Some(v) => cls = Some(v),
                        None => return Err(vm.new_runtime_error("super(): empty __class__ cell")),
                    }
                }
            }
            let Some(cls) = cls else {
                return Err(vm.new_runtime_error("super(): __class__ cell not found"));
            };
            if cls.downcast_ref::<PyType>().is_none() {
                return Err(vm.new_runtime_error(format!(
                    "super(): __class__ is not a type ({})",
                    cls.type_().name_str()
                )));
            }
            super_setup(vm, s, cls, Some(first))
        }
        1 => super_setup(vm, s, args[0].clone(), None),
        2 => super_setup(vm, s, args[0].clone(), Some(args[1].clone())),
        n => Err(vm.new_type_error(format!("super() takes at most 2 arguments ({} given)", n))),
    }
}

pub(super) fn super_new(
    vm: &Vm,
    t: &PyRef<PyType>,
    _a: &[PyRef],
    _k: Option<&PyTuple>,
) -> PyResult {
    let _ = vm;
    Ok(crate::object::alloc::alloc(
        t,
        PySuper {
            ob: crate::object::header(),
            type_: crate::objects::function::Field::new(None),
            obj: crate::objects::function::Field::new(None),
            obj_type: crate::objects::function::Field::new(None),
        },
    )
    .into_object())
}

pub(super) fn super_getattro(vm: &Vm, o: &PyObject, name: &PyRef<PyStr>) -> PyResult {
    let Some(s) = o.downcast_ref::<PySuper>() else {
        return Err(vm.new_type_error("bad super"));
    };
    let starttype = s.obj_type.get();
    if let (Some(st), false) = (starttype, name.as_bytes() == b"__class__") {
        if let (Some(stt), Some(ty)) = (st.downcast_ref::<PyType>(), s.type_.get()) {
            if let Some(mro) = stt.mro() {
                let items = mro.as_slice();
                let mut i = 0;
                while i < items.len() && !items[i].is(&ty) {
                    i += 1;
                }
                i += 1;
                for t in items.iter().skip(i) {
                    let Some(t) = t.downcast_ref::<PyType>() else {
                        continue;
                    };
                    if let Some(res) = t.dict.get_str(name) {
                        if let Some(g) = res.type_().slots().descr_get {
                            let obj = s.obj.get();
                            let objr = obj.as_ref().filter(|x| !x.is(&st)).map(|x| &**x);
                            return g(vm, &res, objr, Some(&st));
                        }
                        return Ok(res);
                    }
                }
            }
        }
    }
    crate::ops::attr::generic_getattr(vm, o, name)
}

pub(super) fn super_repr(vm: &Vm, o: &PyObject) -> PyResult {
    let Some(s) = o.downcast_ref::<PySuper>() else {
        return Err(vm.new_type_error("bad super"));
    };
    let tn = s
        .type_
        .get()
        .and_then(|t| t.downcast_ref::<PyType>().map(|t| t.name_str()))
        .unwrap_or_else(|| "NULL".into());
    Ok(vm.new_str(&match s.obj_type.get() {
        Some(ot) => format!(
            "<super: <class '{}'>, <{} object>>",
            tn,
            ot.downcast_ref::<PyType>()
                .map(|t| t.name_str())
                .unwrap_or_default()
        ),
        None => format!("<super: <class '{}'>, NULL>", tn),
    }))
}
