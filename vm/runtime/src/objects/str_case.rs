//! CPython's per-character case algorithms (`Objects/unicodeobject.c` `do_*`), with the
//! Final_Sigma rule of `handle_capital_sigma` and the titlecase/casefold data.

use crate::objects::str_case_data::{CASEFOLD, TITLE};

fn look(t: &[(u32, &'static str)], c: char) -> Option<&'static str> {
    t.binary_search_by_key(&(c as u32), |e| e.0)
        .ok()
        .map(|i| t[i].1)
}
pub fn is_titlecase(c: char) -> bool {
    matches!(c as u32, 0x1C5 | 0x1C8 | 0x1CB | 0x1F2 | 0x1F88..=0x1F8F | 0x1F98..=0x1F9F
        | 0x1FA8..=0x1FAF | 0x1FBC | 0x1FCC | 0x1FFC)
}
pub fn is_cased(c: char) -> bool {
    c.is_lowercase() || c.is_uppercase() || is_titlecase(c)
}
fn is_case_ignorable(c: char) -> bool {
    matches!(
        c,
        '\'' | '.'
            | ':'
            | '^'
            | '`'
            | '\u{a8}'
            | '\u{ad}'
            | '\u{af}'
            | '\u{b4}'
            | '\u{b7}'
            | '\u{b8}'
            | '\u{2019}'
    ) || matches!(c as u32, 0x300..=0x36F | 0x2B0..=0x2FF | 0x483..=0x489 | 0x591..=0x5BD
            | 0x200B..=0x200F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE00..=0xFE0F
            | 0xFE20..=0xFE2F)
}
/// `lower_ucs4` for chars[i]: Σ becomes ς in the Final_Sigma context.
fn lower_at(chars: &[char], i: usize, out: &mut String) {
    let c = chars[i];
    if c != '\u{3a3}' {
        out.extend(c.to_lowercase());
        return;
    }
    let mut j = i;
    let mut before = false;
    while j > 0 {
        j -= 1;
        if !is_case_ignorable(chars[j]) {
            before = is_cased(chars[j]);
            break;
        }
    }
    let mut final_sigma = before;
    if final_sigma {
        let mut k = i + 1;
        while k < chars.len() && is_case_ignorable(chars[k]) {
            k += 1;
        }
        final_sigma = k == chars.len() || !is_cased(chars[k]);
    }
    out.push(if final_sigma { '\u{3c2}' } else { '\u{3c3}' });
}
fn title_char(c: char, out: &mut String) {
    match look(TITLE, c) {
        Some(t) => out.push_str(t),
        None => out.extend(c.to_uppercase()),
    }
}
pub fn casefold(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    for c in t.chars() {
        match look(CASEFOLD, c) {
            Some(f) => out.push_str(f),
            None => out.extend(c.to_lowercase()),
        }
    }
    out
}
pub fn swapcase(t: &str) -> String {
    let chars: Vec<char> = t.chars().collect();
    let mut out = String::with_capacity(t.len());
    for (i, &c) in chars.iter().enumerate() {
        if c.is_uppercase() {
            lower_at(&chars, i, &mut out);
        } else if c.is_lowercase() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    out
}
pub fn capitalize(t: &str) -> String {
    let chars: Vec<char> = t.chars().collect();
    let mut out = String::with_capacity(t.len());
    for (i, &c) in chars.iter().enumerate() {
        if i == 0 {
            title_char(c, &mut out);
        } else {
            lower_at(&chars, i, &mut out);
        }
    }
    out
}
pub fn title(t: &str) -> String {
    let chars: Vec<char> = t.chars().collect();
    let mut out = String::with_capacity(t.len());
    let mut prev = false;
    for (i, &c) in chars.iter().enumerate() {
        if prev {
            lower_at(&chars, i, &mut out);
        } else {
            title_char(c, &mut out);
        }
        prev = is_cased(c);
    }
    out
}
