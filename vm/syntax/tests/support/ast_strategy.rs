//! proptest strategies for refvm ASTs that the parser can produce (so AST → source →
//! AST can be checked for equality): expressions of every kind, assignment and deletion
//! targets, statements with nested blocks, match patterns. Positions are all zero.

#![allow(dead_code)]

use num_bigint::BigInt;
use proptest::collection::vec;
use proptest::prelude::*;
use refvm_common::PyStr;
use refvm_syntax::ast::*;

fn at() -> Location {
    Location::default()
}

fn ex(node: ExprKind) -> Expr {
    Expr::new(node, at())
}

fn st(node: StmtKind) -> Stmt {
    Stmt::new(node, at())
}

fn bx(e: Expr) -> Box<Expr> {
    Box::new(e)
}

/// Names, soft keywords and a non-ASCII (NFKC-normal) one among them.
const NAMES: &[&str] = &[
    "a", "b", "x", "y_1", "_", "match", "case", "type", "é", "Ωmega",
];

pub fn ident() -> impl Strategy<Value = Identifier> {
    proptest::sample::select(NAMES).prop_map(Identifier::new)
}

fn name(ctx: ExprContext) -> impl Strategy<Value = Expr> {
    ident().prop_map(move |id| ex(ExprKind::Name { id, ctx }))
}

/// Code points a string literal may hold: quotes, backslashes, controls, braces,
/// non-ASCII, non-printable, astral and lone surrogates.
fn code_point() -> impl Strategy<Value = u32> {
    prop_oneof![
        4 => 0x20u32..0x7f,
        1 => proptest::sample::select(vec![0u32, 7, 9, 10, 13, 0x27, 0x22, 0x5c, 0x7b, 0x7d, 0x7f]),
        1 => 0x80u32..0x800,
        1 => proptest::sample::select(vec![0xad_u32, 0x2028, 0xd800, 0xdfff, 0xfeff, 0x1f600, 0x10ffff]),
    ]
}

fn py_str(max: usize) -> impl Strategy<Value = PyStr> {
    vec(code_point(), 0..max).prop_map(|cps| PyStr::from_code_points(cps).unwrap_or_default())
}

/// A constant as the parser builds it: no negative numbers (that is a `UnaryOp`), no
/// NaN, complex numbers only as imaginary literals.
pub fn constant() -> impl Strategy<Value = Constant> {
    prop_oneof![
        Just(Constant::None),
        any::<bool>().prop_map(Constant::Bool),
        Just(Constant::Ellipsis),
        (0u64..u64::MAX).prop_map(|i| Constant::Int(BigInt::from(i))),
        vec(any::<u32>(), 1..6).prop_map(|d| Constant::Int(BigInt::new(num_bigint::Sign::Plus, d))),
        prop_oneof![
            (0.0f64..1e300),
            Just(f64::INFINITY),
            Just(0.0),
            Just(1e16),
            Just(5e-324)
        ]
        .prop_map(Constant::Float),
        prop_oneof![(0.0f64..1e20), Just(f64::INFINITY)]
            .prop_map(|imag| Constant::Complex { real: 0.0, imag }),
        py_str(12).prop_map(Constant::Str),
        vec(any::<u8>(), 0..10).prop_map(Constant::Bytes),
    ]
}

fn constant_expr() -> impl Strategy<Value = Expr> {
    constant().prop_map(|value| ex(ExprKind::Constant { value, kind: None }))
}

pub fn operator() -> impl Strategy<Value = Operator> {
    use Operator::*;
    proptest::sample::select(vec![
        Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv,
    ])
}

fn cmpop() -> impl Strategy<Value = Cmpop> {
    use Cmpop::*;
    proptest::sample::select(vec![Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn])
}

fn unaryop() -> impl Strategy<Value = Unaryop> {
    use Unaryop::*;
    proptest::sample::select(vec![Invert, Not, UAdd, USub])
}

