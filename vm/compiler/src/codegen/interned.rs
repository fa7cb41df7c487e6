//! Which frozenset constants `intern_string_constants` rebuilds: when a code object is
//! created, CPython interns its string constants in place, and a frozenset member
//! that is swapped for an already interned twin makes it rebuild the frozenset (one
//! more construction, which can change the member order). The twins modelled here are
//! the program's identifiers (the parser interns every NAME it reads) and the names
//! the interpreter has interned at start-up (a table generated from the live python3).

use refvm_bytecode::Constant;
use refvm_syntax::ast::{self, Visitor};
use std::collections::HashSet;
use std::sync::OnceLock;

/// Expressions nested deeper than this are not searched for identifiers (their names
/// only refine a member-order model; the symbol table has already bounded the tree).
const MAX_DEPTH: usize = 200;

/// The name-character strings a freshly started CPython 3.11 has already interned
/// (builtins, keywords, the attribute names of the built-in types, the identifiers of
/// the modules imported at start-up), one a line after `#` comment lines; generated
/// from the live python3 by `vm/compiler/gen/startup_interned.py`.
const STARTUP_TABLE: &str = include_str!("startup_interned.txt");

/// [`STARTUP_TABLE`] as a set, built on first use.
fn startup_names() -> &'static HashSet<&'static str> {
    static NAMES: OnceLock<HashSet<&'static str>> = OnceLock::new();
    NAMES.get_or_init(|| {
        STARTUP_TABLE
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// The strings taken to be interned before the module's code objects are created.
pub struct Interned {
    names: HashSet<Box<str>>,
}

impl Interned {
    /// The identifiers of `module` (the start-up names are consulted beside them).
    pub fn of_module(module: &ast::Module) -> Interned {
        let mut c = Collect {
            names: HashSet::new(),
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
            names: HashSet::new(),
        }
    }

    /// Whether `intern_string_constants` swaps a member of `members` for an interned
    /// twin: a string of name characters (`all_name_chars`) equal to an interned name,
    /// or a one-character string whose interned copy is not the Latin-1 singleton
    /// (`refvm_bytecode::frozenset::STARTUP_TWIN_CHARS`).
    pub fn swaps_member(&self, members: &[Constant]) -> bool {
        members.iter().any(|m| match m {
            Constant::Str(s) => s.as_str().is_some_and(|t| {
                let b = t.as_bytes();
                if b.len() == 1 {
                    // A singleton, swapped only for a separately made interned copy.
                    return refvm_bytecode::frozenset::STARTUP_TWIN_CHARS.contains(&b[0]);
                }
                b.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'_')
                    && (self.names.contains(t) || startup_names().contains(t))
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A sample of the table (and a few names outside it) asked of a fresh `python3`:
    /// `sys.intern(w) is not w` for a newly built `w` means it was interned before.
    #[test]
    fn startup_table_agrees_with_live_python() {
        let mut sample: Vec<&str> = startup_names().iter().copied().collect();
        sample.sort_unstable();
        let mut words: Vec<&str> = sample.iter().step_by(37).copied().collect();
        let outside = ["attlist", "linktype", "cdata", "rcdata", "zzq_not_a_name"];
        words.extend(outside);
        let probe = "import sys\nfor w in sys.stdin.read().split():\n    print(int(sys.intern(w) is not w))\n";
        let mut child = std::process::Command::new("timeout")
            .args(["60", "python3", "-c", probe])
            .env("PYTHONHASHSEED", "0")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("python3 runs");
        {
            use std::io::Write;
            let mut stdin = child.stdin.take().expect("stdin");
            stdin.write_all(words.join("\n").as_bytes()).expect("write");
        }
        let out = child.wait_with_output().expect("python3 output");
        let answers: Vec<bool> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| l == "1")
            .collect();
        assert_eq!(answers.len(), words.len());
        let wrong: Vec<_> = words
            .iter()
            .zip(&answers)
            .filter(|(w, pre)| startup_names().contains(**w) != **pre)
            .collect();
        assert!(wrong.is_empty(), "table and python3 disagree: {wrong:?}");
        for w in ["link", "element", "ignore", "print", "yield"] {
            assert!(startup_names().contains(w), "{w}");
        }
    }
}
