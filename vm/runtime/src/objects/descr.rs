//! Descriptors and native callables: builtin functions/methods (`PyCFunction`,
//! `method_descriptor`, `wrapper_descriptor`), member and getset descriptors, `property`,
//! `classmethod`/`staticmethod` and `super` storage.

use crate::error::PyResult;
use crate::object::alloc::{alloc, drop_payload};
use crate::object::typeobj::LayoutOps;
use crate::object::{PyObject, PyRef, PyType, Slot};
use crate::objects::function::Field;
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;

/// A native function: vectorcall arguments (for methods `args[0]` is self).
pub type NativeFn = fn(&Vm, &[PyRef], Option<&PyTuple>) -> PyResult;
/// A slot wrapper: like `NativeFn` but told which type's slot to call.
pub type WrapperFn = fn(&Vm, &PyType, &[PyRef], Option<&PyTuple>) -> PyResult;
pub type GetterFn = fn(&Vm, &PyObject) -> PyResult;
pub type SetterFn = fn(&Vm, &PyObject, Slot) -> PyResult<()>;

/// How a native method binds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MethodKind {
    /// An instance method: `args[0]` is self.
    Method,
    /// `classmethod`: `args[0]` is the class.
    Class,
    /// `staticmethod`: no implicit argument.
    Static,
}

/// One native method of a type or function of a module.
#[derive(Clone, Copy)]
pub struct MethodDef {
    pub name: &'static str,
    pub func: NativeFn,
    pub kind: MethodKind,
    pub doc: Option<&'static str>,
}

impl MethodDef {
    pub const fn method(name: &'static str, func: NativeFn) -> Self {
        MethodDef {
            name,
            func,
            kind: MethodKind::Method,
            doc: None,
        }
    }
    pub const fn class(name: &'static str, func: NativeFn) -> Self {
        MethodDef {
            name,
            func,
            kind: MethodKind::Class,
            doc: None,
        }
    }
    pub const fn static_(name: &'static str, func: NativeFn) -> Self {
        MethodDef {
            name,
            func,
            kind: MethodKind::Static,
            doc: None,
        }
    }
}

/// A native callable: builtin function, bound builtin method, or method descriptor.
#[repr(C)]
pub struct PyBuiltinFunction {
    pub ob: PyObject,
    pub name: &'static str,
    pub func: NativeFn,
    /// Bound `self` (prepended to the arguments), for bound builtin methods.
    pub self_: Slot,
    /// For descriptors: the type whose instances it applies to.
    pub owner: Option<PyRef<PyType>>,
    /// `__module__` for module functions.
    pub module: Slot,
    pub kind: MethodKind,
    pub doc: Option<&'static str>,
    /// For slot wrappers: the generic wrapper (called with `owner`).
    pub wrapper: Option<WrapperFn>,
}
crate::payload!(PyBuiltinFunction, BuiltinFunction);

pub const BUILTIN_LAYOUT_OPS: LayoutOps = LayoutOps::fixed(drop_payload::<PyBuiltinFunction>);

#[repr(C)]
pub struct PyMemberDescr {
    pub ob: PyObject,
    pub name: PyRef<crate::objects::str::PyStr>,
    pub owner: PyRef<PyType>,
    /// Index of the extra word (`__slots__` member).
    pub index: usize,
}
crate::payload!(PyMemberDescr, MemberDescr);
pub const MEMBER_LAYOUT_OPS: LayoutOps = LayoutOps::fixed(drop_payload::<PyMemberDescr>);

#[repr(C)]
pub struct PyGetSetDescr {
    pub ob: PyObject,
    pub name: &'static str,
    pub owner: PyRef<PyType>,
    pub get: GetterFn,
    pub set: Option<SetterFn>,
}
crate::payload!(PyGetSetDescr, GetSetDescr);
pub const GETSET_LAYOUT_OPS: LayoutOps = LayoutOps::fixed(drop_payload::<PyGetSetDescr>);

#[repr(C)]
pub struct PyProperty {
    pub ob: PyObject,
    pub fget: Field<Slot>,
    pub fset: Field<Slot>,
    pub fdel: Field<Slot>,
    pub doc: Field<Slot>,
    pub name: Field<Slot>,
}
crate::payload!(PyProperty, Property);
pub const PROPERTY_LAYOUT_OPS: LayoutOps = LayoutOps::fixed(drop_payload::<PyProperty>);

/// `classmethod` / `staticmethod`.
#[repr(C)]
pub struct PyClassMethod {
    pub ob: PyObject,
    pub callable: Field<Slot>,
}
crate::payload!(PyClassMethod, ClassMethod);
pub const CLASSMETHOD_LAYOUT_OPS: LayoutOps = LayoutOps::fixed(drop_payload::<PyClassMethod>);

