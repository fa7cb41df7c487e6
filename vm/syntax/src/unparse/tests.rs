//! Unit tests of the unparser against refvm's own parser: source → AST → source → AST
//! gives the same tree (positions aside), and over-deep trees are a typed error.

use super::{MAX_DEPTH, Styler, unparse, unparse_styled};
use crate::ast::{Constant, Expr, ExprKind, Location, Module, Operator, Stmt, StmtKind};

/// A styler cycling through the variants.
struct Cycle(usize);

impl Styler for Cycle {
    fn choose(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_add(1);
        self.0 % n
    }
}

fn reparse_eq(src: &str) {
    let tree = crate::parse_module(src.as_bytes(), "t.py").unwrap();
    let canonical = unparse(&tree).unwrap();
    let again = crate::parse_module(canonical.as_bytes(), "u.py").unwrap();
    // Positions differ; the unparsed form is a fixpoint.
    assert_eq!(unparse(&again).unwrap(), canonical, "{src}");
    for seed in 0..5 {
        let styled = unparse_styled(&tree, &mut Cycle(seed)).unwrap();
        let back = crate::parse_module(styled.as_bytes(), "s.py")
            .unwrap_or_else(|e| panic!("{styled}\n{e:?}"));
        assert_eq!(unparse(&back).unwrap(), canonical, "{styled}");
    }
}

#[test]
fn precedence_and_literals_survive() {
    reparse_eq("x = -1 ** 2\ny = (-1) ** 2\nz = (a or b) and c\nw = (a, b)[0]\n");
    reparse_eq("s = 'a\\n\"\\'' + b'\\x00' + f'{x!r:>{w}}'\nn = 10 ** 30 + 1.5e300 + 2j\n");
    reparse_eq("if a:\n    pass\nelif b:\n    x = [i for i in y if i]\nelse:\n    del z\n");
}

#[test]
fn canonical_spelling_is_stable() {
    let tree = crate::parse_module(b"x=(1)\n", "t.py").unwrap();
    assert_eq!(unparse(&tree).unwrap(), "x = 1\n");
}

#[test]
fn deep_trees_are_an_error_not_an_overflow() {
    let at = Location::default();
    let mut e = Expr::new(
        ExprKind::Constant {
            value: Constant::Int(1.into()),
            kind: None,
        },
        at,
    );
    for _ in 0..(MAX_DEPTH as usize + 10) {
        e = Expr::new(
            ExprKind::BinOp {
                left: Box::new(e),
                op: Operator::Add,
                right: Box::new(Expr::new(
                    ExprKind::Constant {
                        value: Constant::Int(2.into()),
                        kind: None,
                    },
                    at,
                )),
            },
            at,
        );
    }
    let module = Module {
        body: vec![Stmt::new(StmtKind::Expr { value: Box::new(e) }, at)],
        type_ignores: Vec::new(),
    };
    // A small thread stack: the limit, not the stack, must stop the walk.
    let handle = std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(move || unparse(&module).is_err())
        .unwrap();
    assert!(handle.join().unwrap());
}
