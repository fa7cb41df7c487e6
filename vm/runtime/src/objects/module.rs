//! Module objects.

use crate::object::alloc::{alloc, drop_payload};
use crate::object::typeobj::LayoutOps;
use crate::object::{PyObject, PyRef};
use crate::objects::dict::PyDict;
use crate::vm::Vm;

#[repr(C)]
pub struct PyModule {
    pub ob: PyObject,
    pub dict: PyRef<PyDict>,
}
crate::payload!(PyModule, Module);

pub const MODULE_LAYOUT_OPS: LayoutOps = LayoutOps::fixed(drop_payload::<PyModule>);

impl Vm {
    /// A module named `name` with a fresh dict holding `__name__`, `__doc__`, `__package__`,
    /// `__loader__`, `__spec__`.
    pub fn new_module(&self, name: &str, dict: Option<PyRef<PyDict>>) -> PyRef<PyModule> {
        let dict = dict.unwrap_or_else(|| self.new_dict());
        dict.set_str(self.names.__name__.clone(), self.intern(name).into_object());
        dict.set_str(self.names.__doc__.clone(), self.none());
        dict.set_str(self.names.__package__.clone(), self.none());
        dict.set_str(self.names.__loader__.clone(), self.none());
        dict.set_str(self.names.__spec__.clone(), self.none());
        alloc(
            &self.types.module,
            PyModule {
                ob: crate::object::header(),
                dict,
            },
        )
    }
}

fn module_name(vm: &Vm, m: &PyModule) -> Option<String> {
    m.dict
        .get_str(&vm.names.__name__)
        .and_then(|n| n.downcast::<crate::objects::str::PyStr>().ok())
        .map(|n| n.to_string_lossy())
}

fn module_getattro(
    vm: &Vm,
    o: &PyObject,
    name: &PyRef<crate::objects::str::PyStr>,
) -> crate::error::PyResult {
    let Some(m) = o.downcast_ref::<PyModule>() else {
        return Err(vm.new_type_error("module expected"));
    };
    if let Some(v) = crate::ops::attr::generic_getattr_opt(vm, o, name, Some(m.dict.clone()))? {
        return Ok(v);
    }
    if let Some(g) = m.dict.get_str(&vm.names.__getattr__) {
        return crate::ops::call(vm, &g, &[name.clone_object()], None);
    }
    let e = match module_name(vm, m) {
        Some(n) => vm.new_attribute_error(format!("module '{}' has no attribute '{}'", n, name)),
        None => vm.new_attribute_error(format!("module has no attribute '{}'", name)),
    };
    e.exc().set_extra("name", name.clone_object());
    e.exc().set_extra("obj", o.to_owned());
    Err(e)
}

fn module_setattro(
    vm: &Vm,
    o: &PyObject,
    name: &PyRef<crate::objects::str::PyStr>,
    v: crate::object::Slot,
) -> crate::error::PyResult<()> {
    let Some(m) = o.downcast_ref::<PyModule>() else {
        return Err(vm.new_type_error("module expected"));
    };
    if let Some(d) = o.type_().lookup(name) {
        if let Some(f) = d.type_().slots().descr_set {
            return f(vm, &d, o, v);
        }
    }
    match v {
        Some(v) => {
            m.dict.set_str(name.clone(), v);
            Ok(())
        }
        None => match m.dict.pop_str(name) {
            Some(_) => Ok(()),
            None => Err(vm.new_attribute_error(format!(
                "module '{}' has no attribute '{}'",
                module_name(vm, m).unwrap_or_default(),
                name
            ))),
        },
    }
}

fn module_repr(vm: &Vm, o: &PyObject) -> crate::error::PyResult {
    let Some(m) = o.downcast_ref::<PyModule>() else {
        return Err(vm.new_type_error("module expected"));
    };
    let n = module_name(vm, m).unwrap_or_else(|| "?".into());
    let s = match m.dict.get_str(&vm.intern("__file__")) {
        Some(f) if !vm.is_none(&f) => format!(
            "<module '{}' from '{}'>",
            n,
            crate::ops::str_string(vm, &f)?
        ),
        _ if n == "sys" || n == "builtins" || n == "gc" || n == "math" || n == "time" => {
            format!("<module '{}' (built-in)>", n)
        }
        _ => format!("<module '{}'>", n),
    };
    Ok(vm.new_str(&s))
}

fn module_dict(vm: &Vm, o: &PyObject) -> crate::error::PyResult {
    o.downcast_ref::<PyModule>()
        .map(|m| m.dict.clone_object())
        .ok_or_else(|| vm.new_type_error("module expected"))
}

fn module_dir(
    vm: &Vm,
    a: &[PyRef],
    _k: Option<&crate::objects::tuple::PyTuple>,
) -> crate::error::PyResult {
    let m = a
        .first()
        .and_then(|m| m.downcast_ref::<PyModule>())
        .ok_or_else(|| vm.new_type_error("module expected"))?;
    // module_dir: a module-level __dir__ (PEP 562) answers instead of the dict's keys.
    if let Some(f) = m.dict.get_str(&vm.intern("__dir__")) {
        return crate::ops::call(vm, &f, &[], None);
    }
    Ok(vm.new_list(m.dict.keys()).into_object())
}

fn module_new(
    vm: &Vm,
    t: &PyRef<crate::object::PyType>,
    a: &[PyRef],
    _k: Option<&crate::objects::tuple::PyTuple>,
) -> crate::error::PyResult {
    let name = a.first().cloned().unwrap_or_else(|| vm.new_str("?"));
    let d = vm.new_dict();
    d.set_str(vm.names.__name__.clone(), name);
    d.set_str(
        vm.names.__doc__.clone(),
        a.get(1).cloned().unwrap_or_else(|| vm.none()),
    );
    Ok(alloc(
        t,
        PyModule {
            ob: crate::object::header(),
            dict: d,
        },
    )
    .into_object())
}

pub fn init(vm: &Vm) {
    let t = &vm.types.module;
    t.update_slots(|s| {
        s.getattro = Some(module_getattro);
        s.setattro = Some(module_setattro);
        s.repr = Some(module_repr);
        s.new = Some(module_new);
    });
    vm.add_getset(t, "__dict__", module_dict, None);
    vm.add_methods(
        t,
        &[crate::objects::descr::MethodDef::method(
            "__dir__", module_dir,
        )],
    );
}
