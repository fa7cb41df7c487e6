//! `dict`: CPython's compact dict — an index table with open addressing (perturbed probing)
//! over an insertion-ordered entry array. Lookups that must call `__eq__` release every
//! borrow first and restart if the dict changed meanwhile, as `lookdict` does.

use crate::error::PyResult;
use crate::object::alloc::{alloc, drop_payload};
use crate::object::typeobj::LayoutOps;
use crate::object::{PyObject, PyRef, PyType, gc};
use crate::objects::str::PyStr;
use crate::vm::Vm;
use std::cell::UnsafeCell;

const EMPTY: i32 = -1;
const DUMMY: i32 = -2;
const PERTURB_SHIFT: u32 = 5;
const MIN_SIZE: usize = 8;

#[derive(Clone)]
pub struct Entry {
    pub hash: i64,
    /// `None`: a deleted entry.
    pub key: Option<PyRef>,
    pub value: Option<PyRef>,
}

#[derive(Default)]
pub struct DictInner {
    indices: Vec<i32>,
    entries: Vec<Entry>,
    used: usize,
    /// Bumped whenever keys are added, removed or the table is rebuilt.
    version: u64,
    /// A type's dict read by the type attribute cache: any mutation invalidates it.
    watched: bool,
}

/// A `dict` object.
#[repr(C)]
pub struct PyDict {
    pub ob: PyObject,
    inner: UnsafeCell<DictInner>,
}
crate::payload!(PyDict, Dict);

pub const DICT_LAYOUT_OPS: LayoutOps = LayoutOps::fixed(drop_payload::<PyDict>);

/// Equality that needs no Python code: identity, or exact str/int contents.
#[inline]
pub fn fast_eq(vm: &Vm, a: &PyObject, b: &PyObject) -> Option<bool> {
    if a.is(b) {
        return Some(true);
    }
    let ta = a.type_ptr();
    if ta == b.type_ptr() {
        if ta == vm.types.str.as_type_ptr() {
            // SAFETY: both exact str.
            let (x, y) = unsafe { (a.cast_unchecked::<PyStr>(), b.cast_unchecked::<PyStr>()) };
            return Some(x.eq_str(y));
        }
        if ta == vm.types.int.as_type_ptr() {
            // SAFETY: both exact int.
            let (x, y) = unsafe {
                (
                    a.cast_unchecked::<crate::objects::int::PyInt>(),
                    b.cast_unchecked::<crate::objects::int::PyInt>(),
                )
            };
            return Some(x.value() == y.value());
        }
    }
    None
}

/// `_PyObject_GC_MAY_BE_TRACKED`.
fn may_be_tracked(o: &PyObject) -> bool {
    crate::gc::may_be_tracked(o)
}

impl PyDict {
    #[inline(always)]
    fn inner(&self) -> &DictInner {
        // SAFETY: single-threaded; no &mut DictInner is alive while Python code runs
        // (every method below finishes its mutation before calling out or dropping refs).
        unsafe { &*self.inner.get() }
    }
    #[allow(clippy::mut_from_ref)]
    #[inline(always)]
    fn inner_mut(&self) -> &mut DictInner {
        // SAFETY: see `inner`; callers never hold this across a call into Python or a drop
        // of a PyRef.
        let d = unsafe { &mut *self.inner.get() };
        if d.watched {
            crate::object::typeobj::type_modified();
        }
        d
    }

    /// Marks this dict as read by the type attribute cache (`PyType_Lookup`).
    #[inline(always)]
    pub fn watch(&self) {
        // SAFETY: a plain flag write; no other borrow of the inner state is alive here.
        unsafe { (*self.inner.get()).watched = true };
    }

