//! proptest strategies for refvm statements (with nested blocks), match patterns and
//! whole modules the parser can produce; expressions come from `ast_strategy`.

#![allow(dead_code)]

use super::ast_strategy::{constant, expr, ident, target};
use proptest::collection::vec;
use proptest::prelude::*;
use refvm_syntax::ast::*;

fn at() -> Location {
    Location::default()
}

fn st(node: StmtKind) -> Stmt {
    Stmt::new(node, at())
}

fn pat(node: PatternKind) -> Pattern {
    Pattern::new(node, at())
}

fn bx(e: Expr) -> Box<Expr> {
    Box::new(e)
}

fn load_name(id: Identifier) -> Expr {
    Expr::new(
        ExprKind::Name {
            id,
            ctx: ExprContext::Load,
        },
        at(),
    )
}

/// A `case` pattern: values, singletons, captures, wildcards, sequences with a star,
/// mappings, class patterns, or-patterns and `as` patterns.
pub fn pattern() -> BoxedStrategy<Pattern> {
    // `_` is the wildcard: never a class or a value's base.
    let ident = || proptest::sample::select(vec!["a", "x", "match", "é"]).prop_map(Identifier::new);
    let capture = prop_oneof![
        proptest::sample::select(vec!["p", "q", "rest"]).prop_map(Some),
        Just(None),
    ];
    let value = prop_oneof![
        (0u32..100).prop_map(|i| Expr::new(
            ExprKind::Constant {
                value: Constant::Int(i.into()),
                kind: None
            },
            at()
        )),
        "[a-z]{0,3}".prop_map(|s| Expr::new(
            ExprKind::Constant {
                value: Constant::Str(refvm_common::PyStr::from(s.as_str())),
                kind: None
            },
            at()
        )),
        (ident(), ident()).prop_map(|(a, b)| Expr::new(
            ExprKind::Attribute {
                value: bx(load_name(a)),
                attr: b,
                ctx: ExprContext::Load
            },
            at()
        )),
    ];
    let leaf = prop_oneof![
        value.prop_map(|v| pat(PatternKind::MatchValue { value: bx(v) })),
        proptest::sample::select(vec![
            Constant::None,
            Constant::Bool(true),
            Constant::Bool(false)
        ])
        .prop_map(|value| pat(PatternKind::MatchSingleton { value })),
        capture.prop_map(|n| pat(PatternKind::MatchAs {
            pattern: None,
            name: n.map(Identifier::new)
        })),
    ];
    leaf.prop_recursive(3, 16, 3, move |p| {
        prop_oneof![
            (
                vec(p.clone(), 0..3),
                proptest::option::of((0usize..3, proptest::option::of(Just("s"))))
            )
                .prop_map(|(mut patterns, star)| {
                    if let Some((i, n)) = star {
                        let s = pat(PatternKind::MatchStar {
                            name: n.map(Identifier::new),
                        });
                        patterns.insert(i.min(patterns.len()), s);
                    }
                    pat(PatternKind::MatchSequence { patterns })
                }),
            (vec(((0u32..50), p.clone()), 0..3), any::<bool>()).prop_map(|(kv, rest)| {
                let mut seen = std::collections::BTreeSet::new();
                let (keys, patterns) = kv
                    .into_iter()
                    .filter(|(k, _)| seen.insert(*k))
                    .map(|(k, v)| {
                        let key = Expr::new(
                            ExprKind::Constant {
                                value: Constant::Int(k.into()),
                                kind: None,
                            },
                            at(),
                        );
                        (key, v)
                    })
                    .unzip();
                pat(PatternKind::MatchMapping {
                    keys,
                    patterns,
                    rest: rest.then(|| Identifier::new("kw")),
                })
            }),
            (ident(), vec(p.clone(), 0..2), vec(p.clone(), 0..2)).prop_map(|(c, pos, kwd)| {
                let kwd_attrs = ["k1", "k2"][..kwd.len()]
                    .iter()
                    .map(|s| Identifier::new(s))
                    .collect();
                pat(PatternKind::MatchClass {
                    cls: bx(load_name(c)),
                    patterns: pos,
                    kwd_attrs,
                    kwd_patterns: kwd,
                })
            }),
            vec(p.clone(), 2..4).prop_map(|patterns| pat(PatternKind::MatchOr { patterns })),
            p.prop_map(|inner| pat(PatternKind::MatchAs {
                pattern: Some(Box::new(inner)),
                name: Some(Identifier::new("whole"))
            })),
        ]
    })
    .boxed()
}

