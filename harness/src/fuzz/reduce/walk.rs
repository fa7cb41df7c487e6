//! Mutable walks over refvm's AST for the reducer: every statement list (pre-order)
//! and every expression outside assignment targets (parents before children), plus
//! the simpler variants of a statement or an expression the reducer tries in its place.

use crate::fuzz::generator::build;
use num_bigint::BigInt;
use refvm_common::PyStr;
use refvm_syntax::ast::{Arguments, Constant, Expr, ExprKind, Stmt, StmtKind};

/// Whether a walk goes on.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Go,
    Stop,
}

/// Calls `f` on `body` and on every statement list nested in it, pre-order.
pub fn bodies_mut(body: &mut Vec<Stmt>, f: &mut dyn FnMut(&mut Vec<Stmt>) -> Flow) -> Flow {
    if f(body) == Flow::Stop {
        return Flow::Stop;
    }
    for s in body.iter_mut() {
        for inner in child_bodies(s) {
            if bodies_mut(inner, f) == Flow::Stop {
                return Flow::Stop;
            }
        }
    }
    Flow::Go
}

fn child_bodies(s: &mut Stmt) -> Vec<&mut Vec<Stmt>> {
    match &mut s.node {
        StmtKind::FunctionDef { body, .. }
        | StmtKind::AsyncFunctionDef { body, .. }
        | StmtKind::ClassDef { body, .. }
        | StmtKind::With { body, .. }
        | StmtKind::AsyncWith { body, .. } => vec![body],
        StmtKind::For { body, orelse, .. }
        | StmtKind::AsyncFor { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::If { body, orelse, .. } => vec![body, orelse],
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
            let mut v = vec![body];
            v.extend(handlers.iter_mut().map(|h| &mut h.body));
            v.push(orelse);
            v.push(finalbody);
            v
        }
        StmtKind::Match { cases, .. } => cases.iter_mut().map(|c| &mut c.body).collect(),
        _ => Vec::new(),
    }
}

/// Calls `f` on every expression of `body` (not in assignment targets), parents
/// before children.
pub fn exprs_mut(body: &mut Vec<Stmt>, f: &mut dyn FnMut(&mut Expr) -> Flow) -> Flow {
    for s in body.iter_mut() {
        if stmt_exprs(s, f) == Flow::Stop {
            return Flow::Stop;
        }
    }
    Flow::Go
}

fn each(xs: &mut [Expr], f: &mut dyn FnMut(&mut Expr) -> Flow) -> Flow {
    for x in xs {
        if expr(x, f) == Flow::Stop {
            return Flow::Stop;
        }
    }
    Flow::Go
}

fn opt(x: &mut Option<Box<Expr>>, f: &mut dyn FnMut(&mut Expr) -> Flow) -> Flow {
    match x {
        Some(x) => expr(x, f),
        None => Flow::Go,
    }
}

fn args(a: &mut Arguments, f: &mut dyn FnMut(&mut Expr) -> Flow) -> Flow {
    if each(&mut a.defaults, f) == Flow::Stop {
        return Flow::Stop;
    }
    for d in a.kw_defaults.iter_mut().flatten() {
        if expr(d, f) == Flow::Stop {
            return Flow::Stop;
        }
    }
    Flow::Go
}

macro_rules! chain {
    ($($e:expr),* $(,)?) => {{
        $( if $e == Flow::Stop { return Flow::Stop; } )*
        Flow::Go
    }};
}

fn stmt_exprs(s: &mut Stmt, f: &mut dyn FnMut(&mut Expr) -> Flow) -> Flow {
    match &mut s.node {
        StmtKind::FunctionDef {
            args: a,
            body,
            decorator_list,
            ..
        }
        | StmtKind::AsyncFunctionDef {
            args: a,
            body,
            decorator_list,
            ..
        } => chain!(each(decorator_list, f), args(a, f), exprs_mut(body, f)),
        StmtKind::ClassDef {
            bases,
            keywords,
            body,
            decorator_list,
            ..
        } => {
            chain!(each(decorator_list, f), each(bases, f));
            for k in keywords.iter_mut() {
                chain!(expr(&mut k.value, f));
            }
            exprs_mut(body, f)
        }
        StmtKind::Return { value } => opt(value, f),
        StmtKind::Delete { .. } | StmtKind::Import { .. } | StmtKind::ImportFrom { .. } => Flow::Go,
        StmtKind::Assign { value, .. } | StmtKind::AugAssign { value, .. } => expr(value, f),
        StmtKind::AnnAssign { value, .. } => opt(value, f),
        StmtKind::For {
            iter, body, orelse, ..
        }
        | StmtKind::AsyncFor {
            iter, body, orelse, ..
        } => chain!(expr(iter, f), exprs_mut(body, f), exprs_mut(orelse, f)),
        StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
            chain!(expr(test, f), exprs_mut(body, f), exprs_mut(orelse, f))
        }
        StmtKind::With { items, body, .. } | StmtKind::AsyncWith { items, body, .. } => {
            for it in items.iter_mut() {
                chain!(expr(&mut it.context_expr, f));
            }
            exprs_mut(body, f)
        }
        StmtKind::Match { subject, cases } => {
            chain!(expr(subject, f));
            for c in cases.iter_mut() {
                chain!(opt(&mut c.guard, f), exprs_mut(&mut c.body, f));
            }
            Flow::Go
        }
        StmtKind::Raise { exc, cause } => chain!(opt(exc, f), opt(cause, f)),
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
            chain!(exprs_mut(body, f));
            for h in handlers.iter_mut() {
                chain!(opt(&mut h.type_, f), exprs_mut(&mut h.body, f));
            }
            chain!(exprs_mut(orelse, f), exprs_mut(finalbody, f))
        }
        StmtKind::Assert { test, msg } => chain!(expr(test, f), opt(msg, f)),
        StmtKind::Expr { value } => expr(value, f),
        StmtKind::Global { .. }
        | StmtKind::Nonlocal { .. }
        | StmtKind::Pass
        | StmtKind::Break
        | StmtKind::Continue => Flow::Go,
    }
}

