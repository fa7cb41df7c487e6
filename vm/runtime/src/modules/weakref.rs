//! The `_weakref` module (native: `ref`, `proxy`, `getweakrefcount`, `getweakrefs`) and
//! the `weakref` module, which as in CPython is Python code over `_weakref`: refvm runs
//! its own compact source (`weakref.py` below: `WeakValueDictionary`,
//! `WeakKeyDictionary`, `WeakSet`, `WeakMethod`, `finalize`).

use crate::argparse;
use crate::error::PyResult;
use crate::gc::weakref as wr;
use crate::object::PyRef;
use crate::objects::descr::MethodDef;
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;
use std::sync::Arc;

fn getweakrefcount(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "getweakrefcount", a, k, 1)?;
    Ok(vm.new_usize(wr::refs_of(&a[0]).len()))
}

fn getweakrefs(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "getweakrefs", a, k, 1)?;
    Ok(vm.new_list(wr::refs_of(&a[0])).into_object())
}

fn proxy(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::no_kw(vm, "proxy", k)?;
    argparse::range(vm, "proxy", a, k, 1, 2)?;
    let [_, p, cp] = wr::init_types(vm);
    let callable = a[0].type_().slots().call.is_some();
    let t = if callable { cp } else { p };
    wr::new_weakref(vm, &t, &a[0], a.get(1).cloned())
}

fn remove_dead_weakref(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "_remove_dead_weakref", a, k, 2)?;
    let Some(d) = a[0].downcast_ref::<crate::objects::dict::PyDict>() else {
        return Err(vm.new_type_error("not a dict"));
    };
    if let Some(v) = d.get_item(vm, &a[1])? {
        if wr::as_weakref(&v).is_some_and(|w| wr::target(w).is_none()) {
            drop(d.pop_item(vm, &a[1])?);
        }
    }
    Ok(vm.none())
}

/// `_weakref`.
pub fn init_native(vm: &Vm) -> PyRef {
    let [r, p, cp] = wr::init_types(vm);
    let m = super::make_module(
        vm,
        "_weakref",
        &[
            MethodDef::static_("getweakrefcount", getweakrefcount),
            MethodDef::static_("getweakrefs", getweakrefs),
            MethodDef::static_("proxy", proxy),
            MethodDef::static_("_remove_dead_weakref", remove_dead_weakref),
        ],
    );
    super::set(vm, &m, "ref", r.clone().into_object());
    super::set(vm, &m, "ReferenceType", r.into_object());
    super::set(vm, &m, "ProxyType", p.into_object());
    super::set(vm, &m, "CallableProxyType", cp.into_object());
    m
}

/// The `weakref` module's source (refvm's own, same public behaviour as `Lib/weakref.py`).
const WEAKREF_PY: &str = r#"
from _weakref import (getweakrefcount, getweakrefs, ref, proxy, CallableProxyType,
                      ProxyType, ReferenceType, _remove_dead_weakref)

ProxyTypes = (ProxyType, CallableProxyType)

__all__ = ["ref", "proxy", "getweakrefcount", "getweakrefs", "WeakKeyDictionary",
           "ReferenceType", "ProxyType", "CallableProxyType", "ProxyTypes",
           "WeakValueDictionary", "WeakSet", "WeakMethod", "finalize"]


class WeakMethod(ref):
    __slots__ = ("_func_ref", "_meth_type", "_alive", "__weakref__")

    def __new__(cls, meth, callback=None):
        try:
            obj = meth.__self__
            func = meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}"
                            .format(type(meth))) from None
        def _cb(arg):
            self = self_wr()
            if self._alive:
                self._alive = False
                if callback is not None:
                    callback(self)
        self = ref.__new__(cls, obj, _cb)
        self._func_ref = ref(func, _cb)
        self._meth_type = type(meth)
        self._alive = True
        self_wr = ref(self)
        return self

    def __call__(self):
        obj = super().__call__()
        func = self._func_ref()
        if obj is None or func is None:
            return None
        try:
            return self._meth_type(func, obj)
        except TypeError:
            # refvm's method type cannot be called: bind as `types.MethodType` would.
            return func.__get__(obj, type(obj))


