//! Small accessors over refvm's AST that the compiler passes share, kept in one place
//! so a change of the AST's shape touches one file.

use refvm_syntax::ast::{Arguments, Expr};

/// `kw_defaults[i]`: the default of the i-th keyword-only parameter, `None` when it
/// has none (CPython stores NULL there).
pub fn kw_default(args: &Arguments, i: usize) -> Option<&Expr> {
    args.kw_defaults.get(i).and_then(|d| d.as_ref())
}

/// The keyword-only defaults that are present, in order.
pub fn kw_defaults_present(args: &Arguments) -> impl Iterator<Item = &Expr> {
    args.kw_defaults.iter().flatten()
}

/// `Dict.keys[i]`: `None` for a `**mapping` entry (CPython stores NULL there).
pub fn dict_key(keys: &[Option<Expr>], i: usize) -> Option<&Expr> {
    keys.get(i).and_then(|k| k.as_ref())
}

/// A node that counts towards CPython's compiler recursion limit.
#[derive(Clone, Copy)]
enum Node<'a> {
    Stmt(&'a refvm_syntax::ast::Stmt),
    Expr(&'a Expr),
    Pattern(&'a refvm_syntax::ast::Pattern),
}

/// The deepest nesting of statements, expressions and patterns in `module` (what the
/// AST optimiser's and symbol table's recursion counters reach), computed without
/// recursion so that any tree can be measured.
pub fn nesting_depth(module: &refvm_syntax::ast::Module) -> usize {
    use refvm_syntax::ast::{ExprKind as E, PatternKind as P, StmtKind as S};
    let mut stack: Vec<(Node<'_>, usize)> = module
        .body
        .iter()
        .rev()
        .map(|s| (Node::Stmt(s), 1))
        .collect();
    let mut max = 0;
    while let Some((node, d)) = stack.pop() {
        max = max.max(d);
        let mut kids: Vec<Node<'_>> = Vec::new();
        match node {
            Node::Stmt(s) => match &s.node {
                S::FunctionDef {
                    args,
                    body,
                    decorator_list,
                    returns,
                    ..
                }
                | S::AsyncFunctionDef {
                    args,
                    body,
                    decorator_list,
                    returns,
                    ..
                } => {
                    push_arguments(args, &mut kids);
                    kids.extend(body.iter().map(Node::Stmt));
                    kids.extend(decorator_list.iter().map(Node::Expr));
                    kids.extend(returns.as_deref().map(Node::Expr));
                }
                S::ClassDef {
                    bases,
                    keywords,
                    body,
                    decorator_list,
                    ..
                } => {
                    kids.extend(bases.iter().map(Node::Expr));
                    kids.extend(keywords.iter().map(|k| Node::Expr(&k.value)));
                    kids.extend(body.iter().map(Node::Stmt));
                    kids.extend(decorator_list.iter().map(Node::Expr));
                }
                S::Return { value } => kids.extend(value.as_deref().map(Node::Expr)),
                S::Delete { targets } => kids.extend(targets.iter().map(Node::Expr)),
                S::Assign { targets, value, .. } => {
                    kids.extend(targets.iter().map(Node::Expr));
                    kids.push(Node::Expr(value));
                }
                S::AugAssign { target, value, .. } => {
                    kids.push(Node::Expr(target));
                    kids.push(Node::Expr(value));
                }
                S::AnnAssign {
                    target,
                    annotation,
                    value,
                    ..
                } => {
                    kids.push(Node::Expr(target));
                    kids.push(Node::Expr(annotation));
                    kids.extend(value.as_deref().map(Node::Expr));
                }
                S::For {
                    target,
                    iter,
                    body,
                    orelse,
                    ..
                }
                | S::AsyncFor {
                    target,
                    iter,
                    body,
                    orelse,
                    ..
                } => {
                    kids.push(Node::Expr(target));
                    kids.push(Node::Expr(iter));
                    kids.extend(body.iter().chain(orelse).map(Node::Stmt));
                }
                S::While { test, body, orelse } | S::If { test, body, orelse } => {
                    kids.push(Node::Expr(test));
                    kids.extend(body.iter().chain(orelse).map(Node::Stmt));
                }
                S::With { items, body, .. } | S::AsyncWith { items, body, .. } => {
                    for i in items {
                        kids.push(Node::Expr(&i.context_expr));
                        kids.extend(i.optional_vars.as_deref().map(Node::Expr));
                    }
                    kids.extend(body.iter().map(Node::Stmt));
                }
                S::Match { subject, cases } => {
                    kids.push(Node::Expr(subject));
                    for c in cases {
                        kids.push(Node::Pattern(&c.pattern));
                        kids.extend(c.guard.as_deref().map(Node::Expr));
                        kids.extend(c.body.iter().map(Node::Stmt));
                    }
                }
                S::Raise { exc, cause } => {
                    kids.extend(exc.as_deref().map(Node::Expr));
                    kids.extend(cause.as_deref().map(Node::Expr));
                }
                S::Try {
                    body,
                    handlers,
                    orelse,
                    finalbody,
                }
                | S::TryStar {
                    body,
                    handlers,
                    orelse,
                    finalbody,
                } => {
                    kids.extend(body.iter().map(Node::Stmt));
                    for h in handlers {
                        kids.extend(h.type_.as_deref().map(Node::Expr));
                        kids.extend(h.body.iter().map(Node::Stmt));
                    }
                    kids.extend(orelse.iter().chain(finalbody).map(Node::Stmt));
                }
                S::Assert { test, msg } => {
                    kids.push(Node::Expr(test));
                    kids.extend(msg.as_deref().map(Node::Expr));
                }
                S::Expr { value } => kids.push(Node::Expr(value)),
                S::Import { .. }
                | S::ImportFrom { .. }
                | S::Global { .. }
                | S::Nonlocal { .. }
                | S::Pass
                | S::Break
                | S::Continue => {}
            },
            Node::Expr(e) => match &e.node {
                E::BoolOp { values, .. } => kids.extend(values.iter().map(Node::Expr)),
                E::NamedExpr { target, value } => {
                    kids.push(Node::Expr(target));
                    kids.push(Node::Expr(value));
                }
                E::BinOp { left, right, .. } => {
                    kids.push(Node::Expr(left));
                    kids.push(Node::Expr(right));
                }
                E::UnaryOp { operand, .. } => kids.push(Node::Expr(operand)),
                E::Lambda { args, body } => {
                    push_arguments(args, &mut kids);
                    kids.push(Node::Expr(body));
                }
                E::IfExp { test, body, orelse } => {
                    kids.extend([test, body, orelse].into_iter().map(|x| Node::Expr(x)));
                }
                E::Dict { keys, values } => {
                    kids.extend(keys.iter().flatten().map(Node::Expr));
                    kids.extend(values.iter().map(Node::Expr));
                }
                E::Set { elts } | E::List { elts, .. } | E::Tuple { elts, .. } => {
                    kids.extend(elts.iter().map(Node::Expr))
                }
                E::ListComp { elt, generators }
                | E::SetComp { elt, generators }
                | E::GeneratorExp { elt, generators } => {
                    kids.push(Node::Expr(elt));
                    push_comprehensions(generators, &mut kids);
                }
                E::DictComp {
                    key,
                    value,
                    generators,
                } => {
                    kids.push(Node::Expr(key));
                    kids.push(Node::Expr(value));
                    push_comprehensions(generators, &mut kids);
                }
                E::Await { value }
                | E::YieldFrom { value }
                | E::Attribute { value, .. }
                | E::Starred { value, .. } => kids.push(Node::Expr(value)),
                E::Yield { value } => kids.extend(value.as_deref().map(Node::Expr)),
                E::Compare {
                    left, comparators, ..
                } => {
                    kids.push(Node::Expr(left));
                    kids.extend(comparators.iter().map(Node::Expr));
                }
                E::Call {
                    func,
                    args,
                    keywords,
                } => {
                    kids.push(Node::Expr(func));
                    kids.extend(args.iter().map(Node::Expr));
                    kids.extend(keywords.iter().map(|k| Node::Expr(&k.value)));
                }
                E::FormattedValue {
                    value, format_spec, ..
                } => {
                    kids.push(Node::Expr(value));
                    kids.extend(format_spec.as_deref().map(Node::Expr));
                }
                E::JoinedStr { values } => kids.extend(values.iter().map(Node::Expr)),
                E::Subscript { value, slice, .. } => {
                    kids.push(Node::Expr(value));
                    kids.push(Node::Expr(slice));
                }
                E::Slice { lower, upper, step } => {
                    kids.extend(
                        [lower, upper, step]
                            .into_iter()
                            .flatten()
                            .map(|x| Node::Expr(x)),
                    );
                }
                E::Constant { .. } | E::Name { .. } => {}
            },
            Node::Pattern(p) => match &p.node {
                P::MatchValue { value } => kids.push(Node::Expr(value)),
                P::MatchSingleton { .. } | P::MatchStar { .. } => {}
                P::MatchSequence { patterns } | P::MatchOr { patterns } => {
                    kids.extend(patterns.iter().map(Node::Pattern))
                }
                P::MatchMapping { keys, patterns, .. } => {
                    kids.extend(keys.iter().map(Node::Expr));
                    kids.extend(patterns.iter().map(Node::Pattern));
                }
                P::MatchClass {
                    cls,
                    patterns,
                    kwd_patterns,
                    ..
                } => {
                    kids.push(Node::Expr(cls));
                    kids.extend(patterns.iter().chain(kwd_patterns).map(Node::Pattern));
                }
                P::MatchAs { pattern, .. } => kids.extend(pattern.as_deref().map(Node::Pattern)),
            },
        }
        stack.extend(kids.into_iter().rev().map(|k| (k, d + 1)));
    }
    max
}

fn push_arguments<'a>(args: &'a Arguments, kids: &mut Vec<Node<'a>>) {
    for a in args
        .posonlyargs
        .iter()
        .chain(&args.args)
        .chain(args.vararg.as_deref())
        .chain(&args.kwonlyargs)
        .chain(args.kwarg.as_deref())
    {
        kids.extend(a.annotation.as_deref().map(Node::Expr));
    }
    kids.extend(args.kw_defaults.iter().flatten().map(Node::Expr));
    kids.extend(args.defaults.iter().map(Node::Expr));
}

fn push_comprehensions<'a>(gens: &'a [refvm_syntax::ast::Comprehension], kids: &mut Vec<Node<'a>>) {
    for g in gens {
        kids.push(Node::Expr(&g.target));
        kids.push(Node::Expr(&g.iter));
        kids.extend(g.ifs.iter().map(Node::Expr));
    }
}
