//! Syntax-only programs: any statement and expression of the 3.11 grammar, names from
//! a small pool (some non-ASCII), no semantics. The context rules that make a program
//! compile are kept (`return`/`yield` only in functions, `await` only in `async def`,
//! `break` only in loops, `nonlocal` only for an enclosing binding, no `break` in an
//! `except*` block, defaults only trailing, one starred target), so the bytecode layer
//! mostly sees code objects rather than syntax errors.

use super::build::*;
use super::scope::Gen;
use super::{Entropy, Feature, GenConfig};
use num_bigint::BigInt;
use refvm_syntax::ast::{
    Arguments, Boolop, Cmpop, Constant, Expr, ExprKind, Module, Operator, Pattern, PatternKind,
    Stmt, StmtKind, Unaryop, Withitem,
};
use std::collections::BTreeSet;

const NAMES: &[&str] = &[
    "a", "b", "c", "x", "y", "z", "self", "_", "λ", "données", "i1", "Ω", "match", "case", "type",
];

/// What the statement being generated may contain.
#[derive(Clone, Copy, Default)]
struct Ctx {
    function: bool,
    is_async: bool,
    in_loop: bool,
    /// Inside a nested function whose parent binds `p0` (so `nonlocal p0` is valid).
    nonlocal_ok: bool,
    /// Inside a comprehension (no walrus in its iterable, no `yield`).
    in_comp: bool,
    depth: u32,
}

pub fn program(e: &mut dyn Entropy, cfg: &GenConfig) -> (Module, BTreeSet<Feature>) {
    let mut g = Gen::new(e, cfg);
    let n = g.e.range(
        i64::from(cfg.min_segments),
        i64::from(cfg.max_segments.max(cfg.min_segments)),
    );
    let body = (0..n.max(1)).map(|_| g.syn_stmt(Ctx::default())).collect();
    (
        Module {
            body,
            type_ignores: Vec::new(),
        },
        g.features,
    )
}

