//! The sharing model behind fresh `dumps`: which positions of a compiled module's code
//! tree are one CPython object, and which objects have a refcount above 1 when
//! `marshal.dumps` runs (`w_ref` gives those `FLAG_REF`; a second visit becomes `'r'`).
//!
//! What CPython 3.11 does, and this model reproduces:
//! - The compiler keeps one constant cache per module (`c_const_cache`): every constant
//!   (recursively inside tuples and frozensets, `merge_consts_recursive`) and also each
//!   code object's `co_consts`, `co_names`, `co_localsplusnames`, `co_linetable` and
//!   `co_exceptiontable` (`merge_const_one`) is replaced by the first equal one under
//!   `_PyCode_ConstantKey` (type-strict; `0.0` and `-0.0` differ). So equal values in
//!   those roles are one object, keyed here by value.
//! - `_PyCode_New` interns `co_names`, `co_localsplusnames` and the constants made only
//!   of ASCII letters, digits and `_` (`intern_string_constants`, recursing into tuples
//!   and frozensets); AST identifiers (`co_name` of functions and classes) are interned
//!   by the parser. Interned strings are one object per content, and `w_ref` always
//!   flags them; they are written with the `*_INTERNED` type codes.
//! - Objects with a refcount above 1 from outside the tree: the small ints -5..=256,
//!   one-character Latin-1 strings, `b''` and one-byte bytes, the empty tuple, the
//!   statically allocated names (`<module>`, `<lambda>`, `<listcomp>`, …), the
//!   filename (held by the caller), `co_code` (cached in the code object by
//!   `_PyCode_GetCode`) and the top-level code object (held by the caller).
//! - `co_localspluskinds` and `co_code` are fresh objects per code object; a qualname
//!   that is not the bare name is a fresh string, except in a class body, whose
//!   `__qualname__` constant is the very same object.
//! - A frozenset's members are written with `FLAG_REF` (the sort list holds them).
//!
//! Known limits (none seen from CPython's compiler on the stdlib unless measured
//! otherwise by `examples/stdlib_marshal.rs`): a frozenset holding identifier-like
//! strings, or one-character strings whose interned copy is not the Latin-1 singleton
//! (`frozenset::STARTUP_TWIN_CHARS`), is taken to be re-created per code object (it is
//! when those strings were already interned elsewhere, which depends on the
//! interpreter's interned-string table); NaN constants are keyed by their bits.

use super::{ErrorKind, MAX_MARSHAL_STACK_DEPTH, MarshalError};
use crate::code::{CodeObject, Constant};
use num_bigint::BigInt;
use num_traits::ToPrimitive;
use refvm_common::PyStr;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};

