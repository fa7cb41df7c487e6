//! Calls (`compiler_call`, `maybe_optimize_method_call`, `compiler_call_helper` of
//! CPython 3.11's `compile.c`): PUSH_NULL or LOAD_METHOD, positional and keyword
//! arguments with KW_NAMES, PRECALL/CALL, and CALL_FUNCTION_EX for `*`/`**`.

use super::expr::Display;
use super::{Compiler, R, STACK_USE_GUIDELINE};
use crate::opcode::*;
use crate::symtable::flags::DEF_IMPORT;
use refvm_bytecode::Constant;
use refvm_common::PyStr;
use refvm_syntax::ast::{self, ExprContext, ExprKind};

impl<'a> Compiler<'a> {
    /// `validate_keywords`: `__debug__` and repeated keyword arguments.
    fn validate_keywords(&mut self, keywords: &'a [ast::Keyword]) -> R {
        for (i, key) in keywords.iter().enumerate() {
            let Some(arg) = &key.arg else {
                continue;
            };
            self.forbidden_name(arg, ExprContext::Store)?;
            for other in &keywords[i + 1..] {
                if other
                    .arg
                    .as_ref()
                    .is_some_and(|o| o.as_str() == arg.as_str())
                {
                    self.set_loc(&other.loc);
                    return Err(self.error(format!("keyword argument repeated: {arg}")));
                }
            }
        }
        Ok(())
    }

    /// `is_import_originated`: a name the module imports.
    fn is_import_originated(&self, e: &ast::Expr) -> bool {
        match &e.node {
            ExprKind::Name { id, .. } => {
                self.st.entry(self.st.top).get_symbol(id) & DEF_IMPORT != 0
            }
            _ => false,
        }
    }

    /// `compiler_call_simple_kw_helper`: KW_NAMES with the keyword names.
    fn call_simple_kw_helper(&mut self, keywords: &'a [ast::Keyword]) {
        let names = Constant::Tuple(
            keywords
                .iter()
                .map(|k| Constant::Str(PyStr::from(k.arg.as_ref().map_or("", |a| a.as_str()))))
                .collect(),
        );
        let arg = self.add_const(names);
        self.addop_i(KW_NAMES, arg);
    }

    /// `maybe_optimize_method_call`: `obj.meth(args)` with LOAD_METHOD. `Ok(false)`
    /// when the call does not qualify.
    fn maybe_optimize_method_call(
        &mut self,
        e: &'a ast::Expr,
        meth: &'a ast::Expr,
        args: &'a [ast::Expr],
        kwds: &'a [ast::Keyword],
    ) -> Result<bool, crate::error::CompileErrorAt> {
        let ExprKind::Attribute {
            value,
            attr,
            ctx: ExprContext::Load,
        } = &meth.node
        else {
            return Ok(false);
        };
        if self.is_import_originated(value) {
            return Ok(false);
        }
        let argsl = args.len();
        let kwdsl = kwds.len();
        if argsl + kwdsl + usize::from(kwdsl != 0) >= STACK_USE_GUIDELINE {
            return Ok(false);
        }
        if args
            .iter()
            .any(|a| matches!(a.node, ExprKind::Starred { .. }))
        {
            return Ok(false);
        }
        if kwds.iter().any(|k| k.arg.is_none()) {
            return Ok(false);
        }
        self.visit_expr(value)?;
        self.set_loc(&meth.loc);
        self.update_start_location_to_match_attr(meth);
        self.addop_name(LOAD_METHOD, attr);
        for a in args {
            self.visit_expr(a)?;
        }
        if kwdsl > 0 {
            for k in kwds {
                self.visit_expr(&k.value)?;
            }
            self.call_simple_kw_helper(kwds);
        }
        self.set_loc(&e.loc);
        self.update_start_location_to_match_attr(meth);
        self.addop_i(PRECALL, argsl + kwdsl);
        self.addop_i(CALL, argsl + kwdsl);
        Ok(true)
    }

