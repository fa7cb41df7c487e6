//! AST → source → AST: every tree the parser can build, unparsed (canonically or with a
//! varied spelling), parses back to the same tree, positions aside (a proptest property
//! over generated trees); and on fixed snippets and the corpus, CPython itself builds the
//! same tree from the original and the unparsed source.

mod support {
    pub mod ast_strategy;
    pub mod stmt_strategy;
}

use proptest::prelude::*;
use refvm_syntax::ast::*;
use refvm_syntax::unparse::{Styler, unparse, unparse_styled};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A styler driven by a tiny LCG: every spelling variant gets exercised.
struct Lcg(u64);

impl Styler for Lcg {
    fn choose(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

/// Sets every position to zero.
struct NoPositions;

impl VisitorMut for NoPositions {
    fn visit_stmt(&mut self, node: &mut Stmt) {
        node.loc = Location::default();
        walk_stmt_mut(self, node)
    }
    fn visit_expr(&mut self, node: &mut Expr) {
        node.loc = Location::default();
        walk_expr_mut(self, node)
    }
    fn visit_excepthandler(&mut self, node: &mut ExceptHandler) {
        node.loc = Location::default();
        walk_excepthandler_mut(self, node)
    }
    fn visit_arg(&mut self, node: &mut Arg) {
        node.loc = Location::default();
        walk_arg_mut(self, node)
    }
    fn visit_keyword(&mut self, node: &mut Keyword) {
        node.loc = Location::default();
        walk_keyword_mut(self, node)
    }
    fn visit_alias(&mut self, node: &mut Alias) {
        node.loc = Location::default();
        walk_alias_mut(self, node)
    }
    fn visit_pattern(&mut self, node: &mut Pattern) {
        node.loc = Location::default();
        walk_pattern_mut(self, node)
    }
}

fn reparse(src: &str) -> Result<Module, String> {
    let mut m =
        refvm_syntax::parse_module(src.as_bytes(), "<unparsed>").map_err(|e| format!("{e:?}"))?;
    NoPositions.visit_module(&mut m);
    Ok(m)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, failure_persistence: None, ..ProptestConfig::default() })]

    /// The property of issue 3: AST → source → AST is the identity (positions aside).
    #[test]
    fn ast_source_ast_round_trip(module in support::stmt_strategy::module(), seed in any::<u64>()) {
        let canonical = unparse(&module).map_err(|e| TestCaseError::fail(e.0))?;
        let back = reparse(&canonical).map_err(|e| TestCaseError::fail(format!("{e}\n--- source:\n{canonical}")))?;
        prop_assert!(back == module, "tree changed; source:\n{}\n--- reparsed as:\n{}", canonical, unparse(&back).unwrap_or_default());
        let styled = unparse_styled(&module, &mut Lcg(seed)).map_err(|e| TestCaseError::fail(e.0))?;
        let back = reparse(&styled).map_err(|e| TestCaseError::fail(format!("{e}\n--- source:\n{styled}")))?;
        prop_assert!(back == module, "tree changed; styled source:\n{}", styled);
    }

    /// Every expression alone, as a statement.
    #[test]
    fn expression_round_trip(e in support::ast_strategy::expr(5)) {
        let module = Module { body: vec![Stmt::new(StmtKind::Expr { value: Box::new(e) }, Location::default())], type_ignores: Vec::new() };
        let canonical = unparse(&module).map_err(|e| TestCaseError::fail(e.0))?;
        let back = reparse(&canonical).map_err(|e| TestCaseError::fail(format!("{e}\n--- source:\n{canonical}")))?;
        prop_assert!(back == module, "tree changed; source:\n{}\n--- reparsed as:\n{}", canonical, unparse(&back).unwrap_or_default());
    }
}

