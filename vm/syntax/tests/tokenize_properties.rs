//! Properties of the tokenizer on any input: it never panics, always finishes, and what it
//! reports is well formed; plus pathological inputs (deep nesting, huge or quadratic-looking
//! lines) that must stay fast.

mod support {
    pub mod pyish;
}

use proptest::prelude::*;
use refvm_syntax::tokenize::{TokenType, tokenize_to_vec};
use refvm_syntax::tokenize_report;
use std::time::{Duration, Instant};

/// The report is well formed: nothing on stdout after an error, one line per token.
fn check_report(source: &[u8]) {
    let Ok(r) = tokenize_report(source, "f.py") else {
        return;
    };
    match r.exit_code {
        0 => {
            assert!(r.stderr.is_empty());
            assert!(r.stdout.starts_with("0,0-0,0:            ENCODING       "));
            assert!(
                r.stdout
                    .lines()
                    .last()
                    .is_some_and(|l| l.contains("ENDMARKER"))
            );
        }
        1 => {
            assert!(r.stdout.is_empty());
            assert!(r.stderr.ends_with('\n'));
        }
        other => panic!("exit status {other}"),
    }
    let Ok((tokens, result)) = tokenize_to_vec(source, Some("f.py")) else {
        return;
    };
    if result.is_ok() {
        assert_eq!(tokens.first().map(|t| t.kind), Some(TokenType::ENCODING));
        assert_eq!(tokens.last().map(|t| t.kind), Some(TokenType::ENDMARKER));
        // Tokens come in source order.
        for w in tokens.windows(2) {
            if w[1].kind != TokenType::ENDMARKER && w[1].kind != TokenType::DEDENT {
                assert!(w[0].start <= w[1].start, "{:?} then {:?}", w[0], w[1]);
            }
        }
    }
}

fn pyish() -> impl Strategy<Value = Vec<u8>> {
    (any::<u64>(), 0usize..80).prop_map(|(seed, n)| {
        let mut rng = support::pyish::Rng::new(seed);
        support::pyish::source(&mut rng, n)
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(source in proptest::collection::vec(any::<u8>(), 0..600)) {
        check_report(&source);
    }

    #[test]
    fn pythonish_sources_never_panic(source in pyish()) {
        check_report(&source);
    }

    #[test]
    fn arbitrary_text_never_panics(source in "\\PC{0,300}") {
        check_report(source.as_bytes());
    }
}

/// Runs `f`, failing if it takes longer than `limit` (it is not interrupted: the property
/// is that it finishes at all, and fast).
fn within(limit: Duration, what: &str, f: impl FnOnce()) {
    let t = Instant::now();
    f();
    assert!(t.elapsed() < limit, "{what} took {:?}", t.elapsed());
}

#[test]
fn deep_nesting_is_fine() {
    let open = "(".repeat(100_000);
    within(Duration::from_secs(5), "100 000 open brackets", || {
        let r = tokenize_report(open.as_bytes(), "f.py").unwrap();
        assert_eq!(r.stderr, "f.py:2:0: error: EOF in multi-line statement\n");
    });
    let both = format!("x = {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    within(Duration::from_secs(5), "100 000 balanced brackets", || {
        let r = tokenize_report(both.as_bytes(), "f.py").unwrap();
        assert_eq!(r.exit_code, 0);
    });
    let close = ")".repeat(100_000);
    within(Duration::from_secs(5), "100 000 closing brackets", || {
        let r = tokenize_report(close.as_bytes(), "f.py").unwrap();
        assert_eq!(r.exit_code, 1);
    });
}

#[test]
fn deep_indentation_is_fine() {
    let mut src = String::new();
    for i in 0..2000 {
        src.push_str(&" ".repeat(i));
        src.push_str("if x:\n");
    }
    src.push_str("y\n");
    within(Duration::from_secs(5), "2000 indentation levels", || {
        let r = tokenize_report(src.as_bytes(), "f.py").unwrap();
        assert_eq!(r.exit_code, 0);
        assert_eq!(r.stdout.matches("DEDENT").count(), 1999);
    });
}

#[test]
fn pathological_lines_stay_linear() {
    // Every `"` starts a string that never ends: tokenize.py's regex is quadratic here.
    let quotes = format!("x = {}\n", "\\\"".repeat(200_000));
    within(Duration::from_secs(5), "unterminated quotes", || {
        let r = tokenize_report(quotes.as_bytes(), "f.py").unwrap();
        assert_eq!(r.exit_code, 0);
    });
    let tokens =
        "x".repeat(1_000_000) + " " + &"é".repeat(500_000) + " 1_0_0_0" + &"(".repeat(1000);
    within(Duration::from_secs(5), "long tokens", || {
        let _ = tokenize_report(tokens.as_bytes(), "f.py").unwrap();
    });
    let nonascii = "é = '".to_string() + &"ü\\".repeat(300_000) + "\n";
    within(Duration::from_secs(5), "a long non-ASCII line", || {
        let _ = tokenize_report(nonascii.as_bytes(), "f.py").unwrap();
    });
}

#[test]
fn big_inputs_are_fine() {
    let src = "def f(x):\n    return x + 1  # comment\n".repeat(200_000);
    within(Duration::from_secs(20), "8 MB of code", || {
        let r = tokenize_report(src.as_bytes(), "f.py").unwrap();
        assert_eq!(r.exit_code, 0);
    });
    let string = format!("s = '''{}", "abc\n".repeat(1_000_000));
    within(
        Duration::from_secs(10),
        "a 4 MB unterminated string",
        || {
            let r = tokenize_report(string.as_bytes(), "f.py").unwrap();
            assert_eq!(r.stderr, "f.py:1:4: error: EOF in multi-line string\n");
        },
    );
    let nuls = vec![0u8; 1_000_000];
    within(Duration::from_secs(10), "a million NUL bytes", || {
        let r = tokenize_report(&nuls, "f.py").unwrap();
        assert_eq!(r.exit_code, 0);
    });
}
