//! Functions (defaults, keyword-only, `*args`/`**kwargs`, call forms that raise
//! `TypeError`), closures and decorators, lambdas, bounded recursion, and generators
//! (`yield`, `yield from`, `send`, `throw`, return values).

use super::Feature;
use super::build::*;
use super::scope::{FuncInfo, Gen, MAX_COST, Ty};
use refvm_syntax::ast::{Arguments, Cmpop, Expr, ExprKind, Operator, Stmt};

impl Gen<'_> {
    fn param_ty(&mut self) -> (Ty, u32) {
        match self.e.below(5) {
            0 | 1 => (Ty::Int, 64),
            2 => (Ty::Str, 24),
            3 => (Ty::Float, 0),
            _ => (Ty::list(Ty::Int), 6),
        }
    }

    /// A function definition plus a few calls of it.
    pub fn function_segment(&mut self) -> Vec<Stmt> {
        self.tag(Feature::Functions);
        let fname = self.fresh("f");
        let nparams = self.e.range(0, 3) as usize;
        let params: Vec<(String, Ty, u32)> = (0..nparams)
            .map(|_| {
                let (t, s) = self.param_ty();
                (self.fresh("p"), t, s)
            })
            .collect();
        let ret = self.value_ty(false);
        let ret_size = match ret {
            Ty::Int => 256,
            _ => 200,
        };
        let with_default = nparams > 0 && self.e.chance(1, 3);
        let with_kwonly = self.e.chance(1, 4);
        let with_star = self.e.chance(1, 4);
        let (body, cost) = self.function_body(&params, &ret, ret_size);
        let mut args = params_of(&params.iter().map(|p| p.0.as_str()).collect::<Vec<_>>());
        let mut defaults_for_last = None;
        if with_default && let Some((_, t, s)) = params.last().cloned() {
            let (d, _) = self.expr(&t, 0, s);
            args.defaults.push(d.clone());
            defaults_for_last = Some(d);
        }
        if with_star {
            args.vararg = Some(Box::new(arg("args")));
            args.kwarg = Some(Box::new(arg("kwargs")));
        }
        if with_kwonly {
            args.kwonlyargs.push(arg("flag"));
            args.kw_defaults.push(Some(boolean(false)));
        }
        let mut out = vec![def(&fname, args, body)];
        self.funcs.push(FuncInfo {
            name: fname.clone(),
            params: params.clone(),
            ret: ret.clone(),
            ret_size,
            cost,
            generator: false,
        });
        let mut calls = Vec::new();
        for _ in 0..self.e.range(1, 3) {
            let mut pos: Vec<Expr> = params
                .iter()
                .map(|(_, t, s)| self.expr(t, 1, *s).0)
                .collect();
            let mut kws: Vec<(Option<&str>, Expr)> = Vec::new();
            match self.e.below(6) {
                0 if defaults_for_last.is_some() => {
                    pos.pop();
                }
                1 if !pos.is_empty() => {
                    // The last argument by keyword.
                    let last = pos.pop().unwrap_or_else(none);
                    let pname = params[pos.len()].0.clone();
                    calls.push(print(vec![call_kw(
                        name(&fname),
                        pos.clone(),
                        vec![(Some(pname.as_str()), last)],
                    )]));
                    continue;
                }
                2 => {
                    // A wrong call: CPython's TypeError message is part of the output.
                    if self.e.chance(1, 2) {
                        pos.push(int(99));
                    } else {
                        pos.pop();
                    }
                }
                3 if with_star => {
                    pos.push(str_("extra"));
                    kws.push((Some("extra_kw"), int(1)));
                }
                4 if with_kwonly => kws.push((Some("flag"), boolean(true))),
                5 if !pos.is_empty() => {
                    self.tag(Feature::Unpacking);
                    let all = std::mem::take(&mut pos);
                    pos.push(starred(list(all)));
                }
                _ => {}
            }
            calls.push(print(vec![call_kw(name(&fname), pos, kws)]));
        }
        out.push(guarded(calls));
        out
    }

    /// A function body over `params` returning `ret`; returns the body and its cost.
    fn function_body(
        &mut self,
        params: &[(String, Ty, u32)],
        ret_ty: &Ty,
        ret_size: u32,
    ) -> (Vec<Stmt>, u32) {
        let saved_peak = self.cost_peak;
        self.cost_peak = 1;
        let body = self.function_scope(|g| {
            for (n, t, s) in params {
                g.declare(n, t.clone(), *s);
            }
            let mut body = Vec::new();
            if g.e.chance(1, 5) {
                body.push(expr_stmt(str_("A generated function.")));
            }
            if g.e.chance(1, 2) {
                let t = g.value_ty(false);
                body.extend(g.define(&t));
            }
            if g.e.chance(1, 3) {
                let test = g.bool_expr(1);
                let (early, _) = g.expr(ret_ty, 1, ret_size);
                body.push(if_(test, vec![ret(early)], Vec::new()));
            }
            if g.e.chance(1, 3) {
                body.extend(g.block(1));
            }
            let (value, _) = g.expr(ret_ty, g.cfg.max_expr_depth.max(1), ret_size);
            body.push(ret(value));
            body
        });
        let cost = self.cost_peak;
        self.cost_peak = saved_peak.max(1);
        (body, cost)
    }

    /// Closure factories with `nonlocal` state, late binding, and a decorator.
    pub fn closure_segment(&mut self) -> Vec<Stmt> {
        self.tag(Feature::Closures);
        self.tag(Feature::Functions);
        let outer = self.fresh("make");
        let inner = self.fresh("step");
        let state = self.fresh("state");
        let inst = self.fresh("clo");
        match self.e.below(3) {
            0 => {
                // A counter with nonlocal state.
                let start = self.e.range(-5, 50);
                let inner_def = def(
                    &inner,
                    params_of(&["k"]),
                    vec![
                        nonlocal(&[&state]),
                        aug(
                            name(&state),
                            *self
                                .e
                                .pick(&[Operator::Add, Operator::Sub, Operator::BitXor]),
                            name("k"),
                        ),
                        ret(name(&state)),
                    ],
                );
                let calls: Vec<Expr> = (0..self.e.range(1, 4))
                    .map(|_| call(name(&inst), vec![int(self.e.range(-9, 9))]))
                    .collect();
                vec![
                    def(
                        &outer,
                        params_of(&["start"]),
                        vec![
                            assign_to(&state, name("start")),
                            inner_def,
                            ret(name(&inner)),
                        ],
                    ),
                    assign_to(&inst, fcall(&outer, vec![int(start)])),
                    print(calls),
                    print(vec![
                        attr(name(&inst), "__name__"),
                        attr(name(&inst), "__qualname__"),
                    ]),
                ]
            }
            1 => {
                // Late binding versus default-argument capture in a loop.
                self.tag(Feature::Lambdas);
                self.tag(Feature::Comprehensions);
                let n = self.e.range(0, 5);
                let late = list_comp(
                    lambda(&[], binop(name("i"), Operator::Mult, int(2))),
                    vec![comp(name("i"), fcall("range", vec![int(n)]), vec![])],
                );
                let mut early_args = params_of(&["i"]);
                early_args.defaults.push(name("i"));
                let early = list_comp(
                    e(ExprKind::Lambda {
                        args: Box::new(early_args),
                        body: Box::new(binop(name("i"), Operator::Mult, int(2))),
                    }),
                    vec![comp(name("i"), fcall("range", vec![int(n)]), vec![])],
                );
                let show = |v: &str| {
                    list_comp(
                        call(name("g"), vec![]),
                        vec![comp(name("g"), name(v), vec![])],
                    )
                };
                let (a, b) = (self.fresh("fs"), self.fresh("fs"));
                vec![
                    assign_to(&a, late),
                    assign_to(&b, early),
                    print(vec![show(&a), show(&b)]),
                ]
            }
            _ => {
                // A decorator with *args/**kwargs forwarding.
                let deco = self.fresh("deco");
                let wrapped = self.fresh("target");
                let mut fwd = Arguments { ..params_of(&[]) };
                fwd.vararg = Some(Box::new(arg("a")));
                fwd.kwarg = Some(Box::new(arg("kw")));
                let wrapper = def(
                    "wrapper",
                    fwd,
                    vec![
                        print(vec![
                            str_("calling"),
                            attr(name("fn"), "__name__"),
                            name("a"),
                            fcall("sorted", vec![name("kw")]),
                        ]),
                        ret(call_kw(
                            name("fn"),
                            vec![starred(name("a"))],
                            vec![(None, name("kw"))],
                        )),
                    ],
                );
                let (x, _) = self.int_expr(1, 64);
                let body_expr = binop(
                    binop(name("x"), Operator::Mult, int(self.e.range(1, 5))),
                    Operator::Add,
                    x,
                );
                let mut targs = params_of(&["x"]);
                targs.kwonlyargs.push(arg("y"));
                targs.kw_defaults.push(Some(int(0)));
                vec![
                    def(
                        &deco,
                        params_of(&["fn"]),
                        vec![wrapper, ret(name("wrapper"))],
                    ),
                    def_decorated(
                        &wrapped,
                        targs,
                        vec![ret(binop(body_expr, Operator::Sub, name("y")))],
                        vec![name(&deco)],
                    ),
                    guarded(vec![
                        print(vec![fcall(&wrapped, vec![int(self.e.range(0, 9))])]),
                        print(vec![call_kw(
                            name(&wrapped),
                            vec![int(3)],
                            vec![(Some("y"), int(self.e.range(0, 9)))],
                        )]),
                        print(vec![attr(name(&wrapped), "__name__")]),
                    ]),
                ]
            }
        }
    }

    /// Lambdas as sort keys, in map/filter, with defaults, called directly.
    pub fn lambda_segment(&mut self) -> Vec<Stmt> {
        self.tag(Feature::Lambdas);
        self.tag(Feature::Builtins);
        let (l, _) = self.list_expr(&Ty::Int, 1, 8);
        let (s, _) = self.list_expr(&Ty::Str, 1, 8);
        let line = match self.e.below(6) {
            0 => call_kw(
                name("sorted"),
                vec![l],
                vec![(
                    Some("key"),
                    lambda(
                        &["x"],
                        tuple(vec![
                            neg(binop(name("x"), Operator::Mod, int(3))),
                            name("x"),
                        ]),
                    ),
                )],
            ),
            1 => fcall(
                "list",
                vec![fcall(
                    "map",
                    vec![
                        lambda(
                            &["x"],
                            binop(
                                binop(name("x"), Operator::Mult, int(2)),
                                Operator::Add,
                                int(1),
                            ),
                        ),
                        l,
                    ],
                )],
            ),
            2 => fcall(
                "list",
                vec![fcall(
                    "filter",
                    vec![
                        lambda(
                            &["s"],
                            cmp(fcall("len", vec![name("s")]), Cmpop::Gt, int(1)),
                        ),
                        s,
                    ],
                )],
            ),
            3 => {
                let mut a = params_of(&["a", "b"]);
                a.defaults.push(int(self.e.range(0, 9)));
                a.vararg = Some(Box::new(arg("rest")));
                let f = e(ExprKind::Lambda {
                    args: Box::new(a),
                    body: Box::new(tuple(vec![name("a"), name("b"), name("rest")])),
                });
                tuple(vec![
                    call(f.clone(), vec![int(1)]),
                    call(f, vec![int(1), int(2), int(3)]),
                ])
            }
            4 => call_kw(
                name("max"),
                vec![s],
                vec![(Some("key"), name("len")), (Some("default"), str_("none"))],
            ),
            _ => call(lambda(&[], l), vec![]),
        };
        vec![guarded(vec![print(vec![line])])]
    }

    /// A recursive function with a bounded depth (well under the recursion limit).
    pub fn recursion_segment(&mut self) -> Vec<Stmt> {
        self.tag(Feature::Recursion);
        self.tag(Feature::Functions);
        let f = self.fresh("rec");
        let n = self.e.range(0, 25);
        let recurse = call(name(&f), vec![binop(name("n"), Operator::Sub, int(1))]);
        let (base, combine) = match self.e.below(4) {
            0 => (int(1), binop(name("n"), Operator::Mult, recurse)),
            1 => (
                str_(""),
                binop(
                    recurse,
                    Operator::Add,
                    fcall("str", vec![binop(name("n"), Operator::Mod, int(10))]),
                ),
            ),
            2 => (
                list(vec![]),
                binop(recurse, Operator::Add, list(vec![name("n")])),
            ),
            _ => (
                int(0),
                binop(
                    recurse,
                    Operator::Add,
                    binop(name("n"), Operator::Mult, name("n")),
                ),
            ),
        };
        let mut out = vec![def(
            &f,
            params_of(&["n"]),
            vec![
                if_(
                    cmp(name("n"), Cmpop::LtE, int(0)),
                    vec![ret(base)],
                    Vec::new(),
                ),
                ret(combine),
            ],
        )];
        out.push(print(vec![fcall(&f, vec![int(n)])]));
        if self.e.chance(1, 2) {
            // Mutual recursion.
            let (ev, od) = (self.fresh("even"), self.fresh("odd"));
            let body = |other: &str, base: bool| {
                vec![
                    if_(
                        cmp(name("n"), Cmpop::Eq, int(0)),
                        vec![ret(boolean(base))],
                        Vec::new(),
                    ),
                    ret(call(
                        name(other),
                        vec![binop(name("n"), Operator::Sub, int(1))],
                    )),
                ]
            };
            out.push(def(&ev, params_of(&["n"]), body(&od, true)));
            out.push(def(&od, params_of(&["n"]), body(&ev, false)));
            let k = self.e.range(0, 30);
            out.push(print(vec![
                fcall(&ev, vec![int(k)]),
                fcall(&od, vec![int(k)]),
            ]));
        }
        out
    }

    /// Generator functions and how they are driven.
    pub fn generator_segment(&mut self) -> Vec<Stmt> {
        self.tag(Feature::Generators);
        self.tag(Feature::Functions);
        let g = self.fresh("gen");
        let it = self.fresh("it");
        match self.e.below(3) {
            0 => {
                let (x, _) = self.scoped(|s| {
                    s.declare("i", Ty::Int, 8);
                    s.int_expr(1, 64)
                });
                let cond = cmp(
                    binop(name("i"), Operator::Mod, int(self.e.range(1, 3))),
                    Cmpop::Eq,
                    int(0),
                );
                let body = vec![
                    for_(
                        name("i"),
                        fcall("range", vec![name("n")]),
                        vec![if_(
                            cond,
                            vec![expr_stmt(e(ExprKind::Yield {
                                value: Some(Box::new(x)),
                            }))],
                            Vec::new(),
                        )],
                        Vec::new(),
                    ),
                    expr_stmt(e(ExprKind::YieldFrom {
                        value: Box::new(list(vec![int(-1), int(-2)])),
                    })),
                    ret(str_("done")),
                ];
                let k = self.e.range(0, 8);
                vec![
                    def(&g, params_of(&["n"]), body),
                    print(vec![fcall("list", vec![fcall(&g, vec![int(k)])])]),
                    assign_to(&it, fcall(&g, vec![int(self.e.range(0, 3))])),
                    print(vec![
                        fcall("next", vec![name(&it), str_("end")]),
                        fcall("next", vec![name(&it), str_("end")]),
                        fcall("next", vec![name(&it), str_("end")]),
                    ]),
                    guarded(vec![
                        assign_to(&it, fcall(&g, vec![int(0)])),
                        expr_stmt(fcall("next", vec![name(&it)])),
                        expr_stmt(fcall("next", vec![name(&it)])),
                        expr_stmt(fcall("next", vec![name(&it)])),
                    ]),
                ]
            }
            1 => {
                // send(): a running total, stopped by None.
                let body = vec![
                    assign_to("total", int(0)),
                    while_(
                        boolean(true),
                        vec![
                            assign_to(
                                "x",
                                e(ExprKind::Yield {
                                    value: Some(Box::new(name("total"))),
                                }),
                            ),
                            if_(
                                cmp(name("x"), Cmpop::Is, none()),
                                vec![ret(name("total"))],
                                Vec::new(),
                            ),
                            aug(name("total"), Operator::Add, name("x")),
                        ],
                        Vec::new(),
                    ),
                ];
                let sends: Vec<Expr> = (0..self.e.range(1, 4))
                    .map(|_| method(name(&it), "send", vec![int(self.e.range(-5, 20))]))
                    .collect();
                vec![
                    def(&g, params_of(&[]), body),
                    assign_to(&it, fcall(&g, vec![])),
                    expr_stmt(fcall("next", vec![name(&it)])),
                    print(sends),
                    try_(
                        vec![expr_stmt(method(name(&it), "send", vec![none()]))],
                        vec![handler(
                            Some(name("StopIteration")),
                            Some("stop"),
                            vec![print(vec![str_("returned"), attr(name("stop"), "value")])],
                        )],
                        Vec::new(),
                        Vec::new(),
                    ),
                ]
            }
            _ => {
                // throw() and close() reach the generator's try/finally.
                let body = vec![try_(
                    vec![
                        expr_stmt(e(ExprKind::Yield {
                            value: Some(Box::new(int(1))),
                        })),
                        expr_stmt(e(ExprKind::Yield {
                            value: Some(Box::new(int(2))),
                        })),
                    ],
                    vec![handler(
                        Some(name("ValueError")),
                        Some("err"),
                        vec![
                            print(vec![str_("caught in generator"), name("err")]),
                            expr_stmt(e(ExprKind::Yield {
                                value: Some(Box::new(int(99))),
                            })),
                        ],
                    )],
                    Vec::new(),
                    vec![print(vec![str_("generator cleanup")])],
                )];
                let drive = if self.e.chance(1, 2) {
                    method(
                        name(&it),
                        "throw",
                        vec![fcall("ValueError", vec![str_("boom")])],
                    )
                } else {
                    method(name(&it), "close", vec![])
                };
                vec![
                    def(&g, params_of(&[]), body),
                    assign_to(&it, fcall(&g, vec![])),
                    print(vec![fcall("next", vec![name(&it)])]),
                    guarded(vec![
                        print(vec![drive]),
                        print(vec![fcall("list", vec![name(&it)])]),
                    ]),
                ]
            }
        }
    }

    /// Registers the cost of a call made from the current position.
    pub fn note_call_cost(&mut self, cost: u32) {
        self.cost_peak = self
            .cost_peak
            .max(cost.saturating_mul(self.loop_cost))
            .min(MAX_COST);
    }
}