    pub fn len(&self) -> usize {
        self.inner().used
    }
    pub fn is_empty(&self) -> bool {
        self.inner().used == 0
    }
    pub fn version(&self) -> u64 {
        self.inner().version
    }
    /// Number of entry slots (deleted included): the bound for `entry_at`.
    pub fn entries_len(&self) -> usize {
        self.inner().entries.len()
    }
    /// The live entry at position `i` (clones of key and value).
    pub fn entry_at(&self, i: usize) -> Option<(PyRef, PyRef)> {
        let e = self.inner().entries.get(i)?;
        Some((e.key.clone()?, e.value.clone()?))
    }
    pub fn key_at(&self, i: usize) -> Option<PyRef> {
        self.inner().entries.get(i)?.key.clone()
    }
    pub fn hash_at(&self, i: usize) -> Option<i64> {
        let e = self.inner().entries.get(i)?;
        e.key.as_ref().map(|_| e.hash)
    }

    pub fn keys(&self) -> Vec<PyRef> {
        self.inner()
            .entries
            .iter()
            .filter_map(|e| e.key.clone())
            .collect()
    }
    pub fn values(&self) -> Vec<PyRef> {
        self.inner()
            .entries
            .iter()
            .filter(|e| e.key.is_some())
            .filter_map(|e| e.value.clone())
            .collect()
    }
    pub fn items(&self) -> Vec<(PyRef, PyRef)> {
        self.inner()
            .entries
            .iter()
            .filter_map(|e| Some((e.key.clone()?, e.value.clone()?)))
            .collect()
    }

    /// [`PyDict::get_str`] that also gives the entry index (the `LOAD_GLOBAL` cache).
    pub fn get_str_ix(&self, key: &PyStr) -> Option<(usize, PyRef)> {
        let h = key.hash();
        let ix = self.probe_simple(h, |e| match e.key.as_ref() {
            Some(k) => {
                k.as_object().is(key.as_object())
                    || k.downcast_ref::<PyStr>().is_some_and(|s| s.eq_str(key))
            }
            None => false,
        })?;
        Some((ix, self.inner().entries[ix].value.clone()?))
    }

    /// The value of entry `ix` when that entry's key is the object `key` itself (a cached
    /// index is still valid: a key is in a dict once, at one entry).
    #[inline(always)]
    pub fn value_at_if_key(&self, ix: usize, key: &PyObject) -> Option<PyRef> {
        let e = self.inner().entries.get(ix)?;
        if e.key.as_ref().is_some_and(|k| k.as_object().is(key)) {
            e.value.clone()
        } else {
            None
        }
    }

    /// Stores `value` into entry `ix` when that entry's key is the object `key` itself and
    /// holds a value (a cached index is still valid), as `set_str` would; gives `value`
    /// back otherwise. The old value is dropped after the store.
    #[inline(always)]
    pub fn replace_at_if_key(&self, ix: usize, key: &PyObject, value: PyRef) -> Result<(), PyRef> {
        let hit = self.inner().entries.get(ix).is_some_and(|e| {
            e.value.is_some() && e.key.as_ref().is_some_and(|k| k.as_object().is(key))
        });
        if !hit {
            return Err(value);
        }
        self.maintain_tracking(key, &value);
        let old = std::mem::replace(&mut self.inner_mut().entries[ix].value, Some(value));
        drop(old);
        Ok(())
    }

