//! Simple statements of python.gram: `statements`, `simple_stmts`, `simple_stmt`,
//! assignments, and the keyword statements (`return`, `raise`, `global`, `del`,
//! `assert`, `import`...). Each rule, and each helper rule pegen generates for a group,
//! repetition or gather, takes one level of nesting, as in the generated C parser.

use super::target::set_context;
use super::{Fail, PResult, Parser, Rule, token_loc};
use crate::ast::*;
use crate::lexer::Tok;

pub(crate) fn augassign_op(t: Tok) -> Option<Operator> {
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
    /// `statements: statement+` (flattened).
    pub fn statements(&mut self) -> PResult<Vec<Stmt>> {
        self.rule(|p| {
            p.helper(|p| {
                let mut out = Vec::new();
                while let Some(v) = p.statement()? {
                    out.extend(v);
                }
                Ok(if out.is_empty() { None } else { Some(out) })
            })
        })
    }

    /// `statement: compound_stmt | simple_stmts`.
    fn statement(&mut self) -> PResult<Vec<Stmt>> {
        self.rule(|p| {
            if let Some(s) = p.compound_stmt()? {
                return Ok(Some(vec![s]));
            }
            p.simple_stmts()
        })
    }

    /// `simple_stmts: simple_stmt !';' NEWLINE | ';'.simple_stmt+ [';'] NEWLINE`.
    pub fn simple_stmts(&mut self) -> PResult<Vec<Stmt>> {
        self.rule(|p| {
            let start = p.mark;
            if let Some(s) = p.simple_stmt()? {
                if !p.at(Tok::Semi)? && p.eat(Tok::Newline)?.is_some() {
                    return Ok(Some(vec![s]));
                }
            }
            p.mark = start;
            if let Some(v) = p.gather(Tok::Semi, Parser::simple_stmt)? {
                p.eat(Tok::Semi)?;
                if p.eat(Tok::Newline)?.is_some() {
                    return Ok(Some(v));
                }
            }
            Ok(None)
        })
    }

    /// `simple_stmt` (memo).
    fn simple_stmt(&mut self) -> PResult<Stmt> {
        self.memo_rule(Rule::SimpleStmt, |p| {
            let start = p.mark;
            if !p.fast || p.may_be_assignment(start) {
                if let Some(s) = p.assignment()? {
                    return Ok(Some(s));
                }
                p.mark = start;
            }
            if let Some(e) = p.star_expressions()? {
                let loc = p.loc_from(start);
                return Ok(Some(Stmt::new(StmtKind::Expr { value: Box::new(e) }, loc)));
            }
            p.mark = start;
            let t = p.tok_at(start)?;
            let simple = |p: &mut Self, node: StmtKind| {
                p.mark += 1;
                Ok(Some(Stmt::new(node, token_loc(&t))))
            };
            match t.kind {
                Tok::Return => p.return_stmt(),
                Tok::Import | Tok::From => {
                    // &('import' | 'from'): the lookahead is a helper rule.
                    p.helper(|_| Ok(Some(())))?;
                    p.import_stmt()
                }
                Tok::Raise => p.raise_stmt(),
                Tok::Pass => simple(p, StmtKind::Pass),
                Tok::Del => p.del_stmt(),
                Tok::Yield => p.yield_stmt(),
                Tok::Assert => p.assert_stmt(),
                Tok::Break => simple(p, StmtKind::Break),
                Tok::Continue => simple(p, StmtKind::Continue),
                Tok::Global | Tok::Nonlocal => p.global_stmt(t.kind == Tok::Global),
                _ => Ok(None),
            }
        })
    }

    /// Fast path: every `assignment` alternative needs a `:`, `=` or augmented-assignment
    /// operator outside brackets before the statement ends, so a statement without one
    /// (`f(x)`, `return y`) skips straight to the others. Reads the lexed tokens only;
    /// running out of them answers true.
    fn may_be_assignment(&self, start: usize) -> bool {
        let Some(first) = self.tokens.get(start) else {
            return true;
        };
        // The level before the first token (a token's level is the one after it).
        let level = match first.kind {
            Tok::Lpar | Tok::Lsqb | Tok::Lbrace => first.level.saturating_sub(1),
            _ => first.level,
        };
        for t in self.tokens.get(start..).unwrap_or_default() {
            if t.level == level {
                match t.kind {
                    Tok::Newline | Tok::Semi | Tok::EndMarker => return false,
                    Tok::Colon | Tok::Equal => return true,
                    k if augassign_op(k).is_some() => return true,
                    _ => {}
                }
            }
        }
        true
    }

    /// `annotated_rhs: yield_expr | star_expressions`, and the `(yield_expr |
    /// star_expressions)` groups (`as_helper`: a `_tmp` rule rather than the rule).
    pub fn annotated_rhs(&mut self, as_helper: bool) -> PResult<Expr> {
        let body = |p: &mut Self| {
            if let Some(y) = p.yield_expr()? {
                return Ok(Some(y));
            }
            p.star_expressions()
        };
        if as_helper {
            self.helper(body)
        } else {
            self.rule(body)
        }
    }

    /// `['=' annotated_rhs]` after an annotation (a `_tmp` helper).
    fn ann_value(&mut self) -> Result<Option<Box<Expr>>, Fail> {
        Ok(self
            .helper(|p| {
                if p.eat(Tok::Equal)?.is_none() {
                    return Ok(None);
                }
                p.annotated_rhs(false)
            })?
            .map(Box::new))
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
            // ('(' single_target ')' | single_subscript_attribute_target) ':' expression
            // ['=' annotated_rhs]
            let target = p.helper(|p| {
                if p.eat(Tok::Lpar)?.is_some() {
                    if let Some(b) = p.single_target()? {
                        if p.eat(Tok::Rpar)?.is_some() {
                            return Ok(Some(b));
                        }
                    }
                }
                p.mark = start;
                p.single_subscript_attribute_target()
            })?;
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
            let targets = p.helper(|p| {
                let mut targets = Vec::new();
                while let Some(t) = p.helper(|p| {
                    let Some(t) = p.star_targets()? else {
                        return Ok(None);
                    };
                    Ok(p.eat(Tok::Equal)?.map(|_| t))
                })? {
                    targets.push(t);
                }
                Ok(if targets.is_empty() {
                    None
                } else {
                    Some(targets)
                })
            })?;
            if let Some(targets) = targets {
                if let Some(value) = p.annotated_rhs(true)? {
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
                if let Some(op) = p.augassign()? {
                    let Some(c) = p.annotated_rhs(true)? else {
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

    /// `augassign`: one of the augmented assignment operators.
    pub fn augassign(&mut self) -> Result<Option<Operator>, Fail> {
        self.rule(|p| {
            let Some(op) = augassign_op(p.peek()?) else {
                return Ok(None);
            };
            p.mark += 1;
            Ok(Some(op))
        })
    }

    /// `return_stmt: 'return' [star_expressions]`.
    fn return_stmt(&mut self) -> PResult<Stmt> {
        self.rule(|p| {
            let start = p.mark;
            if p.eat(Tok::Return)?.is_none() {
                return Ok(None);
            }
            let value = p.star_expressions()?.map(Box::new);
            let loc = p.loc_from(start);
            Ok(Some(Stmt::new(StmtKind::Return { value }, loc)))
        })
    }

    /// `raise_stmt: 'raise' expression ['from' expression] | 'raise'`.
    fn raise_stmt(&mut self) -> PResult<Stmt> {
        self.rule(|p| {
            let start = p.mark;
            if p.eat(Tok::Raise)?.is_none() {
                return Ok(None);
            }
            if let Some(a) = p.expression()? {
                let cause = p
                    .helper(|p| {
                        if p.eat(Tok::From)?.is_none() {
                            return Ok(None);
                        }
                        p.expression()
                    })?
                    .map(Box::new);
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

    /// `global_stmt: 'global' ','.NAME+` and `nonlocal_stmt`.
    fn global_stmt(&mut self, global: bool) -> PResult<Stmt> {
        self.rule(|p| {
            let start = p.mark;
            p.mark += 1;
            let Some(names) = p.gather(Tok::Comma, |p| Ok(p.name_token()?.map(|(id, _)| id)))?
            else {
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

    /// `del_stmt: 'del' del_targets &(';' | NEWLINE) | invalid_del_stmt`.
    fn del_stmt(&mut self) -> PResult<Stmt> {
        self.rule(|p| {
            let start = p.mark;
            if p.eat(Tok::Del)?.is_some() {
                if let Some(targets) = p.del_targets()? {
                    let end = p.helper(|p| {
                        Ok(matches!(p.peek()?, Tok::Semi | Tok::Newline).then_some(()))
                    })?;
                    if end.is_some() {
                        let loc = p.loc_from(start);
                        return Ok(Some(Stmt::new(StmtKind::Delete { targets }, loc)));
                    }
                }
            }
            p.mark = start;
            if p.call_invalid_rules {
                p.invalid_del_stmt()?;
            }
            Ok(None)
        })
    }

    /// `yield_stmt: yield_expr`.
    fn yield_stmt(&mut self) -> PResult<Stmt> {
        self.rule(|p| {
            let start = p.mark;
            let Some(y) = p.yield_expr()? else {
                return Ok(None);
            };
            let loc = p.loc_from(start);
            Ok(Some(Stmt::new(StmtKind::Expr { value: Box::new(y) }, loc)))
        })
    }

    /// `assert_stmt: 'assert' expression [',' expression]`.
    fn assert_stmt(&mut self) -> PResult<Stmt> {
        self.rule(|p| {
            let start = p.mark;
            if p.eat(Tok::Assert)?.is_none() {
                return Ok(None);
            }
            let Some(test) = p.expression()? else {
                return Ok(None);
            };
            let msg = p
                .helper(|p| {
                    if p.eat(Tok::Comma)?.is_none() {
                        return Ok(None);
                    }
                    p.expression()
                })?
                .map(Box::new);
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

    /// `import_stmt: import_name | import_from`.
    fn import_stmt(&mut self) -> PResult<Stmt> {
        self.rule(|p| {
            if let Some(s) = p.import_name()? {
                return Ok(Some(s));
            }
            p.import_from()
        })
    }

    /// `import_name: 'import' dotted_as_names`.
    fn import_name(&mut self) -> PResult<Stmt> {
        self.rule(|p| {
            let start = p.mark;
            if p.eat(Tok::Import)?.is_none() {
                return Ok(None);
            }
            let Some(names) = p.rule(|p| p.gather(Tok::Comma, Parser::dotted_as_name))? else {
                return Ok(None);
            };
            let loc = p.loc_from(start);
            Ok(Some(Stmt::new(StmtKind::Import { names }, loc)))
        })
    }

    /// `('.' | '...')*` (or `+`): the relative import level.
    fn import_dots(&mut self) -> Result<u32, Fail> {
        let dots = self.helper(|p| {
            let mut level = 0;
            while let Some(n) = p.helper(|p| {
                let n = match p.peek()? {
                    Tok::Dot => 1,
                    Tok::Ellipsis => 3,
                    _ => return Ok(None),
                };
                p.mark += 1;
                Ok(Some(n))
            })? {
                level += n;
            }
            Ok(Some(level))
        })?;
        Ok(dots.unwrap_or(0))
    }

    /// `import_from`.
    fn import_from(&mut self) -> PResult<Stmt> {
        self.rule(|p| {
            let start = p.mark;
            if p.eat(Tok::From)?.is_some() {
                let level = p.import_dots()?;
                if let Some(module) = p.dotted_name()? {
                    if p.eat(Tok::Import)?.is_some() {
                        if let Some(names) = p.import_from_targets()? {
                            let loc = p.loc_from(start);
                            return Ok(Some(Stmt::new(
                                StmtKind::ImportFrom {
                                    module: Some(module),
                                    names,
                                    level: Some(level as i32),
                                },
                                loc,
                            )));
                        }
                    }
                }
            }
            p.mark = start;
            if p.eat(Tok::From)?.is_some() {
                let level = p.import_dots()?;
                if level > 0 {
                    if p.eat(Tok::Import)?.is_some() {
                        if let Some(names) = p.import_from_targets()? {
                            let loc = p.loc_from(start);
                            return Ok(Some(Stmt::new(
                                StmtKind::ImportFrom {
                                    module: None,
                                    names,
                                    level: Some(level as i32),
                                },
                                loc,
                            )));
                        }
                    }
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
                if let Some(v) = p.import_from_as_names()? {
                    p.eat(Tok::Comma)?;
                    if p.eat(Tok::Rpar)?.is_some() {
                        return Ok(Some(v));
                    }
                }
            }
            p.mark = start;
            if let Some(v) = p.import_from_as_names()? {
                if !p.at(Tok::Comma)? {
                    return Ok(Some(v));
                }
            }
            p.mark = start;
            if let Some(t) = p.eat(Tok::Star)? {
                let loc = p.loc_from(start);
                let _ = t;
                return Ok(Some(vec![Alias {
                    name: Identifier::new("*"),
                    asname: None,
                    loc,
                }]));
            }
            if p.call_invalid_rules {
                p.invalid_import_from_targets()?;
            }
            Ok(None)
        })
    }

    /// `import_from_as_names: ','.import_from_as_name+`.
    pub fn import_from_as_names(&mut self) -> PResult<Vec<Alias>> {
        self.rule(|p| p.gather(Tok::Comma, Parser::import_from_as_name))
    }

    /// `['as' NAME]` (a `_tmp` helper).
    fn as_name(&mut self) -> Result<Option<Identifier>, Fail> {
        self.helper(|p| {
            if p.eat(Tok::As)?.is_none() {
                return Ok(None);
            }
            Ok(p.name_token()?.map(|(id, _)| id))
        })
    }

    /// `import_from_as_name: NAME ['as' NAME]`.
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

    /// `dotted_as_name: dotted_name ['as' NAME]`.
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
    pub fn dotted_name(&mut self) -> PResult<Identifier> {
        self.memo_rule(Rule::DottedName, |p| {
            p.rule(|p| {
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
        })
    }

    /// `sep.elem+`: a `_gather` helper (the element, then a `_loop0` helper of
    /// `sep elem` pairs).
    pub fn gather<T>(
        &mut self,
        sep: Tok,
        mut elem: impl FnMut(&mut Self) -> PResult<T>,
    ) -> PResult<Vec<T>> {
        self.helper(|p| {
            let Some(first) = elem(p)? else {
                return Ok(None);
            };
            let mut v = vec![first];
            p.helper(|p| {
                loop {
                    let m = p.mark;
                    if p.eat(sep)?.is_none() {
                        break;
                    }
                    match elem(p)? {
                        Some(x) => v.push(x),
                        None => {
                            p.mark = m;
                            break;
                        }
                    }
                }
                Ok(Some(()))
            })?;
            Ok(Some(v))
        })
    }
}
