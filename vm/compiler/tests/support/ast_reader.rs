//! Reads the AST serialisation `oracle.py` writes (CPython's own `ast.parse` result)
//! into refvm's AST types, so the compiler can be tested independently of refvm's
//! parser.
//!
//! Format: a node is `(Name ` then its fields in `_fields` order then its location
//! attributes, then `)`; a list is `[` … `]`; `N` is None; `s<n>:<bytes>` a str,
//! `b<n>:<bytes>` bytes, `i<int>;` an int, `f<hex bits>;` a float, `c<hex>,<hex>;` a
//! complex; `T`/`F`/`E` are True, False and Ellipsis.

use num_bigint::BigInt;
use refvm_common::PyStr;
use refvm_syntax::ast::*;

/// A generic node of the serialisation.
#[derive(Debug, Clone)]
enum T {
    Node(String, Vec<T>),
    List(Vec<T>),
    None,
    Str(Vec<u8>),
    Bytes(Vec<u8>),
    Int(BigInt),
    Float(f64),
    Complex(f64, f64),
    True,
    False,
    Ellipsis,
}

struct Parser<'a> {
    b: &'a [u8],
    i: usize,
}

type R<X> = Result<X, String>;

impl Parser<'_> {
    fn err<X>(&self, what: &str) -> R<X> {
        Err(format!("ast_reader: {what} at byte {}", self.i))
    }

    fn until(&mut self, stop: u8) -> R<&[u8]> {
        let start = self.i;
        while self.i < self.b.len() && self.b[self.i] != stop {
            self.i += 1;
        }
        if self.i >= self.b.len() {
            return self.err("unterminated token");
        }
        let s = &self.b[start..self.i];
        self.i += 1;
        Ok(s)
    }

    fn len_bytes(&mut self) -> R<Vec<u8>> {
        let n: usize = std::str::from_utf8(self.until(b':')?)
            .map_err(|e| e.to_string())?
            .parse()
            .map_err(|e: std::num::ParseIntError| e.to_string())?;
        if self.i + n > self.b.len() {
            return self.err("truncated string");
        }
        let v = self.b[self.i..self.i + n].to_vec();
        self.i += n;
        Ok(v)
    }

    /// Parses one value without recursion (the tree may be deep).
    fn value(&mut self) -> R<T> {
        // Stack of open containers: (node name or None for a list, items).
        let mut stack: Vec<(Option<String>, Vec<T>)> = Vec::new();
        loop {
            let Some(&c) = self.b.get(self.i) else {
                return self.err("unexpected end");
            };
            self.i += 1;
            let done: T = match c {
                b'(' => {
                    let name = String::from_utf8_lossy(self.until(b' ')?).into_owned();
                    stack.push((Some(name), Vec::new()));
                    continue;
                }
                b'[' => {
                    stack.push((None, Vec::new()));
                    continue;
                }
                b')' | b']' => {
                    let Some((name, items)) = stack.pop() else {
                        return self.err("unbalanced close");
                    };
                    match name {
                        Some(n) => T::Node(n, items),
                        None => T::List(items),
                    }
                }
                b'N' => T::None,
                b'T' => T::True,
                b'F' => T::False,
                b'E' => T::Ellipsis,
                b's' => T::Str(self.len_bytes()?),
                b'b' => T::Bytes(self.len_bytes()?),
                b'i' => {
                    let s = std::str::from_utf8(self.until(b';')?).map_err(|e| e.to_string())?;
                    T::Int(s.parse().map_err(|_| format!("bad int {s}"))?)
                }
                b'f' => {
                    let s = std::str::from_utf8(self.until(b';')?).map_err(|e| e.to_string())?;
                    T::Float(f64::from_bits(
                        u64::from_str_radix(s, 16).map_err(|e| e.to_string())?,
                    ))
                }
                b'c' => {
                    let s = std::str::from_utf8(self.until(b';')?).map_err(|e| e.to_string())?;
                    let (a, b) = s.split_once(',').ok_or("bad complex")?;
                    T::Complex(
                        f64::from_bits(u64::from_str_radix(a, 16).map_err(|e| e.to_string())?),
                        f64::from_bits(u64::from_str_radix(b, 16).map_err(|e| e.to_string())?),
                    )
                }
                _ => return self.err(&format!("unexpected byte {c:#x}")),
            };
            match stack.last_mut() {
                Some((_, items)) => items.push(done),
                None => return Ok(done),
            }
        }
    }
}