    /// `compiler_call`.
    pub fn compiler_call(
        &mut self,
        e: &'a ast::Expr,
        func: &'a ast::Expr,
        args: &'a [ast::Expr],
        keywords: &'a [ast::Keyword],
    ) -> R {
        self.validate_keywords(keywords)?;
        if self.maybe_optimize_method_call(e, func, args, keywords)? {
            return Ok(());
        }
        self.check_caller(func);
        self.set_loc(&func.loc);
        self.addop(PUSH_NULL);
        self.set_loc(&e.loc);
        self.visit_expr(func)?;
        self.call_helper(0, args, keywords)
    }

    /// `compiler_subkwargs`: keyword arguments `begin..end` as a dict.
    fn subkwargs(&mut self, keywords: &'a [ast::Keyword], begin: usize, end: usize) -> R {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        let name = |k: &ast::Keyword| {
            Constant::Str(PyStr::from(k.arg.as_ref().map_or("", |a| a.as_str())))
        };
        if n > 1 && !big {
            for k in &keywords[begin..end] {
                self.visit_expr(&k.value)?;
            }
            let keys = Constant::Tuple(keywords[begin..end].iter().map(name).collect());
            self.load_const(keys);
            self.addop_i(BUILD_CONST_KEY_MAP, n);
            return Ok(());
        }
        if big {
            self.addop_i_noline(BUILD_MAP, 0);
        }
        for k in &keywords[begin..end] {
            self.load_const(name(k));
            self.visit_expr(&k.value)?;
            if big {
                self.addop_i_noline(MAP_ADD, 1);
            }
        }
        if !big {
            self.addop_i(BUILD_MAP, n);
        }
        Ok(())
    }

    /// `compiler_call_helper`: the arguments and the call; `n` values (callable
    /// included, beyond the NULL) are already pushed.
    pub fn call_helper(
        &mut self,
        n: usize,
        args: &'a [ast::Expr],
        keywords: &'a [ast::Keyword],
    ) -> R {
        self.validate_keywords(keywords)?;
        let nelts = args.len();
        let nkwelts = keywords.len();
        let simple = nelts + nkwelts * 2 <= STACK_USE_GUIDELINE
            && !args
                .iter()
                .any(|a| matches!(a.node, ExprKind::Starred { .. }))
            && !keywords.iter().any(|k| k.arg.is_none());
        if simple {
            for a in args {
                self.visit_expr(a)?;
            }
            if nkwelts > 0 {
                for k in keywords {
                    self.visit_expr(&k.value)?;
                }
                self.call_simple_kw_helper(keywords);
            }
            self.addop_i(PRECALL, n + nelts + nkwelts);
            self.addop_i(CALL, n + nelts + nkwelts);
            return Ok(());
        }
        // ex_call
        if n == 0
            && nelts == 1
            && let ExprKind::Starred { value, .. } = &args[0].node
        {
            self.visit_expr(value)?;
        } else {
            self.starunpack_helper(args, n, Display::Tuple)?;
        }
        if nkwelts > 0 {
            let mut have_dict = false;
            let mut nseen = 0;
            for (i, kw) in keywords.iter().enumerate() {
                if kw.arg.is_none() {
                    if nseen > 0 {
                        self.subkwargs(keywords, i - nseen, i)?;
                        if have_dict {
                            self.addop_i(DICT_MERGE, 1);
                        }
                        have_dict = true;
                        nseen = 0;
                    }
                    if !have_dict {
                        self.addop_i(BUILD_MAP, 0);
                        have_dict = true;
                    }
                    self.visit_expr(&kw.value)?;
                    self.addop_i(DICT_MERGE, 1);
                } else {
                    nseen += 1;
                }
            }
            if nseen > 0 {
                self.subkwargs(keywords, nkwelts - nseen, nkwelts)?;
                if have_dict {
                    self.addop_i(DICT_MERGE, 1);
                }
            }
        }
        self.addop_i(CALL_FUNCTION_EX, usize::from(nkwelts > 0));
        Ok(())
    }
}
