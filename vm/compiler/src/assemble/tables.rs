//! Writers of `co_linetable` and `co_exceptiontable` as CPython 3.11's assembler emits
//! them (`write_location_info_entry`, `assemble_emit_exception_table_entry`).
//!
//! FIXME: switch to the bytecode crate's encoders once they land on main.

use crate::flowgraph::Loc;

const SHORT0: u8 = 0;
const ONE_LINE0: u8 = 10;
const NO_COLUMNS: u8 = 13;
const LONG: u8 = 14;
const NONE: u8 = 15;

/// The location-table writer; `lineno` is the line the next delta is relative to
/// (`a_lineno`).
pub struct LineTableWriter {
    pub bytes: Vec<u8>,
    pub lineno: i32,
}

impl LineTableWriter {
    pub fn new(firstlineno: i32) -> Self {
        LineTableWriter {
            bytes: Vec::new(),
            lineno: firstlineno,
        }
    }

    fn first_byte(&mut self, code: u8, length: i32) {
        self.bytes
            .push(128 | (code << 3) | ((length - 1) as u8 & 7));
    }

    fn varint(&mut self, mut val: u32) {
        while val >= 64 {
            self.bytes.push(64 | (val & 63) as u8);
            val >>= 6;
        }
        self.bytes.push(val as u8);
    }

    fn signed_varint(&mut self, val: i32) {
        let v = if val < 0 {
            ((val.wrapping_neg() as u32) << 1) | 1
        } else {
            (val as u32) << 1
        };
        self.varint(v);
    }

    /// `write_location_info_entry` for `isize` (1..=8) code units at `loc`.
    fn entry(&mut self, loc: &Loc, isize: i32) {
        if loc.lineno < 0 {
            self.first_byte(NONE, isize);
            return;
        }
        let line_delta = loc.lineno.wrapping_sub(self.lineno);
        let column = loc.col_offset;
        let end_column = loc.end_col_offset;
        if column < 0 || end_column < 0 {
            if loc.end_lineno == loc.lineno || loc.end_lineno == -1 {
                self.first_byte(NO_COLUMNS, isize);
                self.signed_varint(line_delta);
                self.lineno = loc.lineno;
                return;
            }
        } else if loc.end_lineno == loc.lineno {
            if line_delta == 0 && column < 80 && end_column - column < 16 && end_column >= column {
                self.first_byte(SHORT0 + (column >> 3) as u8, isize);
                self.bytes
                    .push((((column & 7) << 4) | (end_column - column)) as u8);
                return;
            }
            if (0..3).contains(&line_delta) && column < 128 && end_column < 128 {
                self.first_byte(ONE_LINE0 + line_delta as u8, isize);
                self.bytes.push(column as u8);
                self.bytes.push(end_column as u8);
                self.lineno = loc.lineno;
                return;
            }
        }
        self.first_byte(LONG, isize);
        self.signed_varint(line_delta);
        self.varint(loc.end_lineno.wrapping_sub(loc.lineno) as u32);
        self.varint(loc.col_offset.wrapping_add(1) as u32);
        self.varint(loc.end_col_offset.wrapping_add(1) as u32);
        self.lineno = loc.lineno;
    }

    /// `assemble_emit_location`: entries of at most 8 code units.
    pub fn emit(&mut self, loc: &Loc, mut isize: i32) {
        while isize > 8 {
            self.entry(loc, 8);
            isize -= 8;
        }
        self.entry(loc, isize);
    }
}

/// `assemble_emit_exception_table_item`: 6-bit chunks, most significant first.
fn exception_item(out: &mut Vec<u8>, value: u32, mut msb: u8) {
    const CONT: u8 = 64;
    for shift in [24u32, 18, 12, 6] {
        if value >= 1 << shift {
            out.push(((value >> shift) & 0x3f) as u8 | CONT | msb);
            msb = 0;
        }
    }
    out.push((value & 0x3f) as u8 | msb);
}

/// `assemble_emit_exception_table_entry`: a range `[start, end)` of code units handled
/// at `target` with the given stack `depth` and lasti flag.
pub fn exception_entry(
    out: &mut Vec<u8>,
    start: i32,
    end: i32,
    target: i32,
    depth: i32,
    lasti: bool,
) {
    let depth_lasti = ((depth << 1) | i32::from(lasti)) as u32;
    exception_item(out, start as u32, 1 << 7);
    exception_item(out, (end - start) as u32, 0);
    exception_item(out, target as u32, 0);
    exception_item(out, depth_lasti, 0);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exception_entry_example() {
        // CPYTHON311.md: start 20, size 8, target 100, depth 3 → 148, 8, 65, 36, 6.
        let mut out = Vec::new();
        exception_entry(&mut out, 20, 28, 100, 3, false);
        assert_eq!(out, vec![148, 8, 65, 36, 6]);
    }
}
