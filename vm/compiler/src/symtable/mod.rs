//! The symbol table (CPython 3.11 `Python/symtable.c`): one entry per scope (module,
//! class, function, lambda, comprehension, annotation), holding every name's flags and,
//! after analysis, its scope (local, global, free, cell).
//!
//! Built in two passes like CPython's: [`visit`] collects raw facts from the AST
//! (`symtable_visit_*`), [`analyze`] decides scopes (`symtable_analyze`). Entries are
//! found again by the address of the AST node that opened them, as CPython keys them
//! by node pointer.

pub mod analyze;
pub mod visit;

use crate::consts::{HashChains, fx_hash};
use crate::error::CompileErrorAt;
use crate::future::FutureFeatures;
use crate::fxhash::FxHashMap as HashMap;
use refvm_syntax::ast::{self, Identifier};

/// A name in a scope: an identifier that hash maps can also look up by `&str`.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Name(pub Identifier);

impl Name {
    pub fn new(s: &str) -> Name {
        Name(Identifier::new(s))
    }

    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

impl std::hash::Hash for Name {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state)
    }
}

impl std::borrow::Borrow<str> for Name {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl std::ops::Deref for Name {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Debug for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<&Identifier> for Name {
    fn from(id: &Identifier) -> Name {
        Name(id.clone())
    }
}

/// Index of an entry in [`SymbolTable::entries`].
pub type ScopeId = usize;

/// `DEF_*` flags of a symbol (`pycore_symtable.h`).
pub mod flags {
    pub const DEF_GLOBAL: i64 = 1;
    pub const DEF_LOCAL: i64 = 2;
    pub const DEF_PARAM: i64 = 2 << 1;
    pub const DEF_NONLOCAL: i64 = 2 << 2;
    pub const USE: i64 = 2 << 3;
    pub const DEF_FREE: i64 = 2 << 4;
    pub const DEF_FREE_CLASS: i64 = 2 << 5;
    pub const DEF_IMPORT: i64 = 2 << 6;
    pub const DEF_ANNOT: i64 = 2 << 7;
    pub const DEF_COMP_ITER: i64 = 2 << 8;
    pub const DEF_BOUND: i64 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;
    pub const SCOPE_OFFSET: i64 = 11;
    pub const SCOPE_MASK: i64 = DEF_GLOBAL | DEF_LOCAL | DEF_PARAM | DEF_NONLOCAL;
}

/// The scope a name resolves to (`LOCAL`, `GLOBAL_EXPLICIT`, …); 0 when unknown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Unknown = 0,
    Local = 1,
    GlobalExplicit = 2,
    GlobalImplicit = 3,
    Free = 4,
    Cell = 5,
}

impl Scope {
    pub fn from_bits(v: i64) -> Scope {
        match v {
            1 => Scope::Local,
            2 => Scope::GlobalExplicit,
            3 => Scope::GlobalImplicit,
            4 => Scope::Free,
            5 => Scope::Cell,
            _ => Scope::Unknown,
        }
    }
}

/// `_Py_block_ty`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockType {
    Function,
    Class,
    Module,
    Annotation,
}

/// `_Py_comprehension_ty`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ComprehensionType {
    No,
    List,
    Generator,
    Dict,
    Set,
}

/// Names with their flags, in insertion order (`ste_symbols`, a dict).
#[derive(Clone, Debug, Default)]
pub struct SymbolMap {
    names: Vec<Name>,
    flags: Vec<i64>,
    index: HashChains,
}

impl SymbolMap {
    /// The hash of `name` and its index, if present (for [`SymbolMap::set_found`]).
    pub(crate) fn find(&self, name: &str) -> (u64, Option<usize>) {
        let h = fx_hash(name.as_bytes());
        let i = self
            .index
            .find(h, |i| self.names[i as usize].as_str() == name);
        (h, i.map(|i| i as usize))
    }

    pub fn get(&self, name: &str) -> Option<i64> {
        self.find(name).1.map(|i| self.flags[i])
    }

    pub fn set(&mut self, name: &Name, value: i64) {
        self.set_found(self.find(name.as_str()), name, value);
    }

    /// [`SymbolMap::set`] given what [`SymbolMap::find`] returned for `name`.
    pub(crate) fn set_found(&mut self, found: (u64, Option<usize>), name: &Name, value: i64) {
        match found {
            (_, Some(i)) => self.flags[i] = value,
            (h, None) => {
                self.index.push(h, self.names.len() as u32);
                self.names.push(name.clone());
                self.flags.push(value);
            }
        }
    }

    pub fn contains(&self, name: &str) -> bool {
        self.find(name).1.is_some()
    }

    /// ORs `bits` into the flags of the `i`th name.
    pub(crate) fn or_flags_at(&mut self, i: usize, bits: i64) {
        if let Some(f) = self.flags.get_mut(i) {
            *f |= bits;
        }
    }