fn node(t: T) -> R<(String, Vec<T>)> {
    match t {
        T::Node(n, items) => Ok((n, items)),
        other => Err(format!("expected a node, got {other:?}")),
    }
}

fn list(t: T) -> R<Vec<T>> {
    match t {
        T::List(items) => Ok(items),
        other => Err(format!("expected a list, got {other:?}")),
    }
}

fn ident(t: T) -> R<Identifier> {
    match t {
        T::Str(b) => Ok(Identifier::new(
            &String::from_utf8(b).map_err(|e| e.to_string())?,
        )),
        other => Err(format!("expected an identifier, got {other:?}")),
    }
}

fn opt_ident(t: T) -> R<Option<Identifier>> {
    match t {
        T::None => Ok(None),
        t => ident(t).map(Some),
    }
}

fn string(t: T) -> R<Option<String>> {
    match t {
        T::None => Ok(None),
        T::Str(b) => Ok(Some(String::from_utf8_lossy(&b).into_owned())),
        other => Err(format!("expected a str, got {other:?}")),
    }
}

fn int(t: T) -> R<i64> {
    match t {
        T::Int(i) => i64::try_from(i).map_err(|e| e.to_string()),
        other => Err(format!("expected an int, got {other:?}")),
    }
}

fn opt_int(t: T) -> R<Option<i32>> {
    match t {
        T::None => Ok(None),
        t => Ok(Some(int(t)? as i32)),
    }
}

fn constant(t: T) -> R<Constant> {
    Ok(match t {
        T::None => Constant::None,
        T::True => Constant::Bool(true),
        T::False => Constant::Bool(false),
        T::Ellipsis => Constant::Ellipsis,
        T::Int(i) => Constant::Int(i),
        T::Float(f) => Constant::Float(f),
        T::Complex(re, im) => Constant::Complex { real: re, imag: im },
        T::Str(b) => Constant::Str(PyStr::from_surrogatepass_utf8(b).map_err(|e| e.to_string())?),
        T::Bytes(b) => Constant::Bytes(b),
        other => return Err(format!("expected a constant, got {other:?}")),
    })
}

/// Splits off the trailing location attributes of a node's items.
fn take_loc(items: &mut Vec<T>) -> R<Location> {
    if items.len() < 4 {
        return Err("missing location".into());
    }
    let end_col = int(items.pop().ok_or("loc")?)? as u32;
    let end_line = int(items.pop().ok_or("loc")?)? as u32;
    let col = int(items.pop().ok_or("loc")?)? as u32;
    let line = int(items.pop().ok_or("loc")?)? as u32;
    Ok(Location {
        lineno: line,
        col_offset: col,
        end_lineno: end_line,
        end_col_offset: end_col,
    })
}

struct Fields(std::vec::IntoIter<T>);

impl Fields {
    fn next(&mut self) -> R<T> {
        self.0.next().ok_or_else(|| "missing field".to_string())
    }
    fn expr(&mut self) -> R<Box<Expr>> {
        Ok(Box::new(expr(self.next()?)?))
    }
    fn opt_expr(&mut self) -> R<Option<Box<Expr>>> {
        match self.next()? {
            T::None => Ok(None),
            t => Ok(Some(Box::new(expr(t)?))),
        }
    }
    fn exprs(&mut self) -> R<Vec<Expr>> {
        list(self.next()?)?.into_iter().map(expr).collect()
    }
    /// A list that may hold None (`kw_defaults`, `Dict.keys`).
    fn opt_exprs(&mut self) -> R<Vec<Option<Expr>>> {
        list(self.next()?)?
            .into_iter()
            .map(|t| match t {
                T::None => Ok(None),
                t => expr(t).map(Some),
            })
            .collect()
    }
    fn stmts(&mut self) -> R<Vec<Stmt>> {
        list(self.next()?)?.into_iter().map(stmt).collect()
    }
    fn ident(&mut self) -> R<Identifier> {
        ident(self.next()?)
    }
    fn opt_ident(&mut self) -> R<Option<Identifier>> {
        opt_ident(self.next()?)
    }
    fn idents(&mut self) -> R<Vec<Identifier>> {
        list(self.next()?)?.into_iter().map(ident).collect()
    }
    fn string(&mut self) -> R<Option<String>> {
        string(self.next()?)
    }
    fn int(&mut self) -> R<i32> {
        Ok(int(self.next()?)? as i32)
    }
    fn ctx(&mut self) -> R<ExprContext> {
        let (n, _) = node(self.next()?)?;
        Ok(match n.as_str() {
            "Load" => ExprContext::Load,
            "Store" => ExprContext::Store,
            "Del" => ExprContext::Del,
            other => return Err(format!("bad ctx {other}")),
        })
    }
    fn name(&mut self) -> R<String> {
        Ok(node(self.next()?)?.0)
    }
}

