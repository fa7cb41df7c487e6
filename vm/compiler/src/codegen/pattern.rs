//! `match` statements (PEP 634; `compiler_match` and the `compiler_pattern_*` /
//! `pattern_helper_*` functions of CPython 3.11's `compile.c`). Every pattern routine
//! consumes the subject on top of the stack and jumps to a `fail_pop` block on
//! failure; captured names are stored only once the whole pattern matched.

use super::{Compiler, R};
use crate::error::CompileErrorAt;
use crate::flowgraph::BlockId;
use crate::opcode::*;
use refvm_bytecode::Constant;
use refvm_common::PyStr;
use refvm_syntax::ast::{self, ExprContext, ExprKind, Identifier, PatternKind};

/// `pattern_context`.
#[derive(Clone, Default)]
struct PatternContext {
    /// Names captured so far, in stack order.
    stores: Vec<Identifier>,
    allow_irrefutable: bool,
    /// `fail_pop[i]` pops `i` items then fails.
    fail_pop: Vec<BlockId>,
    /// Items on top of the stack that must stay there (popped on failure).
    on_top: usize,
}

fn is_wildcard(p: &ast::Pattern) -> bool {
    matches!(
        &p.node,
        PatternKind::MatchAs {
            pattern: None,
            name: None
        }
    )
}

fn is_wildcard_star(p: &ast::Pattern) -> bool {
    matches!(&p.node, PatternKind::MatchStar { name: None })
}

impl<'a> Compiler<'a> {
    /// `ensure_fail_pop`.
    fn ensure_fail_pop(&mut self, pc: &mut PatternContext, n: usize) {
        let size = n + 1;
        while pc.fail_pop.len() < size {
            let b = self.new_block();
            pc.fail_pop.push(b);
        }
    }

    /// `jump_to_fail_pop`.
    fn jump_to_fail_pop(&mut self, pc: &mut PatternContext, op: Op) {
        let pops = pc.on_top + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        self.addop_j(op, pc.fail_pop[pops]);
    }

    /// `emit_and_reset_fail_pop`.
    fn emit_and_reset_fail_pop(&mut self, pc: &mut PatternContext) {
        if pc.fail_pop.is_empty() {
            return;
        }
        for i in (1..pc.fail_pop.len()).rev() {
            self.use_next_block(pc.fail_pop[i]);
            self.addop(POP_TOP);
        }
        self.use_next_block(pc.fail_pop[0]);
        pc.fail_pop.clear();
    }

    /// `compiler_error_duplicate_store`.
    fn error_duplicate_store(&self, n: &Identifier) -> CompileErrorAt {
        self.error(format!(
            "multiple assignments to name {} in pattern",
            refvm_common::repr::str_repr(&PyStr::from(n.as_str()))
        ))
    }

    /// `pattern_helper_rotate`.
    fn pattern_helper_rotate(&mut self, mut count: usize) {
        while 1 < count {
            self.addop_i(SWAP, count);
            count -= 1;
        }
    }

    /// `pattern_helper_store_name`.
    fn pattern_helper_store_name(&mut self, n: Option<&Identifier>, pc: &mut PatternContext) -> R {
        let Some(n) = n else {
            self.addop(POP_TOP);
            return Ok(());
        };
        self.forbidden_name(n, ExprContext::Store)?;
        if pc.stores.iter().any(|s| s.as_str() == n.as_str()) {
            return Err(self.error_duplicate_store(n));
        }
        let rotations = pc.on_top + pc.stores.len() + 1;
        self.pattern_helper_rotate(rotations);
        pc.stores.push(n.clone());
        Ok(())
    }