fn simple(e: BoxedStrategy<Expr>) -> BoxedStrategy<Stmt> {
    let t = target(e.clone());
    let single_target = prop_oneof![
        ident().prop_map(|id| (
            Expr::new(
                ExprKind::Name {
                    id,
                    ctx: ExprContext::Store
                },
                at()
            ),
            1
        )),
        (e.clone(), ident()).prop_map(|(v, attr)| (
            Expr::new(
                ExprKind::Attribute {
                    value: bx(v),
                    attr,
                    ctx: ExprContext::Store
                },
                at()
            ),
            0
        )),
    ];
    let yieldish = prop_oneof![
        3 => e.clone(),
        1 => proptest::option::of(e.clone()).prop_map(|v| Expr::new(ExprKind::Yield { value: v.map(bx) }, at())),
    ];
    prop_oneof![
        3 => yieldish.clone().prop_map(|v| st(StmtKind::Expr { value: bx(v) })),
        3 => (vec(t.clone(), 1..3), yieldish).prop_map(|(targets, v)| st(StmtKind::Assign {
            targets,
            value: bx(v),
            type_comment: None
        })),
        1 => (single_target.clone(), super::ast_strategy::operator(), e.clone()).prop_map(|((t, _), op, v)| {
            st(StmtKind::AugAssign { target: bx(t), op, value: bx(v) })
        }),
        1 => (single_target, e.clone(), proptest::option::of(e.clone())).prop_map(|((t, simple), a, v)| {
            st(StmtKind::AnnAssign { target: bx(t), annotation: bx(a), value: v.map(bx), simple })
        }),
        1 => Just(st(StmtKind::Pass)),
        1 => Just(st(StmtKind::Break)),
        1 => Just(st(StmtKind::Continue)),
        1 => proptest::option::of(e.clone()).prop_map(|v| st(StmtKind::Return { value: v.map(bx) })),
        1 => vec(ident(), 1..3).prop_map(|names| st(StmtKind::Global { names })),
        1 => vec(ident(), 1..3).prop_map(|names| st(StmtKind::Nonlocal { names })),
        1 => vec(ident(), 1..3).prop_map(|ids| st(StmtKind::Delete {
            targets: ids.into_iter().map(|id| Expr::new(ExprKind::Name { id, ctx: ExprContext::Del }, at())).collect()
        })),
        1 => proptest::option::of((e.clone(), proptest::option::of(e.clone()))).prop_map(|r| match r {
            Some((exc, cause)) => st(StmtKind::Raise { exc: Some(bx(exc)), cause: cause.map(bx) }),
            None => st(StmtKind::Raise { exc: None, cause: None }),
        }),
        1 => (e.clone(), proptest::option::of(e)).prop_map(|(t, m)| st(StmtKind::Assert { test: bx(t), msg: m.map(bx) })),
        1 => vec((ident(), proptest::option::of(ident())), 1..3).prop_map(|names| st(StmtKind::Import {
            names: names.into_iter().map(|(n, a)| Alias { name: n, asname: a, loc: at() }).collect()
        })),
        1 => (proptest::option::of(ident()), 0i32..3, vec((ident(), proptest::option::of(ident())), 1..3))
            .prop_map(|(module, level, names)| {
                let level = if module.is_none() { level.max(1) } else { level };
                st(StmtKind::ImportFrom {
                    module,
                    names: names.into_iter().map(|(n, a)| Alias { name: n, asname: a, loc: at() }).collect(),
                    level: Some(level),
                })
            }),
    ]
    .boxed()
}