fn operator(n: &str) -> R<Operator> {
    Ok(match n {
        "Add" => Operator::Add,
        "Sub" => Operator::Sub,
        "Mult" => Operator::Mult,
        "MatMult" => Operator::MatMult,
        "Div" => Operator::Div,
        "Mod" => Operator::Mod,
        "Pow" => Operator::Pow,
        "LShift" => Operator::LShift,
        "RShift" => Operator::RShift,
        "BitOr" => Operator::BitOr,
        "BitXor" => Operator::BitXor,
        "BitAnd" => Operator::BitAnd,
        "FloorDiv" => Operator::FloorDiv,
        other => return Err(format!("bad operator {other}")),
    })
}

fn cmpop(n: &str) -> R<Cmpop> {
    Ok(match n {
        "Eq" => Cmpop::Eq,
        "NotEq" => Cmpop::NotEq,
        "Lt" => Cmpop::Lt,
        "LtE" => Cmpop::LtE,
        "Gt" => Cmpop::Gt,
        "GtE" => Cmpop::GtE,
        "Is" => Cmpop::Is,
        "IsNot" => Cmpop::IsNot,
        "In" => Cmpop::In,
        "NotIn" => Cmpop::NotIn,
        other => return Err(format!("bad cmpop {other}")),
    })
}

fn arg(t: T) -> R<Arg> {
    let (_, mut items) = node(t)?;
    let loc = take_loc(&mut items)?;
    let mut f = Fields(items.into_iter());
    Ok(Arg {
        arg: f.ident()?,
        annotation: f.opt_expr()?,
        type_comment: f.string()?,
        loc,
    })
}

fn opt_arg(t: T) -> R<Option<Box<Arg>>> {
    match t {
        T::None => Ok(None),
        t => Ok(Some(Box::new(arg(t)?))),
    }
}

fn arguments(t: T) -> R<Box<Arguments>> {
    let (_, items) = node(t)?;
    let mut f = Fields(items.into_iter());
    Ok(Box::new(Arguments {
        posonlyargs: list(f.next()?)?.into_iter().map(arg).collect::<R<_>>()?,
        args: list(f.next()?)?.into_iter().map(arg).collect::<R<_>>()?,
        vararg: opt_arg(f.next()?)?,
        kwonlyargs: list(f.next()?)?.into_iter().map(arg).collect::<R<_>>()?,
        kw_defaults: f.opt_exprs()?,
        kwarg: opt_arg(f.next()?)?,
        defaults: f.exprs()?,
    }))
}

fn keyword(t: T) -> R<Keyword> {
    let (_, mut items) = node(t)?;
    let loc = take_loc(&mut items)?;
    let mut f = Fields(items.into_iter());
    Ok(Keyword {
        arg: f.opt_ident()?,
        value: f.expr()?,
        loc,
    })
}

fn alias(t: T) -> R<Alias> {
    let (_, mut items) = node(t)?;
    let loc = take_loc(&mut items)?;
    let mut f = Fields(items.into_iter());
    Ok(Alias {
        name: f.ident()?,
        asname: f.opt_ident()?,
        loc,
    })
}

fn comprehension(t: T) -> R<Comprehension> {
    let (_, items) = node(t)?;
    let mut f = Fields(items.into_iter());
    Ok(Comprehension {
        target: f.expr()?,
        iter: f.expr()?,
        ifs: f.exprs()?,
        is_async: f.int()?,
    })
}

