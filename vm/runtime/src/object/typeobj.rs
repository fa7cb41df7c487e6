//! `PyType`: type objects with CPython's `tp_*` slots, flags, MRO and attribute lookup.
//!
//! Builtin types are created once per VM (see `vm::types`); user classes are heap types
//! whose slots are the generic `slot_*` wrappers of `objects/slotdefs.rs` that call the
//! Python-level dunder (as `Objects/typeobject.c` does). Every instance's memory is:
//! `[GcHead if HAVE_GC] PyObject payload-of-layout [var part] [extras: __dict__, __slots__]`.

use super::{PyObject, PyRef, Slot};
use crate::error::PyResult;
use crate::objects::dict::PyDict;
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;
use std::cell::{Cell, UnsafeCell};

/// Entries of the per-thread type attribute cache (CPython's method cache).
const TYPE_CACHE_SIZE: usize = 2048;

/// One cached `_PyType_Lookup`: type and name (by address, the name's hash as a check),
/// the epoch it is valid in, and the borrowed result (null: not found).
#[derive(Clone, Copy)]
struct TypeCacheEntry {
    ty: usize,
    name: usize,
    hash: i64,
    epoch: u64,
    value: *const PyObject,
}

thread_local! {
    /// Bumped whenever a watched (type) dict changes or a type is created or freed.
    static TYPE_EPOCH: Cell<u64> = const { Cell::new(1) };
    static TYPE_CACHE: UnsafeCell<[TypeCacheEntry; TYPE_CACHE_SIZE]> = const {
        UnsafeCell::new(
            [TypeCacheEntry {
                ty: 0,
                name: 0,
                hash: 0,
                epoch: 0,
                value: std::ptr::null(),
            }; TYPE_CACHE_SIZE],
        )
    };
}

/// The current type epoch: unchanged as long as no watched type dict changed and no type
/// was created or freed (inline caches compare it to the epoch they were filled in).
#[inline(always)]
pub fn type_epoch() -> u64 {
    TYPE_EPOCH.with(Cell::get)
}

/// `PyType_Modified`: invalidates every cached type lookup of this thread.
#[inline]
pub fn type_modified() {
    TYPE_EPOCH.with(|e| e.set(e.get() + 1));
}

/// Which builtin payload struct an instance carries (CPython's "solid base").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Layout {
    Object,
    Type,
    Int,
    Float,
    Complex,
    Str,
    Bytes,
    ByteArray,
    Tuple,
    List,
    Dict,
    Set,
    Range,
    Slice,
    Function,
    BuiltinFunction,
    MethodDescr,
    WrapperDescr,
    MemberDescr,
    GetSetDescr,
    Method,
    Cell,
    Code,
    Module,
    BaseException,
    Traceback,
    Frame,
    Generator,
    Property,
    ClassMethod,
    StaticMethod,
    Super,
    SeqIter,
    RangeIter,
    ListIter,
    TupleIter,
    StrIter,
    DictIter,
    SetIter,
    Enumerate,
    Zip,
    Map,
    Filter,
    Reversed,
    CallIter,
    TextIO,
    Native,
}

/// `tp_flags` bits (subset of CPython's, same meaning).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct TypeFlags(pub u64);

impl TypeFlags {
    pub const HEAPTYPE: TypeFlags = TypeFlags(1 << 9);
    pub const BASETYPE: TypeFlags = TypeFlags(1 << 10);
    pub const HAVE_VECTORCALL: TypeFlags = TypeFlags(1 << 11);
    pub const READY: TypeFlags = TypeFlags(1 << 12);
    pub const HAVE_GC: TypeFlags = TypeFlags(1 << 14);
    pub const METHOD_DESCRIPTOR: TypeFlags = TypeFlags(1 << 17);
    pub const IS_ABSTRACT: TypeFlags = TypeFlags(1 << 20);
    pub const MATCH_SELF: TypeFlags = TypeFlags(1 << 22);
    pub const SEQUENCE: TypeFlags = TypeFlags(1 << 5);
    pub const MAPPING: TypeFlags = TypeFlags(1 << 6);
    pub const LONG_SUBCLASS: TypeFlags = TypeFlags(1 << 24);
    pub const LIST_SUBCLASS: TypeFlags = TypeFlags(1 << 25);
    pub const TUPLE_SUBCLASS: TypeFlags = TypeFlags(1 << 26);
    pub const BYTES_SUBCLASS: TypeFlags = TypeFlags(1 << 27);
    pub const UNICODE_SUBCLASS: TypeFlags = TypeFlags(1 << 28);
    pub const DICT_SUBCLASS: TypeFlags = TypeFlags(1 << 29);
    pub const BASE_EXC_SUBCLASS: TypeFlags = TypeFlags(1 << 30);
    pub const TYPE_SUBCLASS: TypeFlags = TypeFlags(1 << 31);
    /// refvm: instances have a `__del__` to run before deallocation.
    pub const HAS_FINALIZER: TypeFlags = TypeFlags(1 << 40);
    /// refvm: the type is immutable (builtin): attributes cannot be set.
    pub const IMMUTABLE: TypeFlags = TypeFlags(1 << 8);

