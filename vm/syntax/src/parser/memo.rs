//! The memo of pegen's `(memo)` rules: a per-token index of dense rows (pegen hangs a list off
//! each token), results kept only when a rule is asked for twice at one position, and a
//! fast hasher for the parser's other small tables.

use super::{CallArgs, Rule};
use crate::ast::{self, Expr, Identifier};
use std::collections::HashMap;

/// Memoised rule results (pegen memoises these rules; the cache makes backtracking cheap).
#[derive(Clone)]
pub(crate) enum Memo {
    Expr(Option<Expr>),
    Stmt(Option<ast::Stmt>),
    Stmts(Option<Vec<ast::Stmt>>),
    Pattern(Option<ast::Pattern>),
    Args(Option<CallArgs>),
    Name(Option<Identifier>),
    Unit(Option<()>),
}

/// A rule result that can be memoised.
pub(crate) trait MemoValue: Sized + Clone {
    fn wrap(v: Option<Self>) -> Memo;
    fn unwrap(m: &Memo) -> Option<Option<Self>>;
}

macro_rules! memo_value {
    ($t:ty, $v:ident) => {
        impl MemoValue for $t {
            fn wrap(v: Option<Self>) -> Memo {
                Memo::$v(v)
            }
            fn unwrap(m: &Memo) -> Option<Option<Self>> {
                match m {
                    Memo::$v(v) => Some(v.clone()),
                    _ => None,
                }
            }
        }
    };
}
memo_value!(Expr, Expr);
memo_value!(ast::Stmt, Stmt);
memo_value!(Vec<ast::Stmt>, Stmts);
memo_value!(ast::Pattern, Pattern);
memo_value!(CallArgs, Args);
memo_value!(Identifier, Name);
memo_value!((), Unit);

/// Room per token in the index: one slot per memoised rule.
const NRULES: usize = Rule::COUNT;

/// Index values below `FIRST_SLOT` are states, not slots.
const ABSENT: u32 = 0;
const FAILED: u32 = 1;
/// Seen to succeed once, result not kept.
const SUCCEEDED: u32 = 2;
const FIRST_SLOT: u32 = 3;
/// Index values from `REPLAYED` up: replayed inside the replay epoch `v - REPLAYED` (see
/// [`MemoTable::store`]), result not kept. Slots stay below it.
const REPLAYED: u32 = 0x8000_0000;
/// Epochs wrap below this (an old epoch taken for the current one only keeps a result).
pub(crate) const EPOCH_MASK: u32 = REPLAYED - 1;

/// When a success is kept.
#[derive(Clone, Copy)]
pub(crate) enum Keep {
    /// On the second request at the position (see [`MemoTable`]).
    Twice,
    /// At once: for rules whose result costs more to recompute than to copy (`strings`
    /// decodes every literal).
    Now,
    /// On the second request, as a reference to `lower`'s entry at the same position
    /// when that one ends at the same token: for pass-through rules (`disjunction`,
    /// `conjunction`...) whose result, ending there, is `lower`'s result itself. A chain
    /// of them then holds one copy of the tree rather than one per rule.
    Chain(Rule),
}

/// A kept result: the value, or the rule whose entry at the same position holds it.
enum Kept {
    Value(Memo),
    Alias(Rule),
}

/// Cloning a subtree into the memo on every success costs more than the rare re-parse it
/// saves (and is quadratic in the nesting), so a success is first only noted
/// (`SUCCEEDED`); when the rule is asked for at the same position again it runs once more
/// (a replay) and that result is kept. Failures are noted at once (they carry no tree).
///
/// A replay asks the rules below it again, and they replay too: keeping each of their
/// results would clone the subtree at every level of a deep chain (`- - - ... 1`), a
/// quadratic cost. So a replay nested in another one (same epoch: the outermost replay
/// running) keeps nothing the first time, only noting `REPLAYED + epoch`; its result
/// is part of the outer replay's, which is kept. Asked again within the same epoch, it
/// keeps its result. Each (position, rule) body thus runs at most twice per epoch, and an
/// epoch ends with its outermost result kept, which keeps pegen's linear-time bound.
pub(crate) struct MemoTable {
    /// Per position: 0, or 1 + the index in `rows` of its row. Rows are made when a
    /// rule is first noted at a position, so memory (and zeroing) follows the positions
    /// rules are asked for, not `tokens * NRULES`.
    index: Vec<u32>,
    /// Per row, per rule: a state or `FIRST_SLOT + index into kept`.
    rows: Vec<[u32; NRULES]>,
    kept: Vec<(u32, Kept)>,
}

