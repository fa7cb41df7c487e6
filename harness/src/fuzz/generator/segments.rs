//! A runnable program is a sequence of segments, each a small self-contained piece
//! (define values, print expressions, a loop, a class and its uses, a refcount probe,
//! …) chosen by feature weight. This file holds the dispatcher and the simple
//! segments; control flow, functions and classes live beside it.

use super::build::*;
use super::literals::EDGE_FLOATS;
use super::scope::{Gen, Ty};
use super::{Entropy, Feature, GenConfig};
use refvm_syntax::ast::{Expr, Module, Operator, Stmt};
use std::collections::BTreeSet;

/// Builds a runnable program.
pub fn program(e: &mut dyn Entropy, cfg: &GenConfig) -> (Module, BTreeSet<Feature>) {
    let mut g = Gen::new(e, cfg);
    let n = g.e.range(
        i64::from(cfg.min_segments),
        i64::from(cfg.max_segments.max(cfg.min_segments)),
    );
    let mut body = Vec::new();
    for _ in 0..n.max(1) {
        body.extend(g.segment());
    }
    let mut module_body: Vec<Stmt> = g.imports.iter().map(|m| import(m)).collect();
    module_body.extend(body);
    (
        Module {
            body: module_body,
            type_ignores: Vec::new(),
        },
        g.features,
    )
}

/// The segment kinds and the feature whose weight selects each.
const SEGMENTS: &[Feature] = &[
    Feature::Ints,
    Feature::Strings,
    Feature::Builtins,
    Feature::BigInts,
    Feature::FloatEdges,
    Feature::PercentFormat,
    Feature::FormatSpec,
    Feature::FStrings,
    Feature::ControlFlow,
    Feature::Loops,
    Feature::Functions,
    Feature::Closures,
    Feature::Lambdas,
    Feature::Recursion,
    Feature::Classes,
    Feature::Inheritance,
    Feature::Exceptions,
    Feature::Generators,
    Feature::Comprehensions,
    Feature::Match,
    Feature::Unpacking,
    Feature::RefcountProbes,
    Feature::GcProbes,
];