    pub const fn contains(self, o: TypeFlags) -> bool {
        self.0 & o.0 == o.0
    }
    pub const fn union(self, o: TypeFlags) -> TypeFlags {
        TypeFlags(self.0 | o.0)
    }
}

impl std::ops::BitOr for TypeFlags {
    type Output = TypeFlags;
    fn bitor(self, o: TypeFlags) -> TypeFlags {
        self.union(o)
    }
}

/// Rich comparison operators, numbered as CPython's `Py_LT`..`Py_GE`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum CmpOp {
    Lt = 0,
    Le = 1,
    Eq = 2,
    Ne = 3,
    Gt = 4,
    Ge = 5,
}

impl CmpOp {
    pub fn from_arg(a: u32) -> Option<CmpOp> {
        Some(match a {
            0 => CmpOp::Lt,
            1 => CmpOp::Le,
            2 => CmpOp::Eq,
            3 => CmpOp::Ne,
            4 => CmpOp::Gt,
            5 => CmpOp::Ge,
            _ => return None,
        })
    }
    /// The reflected operator (`_Py_SwappedOp`).
    pub fn swapped(self) -> CmpOp {
        match self {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Eq => CmpOp::Eq,
            CmpOp::Ne => CmpOp::Ne,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
        }
    }
    pub fn symbol(self) -> &'static str {
        ["<", "<=", "==", "!=", ">", ">="][self as usize]
    }
    pub fn dunder(self) -> &'static str {
        ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"][self as usize]
    }
    pub fn from_ordering(self, o: std::cmp::Ordering) -> bool {
        use std::cmp::Ordering::*;
        match self {
            CmpOp::Lt => o == Less,
            CmpOp::Le => o != Greater,
            CmpOp::Eq => o == Equal,
            CmpOp::Ne => o != Equal,
            CmpOp::Gt => o == Greater,
            CmpOp::Ge => o != Less,
        }
    }
}

pub type UnaryFn = fn(&Vm, &PyObject) -> PyResult;
pub type BinaryFn = fn(&Vm, &PyObject, &PyObject) -> PyResult;
pub type TernaryFn = fn(&Vm, &PyObject, &PyObject, &PyObject) -> PyResult;
pub type InquiryFn = fn(&Vm, &PyObject) -> PyResult<bool>;
pub type LenFn = fn(&Vm, &PyObject) -> PyResult<usize>;
pub type HashFn = fn(&Vm, &PyObject) -> PyResult<i64>;
pub type RichCmpFn = fn(&Vm, &PyObject, &PyObject, CmpOp) -> PyResult;
pub type GetAttrFn = fn(&Vm, &PyObject, &PyRef<PyStr>) -> PyResult;
pub type SetAttrFn = fn(&Vm, &PyObject, &PyRef<PyStr>, Slot) -> PyResult<()>;
/// Vectorcall convention: positional args then keyword values; `kwnames` names the last ones.
pub type CallFn = fn(&Vm, &PyObject, &[PyRef], Option<&PyTuple>) -> PyResult;
/// `Ok(None)`: exhausted without raising (tp_iternext returning NULL with no error).
pub type IterNextFn = fn(&Vm, &PyObject) -> PyResult<Option<PyRef>>;
/// `descr.__get__(obj, type)`; obj `None` means accessed on the class.
pub type DescrGetFn = fn(&Vm, &PyObject, Option<&PyObject>, Option<&PyObject>) -> PyResult;
pub type DescrSetFn = fn(&Vm, &PyObject, &PyObject, Slot) -> PyResult<()>;
pub type NewFn = fn(&Vm, &PyRef<PyType>, &[PyRef], Option<&PyTuple>) -> PyResult;
pub type InitFn = fn(&Vm, &PyObject, &[PyRef], Option<&PyTuple>) -> PyResult<()>;
pub type SetItemFn = fn(&Vm, &PyObject, &PyObject, Slot) -> PyResult<()>;
pub type ContainsFn = fn(&Vm, &PyObject, &PyObject) -> PyResult<bool>;
pub type TraverseFn = fn(&PyObject, &mut dyn FnMut(&PyObject));
pub type ClearFn = fn(&PyObject);
pub type FinalizeFn = fn(&Vm, &PyObject);

