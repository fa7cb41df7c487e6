//! Character names to code points, as CPython 3.11's `\N{...}` escape resolves them
//! (Modules/unicodedata.c `_getcode` without named sequences): names and aliases from the
//! generated table `unicode_names.bin`, Hangul syllables and CJK unified ideographs
//! computed.

/// The generated table (see gen/unicode_names.py for its format).
static DATA: &[u8] = include_bytes!("unicode_names.bin");

fn u32_at(i: usize) -> Option<u32> {
    let b = DATA.get(i..i + 4)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// The entries of one block, decoded in order (names rebuilt in the caller's buffer).
struct Entries<'a> {
    data: &'a [u8],
    pos: usize,
    left: usize,
}

impl Entries<'_> {
    /// The next entry of the block, its name left in `name`.
    fn next(&mut self, name: &mut Vec<u8>) -> Option<u32> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        let shared = usize::from(*self.data.get(self.pos)?);
        let rest = usize::from(*self.data.get(self.pos + 1)?);
        let start = self.pos + 2;
        let suffix = self.data.get(start..start + rest)?;
        let cp = self.data.get(start + rest..start + rest + 3)?;
        self.pos = start + rest + 3;
        name.truncate(shared);
        name.extend_from_slice(suffix);
        Some(u32::from(cp[0]) | u32::from(cp[1]) << 8 | u32::from(cp[2]) << 16)
    }
}

const BLOCK: usize = 32;

/// The entries of block `b`.
fn block(b: usize) -> Option<Entries<'static>> {
    let count = u32_at(0)? as usize;
    if b >= count {
        return None;
    }
    let base = 4 + 4 * count;
    let start = base + u32_at(4 + 4 * b)? as usize;
    Some(Entries {
        data: DATA,
        pos: start,
        left: BLOCK,
    })
}

/// The first name of block `b` (stored whole).
fn block_head(b: usize) -> Option<&'static [u8]> {
    let e = block(b)?;
    let rest = usize::from(*e.data.get(e.pos + 1)?);
    e.data.get(e.pos + 2..e.pos + 2 + rest)
}

