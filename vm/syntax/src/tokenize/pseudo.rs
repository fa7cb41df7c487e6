//! Hand-written, linear-time equivalents of tokenize.py's regular expressions:
//! `PseudoToken` (with its alternation order and backtracking), `Number`, `ContStr`, and
//! the `endpats` that finish strings (`Single`, `Double`, `Single3`, `Double3`).
//!
//! All matchers work on the UTF-8 bytes of one physical line and return byte offsets.
//! Every special character of these patterns is ASCII, so a non-ASCII character only ever
//! matters as a whole: `\w` (decoded and checked with `str.isalnum`) and the one-character
//! ERRORTOKEN.

use super::token::operator_len;
use refvm_common::unicode::is_alnum;

/// Which alternative of `PseudoToken` matched (they are tried in this order).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pseudo {
    /// `\Z`: only blanks up to the end of the line (an empty match).
    End,
    /// `\\\r?\n`: a backslash continuation.
    Continuation,
    Comment,
    /// A string prefix and an opening `'''` or `"""`; the byte is the quote.
    Triple(u8),
    Number,
    /// `\r?\n`.
    Newline,
    Operator,
    /// `ContStr`: a whole one-line string, or its first line ending in `\` + newline.
    ContStr(u8),
    /// `\w+`.
    Name,
}

/// `PseudoToken.match(line, pos)`: the alternative, its start (after the blanks) and end.
pub fn pseudo_token(line: &str, pos: usize, memo: &mut ScanMemo) -> Option<(Pseudo, usize, usize)> {
    let b = line.as_bytes();
    let n = b.len();
    let mut p = pos;
    while p < n && matches!(b[p], b' ' | b'\x0c' | b'\t') {
        p += 1;
    }
    if p == n {
        return Some((Pseudo::End, p, p));
    }
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    let c = b[p];
    match c {
        b'\\' => {
            return match (at(p + 1), at(p + 2)) {
                (b'\n', _) => Some((Pseudo::Continuation, p, p + 2)),
                (b'\r', b'\n') => Some((Pseudo::Continuation, p, p + 3)),
                _ => None,
            };
        }
        b'#' => {
            let end = b[p..]
                .iter()
                .position(|&x| x == b'\r' || x == b'\n')
                .map_or(n, |k| p + k);
            return Some((Pseudo::Comment, p, end));
        }
        _ => {}
    }
    let prefix = string_prefix(b, p);
    if let Some((k, q)) = prefix
        && at(p + k + 1) == q
        && at(p + k + 2) == q
    {
        return Some((Pseudo::Triple(q), p, p + k + 3));
    }
    if (c.is_ascii_digit() || c == b'.')
        && let Some(end) = number(b, p)
    {
        return Some((Pseudo::Number, p, end));
    }
    if c == b'\n' {
        return Some((Pseudo::Newline, p, p + 1));
    }
    if c == b'\r' && at(p + 1) == b'\n' {
        return Some((Pseudo::Newline, p, p + 2));
    }
    let op = operator_len(&b[p..]);
    if op > 0 {
        return Some((Pseudo::Operator, p, p + op));
    }
    if let Some((k, q)) = prefix
        && let Some(end) = cont_str(b, p + k + 1, q, memo)
    {
        return Some((Pseudo::ContStr(q), p, end));
    }
    let end = name_end(line, p);
    if end > p {
        return Some((Pseudo::Name, p, end));
    }
    None
}

/// `StringPrefix` followed by a quote at `p`: the prefix length and the quote.
fn string_prefix(b: &[u8], p: usize) -> Option<(usize, u8)> {
    for k in 0..=2 {
        match b.get(p + k).copied() {
            Some(q @ (b'\'' | b'"')) => {
                return valid_prefix(&b[p..p + k]).then_some((k, q));
            }
            Some(b'b' | b'B' | b'r' | b'R' | b'u' | b'U' | b'f' | b'F') => {}
            _ => return None,
        }
    }
    None
}

/// Is this one of `_all_string_prefixes()` (any case, any order of `br`/`fr`)?
fn valid_prefix(p: &[u8]) -> bool {
    let l = |i: usize| p[i].to_ascii_lowercase();
    match p.len() {
        0 => true,
        1 => matches!(l(0), b'b' | b'r' | b'u' | b'f'),
        2 => matches!(
            (l(0), l(1)),
            (b'b', b'r') | (b'r', b'b') | (b'f', b'r') | (b'r', b'f')
        ),
        _ => false,
    }
}

/// Positions of one line from which a `ContStr` body is known not to end on that line,
/// per quote character. tokenize.py's regex rescans the rest of the line for every
/// unterminated quote (quadratic on a line like `"\"\"\"...`); remembering the failed
/// positions keeps refvm linear with the same result.
#[derive(Default)]
pub struct ScanMemo {
    failed: Vec<u8>,
    used: bool,
}

impl ScanMemo {
    /// Forgets the previous line.
    pub fn reset(&mut self) {
        if self.used {
            self.failed.clear();
            self.used = false;
        }
    }

