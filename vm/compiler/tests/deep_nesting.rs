//! Deeply nested input never overflows the Rust stack: the compiler raises CPython's
//! `RecursionError` at CPython's depth, on a thread with a small stack.

use refvm_compiler::{CompileError, CompileOptions, compile_module};
use refvm_syntax::ast::{
    Expr, ExprContext, ExprKind, Identifier, Location, Module, Operator, Stmt, StmtKind,
};

fn loc() -> Location {
    Location {
        lineno: 1,
        col_offset: 0,
        end_lineno: 1,
        end_col_offset: 1,
    }
}

fn name(id: &str, ctx: ExprContext) -> Expr {
    Expr::new(
        ExprKind::Name {
            id: Identifier::new(id),
            ctx,
        },
        loc(),
    )
}

/// `x = a + a + ... + a` with `n` operands (a left-nested BinOp chain).
fn chain(n: usize) -> Module {
    let mut e = name("a", ExprContext::Load);
    for _ in 1..n {
        e = Expr::new(
            ExprKind::BinOp {
                left: Box::new(e),
                op: Operator::Add,
                right: Box::new(name("a", ExprContext::Load)),
            },
            loc(),
        );
    }
    let assign = StmtKind::Assign {
        targets: vec![name("x", ExprContext::Store)],
        value: Box::new(e),
        type_comment: None,
    };
    Module {
        body: vec![Stmt::new(assign, loc())],
        type_ignores: vec![],
    }
}

fn compile_on_small_stack(n: usize) -> Result<(), CompileError> {
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || {
            let module = chain(n);
            let r = compile_module(&module, b"", &CompileOptions::new("deep.py")).map(|_| ());
            // Dropping the test's own tree recurses too.
            stacker::grow(64 << 20, move || drop(module));
            r
        })
        .expect("spawn")
        .join()
        .expect("no panic")
}

#[test]
fn recursion_limit_matches_cpython() {
    assert!(compile_on_small_stack(2993).is_ok());
    match compile_on_small_stack(2994) {
        Err(CompileError::Exception { type_name, msg }) => {
            assert_eq!(type_name, "RecursionError");
            assert_eq!(msg, "maximum recursion depth exceeded during compilation");
        }
        other => panic!("expected RecursionError, got {other:?}"),
    }
}

#[test]
fn very_deep_trees_do_not_overflow() {
    assert!(matches!(
        compile_on_small_stack(100_000),
        Err(CompileError::Exception { .. })
    ));
}
