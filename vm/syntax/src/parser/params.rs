//! Function and lambda parameters: `params`/`lambda_params` and their sub-rules, and
//! `_PyPegen_make_arguments`. The two families share code; `lambda` selects
//! `lambda_param` (no annotation) and `':'` instead of `')'` as the closing lookahead.

use super::{Fail, PResult, Parser};
use crate::ast::*;
use crate::lexer::Tok;

/// `_PyPegen_empty_arguments`.
pub(crate) fn empty_arguments() -> Arguments {
    Arguments {
        posonlyargs: vec![],
        args: vec![],
        vararg: None,
        kwonlyargs: vec![],
        kw_defaults: vec![],
        kwarg: None,
        defaults: vec![],
    }
}

/// `StarEtc`.
#[derive(Default)]
pub(crate) struct StarEtc {
    pub vararg: Option<Arg>,
    pub kwonly: Vec<(Arg, Option<Expr>)>,
    pub kwarg: Option<Arg>,
}

/// `SlashWithDefault`: plain names, then names with defaults.
pub(crate) type SlashWithDefault = (Vec<Arg>, Vec<(Arg, Expr)>);

/// `_PyPegen_make_arguments`.
fn make_arguments(
    slash_without_default: Option<Vec<Arg>>,
    slash_with_default: Option<SlashWithDefault>,
    plain_names: Vec<Arg>,
    names_with_default: Vec<(Arg, Expr)>,
    star_etc: Option<StarEtc>,
) -> Arguments {
    let mut defaults = Vec::new();
    let posonlyargs = match (slash_without_default, slash_with_default) {
        (Some(v), _) => v,
        (None, Some((plain, with))) => {
            let mut v = plain;
            for (a, d) in with {
                v.push(a);
                defaults.push(d);
            }
            v
        }
        (None, None) => vec![],
    };
    let mut args = plain_names;
    for (a, d) in names_with_default {
        args.push(a);
        defaults.push(d);
    }
    let star = star_etc.unwrap_or_default();
    let mut kwonlyargs = Vec::new();
    let mut kw_defaults = Vec::new();
    for (a, d) in star.kwonly {
        kwonlyargs.push(a);
        kw_defaults.push(d);
    }
    Arguments {
        posonlyargs,
        args,
        vararg: star.vararg.map(Box::new),
        kwonlyargs,
        kw_defaults,
        kwarg: star.kwarg.map(Box::new),
        defaults,
    }
}