    /// Finds `key` by a probe that calls no Python code (`eq` decides). Returns entry index.
    fn probe_simple(&self, hash: i64, mut eq: impl FnMut(&Entry) -> bool) -> Option<usize> {
        let d = self.inner();
        if d.indices.is_empty() {
            return None;
        }
        let mask = d.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let ix = d.indices[i];
            if ix == EMPTY {
                return None;
            }
            if ix >= 0 {
                let e = &d.entries[ix as usize];
                if e.hash == hash && e.key.is_some() && eq(e) {
                    return Some(ix as usize);
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
    }

    /// Looks up a str key without running Python code (str keys compare by contents).
    pub fn get_str(&self, key: &PyStr) -> Option<PyRef> {
        let h = key.hash();
        let ix = self.probe_simple(h, |e| match e.key.as_ref() {
            Some(k) => {
                k.as_object().is(key.as_object())
                    || k.downcast_ref::<PyStr>().is_some_and(|s| s.eq_str(key))
            }
            None => false,
        })?;
        self.inner().entries[ix].value.clone()
    }

    /// Lookup: `Some(entry index)`, with `__eq__` calls as needed (may restart).
    fn lookup(&self, vm: &Vm, key: &PyObject, hash: i64) -> PyResult<Option<usize>> {
        'restart: loop {
            let d = self.inner();
            if d.indices.is_empty() {
                return Ok(None);
            }
            let mask = d.indices.len() - 1;
            let mut perturb = hash as u64;
            let mut i = (hash as u64 as usize) & mask;
            loop {
                let d = self.inner();
                let ix = d.indices[i];
                if ix == EMPTY {
                    return Ok(None);
                }
                if ix >= 0 {
                    let e = &d.entries[ix as usize];
                    if let Some(k) = e.key.as_ref() {
                        if k.as_object().is(key) {
                            return Ok(Some(ix as usize));
                        }
                        if e.hash == hash {
                            match fast_eq(vm, k, key) {
                                Some(true) => return Ok(Some(ix as usize)),
                                Some(false) => {}
                                None => {
                                    let startkey = k.clone();
                                    let version = d.version;
                                    let r = crate::ops::compare::rich_compare_bool(
                                        vm,
                                        &startkey,
                                        key,
                                        crate::object::typeobj::CmpOp::Eq,
                                    )?;
                                    let d2 = self.inner();
                                    let same = d2.version == version
                                        && d2
                                            .entries
                                            .get(ix as usize)
                                            .and_then(|e| e.key.as_ref())
                                            .is_some_and(|k2| k2.is(&startkey));
                                    drop(startkey);
                                    if !same {
                                        continue 'restart;
                                    }
                                    if r {
                                        return Ok(Some(ix as usize));
                                    }
                                }
                            }
                        }
                    }
                }
                perturb >>= PERTURB_SHIFT;
                i = (i
                    .wrapping_mul(5)
                    .wrapping_add(perturb as usize)
                    .wrapping_add(1))
                    & mask;
            }
        }
    }

    /// `d[key]` or None; errors come from hashing or `__eq__`.
    pub fn get_item(&self, vm: &Vm, key: &PyObject) -> PyResult<Option<PyRef>> {
        let hash = crate::ops::hash(vm, key)?;
        self.get_item_hashed(vm, key, hash)
    }

    pub fn get_item_hashed(&self, vm: &Vm, key: &PyObject, hash: i64) -> PyResult<Option<PyRef>> {
        Ok(match self.lookup(vm, key, hash)? {
            Some(ix) => self.inner().entries[ix].value.clone(),
            None => None,
        })
    }

    pub fn contains(&self, vm: &Vm, key: &PyObject) -> PyResult<bool> {
        let hash = crate::ops::hash(vm, key)?;
        Ok(self.lookup(vm, key, hash)?.is_some())
    }

    /// `d[key] = value`.
    pub fn set_item(&self, vm: &Vm, key: PyRef, value: PyRef) -> PyResult<()> {
        let hash = crate::ops::hash(vm, &key)?;
        self.set_item_hashed(vm, key, hash, value)
    }

    pub fn set_item_hashed(&self, vm: &Vm, key: PyRef, hash: i64, value: PyRef) -> PyResult<()> {
        let found = self.lookup(vm, &key, hash)?;
        self.maintain_tracking(&key, &value);
        match found {
            Some(ix) => {
                let old = std::mem::replace(&mut self.inner_mut().entries[ix].value, Some(value));
                drop(old);
            }
            None => self.insert_new(hash, key, value),
        }
        Ok(())
    }

    fn maintain_tracking(&self, key: &PyObject, value: &PyObject) {
        if gc::may_track_on_insert(self.as_object())
            && (may_be_tracked(key) || may_be_tracked(value))
        {
            gc::track(self.as_object());
        }
    }

    /// Sets a str key (no Python code runs except a replaced value's `__del__`).
    pub fn set_str(&self, key: PyRef<PyStr>, value: PyRef) {
        let hash = key.hash();
        let found = self.probe_simple(hash, |e| match e.key.as_ref() {
            Some(k) => k.is(&key) || k.downcast_ref::<PyStr>().is_some_and(|s| s.eq_str(&key)),
            None => false,
        });
        self.maintain_tracking(key.as_object(), &value);
        match found {
            Some(ix) => {
                let old = std::mem::replace(&mut self.inner_mut().entries[ix].value, Some(value));
                drop(old);
            }
            None => self.insert_new(hash, key.into_object(), value),
        }
    }

    fn insert_new(&self, hash: i64, key: PyRef, value: PyRef) {
        let d = self.inner_mut();
        if d.indices.is_empty() || d.entries.len() >= usable(d.indices.len()) {
            let need = (d.used + 1) * 3;
            d.resize(need);
        }
        let mask = d.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        while d.indices[i] >= 0 {
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
        let n = d.entries.len();
        crate::object::alloc::account(std::mem::size_of::<Entry>() as isize);
        d.entries.push(Entry {
            hash,
            key: Some(key),
            value: Some(value),
        });
        d.indices[i] = n as i32;
        d.used += 1;
        d.version += 1;
    }

    /// Removes `key`; returns its value if present.
    pub fn pop_item(&self, vm: &Vm, key: &PyObject) -> PyResult<Option<PyRef>> {
        let hash = crate::ops::hash(vm, key)?;
        let Some(ix) = self.lookup(vm, key, hash)? else {
            return Ok(None);
        };
        Ok(Some(self.remove_at(ix)))
    }

    /// Removes a str key without calling Python code.
    pub fn pop_str(&self, key: &PyStr) -> Option<PyRef> {
        let hash = key.hash();
        let ix = self.probe_simple(hash, |e| {
            e.key
                .as_ref()
                .is_some_and(|k| k.downcast_ref::<PyStr>().is_some_and(|s| s.eq_str(key)))
        })?;
        Some(self.remove_at(ix))
    }

    fn remove_at(&self, ix: usize) -> PyRef {
        let (k, v) = {
            let d = self.inner_mut();
            let mask = d.indices.len() - 1;
            let hash = d.entries[ix].hash;
            let mut perturb = hash as u64;
            let mut i = (hash as u64 as usize) & mask;
            while d.indices[i] != ix as i32 {
                perturb >>= PERTURB_SHIFT;
                i = (i
                    .wrapping_mul(5)
                    .wrapping_add(perturb as usize)
                    .wrapping_add(1))
                    & mask;
            }
            d.indices[i] = DUMMY;
            d.used -= 1;
            d.version += 1;
            let e = &mut d.entries[ix];
            (e.key.take(), e.value.take())
        };
        drop(k);
        match v {
            Some(v) => v,
            None => crate::vm::with_vm(|vm| Some(vm.none())).unwrap_or_else(|| dangling_none()),
        }
    }

    /// Removes and returns the last item (`popitem`).
    pub fn pop_last(&self) -> Option<(PyRef, PyRef)> {
        let d = self.inner();
        let ix = d.entries.iter().rposition(|e| e.key.is_some())?;
        let k = d.entries[ix].key.clone()?;
        let v = self.remove_at(ix);
        // popitem also trims trailing deleted entries in CPython (dk_nentries = i)
        let d = self.inner_mut();
        while d.entries.last().is_some_and(|e| e.key.is_none()) {
            d.entries.pop();
        }
        Some((k, v))
    }

    /// Removes everything (`clear`): the old entries are dropped after the dict is empty.
    pub fn clear(&self) {
        let old = std::mem::take(self.inner_mut());
        self.inner_mut().version = old.version + 1;
        crate::object::alloc::account(
            -((old.entries.capacity() * std::mem::size_of::<Entry>()) as isize),
        );
        drop(old);
    }

    /// A shallow copy (`dict.copy`).
    pub fn copy(&self, vm: &Vm) -> PyRef<PyDict> {
        let new = vm.new_dict();
        for (k, v) in self.items() {
            let h = self
                .inner()
                .entries
                .iter()
                .find(|e| e.key.as_ref().is_some_and(|x| x.is(&k)))
                .map_or(0, |e| e.hash);
            new.maintain_tracking(&k, &v);
            new.insert_new(h, k, v);
        }
        new
    }

    /// Visits values, and keys unless all are exact `str` (for the cycle collector, in
    /// `dict_traverse`'s order: a table of str keys visits only its values, a general
    /// table each value then its key).
    pub fn traverse<F: FnMut(&PyObject) + ?Sized>(&self, visit: &mut F) {
        let entries = &self.inner().entries;
        let unicode = entries.iter().all(|e| {
            e.key.as_ref().is_none_or(|k| {
                let t = k.type_();
                t.layout == crate::object::Layout::Str && !t.is_heap()
            })
        });
        for e in entries {
            if let (Some(k), Some(v)) = (&e.key, &e.value) {
                visit(v);
                if !unicode {
                    visit(k);
                }
            }
        }
    }
}

fn usable(size: usize) -> usize {
    (size << 1) / 3
}

impl DictInner {
    fn resize(&mut self, minsize: usize) {
        let mut size = MIN_SIZE;
        while size < minsize {
            size <<= 1;
        }
        let old_entries = std::mem::take(&mut self.entries);
        crate::object::alloc::account((size * 4) as isize - (self.indices.len() * 4) as isize);
        self.indices = vec![EMPTY; size];
        self.entries = Vec::with_capacity(usable(size));
        let mask = size - 1;
        for e in old_entries {
            if e.key.is_none() {
                continue;
            }
            let mut perturb = e.hash as u64;
            let mut i = (e.hash as u64 as usize) & mask;
            while self.indices[i] != EMPTY {
                perturb >>= PERTURB_SHIFT;
                i = (i
                    .wrapping_mul(5)
                    .wrapping_add(perturb as usize)
                    .wrapping_add(1))
                    & mask;
            }
            self.indices[i] = self.entries.len() as i32;
            self.entries.push(e);
        }
        self.version += 1;
    }
}

impl Drop for PyDict {
    fn drop(&mut self) {
        let d = self.inner.get_mut();
        crate::object::alloc::account(
            -((d.entries.len() * std::mem::size_of::<Entry>() + d.indices.len() * 4) as isize),
        );
    }
}

/// dict `tp_traverse`.
pub fn dict_traverse(o: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(d) = o.downcast_ref::<PyDict>() {
        d.traverse(visit);
    }
}

/// dict `tp_clear`.
pub fn dict_clear(o: &PyObject) {
    if let Some(d) = o.downcast_ref::<PyDict>() {
        d.clear();
    }
}

impl Vm {
    /// A new empty dict (untracked until it holds a container, as in CPython).
    pub fn new_dict(&self) -> PyRef<PyDict> {
        new_dict_of_type(&self.types.dict)
    }
}

/// A new empty dict of type `t` (a dict subclass or dict itself).
pub fn new_dict_of_type(t: &PyType) -> PyRef<PyDict> {
    let d = alloc(
        t,
        PyDict {
            ob: crate::object::header(),
            inner: UnsafeCell::new(DictInner::default()),
        },
    );
    if !t.is_heap() {
        gc::untrack(d.as_object());
    }
    d
}

/// Only reached if a dict entry had no value and no VM is current — impossible in a run;
/// an empty tuple-less fallback keeps this path total without panicking.
fn dangling_none() -> PyRef {
    // A freshly leaked object header standing in for None (never observed by programs).
    let b = Box::leak(Box::new(crate::object::header()));
    b.ob_refcnt.set(1 << 40);
    // SAFETY: the header is live forever and never deallocated (huge refcount).
    unsafe { PyRef::from_raw(b as *mut PyObject) }
}
