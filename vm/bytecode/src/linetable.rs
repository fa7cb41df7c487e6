//! `co_linetable`, the 3.11 location table (`Objects/locations.md`): an encoder that
//! writes exactly what CPython's assembler writes (`write_location_info_entry`), and a
//! bounds-checked decoder giving `co_positions()`, `co_lines()` and the line of an
//! offset as `Objects/codeobject.c` computes them.
//!
//! Offsets are in bytes (as `co_lines()` and `dis` report them); lengths in the table
//! are in code units (2 bytes). Line deltas start from `co_firstlineno`.

use std::fmt;

/// `_PyCodeLocationInfoKind`: the entry codes.
pub const PY_CODE_LOCATION_INFO_SHORT0: u8 = 0;
pub const PY_CODE_LOCATION_INFO_ONE_LINE0: u8 = 10;
pub const PY_CODE_LOCATION_INFO_ONE_LINE1: u8 = 11;
pub const PY_CODE_LOCATION_INFO_ONE_LINE2: u8 = 12;
pub const PY_CODE_LOCATION_INFO_NO_COLUMNS: u8 = 13;
pub const PY_CODE_LOCATION_INFO_LONG: u8 = 14;
pub const PY_CODE_LOCATION_INFO_NONE: u8 = 15;

/// An instruction's source location as the compiler keeps it (`i_lineno`,
/// `i_end_lineno`, `i_col_offset`, `i_end_col_offset`): `-1` means unknown, and a
/// negative `lineno` means "no location" (artificial instructions).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Location {
    pub lineno: i32,
    pub end_lineno: i32,
    pub col_offset: i32,
    pub end_col_offset: i32,
}

impl Location {
    /// The location of an instruction without one (`NO_LOCATION`).
    pub const NONE: Location = Location {
        lineno: -1,
        end_lineno: -1,
        col_offset: -1,
        end_col_offset: -1,
    };
}

/// Writes `co_linetable` the way CPython 3.11's assembler does.
#[derive(Clone, Debug)]
pub struct LineTableWriter {
    out: Vec<u8>,
    /// `a_lineno`: the line the next delta is taken from.
    lineno: i32,
}

fn write_varint(out: &mut Vec<u8>, mut val: u32) {
    while val >= 64 {
        out.push(64 | (val & 63) as u8);
        val >>= 6;
    }
    out.push(val as u8);
}

fn write_signed_varint(out: &mut Vec<u8>, val: i32) {
    let u = if val < 0 {
        (val.unsigned_abs() << 1) | 1
    } else {
        (val as u32) << 1
    };
    write_varint(out, u);
}

impl LineTableWriter {
    /// A table for a code object whose `co_firstlineno` is `firstlineno`.
    pub fn new(firstlineno: i32) -> Self {
        LineTableWriter {
            out: Vec::new(),
            lineno: firstlineno,
        }
    }

    /// [`LineTableWriter::new`] with room for `capacity` bytes.
    pub fn with_capacity(firstlineno: i32, capacity: usize) -> Self {
        LineTableWriter {
            out: Vec::with_capacity(capacity),
            lineno: firstlineno,
        }
    }

    fn first_byte(&mut self, code: u8, length: usize) {
        self.out.push(0x80 | (code << 3) | (length as u8 - 1));
    }

    /// `assemble_emit_location`: the entries for one instruction of `size` code units
    /// (EXTENDED_ARGs and CACHE entries included), split into chunks of at most 8.
    pub fn emit(&mut self, loc: &Location, size: usize) {
        let mut size = size;
        while size > 8 {
            self.entry(loc, 8);
            size -= 8;
        }
        if size > 0 {
            self.entry(loc, size);
        }
    }

