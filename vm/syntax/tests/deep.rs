//! Deep input on a normal 2 MiB thread: the parser, and everything done to the trees it
//! builds (drop, clone, compare, debug-print, walk), never overflow the stack; and pegen's
//! MAXSTACK limit (MemoryError past 6000 levels of rule nesting) hits at exactly the
//! nesting CPython's does, for each construct below (asked live).

mod parser_support;

use refvm_syntax::{OtherErrorKind, ParseError, ast, parse_module};

fn on_small_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(f)
        .expect("thread")
        .join()
        .expect("overflowed or panicked on a 2 MiB stack");
}

/// Counts nodes without recursion on the Rust stack growing unbounded (the walker
/// guards itself).
struct Count(usize);

impl ast::Visitor for Count {
    fn visit_expr(&mut self, node: &ast::Expr) {
        self.0 += 1;
        ast::walk_expr(self, node);
    }
}

#[test]
fn deep_input_is_stack_safe() {
    on_small_stack(|| {
        let inputs: Vec<Vec<u8>> = vec![
            b"(".repeat(100_000),
            b"[".repeat(100_000),
            [b"x = 1".as_slice(), &b" + 1".repeat(100_000), b"\n"].concat(),
            [b"x = a".as_slice(), &b".b".repeat(100_000), b"\n"].concat(),
            [b"x = a".as_slice(), &b"()".repeat(100_000), b"\n"].concat(),
            [b"x = a".as_slice(), &b"[0]".repeat(50_000), b"\n"].concat(),
            [b"a".as_slice(), &b".b".repeat(100_000), b" = 1\n"].concat(),
            [b"x = a".as_slice(), &b" if a else a".repeat(1_000), b"\n"].concat(),
            [b"x = ".as_slice(), &b"-".repeat(100_000), b"1\n"].concat(),
            [b"x = ".as_slice(), &b"not ".repeat(50_000), b"1\n"].concat(),
            [b"x = ".as_slice(), &b"lambda: ".repeat(20_000), b"1\n"].concat(),
            [b"x = ".as_slice(), &b"2 ** ".repeat(20_000), b"1\n"].concat(),
            [
                b"if a: pass\n".as_slice(),
                &b"elif a: pass\n".repeat(10_000),
            ]
            .concat(),
            [b"x = ".as_slice(), &b"-".repeat(5_900), b"1 +\n"].concat(),
            [b"f'{".as_slice(), &b"-".repeat(5_000), b"x}'\n"].concat(),
        ];
        for src in inputs {
            let r = parse_module(&src, "deep.py");
            if let Ok(m) = &r {
                let copy = m.clone();
                assert!(copy == *m);
                assert!(!format!("{copy:?}").is_empty());
                let mut c = Count(0);
                ast::Visitor::visit_module(&mut c, m);
                assert!(c.0 > 0);
                if src.len() < 20_000 {
                    assert!(!ast::dump(m).is_empty());
                }
            }
        }
    });
}

/// The constructs whose nesting is limited only by pegen's MAXSTACK: `make(n)` nests `n`
/// levels.
fn constructs() -> Vec<(&'static str, fn(usize) -> String)> {
    vec![
        ("unary", |n| format!("{}1", "-".repeat(n))),
        ("unary_assign", |n| format!("x = {}1", "-".repeat(n))),
        ("unary_call", |n| format!("f({}1)", "-".repeat(n))),
        ("unary_error", |n| format!("{}1 +", "-".repeat(n))),
        ("not", |n| format!("{}1", "not ".repeat(n))),
        ("lambda", |n| format!("{}1", "lambda: ".repeat(n))),
        ("lambda_assign", |n| {
            format!("x = {}1", "lambda: ".repeat(n))
        }),
        ("power", |n| format!("{}1", "2**".repeat(n))),
        ("ifexp", |n| format!("{}c", "a if b else ".repeat(n))),
        ("elif", |n| {
            format!("if a: pass\n{}", "elif a: pass\n".repeat(n))
        }),
        ("unary_in_parens", |n| {
            format!("{}{}1{}", "(".repeat(50), "-".repeat(n), ")".repeat(50))
        }),
        ("unary_in_lists", |n| {
            format!("{}{}1{}", "[".repeat(50), "-".repeat(n), "]".repeat(50))
        }),
        ("unary_in_calls", |n| {
            format!("{}{}1{}", "f(".repeat(50), "-".repeat(n), ")".repeat(50))
        }),
        ("unary_in_fstring", |n| format!("f'{{{}1}}'", "-".repeat(n))),
        ("unary_return", |n| {
            format!("def f():\n return {}1", "-".repeat(n))
        }),
        ("unary_for", |n| {
            format!("for x in {}1: pass", "-".repeat(n))
        }),
        ("unary_default", |n| {
            format!("def f(a={}1): pass", "-".repeat(n))
        }),
        ("unary_kwarg", |n| format!("f(a={}1)", "-".repeat(n))),
        ("unary_subscript", |n| format!("a[{}1:]", "-".repeat(n))),
        ("unary_comprehension", |n| {
            format!("[x for x in {}1]", "-".repeat(n))
        }),
    ]
}

fn is_memory_error(src: &str) -> bool {
    let src = src.to_string();
    let (tx, rx) = std::sync::mpsc::channel();
    on_small_stack(move || {
        let r = parse_module(src.as_bytes(), "x.py");
        let mem = matches!(r, Err(ParseError::Other(e)) if e.kind == OtherErrorKind::MemoryError);
        tx.send(mem).expect("send");
    });
    rx.recv().expect("recv")
}

/// The smallest `n` for which CPython raises MemoryError, for every construct at once
/// (a binary search whose rounds each ask one python3 process about all constructs:
/// CPython's C parser answers fast, and refvm then parses only twice per construct).
fn cpython_thresholds(cs: &[(&'static str, fn(usize) -> String)]) -> Vec<usize> {
    let mut lo = vec![1usize; cs.len()];
    let mut hi = vec![7000usize; cs.len()];
    while lo.iter().zip(&hi).any(|(l, h)| l < h) {
        let mids: Vec<usize> = lo.iter().zip(&hi).map(|(l, h)| (l + h) / 2).collect();
        let items: Vec<_> = cs
            .iter()
            .zip(&mids)
            .map(|((_, make), m)| serde_json::json!({ "src": make(*m) }))
            .collect();
        let out = parser_support::oracle(&items, 120);
        for (i, o) in out.iter().enumerate() {
            if lo[i] >= hi[i] {
                continue;
            }
            if o["error"][0] == "MemoryError" {
                hi[i] = mids[i];
            } else {
                lo[i] = mids[i] + 1;
            }
        }
    }
    lo
}

#[test]
fn maxstack_matches_cpython() {
    let cs = constructs();
    let want = cpython_thresholds(&cs);
    let mut bad = Vec::new();
    for ((name, make), n) in cs.iter().zip(&want) {
        // MemoryError is monotone in the nesting: agreeing at n-1 and n is agreeing.
        let below = is_memory_error(&make(n - 1));
        let at = is_memory_error(&make(*n));
        if below || !at {
            bad.push(format!(
                "{name}: CPython MemoryError from n={n}; refvm at n-1: {below}, at n: {at}"
            ));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
