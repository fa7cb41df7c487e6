//! The AST optimiser (CPython 3.11 `Python/ast_opt.c`): constant folding within
//! CPython's limits, `__debug__`, `not` over `is`/`in` comparisons, literal lists and
//! sets after `in` and in `for` turned into tuples and frozensets, and `'%s' % (a,)`
//! rewritten into an f-string. Runs on the tree in place, before the symbol table.

pub mod constfold;
mod format;

use crate::error::CompileErrorAt;
use crate::future::get_docstring;
use crate::symtable::visit::{RECURSION_LIMIT, RED_ZONE, STACK_GROWTH, STARTING_DEPTH};
use refvm_syntax::ast::{
    self, Cmpop, Constant, Expr, ExprContext, ExprKind, Location, Operator, PatternKind, StmtKind,
    Unaryop,
};

type R = Result<(), CompileErrorAt>;

/// `_PyASTOptimizeState`.
pub struct Optimizer {
    /// `-O` level: `__debug__` is `optimize == 0`.
    pub optimize: u8,
    /// `from __future__ import annotations`: annotations are left alone.
    pub future_annotations: bool,
    depth: i32,
    /// The locations of folded constants that are, or hold, a new empty bytes object
    /// rather than the `b''` singleton (see [`Optimizer::note_fresh_bytes`]).
    pub fresh_empty_bytes: FreshBytes,
}

/// Locations ([`loc_key`]) of constant nodes holding a freshly allocated `b''`.
pub type FreshBytes = std::collections::HashSet<(u32, u32, u32, u32)>;

/// A node's location as a [`FreshBytes`] key.
pub fn loc_key(l: &Location) -> (u32, u32, u32, u32) {
    (l.lineno, l.col_offset, l.end_lineno, l.end_col_offset)
}

fn is_empty_bytes(e: &Expr) -> bool {
    matches!(&e.node, ExprKind::Constant { value: Constant::Bytes(b), .. } if b.is_empty())
}

/// Whether a constant is or holds (in tuples, walked without recursion) an empty bytes.
pub(crate) fn holds_empty_bytes(c: &Constant) -> bool {
    let mut todo = vec![c];
    while let Some(c) = todo.pop() {
        match c {
            Constant::Bytes(b) if b.is_empty() => return true,
            Constant::Tuple(items) => todo.extend(items),
            _ => {}
        }
    }
    false
}

/// A location CPython gives synthesised nodes (-1 everywhere, "no location").
pub const NO_LOCATION: Location = Location {
    lineno: u32::MAX,
    col_offset: u32::MAX,
    end_lineno: u32::MAX,
    end_col_offset: u32::MAX,
};

fn has_starred(elts: &[Expr]) -> bool {
    elts.iter()
        .any(|e| matches!(e.node, ExprKind::Starred { .. }))
}

/// `make_const`.
fn make_const(node: &mut Expr, value: Option<Constant>) {
    if let Some(v) = value {
        node.node = ExprKind::Constant {
            value: v,
            kind: None,
        };
    }
}

/// `make_const_tuple`.
fn make_const_tuple(elts: &[Expr]) -> Option<Vec<Constant>> {
    elts.iter()
        .map(|e| match &e.node {
            ExprKind::Constant { value, .. } => Some(value.clone()),
            _ => None,
        })
        .collect()
}

/// `PyFrozenSet_New`: members deduplicated by Python equality, first one kept.
fn frozenset(items: Vec<Constant>) -> Constant {
    let mut out: Vec<Constant> = Vec::with_capacity(items.len());
    for i in items {
        if !out.iter().any(|o| constfold::py_eq(o, &i)) {
            out.push(i);
        }
    }
    Constant::FrozenSet(out)
}

impl Optimizer {
    pub fn new(optimize: u8, future_annotations: bool) -> Optimizer {
        Optimizer {
            optimize,
            future_annotations,
            depth: STARTING_DEPTH,
            fresh_empty_bytes: FreshBytes::default(),
        }
    }

    fn is_fresh(&self, e: &Expr) -> bool {
        matches!(e.node, ExprKind::Constant { .. })
            && self.fresh_empty_bytes.contains(&loc_key(&e.loc))
    }

