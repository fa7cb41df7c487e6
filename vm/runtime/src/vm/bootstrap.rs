//! Start-up: creates the builtin type objects (in two phases, since `type`, `str`, `dict`
//! and `tuple` need each other), the singletons and caches, then lets every object and
//! module file install its slots and methods (`objects::init_types`).

use super::{ExcTypes, Limits, Names, Types, Vm};
use crate::object::alloc::{alloc, drop_nothing};
use crate::object::gc::{GC_HEAD_SIZE, GcHead, Generation};
use crate::object::typeobj::{Layout, LayoutOps, Slots};
use crate::object::{PyObject, PyRef, PyType, TypeFlags};
use crate::objects::dict::new_dict_of_type;
use crate::objects::str::PyStr;
use crate::objects::tuple::new_tuple_of_type;
use std::cell::{Cell, RefCell, UnsafeCell};
use std::collections::HashMap;
use std::ptr::addr_of_mut;

/// Static description of a builtin type.
pub struct TypeDef {
    pub name: &'static str,
    pub layout: Layout,
    pub size: usize,
    pub ops: LayoutOps,
    pub flags: TypeFlags,
    /// Instances carry a `__dict__` word.
    pub dict: bool,
    /// `__module__` (the part of CPython's dotted `tp_name` before the type's name).
    pub module: &'static str,
}

impl TypeDef {
    pub const fn new(name: &'static str, layout: Layout, size: usize, ops: LayoutOps) -> Self {
        TypeDef {
            name,
            layout,
            size,
            ops,
            flags: TypeFlags(0),
            dict: false,
            module: "builtins",
        }
    }
    pub const fn module(mut self, m: &'static str) -> Self {
        self.module = m;
        self
    }
    pub const fn flags(mut self, f: TypeFlags) -> Self {
        self.flags = f;
        self
    }
    pub const fn with_dict(mut self) -> Self {
        self.dict = true;
        self
    }
}

/// Allocates a type object whose `name`, `qualname`, `bases`, `mro` and `dict` fields are
/// left zeroed for `fill_type`.
unsafe fn raw_type(def: &TypeDef, base: Option<&PyRef<PyType>>) -> *mut PyType {
    unsafe {
        // Freed by `release::release` with the same layout.
        let layout = super::release::type_block_layout();
        let raw = std::alloc::alloc_zeroed(layout);
        if raw.is_null() {
            std::alloc::handle_alloc_error(layout);
        }
        crate::object::alloc::account(layout.size() as isize);
        let g = raw as *mut GcHead;
        g.write(GcHead {
            next: Cell::new(std::ptr::null_mut()),
            prev: Cell::new(0),
        });
        let t = raw.add(GC_HEAD_SIZE) as *mut PyType;
        addr_of_mut!((*t).ob).write(PyObject {
            ob_refcnt: Cell::new(1),
            ob_type: Cell::new(std::ptr::null()),
        });
        let mut flags = def.flags | TypeFlags::READY | TypeFlags::IMMUTABLE;
        let (base_size, dict_word, extra) = match base {
            Some(b) if def.size <= b.base_size && def.layout == b.layout => {
                // same layout as the base: inherit its extras
                flags = flags.union(TypeFlags(b.flags().0 & inherited_flag_bits()));
                (b.base_size, b.dict_word, b.extra_words)
            }
            Some(b) => {
                flags = flags.union(TypeFlags(b.flags().0 & inherited_flag_bits()));
                (
                    def.size,
                    if def.dict { Some(0) } else { None },
                    usize::from(def.dict),
                )
            }
            None => (
                def.size,
                if def.dict { Some(0) } else { None },
                usize::from(def.dict),
            ),
        };
        addr_of_mut!((*t).flags).write(Cell::new(flags));
        addr_of_mut!((*t).layout).write(def.layout);
        addr_of_mut!((*t).layout_ops).write(def.ops);
        addr_of_mut!((*t).base_size).write(base_size);
        addr_of_mut!((*t).extra_words).write(extra);
        addr_of_mut!((*t).dict_word).write(dict_word);
        addr_of_mut!((*t).base).write(base.cloned());
        addr_of_mut!((*t).mro).write(UnsafeCell::new(None));
        addr_of_mut!((*t).slots).write(UnsafeCell::new(Slots::default()));
        addr_of_mut!((*t).module_name).write(def.module);
        t
    }
}

