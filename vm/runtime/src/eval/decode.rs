//! Pre-decoded instructions: one word per code unit giving the instruction that starts
//! there with its `EXTENDED_ARG` prefixes folded in and its inline `CACHE` entries
//! skipped, so the eval loop's fetch is one load and a few shifts.
//!
//! A word is `op | lasti_skip << 8 | next_skip << 16 | clean << 24 | oparg << 32`: `lasti_skip` code
//! units from this unit to the real opcode (the `EXTENDED_ARG` prefixes, where `f_lasti`
//! points while it runs) and `next_skip` units to the next instruction. A jump into the
//! middle of a prefixed instruction decodes from that unit on, as CPython's loop would.

use super::opcode::{EXTENDED_ARG, LOAD_CONST, LOAD_FAST, STORE_FAST, cache_entries};

/// Superinstructions (CPython 3.11's `LOAD_FAST__LOAD_FAST` & co.): the decoded word of an
/// instruction that is immediately followed by a partner gets one of these opcodes, and
/// the eval loop runs both at one dispatch (the partner's own word stays as it was, for
/// jumps to it). Raw opcodes from this value on are not CPython opcodes; they decode to
/// [`INVALID_OP`].
pub const FUSED_BASE: u8 = 240;
pub const LOAD_FAST__LOAD_FAST: u8 = 240;
pub const LOAD_FAST__LOAD_CONST: u8 = 241;
pub const LOAD_CONST__LOAD_FAST: u8 = 242;
pub const STORE_FAST__LOAD_FAST: u8 = 243;
pub const STORE_FAST__STORE_FAST: u8 = 244;
/// What a raw opcode at or above [`FUSED_BASE`] decodes to (an unknown opcode).
pub const INVALID_OP: u8 = 255;

/// The superinstruction for the raw pair `(a, b)`, if any.
fn fused(a: u8, b: u8) -> Option<u8> {
    Some(match (a, b) {
        (LOAD_FAST, LOAD_FAST) => LOAD_FAST__LOAD_FAST,
        (LOAD_FAST, LOAD_CONST) => LOAD_FAST__LOAD_CONST,
        (LOAD_CONST, LOAD_FAST) => LOAD_CONST__LOAD_FAST,
        (STORE_FAST, LOAD_FAST) => STORE_FAST__LOAD_FAST,
        (STORE_FAST, STORE_FAST) => STORE_FAST__STORE_FAST,
        _ => return None,
    })
}

/// The `CACHE` opcode.
const CACHE: u8 = 0;
/// Bit of a decoded word set when the instruction's inline cache units are all `CACHE`.
const CLEAN_BIT: u32 = 24;

/// Decodes `code` (CPython 3.11 code units) into one word per unit.
pub fn decode(code: &[u8]) -> Box<[u64]> {
    let units = code.len() / 2;
    let mut out = Vec::with_capacity(units);
    for i in 0..units {
        let mut op = code[2 * i];
        let mut oparg = u32::from(code[2 * i + 1]);
        let mut j = i;
        while op == EXTENDED_ARG && j + 1 < units {
            j += 1;
            op = code[2 * j];
            oparg = (oparg << 8) | u32::from(code[2 * j + 1]);
        }
        let lasti_skip = (j - i) as u64;
        let ncache = cache_entries(op);
        let next_skip = lasti_skip + 1 + ncache as u64;
        // The inline cache units really are CACHE entries (no instruction starts there),
        // so the per-unit cache cells behind them belong to this instruction alone.
        let clean = ncache > 0 && (1..=ncache).all(|k| code.get(2 * (j + k)) == Some(&CACHE));
        // A raw unprefixed instruction directly followed by a raw unprefixed partner.
        let op = if op >= FUSED_BASE {
            INVALID_OP
        } else if j == i {
            code.get(2 * i + 2)
                .and_then(|&b| fused(op, b))
                .filter(|_| 2 * i + 3 < code.len())
                .unwrap_or(op)
        } else {
            op
        };
        out.push(
            u64::from(op)
                | (lasti_skip.min(255) << 8)
                | (next_skip.min(255) << 16)
                | (u64::from(clean) << CLEAN_BIT)
                | (u64::from(oparg) << 32),
        );
    }
    out.into_boxed_slice()
}

