//! `set` and `frozenset`: a port of `Objects/setobject.c`'s table (linear probes, then
//! perturbed jumps; dummies; the same resize thresholds) so iteration order is CPython's.

use crate::error::PyResult;
use crate::object::alloc::{alloc, drop_payload};
use crate::object::typeobj::{CmpOp, LayoutOps};
use crate::object::{PyObject, PyRef, PyType};
use crate::vm::Vm;
use std::cell::{Cell, UnsafeCell};

const MINSIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone, Default)]
pub struct SetEntry {
    /// `None` with hash 0: unused; `None` with hash -1: dummy.
    pub key: Option<PyRef>,
    pub hash: i64,
}

pub struct SetTable {
    pub table: Vec<SetEntry>,
    pub fill: usize,
    pub used: usize,
    pub finger: usize,
    /// Bumped on any change of the table allocation (CPython compares table pointers).
    pub generation: u64,
}

impl Default for SetTable {
    fn default() -> Self {
        SetTable {
            table: vec![SetEntry::default(); MINSIZE],
            fill: 0,
            used: 0,
            finger: 0,
            generation: 0,
        }
    }
}

#[repr(C)]
pub struct PySet {
    pub ob: PyObject,
    inner: UnsafeCell<SetTable>,
    pub hash: Cell<i64>,
}
crate::payload!(PySet, Set);

pub const SET_LAYOUT_OPS: LayoutOps = LayoutOps::fixed(drop_payload::<PySet>);

impl PySet {
    pub fn inner(&self) -> &SetTable {
        // SAFETY: single-threaded; mutation never overlaps a call into Python.
        unsafe { &*self.inner.get() }
    }
    #[allow(clippy::mut_from_ref)]
    fn inner_mut(&self) -> &mut SetTable {
        // SAFETY: as `inner`.
        unsafe { &mut *self.inner.get() }
    }
    pub fn len(&self) -> usize {
        self.inner().used
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn is_frozen(&self, vm: &Vm) -> bool {
        self.as_object().type_().is_subtype(&vm.types.frozenset)
    }
    /// Items in table order (iteration order).
    pub fn items(&self) -> Vec<PyRef> {
        self.inner()
            .table
            .iter()
            .filter_map(|e| e.key.clone())
            .collect()
    }
    pub fn items_hashed(&self) -> Vec<(PyRef, i64)> {
        self.inner()
            .table
            .iter()
            .filter_map(|e| Some((e.key.clone()?, e.hash)))
            .collect()
    }
    pub fn table_len(&self) -> usize {
        self.inner().table.len()
    }
    pub fn entry_at(&self, i: usize) -> Option<PyRef> {
        self.inner().table.get(i)?.key.clone()
    }

    fn eq_keys(vm: &Vm, startkey: &PyRef, key: &PyObject) -> PyResult<Option<bool>> {
        if startkey.as_object().is(key) {
            return Ok(Some(true));
        }
        if let Some(r) = crate::objects::dict::fast_eq(vm, startkey, key) {
            if startkey.is_type(&vm.types.str) && key.is_type(&vm.types.str) {
                return Ok(Some(r));
            }
        }
        Ok(None)
    }

    /// `set_add_entry`.
    pub fn add_hashed(&self, vm: &Vm, key: PyRef, hash: i64) -> PyResult<()> {
        'restart: loop {
            let t = self.inner();
            let mask = t.table.len() - 1;
            let mut i = (hash as usize) & mask;
            let mut freeslot: Option<usize> = None;
            let mut perturb = hash as u64;
            loop {
                let mut j = i;
                let mut probes = if i + LINEAR_PROBES <= mask {
                    LINEAR_PROBES
                } else {
                    0
                };
                loop {
                    let t = self.inner();
                    let e = &t.table[j];
                    if e.hash == 0 && e.key.is_none() {
                        return self.insert_at(freeslot, j, key, hash);
                    }
                    if e.hash == hash {
                        if let Some(sk) = e.key.clone() {
                            match Self::eq_keys(vm, &sk, &key)? {
                                Some(true) => return Ok(()),
                                Some(false) => {}
                                None => {
                                    let tgen = t.generation;
                                    let cmp = crate::ops::compare::rich_compare_bool(
                                        vm,
                                        &sk,
                                        &key,
                                        CmpOp::Eq,
                                    )?;
                                    if cmp {
                                        return Ok(());
                                    }
                                    let t2 = self.inner();
                                    if t2.generation != tgen
                                        || !t2
                                            .table
                                            .get(j)
                                            .and_then(|e| e.key.as_ref())
                                            .is_some_and(|k| k.is(&sk))
                                    {
                                        continue 'restart;
                                    }
                                }
                            }
                        }
                    } else if e.hash == -1 && e.key.is_none() {
                        freeslot = Some(j);
                    }
                    j += 1;
                    if probes == 0 {
                        break;
                    }
                    probes -= 1;
                }
                perturb >>= PERTURB_SHIFT;
                i = (i
                    .wrapping_mul(5)
                    .wrapping_add(1)
                    .wrapping_add(perturb as usize))
                    & mask;
            }
        }
    }

