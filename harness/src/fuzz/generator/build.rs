//! Terse constructors for AST nodes (positions left at zero: the unparser ignores them
//! and the engines see only the source). Negative numbers are built as the parser
//! builds them, `UnaryOp(USub, Constant)`, so a tree survives source → parse unchanged.

use num_bigint::BigInt;
use refvm_common::PyStr;
use refvm_syntax::ast::{
    Arg, Arguments, Boolop, Cmpop, Comprehension, Constant, ExceptHandler, Expr, ExprContext,
    ExprKind, Identifier, Keyword, Location, MatchCase, Operator, Pattern, PatternKind, Stmt,
    StmtKind, Unaryop, Withitem,
};

pub fn e(node: ExprKind) -> Expr {
    Expr::new(node, Location::default())
}

pub fn s(node: StmtKind) -> Stmt {
    Stmt::new(node, Location::default())
}

pub fn id(name: &str) -> Identifier {
    Identifier::new(name)
}

pub fn name(n: &str) -> Expr {
    e(ExprKind::Name {
        id: id(n),
        ctx: ExprContext::Load,
    })
}

/// The same expression as an assignment target (`Store` all the way down).
pub fn store(mut x: Expr) -> Expr {
    set_ctx(&mut x, ExprContext::Store);
    x
}

fn set_ctx(x: &mut Expr, c: ExprContext) {
    match &mut x.node {
        ExprKind::Name { ctx, .. }
        | ExprKind::Attribute { ctx, .. }
        | ExprKind::Subscript { ctx, .. } => *ctx = c,
        ExprKind::Starred { ctx, value } => {
            *ctx = c;
            set_ctx(value, c);
        }
        ExprKind::List { ctx, elts } | ExprKind::Tuple { ctx, elts } => {
            *ctx = c;
            for el in elts {
                set_ctx(el, c);
            }
        }
        _ => {}
    }
}

pub fn konst(c: Constant) -> Expr {
    e(ExprKind::Constant {
        value: c,
        kind: None,
    })
}

pub fn int(i: impl Into<BigInt>) -> Expr {
    let i: BigInt = i.into();
    if i < BigInt::from(0) {
        return neg(konst(Constant::Int(-i)));
    }
    konst(Constant::Int(i))
}

/// A float literal; `inf`/`nan` become `float('inf')`/`float('nan')` (no literal spells them).
pub fn float(x: f64) -> Expr {
    if x.is_nan() {
        return call(name("float"), vec![str_("nan")]);
    }
    if x.is_infinite() {
        let s = if x > 0.0 { "inf" } else { "-inf" };
        return call(name("float"), vec![str_(s)]);
    }
    if x.is_sign_negative() {
        return neg(konst(Constant::Float(-x)));
    }
    konst(Constant::Float(x))
}

pub fn imag(x: f64) -> Expr {
    konst(Constant::Complex { real: 0.0, imag: x })
}

pub fn str_(v: &str) -> Expr {
    konst(Constant::Str(PyStr::from(v)))
}

pub fn bytes_(b: &[u8]) -> Expr {
    konst(Constant::Bytes(b.to_vec()))
}

pub fn none() -> Expr {
    konst(Constant::None)
}

pub fn boolean(b: bool) -> Expr {
    konst(Constant::Bool(b))
}

pub fn call(f: Expr, args: Vec<Expr>) -> Expr {
    e(ExprKind::Call {
        func: Box::new(f),
        args,
        keywords: Vec::new(),
    })
}

pub fn call_kw(f: Expr, args: Vec<Expr>, kws: Vec<(Option<&str>, Expr)>) -> Expr {
    e(ExprKind::Call {
        func: Box::new(f),
        args,
        keywords: kws
            .into_iter()
            .map(|(k, v)| Keyword {
                arg: k.map(id),
                value: Box::new(v),
                loc: Location::default(),
            })
            .collect(),
    })
}

/// `f(args)` for a builtin or any name.
pub fn fcall(f: &str, args: Vec<Expr>) -> Expr {
    call(name(f), args)
}

pub fn attr(v: Expr, a: &str) -> Expr {
    e(ExprKind::Attribute {
        value: Box::new(v),
        attr: id(a),
        ctx: ExprContext::Load,
    })
}

pub fn method(v: Expr, m: &str, args: Vec<Expr>) -> Expr {
    call(attr(v, m), args)
}

pub fn binop(l: Expr, op: Operator, r: Expr) -> Expr {
    e(ExprKind::BinOp {
        left: Box::new(l),
        op,
        right: Box::new(r),
    })
}

pub fn unary(op: Unaryop, x: Expr) -> Expr {
    e(ExprKind::UnaryOp {
        op,
        operand: Box::new(x),
    })
}

pub fn neg(x: Expr) -> Expr {
    unary(Unaryop::USub, x)
}

pub fn not(x: Expr) -> Expr {
    unary(Unaryop::Not, x)
}

pub fn cmp(l: Expr, op: Cmpop, r: Expr) -> Expr {
    e(ExprKind::Compare {
        left: Box::new(l),
        ops: vec![op],
        comparators: vec![r],
    })
}

