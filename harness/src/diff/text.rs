//! Text layers: tokens (`python3 -m tokenize -e`), AST dumps (or the parse error) and
//! `dis` text.

use super::{normalize_addresses, text_divergence};
use crate::observe::{ErrorObs, TokensObs};
use crate::outcome::Verdict;

/// The tokens layer: exit status, then stdout, then stderr.
pub fn diff_tokens(cpython: &TokensObs, refvm: &TokensObs) -> Verdict {
    if cpython.exit_code != refvm.exit_code {
        return Verdict::diverge(format!(
            "exit status: cpython {}, refvm {}\n{}",
            cpython.exit_code,
            refvm.exit_code,
            super::unified(
                &String::from_utf8_lossy(&[&cpython.stdout[..], &cpython.stderr[..]].concat()),
                &String::from_utf8_lossy(&[&refvm.stdout[..], &refvm.stderr[..]].concat()),
            )
        ));
    }
    for (what, a, b) in [
        ("stdout", &cpython.stdout, &refvm.stdout),
        ("stderr", &cpython.stderr, &refvm.stderr),
    ] {
        if a != b {
            return Verdict::diverge(text_divergence(
                what,
                &String::from_utf8_lossy(a),
                &String::from_utf8_lossy(b),
            ));
        }
    }
    Verdict::pass()
}

fn describe(side: &Result<String, ErrorObs>) -> String {
    match side {
        Ok(_) => "parsed".to_owned(),
        Err(e) => format!("raised {}: {} (line {:?})", e.type_name, e.msg, e.lineno),
    }
}

/// A result that is either a text or an error (AST dump, …): both must agree on
/// which, then on the text or on every error attribute.
pub fn diff_text_or_error(
    what: &str,
    cpython: &Result<String, ErrorObs>,
    refvm: &Result<String, ErrorObs>,
) -> Verdict {
    match (cpython, refvm) {
        (Ok(a), Ok(b)) if a == b => Verdict::pass(),
        (Ok(a), Ok(b)) => Verdict::diverge(text_divergence(what, a, b)),
        (Err(a), Err(b)) if a == b => Verdict::pass(),
        (Err(a), Err(b)) => {
            Verdict::diverge(text_divergence("the error", &a.render(), &b.render()))
        }
        _ => Verdict::diverge(format!(
            "cpython {}; refvm {}",
            describe(cpython),
            describe(refvm)
        )),
    }
}

/// The ast layer: the `ast.dump` text or the `SyntaxError`.
pub fn diff_ast(cpython: &Result<String, ErrorObs>, refvm: &Result<String, ErrorObs>) -> Verdict {
    diff_text_or_error("the AST dump", cpython, refvm)
}

/// The dis layer, addresses normalised.
pub fn diff_dis(cpython: &str, refvm: &str) -> Verdict {
    let (a, b) = (normalize_addresses(cpython), normalize_addresses(refvm));
    if a == b {
        Verdict::pass()
    } else {
        Verdict::diverge(text_divergence("dis output", &a, &b))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outcome::Outcome;

    fn toks(out: &str, err: &str, code: i32) -> TokensObs {
        TokensObs {
            stdout: out.into(),
            stderr: err.into(),
            exit_code: code,
        }
    }

    fn err(msg: &str, offset: i64) -> ErrorObs {
        ErrorObs {
            type_name: "SyntaxError".into(),
            msg: msg.into(),
            lineno: Some(1),
            offset: Some(offset),
            end_lineno: Some(1),
            end_offset: Some(offset + 1),
        }
    }

    #[test]
    fn tokens() {
        let a = toks(
            "1,0-1,1:            NAME           'x'            \n",
            "",
            0,
        );
        assert_eq!(diff_tokens(&a, &a.clone()).outcome, Outcome::Pass);
        let b = toks(
            "1,0-1,1:            NAME           'y'            \n",
            "",
            0,
        );
        let v = diff_tokens(&a, &b);
        assert_eq!(v.outcome, Outcome::Diverge);
        assert!(
            v.detail
                .unwrap()
                .contains("+1,0-1,1:            NAME           'y'")
        );
        let c = toks("", "x.py:1:0: error: bad\n", 1);
        assert!(
            diff_tokens(&a, &c)
                .detail
                .unwrap()
                .starts_with("exit status: cpython 0, refvm 1")
        );
    }

    #[test]
    fn ast_text_and_errors() {
        let tree = Ok("Module(\n body=[])".to_owned());
        assert_eq!(diff_ast(&tree, &tree).outcome, Outcome::Pass);
        assert_eq!(
            diff_ast(&tree, &Ok("Module(\n body=[1])".into())).outcome,
            Outcome::Diverge
        );
        assert_eq!(
            diff_ast(
                &Err(err("invalid syntax", 3)),
                &Err(err("invalid syntax", 3))
            )
            .outcome,
            Outcome::Pass
        );
        let v = diff_ast(
            &Err(err("invalid syntax", 3)),
            &Err(err("invalid syntax", 4)),
        );
        assert!(v.detail.unwrap().contains("-offset: 3\n+offset: 4"));
        let v = diff_ast(&Err(err("invalid syntax", 3)), &tree);
        assert_eq!(v.outcome, Outcome::Diverge);
        assert!(v.detail.unwrap().contains("refvm parsed"));
    }

    #[test]
    fn dis_normalises_addresses_only() {
        let a = "  2 LOAD_CONST 0 (<code object f at 0x7f0000000001, file \"x.py\", line 1>)\n";
        let b = "  2 LOAD_CONST 0 (<code object f at 0x55aa00000002, file \"x.py\", line 1>)\n";
        assert_eq!(diff_dis(a, b).outcome, Outcome::Pass);
        assert_eq!(
            diff_dis(a, &b.replace("line 1", "line 2")).outcome,
            Outcome::Diverge
        );
    }
}