class KeyedRef(ref):
    __slots__ = ("key",)

    def __new__(type, ob, callback, key):
        self = ref.__new__(type, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        pass


class WeakValueDictionary:
    def __init__(self, other=(), /, **kw):
        def remove(wr, selfref=ref(self), _atomic_removal=_remove_dead_weakref):
            self = selfref()
            if self is not None:
                if self._iterating:
                    self._pending_removals.append(wr.key)
                else:
                    _atomic_removal(self.data, wr.key)
        self._remove = remove
        self._pending_removals = []
        self._iterating = set()
        self.data = {}
        self.update(other, **kw)

    def _commit_removals(self):
        pop = self._pending_removals.pop
        d = self.data
        while True:
            try:
                key = pop()
            except IndexError:
                return
            _remove_dead_weakref(d, key)

    def __getitem__(self, key):
        if self._pending_removals:
            self._commit_removals()
        o = self.data[key]()
        if o is None:
            raise KeyError(key)
        return o

    def __delitem__(self, key):
        if self._pending_removals:
            self._commit_removals()
        del self.data[key]

    def __len__(self):
        if self._pending_removals:
            self._commit_removals()
        return len(self.data)

    def __contains__(self, key):
        if self._pending_removals:
            self._commit_removals()
        try:
            o = self.data[key]()
        except KeyError:
            return False
        return o is not None

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def __setitem__(self, key, value):
        if self._pending_removals:
            self._commit_removals()
        self.data[key] = KeyedRef(value, self._remove, key)

    def copy(self):
        new = WeakValueDictionary()
        for key, wr in list(self.data.items()):
            o = wr()
            if o is not None:
                new[key] = o
        return new

    __copy__ = copy

    def get(self, key, default=None):
        if self._pending_removals:
            self._commit_removals()
        try:
            wr = self.data[key]
        except KeyError:
            return default
        o = wr()
        if o is None:
            return default
        return o

    def items(self):
        if self._pending_removals:
            self._commit_removals()
        out = []
        for k, wr in list(self.data.items()):
            v = wr()
            if v is not None:
                out.append((k, v))
        return iter(out)

    def keys(self):
        if self._pending_removals:
            self._commit_removals()
        out = []
        for k, wr in list(self.data.items()):
            if wr() is not None:
                out.append(k)
        return iter(out)

    __iter__ = keys

    def itervaluerefs(self):
        return iter(list(self.data.values()))

    def valuerefs(self):
        return list(self.data.values())

    def values(self):
        if self._pending_removals:
            self._commit_removals()
        out = []
        for wr in list(self.data.values()):
            obj = wr()
            if obj is not None:
                out.append(obj)
        return iter(out)

    def popitem(self):
        if self._pending_removals:
            self._commit_removals()
        while True:
            key, wr = self.data.popitem()
            o = wr()
            if o is not None:
                return key, o

    def pop(self, key, *args):
        if self._pending_removals:
            self._commit_removals()
        try:
            o = self.data.pop(key)()
        except KeyError:
            o = None
        if o is None:
            if args:
                return args[0]
            raise KeyError(key)
        return o

    def setdefault(self, key, default=None):
        try:
            o = self.data[key]()
        except KeyError:
            o = None
        if o is None:
            if self._pending_removals:
                self._commit_removals()
            self.data[key] = KeyedRef(default, self._remove, key)
            return default
        return o

    def update(self, other=None, /, **kwargs):
        if self._pending_removals:
            self._commit_removals()
        d = self.data
        if other is not None:
            if not hasattr(other, "items"):
                other = dict(other)
            for key, o in other.items():
                d[key] = KeyedRef(o, self._remove, key)
        for key, o in kwargs.items():
            d[key] = KeyedRef(o, self._remove, key)

    def clear(self):
        self.data.clear()

    def __deepcopy__(self, memo):
        from copy import deepcopy
        new = self.__class__()
        for key, wr in list(self.data.items()):
            o = wr()
            if o is not None:
                new[deepcopy(key, memo)] = o
        return new

    def __or__(self, other):
        if isinstance(other, _MAPPINGS):
            c = self.copy()
            c.update(other)
            return c
        return NotImplemented

    def __ror__(self, other):
        if isinstance(other, _MAPPINGS):
            c = self.__class__()
            c.update(other)
            c.update(self)
            return c
        return NotImplemented

    def __ior__(self, other):
        self.update(other)
        return self

    def __eq__(self, other):
        if not isinstance(other, _MAPPINGS):
            return NotImplemented
        return dict(self.items()) == dict(other.items())


class WeakKeyDictionary:
    def __init__(self, dict=None):
        self.data = {}
        def remove(k, selfref=ref(self)):
            self = selfref()
            if self is not None:
                if self._iterating:
                    self._pending_removals.append(k)
                else:
                    try:
                        del self.data[k]
                    except KeyError:
                        pass
        self._remove = remove
        self._pending_removals = []
        self._iterating = set()
        self._dirty_len = False
        if dict is not None:
            self.update(dict)

    def _commit_removals(self):
        pop = self._pending_removals.pop
        d = self.data
        while True:
            try:
                key = pop()
            except IndexError:
                return
            try:
                del d[key]
            except KeyError:
                pass

    def __delitem__(self, key):
        self._dirty_len = True
        del self.data[ref(key)]

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __len__(self):
        return len(self.data) - len(self._pending_removals)

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def __setitem__(self, key, value):
        self.data[ref(key, self._remove)] = value

    def copy(self):
        new = WeakKeyDictionary()
        for key, value in list(self.data.items()):
            o = key()
            if o is not None:
                new[o] = value
        return new

    __copy__ = copy

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self.data

    def items(self):
        out = []
        for wr, value in list(self.data.items()):
            key = wr()
            if key is not None:
                out.append((key, value))
        return iter(out)

    def keys(self):
        out = []
        for wr in list(self.data):
            obj = wr()
            if obj is not None:
                out.append(obj)
        return iter(out)

    __iter__ = keys

    def values(self):
        out = []
        for wr, value in list(self.data.items()):
            if wr() is not None:
                out.append(value)
        return iter(out)

    def keyrefs(self):
        return list(self.data)

    def popitem(self):
        self._dirty_len = True
        while True:
            key, value = self.data.popitem()
            o = key()
            if o is not None:
                return o, value

    def pop(self, key, *args):
        self._dirty_len = True
        return self.data.pop(ref(key), *args)

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove), default)

    def update(self, dict=None, /, **kwargs):
        d = self.data
        if dict is not None:
            if not hasattr(dict, "items"):
                dict = type({})(dict)
            for key, value in dict.items():
                d[ref(key, self._remove)] = value
        if len(kwargs):
            self.update(kwargs)

    def clear(self):
        self.data.clear()

    def __deepcopy__(self, memo):
        from copy import deepcopy
        new = self.__class__()
        for key, value in list(self.data.items()):
            o = key()
            if o is not None:
                new[o] = deepcopy(value, memo)
        return new

    def __or__(self, other):
        if isinstance(other, _MAPPINGS):
            c = self.copy()
            c.update(other)
            return c
        return NotImplemented

    def __ror__(self, other):
        if isinstance(other, _MAPPINGS):
            c = self.__class__()
            c.update(other)
            c.update(self)
            return c
        return NotImplemented

    def __ior__(self, other):
        self.update(other)
        return self

    def __eq__(self, other):
        if not isinstance(other, _MAPPINGS):
            return NotImplemented
        return dict(self.items()) == dict(other.items())


