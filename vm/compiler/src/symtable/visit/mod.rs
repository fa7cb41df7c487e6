//! The first symbol-table pass (`symtable_visit_*` of CPython 3.11's `symtable.c`):
//! walks the AST, opens an entry per scope and records every name's raw flags.

mod expr;

use super::flags::*;
use super::{
    BlockType, ComprehensionType, Directive, Name, ScopeId, SymbolMap, SymbolTable,
    SymbolTableEntry, mangle, mangle_str, node_key,
};
use crate::ast_util::{dict_key, kw_defaults_present};
use crate::error::CompileErrorAt;
use crate::future::FutureFeatures;
use crate::fxhash::FxHashMap as HashMap;
use refvm_syntax::ast::{self, ExprContext, ExprKind, Identifier, Location, PatternKind, StmtKind};

type R = Result<(), CompileErrorAt>;

/// `COMPILER_STACK_FRAME_SCALE * Py_GetRecursionLimit()`: the nesting CPython's
/// compiler passes allow.
pub const RECURSION_LIMIT: i32 = 3 * 1000;

/// The depth CPython's counters start at when `compile()` is called from a module's
/// top level: two levels (the module's frame and the call), scaled by 3. Measured on
/// 3.11.7: `x = a+a+…+a` with 2993 operands compiles, with 2994 it raises
/// `RecursionError`.
pub const STARTING_DEPTH: i32 = 6;

/// Stack the visitors reserve before recursing (grown on demand with `stacker`).
pub(crate) const RED_ZONE: usize = 64 * 1024;
pub(crate) const STACK_GROWTH: usize = 1024 * 1024;

const GLOBAL_PARAM: &str = "name '%U' is parameter and global";
const NONLOCAL_PARAM: &str = "name '%U' is parameter and nonlocal";
const GLOBAL_AFTER_ASSIGN: &str = "name '%U' is assigned to before global declaration";
const NONLOCAL_AFTER_ASSIGN: &str = "name '%U' is assigned to before nonlocal declaration";
const GLOBAL_AFTER_USE: &str = "name '%U' is used prior to global declaration";
const NONLOCAL_AFTER_USE: &str = "name '%U' is used prior to nonlocal declaration";
const GLOBAL_ANNOT: &str = "annotated name '%U' can't be global";
const NONLOCAL_ANNOT: &str = "annotated name '%U' can't be nonlocal";
const IMPORT_STAR_WARNING: &str = "import * only allowed at module level";
const NAMED_EXPR_COMP_IN_CLASS: &str =
    "assignment expression within a comprehension cannot be used in a class body";
const NAMED_EXPR_COMP_CONFLICT: &str =
    "assignment expression cannot rebind comprehension iteration variable '%U'";
const NAMED_EXPR_COMP_INNER_LOOP_CONFLICT: &str =
    "comprehension inner loop cannot rebind assignment expression target '%U'";
const NAMED_EXPR_COMP_ITER_EXPR: &str =
    "assignment expression cannot be used in a comprehension iterable expression";
const DUPLICATE_ARGUMENT: &str = "duplicate argument '%U' in function definition";

fn fmt(template: &str, name: &str) -> String {
    template.replace("%U", name)
}

/// `(lineno, col_offset, end_lineno, end_col_offset)` of a node (`LOCATION(x)`).
#[derive(Clone, Copy, Debug)]
pub struct Loc4 {
    pub lineno: i32,
    pub col_offset: i32,
    pub end_lineno: i32,
    pub end_col_offset: i32,
}

impl From<&Location> for Loc4 {
    fn from(l: &Location) -> Loc4 {
        Loc4 {
            lineno: l.lineno as i32,
            col_offset: l.col_offset as i32,
            end_lineno: l.end_lineno as i32,
            end_col_offset: l.end_col_offset as i32,
        }
    }
}

fn ranged_error(msg: String, loc: Loc4) -> CompileErrorAt {
    CompileErrorAt::ranged_raw(
        msg,
        loc.lineno,
        loc.col_offset + 1,
        loc.end_lineno,
        loc.end_col_offset + 1,
    )
}

