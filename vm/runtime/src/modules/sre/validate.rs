//! `_validate` of `Modules/_sre/sre.c`: the structural check `_sre.compile` runs on a
//! code list before any match, so malformed code is refused up front with
//! RuntimeError("invalid SRE code"). Nesting is bounded (`MAX_DEPTH`) so hand-made code
//! cannot overflow the Rust stack.

use super::engine::op;

/// Deepest nesting of sub-codes accepted (far beyond what `re._compiler` produces under
/// the default recursion limit).
const MAX_DEPTH: u32 = 2000;

struct V<'a> {
    code: &'a [u32],
    groups: u64,
}

type Res<T> = Result<T, ()>;

impl V<'_> {
    fn get(&self, pos: &mut i64, end: i64) -> Res<u32> {
        if *pos >= end || *pos < 0 {
            return Err(());
        }
        let v = *self.code.get(*pos as usize).ok_or(())?;
        *pos += 1;
        Ok(v)
    }
    /// `GET_SKIP_ADJ(adj)`.
    fn skip(&self, pos: &mut i64, end: i64, adj: i64) -> Res<i64> {
        if *pos >= end || *pos < 0 {
            return Err(());
        }
        let skip = i64::from(*self.code.get(*pos as usize).ok_or(())?);
        if skip - adj < 0 || skip - adj > end - *pos {
            return Err(());
        }
        *pos += 1;
        Ok(skip)
    }
    fn at(&self, i: i64) -> Res<u32> {
        if i < 0 {
            return Err(());
        }
        self.code.get(i as usize).copied().ok_or(())
    }

    fn charset(&self, mut pos: i64, end: i64) -> Res<()> {
        while pos < end {
            match self.get(&mut pos, end)? {
                op::NEGATE => {}
                op::LITERAL => {
                    self.get(&mut pos, end)?;
                }
                op::RANGE | op::RANGE_UNI_IGNORE => {
                    self.get(&mut pos, end)?;
                    self.get(&mut pos, end)?;
                }
                op::CHARSET => {
                    if 8 > end - pos {
                        return Err(());
                    }
                    pos += 8;
                }
                op::BIGCHARSET => {
                    let n = self.get(&mut pos, end)?;
                    if 64 > end - pos {
                        return Err(());
                    }
                    for k in 0..64 {
                        let w = self.at(pos + k)?;
                        if w.to_ne_bytes().iter().any(|&b| u32::from(b) >= n) {
                            return Err(());
                        }
                    }
                    pos += 64;
                    let off = i64::from(n) * 8;
                    if off > end - pos {
                        return Err(());
                    }
                    pos += off;
                }
                op::CATEGORY => {
                    if self.get(&mut pos, end)? > 17 {
                        return Err(());
                    }
                }
                _ => return Err(()),
            }
        }
        Ok(())
    }

    /// `_validate_inner`: `Ok(true)` when the last op is JUMP.
    fn inner(&self, mut pos: i64, end: i64, depth: u32) -> Res<bool> {
        if pos > end || depth > MAX_DEPTH {
            return Err(());
        }
        let d = depth + 1;
        while pos < end {
            let o = self.get(&mut pos, end)?;
            match o {
                op::MARK => {
                    if u64::from(self.get(&mut pos, end)?) > 2 * self.groups + 1 {
                        return Err(());
                    }
                }
                op::LITERAL
                | op::NOT_LITERAL
                | op::LITERAL_IGNORE
                | op::NOT_LITERAL_IGNORE
                | op::LITERAL_UNI_IGNORE
                | op::NOT_LITERAL_UNI_IGNORE
                | op::LITERAL_LOC_IGNORE
                | op::NOT_LITERAL_LOC_IGNORE => {
                    self.get(&mut pos, end)?;
                }
                op::SUCCESS | op::FAILURE | op::ANY | op::ANY_ALL => {}
                op::AT => {
                    if self.get(&mut pos, end)? > 11 {
                        return Err(());
                    }
                }
                op::IN | op::IN_IGNORE | op::IN_UNI_IGNORE | op::IN_LOC_IGNORE => {
                    let skip = self.skip(&mut pos, end, 0)?;
                    self.charset(pos, pos + skip - 2)?;
                    if self.at(pos + skip - 2)? != op::FAILURE {
                        return Err(());
                    }
                    pos += skip - 1;
                }
                op::INFO => {
                    let skip = self.skip(&mut pos, end, 0)?;
                    let newcode = pos + skip - 1;
                    let flags = self.get(&mut pos, end)?;
                    self.get(&mut pos, end)?;
                    self.get(&mut pos, end)?;
                    if flags & !7 != 0 || (flags & 1 != 0 && flags & 4 != 0) {
                        return Err(());
                    }
                    if flags & 2 != 0 && flags & 1 == 0 {
                        return Err(());
                    }
                    if flags & 1 != 0 {
                        let plen = i64::from(self.get(&mut pos, end)?);
                        self.get(&mut pos, end)?;
                        if plen > newcode - pos {
                            return Err(());
                        }
                        pos += plen;
                        if plen > newcode - pos {
                            return Err(());
                        }
                        for i in 0..plen {
                            if i64::from(self.at(pos + i)?) >= plen {
                                return Err(());
                            }
                        }
                        pos += plen;
                    }
                    if flags & 4 != 0 {
                        self.charset(pos, newcode - 1)?;
                        if self.at(newcode - 1)? != op::FAILURE {
                            return Err(());
                        }
                        pos = newcode;
                    } else if pos != newcode {
                        return Err(());
                    }
                }
                op::BRANCH => {
                    let mut target: Option<i64> = None;
                    loop {
                        let skip = self.skip(&mut pos, end, 0)?;
                        if skip == 0 {
                            break;
                        }
                        self.inner(pos, pos + skip - 3, d)?;
                        pos += skip - 3;
                        if self.get(&mut pos, end)? != op::JUMP {
                            return Err(());
                        }
                        let s2 = self.skip(&mut pos, end, 0)?;
                        let t = pos + s2 - 1;
                        match target {
                            None => target = Some(t),
                            Some(x) if x != t => return Err(()),
                            _ => {}
                        }
                    }
                    if Some(pos) != target {
                        return Err(());
                    }
                }
                op::REPEAT_ONE | op::MIN_REPEAT_ONE | op::POSSESSIVE_REPEAT_ONE => {
                    let skip = self.skip(&mut pos, end, 0)?;
                    let min = self.get(&mut pos, end)?;
                    let max = self.get(&mut pos, end)?;
                    if min > max {
                        return Err(());
                    }
                    self.inner(pos, pos + skip - 4, d)?;
                    pos += skip - 4;
                    if self.get(&mut pos, end)? != op::SUCCESS {
                        return Err(());
                    }
                }
                op::REPEAT | op::POSSESSIVE_REPEAT => {
                    let skip = self.skip(&mut pos, end, 0)?;
                    let min = self.get(&mut pos, end)?;
                    let max = self.get(&mut pos, end)?;
                    if min > max {
                        return Err(());
                    }
                    self.inner(pos, pos + skip - 3, d)?;
                    pos += skip - 3;
                    let last = self.get(&mut pos, end)?;
                    let ok = if o == op::POSSESSIVE_REPEAT {
                        last == op::SUCCESS
                    } else {
                        last == op::MAX_UNTIL || last == op::MIN_UNTIL
                    };
                    if !ok {
                        return Err(());
                    }
                }
                op::ATOMIC_GROUP => {
                    let skip = self.skip(&mut pos, end, 0)?;
                    self.inner(pos, pos + skip - 2, d)?;
                    pos += skip - 2;
                    if self.get(&mut pos, end)? != op::SUCCESS {
                        return Err(());
                    }
                }
                op::GROUPREF
                | op::GROUPREF_IGNORE
                | op::GROUPREF_UNI_IGNORE
                | op::GROUPREF_LOC_IGNORE => {
                    if u64::from(self.get(&mut pos, end)?) >= self.groups {
                        return Err(());
                    }
                }
                op::GROUPREF_EXISTS => {
                    if u64::from(self.get(&mut pos, end)?) >= self.groups {
                        return Err(());
                    }
                    let skip = self.skip(&mut pos, end, 1)?;
                    pos -= 1;
                    let mut skip = skip;
                    let mut jumped = self.inner(pos + 1, pos + skip - 1, d)?;
                    if jumped {
                        pos += skip - 2;
                        skip = self.skip(&mut pos, end, 0)?;
                        jumped = self.inner(pos, pos + skip - 1, d)?;
                    }
                    if jumped {
                        return Err(());
                    }
                    pos += skip - 1;
                }
                op::ASSERT | op::ASSERT_NOT => {
                    let skip = self.skip(&mut pos, end, 0)?;
                    let arg = self.get(&mut pos, end)?;
                    pos -= 1;
                    if arg & 0x8000_0000 != 0 {
                        return Err(());
                    }
                    self.inner(pos + 1, pos + skip - 2, d)?;
                    pos += skip - 2;
                    if self.get(&mut pos, end)? != op::SUCCESS {
                        return Err(());
                    }
                }
                op::JUMP => {
                    if pos + 1 != end {
                        return Err(());
                    }
                    return Ok(true);
                }
                _ => return Err(()),
            }
        }
        Ok(false)
    }
}

