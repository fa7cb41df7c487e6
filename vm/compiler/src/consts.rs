//! Constants as the compiler deduplicates them: CPython's `_PyCode_ConstantKey` rules
//! (`1`, `1.0` and `True` are different constants, so are `0.0` and `-0.0`) and the
//! per-code-object constant table (`u_consts`, `compiler_add_const`).

use crate::fxhash::FxHashMap;
use refvm_bytecode::{CodeObject, Constant};
use refvm_common::PyStr;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

/// A constant compared and hashed by `_PyCode_ConstantKey` equality.
#[derive(Clone, Debug)]
pub struct ConstKey(pub Constant);

/// Whether `a` and `b` have equal `_PyCode_ConstantKey`s.
pub fn key_eq(a: &Constant, b: &Constant) -> bool {
    use Constant::*;
    match (a, b) {
        (None, None) | (Ellipsis, Ellipsis) | (StopIteration, StopIteration) => true,
        (Bool(x), Bool(y)) => x == y,
        (Int(x), Int(y)) => x == y,
        // Tuple comparison checks identity first, so only the very same NaN object is
        // equal to itself; distinct NaN constants never merge.
        (Float(x), Float(y)) => float_key_eq(*x, *y),
        (Complex { re: a, im: b }, Complex { re: c, im: d }) => {
            float_key_eq(*a, *c) && float_key_eq(*b, *d)
        }
        (Str(x), Str(y)) => x == y,
        (Bytes(x), Bytes(y)) => x == y,
        (Tuple(x), Tuple(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| key_eq(p, q)),
        (FrozenSet(x), FrozenSet(y)) => {
            x.len() == y.len() && x.iter().all(|p| y.iter().any(|q| key_eq(p, q)))
        }
        (Code(x), Code(y)) => Arc::ptr_eq(x, y) || code_eq(x, y),
        _ => false,
    }
}

/// `code_richcompare`: code objects compiled from the same source (a `while` test or a
/// `finally` body is compiled twice) are equal constants.
fn code_eq(a: &CodeObject, b: &CodeObject) -> bool {
    a.name == b.name
        && a.argcount == b.argcount
        && a.posonlyargcount == b.posonlyargcount
        && a.kwonlyargcount == b.kwonlyargcount
        && a.flags == b.flags
        && a.firstlineno == b.firstlineno
        && a.code == b.code
        && a.consts.len() == b.consts.len()
        && a.consts.iter().zip(&b.consts).all(|(p, q)| key_eq(p, q))
        && a.names == b.names
        && a.localsplusnames == b.localsplusnames
        && a.linetable == b.linetable
        && a.exceptiontable == b.exceptiontable
}

/// Floats compare by value, except that the sign of a zero counts and NaN is unequal.
fn float_key_eq(x: f64, y: f64) -> bool {
    x == y && x.is_sign_negative() == y.is_sign_negative()
}

fn key_hash<H: Hasher>(c: &Constant, h: &mut H) {
    use Constant::*;
    std::mem::discriminant(c).hash(h);
    match c {
        None | Ellipsis | StopIteration => {}
        Bool(b) => b.hash(h),
        Int(i) => i.hash(h),
        Float(x) => x.to_bits().hash(h),
        Complex { re, im } => {
            re.to_bits().hash(h);
            im.to_bits().hash(h);
        }
        Str(s) => s.as_bytes().hash(h),
        Bytes(b) => b.hash(h),
        Tuple(items) => {
            items.len().hash(h);
            for i in items {
                key_hash(i, h);
            }
        }
        FrozenSet(items) => {
            // Order-independent: combine the members' own hashes commutatively.
            let mut acc: u64 = 0;
            for i in items {
                let mut sub = crate::fxhash::FxHasher::default();
                key_hash(i, &mut sub);
                acc = acc.wrapping_add(sub.finish());
            }
            acc.hash(h);
        }
        Code(c) => {
            c.name.hash(h);
            c.firstlineno.hash(h);
            c.code.hash(h);
        }
    }
}

impl PartialEq for ConstKey {
    fn eq(&self, other: &Self) -> bool {
        key_eq(&self.0, &other.0)
    }
}

impl Eq for ConstKey {}

impl Hash for ConstKey {
    fn hash<H: Hasher>(&self, state: &mut H) {
        key_hash(&self.0, state)
    }
}

/// `PyObject_IsTrue` of a constant.
pub fn is_true(c: &Constant) -> bool {
    use Constant::*;
    match c {
        None => false,
        Ellipsis | StopIteration | Code(_) => true,
        Bool(b) => *b,
        Int(i) => i.sign() != num_bigint::Sign::NoSign,
        Float(x) => *x != 0.0,
        Complex { re, im } => *re != 0.0 || *im != 0.0,
        Str(s) => !s.is_empty(),
        Bytes(b) => !b.is_empty(),
        Tuple(t) | FrozenSet(t) => !t.is_empty(),
    }
}

/// Indices by hash: `hashes[i]` is entry `i`'s hash. Small tables (most of a code
/// object's names and constants) are scanned linearly; past [`SMALL`] entries,
/// `heads[hash]` is the newest index with that hash and `next[i]` the one before, so
/// entries are stored once (no key copies).
#[derive(Clone, Debug, Default)]
pub(crate) struct HashChains {
    hashes: Vec<u64>,
    heads: FxHashMap<u64, u32>,
    next: Vec<u32>,
}

const END: u32 = u32::MAX;

/// Up to this many entries, lookups scan `hashes` instead of a hash map.
const SMALL: usize = 16;

impl HashChains {
    /// The first index with hash `h` for which `eq` holds.
    pub(crate) fn find(&self, h: u64, mut eq: impl FnMut(u32) -> bool) -> Option<u32> {
        if self.hashes.len() <= SMALL {
            return self
                .hashes
                .iter()
                .enumerate()
                .find(|&(i, &x)| x == h && eq(i as u32))
                .map(|(i, _)| i as u32);
        }
        let mut i = *self.heads.get(&h)?;
        while i != END {
            if eq(i) {
                return Some(i);
            }
            i = self.next[i as usize];
        }
        None
    }

    /// Records index `i` (the next one) under hash `h`.
    pub(crate) fn push(&mut self, h: u64, i: u32) {
        self.hashes.push(h);
        let n = self.hashes.len();
        if n <= SMALL {
            return;
        }
        if n == SMALL + 1 {
            // Switch to chains: index every entry so far.
            self.heads.reserve(2 * n);
            self.next.reserve(2 * n);
            for (j, &hj) in self.hashes[..n - 1].iter().enumerate() {
                let prev = self.heads.insert(hj, j as u32).unwrap_or(END);
                self.next.push(prev);
            }
        }
        let prev = self.heads.insert(h, i).unwrap_or(END);
        // Newest first: lookups scan a chain in reverse insertion order, which is fine
        // because equal keys are never inserted twice.
        self.next.push(prev);
    }
}

pub(crate) fn fx_hash<T: Hash + ?Sized>(t: &T) -> u64 {
    let mut h = crate::fxhash::FxHasher::default();
    t.hash(&mut h);
    h.finish()
}

/// A code object's constants in insertion order with key-based deduplication
/// (`u_consts` plus `compiler_add_o`).
#[derive(Clone, Debug, Default)]
pub struct ConstTable {
    list: Vec<Constant>,
    chains: HashChains,
}

impl ConstTable {
    pub fn new() -> ConstTable {
        ConstTable::default()
    }

    /// `compiler_add_const`: the index of `c`, appended if no equal-keyed constant is
    /// present.
    pub fn add(&mut self, c: Constant) -> u32 {
        let mut h = crate::fxhash::FxHasher::default();
        key_hash(&c, &mut h);
        let h = h.finish();
        if let Some(i) = self.chains.find(h, |i| key_eq(&self.list[i as usize], &c)) {
            return i;
        }
        let i = self.list.len() as u32;
        self.list.push(c);
        self.chains.push(h, i);
        i
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The constants in index order (`consts_dict_keys_inorder`).
    pub fn into_list(self) -> Vec<Constant> {
        self.list
    }
}

/// A dict from names to their indices in insertion order (`u_names`, `u_varnames`,
/// `u_cellvars`, `u_freevars`).
#[derive(Clone, Debug, Default)]
pub struct NameTable {
    list: Vec<PyStr>,
    chains: HashChains,
}

impl NameTable {
    pub fn new() -> NameTable {
        NameTable::default()
    }

    fn find(&self, bytes: &[u8]) -> (u64, Option<u32>) {
        let h = fx_hash(bytes);
        (
            h,
            self.chains
                .find(h, |i| self.list[i as usize].as_bytes() == bytes),
        )
    }

    /// `compiler_add_o`: the index of `name`, appended if absent.
    pub fn add(&mut self, name: &PyStr) -> u32 {
        match self.find(name.as_bytes()) {
            (_, Some(i)) => i,
            (h, None) => self.insert(h, name.clone()),
        }
    }

    /// [`NameTable::add`] for a name given as text (no allocation when present).
    pub fn add_str(&mut self, name: &str) -> u32 {
        match self.find(name.as_bytes()) {
            (_, Some(i)) => i,
            (h, None) => self.insert(h, PyStr::from(name)),
        }
    }

    fn insert(&mut self, h: u64, name: PyStr) -> u32 {
        let i = self.list.len() as u32;
        self.list.push(name);
        self.chains.push(h, i);
        i
    }

    pub fn get(&self, name: &PyStr) -> Option<u32> {
        self.find(name.as_bytes()).1
    }

    pub fn get_str(&self, name: &str) -> Option<u32> {
        self.find(name.as_bytes()).1
    }

    pub fn contains(&self, name: &PyStr) -> bool {
        self.get(name).is_some()
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Names in index order.
    pub fn names(&self) -> &[PyStr] {
        &self.list
    }

    /// The names in index order, without copying them.
    pub fn into_names(self) -> Vec<PyStr> {
        self.list
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use num_bigint::BigInt;

    /// Tables past the linear-scan size still find every name once.
    #[test]
    fn big_name_table() {
        let mut t = NameTable::new();
        for round in 0..2 {
            for i in 0..50u32 {
                assert_eq!(t.add_str(&format!("n{i}")), i, "round {round}");
            }
        }
        assert_eq!(t.len(), 50);
        assert_eq!(t.get_str("n17"), Some(17));
        assert_eq!(t.get_str("n3"), Some(3));
        assert_eq!(t.get_str("x"), None);
    }

    #[test]
    fn key_rules() {
        let one = Constant::Int(BigInt::from(1));
        assert!(!key_eq(&one, &Constant::Bool(true)));
        assert!(!key_eq(&one, &Constant::Float(1.0)));
        assert!(!key_eq(&Constant::Float(0.0), &Constant::Float(-0.0)));
        assert!(!key_eq(
            &Constant::Float(f64::NAN),
            &Constant::Float(f64::NAN)
        ));
        assert!(key_eq(
            &Constant::Tuple(vec![one.clone(), Constant::Float(2.0)]),
            &Constant::Tuple(vec![one.clone(), Constant::Float(2.0)])
        ));
        let mut t = ConstTable::new();
        assert_eq!(t.add(Constant::None), 0);
        assert_eq!(t.add(one.clone()), 1);
        assert_eq!(t.add(Constant::Bool(true)), 2);
        assert_eq!(t.add(one), 1);
        assert_eq!(
            t.add(Constant::FrozenSet(vec![
                Constant::Int(1.into()),
                Constant::Int(2.into())
            ])),
            3
        );
        assert_eq!(
            t.add(Constant::FrozenSet(vec![
                Constant::Int(2.into()),
                Constant::Int(1.into())
            ])),
            3
        );
    }
}
