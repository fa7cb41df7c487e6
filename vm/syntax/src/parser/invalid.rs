//! The `invalid_*` rules of python.gram, active only in the second pass: they match
//! common mistakes and raise CPython's specific error messages.

use super::{PResult, Parser};
use crate::ast::*;

impl Parser<'_> {
    pub fn invalid_arguments(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_assignment(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_block(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_class_def_raw(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_comprehension(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_def_raw(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_default(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_del_stmt(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_dict_comprehension(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_double_starred_kvpairs(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_elif_stmt(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_else_stmt(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_except_star_stmt_indent(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_except_stmt(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_except_stmt_indent(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_expression(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_finally_stmt(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_for_stmt(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_for_target(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_group(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_if_stmt(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_import_from_targets(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_kwarg(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_kwds(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_lambda_kwds(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_lambda_parameters(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_lambda_star_etc(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_legacy_expression(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_named_expression(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_parameters(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_star_etc(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_try_stmt(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_while_stmt(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_with_item(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_with_stmt(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_with_stmt_indent(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_match_stmt(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_case_block(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_as_pattern(&mut self) -> PResult<Expr> {
        Ok(None)
    }

    pub fn invalid_class_pattern(&mut self) -> PResult<Expr> {
        Ok(None)
    }
}
