//! refvm's compiler: AST → CPython 3.11 code objects, equal to what `compile()` makes.
//!
//! Entry points (keep these signatures): [`compile_source`] and [`compile_module`]
//! (plus [`compile_module_owned`], which saves copying the tree).
//!
//! The passes, in CPython 3.11's order and named after its functions:
//! - [`future`]: `from __future__` features (`Python/future.c`).
//! - [`ast_opt`]: constant folding and friends (`Python/ast_opt.c`).
//! - [`symtable`]: scopes of every name (`Python/symtable.c`).
//! - [`codegen`]: instructions into one control-flow graph per code object (the front
//!   half of `Python/compile.c`; [`unparse`] is `Python/ast_unparse.c`).
//! - [`flowgraph`] and [`assemble`]: the CFG optimisations, line numbers, stack depth,
//!   exception table and jump resolution that turn a graph into a `CodeObject` (the
//!   back half of `compile.c`).
//!
//! Architecture invariant: no runtime objects; the output is `refvm_bytecode::CodeObject`.
//! Opcode facts, the line-table and exception-table encoders come from `refvm_bytecode`.
//! Any tree is compiled without overflowing the stack: recursion is bounded by
//! CPython's own limit (`RecursionError`) and grows the stack on demand (`stacker`).
//!
//! Checking it: `cargo test -p refvm-compiler` compares fixtures and a stdlib sample
//! with the live `python3`; `cargo run --release -p refvm-compiler --example
//! stdlib_compile` compares the whole standard library (code-object trees and `.pyc`
//! bytes).

pub mod assemble;
pub mod ast_opt;
pub mod ast_util;
pub mod codegen;
pub mod consts;
pub mod error;
pub mod flowgraph;
pub mod future;
pub mod fxhash;
pub mod opcode;
pub mod symtable;
pub mod syntax_report;
pub mod unparse;

pub use error::CompileWarning;
use refvm_bytecode::CodeObject;
pub use refvm_common::Unsupported;
use refvm_syntax::{SyntaxError, ast};
use std::fmt;
pub use syntax_report::syntax_error_report;

/// Options of `compile()` that change the code produced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileOptions {
    /// `co_filename` and the filename in syntax errors.
    pub filename: String,
    /// `-O` level: 0 keeps asserts and `__debug__` is true.
    pub optimize: u8,
}

impl CompileOptions {
    /// `compile(src, filename, "exec")` with default flags.
    pub fn new(filename: &str) -> Self {
        CompileOptions {
            filename: filename.to_owned(),
            optimize: 0,
        }
    }
}

/// Why no code object was produced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CompileError {
    /// CPython raises this too (from the parser, the symbol table or the compiler).
    Syntax(SyntaxError),
    /// refvm cannot compile this yet.
    Unsupported(Unsupported),
    /// Another exception CPython's `compile()` raises for this input, e.g.
    /// `RecursionError: maximum recursion depth exceeded during compilation`.
    Exception {
        type_name: &'static str,
        msg: String,
    },
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CompileError::Syntax(e) => e.fmt(f),
            CompileError::Unsupported(u) => u.fmt(f),
            CompileError::Exception { type_name, msg } => write!(f, "{type_name}: {msg}"),
        }
    }
}

impl std::error::Error for CompileError {}

/// `compile(source, filename, "exec")`: parse, then compile.
pub fn compile_source(source: &[u8], opts: &CompileOptions) -> Result<CodeObject, CompileError> {
    let module = refvm_syntax::parse_module(source, &opts.filename).map_err(|e| match e {
        refvm_syntax::ParseError::Syntax(s) => CompileError::Syntax(s),
        refvm_syntax::ParseError::Unsupported(u) => CompileError::Unsupported(u),
        refvm_syntax::ParseError::Other(o) => CompileError::Exception {
            type_name: o.kind.name(),
            msg: o.msg,
        },
    })?;
    compile_module_owned(module, source, opts)
}

/// [`compile_source`] that also returns the `SyntaxWarning`s the compiler issued, in
/// order (CPython prints each to stderr as it compiles, before any later error; see
/// [`CompileWarning::format`]).
pub fn compile_source_with_warnings(
    source: &[u8],
    opts: &CompileOptions,
) -> (Result<CodeObject, CompileError>, Vec<CompileWarning>) {
    let mut warnings = Vec::new();
    let module = match refvm_syntax::parse_module(source, &opts.filename) {
        Ok(m) => m,
        Err(e) => {
            return (
                Err(match e {
                    refvm_syntax::ParseError::Syntax(s) => CompileError::Syntax(s),
                    refvm_syntax::ParseError::Unsupported(u) => CompileError::Unsupported(u),
                    refvm_syntax::ParseError::Other(o) => CompileError::Exception {
                        type_name: o.kind.name(),
                        msg: o.msg,
                    },
                }),
                warnings,
            );
        }
    };
    let result = compile_module_warnings(module, source, opts, &mut warnings);
    (result, warnings)
}

/// Compiles a parsed module; `source` is the text it came from (for error lines).
pub fn compile_module(
    module: &ast::Module,
    source: &[u8],
    opts: &CompileOptions,
) -> Result<CodeObject, CompileError> {
    let fail = |e: error::CompileErrorAt| e.into_compile_error(&opts.filename, source);
    // The AST optimiser rewrites the tree, so it works on a copy. A tree too deep for
    // CPython's recursion limit is rejected before copying (the copy and its drop
    // recurse), after the `__future__` check that CPython also makes first.
    future::future_from_ast(module).map_err(fail)?;
    let depth = ast_util::nesting_depth(module);
    if depth as i32 + symtable::visit::STARTING_DEPTH > symtable::visit::RECURSION_LIMIT {
        return Err(fail(error::CompileErrorAt::recursion()));
    }
    let copy = stacker::grow(stack_for_depth(depth), || module.clone());
    compile_module_owned(copy, source, opts)
}