_MAPPINGS = (dict, WeakValueDictionary, WeakKeyDictionary)


class WeakSet:
    def __init__(self, data=None):
        self.data = set()
        def _remove(item, selfref=ref(self)):
            self = selfref()
            if self is not None:
                if self._iterating:
                    self._pending_removals.append(item)
                else:
                    self.data.discard(item)
        self._remove = _remove
        self._pending_removals = []
        self._iterating = set()
        if data is not None:
            self.update(data)

    def _commit_removals(self):
        pop = self._pending_removals.pop
        discard = self.data.discard
        while True:
            try:
                item = pop()
            except IndexError:
                return
            discard(item)

    def __iter__(self):
        out = []
        for itemref in list(self.data):
            item = itemref()
            if item is not None:
                out.append(item)
        return iter(out)

    def __len__(self):
        return len(self.data) - len(self._pending_removals)

    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self.data

    def __repr__(self):
        return "{%s}" % ", ".join(repr(x) for x in self)

    def add(self, item):
        if self._pending_removals:
            self._commit_removals()
        self.data.add(ref(item, self._remove))

    def clear(self):
        if self._pending_removals:
            self._commit_removals()
        self.data.clear()

    def copy(self):
        return self.__class__(self)

    def pop(self):
        if self._pending_removals:
            self._commit_removals()
        while True:
            try:
                itemref = self.data.pop()
            except KeyError:
                raise KeyError("pop from empty WeakSet") from None
            item = itemref()
            if item is not None:
                return item

    def remove(self, item):
        if self._pending_removals:
            self._commit_removals()
        self.data.remove(ref(item))

    def discard(self, item):
        if self._pending_removals:
            self._commit_removals()
        self.data.discard(ref(item))

    def update(self, other):
        if self._pending_removals:
            self._commit_removals()
        for element in other:
            self.add(element)

    def __ior__(self, other):
        self.update(other)
        return self

    def difference(self, other):
        result = self.copy()
        result.difference_update(other)
        return result

    __sub__ = difference

    def difference_update(self, other):
        self.__isub__(other)

    def __isub__(self, other):
        if self._pending_removals:
            self._commit_removals()
        if self is other:
            self.data.clear()
        else:
            self.data.difference_update(ref(x) for x in other)
        return self

    def intersection(self, other):
        return self.__class__(x for x in other if x in self)

    __and__ = intersection

    def intersection_update(self, other):
        self.__iand__(other)

    def __iand__(self, other):
        if self._pending_removals:
            self._commit_removals()
        self.data.intersection_update(ref(x) for x in other)
        return self

    def issubset(self, other):
        return self.data.issubset(ref(x) for x in other)

    __le__ = issubset

    def __lt__(self, other):
        return self.data < set(map(ref, other))

    def issuperset(self, other):
        return self.data.issuperset(ref(x) for x in other)

    __ge__ = issuperset

    def __gt__(self, other):
        return self.data > set(map(ref, other))

    def __eq__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.data == set(map(ref, other))

    def symmetric_difference(self, other):
        result = self.copy()
        result.symmetric_difference_update(other)
        return result

    __xor__ = symmetric_difference

    def symmetric_difference_update(self, other):
        self.__ixor__(other)

    def __ixor__(self, other):
        if self._pending_removals:
            self._commit_removals()
        if self is other:
            self.data.clear()
        else:
            self.data.symmetric_difference_update(ref(x, self._remove) for x in other)
        return self

    def union(self, other):
        return self.__class__(x for s in (self, other) for x in s)

    __or__ = union

    def isdisjoint(self, other):
        return len(self.intersection(other)) == 0

    def __reduce__(self):
        return (self.__class__, (list(self),), self.__getstate__())