/// Looks a (case-insensitive) name or alias up in the table.
fn lookup_table(upper: &[u8]) -> Option<u32> {
    let count = u32_at(0)? as usize;
    // The last block whose head is <= the name.
    let (mut lo, mut hi) = (0usize, count);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if block_head(mid)? <= upper {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    let mut entries = block(lo.checked_sub(1)?)?;
    let mut name = Vec::with_capacity(64);
    while let Some(cp) = entries.next(&mut name) {
        match name.as_slice().cmp(upper) {
            std::cmp::Ordering::Equal => return Some(cp),
            std::cmp::Ordering::Greater => return None,
            std::cmp::Ordering::Less => {}
        }
    }
    None
}

/// The Hangul jamo short names (L, V, T columns of unicodedata.c's table).
const JAMO_L: [&str; 19] = [
    "G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P",
    "H",
];
const JAMO_V: [&str; 21] = [
    "A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE",
    "WI", "YU", "EU", "YI", "I",
];
const JAMO_T: [&str; 28] = [
    "", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M",
    "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H",
];

/// `find_syllable`: the longest jamo name (the first of equal length) starting `s`.
fn find_syllable(s: &[u8], column: &[&str]) -> (usize, Option<usize>) {
    let mut len: isize = -1;
    let mut pos = None;
    for (i, j) in column.iter().enumerate() {
        let l = j.len() as isize;
        if l <= len {
            continue;
        }
        if s.starts_with(j.as_bytes()) {
            len = l;
            pos = Some(i);
        }
    }
    (len.max(0) as usize, pos)
}

/// `is_unified_ideograph` (Unicode 14.0 ranges).
fn is_unified_ideograph(cp: u32) -> bool {
    matches!(cp,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0x20000..=0x2A6DF | 0x2A700..=0x2B738
        | 0x2B740..=0x2B81D | 0x2B820..=0x2CEA1 | 0x2CEB0..=0x2EBE0 | 0x30000..=0x3134A)
}

/// The code point named `name` as `\N{name}` reads it (aliases accepted, named
/// sequences not; case-insensitive except the algorithmic prefixes), or None.
pub fn lookup(name: &[u8]) -> Option<u32> {
    if let Some(rest) = name.strip_prefix(b"HANGUL SYLLABLE ") {
        let (n, l) = find_syllable(rest, &JAMO_L);
        let rest = &rest[n..];
        let (n, v) = find_syllable(rest, &JAMO_V);
        let rest = &rest[n..];
        let (n, t) = find_syllable(rest, &JAMO_T);
        if n != rest.len() {
            return None;
        }
        let (l, v, t) = (l? as u32, v? as u32, t? as u32);
        return Some(0xAC00 + (l * 21 + v) * 28 + t);
    }
    if let Some(hex) = name.strip_prefix(b"CJK UNIFIED IDEOGRAPH-") {
        if hex.len() != 4 && hex.len() != 5 {
            return None;
        }
        let mut v = 0u32;
        for &c in hex {
            v = v * 16
                + match c {
                    b'0'..=b'9' => u32::from(c - b'0'),
                    b'A'..=b'F' => u32::from(c - b'A' + 10),
                    _ => return None,
                };
        }
        return is_unified_ideograph(v).then_some(v);
    }
    if name.is_empty() || name.len() > 255 {
        return None;
    }
    lookup_table(&name.to_ascii_uppercase())
}

/// The name aliases the table holds (gen/name_aliases.txt, `XXXX;ALIAS` lines), to tell
/// them from names in [`name`].
static ALIASES: &str = include_str!("../gen/name_aliases.txt");

fn is_alias(cp: u32, name: &[u8]) -> bool {
    ALIASES.lines().any(|l| {
        l.split_once(';').is_some_and(|(h, n)| {
            u32::from_str_radix(h, 16).is_ok_and(|v| v == cp) && n.as_bytes() == name
        })
    })
}

/// `unicodedata.name(chr(cp))`: the character's name (never an alias), or None. A scan
/// of the whole table: for rare uses (the `namereplace` error handler).
pub fn name(cp: u32) -> Option<String> {
    if (0xAC00..0xAC00 + 11172).contains(&cp) {
        let s = (cp - 0xAC00) as usize;
        return Some(format!(
            "HANGUL SYLLABLE {}{}{}",
            JAMO_L[s / (21 * 28)],
            JAMO_V[(s % (21 * 28)) / 28],
            JAMO_T[s % 28]
        ));
    }
    if is_unified_ideograph(cp) {
        return Some(format!("CJK UNIFIED IDEOGRAPH-{cp:X}"));
    }
    let count = u32_at(0)? as usize;
    let mut name = Vec::with_capacity(64);
    for b in 0..count {
        let mut entries = block(b)?;
        name.clear();
        while let Some(c) = entries.next(&mut name) {
            if c == cp && !is_alias(cp, &name) {
                return String::from_utf8(name).ok();
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::process::Command;

    #[test]
    fn names_of_code_points() {
        assert_eq!(name(0x61).as_deref(), Some("LATIN SMALL LETTER A"));
        assert_eq!(
            name(0xFC).as_deref(),
            Some("LATIN SMALL LETTER U WITH DIAERESIS")
        );
        assert_eq!(name(0x1F600).as_deref(), Some("GRINNING FACE"));
        assert_eq!(name(0x4E16).as_deref(), Some("CJK UNIFIED IDEOGRAPH-4E16"));
        assert_eq!(name(0xAC00).as_deref(), Some("HANGUL SYLLABLE GA"));
        assert_eq!(name(0xFEFF).as_deref(), Some("ZERO WIDTH NO-BREAK SPACE"));
        assert_eq!(name(0x0A), None);
        assert_eq!(name(0x10FFFF), None);
    }

    #[test]
    fn names_aliases_and_computed() {
        assert_eq!(lookup(b"LATIN SMALL LETTER A"), Some(0x61));
        assert_eq!(lookup(b"latin small letter a"), Some(0x61));
        assert_eq!(lookup(b"EM DASH"), Some(0x2014));
        assert_eq!(lookup(b"LF"), Some(0x0A));
        assert_eq!(lookup(b"BYTE ORDER MARK"), Some(0xFEFF));
        assert_eq!(lookup(b"HANGUL SYLLABLE GA"), Some(0xAC00));
        assert_eq!(lookup(b"HANGUL SYLLABLE HIH"), Some(0xD7A3));
        assert_eq!(lookup(b"hangul syllable ga"), None);
        assert_eq!(lookup(b"CJK UNIFIED IDEOGRAPH-4E00"), Some(0x4E00));
        assert_eq!(lookup(b"CJK UNIFIED IDEOGRAPH-4e00"), None);
        assert_eq!(lookup(b"CJK UNIFIED IDEOGRAPH-0041"), None);
        assert_eq!(
            lookup(b"LATIN CAPITAL LETTER A WITH MACRON AND GRAVE"),
            None
        );
        assert_eq!(lookup(b"LINE FEED (LF)"), None);
        assert_eq!(lookup(b""), None);
        assert_eq!(lookup(b"AAAAAA"), None);
        assert_eq!(lookup(b"ZZZZZZZZZZZZZZZZ"), None);
    }

    /// The committed table is what the generator prints against the live CPython.
    #[test]
    fn unicode_names_are_fresh() {
        let root = env!("CARGO_MANIFEST_DIR");
        let out = Command::new("timeout")
            .args(["120", "python3", &format!("{root}/gen/unicode_names.py")])
            .output()
            .expect("python3 must be on PATH for this test");
        assert!(out.status.success());
        assert!(
            out.stdout == DATA,
            "src/unicode_names.bin is stale: rerun gen/unicode_names.py"
        );
    }

    /// Every block's entries decode and come back from `lookup`.
    #[test]
    fn every_entry_round_trips() {
        let count = u32_at(0).unwrap_or(0) as usize;
        let mut n = 0;
        for b in 0..count {
            let mut e = block(b).unwrap();
            let mut name = Vec::new();
            while let Some(cp) = e.next(&mut name) {
                assert_eq!(
                    lookup(&name),
                    Some(cp),
                    "{}",
                    String::from_utf8_lossy(&name)
                );
                n += 1;
            }
        }
        assert!(n > 34_000, "{n}");
    }
}