/// The state of the first pass (`struct symtable` while building).
pub struct Builder<'a> {
    future: &'a FutureFeatures,
    entries: Vec<SymbolTableEntry>,
    blocks: HashMap<usize, ScopeId>,
    stack: Vec<ScopeId>,
    cur: ScopeId,
    top: ScopeId,
    global: ScopeId,
    private: Option<Identifier>,
    depth: i32,
}

impl<'a> Builder<'a> {
    pub fn new(future: &'a FutureFeatures) -> Builder<'a> {
        Builder {
            future,
            entries: Vec::new(),
            blocks: HashMap::default(),
            stack: Vec::new(),
            cur: usize::MAX,
            top: 0,
            global: 0,
            private: None,
            depth: STARTING_DEPTH,
        }
    }

    pub fn finish(self) -> SymbolTable {
        SymbolTable {
            entries: self.entries,
            blocks: self.blocks,
            top: self.top,
        }
    }

    fn cur(&mut self) -> &mut SymbolTableEntry {
        &mut self.entries[self.cur]
    }

    /// `symtable_enter_block`.
    fn enter_block(&mut self, name: &str, block: BlockType, key: usize, loc: Loc4) {
        let prev = self.stack.last().copied();
        let nested = prev
            .is_some_and(|p| self.entries[p].nested || self.entries[p].typ == BlockType::Function);
        let comp_iter_expr = prev.map_or(0, |p| self.entries[p].comp_iter_expr);
        let ste = SymbolTableEntry {
            name: Name::new(name),
            typ: block,
            symbols: SymbolMap::default(),
            varnames: Vec::new(),
            children: Vec::new(),
            directives: Vec::new(),
            nested,
            free: false,
            child_free: false,
            generator: false,
            coroutine: false,
            comprehension: ComprehensionType::No,
            varargs: false,
            varkeywords: false,
            returns_value: false,
            needs_class_closure: false,
            comp_iter_target: false,
            comp_iter_expr,
            lineno: loc.lineno,
            col_offset: loc.col_offset,
            end_lineno: loc.end_lineno,
            end_col_offset: loc.end_col_offset,
        };
        let id = self.entries.len();
        self.entries.push(ste);
        self.blocks.insert(key, id);
        self.stack.push(id);
        self.cur = id;
        if block == BlockType::Annotation {
            return;
        }
        if block == BlockType::Module {
            self.global = id;
        }
        if let Some(p) = prev {
            self.entries[p].children.push(id);
        }
    }

    /// `symtable_exit_block`.
    fn exit_block(&mut self) {
        self.stack.pop();
        self.cur = self.stack.last().copied().unwrap_or(usize::MAX);
    }

    /// `symtable_lookup`.
    fn lookup(&self, name: &Identifier) -> i64 {
        let mangled = mangle_str(self.private.as_deref(), name.as_str());
        self.entries[self.cur].get_symbol(&mangled)
    }

    /// `symtable_add_def_helper`.
    fn add_def_helper(&mut self, name: &Identifier, flag: i64, ste: ScopeId, loc: Loc4) -> R {
        let mangled = mangle(self.private.as_deref(), name);
        let entry = &mut self.entries[ste];
        let found = entry.symbols.find(mangled.as_str());
        let mut val = match found.1.and_then(|i| entry.symbols.flags_at(i)) {
            Some(v) => {
                if flag & DEF_PARAM != 0 && v & DEF_PARAM != 0 {
                    return Err(ranged_error(fmt(DUPLICATE_ARGUMENT, name), loc));
                }
                v | flag
            }
            None => flag,
        };
        if entry.comp_iter_target {
            if val & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                return Err(ranged_error(
                    fmt(NAMED_EXPR_COMP_INNER_LOOP_CONFLICT, name),
                    loc,
                ));
            }
            val |= DEF_COMP_ITER;
        }
        entry.symbols.set_found(found, &mangled, val);
        if flag & DEF_PARAM != 0 {
            entry.varnames.push(mangled);
        } else if flag & DEF_GLOBAL != 0 {
            let g = &mut self.entries[self.global].symbols;
            let v = flag | g.get(mangled.as_str()).unwrap_or(0);
            g.set(&mangled, v);
        }
        Ok(())
    }