    /// What [`Optimizer::note_fresh_bytes`] needs of an operand before folding:
    /// (is a bytes constant, is an empty one, holds a fresh empty bytes object).
    fn operand(&self, e: &Expr) -> (bool, bool, bool) {
        let is_bytes = matches!(
            &e.node,
            ExprKind::Constant {
                value: Constant::Bytes(_),
                ..
            }
        );
        (is_bytes, is_empty_bytes(e), self.is_fresh(e))
    }

    /// After `fold_binop`: notes whether the folded value holds a new empty bytes object.
    /// `bytes_repeat` allocates one when the result is empty and the operand is not
    /// (an empty operand comes back itself); `bytes_concat` of two empty operands
    /// returns the right one; tuples keep their items.
    fn note_fresh_bytes(
        &mut self,
        e: &Expr,
        op: Operator,
        l: (bool, bool, bool),
        r: (bool, bool, bool),
    ) {
        let ExprKind::Constant { value, .. } = &e.node else {
            return;
        };
        if !holds_empty_bytes(value) {
            return;
        }
        let fresh = match (op, value) {
            (Operator::Mult, Constant::Bytes(_)) => {
                let (_, empty, fresh) = if l.0 { l } else { r };
                !empty || fresh
            }
            (Operator::Add, Constant::Bytes(_)) => r.2,
            _ => l.2 || r.2,
        };
        if fresh {
            self.fresh_empty_bytes.insert(loc_key(&e.loc));
        }
    }

    fn guard(&mut self, f: impl FnOnce(&mut Self) -> R) -> R {
        self.depth += 1;
        if self.depth > RECURSION_LIMIT {
            return Err(CompileErrorAt::recursion());
        }
        let r = stacker::maybe_grow(RED_ZONE, STACK_GROWTH, || f(self));
        self.depth -= 1;
        r
    }

    /// `astfold_mod` for a module.
    pub fn fold_module(&mut self, m: &mut ast::Module) -> R {
        self.fold_body(&mut m.body)
    }

    /// `astfold_body`: a statement that only becomes a docstring by folding is made an
    /// f-string so it stays an ordinary expression.
    fn fold_body(&mut self, stmts: &mut [ast::Stmt]) -> R {
        let docstring = get_docstring(stmts).is_some();
        for s in stmts.iter_mut() {
            self.fold_stmt(s)?;
        }
        if !docstring && get_docstring(stmts).is_some() {
            let st = &mut stmts[0];
            let loc = st.loc;
            if let StmtKind::Expr { value } = &mut st.node {
                let inner = std::mem::replace(
                    &mut **value,
                    Expr::new(ExprKind::JoinedStr { values: vec![] }, loc),
                );
                value.node = ExprKind::JoinedStr {
                    values: vec![inner],
                };
            }
        }
        Ok(())
    }

    fn fold_stmts(&mut self, stmts: &mut [ast::Stmt]) -> R {
        for s in stmts {
            self.fold_stmt(s)?;
        }
        Ok(())
    }

    fn fold_exprs(&mut self, exprs: &mut [Expr]) -> R {
        for e in exprs {
            self.fold_expr(e)?;
        }
        Ok(())
    }

    fn fold_opt(&mut self, e: &mut Option<Box<Expr>>) -> R {
        match e {
            Some(e) => self.fold_expr(e),
            None => Ok(()),
        }
    }

    /// `astfold_arguments` (annotations only without the `annotations` future).
    fn fold_arguments(&mut self, a: &mut ast::Arguments) -> R {
        let fold_ann = !self.future_annotations;
        for arg in a.posonlyargs.iter_mut().chain(a.args.iter_mut()) {
            if fold_ann {
                self.fold_opt(&mut arg.annotation)?;
            }
        }
        if let Some(v) = &mut a.vararg
            && fold_ann
        {
            self.fold_opt(&mut v.annotation)?;
        }
        for arg in a.kwonlyargs.iter_mut() {
            if fold_ann {
                self.fold_opt(&mut arg.annotation)?;
            }
        }
        for d in a.kw_defaults.iter_mut().flatten() {
            self.fold_expr(d)?;
        }
        if let Some(k) = &mut a.kwarg
            && fold_ann
        {
            self.fold_opt(&mut k.annotation)?;
        }
        self.fold_exprs(&mut a.defaults)
    }

