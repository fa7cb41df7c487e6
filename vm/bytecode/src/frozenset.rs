//! CPython's frozenset member order. A `Constant::FrozenSet` holds its members in the
//! order CPython's last construction added them (so that a runtime adding them in that
//! order gets CPython's table layout, which `set.update` copies slot by slot); the
//! order CPython iterates them follows from the members' hashes (`refvm_common::hash`,
//! as under `PYTHONHASHSEED=0`) and that insertion order ([`iterated`]).
//! [`iteration_order`] emulates one construction, inserting members in a given order
//! into a model of `Objects/setobject.c`'s table: 8 slots to start, linear probing over
//! up to `LINEAR_PROBES` neighbours then perturbed jumps, and a resize to the smallest
//! power of two above 4 × used once fill × 5 ≥ mask × 3.
//!
//! Where CPython builds them:
//! - `marshal.loads` adds the members in stream order: one construction (the reader
//!   keeps the stream order).
//! - The compiler (`x in {…}`, set displays of constants) builds the frozenset from the
//!   source order, then `merge_consts_recursive` rebuilds it from that iteration order,
//!   and `intern_string_constants` rebuilds it once more when interning swapped one of
//!   its strings: two constructions, sometimes three (see [`compiled_order`]).
//!
//! Objects whose hash is their address (None, Ellipsis, code objects, NaN) cannot be
//! placed as CPython places them; they are given hash 0.

use crate::code::Constant;
use refvm_common::hash;

/// `hash(constant)` under `PYTHONHASHSEED=0`, 0 for the address-hashed ones.
pub fn constant_hash(c: &Constant) -> i64 {
    match c {
        Constant::Bool(b) => i64::from(*b),
        Constant::Int(i) => hash::hash_bigint(i),
        Constant::Float(x) => hash::hash_f64(*x).unwrap_or(0),
        Constant::Complex { re, im } => hash::hash_complex(
            hash::hash_f64(*re).unwrap_or(0),
            hash::hash_f64(*im).unwrap_or(0),
        ),
        Constant::Str(s) => hash::hash_str(s),
        Constant::Bytes(b) => hash::hash_bytes(b),
        Constant::Tuple(items) => hash::hash_tuple(items.iter().map(constant_hash)),
        Constant::FrozenSet(items) => hash::hash_frozenset(items.iter().map(constant_hash)),
        Constant::None | Constant::Ellipsis | Constant::StopIteration | Constant::Code(_) => 0,
    }
}

const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
const PYSET_MINSIZE: usize = 8;

/// The order CPython iterates a frozenset built by adding `items` in order, as indices
/// into `items` (duplicates dropped, as `set_add_entry` does).
pub fn iteration_order(items: &[Constant]) -> Vec<usize> {
    // Table slots hold (member index, hash).
    let mut table: Vec<Option<(usize, u64)>> = vec![None; PYSET_MINSIZE];
    let (mut fill, mut used) = (0usize, 0usize);
    for (index, item) in items.iter().enumerate() {
        let h = constant_hash(item) as u64;
        if table
            .iter()
            .flatten()
            .any(|(j, hj)| *hj == h && items[*j] == *item)
        {
            continue;
        }
        insert_clean(&mut table, index, h);
        fill += 1;
        used += 1;
        let mask = table.len() - 1;
        if fill * 5 >= mask * 3 {
            let minused = if used > 50_000 { used * 2 } else { used * 4 };
            let mut size = PYSET_MINSIZE;
            while size <= minused {
                size <<= 1;
            }
            let old = std::mem::replace(&mut table, vec![None; size]);
            for (j, hj) in old.into_iter().flatten() {
                insert_clean(&mut table, j, hj);
            }
            fill = used;
        }
    }
    table.into_iter().flatten().map(|(j, _)| j).collect()
}

/// `set_insert_clean` (equivalently `set_add_entry` on a table without dummies or an
/// equal key).
fn insert_clean(table: &mut [Option<(usize, u64)>], index: usize, hash: u64) {
    let mask = table.len() - 1;
    let mut perturb = hash;
    let mut i = hash as usize & mask;
    loop {
        if table[i].is_none() {
            table[i] = Some((index, hash));
            return;
        }
        if i + LINEAR_PROBES <= mask
            && let Some(slot) = table[i + 1..=i + LINEAR_PROBES]
                .iter_mut()
                .find(|s| s.is_none())
        {
            *slot = Some((index, hash));
            return;
        }
        perturb >>= PERTURB_SHIFT;
        i = (i
            .wrapping_mul(5)
            .wrapping_add(1)
            .wrapping_add(perturb as usize))
            & mask;
    }
}

/// The insertion order of the last construction of a frozenset CPython's compiler
/// builds from `source_order` (the constants of a set display or `in {…}` test, in
/// source order): two constructions, plus a third when `intern_string_constants` swaps
/// one of its strings for an interned twin (`recreated`; the marshal writer's model
/// takes that to be when a member is a string of two or more name characters not
/// starting with a digit). Each construction adds the previous one's iteration order.
pub fn compiled_order(source_order: Vec<Constant>, recreated: bool) -> Vec<Constant> {
    let rounds = if recreated { 3 } else { 2 };
    let mut items = source_order;
    for _ in 1..rounds {
        items = reorder(items);
    }
    items
}

/// The members of a `Constant::FrozenSet` (held in insertion order) in the order CPython
/// iterates the object.
pub fn iterated(items: &[Constant]) -> Vec<&Constant> {
    iteration_order(items)
        .into_iter()
        .filter_map(|i| items.get(i))
        .collect()
}

/// `items` in the order CPython iterates a frozenset built by adding them in order.
pub fn reorder(items: Vec<Constant>) -> Vec<Constant> {
    let order = iteration_order(&items);
    let mut slots: Vec<Option<Constant>> = items.into_iter().map(Some).collect();
    order
        .into_iter()
        .filter_map(|i| slots.get_mut(i).and_then(Option::take))
        .collect()
}

/// The one-character name strings whose interned copy in a freshly started CPython 3.11
/// is not the cached Latin-1 singleton (`sys.intern(chr(i)) is not chr(i)`: start-up
/// interned a separately made copy, e.g. unmarshalled from a frozen module). A
/// compiled constant holding one of them is the singleton, which
/// `intern_string_constants` swaps for that copy: a frozenset holding one is rebuilt
/// per code object. Asked of the live python3 by the tests.
pub const STARTUP_TWIN_CHARS: &[u8] = b"BCLST_abcdefhijklmnopqrstvwxy";