    /// `symtable_add_def`.
    fn add_def(&mut self, name: &Identifier, flag: i64, loc: Loc4) -> R {
        self.add_def_helper(name, flag, self.cur, loc)
    }

    /// `symtable_record_directive`.
    fn record_directive(&mut self, name: &Identifier, loc: Loc4) {
        let mangled = mangle(self.private.as_deref(), name);
        self.cur().directives.push(Directive {
            name: mangled,
            lineno: loc.lineno,
            col_offset: loc.col_offset,
            end_lineno: loc.end_lineno,
            end_col_offset: loc.end_col_offset,
        });
    }

    fn guard<T>(
        &mut self,
        f: impl FnOnce(&mut Self) -> Result<T, CompileErrorAt>,
    ) -> Result<T, CompileErrorAt> {
        self.depth += 1;
        if self.depth > RECURSION_LIMIT {
            return Err(CompileErrorAt::recursion());
        }
        let r = stacker::maybe_grow(RED_ZONE, STACK_GROWTH, || f(self));
        self.depth -= 1;
        r
    }

    /// `_PySymtable_Build`'s first pass over a module.
    pub fn visit_module(&mut self, module: &ast::Module) -> R {
        let loc = Loc4 {
            lineno: 0,
            col_offset: 0,
            end_lineno: 0,
            end_col_offset: 0,
        };
        self.enter_block("top", BlockType::Module, node_key(module), loc);
        self.top = self.cur;
        for s in &module.body {
            self.visit_stmt(s)?;
        }
        self.exit_block();
        Ok(())
    }