    /// `write_location_info_entry` for 1..=8 code units.
    fn entry(&mut self, i: &Location, length: usize) {
        if i.lineno < 0 {
            self.first_byte(PY_CODE_LOCATION_INFO_NONE, length);
            return;
        }
        let line_delta = i.lineno.wrapping_sub(self.lineno);
        let (column, end_column) = (i.col_offset, i.end_col_offset);
        if column < 0 || end_column < 0 {
            if i.end_lineno == i.lineno || i.end_lineno == -1 {
                self.first_byte(PY_CODE_LOCATION_INFO_NO_COLUMNS, length);
                write_signed_varint(&mut self.out, line_delta);
                self.lineno = i.lineno;
                return;
            }
        } else if i.end_lineno == i.lineno {
            if line_delta == 0 && column < 80 && end_column - column < 16 && end_column >= column {
                self.first_byte(PY_CODE_LOCATION_INFO_SHORT0 + (column >> 3) as u8, length);
                self.out
                    .push((((column & 7) << 4) | (end_column - column)) as u8);
                return;
            }
            if (0..3).contains(&line_delta) && column < 128 && end_column < 128 {
                self.first_byte(PY_CODE_LOCATION_INFO_ONE_LINE0 + line_delta as u8, length);
                self.out.push(column as u8);
                self.out.push(end_column as u8);
                self.lineno = i.lineno;
                return;
            }
        }
        self.first_byte(PY_CODE_LOCATION_INFO_LONG, length);
        write_signed_varint(&mut self.out, line_delta);
        write_varint(&mut self.out, i.end_lineno.wrapping_sub(i.lineno) as u32);
        write_varint(&mut self.out, i.col_offset.wrapping_add(1) as u32);
        write_varint(&mut self.out, i.end_col_offset.wrapping_add(1) as u32);
        self.lineno = i.lineno;
    }

    /// The table so far.
    pub fn as_bytes(&self) -> &[u8] {
        &self.out
    }

    /// The finished `co_linetable`.
    pub fn finish(self) -> Vec<u8> {
        self.out
    }
}

/// Why a location table could not be decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineTableError {
    /// An entry does not start with a byte that has bit 7 set.
    NotAnEntryStart { offset: usize },
    /// The table ends inside an entry.
    Truncated { offset: usize },
    /// A varint longer than 32 bits.
    VarintTooLong { offset: usize },
}

impl fmt::Display for LineTableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LineTableError::NotAnEntryStart { offset } => {
                write!(f, "co_linetable: no entry starts at byte {offset}")
            }
            LineTableError::Truncated { offset } => {
                write!(f, "co_linetable: truncated entry at byte {offset}")
            }
            LineTableError::VarintTooLong { offset } => {
                write!(f, "co_linetable: varint too long at byte {offset}")
            }
        }
    }
}

impl std::error::Error for LineTableError {}

/// One item of `co_positions()`: `None` where CPython gives `None`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Position {
    pub line: Option<i32>,
    pub end_line: Option<i32>,
    pub col: Option<i32>,
    pub end_col: Option<i32>,
}

/// One decoded entry: the bytes `start..end` of `co_code` share `position`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct LineTableEntry {
    pub start: u32,
    pub end: u32,
    pub position: Position,
    /// The raw entry code (0..=15).
    pub code: u8,
}

fn opt(v: i32) -> Option<i32> {
    (v != -1).then_some(v)
}

struct Cursor<'a> {
    data: &'a [u8],
    pos: usize,
}

impl Cursor<'_> {
    fn byte(&mut self) -> Result<u8, LineTableError> {
        let b = *self
            .data
            .get(self.pos)
            .ok_or(LineTableError::Truncated { offset: self.pos })?;
        if b & 0x80 != 0 {
            return Err(LineTableError::Truncated { offset: self.pos });
        }
        self.pos += 1;
        Ok(b)
    }

    fn varint(&mut self) -> Result<u32, LineTableError> {
        let start = self.pos;
        let mut read = self.byte()?;
        let mut val = u32::from(read & 63);
        let mut shift = 0;
        while read & 64 != 0 {
            read = self.byte()?;
            shift += 6;
            if shift > 30 {
                return Err(LineTableError::VarintTooLong { offset: start });
            }
            val |= u32::from(read & 63) << shift;
        }
        Ok(val)
    }

    fn signed_varint(&mut self) -> Result<i32, LineTableError> {
        let u = self.varint()?;
        Ok(if u & 1 != 0 {
            -((u >> 1) as i32)
        } else {
            (u >> 1) as i32
        })
    }
}

