//! Which frozenset constants `intern_string_constants` rebuilds: when a code object is
//! created, CPython interns its string constants in place, and a frozenset member
//! that is swapped for an already interned twin makes it rebuild the frozenset (one
//! more construction, which can change the member order). The twins modelled here are
//! the program's identifiers (the parser interns every NAME it reads) and the names
//! the interpreter has interned at start-up (builtins and keywords).

use refvm_bytecode::Constant;
use refvm_syntax::ast::{self, Visitor};
use std::collections::HashSet;

/// Expressions nested deeper than this are not searched for identifiers (their names
/// only refine a member-order model; the symbol table has already bounded the tree).
const MAX_DEPTH: usize = 200;

/// `dir(builtins)` and `keyword.kwlist` of CPython 3.11.
const STARTUP: &[&str] = &[
    "ArithmeticError",
    "AssertionError",
    "AttributeError",
    "BaseException",
    "BaseExceptionGroup",
    "BlockingIOError",
    "BrokenPipeError",
    "BufferError",
    "BytesWarning",
    "ChildProcessError",
    "ConnectionAbortedError",
    "ConnectionError",
    "ConnectionRefusedError",
    "ConnectionResetError",
    "DeprecationWarning",
    "EOFError",
    "Ellipsis",
    "EncodingWarning",
    "EnvironmentError",
    "Exception",
    "ExceptionGroup",
    "False",
    "FileExistsError",
    "FileNotFoundError",
    "FloatingPointError",
    "FutureWarning",
    "GeneratorExit",
    "IOError",
    "ImportError",
    "ImportWarning",
    "IndentationError",
    "IndexError",
    "InterruptedError",
    "IsADirectoryError",
    "KeyError",
    "KeyboardInterrupt",
    "LookupError",
    "MemoryError",
    "ModuleNotFoundError",
    "NameError",
    "None",
    "NotADirectoryError",
    "NotImplemented",
    "NotImplementedError",
    "OSError",
    "OverflowError",
    "PendingDeprecationWarning",
    "PermissionError",
    "ProcessLookupError",
    "RecursionError",
    "ReferenceError",
    "ResourceWarning",
    "RuntimeError",
    "RuntimeWarning",
    "StopAsyncIteration",
    "StopIteration",
    "SyntaxError",
    "SyntaxWarning",
    "SystemError",
    "SystemExit",
    "TabError",
    "TimeoutError",
    "True",
    "TypeError",
    "UnboundLocalError",
    "UnicodeDecodeError",
    "UnicodeEncodeError",
    "UnicodeError",
    "UnicodeTranslateError",
    "UnicodeWarning",
    "UserWarning",
    "ValueError",
    "Warning",
    "ZeroDivisionError",
    "__build_class__",
    "__debug__",
    "__doc__",
    "__import__",
    "__loader__",
    "__name__",
    "__package__",
    "__spec__",
    "abs",
    "aiter",
    "all",
    "anext",
    "any",
    "ascii",
    "bin",
    "bool",
    "breakpoint",
    "bytearray",
    "bytes",
    "callable",
    "chr",
    "classmethod",
    "compile",
    "complex",
    "copyright",
    "credits",
    "delattr",
    "dict",
    "dir",
    "divmod",
    "enumerate",
    "eval",
    "exec",
    "exit",
    "filter",
    "float",
    "format",
    "frozenset",
    "getattr",
    "globals",
    "hasattr",
    "hash",
    "help",
    "hex",
    "id",
    "input",
    "int",
    "isinstance",
    "issubclass",
    "iter",
    "len",
    "license",
    "list",
    "locals",
    "map",
    "max",
    "memoryview",
    "min",
    "next",
    "object",
    "oct",
    "open",
    "ord",
    "pow",
    "print",
    "property",
    "quit",
    "range",
    "repr",
    "reversed",
    "round",
    "set",
    "setattr",
    "slice",
    "sorted",
    "staticmethod",
    "str",
    "sum",
    "super",
    "tuple",
    "type",
    "vars",
    "zip",
    "and",
    "as",
    "assert",
    "async",
    "await",
    "break",
    "class",
    "continue",
    "def",
    "del",
    "elif",
    "else",
    "except",
    "finally",
    "for",
    "from",
    "global",
    "if",
    "import",
    "in",
    "is",
    "lambda",
    "nonlocal",
    "not",
    "or",
    "pass",
    "raise",
    "return",
    "try",
    "while",
    "with",
    "yield",
];

