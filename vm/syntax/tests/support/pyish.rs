//! A deterministic generator of "Python-ish" sources: fragments chosen to hit the
//! tokenizer's corners (string prefixes and quotes, backslashes, CR/LF, tabs, form feeds,
//! numbers, non-ASCII word characters, invalid UTF-8, BOMs, coding cookies...).

#![allow(dead_code)]

/// xorshift64*: small, deterministic, good enough to pick fragments.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    pub fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }
}

/// Fragments a source is glued from.
pub const FRAGMENTS: &[&str] = &[
    "'",
    "\"",
    "'''",
    "\"\"\"",
    "r'",
    "b'",
    "rb'",
    "Rb\"",
    "f'",
    "u'",
    "bu'",
    "fR\"",
    "\\",
    "\\\n",
    "\\\r\n",
    "\n",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "\x0c",
    " ",
    "    ",
    "#",
    "# c",
    "0",
    "1",
    "07",
    "0x",
    "0b1",
    "0o7",
    "1_0",
    "1__0",
    ".",
    "..",
    "...",
    "e",
    "E+",
    "e-5",
    "j",
    "_",
    "x",
    "if",
    "abc",
    "é",
    "²",
    "٣",
    "€",
    "\u{a0}",
    "\u{2028}",
    "\x0b",
    "\x1c",
    "\0",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "+",
    "-",
    "*",
    "**=",
    "//",
    "->",
    ":=",
    "<>",
    "!=",
    "!",
    "$",
    "?",
    "`",
    "@",
    "=",
    "==",
    "~",
    ",",
    ";",
    ":",
    "\u{feff}",
    "𝔘",
    "ℌ",
    "\\x",
    "1.5",
    "1e3j",
    "0_0",
    "1.j",
    "\n    ",
    "\n\t",
    "\n        ",
    "def f():",
    "class C:",
    "return",
    "async",
    "await",
];

/// Raw byte fragments (not UTF-8 on their own).
pub const BYTE_FRAGMENTS: &[&[u8]] = &[
    b"\xff",
    b"\xc3",
    b"\xe2\x82",
    b"\xef\xbb\xbf",
    b"\xed\xa0\x80",
];

/// Heads: BOMs and coding cookies.
pub const HEADS: &[&[u8]] = &[
    b"",
    b"",
    b"",
    b"",
    b"\xef\xbb\xbf",
    b"# coding: latin-1\n",
    b"#!/x\n# -*- coding: koi8-r -*-\n",
    b"# coding: utf8\n",
    b"\xef\xbb\xbf# coding: utf-8\n",
    b"# coding: cp1252\n",
    b"# vim: fileencoding=ascii\n",
    b"# coding: utf-16\n",
    b"# coding: nope\n",
];

/// One source of up to `max_fragments` fragments.
pub fn source(rng: &mut Rng, max_fragments: usize) -> Vec<u8> {
    let head: &[u8] = rng.pick(HEADS);
    let mut out = head.to_vec();
    let n = rng.below(max_fragments + 1);
    for _ in 0..n {
        if rng.below(50) == 0 {
            let f: &[u8] = rng.pick(BYTE_FRAGMENTS);
            out.extend_from_slice(f);
        } else {
            out.extend_from_slice(rng.pick(FRAGMENTS).as_bytes());
        }
    }
    out
}