fn handler(t: T) -> R<ExceptHandler> {
    let (_, mut items) = node(t)?;
    let loc = take_loc(&mut items)?;
    let mut f = Fields(items.into_iter());
    Ok(ExceptHandler {
        type_: f.opt_expr()?,
        name: f.opt_ident()?,
        body: f.stmts()?,
        loc,
    })
}

fn withitem(t: T) -> R<Withitem> {
    let (_, items) = node(t)?;
    let mut f = Fields(items.into_iter());
    Ok(Withitem {
        context_expr: f.expr()?,
        optional_vars: f.opt_expr()?,
    })
}

fn pattern(t: T) -> R<Pattern> {
    stacker::maybe_grow(64 * 1024, 1024 * 1024, || pattern_inner(t))
}

fn pattern_inner(t: T) -> R<Pattern> {
    let (name, mut items) = node(t)?;
    let loc = take_loc(&mut items)?;
    let mut f = Fields(items.into_iter());
    let patterns =
        |f: &mut Fields| -> R<Vec<Pattern>> { list(f.next()?)?.into_iter().map(pattern).collect() };
    let kind = match name.as_str() {
        "MatchValue" => PatternKind::MatchValue { value: f.expr()? },
        "MatchSingleton" => PatternKind::MatchSingleton {
            value: constant(f.next()?)?,
        },
        "MatchSequence" => PatternKind::MatchSequence {
            patterns: patterns(&mut f)?,
        },
        "MatchMapping" => PatternKind::MatchMapping {
            keys: f.exprs()?,
            patterns: patterns(&mut f)?,
            rest: f.opt_ident()?,
        },
        "MatchClass" => PatternKind::MatchClass {
            cls: f.expr()?,
            patterns: patterns(&mut f)?,
            kwd_attrs: f.idents()?,
            kwd_patterns: patterns(&mut f)?,
        },
        "MatchStar" => PatternKind::MatchStar {
            name: f.opt_ident()?,
        },
        "MatchAs" => PatternKind::MatchAs {
            pattern: match f.next()? {
                T::None => None,
                t => Some(Box::new(pattern(t)?)),
            },
            name: f.opt_ident()?,
        },
        "MatchOr" => PatternKind::MatchOr {
            patterns: patterns(&mut f)?,
        },
        other => return Err(format!("bad pattern {other}")),
    };
    Ok(Pattern::new(kind, loc))
}

fn match_case(t: T) -> R<MatchCase> {
    let (_, items) = node(t)?;
    let mut f = Fields(items.into_iter());
    Ok(MatchCase {
        pattern: Box::new(pattern(f.next()?)?),
        guard: f.opt_expr()?,
        body: f.stmts()?,
    })
}

fn expr(t: T) -> R<Expr> {
    stacker::maybe_grow(64 * 1024, 1024 * 1024, || expr_inner(t))
}

