//! Code generation (the front half of CPython 3.11's `compile.c`): walks the optimised
//! AST with the symbol table and emits instructions into one control-flow graph per
//! code object, which [`crate::assemble`] turns into a `CodeObject`.
//!
//! The state mirrors CPython's: [`Compiler`] is `struct compiler`, [`CompilerUnit`] is
//! `struct compiler_unit` (one per scope being compiled, the enclosing ones on a
//! stack). Statements, expressions, calls, comprehensions, `try`, `with`, f-strings and
//! `match` live in their own files, each an `impl Compiler` block named after CPython's
//! functions.

mod call;
mod comprehension;
mod expr;
mod fstring;
mod function;
pub mod interned;
mod pattern;
mod stmt;
mod try_except;
mod unwind;
mod warnings;
mod with;

use crate::assemble::{self, Unit};
use crate::consts::NameTable;
use crate::error::CompileErrorAt;
use crate::flowgraph::{BlockId, Loc};
use crate::future::FutureFeatures;
use crate::opcode::*;
use crate::symtable::{self, BlockType, Scope, ScopeId, SymbolTable, mangle, mangle_str, node_key};
use refvm_bytecode::code::flags as co;
use refvm_bytecode::{CodeObject, Constant};
use refvm_common::PyStr;
use refvm_syntax::ast::{self, ExprContext, Identifier, Location};
use std::sync::Arc;

pub(crate) type R = Result<(), CompileErrorAt>;

/// `CO_MAXBLOCKS`: the deepest nesting of loops, `try` and `with` in one code object.
pub const CO_MAXBLOCKS: usize = 20;

/// `STACK_USE_GUIDELINE`.
pub const STACK_USE_GUIDELINE: usize = 30;

/// `COMPILER_SCOPE_*`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeType {
    Module,
    Class,
    Function,
    AsyncFunction,
    Lambda,
    Comprehension,
}

/// `enum fblocktype`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FBlockType {
    WhileLoop,
    ForLoop,
    TryExcept,
    FinallyTry,
    FinallyEnd,
    With,
    AsyncWith,
    HandlerCleanup,
    PopValue,
    ExceptionHandler,
    ExceptionGroupHandler,
    AsyncComprehensionGenerator,
}

/// `fb_datum`: what unwinding a frame block needs.
#[derive(Clone, Copy, Debug)]
pub enum FBlockDatum<'a> {
    None,
    /// FINALLY_TRY: the `finally` body to inline.
    Finally(&'a [ast::Stmt]),
    /// WITH / ASYNC_WITH: the statement (for its location).
    With(&'a ast::Stmt),
    /// HANDLER_CLEANUP: the `except … as name` name, if any.
    Handler(Option<&'a Identifier>),
}

/// `struct fblockinfo`.
#[derive(Clone, Copy, Debug)]
pub struct FBlockInfo<'a> {
    pub typ: FBlockType,
    pub block: BlockId,
    pub exit: BlockId,
    pub datum: FBlockDatum<'a>,
}

/// `struct compiler_unit`: one scope being compiled.
pub struct CompilerUnit<'a> {
    pub ste: ScopeId,
    pub scope_type: ScopeType,
    /// Everything the assembler needs (graph, constants, names, counts, flags).
    pub code: Unit,
    pub private: Option<Identifier>,
    pub fblocks: Vec<FBlockInfo<'a>>,
    /// The location of the next instruction (`u_lineno`, `u_col_offset`, …).
    pub loc: Loc,
}

