//! f-strings (`compiler_joined_str`, `compiler_formatted_value` of CPython 3.11's
//! `compile.c`): FORMAT_VALUE and BUILD_STRING, or `''.join([...])` for long ones.

use super::{Compiler, R, STACK_USE_GUIDELINE};
use crate::opcode::*;
use refvm_bytecode::Constant;
use refvm_common::PyStr;
use refvm_syntax::ast;

impl<'a> Compiler<'a> {
    /// `compiler_joined_str`.
    pub fn compiler_joined_str(&mut self, values: &'a [ast::Expr]) -> R {
        if values.len() > STACK_USE_GUIDELINE {
            self.load_const(Constant::Str(PyStr::new()));
            self.addop_name_raw(LOAD_METHOD, "join");
            self.addop_i(BUILD_LIST, 0);
            for v in values {
                self.visit_expr(v)?;
                self.addop_i(LIST_APPEND, 1);
            }
            self.addop_i(PRECALL, 1);
            self.addop_i(CALL, 1);
        } else {
            for v in values {
                self.visit_expr(v)?;
            }
            if values.len() != 1 {
                self.addop_i(BUILD_STRING, values.len());
            }
        }
        Ok(())
    }

    /// `compiler_formatted_value`.
    pub fn compiler_formatted_value(
        &mut self,
        value: &'a ast::Expr,
        conversion: i32,
        format_spec: Option<&'a ast::Expr>,
    ) -> R {
        self.visit_expr(value)?;
        let mut oparg = match conversion {
            115 => FVC_STR,
            114 => FVC_REPR,
            97 => FVC_ASCII,
            -1 => FVC_NONE,
            other => {
                return Err(crate::error::CompileErrorAt::system(format!(
                    "Unrecognized conversion character {other}"
                )));
            }
        };
        if let Some(spec) = format_spec {
            self.visit_expr(spec)?;
            oparg |= FVS_HAVE_SPEC;
        }
        self.addop_i(FORMAT_VALUE, oparg as usize);
        Ok(())
    }
}
