//! `co_exceptiontable` (`Objects/exception_handling_notes.txt`): entries
//! `(start, size, target, depth << 1 | lasti)` in code units, each a varint of 6-bit
//! chunks written most significant first, bit 6 meaning "more follows" and bit 7
//! marking an entry's first byte. The encoder writes what CPython's assembler writes
//! (`assemble_emit_exception_table_item`); the decoder is bounds-checked.

use std::fmt;

/// One handler range, offsets in code units: instructions `start..end` jump to
/// `target` on an exception, with the value stack cut to `depth` and, if `lasti`, the
/// offset of the raising instruction pushed first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ExceptionTableEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub lasti: bool,
}

/// Why an exception table could not be decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExceptionTableError {
    /// An entry does not start with a byte that has bit 7 set.
    NotAnEntryStart { offset: usize },
    /// The table ends inside an entry.
    Truncated { offset: usize },
    /// A value of more than 30 bits, or an end past 2**32.
    ValueTooLarge { offset: usize },
}

impl fmt::Display for ExceptionTableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExceptionTableError::NotAnEntryStart { offset } => {
                write!(f, "co_exceptiontable: no entry starts at byte {offset}")
            }
            ExceptionTableError::Truncated { offset } => {
                write!(f, "co_exceptiontable: truncated entry at byte {offset}")
            }
            ExceptionTableError::ValueTooLarge { offset } => {
                write!(f, "co_exceptiontable: value too large at byte {offset}")
            }
        }
    }
}

impl std::error::Error for ExceptionTableError {}

const CONTINUATION_BIT: u8 = 64;
const MSB: u8 = 128;

/// `assemble_emit_exception_table_item`: `value` (below 2**30) in 6-bit chunks, most
/// significant first; `msb` marks an entry's first byte.
fn write_item(out: &mut Vec<u8>, value: u32, msb: bool) {
    let mut msb = if msb { MSB } else { 0 };
    for shift in [24, 18, 12, 6] {
        if value >= 1 << shift {
            out.push(((value >> shift) & 0x3f) as u8 | CONTINUATION_BIT | msb);
            msb = 0;
        }
    }
    out.push((value & 0x3f) as u8 | msb);
}

/// Appends one entry as CPython's assembler writes it. Values must be below 2**30
/// (CPython asserts that); larger ones are truncated to 30 bits.
pub fn write_entry(out: &mut Vec<u8>, e: &ExceptionTableEntry) {
    let mask = (1 << 30) - 1;
    write_item(out, e.start & mask, true);
    write_item(out, e.end.wrapping_sub(e.start) & mask, false);
    write_item(out, e.target & mask, false);
    write_item(out, ((e.depth << 1) | u32::from(e.lasti)) & mask, false);
}

/// The `co_exceptiontable` holding `entries` in order.
pub fn encode(entries: &[ExceptionTableEntry]) -> Vec<u8> {
    let mut out = Vec::with_capacity(entries.len() * 5);
    for e in entries {
        write_entry(&mut out, e);
    }
    out
}

/// Decodes `co_exceptiontable` (`dis._parse_exception_table`, but an incomplete last
/// entry is an error rather than silently dropped).
pub fn decode(table: &[u8]) -> Result<Vec<ExceptionTableEntry>, ExceptionTableError> {
    let mut out = Vec::with_capacity(table.len() / 4);
    let mut pos = 0;
    let item = |pos: &mut usize, first: bool| -> Result<u32, ExceptionTableError> {
        let at = *pos;
        let mut b = *table
            .get(*pos)
            .ok_or(ExceptionTableError::Truncated { offset: *pos })?;
        if first != (b & MSB != 0) {
            return Err(if first {
                ExceptionTableError::NotAnEntryStart { offset: *pos }
            } else {
                ExceptionTableError::Truncated { offset: *pos }
            });
        }
        *pos += 1;
        let mut val = u32::from(b & 63);
        while b & CONTINUATION_BIT != 0 {
            b = *table
                .get(*pos)
                .ok_or(ExceptionTableError::Truncated { offset: *pos })?;
            if b & MSB != 0 {
                return Err(ExceptionTableError::Truncated { offset: *pos });
            }
            *pos += 1;
            if val >= 1 << 24 {
                return Err(ExceptionTableError::ValueTooLarge { offset: at });
            }
            val = (val << 6) | u32::from(b & 63);
        }
        Ok(val)
    };
    while pos < table.len() {
        let at = pos;
        let start = item(&mut pos, true)?;
        let size = item(&mut pos, false)?;
        let target = item(&mut pos, false)?;
        let dl = item(&mut pos, false)?;
        let end = start
            .checked_add(size)
            .ok_or(ExceptionTableError::ValueTooLarge { offset: at })?;
        out.push(ExceptionTableEntry {
            start,
            end,
            target,
            depth: dl >> 1,
            lasti: dl & 1 != 0,
        });
    }
    Ok(out)
}

/// The handler for the instruction at code unit `index` (`get_exception_handler` in
/// `Python/ceval.c`: the first entry containing it).
pub fn find_handler(entries: &[ExceptionTableEntry], index: u32) -> Option<&ExceptionTableEntry> {
    entries.iter().find(|e| e.start <= index && index < e.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_example() {
        let e = ExceptionTableEntry {
            start: 20,
            end: 28,
            target: 100,
            depth: 3,
            lasti: false,
        };
        assert_eq!(encode(&[e]), [148, 8, 65, 36, 6]);
        assert_eq!(decode(&[148, 8, 65, 36, 6]), Ok(vec![e]));
    }

    #[test]
    fn large_values_round_trip() {
        let entries: Vec<_> = [
            0u32,
            1,
            63,
            64,
            4095,
            4096,
            (1 << 18) - 1,
            1 << 18,
            1 << 24,
            (1 << 30) - 1,
        ]
        .iter()
        .map(|&v| ExceptionTableEntry {
            start: v / 2,
            end: v / 2 + v / 3 + 1,
            target: v,
            depth: v >> 2,
            lasti: v & 1 == 1,
        })
        .collect();
        assert_eq!(decode(&encode(&entries)), Ok(entries));
    }

    #[test]
    fn malformed_tables_are_errors() {
        assert_eq!(
            decode(&[0x14]),
            Err(ExceptionTableError::NotAnEntryStart { offset: 0 })
        );
        assert_eq!(
            decode(&[148, 8, 65]),
            Err(ExceptionTableError::Truncated { offset: 3 })
        );
        assert_eq!(
            decode(&[148, 8, 0xc1]),
            Err(ExceptionTableError::Truncated { offset: 2 })
        );
        assert!(matches!(
            decode(&[0xff, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x3f]),
            Err(ExceptionTableError::ValueTooLarge { .. })
        ));
    }
}