/// One position of the marshalled tree, with the role it plays in its code object.
#[derive(Clone, Copy, Debug)]
pub(super) enum View<'a> {
    Const(&'a Constant),
    /// A constant that is directly an item of some `co_consts`.
    CodeConst(&'a Constant),
    /// A code object that is not a constant of another (the top-level one).
    Code(&'a CodeObject),
    CoCode(&'a [u8]),
    Consts(&'a [Constant]),
    Names(&'a [PyStr]),
    Name(&'a PyStr),
    Kinds(&'a [u8]),
    Filename(&'a PyStr),
    CodeName(&'a PyStr),
    QualName(&'a CodeObject),
    /// `co_linetable` or `co_exceptiontable`.
    Table(&'a [u8]),
}

/// `co_name`s that are statically allocated strings in CPython (`_Py_STR`), not interned.
const STATIC_NAMES: [&str; 6] = [
    "<module>",
    "<lambda>",
    "<genexpr>",
    "<listcomp>",
    "<setcomp>",
    "<dictcomp>",
];

impl<'a> View<'a> {
    /// The view with the `co_consts` item role forgotten.
    pub(super) fn norm(self) -> View<'a> {
        match self {
            View::CodeConst(c) => View::Const(c),
            v => v,
        }
    }

    /// The type code of None/True/False/Ellipsis/StopIteration, written without refs.
    pub(super) fn singleton_code(&self) -> Option<u8> {
        use super::types::*;
        match self.norm() {
            View::Const(Constant::None) => Some(TYPE_NONE),
            View::Const(Constant::Bool(true)) => Some(TYPE_TRUE),
            View::Const(Constant::Bool(false)) => Some(TYPE_FALSE),
            View::Const(Constant::Ellipsis) => Some(TYPE_ELLIPSIS),
            View::Const(Constant::StopIteration) => Some(TYPE_STOPITER),
            _ => None,
        }
    }

    pub(super) fn is_singleton(&self) -> bool {
        self.singleton_code().is_some()
    }

    pub(super) fn as_str(&self) -> Option<&'a PyStr> {
        match self.norm() {
            View::Const(Constant::Str(s)) => Some(s),
            View::Name(s) | View::Filename(s) | View::CodeName(s) => Some(s),
            View::QualName(c) => Some(&c.qualname),
            _ => None,
        }
    }

    pub(super) fn as_bytes(&self) -> Option<&'a [u8]> {
        match self.norm() {
            View::Const(Constant::Bytes(b)) => Some(b),
            View::CoCode(b) | View::Kinds(b) | View::Table(b) => Some(b),
            _ => None,
        }
    }

    pub(super) fn tuple_len(&self) -> Option<usize> {
        match self.norm() {
            View::Const(Constant::Tuple(items)) => Some(items.len()),
            View::Consts(items) => Some(items.len()),
            View::Names(items) => Some(items.len()),
            _ => None,
        }
    }

    pub(super) fn tuple_item(&self, i: usize) -> Option<View<'a>> {
        match self.norm() {
            View::Const(Constant::Tuple(items)) => items.get(i).map(View::Const),
            View::Consts(items) => items.get(i).map(View::CodeConst),
            View::Names(items) => items.get(i).map(View::Name),
            _ => None,
        }
    }

    /// The position's identity: its role and the address of what it shows (`None` for
    /// the singletons, which have no identity in the stream).
    pub(super) fn position(&self) -> Option<(u8, usize)> {
        if self.is_singleton() {
            return None;
        }
        Some(match *self {
            View::Const(c) | View::CodeConst(c) => (0, addr(c)),
            View::Code(c) => (1, addr(c)),
            View::CoCode(b) => (2, b.as_ptr() as usize),
            View::Consts(items) => (3, items.as_ptr() as usize),
            View::Names(items) => (4, items.as_ptr() as usize),
            View::Name(s) => (5, addr(s)),
            View::Kinds(b) => (6, b.as_ptr() as usize),
            View::Filename(s) => (7, addr(s)),
            View::CodeName(s) => (8, addr(s)),
            View::QualName(c) => (9, addr(&c.qualname)),
            View::Table(b) => (10, b.as_ptr() as usize),
        })
    }

    pub(super) fn code(&self) -> Option<&'a CodeObject> {
        match self.norm() {
            View::Code(c) => Some(c),
            View::Const(Constant::Code(c)) => Some(c),
            _ => None,
        }
    }

    /// Whether two positions hold equal values (what a back-reference must satisfy).
    pub(super) fn same_value(&self, other: &View<'_>) -> bool {
        if let (Some(a), Some(b)) = (self.as_str(), other.as_str()) {
            return a == b;
        }
        if let (Some(a), Some(b)) = (self.as_bytes(), other.as_bytes()) {
            return a == b;
        }
        if let (Some(n), Some(m)) = (self.tuple_len(), other.tuple_len()) {
            return n == m
                && (0..n).all(|i| match (self.tuple_item(i), other.tuple_item(i)) {
                    (Some(a), Some(b)) => a.same_value(&b),
                    _ => false,
                });
        }
        if let (Some(a), Some(b)) = (self.code(), other.code()) {
            return std::ptr::eq(a, b) || a == b;
        }
        match (self.norm(), other.norm()) {
            (View::Const(a), View::Const(b)) => a == b,
            _ => false,
        }
    }
}

/// `all_name_chars` of `Objects/codeobject.c`: ASCII letters, digits and `_` only (the
/// empty string included).
pub(super) fn all_name_chars(s: &PyStr) -> bool {
    s.as_bytes()
        .iter()
        .all(|b| b.is_ascii_alphanumeric() || *b == b'_')
}

/// A fast multiplicative hasher for [`Key`]s (the keys are built from trusted, already
/// parsed values; no need for SipHash's flooding resistance).
#[derive(Default, Clone, Copy)]
pub(super) struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.write_u64(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.write_u64(u64::from_le_bytes(w) ^ (rest.len() as u64) << 56);
        }
    }

    fn write_u64(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_u8(&mut self, v: u8) {
        self.write_u64(u64::from(v));
    }

    fn write_usize(&mut self, v: usize) {
        self.write_u64(v as u64);
    }
}

/// A map keyed by an object's dense id.
pub(super) type IdMap = HashMap<u32, u32, std::hash::BuildHasherDefault<KeyHasher>>;

/// A map keyed by object identity.
pub(super) type KeyMap<'a, V> = HashMap<Key<'a>, V, std::hash::BuildHasherDefault<KeyHasher>>;

/// Object identity: positions with equal keys are one CPython object.
#[derive(Clone, Copy, Debug)]
pub(super) enum Key<'a> {
    Singleton(u8),
    /// A one-character Latin-1 string: a cached singleton, whatever its role.
    Char(&'a [u8]),
    Interned(&'a [u8]),
    Static(&'a [u8]),
    Filename(&'a [u8]),
    Str(&'a [u8]),
    Bytes(&'a [u8]),
    Int(&'a BigInt),
    Float(u64),
    Complex(u64, u64),
    /// A tuple and its structural hash (0 where only equality is needed).
    Tuple(TupleRef<'a>, u64),
    FrozenSet(&'a [Constant]),
    /// An object only its own position holds: a role tag and an address.
    Unique(u8, usize),
}

#[derive(Clone, Copy, Debug)]
pub(super) enum TupleRef<'a> {
    Names(&'a [PyStr]),
    Consts(&'a [Constant]),
}

impl<'a> TupleRef<'a> {
    fn len(&self) -> usize {
        match self {
            TupleRef::Names(n) => n.len(),
            TupleRef::Consts(c) => c.len(),
        }
    }

    fn item(&self, i: usize) -> Key<'a> {
        match self {
            TupleRef::Names(n) => str_key(&n[i], true),
            TupleRef::Consts(c) => light_key(&c[i]),
        }
    }
}

const U_CODE: u8 = 0;
const U_CO_CODE: u8 = 1;
const U_KINDS: u8 = 2;
const U_QUALNAME: u8 = 3;
const U_FROZENSET: u8 = 4;
const U_NAN: u8 = 5;
/// The module's own empty bytes object (see `Provenance::fresh_empty_bytes`).
const U_FRESH_EMPTY: u8 = 6;

/// Whether `intern_string_constants` replaces a frozenset in `co_consts` by a new one
/// (per code object): it does when a member string gets swapped for an interned twin
/// that already existed. Taken here as: a member that could be an identifier (two or
/// more name characters, not starting with a digit), as identifiers are interned at
/// parse time, or a one-character string whose interned copy is not the singleton
/// ([`crate::frozenset::STARTUP_TWIN_CHARS`]).
fn recreated_by_interning(items: &[Constant]) -> bool {
    items.iter().any(|i| match i {
        Constant::Str(s) => {
            let b = s.as_bytes();
            (b.len() >= 2 && all_name_chars(s) && !b[0].is_ascii_digit())
                || (b.len() == 1 && crate::frozenset::STARTUP_TWIN_CHARS.contains(&b[0]))
        }
        _ => false,
    })
}

fn addr<T: ?Sized>(p: &T) -> usize {
    p as *const T as *const u8 as usize
}

/// The key of a string, interned or not: one-character Latin-1 strings are singletons.
fn str_key(s: &PyStr, interned: bool) -> Key<'_> {
    let b = s.as_bytes();
    let latin1_char = match b {
        [c] => *c < 0x80,
        [c, _] => *c == 0xc2 || *c == 0xc3,
        _ => false,
    };
    if latin1_char {
        Key::Char(b)
    } else if interned {
        Key::Interned(b)
    } else {
        Key::Str(b)
    }
}

/// The key of a constant as `merge_consts_recursive` and interning leave it.
fn const_key(c: &Constant) -> Key<'_> {
    with_hash(light_key(c))
}

/// A tuple key with its structural hash filled in (other keys unchanged).
fn with_hash(key: Key<'_>) -> Key<'_> {
    match key {
        Key::Tuple(t, _) => Key::Tuple(t, structural_hash(t)),
        k => k,
    }
}

/// The hash of a tuple's whole structure (nested tuples included), walked with an
/// explicit stack.
fn structural_hash(t: TupleRef<'_>) -> u64 {
    let mut h = KeyHasher::default();
    let mut todo = vec![Key::Tuple(t, 0)];
    while let Some(k) = todo.pop() {
        match k {
            Key::Tuple(t, _) => {
                h.write_u8(9);
                h.write_usize(t.len());
                todo.extend((0..t.len()).rev().map(|i| t.item(i)));
            }
            k => k.hash_into(&mut h),
        }
    }
    h.finish()
}

/// [`const_key`] without a tuple's hash: for equality only.
fn light_key(c: &Constant) -> Key<'_> {
    use super::types::*;
    match c {
        Constant::None => Key::Singleton(TYPE_NONE),
        Constant::Ellipsis => Key::Singleton(TYPE_ELLIPSIS),
        Constant::StopIteration => Key::Singleton(TYPE_STOPITER),
        Constant::Bool(true) => Key::Singleton(TYPE_TRUE),
        Constant::Bool(false) => Key::Singleton(TYPE_FALSE),
        Constant::Int(i) => Key::Int(i),
        Constant::Float(f) if !f.is_nan() => Key::Float(f.to_bits()),
        Constant::Complex { re, im } => Key::Complex(re.to_bits(), im.to_bits()),
        Constant::Str(s) => str_key(s, all_name_chars(s)),
        Constant::Bytes(b) => Key::Bytes(b),
        Constant::Tuple(items) => Key::Tuple(TupleRef::Consts(items), 0),
        // NaN never equals itself: each NaN constant is its own object.
        Constant::Float(_) => Key::Unique(U_NAN, addr(c)),
        Constant::FrozenSet(items) => Key::FrozenSet(items),
        Constant::Code(code) => Key::Unique(U_CODE, addr(&**code)),
    }
}

impl Key<'_> {
    fn tag(&self) -> u8 {
        match self {
            Key::Singleton(_) => 0,
            Key::Char(_) => 12,
            Key::Interned(_) => 1,
            Key::Static(_) => 2,
            Key::Filename(_) => 3,
            Key::Str(_) => 4,
            Key::Bytes(_) => 5,
            Key::Int(_) => 6,
            Key::Float(_) => 7,
            Key::Complex(..) => 8,
            Key::Tuple(..) => 9,
            Key::FrozenSet(_) => 10,
            Key::Unique(..) => 11,
        }
    }

    /// Whether something outside the tree also holds the object.
    fn external(&self) -> bool {
        match self {
            Key::Singleton(_)
            | Key::Char(_)
            | Key::Interned(_)
            | Key::Static(_)
            | Key::Filename(_) => true,
            Key::Unique(tag, _) => *tag == U_CO_CODE,
            Key::Int(i) => i.to_i32().is_some_and(|i| (-5..=256).contains(&i)),
            Key::Bytes(b) => b.len() <= 1,
            Key::Tuple(t, _) => t.len() == 0,
            _ => false,
        }
    }
}

impl Key<'_> {
    /// Hashes the key: leaf contents (strings and bytes by length and first 32 bytes),
    /// a tuple by its precomputed structural hash. Equal keys hash equal.
    fn hash_into<H: Hasher>(&self, h: &mut H) {
        self.tag().hash(h);
        match self {
            Key::Singleton(c) => c.hash(h),
            Key::Char(b)
            | Key::Interned(b)
            | Key::Static(b)
            | Key::Filename(b)
            | Key::Str(b)
            | Key::Bytes(b) => {
                b.len().hash(h);
                h.write(&b[..b.len().min(32)]);
            }
            Key::Int(i) => match i.to_i64() {
                Some(small) => small.hash(h),
                None => i.bits().hash(h),
            },
            Key::Float(f) => f.hash(h),
            Key::Complex(a, b) => (a, b).hash(h),
            Key::Tuple(_, structural) => structural.hash(h),
            Key::FrozenSet(items) => {
                // Only the length: equality ignores the order of members.
                items.len().hash(h);
            }
            Key::Unique(t, a) => (t, a).hash(h),
        }
    }

    /// Equality of everything but the items of tuples.
    fn shallow_eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Key::Singleton(a), Key::Singleton(b)) => a == b,
            (Key::Char(a), Key::Char(b))
            | (Key::Interned(a), Key::Interned(b))
            | (Key::Static(a), Key::Static(b))
            | (Key::Filename(a), Key::Filename(b))
            | (Key::Str(a), Key::Str(b))
            | (Key::Bytes(a), Key::Bytes(b)) => a == b,
            (Key::Int(a), Key::Int(b)) => a == b,
            (Key::Float(a), Key::Float(b)) => a == b,
            (Key::Complex(a, b), Key::Complex(c, d)) => a == c && b == d,
            (Key::Tuple(a, _), Key::Tuple(b, _)) => a.len() == b.len(),
            (Key::FrozenSet(a), Key::FrozenSet(b)) => {
                a.len() == b.len()
                    && a.iter()
                        .all(|x| b.iter().any(|y| light_key(x) == light_key(y)))
            }
            (Key::Unique(t, a), Key::Unique(u, b)) => t == u && a == b,
            _ => false,
        }
    }
}

impl Hash for Key<'_> {
    fn hash<H: Hasher>(&self, h: &mut H) {
        self.hash_into(h);
    }
}

impl PartialEq for Key<'_> {
    /// Structural equality, with an explicit stack for nested tuples.
    fn eq(&self, other: &Self) -> bool {
        let mut todo = vec![(*self, *other)];
        while let Some((a, b)) = todo.pop() {
            if !a.shallow_eq(&b) {
                return false;
            }
            if let (Key::Tuple(x, _), Key::Tuple(y, _)) = (a, b) {
                todo.extend((0..x.len()).map(|i| (x.item(i), y.item(i))));
            }
        }
        true
    }
}

impl Eq for Key<'_> {}

/// In-degrees of the object graph of one module's code tree.
pub(super) struct Model<'a> {
    /// Per object: how many positions hold it, and a dense id.
    counts: KeyMap<'a, (u32, u32)>,
    /// Per object id: (shared, interned), as the writer needs them.
    facts: Vec<(bool, bool)>,
    /// Per position visited (its role and address): the object id, so the writer finds
    /// the object without hashing its contents again.
    positions: HashMap<(u8, usize), u32, std::hash::BuildHasherDefault<KeyHasher>>,
    /// One-character strings some identifier of the module interned.
    interned_chars: HashSet<&'a [u8]>,
    /// For each class-body qualname, the first class body (in compile order) with it:
    /// only that one's `co_qualname` is the cached `__qualname__` constant.
    first_class: HashMap<&'a [u8], usize>,
    /// The top-level code object's `provenance.fresh_empty_bytes`: `b''` constants and
    /// empty exception tables are one object of the tree, not the shared singleton.
    fresh_empty_bytes: bool,
}

impl<'a> Model<'a> {
    /// Walks the tree from `top`, counting how many positions hold each object; a
    /// shared object's children are counted once, as the object graph has them.
    pub(super) fn new(top: View<'a>) -> Result<Self, MarshalError> {
        let mut m = Model {
            counts: KeyMap::default(),
            facts: Vec::new(),
            positions: HashMap::default(),
            interned_chars: HashSet::new(),
            first_class: HashMap::new(),
            fresh_empty_bytes: top.code().is_some_and(|c| c.provenance.fresh_empty_bytes),
        };
        if let Some(c) = top.code() {
            m.scan_code(c);
        }
        m.visit(top, 0)?;
        let mut facts = vec![(false, false); m.counts.len()];
        for (key, &(count, id)) in &m.counts {
            facts[id as usize] = (count > 1 || key.external(), m.is_interned(key));
        }
        m.facts = facts;
        Ok(m)
    }

    /// Pre-order over the code objects (the order the compiler starts them in): finds
    /// interned one-character names and each class-body qualname's first owner.
    fn scan_code(&mut self, top: &'a CodeObject) {
        let mut todo = vec![top];
        while let Some(c) = todo.pop() {
            let names = c
                .names
                .iter()
                .chain(&c.localsplusnames)
                .chain(std::iter::once(&c.name));
            for n in names {
                if let Key::Char(b) = str_key(n, true) {
                    self.interned_chars.insert(b);
                }
            }
            if class_qualname_const(c).is_some() {
                self.first_class
                    .entry(c.qualname.as_bytes())
                    .or_insert(addr(c));
            }
            let inner = c.consts.iter().rev().filter_map(|k| match k {
                Constant::Code(inner) => Some(&**inner),
                _ => None,
            });
            todo.extend(inner);
        }
    }

    /// Whether the object is an interned string (written with an `*_INTERNED` code).
    pub(super) fn is_interned(&self, key: &Key<'a>) -> bool {
        match key {
            Key::Interned(_) => true,
            Key::Char(b) => {
                b.len() == 1 && (b[0].is_ascii_alphanumeric() || b[0] == b'_')
                    || INTERNED_AT_STARTUP.contains(b)
                    || self.interned_chars.contains(b)
            }
            _ => false,
        }
    }

    /// Counts one position and, on an object's first visit, its children (with an
    /// explicit stack: nesting costs heap, not Rust stack).
    fn visit(&mut self, top: View<'a>, depth: usize) -> Result<(), MarshalError> {
        let mut todo = vec![(top, depth)];
        while let Some((v, depth)) = todo.pop() {
            if depth >= MAX_MARSHAL_STACK_DEPTH {
                return Err(MarshalError::new(ErrorKind::NestedTooDeep, 0));
            }
            let Some(key) = self.key_of(v) else { continue };
            let next_id = self.counts.len() as u32;
            let (count, id) = self.counts.entry(key).or_insert((0, next_id));
            *count += 1;
            let id = *id;
            if let Some(p) = v.position() {
                self.positions.insert(p, id);
            }
            if *count > 1 {
                continue;
            }
            if let Some(n) = v.tuple_len() {
                todo.extend(
                    (0..n)
                        .filter_map(|i| v.tuple_item(i))
                        .map(|item| (item, depth + 1)),
                );
            }
            match v.norm() {
                View::Const(Constant::FrozenSet(items)) => {
                    todo.extend(items.iter().map(|i| (View::Const(i), depth + 1)));
                }
                _ => {
                    if let Some(c) = v.code() {
                        todo.extend(
                            [
                                View::CoCode(&c.code),
                                View::Consts(&c.consts),
                                View::Names(&c.names),
                                View::Names(&c.localsplusnames),
                                View::Kinds(&c.localspluskinds),
                                View::Filename(&c.filename),
                                View::CodeName(&c.name),
                                View::QualName(c),
                                View::Table(&c.linetable),
                                View::Table(&c.exceptiontable),
                            ]
                            .map(|v| (v, depth + 1)),
                        );
                    }
                }
            }
        }
        Ok(())
    }

    /// The identity of the object at a position; `None` for the singletons.
    pub(super) fn key_of(&self, v: View<'a>) -> Option<Key<'a>> {
        let key = match v {
            View::Const(c) => const_key(c),
            View::CodeConst(c) => match c {
                Constant::FrozenSet(items) if recreated_by_interning(items) => {
                    Key::Unique(U_FROZENSET, addr(c))
                }
                _ => const_key(c),
            },
            View::Code(c) => Key::Unique(U_CODE, addr(c)),
            View::CoCode(b) if b.is_empty() => Key::Bytes(b),
            View::CoCode(b) => Key::Unique(U_CO_CODE, addr(b)),
            View::Consts(items) => with_hash(Key::Tuple(TupleRef::Consts(items), 0)),
            View::Names(items) => with_hash(Key::Tuple(TupleRef::Names(items), 0)),
            View::Name(s) => str_key(s, true),
            View::Kinds(b) if b.is_empty() => Key::Bytes(b),
            View::Kinds(b) => Key::Unique(U_KINDS, addr(b)),
            View::Filename(s) => Key::Filename(s.as_bytes()),
            View::CodeName(s) => code_name_key(s),
            View::QualName(c) => {
                if c.qualname == c.name {
                    code_name_key(&c.name)
                } else if let Some(k) = class_qualname_const(c)
                    && self.first_class.get(c.qualname.as_bytes()) == Some(&addr(c))
                {
                    // A class body loads its qualname as the `__qualname__` constant.
                    const_key(k)
                } else {
                    Key::Unique(U_QUALNAME, addr(&c.qualname))
                }
            }
            View::Table(b) => Key::Bytes(b),
        };
        let merged_in_cache = !matches!(v, View::Kinds(_) | View::CoCode(_));
        match key {
            Key::Singleton(_) => None,
            Key::Bytes([]) if self.fresh_empty_bytes && merged_in_cache => {
                Some(Key::Unique(U_FRESH_EMPTY, 0))
            }
            k => Some(k),
        }
    }

    /// For the object at a position: its id (if the walk met it), whether its
    /// refcount is above 1 when dumped and whether it is an interned string; `None` for
    /// the singletons.
    pub(super) fn lookup(&self, v: View<'a>) -> Option<(Option<u32>, bool, bool)> {
        if let Some(id) = v.position().and_then(|p| self.positions.get(&p)) {
            let (shared, interned) = self.facts.get(*id as usize).copied().unwrap_or_default();
            return Some((Some(*id), shared, interned));
        }
        // Positions the walk did not enter (inside a frozenset member met again).
        let key = self.key_of(v)?;
        let interned = self.is_interned(&key);
        Some(match self.counts.get(&key) {
            Some(&(count, id)) => (Some(id), count > 1 || key.external(), interned),
            None => (None, key.external(), interned),
        })
    }
}

/// In a class body (not optimized; it starts `__module__ = __name__`, `__qualname__ =
/// 'qualname'`), the constant that is its `co_qualname` object.
fn class_qualname_const(c: &CodeObject) -> Option<&Constant> {
    let is_class_body = c.flags & crate::code::flags::CO_OPTIMIZED == 0
        && c.names
            .get(1)
            .is_some_and(|n| n.as_bytes() == b"__module__")
        && c.names
            .get(2)
            .is_some_and(|n| n.as_bytes() == b"__qualname__");
    if !is_class_body {
        return None;
    }
    c.consts
        .iter()
        .find(|k| matches!(k, Constant::Str(s) if *s == c.qualname))
}

/// One-character strings that are interned in a freshly started oracle (asked of
/// `python3` by the tests): a constant holding one of them is that interned singleton.
pub(super) const INTERNED_AT_STARTUP: [&[u8]; 1] = [b"*"];

fn code_name_key(s: &PyStr) -> Key<'_> {
    if STATIC_NAMES.iter().any(|n| n.as_bytes() == s.as_bytes()) {
        Key::Static(s.as_bytes())
    } else {
        str_key(s, true)
    }
}
