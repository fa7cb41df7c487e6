//! Functions, lambdas and classes (`compiler_function`, `compiler_lambda`,
//! `compiler_class` and their helpers in CPython 3.11's `compile.c`): decorators,
//! defaults, keyword-only defaults, annotations, the nested code object and
//! MAKE_FUNCTION.

use super::{Compiler, R, ScopeType};
use crate::opcode::*;
use crate::symtable::{mangle, node_key};
use refvm_bytecode::Constant;
use refvm_common::PyStr;
use refvm_syntax::ast::{self, ExprContext, ExprKind, Identifier, StmtKind};

impl<'a> Compiler<'a> {
    /// `compiler_decorators`.
    fn compiler_decorators(&mut self, decos: &'a [ast::Expr]) -> R {
        for d in decos {
            self.visit_expr(d)?;
        }
        Ok(())
    }

    /// `compiler_apply_decorators`: one call per decorator, innermost first, each
    /// located at its decorator.
    fn compiler_apply_decorators(&mut self, decos: &'a [ast::Expr]) {
        let saved = self.u.loc;
        for d in decos.iter().rev() {
            self.set_loc(&d.loc);
            self.addop_i(PRECALL, 0);
            self.addop_i(CALL, 0);
        }
        self.u.loc = saved;
    }

    /// `compiler_visit_kwonlydefaults`: pushes a dict of keyword-only defaults;
    /// `Ok(false)` if there are none.
    fn visit_kwonlydefaults(
        &mut self,
        args: &'a ast::Arguments,
    ) -> Result<bool, crate::error::CompileErrorAt> {
        let mut keys: Vec<Constant> = Vec::new();
        for (i, arg) in args.kwonlyargs.iter().enumerate() {
            if let Some(default) = crate::ast_util::kw_default(args, i) {
                let mangled = mangle(self.u.private.as_deref(), &arg.arg);
                keys.push(Constant::Str(PyStr::from(mangled.as_str())));
                self.visit_expr(default)?;
            }
        }
        if keys.is_empty() {
            return Ok(false);
        }
        let n = keys.len();
        self.load_const(Constant::Tuple(keys));
        self.addop_i(BUILD_CONST_KEY_MAP, n);
        Ok(true)
    }

    /// `compiler_visit_annexpr`: the annotation's source text (`from __future__
    /// import annotations`).
    pub fn visit_annexpr(&mut self, annotation: &ast::Expr) {
        let text = crate::unparse::expr_as_unicode(annotation);
        self.load_const(Constant::Str(text));
    }

    /// `compiler_visit_argannotation`.
    fn visit_argannotation(
        &mut self,
        id: &Identifier,
        annotation: Option<&'a ast::Expr>,
        len: &mut usize,
    ) -> R {
        let Some(annotation) = annotation else {
            return Ok(());
        };
        let mangled = mangle(self.u.private.as_deref(), id);
        self.load_const(Constant::Str(PyStr::from(mangled.as_str())));
        if self.future.annotations() {
            self.visit_annexpr(annotation);
        } else if let ExprKind::Starred { value, .. } = &annotation.node {
            self.visit_expr(value)?;
            self.addop_i(UNPACK_SEQUENCE, 1);
        } else {
            self.visit_expr(annotation)?;
        }
        *len += 2;
        Ok(())
    }

    /// `compiler_visit_annotations`: pushes a tuple of (name, annotation) pairs;
    /// `Ok(false)` if there are none.
    fn visit_annotations(
        &mut self,
        args: &'a ast::Arguments,
        returns: Option<&'a ast::Expr>,
    ) -> Result<bool, crate::error::CompileErrorAt> {
        let mut len = 0;
        for a in &args.args {
            self.visit_argannotation(&a.arg, a.annotation.as_deref(), &mut len)?;
        }
        for a in &args.posonlyargs {
            self.visit_argannotation(&a.arg, a.annotation.as_deref(), &mut len)?;
        }
        if let Some(v) = &args.vararg {
            self.visit_argannotation(&v.arg, v.annotation.as_deref(), &mut len)?;
        }
        for a in &args.kwonlyargs {
            self.visit_argannotation(&a.arg, a.annotation.as_deref(), &mut len)?;
        }
        if let Some(k) = &args.kwarg {
            self.visit_argannotation(&k.arg, k.annotation.as_deref(), &mut len)?;
        }
        self.visit_argannotation(&Identifier::new("return"), returns, &mut len)?;
        if len > 0 {
            self.addop_i(BUILD_TUPLE, len);
            return Ok(true);
        }
        Ok(false)
    }

    /// `compiler_default_arguments`: the MAKE_FUNCTION flags for defaults.
    fn default_arguments(
        &mut self,
        args: &'a ast::Arguments,
    ) -> Result<usize, crate::error::CompileErrorAt> {
        let mut funcflags = 0;
        if !args.defaults.is_empty() {
            for d in &args.defaults {
                self.visit_expr(d)?;
            }
            self.addop_i(BUILD_TUPLE, args.defaults.len());
            funcflags |= 0x01;
        }
        if !args.kwonlyargs.is_empty() && self.visit_kwonlydefaults(args)? {
            funcflags |= 0x02;
        }
        Ok(funcflags)
    }

