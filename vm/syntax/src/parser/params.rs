//! Function and lambda parameters: `params`/`lambda_params` and their sub-rules, and
//! `_PyPegen_make_arguments`.

use super::{PResult, Parser};
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

/// `_PyPegen_make_arguments`.
fn make_arguments(
    slash_without_default: Option<Vec<Arg>>,
    slash_with_default: Option<(Vec<Arg>, Vec<(Arg, Expr)>)>,
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
    /// The closing token of a parameter list.
    fn params_end(&mut self, lambda: bool) -> Result<bool, super::Fail> {
        self.at(if lambda { Tok::Colon } else { Tok::Rpar })
    }

    /// `param` / `lambda_param`: `NAME annotation?`.
    fn param(&mut self, lambda: bool) -> PResult<Arg> {
        self.rule(|p| {
            let start = p.mark;
            let Some((arg, _)) = p.name_token()? else {
                return Ok(None);
            };
            let mut annotation = None;
            if !lambda {
                let m = p.mark;
                if p.eat(Tok::Colon)?.is_some() {
                    match p.expression()? {
                        Some(e) => annotation = Some(Box::new(e)),
                        None => p.mark = m,
                    }
                }
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

    /// `default`: `'=' expression | invalid_default`.
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

    /// `param_no_default`: `param ',' | param &')'`.
    fn param_no_default(&mut self, lambda: bool) -> PResult<Arg> {
        self.rule(|p| {
            let Some(a) = p.param(lambda)? else {
                return Ok(None);
            };
            if p.eat(Tok::Comma)?.is_some() || p.params_end(lambda)? {
                return Ok(Some(a));
            }
            Ok(None)
        })
    }

    /// `param_with_default`.
    fn param_with_default(&mut self, lambda: bool) -> PResult<(Arg, Expr)> {
        self.rule(|p| {
            let Some(a) = p.param(lambda)? else {
                return Ok(None);
            };
            let Some(d) = p.default()? else {
                return Ok(None);
            };
            if p.eat(Tok::Comma)?.is_some() || p.params_end(lambda)? {
                return Ok(Some((a, d)));
            }
            Ok(None)
        })
    }

    /// `param_maybe_default`.
    fn param_maybe_default(&mut self, lambda: bool) -> PResult<(Arg, Option<Expr>)> {
        self.rule(|p| {
            let Some(a) = p.param(lambda)? else {
                return Ok(None);
            };
            let d = p.default()?;
            if p.eat(Tok::Comma)?.is_some() || p.params_end(lambda)? {
                return Ok(Some((a, d)));
            }
            Ok(None)
        })
    }

    fn many<T>(
        &mut self,
        mut f: impl FnMut(&mut Self) -> PResult<T>,
    ) -> Result<Vec<T>, super::Fail> {
        let mut v = Vec::new();
        while let Some(x) = f(self)? {
            v.push(x);
        }
        Ok(v)
    }

    /// `slash_no_default`.
    fn slash_no_default(&mut self, lambda: bool) -> PResult<Vec<Arg>> {
        self.rule(|p| {
            let a = p.many(|p| p.param_no_default(lambda))?;
            if a.is_empty() || p.eat(Tok::Slash)?.is_none() {
                return Ok(None);
            }
            if p.eat(Tok::Comma)?.is_some() || p.params_end(lambda)? {
                return Ok(Some(a));
            }
            Ok(None)
        })
    }

    /// `slash_with_default`.
    fn slash_with_default(&mut self, lambda: bool) -> PResult<(Vec<Arg>, Vec<(Arg, Expr)>)> {
        self.rule(|p| {
            let a = p.many(|p| p.param_no_default(lambda))?;
            let b = p.many(|p| p.param_with_default(lambda))?;
            if b.is_empty() || p.eat(Tok::Slash)?.is_none() {
                return Ok(None);
            }
            if p.eat(Tok::Comma)?.is_some() || p.params_end(lambda)? {
                return Ok(Some((a, b)));
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
            if p.eat(Tok::Star)?.is_some() {
                let after_star = p.mark;
                if let Some(a) = p.param_no_default(lambda)? {
                    let kwonly = p.many(|p| p.param_maybe_default(lambda))?;
                    let kwarg = p.kwds(lambda)?;
                    return Ok(Some(StarEtc {
                        vararg: Some(a),
                        kwonly,
                        kwarg,
                    }));
                }
                p.mark = after_star;
                if !lambda {
                    if let Some(a) = p.param_no_default_star_annotation()? {
                        let kwonly = p.many(|p| p.param_maybe_default(lambda))?;
                        let kwarg = p.kwds(lambda)?;
                        return Ok(Some(StarEtc {
                            vararg: Some(a),
                            kwonly,
                            kwarg,
                        }));
                    }
                }
                p.mark = after_star;
                if p.eat(Tok::Comma)?.is_some() {
                    let kwonly = p.many(|p| p.param_maybe_default(lambda))?;
                    if !kwonly.is_empty() {
                        let kwarg = p.kwds(lambda)?;
                        return Ok(Some(StarEtc {
                            vararg: None,
                            kwonly,
                            kwarg,
                        }));
                    }
                }
                p.mark = start;
            }
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

    /// `param_no_default_star_annotation`: `NAME ':' star_expression` then `,` or `&')'`.
    fn param_no_default_star_annotation(&mut self) -> PResult<Arg> {
        self.rule(|p| {
            let start = p.mark;
            let Some((arg, _)) = p.name_token()? else {
                return Ok(None);
            };
            if p.eat(Tok::Colon)?.is_none() {
                return Ok(None);
            }
            let Some(ann) = p.star_expression()? else {
                return Ok(None);
            };
            let loc = p.loc_from(start);
            if p.eat(Tok::Comma)?.is_some() || p.at(Tok::Rpar)? {
                return Ok(Some(Arg {
                    arg,
                    annotation: Some(Box::new(ann)),
                    type_comment: None,
                    loc,
                }));
            }
            Ok(None)
        })
    }

    /// `kwds` / `lambda_kwds`: `'**' param_no_default`.
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
                let b = p.many(|p| p.param_no_default(lambda))?;
                let c = p.many(|p| p.param_with_default(lambda))?;
                let d = p.star_etc(lambda)?;
                return Ok(Some(make_arguments(Some(a), None, b, c, d)));
            }
            p.mark = start;
            if let Some(a) = p.slash_with_default(lambda)? {
                let b = p.many(|p| p.param_with_default(lambda))?;
                let c = p.star_etc(lambda)?;
                return Ok(Some(make_arguments(None, Some(a), vec![], b, c)));
            }
            p.mark = start;
            let a = p.many(|p| p.param_no_default(lambda))?;
            if !a.is_empty() {
                let b = p.many(|p| p.param_with_default(lambda))?;
                let c = p.star_etc(lambda)?;
                return Ok(Some(make_arguments(None, None, a, b, c)));
            }
            p.mark = start;
            let a = p.many(|p| p.param_with_default(lambda))?;
            if !a.is_empty() {
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

    /// `params`: `invalid_parameters | parameters`.
    pub fn params(&mut self) -> PResult<Arguments> {
        self.rule(|p| {
            if p.call_invalid_rules {
                p.invalid_parameters()?;
                p.mark = p.mark;
            }
            p.parameters(false)
        })
    }

    /// `lambda_params`.
    pub fn lambda_params(&mut self) -> PResult<Arguments> {
        self.rule(|p| {
            if p.call_invalid_rules {
                p.invalid_lambda_parameters()?;
            }
            p.parameters(true)
        })
    }
}