    /// `astfold_stmt`.
    pub(crate) fn fold_stmt(&mut self, s: &mut ast::Stmt) -> R {
        self.guard(|o| o.fold_stmt_inner(s))
    }

    fn fold_stmt_inner(&mut self, s: &mut ast::Stmt) -> R {
        match &mut s.node {
            StmtKind::FunctionDef {
                args,
                body,
                decorator_list,
                returns,
                ..
            }
            | StmtKind::AsyncFunctionDef {
                args,
                body,
                decorator_list,
                returns,
                ..
            } => {
                self.fold_arguments(args)?;
                self.fold_body(body)?;
                self.fold_exprs(decorator_list)?;
                if !self.future_annotations {
                    self.fold_opt(returns)?;
                }
            }
            StmtKind::ClassDef {
                bases,
                keywords,
                body,
                decorator_list,
                ..
            } => {
                self.fold_exprs(bases)?;
                for k in keywords {
                    self.fold_expr(&mut k.value)?;
                }
                self.fold_body(body)?;
                self.fold_exprs(decorator_list)?;
            }
            StmtKind::Return { value } => self.fold_opt(value)?,
            StmtKind::Delete { targets } => self.fold_exprs(targets)?,
            StmtKind::Assign { targets, value, .. } => {
                self.fold_exprs(targets)?;
                self.fold_expr(value)?;
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.fold_expr(target)?;
                self.fold_expr(value)?;
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                ..
            } => {
                self.fold_expr(target)?;
                if !self.future_annotations {
                    self.fold_expr(annotation)?;
                }
                self.fold_opt(value)?;
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            } => {
                self.fold_expr(target)?;
                self.fold_expr(iter)?;
                self.fold_stmts(body)?;
                self.fold_stmts(orelse)?;
                fold_iter(iter);
            }
            StmtKind::AsyncFor {
                target,
                iter,
                body,
                orelse,
                ..
            } => {
                self.fold_expr(target)?;
                self.fold_expr(iter)?;
                self.fold_stmts(body)?;
                self.fold_stmts(orelse)?;
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.fold_expr(test)?;
                self.fold_stmts(body)?;
                self.fold_stmts(orelse)?;
            }
            StmtKind::With { items, body, .. } | StmtKind::AsyncWith { items, body, .. } => {
                for item in items {
                    self.fold_expr(&mut item.context_expr)?;
                    self.fold_opt(&mut item.optional_vars)?;
                }
                self.fold_stmts(body)?;
            }
            StmtKind::Raise { exc, cause } => {
                self.fold_opt(exc)?;
                self.fold_opt(cause)?;
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            }
            | StmtKind::TryStar {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.fold_stmts(body)?;
                for h in handlers {
                    self.fold_opt(&mut h.type_)?;
                    self.fold_stmts(&mut h.body)?;
                }
                self.fold_stmts(orelse)?;
                self.fold_stmts(finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                self.fold_expr(test)?;
                self.fold_opt(msg)?;
            }
            StmtKind::Expr { value } => self.fold_expr(value)?,
            StmtKind::Match { subject, cases } => {
                self.fold_expr(subject)?;
                for c in cases {
                    self.fold_pattern(&mut c.pattern)?;
                    self.fold_opt(&mut c.guard)?;
                    self.fold_stmts(&mut c.body)?;
                }
            }
            StmtKind::Import { .. }
            | StmtKind::ImportFrom { .. }
            | StmtKind::Global { .. }
            | StmtKind::Nonlocal { .. }
            | StmtKind::Pass
            | StmtKind::Break
            | StmtKind::Continue => {}
        }
        Ok(())
    }

    /// `astfold_comprehension`.
    fn fold_comprehensions(&mut self, gens: &mut [ast::Comprehension]) -> R {
        for g in gens {
            self.fold_expr(&mut g.target)?;
            self.fold_expr(&mut g.iter)?;
            self.fold_exprs(&mut g.ifs)?;
            fold_iter(&mut g.iter);
        }
        Ok(())
    }

    /// `astfold_expr`.
    pub fn fold_expr(&mut self, e: &mut Expr) -> R {
        self.guard(|o| o.fold_expr_inner(e))
    }

    fn fold_expr_inner(&mut self, e: &mut Expr) -> R {
        match &mut e.node {
            ExprKind::BoolOp { values, .. } => self.fold_exprs(values)?,
            ExprKind::BinOp { left, op, right } => {
                let op = *op;
                self.fold_expr(left)?;
                self.fold_expr(right)?;
                let (l, r) = (self.operand(left), self.operand(right));
                fold_binop(e);
                self.note_fresh_bytes(e, op, l, r);
            }
            ExprKind::UnaryOp { operand, .. } => {
                self.fold_expr(operand)?;
                fold_unaryop(e);
            }
            ExprKind::Lambda { args, body } => {
                self.fold_arguments(args)?;
                self.fold_expr(body)?;
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.fold_expr(test)?;
                self.fold_expr(body)?;
                self.fold_expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                for k in keys.iter_mut().flatten() {
                    self.fold_expr(k)?;
                }
                self.fold_exprs(values)?;
            }
            ExprKind::Set { elts } => self.fold_exprs(elts)?,
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                self.fold_expr(elt)?;
                self.fold_comprehensions(generators)?;
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => {
                self.fold_expr(key)?;
                self.fold_expr(value)?;
                self.fold_comprehensions(generators)?;
            }
            ExprKind::Await { value } | ExprKind::YieldFrom { value } => self.fold_expr(value)?,
            ExprKind::Yield { value } => self.fold_opt(value)?,
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                self.fold_expr(left)?;
                self.fold_exprs(comparators)?;
                // fold_compare: a literal list/set after the last `in`/`not in`.
                if let (Some(op), Some(last)) = (ops.last(), comparators.last_mut())
                    && matches!(op, Cmpop::In | Cmpop::NotIn)
                {
                    fold_iter(last);
                }
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.fold_expr(func)?;
                self.fold_exprs(args)?;
                for k in keywords {
                    self.fold_expr(&mut k.value)?;
                }
            }
            ExprKind::FormattedValue {
                value, format_spec, ..
            } => {
                self.fold_expr(value)?;
                self.fold_opt(format_spec)?;
            }
            ExprKind::JoinedStr { values } => self.fold_exprs(values)?,
            ExprKind::Attribute { value, .. } => self.fold_expr(value)?,
            ExprKind::Subscript { value, slice, ctx } => {
                self.fold_expr(value)?;
                self.fold_expr(slice)?;
                if *ctx == ExprContext::Load
                    && let (
                        ExprKind::Constant { value: v, .. },
                        ExprKind::Constant { value: i, .. },
                    ) = (&value.node, &slice.node)
                {
                    let folded = constfold::subscript(v, i);
                    make_const(e, folded);
                }
            }
            ExprKind::Starred { value, .. } => self.fold_expr(value)?,
            ExprKind::Slice { lower, upper, step } => {
                self.fold_opt(lower)?;
                self.fold_opt(upper)?;
                self.fold_opt(step)?;
            }
            ExprKind::List { elts, .. } => self.fold_exprs(elts)?,
            ExprKind::Tuple { elts, ctx } => {
                self.fold_exprs(elts)?;
                if *ctx == ExprContext::Load {
                    let fresh = elts.iter().any(|x| self.is_fresh(x));
                    let folded = make_const_tuple(elts).map(Constant::Tuple);
                    let done = folded.is_some();
                    make_const(e, folded);
                    if done && fresh {
                        self.fresh_empty_bytes.insert(loc_key(&e.loc));
                    }
                }
            }
            ExprKind::Name { id, ctx } => {
                if *ctx == ExprContext::Load && id.as_str() == "__debug__" {
                    let v = Constant::Bool(self.optimize == 0);
                    make_const(e, Some(v));
                }
            }
            ExprKind::NamedExpr { value, .. } => self.fold_expr(value)?,
            ExprKind::Constant { .. } => {}
        }
        Ok(())
    }

