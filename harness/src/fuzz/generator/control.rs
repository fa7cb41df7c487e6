//! Control flow segments: `if`/`elif`/`else`, bounded `for` and `while` loops with
//! `break`/`continue`/`else` and accumulators, comprehensions, and `match`.

use super::Feature;
use super::build::*;
use super::scope::{Gen, MAX_COST, Ty};
use refvm_syntax::ast::{Cmpop, Constant, Expr, Operator, PatternKind, Stmt};

impl Gen<'_> {
    /// A few statements for a block: guarded prints, sometimes a nested loop or `if`.
    pub fn block(&mut self, depth: u32) -> Vec<Stmt> {
        let n = self.e.range(1, 3);
        let mut out = Vec::new();
        for _ in 0..n {
            match self.e.below(6) {
                0 if depth > 0 => out.extend(self.if_stmt(depth - 1)),
                1 if depth > 0 && self.loop_cost * 4 <= MAX_COST => {
                    out.extend(self.loop_stmt(depth - 1))
                }
                _ => {
                    let p = self.print_stmt(1);
                    out.push(guarded(vec![p]));
                }
            }
        }
        out
    }

    pub fn if_segment(&mut self) -> Vec<Stmt> {
        self.if_stmt(1)
    }

    fn if_stmt(&mut self, depth: u32) -> Vec<Stmt> {
        self.tag(Feature::ControlFlow);
        let test = self.bool_expr(2);
        let body = self.block(depth);
        let orelse = match self.e.below(3) {
            0 => Vec::new(),
            1 => self.block(depth),
            _ => {
                let t2 = self.bool_expr(1);
                let b2 = self.block(depth);
                let e2 = if self.e.chance(1, 2) {
                    self.block(depth)
                } else {
                    Vec::new()
                };
                vec![if_(t2, b2, e2)]
            }
        };
        // The condition itself may raise (comparing unorderable values): guard it all.
        vec![guarded(vec![if_(test, body, orelse)])]
    }

    pub fn loop_segment(&mut self) -> Vec<Stmt> {
        self.loop_stmt(1)
    }

    /// A `for` or `while` loop of at most 8 iterations; its accumulators are readable
    /// only after it.
    fn loop_stmt(&mut self, depth: u32) -> Vec<Stmt> {
        self.tag(Feature::Loops);
        self.tag(Feature::ControlFlow);
        let iters = self.e.range(0, 8) as u32;
        let acc = self.fresh("acc");
        let out = self.fresh("out");
        let mut pre = vec![assign_to(&acc, int(0)), assign_to(&out, list(vec![]))];
        let saved_cost = self.loop_cost;
        self.loop_cost = self.loop_cost.saturating_mul(iters.max(1));
        self.cost_peak = self.cost_peak.max(self.loop_cost);
        let is_while = self.e.chance(1, 4);
        let (loop_var, var_ty, iter_expr) = if is_while {
            (self.fresh("n"), Ty::Int, None)
        } else {
            let v = self.fresh("i");
            let (ty, it) = match self.e.below(6) {
                0 | 1 => (Ty::Int, fcall("range", vec![int(i64::from(iters))])),
                2 => {
                    let s: String = "abcdefgh".chars().take(iters as usize).collect();
                    (Ty::Str, str_(&s))
                }
                3 => {
                    let elts = (0..iters).map(|_| self.expr(&Ty::Int, 1, 64).0).collect();
                    (Ty::Int, list(elts))
                }
                4 => {
                    self.tag(Feature::Builtins);
                    let elts = (0..iters).map(|_| self.expr(&Ty::Str, 0, 20).0).collect();
                    (Ty::Str, fcall("reversed", vec![list(elts)]))
                }
                _ => {
                    self.tag(Feature::Builtins);
                    let r = fcall("range", vec![int(i64::from(iters))]);
                    (Ty::Int, fcall("sorted", vec![r]))
                }
            };
            (v, ty, Some(it))
        };
        let body = self.scoped(|g| {
            g.declare(&loop_var, var_ty.clone(), 64);
            let mut body = Vec::new();
            if is_while {
                body.push(aug(name(&loop_var), Operator::Add, int(1)));
            }
            if g.e.chance(1, 3) {
                let k = g.e.range(0, i64::from(iters));
                let jump = if g.e.chance(1, 2) { brk() } else { cont() };
                let test = if var_ty == Ty::Int {
                    cmp(name(&loop_var), *g.e.pick(&[Cmpop::Eq, Cmpop::Gt]), int(k))
                } else {
                    cmp(name(&loop_var), Cmpop::Eq, str_("c"))
                };
                body.push(if_(test, vec![jump], Vec::new()));
            }
            let (x, _) = g.int_expr(1, 64);
            let contrib = if var_ty == Ty::Int {
                binop(
                    name(&loop_var),
                    *g.e.pick(&[Operator::Add, Operator::Mult, Operator::BitXor]),
                    x,
                )
            } else {
                binop(fcall("len", vec![name(&loop_var)]), Operator::Add, x)
            };
            body.push(guarded(vec![aug(name(&acc), Operator::Add, contrib)]));
            let elem_ty = g.scalar_elem();
            let (el, _) = g.expr(&elem_ty, 1, 40);
            body.push(expr_stmt(method(
                name(&out),
                "append",
                vec![tuple(vec![name(&loop_var), el])],
            )));
            if depth > 0 && g.e.chance(1, 3) {
                body.extend(g.block(depth - 1));
            }
            body
        });
        let orelse = if self.e.chance(1, 3) {
            vec![print(vec![str_("loop finished"), name(&acc)])]
        } else {
            Vec::new()
        };
        self.loop_cost = saved_cost;
        let lp = if is_while {
            pre.push(assign_to(&loop_var, int(0)));
            while_(
                cmp(name(&loop_var), Cmpop::Lt, int(i64::from(iters))),
                body,
                orelse,
            )
        } else {
            for_(
                name(&loop_var),
                iter_expr.unwrap_or_else(|| list(vec![])),
                body,
                orelse,
            )
        };
        pre.push(lp);
        pre.push(print(vec![name(&acc), name(&out)]));
        self.declare(&acc, Ty::Int, 80);
        pre
    }

    /// List, set, dict and generator comprehensions, nested and filtered.
    pub fn comprehension_segment(&mut self) -> Vec<Stmt> {
        self.tag(Feature::Comprehensions);
        let (x, y) = (self.fresh("c"), self.fresh("c"));
        let n = self.e.range(0, 6);
        let m = self.e.range(0, 4);
        let r = |k: i64| fcall("range", vec![int(k)]);
        let elt = self.scoped(|g| {
            g.declare(&x, Ty::Int, 8);
            g.declare(&y, Ty::Int, 8);
            g.int_expr(1, 64).0
        });
        let cond = cmp(
            binop(name(&x), Operator::Mod, int(self.e.range(1, 4))),
            Cmpop::NotEq,
            int(0),
        );
        let gens_one = vec![comp(
            name(&x),
            r(n),
            if self.e.chance(1, 2) {
                vec![cond.clone()]
            } else {
                vec![]
            },
        )];
        let gens_two = vec![
            comp(name(&x), r(n), vec![]),
            comp(
                name(&y),
                r(m),
                if self.e.chance(1, 2) {
                    vec![cond]
                } else {
                    vec![]
                },
            ),
        ];
        let gens = if self.e.chance(1, 2) {
            gens_one
        } else {
            gens_two
        };
        let value = match self.e.below(5) {
            0 => list_comp(elt, gens),
            1 => e(refvm_syntax::ast::ExprKind::SetComp {
                elt: Box::new(elt),
                generators: gens,
            }),
            2 => e(refvm_syntax::ast::ExprKind::DictComp {
                key: Box::new(name(&x)),
                value: Box::new(elt),
                generators: gens,
            }),
            3 => fcall(
                *self.e.pick(&["sum", "list", "sorted", "tuple", "max"]),
                vec![e(refvm_syntax::ast::ExprKind::GeneratorExp {
                    elt: Box::new(elt),
                    generators: gens,
                })],
            ),
            _ => list_comp(
                list_comp(name(&y), vec![comp(name(&y), r(m), vec![])]),
                vec![comp(name(&x), r(n), vec![])],
            ),
        };
        vec![guarded(vec![print(vec![value])])]
    }

    /// A `match` over a list of subjects of different shapes.
    pub fn match_segment(&mut self) -> Vec<Stmt> {
        self.tag(Feature::Match);
        self.tag(Feature::Loops);
        let subj = self.fresh("subj");
        let mut subjects = vec![
            int(self.e.range(-3, 200)),
            str_(*self.e.pick(&["go", "stop", "", "x"])),
            list(vec![int(1), int(2)]),
            list(vec![int(1), str_("a"), float(2.5)]),
            tuple(vec![int(self.e.range(0, 3)), int(1)]),
            dict(vec![
                (Some(str_("k")), int(self.e.range(0, 9))),
                (Some(str_("z")), none()),
            ]),
            none(),
            boolean(self.e.chance(1, 2)),
            float(*self.e.pick(&[0.0, 1.5, -0.0])),
        ];
        let classes: Vec<usize> = self
            .value_classes()
            .into_iter()
            .filter(|&k| self.classes[k].match_args)
            .collect();
        let cls = classes.first().copied().map(|k| self.classes[k].clone());
        if let Some(c) = &cls {
            let args = c
                .fields
                .iter()
                .map(|(_, t)| self.expr(t, 0, 32).0)
                .collect();
            subjects.push(fcall(&c.name, args));
        }
        let keep = self.e.range(3, subjects.len() as i64) as usize;
        let mut chosen = Vec::new();
        for _ in 0..keep {
            let i = self.e.below(subjects.len() as u32) as usize;
            chosen.push(subjects.swap_remove(i));
        }
        let (a, b, rest) = (self.fresh("m"), self.fresh("m"), self.fresh("m"));
        let mut cases = vec![
            case(
                pat(PatternKind::MatchOr {
                    patterns: vec![p_value(int(0)), p_value(int(1))],
                }),
                None,
                vec![print(vec![str_("zero or one"), name(&subj)])],
            ),
            case(
                pat(PatternKind::MatchClass {
                    cls: Box::new(name("int")),
                    patterns: vec![p_capture(Some(&a))],
                    kwd_attrs: vec![],
                    kwd_patterns: vec![],
                }),
                Some(cmp(name(&a), Cmpop::Gt, int(self.e.range(0, 100)))),
                vec![print(vec![str_("big int"), name(&a)])],
            ),
            case(
                pat(PatternKind::MatchSequence {
                    patterns: vec![p_capture(Some(&a)), p_capture(Some(&b))],
                }),
                None,
                vec![print(vec![str_("pair"), name(&a), name(&b)])],
            ),
            case(
                pat(PatternKind::MatchSequence {
                    patterns: vec![
                        p_capture(Some(&a)),
                        pat(PatternKind::MatchStar {
                            name: Some(id(&rest)),
                        }),
                    ],
                }),
                None,
                vec![print(vec![str_("seq"), name(&a), name(&rest)])],
            ),
            case(
                pat(PatternKind::MatchMapping {
                    keys: vec![str_("k")],
                    patterns: vec![p_capture(Some(&a))],
                    rest: Some(id(&rest)),
                }),
                None,
                vec![print(vec![str_("map"), name(&a), name(&rest)])],
            ),
            case(
                pat(PatternKind::MatchAs {
                    pattern: Some(Box::new(pat(PatternKind::MatchClass {
                        cls: Box::new(name("str")),
                        patterns: vec![],
                        kwd_attrs: vec![],
                        kwd_patterns: vec![],
                    }))),
                    name: Some(id(&b)),
                }),
                None,
                vec![print(vec![str_("str"), fcall("repr", vec![name(&b)])])],
            ),
            case(
                pat(PatternKind::MatchSingleton {
                    value: Constant::None,
                }),
                None,
                vec![print(vec![str_("none")])],
            ),
            case(
                pat(PatternKind::MatchSingleton {
                    value: Constant::Bool(true),
                }),
                None,
                vec![print(vec![str_("true")])],
            ),
        ];
        if let Some(c) = &cls {
            let mut patterns = Vec::new();
            for (i, _) in c.fields.iter().enumerate().take(2) {
                patterns.push(p_capture(Some(&format!("{a}_{i}"))));
            }
            let binds: Vec<Expr> = (0..patterns.len())
                .map(|i| name(&format!("{a}_{i}")))
                .collect();
            let mut body_args = vec![str_("object")];
            body_args.extend(binds);
            cases.insert(
                self.e.below(3) as usize,
                case(
                    pat(PatternKind::MatchClass {
                        cls: Box::new(name(&c.name)),
                        patterns,
                        kwd_attrs: vec![],
                        kwd_patterns: vec![],
                    }),
                    None,
                    vec![print(body_args)],
                ),
            );
        }
        // Shuffle a little: case order changes which one wins.
        if self.e.chance(1, 2) {
            let i = self.e.below(cases.len() as u32) as usize;
            let j = self.e.below(cases.len() as u32) as usize;
            cases.swap(i, j);
        }
        cases.push(case(
            p_capture(None),
            None,
            vec![print(vec![str_("other"), name(&subj)])],
        ));
        vec![guarded(vec![for_(
            name(&subj),
            list(chosen),
            vec![match_(name(&subj), cases)],
            Vec::new(),
        )])]
    }
}