    /// `pattern_unpack_helper`.
    fn pattern_unpack_helper(&mut self, elts: &'a [ast::Pattern]) -> R {
        let n = elts.len();
        let mut seen_star = false;
        for (i, elt) in elts.iter().enumerate() {
            if matches!(elt.node, PatternKind::MatchStar { .. }) {
                if seen_star {
                    return Err(self.error("multiple starred expressions in sequence pattern"));
                }
                if i >= (1 << 8) || n - i > (i32::MAX as usize >> 8) {
                    return Err(
                        self.error("too many expressions in star-unpacking sequence pattern")
                    );
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

    /// `pattern_helper_sequence_unpack`.
    fn pattern_helper_sequence_unpack(
        &mut self,
        patterns: &'a [ast::Pattern],
        pc: &mut PatternContext,
    ) -> R {
        self.pattern_unpack_helper(patterns)?;
        pc.on_top += patterns.len();
        for p in patterns {
            pc.on_top -= 1;
            self.pattern_subpattern(p, pc)?;
        }
        Ok(())
    }

    /// `pattern_helper_sequence_subscr`: BINARY_SUBSCR instead of unpacking, for
    /// sequences with a starred wildcard.
    fn pattern_helper_sequence_subscr(
        &mut self,
        patterns: &'a [ast::Pattern],
        star: usize,
        pc: &mut PatternContext,
    ) -> R {
        pc.on_top += 1;
        let size = patterns.len();
        for (i, p) in patterns.iter().enumerate() {
            if is_wildcard(p) || i == star {
                continue;
            }
            self.addop_i(COPY, 1);
            if i < star {
                self.load_const(Constant::Int(i.into()));
            } else {
                self.addop(GET_LEN);
                self.load_const(Constant::Int((size - i).into()));
                self.addop_binary(ast::Operator::Sub, false);
            }
            self.addop(BINARY_SUBSCR);
            self.pattern_subpattern(p, pc)?;
        }
        pc.on_top -= 1;
        self.addop(POP_TOP);
        Ok(())
    }

    /// `compiler_pattern_subpattern`: a nested pattern may be irrefutable.
    fn pattern_subpattern(&mut self, p: &'a ast::Pattern, pc: &mut PatternContext) -> R {
        let allow = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        self.compiler_pattern(p, pc)?;
        pc.allow_irrefutable = allow;
        Ok(())
    }

    /// `compiler_pattern`.
    fn compiler_pattern(&mut self, p: &'a ast::Pattern, pc: &mut PatternContext) -> R {
        stacker::maybe_grow(
            crate::symtable::visit::RED_ZONE,
            crate::symtable::visit::STACK_GROWTH,
            || {
                self.set_loc(&p.loc);
                match &p.node {
                    PatternKind::MatchValue { value } => {
                        if !matches!(
                            value.node,
                            ExprKind::Constant { .. } | ExprKind::Attribute { .. }
                        ) {
                            return Err(self
                                .error("patterns may only match literals and attribute lookups"));
                        }
                        self.visit_expr(value)?;
                        self.addop_i(COMPARE_OP, 2);
                        self.jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
                        Ok(())
                    }
                    PatternKind::MatchSingleton { value } => {
                        self.load_const(super::const_from_ast(value));
                        self.addop_i(IS_OP, 0);
                        self.jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
                        Ok(())
                    }
                    PatternKind::MatchSequence { patterns } => self.pattern_sequence(patterns, pc),
                    PatternKind::MatchMapping {
                        keys,
                        patterns,
                        rest,
                    } => self.pattern_mapping(keys, patterns, rest.as_ref(), pc),
                    PatternKind::MatchClass {
                        cls,
                        patterns,
                        kwd_attrs,
                        kwd_patterns,
                    } => self.pattern_class(p, cls, patterns, kwd_attrs, kwd_patterns, pc),
                    PatternKind::MatchStar { name } => {
                        self.pattern_helper_store_name(name.as_ref(), pc)
                    }
                    PatternKind::MatchAs { pattern, name } => match pattern {
                        None => {
                            if !pc.allow_irrefutable {
                                if let Some(n) = name {
                                    return Err(self.error(format!(
                                        "name capture {} makes remaining patterns unreachable",
                                        refvm_common::repr::str_repr(&PyStr::from(n.as_str()))
                                    )));
                                }
                                return Err(
                                    self.error("wildcard makes remaining patterns unreachable")
                                );
                            }
                            self.pattern_helper_store_name(name.as_ref(), pc)
                        }
                        Some(inner) => {
                            pc.on_top += 1;
                            self.addop_i(COPY, 1);
                            self.compiler_pattern(inner, pc)?;
                            pc.on_top -= 1;
                            self.pattern_helper_store_name(name.as_ref(), pc)
                        }
                    },
                    PatternKind::MatchOr { patterns } => self.pattern_or(patterns, pc),
                }
            },
        )
    }

    /// `validate_kwd_attrs`.
    fn validate_kwd_attrs(&mut self, attrs: &[Identifier], patterns: &'a [ast::Pattern]) -> R {
        for (i, attr) in attrs.iter().enumerate() {
            if let Some(p) = patterns.get(i) {
                self.set_loc(&p.loc);
            }
            self.forbidden_name(attr, ExprContext::Store)?;
            for (j, other) in attrs.iter().enumerate().skip(i + 1) {
                if attr.as_str() == other.as_str() {
                    if let Some(p) = patterns.get(j) {
                        self.set_loc(&p.loc);
                    }
                    return Err(
                        self.error(format!("attribute name repeated in class pattern: {attr}"))
                    );
                }
            }
        }
        Ok(())
    }

    /// `compiler_pattern_class`.
    fn pattern_class(
        &mut self,
        p: &'a ast::Pattern,
        cls: &'a ast::Expr,
        patterns: &'a [ast::Pattern],
        kwd_attrs: &'a [Identifier],
        kwd_patterns: &'a [ast::Pattern],
        pc: &mut PatternContext,
    ) -> R {
        let nargs = patterns.len();
        let nattrs = kwd_attrs.len();
        if nattrs != kwd_patterns.len() {
            return Err(self.error(format!(
                "kwd_attrs ({nattrs}) / kwd_patterns ({}) length mismatch in class pattern",
                kwd_patterns.len()
            )));
        }
        if nattrs > 0 {
            self.validate_kwd_attrs(kwd_attrs, kwd_patterns)?;
            self.set_loc(&p.loc);
        }
        self.visit_expr(cls)?;
        let names = Constant::Tuple(
            kwd_attrs
                .iter()
                .map(|a| Constant::Str(PyStr::from(a.as_str())))
                .collect(),
        );
        self.load_const(names);
        self.addop_i(MATCH_CLASS, nargs);
        self.addop_i(COPY, 1);
        self.load_const(Constant::None);
        self.addop_i(IS_OP, 1);
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
        self.addop_i(UNPACK_SEQUENCE, nargs + nattrs);
        pc.on_top += nargs + nattrs;
        pc.on_top -= 1;
        for pattern in patterns.iter().chain(kwd_patterns) {
            pc.on_top -= 1;
            if is_wildcard(pattern) {
                self.addop(POP_TOP);
                continue;
            }
            self.pattern_subpattern(pattern, pc)?;
        }
        Ok(())
    }

    /// `compiler_pattern_mapping`.
    fn pattern_mapping(
        &mut self,
        keys: &'a [ast::Expr],
        patterns: &'a [ast::Pattern],
        star_target: Option<&'a Identifier>,
        pc: &mut PatternContext,
    ) -> R {
        let size = keys.len();
        if size != patterns.len() {
            return Err(self.error(format!(
                "keys ({size}) / patterns ({}) length mismatch in mapping pattern",
                patterns.len()
            )));
        }
        pc.on_top += 1;
        self.addop(MATCH_MAPPING);
        self.jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
        if size == 0 && star_target.is_none() {
            pc.on_top -= 1;
            self.addop(POP_TOP);
            return Ok(());
        }
        if size > 0 {
            self.addop(GET_LEN);
            self.load_const(Constant::Int(size.into()));
            self.addop_i(COMPARE_OP, 5);
            self.jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
        }
        let mut seen: Vec<&ast::Constant> = Vec::new();
        for key in keys {
            match &key.node {
                ExprKind::Constant { value, .. } => {
                    if seen
                        .iter()
                        .any(|s| crate::ast_opt::constfold::py_eq(s, value))
                    {
                        return Err(self.error(format!(
                            "mapping pattern checks duplicate key ({})",
                            value.repr()
                        )));
                    }
                    seen.push(value);
                }
                ExprKind::Attribute { .. } => {}
                _ => {
                    return Err(self.error(
                        "mapping pattern keys may only match literals and attribute lookups",
                    ));
                }
            }
            self.visit_expr(key)?;
        }
        self.addop_i(BUILD_TUPLE, size);
        self.addop(MATCH_KEYS);
        pc.on_top += 2;
        self.addop_i(COPY, 1);
        self.load_const(Constant::None);
        self.addop_i(IS_OP, 1);
        self.jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
        self.addop_i(UNPACK_SEQUENCE, size);
        pc.on_top += size;
        pc.on_top -= 1;
        for p in patterns {
            pc.on_top -= 1;
            self.pattern_subpattern(p, pc)?;
        }
        pc.on_top -= 2;
        if let Some(target) = star_target {
            self.addop_i(BUILD_MAP, 0);
            self.addop_i(SWAP, 3);
            self.addop_i(DICT_UPDATE, 2);
            self.addop_i(UNPACK_SEQUENCE, size);
            let mut s = size;
            while s > 0 {
                self.addop_i(COPY, 1 + s);
                s -= 1;
                self.addop_i(SWAP, 2);
                self.addop(DELETE_SUBSCR);
            }
            self.pattern_helper_store_name(Some(target), pc)?;
        } else {
            self.addop(POP_TOP);
            self.addop(POP_TOP);
        }
        Ok(())
    }

    /// `compiler_pattern_or`.
    fn pattern_or(&mut self, alts: &'a [ast::Pattern], pc: &mut PatternContext) -> R {
        let end = self.new_block();
        let old_pc = std::mem::take(pc);
        let mut control: Option<Vec<Identifier>> = None;
        let size = alts.len();
        for (i, alt) in alts.iter().enumerate() {
            self.set_loc(&alt.loc);
            pc.stores = Vec::new();
            pc.allow_irrefutable = i == size - 1 && old_pc.allow_irrefutable;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.addop_i(COPY, 1);
            self.compiler_pattern(alt, pc)?;
            let nstores = pc.stores.len();
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctrl) if nstores != ctrl.len() => {
                    return Err(self.error("alternative patterns bind different names"));
                }
                Some(ctrl) if nstores > 0 => {
                    let ctrl = ctrl.clone();
                    let mut icontrol = nstores;
                    while icontrol > 0 {
                        icontrol -= 1;
                        let name = &ctrl[icontrol];
                        let Some(istores) =
                            pc.stores.iter().position(|s| s.as_str() == name.as_str())
                        else {
                            return Err(self.error("alternative patterns bind different names"));
                        };
                        if icontrol != istores {
                            let rotations = istores + 1;
                            let rotated: Vec<Identifier> = pc.stores.drain(..rotations).collect();
                            let at = icontrol - istores;
                            for (k, r) in rotated.into_iter().enumerate() {
                                pc.stores.insert(at + k, r);
                            }
                            for _ in 0..rotations {
                                self.pattern_helper_rotate(icontrol + 1);
                            }
                        }
                    }
                }
                Some(_) => {}
            }
            self.addop_j(JUMP, end);
            self.emit_and_reset_fail_pop(pc);
        }
        *pc = old_pc;
        self.addop(POP_TOP);
        self.jump_to_fail_pop(pc, JUMP);
        self.use_next_block(end);
        let control = control.unwrap_or_default();
        let nstores = control.len();
        let nrots = nstores + 1 + pc.on_top + pc.stores.len();
        for name in control {
            self.pattern_helper_rotate(nrots);
            if pc.stores.iter().any(|s| s.as_str() == name.as_str()) {
                return Err(self.error_duplicate_store(&name));
            }
            pc.stores.push(name);
        }
        self.addop(POP_TOP);
        Ok(())
    }

    /// `compiler_pattern_sequence`.
    fn pattern_sequence(&mut self, patterns: &'a [ast::Pattern], pc: &mut PatternContext) -> R {
        let size = patterns.len();
        let mut star: Option<usize> = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, p) in patterns.iter().enumerate() {
            if matches!(p.node, PatternKind::MatchStar { .. }) {
                if star.is_some() {
                    return Err(self.error("multiple starred names in sequence pattern"));
                }
                star_wildcard = is_wildcard_star(p);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(p);
        }
        pc.on_top += 1;
        self.addop(MATCH_SEQUENCE);
        self.jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
        match star {
            None => {
                self.addop(GET_LEN);
                self.load_const(Constant::Int(size.into()));
                self.addop_i(COMPARE_OP, 2);
                self.jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
            }
            Some(_) if size > 1 => {
                self.addop(GET_LEN);
                self.load_const(Constant::Int((size - 1).into()));
                self.addop_i(COMPARE_OP, 5);
                self.jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
            }
            Some(_) => {}
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.addop(POP_TOP);
        } else if star_wildcard {
            self.pattern_helper_sequence_subscr(patterns, star.unwrap_or(usize::MAX), pc)?;
        } else {
            self.pattern_helper_sequence_unpack(patterns, pc)?;
        }
        Ok(())
    }

    /// `compiler_match`.
    pub fn compiler_match(&mut self, subject: &'a ast::Expr, cases: &'a [ast::MatchCase]) -> R {
        let mut pc = PatternContext::default();
        self.visit_expr(subject)?;
        let end = self.new_block();
        let ncases = cases.len();
        let Some(last) = cases.last() else {
            return Ok(());
        };
        let has_default = is_wildcard(&last.pattern) && 1 < ncases;
        let n = ncases - usize::from(has_default);
        for (i, m) in cases[..n].iter().enumerate() {
            self.set_loc(&m.pattern.loc);
            if i != n - 1 {
                self.addop_i(COPY, 1);
            }
            pc.stores = Vec::new();
            pc.allow_irrefutable = m.guard.is_some() || i == ncases - 1;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.compiler_pattern(&m.pattern, &mut pc)?;
            let stores = std::mem::take(&mut pc.stores);
            for name in &stores {
                self.nameop(name, ExprContext::Store)?;
            }
            if let Some(guard) = &m.guard {
                self.ensure_fail_pop(&mut pc, 0);
                let target = pc.fail_pop[0];
                self.jump_if(guard, target, false)?;
            }
            if i != n - 1 {
                self.addop(POP_TOP);
            }
            for s in &m.body {
                self.visit_stmt(s)?;
            }
            // 3.11.7 (unlike 3.11.2): the jump out of a case has no location.
            self.addop_j_noline(JUMP, end);
            self.set_loc(&m.pattern.loc);
            self.emit_and_reset_fail_pop(&mut pc);
        }
        if has_default {
            self.set_loc(&last.pattern.loc);
            if ncases == 1 {
                self.addop(POP_TOP);
            } else {
                self.addop(NOP);
            }
            if let Some(guard) = &last.guard {
                self.jump_if(guard, end, false)?;
            }
            for s in &last.body {
                self.visit_stmt(s)?;
            }
        }
        self.use_next_block(end);
        Ok(())
    }
}