pub fn cmp_chain(l: Expr, rest: Vec<(Cmpop, Expr)>) -> Expr {
    let (ops, comparators) = rest.into_iter().unzip();
    e(ExprKind::Compare {
        left: Box::new(l),
        ops,
        comparators,
    })
}

pub fn boolop(op: Boolop, values: Vec<Expr>) -> Expr {
    e(ExprKind::BoolOp { op, values })
}

pub fn ifexp(test: Expr, body: Expr, orelse: Expr) -> Expr {
    e(ExprKind::IfExp {
        test: Box::new(test),
        body: Box::new(body),
        orelse: Box::new(orelse),
    })
}

pub fn list(elts: Vec<Expr>) -> Expr {
    e(ExprKind::List {
        elts,
        ctx: ExprContext::Load,
    })
}

pub fn tuple(elts: Vec<Expr>) -> Expr {
    e(ExprKind::Tuple {
        elts,
        ctx: ExprContext::Load,
    })
}

pub fn set(elts: Vec<Expr>) -> Expr {
    e(ExprKind::Set { elts })
}

pub fn dict(pairs: Vec<(Option<Expr>, Expr)>) -> Expr {
    let (keys, values) = pairs.into_iter().unzip();
    e(ExprKind::Dict { keys, values })
}

pub fn starred(x: Expr) -> Expr {
    e(ExprKind::Starred {
        value: Box::new(x),
        ctx: ExprContext::Load,
    })
}

pub fn subscript(v: Expr, index: Expr) -> Expr {
    e(ExprKind::Subscript {
        value: Box::new(v),
        slice: Box::new(index),
        ctx: ExprContext::Load,
    })
}

pub fn slice(lo: Option<Expr>, hi: Option<Expr>, step: Option<Expr>) -> Expr {
    e(ExprKind::Slice {
        lower: lo.map(Box::new),
        upper: hi.map(Box::new),
        step: step.map(Box::new),
    })
}

pub fn lambda(params: &[&str], body: Expr) -> Expr {
    e(ExprKind::Lambda {
        args: Box::new(params_of(params)),
        body: Box::new(body),
    })
}

pub fn comp(target: Expr, iter: Expr, ifs: Vec<Expr>) -> Comprehension {
    Comprehension {
        target: Box::new(store(target)),
        iter: Box::new(iter),
        ifs,
        is_async: 0,
    }
}

pub fn list_comp(elt: Expr, gens: Vec<Comprehension>) -> Expr {
    e(ExprKind::ListComp {
        elt: Box::new(elt),
        generators: gens,
    })
}

pub fn fstring(values: Vec<Expr>) -> Expr {
    e(ExprKind::JoinedStr { values })
}

/// `{value!conv:spec}` inside an f-string (`conv`: -1, 's', 'r' or 'a' as CPython codes it).
pub fn fvalue(value: Expr, conversion: i32, spec: Option<Expr>) -> Expr {
    e(ExprKind::FormattedValue {
        value: Box::new(value),
        conversion,
        format_spec: spec.map(Box::new),
    })
}

pub fn arg(n: &str) -> Arg {
    Arg {
        arg: id(n),
        annotation: None,
        type_comment: None,
        loc: Location::default(),
    }
}

pub fn params_of(names: &[&str]) -> Arguments {
    Arguments {
        posonlyargs: Vec::new(),
        args: names.iter().map(|n| arg(n)).collect(),
        vararg: None,
        kwonlyargs: Vec::new(),
        kw_defaults: Vec::new(),
        kwarg: None,
        defaults: Vec::new(),
    }
}

// --- statements -----------------------------------------------------------------

pub fn assign(target: Expr, value: Expr) -> Stmt {
    s(StmtKind::Assign {
        targets: vec![store(target)],
        value: Box::new(value),
        type_comment: None,
    })
}

pub fn assign_to(n: &str, value: Expr) -> Stmt {
    assign(name(n), value)
}

pub fn aug(target: Expr, op: Operator, value: Expr) -> Stmt {
    s(StmtKind::AugAssign {
        target: Box::new(store(target)),
        op,
        value: Box::new(value),
    })
}

pub fn expr_stmt(x: Expr) -> Stmt {
    s(StmtKind::Expr { value: Box::new(x) })
}

pub fn print(args: Vec<Expr>) -> Stmt {
    expr_stmt(fcall("print", args))
}

pub fn print_kw(args: Vec<Expr>, kws: Vec<(Option<&str>, Expr)>) -> Stmt {
    expr_stmt(call_kw(name("print"), args, kws))
}

pub fn if_(test: Expr, body: Vec<Stmt>, orelse: Vec<Stmt>) -> Stmt {
    s(StmtKind::If {
        test: Box::new(test),
        body,
        orelse,
    })
}

pub fn for_(target: Expr, iter: Expr, body: Vec<Stmt>, orelse: Vec<Stmt>) -> Stmt {
    s(StmtKind::For {
        target: Box::new(store(target)),
        iter: Box::new(iter),
        body,
        orelse,
        type_comment: None,
    })
}