/// Like [`compile_module`], taking the tree by value (the AST optimiser rewrites it in
/// place, so this saves a copy).
pub fn compile_module_owned(
    module: ast::Module,
    source: &[u8],
    opts: &CompileOptions,
) -> Result<CodeObject, CompileError> {
    compile_module_warnings(module, source, opts, &mut Vec::new())
}

/// [`compile_module_owned`], appending the compiler's `SyntaxWarning`s to `warnings`.
pub fn compile_module_warnings(
    mut module: ast::Module,
    source: &[u8],
    opts: &CompileOptions,
    warnings: &mut Vec<CompileWarning>,
) -> Result<CodeObject, CompileError> {
    let result = codegen::compile_module(&mut module, &opts.filename, opts.optimize, warnings)
        .map_err(|e| e.into_compile_error(&opts.filename, source));
    // Dropping a deep tree recurses once per level: give it the stack it needs. After a
    // successful compilation the symbol table has seen every node within the limit.
    let depth = if result.is_ok() {
        symtable::visit::RECURSION_LIMIT as usize
    } else {
        ast_util::nesting_depth(&module)
    };
    let need = stack_for_depth(depth);
    stacker::maybe_grow(need, need, move || drop(module));
    result
}

/// Stack enough to clone or drop a tree nested `depth` levels deep.
fn stack_for_depth(depth: usize) -> usize {
    (1 << 20) + depth.saturating_mul(1024)
}

/// `compile(source, filename, mode)` for `mode` `exec`, `eval` or `single`: parse in
/// that mode, then compile (`eval` code returns the expression's value; `single` code
/// prints the value of each expression statement with `PRINT_EXPR`).
pub fn compile_source_mode(
    source: &[u8],
    mode: refvm_syntax::Mode,
    opts: &CompileOptions,
) -> Result<CodeObject, CompileError> {
    compile_source_mode_with_warnings(source, mode, opts, &mut Vec::new())
}

/// [`compile_source_mode`], appending the compiler's `SyntaxWarning`s to `warnings`
/// (in order; CPython issues them as it compiles, before any later error).
pub fn compile_source_mode_with_warnings(
    source: &[u8],
    mode: refvm_syntax::Mode,
    opts: &CompileOptions,
    warnings: &mut Vec<CompileWarning>,
) -> Result<CodeObject, CompileError> {
    let popts = refvm_syntax::ParseOptions {
        mode,
        ignore_cookie: false,
    };
    let tree = refvm_syntax::parse(source, &opts.filename, &popts).map_err(|e| match e {
        refvm_syntax::ParseError::Syntax(s) => CompileError::Syntax(s),
        refvm_syntax::ParseError::Unsupported(u) => CompileError::Unsupported(u),
        refvm_syntax::ParseError::Other(o) => CompileError::Exception {
            type_name: o.kind.name(),
            msg: o.msg,
        },
    })?;
    match tree {
        ast::Mod::Module(m) => compile_module_warnings(m, source, opts, warnings),
        ast::Mod::Interactive(i) => {
            let module = ast::Module {
                body: i.body,
                type_ignores: Vec::new(),
            };
            compile_mode_owned(
                module,
                source,
                opts,
                codegen::ModKind::Interactive,
                warnings,
            )
        }
        ast::Mod::Expression(e) => {
            let module = expression_module(e);
            compile_mode_owned(module, source, opts, codegen::ModKind::Expression, warnings)
        }
        ast::Mod::FunctionType(_) => Err(CompileError::Unsupported(Unsupported(
            "compile() of a func_type tree".into(),
        ))),
    }
}

/// `compile(tree, filename, "eval")` of a parsed expression: code ending in
/// `RETURN_VALUE` of its value.
pub fn compile_expression(
    tree: ast::Expression,
    source: &[u8],
    opts: &CompileOptions,
) -> Result<CodeObject, CompileError> {
    let module = expression_module(tree);
    compile_mode_owned(
        module,
        source,
        opts,
        codegen::ModKind::Expression,
        &mut Vec::new(),
    )
}

/// An `eval` tree as a module of one expression statement.
fn expression_module(tree: ast::Expression) -> ast::Module {
    let value = *tree.body;
    let loc = value.loc;
    ast::Module {
        body: vec![ast::Stmt {
            node: ast::StmtKind::Expr {
                value: Box::new(value),
            },
            loc,
        }],
        type_ignores: Vec::new(),
    }
}

/// `compile(tree, filename, "single")` of a parsed interactive statement.
pub fn compile_interactive(
    tree: ast::Interactive,
    source: &[u8],
    opts: &CompileOptions,
) -> Result<CodeObject, CompileError> {
    let module = ast::Module {
        body: tree.body,
        type_ignores: Vec::new(),
    };
    compile_mode_owned(
        module,
        source,
        opts,
        codegen::ModKind::Interactive,
        &mut Vec::new(),
    )
}

fn compile_mode_owned(
    mut module: ast::Module,
    source: &[u8],
    opts: &CompileOptions,
    kind: codegen::ModKind,
    warnings: &mut Vec<CompileWarning>,
) -> Result<CodeObject, CompileError> {
    let result = codegen::compile_mode(&mut module, &opts.filename, opts.optimize, kind, warnings)
        .map_err(|e| e.into_compile_error(&opts.filename, source));
    let depth = if result.is_ok() {
        symtable::visit::RECURSION_LIMIT as usize
    } else {
        ast_util::nesting_depth(&module)
    };
    let need = stack_for_depth(depth);
    stacker::maybe_grow(need, need, move || drop(module));
    result
}