/// `struct compiler`.
pub struct Compiler<'a> {
    pub st: &'a SymbolTable,
    pub future: FutureFeatures,
    pub filename: PyStr,
    pub optimize: u8,
    /// `c_flags->cf_flags & PyCF_MASK`: future flags every code object carries.
    pub cf_flags: u32,
    pub nestlevel: i32,
    pub u: Box<CompilerUnit<'a>>,
    pub stack: Vec<Box<CompilerUnit<'a>>>,
    /// The tree being compiled, for [`interned::Interned`] (built on first need).
    pub root: Option<&'a ast::Module>,
    pub interned: Option<interned::Interned>,
    /// `c_interactive`: `single` mode, where module-level expression statements print.
    pub interactive: bool,
    /// The `SyntaxWarning`s issued so far, in order.
    pub warnings: Vec<crate::error::CompileWarning>,
    /// From the AST optimiser: constants holding a new (not the singleton) `b''`.
    pub fresh_empty_bytes: crate::ast_opt::FreshBytes,
    /// Which `b''` the module's constant cache (`c_const_cache`) took first: `None`
    /// until one got there, then whether it was a fresh one (a folded constant) rather
    /// than the singleton (a literal, or an empty exception table merged at assembly).
    pub first_empty_bytes: Option<bool>,
}

/// Which `compile()` mode a tree is compiled in (`mod_ty`'s kind).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModKind {
    /// `exec`: a module body (docstring, annotations).
    Module,
    /// `single`: statements whose expression values are printed (`PRINT_EXPR`).
    Interactive,
    /// `eval`: the tree holds one `Expr` statement whose value the code returns.
    Expression,
}

/// Whether a constant is or holds (in tuples, walked without recursion) an empty bytes.
fn holds_empty_bytes(c: &Constant) -> bool {
    let mut todo = vec![c];
    while let Some(c) = todo.pop() {
        match c {
            Constant::Bytes(b) if b.is_empty() => return true,
            Constant::Tuple(items) => todo.extend(items),
            _ => {}
        }
    }
    false
}

/// Converts an AST constant to a code-object constant.
pub fn const_from_ast(c: &ast::Constant) -> Constant {
    match c {
        ast::Constant::None => Constant::None,
        ast::Constant::Bool(b) => Constant::Bool(*b),
        ast::Constant::Ellipsis => Constant::Ellipsis,
        ast::Constant::Int(i) => Constant::Int(i.clone()),
        ast::Constant::Float(x) => Constant::Float(*x),
        ast::Constant::Complex { real, imag } => Constant::Complex {
            re: *real,
            im: *imag,
        },
        ast::Constant::Str(s) => Constant::Str(s.clone()),
        ast::Constant::Bytes(b) => Constant::Bytes(b.clone()),
        ast::Constant::Tuple(items) => Constant::Tuple(items.iter().map(const_from_ast).collect()),
        ast::Constant::FrozenSet(items) => {
            compiled_frozenset(items.iter().map(const_from_ast).collect())
        }
    }
}

/// A frozenset constant with its members in the order CPython's compiler leaves them:
/// `members` (deduplicated, in source order) go through the constructions
/// `PyFrozenSet_New` and `merge_consts_recursive` apply (see
/// `refvm_bytecode::frozenset::compiled_order`).
pub fn compiled_frozenset(members: Vec<Constant>) -> Constant {
    Constant::FrozenSet(refvm_bytecode::frozenset::compiled_order(members, false))
}

/// A location as the code generator stores it (`SET_LOC`).
pub fn loc_of(l: &Location) -> Loc {
    Loc::new(
        l.lineno as i32,
        l.col_offset as i32,
        l.end_lineno as i32,
        l.end_col_offset as i32,
    )
}

fn pystr(s: &str) -> PyStr {
    PyStr::from(s)
}

/// `dictbytype`: names of the given scope (or carrying `flag`), sorted, numbered from
/// `offset`.
fn dictbytype(entry: &symtable::SymbolTableEntry, scope: Scope, flag: i64, table: &mut NameTable) {
    // Select first, then sort the (usually few) names selected.
    let mut names: Vec<&str> = entry
        .symbols
        .iter()
        .filter(|&(_, flags)| {
            let s = Scope::from_bits(
                (flags >> symtable::flags::SCOPE_OFFSET) & symtable::flags::SCOPE_MASK,
            );
            s == scope || flags & flag != 0
        })
        .map(|(n, _)| n.as_str())
        .collect();
    if names.is_empty() {
        return;
    }
    names.sort_unstable();
    for name in names {
        table.add_str(name);
    }
}