    fn visit_stmts(&mut self, stmts: &[ast::Stmt]) -> R {
        for s in stmts {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    fn visit_exprs(&mut self, exprs: &[ast::Expr]) -> R {
        for e in exprs {
            self.visit_expr(e)?;
        }
        Ok(())
    }

    /// `symtable_visit_stmt`.
    pub fn visit_stmt(&mut self, s: &ast::Stmt) -> R {
        self.guard(|st| st.visit_stmt_inner(s))
    }

    #[allow(clippy::too_many_arguments)] // the fields of FunctionDef / AsyncFunctionDef
    fn visit_function(
        &mut self,
        s: &ast::Stmt,
        name: &Identifier,
        args: &ast::Arguments,
        body: &[ast::Stmt],
        decorators: &[ast::Expr],
        returns: Option<&ast::Expr>,
        is_async: bool,
    ) -> R {
        let loc = Loc4::from(&s.loc);
        self.add_def(name, DEF_LOCAL, loc)?;
        self.visit_exprs(&args.defaults)?;
        for d in kw_defaults_present(args) {
            self.visit_expr(d)?;
        }
        self.visit_annotations(s, args, returns)?;
        self.visit_exprs(decorators)?;
        self.enter_block(name, BlockType::Function, node_key(s), loc);
        if is_async {
            self.cur().coroutine = true;
        }
        self.visit_arguments(args)?;
        self.visit_stmts(body)?;
        self.exit_block();
        Ok(())
    }

    fn visit_stmt_inner(&mut self, s: &ast::Stmt) -> R {
        let loc = Loc4::from(&s.loc);
        match &s.node {
            StmtKind::FunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
                ..
            } => {
                self.visit_function(
                    s,
                    name,
                    args,
                    body,
                    decorator_list,
                    returns.as_deref(),
                    false,
                )?;
            }
            StmtKind::AsyncFunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
                ..
            } => {
                self.visit_function(
                    s,
                    name,
                    args,
                    body,
                    decorator_list,
                    returns.as_deref(),
                    true,
                )?;
            }
            StmtKind::ClassDef {
                name,
                bases,
                keywords,
                body,
                decorator_list,
            } => {
                self.add_def(name, DEF_LOCAL, loc)?;
                self.visit_exprs(bases)?;
                for k in keywords {
                    self.visit_expr(&k.value)?;
                }
                self.visit_exprs(decorator_list)?;
                self.enter_block(name, BlockType::Class, node_key(s), loc);
                let tmp = self.private.replace(name.clone());
                let r = self.visit_stmts(body);
                self.private = tmp;
                r?;
                self.exit_block();
            }
            StmtKind::Return { value } => {
                if let Some(v) = value {
                    self.visit_expr(v)?;
                    self.cur().returns_value = true;
                }
            }
            StmtKind::Delete { targets } => self.visit_exprs(targets)?,
            StmtKind::Assign { targets, value, .. } => {
                self.visit_exprs(targets)?;
                self.visit_expr(value)?;
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                if let ExprKind::Name { id, .. } = &target.node {
                    let cur = self.lookup(id);
                    if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0
                        && self.cur != self.global
                        && *simple != 0
                    {
                        let msg = if cur & DEF_GLOBAL != 0 {
                            GLOBAL_ANNOT
                        } else {
                            NONLOCAL_ANNOT
                        };
                        return Err(ranged_error(fmt(msg, id), loc));
                    }
                    let tloc = Loc4::from(&target.loc);
                    if *simple != 0 {
                        self.add_def(id, DEF_ANNOT | DEF_LOCAL, tloc)?;
                    } else if value.is_some() {
                        self.add_def(id, DEF_LOCAL, tloc)?;
                    }
                } else {
                    self.visit_expr(target)?;
                }
                self.visit_annotation(annotation)?;
                if let Some(v) = value {
                    self.visit_expr(v)?;
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.visit_expr(target)?;
                self.visit_expr(value)?;
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
                self.visit_expr(target)?;
                self.visit_expr(iter)?;
                self.visit_stmts(body)?;
                self.visit_stmts(orelse)?;
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_stmts(body)?;
                self.visit_stmts(orelse)?;
            }
            StmtKind::Match { subject, cases } => {
                self.visit_expr(subject)?;
                for m in cases {
                    self.visit_pattern(&m.pattern)?;
                    if let Some(g) = &m.guard {
                        self.visit_expr(g)?;
                    }
                    self.visit_stmts(&m.body)?;
                }
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.visit_expr(e)?;
                    if let Some(c) = cause {
                        self.visit_expr(c)?;
                    }
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
                self.visit_stmts(body)?;
                self.visit_stmts(orelse)?;
                for h in handlers {
                    if let Some(t) = &h.type_ {
                        self.visit_expr(t)?;
                    }
                    if let Some(n) = &h.name {
                        self.add_def(n, DEF_LOCAL, Loc4::from(&h.loc))?;
                    }
                    self.visit_stmts(&h.body)?;
                }
                self.visit_stmts(finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                self.visit_expr(test)?;
                if let Some(m) = msg {
                    self.visit_expr(m)?;
                }
            }
            StmtKind::Import { names } | StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    self.visit_alias(a)?;
                }
            }
            StmtKind::Global { names } => self.visit_directive(names, loc, true)?,
            StmtKind::Nonlocal { names } => self.visit_directive(names, loc, false)?,
            StmtKind::Expr { value } => self.visit_expr(value)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
            StmtKind::With { items, body, .. } | StmtKind::AsyncWith { items, body, .. } => {
                for item in items {
                    self.visit_expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.visit_expr(v)?;
                    }
                }
                self.visit_stmts(body)?;
            }
        }
        Ok(())
    }

    /// The `Global_kind` and `Nonlocal_kind` cases.
    fn visit_directive(&mut self, names: &[Identifier], loc: Loc4, global: bool) -> R {
        for name in names {
            let cur = self.lookup(name);
            if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                let msg = if cur & DEF_PARAM != 0 {
                    if global { GLOBAL_PARAM } else { NONLOCAL_PARAM }
                } else if cur & USE != 0 {
                    if global {
                        GLOBAL_AFTER_USE
                    } else {
                        NONLOCAL_AFTER_USE
                    }
                } else if cur & DEF_ANNOT != 0 {
                    if global { GLOBAL_ANNOT } else { NONLOCAL_ANNOT }
                } else if global {
                    GLOBAL_AFTER_ASSIGN
                } else {
                    NONLOCAL_AFTER_ASSIGN
                };
                return Err(ranged_error(fmt(msg, name), loc));
            }
            self.add_def(name, if global { DEF_GLOBAL } else { DEF_NONLOCAL }, loc)?;
            self.record_directive(name, loc);
        }
        Ok(())
    }

    /// `symtable_visit_params`.
    fn visit_params(&mut self, args: &[ast::Arg]) -> R {
        for a in args {
            self.add_def(&a.arg, DEF_PARAM, Loc4::from(&a.loc))?;
        }
        Ok(())
    }

    /// `symtable_visit_annotation`.
    fn visit_annotation(&mut self, annotation: &ast::Expr) -> R {
        let future_annotations = self.future.annotations();
        if future_annotations {
            self.enter_block(
                "_annotation",
                BlockType::Annotation,
                node_key(annotation),
                Loc4::from(&annotation.loc),
            );
        }
        self.visit_expr(annotation)?;
        if future_annotations {
            self.exit_block();
        }
        Ok(())
    }

    /// `symtable_visit_argannotations`.
    fn visit_argannotations(&mut self, args: &[ast::Arg]) -> R {
        for a in args {
            if let Some(ann) = &a.annotation {
                self.visit_expr(ann)?;
            }
        }
        Ok(())
    }

    /// `symtable_visit_annotations`.
    fn visit_annotations(
        &mut self,
        o: &ast::Stmt,
        a: &ast::Arguments,
        returns: Option<&ast::Expr>,
    ) -> R {
        let future_annotations = self.future.annotations();
        if future_annotations {
            self.enter_block(
                "_annotation",
                BlockType::Annotation,
                node_key(o),
                Loc4::from(&o.loc),
            );
        }
        self.visit_argannotations(&a.posonlyargs)?;
        self.visit_argannotations(&a.args)?;
        if let Some(ann) = a.vararg.as_ref().and_then(|v| v.annotation.as_ref()) {
            self.visit_expr(ann)?;
        }
        if let Some(ann) = a.kwarg.as_ref().and_then(|v| v.annotation.as_ref()) {
            self.visit_expr(ann)?;
        }
        self.visit_argannotations(&a.kwonlyargs)?;
        if future_annotations {
            self.exit_block();
        }
        if let Some(r) = returns {
            self.visit_annotation(r)?;
        }
        Ok(())
    }

    /// `symtable_visit_arguments`.
    fn visit_arguments(&mut self, a: &ast::Arguments) -> R {
        self.visit_params(&a.posonlyargs)?;
        self.visit_params(&a.args)?;
        self.visit_params(&a.kwonlyargs)?;
        if let Some(v) = &a.vararg {
            self.add_def(&v.arg, DEF_PARAM, Loc4::from(&v.loc))?;
            self.cur().varargs = true;
        }
        if let Some(k) = &a.kwarg {
            self.add_def(&k.arg, DEF_PARAM, Loc4::from(&k.loc))?;
            self.cur().varkeywords = true;
        }
        Ok(())
    }

    /// `symtable_visit_alias`.
    fn visit_alias(&mut self, a: &ast::Alias) -> R {
        let name = a.asname.as_ref().unwrap_or(&a.name);
        let store_name = match name.find('.') {
            Some(dot) => Identifier::new(&name[..dot]),
            None => name.clone(),
        };
        if name.as_str() != "*" {
            self.add_def(&store_name, DEF_IMPORT, Loc4::from(&a.loc))
        } else if self.cur().typ != BlockType::Module {
            Err(ranged_error(IMPORT_STAR_WARNING.into(), Loc4::from(&a.loc)))
        } else {
            Ok(())
        }
    }
}
