//! Expressions (`compiler_visit_expr` of CPython 3.11's `compile.c`): operators,
//! boolean and comparison chains, conditional jumps (`compiler_jump_if`), displays
//! and unpacking, subscripts and slices, attributes, `yield` and `await`.

use super::{Compiler, R, STACK_USE_GUIDELINE, ScopeType, const_from_ast};
use crate::flowgraph::BlockId;
use crate::opcode::*;
use crate::symtable::BlockType;
use crate::symtable::visit::{RED_ZONE, STACK_GROWTH};
use refvm_bytecode::Constant;
use refvm_syntax::ast::{self, Boolop, Cmpop, ExprContext, ExprKind, Unaryop};

/// Which display a `starunpack_helper` call builds.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Display {
    List,
    Tuple,
    Set,
}

fn is_const(e: &ast::Expr) -> bool {
    matches!(e.node, ExprKind::Constant { .. })
}

impl<'a> Compiler<'a> {
    /// `compiler_visit_expr`: the expression's location applies to its instructions,
    /// then the previous location is restored.
    pub fn visit_expr(&mut self, e: &'a ast::Expr) -> R {
        stacker::maybe_grow(RED_ZONE, STACK_GROWTH, || {
            let saved = self.u.loc;
            self.set_loc(&e.loc);
            let r = self.visit_expr1(e);
            self.u.loc = saved;
            r
        })
    }