pub fn while_(test: Expr, body: Vec<Stmt>, orelse: Vec<Stmt>) -> Stmt {
    s(StmtKind::While {
        test: Box::new(test),
        body,
        orelse,
    })
}

pub fn def(n: &str, args: Arguments, body: Vec<Stmt>) -> Stmt {
    def_decorated(n, args, body, Vec::new())
}

pub fn def_decorated(n: &str, args: Arguments, body: Vec<Stmt>, decorators: Vec<Expr>) -> Stmt {
    s(StmtKind::FunctionDef {
        name: id(n),
        args: Box::new(args),
        body,
        decorator_list: decorators,
        returns: None,
        type_comment: None,
    })
}

pub fn class(n: &str, bases: Vec<Expr>, body: Vec<Stmt>) -> Stmt {
    s(StmtKind::ClassDef {
        name: id(n),
        bases,
        keywords: Vec::new(),
        body,
        decorator_list: Vec::new(),
    })
}

pub fn ret(x: Expr) -> Stmt {
    s(StmtKind::Return {
        value: Some(Box::new(x)),
    })
}

pub fn pass() -> Stmt {
    s(StmtKind::Pass)
}

pub fn brk() -> Stmt {
    s(StmtKind::Break)
}

pub fn cont() -> Stmt {
    s(StmtKind::Continue)
}

pub fn raise(x: Expr, cause: Option<Expr>) -> Stmt {
    s(StmtKind::Raise {
        exc: Some(Box::new(x)),
        cause: cause.map(Box::new),
    })
}

pub fn reraise() -> Stmt {
    s(StmtKind::Raise {
        exc: None,
        cause: None,
    })
}

pub fn del(targets: Vec<Expr>) -> Stmt {
    s(StmtKind::Delete {
        targets: targets
            .into_iter()
            .map(|mut t| {
                set_ctx(&mut t, ExprContext::Del);
                t
            })
            .collect(),
    })
}

pub fn handler(ty: Option<Expr>, n: Option<&str>, body: Vec<Stmt>) -> ExceptHandler {
    ExceptHandler {
        type_: ty.map(Box::new),
        name: n.map(id),
        body,
        loc: Location::default(),
    }
}

pub fn try_(
    body: Vec<Stmt>,
    handlers: Vec<ExceptHandler>,
    orelse: Vec<Stmt>,
    finalbody: Vec<Stmt>,
) -> Stmt {
    s(StmtKind::Try {
        body,
        handlers,
        orelse,
        finalbody,
    })
}

/// `print(type(e).__name__, e)`: how every caught exception is reported.
pub fn print_exc(var: &str) -> Stmt {
    print(vec![
        attr(fcall("type", vec![name(var)]), "__name__"),
        name(var),
    ])
}

/// `try: body` / `except Exception as e: print(type(e).__name__, e)`.
pub fn guarded(body: Vec<Stmt>) -> Stmt {
    try_(
        body,
        vec![handler(
            Some(name("Exception")),
            Some("e"),
            vec![print_exc("e")],
        )],
        Vec::new(),
        Vec::new(),
    )
}

pub fn with_(items: Vec<(Expr, Option<Expr>)>, body: Vec<Stmt>) -> Stmt {
    s(StmtKind::With {
        items: items
            .into_iter()
            .map(|(c, v)| Withitem {
                context_expr: Box::new(c),
                optional_vars: v.map(|v| Box::new(store(v))),
            })
            .collect(),
        body,
        type_comment: None,
    })
}

pub fn global(names: &[&str]) -> Stmt {
    s(StmtKind::Global {
        names: names.iter().map(|n| id(n)).collect(),
    })
}

pub fn nonlocal(names: &[&str]) -> Stmt {
    s(StmtKind::Nonlocal {
        names: names.iter().map(|n| id(n)).collect(),
    })
}

pub fn import(module: &str) -> Stmt {
    s(StmtKind::Import {
        names: vec![refvm_syntax::ast::Alias {
            name: id(module),
            asname: None,
            loc: Location::default(),
        }],
    })
}

// --- match --------------------------------------------------------------------------

pub fn pat(node: PatternKind) -> Pattern {
    Pattern::new(node, Location::default())
}

pub fn match_(subject: Expr, cases: Vec<MatchCase>) -> Stmt {
    s(StmtKind::Match {
        subject: Box::new(subject),
        cases,
    })
}

pub fn case(p: Pattern, guard: Option<Expr>, body: Vec<Stmt>) -> MatchCase {
    MatchCase {
        pattern: Box::new(p),
        guard: guard.map(Box::new),
        body,
    }
}

pub fn p_capture(n: Option<&str>) -> Pattern {
    pat(PatternKind::MatchAs {
        pattern: None,
        name: n.map(id),
    })
}

pub fn p_value(x: Expr) -> Pattern {
    pat(PatternKind::MatchValue { value: Box::new(x) })
}