    /// `compiler_check_debug_args`.
    fn check_debug_args(&self, args: &ast::Arguments) -> R {
        let all = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(args.vararg.as_deref())
            .chain(&args.kwonlyargs)
            .chain(args.kwarg.as_deref());
        for a in all {
            self.forbidden_name(&a.arg, ExprContext::Store)?;
        }
        Ok(())
    }

    /// `compiler_function`.
    pub fn compiler_function(&mut self, s: &'a ast::Stmt, is_async: bool) -> R {
        let (name, args, body, decos, returns) = match &s.node {
            StmtKind::FunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
                ..
            }
            | StmtKind::AsyncFunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
                ..
            } => (name, &**args, body, decorator_list, returns.as_deref()),
            _ => return Ok(()),
        };
        let scope_type = if is_async {
            ScopeType::AsyncFunction
        } else {
            ScopeType::Function
        };
        self.check_debug_args(args)?;
        self.compiler_decorators(decos)?;
        let firstlineno = decos.first().map_or(s.loc.lineno, |d| d.loc.lineno) as i32;
        let mut funcflags = self.default_arguments(args)?;
        if self.visit_annotations(args, returns)? {
            funcflags |= 0x04;
        }
        self.enter_scope(name, scope_type, node_key(s), firstlineno)?;
        let docstring = if self.optimize < 2 {
            crate::future::get_docstring(body)
        } else {
            None
        };
        let doc_const = match docstring.map(|d| &d.node) {
            Some(ExprKind::Constant { value, .. }) => super::const_from_ast(value),
            _ => Constant::None,
        };
        self.add_const(doc_const);
        self.u.code.argcount = args.args.len() as i32;
        self.u.code.posonlyargcount = args.posonlyargs.len() as i32;
        self.u.code.kwonlyargcount = args.kwonlyargs.len() as i32;
        let start = usize::from(docstring.is_some());
        for st in &body[start.min(body.len())..] {
            self.visit_stmt(st)?;
        }
        let co = self.exit_scope_assemble(true)?;
        self.make_closure(co, funcflags)?;
        self.compiler_apply_decorators(decos);
        self.nameop(name, ExprContext::Store)
    }

    /// `compiler_class`.
    pub fn compiler_class(&mut self, s: &'a ast::Stmt) -> R {
        let StmtKind::ClassDef {
            name,
            bases,
            keywords,
            body,
            decorator_list: decos,
        } = &s.node
        else {
            return Ok(());
        };
        self.compiler_decorators(decos)?;
        let firstlineno = decos.first().map_or(s.loc.lineno, |d| d.loc.lineno) as i32;
        self.enter_scope(name, ScopeType::Class, node_key(s), firstlineno)?;
        self.u.private = Some(name.clone());
        self.nameop_str("__name__", ExprContext::Load)?;
        self.nameop_str("__module__", ExprContext::Store)?;
        let qualname = self.u.code.qualname.clone();
        self.load_const(Constant::Str(qualname));
        self.nameop_str("__qualname__", ExprContext::Store)?;
        self.body(body)?;
        self.unset_loc();
        if self.ste().needs_class_closure {
            let i = self
                .u
                .code
                .cellvars
                .get(&PyStr::from("__class__"))
                .unwrap_or(0);
            self.addop_i(LOAD_CLOSURE, i as usize);
            self.addop_i(COPY, 1);
            self.nameop_str("__classcell__", ExprContext::Store)?;
        } else {
            self.load_const(Constant::None);
        }
        self.addop(RETURN_VALUE);
        let co = self.exit_scope_assemble(true)?;
        self.addop(PUSH_NULL);
        self.addop(LOAD_BUILD_CLASS);
        self.make_closure(co, 0)?;
        self.load_const(Constant::Str(PyStr::from(name.as_str())));
        self.call_helper(2, bases, keywords)?;
        self.compiler_apply_decorators(decos);
        self.nameop(name, ExprContext::Store)
    }

    /// `compiler_lambda`.
    pub fn compiler_lambda(
        &mut self,
        e: &'a ast::Expr,
        args: &'a ast::Arguments,
        body: &'a ast::Expr,
    ) -> R {
        self.check_debug_args(args)?;
        let funcflags = self.default_arguments(args)?;
        self.enter_scope(
            "<lambda>",
            ScopeType::Lambda,
            node_key(e),
            e.loc.lineno as i32,
        )?;
        self.add_const(Constant::None);
        self.u.code.argcount = args.args.len() as i32;
        self.u.code.posonlyargcount = args.posonlyargs.len() as i32;
        self.u.code.kwonlyargcount = args.kwonlyargs.len() as i32;
        self.visit_expr(body)?;
        let co = if self.ste().generator {
            self.exit_scope_assemble(false)?
        } else {
            self.addop(RETURN_VALUE);
            self.exit_scope_assemble(true)?
        };
        self.make_closure(co, funcflags)
    }
}
