//! f-strings as 3.11 parses them (Parser/string_parser.c): literals and `{...}` fields
//! are found by scanning the token text, and each expression is re-parsed from its
//! substring wrapped in parentheses, its tokens shifted to the field's position. Every
//! `Constant` and `FormattedValue` part takes the location of the whole concatenation.

use super::strings::{StrParts, decode_raw_str, decode_str};
use super::{Fail, FstringStart, PResult, Parser, RunError};
use crate::ast::*;
use crate::error::SyntaxErrorKind;
use crate::lexer::{Lexer, MAXLEVEL, Token};
use refvm_common::PyStr;

/// `FstringParser`: the pending literal and the parts so far.
#[derive(Default)]
pub(crate) struct FstringState {
    last_str: Option<PyStr>,
    exprs: Vec<Expr>,
    fmode: bool,
}

impl FstringState {
    /// `_PyPegen_FstringParser_ConcatAndDel`.
    pub fn concat(&mut self, s: PyStr) {
        if s.is_empty() {
            return;
        }
        match &mut self.last_str {
            Some(acc) => acc.push_pystr(&s),
            None => self.last_str = Some(s),
        }
    }

    fn flush(&mut self, loc: Location, kind: &Option<String>) {
        if let Some(s) = self.last_str.take() {
            self.exprs.push(Expr::new(
                ExprKind::Constant {
                    value: Constant::Str(s),
                    kind: kind.clone(),
                },
                loc,
            ));
        }
    }

    /// `_PyPegen_FstringParser_Finish`.
    pub fn finish(mut self, loc: Location, kind: Option<String>) -> Expr {
        if !self.fmode {
            let s = self.last_str.take().unwrap_or_default();
            return Expr::new(
                ExprKind::Constant {
                    value: Constant::Str(s),
                    kind,
                },
                loc,
            );
        }
        self.flush(loc, &kind);
        Expr::new(ExprKind::JoinedStr { values: self.exprs }, loc)
    }
}

fn span(first: &Token, last: &Token) -> Location {
    Location {
        lineno: first.lineno,
        col_offset: first.col.max(0) as u32,
        end_lineno: last.end_lineno,
        end_col_offset: last.end_col.max(0) as u32,
    }
}

