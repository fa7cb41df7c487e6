//! Classes with dunder methods (repr/str, comparisons, hashing, arithmetic, container
//! and iteration protocols, call, context managers), properties, class and static
//! methods, single and diamond inheritance with `super()`, and exceptions: custom
//! exception classes, built-in errors with their messages, chaining, `finally`.

use super::Feature;
use super::build::*;
use super::scope::{ClassInfo, Gen, Ty};
use refvm_syntax::ast::{Boolop, Cmpop, Expr, Operator, Stmt};

fn self_attr(f: &str) -> Expr {
    attr(name("self"), f)
}

impl Gen<'_> {
    /// A class (or, with `inherit`, a subclass of an existing one, or a diamond) and
    /// a guarded block that exercises it.
    pub fn class_segment(&mut self, inherit: bool) -> Vec<Stmt> {
        self.tag(Feature::Classes);
        let bases = self.value_classes();
        if inherit && !bases.is_empty() && self.e.chance(2, 3) {
            let base = *self.e.pick(&bases);
            let mut out = self.subclass(base);
            let k = self.classes.len() - 1;
            out.extend(self.use_class(k));
            return out;
        }
        if inherit {
            return self.diamond();
        }
        let mut out = self.new_class();
        let k = self.classes.len() - 1;
        out.extend(self.use_class(k));
        out
    }

    fn new_class(&mut self) -> Vec<Stmt> {
        self.tag(Feature::Dunders);
        let cname = self.fresh("C");
        let nfields = self.e.range(1, 3) as usize;
        let fields: Vec<(String, Ty)> = (0..nfields)
            .map(|i| {
                let t = match self.e.below(5) {
                    0..=2 => Ty::Int,
                    3 => Ty::Str,
                    _ => Ty::Float,
                };
                (format!("a{i}"), t)
            })
            .collect();
        let field_names: Vec<&str> = fields.iter().map(|(n, _)| n.as_str()).collect();
        let mut info = ClassInfo {
            name: cname.clone(),
            fields: fields.clone(),
            ..ClassInfo::default()
        };
        let fields_tuple = || tuple(field_names.iter().map(|f| self_attr(f)).collect());
        let other_tuple = || tuple(field_names.iter().map(|f| attr(name("other"), f)).collect());
        let mut init_params = vec!["self"];
        init_params.extend(field_names.iter().copied());
        let mut body = vec![
            assign_to("kind", str_(&cname.to_lowercase())),
            def(
                "__init__",
                params_of(&init_params),
                field_names
                    .iter()
                    .map(|f| assign(self_attr(f), name(f)))
                    .collect(),
            ),
        ];
        let repr_body = if self.e.chance(1, 2) {
            let mut parts = vec![str_(&format!("{cname}("))];
            for (i, f) in field_names.iter().enumerate() {
                if i > 0 {
                    parts.push(str_(", "));
                }
                parts.push(fvalue(self_attr(f), 114, None));
            }
            parts.push(str_(")"));
            fstring(parts)
        } else {
            let pct = vec!["%r"; field_names.len()].join(", ");
            binop(
                str_(&format!("{cname}({pct})")),
                Operator::Mod,
                fields_tuple(),
            )
        };
        body.push(def("__repr__", params_of(&["self"]), vec![ret(repr_body)]));
        let all_hashable = fields.iter().all(|(_, t)| matches!(t, Ty::Int | Ty::Str));
        let numeric = fields.iter().all(|(_, t)| matches!(t, Ty::Int | Ty::Float));
        let protocols: &[(&str, u32)] = &[
            ("eq", 3),
            ("lt", 2),
            ("add", 2),
            ("len", 1),
            ("iter", 2),
            ("getitem", 1),
            ("contains", 1),
            ("call", 1),
            ("bool", 1),
            ("ctx", 1),
            ("str", 1),
            ("method", 2),
            ("property", 1),
            ("classmethod", 1),
            ("match_args", 2),
        ];
        for &(p, odds) in protocols {
            if !self.e.chance(odds, 4) {
                continue;
            }
            match p {
                "eq" => {
                    info.has_eq = true;
                    body.push(def(
                        "__eq__",
                        params_of(&["self", "other"]),
                        vec![
                            if_(
                                not(fcall("isinstance", vec![name("other"), name(&cname)])),
                                vec![ret(name("NotImplemented"))],
                                Vec::new(),
                            ),
                            ret(cmp(fields_tuple(), Cmpop::Eq, other_tuple())),
                        ],
                    ));
                    if all_hashable && self.e.chance(2, 3) {
                        info.has_hash = true;
                        body.push(def(
                            "__hash__",
                            params_of(&["self"]),
                            vec![ret(fcall("hash", vec![fields_tuple()]))],
                        ));
                    }
                }
                "lt" => {
                    info.has_lt = true;
                    body.push(def(
                        "__lt__",
                        params_of(&["self", "other"]),
                        vec![ret(cmp(fields_tuple(), Cmpop::Lt, other_tuple()))],
                    ));
                }
                "add" if numeric || self.e.chance(1, 3) => {
                    info.has_add = true;
                    let args = field_names
                        .iter()
                        .map(|f| binop(self_attr(f), Operator::Add, attr(name("other"), f)))
                        .collect();
                    body.push(def(
                        "__add__",
                        params_of(&["self", "other"]),
                        vec![ret(fcall(&cname, args))],
                    ));
                }
                "len" => {
                    info.has_len = true;
                    body.push(def(
                        "__len__",
                        params_of(&["self"]),
                        vec![ret(fcall(
                            "len",
                            vec![fcall("str", vec![self_attr(field_names[0])])],
                        ))],
                    ));
                }
                "iter" => {
                    info.has_iter = true;
                    self.tag(Feature::Generators);
                    body.push(def(
                        "__iter__",
                        params_of(&["self"]),
                        field_names
                            .iter()
                            .map(|f| {
                                expr_stmt(e(refvm_syntax::ast::ExprKind::Yield {
                                    value: Some(Box::new(self_attr(f))),
                                }))
                            })
                            .collect(),
                    ));
                }
                "getitem" => {
                    info.has_getitem = true;
                    body.push(def(
                        "__getitem__",
                        params_of(&["self", "i"]),
                        vec![ret(subscript(fields_tuple(), name("i")))],
                    ));
                }
                "contains" => {
                    info.has_contains = true;
                    body.push(def(
                        "__contains__",
                        params_of(&["self", "x"]),
                        vec![ret(cmp(name("x"), Cmpop::In, fields_tuple()))],
                    ));
                }
                "call" => {
                    info.has_call = true;
                    let mut a = params_of(&["self"]);
                    a.vararg = Some(Box::new(arg("args")));
                    body.push(def(
                        "__call__",
                        a,
                        vec![ret(tuple(vec![
                            str_("called"),
                            fcall("len", vec![name("args")]),
                            self_attr(field_names[0]),
                        ]))],
                    ));
                }
                "bool" => {
                    info.has_bool = true;
                    body.push(def(
                        "__bool__",
                        params_of(&["self"]),
                        vec![ret(fcall("bool", vec![self_attr(field_names[0])]))],
                    ));
                }
                "ctx" => {
                    info.has_ctx = true;
                    let suppress = self.e.chance(1, 2);
                    body.push(def(
                        "__enter__",
                        params_of(&["self"]),
                        vec![print(vec![str_("enter"), name("self")]), ret(name("self"))],
                    ));
                    body.push(def(
                        "__exit__",
                        params_of(&["self", "et", "ev", "tb"]),
                        vec![
                            print(vec![
                                str_("exit"),
                                ifexp(name("et"), attr(name("et"), "__name__"), none()),
                                name("ev"),
                            ]),
                            ret(boolean(suppress)),
                        ],
                    ));
                }
                "str" => {
                    body.push(def(
                        "__str__",
                        params_of(&["self"]),
                        vec![ret(binop(
                            str_("<"),
                            Operator::Add,
                            binop(
                                fcall("str", vec![self_attr(field_names[0])]),
                                Operator::Add,
                                str_(">"),
                            ),
                        ))],
                    ));
                }
                "method" => {
                    let m = self.fresh("m");
                    let int_field = fields
                        .iter()
                        .find(|(_, t)| *t == Ty::Int)
                        .map(|(n, _)| n.clone());
                    let value = match int_field {
                        Some(f) => binop(self_attr(&f), Operator::Mult, int(self.e.range(-3, 7))),
                        None => fcall("len", vec![fcall("repr", vec![name("self")])]),
                    };
                    body.push(def(&m, params_of(&["self"]), vec![ret(value)]));
                    info.int_methods.push(m);
                }
                "property" => {
                    let p = self.fresh("prop");
                    body.push(def_decorated(
                        &p,
                        params_of(&["self"]),
                        vec![ret(fcall("len", vec![fcall("str", vec![fields_tuple()])]))],
                        vec![name("property")],
                    ));
                    info.int_property = Some(p);
                }
                "classmethod" => {
                    let args: Vec<Expr> = fields.iter().map(|_| name("x")).collect();
                    body.push(def_decorated(
                        "make",
                        params_of(&["cls", "x"]),
                        vec![ret(call(name("cls"), args))],
                        vec![name("classmethod")],
                    ));
                    body.push(def_decorated(
                        "helper",
                        params_of(&["x"]),
                        vec![ret(tuple(vec![str_("static"), name("x")]))],
                        vec![name("staticmethod")],
                    ));
                }
                "match_args" => {
                    info.match_args = true;
                    body.insert(
                        0,
                        assign_to(
                            "__match_args__",
                            tuple(field_names.iter().map(|f| str_(f)).collect()),
                        ),
                    );
                }
                _ => {}
            }
        }
        self.classes.push(info);
        vec![class(&cname, Vec::new(), body)]
    }

    /// A subclass adding a field, overriding `__repr__` and a method via `super()`.
    fn subclass(&mut self, base: usize) -> Vec<Stmt> {
        self.tag(Feature::Inheritance);
        let b = self.classes[base].clone();
        let cname = self.fresh("D");
        let extra = format!("a{}", b.fields.len());
        let mut fields = b.fields.clone();
        fields.push((extra.clone(), Ty::Int));
        let base_params: Vec<&str> = b.fields.iter().map(|(n, _)| n.as_str()).collect();
        let mut params = vec!["self"];
        params.extend(base_params.iter().copied());
        params.push(&extra);
        let mut body = vec![def(
            "__init__",
            params_of(&params),
            vec![
                expr_stmt(method(
                    fcall("super", vec![]),
                    "__init__",
                    base_params.iter().map(|p| name(p)).collect(),
                )),
                assign(self_attr(&extra), name(&extra)),
            ],
        )];
        body.push(def(
            "__repr__",
            params_of(&["self"]),
            vec![ret(binop(
                str_(&format!("{cname}<")),
                Operator::Add,
                binop(
                    method(fcall("super", vec![]), "__repr__", vec![]),
                    Operator::Add,
                    fstring(vec![
                        str_(", "),
                        fvalue(self_attr(&extra), -1, None),
                        str_(">"),
                    ]),
                ),
            ))],
        ));
        let mut info = ClassInfo {
            name: cname.clone(),
            fields,
            has_eq: b.has_eq,
            has_hash: b.has_hash,
            has_lt: b.has_lt,
            has_len: b.has_len,
            has_iter: b.has_iter,
            has_getitem: b.has_getitem,
            has_contains: b.has_contains,
            has_call: b.has_call,
            has_bool: b.has_bool,
            has_ctx: b.has_ctx,
            int_methods: b.int_methods.clone(),
            int_property: b.int_property.clone(),
            match_args: false,
            ..ClassInfo::default()
        };
        if let Some(m) = b.int_methods.first() {
            body.push(def(
                m,
                params_of(&["self"]),
                vec![ret(binop(
                    method(fcall("super", vec![]), m, vec![]),
                    Operator::Add,
                    self_attr(&extra),
                ))],
            ));
        }
        if b.has_add {
            // The base's __add__ builds a base instance: the subclass drops it.
            body.push(assign_to("__add__", none()));
        }
        info.has_add = false;
        self.classes.push(info);
        vec![class(&cname, vec![name(&b.name)], body)]
    }

    /// A diamond: the MRO and cooperative `super()` calls.
    fn diamond(&mut self) -> Vec<Stmt> {
        self.tag(Feature::Inheritance);
        let names: Vec<String> = (0..4).map(|_| self.fresh("K")).collect();
        let who = |n: &str, sup: bool| {
            let mine = str_(&format!("{n}>"));
            let v = if sup {
                binop(
                    mine,
                    Operator::Add,
                    method(fcall("super", vec![]), "who", vec![]),
                )
            } else {
                mine
            };
            def("who", params_of(&["self"]), vec![ret(v)])
        };
        let (a, b, c, d) = (&names[0], &names[1], &names[2], &names[3]);
        let mut out = vec![
            class(a, vec![], vec![who(a, false)]),
            class(b, vec![name(a)], vec![who(b, true)]),
            class(c, vec![name(a)], vec![who(c, true)]),
        ];
        let order = if self.e.chance(1, 2) {
            vec![name(b), name(c)]
        } else {
            vec![name(c), name(b)]
        };
        out.push(class(d, order, vec![who(d, true)]));
        out.push(print(vec![method(fcall(d, vec![]), "who", vec![])]));
        out.push(print(vec![list_comp(
            attr(name("k"), "__name__"),
            vec![comp(name("k"), attr(name(d), "__mro__"), vec![])],
        )]));
        out.push(print(vec![
            fcall("issubclass", vec![name(d), name(a)]),
            fcall("isinstance", vec![fcall(b, vec![]), name(c)]),
        ]));
        if self.e.chance(1, 3) {
            // An inconsistent MRO: CPython's TypeError message.
            out.push(guarded(vec![class(
                &self.fresh("Bad"),
                vec![name(a), name(b)],
                vec![pass()],
            )]));
        }
        out
    }

    fn instance(&mut self, k: usize) -> Expr {
        let c = self.classes[k].clone();
        let args = c
            .fields
            .iter()
            .map(|(_, t)| self.expr(t, 1, 64).0)
            .collect();
        fcall(&c.name, args)
    }

    /// A guarded block using class `k` through its protocols.
    fn use_class(&mut self, k: usize) -> Vec<Stmt> {
        let c = self.classes[k].clone();
        let (x, y) = (self.fresh("o"), self.fresh("o"));
        let ix = self.instance(k);
        let iy = self.instance(k);
        let mut body = vec![assign_to(&x, ix), assign_to(&y, iy)];
        let (ox, oy) = (name(&x), name(&y));
        let mut lines: Vec<Expr> = vec![
            tuple(vec![
                fcall("repr", vec![ox.clone()]),
                fcall("str", vec![oy.clone()]),
            ]),
            tuple(vec![
                attr(fcall("type", vec![ox.clone()]), "__name__"),
                attr(ox.clone(), "kind"),
                fcall("isinstance", vec![ox.clone(), name(&c.name)]),
            ]),
        ];
        if c.has_eq {
            lines.push(tuple(vec![
                cmp(ox.clone(), Cmpop::Eq, oy.clone()),
                cmp(ox.clone(), Cmpop::NotEq, ox.clone()),
            ]));
            lines.push(fcall("hash", vec![ox.clone()]));
        }
        if c.has_hash {
            lines.push(fcall(
                "len",
                vec![set(vec![ox.clone(), oy.clone(), ox.clone()])],
            ));
        }
        if c.has_lt {
            lines.push(fcall("sorted", vec![list(vec![oy.clone(), ox.clone()])]));
            lines.push(tuple(vec![
                cmp(ox.clone(), Cmpop::Lt, oy.clone()),
                cmp(ox.clone(), Cmpop::Gt, oy.clone()),
            ]));
        }
        if c.has_add {
            lines.push(binop(ox.clone(), Operator::Add, oy.clone()));
        }
        if c.has_len {
            lines.push(fcall("len", vec![ox.clone()]));
        }
        if c.has_iter {
            lines.push(fcall("list", vec![ox.clone()]));
            self.tag(Feature::Unpacking);
            lines.push(list(vec![starred(ox.clone()), starred(oy.clone())]));
        }
        if c.has_getitem {
            lines.push(subscript(ox.clone(), int(self.e.range(-2, 3))));
        }
        if c.has_contains {
            lines.push(cmp(int(1), Cmpop::In, ox.clone()));
        }
        if c.has_call {
            lines.push(call(ox.clone(), vec![int(1), str_("two")]));
        }
        if c.has_bool {
            lines.push(ifexp(ox.clone(), str_("truthy"), str_("falsy")));
        }
        for m in &c.int_methods {
            lines.push(method(ox.clone(), m, vec![]));
        }
        if let Some(p) = &c.int_property {
            lines.push(attr(ox.clone(), p));
        }
        if self.e.chance(1, 3) {
            lines.push(fcall(
                "getattr",
                vec![ox.clone(), str_("missing"), str_("default")],
            ));
            lines.push(attr(ox.clone(), "missing"));
        }
        if self.e.chance(1, 4) {
            lines.push(fcall("vars", vec![ox.clone()]));
        }
        for l in lines {
            body.push(guarded(vec![print(vec![l])]));
        }
        if c.has_ctx {
            let raise_inside = self.e.chance(1, 2);
            let mut inner = vec![print(vec![str_("inside")])];
            if raise_inside {
                inner.push(raise(fcall("ValueError", vec![str_("in with")]), None));
            }
            body.push(guarded(vec![
                with_(vec![(ox.clone(), Some(name("w")))], inner),
                print(vec![str_("after with")]),
            ]));
        }
        self.declare(&x, Ty::Obj(k), 8);
        body
    }

    /// Exceptions: custom classes, built-in errors and their messages, `else`,
    /// `finally`, re-raising, chaining.
    pub fn exception_segment(&mut self) -> Vec<Stmt> {
        self.tag(Feature::Exceptions);
        let base = self.fresh("Err");
        let sub = self.fresh("Err");
        let thrower = self.fresh("throw");
        let mut out = vec![
            class(&base, vec![name("Exception")], vec![pass()]),
            class(
                &sub,
                vec![name(&base)],
                vec![def(
                    "__init__",
                    params_of(&["self", "code"]),
                    vec![
                        expr_stmt(method(
                            fcall("super", vec![]),
                            "__init__",
                            vec![fstring(vec![str_("code "), fvalue(name("code"), -1, None)])],
                        )),
                        assign(self_attr("code"), name("code")),
                    ],
                )],
            ),
        ];
        self.classes.push(ClassInfo {
            name: base.clone(),
            is_exception: true,
            ..ClassInfo::default()
        });
        // Each branch raises a different error, built-in or custom.
        let raisers: Vec<Stmt> = vec![
            raise(fcall(&sub, vec![name("k")]), None),
            raise(
                fcall("ValueError", vec![str_("bad value"), name("k")]),
                None,
            ),
            ret(binop(
                int(1),
                Operator::FloorDiv,
                binop(name("k"), Operator::Sub, name("k")),
            )),
            ret(subscript(dict(vec![]), str_("missing"))),
            ret(subscript(list(vec![]), name("k"))),
            ret(fcall("int", vec![str_("x1")])),
            ret(binop(none(), Operator::Add, int(1))),
            ret(name("undefined_name")),
            ret(attr(int(1), "nope")),
            raise(
                fcall(&base, vec![]),
                Some(fcall("KeyError", vec![str_("cause")])),
            ),
            ret(binop(float(2.0), Operator::Pow, int(5000))),
            ret(method(str_("abc"), "index", vec![str_("z")])),
            ret(binop(str_("a"), Operator::Add, int(1))),
            ret(fcall("next", vec![fcall("iter", vec![list(vec![])])])),
            s(refvm_syntax::ast::StmtKind::Assert {
                test: Box::new(cmp(name("k"), Cmpop::Lt, int(0))),
                msg: Some(Box::new(str_("k must be negative"))),
            }),
            ret(fcall("chr", vec![int(-1)])),
            ret(binop(int(10), Operator::Pow, int(-2))),
            raise(fcall("RuntimeError", vec![]), Some(none())),
            ret(binop(list(vec![int(1)]), Operator::Mult, float(1.5))),
            ret(method(dict(vec![]), "pop", vec![str_("k")])),
        ];
        let n = self.e.range(2, 6) as usize;
        let mut chosen: Vec<Stmt> = Vec::new();
        for _ in 0..n {
            chosen.push(self.e.pick(&raisers).clone());
        }
        let mut fbody = Vec::new();
        for (i, r) in chosen.iter().enumerate() {
            fbody.push(if_(
                cmp(name("k"), Cmpop::Eq, int(i as i64)),
                vec![r.clone()],
                Vec::new(),
            ));
        }
        fbody.push(ret(binop(name("k"), Operator::Mult, int(10))));
        out.push(def(&thrower, params_of(&["k"]), fbody));
        let mut handlers = vec![handler(
            Some(name(&base)),
            Some("e"),
            vec![print(vec![
                str_("custom"),
                attr(fcall("type", vec![name("e")]), "__name__"),
                name("e"),
                attr(name("e"), "args"),
                fcall("repr", vec![attr(name("e"), "__cause__")]),
            ])],
        )];
        if self.e.chance(1, 2) {
            handlers.push(handler(
                Some(tuple(vec![name("ValueError"), name("KeyError")])),
                Some("e"),
                vec![print(vec![
                    attr(fcall("type", vec![name("e")]), "__name__"),
                    fcall("repr", vec![name("e")]),
                    fcall("str", vec![name("e")]),
                ])],
            ));
        }
        handlers.push(handler(
            Some(name("Exception")),
            Some("e"),
            vec![print_exc("e")],
        ));
        let body = vec![print(vec![fcall(&thrower, vec![name("k")])])];
        let orelse = if self.e.chance(1, 2) {
            vec![print(vec![str_("no error"), name("k")])]
        } else {
            Vec::new()
        };
        let finalbody = if self.e.chance(1, 2) {
            vec![print(vec![str_("finally"), name("k")])]
        } else {
            Vec::new()
        };
        let loop_body = vec![try_(body, handlers, orelse, finalbody)];
        out.push(for_(
            name("k"),
            fcall("range", vec![int(n as i64 + 1)]),
            loop_body,
            Vec::new(),
        ));
        self.tag(Feature::Loops);
        match self.e.below(3) {
            0 => {
                // Re-raise from a handler, caught outside; the context is kept.
                out.push(guarded(vec![try_(
                    vec![expr_stmt(fcall(&thrower, vec![int(0)]))],
                    vec![handler(
                        Some(name("Exception")),
                        Some("inner"),
                        vec![raise(
                            fcall("TypeError", vec![str_("wrapped")]),
                            if self.e.chance(1, 2) {
                                Some(name("inner"))
                            } else {
                                None
                            },
                        )],
                    )],
                    Vec::new(),
                    Vec::new(),
                )]));
                out.push(try_(
                    vec![try_(
                        vec![expr_stmt(binop(int(1), Operator::FloorDiv, int(0)))],
                        vec![handler(
                            None,
                            None,
                            vec![print(vec![str_("bare except")]), reraise()],
                        )],
                        Vec::new(),
                        vec![print(vec![str_("inner finally")])],
                    )],
                    vec![handler(
                        Some(name("ZeroDivisionError")),
                        Some("z"),
                        vec![print(vec![
                            str_("outer"),
                            name("z"),
                            fcall("repr", vec![attr(name("z"), "__context__")]),
                        ])],
                    )],
                    Vec::new(),
                    Vec::new(),
                ));
            }
            1 => {
                // finally overriding a return.
                let f = self.fresh("fin");
                out.push(def(
                    &f,
                    params_of(&[]),
                    vec![try_(
                        vec![ret(str_("from try"))],
                        Vec::new(),
                        Vec::new(),
                        vec![print(vec![str_("cleanup")]), ret(str_("from finally"))],
                    )],
                ));
                out.push(print(vec![fcall(&f, vec![])]));
            }
            _ => {
                // An exception carried out of a function through two frames.
                let (ka, kb) = (self.fresh("lvl"), self.fresh("lvl"));
                out.push(def(
                    &ka,
                    params_of(&["x"]),
                    vec![ret(call(name(&thrower), vec![name("x")]))],
                ));
                out.push(def(
                    &kb,
                    params_of(&["x"]),
                    vec![ret(binop(
                        call(name(&ka), vec![name("x")]),
                        Operator::Add,
                        int(1),
                    ))],
                ));
                out.push(guarded(vec![print(vec![fcall(
                    &kb,
                    vec![int(self.e.range(0, n as i64))],
                )])]));
                out.push(print(vec![boolop(Boolop::Or, vec![none(), str_("done")])]));
            }
        }
        out
    }
}