    /// `compiler_visit_expr1`.
    fn visit_expr1(&mut self, e: &'a ast::Expr) -> R {
        match &e.node {
            ExprKind::NamedExpr { target, value } => {
                self.visit_expr(value)?;
                self.addop_i(COPY, 1);
                self.visit_expr(target)?;
            }
            ExprKind::BoolOp { op, values } => self.compiler_boolop(*op, values)?,
            ExprKind::BinOp { left, op, right } => {
                self.visit_expr(left)?;
                self.visit_expr(right)?;
                self.addop_binary(*op, false);
            }
            ExprKind::UnaryOp { op, operand } => {
                self.visit_expr(operand)?;
                self.addop(match op {
                    Unaryop::Invert => UNARY_INVERT,
                    Unaryop::Not => UNARY_NOT,
                    Unaryop::UAdd => UNARY_POSITIVE,
                    Unaryop::USub => UNARY_NEGATIVE,
                });
            }
            ExprKind::Lambda { args, body } => self.compiler_lambda(e, args, body)?,
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_block();
                let next = self.new_block();
                self.jump_if(test, next, false)?;
                self.visit_expr(body)?;
                self.addop_j_noline(JUMP, end);
                self.use_next_block(next);
                self.visit_expr(orelse)?;
                self.use_next_block(end);
            }
            ExprKind::Dict { keys, values } => self.compiler_dict(keys, values)?,
            ExprKind::Set { elts } => self.starunpack_helper(elts, 0, Display::Set)?,
            ExprKind::GeneratorExp { elt, generators } => self.compiler_comprehension(
                e,
                super::comprehension::CompType::GenExp,
                "<genexpr>",
                generators,
                elt,
                None,
            )?,
            ExprKind::ListComp { elt, generators } => self.compiler_comprehension(
                e,
                super::comprehension::CompType::ListComp,
                "<listcomp>",
                generators,
                elt,
                None,
            )?,
            ExprKind::SetComp { elt, generators } => self.compiler_comprehension(
                e,
                super::comprehension::CompType::SetComp,
                "<setcomp>",
                generators,
                elt,
                None,
            )?,
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.compiler_comprehension(
                e,
                super::comprehension::CompType::DictComp,
                "<dictcomp>",
                generators,
                key,
                Some(value),
            )?,
            ExprKind::Yield { value } => {
                if self.ste().typ != BlockType::Function {
                    return Err(self.error("'yield' outside function"));
                }
                match value {
                    Some(v) => self.visit_expr(v)?,
                    None => self.load_const(Constant::None),
                }
                self.addop_yield();
            }
            ExprKind::YieldFrom { value } => {
                if self.ste().typ != BlockType::Function {
                    return Err(self.error("'yield' outside function"));
                }
                if self.u.scope_type == ScopeType::AsyncFunction {
                    return Err(self.error("'yield from' inside async function"));
                }
                self.visit_expr(value)?;
                self.addop(GET_YIELD_FROM_ITER);
                self.load_const(Constant::None);
                self.add_yield_from(false);
            }
            ExprKind::Await { value } => {
                if !self.is_top_level_await() {
                    if self.ste().typ != BlockType::Function {
                        return Err(self.error("'await' outside function"));
                    }
                    if self.u.scope_type != ScopeType::AsyncFunction
                        && self.u.scope_type != ScopeType::Comprehension
                    {
                        return Err(self.error("'await' outside async function"));
                    }
                }
                self.visit_expr(value)?;
                self.addop_i(GET_AWAITABLE, 0);
                self.load_const(Constant::None);
                self.add_yield_from(true);
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => self.compiler_compare(left, ops, comparators)?,
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.compiler_call(e, func, args, keywords)?,
            ExprKind::Constant { value, .. } => {
                self.note_const_nodes(std::slice::from_ref(e));
                self.load_const(const_from_ast(value))
            }
            ExprKind::JoinedStr { values } => self.compiler_joined_str(values)?,
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => self.compiler_formatted_value(value, *conversion, format_spec.as_deref())?,
            ExprKind::Attribute { value, attr, ctx } => {
                self.visit_expr(value)?;
                self.update_start_location_to_match_attr(e);
                match ctx {
                    ExprContext::Load => self.addop_name(LOAD_ATTR, attr),
                    ExprContext::Store => {
                        self.forbidden_name(attr, *ctx)?;
                        self.addop_name(STORE_ATTR, attr);
                    }
                    ExprContext::Del => self.addop_name(DELETE_ATTR, attr),
                }
            }
            ExprKind::Subscript { value, slice, ctx } => {
                if *ctx == ExprContext::Load {
                    self.check_subscript(value, slice);
                }
                self.visit_expr(value)?;
                self.visit_expr(slice)?;
                self.addop(match ctx {
                    ExprContext::Load => BINARY_SUBSCR,
                    ExprContext::Store => STORE_SUBSCR,
                    ExprContext::Del => DELETE_SUBSCR,
                });
            }
            ExprKind::Starred { ctx, .. } => {
                return Err(self.error(if *ctx == ExprContext::Store {
                    "starred assignment target must be in a list or tuple"
                } else {
                    "can't use starred expression here"
                }));
            }
            ExprKind::Slice { lower, upper, step } => {
                let mut n = 2;
                match lower {
                    Some(l) => self.visit_expr(l)?,
                    None => self.load_const(Constant::None),
                }
                match upper {
                    Some(u) => self.visit_expr(u)?,
                    None => self.load_const(Constant::None),
                }
                if let Some(s) = step {
                    n += 1;
                    self.visit_expr(s)?;
                }
                self.addop_i(BUILD_SLICE, n);
            }
            ExprKind::Name { id, ctx } => self.nameop(id, *ctx)?,
            ExprKind::List { elts, ctx } => match ctx {
                ExprContext::Store => self.assignment_helper(elts)?,
                ExprContext::Load => self.starunpack_helper(elts, 0, Display::List)?,
                ExprContext::Del => {
                    for el in elts {
                        self.visit_expr(el)?;
                    }
                }
            },
            ExprKind::Tuple { elts, ctx } => match ctx {
                ExprContext::Store => self.assignment_helper(elts)?,
                ExprContext::Load => self.starunpack_helper(elts, 0, Display::Tuple)?,
                ExprContext::Del => {
                    for el in elts {
                        self.visit_expr(el)?;
                    }
                }
            },
        }
        Ok(())
    }

    /// `update_start_location_to_match_attr`: a multi-line attribute access is located
    /// at the attribute name.
    pub fn update_start_location_to_match_attr(&mut self, attr: &ast::Expr) {
        let ExprKind::Attribute { attr: name, .. } = &attr.node else {
            return;
        };
        let end_lineno = attr.loc.end_lineno as i32;
        let end_col = attr.loc.end_col_offset as i32;
        let l = &mut self.u.loc;
        if l.lineno != end_lineno {
            l.lineno = end_lineno;
            let len = name.chars().count() as i32;
            if len <= end_col {
                l.col_offset = end_col - len;
            } else {
                l.col_offset = -1;
                l.end_col_offset = -1;
            }
            l.end_lineno = l.lineno.max(l.end_lineno);
            if l.lineno == l.end_lineno {
                l.end_col_offset = l.col_offset.max(l.end_col_offset);
            }
        }
    }