    /// `astfold_pattern`.
    fn fold_pattern(&mut self, p: &mut ast::Pattern) -> R {
        self.guard(|o| o.fold_pattern_inner(p))
    }

    fn fold_pattern_inner(&mut self, p: &mut ast::Pattern) -> R {
        match &mut p.node {
            PatternKind::MatchValue { value } => self.fold_expr(value)?,
            PatternKind::MatchSingleton { .. } | PatternKind::MatchStar { .. } => {}
            PatternKind::MatchSequence { patterns } | PatternKind::MatchOr { patterns } => {
                for q in patterns {
                    self.fold_pattern(q)?;
                }
            }
            PatternKind::MatchMapping { keys, patterns, .. } => {
                self.fold_exprs(keys)?;
                for q in patterns {
                    self.fold_pattern(q)?;
                }
            }
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_patterns,
                ..
            } => {
                self.fold_expr(cls)?;
                for q in patterns.iter_mut().chain(kwd_patterns.iter_mut()) {
                    self.fold_pattern(q)?;
                }
            }
            PatternKind::MatchAs { pattern, .. } => {
                if let Some(q) = pattern {
                    self.fold_pattern(q)?;
                }
            }
        }
        Ok(())
    }
}

/// `fold_unaryop`: constants, and `not` over a single `is`/`is not`/`in`/`not in`.
fn fold_unaryop(node: &mut Expr) {
    let ExprKind::UnaryOp { op, operand } = &mut node.node else {
        return;
    };
    let op = *op;
    match &mut operand.node {
        ExprKind::Constant { value, .. } => {
            let folded = constfold::unaryop(op, value);
            make_const(node, folded);
        }
        ExprKind::Compare { ops, .. } if op == Unaryop::Not && ops.len() == 1 => {
            let inverted = match ops[0] {
                Cmpop::Is => Cmpop::IsNot,
                Cmpop::IsNot => Cmpop::Is,
                Cmpop::In => Cmpop::NotIn,
                Cmpop::NotIn => Cmpop::In,
                _ => return,
            };
            ops[0] = inverted;
            // COPY_NODE: the comparison replaces the `not`, location included.
            let inner = std::mem::replace(
                &mut **operand,
                Expr::new(
                    ExprKind::Constant {
                        value: Constant::None,
                        kind: None,
                    },
                    node.loc,
                ),
            );
            *node = inner;
        }
        _ => {}
    }
}

