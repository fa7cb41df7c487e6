//! Compound statements of python.gram: `compound_stmt`, `block`, decorators, `def`,
//! `class`, `if`/`elif`/`else`, `while`, `for`, `with`, and `try` with its handlers.

use super::{Fail, PResult, Parser, Rule};
use crate::ast::*;
use crate::lexer::Tok;

/// `async def` or `def`.
fn function_node(
    is_async: bool,
    name: Identifier,
    args: Arguments,
    body: Vec<Stmt>,
    returns: Option<Box<Expr>>,
) -> StmtKind {
    let args = Box::new(args);
    if is_async {
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
    }
}

impl Parser<'_> {
    /// A lookahead on a `_tmp` helper matching one of `kinds`.
    fn lookahead_any(&mut self, kinds: &[Tok]) -> Result<bool, Fail> {
        Ok(self
            .helper(|p| Ok(kinds.contains(&p.peek()?).then_some(())))?
            .is_some())
    }

    /// `compound_stmt`.
    pub fn compound_stmt(&mut self) -> PResult<Stmt> {
        self.rule(|p| {
            let start = p.mark;
            if p.lookahead_any(&[Tok::Def, Tok::At, Tok::Async])? {
                if let Some(s) = p.function_def()? {
                    return Ok(Some(s));
                }
                p.mark = start;
            }
            if p.at(Tok::If)? {
                if let Some(s) = p.if_stmt(false)? {
                    return Ok(Some(s));
                }
                p.mark = start;
            }
            if p.lookahead_any(&[Tok::Class, Tok::At])? {
                if let Some(s) = p.class_def()? {
                    return Ok(Some(s));
                }
                p.mark = start;
            }
            if p.lookahead_any(&[Tok::With, Tok::Async])? {
                if let Some(s) = p.with_stmt()? {
                    return Ok(Some(s));
                }
                p.mark = start;
            }
            if p.lookahead_any(&[Tok::For, Tok::Async])? {
                if let Some(s) = p.for_stmt()? {
                    return Ok(Some(s));
                }
                p.mark = start;
            }
            if p.at(Tok::Try)? {
                if let Some(s) = p.try_stmt()? {
                    return Ok(Some(s));
                }
                p.mark = start;
            }
            if p.at(Tok::While)? {
                if let Some(s) = p.while_stmt()? {
                    return Ok(Some(s));
                }
                p.mark = start;
            }
            p.match_stmt()
        })
    }

    /// `block` (memo): `NEWLINE INDENT statements DEDENT | simple_stmts | invalid_block`.
    pub fn block(&mut self) -> PResult<Vec<Stmt>> {
        self.memo_rule(Rule::Block, |p| {
            let start = p.mark;
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
        })
    }

    /// `decorators: ('@' named_expression NEWLINE)+`.
    fn decorators(&mut self) -> PResult<Vec<Expr>> {
        self.rule(|p| {
            p.helper(|p| {
                let mut v = Vec::new();
                while let Some(f) = p.helper(|p| {
                    if p.eat(Tok::At)?.is_none() {
                        return Ok(None);
                    }
                    let Some(f) = p.named_expression()? else {
                        return Ok(None);
                    };
                    Ok(p.eat(Tok::Newline)?.map(|_| f))
                })? {
                    v.push(f);
                }
                Ok(if v.is_empty() { None } else { Some(v) })
            })
        })
    }

    /// `class_def: decorators class_def_raw | class_def_raw`.
    fn class_def(&mut self) -> PResult<Stmt> {
        self.rule(|p| {
            let start = p.mark;
            if let Some(d) = p.decorators()? {
                if let Some(mut c) = p.class_def_raw()? {
                    if let StmtKind::ClassDef { decorator_list, .. } = &mut c.node {
                        *decorator_list = d;
                    }
                    return Ok(Some(c));
                }
            }
            p.mark = start;
            p.class_def_raw()
        })
    }

    /// `class_def_raw`.
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
            // ['(' [arguments] ')']
            let args = p.helper(|p| {
                if p.eat(Tok::Lpar)?.is_none() {
                    return Ok(None);
                }
                let a = p.arguments()?;
                if p.eat(Tok::Rpar)?.is_none() {
                    return Ok(None);
                }
                Ok(Some(a))
            })?;
            let (bases, keywords) = match args {
                Some(Some((b, k, _))) => (b, k),
                _ => (vec![], vec![]),
            };
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

    /// `function_def: decorators function_def_raw | function_def_raw`.
    fn function_def(&mut self) -> PResult<Stmt> {
        self.rule(|p| {
            let start = p.mark;
            if let Some(d) = p.decorators()? {
                if let Some(mut f) = p.function_def_raw()? {
                    if let StmtKind::FunctionDef { decorator_list, .. }
                    | StmtKind::AsyncFunctionDef { decorator_list, .. } = &mut f.node
                    {
                        *decorator_list = d;
                    }
                    return Ok(Some(f));
                }
            }
            p.mark = start;
            p.function_def_raw()
        })
    }

    /// `func_type_comment`: never matches without type comments, but looks at tokens.
    fn func_type_comment(&mut self) -> Result<(), Fail> {
        self.rule(|p| {
            let start = p.mark;
            if p.eat(Tok::Newline)?.is_some() {
                p.tok_at(p.mark)?; // TYPE_COMMENT?
            }
            p.mark = start;
            if p.call_invalid_rules {
                p.rule(|p| {
                    p.tok_at(p.mark)?; // invalid_double_type_comments: TYPE_COMMENT ...
                    Ok(None::<()>)
                })?;
            }
            Ok(None::<()>)
        })?;
        Ok(())
    }

    /// `function_def_raw`.
    fn function_def_raw(&mut self) -> PResult<Stmt> {
        self.rule(|p| {
            let start = p.mark;
            if p.call_invalid_rules {
                p.invalid_def_raw()?;
                p.mark = start;
            }
            for is_async in [false, true] {
                p.mark = start;
                if is_async && p.eat(Tok::Async)?.is_none() {
                    continue;
                }
                if p.eat(Tok::Def)?.is_none() {
                    continue;
                }
                let Some((name, _)) = p.name_token()? else {
                    continue;
                };
                p.expect_forced(Tok::Lpar, "(")?;
                let params = p.params()?;
                if p.eat(Tok::Rpar)?.is_none() {
                    continue;
                }
                let returns = p
                    .helper(|p| {
                        if p.eat(Tok::Rarrow)?.is_none() {
                            return Ok(None);
                        }
                        p.expression()
                    })?
                    .map(Box::new);
                p.expect_forced(Tok::Colon, ":")?;
                p.func_type_comment()?;
                let Some(body) = p.block()? else {
                    continue;
                };
                let loc = p.loc_from(start);
                let args = params.unwrap_or_else(super::params::empty_arguments);
                return Ok(Some(Stmt::new(
                    function_node(is_async, name, args, body, returns),
                    loc,
                )));
            }
            Ok(None)
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
            let kw = if elif { Tok::Elif } else { Tok::If };
            // kw named_expression ':' block elif_stmt | kw named_expression ':' block
            // [else_block]: the second alternative parses the first one's prefix again
            // at the same level (pegen re-parses named_expression and hits block's memo),
            // to the same result, so it is parsed once.
            if p.eat(kw)?.is_none() {
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
            let after = p.mark;
            if let Some(c) = p.if_stmt(true)? {
                let loc = p.loc_from(start);
                return Ok(Some(Stmt::new(
                    StmtKind::If {
                        test: Box::new(test),
                        body,
                        orelse: vec![c],
                    },
                    loc,
                )));
            }
            p.mark = after;
            let orelse = p.else_block()?.unwrap_or_default();
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

    /// `else_block: invalid_else_stmt | 'else' &&':' block`.
    fn else_block(&mut self) -> PResult<Vec<Stmt>> {
        self.rule(|p| {
            let start = p.mark;
            if p.call_invalid_rules {
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

    /// `while_stmt`.
    fn while_stmt(&mut self) -> PResult<Stmt> {
        self.rule(|p| {
            let start = p.mark;
            if p.call_invalid_rules {
                p.invalid_while_stmt()?;
                p.mark = start;
            }
            if p.eat(Tok::While)?.is_none() {
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

    /// `for_stmt`.
    fn for_stmt(&mut self) -> PResult<Stmt> {
        self.rule(|p| {
            let start = p.mark;
            if p.call_invalid_rules {
                p.invalid_for_stmt()?;
                p.mark = start;
            }
            for is_async in [false, true] {
                p.mark = start;
                if is_async && p.eat(Tok::Async)?.is_none() {
                    continue;
                }
                if p.eat(Tok::For)?.is_none() {
                    continue;
                }
                let Some(target) = p.star_targets()? else {
                    continue;
                };
                if p.eat(Tok::In)?.is_none() {
                    continue;
                }
                // Cut: past 'in', no other alternative is tried.
                let Some(iter) = p.star_expressions()? else {
                    return Ok(None);
                };
                if p.eat(Tok::Colon)?.is_none() {
                    return Ok(None);
                }
                p.tok_at(p.mark)?; // [TYPE_COMMENT]
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
            p.mark = start;
            if p.call_invalid_rules {
                p.invalid_for_target()?;
            }
            Ok(None)
        })
    }

    /// `with_stmt`.
    fn with_stmt(&mut self) -> PResult<Stmt> {
        self.rule(|p| {
            let start = p.mark;
            if p.call_invalid_rules {
                p.invalid_with_stmt_indent()?;
                p.mark = start;
            }
            for is_async in [false, true] {
                for parens in [true, false] {
                    p.mark = start;
                    if is_async && p.eat(Tok::Async)?.is_none() {
                        continue;
                    }
                    if p.eat(Tok::With)?.is_none() {
                        continue;
                    }
                    if parens && p.eat(Tok::Lpar)?.is_none() {
                        continue;
                    }
                    let Some(items) = p.gather(Tok::Comma, Parser::with_item)? else {
                        continue;
                    };
                    if parens {
                        p.eat(Tok::Comma)?;
                        if p.eat(Tok::Rpar)?.is_none() {
                            continue;
                        }
                    }
                    if p.eat(Tok::Colon)?.is_none() {
                        continue;
                    }
                    if !parens {
                        p.tok_at(p.mark)?; // [TYPE_COMMENT]
                    }
                    let Some(body) = p.block()? else {
                        continue;
                    };
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
                    return Ok(Some(Stmt::new(node, loc)));
                }
            }
            p.mark = start;
            if p.call_invalid_rules {
                p.invalid_with_stmt()?;
            }
            Ok(None)
        })
    }

    /// `with_item`.
    fn with_item(&mut self) -> PResult<Withitem> {
        self.rule(|p| {
            let start = p.mark;
            if let Some(e) = p.expression()? {
                if p.eat(Tok::As)?.is_some() {
                    if let Some(t) = p.star_target()? {
                        if p.lookahead_any(&[Tok::Comma, Tok::Rpar, Tok::Colon])? {
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

    /// `try_stmt`.
    fn try_stmt(&mut self) -> PResult<Stmt> {
        self.rule(|p| {
            let start = p.mark;
            if p.call_invalid_rules {
                p.invalid_try_stmt()?;
                p.mark = start;
            }
            // 'try' &&':' block finally_block | 'try' &&':' block except_block+ ... |
            // 'try' &&':' block except_star_block+ ...: the alternatives share the prefix,
            // parsed again by pegen at the same level to the same result (block is
            // memoised), so it is parsed once.
            if p.eat(Tok::Try)?.is_none() {
                return Ok(None);
            }
            p.expect_forced(Tok::Colon, ":")?;
            let Some(body) = p.block()? else {
                return Ok(None);
            };
            let after = p.mark;
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
            for star in [false, true] {
                p.mark = after;
                let handlers = p.helper(|p| {
                    let mut v = Vec::new();
                    while let Some(h) = p.except_block(star)? {
                        v.push(h);
                    }
                    Ok(if v.is_empty() { None } else { Some(v) })
                })?;
                let Some(handlers) = handlers else {
                    continue;
                };
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

    /// `['as' NAME]` after an exception type (a `_tmp` helper).
    fn except_as(&mut self) -> Result<Option<Identifier>, Fail> {
        self.helper(|p| {
            if p.eat(Tok::As)?.is_none() {
                return Ok(None);
            }
            Ok(p.name_token()?.map(|(id, _)| id))
        })
    }

    /// `except_block` / `except_star_block`.
    pub fn except_block(&mut self, star: bool) -> PResult<ExceptHandler> {
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
            if p.eat(Tok::Except)?.is_some() && (!star || p.eat(Tok::Star)?.is_some()) {
                if let Some(e) = p.expression()? {
                    let name = p.except_as()?;
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
            p.mark = start;
            if !star && p.eat(Tok::Except)?.is_some() && p.eat(Tok::Colon)?.is_some() {
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
            p.mark = start;
            if p.call_invalid_rules {
                p.invalid_except_stmt()?;
            }
            Ok(None)
        })
    }

    /// `finally_block: invalid_finally_stmt | 'finally' &&':' block`.
    pub fn finally_block(&mut self) -> PResult<Vec<Stmt>> {
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
