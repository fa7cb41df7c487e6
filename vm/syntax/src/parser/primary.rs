//! Primary expressions of python.gram: `primary` (attribute, call, subscript chains),
//! `slices`, `atom` and the displays (tuple, group, list, set, dict), comprehensions,
//! `lambdef`, and call arguments.

use super::{CallArgs, Fail, PResult, Parser, Rule, token_loc};
use crate::ast::*;
use crate::lexer::Tok;

/// `KeywordOrStarred`.
pub(crate) enum KwOrStarred {
    Kw(Keyword),
    Starred(Expr),
}

/// `_PyPegen_seq_extract_starred_exprs` and `_PyPegen_seq_delete_starred_exprs`.
fn split_kwargs(items: Vec<KwOrStarred>, args: &mut Vec<Expr>, keywords: &mut Vec<Keyword>) {
    for item in items {
        match item {
            KwOrStarred::Starred(e) => args.push(e),
            KwOrStarred::Kw(kw) => keywords.push(kw),
        }
    }
}

impl Parser<'_> {
    /// `primary` (left-recursive, memo): attribute, call and subscript chains on an atom.
    pub fn primary(&mut self) -> PResult<Expr> {
        self.memo_rule(Rule::Primary, |p| {
            p.rule(|p| {
                let start = p.mark;
                let Some(mut a) = p.atom()? else {
                    return Ok(None);
                };
                loop {
                    let m = p.mark;
                    // primary '.' NAME
                    if p.eat(Tok::Dot)?.is_some() {
                        if let Some((attr, _)) = p.name_token()? {
                            let loc = p.loc_from(start);
                            a = Expr::new(
                                ExprKind::Attribute {
                                    value: Box::new(a),
                                    attr,
                                    ctx: ExprContext::Load,
                                },
                                loc,
                            );
                            continue;
                        }
                        p.mark = m;
                    }
                    // primary genexp
                    if let Some(g) = p.genexp()? {
                        let loc = p.loc_from(start);
                        a = Expr::new(
                            ExprKind::Call {
                                func: Box::new(a),
                                args: vec![g],
                                keywords: vec![],
                            },
                            loc,
                        );
                        continue;
                    }
                    p.mark = m;
                    // primary '(' [arguments] ')'
                    if p.eat(Tok::Lpar)?.is_some() {
                        let args = p.arguments()?;
                        if p.eat(Tok::Rpar)?.is_some() {
                            let (args, keywords) = match args {
                                Some((a, k, _)) => (a, k),
                                None => (vec![], vec![]),
                            };
                            let loc = p.loc_from(start);
                            a = Expr::new(
                                ExprKind::Call {
                                    func: Box::new(a),
                                    args,
                                    keywords,
                                },
                                loc,
                            );
                            continue;
                        }
                        p.mark = m;
                    }
                    // primary '[' slices ']'
                    if p.eat(Tok::Lsqb)?.is_some() {
                        if let Some(s) = p.slices()? {
                            if p.eat(Tok::Rsqb)?.is_some() {
                                let loc = p.loc_from(start);
                                a = Expr::new(
                                    ExprKind::Subscript {
                                        value: Box::new(a),
                                        slice: Box::new(s),
                                        ctx: ExprContext::Load,
                                    },
                                    loc,
                                );
                                continue;
                            }
                        }
                        p.mark = m;
                    }
                    break;
                }
                Ok(Some(a))
            })
        })
    }

    /// `slices: slice !',' | ','.(slice | starred_expression)+ [',']`.
    pub fn slices(&mut self) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            if let Some(a) = p.slice()? {
                if !p.at(Tok::Comma)? {
                    return Ok(Some(a));
                }
            }
            p.mark = start;
            let elts = p.gather(Tok::Comma, |p| {
                p.helper(|p| {
                    let m = p.mark;
                    if let Some(s) = p.slice()? {
                        return Ok(Some(s));
                    }
                    p.mark = m;
                    p.starred_expression()
                })
            })?;
            let Some(elts) = elts else {
                return Ok(None);
            };
            p.eat(Tok::Comma)?;
            let loc = p.loc_from(start);
            Ok(Some(Expr::new(
                ExprKind::Tuple {
                    elts,
                    ctx: ExprContext::Load,
                },
                loc,
            )))
        })
    }

    /// `slice: [expression] ':' [expression] [':' [expression]] | named_expression`.
    fn slice(&mut self) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            let lower = p.expression()?;
            if p.eat(Tok::Colon)?.is_some() {
                let upper = p.expression()?;
                let step = p.helper(|p| {
                    if p.eat(Tok::Colon)?.is_none() {
                        return Ok(None);
                    }
                    Ok(Some(p.expression()?))
                })?;
                let loc = p.loc_from(start);
                return Ok(Some(Expr::new(
                    ExprKind::Slice {
                        lower: lower.map(Box::new),
                        upper: upper.map(Box::new),
                        step: step.flatten().map(Box::new),
                    },
                    loc,
                )));
            }
            p.mark = start;
            p.named_expression()
        })
    }

    /// `atom`.
    pub fn atom(&mut self) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            let t = p.tok_at(start)?;
            let constant = |p: &mut Self, value: Constant| {
                p.mark += 1;
                Ok(Some(Expr::new(
                    ExprKind::Constant { value, kind: None },
                    token_loc(&t),
                )))
            };
            match t.kind {
                Tok::Name => p.name(),
                Tok::True => constant(p, Constant::Bool(true)),
                Tok::False => constant(p, Constant::Bool(false)),
                Tok::None => constant(p, Constant::None),
                Tok::String => p.strings(),
                Tok::Number => {
                    p.mark += 1;
                    let value = p.number_value(&t)?;
                    Ok(Some(Expr::new(
                        ExprKind::Constant { value, kind: None },
                        token_loc(&t),
                    )))
                }
                Tok::Lpar => p.helper(|p| {
                    if let Some(e) = p.tuple()? {
                        return Ok(Some(e));
                    }
                    if let Some(e) = p.group()? {
                        return Ok(Some(e));
                    }
                    p.genexp()
                }),
                Tok::Lsqb => p.helper(|p| {
                    if let Some(e) = p.list()? {
                        return Ok(Some(e));
                    }
                    p.listcomp()
                }),
                Tok::Lbrace => p.helper(|p| {
                    if let Some(e) = p.dict()? {
                        return Ok(Some(e));
                    }
                    if let Some(e) = p.set()? {
                        return Ok(Some(e));
                    }
                    if let Some(e) = p.dictcomp()? {
                        return Ok(Some(e));
                    }
                    p.setcomp()
                }),
                Tok::Ellipsis => constant(p, Constant::Ellipsis),
                _ => Ok(None),
            }
        })
    }

    /// `group: '(' (yield_expr | named_expression) ')' | invalid_group`.
    fn group(&mut self) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            if p.eat(Tok::Lpar)?.is_some() {
                let a = p.helper(|p| {
                    if let Some(y) = p.yield_expr()? {
                        return Ok(Some(y));
                    }
                    p.named_expression()
                })?;
                if let Some(a) = a {
                    if p.eat(Tok::Rpar)?.is_some() {
                        return Ok(Some(a));
                    }
                }
            }
            p.mark = start;
            if p.call_invalid_rules {
                p.invalid_group()?;
            }
            Ok(None)
        })
    }

    /// `lambdef: 'lambda' [lambda_params] ':' expression`.
    pub fn lambdef(&mut self) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            if p.eat(Tok::Lambda)?.is_none() {
                return Ok(None);
            }
            let args = p.lambda_params()?;
            if p.eat(Tok::Colon)?.is_none() {
                return Ok(None);
            }
            let Some(body) = p.expression()? else {
                return Ok(None);
            };
            let loc = p.loc_from(start);
            Ok(Some(Expr::new(
                ExprKind::Lambda {
                    args: Box::new(args.unwrap_or_else(super::params::empty_arguments)),
                    body: Box::new(body),
                },
                loc,
            )))
        })
    }

    /// `list: '[' [star_named_expressions] ']'`.
    pub(crate) fn list(&mut self) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            if p.eat(Tok::Lsqb)?.is_none() {
                return Ok(None);
            }
            let elts = p.star_named_expressions()?.unwrap_or_default();
            if p.eat(Tok::Rsqb)?.is_none() {
                return Ok(None);
            }
            let loc = p.loc_from(start);
            Ok(Some(Expr::new(
                ExprKind::List {
                    elts,
                    ctx: ExprContext::Load,
                },
                loc,
            )))
        })
    }

    /// `tuple: '(' [star_named_expression ',' [star_named_expressions]] ')'`.
    pub(crate) fn tuple(&mut self) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            if p.eat(Tok::Lpar)?.is_none() {
                return Ok(None);
            }
            let elts = p.helper(|p| {
                let Some(y) = p.star_named_expression()? else {
                    return Ok(None);
                };
                if p.eat(Tok::Comma)?.is_none() {
                    return Ok(None);
                }
                let mut v = vec![y];
                if let Some(z) = p.star_named_expressions()? {
                    v.extend(z);
                }
                Ok(Some(v))
            })?;
            if p.eat(Tok::Rpar)?.is_none() {
                return Ok(None);
            }
            let loc = p.loc_from(start);
            Ok(Some(Expr::new(
                ExprKind::Tuple {
                    elts: elts.unwrap_or_default(),
                    ctx: ExprContext::Load,
                },
                loc,
            )))
        })
    }

    /// `set: '{' star_named_expressions '}'`.
    fn set(&mut self) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            if p.eat(Tok::Lbrace)?.is_none() {
                return Ok(None);
            }
            let Some(elts) = p.star_named_expressions()? else {
                return Ok(None);
            };
            if p.eat(Tok::Rbrace)?.is_none() {
                return Ok(None);
            }
            let loc = p.loc_from(start);
            Ok(Some(Expr::new(ExprKind::Set { elts }, loc)))
        })
    }

    /// `dict: '{' [double_starred_kvpairs] '}' | '{' invalid_double_starred_kvpairs '}'`.
    fn dict(&mut self) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            if p.eat(Tok::Lbrace)?.is_some() {
                let pairs = p.double_starred_kvpairs()?;
                if p.eat(Tok::Rbrace)?.is_some() {
                    let loc = p.loc_from(start);
                    let (keys, values) = pairs.unwrap_or_default().into_iter().unzip();
                    return Ok(Some(Expr::new(ExprKind::Dict { keys, values }, loc)));
                }
            }
            p.mark = start;
            if p.call_invalid_rules && p.eat(Tok::Lbrace)?.is_some() {
                p.invalid_double_starred_kvpairs()?;
                // The invalid rule raises whenever it matches.
            }
            Ok(None)
        })
    }

    /// `double_starred_kvpairs: ','.double_starred_kvpair+ [',']`.
    fn double_starred_kvpairs(&mut self) -> PResult<Vec<(Option<Expr>, Expr)>> {
        self.rule(|p| {
            let Some(v) = p.gather(Tok::Comma, Parser::double_starred_kvpair)? else {
                return Ok(None);
            };
            p.eat(Tok::Comma)?;
            Ok(Some(v))
        })
    }

    /// `double_starred_kvpair: '**' bitwise_or | kvpair` (keys are `None` for `**x`).
    pub fn double_starred_kvpair(&mut self) -> PResult<(Option<Expr>, Expr)> {
        self.rule(|p| {
            let start = p.mark;
            if p.eat(Tok::DoubleStar)?.is_some() {
                if let Some(a) = p.bitwise_or()? {
                    return Ok(Some((None, a)));
                }
            }
            p.mark = start;
            Ok(p.kvpair()?.map(|(k, v)| (Some(k), v)))
        })
    }

    /// `kvpair: expression ':' expression`.
    pub fn kvpair(&mut self) -> PResult<(Expr, Expr)> {
        self.rule(|p| {
            let Some(a) = p.expression()? else {
                return Ok(None);
            };
            if p.eat(Tok::Colon)?.is_none() {
                return Ok(None);
            }
            let Some(b) = p.expression()? else {
                return Ok(None);
            };
            Ok(Some((a, b)))
        })
    }

    /// `for_if_clauses: for_if_clause+`.
    pub fn for_if_clauses(&mut self) -> PResult<Vec<Comprehension>> {
        self.rule(|p| {
            p.helper(|p| {
                let mut v = Vec::new();
                while let Some(c) = p.for_if_clause()? {
                    v.push(c);
                }
                Ok(if v.is_empty() { None } else { Some(v) })
            })
        })
    }

    /// `for_if_clause`.
    fn for_if_clause(&mut self) -> PResult<Comprehension> {
        self.rule(|p| {
            let start = p.mark;
            for is_async in [true, false] {
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
                let Some(iter) = p.disjunction()? else {
                    return Ok(None);
                };
                let ifs = p.helper(|p| {
                    let mut v = Vec::new();
                    while let Some(z) = p.helper(|p| {
                        if p.eat(Tok::If)?.is_none() {
                            return Ok(None);
                        }
                        p.disjunction()
                    })? {
                        v.push(z);
                    }
                    Ok(Some(v))
                })?;
                return Ok(Some(Comprehension {
                    target: Box::new(target),
                    iter: Box::new(iter),
                    ifs: ifs.unwrap_or_default(),
                    is_async: i32::from(is_async),
                }));
            }
            p.mark = start;
            if p.call_invalid_rules {
                p.invalid_for_target()?;
            }
            Ok(None)
        })
    }

    /// `listcomp` / `setcomp`: `open named_expression for_if_clauses close |
    /// invalid_comprehension`.
    fn comp(&mut self, open: Tok, close: Tok, list: bool) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            if p.eat(open)?.is_some() {
                if let Some(a) = p.named_expression()? {
                    if let Some(generators) = p.for_if_clauses()? {
                        if p.eat(close)?.is_some() {
                            let loc = p.loc_from(start);
                            let elt = Box::new(a);
                            let node = if list {
                                ExprKind::ListComp { elt, generators }
                            } else {
                                ExprKind::SetComp { elt, generators }
                            };
                            return Ok(Some(Expr::new(node, loc)));
                        }
                    }
                }
            }
            p.mark = start;
            if p.call_invalid_rules {
                p.invalid_comprehension()?;
            }
            Ok(None)
        })
    }

    fn listcomp(&mut self) -> PResult<Expr> {
        self.comp(Tok::Lsqb, Tok::Rsqb, true)
    }

    fn setcomp(&mut self) -> PResult<Expr> {
        self.comp(Tok::Lbrace, Tok::Rbrace, false)
    }

    /// `genexp: '(' (assignment_expression | expression !':=') for_if_clauses ')' |
    /// invalid_comprehension`.
    pub fn genexp(&mut self) -> PResult<Expr> {
        // Fast path: without a `for` at the top level of the parentheses (a call like
        // `f(a, b)`) this can only fail, so don't parse the first argument twice.
        if self.fast && !self.paren_may_hold_for(self.mark) {
            return Ok(None);
        }
        self.rule(|p| {
            let start = p.mark;
            if p.eat(Tok::Lpar)?.is_some() {
                if let Some(a) = p.assignment_or_expression()? {
                    if let Some(generators) = p.for_if_clauses()? {
                        if p.eat(Tok::Rpar)?.is_some() {
                            let loc = p.loc_from(start);
                            return Ok(Some(Expr::new(
                                ExprKind::GeneratorExp {
                                    elt: Box::new(a),
                                    generators,
                                },
                                loc,
                            )));
                        }
                    }
                }
            }
            p.mark = start;
            if p.call_invalid_rules {
                p.invalid_comprehension()?;
            }
            Ok(None)
        })
    }

    /// Is the token at `i` anything but a `(` whose contents, up to its `)`, hold no `for`
    /// at their own bracket level? (Reads the lexed tokens only: no tokenizer error, no
    /// effect on `fill`; running out of tokens answers true.)
    fn paren_may_hold_for(&self, i: usize) -> bool {
        let Some(open) = self.tokens.get(i) else {
            return true;
        };
        if open.kind != Tok::Lpar {
            return true;
        }
        let inner = open.level;
        for t in self.tokens.get(i + 1..).unwrap_or_default() {
            if t.level < inner {
                return false;
            }
            if t.level == inner && t.kind == Tok::For {
                return true;
            }
        }
        true
    }

    /// Are the current token and the next `NAME '='`? (Reads the lexed tokens only.)
    fn name_then_equal(&self) -> bool {
        matches!(
            (self.tokens.get(self.mark), self.tokens.get(self.mark + 1)),
            (Some(a), Some(b)) if a.kind == Tok::Name && b.kind == Tok::Equal
        )
    }

    /// `dictcomp: '{' kvpair for_if_clauses '}' | invalid_dict_comprehension`.
    fn dictcomp(&mut self) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            if p.eat(Tok::Lbrace)?.is_some() {
                if let Some((k, v)) = p.kvpair()? {
                    if let Some(generators) = p.for_if_clauses()? {
                        if p.eat(Tok::Rbrace)?.is_some() {
                            let loc = p.loc_from(start);
                            return Ok(Some(Expr::new(
                                ExprKind::DictComp {
                                    key: Box::new(k),
                                    value: Box::new(v),
                                    generators,
                                },
                                loc,
                            )));
                        }
                    }
                }
            }
            p.mark = start;
            if p.call_invalid_rules {
                p.invalid_dict_comprehension()?;
            }
            Ok(None)
        })
    }

    /// `arguments` (memo): `args [','] &')' | invalid_arguments`.
    pub fn arguments(&mut self) -> PResult<CallArgs> {
        self.memo_rule(Rule::Arguments, |p| {
            let start = p.mark;
            if let Some(a) = p.args()? {
                p.eat(Tok::Comma)?;
                if p.at(Tok::Rpar)? {
                    return Ok(Some(a));
                }
            }
            p.mark = start;
            if p.call_invalid_rules {
                p.invalid_arguments()?;
            }
            Ok(None)
        })
    }

    /// One positional argument of `args`: `starred_expression | (assignment_expression |
    /// expression !':=') !'='` (a `_tmp` helper).
    fn positional_arg(&mut self) -> PResult<Expr> {
        self.helper(|p| {
            // Fast path: `NAME '='` starts a keyword argument, which no alternative here
            // accepts (they would parse NAME and fail at `!'='`).
            if p.fast && p.name_then_equal() {
                return Ok(None);
            }
            let start = p.mark;
            if let Some(e) = p.starred_expression()? {
                return Ok(Some(e));
            }
            p.mark = start;
            if let Some(e) = p.assignment_or_expression()? {
                if !p.at(Tok::Equal)? {
                    return Ok(Some(e));
                }
            }
            Ok(None)
        })
    }

    /// `args`: positional arguments then `[',' kwargs]`, or `kwargs`.
    pub fn args(&mut self) -> PResult<CallArgs> {
        self.rule(|p| {
            let start = p.mark;
            if let Some(mut args) = p.gather(Tok::Comma, Parser::positional_arg)? {
                let kw = p.helper(|p| {
                    if p.eat(Tok::Comma)?.is_none() {
                        return Ok(None);
                    }
                    p.kwargs()
                })?;
                let mut keywords = Vec::new();
                if let Some(kw) = kw {
                    split_kwargs(kw, &mut args, &mut keywords);
                }
                let loc = p.loc_from(start);
                return Ok(Some((args, keywords, loc)));
            }
            p.mark = start;
            let Some(k) = p.kwargs()? else {
                return Ok(None);
            };
            let (mut args, mut keywords) = (Vec::new(), Vec::new());
            split_kwargs(k, &mut args, &mut keywords);
            let loc = p.loc_from(start);
            Ok(Some((args, keywords, loc)))
        })
    }

    /// `kwargs`.
    fn kwargs(&mut self) -> PResult<Vec<KwOrStarred>> {
        self.rule(|p| {
            let start = p.mark;
            if let Some(mut a) = p.gather(Tok::Comma, Parser::kwarg_or_starred)? {
                let after = p.mark;
                if p.eat(Tok::Comma)?.is_some() {
                    if let Some(b) = p.gather(Tok::Comma, Parser::kwarg_or_double_starred)? {
                        a.extend(b);
                        return Ok(Some(a));
                    }
                }
                // The second alternative is the same gather at the same level: its result
                // is this one.
                p.mark = after;
                return Ok(Some(a));
            }
            p.mark = start;
            p.gather(Tok::Comma, Parser::kwarg_or_double_starred)
        })
    }

    /// `starred_expression: '*' expression`.
    pub fn starred_expression(&mut self) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            if p.eat(Tok::Star)?.is_none() {
                return Ok(None);
            }
            let Some(a) = p.expression()? else {
                return Ok(None);
            };
            let loc = p.loc_from(start);
            Ok(Some(Expr::new(
                ExprKind::Starred {
                    value: Box::new(a),
                    ctx: ExprContext::Load,
                },
                loc,
            )))
        })
    }

    /// `NAME '=' expression` inside the keyword rules.
    fn kwarg_named(&mut self) -> PResult<KwOrStarred> {
        let start = self.mark;
        if let Some((id, _)) = self.name_token()? {
            if self.eat(Tok::Equal)?.is_some() {
                if let Some(b) = self.expression()? {
                    let loc = self.loc_from(start);
                    return Ok(Some(KwOrStarred::Kw(Keyword {
                        arg: Some(id),
                        value: Box::new(b),
                        loc,
                    })));
                }
            }
        }
        self.mark = start;
        Ok(None)
    }

    /// `kwarg_or_starred: invalid_kwarg | NAME '=' expression | starred_expression`.
    fn kwarg_or_starred(&mut self) -> PResult<KwOrStarred> {
        self.rule(|p| {
            let start = p.mark;
            if p.call_invalid_rules {
                p.invalid_kwarg()?;
                p.mark = start;
            }
            if let Some(k) = p.kwarg_named()? {
                return Ok(Some(k));
            }
            Ok(p.starred_expression()?.map(KwOrStarred::Starred))
        })
    }

    /// `kwarg_or_double_starred: invalid_kwarg | NAME '=' expression | '**' expression`.
    fn kwarg_or_double_starred(&mut self) -> PResult<KwOrStarred> {
        self.rule(|p| {
            let start = p.mark;
            if p.call_invalid_rules {
                p.invalid_kwarg()?;
                p.mark = start;
            }
            if let Some(k) = p.kwarg_named()? {
                return Ok(Some(k));
            }
            if p.eat(Tok::DoubleStar)?.is_some() {
                if let Some(a) = p.expression()? {
                    let loc = p.loc_from(start);
                    return Ok(Some(KwOrStarred::Kw(Keyword {
                        arg: None,
                        value: Box::new(a),
                        loc,
                    })));
                }
            }
            Ok(None)
        })
    }

    /// The value of a NUMBER token (`_PyPegen_number_token`).
    pub fn number_value(&mut self, t: &crate::lexer::Token) -> Result<Constant, Fail> {
        let text: Vec<u8> = self
            .text(t)
            .iter()
            .copied()
            .filter(|&b| b != b'_')
            .collect();
        let s = std::str::from_utf8(&text).unwrap_or("0");
        if let Some(msg) = super::number::int_digits_error(s) {
            let msg = format!(
                "{msg} - Consider hexadecimal for huge integer literals to avoid decimal conversion limits."
            );
            return Err(self.raise_known(
                crate::error::SyntaxErrorKind::SyntaxError,
                &msg,
                i64::from(t.lineno),
                -1,
                i64::from(t.end_lineno),
                -1,
            ));
        }
        Ok(super::number::parse_number(s).unwrap_or(Constant::Int(0.into())))
    }
}
