//! The generator's state: value types with size bounds, the variables in scope, the
//! classes and functions defined so far, fresh names, and the features used.
//!
//! Sizes keep programs fast: every int carries a bound on its bit length and every
//! sequence a bound on its length; operations that would exceed the configured limits
//! are not generated. Names are never rebound to another type, and a loop body cannot
//! read the variables it mutates, so nothing grows geometrically.

use super::{Entropy, Feature, GenConfig};
use std::collections::BTreeSet;

/// The static type of a generated expression.
#[derive(Clone, Debug, PartialEq)]
pub enum Ty {
    Int,
    Bool,
    Float,
    Complex,
    Str,
    Bytes,
    NoneT,
    List(Box<Ty>),
    Tuple(Vec<Ty>),
    Dict(Box<Ty>, Box<Ty>),
    Set(Box<Ty>),
    Range,
    /// An instance of generated class number `k`.
    Obj(usize),
}

impl Ty {
    pub fn list(t: Ty) -> Ty {
        Ty::List(Box::new(t))
    }
    pub fn set(t: Ty) -> Ty {
        Ty::Set(Box::new(t))
    }
    pub fn dict(k: Ty, v: Ty) -> Ty {
        Ty::Dict(Box::new(k), Box::new(v))
    }

    pub fn is_scalar(&self) -> bool {
        matches!(
            self,
            Ty::Int | Ty::Bool | Ty::Float | Ty::Complex | Ty::Str | Ty::Bytes | Ty::NoneT
        )
    }

    /// The feature a value of this type exercises.
    pub fn feature(&self) -> Feature {
        match self {
            Ty::Int => Feature::Ints,
            Ty::Bool => Feature::Bools,
            Ty::Float => Feature::Floats,
            Ty::Complex => Feature::Complex,
            Ty::Str => Feature::Strings,
            Ty::Bytes => Feature::Bytes,
            Ty::NoneT => Feature::NoneValue,
            Ty::List(_) => Feature::Lists,
            Ty::Tuple(_) => Feature::Tuples,
            Ty::Dict(..) => Feature::Dicts,
            Ty::Set(_) => Feature::Sets,
            Ty::Range => Feature::Ranges,
            Ty::Obj(_) => Feature::Classes,
        }
    }

    /// The element type when iterating.
    pub fn elem(&self) -> Option<Ty> {
        match self {
            Ty::List(t) | Ty::Set(t) => Some((**t).clone()),
            Ty::Dict(k, _) => Some((**k).clone()),
            Ty::Str => Some(Ty::Str),
            Ty::Bytes | Ty::Range => Some(Ty::Int),
            Ty::Tuple(ts) if !ts.is_empty() && ts.iter().all(|t| *t == ts[0]) => {
                Some(ts[0].clone())
            }
            _ => None,
        }
    }
}

/// A variable: its name, type and size bound.
#[derive(Clone, Debug)]
pub struct Var {
    pub name: String,
    pub ty: Ty,
    pub size: u32,
}

/// A generated class: what its instances hold and which protocols they support.
#[derive(Clone, Debug, Default)]
pub struct ClassInfo {
    pub name: String,
    /// `(attribute, type)` set by `__init__`, in parameter order.
    pub fields: Vec<(String, Ty)>,
    pub has_eq: bool,
    pub has_hash: bool,
    pub has_lt: bool,
    pub has_add: bool,
    pub has_len: bool,
    pub has_iter: bool,
    pub has_getitem: bool,
    pub has_contains: bool,
    pub has_call: bool,
    pub has_bool: bool,
    pub has_ctx: bool,
    /// Methods taking no argument and returning an int: `(name, …)`.
    pub int_methods: Vec<String>,
    /// A `@property` returning an int.
    pub int_property: Option<String>,
    /// `__match_args__` is set (positional class patterns work).
    pub match_args: bool,
    /// An exception class (subclass of `Exception`).
    pub is_exception: bool,
}

/// A generated function and how to call it.
#[derive(Clone, Debug)]
pub struct FuncInfo {
    pub name: String,
    pub params: Vec<(String, Ty, u32)>,
    pub ret: Ty,
    pub ret_size: u32,
    /// Loop iterations one call may run (bounds calls inside loops).
    pub cost: u32,
    /// A generator function: calling it gives an iterator of `ret`.
    pub generator: bool,
}