    /// `compiler_boolop`.
    fn compiler_boolop(&mut self, op: Boolop, values: &'a [ast::Expr]) -> R {
        let jumpi = if op == Boolop::And {
            JUMP_IF_FALSE_OR_POP
        } else {
            JUMP_IF_TRUE_OR_POP
        };
        let end = self.new_block();
        let n = values.len().saturating_sub(1);
        for v in &values[..n] {
            self.visit_expr(v)?;
            self.addop_j(jumpi, end);
            let next = self.new_block();
            self.use_next_block(next);
        }
        if let Some(last) = values.last() {
            self.visit_expr(last)?;
        }
        self.use_next_block(end);
        Ok(())
    }

    /// `starunpack_helper`: a list, tuple or set display (or positional call
    /// arguments, `pushed` values already on the stack).
    pub fn starunpack_helper(&mut self, elts: &'a [ast::Expr], pushed: usize, kind: Display) -> R {
        let (build, add, extend) = match kind {
            Display::Set => (BUILD_SET, SET_ADD, SET_UPDATE),
            _ => (BUILD_LIST, LIST_APPEND, LIST_EXTEND),
        };
        let tuple = kind == Display::Tuple;
        let n = elts.len();
        if n > 2 && elts.iter().all(is_const) {
            let items: Vec<&ast::Constant> = elts
                .iter()
                .filter_map(|e| match &e.node {
                    ExprKind::Constant { value, .. } => Some(value),
                    _ => None,
                })
                .collect();
            self.note_const_nodes(elts);
            if tuple && pushed == 0 {
                self.load_const(Constant::Tuple(
                    items.into_iter().map(const_from_ast).collect(),
                ));
            } else {
                let folded = if add == SET_ADD {
                    frozenset_from(items)
                } else {
                    Constant::Tuple(items.into_iter().map(const_from_ast).collect())
                };
                self.addop_i(build, pushed);
                self.load_const(folded);
                self.addop_i(extend, 1);
                if tuple {
                    self.addop(LIST_TO_TUPLE);
                }
            }
            return Ok(());
        }
        let big = n + pushed > STACK_USE_GUIDELINE;
        let seen_star = elts
            .iter()
            .any(|e| matches!(e.node, ExprKind::Starred { .. }));
        if !seen_star && !big {
            for e in elts {
                self.visit_expr(e)?;
            }
            self.addop_i(if tuple { BUILD_TUPLE } else { build }, n + pushed);
            return Ok(());
        }
        let mut sequence_built = false;
        if big {
            self.addop_i(build, pushed);
            sequence_built = true;
        }
        for (i, e) in elts.iter().enumerate() {
            if let ExprKind::Starred { value, .. } = &e.node {
                if !sequence_built {
                    self.addop_i(build, i + pushed);
                    sequence_built = true;
                }
                self.visit_expr(value)?;
                self.addop_i(extend, 1);
            } else {
                self.visit_expr(e)?;
                if sequence_built {
                    self.addop_i(add, 1);
                }
            }
        }
        if tuple {
            self.addop(LIST_TO_TUPLE);
        }
        Ok(())
    }

    /// `unpack_helper`.
    fn unpack_helper(&mut self, elts: &'a [ast::Expr]) -> R {
        let n = elts.len();
        let mut seen_star = false;
        for (i, e) in elts.iter().enumerate() {
            if matches!(e.node, ExprKind::Starred { .. }) {
                if seen_star {
                    return Err(self.error("multiple starred expressions in assignment"));
                }
                if i >= (1 << 8) || n - i > (i32::MAX as usize >> 8) {
                    return Err(self.error("too many expressions in star-unpacking assignment"));
                }
                self.addop_i(UNPACK_EX, i + ((n - i - 1) << 8));
                seen_star = true;
            }
        }
        if !seen_star {
            self.addop_i(UNPACK_SEQUENCE, n);
        }
        Ok(())
    }

    /// `assignment_helper`.
    fn assignment_helper(&mut self, elts: &'a [ast::Expr]) -> R {
        self.unpack_helper(elts)?;
        for e in elts {
            match &e.node {
                ExprKind::Starred { value, .. } => self.visit_expr(value)?,
                _ => self.visit_expr(e)?,
            }
        }
        Ok(())
    }