impl<'a> Compiler<'a> {
    /// The symbol table entry of the current unit.
    pub fn ste(&self) -> &'a symtable::SymbolTableEntry {
        self.st.entry(self.u.ste)
    }

    /// `compiler_error`: a SyntaxError at the current location.
    pub fn error(&self, msg: impl Into<String>) -> CompileErrorAt {
        let l = self.u.loc;
        CompileErrorAt::ranged_raw(
            msg,
            l.lineno,
            l.col_offset + 1,
            l.end_lineno,
            l.end_col_offset + 1,
        )
    }

    /// `SET_LOC`.
    pub fn set_loc(&mut self, l: &Location) {
        self.u.loc = loc_of(l);
    }

    /// `UNSET_LOC`.
    pub fn unset_loc(&mut self) {
        self.u.loc = Loc::NONE;
    }

    // ----- instruction emission (`compiler_addop*`) -----

    pub fn addop(&mut self, op: Op) {
        let loc = self.u.loc;
        self.u.code.cfg.addop(op, 0, loc);
    }

    pub fn addop_i(&mut self, op: Op, oparg: usize) {
        let loc = self.u.loc;
        self.u.code.cfg.addop(op, oparg as i32, loc);
    }

    pub fn addop_noline(&mut self, op: Op) {
        self.u.code.cfg.addop(op, 0, Loc::NOLINE);
    }

    pub fn addop_i_noline(&mut self, op: Op, oparg: usize) {
        self.u.code.cfg.addop(op, oparg as i32, Loc::NOLINE);
    }

    pub fn addop_j(&mut self, op: Op, target: BlockId) {
        let loc = self.u.loc;
        self.u.code.cfg.addop_j(op, target, loc);
    }

    pub fn addop_j_noline(&mut self, op: Op, target: BlockId) {
        self.u.code.cfg.addop_j(op, target, Loc::NOLINE);
    }

    pub fn new_block(&mut self) -> BlockId {
        self.u.code.cfg.new_block()
    }

    pub fn use_next_block(&mut self, b: BlockId) {
        self.u.code.cfg.use_next_block(b);
    }

    /// `compiler_add_const`.
    pub fn add_const(&mut self, c: Constant) -> usize {
        if self.first_empty_bytes.is_none() && holds_empty_bytes(&c) {
            self.first_empty_bytes = Some(false);
        }
        self.u.code.consts.add(c) as usize
    }

    /// Before constant nodes' values enter the constant cache (in this order): if the
    /// first of them holding a `b''` holds a folded, fresh one and no `b''` got there
    /// before, the module's cache takes that fresh object.
    pub fn note_const_nodes(&mut self, nodes: &[ast::Expr]) {
        if self.first_empty_bytes.is_some() || self.fresh_empty_bytes.is_empty() {
            return;
        }
        for e in nodes {
            if let ast::ExprKind::Constant { value, .. } = &e.node
                && crate::ast_opt::holds_empty_bytes(value)
            {
                let fresh = self
                    .fresh_empty_bytes
                    .contains(&crate::ast_opt::loc_key(&e.loc));
                self.first_empty_bytes = Some(fresh);
                return;
            }
        }
    }

    /// `merge_const_one` of a new code object's exception table: an empty one is the
    /// `b''` singleton.
    fn note_exception_table(&mut self, co: &CodeObject) {
        if self.first_empty_bytes.is_none() && co.exceptiontable.is_empty() {
            self.first_empty_bytes = Some(false);
        }
    }

    /// `ADDOP_LOAD_CONST`.
    pub fn load_const(&mut self, c: Constant) {
        let c = match c {
            Constant::FrozenSet(members) if self.interning_rebuilds(&members) => {
                Constant::FrozenSet(refvm_bytecode::frozenset::reorder(members))
            }
            c => c,
        };
        let i = self.add_const(c);
        self.addop_i(LOAD_CONST, i);
    }

    /// Whether `intern_string_constants` rebuilds a frozenset constant with these
    /// members (see [`interned`]).
    fn interning_rebuilds(&mut self, members: &[Constant]) -> bool {
        if !members.iter().any(|m| matches!(m, Constant::Str(_))) {
            return false;
        }
        let root = self.root;
        self.interned
            .get_or_insert_with(|| match root {
                Some(m) => interned::Interned::of_module(m),
                None => interned::Interned::startup(),
            })
            .swaps_member(members)
    }

    /// `ADDOP_NAME` into `co_names`, mangled.
    pub fn addop_name(&mut self, op: Op, name: &Identifier) {
        let mangled = mangle_str(self.u.private.as_deref(), name.as_str());
        let arg = self.u.code.names.add_str(&mangled);
        self.addop_i(op, arg as usize);
    }

    /// `ADDOP_N` into `co_names`, unmangled.
    pub fn addop_name_raw(&mut self, op: Op, name: &str) {
        let arg = self.u.code.names.add_str(name);
        self.addop_i(op, arg as usize);
    }

    /// `ADDOP_BINARY` / `ADDOP_INPLACE`.
    pub fn addop_binary(&mut self, op: ast::Operator, inplace: bool) {
        use ast::Operator::*;
        let base = match op {
            Add => 0,
            BitAnd => 1,
            FloorDiv => 2,
            LShift => 3,
            MatMult => 4,
            Mult => 5,
            Mod => 6,
            BitOr => 7,
            Pow => 8,
            RShift => 9,
            Sub => 10,
            Div => 11,
            BitXor => 12,
        };
        self.addop_i(BINARY_OP, base + if inplace { 13 } else { 0 });
    }

    /// `ADD_YIELD_FROM` (`compiler_add_yield_from`).
    pub fn add_yield_from(&mut self, is_await: bool) {
        let start = self.new_block();
        let resume = self.new_block();
        let exit = self.new_block();
        self.use_next_block(start);
        self.addop_j(SEND, exit);
        self.use_next_block(resume);
        self.addop(YIELD_VALUE);
        self.addop_i(RESUME, if is_await { 3 } else { 2 });
        self.addop_j(JUMP_NO_INTERRUPT, start);
        self.use_next_block(exit);
    }

    /// `POP_EXCEPT_AND_RERAISE`.
    pub fn pop_except_and_reraise(&mut self) {
        self.addop_i(COPY, 3);
        self.addop(POP_EXCEPT);
        self.addop_i(RERAISE, 1);
    }

    /// `addop_yield`.
    pub fn addop_yield(&mut self) {
        let ste = self.ste();
        if ste.generator && ste.coroutine {
            self.addop(ASYNC_GEN_WRAP);
        }
        self.addop(YIELD_VALUE);
        self.addop_i(RESUME, 1);
    }

    /// `compiler_call_exit_with_nones`.
    pub fn call_exit_with_nones(&mut self) {
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.addop_i(PRECALL, 2);
        self.addop_i(CALL, 2);
    }

    // ----- scopes -----

    /// `compiler_enter_scope`.
    pub fn enter_scope(&mut self, name: &str, scope_type: ScopeType, key: usize, lineno: i32) -> R {
        let ste_id = self
            .st
            .lookup(key)
            .ok_or_else(|| CompileErrorAt::system("unknown symbol table entry"))?;
        let ste = self.st.entry(ste_id);
        let mut code = Unit {
            name: pystr(name),
            filename: self.filename.clone(),
            ..Unit::default()
        };
        for v in &ste.varnames {
            code.varnames.add_str(v.as_str());
        }
        dictbytype(ste, Scope::Cell, 0, &mut code.cellvars);
        if ste.needs_class_closure {
            code.cellvars.add_str("__class__");
        }
        dictbytype(
            ste,
            Scope::Free,
            symtable::flags::DEF_FREE_CLASS,
            &mut code.freevars,
        );
        code.firstlineno = lineno;
        let private = self.u.private.clone();
        let unit = CompilerUnit {
            ste: ste_id,
            scope_type,
            code,
            private,
            fblocks: Vec::new(),
            loc: Loc::new(lineno, 0, lineno, 0),
        };
        let parent = std::mem::replace(&mut self.u, Box::new(unit));
        self.stack.push(parent);
        self.nestlevel += 1;
        if scope_type == ScopeType::Module {
            self.u.loc.lineno = 0;
        } else {
            self.set_qualname();
        }
        self.addop_i(RESUME, 0);
        if scope_type == ScopeType::Module {
            self.u.loc.lineno = -1;
        }
        Ok(())
    }

    /// `compiler_exit_scope` preceded by `assemble`: the code object of the current unit.
    pub fn exit_scope_assemble(&mut self, add_none: bool) -> Result<CodeObject, CompileErrorAt> {
        let flags = self.compute_code_flags();
        let ste = self.ste();
        let generator_or_coroutine = ste.generator || ste.coroutine;
        let parent = self
            .stack
            .pop()
            .ok_or_else(|| CompileErrorAt::system("scope stack underflow"))?;
        let unit = std::mem::replace(&mut self.u, parent);
        self.nestlevel -= 1;
        let mut code = unit.code;
        code.flags = flags;
        code.generator_or_coroutine = generator_or_coroutine;
        if code.qualname.is_empty() {
            code.qualname = code.name.clone();
        }
        let co = assemble::assemble(code, add_none).map_err(|e| CompileErrorAt::system(e.0))?;
        self.note_exception_table(&co);
        Ok(co)
    }

    /// `compute_code_flags`.
    fn compute_code_flags(&self) -> u32 {
        let ste = self.ste();
        let mut flags = 0;
        if ste.typ == BlockType::Function {
            flags |= co::CO_NEWLOCALS | co::CO_OPTIMIZED;
            if ste.nested {
                flags |= co::CO_NESTED;
            }
            if ste.generator && !ste.coroutine {
                flags |= co::CO_GENERATOR;
            }
            if !ste.generator && ste.coroutine {
                flags |= co::CO_COROUTINE;
            }
            if ste.generator && ste.coroutine {
                flags |= co::CO_ASYNC_GENERATOR;
            }
            if ste.varargs {
                flags |= co::CO_VARARGS;
            }
            if ste.varkeywords {
                flags |= co::CO_VARKEYWORDS;
            }
        }
        flags | self.cf_flags
    }

    /// `compiler_set_qualname`.
    fn set_qualname(&mut self) {
        let Some(parent) = self.stack.last() else {
            return;
        };
        let mut base: Option<PyStr> = None;
        if self.stack.len() > 1 {
            let mut force_global = false;
            if matches!(
                self.u.scope_type,
                ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Class
            ) {
                let name = Identifier::new(&self.u.code.name.to_string_lossy());
                let mangled = mangle(parent.private.as_deref(), &name);
                if self.st.entry(parent.ste).get_scope(mangled.as_str()) == Scope::GlobalExplicit {
                    force_global = true;
                }
            }
            if !force_global {
                let pq = if parent.code.qualname.is_empty() {
                    &parent.code.name
                } else {
                    &parent.code.qualname
                };
                if matches!(
                    parent.scope_type,
                    ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Lambda
                ) {
                    let mut b = pq.clone();
                    b.push_str(".<locals>");
                    base = Some(b);
                } else {
                    base = Some(pq.clone());
                }
            }
        }
        self.u.code.qualname = match base {
            Some(mut b) => {
                b.push_str(".");
                b.push_pystr(&self.u.code.name);
                b
            }
            None => self.u.code.name.clone(),
        };
    }

    /// `get_ref_type`.
    fn get_ref_type(&self, name: &str) -> Result<Scope, CompileErrorAt> {
        if self.u.scope_type == ScopeType::Class && name == "__class__" {
            return Ok(Scope::Cell);
        }
        let scope = self.ste().get_scope(name);
        if scope == Scope::Unknown {
            return Err(CompileErrorAt::system(format!(
                "_PyST_GetScope(name={name:?}) failed"
            )));
        }
        Ok(scope)
    }

    /// `compiler_make_closure`: MAKE_FUNCTION for `co` (closure tuple included).
    pub fn make_closure(&mut self, co: CodeObject, mut flags: usize) -> R {
        let freevars = co.freevars();
        if !freevars.is_empty() {
            for name in &freevars {
                let n = name.to_string_lossy();
                let reftype = self.get_ref_type(&n)?;
                let arg = if reftype == Scope::Cell {
                    self.u.code.cellvars.get(name)
                } else {
                    self.u
                        .code
                        .freevars
                        .get(name)
                        .map(|i| i + self.u.code.cellvars.len() as u32)
                };
                let Some(arg) = arg else {
                    return Err(CompileErrorAt::system(format!(
                        "compiler_lookup_arg(name={n:?}) failed"
                    )));
                };
                self.addop_i(LOAD_CLOSURE, arg as usize);
            }
            flags |= 0x08;
            self.addop_i(BUILD_TUPLE, freevars.len());
        }
        self.load_const(Constant::Code(Arc::new(co)));
        self.addop_i(MAKE_FUNCTION, flags);
        Ok(())
    }

    // ----- names -----

    /// `forbidden_name`.
    pub fn forbidden_name(&self, name: &str, ctx: ExprContext) -> R {
        if name == "__debug__" {
            match ctx {
                ExprContext::Store => return Err(self.error("cannot assign to __debug__")),
                ExprContext::Del => return Err(self.error("cannot delete __debug__")),
                ExprContext::Load => {}
            }
        }
        Ok(())
    }

    /// `compiler_nameop`.
    pub fn nameop(&mut self, name: &Identifier, ctx: ExprContext) -> R {
        self.forbidden_name(name, ctx)?;
        let mangled = mangle_str(self.u.private.as_deref(), name.as_str());
        let scope = self.ste().get_scope(&mangled);
        let is_function = self.ste().typ == BlockType::Function;
        enum OpType {
            Fast,
            Global,
            Deref,
            Name,
        }
        let optype = match scope {
            Scope::Free | Scope::Cell => OpType::Deref,
            Scope::Local if is_function => OpType::Fast,
            Scope::GlobalImplicit if is_function => OpType::Global,
            Scope::GlobalExplicit => OpType::Global,
            _ => OpType::Name,
        };
        let key: &str = &mangled;
        match optype {
            OpType::Deref => {
                let op = match ctx {
                    ExprContext::Load => {
                        if self.ste().typ == BlockType::Class {
                            LOAD_CLASSDEREF
                        } else {
                            LOAD_DEREF
                        }
                    }
                    ExprContext::Store => STORE_DEREF,
                    ExprContext::Del => DELETE_DEREF,
                };
                let arg = if scope == Scope::Free {
                    self.u.code.freevars.add_str(key) as usize + self.u.code.cellvars.len()
                } else {
                    self.u.code.cellvars.add_str(key) as usize
                };
                self.addop_i(op, arg);
            }
            OpType::Fast => {
                let op = match ctx {
                    ExprContext::Load => LOAD_FAST,
                    ExprContext::Store => STORE_FAST,
                    ExprContext::Del => DELETE_FAST,
                };
                let arg = self.u.code.varnames.add_str(key);
                self.addop_i(op, arg as usize);
            }
            OpType::Global => {
                let arg = self.u.code.names.add_str(key) as usize;
                match ctx {
                    ExprContext::Load => self.addop_i(LOAD_GLOBAL, arg << 1),
                    ExprContext::Store => self.addop_i(STORE_GLOBAL, arg),
                    ExprContext::Del => self.addop_i(DELETE_GLOBAL, arg),
                }
            }
            OpType::Name => {
                let op = match ctx {
                    ExprContext::Load => LOAD_NAME,
                    ExprContext::Store => STORE_NAME,
                    ExprContext::Del => DELETE_NAME,
                };
                let arg = self.u.code.names.add_str(key);
                self.addop_i(op, arg as usize);
            }
        }
        Ok(())
    }

    /// `compiler_nameop` for a name given as text.
    pub fn nameop_str(&mut self, name: &str, ctx: ExprContext) -> R {
        self.nameop(&Identifier::new(name), ctx)
    }

    // ----- bodies -----

    /// `find_ann`: does the block contain an annotated assignment?
    fn find_ann(stmts: &[ast::Stmt]) -> bool {
        use ast::StmtKind::*;
        for st in stmts {
            let res = match &st.node {
                AnnAssign { .. } => return true,
                For { body, orelse, .. }
                | AsyncFor { body, orelse, .. }
                | While { body, orelse, .. } => Self::find_ann(body) || Self::find_ann(orelse),
                If { body, orelse, .. } => Self::find_ann(body) || Self::find_ann(orelse),
                With { body, .. } | AsyncWith { body, .. } => Self::find_ann(body),
                // 3.11.7 looks into match cases too (3.11.2's find_ann did not).
                Match { cases, .. } => cases.iter().any(|c| Self::find_ann(&c.body)),
                Try {
                    body,
                    handlers,
                    orelse,
                    finalbody,
                }
                | TryStar {
                    body,
                    handlers,
                    orelse,
                    finalbody,
                } => {
                    if handlers.iter().any(|h| Self::find_ann(&h.body)) {
                        return true;
                    }
                    Self::find_ann(body) || Self::find_ann(finalbody) || Self::find_ann(orelse)
                }
                _ => false,
            };
            if res {
                return true;
            }
        }
        false
    }

    /// `compiler_body`: docstring, `SETUP_ANNOTATIONS`, statements.
    pub fn body(&mut self, stmts: &'a [ast::Stmt]) -> R {
        if self.u.scope_type == ScopeType::Module
            && let Some(first) = stmts.first()
        {
            self.set_loc(&first.loc);
        }
        if Self::find_ann(stmts) {
            self.addop(SETUP_ANNOTATIONS);
        }
        if stmts.is_empty() {
            return Ok(());
        }
        let mut i = 0;
        if self.optimize < 2
            && let Some(doc) = crate::future::get_docstring(stmts)
        {
            i = 1;
            self.visit_expr(doc)?;
            self.unset_loc();
            self.nameop_str("__doc__", ExprContext::Store)?;
        }
        for s in &stmts[i..] {
            self.visit_stmt(s)?;
        }
        Ok(())
    }
}