def _register_abcs(abc):
    # CPython's WeakValueDictionary/WeakKeyDictionary derive from MutableMapping and
    # WeakSet is a registered MutableSet; refvm registers them when `_collections_abc`
    # is loaded (CPython imports it at start-up; refvm only on demand).
    abc.MutableMapping.register(WeakValueDictionary)
    abc.MutableMapping.register(WeakKeyDictionary)
    abc.MutableSet.register(WeakSet)


def _maybe_register_abcs():
    import sys
    abc = sys.modules.get("_collections_abc")
    if abc is not None:
        _register_abcs(abc)


_maybe_register_abcs()
del _maybe_register_abcs


class finalize:
    __slots__ = ()
    _registry = {}
    _index = [0]

    class _Info:
        __slots__ = ("weakref", "func", "args", "kwargs", "atexit", "index")

    def __init__(self, obj, func, /, *args, **kwargs):
        info = self._Info()
        info.weakref = ref(obj, self)
        info.func = func
        info.args = args
        info.kwargs = kwargs or None
        info.atexit = True
        self._index[0] += 1
        info.index = self._index[0]
        self._registry[self] = info

    def __call__(self, _=None):
        info = self._registry.pop(self, None)
        if info:
            return info.func(*info.args, **(info.kwargs or {}))

    def detach(self):
        info = self._registry.get(self)
        obj = info and info.weakref()
        if obj is not None and self._registry.pop(self, None):
            return (obj, info.func, info.args, info.kwargs or {})

    def peek(self):
        info = self._registry.get(self)
        obj = info and info.weakref()
        if obj is not None:
            return (obj, info.func, info.args, info.kwargs or {})

    @property
    def alive(self):
        return self in self._registry

    @property
    def atexit(self):
        info = self._registry.get(self)
        return bool(info) and info.atexit

    @atexit.setter
    def atexit(self, value):
        info = self._registry.get(self)
        if info:
            info.atexit = bool(value)
"#;

/// After `_collections_abc` is imported: registers the weak containers with its ABCs if
/// `weakref` is already loaded (CPython has both at start-up; see `_register_abcs`).
pub fn register_abcs(vm: &Vm, abc: &PyRef) -> PyResult<()> {
    let Some(w) = vm.modules.get_str(&vm.intern("weakref")) else {
        return Ok(());
    };
    let f = crate::ops::get_attr(vm, &w, &vm.intern("_register_abcs"))?;
    crate::ops::call(vm, &f, std::slice::from_ref(abc), None)?;
    Ok(())
}

/// `weakref`: runs [`WEAKREF_PY`] in a fresh module.
pub fn init(vm: &Vm) -> PyRef {
    let m = vm.new_module("weakref", None);
    let mobj = m.clone_object();
    m.dict
        .set_str(vm.names.__builtins__.clone(), vm.builtins_module_obj());
    let code = match refvm_compiler::compile_source(
        WEAKREF_PY.as_bytes(),
        &refvm_compiler::CompileOptions::new("<frozen weakref>"),
    ) {
        Ok(c) => c,
        Err(_) => return mobj,
    };
    let mut cache = crate::objects::code::ConstCache::default();
    if let Ok(code) = vm.make_code(&Arc::new(code), &mut cache) {
        let _ = crate::eval::run_code(vm, code, m.dict.clone(), None);
    }
    mobj
}