impl Gen<'_> {
    /// One top-level segment.
    pub fn segment(&mut self) -> Vec<Stmt> {
        let weights: Vec<u32> = SEGMENTS
            .iter()
            .map(|&f| {
                let w = self.cfg.weight(f);
                // Definitions and prints are the backbone: they weigh more.
                if matches!(f, Feature::Ints | Feature::Strings) {
                    w * 3
                } else {
                    w
                }
            })
            .collect();
        let kind = SEGMENTS[self.e.weighted(&weights)];
        match kind {
            Feature::Ints => self.define_segment(),
            Feature::Strings | Feature::Builtins => self.print_segment(),
            Feature::BigInts => self.bigint_segment(),
            Feature::FloatEdges => self.float_edge_segment(),
            Feature::PercentFormat | Feature::FormatSpec | Feature::FStrings => {
                self.format_segment()
            }
            Feature::ControlFlow => self.if_segment(),
            Feature::Loops => self.loop_segment(),
            Feature::Functions => self.function_segment(),
            Feature::Closures => self.closure_segment(),
            Feature::Lambdas => self.lambda_segment(),
            Feature::Recursion => self.recursion_segment(),
            Feature::Classes => self.class_segment(false),
            Feature::Inheritance => self.class_segment(true),
            Feature::Exceptions => self.exception_segment(),
            Feature::Generators => self.generator_segment(),
            Feature::Comprehensions => self.comprehension_segment(),
            Feature::Match => self.match_segment(),
            Feature::Unpacking => self.unpacking_segment(),
            Feature::RefcountProbes => self.refcount_segment(),
            Feature::GcProbes => self.gc_segment(),
            _ => self.print_segment(),
        }
    }

    fn depth(&self) -> u32 {
        self.cfg.max_expr_depth.max(1)
    }

    /// `name = expr`, guarded: if evaluating raises, the error is printed and the name
    /// gets a plain value of the same type, so later segments can rely on it.
    pub fn define(&mut self, ty: &Ty) -> Vec<Stmt> {
        let depth = self.depth();
        let max = match ty {
            Ty::Int => self.max_bits(),
            _ => self.max_len(),
        };
        let (x, size) = self.expr(ty, depth, max);
        let v = self.fresh("v");
        let leaf = is_leaf(&x);
        let mut out = Vec::new();
        if leaf {
            out.push(assign_to(&v, x));
        } else {
            let (fallback, fsize) = self.expr(ty, 0, max);
            out.push(try_(
                vec![assign_to(&v, x)],
                vec![handler(
                    Some(name("Exception")),
                    Some("e"),
                    vec![print_exc("e"), assign_to(&v, fallback)],
                )],
                Vec::new(),
                Vec::new(),
            ));
            self.declare(&v, ty.clone(), size.max(fsize));
            if self.e.chance(1, 2) {
                out.push(print(vec![name(&v)]));
            }
            return out;
        }
        self.declare(&v, ty.clone(), size);
        out
    }

    fn define_segment(&mut self) -> Vec<Stmt> {
        let ty = self.value_ty(true);
        self.define(&ty)
    }

    /// A printed expression in one of print's forms.
    pub fn print_stmt(&mut self, depth: u32) -> Stmt {
        let ty = self.value_ty(true);
        let (x, _) = self.expr(&ty, depth, self.max_len());
        match self.e.below(8) {
            0 => print(vec![fcall("repr", vec![x])]),
            1 => {
                let ty2 = self.value_ty(false);
                let (y, _) = self.expr(&ty2, depth, 200);
                print_kw(vec![x, y], vec![(Some("sep"), str_(" | "))])
            }
            2 => print_kw(vec![x], vec![(Some("end"), str_(";\n"))]),
            3 if matches!(ty, Ty::List(_) | Ty::Str | Ty::Range | Ty::Set(_)) => {
                self.tag(Feature::Unpacking);
                print(vec![starred(x)])
            }
            _ => print(vec![x]),
        }
    }

    fn print_segment(&mut self) -> Vec<Stmt> {
        let n = self.e.range(1, 3);
        let depth = self.depth();
        let body = (0..n).map(|_| self.print_stmt(depth)).collect();
        vec![guarded(body)]
    }

    fn format_segment(&mut self) -> Vec<Stmt> {
        let depth = self.depth().min(2);
        let n = self.e.range(1, 3);
        let body = (0..n)
            .map(|_| {
                let (x, _) = self.format_expr(depth, 400);
                print(vec![x])
            })
            .collect();
        vec![guarded(body)]
    }

    /// Big-int arithmetic around word boundaries, conversions and bytes round trips.
    fn bigint_segment(&mut self) -> Vec<Stmt> {
        self.tag(Feature::BigInts);
        self.tag(Feature::Ints);
        let max = self.max_bits();
        let (a, _) = self.int_literal(max / 4);
        let (b, _) = self.int_literal(max / 4);
        let va = self.fresh("big");
        let vb = self.fresh("big");
        let mut body = vec![assign_to(&va, a), assign_to(&vb, b)];
        let (x, y) = (name(&va), name(&vb));
        let mut prints = Vec::new();
        for _ in 0..self.e.range(2, 5) {
            let line = match self.e.below(12) {
                0 => binop(x.clone(), Operator::Mult, y.clone()),
                1 => fcall(
                    "divmod",
                    vec![
                        x.clone(),
                        boolop(refvm_syntax::ast::Boolop::Or, vec![y.clone(), int(7)]),
                    ],
                ),
                2 => binop(
                    x.clone(),
                    Operator::FloorDiv,
                    boolop(refvm_syntax::ast::Boolop::Or, vec![y.clone(), int(3)]),
                ),
                3 => binop(
                    x.clone(),
                    Operator::Mod,
                    boolop(refvm_syntax::ast::Boolop::Or, vec![neg(y.clone()), int(5)]),
                ),
                4 => fcall(
                    "pow",
                    vec![
                        x.clone(),
                        int(self.e.range(0, 60)),
                        boolop(refvm_syntax::ast::Boolop::Or, vec![y.clone(), int(97)]),
                    ],
                ),
                5 => binop(
                    x.clone(),
                    *self
                        .e
                        .pick(&[Operator::BitAnd, Operator::BitOr, Operator::BitXor]),
                    neg(y.clone()),
                ),
                6 => fcall(
                    *self.e.pick(&["hex", "oct", "bin", "str", "repr"]),
                    vec![binop(x.clone(), Operator::Sub, y.clone())],
                ),
                7 => method(
                    x.clone(),
                    "to_bytes",
                    vec![
                        int(self.e.range(1, 40)),
                        str_(*self.e.pick(&["big", "little"])),
                    ],
                ),
                8 => call_kw(
                    attr(name("int"), "from_bytes"),
                    vec![
                        bytes_(b"\xff\x00\x80abc"),
                        str_(*self.e.pick(&["big", "little"])),
                    ],
                    vec![(Some("signed"), boolean(self.e.chance(1, 2)))],
                ),
                9 => binop(
                    x.clone(),
                    Operator::Div,
                    boolop(refvm_syntax::ast::Boolop::Or, vec![y.clone(), int(3)]),
                ),
                10 => binop(x.clone(), Operator::RShift, int(self.e.range(0, 130))),
                _ => fcall("hash", vec![x.clone()]),
            };
            prints.push(print(vec![line]));
        }
        body.push(guarded(prints));
        self.declare(&va, Ty::Int, max / 4 + 2);
        body
    }

    /// Floats at the edges: repr/str/format, arithmetic and comparisons with inf, nan,
    /// -0.0 and subnormals.
    fn float_edge_segment(&mut self) -> Vec<Stmt> {
        self.tag(Feature::FloatEdges);
        self.tag(Feature::Floats);
        let x = float(*self.e.pick(EDGE_FLOATS));
        let y = float(*self.e.pick(EDGE_FLOATS));
        let v = self.fresh("fe");
        let w = self.fresh("fe");
        let mut prints = Vec::new();
        for _ in 0..self.e.range(2, 5) {
            let (a, b) = (name(&v), name(&w));
            let line = match self.e.below(12) {
                0 => binop(
                    a,
                    *self.e.pick(&[
                        Operator::Add,
                        Operator::Sub,
                        Operator::Mult,
                        Operator::Div,
                        Operator::Mod,
                        Operator::FloorDiv,
                        Operator::Pow,
                    ]),
                    b,
                ),
                1 => fcall("repr", vec![a]),
                2 => fcall("str", vec![binop(a, Operator::Mult, float(1e10))]),
                3 => {
                    let spec = self.float_spec();
                    fcall("format", vec![a, str_(spec)])
                }
                4 => tuple(vec![
                    cmp(a.clone(), refvm_syntax::ast::Cmpop::Eq, b.clone()),
                    cmp(a.clone(), refvm_syntax::ast::Cmpop::Lt, b.clone()),
                    cmp(a, refvm_syntax::ast::Cmpop::Is, b),
                ]),
                5 => method(
                    a,
                    *self.e.pick(&[
                        "hex",
                        "is_integer",
                        "as_integer_ratio",
                        "__round__",
                        "__trunc__",
                    ]),
                    vec![],
                ),
                6 => fcall("round", vec![a, int(self.e.range(-3, 5))]),
                7 => match *self.e.pick(&["int", "float", "bool", "hash", "abs"]) {
                    // A NaN's hash is its address in 3.11 (`_Py_HashPointer`): ask only
                    // for the hash of a float equal to itself.
                    "hash" => boolop(
                        refvm_syntax::ast::Boolop::And,
                        vec![
                            cmp(a.clone(), refvm_syntax::ast::Cmpop::Eq, a.clone()),
                            fcall("hash", vec![a]),
                        ],
                    ),
                    f => fcall(f, vec![a]),
                },
                8 => method(
                    name("float"),
                    "fromhex",
                    vec![str_(*self.e.pick(&[
                        "0x1.8p1",
                        "-0x0p+0",
                        "0x1p-1074",
                        "0x1.fffffffffffffp+1023",
                        "inf",
                        "0x.8",
                    ]))],
                ),
                9 => fcall("divmod", vec![a, b]),
                10 => fcall("max", vec![a, b]),
                _ => binop(
                    str_("%r %s %.3g %e"),
                    Operator::Mod,
                    tuple(vec![a.clone(), a.clone(), b, a]),
                ),
            };
            prints.push(print(vec![line]));
        }
        self.declare(&v, Ty::Float, 0);
        vec![assign_to(&v, x), assign_to(&w, y), guarded(prints)]
    }

    /// Tuple unpacking, starred targets, nested targets, swaps, and star-args calls.
    fn unpacking_segment(&mut self) -> Vec<Stmt> {
        self.tag(Feature::Unpacking);
        let depth = self.depth().min(2);
        let mut body = Vec::new();
        let (a, b) = (self.fresh("u"), self.fresh("u"));
        match self.e.below(6) {
            0 => {
                let t1 = self.scalar_elem();
                let t2 = self.scalar_elem();
                let (x, _) = self.tuple_expr(&[t1.clone(), t2.clone()], depth, 64);
                body.push(assign(tuple(vec![name(&a), name(&b)]), x));
                body.push(assign(
                    tuple(vec![name(&a), name(&b)]),
                    tuple(vec![name(&b), name(&a)]),
                ));
                body.push(print(vec![name(&a), name(&b)]));
            }
            1 => {
                let t = self.scalar_elem();
                let (l, _) = self.list_expr(&t, depth, 8);
                let target = match self.e.below(3) {
                    0 => tuple(vec![name(&a), starred(name(&b))]),
                    1 => tuple(vec![starred(name(&a)), name(&b)]),
                    _ => list(vec![name(&a), starred(name(&b))]),
                };
                body.push(assign(target, l));
                body.push(print(vec![name(&a), name(&b)]));
            }
            2 => {
                let (x, _) = self.int_expr(depth, 64);
                let (y, _) = self.str_expr(depth, 20);
                let (z, _) = self.small_int(0, 9);
                let c = self.fresh("u");
                body.push(assign(
                    tuple(vec![tuple(vec![name(&a), name(&b)]), name(&c)]),
                    tuple(vec![tuple(vec![x, y]), z]),
                ));
                body.push(print(vec![name(&a), name(&b), name(&c)]));
            }
            3 => {
                let (s, _) = self.str_expr(depth, 12);
                body.push(assign(
                    tuple(vec![name(&a), starred(name("_")), name(&b)]),
                    s,
                ));
                body.push(print(vec![name(&a), name(&b)]));
            }
            4 => {
                let (l1, _) = self.list_expr(&Ty::Int, depth, 6);
                let (l2, _) = self.list_expr(&Ty::Int, depth, 6);
                body.push(assign_to(&a, list(vec![starred(l1), int(0), starred(l2)])));
                body.push(print_kw(
                    vec![starred(name(&a))],
                    vec![(Some("sep"), str_(","))],
                ));
                body.push(print(vec![fcall("max", vec![starred(name(&a)), int(-1)])]));
            }
            _ => {
                let (d, _) = self.dict_expr(&Ty::Str, &Ty::Int, depth, 6);
                let (k, v) = (self.fresh("k"), self.fresh("w"));
                body.push(for_(
                    tuple(vec![name(&k), name(&v)]),
                    method(d, "items", vec![]),
                    vec![print(vec![name(&k), name(&v)])],
                    Vec::new(),
                ));
                self.tag(Feature::Loops);
            }
        }
        vec![guarded(body)]
    }

    /// `sys.getrefcount` deltas of a fresh object as references come and go.
    fn refcount_segment(&mut self) -> Vec<Stmt> {
        self.tag(Feature::RefcountProbes);
        self.imports.insert("sys");
        let o = self.fresh("obj");
        let r0 = self.fresh("r");
        let holder = self.fresh("h");
        let classes = self.value_classes();
        let value = match self.e.below(5) {
            0 => list(vec![]),
            1 => dict(vec![]),
            2 if !classes.is_empty() => {
                let k = *self.e.pick(&classes);
                self.obj_expr(k, 0).0
            }
            3 => fcall("object", vec![]),
            _ => list(vec![int(1), str_("x")]),
        };
        let delta = || {
            binop(
                method(name("sys"), "getrefcount", vec![name(&o)]),
                Operator::Sub,
                name(&r0),
            )
        };
        let hold = match self.e.below(5) {
            0 => list(vec![name(&o), name(&o), name(&o)]),
            1 => dict(vec![(Some(str_("k")), name(&o))]),
            2 => tuple(vec![name(&o)]),
            3 => list_comp(
                name(&o),
                vec![comp(
                    name("_"),
                    fcall("range", vec![int(self.e.range(0, 6))]),
                    vec![],
                )],
            ),
            _ => lambda(&[], name(&o)),
        };
        vec![
            assign_to(&o, value),
            assign_to(&r0, method(name("sys"), "getrefcount", vec![name(&o)])),
            assign_to(&holder, hold),
            print(vec![str_("refs"), delta()]),
            del(vec![name(&holder)]),
            print(vec![str_("refs after del"), delta()]),
        ]
    }

    /// Reference cycles and what `gc.collect()` finds.
    fn gc_segment(&mut self) -> Vec<Stmt> {
        self.tag(Feature::GcProbes);
        self.imports.insert("gc");
        let mut body = vec![expr_stmt(method(name("gc"), "collect", vec![]))];
        let mut victims = Vec::new();
        for _ in 0..self.e.range(1, 3) {
            let v = self.fresh("cyc");
            match self.e.below(4) {
                0 => {
                    body.push(assign_to(&v, list(vec![])));
                    body.push(expr_stmt(method(name(&v), "append", vec![name(&v)])));
                }
                1 => {
                    body.push(assign_to(&v, dict(vec![])));
                    body.push(assign(subscript(name(&v), str_("self")), name(&v)));
                }
                2 => {
                    let w = self.fresh("cyc");
                    body.push(assign_to(&v, list(vec![int(1)])));
                    body.push(assign_to(&w, list(vec![name(&v)])));
                    body.push(expr_stmt(method(name(&v), "append", vec![name(&w)])));
                    victims.push(w);
                }
                _ => {
                    let classes = self.value_classes();
                    if classes.is_empty() {
                        body.push(assign_to(&v, list(vec![])));
                        body.push(expr_stmt(method(
                            name(&v),
                            "append",
                            vec![tuple(vec![name(&v)])],
                        )));
                    } else {
                        let k = *self.e.pick(&classes);
                        let (x, _) = self.obj_expr(k, 0);
                        body.push(assign_to(&v, x));
                        body.push(assign(attr(name(&v), "loop"), name(&v)));
                    }
                }
            }
            victims.push(v);
        }
        body.push(del(victims.iter().map(|v| name(v)).collect()));
        body.push(print(vec![
            str_("collected"),
            method(name("gc"), "collect", vec![]),
        ]));
        body
    }
}

/// Is the expression a bare literal or name (nothing to guard)?
fn is_leaf(x: &Expr) -> bool {
    use refvm_syntax::ast::ExprKind;
    match &x.node {
        ExprKind::Constant { .. } | ExprKind::Name { .. } => true,
        ExprKind::UnaryOp { operand, .. } => is_leaf(operand),
        _ => false,
    }
}