/// An f-string: literal parts (never empty, never adjacent) between replacement fields
/// whose expressions are simple (3.11 forbids backslashes and the enclosing quote there).
fn joined_str() -> impl Strategy<Value = Expr> {
    let field_value = prop_oneof![
        name(ExprContext::Load),
        (0u32..1000).prop_map(|i| ex(ExprKind::Constant {
            value: Constant::Int(i.into()),
            kind: None
        })),
        (name(ExprContext::Load), ident()).prop_map(|(v, attr)| ex(ExprKind::Attribute {
            value: bx(v),
            attr,
            ctx: ExprContext::Load
        })),
    ];
    let spec_text = "[a-z0-9<>^.,+ -]{1,4}".prop_map(|s| {
        ex(ExprKind::JoinedStr {
            values: vec![ex(ExprKind::Constant {
                value: Constant::Str(PyStr::from(s.as_str())),
                kind: None,
            })],
        })
    });
    let field = (
        field_value,
        proptest::sample::select(vec![-1i32, 115, 114, 97]),
        proptest::option::of(spec_text),
    )
        .prop_map(|(v, conversion, spec)| {
            ex(ExprKind::FormattedValue {
                value: bx(v),
                conversion,
                format_spec: spec.map(bx),
            })
        });
    let text = py_str(6)
        .prop_filter("literal parts are never empty", |s| !s.is_empty())
        .prop_map(|s| {
            ex(ExprKind::Constant {
                value: Constant::Str(s),
                kind: None,
            })
        })
        .boxed();
    (
        proptest::option::of(text.clone()),
        vec((field, proptest::option::of(text)), 0..3),
    )
        .prop_map(|(first, rest)| {
            let mut values: Vec<Expr> = first.into_iter().collect();
            for (f, t) in rest {
                values.push(f);
                values.extend(t);
            }
            ex(ExprKind::JoinedStr { values })
        })
}

fn leaf() -> BoxedStrategy<Expr> {
    prop_oneof![
        3 => name(ExprContext::Load),
        3 => constant_expr(),
        1 => joined_str(),
    ]
    .boxed()
}

/// Parameters: distinct names, defaults right-aligned, keyword-only defaults optional.
pub fn arguments(e: BoxedStrategy<Expr>, annotations: bool) -> impl Strategy<Value = Arguments> {
    let ann = move |e: BoxedStrategy<Expr>| {
        if annotations {
            proptest::option::of(e.prop_map(bx)).boxed()
        } else {
            Just(None).boxed()
        }
    };
    let names = proptest::sample::subsequence(vec!["p", "q", "r", "s", "t", "u", "v", "w"], 0..8)
        .prop_shuffle();
    (
        names,
        0usize..4,
        0usize..4,
        any::<bool>(),
        any::<bool>(),
        vec(proptest::option::of(e.clone()), 4),
        vec(e.clone(), 4),
        vec(ann(e.clone()), 8),
    )
        .prop_map(
            move |(names, n_pos, n_kw, has_var, has_kwarg, kw_defaults, defaults, anns)| {
                let mut names = names.into_iter();
                let mut anns = anns.into_iter();
                let mut arg = |n: &str| Arg {
                    arg: Identifier::new(n),
                    annotation: anns.next().flatten(),
                    type_comment: None,
                    loc: at(),
                };
                let posonly: Vec<Arg> = names.by_ref().take(n_pos.min(2)).map(&mut arg).collect();
                let args: Vec<Arg> = names.by_ref().take(n_pos).map(&mut arg).collect();
                let vararg = if has_var {
                    names.next().map(|n| Box::new(arg(n)))
                } else {
                    None
                };
                let kwonly: Vec<Arg> = names.by_ref().take(n_kw).map(&mut arg).collect();
                let kwarg = if has_kwarg {
                    names.next().map(|n| Box::new(arg(n)))
                } else {
                    None
                };
                let n_defaults = (posonly.len() + args.len()).min(defaults.len()) / 2;
                Arguments {
                    kw_defaults: kw_defaults.into_iter().take(kwonly.len()).collect(),
                    defaults: defaults.into_iter().take(n_defaults).collect(),
                    posonlyargs: posonly,
                    args,
                    vararg,
                    kwonlyargs: kwonly,
                    kwarg,
                }
            },
        )
}

