//! The memo of pegen's `(memo)` rules: a dense per-token index (pegen hangs a list off
//! each token), results kept only when a rule is asked for twice at one position, and a
//! fast hasher for the parser's other small tables.

use super::{Parser, Rule};
use crate::ast::{self, Expr, Location};
use std::collections::HashMap;

/// Memoised rule results (pegen memoises these rules; the cache makes backtracking cheap).
#[derive(Clone)]
pub(crate) enum Memo {
    Expr(Option<Expr>),
    Stmt(Option<ast::Stmt>),
    Stmts(Option<Vec<ast::Stmt>>),
    Pattern(Option<ast::Pattern>),
    Args(Option<(Vec<Expr>, Vec<ast::Keyword>, Location)>),
}

/// A rule result type the memo can hold.
pub(crate) trait Memoable: Clone {
    fn wrap(v: Option<Self>) -> Memo;
}

impl Memoable for Expr {
    fn wrap(v: Option<Self>) -> Memo {
        Memo::Expr(v)
    }
}

impl Memoable for ast::Stmt {
    fn wrap(v: Option<Self>) -> Memo {
        Memo::Stmt(v)
    }
}

impl Memoable for Vec<ast::Stmt> {
    fn wrap(v: Option<Self>) -> Memo {
        Memo::Stmts(v)
    }
}

impl Memoable for ast::Pattern {
    fn wrap(v: Option<Self>) -> Memo {
        Memo::Pattern(v)
    }
}

impl Memoable for (Vec<Expr>, Vec<ast::Keyword>, Location) {
    fn wrap(v: Option<Self>) -> Memo {
        Memo::Args(v)
    }
}

/// Room per token in the index; a rule numbered past it is simply not memoised (the memo
/// only saves work, it never changes a result).
const NRULES: usize = 20;
const _: () = assert!((Rule::Strings as usize) < NRULES);

/// Index values below `FIRST_SLOT` are states, not slots.
const ABSENT: u32 = 0;
const FAILED: u32 = 1;
/// Seen to succeed once, result not kept.
const SUCCEEDED: u32 = 2;
const FIRST_SLOT: u32 = 3;

/// A kept result: where it ends, and the result or the rule holding it.
enum Kept {
    Value(Memo),
    /// The rule whose entry at the same position holds this very result.
    Alias(Rule),
}

/// Cloning a subtree into the memo on every success costs more than the rare re-parse it
/// saves, so a success is first only noted (`SUCCEEDED`); when the rule is asked for at the
/// same position again it runs once more and that result is kept. Each (position, rule)
/// body thus runs at most twice, which keeps pegen's linear-time bound up to a factor of
/// two. Failures are noted at once (they carry no tree).
pub(crate) struct MemoTable {
    /// `(position * NRULES + rule)` → a state or `FIRST_SLOT + index into kept`.
    index: Vec<u32>,
    kept: Vec<(u32, Kept)>,
}

impl MemoTable {
    pub fn new(ntokens: usize) -> Self {
        MemoTable {
            index: vec![ABSENT; (ntokens + 1) * NRULES],
            kept: Vec::new(),
        }
    }

    pub fn clear(&mut self) {
        self.index.fill(ABSENT);
        self.kept.clear();
    }

    #[inline]
    fn at(&self, pos: usize, rule: Rule) -> u32 {
        if (rule as usize) >= NRULES {
            return ABSENT;
        }
        self.index
            .get(pos * NRULES + rule as usize)
            .copied()
            .unwrap_or(ABSENT)
    }

    #[inline]
    fn set(&mut self, pos: usize, rule: Rule, v: u32) {
        if (rule as usize) >= NRULES {
            return;
        }
        if let Some(e) = self.index.get_mut(pos * NRULES + rule as usize) {
            *e = v;
        }
    }

    fn keep(&mut self, pos: usize, rule: Rule, end: u32, k: Kept) {
        let Ok(i) = u32::try_from(self.kept.len()) else {
            return;
        };
        if i >= u32::MAX - FIRST_SLOT {
            return;
        }
        self.kept.push((end, k));
        self.set(pos, rule, FIRST_SLOT + i);
    }