/// A statement; compound ones nest blocks up to `depth` levels.
pub fn stmt(depth: u32) -> BoxedStrategy<Stmt> {
    let e = expr(2);
    simple(e.clone())
        .prop_recursive(depth, 24, 3, move |s| {
            let e = e.clone();
            let block = vec(s.clone(), 1..3);
            let orelse = prop_oneof![2 => Just(Vec::new()), 1 => block.clone()];
            let handler = (
                proptest::option::of((e.clone(), proptest::option::of(ident()))),
                block.clone(),
            )
                .prop_map(|(t, body)| {
                    let (type_, name) = match t {
                        Some((t, n)) => (Some(bx(t)), n),
                        None => (None, None),
                    };
                    ExceptHandler {
                        type_,
                        name,
                        body,
                        loc: at(),
                    }
                });
            let decorators = vec(e.clone(), 0..2);
            prop_oneof![
                (e.clone(), block.clone(), orelse.clone()).prop_map(|(t, body, orelse)| st(
                    StmtKind::If {
                        test: bx(t),
                        body,
                        orelse
                    }
                )),
                (e.clone(), block.clone(), orelse.clone()).prop_map(|(t, body, orelse)| st(
                    StmtKind::While {
                        test: bx(t),
                        body,
                        orelse
                    }
                )),
                (
                    target(e.clone()),
                    e.clone(),
                    block.clone(),
                    orelse.clone(),
                    any::<bool>()
                )
                    .prop_map(|(t, i, body, orelse, asy)| {
                        let (target, iter, type_comment) = (bx(t), bx(i), None);
                        st(if asy {
                            StmtKind::AsyncFor {
                                target,
                                iter,
                                body,
                                orelse,
                                type_comment,
                            }
                        } else {
                            StmtKind::For {
                                target,
                                iter,
                                body,
                                orelse,
                                type_comment,
                            }
                        })
                    }),
                (
                    vec((e.clone(), proptest::option::of(target(e.clone()))), 1..3),
                    block.clone(),
                    any::<bool>()
                )
                    .prop_map(|(items, body, asy)| {
                        let items = items
                            .into_iter()
                            .map(|(c, v)| Withitem {
                                context_expr: bx(c),
                                optional_vars: v.map(bx),
                            })
                            .collect();
                        st(if asy {
                            StmtKind::AsyncWith {
                                items,
                                body,
                                type_comment: None,
                            }
                        } else {
                            StmtKind::With {
                                items,
                                body,
                                type_comment: None,
                            }
                        })
                    }),
                (
                    block.clone(),
                    vec(handler, 0..3),
                    orelse.clone(),
                    orelse.clone(),
                    any::<bool>()
                )
                    .prop_map(
                        |(body, mut handlers, orelse, mut finalbody, star)| {
                            // Only the last handler may be bare; `except*` handlers never are.
                            let last = handlers.len().saturating_sub(1);
                            for (i, h) in handlers.iter_mut().enumerate() {
                                if h.type_.is_none() && (star || i != last) {
                                    h.type_ = Some(bx(load_name(Identifier::new("E"))));
                                }
                            }
                            let orelse = if handlers.is_empty() {
                                Vec::new()
                            } else {
                                orelse
                            };
                            if handlers.is_empty() && finalbody.is_empty() {
                                finalbody.push(st(StmtKind::Pass));
                            }
                            let star = star && !handlers.is_empty();
                            st(if star {
                                StmtKind::TryStar {
                                    body,
                                    handlers,
                                    orelse,
                                    finalbody,
                                }
                            } else {
                                StmtKind::Try {
                                    body,
                                    handlers,
                                    orelse,
                                    finalbody,
                                }
                            })
                        }
                    ),
                (
                    ident(),
                    super::ast_strategy::arguments(e.clone(), true),
                    block.clone(),
                    decorators.clone(),
                    proptest::option::of(e.clone()),
                    any::<bool>()
                )
                    .prop_map(
                        |(name, args, body, decorator_list, returns, asy)| {
                            let (args, returns, type_comment) =
                                (Box::new(args), returns.map(bx), None);
                            st(if asy {
                                StmtKind::AsyncFunctionDef {
                                    name,
                                    args,
                                    body,
                                    decorator_list,
                                    returns,
                                    type_comment,
                                }
                            } else {
                                StmtKind::FunctionDef {
                                    name,
                                    args,
                                    body,
                                    decorator_list,
                                    returns,
                                    type_comment,
                                }
                            })
                        }
                    ),
                (
                    ident(),
                    vec(e.clone(), 0..2),
                    vec((proptest::option::of(ident()), e.clone()), 0..2),
                    block.clone(),
                    decorators
                )
                    .prop_map(|(name, bases, kws, body, decorator_list)| st(
                        StmtKind::ClassDef {
                            name,
                            bases,
                            keywords: kws
                                .into_iter()
                                .map(|(arg, v)| Keyword {
                                    arg,
                                    value: bx(v),
                                    loc: at()
                                })
                                .collect(),
                            body,
                            decorator_list,
                        }
                    )),
                (
                    e.clone(),
                    vec((pattern(), proptest::option::of(e), block), 1..3)
                )
                    .prop_map(|(subject, cases)| {
                        st(StmtKind::Match {
                            subject: bx(subject),
                            cases: cases
                                .into_iter()
                                .map(|(p, g, body)| MatchCase {
                                    pattern: Box::new(p),
                                    guard: g.map(bx),
                                    body,
                                })
                                .collect(),
                        })
                    }),
            ]
        })
        .boxed()
}

/// A module of a few statements.
pub fn module() -> impl Strategy<Value = Module> {
    vec(stmt(3), 1..5).prop_map(|body| Module {
        body,
        type_ignores: Vec::new(),
    })
}

/// A constant (re-exported for the property file).
pub fn any_constant() -> impl Strategy<Value = Constant> {
    constant()
}