fn expr_inner(t: T) -> R<Expr> {
    let (name, mut items) = node(t)?;
    let loc = take_loc(&mut items)?;
    let mut f = Fields(items.into_iter());
    let comps = |f: &mut Fields| -> R<Vec<Comprehension>> {
        list(f.next()?)?.into_iter().map(comprehension).collect()
    };
    let kind = match name.as_str() {
        "BoolOp" => ExprKind::BoolOp {
            op: if f.name()? == "And" {
                Boolop::And
            } else {
                Boolop::Or
            },
            values: f.exprs()?,
        },
        "NamedExpr" => ExprKind::NamedExpr {
            target: f.expr()?,
            value: f.expr()?,
        },
        "BinOp" => ExprKind::BinOp {
            left: f.expr()?,
            op: operator(&f.name()?)?,
            right: f.expr()?,
        },
        "UnaryOp" => ExprKind::UnaryOp {
            op: match f.name()?.as_str() {
                "Invert" => Unaryop::Invert,
                "Not" => Unaryop::Not,
                "UAdd" => Unaryop::UAdd,
                _ => Unaryop::USub,
            },
            operand: f.expr()?,
        },
        "Lambda" => ExprKind::Lambda {
            args: arguments(f.next()?)?,
            body: f.expr()?,
        },
        "IfExp" => ExprKind::IfExp {
            test: f.expr()?,
            body: f.expr()?,
            orelse: f.expr()?,
        },
        "Dict" => ExprKind::Dict {
            keys: f.opt_exprs()?,
            values: f.exprs()?,
        },
        "Set" => ExprKind::Set { elts: f.exprs()? },
        "ListComp" => ExprKind::ListComp {
            elt: f.expr()?,
            generators: comps(&mut f)?,
        },
        "SetComp" => ExprKind::SetComp {
            elt: f.expr()?,
            generators: comps(&mut f)?,
        },
        "DictComp" => ExprKind::DictComp {
            key: f.expr()?,
            value: f.expr()?,
            generators: comps(&mut f)?,
        },
        "GeneratorExp" => ExprKind::GeneratorExp {
            elt: f.expr()?,
            generators: comps(&mut f)?,
        },
        "Await" => ExprKind::Await { value: f.expr()? },
        "Yield" => ExprKind::Yield {
            value: f.opt_expr()?,
        },
        "YieldFrom" => ExprKind::YieldFrom { value: f.expr()? },
        "Compare" => ExprKind::Compare {
            left: f.expr()?,
            ops: list(f.next()?)?
                .into_iter()
                .map(|t| cmpop(&node(t)?.0))
                .collect::<R<_>>()?,
            comparators: f.exprs()?,
        },
        "Call" => ExprKind::Call {
            func: f.expr()?,
            args: f.exprs()?,
            keywords: list(f.next()?)?
                .into_iter()
                .map(keyword)
                .collect::<R<_>>()?,
        },
        "FormattedValue" => ExprKind::FormattedValue {
            value: f.expr()?,
            conversion: f.int()?,
            format_spec: f.opt_expr()?,
        },
        "JoinedStr" => ExprKind::JoinedStr { values: f.exprs()? },
        "Constant" => ExprKind::Constant {
            value: constant(f.next()?)?,
            kind: f.string()?,
        },
        "Attribute" => ExprKind::Attribute {
            value: f.expr()?,
            attr: f.ident()?,
            ctx: f.ctx()?,
        },
        "Subscript" => ExprKind::Subscript {
            value: f.expr()?,
            slice: f.expr()?,
            ctx: f.ctx()?,
        },
        "Starred" => ExprKind::Starred {
            value: f.expr()?,
            ctx: f.ctx()?,
        },
        "Name" => ExprKind::Name {
            id: f.ident()?,
            ctx: f.ctx()?,
        },
        "List" => ExprKind::List {
            elts: f.exprs()?,
            ctx: f.ctx()?,
        },
        "Tuple" => ExprKind::Tuple {
            elts: f.exprs()?,
            ctx: f.ctx()?,
        },
        "Slice" => ExprKind::Slice {
            lower: f.opt_expr()?,
            upper: f.opt_expr()?,
            step: f.opt_expr()?,
        },
        other => return Err(format!("bad expr {other}")),
    };
    Ok(Expr::new(kind, loc))
}

fn stmt(t: T) -> R<Stmt> {
    stacker::maybe_grow(64 * 1024, 1024 * 1024, || stmt_inner(t))
}

