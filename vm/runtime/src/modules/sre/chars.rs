//! Character predicates and case mappings of the `_sre` engine (`Modules/_sre/sre.c`'s
//! `SRE_IS_*`, `sre_lower_*`/`sre_upper_*` and `sre_category`), for code points as `u32`.

use crate::objects::str_digits::decimal;
use refvm_common::unicode::{is_alnum, is_space};

/// `SRE_CATEGORY_*` codes.
pub mod category {
    pub const DIGIT: u32 = 0;
    pub const NOT_DIGIT: u32 = 1;
    pub const SPACE: u32 = 2;
    pub const NOT_SPACE: u32 = 3;
    pub const WORD: u32 = 4;
    pub const NOT_WORD: u32 = 5;
    pub const LINEBREAK: u32 = 6;
    pub const NOT_LINEBREAK: u32 = 7;
    pub const LOC_WORD: u32 = 8;
    pub const LOC_NOT_WORD: u32 = 9;
    pub const UNI_DIGIT: u32 = 10;
    pub const UNI_NOT_DIGIT: u32 = 11;
    pub const UNI_SPACE: u32 = 12;
    pub const UNI_NOT_SPACE: u32 = 13;
    pub const UNI_WORD: u32 = 14;
    pub const UNI_NOT_WORD: u32 = 15;
    pub const UNI_LINEBREAK: u32 = 16;
    pub const UNI_NOT_LINEBREAK: u32 = 17;
}

#[inline]
pub fn is_digit(ch: u32) -> bool {
    (u32::from(b'0')..=u32::from(b'9')).contains(&ch)
}
#[inline]
pub fn is_space_ascii(ch: u32) -> bool {
    matches!(ch, 0x09..=0x0d | 0x20)
}
#[inline]
pub fn is_linebreak(ch: u32) -> bool {
    ch == u32::from(b'\n')
}
#[inline]
pub fn is_word(ch: u32) -> bool {
    ch < 0x80 && ((ch as u8).is_ascii_alphanumeric() || ch == u32::from(b'_'))
}
/// `SRE_LOC_IS_WORD` in the C locale refvm runs in (ASCII letters and digits, `_`).
#[inline]
pub fn is_loc_word(ch: u32) -> bool {
    is_word(ch)
}
pub fn is_uni_digit(ch: u32) -> bool {
    char::from_u32(ch).is_some_and(|c| decimal(c).is_some())
}
pub fn is_uni_space(ch: u32) -> bool {
    is_space(ch)
}
pub fn is_uni_linebreak(ch: u32) -> bool {
    matches!(ch, 0x0a..=0x0d | 0x1c..=0x1e | 0x85 | 0x2028 | 0x2029)
}
pub fn is_uni_word(ch: u32) -> bool {
    is_alnum(ch) || ch == u32::from(b'_')
}

/// `sre_lower_ascii`.
#[inline]
pub fn lower_ascii(ch: u32) -> u32 {
    if ch < 128 {
        u32::from((ch as u8).to_ascii_lowercase())
    } else {
        ch
    }
}
/// `sre_lower_locale` (the C locale: ASCII only).
#[inline]
pub fn lower_locale(ch: u32) -> u32 {
    lower_ascii(ch)
}
/// `sre_upper_locale` (the C locale: ASCII only).
#[inline]
pub fn upper_locale(ch: u32) -> u32 {
    if ch < 128 {
        u32::from((ch as u8).to_ascii_uppercase())
    } else {
        ch
    }
}
/// `sre_lower_unicode` (`_PyUnicode_ToLowercase`): one code point; where the full
/// mapping has several, CPython keeps its first.
pub fn lower_unicode(ch: u32) -> u32 {
    if ch < 128 {
        return lower_ascii(ch);
    }
    match char::from_u32(ch).and_then(|c| c.to_lowercase().next()) {
        Some(l) => l as u32,
        None => ch,
    }
}
/// `sre_upper_unicode` (`_PyUnicode_ToUppercase`): one code point; where the full
/// mapping has several (`ß` -> `SS`), CPython keeps its first.
pub fn upper_unicode(ch: u32) -> u32 {
    if ch < 128 {
        return upper_locale(ch);
    }
    match char::from_u32(ch).and_then(|c| c.to_uppercase().next()) {
        Some(u) => u as u32,
        None => ch,
    }
}
/// `char_loc_ignore`.
#[inline]
pub fn char_loc_ignore(pattern: u32, ch: u32) -> bool {
    ch == pattern || lower_locale(ch) == pattern || upper_locale(ch) == pattern
}

/// `sre_category`.
pub fn category(cat: u32, ch: u32) -> bool {
    use category::*;
    match cat {
        DIGIT => is_digit(ch),
        NOT_DIGIT => !is_digit(ch),
        SPACE => is_space_ascii(ch),
        NOT_SPACE => !is_space_ascii(ch),
        WORD => is_word(ch),
        NOT_WORD => !is_word(ch),
        LINEBREAK => is_linebreak(ch),
        NOT_LINEBREAK => !is_linebreak(ch),
        LOC_WORD => is_loc_word(ch),
        LOC_NOT_WORD => !is_loc_word(ch),
        UNI_DIGIT => is_uni_digit(ch),
        UNI_NOT_DIGIT => !is_uni_digit(ch),
        UNI_SPACE => is_uni_space(ch),
        UNI_NOT_SPACE => !is_uni_space(ch),
        UNI_WORD => is_uni_word(ch),
        UNI_NOT_WORD => !is_uni_word(ch),
        UNI_LINEBREAK => is_uni_linebreak(ch),
        UNI_NOT_LINEBREAK => !is_uni_linebreak(ch),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_and_case() {
        assert!(category(category::DIGIT, u32::from(b'7')));
        assert!(!category(category::DIGIT, 0x663));
        assert!(category(category::UNI_DIGIT, 0x663));
        assert!(category(category::UNI_WORD, 0xe9));
        assert!(!category(category::WORD, 0xe9));
        assert_eq!(lower_unicode(0x130), u32::from(b'i'));
        assert_eq!(lower_unicode(u32::from(b'Q')), u32::from(b'q'));
        assert_eq!(upper_unicode(0xdf), u32::from(b'S'));
        assert_eq!(upper_unicode(0x1fb3), 0x391);
        assert!(char_loc_ignore(u32::from(b'a'), u32::from(b'A')));
    }
}