/// Binary number slots, indexed by [`NbOp`].
pub const NB_BINARY_COUNT: usize = 13;

/// The binary operators in `BINARY_OP` order (`NB_ADD`=0 … `NB_XOR`=12); in-place forms
/// are oparg + 13.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum NbOp {
    Add = 0,
    And = 1,
    FloorDivide = 2,
    Lshift = 3,
    MatrixMultiply = 4,
    Multiply = 5,
    Remainder = 6,
    Or = 7,
    Power = 8,
    Rshift = 9,
    Subtract = 10,
    TrueDivide = 11,
    Xor = 12,
}

impl NbOp {
    pub const ALL: [NbOp; 13] = [
        NbOp::Add,
        NbOp::And,
        NbOp::FloorDivide,
        NbOp::Lshift,
        NbOp::MatrixMultiply,
        NbOp::Multiply,
        NbOp::Remainder,
        NbOp::Or,
        NbOp::Power,
        NbOp::Rshift,
        NbOp::Subtract,
        NbOp::TrueDivide,
        NbOp::Xor,
    ];
    pub fn from_index(i: usize) -> Option<NbOp> {
        NbOp::ALL.get(i).copied()
    }
    pub fn symbol(self) -> &'static str {
        [
            "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^",
        ][self as usize]
    }
    pub fn dunder(self) -> &'static str {
        [
            "__add__",
            "__and__",
            "__floordiv__",
            "__lshift__",
            "__matmul__",
            "__mul__",
            "__mod__",
            "__or__",
            "__pow__",
            "__rshift__",
            "__sub__",
            "__truediv__",
            "__xor__",
        ][self as usize]
    }
    pub fn rdunder(self) -> &'static str {
        [
            "__radd__",
            "__rand__",
            "__rfloordiv__",
            "__rlshift__",
            "__rmatmul__",
            "__rmul__",
            "__rmod__",
            "__ror__",
            "__rpow__",
            "__rrshift__",
            "__rsub__",
            "__rtruediv__",
            "__rxor__",
        ][self as usize]
    }
    pub fn idunder(self) -> &'static str {
        [
            "__iadd__",
            "__iand__",
            "__ifloordiv__",
            "__ilshift__",
            "__imatmul__",
            "__imul__",
            "__imod__",
            "__ior__",
            "__ipow__",
            "__irshift__",
            "__isub__",
            "__itruediv__",
            "__ixor__",
        ][self as usize]
    }
}

/// The `tp_*` / `nb_*` / `sq_*` / `mp_*` function pointers of a type.
#[derive(Clone, Copy, Default)]
pub struct Slots {
    pub repr: Option<UnaryFn>,
    pub str: Option<UnaryFn>,
    pub hash: Option<HashFn>,
    /// `__hash__ = None`: unhashable.
    pub hash_none: bool,
    pub richcompare: Option<RichCmpFn>,
    pub getattro: Option<GetAttrFn>,
    pub setattro: Option<SetAttrFn>,
    pub call: Option<CallFn>,
    pub iter: Option<UnaryFn>,
    pub iternext: Option<IterNextFn>,
    pub descr_get: Option<DescrGetFn>,
    pub descr_set: Option<DescrSetFn>,
    pub new: Option<NewFn>,
    pub init: Option<InitFn>,
    pub finalize: Option<FinalizeFn>,
    pub traverse: Option<TraverseFn>,
    pub clear: Option<ClearFn>,
    pub nb_binary: [Option<BinaryFn>; NB_BINARY_COUNT],
    pub nb_inplace: [Option<BinaryFn>; NB_BINARY_COUNT],
    pub nb_power: Option<TernaryFn>,
    pub nb_divmod: Option<BinaryFn>,
    pub nb_negative: Option<UnaryFn>,
    pub nb_positive: Option<UnaryFn>,
    pub nb_absolute: Option<UnaryFn>,
    pub nb_invert: Option<UnaryFn>,
    pub nb_bool: Option<InquiryFn>,
    pub nb_int: Option<UnaryFn>,
    pub nb_float: Option<UnaryFn>,
    pub nb_index: Option<UnaryFn>,
    pub mp_length: Option<LenFn>,
    pub sq_length: Option<LenFn>,
    pub mp_subscript: Option<BinaryFn>,
    pub mp_ass_subscript: Option<SetItemFn>,
    pub sq_contains: Option<ContainsFn>,
    /// `sq_concat`: `seq + other` after the number slots declined.
    pub sq_concat: Option<BinaryFn>,
    /// `sq_repeat`: `seq * n` (`n` already known to support `__index__`).
    pub sq_repeat: Option<BinaryFn>,
    pub sq_inplace_concat: Option<BinaryFn>,
    pub sq_inplace_repeat: Option<BinaryFn>,
}