    fn is_failed(&self, i: usize, bit: u8) -> bool {
        self.failed.get(i).is_some_and(|f| f & bit != 0)
    }

    fn mark(&mut self, len: usize, i: usize, bit: u8) {
        if self.failed.len() < len {
            self.failed.resize(len, 0);
        }
        if let Some(f) = self.failed.get_mut(i) {
            *f |= bit;
        }
        self.used = true;
    }
}

/// One step of the `ContStr` body `[^\n'\\]*(?:\\.[^\n'\\]*)*` and its terminator
/// `('|\\\r?\n)` from an unescaped position.
enum Step {
    Found(usize),
    Fail,
    Next(usize),
}

fn cont_str_step(b: &[u8], i: usize, q: u8) -> Step {
    match b.get(i).copied() {
        None | Some(b'\n') => Step::Fail,
        Some(c) if c == q => Step::Found(i + 1),
        Some(b'\\') => match (b.get(i + 1).copied(), b.get(i + 2).copied()) {
            (None, _) => Step::Fail,
            (Some(b'\n'), _) => Step::Found(i + 2),
            // The regex first takes `\` + `\r` as an escape, then backtracks to end the
            // line with `\\\r\n`.
            (Some(b'\r'), Some(b'\n')) => Step::Found(i + 3),
            (Some(_), _) => Step::Next(i + 2),
        },
        Some(_) => Step::Next(i + 1),
    }
}

/// The first line of a `'` or `"` string after its opening quote at `start - 1`: its end,
/// after the closing quote or after a `\` + newline (the string goes on).
fn cont_str(b: &[u8], start: usize, q: u8, memo: &mut ScanMemo) -> Option<usize> {
    let bit = if q == b'\'' { 1 } else { 2 };
    let mut i = start;
    loop {
        if memo.is_failed(i, bit) {
            break;
        }
        match cont_str_step(b, i, q) {
            Step::Found(end) => return Some(end),
            Step::Fail => break,
            Step::Next(j) => i = j,
        }
    }
    let mut i = start;
    while !memo.is_failed(i, bit) && i < b.len() {
        memo.mark(b.len(), i, bit);
        match cont_str_step(b, i, q) {
            Step::Next(j) => i = j,
            _ => break,
        }
    }
    None
}

/// `Single`/`Double` from `start`: `[^q\\]*(?:\\.[^q\\]*)*q` (newlines allowed, `.` not).
pub fn single_end(b: &[u8], start: usize, q: u8) -> Option<usize> {
    let mut i = start;
    while i < b.len() {
        match b[i] {
            c if c == q => return Some(i + 1),
            b'\\' => match b.get(i + 1) {
                None | Some(b'\n') => return None,
                Some(_) => i += 2,
            },
            _ => i += 1,
        }
    }
    None
}

/// `Single3`/`Double3` from `start`: up to the first unescaped triple quote.
pub fn triple_end(b: &[u8], start: usize, q: u8) -> Option<usize> {
    let mut i = start;
    while i < b.len() {
        match b[i] {
            c if c == q => {
                if b.get(i + 1) == Some(&q) && b.get(i + 2) == Some(&q) {
                    return Some(i + 3);
                }
                i += 1;
            }
            b'\\' => match b.get(i + 1) {
                None | Some(b'\n') => return None,
                Some(_) => i += 2,
            },
            _ => i += 1,
        }
    }
    None
}

/// `\w+` from `p`: the end of the run of word characters (`p` when there is none).
pub fn name_end(line: &str, p: usize) -> usize {
    let b = line.as_bytes();
    let mut i = p;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_alphanumeric() || c == b'_' {
            i += 1;
        } else if c >= 0x80 {
            match line.get(i..).and_then(|s| s.chars().next()) {
                Some(ch) if is_alnum(u32::from(ch)) => i += ch.len_utf8(),
                _ => break,
            }
        } else {
            break;
        }
    }
    i
}

fn digit(b: &[u8], i: usize) -> bool {
    b.get(i).is_some_and(u8::is_ascii_digit)
}

/// `[0-9](?:_?[0-9])*`
fn digitpart(b: &[u8], i: usize) -> Option<usize> {
    if !digit(b, i) {
        return None;
    }
    Some(run_with_underscores(b, i + 1, |c| c.is_ascii_digit()))
}

/// `(?:_?[class])*` from `i`, greedy.
fn run_with_underscores(b: &[u8], mut i: usize, class: impl Fn(u8) -> bool) -> usize {
    loop {
        match b.get(i).copied() {
            Some(c) if class(c) => i += 1,
            Some(b'_') if b.get(i + 1).is_some_and(|&c| class(c)) => i += 2,
            _ => return i,
        }
    }
}

/// `[eE][-+]?[0-9](?:_?[0-9])*`
fn exponent(b: &[u8], i: usize) -> Option<usize> {
    if !matches!(b.get(i), Some(b'e' | b'E')) {
        return None;
    }
    let j = if matches!(b.get(i + 1), Some(b'-' | b'+')) {
        i + 2
    } else {
        i + 1
    };
    digitpart(b, j)
}