    fn insert_at(&self, freeslot: Option<usize>, j: usize, key: PyRef, hash: i64) -> PyResult<()> {
        let t = self.inner_mut();
        if let Some(f) = freeslot {
            t.used += 1;
            t.table[f] = SetEntry {
                key: Some(key),
                hash,
            };
            return Ok(());
        }
        t.fill += 1;
        t.used += 1;
        t.table[j] = SetEntry {
            key: Some(key),
            hash,
        };
        let mask = t.table.len() - 1;
        if t.fill * 5 < mask * 3 {
            return Ok(());
        }
        let minused = if t.used > 50000 {
            t.used * 2
        } else {
            t.used * 4
        };
        t.resize(minused);
        Ok(())
    }

    /// `set_lookkey`: `Ok(Some(index))` of the active entry for key.
    fn lookkey(&self, vm: &Vm, key: &PyObject, hash: i64) -> PyResult<Option<usize>> {
        'restart: loop {
            let mask = self.inner().table.len() - 1;
            let mut i = (hash as usize) & mask;
            let mut perturb = hash as u64;
            loop {
                let mut j = i;
                let mut probes = if i + LINEAR_PROBES <= mask {
                    LINEAR_PROBES
                } else {
                    0
                };
                loop {
                    let t = self.inner();
                    let e = &t.table[j];
                    if e.hash == 0 && e.key.is_none() {
                        return Ok(None);
                    }
                    if e.hash == hash {
                        if let Some(sk) = e.key.clone() {
                            match Self::eq_keys(vm, &sk, key)? {
                                Some(true) => return Ok(Some(j)),
                                Some(false) => {}
                                None => {
                                    let tgen = t.generation;
                                    let cmp = crate::ops::compare::rich_compare_bool(
                                        vm,
                                        &sk,
                                        key,
                                        CmpOp::Eq,
                                    )?;
                                    let t2 = self.inner();
                                    if t2.generation != tgen
                                        || !t2
                                            .table
                                            .get(j)
                                            .and_then(|e| e.key.as_ref())
                                            .is_some_and(|k| k.is(&sk))
                                    {
                                        continue 'restart;
                                    }
                                    if cmp {
                                        return Ok(Some(j));
                                    }
                                }
                            }
                        }
                    }
                    j += 1;
                    if probes == 0 {
                        break;
                    }
                    probes -= 1;
                }
                perturb >>= PERTURB_SHIFT;
                i = (i
                    .wrapping_mul(5)
                    .wrapping_add(1)
                    .wrapping_add(perturb as usize))
                    & mask;
            }
        }
    }

    pub fn add(&self, vm: &Vm, key: PyRef) -> PyResult<()> {
        let h = crate::ops::hash(vm, &key)?;
        self.add_hashed(vm, key, h)
    }
    pub fn contains(&self, vm: &Vm, key: &PyObject) -> PyResult<bool> {
        let h = crate::ops::hash(vm, key)?;
        Ok(self.lookkey(vm, key, h)?.is_some())
    }
    pub fn contains_hashed(&self, vm: &Vm, key: &PyObject, h: i64) -> PyResult<bool> {
        Ok(self.lookkey(vm, key, h)?.is_some())
    }
    /// `set_discard_key`: true if it was present.
    pub fn discard(&self, vm: &Vm, key: &PyObject) -> PyResult<bool> {
        let h = crate::ops::hash(vm, key)?;
        self.discard_hashed(vm, key, h)
    }
    pub fn discard_hashed(&self, vm: &Vm, key: &PyObject, h: i64) -> PyResult<bool> {
        let Some(j) = self.lookkey(vm, key, h)? else {
            return Ok(false);
        };
        let old = {
            let t = self.inner_mut();
            t.used -= 1;
            let e = &mut t.table[j];
            e.hash = -1;
            e.key.take()
        };
        drop(old);
        Ok(true)
    }
    /// `set.pop()`.
    pub fn pop(&self) -> Option<PyRef> {
        let t = self.inner_mut();
        if t.used == 0 {
            return None;
        }
        let mask = t.table.len() - 1;
        let mut i = t.finger & mask;
        while t.table[i].key.is_none() {
            i += 1;
            if i > mask {
                i = 0;
            }
        }
        let k = t.table[i].key.take();
        t.table[i].hash = -1;
        t.used -= 1;
        t.finger = i + 1;
        k
    }
    pub fn clear(&self) {
        let old = std::mem::take(self.inner_mut());
        self.inner_mut().generation = old.generation + 1;
        drop(old);
    }
    pub fn traverse(&self, visit: &mut dyn FnMut(&PyObject)) {
        for e in &self.inner().table {
            if let Some(k) = &e.key {
                visit(k);
            }
        }
    }
}