fn expr(e: &mut Expr, f: &mut dyn FnMut(&mut Expr) -> Flow) -> Flow {
    if f(e) == Flow::Stop {
        return Flow::Stop;
    }
    match &mut e.node {
        ExprKind::BoolOp { values, .. } => each(values, f),
        ExprKind::NamedExpr { value, .. } => expr(value, f),
        ExprKind::BinOp { left, right, .. } => chain!(expr(left, f), expr(right, f)),
        ExprKind::UnaryOp { operand, .. } => expr(operand, f),
        ExprKind::Lambda { args: a, body } => chain!(args(a, f), expr(body, f)),
        ExprKind::IfExp { test, body, orelse } => {
            chain!(expr(test, f), expr(body, f), expr(orelse, f))
        }
        ExprKind::Dict { keys, values } => {
            for k in keys.iter_mut().flatten() {
                chain!(expr(k, f));
            }
            each(values, f)
        }
        ExprKind::Set { elts } => each(elts, f),
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            chain!(expr(elt, f));
            for g in generators.iter_mut() {
                chain!(expr(&mut g.iter, f), each(&mut g.ifs, f));
            }
            Flow::Go
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            chain!(expr(key, f), expr(value, f));
            for g in generators.iter_mut() {
                chain!(expr(&mut g.iter, f), each(&mut g.ifs, f));
            }
            Flow::Go
        }
        ExprKind::Await { value } | ExprKind::YieldFrom { value } => expr(value, f),
        ExprKind::Yield { value } => opt(value, f),
        ExprKind::Compare {
            left, comparators, ..
        } => chain!(expr(left, f), each(comparators, f)),
        ExprKind::Call {
            func,
            args: a,
            keywords,
        } => {
            chain!(expr(func, f), each(a, f));
            for k in keywords.iter_mut() {
                chain!(expr(&mut k.value, f));
            }
            Flow::Go
        }
        ExprKind::FormattedValue {
            value, format_spec, ..
        } => chain!(expr(value, f), opt(format_spec, f)),
        ExprKind::JoinedStr { values } => each(values, f),
        ExprKind::Attribute { value, .. } => expr(value, f),
        ExprKind::Subscript { value, slice, .. } => chain!(expr(value, f), expr(slice, f)),
        ExprKind::Starred { value, .. } => expr(value, f),
        ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => each(elts, f),
        ExprKind::Slice { lower, upper, step } => {
            chain!(opt(lower, f), opt(upper, f), opt(step, f))
        }
        ExprKind::Constant { .. } | ExprKind::Name { .. } => Flow::Go,
    }
}