/// Layout-specific functions of a builtin payload.
#[derive(Clone, Copy)]
pub struct LayoutOps {
    /// Drops the payload's fields (not the header); memory is freed by the caller.
    pub drop_payload: unsafe fn(*mut PyObject),
    /// Bytes of variable part after the fixed payload (tuple items, str data).
    pub var_size: fn(&PyObject) -> usize,
}

fn no_var(_: &PyObject) -> usize {
    0
}

impl LayoutOps {
    pub const fn fixed(drop_payload: unsafe fn(*mut PyObject)) -> Self {
        LayoutOps {
            drop_payload,
            var_size: no_var,
        }
    }
}

/// A type object.
#[repr(C)]
pub struct PyType {
    pub ob: PyObject,
    pub name: UnsafeCell<PyRef<PyStr>>,
    pub qualname: UnsafeCell<PyRef<PyStr>>,
    pub flags: Cell<TypeFlags>,
    pub layout: Layout,
    pub layout_ops: LayoutOps,
    /// Size of the solid base payload (`tp_basicsize` of the builtin base).
    pub base_size: usize,
    /// Words after the payload (+ var part): `__dict__` (if any) then `__slots__`.
    pub extra_words: usize,
    /// Index in the extra words of `__dict__`, if instances have one.
    pub dict_word: Option<usize>,
    pub base: Option<PyRef<PyType>>,
    pub bases: UnsafeCell<PyRef<PyTuple>>,
    pub mro: UnsafeCell<Option<PyRef<PyTuple>>>,
    pub dict: PyRef<PyDict>,
    pub slots: UnsafeCell<Slots>,
    /// `__doc__` of builtin types (kept in the dict too).
    pub module_name: &'static str,
}
crate::payload!(PyType, Type);

impl PyType {
    #[inline(always)]
    pub fn flags(&self) -> TypeFlags {
        self.flags.get()
    }
    #[inline(always)]
    pub fn slots(&self) -> &Slots {
        // SAFETY: slots are only replaced wholesale by `set_slots` with no borrow alive
        // across it (the Slots struct is Copy; callers copy out the fn pointer).
        unsafe { &*self.slots.get() }
    }
    pub fn set_slots(&self, s: Slots) {
        // SAFETY: see `slots`.
        unsafe { *self.slots.get() = s }
    }
    pub fn update_slots(&self, f: impl FnOnce(&mut Slots)) {
        let mut s = *self.slots();
        f(&mut s);
        self.set_slots(s);
    }
    pub fn name(&self) -> &PyRef<PyStr> {
        // SAFETY: replaced only by set_name with no borrow outstanding across calls.
        unsafe { &*self.name.get() }
    }
    pub fn name_str(&self) -> String {
        self.name().to_string_lossy()
    }
    pub fn qualname(&self) -> &PyRef<PyStr> {
        // SAFETY: as for name.
        unsafe { &*self.qualname.get() }
    }
    pub fn set_name(&self, n: PyRef<PyStr>) {
        // SAFETY: the old value is dropped after the store.
        let old = unsafe { std::ptr::replace(self.name.get(), n) };
        drop(old);
    }
    pub fn set_qualname(&self, n: PyRef<PyStr>) {
        // SAFETY: as set_name.
        let old = unsafe { std::ptr::replace(self.qualname.get(), n) };
        drop(old);
    }
    pub fn mro(&self) -> Option<&PyRef<PyTuple>> {
        // SAFETY: replaced only when the mro is recomputed; readers clone what they keep.
        unsafe { (*self.mro.get()).as_ref() }
    }
    pub fn bases(&self) -> &PyRef<PyTuple> {
        // SAFETY: as for mro.
        unsafe { &*self.bases.get() }
    }
    pub fn is_heap(&self) -> bool {
        self.flags().contains(TypeFlags::HEAPTYPE)
    }
    pub fn as_type_ref(&self) -> PyRef<PyType> {
        // SAFETY: self is a live type object.
        unsafe { self.as_object().to_owned().downcast_unchecked() }
    }

    /// `PyType_IsSubtype`: walks the MRO (or the base chain before it exists).
    pub fn is_subtype(&self, other: &PyType) -> bool {
        if std::ptr::eq(self, other) {
            return true;
        }
        if let Some(mro) = self.mro() {
            return mro
                .as_slice()
                .iter()
                .any(|t| std::ptr::eq(t.as_object(), other.as_object()));
        }
        let mut t = self.base.as_deref();
        while let Some(b) = t {
            if std::ptr::eq(b, other) {
                return true;
            }
            t = b.base.as_deref();
        }
        false
    }