fn inherited_flag_bits() -> u64 {
    TypeFlags::LONG_SUBCLASS.0
        | TypeFlags::LIST_SUBCLASS.0
        | TypeFlags::TUPLE_SUBCLASS.0
        | TypeFlags::BYTES_SUBCLASS.0
        | TypeFlags::UNICODE_SUBCLASS.0
        | TypeFlags::DICT_SUBCLASS.0
        | TypeFlags::BASE_EXC_SUBCLASS.0
        | TypeFlags::TYPE_SUBCLASS.0
        | TypeFlags::HAVE_GC.0
        | TypeFlags::SEQUENCE.0
        | TypeFlags::MAPPING.0
        | TypeFlags::MATCH_SELF.0
}

/// Fills the reference fields of a raw type.
unsafe fn fill_type(
    t: *mut PyType,
    name: PyRef<PyStr>,
    dict: PyRef<crate::objects::dict::PyDict>,
    bases: PyRef<crate::objects::tuple::PyTuple>,
) {
    unsafe {
        addr_of_mut!((*t).name).write(UnsafeCell::new(name.clone()));
        addr_of_mut!((*t).qualname).write(UnsafeCell::new(name));
        addr_of_mut!((*t).dict).write(dict);
        addr_of_mut!((*t).bases).write(UnsafeCell::new(bases));
    }
}

/// Creates a str with only the str type's plain fields (bootstrap).
fn boot_str(vm_str: &PyType, s: &str) -> PyRef<PyStr> {
    crate::objects::str::alloc_str_with_type(vm_str, s.as_bytes())
}

struct Boot {
    type_: *mut PyType,
    str_: *mut PyType,
    dict: *mut PyType,
    tuple: *mut PyType,
}

impl Boot {
    unsafe fn make(&self, def: &TypeDef, base: Option<&PyRef<PyType>>) -> PyRef<PyType> {
        unsafe {
            let t = raw_type(def, base);
            (*t).ob.ob_type.set(self.type_);
            self.finish(t, def.name, base);
            PyRef::from_raw(t as *mut PyObject)
        }
    }
    unsafe fn finish(&self, t: *mut PyType, name: &str, base: Option<&PyRef<PyType>>) {
        unsafe {
            let n = boot_str(&*self.str_, name);
            let d = new_dict_of_type(&*self.dict);
            let bases = match base {
                Some(b) => new_tuple_of_type(&*self.tuple, vec![b.clone().into_object()]),
                None => new_tuple_of_type(&*self.tuple, vec![]),
            };
            fill_type(t, n, d, bases);
        }
    }
}

macro_rules! tdef {
    ($name:literal, $layout:ident, $t:ty, $ops:expr) => {
        TypeDef::new($name, Layout::$layout, std::mem::size_of::<$t>(), $ops)
    };
}