/// The replacements tried for a statement, smallest first: nothing, its body in its
/// place, its body reduced to `pass`, its optional clauses dropped.
pub fn stmt_variants(s: &Stmt) -> Vec<Vec<Stmt>> {
    let mut v: Vec<Vec<Stmt>> = vec![Vec::new()];
    let pass = || vec![build::pass()];
    match &s.node {
        StmtKind::If { body, orelse, .. }
        | StmtKind::For { body, orelse, .. }
        | StmtKind::AsyncFor { body, orelse, .. }
        | StmtKind::While { body, orelse, .. } => {
            let (b, o) = (body.clone(), orelse.clone());
            with(&mut v, s, |t| match &mut t.node {
                StmtKind::If { orelse, .. }
                | StmtKind::For { orelse, .. }
                | StmtKind::AsyncFor { orelse, .. }
                | StmtKind::While { orelse, .. } => orelse.clear(),
                _ => {}
            });
            with(&mut v, s, |t| match &mut t.node {
                StmtKind::If { body, .. }
                | StmtKind::For { body, .. }
                | StmtKind::AsyncFor { body, .. }
                | StmtKind::While { body, .. } => *body = pass(),
                _ => {}
            });
            v.insert(1, b);
            if !o.is_empty() {
                v.insert(2, o);
            }
        }
        StmtKind::With { body, .. }
        | StmtKind::AsyncWith { body, .. }
        | StmtKind::FunctionDef { body, .. }
        | StmtKind::AsyncFunctionDef { body, .. }
        | StmtKind::ClassDef { body, .. } => {
            v.push(body.clone());
            with(&mut v, s, |t| match &mut t.node {
                StmtKind::With { body, .. }
                | StmtKind::AsyncWith { body, .. }
                | StmtKind::FunctionDef { body, .. }
                | StmtKind::AsyncFunctionDef { body, .. }
                | StmtKind::ClassDef { body, .. } => *body = pass(),
                _ => {}
            });
            with(&mut v, s, |t| match &mut t.node {
                StmtKind::FunctionDef { decorator_list, .. }
                | StmtKind::ClassDef { decorator_list, .. } => decorator_list.clear(),
                _ => {}
            });
            with(&mut v, s, |t| {
                if let StmtKind::ClassDef {
                    bases, keywords, ..
                } = &mut t.node
                {
                    bases.clear();
                    keywords.clear();
                }
            });
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
            let mut inline = body.clone();
            inline.extend(finalbody.iter().cloned());
            v.push(inline);
            v.push(body.clone());
            for h in handlers {
                v.push(h.body.clone());
            }
            if !orelse.is_empty() || !finalbody.is_empty() {
                with(&mut v, s, |t| {
                    if let StmtKind::Try {
                        orelse,
                        finalbody,
                        handlers,
                        ..
                    }
                    | StmtKind::TryStar {
                        orelse,
                        finalbody,
                        handlers,
                        ..
                    } = &mut t.node
                    {
                        orelse.clear();
                        if !handlers.is_empty() {
                            finalbody.clear();
                        }
                    }
                });
            }
            if handlers.len() > 1 {
                for i in 0..handlers.len() {
                    let mut t = s.clone();
                    if let StmtKind::Try { handlers, .. } | StmtKind::TryStar { handlers, .. } =
                        &mut t.node
                    {
                        handlers.remove(i);
                    }
                    v.push(vec![t]);
                }
            }
        }
        StmtKind::Match { cases, .. } => {
            for c in cases {
                v.push(c.body.clone());
            }
            if cases.len() > 1 {
                for i in 0..cases.len() {
                    let mut t = s.clone();
                    if let StmtKind::Match { cases, .. } = &mut t.node {
                        cases.remove(i);
                    }
                    v.push(vec![t]);
                }
            }
        }
        StmtKind::Assign { value, .. } | StmtKind::AugAssign { value, .. } => {
            // Keep the computation, drop the binding.
            v.push(vec![build::expr_stmt((**value).clone())]);
        }
        _ => {}
    }
    v
}

/// Adds `s` changed by `f` to the variants, when `f` changed it.
fn with(v: &mut Vec<Vec<Stmt>>, s: &Stmt, f: impl Fn(&mut Stmt)) {
    let mut t = s.clone();
    f(&mut t);
    if t != *s {
        v.push(vec![t]);
    }
}

