//! The `invalid_*` rules of python.gram for function and lambda parameters:
//! misplaced defaults, `/` and `*` errors, parenthesized parameters, and the keyword
//! argument forms. `lambda` selects the lambda variants (`lambda_param`, `':'`).

use super::{PResult, Parser};
use crate::error::SyntaxErrorKind;
use crate::lexer::Tok;

impl Parser<'_> {
    /// `(slash_no_default | slash_with_default)` as a `_tmp` helper.
    fn any_slash(&mut self, lambda: bool) -> PResult<()> {
        self.helper(|p| {
            let m = p.mark;
            if p.slash_no_default(lambda)?.is_some() {
                return Ok(Some(()));
            }
            p.mark = m;
            Ok(p.slash_with_default(lambda)?.map(|_| ()))
        })
    }

    /// `invalid_parameters` / `invalid_lambda_parameters`.
    fn invalid_params(&mut self, lambda: bool) -> PResult<()> {
        self.rule(|p| {
            let start = p.mark;
            // param_no_default* invalid_parameters_helper a=param_no_default
            p.loop0(|p| p.param_no_default(lambda))?;
            let helper = p.rule(|p| {
                let m = p.mark;
                if p.slash_with_default(lambda)?.is_some() {
                    return Ok(Some(()));
                }
                p.mark = m;
                Ok(p.loop1(|p| p.param_with_default(lambda))?.map(|_| ()))
            })?;
            if helper.is_some() {
                if let Some(a) = p.param_no_default(lambda)? {
                    return Err(p.raise_at(a.loc, "non-default argument follows default argument"));
                }
            }
            p.mark = start;
            // param_no_default* a='(' param_no_default+ ','? b=')'
            // (lambda: lambda_param_no_default* a='(' ','.lambda_param+ ','? b=')')
            p.loop0(|p| p.param_no_default(lambda))?;
            if let Some(a) = p.eat(Tok::Lpar)? {
                let inner = if lambda {
                    p.gather(Tok::Comma, |p| p.param(true))?.map(|_| ())
                } else {
                    p.loop1(|p| p.param_no_default(false))?.map(|_| ())
                };
                if inner.is_some() {
                    p.eat(Tok::Comma)?;
                    if let Some(b) = p.eat(Tok::Rpar)? {
                        let msg = if lambda {
                            "Lambda expression parameters cannot be parenthesized"
                        } else {
                            "Function parameters cannot be parenthesized"
                        };
                        return Err(p.raise_token_range(&a, &b, msg));
                    }
                }
            }
            p.mark = start;
            // a="/" ','
            if let Some(a) = p.eat(Tok::Slash)? {
                if p.eat(Tok::Comma)?.is_some() {
                    return Err(p.raise_at_token(&a, "at least one argument must precede /"));
                }
            }
            p.mark = start;
            // (slash_no_default | slash_with_default) param_maybe_default* a='/'
            if p.any_slash(lambda)?.is_some() {
                p.loop0(|p| p.param_maybe_default(lambda))?;
                if let Some(a) = p.eat(Tok::Slash)? {
                    return Err(p.raise_at_token(&a, "/ may appear only once"));
                }
            }
            p.mark = start;
            // [(slash_no_default | slash_with_default)] param_maybe_default* '*'
            // (',' | param_no_default) param_maybe_default* a='/'
            p.any_slash(lambda)?;
            p.loop0(|p| p.param_maybe_default(lambda))?;
            if p.eat(Tok::Star)?.is_some() {
                let r = p.helper(|p| {
                    if p.eat(Tok::Comma)?.is_some() {
                        return Ok(Some(()));
                    }
                    Ok(p.param_no_default(lambda)?.map(|_| ()))
                })?;
                if r.is_some() {
                    p.loop0(|p| p.param_maybe_default(lambda))?;
                    if let Some(a) = p.eat(Tok::Slash)? {
                        return Err(p.raise_at_token(&a, "/ must be ahead of *"));
                    }
                }
            }
            p.mark = start;
            // param_maybe_default+ '/' a='*'
            if p.loop1(|p| p.param_maybe_default(lambda))?.is_some() && p.eat(Tok::Slash)?.is_some()
            {
                if let Some(a) = p.eat(Tok::Star)? {
                    return Err(p.raise_at_token(&a, "expected comma between / and *"));
                }
            }
            Ok(None)
        })
    }

    pub fn invalid_parameters(&mut self) -> PResult<()> {
        self.invalid_params(false)
    }

    pub fn invalid_lambda_parameters(&mut self) -> PResult<()> {
        self.invalid_params(true)
    }

    /// `invalid_default: a='=' &(')'|',')`.
    pub fn invalid_default(&mut self) -> PResult<()> {
        self.rule(|p| {
            let Some(a) = p.eat(Tok::Equal)? else {
                return Ok(None);
            };
            let m = p.mark;
            let follows =
                p.helper(|p| Ok(matches!(p.peek()?, Tok::Rpar | Tok::Comma).then_some(())))?;
            p.mark = m;
            if follows.is_some() {
                return Err(p.raise_at_token(&a, "expected default value expression"));
            }
            Ok(None)
        })
    }

    /// `invalid_star_etc` / `invalid_lambda_star_etc`.
    fn invalid_star(&mut self, lambda: bool) -> PResult<()> {
        self.rule(|p| {
            let start = p.mark;
            let close = if lambda { Tok::Colon } else { Tok::Rpar };
            // a='*' (')' | ',' (')' | '**'))   (lambda: ':' instead of ')')
            if let Some(a) = p.eat(Tok::Star)? {
                let r = p.helper(|p| {
                    if p.eat(close)?.is_some() {
                        return Ok(Some(()));
                    }
                    if p.eat(Tok::Comma)?.is_none() {
                        return Ok(None);
                    }
                    p.helper(|p| {
                        if matches!(p.peek()?, t if t == close || t == Tok::DoubleStar) {
                            p.mark += 1;
                            return Ok(Some(()));
                        }
                        Ok(None)
                    })
                })?;
                if r.is_some() {
                    let msg = "named arguments must follow bare *";
                    if lambda {
                        return Err(p.raise_here(SyntaxErrorKind::SyntaxError, msg));
                    }
                    return Err(p.raise_at_token(&a, msg));
                }
            }
            p.mark = start;
            // '*' ',' TYPE_COMMENT (never: no type comments)
            if !lambda && p.eat(Tok::Star)?.is_some() && p.eat(Tok::Comma)?.is_some() {
                p.tok_at(p.mark)?;
            }
            p.mark = start;
            // '*' param a='='
            if p.eat(Tok::Star)?.is_some() && p.param(lambda)?.is_some() {
                if let Some(a) = p.eat(Tok::Equal)? {
                    return Err(
                        p.raise_at_token(&a, "var-positional argument cannot have default value")
                    );
                }
            }
            p.mark = start;
            // '*' (param_no_default | ',') param_maybe_default* a='*' (param_no_default | ',')
            let nd_or_comma = |p: &mut Self| {
                p.helper(|p| {
                    let m = p.mark;
                    if p.param_no_default(lambda)?.is_some() {
                        return Ok(Some(()));
                    }
                    p.mark = m;
                    Ok(p.eat(Tok::Comma)?.map(|_| ()))
                })
            };
            if p.eat(Tok::Star)?.is_some() && nd_or_comma(p)?.is_some() {
                p.loop0(|p| p.param_maybe_default(lambda))?;
                if let Some(a) = p.eat(Tok::Star)? {
                    if nd_or_comma(p)?.is_some() {
                        return Err(p.raise_at_token(&a, "* argument may appear only once"));
                    }
                }
            }
            Ok(None)
        })
    }

    pub fn invalid_star_etc(&mut self) -> PResult<()> {
        self.invalid_star(false)
    }

    pub fn invalid_lambda_star_etc(&mut self) -> PResult<()> {
        self.invalid_star(true)
    }

    /// `invalid_kwds` / `invalid_lambda_kwds`.
    fn invalid_kw(&mut self, lambda: bool) -> PResult<()> {
        self.rule(|p| {
            let start = p.mark;
            // '**' param a='='
            if p.eat(Tok::DoubleStar)?.is_some() && p.param(lambda)?.is_some() {
                if let Some(a) = p.eat(Tok::Equal)? {
                    return Err(
                        p.raise_at_token(&a, "var-keyword argument cannot have default value")
                    );
                }
            }
            p.mark = start;
            // '**' param ',' a=param
            if p.eat(Tok::DoubleStar)?.is_some()
                && p.param(lambda)?.is_some()
                && p.eat(Tok::Comma)?.is_some()
            {
                if let Some(a) = p.param(lambda)? {
                    return Err(p.raise_at(a.loc, "arguments cannot follow var-keyword argument"));
                }
            }
            p.mark = start;
            // '**' param ',' a=('*'|'**'|'/')
            if p.eat(Tok::DoubleStar)?.is_some()
                && p.param(lambda)?.is_some()
                && p.eat(Tok::Comma)?.is_some()
            {
                let a = p.helper(|p| {
                    let t = p.tok_at(p.mark)?;
                    if matches!(t.kind, Tok::Star | Tok::DoubleStar | Tok::Slash) {
                        p.mark += 1;
                        return Ok(Some(t));
                    }
                    Ok(None)
                })?;
                if let Some(a) = a {
                    return Err(
                        p.raise_at_token(&a, "arguments cannot follow var-keyword argument")
                    );
                }
            }
            Ok(None)
        })
    }

    pub fn invalid_kwds(&mut self) -> PResult<()> {
        self.invalid_kw(false)
    }

    pub fn invalid_lambda_kwds(&mut self) -> PResult<()> {
        self.invalid_kw(true)
    }
}