impl Gen<'_> {
    fn syn_name(&mut self) -> String {
        (*self.e.pick(NAMES)).to_owned()
    }

    fn syn_block(&mut self, ctx: Ctx) -> Vec<Stmt> {
        let n = self.e.range(1, 3);
        let inner = Ctx {
            depth: ctx.depth + 1,
            ..ctx
        };
        (0..n).map(|_| self.syn_stmt(inner)).collect()
    }

    fn syn_target(&mut self, depth: u32) -> Expr {
        match self.e.below(if depth > 2 { 3 } else { 6 }) {
            0 | 1 => name(&self.syn_name()),
            2 => {
                let v = self.syn_expr(depth + 1, Ctx::default());
                attr(v, &self.syn_name())
            }
            3 => {
                let v = self.syn_expr(depth + 1, Ctx::default());
                let i = self.syn_expr(depth + 1, Ctx::default());
                subscript(v, i)
            }
            _ => {
                let n = self.e.range(1, 3);
                let mut elts: Vec<Expr> = (0..n).map(|_| self.syn_target(depth + 1)).collect();
                if self.e.chance(1, 3) {
                    elts.push(starred(name(&self.syn_name())));
                }
                if self.e.chance(1, 2) {
                    tuple(elts)
                } else {
                    list(elts)
                }
            }
        }
    }

    fn syn_constant(&mut self) -> Expr {
        self.tag(Feature::Ints);
        match self.e.below(9) {
            0 => int(self.e.range(0, 1000)),
            1 => konst(Constant::Int(
                BigInt::from(self.e.bits64()) << (self.e.below(4) * 40),
            )),
            2 => konst(Constant::Float(
                *self.e.pick(&[0.5, 1e100, 2.5e-300, 1.0, 3.0e16, 5e-324]),
            )),
            3 => imag(*self.e.pick(&[1.0, 0.5, 1e10])),
            4 => self.str_literal().0,
            5 => self.bytes_literal().0,
            6 => konst(
                self.e
                    .pick(&[
                        Constant::None,
                        Constant::Bool(true),
                        Constant::Bool(false),
                        Constant::Ellipsis,
                    ])
                    .clone(),
            ),
            _ => str_(*self.e.pick(&["", "x", "\u{1F600}", "a\nb", "\\d+", "'\""])),
        }
    }

    fn syn_args(&mut self, depth: u32, ctx: Ctx, annotations: bool) -> Arguments {
        let mut names: Vec<String> = Vec::new();
        let mut fresh = |g: &mut Self| {
            let n = format!("p{}", names.len());
            names.push(n.clone());
            let mut a = arg(&n);
            if annotations && g.e.chance(1, 4) {
                a.annotation = Some(Box::new(g.syn_expr(depth + 2, Ctx::default())));
            }
            a
        };
        let mut a = params_of(&[]);
        for _ in 0..self.e.range(0, 2) {
            a.posonlyargs.push(fresh(self));
        }
        for _ in 0..self.e.range(0, 3) {
            a.args.push(fresh(self));
        }
        let npos = a.posonlyargs.len() + a.args.len();
        let ndef = self.e.range(0, npos as i64) as usize;
        for _ in 0..ndef {
            a.defaults.push(self.syn_expr(depth + 2, ctx));
        }
        if self.e.chance(1, 3) {
            a.vararg = Some(Box::new(fresh(self)));
        }
        for _ in 0..self.e.range(0, 2) {
            a.kwonlyargs.push(fresh(self));
            let d = if self.e.chance(1, 2) {
                Some(self.syn_expr(depth + 2, ctx))
            } else {
                None
            };
            a.kw_defaults.push(d);
        }
        if self.e.chance(1, 3) {
            a.kwarg = Some(Box::new(fresh(self)));
        }
        a
    }

    /// An expression; `ctx` says whether `await`/`yield` are allowed.
    fn syn_expr(&mut self, depth: u32, ctx: Ctx) -> Expr {
        if depth > 4 || self.e.chance(1, 4) {
            return if self.e.chance(1, 2) {
                name(&self.syn_name())
            } else {
                self.syn_constant()
            };
        }
        let d = depth + 1;
        match self.e.below(24) {
            0 => {
                let op = *self.e.pick(&[Boolop::And, Boolop::Or]);
                let n = self.e.range(2, 3);
                boolop(op, (0..n).map(|_| self.syn_expr(d, ctx)).collect())
            }
            1 if !ctx.in_comp => e(ExprKind::NamedExpr {
                target: Box::new(store(name(&self.syn_name()))),
                value: Box::new(self.syn_expr(d, ctx)),
            }),
            2 | 3 => {
                let op = *self.e.pick(&[
                    Operator::Add,
                    Operator::Sub,
                    Operator::Mult,
                    Operator::MatMult,
                    Operator::Div,
                    Operator::Mod,
                    Operator::Pow,
                    Operator::LShift,
                    Operator::RShift,
                    Operator::BitOr,
                    Operator::BitXor,
                    Operator::BitAnd,
                    Operator::FloorDiv,
                ]);
                binop(self.syn_expr(d, ctx), op, self.syn_expr(d, ctx))
            }
            4 => {
                let op =
                    *self
                        .e
                        .pick(&[Unaryop::Invert, Unaryop::Not, Unaryop::UAdd, Unaryop::USub]);
                unary(op, self.syn_expr(d, ctx))
            }
            5 => {
                self.tag(Feature::Lambdas);
                e(ExprKind::Lambda {
                    args: Box::new(self.syn_args(d, Ctx::default(), false)),
                    body: Box::new(self.syn_expr(d, Ctx::default())),
                })
            }
            6 => ifexp(
                self.syn_expr(d, ctx),
                self.syn_expr(d, ctx),
                self.syn_expr(d, ctx),
            ),
            7 => {
                let n = self.e.range(0, 3);
                let pairs = (0..n)
                    .map(|_| {
                        if self.e.chance(1, 5) {
                            (None, self.syn_expr(d, ctx))
                        } else {
                            (Some(self.syn_expr(d, ctx)), self.syn_expr(d, ctx))
                        }
                    })
                    .collect();
                dict(pairs)
            }
            8 => {
                let n = self.e.range(1, 3);
                set((0..n).map(|_| self.syn_elt(d, ctx)).collect())
            }
            9 | 10 => {
                self.tag(Feature::Comprehensions);
                let nested = Ctx {
                    nonlocal_ok: false,
                    function: false,
                    in_comp: true,
                    ..ctx
                };
                let gens = (0..self.e.range(1, 2))
                    .map(|_| {
                        let target = name(&format!("q{}", self.e.below(3)));
                        let iter = self.syn_expr(d, nested);
                        let ifs = if self.e.chance(1, 3) {
                            vec![self.syn_expr(d, nested)]
                        } else {
                            vec![]
                        };
                        let mut c = comp(target, iter, ifs);
                        if ctx.is_async && self.e.chance(1, 3) {
                            c.is_async = 1;
                        }
                        c
                    })
                    .collect();
                let elt = Box::new(self.syn_expr(d, nested));
                match self.e.below(4) {
                    0 => e(ExprKind::ListComp {
                        elt,
                        generators: gens,
                    }),
                    1 => e(ExprKind::SetComp {
                        elt,
                        generators: gens,
                    }),
                    2 => e(ExprKind::GeneratorExp {
                        elt,
                        generators: gens,
                    }),
                    _ => e(ExprKind::DictComp {
                        key: elt,
                        value: Box::new(self.syn_expr(d, nested)),
                        generators: gens,
                    }),
                }
            }
            11 if ctx.is_async => e(ExprKind::Await {
                value: Box::new(self.syn_expr(d, ctx)),
            }),
            12 if ctx.function && !ctx.is_async => {
                self.tag(Feature::Generators);
                if self.e.chance(1, 2) {
                    e(ExprKind::Yield {
                        value: if self.e.chance(1, 2) {
                            Some(Box::new(self.syn_expr(d, ctx)))
                        } else {
                            None
                        },
                    })
                } else {
                    e(ExprKind::YieldFrom {
                        value: Box::new(self.syn_expr(d, ctx)),
                    })
                }
            }
            13 | 14 => {
                let n = self.e.range(1, 3);
                let ops = [
                    Cmpop::Eq,
                    Cmpop::NotEq,
                    Cmpop::Lt,
                    Cmpop::LtE,
                    Cmpop::Gt,
                    Cmpop::GtE,
                    Cmpop::Is,
                    Cmpop::IsNot,
                    Cmpop::In,
                    Cmpop::NotIn,
                ];
                let rest = (0..n)
                    .map(|_| (*self.e.pick(&ops), self.syn_expr(d, ctx)))
                    .collect();
                cmp_chain(self.syn_expr(d, ctx), rest)
            }
            15 | 16 => {
                let f = self.syn_expr(d, ctx);
                let n = self.e.range(0, 3);
                let args = (0..n).map(|_| self.syn_elt(d, ctx)).collect();
                let nk = self.e.range(0, 2);
                let mut kws: Vec<(Option<&str>, Expr)> = Vec::new();
                for i in 0..nk {
                    let k = ["k0", "k1", "k2"][i as usize];
                    kws.push((Some(k), self.syn_expr(d, ctx)));
                }
                if self.e.chance(1, 5) {
                    kws.push((None, self.syn_expr(d, ctx)));
                }
                call_kw(f, args, kws)
            }
            17 => {
                self.tag(Feature::FStrings);
                let v = name(&self.syn_name());
                let conv = *self.e.pick(&[-1, 114, 115, 97]);
                fstring(vec![str_("f "), fvalue(v, conv, None)])
            }
            18 => attr(self.syn_expr(d, ctx), &self.syn_name()),
            19 => {
                let idx = match self.e.below(3) {
                    0 => slice(
                        self.e.chance(1, 2).then(|| self.syn_expr(d, ctx)),
                        self.e.chance(1, 2).then(|| self.syn_expr(d, ctx)),
                        self.e.chance(1, 3).then(|| self.syn_expr(d, ctx)),
                    ),
                    1 => tuple(vec![
                        self.syn_expr(d, ctx),
                        slice(None, Some(self.syn_expr(d, ctx)), None),
                    ]),
                    _ => self.syn_expr(d, ctx),
                };
                subscript(self.syn_expr(d, ctx), idx)
            }
            20 => {
                let n = self.e.range(0, 3);
                list((0..n).map(|_| self.syn_elt(d, ctx)).collect())
            }
            21 => {
                let n = self.e.range(0, 3);
                tuple((0..n).map(|_| self.syn_elt(d, ctx)).collect())
            }
            22 => {
                // Deep nesting (well inside CPython's limits).
                let k = self.e.range(5, 40);
                let mut x = self.syn_constant();
                for _ in 0..k {
                    x = match self.e.below(3) {
                        0 => list(vec![x]),
                        1 => neg(x),
                        _ => tuple(vec![x]),
                    };
                }
                x
            }
            _ => self.syn_constant(),
        }
    }

    /// An element of a display or call: sometimes starred.
    fn syn_elt(&mut self, depth: u32, ctx: Ctx) -> Expr {
        if self.e.chance(1, 6) {
            self.tag(Feature::Unpacking);
            starred(self.syn_expr(depth, ctx))
        } else {
            self.syn_expr(depth, ctx)
        }
    }

    fn syn_pattern(&mut self, depth: u32, binds: &mut Vec<String>) -> Pattern {
        fn capture(binds: &mut Vec<String>) -> String {
            let n = format!("c{}", binds.len());
            binds.push(n.clone());
            n
        }
        if depth > 2 {
            return p_value(int(self.e.range(0, 9)));
        }
        match self.e.below(9) {
            0 => p_value(self.syn_constant_pattern()),
            1 => pat(PatternKind::MatchSingleton {
                value: self
                    .e
                    .pick(&[Constant::None, Constant::Bool(true), Constant::Bool(false)])
                    .clone(),
            }),
            2 => {
                let n = self.e.range(0, 3);
                let mut ps: Vec<Pattern> =
                    (0..n).map(|_| self.syn_pattern(depth + 1, binds)).collect();
                if self.e.chance(1, 3) {
                    let nm = if self.e.chance(1, 2) {
                        Some(id(&capture(binds)))
                    } else {
                        None
                    };
                    ps.push(pat(PatternKind::MatchStar { name: nm }));
                }
                pat(PatternKind::MatchSequence { patterns: ps })
            }
            3 => {
                let n = self.e.range(0, 2);
                let keys = (0..n).map(|i| str_(&format!("k{i}"))).collect();
                let patterns = (0..n).map(|_| self.syn_pattern(depth + 1, binds)).collect();
                let rest = if self.e.chance(1, 3) {
                    Some(id(&capture(binds)))
                } else {
                    None
                };
                pat(PatternKind::MatchMapping {
                    keys,
                    patterns,
                    rest,
                })
            }
            4 => {
                let n = self.e.range(0, 2);
                let patterns = (0..n).map(|_| self.syn_pattern(depth + 1, binds)).collect();
                let nk = self.e.range(0, 2) as usize;
                let kwd_attrs = (0..nk).map(|i| id(["u", "v"][i])).collect();
                let kwd_patterns = (0..nk)
                    .map(|_| self.syn_pattern(depth + 1, binds))
                    .collect();
                let cls = if self.e.chance(1, 2) {
                    name("Point")
                } else {
                    attr(name("mod"), "Cls")
                };
                pat(PatternKind::MatchClass {
                    cls: Box::new(cls),
                    patterns,
                    kwd_attrs,
                    kwd_patterns,
                })
            }
            5 => {
                // Alternatives bind nothing (they would have to bind the same names).
                let n = self.e.range(2, 3);
                let mut none_bound = Vec::new();
                let patterns = (0..n)
                    .map(|_| self.syn_pattern(depth + 1, &mut none_bound))
                    .collect();
                if !none_bound.is_empty() {
                    return p_value(int(1));
                }
                pat(PatternKind::MatchOr { patterns })
            }
            6 => {
                let inner = self.syn_pattern(depth + 1, binds);
                pat(PatternKind::MatchAs {
                    pattern: Some(Box::new(inner)),
                    name: Some(id(&capture(binds))),
                })
            }
            7 => p_capture(Some(&capture(binds))),
            _ => p_value(attr(name("Color"), *self.e.pick(&["RED", "GREEN"]))),
        }
    }

    fn syn_constant_pattern(&mut self) -> Expr {
        match self.e.below(5) {
            0 => int(self.e.range(-5, 100)),
            1 => str_(*self.e.pick(&["a", "", "é"])),
            2 => bytes_(b"b"),
            3 => binop(int(self.e.range(-3, 3)), Operator::Add, imag(1.0)),
            _ => float(*self.e.pick(&[1.5, -0.25])),
        }
    }

    fn syn_stmt(&mut self, ctx: Ctx) -> Stmt {
        let leafy = ctx.depth > 2;
        let d = 0;
        match self.e.below(if leafy { 10 } else { 30 }) {
            0 | 1 => expr_stmt(self.syn_expr(d, ctx)),
            2 | 3 => {
                let n = self.e.range(1, 2);
                let targets = (0..n).map(|_| store(self.syn_target(0))).collect();
                s(StmtKind::Assign {
                    targets,
                    value: Box::new(self.syn_expr(d, ctx)),
                    type_comment: None,
                })
            }
            4 => {
                let op = *self.e.pick(&[
                    Operator::Add,
                    Operator::Pow,
                    Operator::MatMult,
                    Operator::FloorDiv,
                    Operator::LShift,
                    Operator::BitXor,
                ]);
                let t = match self.syn_target(3) {
                    t @ Expr {
                        node:
                            ExprKind::Name { .. }
                            | ExprKind::Attribute { .. }
                            | ExprKind::Subscript { .. },
                        ..
                    } => t,
                    _ => name("a"),
                };
                aug(t, op, self.syn_expr(d, ctx))
            }
            5 => {
                let target = name(&self.syn_name());
                let value = self.e.chance(1, 2).then(|| Box::new(self.syn_expr(d, ctx)));
                s(StmtKind::AnnAssign {
                    target: Box::new(store(target)),
                    annotation: Box::new(self.syn_expr(d, ctx)),
                    value,
                    simple: 1,
                })
            }
            6 => del(vec![name(&self.syn_name()), attr(name("a"), "b")]),
            7 if ctx.in_loop => {
                if self.e.chance(1, 2) {
                    brk()
                } else {
                    cont()
                }
            }
            7 => pass(),
            8 if ctx.function => {
                if self.e.chance(1, 2) && !ctx.is_async {
                    ret(self.syn_expr(d, ctx))
                } else {
                    s(StmtKind::Return { value: None })
                }
            }
            8 => pass(),
            9 => raise(
                self.syn_expr(d, ctx),
                self.e.chance(1, 3).then(|| self.syn_expr(d, ctx)),
            ),
            10 => {
                self.tag(Feature::ControlFlow);
                let orelse = if self.e.chance(1, 2) {
                    self.syn_block(ctx)
                } else {
                    Vec::new()
                };
                if_(self.syn_expr(d, ctx), self.syn_block(ctx), orelse)
            }
            11 => {
                self.tag(Feature::Loops);
                let lctx = Ctx {
                    in_loop: true,
                    ..ctx
                };
                let orelse = if self.e.chance(1, 3) {
                    self.syn_block(ctx)
                } else {
                    Vec::new()
                };
                while_(self.syn_expr(d, ctx), self.syn_block(lctx), orelse)
            }
            12 | 13 => {
                self.tag(Feature::Loops);
                let lctx = Ctx {
                    in_loop: true,
                    ..ctx
                };
                let target = store(self.syn_target(1));
                let iter = self.syn_expr(d, ctx);
                let body = self.syn_block(lctx);
                if ctx.is_async && self.e.chance(1, 2) {
                    s(StmtKind::AsyncFor {
                        target: Box::new(target),
                        iter: Box::new(iter),
                        body,
                        orelse: Vec::new(),
                        type_comment: None,
                    })
                } else {
                    for_(target, iter, body, Vec::new())
                }
            }
            14 => {
                let n = self.e.range(1, 2);
                let items = (0..n)
                    .map(|_| Withitem {
                        context_expr: Box::new(self.syn_expr(d, ctx)),
                        optional_vars: self
                            .e
                            .chance(1, 2)
                            .then(|| Box::new(store(self.syn_target(1)))),
                    })
                    .collect();
                let body = self.syn_block(ctx);
                if ctx.is_async && self.e.chance(1, 2) {
                    s(StmtKind::AsyncWith {
                        items,
                        body,
                        type_comment: None,
                    })
                } else {
                    s(StmtKind::With {
                        items,
                        body,
                        type_comment: None,
                    })
                }
            }
            15 | 16 => {
                self.tag(Feature::Exceptions);
                let star = self.e.chance(1, 4);
                let hctx = if star {
                    Ctx {
                        in_loop: false,
                        function: false,
                        is_async: false,
                        ..ctx
                    }
                } else {
                    ctx
                };
                let n = self.e.range(if star { 1 } else { 0 }, 2);
                let mut handlers = Vec::new();
                for i in 0..n {
                    let ty = if star || i + 1 < n || self.e.chance(2, 3) {
                        Some(self.syn_expr(2, Ctx::default()))
                    } else {
                        None
                    };
                    let nm = if ty.is_some() && self.e.chance(1, 2) {
                        Some("err")
                    } else {
                        None
                    };
                    handlers.push(handler(ty, nm, self.syn_block(hctx)));
                }
                let finalbody = if n == 0 || self.e.chance(1, 3) {
                    self.syn_block(ctx)
                } else {
                    Vec::new()
                };
                let orelse = if n > 0 && self.e.chance(1, 3) {
                    self.syn_block(ctx)
                } else {
                    Vec::new()
                };
                let body = self.syn_block(ctx);
                if star {
                    s(StmtKind::TryStar {
                        body,
                        handlers,
                        orelse,
                        finalbody,
                    })
                } else {
                    s(StmtKind::Try {
                        body,
                        handlers,
                        orelse,
                        finalbody,
                    })
                }
            }
            17 | 18 => {
                self.tag(Feature::Functions);
                let is_async = self.e.chance(1, 4);
                let fctx = Ctx {
                    function: true,
                    is_async,
                    in_loop: false,
                    nonlocal_ok: ctx.function,
                    in_comp: false,
                    depth: ctx.depth + 1,
                };
                let args = self.syn_args(0, ctx, true);
                let mut body = Vec::new();
                if fctx.nonlocal_ok && self.e.chance(1, 3) {
                    body.push(nonlocal(&["nl"]));
                }
                if self.e.chance(1, 4) {
                    body.push(global(&["g_var"]));
                }
                body.push(assign_to("nl", int(0)));
                body.extend(self.syn_block(fctx));
                let decorators = (0..self.e.range(0, 2))
                    .map(|_| self.syn_expr(2, ctx))
                    .collect();
                let fname = self.fresh("fn");
                let returns = self
                    .e
                    .chance(1, 4)
                    .then(|| Box::new(self.syn_expr(2, Ctx::default())));
                if is_async {
                    s(StmtKind::AsyncFunctionDef {
                        name: id(&fname),
                        args: Box::new(args),
                        body,
                        decorator_list: decorators,
                        returns,
                        type_comment: None,
                    })
                } else {
                    s(StmtKind::FunctionDef {
                        name: id(&fname),
                        args: Box::new(args),
                        body,
                        decorator_list: decorators,
                        returns,
                        type_comment: None,
                    })
                }
            }
            19 => {
                self.tag(Feature::Classes);
                let bases = (0..self.e.range(0, 2))
                    .map(|_| self.syn_expr(2, ctx))
                    .collect();
                let cctx = Ctx {
                    depth: ctx.depth + 1,
                    ..Ctx::default()
                };
                let body = self.syn_block(cctx);
                let mut c = class(&self.fresh("Cls"), bases, body);
                if let StmtKind::ClassDef {
                    keywords,
                    decorator_list,
                    ..
                } = &mut c.node
                {
                    if self.e.chance(1, 4) {
                        keywords.push(refvm_syntax::ast::Keyword {
                            arg: Some(id("metaclass")),
                            value: Box::new(name("type")),
                            loc: Default::default(),
                        });
                    }
                    if self.e.chance(1, 4) {
                        decorator_list.push(name("deco"));
                    }
                }
                c
            }
            20 => {
                self.tag(Feature::Match);
                let n = self.e.range(1, 3);
                let mut cases = Vec::new();
                for _ in 0..n {
                    let mut binds = Vec::new();
                    let p = self.syn_pattern(0, &mut binds);
                    // An irrefutable pattern is only valid last.
                    let p = if irrefutable(&p) { p_value(int(3)) } else { p };
                    let guard = self.e.chance(1, 3).then(|| self.syn_expr(2, ctx));
                    cases.push(case(p, guard, self.syn_block(ctx)));
                }
                if self.e.chance(1, 2) {
                    cases.push(case(p_capture(None), None, self.syn_block(ctx)));
                }
                match_(self.syn_expr(1, ctx), cases)
            }
            21 => s(StmtKind::Assert {
                test: Box::new(self.syn_expr(d, ctx)),
                msg: self.e.chance(1, 2).then(|| Box::new(self.syn_expr(d, ctx))),
            }),
            22 => {
                if self.e.chance(1, 2) {
                    import(*self.e.pick(&["os", "os.path", "collections.abc"]))
                } else {
                    let level = self.e.range(0, 2) as i32;
                    s(StmtKind::ImportFrom {
                        module: if level == 0 || self.e.chance(1, 2) {
                            Some(id(*self.e.pick(&["os", "a.b"])))
                        } else {
                            None
                        },
                        names: vec![refvm_syntax::ast::Alias {
                            name: id(*self.e.pick(&["path", "sep"])),
                            asname: self.e.chance(1, 2).then(|| id("alias")),
                            loc: Default::default(),
                        }],
                        level: Some(level),
                    })
                }
            }
            23 => global(&["g_var"]),
            _ => expr_stmt(self.syn_expr(d, ctx)),
        }
    }
}

/// Does the pattern match everything (so it may only be the last case)?
fn irrefutable(p: &Pattern) -> bool {
    match &p.node {
        PatternKind::MatchAs { pattern: None, .. } => true,
        PatternKind::MatchAs {
            pattern: Some(q), ..
        } => irrefutable(q),
        PatternKind::MatchOr { patterns } => patterns.iter().any(irrefutable),
        _ => false,
    }
}
