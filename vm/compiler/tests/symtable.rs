//! The symbol table agrees with CPython's `symtable` module: every scope, in order,
//! with every symbol's flags (scope bits included).

mod support;

use refvm_compiler::future::future_from_ast;
use refvm_compiler::symtable::{self, BlockType, ScopeId, SymbolTable};
use std::process::Command;

fn ours(st: &SymbolTable, id: ScopeId, out: &mut Vec<String>) {
    let e = st.entry(id);
    let typ = match e.typ {
        BlockType::Module => "module",
        BlockType::Class => "class",
        BlockType::Function => "function",
        BlockType::Annotation => "annotation",
    };
    out.push(format!("{typ} {} {}", e.name, e.lineno));
    let mut syms: Vec<(String, i64)> = e.symbols.iter().map(|(n, f)| (n.to_string(), f)).collect();
    syms.sort();
    for (n, f) in syms {
        out.push(format!("  {n} {f}"));
    }
    for &c in &e.children {
        ours(st, c, out);
    }
}

const CPYTHON: &str = r#"
import symtable, sys
def walk(t, out):
    out.append("%s %s %d" % (t.get_type(), t.get_name(), t.get_lineno()))
    for s in sorted(t.get_symbols(), key=lambda s: s.get_name()):
        out.append("  %s %d" % (s.get_name(), s._Symbol__flags))
    for c in t.get_children():
        walk(c, out)
out = []
p = sys.argv[1]
walk(symtable.symtable(open(p).read(), p, "exec"), out)
print("\n".join(out))
"#;

#[test]
fn symtable_matches_cpython() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/symtable");
    let mut paths: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path().to_string_lossy().into_owned())
        .filter(|p| p.ends_with(".py"))
        .collect();
    paths.sort();
    let records = support::oracle::run(&paths, 120).unwrap();
    for rec in records {
        let module = support::ast_reader::read_module(rec.ast.as_ref().unwrap()).unwrap();
        let ff = future_from_ast(&module).unwrap();
        let st = symtable::build(&module, &ff).unwrap();
        let mut mine = Vec::new();
        ours(&st, st.top, &mut mine);
        let out = Command::new("timeout")
            .args(["60", "python3", "-c", CPYTHON, &rec.path])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let want = String::from_utf8_lossy(&out.stdout);
        assert!(mine.len() > 3);
        assert_eq!(mine.join("\n"), want.trim_end(), "{}", rec.path);
    }
}