    /// The end of `rule`'s kept result at `pos`, if one is kept.
    fn kept_end(&self, pos: usize, rule: Rule) -> Option<u32> {
        let v = self.at(pos, rule);
        (v >= FIRST_SLOT).then(|| self.kept[(v - FIRST_SLOT) as usize].0)
    }
}

impl Parser<'_> {
    /// A memoised result of `rule` at the current mark: moves the mark past it. `None`
    /// when the rule has to run: never seen here, or seen to succeed once.
    #[inline]
    pub fn memo_get(&mut self, rule: Rule) -> Option<Memo> {
        let mut rule = rule;
        loop {
            match self.memo.at(self.mark, rule) {
                ABSENT | SUCCEEDED => return None,
                FAILED => return Some(failed(rule)),
                v => match &self.memo.kept[(v - FIRST_SLOT) as usize] {
                    (end, Kept::Value(m)) => {
                        self.mark = *end as usize;
                        return Some(m.clone());
                    }
                    (_, Kept::Alias(lower)) => rule = *lower,
                },
            }
        }
    }

    /// Records the result of `rule` at `start` (the parser's mark is where it ended).
    #[inline]
    pub fn memo_put<T: Memoable>(&mut self, start: usize, rule: Rule, r: &Option<T>) {
        self.memo_store(start, rule, r, None);
    }

    /// [`Parser::memo_put`] that keeps a success at once: for rules whose result costs
    /// more to recompute than to copy (`strings` decodes every literal).
    #[inline]
    pub fn memo_keep<T: Memoable>(&mut self, start: usize, rule: Rule, r: &Option<T>) {
        match r {
            None => self.memo.set(start, rule, FAILED),
            Some(v) => {
                let end = self.mark as u32;
                self.memo
                    .keep(start, rule, end, Kept::Value(T::wrap(Some(v.clone()))));
            }
        }
    }

    /// [`Parser::memo_put`] for a rule whose result, when it ends where `lower`'s result
    /// at the same start ends, is that very result passed through (`disjunction` and
    /// `conjunction`, say): the memo then refers to `lower`'s entry instead of holding a
    /// second copy of the tree.
    #[inline]
    pub fn memo_put_chain<T: Memoable>(
        &mut self,
        start: usize,
        rule: Rule,
        r: &Option<T>,
        lower: Rule,
    ) {
        self.memo_store(start, rule, r, Some(lower));
    }

    fn memo_store<T: Memoable>(
        &mut self,
        start: usize,
        rule: Rule,
        r: &Option<T>,
        lower: Option<Rule>,
    ) {
        let Some(v) = r else {
            self.memo.set(start, rule, FAILED);
            return;
        };
        if self.memo.at(start, rule) == ABSENT {
            self.memo.set(start, rule, SUCCEEDED);
            return;
        }
        // Asked for a second time: keep the result now.
        let end = self.mark as u32;
        let alias = lower
            .filter(|_| !self.call_invalid_rules)
            .filter(|l| self.memo.kept_end(start, *l) == Some(end));
        let k = match alias {
            Some(l) => Kept::Alias(l),
            None => Kept::Value(T::wrap(Some(v.clone()))),
        };
        self.memo.keep(start, rule, end, k);
    }
}

/// The memoised failure of `rule` (its result type's `None`).
fn failed(rule: Rule) -> Memo {
    match rule {
        Rule::SimpleStmt => Memo::Stmt(None),
        Rule::Block => Memo::Stmts(None),
        Rule::ClosedPattern | Rule::StarPattern => Memo::Pattern(None),
        Rule::Arguments => Memo::Args(None),
        Rule::Expression
        | Rule::Disjunction
        | Rule::Conjunction
        | Rule::Inversion
        | Rule::Factor
        | Rule::AwaitPrimary
        | Rule::StarExpression
        | Rule::StarTarget
        | Rule::TargetWithStarAtom
        | Rule::TPrimary
        | Rule::DelTarget
        | Rule::Strings => Memo::Expr(None),
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