/// What the memo knows of a rule at a position.
pub(crate) enum Lookup<T> {
    /// Run the rule.
    Run,
    /// Run the rule again: it succeeded here before but its result was not kept. pegen
    /// would answer from its memo, charging one level and going no deeper, so the
    /// parser replays it without the MAXSTACK check.
    Replay,
    /// The rule's result and where it ends.
    Hit(usize, Option<T>),
}

impl MemoTable {
    pub fn new(ntokens: usize) -> Self {
        MemoTable {
            index: vec![0; ntokens + 1],
            rows: Vec::with_capacity(ntokens / 2 + 16),
            // About one kept result per two tokens: reserved, so that growing never
            // copies the kept trees.
            kept: Vec::with_capacity(ntokens / 2 + 16),
        }
    }

    pub fn clear(&mut self) {
        self.index.fill(0);
        self.rows.clear();
        self.kept.clear();
    }

    #[inline]
    fn at(&self, pos: usize, rule: Rule) -> u32 {
        match self.index.get(pos) {
            Some(&r) if r != 0 => self
                .rows
                .get(r as usize - 1)
                .map_or(ABSENT, |row| row[rule as usize]),
            _ => ABSENT,
        }
    }

    #[inline]
    fn set(&mut self, pos: usize, rule: Rule, v: u32) {
        let Some(r) = self.index.get_mut(pos) else {
            return;
        };
        if *r == 0 {
            self.rows.push([ABSENT; NRULES]);
            *r = self.rows.len() as u32;
        }
        if let Some(row) = self.rows.get_mut(*r as usize - 1) {
            row[rule as usize] = v;
        }
    }

    /// The memoised result of `rule` at `pos`, if any.
    #[inline]
    pub fn lookup<T: MemoValue>(&self, pos: usize, rule: Rule) -> Lookup<T> {
        let mut v = self.at(pos, rule);
        // Aliases point to rules lower in the chain: a bounded walk.
        for _ in 0..NRULES {
            match v {
                ABSENT => return Lookup::Run,
                SUCCEEDED => return Lookup::Replay,
                FAILED => return Lookup::Hit(pos, None),
                _ if v >= REPLAYED => return Lookup::Replay,
                _ => {}
            }
            match self.kept.get((v - FIRST_SLOT) as usize) {
                Some((end, Kept::Value(m))) => {
                    return match T::unwrap(m) {
                        Some(r) => Lookup::Hit(*end as usize, r),
                        None => Lookup::Run,
                    };
                }
                Some((_, Kept::Alias(lower))) => v = self.at(pos, *lower),
                None => return Lookup::Run,
            }
        }
        Lookup::Run
    }

    /// Has nothing been noted for `rule` at `pos`?
    #[inline]
    pub fn is_absent(&self, pos: usize, rule: Rule) -> bool {
        self.at(pos, rule) == ABSENT
    }

    /// Keeps `v`, a success of `rule` at `pos` ending at `end`, at once.
    pub fn keep_now<T: MemoValue>(&mut self, pos: usize, rule: Rule, end: usize, v: T) {
        self.keep(pos, rule, end as u32, Kept::Value(T::wrap(Some(v))));
    }

    /// Where the result kept for `rule` at `pos` ends, if one is kept.
    fn kept_end(&self, pos: usize, rule: Rule) -> Option<u32> {
        let v = self.at(pos, rule);
        if !(FIRST_SLOT..REPLAYED).contains(&v) {
            return None;
        }
        self.kept.get((v - FIRST_SLOT) as usize).map(|k| k.0)
    }