/// For each pair (original, unparsed): does CPython build the same tree from both?
/// Returns the indices that differ, with a description.
fn cpython_same_ast(pairs: &[(String, String)]) -> Vec<(usize, String)> {
    let script = r#"
import ast, json, sys
pairs = json.load(sys.stdin)
bad = []
for i, (a, b) in enumerate(pairs):
    try:
        da = ast.dump(ast.parse(a))
    except SyntaxError:
        continue
    try:
        db = ast.dump(ast.parse(b))
    except SyntaxError as e:
        bad.append([i, "unparsed source does not parse: %s" % e])
        continue
    if da != db:
        import difflib
        d = "\n".join(list(difflib.unified_diff(ast.dump(ast.parse(a), indent=1).splitlines(), ast.dump(ast.parse(b), indent=1).splitlines(), lineterm=""))[:30])
        bad.append([i, d])
json.dump(bad, sys.stdout)
"#;
    let mut child = Command::new("timeout")
        .args(["300", "python3", "-c", script])
        .env("PYTHONHASHSEED", "0")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3 must be on PATH");
    let input = serde_json::to_vec(pairs).unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(out.status.success(), "the checker script failed");
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The corpus programs (not the syntax errors, not `_` support files).
fn corpus_sources() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('_') || name.starts_with('.') || name == "syntax-errors" {
                continue;
            }
            if path.is_dir() {
                walk(&path, out);
            } else if name.ends_with(".py") {
                out.push(path);
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let mut paths = Vec::new();
    walk(&root, &mut paths);
    paths.sort();
    paths
        .into_iter()
        .filter_map(|p| {
            let src = std::fs::read_to_string(&p).ok()?;
            Some((p.display().to_string(), src))
        })
        .collect()
}

const SNIPPETS: &[&str] = &[
    "x = -1 ** 2\ny = (-1) ** 2\nz = 2 ** -1\nw = a ** b ** c\nv = (a ** b) ** c\n",
    "a = b = c, d = 1, 2\n(e, f), g = h\ni[1:2, 3], j.k = 1, 2\n*l, m = n\n",
    "print(f'{x!r:>{w}} and {y:.3f} {{literal}} {\"s\"} {z:{a}{b}}')\nq = f\"{'a' + 'b'}\"\n",
    "def f(a, b=1, /, c=2, *d, e, f=3, **g) -> int:\n    return (yield)\n",
    "lambda: 0\nlambda a, *b, c=1, **d: a\nlambda a, /, b: a\n",
    "async def g():\n    async with a as b, c:\n        async for x in y:\n            await z\n    return [i async for i in k]\n",
    "match x:\n    case [1, *rest] if rest: pass\n    case {'k': v, **kw}: pass\n    case C(1, a=2) | D(): pass\n    case (1 | 2) as y: pass\n    case -1 | 1+2j | a.b.c | None | True: pass\n    case _: pass\n",
    "try:\n    pass\nexcept* (A, B) as e:\n    raise X from e\nelse:\n    pass\nfinally:\n    pass\n",
    "x = 1 if y else 2 if z else 3\nv = (1 if y else 2) if z else 3\nw = not a == b\nu = (not a) == b\n",
    "x = a and b or c and (d or e)\ny = (a and b) and c\nz = a and (b and c)\n",
    "x = [y := 1, (z := 2)]\nif (n := len(a)) > 10: pass\nwhile chunk := f(): pass\n",
    "del a, (b, c), d[1], e.f\nglobal q\nassert x, 'msg'\nimport a.b as c, d\nfrom ..e import (f as g, h)\nfrom . import i\n",
    "x = {**a, 'b': 1, **{}}\ny = {*a, *b}\nz = {*()}\nw = ()\nv = (1,)\nu = [*a, *b]\nf(*a, *b, c=1, **d, **e)\n",
    "x = 1 .real\ny = 1.5.real\nz = 'ab' 'cd'.upper()\nw = b'x' b'y'\nv = 1j + 2.5J\nu = 0xff + 0o17 + 0b11 + 1_000\n",
    "x = '\\x00\\n\\t\\'\"\\\\\\u0100\\U0001f600\\ud800é'\ny = b'\\x00\\xff\\'\"'\nz = u'unicode'\n",
    "class A(B, metaclass=M, **kw):\n    'doc'\n    @property\n    def p(self): return 1\n    @staticmethod\n    def s(): pass\n",
    "x = a[::2], a[1:], a[:-1], a[::], a[...], a[()], a[*b]\n",
    "for x, in y: pass\nfor (a, b), c in d: pass\nelse: pass\n",
    "x = (yield from g()) if a else (yield)\nawait_ = 1\n",
    "x: int = 1\n(y): str\nz.a: int = 2\nw[0]: list\n",
    "if a: pass\nelif b: pass\nelif c:\n    pass\nelse:\n    if d: pass\n",
    "x = a if (b := c) else d\ny = [i for i in range(3) if i if not i]\nz = {k: v for k, v in d.items()}\ng = (x for x in y)\n",
    "x = -(-1)\ny = - -1\nz = ~-+1\nw = -1.5\nv = a - -1\nu = not not a\n",
    "print(f'{x}' f'{y}' 'z')\nprint(f'{{}}')\nprint(f'{x=}')\nprint(f'''{'a'}''')\n",
];

#[test]
fn snippets_and_corpus_round_trip_through_cpython() {
    let mut pairs = Vec::new();
    let mut names = Vec::new();
    let mut sources: Vec<(String, String)> = SNIPPETS
        .iter()
        .enumerate()
        .map(|(i, s)| (format!("snippet {i}"), (*s).to_owned()))
        .collect();
    sources.extend(corpus_sources());
    let mut failures = Vec::new();
    for (name, src) in &sources {
        let Ok(module) = refvm_syntax::parse_module(src.as_bytes(), name) else {
            continue;
        };
        match unparse(&module) {
            Ok(text) => {
                pairs.push((src.clone(), text));
                names.push(format!("{name} (canonical)"));
            }
            Err(e) => failures.push(format!("{name}: {e}")),
        }
        for seed in 0..4u64 {
            if let Ok(text) = unparse_styled(&module, &mut Lcg(seed * 7919 + 1)) {
                pairs.push((src.clone(), text));
                names.push(format!("{name} (style {seed})"));
            }
        }
    }
    assert!(
        pairs.len() > 100,
        "too few programs parsed: {}",
        pairs.len()
    );
    for (i, why) in cpython_same_ast(&pairs) {
        failures.push(format!(
            "{}:\n{why}\n--- unparsed:\n{}",
            names[i], pairs[i].1
        ));
    }
    assert!(
        failures.is_empty(),
        "{} round-trip failures:\n{}",
        failures.len(),
        failures[..failures.len().min(5)].join("\n\n")
    );
}