    /// `compiler_subdict`: keys `begin..end` of a dict display.
    fn compiler_subdict(
        &mut self,
        keys: &'a [Option<ast::Expr>],
        values: &'a [ast::Expr],
        begin: usize,
        end: usize,
    ) -> R {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        let key_at = |i: usize| crate::ast_util::dict_key(keys, i);
        if n > 1 && !big && (begin..end).all(|i| key_at(i).is_some_and(is_const)) {
            for v in &values[begin..end] {
                self.visit_expr(v)?;
            }
            let ks: Vec<Constant> = (begin..end)
                .map(|i| match key_at(i).map(|k| &k.node) {
                    Some(ExprKind::Constant { value, .. }) => const_from_ast(value),
                    _ => Constant::None,
                })
                .collect();
            self.load_const(Constant::Tuple(ks));
            self.addop_i(BUILD_CONST_KEY_MAP, n);
            return Ok(());
        }
        if big {
            self.addop_i(BUILD_MAP, 0);
        }
        for (i, value) in values.iter().enumerate().take(end).skip(begin) {
            if let Some(k) = key_at(i) {
                self.visit_expr(k)?;
            }
            self.visit_expr(value)?;
            if big {
                self.addop_i(MAP_ADD, 1);
            }
        }
        if !big {
            self.addop_i(BUILD_MAP, n);
        }
        Ok(())
    }