/// `_PyAST_Compile` after parsing: future features, AST optimisation, symbol table,
/// code generation.
pub fn compile_module(
    module: &mut ast::Module,
    filename: &str,
    optimize: u8,
    warnings: &mut Vec<crate::error::CompileWarning>,
) -> Result<CodeObject, CompileErrorAt> {
    let future = crate::future::future_from_ast(module)?;
    let mut opt = crate::ast_opt::Optimizer::new(optimize, future.annotations());
    opt.fold_module(module)?;
    let module: &ast::Module = module;
    let st = symtable::build(module, &future)?;
    compile_tree(
        module,
        &st,
        future,
        filename,
        optimize,
        ModKind::Module,
        warnings,
        opt.fresh_empty_bytes,
    )
}

/// `_PyAST_Compile` for the `single` and `eval` modes. `module` carries the tree as a
/// module body: the interactive statements, or for `eval` one `Expr` statement holding
/// the expression (the symbol table visits both exactly as CPython visits
/// `Interactive` and `Expression`).
pub fn compile_mode(
    module: &mut ast::Module,
    filename: &str,
    optimize: u8,
    kind: ModKind,
    warnings: &mut Vec<crate::error::CompileWarning>,
) -> Result<CodeObject, CompileErrorAt> {
    let future = match kind {
        ModKind::Expression => FutureFeatures {
            features: 0,
            lineno: -1,
        },
        _ => crate::future::future_from_ast(module)?,
    };
    let mut opt = crate::ast_opt::Optimizer::new(optimize, future.annotations());
    match kind {
        ModKind::Module => opt.fold_module(module)?,
        // astfold_mod: no docstring rule outside modules.
        _ => {
            for s in module.body.iter_mut() {
                opt.fold_stmt(s)?;
            }
        }
    }
    let module: &ast::Module = module;
    let st = symtable::build(module, &future)?;
    compile_tree(
        module,
        &st,
        future,
        filename,
        optimize,
        kind,
        warnings,
        opt.fresh_empty_bytes,
    )
}