// staticmethod shares the struct but needs its own layout tag for downcasts.
#[repr(C)]
pub struct PyStaticMethod {
    pub ob: PyObject,
    pub callable: Field<Slot>,
}
crate::payload!(PyStaticMethod, StaticMethod);

#[repr(C)]
pub struct PySuper {
    pub ob: PyObject,
    pub type_: Field<Slot>,
    pub obj: Field<Slot>,
    pub obj_type: Field<Slot>,
}
crate::payload!(PySuper, Super);
pub const SUPER_LAYOUT_OPS: LayoutOps = LayoutOps::fixed(drop_payload::<PySuper>);

impl Vm {
    /// A module-level builtin function.
    pub fn new_builtin_function(&self, def: &MethodDef, module: Slot) -> PyRef {
        alloc(
            &self.types.builtin_function,
            PyBuiltinFunction {
                ob: crate::object::header(),
                name: def.name,
                func: def.func,
                self_: None,
                owner: None,
                module,
                kind: MethodKind::Static,
                doc: def.doc,
                wrapper: None,
            },
        )
        .into_object()
    }
    /// A method descriptor for `owner`.
    pub fn new_method_descriptor(&self, def: &MethodDef, owner: &PyRef<PyType>) -> PyRef {
        let t = match def.kind {
            MethodKind::Method => &self.types.method_descriptor,
            MethodKind::Class => &self.types.classmethod_descriptor,
            MethodKind::Static => &self.types.builtin_function,
        };
        alloc(
            t,
            PyBuiltinFunction {
                ob: crate::object::header(),
                name: def.name,
                func: def.func,
                self_: None,
                owner: Some(owner.clone()),
                module: None,
                kind: def.kind,
                doc: def.doc,
                wrapper: None,
            },
        )
        .into_object()
    }
    /// A slot wrapper (`wrapper_descriptor`) for `owner`.
    pub fn new_wrapper_descriptor(
        &self,
        name: &'static str,
        wrapper: WrapperFn,
        owner: &PyRef<PyType>,
    ) -> PyRef {
        alloc(
            &self.types.wrapper_descriptor,
            PyBuiltinFunction {
                ob: crate::object::header(),
                name,
                func: unreachable_native,
                self_: None,
                owner: Some(owner.clone()),
                module: None,
                kind: MethodKind::Method,
                doc: None,
                wrapper: Some(wrapper),
            },
        )
        .into_object()
    }
    /// A builtin method bound to `self_` (`[].append`).
    pub fn new_bound_builtin(&self, d: &PyBuiltinFunction, self_: PyRef) -> PyRef {
        let t = if d.as_object().is_type(&self.types.wrapper_descriptor) {
            &self.types.method_wrapper
        } else {
            &self.types.builtin_function
        };
        alloc(
            t,
            PyBuiltinFunction {
                ob: crate::object::header(),
                name: d.name,
                func: d.func,
                self_: Some(self_),
                owner: d.owner.clone(),
                module: None,
                kind: MethodKind::Method,
                doc: d.doc,
                wrapper: d.wrapper,
            },
        )
        .into_object()
    }
    pub fn new_getset(
        &self,
        name: &'static str,
        owner: &PyRef<PyType>,
        get: GetterFn,
        set: Option<SetterFn>,
    ) -> PyRef {
        alloc(
            &self.types.getset_descriptor,
            PyGetSetDescr {
                ob: crate::object::header(),
                name,
                owner: owner.clone(),
                get,
                set,
            },
        )
        .into_object()
    }
    pub fn new_member(
        &self,
        name: PyRef<crate::objects::str::PyStr>,
        owner: &PyRef<PyType>,
        index: usize,
    ) -> PyRef {
        alloc(
            &self.types.member_descriptor,
            PyMemberDescr {
                ob: crate::object::header(),
                name,
                owner: owner.clone(),
                index,
            },
        )
        .into_object()
    }
    pub fn new_property(&self, t: &PyType, fget: Slot, fset: Slot, fdel: Slot, doc: Slot) -> PyRef {
        alloc(
            t,
            PyProperty {
                ob: crate::object::header(),
                fget: Field::new(fget),
                fset: Field::new(fset),
                fdel: Field::new(fdel),
                doc: Field::new(doc),
                name: Field::new(None),
            },
        )
        .into_object()
    }
    pub fn new_classmethod(&self, t: &PyType, f: PyRef) -> PyRef {
        alloc(
            t,
            PyClassMethod {
                ob: crate::object::header(),
                callable: Field::new(Some(f)),
            },
        )
        .into_object()
    }
    pub fn new_staticmethod(&self, t: &PyType, f: PyRef) -> PyRef {
        alloc(
            t,
            PyStaticMethod {
                ob: crate::object::header(),
                callable: Field::new(Some(f)),
            },
        )
        .into_object()
    }
}

fn unreachable_native(vm: &Vm, _: &[PyRef], _: Option<&PyTuple>) -> PyResult {
    Err(vm.new_system_error("slot wrapper called without its owner"))
}