    /// `compiler_dict`.
    fn compiler_dict(&mut self, keys: &'a [Option<ast::Expr>], values: &'a [ast::Expr]) -> R {
        let n = values.len();
        let mut have_dict = false;
        let mut elements = 0;
        for i in 0..n {
            let is_unpacking = crate::ast_util::dict_key(keys, i).is_none();
            if is_unpacking {
                if elements > 0 {
                    self.compiler_subdict(keys, values, i - elements, i)?;
                    if have_dict {
                        self.addop_i(DICT_UPDATE, 1);
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.addop_i(BUILD_MAP, 0);
                    have_dict = true;
                }
                self.visit_expr(&values[i])?;
                self.addop_i(DICT_UPDATE, 1);
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.compiler_subdict(keys, values, i - elements, i + 1)?;
                if have_dict {
                    self.addop_i(DICT_UPDATE, 1);
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.compiler_subdict(keys, values, n - elements, n)?;
            if have_dict {
                self.addop_i(DICT_UPDATE, 1);
            }
            have_dict = true;
        }
        if !have_dict {
            self.addop_i(BUILD_MAP, 0);
        }
        Ok(())
    }

    /// `compiler_addcompare`.
    fn addcompare(&mut self, op: Cmpop) {
        match op {
            Cmpop::Eq => self.addop_i(COMPARE_OP, 2),
            Cmpop::NotEq => self.addop_i(COMPARE_OP, 3),
            Cmpop::Lt => self.addop_i(COMPARE_OP, 0),
            Cmpop::LtE => self.addop_i(COMPARE_OP, 1),
            Cmpop::Gt => self.addop_i(COMPARE_OP, 4),
            Cmpop::GtE => self.addop_i(COMPARE_OP, 5),
            Cmpop::Is => self.addop_i(IS_OP, 0),
            Cmpop::IsNot => self.addop_i(IS_OP, 1),
            Cmpop::In => self.addop_i(CONTAINS_OP, 0),
            Cmpop::NotIn => self.addop_i(CONTAINS_OP, 1),
        }
    }

    /// `compiler_compare`.
    fn compiler_compare(
        &mut self,
        left: &'a ast::Expr,
        ops: &[Cmpop],
        comparators: &'a [ast::Expr],
    ) -> R {
        check_compare_shape(ops, comparators)?;
        self.check_compare(left, ops, comparators);
        self.visit_expr(left)?;
        let n = ops.len().saturating_sub(1);
        if n == 0 {
            if let (Some(c), Some(op)) = (comparators.first(), ops.first()) {
                self.visit_expr(c)?;
                self.addcompare(*op);
            }
            return Ok(());
        }
        let cleanup = self.new_block();
        for i in 0..n {
            self.visit_expr(&comparators[i])?;
            self.addop_i(SWAP, 2);
            self.addop_i(COPY, 2);
            self.addcompare(ops[i]);
            self.addop_j(JUMP_IF_FALSE_OR_POP, cleanup);
        }
        self.visit_expr(&comparators[n])?;
        self.addcompare(ops[n]);
        let end = self.new_block();
        self.addop_j_noline(JUMP, end);
        self.use_next_block(cleanup);
        self.addop_i(SWAP, 2);
        self.addop(POP_TOP);
        self.use_next_block(end);
        Ok(())
    }

    /// `compiler_jump_if`: jumps to `next` when `e` is true (`cond`) or false.
    pub fn jump_if(&mut self, e: &'a ast::Expr, next: BlockId, cond: bool) -> R {
        stacker::maybe_grow(RED_ZONE, STACK_GROWTH, || self.jump_if_inner(e, next, cond))
    }

    fn jump_if_inner(&mut self, e: &'a ast::Expr, next: BlockId, cond: bool) -> R {
        match &e.node {
            ExprKind::UnaryOp {
                op: Unaryop::Not,
                operand,
            } => return self.jump_if(operand, next, !cond),
            ExprKind::BoolOp { op, values } => {
                let n = values.len().saturating_sub(1);
                let cond2 = *op == Boolop::Or;
                let next2 = if cond2 != cond {
                    self.new_block()
                } else {
                    next
                };
                for v in &values[..n] {
                    self.jump_if(v, next2, cond2)?;
                }
                if let Some(last) = values.last() {
                    self.jump_if(last, next, cond)?;
                }
                if next2 != next {
                    self.use_next_block(next2);
                }
                return Ok(());
            }
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_block();
                let next2 = self.new_block();
                self.jump_if(test, next2, false)?;
                self.jump_if(body, next, cond)?;
                self.addop_j_noline(JUMP, end);
                self.use_next_block(next2);
                self.jump_if(orelse, next, cond)?;
                self.use_next_block(end);
                return Ok(());
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                self.set_loc(&e.loc);
                check_compare_shape(ops, comparators)?;
                let n = ops.len().saturating_sub(1);
                if n > 0 {
                    self.check_compare(left, ops, comparators);
                    let cleanup = self.new_block();
                    self.visit_expr(left)?;
                    for i in 0..n {
                        self.visit_expr(&comparators[i])?;
                        self.addop_i(SWAP, 2);
                        self.addop_i(COPY, 2);
                        self.addcompare(ops[i]);
                        self.addop_j(POP_JUMP_IF_FALSE, cleanup);
                    }
                    self.visit_expr(&comparators[n])?;
                    self.addcompare(ops[n]);
                    self.addop_j(
                        if cond {
                            POP_JUMP_IF_TRUE
                        } else {
                            POP_JUMP_IF_FALSE
                        },
                        next,
                    );
                    let end = self.new_block();
                    self.addop_j_noline(JUMP, end);
                    self.use_next_block(cleanup);
                    self.addop(POP_TOP);
                    if !cond {
                        self.addop_j_noline(JUMP, next);
                    }
                    self.use_next_block(end);
                    return Ok(());
                }
            }
            _ => {}
        }
        self.visit_expr(e)?;
        self.addop_j(
            if cond {
                POP_JUMP_IF_TRUE
            } else {
                POP_JUMP_IF_FALSE
            },
            next,
        );
        Ok(())
    }
}

/// A comparison needs as many operators as comparands (the AST validator's rule).
fn check_compare_shape(ops: &[Cmpop], comparators: &[ast::Expr]) -> R {
    if ops.is_empty() || ops.len() != comparators.len() {
        return Err(crate::error::CompileErrorAt::system(
            "Compare has mismatched ops and comparators",
        ));
    }
    Ok(())
}

/// A frozenset constant from a set display of constants (`PyFrozenSet_New`: equal
/// members collapse, the first one stays).
fn frozenset_from(items: Vec<&ast::Constant>) -> Constant {
    let mut out: Vec<&ast::Constant> = Vec::with_capacity(items.len());
    for i in items {
        if !out.iter().any(|o| crate::ast_opt::constfold::py_eq(o, i)) {
            out.push(i);
        }
    }
    super::compiled_frozenset(out.into_iter().map(const_from_ast).collect())
}