impl Vm {
    /// Creates a VM with every builtin type, module and singleton ready.
    pub fn new(config: &crate::RunConfig) -> Box<Vm> {
        // Lookups cached by an earlier VM on this thread must not survive into this one.
        crate::object::typeobj::type_modified();
        use crate::objects as o;
        use TypeFlags as F;
        let gc = F::HAVE_GC;
        let base_t = F::BASETYPE;
        // Phase 1: the four mutually dependent types.
        let object_def = TypeDef::new(
            "object",
            Layout::Object,
            std::mem::size_of::<PyObject>(),
            LayoutOps::fixed(drop_nothing),
        )
        .flags(base_t);
        let type_def = tdef!(
            "type",
            Type,
            PyType,
            LayoutOps::fixed(crate::object::alloc::drop_payload::<PyType>)
        )
        .flags(F(base_t.0 | gc.0 | F::TYPE_SUBCLASS.0));
        // A str's bytes start right after its last field, not after the struct's padding
        // (as CPython's compact ASCII data follows its 40-byte header): "abcd" takes 48
        // bytes, not 56.
        let str_def = TypeDef::new(
            "str",
            Layout::Str,
            o::str::STR_BASE_SIZE,
            o::str::STR_LAYOUT_OPS,
        )
        .flags(F(base_t.0 | F::UNICODE_SUBCLASS.0 | F::MATCH_SELF.0));
        let dict_def =
            tdef!("dict", Dict, o::dict::PyDict, o::dict::DICT_LAYOUT_OPS).flags(F(base_t.0
                | gc.0
                | F::DICT_SUBCLASS.0
                | F::MAPPING.0
                | F::MATCH_SELF.0));
        let tuple_def = tdef!(
            "tuple",
            Tuple,
            o::tuple::PyTuple,
            o::tuple::TUPLE_LAYOUT_OPS
        )
        .flags(F(base_t.0
            | gc.0
            | F::TUPLE_SUBCLASS.0
            | F::SEQUENCE.0
            | F::MATCH_SELF.0));
        // SAFETY: bootstrap order: raw types first, then their reference fields.
        let (object, type_, str_, dict, tuple, boot) = unsafe {
            let object = raw_type(&object_def, None);
            let object_ref: PyRef<PyType> = PyRef::from_raw(object as *mut PyObject);
            let type_ = raw_type(&type_def, Some(&object_ref));
            let str_ = raw_type(&str_def, Some(&object_ref));
            let dict = raw_type(&dict_def, Some(&object_ref));
            let tuple = raw_type(&tuple_def, Some(&object_ref));
            for t in [object, type_, str_, dict, tuple] {
                (*t).ob.ob_type.set(type_);
            }
            let boot = Boot {
                type_,
                str_,
                dict,
                tuple,
            };
            boot.finish(object, "object", None);
            for (t, n) in [
                (type_, "type"),
                (str_, "str"),
                (dict, "dict"),
                (tuple, "tuple"),
            ] {
                boot.finish(t, n, Some(&object_ref));
            }
            (
                object_ref,
                PyRef::<PyType>::from_raw(type_ as *mut PyObject),
                PyRef::<PyType>::from_raw(str_ as *mut PyObject),
                PyRef::<PyType>::from_raw(dict as *mut PyObject),
                PyRef::<PyType>::from_raw(tuple as *mut PyObject),
                boot,
            )
        };
        // SAFETY: boot's pointers are live (held by the refs above).
        let mk = |def: TypeDef, base: &PyRef<PyType>| unsafe { boot.make(&def, Some(base)) };
        let int = mk(
            tdef!("int", Int, o::int::PyInt, o::int::INT_LAYOUT_OPS)
                .flags(F(base_t.0 | F::LONG_SUBCLASS.0 | F::MATCH_SELF.0)),
            &object,
        );
        let bool_ = mk(
            tdef!("bool", Int, o::int::PyInt, o::int::INT_LAYOUT_OPS),
            &int,
        );
        let float = mk(
            tdef!(
                "float",
                Float,
                o::float::PyFloat,
                o::float::FLOAT_LAYOUT_OPS
            )
            .flags(F(base_t.0 | F::MATCH_SELF.0)),
            &object,
        );
        let complex = mk(
            tdef!(
                "complex",
                Complex,
                o::complex::PyComplex,
                o::complex::COMPLEX_LAYOUT_OPS
            )
            .flags(base_t),
            &object,
        );
        let bytes = mk(
            tdef!(
                "bytes",
                Bytes,
                o::bytes::PyBytes,
                o::bytes::BYTES_LAYOUT_OPS
            )
            .flags(F(base_t.0 | F::BYTES_SUBCLASS.0 | F::MATCH_SELF.0)),
            &object,
        );
        let bytearray = mk(
            tdef!(
                "bytearray",
                ByteArray,
                o::bytes::PyByteArray,
                o::bytes::BYTEARRAY_LAYOUT_OPS
            )
            .flags(F(base_t.0 | F::MATCH_SELF.0)),
            &object,
        );
        let list = mk(
            tdef!("list", List, o::list::PyList, o::list::LIST_LAYOUT_OPS).flags(F(base_t.0
                | gc.0
                | F::LIST_SUBCLASS.0
                | F::SEQUENCE.0
                | F::MATCH_SELF.0)),
            &object,
        );
        let set = mk(
            tdef!("set", Set, o::set::PySet, o::set::SET_LAYOUT_OPS)
                .flags(F(base_t.0 | gc.0 | F::MATCH_SELF.0)),
            &object,
        );
        let frozenset = mk(
            tdef!("frozenset", Set, o::set::PySet, o::set::SET_LAYOUT_OPS)
                .flags(F(base_t.0 | gc.0 | F::MATCH_SELF.0)),
            &object,
        );
        let range = mk(
            tdef!(
                "range",
                Range,
                o::range::PyRange,
                o::range::RANGE_LAYOUT_OPS
            )
            .flags(F::SEQUENCE),
            &object,
        );
        let slice = mk(
            tdef!(
                "slice",
                Slice,
                o::slice::PySlice,
                o::slice::SLICE_LAYOUT_OPS
            ),
            &object,
        );
        let plain = |name: &'static str| {
            TypeDef::new(
                name,
                Layout::Object,
                std::mem::size_of::<PyObject>(),
                LayoutOps::fixed(drop_nothing),
            )
        };
        let none_type = mk(plain("NoneType"), &object);
        let not_implemented_type = mk(plain("NotImplementedType"), &object);
        let ellipsis_type = mk(plain("ellipsis"), &object);
        let function = mk(
            tdef!(
                "function",
                Function,
                o::function::PyFunction,
                o::function::FUNCTION_LAYOUT_OPS
            )
            .flags(F(gc.0 | F::METHOD_DESCRIPTOR.0))
            .with_dict(),
            &object,
        );
        let bf_ops = o::descr::BUILTIN_LAYOUT_OPS;
        let builtin_function = mk(
            tdef!(
                "builtin_function_or_method",
                BuiltinFunction,
                o::descr::PyBuiltinFunction,
                bf_ops
            )
            .flags(gc),
            &object,
        );
        let method_descriptor = mk(
            tdef!(
                "method_descriptor",
                BuiltinFunction,
                o::descr::PyBuiltinFunction,
                bf_ops
            )
            .flags(F(gc.0 | F::METHOD_DESCRIPTOR.0)),
            &object,
        );
        let wrapper_descriptor = mk(
            tdef!(
                "wrapper_descriptor",
                BuiltinFunction,
                o::descr::PyBuiltinFunction,
                bf_ops
            )
            .flags(F(gc.0 | F::METHOD_DESCRIPTOR.0)),
            &object,
        );
        let classmethod_descriptor = mk(
            tdef!(
                "classmethod_descriptor",
                BuiltinFunction,
                o::descr::PyBuiltinFunction,
                bf_ops
            )
            .flags(gc),
            &object,
        );
        let method_wrapper = mk(
            tdef!(
                "method-wrapper",
                BuiltinFunction,
                o::descr::PyBuiltinFunction,
                bf_ops
            )
            .flags(gc),
            &object,
        );
        let member_descriptor = mk(
            tdef!(
                "member_descriptor",
                MemberDescr,
                o::descr::PyMemberDescr,
                o::descr::MEMBER_LAYOUT_OPS
            )
            .flags(gc),
            &object,
        );
        let getset_descriptor = mk(
            tdef!(
                "getset_descriptor",
                GetSetDescr,
                o::descr::PyGetSetDescr,
                o::descr::GETSET_LAYOUT_OPS
            )
            .flags(gc),
            &object,
        );
        let method = mk(
            tdef!(
                "method",
                Method,
                o::function::PyMethod,
                o::function::METHOD_LAYOUT_OPS
            )
            .flags(gc),
            &object,
        );
        let instance_method = mk(
            tdef!(
                "instancemethod",
                Method,
                o::function::PyMethod,
                o::function::METHOD_LAYOUT_OPS
            )
            .flags(gc),
            &object,
        );
        let cell = mk(
            tdef!(
                "cell",
                Cell,
                o::function::PyCell,
                o::function::CELL_LAYOUT_OPS
            )
            .flags(gc),
            &object,
        );
        let code = mk(
            tdef!("code", Code, o::code::PyCode, o::code::CODE_LAYOUT_OPS),
            &object,
        );
        let module = mk(
            tdef!(
                "module",
                Module,
                o::module::PyModule,
                o::module::MODULE_LAYOUT_OPS
            )
            .flags(F(base_t.0 | gc.0)),
            &object,
        );
        let property = mk(
            tdef!(
                "property",
                Property,
                o::descr::PyProperty,
                o::descr::PROPERTY_LAYOUT_OPS
            )
            .flags(F(base_t.0 | gc.0)),
            &object,
        );
        let classmethod = mk(
            tdef!(
                "classmethod",
                ClassMethod,
                o::descr::PyClassMethod,
                o::descr::CLASSMETHOD_LAYOUT_OPS
            )
            .flags(F(base_t.0 | gc.0))
            .with_dict(),
            &object,
        );
        let staticmethod = mk(
            tdef!(
                "staticmethod",
                StaticMethod,
                o::descr::PyClassMethod,
                o::descr::CLASSMETHOD_LAYOUT_OPS
            )
            .flags(F(base_t.0 | gc.0))
            .with_dict(),
            &object,
        );
        let super_ = mk(
            tdef!(
                "super",
                Super,
                o::descr::PySuper,
                o::descr::SUPER_LAYOUT_OPS
            )
            .flags(F(base_t.0 | gc.0)),
            &object,
        );
        let traceback = mk(
            tdef!(
                "traceback",
                Traceback,
                o::exceptions::PyTraceback,
                o::exceptions::TRACEBACK_LAYOUT_OPS
            )
            .flags(gc),
            &object,
        );
        let frame = mk(
            tdef!(
                "frame",
                Frame,
                o::frame::PyFrameObject,
                o::frame::FRAME_LAYOUT_OPS
            )
            .flags(gc),
            &object,
        );
        let gen_ops = o::generator::GEN_LAYOUT_OPS;
        let generator = mk(
            tdef!("generator", Generator, o::generator::PyGenerator, gen_ops).flags(gc),
            &object,
        );
        let coroutine = mk(
            tdef!("coroutine", Generator, o::generator::PyGenerator, gen_ops).flags(gc),
            &object,
        );
        let async_generator = mk(
            tdef!(
                "async_generator",
                Generator,
                o::generator::PyGenerator,
                gen_ops
            )
            .flags(gc),
            &object,
        );
        let coroutine_wrapper = mk(
            tdef!(
                "coroutine_wrapper",
                SeqIter,
                o::iter::PySeqIter,
                o::iter::SEQITER_LAYOUT_OPS
            )
            .flags(gc),
            &object,
        );
        let it = |name: &'static str| {
            tdef!("", SeqIter, o::iter::PySeqIter, o::iter::SEQITER_LAYOUT_OPS)
                .named(name)
                .flags(gc)
        };
        let list_iterator = mk(it("list_iterator"), &object);
        let list_reverseiterator = mk(it("list_reverseiterator"), &object);
        let tuple_iterator = mk(it("tuple_iterator"), &object);
        let str_iterator = mk(it("str_ascii_iterator"), &object);
        let bytes_iterator = mk(it("bytes_iterator"), &object);
        let seq_iterator = mk(it("iterator"), &object);
        let dict_keyiterator = mk(it("dict_keyiterator"), &object);
        let dict_valueiterator = mk(it("dict_valueiterator"), &object);
        let dict_itemiterator = mk(it("dict_itemiterator"), &object);
        let dict_reversekeyiterator = mk(it("dict_reversekeyiterator"), &object);
        let set_iterator = mk(it("set_iterator"), &object);
        let callable_iterator = mk(it("callable_iterator"), &object);
        let reversed = mk(it("reversed").flags(F(gc.0 | base_t.0)), &object);
        let range_iterator = mk(
            tdef!(
                "range_iterator",
                RangeIter,
                o::range::PyRangeIter,
                o::range::RANGEITER_LAYOUT_OPS
            ),
            &object,
        );
        let view = |name: &'static str| {
            tdef!("", SeqIter, o::iter::PySeqIter, o::iter::SEQITER_LAYOUT_OPS)
                .named(name)
                .flags(gc)
        };
        let dict_keys = mk(view("dict_keys"), &object);
        let dict_values = mk(view("dict_values"), &object);
        let dict_items = mk(view("dict_items"), &object);
        let mappingproxy = mk(view("mappingproxy"), &object);
        let multi = |name: &'static str| {
            tdef!("", Zip, o::iter::PyMultiIter, o::iter::MULTIITER_LAYOUT_OPS)
                .named(name)
                .flags(F(gc.0 | base_t.0))
        };
        let enumerate = mk(multi("enumerate"), &object);
        let zip = mk(multi("zip"), &object);
        let map = mk(multi("map"), &object);
        let filter = mk(multi("filter"), &object);
        let generic_alias = mk(multi("types.GenericAlias"), &object);
        let memoryview = mk(multi("memoryview"), &object);
        let text_io = mk(
            tdef!(
                "_io.TextIOWrapper",
                TextIO,
                o::textio::PyTextIO,
                o::textio::TEXTIO_LAYOUT_OPS
            )
            .flags(base_t),
            &object,
        );
        let exc_def = |name: &'static str| {
            tdef!(
                "",
                BaseException,
                o::exceptions::PyBaseException,
                o::exceptions::EXC_LAYOUT_OPS
            )
            .named(name)
            .flags(F(base_t.0 | gc.0 | F::BASE_EXC_SUBCLASS.0))
            .with_dict()
        };
        let base_exception = mk(exc_def("BaseException"), &object);
        let exc = ExcTypes::build(|name, base| mk(exc_def(name), base), base_exception);
        let types = Types {
            object,
            type_,
            int,
            bool_,
            float,
            complex,
            str: str_,
            bytes,
            bytearray,
            tuple,
            list,
            dict,
            set,
            frozenset,
            range,
            slice,
            none_type,
            not_implemented_type,
            ellipsis_type,
            function,
            builtin_function,
            method_descriptor,
            wrapper_descriptor,
            member_descriptor,
            getset_descriptor,
            classmethod_descriptor,
            method,
            cell,
            code,
            module,
            property,
            classmethod,
            staticmethod,
            super_,
            traceback,
            frame,
            generator,
            coroutine,
            async_generator,
            coroutine_wrapper,
            list_iterator,
            list_reverseiterator,
            tuple_iterator,
            range_iterator,
            str_iterator,
            bytes_iterator,
            dict_keys,
            dict_values,
            dict_items,
            dict_keyiterator,
            dict_valueiterator,
            dict_itemiterator,
            dict_reversekeyiterator,
            set_iterator,
            seq_iterator,
            callable_iterator,
            enumerate,
            zip,
            map,
            filter,
            reversed,
            text_io,
            mappingproxy,
            method_wrapper,
            generic_alias,
            instance_method,
            memoryview,
        };
        Vm::finish_new(types, exc, config)
    }

    fn finish_new(types: Types, exc: ExcTypes, config: &crate::RunConfig) -> Box<Vm> {
        let none = alloc(&types.none_type, crate::object::header()).into_object();
        let not_impl = alloc(&types.not_implemented_type, crate::object::header()).into_object();
        let ellipsis = alloc(&types.ellipsis_type, crate::object::header()).into_object();
        let empty_tuple = new_tuple_of_type(&types.tuple, vec![]);
        let empty_str = boot_str(&types.str, "");
        let mut latin1 = Vec::with_capacity(256);
        for c in 0u32..256 {
            let mut b = Vec::new();
            let ch = char::from_u32(c).unwrap_or('\0');
            let mut buf = [0u8; 4];
            b.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
            latin1.push(crate::objects::str::alloc_str_with_type(&types.str, &b));
        }
        let mut interned: rustc_hash::FxHashMap<Box<[u8]>, PyRef<PyStr>> =
            rustc_hash::FxHashMap::default();
        for s in latin1.iter().take(128) {
            s.interned.set(true);
            interned.insert(s.as_bytes().to_vec().into_boxed_slice(), s.clone());
        }
        empty_str.interned.set(true);
        interned.insert(Box::new([]), empty_str.clone());
        let mut intern = |n: &str| -> PyRef<PyStr> {
            if let Some(s) = interned.get(n.as_bytes()) {
                return s.clone();
            }
            let s = boot_str(&types.str, n);
            s.interned.set(true);
            interned.insert(n.as_bytes().to_vec().into_boxed_slice(), s.clone());
            s
        };
        let names = Names::new(&mut intern);
        let builtins = new_dict_of_type(&types.dict);
        let modules = new_dict_of_type(&types.dict);
        let limit = config.recursion_limit.min(i32::MAX as u32) as i32;
        let true_obj = crate::objects::int::alloc_int_of_type(&types.bool_, 1).into_object();
        let false_obj = crate::objects::int::alloc_int_of_type(&types.bool_, 0).into_object();
        let small_ints: Vec<_> = (crate::objects::int::SMALL_MIN..=crate::objects::int::SMALL_MAX)
            .map(|v| crate::objects::int::alloc_int_of_type(&types.int, v))
            .collect();
        let vm = Box::new(Vm {
            true_obj,
            false_obj,
            none,
            not_implemented_obj: not_impl,
            ellipsis,
            empty_tuple,
            empty_str,
            latin1_chars: latin1,
            small_ints,
            interned: UnsafeCell::new(interned),
            names,
            builtins,
            builtins_module: UnsafeCell::new(None),
            modules,
            sys_dict: UnsafeCell::new(None),
            ts: super::ThreadState::new(limit),
            limits: Limits {
                fuel: Cell::new(config.fuel.unwrap_or(u64::MAX)),
                fuel_enabled: config.fuel.is_some(),
                max_memory: config.max_memory.unwrap_or(usize::MAX / 4),
                max_output: config.max_output,
                instructions: Cell::new(0),
            },
            abort: RefCell::new(None),
            stdout: RefCell::new(Vec::new()),
            stderr: RefCell::new(Vec::new()),
            gc_generations: [
                Generation::new(700),
                Generation::new(10),
                Generation::new(10),
            ],
            gc_enabled: Cell::new(true),
            int_max_str_digits: Cell::new(4300),
            config: config.clone(),
            extra_types: RefCell::new(Vec::new()),
            native_modules: RefCell::new(HashMap::new()),
            main_module: UnsafeCell::new(None),
            start_time: std::time::Instant::now(),
            repr_stack: RefCell::new(Vec::new()),
            source_cache: RefCell::new(HashMap::new()),
            budget_granted: Cell::new(0),
            eval_breaker: Cell::new(0),
            eval_credit: Cell::new(0),
            ticks: Cell::new(0),
            no_finalizers: Cell::new(false),
            sys_module_obj: UnsafeCell::new(None),
            compiler: RefCell::new(None),
            types,
            exc,
        });
        vm
    }
}

