//! Decoding `co_linetable` (the 3.11 location table): line and column ranges of an
//! instruction, for tracebacks and `f_lineno`.

/// A source location; `None` fields are unknown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Location {
    pub line: Option<i32>,
    pub end_line: Option<i32>,
    pub col: Option<i32>,
    pub end_col: Option<i32>,
}

struct Reader<'a> {
    t: &'a [u8],
    i: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Option<u8> {
        let b = *self.t.get(self.i)?;
        self.i += 1;
        Some(b)
    }
    fn varint(&mut self) -> Option<u32> {
        let mut b = self.byte()?;
        let mut v = u32::from(b & 63);
        let mut shift = 0;
        while b & 64 != 0 {
            b = self.byte()?;
            shift += 6;
            if shift > 30 {
                return None;
            }
            v |= u32::from(b & 63) << shift;
        }
        Some(v)
    }
    fn svarint(&mut self) -> Option<i32> {
        let v = self.varint()?;
        Some(if v & 1 != 0 {
            -((v >> 1) as i32)
        } else {
            (v >> 1) as i32
        })
    }
}

/// The location of the instruction at byte offset `addr`.
pub fn addr2location(table: &[u8], firstlineno: i32, addr: usize) -> Option<Location> {
    let mut r = Reader { t: table, i: 0 };
    let mut line = firstlineno;
    let mut pc = 0usize;
    while r.i < table.len() {
        let head = r.byte()?;
        if head & 0x80 == 0 {
            return None;
        }
        let code = (head >> 3) & 15;
        let len = usize::from(head & 7) + 1;
        let end = pc + len * 2;
        let loc = match code {
            15 => Location::default(),
            14 => {
                line += r.svarint()?;
                let end_line = line + r.varint()? as i32;
                let col = r.varint()? as i32 - 1;
                let end_col = r.varint()? as i32 - 1;
                Location {
                    line: Some(line),
                    end_line: Some(end_line),
                    col: (col >= 0).then_some(col),
                    end_col: (end_col >= 0).then_some(end_col),
                }
            }
            13 => {
                line += r.svarint()?;
                Location {
                    line: Some(line),
                    end_line: Some(line),
                    col: None,
                    end_col: None,
                }
            }
            10..=12 => {
                line += i32::from(code) - 10;
                let col = i32::from(r.byte()?);
                let end_col = i32::from(r.byte()?);
                Location {
                    line: Some(line),
                    end_line: Some(line),
                    col: Some(col),
                    end_col: Some(end_col),
                }
            }
            _ => {
                let second = i32::from(r.byte()?);
                let col = i32::from(code) * 8 + ((second >> 4) & 7);
                let end_col = col + (second & 15);
                Location {
                    line: Some(line),
                    end_line: Some(line),
                    col: Some(col),
                    end_col: Some(end_col),
                }
            }
        };
        if addr < end {
            return Some(loc);
        }
        pc = end;
    }
    None
}