    /// The flags of the `i`th name.
    pub(crate) fn flags_at(&self, i: usize) -> Option<i64> {
        self.flags.get(i).copied()
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// `(name, flags)` in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (&Name, i64)> {
        self.names.iter().zip(self.flags.iter().copied())
    }
}

/// A `global`/`nonlocal` directive: name and the statement's location.
#[derive(Clone, Debug)]
pub struct Directive {
    pub name: Name,
    pub lineno: i32,
    pub col_offset: i32,
    pub end_lineno: i32,
    pub end_col_offset: i32,
}

/// `PySTEntryObject`.
#[derive(Clone, Debug)]
pub struct SymbolTableEntry {
    pub name: Name,
    pub typ: BlockType,
    pub symbols: SymbolMap,
    /// Parameters in order (`ste_varnames`).
    pub varnames: Vec<Name>,
    pub children: Vec<ScopeId>,
    pub directives: Vec<Directive>,
    pub nested: bool,
    pub free: bool,
    pub child_free: bool,
    pub generator: bool,
    pub coroutine: bool,
    pub comprehension: ComprehensionType,
    pub varargs: bool,
    pub varkeywords: bool,
    pub returns_value: bool,
    pub needs_class_closure: bool,
    pub comp_iter_target: bool,
    pub comp_iter_expr: i32,
    pub lineno: i32,
    pub col_offset: i32,
    pub end_lineno: i32,
    pub end_col_offset: i32,
}

impl SymbolTableEntry {
    /// `_PyST_GetSymbol`: the flags of `name`, 0 when absent.
    pub fn get_symbol(&self, name: &str) -> i64 {
        self.symbols.get(name).unwrap_or(0)
    }

    /// `_PyST_GetScope`.
    pub fn get_scope(&self, name: &str) -> Scope {
        Scope::from_bits((self.get_symbol(name) >> flags::SCOPE_OFFSET) & flags::SCOPE_MASK)
    }
}

/// `struct symtable` after both passes.
#[derive(Clone, Debug)]
pub struct SymbolTable {
    pub entries: Vec<SymbolTableEntry>,
    /// Node address → entry (`st_blocks`).
    blocks: HashMap<usize, ScopeId>,
    pub top: ScopeId,
}

impl SymbolTable {
    /// `PySymtable_Lookup`: the entry opened by the AST node at `key`.
    pub fn lookup(&self, key: usize) -> Option<ScopeId> {
        self.blocks.get(&key).copied()
    }

    pub fn entry(&self, id: ScopeId) -> &SymbolTableEntry {
        &self.entries[id]
    }
}

/// The key of an AST node: its address (the tree is borrowed, never moved, between
/// the symbol table pass and code generation).
pub fn node_key<T>(node: &T) -> usize {
    node as *const T as usize
}

/// `_Py_Mangle`: `__private` inside class `C` becomes `_C__private`.
pub fn mangle(private: Option<&str>, ident: &Identifier) -> Name {
    match mangle_str(private, ident.as_str()) {
        std::borrow::Cow::Borrowed(_) => Name::from(ident),
        std::borrow::Cow::Owned(s) => Name::new(&s),
    }
}

/// [`mangle`] of a name given as text: borrowed when unchanged (most names).
pub fn mangle_str<'s>(private: Option<&str>, s: &'s str) -> std::borrow::Cow<'s, str> {
    use std::borrow::Cow;
    let Some(private) = private else {
        return Cow::Borrowed(s);
    };
    if !s.starts_with("__") {
        return Cow::Borrowed(s);
    }
    // Don't mangle __id__ or names with dots.
    if (s.len() >= 2 && s.ends_with("__")) || s.contains('.') {
        return Cow::Borrowed(s);
    }
    let stripped = private.trim_start_matches('_');
    if stripped.is_empty() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(1 + stripped.len() + s.len());
    out.push('_');
    out.push_str(stripped);
    out.push_str(s);
    Cow::Owned(out)
}

/// `_PySymtable_Build`: both passes over a module.
pub fn build(module: &ast::Module, future: &FutureFeatures) -> Result<SymbolTable, CompileErrorAt> {
    let mut builder = visit::Builder::new(future);
    builder.visit_module(module)?;
    let mut st = builder.finish();
    analyze::symtable_analyze(&mut st)?;
    Ok(st)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mangling() {
        let m = |p: Option<&str>, n: &str| mangle(p, &Identifier::new(n)).to_string();
        assert_eq!(m(Some("C"), "__x"), "_C__x");
        assert_eq!(m(Some("_C"), "__x"), "_C__x");
        assert_eq!(m(Some("__"), "__x"), "__x");
        assert_eq!(m(Some("C"), "__x__"), "__x__");
        assert_eq!(m(Some("C"), "__"), "__");
        assert_eq!(m(Some("C"), "_x"), "_x");
        assert_eq!(m(Some("C"), "__a.b"), "__a.b");
        assert_eq!(m(None, "__x"), "__x");
    }
}