fn comprehension(e: BoxedStrategy<Expr>) -> impl Strategy<Value = Vec<Comprehension>> {
    vec(
        (target(e.clone()), e.clone(), vec(e, 0..2), 0i32..2).prop_map(
            |(target, iter, ifs, is_async)| Comprehension {
                target: bx(target),
                iter: bx(iter),
                ifs,
                is_async,
            },
        ),
        1..3,
    )
}

/// A subscript's slice: an expression, a `Slice`, or a tuple of them.
fn slice(e: BoxedStrategy<Expr>) -> BoxedStrategy<Expr> {
    let opt = proptest::option::of(e.clone().prop_map(bx));
    let sl = (opt.clone(), opt.clone(), opt)
        .prop_map(|(lower, upper, step)| ex(ExprKind::Slice { lower, upper, step }));
    prop_oneof![
        3 => e.clone(),
        2 => sl.clone(),
        1 => vec(prop_oneof![e, sl], 2..4).prop_map(|elts| ex(ExprKind::Tuple {
            elts,
            ctx: ExprContext::Load
        })),
    ]
    .boxed()
}

fn starred(e: BoxedStrategy<Expr>, ctx: ExprContext) -> impl Strategy<Value = Expr> {
    e.prop_map(move |v| ex(ExprKind::Starred { value: bx(v), ctx }))
}

/// Elements of a display: expressions, sometimes starred.
fn elements(e: BoxedStrategy<Expr>, min: usize) -> impl Strategy<Value = Vec<Expr>> {
    vec(
        prop_oneof![4 => e.clone(), 1 => starred(e, ExprContext::Load)],
        min..4,
    )
}