fn stmt_inner(t: T) -> R<Stmt> {
    let (name, mut items) = node(t)?;
    let loc = take_loc(&mut items)?;
    let mut f = Fields(items.into_iter());
    let kind = match name.as_str() {
        "FunctionDef" => StmtKind::FunctionDef {
            name: f.ident()?,
            args: arguments(f.next()?)?,
            body: f.stmts()?,
            decorator_list: f.exprs()?,
            returns: f.opt_expr()?,
            type_comment: f.string()?,
        },
        "AsyncFunctionDef" => StmtKind::AsyncFunctionDef {
            name: f.ident()?,
            args: arguments(f.next()?)?,
            body: f.stmts()?,
            decorator_list: f.exprs()?,
            returns: f.opt_expr()?,
            type_comment: f.string()?,
        },
        "ClassDef" => StmtKind::ClassDef {
            name: f.ident()?,
            bases: f.exprs()?,
            keywords: list(f.next()?)?
                .into_iter()
                .map(keyword)
                .collect::<R<_>>()?,
            body: f.stmts()?,
            decorator_list: f.exprs()?,
        },
        "Return" => StmtKind::Return {
            value: f.opt_expr()?,
        },
        "Delete" => StmtKind::Delete {
            targets: f.exprs()?,
        },
        "Assign" => StmtKind::Assign {
            targets: f.exprs()?,
            value: f.expr()?,
            type_comment: f.string()?,
        },
        "AugAssign" => StmtKind::AugAssign {
            target: f.expr()?,
            op: operator(&f.name()?)?,
            value: f.expr()?,
        },
        "AnnAssign" => StmtKind::AnnAssign {
            target: f.expr()?,
            annotation: f.expr()?,
            value: f.opt_expr()?,
            simple: f.int()?,
        },
        "For" => StmtKind::For {
            target: f.expr()?,
            iter: f.expr()?,
            body: f.stmts()?,
            orelse: f.stmts()?,
            type_comment: f.string()?,
        },
        "AsyncFor" => StmtKind::AsyncFor {
            target: f.expr()?,
            iter: f.expr()?,
            body: f.stmts()?,
            orelse: f.stmts()?,
            type_comment: f.string()?,
        },
        "While" => StmtKind::While {
            test: f.expr()?,
            body: f.stmts()?,
            orelse: f.stmts()?,
        },
        "If" => StmtKind::If {
            test: f.expr()?,
            body: f.stmts()?,
            orelse: f.stmts()?,
        },
        "With" => StmtKind::With {
            items: list(f.next()?)?
                .into_iter()
                .map(withitem)
                .collect::<R<_>>()?,
            body: f.stmts()?,
            type_comment: f.string()?,
        },
        "AsyncWith" => StmtKind::AsyncWith {
            items: list(f.next()?)?
                .into_iter()
                .map(withitem)
                .collect::<R<_>>()?,
            body: f.stmts()?,
            type_comment: f.string()?,
        },
        "Match" => StmtKind::Match {
            subject: f.expr()?,
            cases: list(f.next()?)?
                .into_iter()
                .map(match_case)
                .collect::<R<_>>()?,
        },
        "Raise" => StmtKind::Raise {
            exc: f.opt_expr()?,
            cause: f.opt_expr()?,
        },
        "Try" | "TryStar" => {
            let body = f.stmts()?;
            let handlers = list(f.next()?)?
                .into_iter()
                .map(handler)
                .collect::<R<_>>()?;
            let orelse = f.stmts()?;
            let finalbody = f.stmts()?;
            if name == "Try" {
                StmtKind::Try {
                    body,
                    handlers,
                    orelse,
                    finalbody,
                }
            } else {
                StmtKind::TryStar {
                    body,
                    handlers,
                    orelse,
                    finalbody,
                }
            }
        }
        "Assert" => StmtKind::Assert {
            test: f.expr()?,
            msg: f.opt_expr()?,
        },
        "Import" => StmtKind::Import {
            names: list(f.next()?)?.into_iter().map(alias).collect::<R<_>>()?,
        },
        "ImportFrom" => StmtKind::ImportFrom {
            module: f.opt_ident()?,
            names: list(f.next()?)?.into_iter().map(alias).collect::<R<_>>()?,
            level: opt_int(f.next()?)?,
        },
        "Global" => StmtKind::Global { names: f.idents()? },
        "Nonlocal" => StmtKind::Nonlocal { names: f.idents()? },
        "Expr" => StmtKind::Expr { value: f.expr()? },
        "Pass" => StmtKind::Pass,
        "Break" => StmtKind::Break,
        "Continue" => StmtKind::Continue,
        other => return Err(format!("bad stmt {other}")),
    };
    Ok(Stmt::new(kind, loc))
}

/// Builds the module from `oracle.py`'s serialisation.
pub fn read_module(data: &[u8]) -> Result<Module, String> {
    let mut p = Parser { b: data, i: 0 };
    let t = p.value()?;
    let (name, items) = node(t)?;
    if name != "Module" {
        return Err(format!("expected Module, got {name}"));
    }
    let mut f = Fields(items.into_iter());
    let body = f.stmts()?;
    Ok(Module {
        body,
        type_ignores: Vec::new(),
    })
}