/// `_validate_outer`: is `code` well formed for `groups` capture groups?
pub fn validate(code: &[u32], groups: i64) -> bool {
    if !(0..=super::MAXGROUPS).contains(&groups) || code.last() != Some(&op::SUCCESS) {
        return false;
    }
    let v = V {
        code,
        groups: groups as u64,
    };
    v.inner(0, code.len() as i64 - 1, 0).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::modules::sre::engine::MAXREPEAT;

    #[test]
    fn accepts_compiled_and_refuses_malformed() {
        // (a)|b and (?:ab)*c as CPython 3.11 compiles them.
        let a = [
            14, 4, 0, 1, 1, 7, 9, 17, 0, 16, 97, 17, 1, 15, 7, 5, 16, 98, 15, 2, 0, 1,
        ];
        assert!(validate(&a, 1));
        // CPython accepts marks up to 2 * groups + 1 (the engine keeps room for them).
        assert!(validate(&a, 0));
        assert!(!validate(&[17, 2, 1], 0));
        let b = [
            14, 4, 0, 1, MAXREPEAT, 23, 7, 0, MAXREPEAT, 16, 97, 16, 98, 18, 16, 99, 1,
        ];
        assert!(validate(&b, 0));
        for bad in [
            &[][..],
            &[0][..],
            &[99, 1][..],
            &[16, 1][..],
            &[7, 100, 1][..],
            &[23, 3, 2, 1, 1][..],
        ] {
            assert!(!validate(bad, 0), "{bad:?}");
        }
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        // 100 000 nested ATOMIC_GROUPs.
        let n = 100_000usize;
        let mut code = Vec::new();
        for i in 0..n {
            code.push(op::ATOMIC_GROUP);
            code.push((2 * (n - i) + 1) as u32);
        }
        code.extend(std::iter::repeat_n(op::SUCCESS, n));
        code.push(op::SUCCESS);
        assert!(!validate(&code, 0));
    }
}