/// The generator's state while building one program.
pub struct Gen<'a> {
    pub e: &'a mut dyn Entropy,
    pub cfg: &'a GenConfig,
    pub features: BTreeSet<Feature>,
    /// Visible variables, innermost scope last.
    pub scopes: Vec<Vec<Var>>,
    pub classes: Vec<ClassInfo>,
    pub funcs: Vec<FuncInfo>,
    next_name: u32,
    /// Product of the iteration counts of the enclosing loops.
    pub loop_cost: u32,
    /// Modules the program needs imported (`math`, `sys`, `gc`).
    pub imports: BTreeSet<&'static str>,
    /// Inside a function body (where `return` is valid).
    pub in_function: bool,
    /// The largest loop-iteration product reached since it was last reset (a
    /// function's cost).
    pub cost_peak: u32,
}

/// A generous ceiling on the work one program may do, in loop iterations.
pub const MAX_COST: u32 = 400;

impl<'a> Gen<'a> {
    pub fn new(e: &'a mut dyn Entropy, cfg: &'a GenConfig) -> Self {
        Gen {
            e,
            cfg,
            features: BTreeSet::new(),
            scopes: vec![Vec::new()],
            classes: Vec::new(),
            funcs: Vec::new(),
            next_name: 0,
            loop_cost: 1,
            imports: BTreeSet::new(),
            in_function: false,
            cost_peak: 1,
        }
    }

    pub fn tag(&mut self, f: Feature) {
        self.features.insert(f);
    }

    /// A fresh name with the given prefix (`v0`, `f3`, `C1`, …).
    pub fn fresh(&mut self, prefix: &str) -> String {
        let n = self.next_name;
        self.next_name += 1;
        format!("{prefix}{n}")
    }

    pub fn declare(&mut self, name: &str, ty: Ty, size: u32) {
        if let Some(scope) = self.scopes.last_mut() {
            scope.push(Var {
                name: name.to_owned(),
                ty,
                size,
            });
        }
    }

    /// A visible variable of type `ty` no bigger than `max`, if any.
    pub fn var_of(&mut self, ty: &Ty, max: u32) -> Option<Var> {
        let found: Vec<Var> = self
            .scopes
            .iter()
            .flatten()
            .filter(|v| v.ty == *ty && v.size <= max)
            .cloned()
            .collect();
        if found.is_empty() {
            return None;
        }
        let i = self.e.below(found.len() as u32) as usize;
        Some(found[i].clone())
    }

    /// Any visible variable (for printing, refcount probes, …).
    pub fn any_var(&mut self, pred: impl Fn(&Var) -> bool) -> Option<Var> {
        let found: Vec<Var> = self
            .scopes
            .iter()
            .flatten()
            .filter(|v| pred(v))
            .cloned()
            .collect();
        if found.is_empty() {
            return None;
        }
        let i = self.e.below(found.len() as u32) as usize;
        Some(found[i].clone())
    }

    /// Runs `f` in a new innermost scope (function bodies, loop-local names).
    pub fn scoped<T>(&mut self, f: impl FnOnce(&mut Self) -> T) -> T {
        self.scopes.push(Vec::new());
        let out = f(self);
        self.scopes.pop();
        out
    }

    /// Runs `f` with only module-level variables visible plus a fresh scope (a function
    /// body defined at module level sees globals, never another function's locals).
    pub fn function_scope<T>(&mut self, f: impl FnOnce(&mut Self) -> T) -> T {
        let saved: Vec<Vec<Var>> = self.scopes.drain(1..).collect();
        let was_in_function = self.in_function;
        let saved_cost = self.loop_cost;
        self.in_function = true;
        self.loop_cost = 1;
        self.scopes.push(Vec::new());
        let out = f(self);
        self.scopes.truncate(1);
        self.scopes.extend(saved);
        self.in_function = was_in_function;
        self.loop_cost = saved_cost;
        out
    }

    pub fn max_bits(&self) -> u32 {
        self.cfg.max_int_bits.max(64)
    }

    pub fn max_len(&self) -> u32 {
        self.cfg.max_len.max(16)
    }

    /// The classes usable as plain values (not exception classes).
    pub fn value_classes(&self) -> Vec<usize> {
        (0..self.classes.len())
            .filter(|&k| !self.classes[k].is_exception)
            .collect()
    }
}