    /// `_PyType_Lookup`: the attribute `name` in the dicts along the MRO (no descriptors),
    /// through the per-thread method cache (see [`type_modified`]).
    #[inline]
    pub fn lookup(&self, name: &PyRef<PyStr>) -> Option<PyRef> {
        let h = name.hash();
        let tp = self as *const PyType as usize;
        let np = name.as_ptr() as usize;
        let i = ((tp >> 4) ^ (np >> 4) ^ (h as usize)) & (TYPE_CACHE_SIZE - 1);
        let epoch = TYPE_EPOCH.with(Cell::get);
        let hit = TYPE_CACHE.with(|c| {
            // SAFETY: plain data, no reference into the table outlives this closure.
            let e = unsafe { (*c.get())[i] };
            (e.ty == tp && e.name == np && e.hash == h && e.epoch == epoch).then_some(e.value)
        });
        if let Some(v) = hit {
            // SAFETY: the epoch is unchanged, so the dict that held `v` when it was cached
            // has not been mutated nor freed: `v` is still alive.
            return (!v.is_null()).then(|| unsafe { (*v).to_owned() });
        }
        let r = self.lookup_uncached(name);
        let value = r
            .as_ref()
            .map_or(std::ptr::null(), |v| v.as_ptr() as *const PyObject);
        TYPE_CACHE.with(|c| {
            // SAFETY: as above.
            unsafe {
                (*c.get())[i] = TypeCacheEntry {
                    ty: tp,
                    name: np,
                    hash: h,
                    epoch,
                    value,
                }
            }
        });
        r
    }

    /// `_PyType_Lookup` without the cache; marks the dicts it reads as watched so that
    /// any later change to them invalidates the cache.
    fn lookup_uncached(&self, name: &PyRef<PyStr>) -> Option<PyRef> {
        match self.mro() {
            Some(mro) => {
                for t in mro.as_slice() {
                    // SAFETY: mro entries are types.
                    let t = unsafe { t.as_object().cast_unchecked::<PyType>() };
                    t.dict.watch();
                    if let Some(v) = t.dict.get_str(name) {
                        return Some(v);
                    }
                }
                None
            }
            None => {
                self.dict.watch();
                self.dict.get_str(name)
            }
        }
    }

    /// Byte offset of the extra words (dict, slots) of `obj`.
    #[inline(always)]
    pub fn extras_offset(&self, obj: &PyObject) -> usize {
        let var = (self.layout_ops.var_size)(obj);
        (self.base_size + var + 7) & !7
    }

    /// Total allocation size of `obj` (without the GC header).
    pub fn instance_size(&self, obj: &PyObject) -> usize {
        self.extras_offset(obj) + self.extra_words * 8
    }

    /// A pointer to extra word `i` of `obj` (an instance of this type).
    ///
    /// # Safety
    /// `obj`'s type must be `self` (or share its extras layout) and `i < extra_words`.
    #[inline(always)]
    pub unsafe fn extra_word(&self, obj: &PyObject, i: usize) -> *mut Slot {
        let off = self.extras_offset(obj) + i * 8;
        unsafe { (obj as *const PyObject as *mut u8).add(off) as *mut Slot }
    }
}

/// The instance `__dict__` slot of `obj`, if its type gives instances one.
#[inline]
pub fn instance_dict_slot(obj: &PyObject) -> Option<*mut Slot> {
    let t = obj.type_();
    let i = t.dict_word?;
    // SAFETY: dict_word < extra_words by construction.
    Some(unsafe { t.extra_word(obj, i) })
}

/// The instance `__dict__` of `obj` (without creating it).
pub fn instance_dict(obj: &PyObject) -> Option<PyRef<PyDict>> {
    let slot = instance_dict_slot(obj)?;
    // SAFETY: the slot holds a dict or NULL; we clone, not borrow across calls.
    let d = unsafe { (*slot).as_ref()?.clone() };
    d.downcast::<PyDict>().ok()
}

impl PyType {
    #[inline(always)]
    pub fn as_type_ptr(&self) -> *const PyType {
        self as *const PyType
    }
}

impl PyType {
    /// Identity of type objects.
    #[inline(always)]
    pub fn is<O: AsRef<PyObject> + ?Sized>(&self, other: &O) -> bool {
        std::ptr::eq(self.as_object(), other.as_ref())
    }
}