/// `compiler_mod` for an optimised module and its symbol table.
#[allow(clippy::too_many_arguments)]
fn compile_tree(
    module: &ast::Module,
    st: &SymbolTable,
    future: FutureFeatures,
    filename: &str,
    optimize: u8,
    kind: ModKind,
    warnings: &mut Vec<crate::error::CompileWarning>,
    fresh_empty_bytes: crate::ast_opt::FreshBytes,
) -> Result<CodeObject, CompileErrorAt> {
    const PYCF_MASK: u32 = co::CO_FUTURE_DIVISION
        | co::CO_FUTURE_ABSOLUTE_IMPORT
        | co::CO_FUTURE_WITH_STATEMENT
        | co::CO_FUTURE_PRINT_FUNCTION
        | co::CO_FUTURE_UNICODE_LITERALS
        | co::CO_FUTURE_BARRY_AS_BDFL
        | co::CO_FUTURE_GENERATOR_STOP
        | co::CO_FUTURE_ANNOTATIONS;
    // A placeholder outer unit: `enter_scope` pushes it and the module unit replaces it.
    let placeholder = CompilerUnit {
        ste: st.top,
        scope_type: ScopeType::Module,
        code: Unit::default(),
        private: None,
        fblocks: Vec::new(),
        loc: Loc::NONE,
    };
    let mut c = Compiler {
        st,
        future,
        filename: pystr(filename),
        optimize,
        cf_flags: future.features & PYCF_MASK,
        nestlevel: 0,
        u: Box::new(placeholder),
        stack: Vec::new(),
        root: Some(module),
        interned: None,
        interactive: false,
        warnings: Vec::new(),
        fresh_empty_bytes,
        first_empty_bytes: None,
    };
    let result = c.compile_root(module, kind);
    warnings.append(&mut c.warnings);
    result
}

