//! Support shared by the compiler's tests and examples: CPython as the oracle (AST and
//! code objects), refvm's code-object dump, and the comparison.
#![allow(dead_code)]

pub mod ast_reader;
pub mod codedump;
pub mod oracle;

use refvm_compiler::{CompileError, CompileOptions};

/// The outcome of comparing refvm's compilation of one file with CPython's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Identical code-object trees (or identical errors).
    Same,
    /// The first difference.
    Differs(String),
    /// CPython's parser rejected the file: nothing to compare.
    Skipped,
}

/// `"<type>\n<msg>\n<lineno>\n<offset>\n<end_lineno>\n<end_offset>"` of a refvm error.
pub fn error_record(e: &CompileError) -> String {
    let opt = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
    match e {
        CompileError::Syntax(s) => format!(
            "{}\n{}\n{}\n{}\n{}\n{}",
            s.kind.name(),
            s.msg,
            opt(s.lineno.map(i64::from)),
            opt(s.offset),
            opt(s.end_lineno.map(i64::from)),
            opt(s.end_offset)
        ),
        CompileError::Exception { type_name, msg } => format!("{type_name}\n{msg}\n\n\n\n"),
        CompileError::Unsupported(u) => format!("Unsupported\n{u}\n\n\n\n"),
    }
}

/// Compiles the record's AST with refvm and compares with CPython's result.
pub fn compare(rec: &oracle::Record, source: &[u8]) -> Outcome {
    compare_with(rec, source, false)
}

/// Like [`compare`]; with `use_refvm_parser` the source goes through refvm's own
/// parser (`compile_source`) instead of CPython's AST.
pub fn compare_with(rec: &oracle::Record, source: &[u8], use_refvm_parser: bool) -> Outcome {
    compare_full(rec, source, use_refvm_parser).0
}

/// [`compare_with`], plus whether refvm's marshal data (a `.pyc` minus its header,
/// written by `refvm_bytecode::marshal::dumps`) is byte-identical to CPython's:
/// `None` when there is no pair to compare, `Some(Err(first difference))` otherwise.
pub fn compare_full(
    rec: &oracle::Record,
    source: &[u8],
    use_refvm_parser: bool,
) -> (Outcome, Option<Result<(), String>>) {
    let Ok(ast_bytes) = &rec.ast else {
        return (Outcome::Skipped, None);
    };
    let opts = CompileOptions::new(&rec.path);
    let ours = if use_refvm_parser {
        refvm_compiler::compile_source(source, &opts)
    } else {
        let module = match ast_reader::read_module(ast_bytes) {
            Ok(m) => m,
            Err(e) => return (Outcome::Differs(format!("<ast reader>: {e}")), None),
        };
        refvm_compiler::compile_module_owned(module, source, &opts)
    };
    let pyc = match (&rec.marshal, &ours) {
        (Some(theirs), Ok(code)) => Some(match refvm_bytecode::marshal::dumps(code) {
            Ok(mine) if &mine == theirs => Ok(()),
            Ok(mine) => {
                let i = mine
                    .iter()
                    .zip(theirs)
                    .position(|(a, b)| a != b)
                    .unwrap_or(mine.len().min(theirs.len()));
                Err(format!(
                    "marshal differs at byte {i} (len cpython={} refvm={})",
                    theirs.len(),
                    mine.len()
                ))
            }
            Err(e) => Err(format!("marshal writer: {e}")),
        }),
        _ => None,
    };
    let outcome = match (&rec.code, ours) {
        (Some(Ok(dump)), Ok(code)) => {
            match oracle::first_difference(dump, &codedump::dump(&code)) {
                None => Outcome::Same,
                Some(d) => Outcome::Differs(d),
            }
        }
        (Some(Err(err)), Err(e)) => {
            let mine = error_record(&e);
            if &mine == err {
                Outcome::Same
            } else {
                Outcome::Differs(format!("error: cpython={err:?} refvm={mine:?}"))
            }
        }
        (Some(Ok(_)), Err(e)) => Outcome::Differs(format!("refvm failed: {e}")),
        (Some(Err(err)), Ok(_)) => {
            Outcome::Differs(format!("refvm compiled; cpython raised {err:?}"))
        }
        (None, _) => Outcome::Differs("no CPython record".into()),
    };
    (outcome, pyc)
}