impl SetTable {
    fn resize(&mut self, minused: usize) {
        let mut newsize = MINSIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let old = std::mem::replace(&mut self.table, vec![SetEntry::default(); newsize]);
        crate::object::alloc::account(((newsize as isize) - old.len() as isize) * 16);
        self.generation += 1;
        self.fill = self.used;
        let mask = newsize - 1;
        for e in old {
            if let Some(k) = e.key {
                insert_clean(&mut self.table, mask, k, e.hash);
            }
        }
    }
}

fn insert_clean(table: &mut [SetEntry], mask: usize, key: PyRef, hash: i64) {
    let mut perturb = hash as u64;
    let mut i = (hash as usize) & mask;
    loop {
        if table[i].key.is_none() {
            table[i] = SetEntry {
                key: Some(key),
                hash,
            };
            return;
        }
        if i + LINEAR_PROBES <= mask {
            for j in 1..=LINEAR_PROBES {
                if table[i + j].key.is_none() {
                    table[i + j] = SetEntry {
                        key: Some(key),
                        hash,
                    };
                    return;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i
            .wrapping_mul(5)
            .wrapping_add(1)
            .wrapping_add(perturb as usize))
            & mask;
    }
}

impl Vm {
    pub fn new_set_of_type(&self, t: &PyType) -> PyRef<PySet> {
        alloc(
            t,
            PySet {
                ob: crate::object::header(),
                inner: UnsafeCell::new(SetTable::default()),
                hash: Cell::new(-1),
            },
        )
    }
    pub fn new_set(&self) -> PyRef<PySet> {
        self.new_set_of_type(&self.types.set)
    }
}

/// set `tp_traverse`.
pub fn set_traverse(o: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(s) = o.downcast_ref::<PySet>() {
        s.traverse(visit);
    }
}
/// set `tp_clear`.
pub fn set_clear(o: &PyObject) {
    if let Some(s) = o.downcast_ref::<PySet>() {
        s.clear();
    }
}

/// `setobject.c`'s update/merge family, so results have CPython's table layout (and
/// therefore its iteration order).
impl PySet {
    /// `set_table_resize`.
    pub fn resize_to(&self, minused: usize) {
        self.inner_mut().resize(minused);
    }
    /// `set_merge`: adds every entry of `other` (a set or frozenset).
    pub fn merge(&self, vm: &Vm, other: &PySet) -> PyResult<()> {
        if std::ptr::eq(self, other) || other.is_empty() {
            return Ok(());
        }
        let (ofill, oused, omask) = {
            let o = other.inner();
            (o.fill, o.used, o.table.len() - 1)
        };
        {
            let t = self.inner_mut();
            let mask = t.table.len() - 1;
            if (t.fill + oused) * 5 >= mask * 3 {
                t.resize((t.used + oused) * 2);
            }
        }
        let snapshot: Vec<SetEntry> = other.inner().table.clone();
        let t = self.inner_mut();
        let mask = t.table.len() - 1;
        if t.fill == 0 && mask == omask && ofill == oused {
            let old = std::mem::replace(&mut t.table, snapshot);
            t.fill = ofill;
            t.used = oused;
            // the copied table has no dummies: dummy slots (hash -1) become unused.
            for e in t.table.iter_mut() {
                if e.key.is_none() {
                    e.hash = 0;
                }
            }
            t.generation += 1;
            drop(old);
            return Ok(());
        }
        if t.fill == 0 {
            t.fill = oused;
            t.used = oused;
            t.generation += 1;
            for e in snapshot {
                if let Some(k) = e.key {
                    insert_clean(&mut t.table, mask, k, e.hash);
                }
            }
            return Ok(());
        }
        for e in snapshot {
            if let Some(k) = e.key {
                self.add_hashed(vm, k, e.hash)?;
            }
        }
        Ok(())
    }

    /// `set_update_internal`: sets merge, exact dicts add their keys with known hashes,
    /// anything else is iterated.
    pub fn update_internal(&self, vm: &Vm, other: &PyObject) -> PyResult<()> {
        if let Some(o) = other.downcast_ref::<PySet>() {
            return self.merge(vm, o);
        }
        if other.is_type(&vm.types.dict) {
            if let Some(d) = other.downcast_ref::<crate::objects::dict::PyDict>() {
                let dictsize = d.len();
                {
                    let t = self.inner_mut();
                    let mask = t.table.len() - 1;
                    if (t.fill + dictsize) * 5 >= mask * 3 {
                        t.resize((t.used + dictsize) * 2);
                    }
                }
                let mut pairs = Vec::with_capacity(dictsize);
                for i in 0..d.entries_len() {
                    if let (Some(k), Some(h)) = (d.key_at(i), d.hash_at(i)) {
                        pairs.push((k, h));
                    }
                }
                for (k, h) in pairs {
                    self.add_hashed(vm, k, h)?;
                }
                return Ok(());
            }
        }
        let it = crate::ops::iter(vm, other)?;
        while let Some(x) = crate::ops::next(vm, &it)? {
            self.add(vm, x)?;
        }
        Ok(())
    }

    /// `set_swap_bodies`: exchanges the tables (and cached hashes) of two sets.
    pub fn swap_bodies(&self, other: &PySet) {
        std::mem::swap(self.inner_mut(), other.inner_mut());
        self.inner_mut().generation += 1;
        other.inner_mut().generation += 1;
        let h = self.hash.get();
        self.hash.set(other.hash.get());
        other.hash.set(h);
    }

    /// `set_discard_entry`.
    pub fn discard_entry(&self, vm: &Vm, key: &PyObject, h: i64) -> PyResult<bool> {
        self.discard_hashed(vm, key, h)
    }

    /// After removals: "if more than 1/4th are dummies, then resize them away".
    pub fn compact_after_discards(&self) {
        let t = self.inner_mut();
        let mask = t.table.len() - 1;
        if t.fill - t.used <= mask / 4 {
            return;
        }
        let used = t.used;
        t.resize(if used > 50000 { used * 2 } else { used * 4 });
    }
}