impl<'a> Compiler<'a> {
    /// The rest of `compiler_mod`: the module unit, its body, assembly.
    fn compile_root(
        &mut self,
        module: &'a ast::Module,
        kind: ModKind,
    ) -> Result<CodeObject, CompileErrorAt> {
        let c = self;
        c.enter_scope("<module>", ScopeType::Module, node_key(module), 1)?;
        // The placeholder must not count as a parent for qualified names.
        c.stack.clear();
        c.u.loc.lineno = 1;
        let mut add_none = true;
        match kind {
            ModKind::Module => c.body(&module.body)?,
            ModKind::Interactive => {
                if Compiler::find_ann(&module.body) {
                    c.addop(SETUP_ANNOTATIONS);
                }
                c.interactive = true;
                for s in &module.body {
                    c.visit_stmt(s)?;
                }
            }
            ModKind::Expression => {
                for s in &module.body {
                    if let ast::StmtKind::Expr { value } = &s.node {
                        c.visit_expr(value)?;
                    }
                }
                add_none = false;
            }
        }
        let flags = c.compute_code_flags();
        let mut code = std::mem::take(&mut c.u.code);
        code.flags = flags;
        code.qualname = code.name.clone();
        let mut co = assemble::assemble(code, add_none).map_err(|e| CompileErrorAt::system(e.0))?;
        co.provenance.fresh_empty_bytes = c.first_empty_bytes == Some(true);
        Ok(co)
    }
}
