//! Statement rules of python.gram: `statements`, simple statements, and compound
//! statements (def, class, if, while, for, with, try, match head).

use super::target::set_context;
use super::{Memo, PResult, Parser, Rule, token_loc};
use crate::ast::*;
use crate::lexer::Tok;

fn augassign(t: Tok) -> Option<Operator> {
    Some(match t {
        Tok::PlusEqual => Operator::Add,
        Tok::MinEqual => Operator::Sub,
        Tok::StarEqual => Operator::Mult,
        Tok::AtEqual => Operator::MatMult,
        Tok::SlashEqual => Operator::Div,
        Tok::PercentEqual => Operator::Mod,
        Tok::AmperEqual => Operator::BitAnd,
        Tok::VbarEqual => Operator::BitOr,
        Tok::CircumflexEqual => Operator::BitXor,
        Tok::LeftShiftEqual => Operator::LShift,
        Tok::RightShiftEqual => Operator::RShift,
        Tok::DoubleStarEqual => Operator::Pow,
        Tok::DoubleSlashEqual => Operator::FloorDiv,
        _ => return None,
    })
}

impl Parser<'_> {
    /// `statements`: `statement+`, flattened.
    pub fn statements(&mut self) -> PResult<Vec<Stmt>> {
        let mut out = Vec::new();
        while let Some(v) = self.statement()? {
            out.extend(v);
        }
        Ok(if out.is_empty() { None } else { Some(out) })
    }

    /// `statement`: `compound_stmt | simple_stmts`.
    fn statement(&mut self) -> PResult<Vec<Stmt>> {
        self.rule(|p| {
            if let Some(s) = p.compound_stmt()? {
                return Ok(Some(vec![s]));
            }
            p.simple_stmts()
        })
    }

    /// `simple_stmts`.
    pub fn simple_stmts(&mut self) -> PResult<Vec<Stmt>> {
        self.rule(|p| {
            let start = p.mark;
            if let Some(s) = p.simple_stmt()? {
                if !p.at(Tok::Semi)? && p.eat(Tok::Newline)?.is_some() {
                    return Ok(Some(vec![s]));
                }
            }
            p.mark = start;
            let Some(first) = p.simple_stmt()? else {
                return Ok(None);
            };
            let mut v = vec![first];
            loop {
                let m = p.mark;
                if p.eat(Tok::Semi)?.is_none() {
                    break;
                }
                match p.simple_stmt()? {
                    Some(s) => v.push(s),
                    None => {
                        p.mark = m;
                        break;
                    }
                }
            }
            p.eat(Tok::Semi)?;
            if p.eat(Tok::Newline)?.is_none() {
                return Ok(None);
            }
            Ok(Some(v))
        })
    }

    /// `simple_stmt` (memo).
    fn simple_stmt(&mut self) -> PResult<Stmt> {
        let start = self.mark;
        if let Some(Memo::Stmt(s)) = self.memo_get(Rule::SimpleStmt) {
            return Ok(s);
        }
        let r = self.rule(|p| p.simple_stmt_body(start))?;
        self.memo_put(start, Rule::SimpleStmt, Memo::Stmt(r.clone()));
        Ok(r)
    }

    fn simple_stmt_body(&mut self, start: usize) -> PResult<Stmt> {
        if let Some(s) = self.assignment()? {
            return Ok(Some(s));
        }
        self.mark = start;
        if let Some(e) = self.star_expressions()? {
            let loc = self.loc_from(start);
            return Ok(Some(Stmt::new(StmtKind::Expr { value: Box::new(e) }, loc)));
        }
        self.mark = start;
        let t = self.tok_at(start)?;
        let simple = |p: &mut Self, node: StmtKind| {
            p.mark += 1;
            Ok(Some(Stmt::new(node, token_loc(&t))))
        };
        match t.kind {
            Tok::Return => self.return_stmt(),
            Tok::Import | Tok::From => self.import_stmt(),
            Tok::Raise => self.raise_stmt(),
            Tok::Pass => simple(self, StmtKind::Pass),
            Tok::Del => self.del_stmt(),
            Tok::Yield => self.rule(|p| {
                let Some(y) = p.yield_expr()? else {
                    return Ok(None);
                };
                let loc = p.loc_from(start);
                Ok(Some(Stmt::new(StmtKind::Expr { value: Box::new(y) }, loc)))
            }),
            Tok::Assert => self.assert_stmt(),
            Tok::Break => simple(self, StmtKind::Break),
            Tok::Continue => simple(self, StmtKind::Continue),
            Tok::Global | Tok::Nonlocal => self.global_stmt(t.kind == Tok::Global),
            _ => Ok(None),
        }
    }

    /// `annotated_rhs` / `(yield_expr | star_expressions)`.
    fn yield_or_star_expressions(&mut self) -> PResult<Expr> {
        if let Some(y) = self.yield_expr()? {
            return Ok(Some(y));
        }
        self.star_expressions()
    }

    /// `['=' annotated_rhs]` after an annotation.
    fn ann_value(&mut self) -> PResult<Box<Expr>> {
        let m = self.mark;
        if self.eat(Tok::Equal)?.is_some() {
            if let Some(v) = self.yield_or_star_expressions()? {
                return Ok(Some(Box::new(v)));
            }
        }
        self.mark = m;
        Ok(None)
    }

    /// `assignment`.
    fn assignment(&mut self) -> PResult<Stmt> {
        self.rule(|p| {
            let start = p.mark;
            // NAME ':' expression ['=' annotated_rhs]
            if let Some(a) = p.name()? {
                if p.eat(Tok::Colon)?.is_some() {
                    if let Some(b) = p.expression()? {
                        let value = p.ann_value()?;
                        let loc = p.loc_from(start);
                        let target = Box::new(set_context(a, ExprContext::Store));
                        return Ok(Some(Stmt::new(
                            StmtKind::AnnAssign {
                                target,
                                annotation: Box::new(b),
                                value,
                                simple: 1,
                            },
                            loc,
                        )));
                    }
                }
            }
            p.mark = start;
            // ('(' single_target ')' | single_subscript_attribute_target) ':' expression [...]
            let target = 'target: {
                if p.eat(Tok::Lpar)?.is_some() {
                    if let Some(b) = p.single_target()? {
                        if p.eat(Tok::Rpar)?.is_some() {
                            break 'target Some(b);
                        }
                    }
                }
                p.mark = start;
                p.single_subscript_attribute_target()?
            };
            if let Some(a) = target {
                if p.eat(Tok::Colon)?.is_some() {
                    if let Some(b) = p.expression()? {
                        let value = p.ann_value()?;
                        let loc = p.loc_from(start);
                        return Ok(Some(Stmt::new(
                            StmtKind::AnnAssign {
                                target: Box::new(a),
                                annotation: Box::new(b),
                                value,
                                simple: 0,
                            },
                            loc,
                        )));
                    }
                }
            }
            p.mark = start;
            // (star_targets '=')+ (yield_expr | star_expressions) !'=' [TYPE_COMMENT]
            let mut targets = Vec::new();
            loop {
                let m = p.mark;
                match p.star_targets()? {
                    Some(t) if p.eat(Tok::Equal)?.is_some() => targets.push(t),
                    _ => {
                        p.mark = m;
                        break;
                    }
                }
            }
            if !targets.is_empty() {
                if let Some(value) = p.yield_or_star_expressions()? {
                    if !p.at(Tok::Equal)? {
                        let loc = p.loc_from(start);
                        return Ok(Some(Stmt::new(
                            StmtKind::Assign {
                                targets,
                                value: Box::new(value),
                                type_comment: None,
                            },
                            loc,
                        )));
                    }
                }
            }
            p.mark = start;
            // single_target augassign ~ (yield_expr | star_expressions)
            if let Some(a) = p.single_target()? {
                if let Some(op) = augassign(p.peek()?) {
                    p.mark += 1;
                    let Some(c) = p.yield_or_star_expressions()? else {
                        // Cut: the rule fails without trying invalid_assignment.
                        return Ok(None);
                    };
                    let loc = p.loc_from(start);
                    return Ok(Some(Stmt::new(
                        StmtKind::AugAssign {
                            target: Box::new(a),
                            op,
                            value: Box::new(c),
                        },
                        loc,
                    )));
                }
            }
            p.mark = start;
            if p.call_invalid_rules {
                p.invalid_assignment()?;
            }
            Ok(None)
        })
    }

    fn return_stmt(&mut self) -> PResult<Stmt> {
        self.rule(|p| {
            let start = p.mark;
            p.eat(Tok::Return)?;
            let value = p.star_expressions()?.map(Box::new);
            let loc = p.loc_from(start);
            Ok(Some(Stmt::new(StmtKind::Return { value }, loc)))
        })
    }

    fn raise_stmt(&mut self) -> PResult<Stmt> {
        self.rule(|p| {
            let start = p.mark;
            p.eat(Tok::Raise)?;
            if let Some(a) = p.expression()? {
                let m = p.mark;
                let mut cause = None;
                if p.eat(Tok::From)?.is_some() {
                    match p.expression()? {
                        Some(z) => cause = Some(Box::new(z)),
                        None => p.mark = m,
                    }
                }
                let loc = p.loc_from(start);
                return Ok(Some(Stmt::new(
                    StmtKind::Raise {
                        exc: Some(Box::new(a)),
                        cause,
                    },
                    loc,
                )));
            }
            p.mark = start + 1;
            let loc = p.loc_from(start);
            Ok(Some(Stmt::new(
                StmtKind::Raise {
                    exc: None,
                    cause: None,
                },
                loc,
            )))
        })
    }

    fn global_stmt(&mut self, global: bool) -> PResult<Stmt> {
        self.rule(|p| {
            let start = p.mark;
            p.mark += 1;
            let Some(names) = p.gather(|p| Ok(p.name_token()?.map(|(id, _)| id)))? else {
                return Ok(None);
            };
            let loc = p.loc_from(start);
            let node = if global {
                StmtKind::Global { names }
            } else {
                StmtKind::Nonlocal { names }
            };
            Ok(Some(Stmt::new(node, loc)))
        })
    }

    fn del_stmt(&mut self) -> PResult<Stmt> {
        self.rule(|p| {
            let start = p.mark;
            p.eat(Tok::Del)?;
            if let Some(targets) = p.del_targets()? {
                if matches!(p.peek()?, Tok::Semi | Tok::Newline) {
                    let loc = p.loc_from(start);
                    return Ok(Some(Stmt::new(StmtKind::Delete { targets }, loc)));
                }
            }
            p.mark = start;
            if p.call_invalid_rules {
                p.invalid_del_stmt()?;
            }
            Ok(None)
        })
    }

    fn assert_stmt(&mut self) -> PResult<Stmt> {
        self.rule(|p| {
            let start = p.mark;
            p.eat(Tok::Assert)?;
            let Some(test) = p.expression()? else {
                return Ok(None);
            };
            let m = p.mark;
            let mut msg = None;
            if p.eat(Tok::Comma)?.is_some() {
                match p.expression()? {
                    Some(z) => msg = Some(Box::new(z)),
                    None => p.mark = m,
                }
            }
            let loc = p.loc_from(start);
            Ok(Some(Stmt::new(
                StmtKind::Assert {
                    test: Box::new(test),
                    msg,
                },
                loc,
            )))
        })
    }

    fn import_stmt(&mut self) -> PResult<Stmt> {
        self.rule(|p| {
            let start = p.mark;
            if p.eat(Tok::Import)?.is_some() {
                let Some(names) = p.gather(|p| p.dotted_as_name())? else {
                    return Ok(None);
                };
                let loc = p.loc_from(start);
                return Ok(Some(Stmt::new(StmtKind::Import { names }, loc)));
            }
            if p.eat(Tok::From)?.is_none() {
                return Ok(None);
            }
            let mut level = 0;
            loop {
                match p.peek()? {
                    Tok::Dot => level += 1,
                    Tok::Ellipsis => level += 3,
                    _ => break,
                }
                p.mark += 1;
            }
            let after_dots = p.mark;
            if let Some(module) = p.dotted_name()? {
                if p.eat(Tok::Import)?.is_some() {
                    if let Some(names) = p.import_from_targets()? {
                        let loc = p.loc_from(start);
                        return Ok(Some(Stmt::new(
                            StmtKind::ImportFrom {
                                module: Some(module),
                                names,
                                level: Some(level),
                            },
                            loc,
                        )));
                    }
                }
            }
            p.mark = after_dots;
            if level > 0 && p.eat(Tok::Import)?.is_some() {
                if let Some(names) = p.import_from_targets()? {
                    let loc = p.loc_from(start);
                    return Ok(Some(Stmt::new(
                        StmtKind::ImportFrom {
                            module: None,
                            names,
                            level: Some(level),
                        },
                        loc,
                    )));
                }
            }
            Ok(None)
        })
    }

    /// `import_from_targets`.
    fn import_from_targets(&mut self) -> PResult<Vec<Alias>> {
        self.rule(|p| {
            let start = p.mark;
            if p.eat(Tok::Lpar)?.is_some() {
                if let Some(v) = p.gather(|p| p.import_from_as_name())? {
                    p.eat(Tok::Comma)?;
                    if p.eat(Tok::Rpar)?.is_some() {
                        return Ok(Some(v));
                    }
                }
            }
            p.mark = start;
            if let Some(v) = p.gather(|p| p.import_from_as_name())? {
                if !p.at(Tok::Comma)? {
                    return Ok(Some(v));
                }
            }
            p.mark = start;
            if let Some(t) = p.eat(Tok::Star)? {
                return Ok(Some(vec![Alias {
                    name: Identifier::new("*"),
                    asname: None,
                    loc: token_loc(&t),
                }]));
            }
            if p.call_invalid_rules {
                p.invalid_import_from_targets()?;
            }
            Ok(None)
        })
    }

    fn as_name(&mut self) -> Result<Option<Identifier>, super::Fail> {
        let m = self.mark;
        if self.eat(Tok::As)?.is_some() {
            if let Some((id, _)) = self.name_token()? {
                return Ok(Some(id));
            }
        }
        self.mark = m;
        Ok(None)
    }

    fn import_from_as_name(&mut self) -> PResult<Alias> {
        self.rule(|p| {
            let start = p.mark;
            let Some((name, _)) = p.name_token()? else {
                return Ok(None);
            };
            let asname = p.as_name()?;
            let loc = p.loc_from(start);
            Ok(Some(Alias { name, asname, loc }))
        })
    }

    fn dotted_as_name(&mut self) -> PResult<Alias> {
        self.rule(|p| {
            let start = p.mark;
            let Some(name) = p.dotted_name()? else {
                return Ok(None);
            };
            let asname = p.as_name()?;
            let loc = p.loc_from(start);
            Ok(Some(Alias { name, asname, loc }))
        })
    }

    /// `dotted_name` (left-recursive): names joined with dots.
    fn dotted_name(&mut self) -> PResult<Identifier> {
        self.rule(|p| {
            let Some((first, _)) = p.name_token()? else {
                return Ok(None);
            };
            let mut s: Option<String> = None;
            loop {
                let m = p.mark;
                if p.eat(Tok::Dot)?.is_none() {
                    break;
                }
                match p.name_token()? {
                    Some((n, _)) => {
                        let acc = s.get_or_insert_with(|| first.as_str().to_string());
                        acc.push('.');
                        acc.push_str(&n);
                    }
                    None => {
                        p.mark = m;
                        break;
                    }
                }
            }
            Ok(Some(match s {
                Some(s) => Identifier::new(&s),
                None => first,
            }))
        })
    }

    /// `block` (memo).
    pub fn block(&mut self) -> PResult<Vec<Stmt>> {
        let start = self.mark;
        if let Some(Memo::Stmts(s)) = self.memo_get(Rule::Block) {
            return Ok(s);
        }
        let r = self.rule(|p| {
            if p.eat(Tok::Newline)?.is_some() && p.eat(Tok::Indent)?.is_some() {
                if let Some(a) = p.statements()? {
                    if p.eat(Tok::Dedent)?.is_some() {
                        return Ok(Some(a));
                    }
                }
            }
            p.mark = start;
            if let Some(s) = p.simple_stmts()? {
                return Ok(Some(s));
            }
            p.mark = start;
            if p.call_invalid_rules {
                p.invalid_block()?;
            }
            Ok(None)
        })?;
        self.memo_put(start, Rule::Block, Memo::Stmts(r.clone()));
        Ok(r)
    }

    /// `decorators`: `('@' named_expression NEWLINE)+`.
    fn decorators(&mut self) -> Result<Vec<Expr>, super::Fail> {
        let mut v = Vec::new();
        loop {
            let m = self.mark;
            if self.eat(Tok::At)?.is_none() {
                break;
            }
            match self.named_expression()? {
                Some(f) if self.eat(Tok::Newline)?.is_some() => v.push(f),
                _ => {
                    self.mark = m;
                    break;
                }
            }
        }
        Ok(v)
    }

    /// `compound_stmt`.
    pub fn compound_stmt(&mut self) -> PResult<Stmt> {
        let t = self.peek()?;
        match t {
            Tok::Def
            | Tok::At
            | Tok::Async
            | Tok::Class
            | Tok::If
            | Tok::With
            | Tok::For
            | Tok::Try
            | Tok::While => {}
            Tok::Name => return self.match_stmt(),
            _ => return Ok(None),
        }
        self.rule(|p| {
            let start = p.mark;
            if matches!(t, Tok::Def | Tok::At | Tok::Async) {
                if let Some(s) = p.function_def()? {
                    return Ok(Some(s));
                }
            }
            p.mark = start;
            if t == Tok::If {
                return p.if_stmt(false);
            }
            if matches!(t, Tok::Class | Tok::At) {
                if let Some(s) = p.class_def()? {
                    return Ok(Some(s));
                }
            }
            p.mark = start;
            if matches!(t, Tok::With | Tok::Async) {
                if let Some(s) = p.with_stmt()? {
                    return Ok(Some(s));
                }
            }
            p.mark = start;
            if matches!(t, Tok::For | Tok::Async) {
                if let Some(s) = p.for_stmt()? {
                    return Ok(Some(s));
                }
            }
            p.mark = start;
            if t == Tok::Try {
                return p.try_stmt();
            }
            if t == Tok::While {
                return p.while_stmt();
            }
            Ok(None)
        })
    }

    /// `function_def`: `decorators function_def_raw | function_def_raw`.
    fn function_def(&mut self) -> PResult<Stmt> {
        self.rule(|p| {
            let decorators = p.decorators()?;
            let Some(mut f) = p.function_def_raw()? else {
                return Ok(None);
            };
            if let StmtKind::FunctionDef { decorator_list, .. }
            | StmtKind::AsyncFunctionDef { decorator_list, .. } = &mut f.node
            {
                *decorator_list = decorators;
            }
            Ok(Some(f))
        })
    }

    fn function_def_raw(&mut self) -> PResult<Stmt> {
        self.rule(|p| {
            let start = p.mark;
            if p.call_invalid_rules {
                p.invalid_def_raw()?;
                p.mark = start;
            }
            let is_async = p.eat(Tok::Async)?.is_some();
            if p.eat(Tok::Def)?.is_none() {
                return Ok(None);
            }
            let Some((name, _)) = p.name_token()? else {
                return Ok(None);
            };
            p.expect_forced(Tok::Lpar, "(")?;
            let args = p.params()?.unwrap_or_else(super::params::empty_arguments);
            if p.eat(Tok::Rpar)?.is_none() {
                return Ok(None);
            }
            let m = p.mark;
            let mut returns = None;
            if p.eat(Tok::Rarrow)?.is_some() {
                match p.expression()? {
                    Some(z) => returns = Some(Box::new(z)),
                    None => p.mark = m,
                }
            }
            p.expect_forced(Tok::Colon, ":")?;
            let Some(body) = p.block()? else {
                return Ok(None);
            };
            let loc = p.loc_from(start);
            let args = Box::new(args);
            let node = if is_async {
                StmtKind::AsyncFunctionDef {
                    name,
                    args,
                    body,
                    decorator_list: vec![],
                    returns,
                    type_comment: None,
                }
            } else {
                StmtKind::FunctionDef {
                    name,
                    args,
                    body,
                    decorator_list: vec![],
                    returns,
                    type_comment: None,
                }
            };
            Ok(Some(Stmt::new(node, loc)))
        })
    }

    fn class_def(&mut self) -> PResult<Stmt> {
        self.rule(|p| {
            let decorators = p.decorators()?;
            let Some(mut c) = p.class_def_raw()? else {
                return Ok(None);
            };
            if let StmtKind::ClassDef { decorator_list, .. } = &mut c.node {
                *decorator_list = decorators;
            }
            Ok(Some(c))
        })
    }

    fn class_def_raw(&mut self) -> PResult<Stmt> {
        self.rule(|p| {
            let start = p.mark;
            if p.call_invalid_rules {
                p.invalid_class_def_raw()?;
                p.mark = start;
            }
            if p.eat(Tok::Class)?.is_none() {
                return Ok(None);
            }
            let Some((name, _)) = p.name_token()? else {
                return Ok(None);
            };
            let m = p.mark;
            let (mut bases, mut keywords) = (vec![], vec![]);
            if p.eat(Tok::Lpar)?.is_some() {
                let a = p.arguments()?;
                if p.eat(Tok::Rpar)?.is_some() {
                    if let Some((b, k, _)) = a {
                        bases = b;
                        keywords = k;
                    }
                } else {
                    p.mark = m;
                }
            }
            if p.eat(Tok::Colon)?.is_none() {
                return Ok(None);
            }
            let Some(body) = p.block()? else {
                return Ok(None);
            };
            let loc = p.loc_from(start);
            Ok(Some(Stmt::new(
                StmtKind::ClassDef {
                    name,
                    bases,
                    keywords,
                    body,
                    decorator_list: vec![],
                },
                loc,
            )))
        })
    }

    /// `if_stmt` / `elif_stmt` (`elif` true).
    fn if_stmt(&mut self, elif: bool) -> PResult<Stmt> {
        self.rule(|p| {
            let start = p.mark;
            if p.call_invalid_rules {
                if elif {
                    p.invalid_elif_stmt()?;
                } else {
                    p.invalid_if_stmt()?;
                }
                p.mark = start;
            }
            if p.eat(if elif { Tok::Elif } else { Tok::If })?.is_none() {
                return Ok(None);
            }
            let Some(test) = p.named_expression()? else {
                return Ok(None);
            };
            if p.eat(Tok::Colon)?.is_none() {
                return Ok(None);
            }
            let Some(body) = p.block()? else {
                return Ok(None);
            };
            let orelse = if p.at(Tok::Elif)? {
                match p.if_stmt(true)? {
                    Some(s) => vec![s],
                    None => p.else_block()?.unwrap_or_default(),
                }
            } else {
                p.else_block()?.unwrap_or_default()
            };
            let loc = p.loc_from(start);
            Ok(Some(Stmt::new(
                StmtKind::If {
                    test: Box::new(test),
                    body,
                    orelse,
                },
                loc,
            )))
        })
    }

    /// `else_block`.
    fn else_block(&mut self) -> PResult<Vec<Stmt>> {
        self.rule(|p| {
            if p.call_invalid_rules {
                let start = p.mark;
                p.invalid_else_stmt()?;
                p.mark = start;
            }
            if p.eat(Tok::Else)?.is_none() {
                return Ok(None);
            }
            p.expect_forced(Tok::Colon, ":")?;
            p.block()
        })
    }

    fn while_stmt(&mut self) -> PResult<Stmt> {
        self.rule(|p| {
            let start = p.mark;
            if p.call_invalid_rules {
                p.invalid_while_stmt()?;
                p.mark = start;
            }
            p.eat(Tok::While)?;
            let Some(test) = p.named_expression()? else {
                return Ok(None);
            };
            if p.eat(Tok::Colon)?.is_none() {
                return Ok(None);
            }
            let Some(body) = p.block()? else {
                return Ok(None);
            };
            let orelse = p.else_block()?.unwrap_or_default();
            let loc = p.loc_from(start);
            Ok(Some(Stmt::new(
                StmtKind::While {
                    test: Box::new(test),
                    body,
                    orelse,
                },
                loc,
            )))
        })
    }

    fn for_stmt(&mut self) -> PResult<Stmt> {
        self.rule(|p| {
            let start = p.mark;
            if p.call_invalid_rules {
                p.invalid_for_stmt()?;
                p.mark = start;
            }
            let is_async = p.eat(Tok::Async)?.is_some();
            if p.eat(Tok::For)?.is_some() {
                if let Some(target) = p.star_targets()? {
                    if p.eat(Tok::In)?.is_some() {
                        // Cut.
                        let Some(iter) = p.star_expressions()? else {
                            return Ok(None);
                        };
                        if p.eat(Tok::Colon)?.is_none() {
                            return Ok(None);
                        }
                        let Some(body) = p.block()? else {
                            return Ok(None);
                        };
                        let orelse = p.else_block()?.unwrap_or_default();
                        let loc = p.loc_from(start);
                        let (target, iter) = (Box::new(target), Box::new(iter));
                        let node = if is_async {
                            StmtKind::AsyncFor {
                                target,
                                iter,
                                body,
                                orelse,
                                type_comment: None,
                            }
                        } else {
                            StmtKind::For {
                                target,
                                iter,
                                body,
                                orelse,
                                type_comment: None,
                            }
                        };
                        return Ok(Some(Stmt::new(node, loc)));
                    }
                }
            }
            p.mark = start;
            if p.call_invalid_rules {
                p.invalid_for_target()?;
            }
            Ok(None)
        })
    }

    fn with_stmt(&mut self) -> PResult<Stmt> {
        self.rule(|p| {
            let start = p.mark;
            if p.call_invalid_rules {
                p.invalid_with_stmt_indent()?;
                p.mark = start;
            }
            let is_async = p.eat(Tok::Async)?.is_some();
            if p.eat(Tok::With)?.is_none() {
                return Ok(None);
            }
            let after_with = p.mark;
            let make = |p: &mut Self, items, body| {
                let loc = p.loc_from(start);
                let node = if is_async {
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
                };
                Ok(Some(Stmt::new(node, loc)))
            };
            if p.eat(Tok::Lpar)?.is_some() {
                if let Some(items) = p.gather(|p| p.with_item())? {
                    p.eat(Tok::Comma)?;
                    if p.eat(Tok::Rpar)?.is_some() && p.eat(Tok::Colon)?.is_some() {
                        if let Some(body) = p.block()? {
                            return make(p, items, body);
                        }
                    }
                }
            }
            p.mark = after_with;
            if let Some(items) = p.gather(|p| p.with_item())? {
                if p.eat(Tok::Colon)?.is_some() {
                    if let Some(body) = p.block()? {
                        return make(p, items, body);
                    }
                }
            }
            p.mark = start;
            if p.call_invalid_rules {
                p.invalid_with_stmt()?;
            }
            Ok(None)
        })
    }

    fn with_item(&mut self) -> PResult<Withitem> {
        self.rule(|p| {
            let start = p.mark;
            if let Some(e) = p.expression()? {
                if p.eat(Tok::As)?.is_some() {
                    if let Some(t) = p.star_target()? {
                        if matches!(p.peek()?, Tok::Comma | Tok::Rpar | Tok::Colon) {
                            return Ok(Some(Withitem {
                                context_expr: Box::new(e),
                                optional_vars: Some(Box::new(t)),
                            }));
                        }
                    }
                }
            }
            p.mark = start;
            if p.call_invalid_rules {
                p.invalid_with_item()?;
                p.mark = start;
            }
            let Some(e) = p.expression()? else {
                return Ok(None);
            };
            Ok(Some(Withitem {
                context_expr: Box::new(e),
                optional_vars: None,
            }))
        })
    }

    fn try_stmt(&mut self) -> PResult<Stmt> {
        self.rule(|p| {
            let start = p.mark;
            if p.call_invalid_rules {
                p.invalid_try_stmt()?;
                p.mark = start;
            }
            p.eat(Tok::Try)?;
            p.expect_forced(Tok::Colon, ":")?;
            let Some(body) = p.block()? else {
                return Ok(None);
            };
            let after_body = p.mark;
            if let Some(finalbody) = p.finally_block()? {
                let loc = p.loc_from(start);
                return Ok(Some(Stmt::new(
                    StmtKind::Try {
                        body,
                        handlers: vec![],
                        orelse: vec![],
                        finalbody,
                    },
                    loc,
                )));
            }
            p.mark = after_body;
            for star in [false, true] {
                let mut handlers = Vec::new();
                while let Some(h) = p.except_block(star)? {
                    handlers.push(h);
                }
                if handlers.is_empty() {
                    p.mark = after_body;
                    continue;
                }
                let orelse = p.else_block()?.unwrap_or_default();
                let finalbody = p.finally_block()?.unwrap_or_default();
                let loc = p.loc_from(start);
                let node = if star {
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
                };
                return Ok(Some(Stmt::new(node, loc)));
            }
            Ok(None)
        })
    }

    /// `except_block` / `except_star_block`.
    fn except_block(&mut self, star: bool) -> PResult<ExceptHandler> {
        self.rule(|p| {
            let start = p.mark;
            if p.call_invalid_rules {
                if star {
                    p.invalid_except_star_stmt_indent()?;
                } else {
                    p.invalid_except_stmt_indent()?;
                }
                p.mark = start;
            }
            if p.eat(Tok::Except)?.is_some() {
                let star_ok = !star || p.eat(Tok::Star)?.is_some();
                if star_ok {
                    if let Some(e) = p.expression()? {
                        let name = p.as_name()?;
                        if p.eat(Tok::Colon)?.is_some() {
                            if let Some(body) = p.block()? {
                                let loc = p.loc_from(start);
                                return Ok(Some(ExceptHandler {
                                    type_: Some(Box::new(e)),
                                    name,
                                    body,
                                    loc,
                                }));
                            }
                        }
                    }
                }
                if !star {
                    p.mark = start + 1;
                    if p.eat(Tok::Colon)?.is_some() {
                        if let Some(body) = p.block()? {
                            let loc = p.loc_from(start);
                            return Ok(Some(ExceptHandler {
                                type_: None,
                                name: None,
                                body,
                                loc,
                            }));
                        }
                    }
                }
            }
            p.mark = start;
            if p.call_invalid_rules {
                p.invalid_except_stmt()?;
            }
            Ok(None)
        })
    }

    fn finally_block(&mut self) -> PResult<Vec<Stmt>> {
        self.rule(|p| {
            let start = p.mark;
            if p.call_invalid_rules {
                p.invalid_finally_stmt()?;
                p.mark = start;
            }
            if p.eat(Tok::Finally)?.is_none() {
                return Ok(None);
            }
            p.expect_forced(Tok::Colon, ":")?;
            p.block()
        })
    }
}