/// The strings taken to be interned before the module's code objects are created.
pub struct Interned {
    names: HashSet<Box<str>>,
}

impl Interned {
    /// The identifiers of `module` plus the start-up names.
    pub fn of_module(module: &ast::Module) -> Interned {
        let mut c = Collect {
            names: STARTUP.iter().map(|&s| Box::from(s)).collect(),
            depth: 0,
        };
        for s in &module.body {
            c.visit_stmt(s);
        }
        Interned { names: c.names }
    }

    /// The start-up names only (for trees that are not modules).
    pub fn startup() -> Interned {
        Interned {
            names: STARTUP.iter().map(|&s| Box::from(s)).collect(),
        }
    }

    /// Whether `intern_string_constants` swaps a member of `members` for an interned
    /// twin: a string of name characters (`all_name_chars`), longer than one character
    /// (one-character strings are singletons), equal to an interned name.
    pub fn swaps_member(&self, members: &[Constant]) -> bool {
        members.iter().any(|m| match m {
            Constant::Str(s) => s.as_str().is_some_and(|t| {
                t.len() > 1
                    && t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
                    && self.names.contains(t)
            }),
            _ => false,
        })
    }
}

struct Collect {
    names: HashSet<Box<str>>,
    depth: usize,
}

impl Collect {
    fn add(&mut self, s: &str) {
        if !self.names.contains(s) {
            self.names.insert(Box::from(s));
        }
    }
}

impl Visitor for Collect {
    fn visit_stmt(&mut self, node: &ast::Stmt) {
        if self.depth >= MAX_DEPTH {
            return;
        }
        match &node.node {
            ast::StmtKind::FunctionDef { name, .. }
            | ast::StmtKind::AsyncFunctionDef { name, .. }
            | ast::StmtKind::ClassDef { name, .. } => self.add(name),
            ast::StmtKind::ImportFrom {
                module: Some(m), ..
            } => {
                self.add(m);
                for part in m.split('.') {
                    self.add(part);
                }
            }
            ast::StmtKind::Global { names } | ast::StmtKind::Nonlocal { names } => {
                for n in names {
                    self.add(n);
                }
            }
            _ => {}
        }
        self.depth += 1;
        ast::walk_stmt(self, node);
        self.depth -= 1;
    }
    fn visit_expr(&mut self, node: &ast::Expr) {
        if self.depth >= MAX_DEPTH {
            return;
        }
        match &node.node {
            ast::ExprKind::Name { id, .. } => self.add(id),
            ast::ExprKind::Attribute { attr, .. } => self.add(attr),
            _ => {}
        }
        self.depth += 1;
        ast::walk_expr(self, node);
        self.depth -= 1;
    }
    fn visit_arg(&mut self, node: &ast::Arg) {
        self.add(&node.arg);
        ast::walk_arg(self, node);
    }
    fn visit_keyword(&mut self, node: &ast::Keyword) {
        if let Some(a) = &node.arg {
            self.add(a);
        }
        ast::walk_keyword(self, node);
    }
    fn visit_alias(&mut self, node: &ast::Alias) {
        self.add(&node.name);
        for part in node.name.split('.') {
            self.add(part);
        }
        if let Some(a) = &node.asname {
            self.add(a);
        }
    }
    fn visit_excepthandler(&mut self, node: &ast::ExceptHandler) {
        if let Some(n) = &node.name {
            self.add(n);
        }
        ast::walk_excepthandler(self, node);
    }
    fn visit_pattern(&mut self, node: &ast::Pattern) {
        if self.depth >= MAX_DEPTH {
            return;
        }
        match &node.node {
            ast::PatternKind::MatchAs { name: Some(n), .. }
            | ast::PatternKind::MatchStar { name: Some(n) } => self.add(n),
            ast::PatternKind::MatchMapping { rest: Some(n), .. } => self.add(n),
            ast::PatternKind::MatchClass { kwd_attrs, .. } => {
                for n in kwd_attrs {
                    self.add(n);
                }
            }
            _ => {}
        }
        self.depth += 1;
        ast::walk_pattern(self, node);
        self.depth -= 1;
    }
}