impl Parser<'_> {
    fn fstring_error(&mut self, msg: &str) -> Fail {
        self.raise_here(SyntaxErrorKind::SyntaxError, msg)
    }

    /// `_PyPegen_FstringParser_ConcatFstring` for one f-string token.
    pub(crate) fn concat_fstring(
        &mut self,
        state: &mut FstringState,
        t: &Token,
        parts: &StrParts<'_>,
        first: &Token,
        last: &Token,
    ) -> Result<(), Fail> {
        let text = self.text(t);
        let base = parts.body_offset;
        let end = base + parts.body.len();
        let mut pos = base;
        self.fstring_concat_at(state, text, &mut pos, end, parts.raw, 0, first, t, last)
    }

    #[allow(clippy::too_many_arguments)]
    fn fstring_concat_at(
        &mut self,
        state: &mut FstringState,
        text: &[u8],
        pos: &mut usize,
        end: usize,
        raw: bool,
        recurse_lvl: u32,
        first: &Token,
        t: &Token,
        last: &Token,
    ) -> Result<(), Fail> {
        state.fmode = true;
        let loc = span(first, last);
        let kind = (self.text(first).first() == Some(&b'u')).then(|| "u".to_string());
        loop {
            // fstring_find_literal
            let lit_start = *pos;
            let mut s = *pos;
            let mut doubled = false;
            while s < end {
                let mut ch = text[s];
                s += 1;
                if !raw && ch == b'\\' && s < end {
                    ch = text[s];
                    s += 1;
                    if ch == b'N' {
                        if s < end {
                            let c = text[s];
                            s += 1;
                            if c == b'{' {
                                while s < end {
                                    let c = text[s];
                                    s += 1;
                                    if c == b'}' {
                                        break;
                                    }
                                }
                            }
                        }
                        continue;
                    }
                }
                if ch == b'{' || ch == b'}' {
                    if recurse_lvl == 0 {
                        if s < end && text[s] == ch {
                            *pos = s + 1;
                            doubled = true;
                            s -= 0;
                            break;
                        }
                        if ch == b'}' {
                            *pos = s - 1;
                            return Err(self.fstring_error("f-string: single '}' is not allowed"));
                        }
                    }
                    s -= 1;
                    break;
                }
            }
            let lit_end = if doubled { s } else { s };
            if !doubled {
                *pos = s;
            }
            if lit_start != lit_end {
                let body = &text[lit_start..lit_end];
                let lit = if raw {
                    decode_raw_str(body).map_err(|e| self.decode_error(e))?
                } else {
                    decode_str(body).map_err(|e| self.decode_error(e))?
                };
                state.concat(lit);
            }
            if doubled {
                continue;
            }
            if *pos >= end || text[*pos] == b'}' {
                break;
            }
            // An expression.
            let (expr, expr_text) =
                self.fstring_find_expr(text, pos, end, raw, recurse_lvl, first, t, last)?;
            if let Some(et) = expr_text {
                state.concat(et);
            }
            state.flush(loc, &kind);
            state.exprs.push(expr);
        }
        if recurse_lvl == 0 && *pos < end.saturating_sub(0) && *pos != end {
            return Err(self.fstring_error("f-string: unexpected end of string"));
        }
        if recurse_lvl != 0 && (*pos >= end || text[*pos] != b'}') {
            return Err(self.fstring_error("f-string: expecting '}'"));
        }
        Ok(())
    }

    /// `fstring_find_expr`: `text[*pos] == '{'`.
    #[allow(clippy::too_many_arguments)]
    fn fstring_find_expr(
        &mut self,
        text: &[u8],
        pos: &mut usize,
        end: usize,
        raw: bool,
        recurse_lvl: u32,
        first: &Token,
        t: &Token,
        last: &Token,
    ) -> Result<(Expr, Option<PyStr>), Fail> {
        if recurse_lvl >= 2 {
            return Err(self.fstring_error("f-string: expressions nested too deeply"));
        }
        *pos += 1;
        let expr_start = *pos;
        let mut quote_char = 0u8;
        let mut string_type = 0;
        let mut parens: Vec<u8> = Vec::new();
        while *pos < end {
            let ch = text[*pos];
            if ch == b'\\' {
                return Err(
                    self.fstring_error("f-string expression part cannot include a backslash")
                );
            }
            if quote_char != 0 {
                if ch == quote_char {
                    if string_type == 3 {
                        if *pos + 2 < end && text[*pos + 1] == ch && text[*pos + 2] == ch {
                            *pos += 3;
                            string_type = 0;
                            quote_char = 0;
                            continue;
                        }
                    } else {
                        quote_char = 0;
                        string_type = 0;
                        *pos += 1;
                        continue;
                    }
                }
            } else if ch == b'\'' || ch == b'"' {
                if *pos + 2 < end && text[*pos + 1] == ch && text[*pos + 2] == ch {
                    string_type = 3;
                    *pos += 2;
                } else {
                    string_type = 1;
                }
                quote_char = ch;
            } else if ch == b'[' || ch == b'{' || ch == b'(' {
                if parens.len() >= MAXLEVEL {
                    return Err(self.fstring_error("f-string: too many nested parenthesis"));
                }
                parens.push(ch);
            } else if ch == b'#' {
                return Err(self.fstring_error("f-string expression part cannot include '#'"));
            } else if parens.is_empty() && matches!(ch, b'!' | b':' | b'}' | b'=' | b'>' | b'<') {
                if *pos + 1 < end {
                    let next = text[*pos + 1];
                    if next == b'=' && matches!(ch, b'!' | b'=' | b'<' | b'>') {
                        *pos += 2;
                        continue;
                    }
                }
                if ch == b'>' || ch == b'<' {
                    *pos += 1;
                    continue;
                }
                break;
            } else if ch == b']' || ch == b'}' || ch == b')' {
                let Some(opening) = parens.pop() else {
                    return Err(
                        self.fstring_error(&format!("f-string: unmatched '{}'", ch as char))
                    );
                };
                if !matches!((opening, ch), (b'(', b')') | (b'[', b']') | (b'{', b'}')) {
                    return Err(self.fstring_error(&format!(
                        "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                        ch as char, opening as char
                    )));
                }
            }
            *pos += 1;
        }
        let expr_end = *pos;
        if quote_char != 0 {
            return Err(self.fstring_error("f-string: unterminated string"));
        }
        if let Some(&opening) = parens.last() {
            return Err(self.fstring_error(&format!("f-string: unmatched '{}'", opening as char)));
        }
        let unexpected_end = |p: &mut Self| p.fstring_error("f-string: expecting '}'");
        if *pos >= end {
            return Err(unexpected_end(self));
        }
        let simple = self.fstring_compile_expr(text, expr_start, expr_end, t)?;
        let mut expr_text = None;
        if text[*pos] == b'=' {
            *pos += 1;
            while *pos < text.len()
                && matches!(text[*pos], b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
            {
                *pos += 1;
            }
            if *pos >= end {
                return Err(unexpected_end(self));
            }
            expr_text = Some(PyStr::from(
                String::from_utf8_lossy(&text[expr_start..*pos]).into_owned(),
            ));
        }
        let mut conversion: i32 = -1;
        if text[*pos] == b'!' {
            *pos += 1;
            if *pos >= end {
                return Err(unexpected_end(self));
            }
            conversion = i32::from(text[*pos]);
            *pos += 1;
            if !matches!(conversion as u8, b's' | b'r' | b'a') {
                return Err(self.fstring_error(
                    "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                ));
            }
        }
        if *pos >= end {
            return Err(unexpected_end(self));
        }
        let mut format_spec = None;
        if text[*pos] == b':' {
            *pos += 1;
            if *pos >= end {
                return Err(unexpected_end(self));
            }
            let mut spec_state = FstringState::default();
            self.fstring_concat_at(
                &mut spec_state,
                text,
                pos,
                end,
                raw,
                recurse_lvl + 1,
                first,
                t,
                last,
            )?;
            format_spec = Some(Box::new(spec_state.finish(span(t, t), None)));
        }
        if *pos >= end || text[*pos] != b'}' {
            return Err(unexpected_end(self));
        }
        *pos += 1;
        if expr_text.is_some() && format_spec.is_none() && conversion == -1 {
            conversion = i32::from(b'r');
        }
        let fv = Expr::new(
            ExprKind::FormattedValue {
                value: Box::new(simple),
                conversion,
                format_spec,
            },
            span(first, last),
        );
        Ok((fv, expr_text))
    }

    /// `fstring_compile_expr`: parses `text[start..end]` as `(expr)`.
    fn fstring_compile_expr(
        &mut self,
        text: &[u8],
        start: usize,
        end: usize,
        t: &Token,
    ) -> Result<Expr, Fail> {
        let sub = &text[start..end];
        if sub
            .iter()
            .all(|&c| matches!(c, b' ' | b'\t' | b'\n' | 0x0c))
        {
            let c = text[end];
            if matches!(c, b'!' | b':' | b'=') {
                return Err(self.fstring_error(&format!(
                    "f-string: expression required before '{}'",
                    c as char
                )));
            }
            return Err(self.fstring_error("f-string: empty expression not allowed"));
        }
        // fstring_find_expr_location: `start - 1` is the '{'.
        let brace = start - 1;
        let mut lines = 0u32;
        let mut cols = 0i32;
        let newline_after_brace = text[start..]
            .iter()
            .take_while(|&&c| c != b'}' && c != b'\n')
            .all(|&c| matches!(c, b' ' | b'\t' | 0x0c));
        let newline_after_brace =
            newline_after_brace && text[start..].iter().any(|&c| c == b'}' || c == b'\n');
        if !newline_after_brace {
            let mut s = brace;
            while s > 0 && text[s] != b'\n' {
                s -= 1;
            }
            cols += (brace - s) as i32;
            if text[s] == b'\n' {
                cols -= 1;
            }
        }
        lines += text[..brace].iter().filter(|&&c| c == b'\n').count() as u32;
        let mut src = Vec::with_capacity(sub.len() + 3);
        src.push(b'(');
        src.extend_from_slice(sub);
        src.push(b')');
        let src = crate::source::c_translate_newlines(&src);
        let mut lexed = Lexer::lex(&src);
        // The sub-tokenizer starts at `t->lineno + lines - 1`; tokens produced while it is
        // on its first line are shifted to the field's column (initialize_token).
        let line_shift = t.lineno + lines - 1;
        let col_shift = if lines != 0 { cols } else { t.col + cols };
        for tok in &mut lexed.tokens {
            if tok.end_lineno == 1 {
                tok.col += col_shift;
                tok.end_col += col_shift;
            }
            tok.lineno += line_shift;
            tok.end_lineno += line_shift;
        }
        for st in &mut lexed.states {
            st.lineno += line_shift;
        }
        if let Some(e) = &mut lexed.error {
            e.state.lineno += line_shift;
            if let Some(p) = &mut e.paren {
                p.1 += line_shift;
            }
        }
        let mut p2 = Parser::new(&src, lexed, false);
        p2.first_lineno = t.lineno + lines;
        p2.fstring = Some(FstringStart {
            starting_col_offset: i64::from(col_shift),
        });
        match p2.run(Parser::fstring_rule) {
            Ok(e) => Ok(e),
            Err(RunError::Unsupported(u)) => {
                self.unsupported = Some(u);
                Err(Fail)
            }
            Err(RunError::Raw(err)) => {
                self.error = Some(err);
                Err(Fail)
            }
        }
    }
}

impl Parser<'_> {
    /// `fstring: star_expressions`, the start rule of an f-string expression's parser.
    fn fstring_rule(&mut self) -> PResult<Expr> {
        self.rule(|p| p.star_expressions())
    }
}