/// Decodes every entry of `linetable` (`advance_with_locations` in a loop).
pub fn decode(linetable: &[u8], firstlineno: i32) -> Result<Vec<LineTableEntry>, LineTableError> {
    let mut out = Vec::with_capacity(linetable.len() / 2);
    let mut c = Cursor {
        data: linetable,
        pos: 0,
    };
    let mut line = firstlineno;
    let mut end: u32 = 0;
    while c.pos < linetable.len() {
        let first = linetable[c.pos];
        if first & 0x80 == 0 {
            return Err(LineTableError::NotAnEntryStart { offset: c.pos });
        }
        c.pos += 1;
        let code = (first >> 3) & 15;
        let start = end;
        end = end.saturating_add((u32::from(first & 7) + 1) * 2);
        let position = match code {
            PY_CODE_LOCATION_INFO_NONE => Position::default(),
            PY_CODE_LOCATION_INFO_LONG => {
                line = line.wrapping_add(c.signed_varint()?);
                let end_line = line.wrapping_add(c.varint()? as i32);
                let col = (c.varint()? as i32).wrapping_sub(1);
                let end_col = (c.varint()? as i32).wrapping_sub(1);
                Position {
                    line: opt(line),
                    end_line: opt(end_line),
                    col: opt(col),
                    end_col: opt(end_col),
                }
            }
            PY_CODE_LOCATION_INFO_NO_COLUMNS => {
                line = line.wrapping_add(c.signed_varint()?);
                Position {
                    line: opt(line),
                    end_line: opt(line),
                    col: None,
                    end_col: None,
                }
            }
            PY_CODE_LOCATION_INFO_ONE_LINE0..=PY_CODE_LOCATION_INFO_ONE_LINE2 => {
                line = line.wrapping_add(i32::from(code - 10));
                let col = i32::from(c.byte()?);
                let end_col = i32::from(c.byte()?);
                Position {
                    line: opt(line),
                    end_line: opt(line),
                    col: Some(col),
                    end_col: Some(end_col),
                }
            }
            _ => {
                let second = i32::from(c.byte()?);
                let col = (i32::from(code) << 3) | (second >> 4);
                Position {
                    line: opt(line),
                    end_line: opt(line),
                    col: Some(col),
                    end_col: Some(col + (second & 15)),
                }
            }
        };
        out.push(LineTableEntry {
            start,
            end,
            position,
            code,
        });
    }
    Ok(out)
}

/// A decoded `co_linetable` with the queries the runtime and `dis` need.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineTable {
    entries: Vec<LineTableEntry>,
}

impl LineTable {
    /// Decodes `linetable` of a code object with `co_firstlineno == firstlineno`.
    pub fn new(linetable: &[u8], firstlineno: i32) -> Result<Self, LineTableError> {
        Ok(LineTable {
            entries: decode(linetable, firstlineno)?,
        })
    }

    pub fn entries(&self) -> &[LineTableEntry] {
        &self.entries
    }

    /// `co_lines()`: `(start, end, line)` per entry, in bytes, as CPython yields them.
    pub fn lines(&self) -> impl Iterator<Item = (u32, u32, Option<i32>)> + '_ {
        // `lineiter_next` reports any negative line as None.
        self.entries
            .iter()
            .map(|e| (e.start, e.end, e.position.line.filter(|l| *l >= 0)))
    }

    /// `co_positions()`: one item per code unit the table covers.
    pub fn positions(&self) -> impl Iterator<Item = Position> + '_ {
        self.entries
            .iter()
            .flat_map(|e| std::iter::repeat_n(e.position, ((e.end - e.start) / 2) as usize))
    }

    /// The entry covering byte `offset` of `co_code`.
    pub fn entry_at(&self, offset: u32) -> Option<&LineTableEntry> {
        let i = self.entries.partition_point(|e| e.end <= offset);
        self.entries.get(i).filter(|e| e.start <= offset)
    }

    /// `PyCode_Addr2Line`: the line of the instruction at byte `offset` (`None` for no
    /// line or an offset past the table).
    pub fn line_at(&self, offset: u32) -> Option<i32> {
        self.entry_at(offset).and_then(|e| e.position.line)
    }

    /// `PyCode_Addr2Location`: the position of the instruction at byte `offset`.
    pub fn position_at(&self, offset: u32) -> Position {
        self.entry_at(offset)
            .map(|e| e.position)
            .unwrap_or_default()
    }

    /// `dis.findlinestarts`: `(offset, line)` where a new line starts.
    pub fn line_starts(&self) -> Vec<(u32, i32)> {
        let mut out = Vec::new();
        let mut last = None;
        for (start, _, line) in self.lines() {
            if let Some(l) = line
                && Some(l) != last
            {
                last = Some(l);
                out.push((start, l));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests;