    fn keep(&mut self, pos: usize, rule: Rule, end: u32, k: Kept) {
        let Ok(i) = u32::try_from(self.kept.len()) else {
            return;
        };
        if i >= REPLAYED - FIRST_SLOT {
            return;
        }
        self.kept.push((end, k));
        self.set(pos, rule, FIRST_SLOT + i);
    }

    /// Records the result of `rule` at `start`, ending at `end`; `alias_ok` allows a
    /// [`Keep::Chain`] reference (off in the second pass, where `invalid_*` alternatives
    /// break the pass-through property); `nested` is the epoch when this run was a replay
    /// nested in another replay.
    #[inline]
    #[allow(clippy::too_many_arguments)]
    pub fn store<T: MemoValue>(
        &mut self,
        start: usize,
        rule: Rule,
        end: usize,
        r: &Option<T>,
        keep: Keep,
        alias_ok: bool,
        nested: Option<u32>,
    ) {
        let Some(v) = r else {
            self.set(start, rule, FAILED);
            return;
        };
        let end = end as u32;
        let lower = match keep {
            Keep::Now => None,
            Keep::Twice | Keep::Chain(_) => {
                let state = self.at(start, rule);
                if state == ABSENT {
                    self.set(start, rule, SUCCEEDED);
                    return;
                }
                if let Some(epoch) = nested {
                    let mark = REPLAYED + (epoch & EPOCH_MASK);
                    if state != mark {
                        self.set(start, rule, mark);
                        return;
                    }
                }
                match keep {
                    Keep::Chain(lower) => Some(lower),
                    _ => None,
                }
            }
        };
        // Asked for a second time (or kept at once): keep the result now.
        if let Some(lower) = lower.filter(|_| alias_ok) {
            if self.kept_end(start, lower) == Some(end) {
                self.keep(start, rule, end, Kept::Alias(lower));
                return;
            }
        }
        self.keep(start, rule, end, Kept::Value(T::wrap(Some(v.clone()))));
    }
}

/// A fast hasher for the parser's small keys (identifier bytes): the FxHash
/// multiply-rotate scheme. Not DoS-resistant, which these per-parse tables don't need.
#[derive(Default, Clone, Copy)]
pub(crate) struct FastHasher(u64);

const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FastHasher {
    #[inline]
    fn add(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(FX_SEED);
    }
}

impl std::hash::Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A `HashMap` with [`FastHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<FastHasher>>;

#[cfg(test)]
mod tests {
    use crate::{ast, parse_module};
    use std::io::Write;
    use std::process::{Command, Stdio};

    fn cpython_dump(src: &str) -> String {
        let mut child = Command::new("timeout")
            .args(["30", "python3", "-c"])
            .arg("import ast,sys; print(ast.dump(ast.parse(sys.stdin.read()), indent=1, include_attributes=True))")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("python3 on PATH");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(src.as_bytes())
            .expect("write");
        let out = child.wait_with_output().expect("python3");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Inputs that make the parser ask for memoised rules again at one position
    /// (genexp vs call arguments, assignment targets vs expressions, `if` alternatives,
    /// chains of pass-through rules) parse to CPython's tree.
    #[test]
    fn repeated_rules_parse_like_cpython() {
        let src = "f(a, b)(c)[d].e = g(x for x in y)\n\
                   if a if b else c: pass\nelif not d: h(i)(j)\nelse: k[l](m)\n\
                   x = -(a or b and not c) ** await_ if z else lambda: 0\n\
                   print(*a, **k)\n[a, *b] = c\ndel a.b, c[d]\n\
                   with (a, b) as c, d(e): f((g))\n\
                   match p:\n case [1, *r] | {'k': (2 | 3)}: q(r)\n";
        let m = parse_module(src.as_bytes(), "<unknown>").expect("parses");
        assert_eq!(ast::dump(&m) + "\n", cpython_dump(src));
    }
}