/// The opcode of a decoded word.
#[inline(always)]
pub fn op(d: u64) -> u8 {
    d as u8
}

/// The oparg of a decoded word (`EXTENDED_ARG` prefixes included).
#[inline(always)]
pub fn oparg(d: u64) -> u32 {
    (d >> 32) as u32
}

/// Bytes from the instruction's first unit to its opcode unit (`f_lasti`).
#[inline(always)]
pub fn lasti_bytes(d: u64) -> usize {
    ((d >> 7) & 0x1fe) as usize
}

/// Whether the instruction's inline cache units are all `CACHE` entries: only then may the
/// eval loop keep an inline cache in the cells behind them.
#[inline(always)]
pub fn caches_clean(d: u64) -> bool {
    d & (1 << CLEAN_BIT) != 0
}

/// Bytes from the instruction's first unit to the next instruction.
#[inline(always)]
pub fn next_bytes(d: u64) -> usize {
    ((d >> 15) & 0x1fe) as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::opcode::{BINARY_OP, LOAD_CONST, LOAD_GLOBAL, NOP};

    #[test]
    fn folds_extended_arg_and_skips_caches() {
        // EXTENDED_ARG 1; LOAD_GLOBAL 2; 5 caches; BINARY_OP 0; 1 cache; LOAD_CONST 3
        let mut c = vec![EXTENDED_ARG, 1, LOAD_GLOBAL, 2];
        c.extend([0u8; 10]);
        c.extend([BINARY_OP, 0, 0, 0, LOAD_CONST, 3]);
        let d = decode(&c);
        assert_eq!(d.len(), c.len() / 2);
        assert_eq!(op(d[0]), LOAD_GLOBAL);
        assert_eq!(oparg(d[0]), 0x102);
        assert_eq!(lasti_bytes(d[0]), 2);
        assert_eq!(next_bytes(d[0]), 14);
        // jumping onto the opcode unit itself sees only its own byte
        assert_eq!(oparg(d[1]), 2);
        assert_eq!(next_bytes(d[1]), 12);
        assert_eq!(op(d[7]), BINARY_OP);
        assert_eq!(next_bytes(d[7]), 4);
        assert_eq!((op(d[9]), oparg(d[9])), (LOAD_CONST, 3));
        assert!(caches_clean(d[1]) && caches_clean(d[7]) && !caches_clean(d[9]));
    }

    #[test]
    fn cache_units_holding_an_opcode_are_not_clean() {
        // BINARY_OP 0 whose cache unit holds LOAD_CONST 3
        let d = decode(&[BINARY_OP, 0, LOAD_CONST, 3]);
        assert!(!caches_clean(d[0]));
    }

    #[test]
    fn fuses_pairs_and_keeps_the_partner() {
        let d = decode(&[
            LOAD_FAST, 1, LOAD_FAST, 2, LOAD_CONST, 0, STORE_FAST, 3, NOP, 0,
        ]);
        assert_eq!(op(d[0]), LOAD_FAST__LOAD_FAST);
        assert_eq!(oparg(d[0]), 1);
        assert_eq!(next_bytes(d[0]), 2);
        assert_eq!(op(d[1]), LOAD_FAST__LOAD_CONST);
        assert_eq!(op(d[2]), LOAD_CONST);
        assert_eq!(op(d[3]), STORE_FAST);
        // a raw opcode in the superinstruction range is not one
        let d = decode(&[LOAD_FAST__LOAD_FAST, 0, LOAD_FAST, 1]);
        assert_eq!(op(d[0]), INVALID_OP);
        // a pair cut by the end of the code is not fused
        let d = decode(&[LOAD_FAST, 1, LOAD_FAST]);
        assert_eq!(op(d[0]), LOAD_FAST);
    }

    #[test]
    fn trailing_prefix_and_odd_length() {
        let d = decode(&[NOP, 0, EXTENDED_ARG, 7, 9]);
        assert_eq!(d.len(), 2);
        assert_eq!(op(d[1]), EXTENDED_ARG);
        assert_eq!(oparg(d[1]), 7);
    }
}
