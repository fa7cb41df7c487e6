//! `SRE(search)`: the first match at or after the start, with CPython's literal-prefix
//! and charset shortcuts before falling back to trying every position.

use super::*;

impl<S: ?Sized + Chars> State<'_, S> {
    /// `SRE(search)`: the first match at or after `self.start`.
    pub fn search(&mut self) -> R<bool> {
        let mut ptr = self.start;
        let mut end = self.end;
        if ptr > end {
            return Ok(false);
        }
        let mut pc = 0usize;
        let mut flags = 0;
        let mut prefix: Option<(usize, usize, usize)> = None; // (start, len, skip)
        let mut charset: Option<usize> = None;
        if self.c(0)? == op::INFO {
            flags = self.c(2)?;
            let min = self.c(3)? as isize;
            if min != 0 && end - ptr < min {
                return Ok(false);
            }
            if min > 1 {
                end -= min - 1;
                if end <= ptr {
                    end = ptr;
                }
            }
            if flags & INFO_PREFIX != 0 {
                prefix = Some((7, self.c(5)? as usize, self.c(6)? as usize));
            } else if flags & INFO_CHARSET != 0 {
                charset = Some(5);
            }
            pc = 1 + self.c(1)? as usize;
        }
        if let Some((pstart, plen, pskip)) = prefix {
            if plen >= 1 && pstart + plen > self.code.len() {
                return Err(SreError::Illegal);
            }
            if plen == 1 {
                let c = self.c(pstart)?;
                let end = self.end;
                self.must_advance = false;
                while ptr < end {
                    while self.ch(ptr) != c {
                        ptr += 1;
                        if ptr >= end {
                            return Ok(false);
                        }
                        self.step()?;
                    }
                    self.start = ptr;
                    self.ptr = ptr + pskip as isize;
                    if flags & INFO_LITERAL != 0 {
                        return Ok(true);
                    }
                    if self.run(pc + 2 * pskip, false)? {
                        return Ok(true);
                    }
                    ptr += 1;
                    self.lastmark = -1;
                    self.lastindex = -1;
                }
                return Ok(false);
            }
            if plen > 1 {
                let end = self.end;
                if plen as isize > end - ptr {
                    return Ok(false);
                }
                let overlap = pstart + plen - 1;
                while ptr < end {
                    let c = self.c(pstart)?;
                    loop {
                        let x = self.ch(ptr);
                        ptr += 1;
                        if x == c {
                            break;
                        }
                        if ptr >= end {
                            return Ok(false);
                        }
                        self.step()?;
                    }
                    if ptr >= end {
                        return Ok(false);
                    }
                    let mut i = 1usize;
                    self.must_advance = false;
                    loop {
                        self.step()?;
                        if self.ch(ptr) == self.c(pstart + i)? {
                            i += 1;
                            if i != plen {
                                ptr += 1;
                                if ptr >= end {
                                    return Ok(false);
                                }
                                continue;
                            }
                            self.start = ptr - (plen as isize - 1);
                            self.ptr = ptr - (plen as isize - pskip as isize - 1);
                            if flags & INFO_LITERAL != 0 {
                                return Ok(true);
                            }
                            if self.run(pc + 2 * pskip, false)? {
                                return Ok(true);
                            }
                            ptr += 1;
                            if ptr >= end {
                                return Ok(false);
                            }
                            self.lastmark = -1;
                            self.lastindex = -1;
                        }
                        i = self.c(overlap + i)? as usize;
                        if i == 0 {
                            break;
                        }
                        if i >= plen {
                            return Err(SreError::Illegal);
                        }
                    }
                }
                return Ok(false);
            }
        }
        if let Some(cs) = charset {
            let end = self.end;
            self.must_advance = false;
            loop {
                while ptr < end && !self.charset(cs, self.ch(ptr))? {
                    ptr += 1;
                    self.step()?;
                }
                if ptr >= end {
                    return Ok(false);
                }
                self.start = ptr;
                self.ptr = ptr;
                if self.run(pc, false)? {
                    return Ok(true);
                }
                ptr += 1;
                self.lastmark = -1;
                self.lastindex = -1;
            }
        }
        self.start = ptr;
        self.ptr = ptr;
        let mut status = self.run(pc, true)?;
        self.must_advance = false;
        if !status
            && self.c(pc)? == op::AT
            && matches!(self.c(pc + 1)?, at::BEGINNING | at::BEGINNING_STRING)
        {
            self.start = end;
            self.ptr = end;
            return Ok(false);
        }
        while !status && ptr < end {
            ptr += 1;
            self.lastmark = -1;
            self.lastindex = -1;
            self.start = ptr;
            self.ptr = ptr;
            status = self.run(pc, false)?;
        }
        Ok(status)
    }
}