/// `Pointfloat`: `(digitpart \. digitpart? | \. digitpart) Exponent?`
fn pointfloat(b: &[u8], i: usize) -> Option<usize> {
    let base = match digitpart(b, i) {
        Some(e) if b.get(e) == Some(&b'.') => Some(digitpart(b, e + 1).unwrap_or(e + 1)),
        Some(_) => None,
        None if b.get(i) == Some(&b'.') => digitpart(b, i + 1),
        None => None,
    }?;
    Some(exponent(b, base).unwrap_or(base))
}

/// `Floatnumber`: `Pointfloat | Expfloat`.
fn floatnumber(b: &[u8], i: usize) -> Option<usize> {
    pointfloat(b, i).or_else(|| digitpart(b, i).and_then(|e| exponent(b, e)))
}

fn is_j(b: &[u8], i: usize) -> bool {
    matches!(b.get(i), Some(b'j' | b'J'))
}

/// `Number = group(Imagnumber, Floatnumber, Intnumber)`, the first alternative that
/// matches winning (not the longest).
pub fn number(b: &[u8], i: usize) -> Option<usize> {
    if let Some(e) = digitpart(b, i)
        && is_j(b, e)
    {
        return Some(e + 1);
    }
    if let Some(e) = floatnumber(b, i) {
        return Some(if is_j(b, e) { e + 1 } else { e });
    }
    if b.get(i) == Some(&b'0') {
        let radix: Option<fn(u8) -> bool> = match b.get(i + 1) {
            Some(b'x' | b'X') => Some(|c| c.is_ascii_hexdigit()),
            Some(b'b' | b'B') => Some(|c| c == b'0' || c == b'1'),
            Some(b'o' | b'O') => Some(|c| (b'0'..=b'7').contains(&c)),
            _ => None,
        };
        if let Some(class) = radix {
            let e = run_with_underscores(b, i + 2, class);
            if e > i + 2 {
                return Some(e);
            }
        }
        return Some(run_with_underscores(b, i + 1, |c| c == b'0'));
    }
    digitpart(b, i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(s: &str) -> Option<&str> {
        number(s.as_bytes(), 0).map(|e| &s[..e])
    }

    #[test]
    fn numbers_follow_the_regex_order() {
        assert_eq!(num("0777"), Some("0"));
        assert_eq!(num("1_000j"), Some("1_000j"));
        assert_eq!(num("1.e5j+"), Some("1.e5j"));
        assert_eq!(num("1e+x"), Some("1"));
        assert_eq!(num("0x_"), Some("0"));
        assert_eq!(num("0x_f"), Some("0x_f"));
        assert_eq!(num("0_0"), Some("0_0"));
        assert_eq!(num("1__0"), Some("1"));
        assert_eq!(num(".5e-3"), Some(".5e-3"));
        assert_eq!(num("."), None);
        assert_eq!(num("1.__"), Some("1."));
        assert_eq!(num("0b102"), Some("0b10"));
    }

    #[test]
    fn strings() {
        let m = &mut ScanMemo::default();
        assert_eq!(cont_str(b"'ab\\'c' x", 1, b'\'', m), Some(7));
        assert_eq!(cont_str(b"'ab\\\n", 1, b'\'', m), Some(5));
        assert_eq!(cont_str(b"'ab\\\r\n", 1, b'\'', m), Some(6));
        assert_eq!(cont_str(b"'ab\n", 1, b'\'', m), None);
        assert_eq!(cont_str(b"'ab\n", 1, b'\'', m), None);
        m.reset();
        assert_eq!(cont_str(b"'ab\\\rc'", 1, b'\'', m), Some(7));
        assert_eq!(triple_end(b"ab'''' ", 0, b'\''), Some(5));
        assert_eq!(triple_end(b"ab\\''''", 0, b'\''), Some(7));
        assert_eq!(single_end(b"a\nb'", 0, b'\''), Some(4));
        assert_eq!(string_prefix(b"Rb'", 0), Some((2, b'\'')));
        assert_eq!(string_prefix(b"ub'", 0), None);
        assert_eq!(string_prefix(b"bu'", 0), None);
    }

    fn pt(line: &str, pos: usize) -> Option<(Pseudo, usize, usize)> {
        pseudo_token(line, pos, &mut ScanMemo::default())
    }

    #[test]
    fn pseudo_alternatives() {
        assert_eq!(pt("  x", 0), Some((Pseudo::Name, 2, 3)));
        assert_eq!(pt("   ", 0), Some((Pseudo::End, 3, 3)));
        assert_eq!(pt(" $", 0), None);
        assert_eq!(pt("\r", 0), None);
        assert_eq!(pt("\\\r\n", 0), Some((Pseudo::Continuation, 0, 3)));
        assert_eq!(pt("rb'''x", 0), Some((Pseudo::Triple(b'\''), 0, 5)));
        assert_eq!(pt("rb'x", 0), Some((Pseudo::Name, 0, 2)));
        assert_eq!(pt("é2", 0), Some((Pseudo::Name, 0, 3)));
        assert_eq!(pt("...", 0), Some((Pseudo::Operator, 0, 3)));
    }
}
