//! Properties of the parser on any input: in every `compile()` mode it never panics and
//! always finishes, and what it returns is well formed (a tree that dumps, or an error
//! with a position inside the source) — on arbitrary bytes, Python-ish token soup, and
//! valid programs broken by small edits (which drive pegen's second, error-reporting pass).

mod support {
    pub mod pyish;
}

use proptest::prelude::*;
use refvm_syntax::ast::{self, dump_node};
use refvm_syntax::{Mode, ParseError, ParseOptions, parse};

/// Valid programs that the edits below break in many different ways.
const SEEDS: &[&str] = &[
    "def f(a, /, b=1, *args, c, **kw):\n    return a + b\n",
    "class C(B, metaclass=M):\n    x: int = 0\n    def m(self): yield from self\n",
    "for i in range(10):\n    if i % 2: continue\n    else:\n        break\nelse:\n    pass\n",
    "try:\n    x = [y for y in z if y]\nexcept* (E, F) as e:\n    raise X from e\nfinally:\n    del x\n",
    "match p:\n    case [1, *rest] | {'k': v, **kw}:\n        pass\n    case Point(x=0) if x:\n        pass\n",
    "async def g():\n    async with a as (b, c):\n        await d\n    return [x async for x in y]\n",
    "x = f'{a!r:>{w}} {b=}' + b'\\x00' + rb'\\d' + 1_000.5j\n",
    "lambda *a, k=(yield), **kw: (x := a) if a else {**kw, 'y': [*a]}\n",
    "with (open(p) as f, g() as h):\n    global q\n    q = f[1:2, ::3]\n",
    "@dec(1)\n@dec2\nasync def h(x: 'A' = ..., *, y) -> None: ...\n",
];

/// The edit alphabet: fragments whose insertion or deletion reaches many invalid_* rules.
const FRAGMENTS: &[&str] = &[
    "(", ")", "[", "]", "{", "}", ":", ",", "=", "==", ":=", "*", "**", "\n", "\n    ", "\t", " ",
    "if", "else", "for", "in", "lambda", "yield", "await", "def", "class", "import", "from", "as",
    "not", "'", "\"", "\"\"\"", "f'", "\\", "#", "1", "x", "...", "@", "->", ";", "del", "return",
    "case", "match", "\u{a0}", "\0",
];

/// A seed program with a few insertions, deletions and replacements.
fn broken() -> impl Strategy<Value = Vec<u8>> {
    let edit = (
        0usize..3,
        any::<prop::sample::Index>(),
        0..FRAGMENTS.len(),
        1usize..6,
    );
    (0..SEEDS.len(), prop::collection::vec(edit, 1..5)).prop_map(|(seed, edits)| {
        let mut src = SEEDS[seed].as_bytes().to_vec();
        for (op, at, frag, len) in edits {
            let at = at.index(src.len() + 1);
            let frag = FRAGMENTS[frag].as_bytes();
            match op {
                0 => {
                    src.splice(at..at, frag.iter().copied());
                }
                1 => {
                    let end = (at + len).min(src.len());
                    src.drain(at..end);
                }
                _ => {
                    let end = (at + len).min(src.len());
                    src.splice(at..end, frag.iter().copied());
                }
            }
        }
        src
    })
}

fn pyish() -> impl Strategy<Value = Vec<u8>> {
    (any::<u64>(), 0usize..80).prop_map(|(seed, n)| {
        let mut rng = support::pyish::Rng::new(seed);
        support::pyish::source(&mut rng, n)
    })
}

/// Parses `source` in every mode, as bytes and as a `str`, checking each result.
fn check(source: &[u8]) {
    // Every `\n`, `\r` and `\r\n` ends a line; one more for an error at the very end.
    let lines = source.iter().filter(|&&b| b == b'\n' || b == b'\r').count() as u32 + 2;
    for mode in [Mode::Exec, Mode::Eval, Mode::Single] {
        for ignore_cookie in [false, true] {
            if ignore_cookie && std::str::from_utf8(source).is_err() {
                continue;
            }
            let opts = ParseOptions {
                mode,
                ignore_cookie,
            };
            match parse(source, "<fuzz>", &opts) {
                Ok(tree) => {
                    let dumped = match &tree {
                        ast::Mod::Module(m) => dump_node(m),
                        ast::Mod::Interactive(m) => dump_node(m),
                        ast::Mod::Expression(m) => dump_node(m),
                        ast::Mod::FunctionType(m) => dump_node(m),
                    };
                    assert!(!dumped.is_empty());
                }
                Err(ParseError::Syntax(e)) => {
                    assert!(!e.msg.is_empty(), "empty message for {source:?}");
                    if let Some(line) = e.lineno {
                        assert!(line <= lines, "line {line} past the end of {source:?}");
                    }
                }
                Err(ParseError::Other(_) | ParseError::Unsupported(_)) => {}
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(source in prop::collection::vec(any::<u8>(), 0..400)) {
        check(&source);
    }

    #[test]
    fn pythonish_sources_never_panic(source in pyish()) {
        check(&source);
    }

    #[test]
    fn broken_programs_never_panic(source in broken()) {
        check(&source);
    }
}

#[test]
fn seeds_are_valid() {
    for seed in SEEDS {
        let opts = ParseOptions::default();
        assert!(
            parse(seed.as_bytes(), "<seed>", &opts).is_ok(),
            "seed does not parse: {seed}"
        );
    }
}
