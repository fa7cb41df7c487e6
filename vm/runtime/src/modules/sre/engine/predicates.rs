//! The matcher's single-position tests (`sre_lib.h`): anchors (`SRE(at)`), character
//! sets (`SRE(charset)`) and counting a single-character repeat (`SRE(count)`).

use super::*;

impl<S: ?Sized + Chars> State<'_, S> {
    /// `SRE(at)`.
    pub(super) fn at(&self, ptr: isize, code: u32) -> bool {
        let (beg, end) = (0isize, self.end);
        let word = |f: fn(u32) -> bool| -> (bool, bool) {
            let that = ptr > beg && f(self.ch(ptr - 1));
            let this = ptr < end && f(self.ch(ptr));
            (this, that)
        };
        match code {
            at::BEGINNING | at::BEGINNING_STRING => ptr == beg,
            at::BEGINNING_LINE => ptr == beg || chars::is_linebreak(self.ch(ptr - 1)),
            at::END => (end - ptr == 1 && chars::is_linebreak(self.ch(ptr))) || ptr == end,
            at::END_LINE => ptr == end || chars::is_linebreak(self.ch(ptr)),
            at::END_STRING => ptr == end,
            at::BOUNDARY | at::NON_BOUNDARY => {
                if beg == end {
                    return false;
                }
                let (a, b) = word(chars::is_word);
                (a != b) == (code == at::BOUNDARY)
            }
            at::LOC_BOUNDARY | at::LOC_NON_BOUNDARY => {
                if beg == end {
                    return false;
                }
                let (a, b) = word(chars::is_loc_word);
                (a != b) == (code == at::LOC_BOUNDARY)
            }
            at::UNI_BOUNDARY | at::UNI_NON_BOUNDARY => {
                if beg == end {
                    return false;
                }
                let (a, b) = word(chars::is_uni_word);
                (a != b) == (code == at::UNI_BOUNDARY)
            }
            _ => false,
        }
    }

    /// `SRE(charset)`: is `ch` in the set starting at `set`?
    pub(super) fn charset(&self, mut set: usize, ch: u32) -> R<bool> {
        let mut ok = true;
        loop {
            let o = self.c(set)?;
            set += 1;
            match o {
                op::FAILURE => return Ok(!ok),
                op::LITERAL => {
                    if ch == self.c(set)? {
                        return Ok(ok);
                    }
                    set += 1;
                }
                op::CATEGORY => {
                    if chars::category(self.c(set)?, ch) {
                        return Ok(ok);
                    }
                    set += 1;
                }
                op::CHARSET => {
                    if ch < 256 && self.c(set + (ch as usize) / 32)? & (1u32 << (ch & 31)) != 0 {
                        return Ok(ok);
                    }
                    set += 8;
                }
                op::RANGE => {
                    if self.c(set)? <= ch && ch <= self.c(set + 1)? {
                        return Ok(ok);
                    }
                    set += 2;
                }
                op::RANGE_UNI_IGNORE => {
                    let (lo, hi) = (self.c(set)?, self.c(set + 1)?);
                    if lo <= ch && ch <= hi {
                        return Ok(ok);
                    }
                    let u = chars::upper_unicode(ch);
                    if lo <= u && u <= hi {
                        return Ok(ok);
                    }
                    set += 2;
                }
                op::NEGATE => ok = !ok,
                op::BIGCHARSET => {
                    let count = self.c(set)? as usize;
                    set += 1;
                    let block = if ch < 0x10000 {
                        let k = (ch >> 8) as usize;
                        let w = self.c(set + k / 4)?;
                        // Block indices are bytes in the words' native order.
                        let bytes = w.to_ne_bytes();
                        Some(bytes[k % 4] as usize)
                    } else {
                        None
                    };
                    set += 64;
                    if let Some(b) = block {
                        let bit = b * 256 + (ch & 255) as usize;
                        if self.c(set + bit / 32)? & (1u32 << (bit & 31)) != 0 {
                            return Ok(ok);
                        }
                    }
                    set = set
                        .checked_add(count.checked_mul(8).ok_or(SreError::Illegal)?)
                        .ok_or(SreError::Illegal)?;
                }
                _ => return Ok(false),
            }
        }
    }

    /// `SRE(charset_loc_ignore)`.
    pub(super) fn charset_loc_ignore(&self, set: usize, ch: u32) -> R<bool> {
        let lo = chars::lower_locale(ch);
        if self.charset(set, lo)? {
            return Ok(true);
        }
        let up = chars::upper_locale(ch);
        Ok(up != lo && self.charset(set, up)?)
    }

    /// `SRE(count)`: how many times the single-width item at `pc` matches from
    /// `self.ptr`, at most `maxcount`.
    pub(super) fn count(&mut self, pc: usize, maxcount: u32) -> R<isize> {
        let start = self.ptr;
        let mut end = self.end;
        if maxcount != MAXREPEAT && (maxcount as isize) < end - start {
            end = start + maxcount as isize;
        }
        let mut ptr = start;
        let chr = self.c(pc + 1).unwrap_or(0);
        match self.c(pc)? {
            op::IN => {
                while ptr < end && self.charset(pc + 2, self.ch(ptr))? {
                    ptr += 1;
                }
            }
            op::ANY => {
                while ptr < end && !chars::is_linebreak(self.ch(ptr)) {
                    ptr += 1;
                }
            }
            op::ANY_ALL => ptr = end,
            op::LITERAL => {
                while ptr < end && self.ch(ptr) == chr {
                    ptr += 1;
                }
            }
            op::LITERAL_IGNORE => {
                while ptr < end && chars::lower_ascii(self.ch(ptr)) == chr {
                    ptr += 1;
                }
            }
            op::LITERAL_UNI_IGNORE => {
                while ptr < end && chars::lower_unicode(self.ch(ptr)) == chr {
                    ptr += 1;
                }
            }
            op::LITERAL_LOC_IGNORE => {
                while ptr < end && chars::char_loc_ignore(chr, self.ch(ptr)) {
                    ptr += 1;
                }
            }
            op::NOT_LITERAL => {
                while ptr < end && self.ch(ptr) != chr {
                    ptr += 1;
                }
            }
            op::NOT_LITERAL_IGNORE => {
                while ptr < end && chars::lower_ascii(self.ch(ptr)) != chr {
                    ptr += 1;
                }
            }
            op::NOT_LITERAL_UNI_IGNORE => {
                while ptr < end && chars::lower_unicode(self.ch(ptr)) != chr {
                    ptr += 1;
                }
            }
            op::NOT_LITERAL_LOC_IGNORE => {
                while ptr < end && !chars::char_loc_ignore(chr, self.ch(ptr)) {
                    ptr += 1;
                }
            }
            _ => {
                // General single-width item: match it repeatedly.
                if self.depth >= MAX_COUNT_DEPTH {
                    return Err(SreError::Illegal);
                }
                self.depth += 1;
                let r = (|| {
                    while self.ptr < end {
                        if !self.run(pc, false)? {
                            break;
                        }
                    }
                    Ok(self.ptr - start)
                })();
                self.depth -= 1;
                return r;
            }
        }
        Ok(ptr - start)
    }
}