impl Parser<'_> {
    /// The lookahead that ends a parameter list: `&')'` or `&':'` for lambdas.
    fn params_end(&mut self, lambda: bool) -> Result<bool, Fail> {
        self.at(if lambda { Tok::Colon } else { Tok::Rpar })
    }

    /// `TYPE_COMMENT?`: never present, but the token is looked at (not in lambdas).
    fn type_comment(&mut self, lambda: bool) -> Result<(), Fail> {
        if !lambda {
            self.tok_at(self.mark)?;
        }
        Ok(())
    }

    /// `param: NAME annotation?` / `lambda_param: NAME`.
    pub fn param(&mut self, lambda: bool) -> PResult<Arg> {
        self.rule(|p| {
            let start = p.mark;
            let Some((arg, _)) = p.name_token()? else {
                return Ok(None);
            };
            let mut annotation = None;
            if !lambda {
                annotation = p
                    .rule(|p| {
                        if p.eat(Tok::Colon)?.is_none() {
                            return Ok(None);
                        }
                        p.expression()
                    })?
                    .map(Box::new);
            }
            let loc = p.loc_from(start);
            Ok(Some(Arg {
                arg,
                annotation,
                type_comment: None,
                loc,
            }))
        })
    }

    /// `default: '=' expression | invalid_default`.
    fn default(&mut self) -> PResult<Expr> {
        self.rule(|p| {
            let start = p.mark;
            if p.eat(Tok::Equal)?.is_some() {
                if let Some(e) = p.expression()? {
                    return Ok(Some(e));
                }
            }
            p.mark = start;
            if p.call_invalid_rules {
                p.invalid_default()?;
            }
            Ok(None)
        })
    }

    /// `X ',' TYPE_COMMENT? | X TYPE_COMMENT? &')'`: the two alternatives of the
    /// parameter rules, `item` parsed afresh for each.
    fn comma_or_end<T>(
        &mut self,
        lambda: bool,
        mut item: impl FnMut(&mut Self) -> PResult<T>,
    ) -> PResult<T> {
        self.rule(|p| {
            let start = p.mark;
            if let Some(a) = item(p)? {
                if p.eat(Tok::Comma)?.is_some() {
                    p.type_comment(lambda)?;
                    return Ok(Some(a));
                }
            }
            p.mark = start;
            if let Some(a) = item(p)? {
                p.type_comment(lambda)?;
                if p.params_end(lambda)? {
                    return Ok(Some(a));
                }
            }
            Ok(None)
        })
    }

    /// `param_no_default`.
    pub fn param_no_default(&mut self, lambda: bool) -> PResult<Arg> {
        self.comma_or_end(lambda, |p| p.param(lambda))
    }

    /// `param_with_default`.
    pub fn param_with_default(&mut self, lambda: bool) -> PResult<(Arg, Expr)> {
        self.comma_or_end(lambda, |p| {
            let Some(a) = p.param(lambda)? else {
                return Ok(None);
            };
            Ok(p.default()?.map(|d| (a, d)))
        })
    }

    /// `param_maybe_default`.
    pub fn param_maybe_default(&mut self, lambda: bool) -> PResult<(Arg, Option<Expr>)> {
        self.comma_or_end(lambda, |p| {
            let Some(a) = p.param(lambda)? else {
                return Ok(None);
            };
            let d = p.default()?;
            Ok(Some((a, d)))
        })
    }

    /// `x*` as a `_loop0` helper (never fails).
    pub fn loop0<T>(&mut self, mut f: impl FnMut(&mut Self) -> PResult<T>) -> Result<Vec<T>, Fail> {
        let v = self.helper(|p| {
            let mut v = Vec::new();
            while let Some(x) = f(p)? {
                v.push(x);
            }
            Ok(Some(v))
        })?;
        Ok(v.unwrap_or_default())
    }

    /// `x+` as a `_loop1` helper.
    pub fn loop1<T>(&mut self, mut f: impl FnMut(&mut Self) -> PResult<T>) -> PResult<Vec<T>> {
        self.helper(|p| {
            let mut v = Vec::new();
            while let Some(x) = f(p)? {
                v.push(x);
            }
            Ok(if v.is_empty() { None } else { Some(v) })
        })
    }

    /// `slash_no_default: param_no_default+ '/' ',' | param_no_default+ '/' &')'`.
    pub fn slash_no_default(&mut self, lambda: bool) -> PResult<Vec<Arg>> {
        self.rule(|p| {
            let start = p.mark;
            if let Some(a) = p.loop1(|p| p.param_no_default(lambda))? {
                if p.eat(Tok::Slash)?.is_some() && p.eat(Tok::Comma)?.is_some() {
                    return Ok(Some(a));
                }
            }
            p.mark = start;
            if let Some(a) = p.loop1(|p| p.param_no_default(lambda))? {
                if p.eat(Tok::Slash)?.is_some() && p.params_end(lambda)? {
                    return Ok(Some(a));
                }
            }
            Ok(None)
        })
    }

    /// `slash_with_default: param_no_default* param_with_default+ '/' (',' | &')')`.
    pub fn slash_with_default(&mut self, lambda: bool) -> PResult<SlashWithDefault> {
        self.rule(|p| {
            let start = p.mark;
            for comma in [true, false] {
                p.mark = start;
                let a = p.loop0(|p| p.param_no_default(lambda))?;
                let Some(b) = p.loop1(|p| p.param_with_default(lambda))? else {
                    continue;
                };
                if p.eat(Tok::Slash)?.is_none() {
                    continue;
                }
                let ok = if comma {
                    p.eat(Tok::Comma)?.is_some()
                } else {
                    p.params_end(lambda)?
                };
                if ok {
                    return Ok(Some((a, b)));
                }
            }
            Ok(None)
        })
    }

    /// `star_etc` / `lambda_star_etc`.
    fn star_etc(&mut self, lambda: bool) -> PResult<StarEtc> {
        self.rule(|p| {
            let start = p.mark;
            if p.call_invalid_rules {
                if lambda {
                    p.invalid_lambda_star_etc()?;
                } else {
                    p.invalid_star_etc()?;
                }
                p.mark = start;
            }
            // '*' param_no_default param_maybe_default* [kwds]
            if p.eat(Tok::Star)?.is_some() {
                if let Some(a) = p.param_no_default(lambda)? {
                    let kwonly = p.loop0(|p| p.param_maybe_default(lambda))?;
                    let kwarg = p.kwds(lambda)?;
                    return Ok(Some(StarEtc {
                        vararg: Some(a),
                        kwonly,
                        kwarg,
                    }));
                }
            }
            p.mark = start;
            // '*' param_no_default_star_annotation param_maybe_default* [kwds]
            if !lambda && p.eat(Tok::Star)?.is_some() {
                if let Some(a) = p.param_no_default_star_annotation()? {
                    let kwonly = p.loop0(|p| p.param_maybe_default(lambda))?;
                    let kwarg = p.kwds(lambda)?;
                    return Ok(Some(StarEtc {
                        vararg: Some(a),
                        kwonly,
                        kwarg,
                    }));
                }
            }
            p.mark = start;
            // '*' ',' param_maybe_default+ [kwds]
            if p.eat(Tok::Star)?.is_some() && p.eat(Tok::Comma)?.is_some() {
                if let Some(kwonly) = p.loop1(|p| p.param_maybe_default(lambda))? {
                    let kwarg = p.kwds(lambda)?;
                    return Ok(Some(StarEtc {
                        vararg: None,
                        kwonly,
                        kwarg,
                    }));
                }
            }
            p.mark = start;
            let Some(kwarg) = p.kwds(lambda)? else {
                return Ok(None);
            };
            Ok(Some(StarEtc {
                vararg: None,
                kwonly: vec![],
                kwarg: Some(kwarg),
            }))
        })
    }

    /// `param_no_default_star_annotation`: `param_star_annotation` then `','` or `&')'`.
    fn param_no_default_star_annotation(&mut self) -> PResult<Arg> {
        self.comma_or_end(false, |p| {
            // param_star_annotation: NAME star_annotation
            p.rule(|p| {
                let start = p.mark;
                let Some((arg, _)) = p.name_token()? else {
                    return Ok(None);
                };
                // star_annotation: ':' star_expression
                let ann = p.rule(|p| {
                    if p.eat(Tok::Colon)?.is_none() {
                        return Ok(None);
                    }
                    p.star_expression()
                })?;
                let Some(ann) = ann else {
                    return Ok(None);
                };
                let loc = p.loc_from(start);
                Ok(Some(Arg {
                    arg,
                    annotation: Some(Box::new(ann)),
                    type_comment: None,
                    loc,
                }))
            })
        })
    }

    /// `kwds: invalid_kwds | '**' param_no_default` (and `lambda_kwds`).
    fn kwds(&mut self, lambda: bool) -> PResult<Arg> {
        self.rule(|p| {
            let start = p.mark;
            if p.call_invalid_rules {
                if lambda {
                    p.invalid_lambda_kwds()?;
                } else {
                    p.invalid_kwds()?;
                }
                p.mark = start;
            }
            if p.eat(Tok::DoubleStar)?.is_none() {
                return Ok(None);
            }
            p.param_no_default(lambda)
        })
    }

    /// `parameters` / `lambda_parameters`.
    fn parameters(&mut self, lambda: bool) -> PResult<Arguments> {
        self.rule(|p| {
            let start = p.mark;
            if let Some(a) = p.slash_no_default(lambda)? {
                let b = p.loop0(|p| p.param_no_default(lambda))?;
                let c = p.loop0(|p| p.param_with_default(lambda))?;
                let d = p.star_etc(lambda)?;
                return Ok(Some(make_arguments(Some(a), None, b, c, d)));
            }
            p.mark = start;
            if let Some(a) = p.slash_with_default(lambda)? {
                let b = p.loop0(|p| p.param_with_default(lambda))?;
                let c = p.star_etc(lambda)?;
                return Ok(Some(make_arguments(None, Some(a), vec![], b, c)));
            }
            p.mark = start;
            if let Some(a) = p.loop1(|p| p.param_no_default(lambda))? {
                let b = p.loop0(|p| p.param_with_default(lambda))?;
                let c = p.star_etc(lambda)?;
                return Ok(Some(make_arguments(None, None, a, b, c)));
            }
            p.mark = start;
            if let Some(a) = p.loop1(|p| p.param_with_default(lambda))? {
                let b = p.star_etc(lambda)?;
                return Ok(Some(make_arguments(None, None, vec![], a, b)));
            }
            p.mark = start;
            let Some(a) = p.star_etc(lambda)? else {
                return Ok(None);
            };
            Ok(Some(make_arguments(None, None, vec![], vec![], Some(a))))
        })
    }

    /// `params: invalid_parameters | parameters`.
    pub fn params(&mut self) -> PResult<Arguments> {
        self.rule(|p| {
            let start = p.mark;
            if p.call_invalid_rules {
                p.invalid_parameters()?;
                p.mark = start;
            }
            p.parameters(false)
        })
    }

    /// `lambda_params: invalid_lambda_parameters | lambda_parameters`.
    pub fn lambda_params(&mut self) -> PResult<Arguments> {
        self.rule(|p| {
            let start = p.mark;
            if p.call_invalid_rules {
                p.invalid_lambda_parameters()?;
                p.mark = start;
            }
            p.parameters(true)
        })
    }
}
