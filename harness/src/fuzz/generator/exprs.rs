//! Typed expressions: for a requested [`Ty`] and size budget, an expression that
//! evaluates to that type (or raises a deterministic exception, which the enclosing
//! `try` prints). Choice 0 is always a leaf, so exhausted fuzzer input terminates.

use super::Feature;
use super::build::*;
use super::scope::{Gen, Ty};
use refvm_syntax::ast::{Boolop, Cmpop, Expr, Operator, Unaryop};

type Sized = (Expr, u32);

impl Gen<'_> {
    /// A random value type, weighted by the configured features.
    pub fn value_ty(&mut self, allow_containers: bool) -> Ty {
        let scalars = [
            (Ty::Int, Feature::Ints),
            (Ty::Float, Feature::Floats),
            (Ty::Str, Feature::Strings),
            (Ty::Bool, Feature::Bools),
            (Ty::Complex, Feature::Complex),
            (Ty::Bytes, Feature::Bytes),
            (Ty::NoneT, Feature::NoneValue),
        ];
        let mut tys: Vec<Ty> = Vec::new();
        let mut ws: Vec<u32> = Vec::new();
        for (t, f) in scalars {
            let w = self.cfg.weight(f);
            tys.push(t);
            ws.push(if f == Feature::NoneValue { w / 4 } else { w });
        }
        if allow_containers {
            let elem = self.scalar_elem();
            let key = if self.e.chance(1, 2) {
                Ty::Str
            } else {
                Ty::Int
            };
            let val = self.scalar_elem();
            for (t, f) in [
                (Ty::list(elem.clone()), Feature::Lists),
                (Ty::Tuple(vec![elem.clone(), val.clone()]), Feature::Tuples),
                (Ty::dict(key, val), Feature::Dicts),
                (Ty::set(Ty::Int), Feature::Sets),
                (Ty::Range, Feature::Ranges),
            ] {
                let w = self.cfg.weight(f);
                tys.push(t);
                ws.push(w);
            }
            let classes = self.value_classes();
            if !classes.is_empty() {
                let k = *self.e.pick(&classes);
                tys.push(Ty::Obj(k));
                ws.push(self.cfg.weight(Feature::Classes));
            }
        }
        let i = self.e.weighted(&ws);
        tys.swap_remove(i)
    }

    /// An element type for collections.
    pub fn scalar_elem(&mut self) -> Ty {
        match self.e.below(6) {
            0..=2 => Ty::Int,
            3 | 4 => Ty::Str,
            _ => Ty::Float,
        }
    }

    /// An expression of type `ty`, nesting at most `depth`, its size at most `max`.
    pub fn expr(&mut self, ty: &Ty, depth: u32, max: u32) -> Sized {
        self.tag(ty.feature());
        if depth > 0 && self.e.chance(1, 12) {
            if let Some(x) = self.call_returning(ty, depth, max) {
                return x;
            }
        }
        match ty {
            Ty::Int => self.int_expr(depth, max),
            Ty::Bool => (self.bool_expr(depth), 1),
            Ty::Float => (self.float_expr(depth), 0),
            Ty::Complex => (self.complex_expr(depth), 0),
            Ty::Str => self.str_expr(depth, max),
            Ty::Bytes => self.bytes_expr(depth, max),
            Ty::NoneT => (self.none_expr(depth), 0),
            Ty::List(t) => self.list_expr(t, depth, max),
            Ty::Tuple(ts) => self.tuple_expr(ts, depth, max),
            Ty::Dict(k, v) => self.dict_expr(k, v, depth, max),
            Ty::Set(t) => self.set_expr(t, depth, max),
            Ty::Range => self.range_expr(depth),
            Ty::Obj(k) => self.obj_expr(*k, depth),
        }
    }

    fn leaf_var(&mut self, ty: &Ty, max: u32) -> Option<Sized> {
        self.var_of(ty, max).map(|v| (name(&v.name), v.size))
    }

    /// An int expression at most `max` bits wide.
    pub fn int_expr(&mut self, depth: u32, max: u32) -> Sized {
        let max = max.max(8);
        if depth == 0 || self.e.chance(1, 4) {
            if self.e.chance(1, 2)
                && let Some(v) = self.leaf_var(&Ty::Int, max)
            {
                return v;
            }
            return self.int_literal(max);
        }
        let d = depth - 1;
        match self.e.below(16) {
            0 => self.int_literal(max),
            1..=3 => {
                let op = *self.e.pick(&[
                    Operator::Add,
                    Operator::Sub,
                    Operator::BitXor,
                    Operator::BitOr,
                    Operator::BitAnd,
                ]);
                let (a, sa) = self.int_expr(d, max - 1);
                let (b, sb) = self.int_expr(d, max - 1);
                (binop(a, op, b), sa.max(sb) + 1)
            }
            4 => {
                let (a, sa) = self.int_expr(d, max / 2);
                let (b, sb) = self.int_expr(d, max / 2);
                (binop(a, Operator::Mult, b), sa + sb)
            }
            5 => {
                let op = *self.e.pick(&[Operator::FloorDiv, Operator::Mod]);
                let (a, sa) = self.int_expr(d, max);
                let (b, sb) = self.nonzero_int(d, max);
                (binop(a, op, b), if op == Operator::Mod { sb } else { sa })
            }
            6 => {
                // Power with a small literal exponent, within the bit budget.
                let (base, sb) = self.int_expr(d.min(1), 64.min(max));
                let k = (max / sb.max(1)).clamp(0, 40);
                let k = self.e.range(0, i64::from(k));
                self.tag(Feature::BigInts);
                (binop(base, Operator::Pow, int(k)), sb * k.max(1) as u32)
            }
            7 => {
                let (a, sa) = self.int_expr(d, max.saturating_sub(70).max(8));
                let room = i64::from(max.saturating_sub(sa)).min(64);
                let k = self.e.range(0, room.max(0));
                if self.e.chance(1, 2) {
                    (binop(a, Operator::LShift, int(k)), sa + k as u32)
                } else {
                    (binop(a, Operator::RShift, int(k)), sa)
                }
            }
            8 => {
                let op = *self
                    .e
                    .pick(&[Unaryop::USub, Unaryop::Invert, Unaryop::UAdd]);
                let (a, sa) = self.int_expr(d, max - 1);
                (unary(op, a), sa + 1)
            }
            9 => {
                self.tag(Feature::Builtins);
                let t = self.sized_ty();
                let (x, _) = self.expr(&t, d, self.max_len());
                (fcall("len", vec![x]), 32)
            }
            10 => {
                self.tag(Feature::Builtins);
                match self.e.below(8) {
                    0 => {
                        let (a, sa) = self.int_expr(d, max);
                        (fcall("abs", vec![a]), sa)
                    }
                    1 => {
                        let (a, sa) = self.int_expr(d, max);
                        let (b, sb) = self.int_expr(d, max);
                        let f = *self.e.pick(&["max", "min"]);
                        (fcall(f, vec![a, b]), sa.max(sb))
                    }
                    2 => {
                        let (a, _) = self.int_expr(d, max);
                        let (b, _) = self.small_int(0, 300);
                        let (m, sm) = self.nonzero_int(d, max.min(256));
                        (fcall("pow", vec![a, b, m]), sm)
                    }
                    3 => {
                        let (a, sa) = self.int_expr(d, max);
                        (method(a, "bit_length", vec![]), 32.min(sa))
                    }
                    4 => {
                        let (s, _) = self.str_expr(d, 40);
                        (fcall("hash", vec![s]), 66)
                    }
                    5 => {
                        let digits = *self.e.pick(&[
                            "ff", "777", "1010", "zz", "-12", " 42 ", "0x1f", "1_000", "٣",
                        ]);
                        let base = *self.e.pick(&[0i64, 2, 8, 10, 16, 36]);
                        (fcall("int", vec![str_(digits), int(base)]), 64)
                    }
                    6 => {
                        let (c, _) = self.str_literal();
                        (fcall("ord", vec![c]), 22)
                    }
                    _ => {
                        let (x, _) = self.list_expr(&Ty::Int, d, 32);
                        (fcall("sum", vec![x]), max.min(48))
                    }
                }
            }
            11 => {
                if max < 1100 {
                    return self.int_literal(max);
                }
                let f = self.float_expr(d);
                let conv = *self.e.pick(&["int", "round"]);
                (fcall(conv, vec![f]), 1030)
            }
            12 => {
                let t = self.bool_expr(d);
                let (a, sa) = self.int_expr(d, max);
                let (b, sb) = self.int_expr(d, max);
                (ifexp(t, a, b), sa.max(sb))
            }
            13 => {
                let (s, _) = self.str_expr(d, 60);
                let (sub, _) = self.str_literal();
                let m = *self.e.pick(&["find", "count", "rfind", "index"]);
                (method(s, m, vec![sub]), 32)
            }
            14 => {
                self.tag(Feature::Comprehensions);
                let (k, _) = self.small_int(0, 12);
                let (body, sb) = self.int_expr(d.min(1), 32);
                let v = self.fresh("i");
                let elt = binop(name(&v), Operator::Mult, body);
                (
                    fcall(
                        "sum",
                        vec![super::build::e(refvm_syntax::ast::ExprKind::GeneratorExp {
                            elt: Box::new(elt),
                            generators: vec![comp(name(&v), fcall("range", vec![k]), vec![])],
                        })],
                    ),
                    sb + 10,
                )
            }
            _ => {
                let (b, _) = (self.bool_expr(d), 1);
                let (a, sa) = self.int_expr(d, max - 1);
                (binop(a, Operator::Add, b), sa + 1)
            }
        }
    }

    /// An int that is never zero (a literal, or `(x or k)`).
    fn nonzero_int(&mut self, depth: u32, max: u32) -> Sized {
        if depth == 0 || self.e.chance(1, 2) {
            let mut v = self.e.range(-9, 30);
            if v == 0 {
                v = 7;
            }
            return (int(v), 6);
        }
        let (a, sa) = self.int_expr(depth - 1, max);
        let k = self.e.range(1, 9);
        (boolop(Boolop::Or, vec![a, int(k)]), sa.max(5))
    }

    /// A type with a length (str, bytes, list, tuple, dict, set, range).
    fn sized_ty(&mut self) -> Ty {
        match self.e.below(6) {
            0 => Ty::Str,
            1 => Ty::Bytes,
            2 => Ty::list(Ty::Int),
            3 => Ty::dict(Ty::Str, Ty::Int),
            4 => Ty::set(Ty::Int),
            _ => Ty::Range,
        }
    }

    pub fn bool_expr(&mut self, depth: u32) -> Expr {
        self.tag(Feature::Bools);
        if depth == 0 || self.e.chance(1, 5) {
            if self.e.chance(1, 2)
                && let Some(v) = self.leaf_var(&Ty::Bool, 1)
            {
                return v.0;
            }
            return boolean(self.e.chance(1, 2));
        }
        let d = depth - 1;
        match self.e.below(9) {
            0 => boolean(self.e.chance(1, 2)),
            1 | 2 => {
                let t = if self.e.chance(1, 2) {
                    Ty::Int
                } else {
                    self.value_ty(false)
                };
                let (a, _) = self.expr(&t, d, 128);
                let (b, _) = self.expr(&t, d, 128);
                let ordered = matches!(t, Ty::Int | Ty::Float | Ty::Str | Ty::Bytes | Ty::Bool);
                let op = if ordered {
                    *self.e.pick(&[
                        Cmpop::Eq,
                        Cmpop::NotEq,
                        Cmpop::Lt,
                        Cmpop::LtE,
                        Cmpop::Gt,
                        Cmpop::GtE,
                    ])
                } else {
                    *self.e.pick(&[Cmpop::Eq, Cmpop::NotEq])
                };
                if ordered && self.e.chance(1, 4) {
                    let (c, _) = self.expr(&t, d, 128);
                    let op2 = *self.e.pick(&[Cmpop::Lt, Cmpop::LtE, Cmpop::Eq]);
                    return cmp_chain(a, vec![(op, b), (op2, c)]);
                }
                cmp(a, op, b)
            }
            3 => {
                let op = *self.e.pick(&[Boolop::And, Boolop::Or]);
                let a = self.bool_expr(d);
                let b = self.bool_expr(d);
                boolop(op, vec![a, b])
            }
            4 => not(self.bool_expr(d)),
            5 => {
                let t = self.scalar_elem();
                let coll = if self.e.chance(1, 2) {
                    Ty::list(t.clone())
                } else {
                    Ty::set(Ty::Int)
                };
                let elem = coll.elem().unwrap_or(Ty::Int);
                let (x, _) = self.expr(&elem, d, 64);
                let (c, _) = self.expr(&coll, d, 20);
                let op = *self.e.pick(&[Cmpop::In, Cmpop::NotIn]);
                cmp(x, op, c)
            }
            6 => {
                self.tag(Feature::Builtins);
                let t = self.value_ty(true);
                let (x, _) = self.expr(&t, d, 64);
                let cls = *self.e.pick(&[
                    "int", "str", "float", "list", "tuple", "dict", "bool", "object", "complex",
                    "bytes",
                ]);
                fcall("isinstance", vec![x, name(cls)])
            }
            7 => {
                let (s, _) = self.str_expr(d, 40);
                let m = *self.e.pick(&[
                    "isdigit",
                    "isalpha",
                    "isspace",
                    "isupper",
                    "islower",
                    "isidentifier",
                    "isprintable",
                    "isascii",
                    "isdecimal",
                    "isnumeric",
                    "istitle",
                    "isalnum",
                ]);
                method(s, m, vec![])
            }
            _ => {
                self.tag(Feature::Builtins);
                let t = self.value_ty(true);
                let (x, _) = self.expr(&t, d, 64);
                match self.e.below(3) {
                    0 => fcall("bool", vec![x]),
                    1 => fcall("callable", vec![x]),
                    // `!=`, not `is not`: a literal left of `is` warns at compile time.
                    _ => cmp(x, Cmpop::NotEq, none()),
                }
            }
        }
    }

    pub fn float_expr(&mut self, depth: u32) -> Expr {
        self.tag(Feature::Floats);
        if depth == 0 || self.e.chance(1, 4) {
            if self.e.chance(1, 2)
                && let Some(v) = self.leaf_var(&Ty::Float, 0)
            {
                return v.0;
            }
            return self.float_literal();
        }
        let d = depth - 1;
        match self.e.below(11) {
            0 => self.float_literal(),
            1..=3 => {
                let op = *self.e.pick(&[
                    Operator::Add,
                    Operator::Sub,
                    Operator::Mult,
                    Operator::Div,
                    Operator::Mod,
                    Operator::FloorDiv,
                ]);
                let a = self.float_expr(d);
                let b = if matches!(op, Operator::Div | Operator::Mod | Operator::FloorDiv)
                    && self.e.chance(3, 4)
                {
                    float(*self.e.pick(&[2.0, 0.5, 3.0, -1.25, 1e-3, 7.0]))
                } else {
                    self.float_expr(d)
                };
                binop(a, op, b)
            }
            4 => {
                let a = self.float_expr(d);
                let k = float(*self.e.pick(&[0.5, 2.0, 3.0, -1.0, 0.0, 10.0, 1e3, -0.5]));
                binop(a, Operator::Pow, k)
            }
            5 => {
                let (a, _) = self.int_expr(d, 200);
                let (b, _) = self.nonzero_int(d, 64);
                binop(a, Operator::Div, b)
            }
            6 => {
                self.tag(Feature::Builtins);
                match self.e.below(4) {
                    0 => {
                        let (a, _) = self.int_expr(d, 1100);
                        fcall("float", vec![a])
                    }
                    1 => {
                        let s = *self.e.pick(&[
                            "1e5", " -3.5 ", "inf", "-nan", "-0", "1_0.5", "0x10", "1e400", "  .5",
                            "NaN", "infinity", "1e-400",
                        ]);
                        fcall("float", vec![str_(s)])
                    }
                    2 => {
                        let a = self.float_expr(d);
                        let n = self.e.range(-2, 6);
                        fcall("round", vec![a, int(n)])
                    }
                    _ => {
                        let a = self.float_expr(d);
                        fcall("abs", vec![a])
                    }
                }
            }
            7 => {
                self.imports.insert("math");
                let a = self.float_expr(d);
                match self.e.below(8) {
                    0 => method(name("math"), "sqrt", vec![fcall("abs", vec![a])]),
                    1 => {
                        let b = self.float_expr(d);
                        method(name("math"), "copysign", vec![a, b])
                    }
                    2 => method(name("math"), "fabs", vec![a]),
                    3 => {
                        let b = self.float_expr(d);
                        method(name("math"), "hypot", vec![a, b])
                    }
                    4 => attr(
                        name("math"),
                        *self.e.pick(&["pi", "e", "tau", "inf", "nan"]),
                    ),
                    5 => {
                        let (l, _) = self.list_expr(&Ty::Float, d, 8);
                        method(name("math"), "fsum", vec![l])
                    }
                    6 => method(name("math"), "fmod", vec![a, float(2.5)]),
                    _ => method(
                        name("math"),
                        "ldexp",
                        vec![a, int(self.e.range(-1100, 1100))],
                    ),
                }
            }
            8 => {
                let c = self.complex_expr(d);
                let part = *self.e.pick(&["real", "imag"]);
                attr(c, part)
            }
            9 => {
                let t = self.bool_expr(d);
                let a = self.float_expr(d);
                let b = self.float_expr(d);
                ifexp(t, a, b)
            }
            _ => {
                let a = self.float_expr(d);
                neg(a)
            }
        }
    }

    pub fn complex_expr(&mut self, depth: u32) -> Expr {
        self.tag(Feature::Complex);
        if depth == 0 || self.e.chance(1, 3) {
            if self.e.chance(1, 2)
                && let Some(v) = self.leaf_var(&Ty::Complex, 0)
            {
                return v.0;
            }
            let im = *self.e.pick(&[1.0, 2.5, 0.0, -3.0, 1e300, 0.1]);
            let re = self.e.range(-5, 5);
            if re == 0 {
                return imag(im);
            }
            return binop(int(re), Operator::Add, imag(im));
        }
        let d = depth - 1;
        match self.e.below(5) {
            0 => {
                let op =
                    *self
                        .e
                        .pick(&[Operator::Add, Operator::Sub, Operator::Mult, Operator::Div]);
                let a = self.complex_expr(d);
                let b = self.complex_expr(d);
                binop(a, op, b)
            }
            1 => {
                let a = self.float_expr(d);
                let b = self.float_expr(d);
                fcall("complex", vec![a, b])
            }
            2 => {
                let a = self.complex_expr(d);
                method(a, "conjugate", vec![])
            }
            3 => {
                let a = self.complex_expr(d);
                let k = self.e.range(0, 4);
                binop(a, Operator::Pow, int(k))
            }
            _ => {
                let s = *self
                    .e
                    .pick(&["1+2j", "-3j", "(1-1j)", " 2.5 ", "inf+nanj", "1e400j"]);
                fcall("complex", vec![str_(s)])
            }
        }
    }

    pub fn none_expr(&mut self, depth: u32) -> Expr {
        self.tag(Feature::NoneValue);
        if depth == 0 || self.e.chance(1, 2) {
            return none();
        }
        match self.e.below(3) {
            0 => {
                let (d, _) = self.dict_expr(&Ty::Str, &Ty::Int, depth - 1, 6);
                method(d, "get", vec![str_("missing")])
            }
            1 => {
                let (l, _) = self.list_expr(&Ty::Int, depth - 1, 6);
                method(l, "sort", vec![])
            }
            _ => none(),
        }
    }

    /// A str expression at most `max` characters long.
    pub fn str_expr(&mut self, depth: u32, max: u32) -> Sized {
        self.tag(Feature::Strings);
        let max = max.max(24);
        if depth == 0 || self.e.chance(1, 4) {
            if self.e.chance(1, 2)
                && let Some(v) = self.leaf_var(&Ty::Str, max)
            {
                return v;
            }
            return self.str_literal();
        }
        let d = depth - 1;
        match self.e.below(14) {
            0 => self.str_literal(),
            1 => {
                let (a, sa) = self.str_expr(d, max / 2);
                let (b, sb) = self.str_expr(d, max / 2);
                (binop(a, Operator::Add, b), sa + sb)
            }
            2 => {
                let (a, sa) = self.str_expr(d, max / 4);
                let k = self.e.range(-1, 4);
                (binop(a, Operator::Mult, int(k)), sa * k.max(0) as u32)
            }
            3 => {
                self.tag(Feature::Builtins);
                let t = self.value_ty(true);
                let (x, sx) = self.expr(&t, d, (max / 2).min(300));
                let f = *self.e.pick(&["str", "repr", "ascii"]);
                (fcall(f, vec![x]), self.repr_bound(&t, sx))
            }
            4 => {
                let (s, ss) = self.str_expr(d, max);
                let m = *self.e.pick(&[
                    "upper",
                    "lower",
                    "title",
                    "capitalize",
                    "swapcase",
                    "casefold",
                    "strip",
                    "lstrip",
                    "rstrip",
                    "expandtabs",
                ]);
                let grow = if matches!(
                    m,
                    "upper" | "casefold" | "title" | "capitalize" | "swapcase"
                ) {
                    3
                } else {
                    8
                };
                (method(s, m, vec![]), ss * grow)
            }
            5 => {
                let (s, ss) = self.str_expr(d, max / 3);
                let (a, _) = self.str_literal();
                let (b, sb) = self.str_literal();
                (method(s, "replace", vec![a, b]), ss * (sb + 1) + sb)
            }
            6 => {
                let (s, ss) = self.str_expr(d, max / 2);
                let w = self.e.range(0, 30);
                let m = *self.e.pick(&["center", "ljust", "rjust", "zfill"]);
                let mut args = vec![int(w)];
                if m != "zfill" && self.e.chance(1, 2) {
                    args.push(str_(*self.e.pick(&["*", "-", "é", "0"])));
                }
                (method(s, m, args), ss.max(w as u32))
            }
            7 => {
                let (s, ss) = self.str_expr(d, max);
                let (lo, _) = self.small_int(-6, 6);
                let (hi, _) = self.small_int(-6, 12);
                let step = if self.e.chance(1, 3) {
                    Some(int(*self.e.pick(&[-1i64, 2, -2, 3])))
                } else {
                    None
                };
                (subscript(s, slice(Some(lo), Some(hi), step)), ss)
            }
            8 => {
                let (sep, _) = self.str_literal();
                let (l, sl) = self.list_expr(&Ty::Str, d, max / 8);
                (method(sep, "join", vec![l]), max.min(sl * 8 + 8))
            }
            9 => {
                self.tag(Feature::Builtins);
                let (n, _) = self.int_expr(d, 256);
                let f = *self.e.pick(&["hex", "oct", "bin"]);
                (fcall(f, vec![n]), 270)
            }
            10 => {
                self.tag(Feature::Builtins);
                let cp = *self
                    .e
                    .pick(&[65i64, 0x3b1, 0x1f600, 0, 0x7f, 0xe9, 0xd7ff, 0x10ffff]);
                (fcall("chr", vec![int(cp)]), 1)
            }
            11 => self.format_expr(d, max),
            12 => {
                let (s, ss) = self.str_expr(d, max);
                let (i, _) = self.small_int(-4, 6);
                let _ = ss;
                (subscript(s, i), 1)
            }
            _ => {
                let (b, sb) = self.bytes_expr(d, max);
                let enc = *self.e.pick(&["latin-1", "utf-8", "ascii"]);
                (method(b, "decode", vec![str_(enc)]), sb)
            }
        }
    }

    /// A bound on `len(repr(x))` for a value of `ty` with size bound `size`.
    fn repr_bound(&self, ty: &Ty, size: u32) -> u32 {
        match ty {
            Ty::Int => size / 3 + 3,
            Ty::Float | Ty::Complex => 60,
            Ty::Str | Ty::Bytes => size * 10 + 3,
            Ty::Bool | Ty::NoneT | Ty::Range => 30,
            _ => size * 40 + 200,
        }
    }

    pub fn bytes_expr(&mut self, depth: u32, max: u32) -> Sized {
        self.tag(Feature::Bytes);
        if depth == 0 || self.e.chance(1, 3) {
            if self.e.chance(1, 2)
                && let Some(v) = self.leaf_var(&Ty::Bytes, max)
            {
                return v;
            }
            return self.bytes_literal();
        }
        let d = depth - 1;
        match self.e.below(7) {
            0 => self.bytes_literal(),
            1 => {
                let (s, ss) = self.str_expr(d, max / 4);
                let enc = *self.e.pick(&["utf-8", "latin-1", "utf-16-le", "ascii"]);
                (method(s, "encode", vec![str_(enc)]), ss * 4)
            }
            2 => {
                let (a, sa) = self.bytes_expr(d, max / 2);
                let (b, sb) = self.bytes_expr(d, max / 2);
                (binop(a, Operator::Add, b), sa + sb)
            }
            3 => {
                let n = self.e.range(0, 12);
                (fcall("bytes", vec![fcall("range", vec![int(n)])]), n as u32)
            }
            4 => {
                let (a, sa) = self.bytes_expr(d, max);
                let m = *self.e.pick(&["upper", "lower", "strip", "title"]);
                (method(a, m, vec![]), sa)
            }
            5 => {
                let (a, sa) = self.bytes_expr(d, max / 3);
                let k = self.e.range(0, 3);
                (binop(a, Operator::Mult, int(k)), sa * k as u32)
            }
            _ => {
                let hex = *self.e.pick(&["00ff10", "de ad be ef", "", "7f80"]);
                (method(name("bytes"), "fromhex", vec![str_(hex)]), 4)
            }
        }
    }

    pub fn list_expr(&mut self, t: &Ty, depth: u32, max: u32) -> Sized {
        self.tag(Feature::Lists);
        let lt = Ty::list(t.clone());
        if depth == 0 || self.e.chance(1, 3) {
            if self.e.chance(1, 2)
                && let Some(v) = self.leaf_var(&lt, max)
            {
                return v;
            }
            let n = self.e.range(0, i64::from(max.clamp(1, 5)));
            let elts = (0..n).map(|_| self.expr(t, depth.min(1), 64).0).collect();
            return (list(elts), n as u32);
        }
        let d = depth - 1;
        match self.e.below(8) {
            0 => {
                self.tag(Feature::Comprehensions);
                let src = Ty::list(t.clone());
                let (it, si) = self.expr(&src, d, max);
                let v = self.fresh("x");
                let cond = if self.e.chance(1, 2) {
                    vec![cmp(name(&v), Cmpop::NotEq, self.expr(t, 0, 64).0)]
                } else {
                    vec![]
                };
                (list_comp(name(&v), vec![comp(name(&v), it, cond)]), si)
            }
            1 => {
                let (a, sa) = self.list_expr(t, d, max / 2);
                let (b, sb) = self.list_expr(t, d, max / 2);
                (binop(a, Operator::Add, b), sa + sb)
            }
            2 => {
                self.tag(Feature::Builtins);
                let (a, sa) = self.list_expr(t, d, max);
                let rev = self.e.chance(1, 3);
                if *t == Ty::Float || *t == Ty::Complex {
                    return (fcall("list", vec![fcall("reversed", vec![a])]), sa);
                }
                if rev {
                    (
                        call_kw(
                            name("sorted"),
                            vec![a],
                            vec![(Some("reverse"), boolean(true))],
                        ),
                        sa,
                    )
                } else {
                    (fcall("sorted", vec![a]), sa)
                }
            }
            3 if *t == Ty::Int => {
                self.tag(Feature::Ranges);
                let (r, _) = self.range_expr(d);
                (fcall("list", vec![r]), 40)
            }
            4 if *t == Ty::Str => {
                let (s, ss) = self.str_expr(d, max);
                if self.e.chance(1, 2) {
                    (method(s, "split", vec![]), ss)
                } else {
                    (fcall("list", vec![s]), ss)
                }
            }
            5 => {
                let (a, sa) = self.list_expr(t, d, max);
                let (lo, _) = self.small_int(-3, 3);
                (subscript(a, slice(Some(lo), None, None)), sa)
            }
            6 => {
                let (a, sa) = self.list_expr(t, d, max / 3);
                let k = self.e.range(0, 3);
                (binop(a, Operator::Mult, int(k)), sa * k as u32)
            }
            _ => {
                let n = self.e.range(0, i64::from(max.clamp(1, 4)));
                let elts = (0..n).map(|_| self.expr(t, d, 64).0).collect();
                (list(elts), n as u32)
            }
        }
    }

    pub fn tuple_expr(&mut self, ts: &[Ty], depth: u32, max: u32) -> Sized {
        self.tag(Feature::Tuples);
        let tt = Ty::Tuple(ts.to_vec());
        if self.e.chance(1, 3)
            && let Some(v) = self.leaf_var(&tt, max)
        {
            return v;
        }
        let d = depth.saturating_sub(1);
        let elts = ts.iter().map(|t| self.expr(t, d, 128).0).collect();
        (tuple(elts), ts.len() as u32)
    }

    pub fn dict_expr(&mut self, k: &Ty, v: &Ty, depth: u32, max: u32) -> Sized {
        self.tag(Feature::Dicts);
        let dt = Ty::dict(k.clone(), v.clone());
        if depth == 0 || self.e.chance(1, 3) {
            if self.e.chance(1, 2)
                && let Some(x) = self.leaf_var(&dt, max)
            {
                return x;
            }
            let n = self.e.range(0, i64::from(max.clamp(1, 4)));
            let pairs = (0..n)
                .map(|_| {
                    (
                        Some(self.expr(k, 0, 64).0),
                        self.expr(v, depth.min(1), 64).0,
                    )
                })
                .collect();
            return (dict(pairs), n as u32);
        }
        let d = depth - 1;
        match self.e.below(4) {
            0 => {
                self.tag(Feature::Comprehensions);
                let (src, ss) = self.list_expr(k, d, max);
                let x = self.fresh("k");
                let (val, _) = self.expr(v, 0, 64);
                (
                    super::build::e(refvm_syntax::ast::ExprKind::DictComp {
                        key: Box::new(name(&x)),
                        value: Box::new(val),
                        generators: vec![comp(name(&x), src, vec![])],
                    }),
                    ss,
                )
            }
            1 => {
                self.tag(Feature::Unpacking);
                let (a, sa) = self.dict_expr(k, v, d, max / 2);
                let (b, sb) = self.dict_expr(k, v, d, max / 2);
                (dict(vec![(None, a), (None, b)]), sa + sb)
            }
            2 => {
                let (a, sa) = self.dict_expr(k, v, d, max / 2);
                let (b, sb) = self.dict_expr(k, v, d, max / 2);
                (binop(a, Operator::BitOr, b), sa + sb)
            }
            _ => {
                let (ks, sk) = self.list_expr(k, d, max);
                let (vs, _) = self.list_expr(v, d, max);
                (fcall("dict", vec![fcall("zip", vec![ks, vs])]), sk)
            }
        }
    }

    pub fn set_expr(&mut self, t: &Ty, depth: u32, max: u32) -> Sized {
        self.tag(Feature::Sets);
        let st = Ty::set(t.clone());
        if depth == 0 || self.e.chance(1, 3) {
            if self.e.chance(1, 2)
                && let Some(x) = self.leaf_var(&st, max)
            {
                return x;
            }
            let n = self.e.range(0, i64::from(max.clamp(1, 5)));
            let elts: Vec<Expr> = (0..n).map(|_| self.expr(t, 0, 64).0).collect();
            if elts.is_empty() {
                return (fcall("set", vec![]), 0);
            }
            return (set(elts), n as u32);
        }
        let d = depth - 1;
        match self.e.below(3) {
            0 => {
                let op = *self.e.pick(&[
                    Operator::BitOr,
                    Operator::BitAnd,
                    Operator::Sub,
                    Operator::BitXor,
                ]);
                let (a, sa) = self.set_expr(t, d, max / 2);
                let (b, sb) = self.set_expr(t, d, max / 2);
                (binop(a, op, b), sa + sb)
            }
            1 => {
                let (l, sl) = self.list_expr(t, d, max);
                (fcall("set", vec![l]), sl)
            }
            _ => {
                self.tag(Feature::Comprehensions);
                let (l, sl) = self.list_expr(t, d, max);
                let x = self.fresh("s");
                (
                    super::build::e(refvm_syntax::ast::ExprKind::SetComp {
                        elt: Box::new(name(&x)),
                        generators: vec![comp(name(&x), l, vec![])],
                    }),
                    sl,
                )
            }
        }
    }

    pub fn range_expr(&mut self, depth: u32) -> Sized {
        self.tag(Feature::Ranges);
        let _ = depth;
        let a = self.e.range(-5, 10);
        let b = self.e.range(-5, 20);
        let args = match self.e.below(3) {
            0 => vec![int(b.max(0))],
            1 => vec![int(a), int(b)],
            _ => vec![int(a), int(b), int(*self.e.pick(&[1i64, 2, 3, -1, -2]))],
        };
        (fcall("range", args), 25)
    }

    /// An instance of class `k` (its constructor, fed with leaf values).
    pub fn obj_expr(&mut self, k: usize, depth: u32) -> Sized {
        self.tag(Feature::Classes);
        if self.e.chance(1, 2)
            && let Some(v) = self.leaf_var(&Ty::Obj(k), u32::MAX)
        {
            return v;
        }
        let fields = self.classes[k].fields.clone();
        let cname = self.classes[k].name.clone();
        let args = fields
            .iter()
            .map(|(_, t)| self.expr(t, depth.min(1), 64).0)
            .collect();
        (fcall(&cname, args), 8)
    }

    /// A call of a generated function returning `ty`, if one exists and its cost fits.
    fn call_returning(&mut self, ty: &Ty, depth: u32, max: u32) -> Option<Sized> {
        let cands: Vec<usize> = (0..self.funcs.len())
            .filter(|&i| {
                let f = &self.funcs[i];
                !f.generator
                    && f.ret == *ty
                    && f.ret_size <= max
                    && f.cost.saturating_mul(self.loop_cost) <= super::scope::MAX_COST
            })
            .collect();
        if cands.is_empty() {
            return None;
        }
        let i = *self.e.pick(&cands);
        let f = self.funcs[i].clone();
        self.tag(Feature::Functions);
        self.note_call_cost(f.cost);
        let args = f
            .params
            .iter()
            .map(|(_, t, size)| self.expr(t, depth - 1, *size).0)
            .collect();
        Some((fcall(&f.name, args), f.ret_size))
    }
}
