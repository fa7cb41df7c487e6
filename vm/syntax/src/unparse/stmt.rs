//! Statements, blocks and match patterns.

use super::expr::operator_str;
use super::{Prec, Unparser};
use crate::ast::{
    Alias, Constant, ExceptHandler, Expr, ExprKind, MatchCase, Pattern, PatternKind, Stmt,
    StmtKind, Withitem,
};

fn is_simple(s: &Stmt) -> bool {
    !matches!(
        s.node,
        StmtKind::FunctionDef { .. }
            | StmtKind::AsyncFunctionDef { .. }
            | StmtKind::ClassDef { .. }
            | StmtKind::For { .. }
            | StmtKind::AsyncFor { .. }
            | StmtKind::While { .. }
            | StmtKind::If { .. }
            | StmtKind::With { .. }
            | StmtKind::AsyncWith { .. }
            | StmtKind::Match { .. }
            | StmtKind::Try { .. }
            | StmtKind::TryStar { .. }
    )
}

impl Unparser<'_> {
    fn line_start(&mut self) {
        for i in 0..self.indents.len() {
            let s = self.indents[i].clone();
            self.w(&s);
        }
    }

    /// The statements of a block (or the module) at the current indentation; an empty
    /// list is written as `pass`.
    pub(crate) fn body(&mut self, body: &[Stmt], _nested: bool) {
        if body.is_empty() {
            self.line_start();
            self.w("pass\n");
            return;
        }
        let mut i = 0;
        while i < body.len() {
            match self.pick(16) {
                1 => {
                    self.line_start();
                    self.w("# a comment\n");
                }
                2 => self.w("\n"),
                _ => {}
            }
            self.line_start();
            self.stmt(&body[i]);
            // Simple statements may share a line, `;`-separated.
            while i + 1 < body.len()
                && is_simple(&body[i])
                && is_simple(&body[i + 1])
                && self.pick(6) == 1
            {
                i += 1;
                self.w("; ");
                self.stmt(&body[i]);
            }
            if is_simple(&body[i]) && self.pick(20) == 1 {
                self.w(";");
            }
            if !self.out.ends_with('\n') {
                self.w("\n");
            }
            i += 1;
        }
    }

    /// `:` and an indented block (or, for one simple statement, sometimes the same line).
    fn block(&mut self, body: &[Stmt]) {
        self.w(":");
        if body.len() == 1 && is_simple(&body[0]) && self.pick(5) == 1 {
            self.w(" ");
            self.stmt(&body[0]);
            self.w("\n");
            return;
        }
        self.w("\n");
        let width = [4, 4, 4, 1, 2, 3, 8][self.pick(7)];
        self.indents.push(" ".repeat(width));
        self.body(body, true);
        self.indents.pop();
    }

    fn decorators(&mut self, decorators: &[Expr]) {
        for d in decorators {
            self.w("@");
            self.expr(d, Prec::Test);
            self.w("\n");
            self.line_start();
        }
    }

    /// One statement, from the current position (indentation already written).
    pub(crate) fn stmt(&mut self, s: &Stmt) {
        if self.descend() {
            self.stmt_at(s);
        }
        self.depth -= 1;
    }

    fn stmt_at(&mut self, s: &Stmt) {
        match &s.node {
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
            } => {
                self.decorators(decorator_list);
                if matches!(s.node, StmtKind::AsyncFunctionDef { .. }) {
                    self.w("async ");
                }
                self.w("def ");
                self.name(name);
                self.w("(");
                self.arguments(args, true);
                self.w(")");
                if let Some(r) = returns {
                    self.w(" -> ");
                    self.expr(r, Prec::Test);
                }
                self.block(body);
            }
            StmtKind::ClassDef {
                name,
                bases,
                keywords,
                body,
                decorator_list,
            } => {
                self.decorators(decorator_list);
                self.w("class ");
                self.name(name);
                if !bases.is_empty() || !keywords.is_empty() {
                    self.w("(");
                    self.call_args(bases, keywords);
                    self.w(")");
                } else if self.pick(4) == 1 {
                    self.w("()");
                }
                self.block(body);
            }
            StmtKind::Return { value } => {
                self.w("return");
                if let Some(v) = value {
                    self.w(" ");
                    self.expr_tuple_ok(v);
                }
            }
            StmtKind::Delete { targets } => {
                self.w("del ");
                for (i, t) in targets.iter().enumerate() {
                    if i > 0 {
                        self.w(", ");
                    }
                    self.expr(t, Prec::Test);
                }
            }
            StmtKind::Assign { targets, value, .. } => {
                for t in targets {
                    self.expr_tuple_ok(t);
                    self.w(" = ");
                }
                self.rhs(value);
            }
            StmtKind::AugAssign { target, op, value } => {
                self.expr(target, Prec::Tuple);
                self.w(" ");
                self.w(operator_str(*op));
                self.w("= ");
                self.rhs(value);
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                match (&target.node, *simple) {
                    (ExprKind::Name { id, .. }, 1) => self.name(id),
                    (ExprKind::Name { id, .. }, _) => {
                        self.w("(");
                        self.name(id);
                        self.w(")");
                    }
                    _ => {
                        // No redundant parentheses: `(x).a: int` is a syntax error
                        // (pegen commits to `'(' single_target ')'` and then wants `:`).
                        let saved = self.plain;
                        self.plain = true;
                        self.expr(target, Prec::Atom);
                        self.plain = saved;
                    }
                }
                self.w(": ");
                self.expr(annotation, Prec::Test);
                if let Some(v) = value {
                    self.w(" = ");
                    self.rhs(v);
                }
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            }
            | StmtKind::AsyncFor {
                target,
                iter,
                body,
                orelse,
                ..
            } => {
                if matches!(s.node, StmtKind::AsyncFor { .. }) {
                    self.w("async ");
                }
                self.w("for ");
                self.expr_tuple_ok(target);
                self.w(" in ");
                self.expr_tuple_ok(iter);
                self.block(body);
                self.orelse(orelse);
            }
            StmtKind::While { test, body, orelse } => {
                self.w("while ");
                self.expr(test, Prec::NamedExpr);
                self.block(body);
                self.orelse(orelse);
            }
            StmtKind::If { test, body, orelse } => {
                self.w("if ");
                self.expr(test, Prec::NamedExpr);
                self.block(body);
                let mut orelse = orelse;
                // `elif` chains.
                while let [
                    Stmt {
                        node:
                            StmtKind::If {
                                test,
                                body,
                                orelse: next,
                            },
                        ..
                    },
                ] = orelse.as_slice()
                {
                    self.line_start();
                    self.w("elif ");
                    self.expr(test, Prec::NamedExpr);
                    self.block(body);
                    orelse = next;
                }
                self.orelse(orelse);
            }
            StmtKind::With { items, body, .. } | StmtKind::AsyncWith { items, body, .. } => {
                if matches!(s.node, StmtKind::AsyncWith { .. }) {
                    self.w("async ");
                }
                self.w("with ");
                self.withitems(items);
                self.block(body);
            }
            StmtKind::Match { subject, cases } => {
                self.w("match ");
                self.expr_tuple_ok(subject);
                self.w(":\n");
                self.indents.push("    ".into());
                if cases.is_empty() {
                    self.fail("match without cases");
                }
                for c in cases {
                    self.line_start();
                    self.match_case(c);
                }
                self.indents.pop();
            }
            StmtKind::Raise { exc, cause } => {
                self.w("raise");
                if let Some(e) = exc {
                    self.w(" ");
                    self.expr(e, Prec::Test);
                    if let Some(c) = cause {
                        self.w(" from ");
                        self.expr(c, Prec::Test);
                    }
                } else if cause.is_some() {
                    self.fail("raise with a cause but no exception");
                }
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            }
            | StmtKind::TryStar {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                let star = matches!(s.node, StmtKind::TryStar { .. });
                self.w("try");
                self.block(body);
                for h in handlers {
                    self.handler(h, star);
                }
                if handlers.is_empty() && finalbody.is_empty() {
                    self.fail("try without handlers or finally");
                }
                if !orelse.is_empty() {
                    self.line_start();
                    self.w("else");
                    self.block(orelse);
                }
                if !finalbody.is_empty() {
                    self.line_start();
                    self.w("finally");
                    self.block(finalbody);
                }
            }
            StmtKind::Assert { test, msg } => {
                self.w("assert ");
                self.expr(test, Prec::Test);
                if let Some(m) = msg {
                    self.w(", ");
                    self.expr(m, Prec::Test);
                }
            }
            StmtKind::Import { names } => {
                self.w("import ");
                self.aliases(names);
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                self.w("from ");
                for _ in 0..level.unwrap_or(0).max(0) {
                    self.w(".");
                }
                if let Some(m) = module {
                    self.dotted(m);
                }
                self.w(" import ");
                let parens = names.len() > 1 && self.pick(3) == 1;
                if parens {
                    self.w("(");
                }
                self.aliases(names);
                if parens {
                    self.w(")");
                }
            }
            StmtKind::Global { names } | StmtKind::Nonlocal { names } => {
                self.w(if matches!(s.node, StmtKind::Global { .. }) {
                    "global "
                } else {
                    "nonlocal "
                });
                for (i, n) in names.iter().enumerate() {
                    if i > 0 {
                        self.w(", ");
                    }
                    self.name(n);
                }
            }
            StmtKind::Expr { value } => match &value.node {
                ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } => {
                    self.expr(value, Prec::Yield)
                }
                _ => self.expr_tuple_ok(value),
            },
            StmtKind::Pass => self.w("pass"),
            StmtKind::Break => self.w("break"),
            StmtKind::Continue => self.w("continue"),
        }
    }

    /// The right-hand side of an assignment: a bare tuple or a `yield` is fine there.
    fn rhs(&mut self, value: &Expr) {
        match &value.node {
            ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } => self.expr(value, Prec::Yield),
            _ => self.expr_tuple_ok(value),
        }
    }

    fn orelse(&mut self, orelse: &[Stmt]) {
        if !orelse.is_empty() {
            self.line_start();
            self.w("else");
            self.block(orelse);
        }
    }

    fn withitems(&mut self, items: &[Withitem]) {
        if items.is_empty() {
            self.fail("with without items");
        }
        for (i, it) in items.iter().enumerate() {
            if i > 0 {
                self.w(", ");
            }
            self.expr(&it.context_expr, Prec::Test);
            if let Some(v) = &it.optional_vars {
                self.w(" as ");
                self.expr(v, Prec::Test);
            }
        }
    }

    fn handler(&mut self, h: &ExceptHandler, star: bool) {
        self.line_start();
        self.w(if star { "except*" } else { "except" });
        if let Some(t) = &h.type_ {
            self.w(" ");
            self.expr(t, Prec::Test);
            if let Some(n) = &h.name {
                self.w(" as ");
                self.name(n);
            }
        }
        self.block(&h.body);
    }

    fn dotted(&mut self, name: &str) {
        for (i, part) in name.split('.').enumerate() {
            if i > 0 {
                self.w(".");
            }
            self.name(part);
        }
    }

    fn aliases(&mut self, names: &[Alias]) {
        if names.is_empty() {
            self.fail("import without names");
        }
        for (i, a) in names.iter().enumerate() {
            if i > 0 {
                self.w(", ");
            }
            if &*a.name == "*" {
                self.w("*");
            } else {
                self.dotted(&a.name);
            }
            if let Some(n) = &a.asname {
                self.w(" as ");
                self.name(n);
            }
        }
    }

    // --- match ----------------------------------------------------------------------

    fn match_case(&mut self, c: &MatchCase) {
        self.w("case ");
        self.pattern(&c.pattern, true);
        if let Some(g) = &c.guard {
            self.w(" if ");
            self.expr(g, Prec::NamedExpr);
        }
        self.block(&c.body);
    }

    /// A pattern; `open` where an `as`/`|` pattern needs no parentheses.
    fn pattern(&mut self, p: &Pattern, open: bool) {
        if self.descend() {
            self.pattern_at(p, open);
        }
        self.depth -= 1;
    }

    fn pattern_at(&mut self, p: &Pattern, open: bool) {
        let saved = self.plain;
        self.plain = true;
        match &p.node {
            PatternKind::MatchValue { value } => self.expr(value, Prec::Test),
            PatternKind::MatchSingleton { value } => match value {
                Constant::None => self.w("None"),
                Constant::Bool(true) => self.w("True"),
                Constant::Bool(false) => self.w("False"),
                _ => self.fail("MatchSingleton of a non-singleton"),
            },
            PatternKind::MatchSequence { patterns } => {
                self.w("[");
                for (i, q) in patterns.iter().enumerate() {
                    if i > 0 {
                        self.w(", ");
                    }
                    self.pattern(q, true);
                }
                self.w("]");
            }
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => {
                self.w("{");
                let mut first = true;
                for (k, q) in keys.iter().zip(patterns) {
                    if !first {
                        self.w(", ");
                    }
                    first = false;
                    self.expr(k, Prec::Test);
                    self.w(": ");
                    self.pattern(q, true);
                }
                if let Some(r) = rest {
                    if !first {
                        self.w(", ");
                    }
                    self.w("**");
                    self.name(r);
                }
                self.w("}");
            }
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => {
                self.expr(cls, Prec::Atom);
                self.w("(");
                let mut first = true;
                for q in patterns {
                    if !first {
                        self.w(", ");
                    }
                    first = false;
                    self.pattern(q, true);
                }
                for (a, q) in kwd_attrs.iter().zip(kwd_patterns) {
                    if !first {
                        self.w(", ");
                    }
                    first = false;
                    self.name(a);
                    self.w("=");
                    self.pattern(q, true);
                }
                self.w(")");
            }
            PatternKind::MatchStar { name } => {
                self.w("*");
                match name {
                    Some(n) => self.name(n),
                    None => self.w("_"),
                }
            }
            PatternKind::MatchAs { pattern, name } => match (pattern, name) {
                (None, None) => self.w("_"),
                (None, Some(n)) => self.name(n),
                (Some(q), Some(n)) => {
                    if !open {
                        self.w("(");
                    }
                    self.pattern(q, false);
                    self.w(" as ");
                    self.name(n);
                    if !open {
                        self.w(")");
                    }
                }
                (Some(_), None) => self.fail("MatchAs with a pattern but no name"),
            },
            PatternKind::MatchOr { patterns } => {
                if !open {
                    self.w("(");
                }
                for (i, q) in patterns.iter().enumerate() {
                    if i > 0 {
                        self.w(" | ");
                    }
                    self.pattern(q, false);
                }
                if !open {
                    self.w(")");
                }
            }
        }
        self.plain = saved;
    }
}