impl TypeDef {
    /// Renames a definition (for tables built by closures).
    pub const fn named(mut self, name: &'static str) -> Self {
        self.name = name;
        self
    }
}

impl Vm {
    /// Creates a builtin (non-heap) type after start-up, for a native module's own types:
    /// MRO = the base chain, slots inherited from `base` after `init` set the type's own,
    /// slot wrappers added; kept alive in `extra_types`.
    pub fn new_static_type(
        &self,
        def: &TypeDef,
        base: &PyRef<PyType>,
        init: impl FnOnce(&PyRef<PyType>),
    ) -> PyRef<PyType> {
        let boot = Boot {
            type_: self.types.type_.as_ptr() as *mut PyType,
            str_: self.types.str.as_ptr() as *mut PyType,
            dict: self.types.dict.as_ptr() as *mut PyType,
            tuple: self.types.tuple.as_ptr() as *mut PyType,
        };
        // SAFETY: the VM's core types are alive; `make` fills every field.
        let t = unsafe { boot.make(def, Some(base)) };
        let mut mro = vec![t.clone_object()];
        let mut b = t.base.clone();
        while let Some(x) = b {
            mro.push(x.clone_object());
            b = x.base.clone();
        }
        // SAFETY: a fresh type; nothing reads its mro yet.
        unsafe { *t.mro.get() = Some(self.new_tuple(mro)) };
        init(&t);
        let own = *t.slots();
        let base_slots = *base.slots();
        crate::objects::typeobject::inherit_slots(&t, base);
        crate::objects::wrappers::add_operators(self, &t, &own, Some(&base_slots));
        self.extra_types.borrow_mut().push(t.clone());
        t
    }
}