/// Any expression (`Load` context), at most `depth` levels of nesting.
pub fn expr(depth: u32) -> BoxedStrategy<Expr> {
    leaf()
        .prop_recursive(depth, 48, 4, |e| {
            let ops = prop_oneof![
                (
                    proptest::sample::select(vec![Boolop::And, Boolop::Or]),
                    vec(e.clone(), 2..4)
                )
                    .prop_map(|(op, values)| ex(ExprKind::BoolOp { op, values })),
                (e.clone(), operator(), e.clone()).prop_map(|(l, op, r)| ex(ExprKind::BinOp {
                    left: bx(l),
                    op,
                    right: bx(r)
                })),
                (unaryop(), e.clone())
                    .prop_map(|(op, v)| ex(ExprKind::UnaryOp { op, operand: bx(v) })),
                (e.clone(), vec((cmpop(), e.clone()), 1..4)).prop_map(|(left, rest)| {
                    let (ops, comparators) = rest.into_iter().unzip();
                    ex(ExprKind::Compare {
                        left: bx(left),
                        ops,
                        comparators,
                    })
                }),
                (e.clone(), e.clone(), e.clone()).prop_map(|(t, b, o)| ex(ExprKind::IfExp {
                    test: bx(t),
                    body: bx(b),
                    orelse: bx(o)
                })),
                (name(ExprContext::Store), e.clone()).prop_map(|(t, v)| ex(ExprKind::NamedExpr {
                    target: bx(t),
                    value: bx(v)
                })),
            ];
            let calls = prop_oneof![
                (
                    e.clone(),
                    elements(e.clone(), 0),
                    vec((proptest::option::of(ident()), e.clone()), 0..3)
                )
                    .prop_map(|(f, args, kws)| ex(ExprKind::Call {
                        func: bx(f),
                        args,
                        keywords: kws
                            .into_iter()
                            .map(|(arg, v)| Keyword {
                                arg,
                                value: bx(v),
                                loc: at()
                            })
                            .collect(),
                    })),
                (e.clone(), ident()).prop_map(|(v, attr)| ex(ExprKind::Attribute {
                    value: bx(v),
                    attr,
                    ctx: ExprContext::Load
                })),
                (e.clone(), slice(e.clone())).prop_map(|(v, s)| ex(ExprKind::Subscript {
                    value: bx(v),
                    slice: bx(s),
                    ctx: ExprContext::Load
                })),
                (arguments(e.clone(), false), e.clone()).prop_map(|(a, b)| ex(ExprKind::Lambda {
                    args: Box::new(a),
                    body: bx(b)
                })),
            ];
            let displays = prop_oneof![
                elements(e.clone(), 0).prop_map(|elts| ex(ExprKind::List {
                    elts,
                    ctx: ExprContext::Load
                })),
                elements(e.clone(), 0).prop_map(|elts| ex(ExprKind::Tuple {
                    elts,
                    ctx: ExprContext::Load
                })),
                elements(e.clone(), 1).prop_map(|elts| ex(ExprKind::Set { elts })),
                vec((proptest::option::of(e.clone()), e.clone()), 0..3).prop_map(|kv| {
                    let (keys, values) = kv.into_iter().unzip();
                    ex(ExprKind::Dict { keys, values })
                }),
            ];
            let comps = prop_oneof![
                (e.clone(), comprehension(e.clone())).prop_map(|(elt, generators)| ex(
                    ExprKind::ListComp {
                        elt: bx(elt),
                        generators
                    }
                )),
                (e.clone(), comprehension(e.clone())).prop_map(|(elt, generators)| ex(
                    ExprKind::SetComp {
                        elt: bx(elt),
                        generators
                    }
                )),
                (e.clone(), comprehension(e.clone())).prop_map(|(elt, generators)| ex(
                    ExprKind::GeneratorExp {
                        elt: bx(elt),
                        generators
                    }
                )),
                (e.clone(), e.clone(), comprehension(e.clone())).prop_map(|(k, v, generators)| ex(
                    ExprKind::DictComp {
                        key: bx(k),
                        value: bx(v),
                        generators
                    }
                )),
            ];
            let coroutines = prop_oneof![
                e.clone().prop_map(|v| ex(ExprKind::Await { value: bx(v) })),
                proptest::option::of(e.clone())
                    .prop_map(|v| ex(ExprKind::Yield { value: v.map(bx) })),
                e.clone()
                    .prop_map(|v| ex(ExprKind::YieldFrom { value: bx(v) })),
            ];
            prop_oneof![4 => ops, 3 => calls, 2 => displays, 1 => comps, 1 => coroutines]
        })
        .boxed()
}

/// An assignment target (`Store` context): a name, attribute, subscript, or a tuple or
/// list of targets with at most one starred.
pub fn target(e: BoxedStrategy<Expr>) -> BoxedStrategy<Expr> {
    let single = prop_oneof![
        3 => name(ExprContext::Store),
        1 => (e.clone(), ident()).prop_map(|(v, attr)| ex(ExprKind::Attribute {
            value: bx(v),
            attr,
            ctx: ExprContext::Store
        })),
        1 => (e.clone(), slice(e)).prop_map(|(v, s)| ex(ExprKind::Subscript {
            value: bx(v),
            slice: bx(s),
            ctx: ExprContext::Store
        })),
    ]
    .boxed();
    single
        .clone()
        .prop_recursive(2, 8, 3, |t| {
            (
                vec(t.clone(), 1..4),
                proptest::option::of((0usize..4, t)),
                any::<bool>(),
            )
                .prop_map(|(mut elts, star, list)| {
                    if let Some((i, s)) = star {
                        let star = ex(ExprKind::Starred {
                            value: bx(s),
                            ctx: ExprContext::Store,
                        });
                        elts.insert(i.min(elts.len()), star);
                    }
                    let ctx = ExprContext::Store;
                    ex(if list {
                        ExprKind::List { elts, ctx }
                    } else {
                        ExprKind::Tuple { elts, ctx }
                    })
                })
        })
        .boxed()
}