/// `fold_binop`.
fn fold_binop(node: &mut Expr) {
    let ExprKind::BinOp { left, op, right } = &mut node.node else {
        return;
    };
    let ExprKind::Constant { value: lv, .. } = &left.node else {
        return;
    };
    if *op == Operator::Mod
        && let ExprKind::Tuple { elts, .. } = &right.node
        && let Constant::Str(fmt) = lv
        && !has_starred(elts)
    {
        if let Some(values) = format::optimize_format(fmt, elts) {
            node.node = ExprKind::JoinedStr { values };
        }
        return;
    }
    let ExprKind::Constant { value: rv, .. } = &right.node else {
        return;
    };
    let folded = constfold::binop(*op, lv, rv);
    make_const(node, folded);
}

/// `fold_iter`: a literal list becomes a tuple (a constant one if it can), a literal
/// set of constants a frozenset.
fn fold_iter(arg: &mut Expr) {
    match &mut arg.node {
        ExprKind::List { elts, ctx } => {
            if has_starred(elts) {
                return;
            }
            let ctx = *ctx;
            let elts = std::mem::take(elts);
            let folded = make_const_tuple(&elts).map(Constant::Tuple);
            arg.node = ExprKind::Tuple { elts, ctx };
            make_const(arg, folded);
        }
        ExprKind::Set { elts } => {
            let folded = make_const_tuple(elts).map(frozenset);
            make_const(arg, folded);
        }
        _ => {}
    }
}