/// Simpler expressions to try in place of `e`, smallest first; each is strictly
/// smaller than `e` (so the reducer terminates).
pub fn expr_variants(e: &Expr) -> Vec<Expr> {
    let mut v = Vec::new();
    match &e.node {
        ExprKind::Constant { value, .. } => {
            match value {
                Constant::Int(i) => {
                    let zero = BigInt::from(0);
                    if *i != zero {
                        v.push(build::int(0));
                        let half: BigInt = i / 2;
                        if half != zero && half.magnitude() < i.magnitude() && i.bits() > 4 {
                            v.push(build::int(half));
                        }
                    }
                }
                Constant::Str(s) if s.char_len() > 0 => {
                    v.push(build::str_(""));
                    let cps: Vec<u32> = s.code_points().collect();
                    if cps.len() > 1 {
                        if let Some(h) =
                            PyStr::from_code_points(cps[..cps.len() / 2].iter().copied())
                        {
                            v.push(build::konst(Constant::Str(h)));
                        }
                    }
                }
                Constant::Bytes(b) if !b.is_empty() => {
                    v.push(build::bytes_(b""));
                    if b.len() > 1 {
                        v.push(build::bytes_(&b[..b.len() / 2]));
                    }
                }
                Constant::Float(x) if *x != 0.0 || x.is_sign_negative() => {
                    v.push(build::konst(Constant::Float(0.0)));
                    if *x != 1.0 {
                        v.push(build::konst(Constant::Float(1.0)));
                    }
                }
                Constant::Complex { .. } => v.push(build::int(0)),
                Constant::Bool(true) => v.push(build::boolean(false)),
                _ => {}
            }
            return v;
        }
        ExprKind::Name { .. } => return v,
        _ => {}
    }
    v.push(build::int(0));
    v.push(build::none());
    // Its children, when they can stand in its place.
    match &e.node {
        ExprKind::BoolOp { values, op } => {
            v.extend(values.iter().cloned());
            if values.len() > 2 {
                for i in 0..values.len() {
                    let mut rest = values.clone();
                    rest.remove(i);
                    v.push(build::boolop(*op, rest));
                }
            }
        }
        ExprKind::NamedExpr { value, .. } => v.push((**value).clone()),
        ExprKind::BinOp { left, right, .. } => {
            v.push((**left).clone());
            v.push((**right).clone());
        }
        ExprKind::UnaryOp { operand, .. } => v.push((**operand).clone()),
        ExprKind::Lambda { body, .. } => v.push((**body).clone()),
        ExprKind::IfExp { test, body, orelse } => {
            v.push((**body).clone());
            v.push((**orelse).clone());
            v.push((**test).clone());
        }
        ExprKind::Dict { keys, values } => {
            for i in 0..keys.len() {
                let (mut k, mut vs) = (keys.clone(), values.clone());
                k.remove(i);
                vs.remove(i);
                v.push(build::e(ExprKind::Dict {
                    keys: k,
                    values: vs,
                }));
            }
        }
        ExprKind::Set { elts } | ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
            v.extend(
                elts.iter()
                    .filter(|x| !matches!(x.node, ExprKind::Starred { .. }))
                    .cloned(),
            );
            for i in 0..elts.len() {
                let mut rest = elts.clone();
                rest.remove(i);
                v.push(build::e(match &e.node {
                    ExprKind::Set { .. } if rest.is_empty() => ExprKind::Tuple {
                        elts: rest,
                        ctx: refvm_syntax::ast::ExprContext::Load,
                    },
                    ExprKind::Set { .. } => ExprKind::Set { elts: rest },
                    ExprKind::List { ctx, .. } => ExprKind::List {
                        elts: rest,
                        ctx: *ctx,
                    },
                    ExprKind::Tuple { ctx, .. } => ExprKind::Tuple {
                        elts: rest,
                        ctx: *ctx,
                    },
                    _ => continue,
                }));
            }
        }
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            v.push(build::list(vec![(**elt).clone()]));
            for g in generators {
                v.push((*g.iter).clone());
            }
        }
        ExprKind::DictComp { generators, .. } => {
            for g in generators {
                v.push((*g.iter).clone());
            }
        }
        ExprKind::Await { value } | ExprKind::YieldFrom { value } => v.push((**value).clone()),
        ExprKind::Yield { value: Some(x) } => v.push((**x).clone()),
        ExprKind::Compare {
            left,
            ops,
            comparators,
        } => {
            v.push((**left).clone());
            v.extend(comparators.iter().cloned());
            if ops.len() > 1 {
                v.push(build::cmp((**left).clone(), ops[0], comparators[0].clone()));
            }
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            v.extend(
                args.iter()
                    .filter(|x| !matches!(x.node, ExprKind::Starred { .. }))
                    .cloned(),
            );
            v.extend(keywords.iter().map(|k| (*k.value).clone()));
            for i in 0..args.len() {
                let mut a = args.clone();
                a.remove(i);
                v.push(build::e(ExprKind::Call {
                    func: func.clone(),
                    args: a,
                    keywords: keywords.clone(),
                }));
            }
            for i in 0..keywords.len() {
                let mut k = keywords.clone();
                k.remove(i);
                v.push(build::e(ExprKind::Call {
                    func: func.clone(),
                    args: args.clone(),
                    keywords: k,
                }));
            }
        }
        ExprKind::JoinedStr { values } => {
            v.push(build::str_(""));
            for x in values {
                if let ExprKind::FormattedValue { value, .. } = &x.node {
                    v.push((**value).clone());
                }
            }
            for i in 0..values.len() {
                let mut rest = values.clone();
                rest.remove(i);
                v.push(build::fstring(rest));
            }
        }
        ExprKind::FormattedValue { value, .. } => v.push((**value).clone()),
        ExprKind::Attribute { value, .. } => v.push((**value).clone()),
        ExprKind::Subscript { value, slice, .. } => {
            v.push((**value).clone());
            v.push((**slice).clone());
        }
        ExprKind::Starred { .. } | ExprKind::Slice { .. } => {
            // Only valid in their own contexts: no bare replacements.
            v.clear();
        }
        _ => {}
    }
    v.retain(|x| x != e);
    v
}
