//! The codecs `str.encode`/`bytes.decode` support: UTF-8, UTF-16 and UTF-32 (with and
//! without BOM, both byte orders), ASCII, Latin-1 and cp1252, with the error handlers
//! strict, ignore, replace, backslashreplace, xmlcharrefreplace, surrogateescape and
//! surrogatepass, and CPython's `UnicodeEncodeError`/`UnicodeDecodeError` positions.

use crate::error::PyResult;
use crate::object::PyRef;
use crate::objects::str::PyStr;
use crate::vm::Vm;

#[derive(Clone, Copy, PartialEq)]
enum Codec {
    Utf8,
    Utf16(Option<bool>), // Some(true) = little-endian; None = native with BOM
    Utf32(Option<bool>),
    Ascii,
    Latin1,
    Cp1252,
}

/// `encodings.normalize_encoding` plus the aliases of the supported codecs.
fn lookup(enc: &str) -> Option<(Codec, &'static str)> {
    let n: String = enc
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| if c == '-' || c == ' ' { '_' } else { c })
        .collect();
    Some(match n.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" => (Codec::Utf8, "utf-8"),
        "utf_16" | "utf16" | "u16" => (Codec::Utf16(None), "utf-16"),
        "utf_16_le" | "utf_16le" => (Codec::Utf16(Some(true)), "utf-16-le"),
        "utf_16_be" | "utf_16be" => (Codec::Utf16(Some(false)), "utf-16-be"),
        "utf_32" | "utf32" | "u32" => (Codec::Utf32(None), "utf-32"),
        "utf_32_le" | "utf_32le" => (Codec::Utf32(Some(true)), "utf-32-le"),
        "utf_32_be" | "utf_32be" => (Codec::Utf32(Some(false)), "utf-32-be"),
        "ascii" | "us_ascii" | "646" | "us" => (Codec::Ascii, "ascii"),
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819" => {
            (Codec::Latin1, "latin-1")
        }
        "cp1252" | "windows_1252" => (Codec::Cp1252, "cp1252"),
        _ => return None,
    })
}

const CP1252_HIGH: [u32; 32] = [
    0x20AC, 0xFFFE, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0xFFFE, 0x017D, 0xFFFE, 0xFFFE, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFE, 0x017E, 0x0178,
];

/// An encoding refvm has no native codec for goes through the codec registry
/// (`_codecs.lookup`, the `encodings` package), as CPython's `_PyCodec_EncodeText` does.
fn via_registry(vm: &Vm, helper: &str, obj: PyRef, enc: &str, errors: &str) -> PyResult {
    let m = crate::modules::import::import_module(vm, "_codecs")?;
    let f = crate::ops::get_attr(vm, &m, &vm.intern(helper))?;
    crate::ops::call::call(vm, &f, &[obj, vm.new_str(enc), vm.new_str(errors)], None)
}

fn unknown(vm: &Vm, enc: &str) -> crate::error::PyErr {
    vm.new_exception_msg(&vm.exc.lookup_error, &format!("unknown encoding: {}", enc))
}

fn check_errors(vm: &Vm, errors: &str) -> PyResult<()> {
    match errors {
        "strict" | "ignore" | "replace" | "backslashreplace" | "xmlcharrefreplace"
        | "surrogateescape" | "surrogatepass" | "namereplace" => Ok(()),
        _ => Err(vm.new_exception_msg(
            &vm.exc.lookup_error,
            &format!("unknown error handler name '{}'", errors),
        )),
    }
}

/// An error handler the native codecs implement themselves; any other name (one
/// registered with `codecs.register_error`, or unknown) goes through `_codecs`, which
/// looks it up only when an error occurs, as CPython does.
fn native_errors(errors: &str) -> bool {
    check_errors_known(errors)
}

fn check_errors_known(errors: &str) -> bool {
    matches!(
        errors,
        "strict"
            | "ignore"
            | "replace"
            | "backslashreplace"
            | "xmlcharrefreplace"
            | "surrogateescape"
            | "surrogatepass"
            | "namereplace"
    )
}

/// Encodes one code point, or None if the codec cannot.
fn enc_one(c: Codec, cp: u32, out: &mut Vec<u8>, surrogatepass: bool) -> bool {
    let is_sur = (0xD800..0xE000).contains(&cp);
    match c {
        Codec::Ascii => {
            if cp < 128 {
                out.push(cp as u8);
                return true;
            }
            false
        }
        Codec::Latin1 => {
            if cp < 256 {
                out.push(cp as u8);
                return true;
            }
            false
        }
        Codec::Cp1252 => {
            if cp < 128 || (0xA0..256).contains(&cp) {
                out.push(cp as u8);
                return true;
            }
            if let Some(i) = CP1252_HIGH.iter().position(|x| *x == cp && cp != 0xFFFE) {
                out.push(0x80 + i as u8);
                return true;
            }
            false
        }
        Codec::Utf8 => {
            if is_sur && !surrogatepass {
                return false;
            }
            let mut buf = [0u8; 4];
            match char::from_u32(cp) {
                Some(ch) => out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes()),
                None => {
                    // a surrogate with surrogatepass: its 3-byte generalized UTF-8 form
                    out.push(0xE0 | (cp >> 12) as u8);
                    out.push(0x80 | ((cp >> 6) & 0x3F) as u8);
                    out.push(0x80 | (cp & 0x3F) as u8);
                }
            }
            true
        }
        Codec::Utf16(le) => {
            if is_sur && !surrogatepass {
                return false;
            }
            let le = le.unwrap_or(true);
            let mut put = |u: u16| {
                if le {
                    out.extend_from_slice(&u.to_le_bytes())
                } else {
                    out.extend_from_slice(&u.to_be_bytes())
                }
            };
            if cp >= 0x10000 {
                let v = cp - 0x10000;
                put(0xD800 | (v >> 10) as u16);
                put(0xDC00 | (v & 0x3FF) as u16);
            } else {
                put(cp as u16);
            }
            true
        }
        Codec::Utf32(le) => {
            if is_sur && !surrogatepass {
                return false;
            }
            if le.unwrap_or(true) {
                out.extend_from_slice(&cp.to_le_bytes());
            } else {
                out.extend_from_slice(&cp.to_be_bytes());
            }
            true
        }
    }
}

/// `str.encode(encoding, errors)`.
pub fn encode(vm: &Vm, s: &PyStr, enc: &str, errors: &str) -> PyResult {
    let Some((codec, name)) = lookup(enc) else {
        let s = vm.new_str_from_gen_utf8(s.as_bytes()).into_object();
        return via_registry(vm, "_encode_text", s, enc, errors);
    };
    if !native_errors(errors) {
        if codec == Codec::Utf8 && s.is_utf8() {
            return Ok(vm.new_bytes(s.as_bytes().to_vec()));
        }
        let s = vm.new_str_from_gen_utf8(s.as_bytes()).into_object();
        return via_registry(vm, "_encode_text", s, enc, errors);
    }
    if codec == Codec::Utf8 && s.is_utf8() {
        return Ok(vm.new_bytes(s.as_bytes().to_vec()));
    }
    check_errors(vm, errors)?;
    let cps: Vec<u32> = s.code_points().collect();
    let mut out = Vec::with_capacity(cps.len());
    match codec {
        Codec::Utf16(None) => out.extend_from_slice(&[0xFF, 0xFE]),
        Codec::Utf32(None) => out.extend_from_slice(&[0xFF, 0xFE, 0, 0]),
        _ => {}
    }
    let surrogatepass = errors == "surrogatepass";
    let reason = match codec {
        Codec::Ascii => "ordinal not in range(128)",
        Codec::Latin1 => "ordinal not in range(256)",
        Codec::Cp1252 => "character maps to <undefined>",
        _ => "surrogates not allowed",
    };
    let mut i = 0;
    while i < cps.len() {
        if enc_one(codec, cps[i], &mut out, surrogatepass) {
            i += 1;
            continue;
        }
        // the run of unencodable characters
        let mut j = i + 1;
        let mut scratch = Vec::new();
        while j < cps.len() && !enc_one(codec, cps[j], &mut scratch, surrogatepass) {
            j += 1;
        }
        match errors {
            "ignore" => {}
            "replace" => {
                for _ in i..j {
                    enc_one(codec, u32::from(b'?'), &mut out, false);
                }
            }
            "xmlcharrefreplace" => {
                for cp in &cps[i..j] {
                    for b in format!("&#{};", cp).bytes() {
                        enc_one(codec, u32::from(b), &mut out, false);
                    }
                }
            }
            "backslashreplace" => {
                for cp in &cps[i..j] {
                    let t = if *cp < 0x100 {
                        format!("\\x{:02x}", cp)
                    } else if *cp < 0x10000 {
                        format!("\\u{:04x}", cp)
                    } else {
                        format!("\\U{:08x}", cp)
                    };
                    for b in t.bytes() {
                        enc_one(codec, u32::from(b), &mut out, false);
                    }
                }
            }
            "namereplace" => {
                for cp in &cps[i..j] {
                    let t = match refvm_common::unicode_names::name(*cp) {
                        Some(n) => format!("\\N{{{}}}", n),
                        None if *cp < 0x100 => format!("\\x{:02x}", cp),
                        None if *cp < 0x10000 => format!("\\u{:04x}", cp),
                        None => format!("\\U{:08x}", cp),
                    };
                    for b in t.bytes() {
                        enc_one(codec, u32::from(b), &mut out, false);
                    }
                }
            }
            "surrogateescape" if cps[i..j].iter().all(|c| (0xDC80..0xDD00).contains(c)) => {
                for cp in &cps[i..j] {
                    out.push((cp - 0xDC00) as u8);
                }
            }
            _ => {
                return Err(vm.new_exception(
                    &vm.exc.unicode_encode_error,
                    vec![
                        vm.new_str(name),
                        vm.new_str_from_gen_utf8(s.as_bytes()).into_object(),
                        vm.new_usize(i),
                        vm.new_usize(j),
                        vm.new_str(reason),
                    ],
                ));
            }
        }
        i = j;
        vm.check_alloc(out.len())?;
    }
    Ok(vm.new_bytes(out))
}

/// One decoding step: Ok((code point, bytes used)) or Err((error end offset, reason)).
type Step = Result<(u32, usize), (usize, &'static str)>;

fn utf8_step(b: &[u8], i: usize) -> Step {
    let c0 = b[i];
    if c0 < 0x80 {
        return Ok((u32::from(c0), 1));
    }
    let (n, min, init) = match c0 {
        0xC2..=0xDF => (2, 0x80, u32::from(c0 & 0x1F)),
        0xE0..=0xEF => (3, 0x800, u32::from(c0 & 0x0F)),
        0xF0..=0xF4 => (4, 0x10000, u32::from(c0 & 0x07)),
        _ => return Err((i + 1, "invalid start byte")),
    };
    let mut cp = init;
    for k in 1..n {
        let Some(&c) = b.get(i + k) else {
            return Err((b.len(), "unexpected end of data"));
        };
        let ok = match (k, c0) {
            (1, 0xE0) => (0xA0..=0xBF).contains(&c),
            (1, 0xED) => (0x80..=0x9F).contains(&c),
            (1, 0xF0) => (0x90..=0xBF).contains(&c),
            (1, 0xF4) => (0x80..=0x8F).contains(&c),
            _ => (0x80..=0xBF).contains(&c),
        };
        if !ok {
            return Err((i + k, "invalid continuation byte"));
        }
        cp = (cp << 6) | u32::from(c & 0x3F);
    }
    let _ = min;
    Ok((cp, n))
}

/// `bytes.decode(encoding, errors)`.
pub fn decode_with(vm: &Vm, b: &[u8], enc: &str, errors: &str) -> PyResult<PyRef<PyStr>> {
    let Some((codec, name)) = lookup(enc) else {
        let r = via_registry(vm, "_decode_text", vm.new_bytes(b.to_vec()), enc, errors)?;
        return r.downcast::<PyStr>().map_err(|_| unknown(vm, enc));
    };
    if !native_errors(errors) {
        if codec == Codec::Utf8 {
            if let Ok(s) = std::str::from_utf8(b) {
                return Ok(vm.new_pystr(s));
            }
        }
        let r = via_registry(vm, "_decode_text", vm.new_bytes(b.to_vec()), enc, errors)?;
        return r.downcast::<PyStr>().map_err(|_| unknown(vm, enc));
    }
    if codec == Codec::Utf8 {
        if let Ok(s) = std::str::from_utf8(b) {
            return Ok(vm.new_pystr(s));
        }
    }
    check_errors(vm, errors)?;
    let mut cps: Vec<u32> = Vec::with_capacity(b.len());
    let mut i = 0;
    // byte order for BOM-detecting codecs
    let mut le16 = match codec {
        Codec::Utf16(Some(le)) => le,
        _ => true,
    };
    let mut le32 = match codec {
        Codec::Utf32(Some(le)) => le,
        _ => true,
    };
    if codec == Codec::Utf16(None) && b.len() >= 2 {
        if b[..2] == [0xFF, 0xFE] {
            i = 2;
        } else if b[..2] == [0xFE, 0xFF] {
            le16 = false;
            i = 2;
        }
    }
    if codec == Codec::Utf32(None) && b.len() >= 4 {
        if b[..4] == [0xFF, 0xFE, 0, 0] {
            i = 4;
        } else if b[..4] == [0, 0, 0xFE, 0xFF] {
            le32 = false;
            i = 4;
        }
    }
    while i < b.len() {
        let step: Step = match codec {
            Codec::Utf8 => utf8_step(b, i),
            Codec::Ascii => {
                if b[i] < 128 {
                    Ok((u32::from(b[i]), 1))
                } else {
                    Err((i + 1, "ordinal not in range(128)"))
                }
            }
            Codec::Latin1 => Ok((u32::from(b[i]), 1)),
            Codec::Cp1252 => {
                if (0x80..0xA0).contains(&b[i]) {
                    let cp = CP1252_HIGH[(b[i] - 0x80) as usize];
                    if cp == 0xFFFE {
                        Err((i + 1, "character maps to <undefined>"))
                    } else {
                        Ok((cp, 1))
                    }
                } else {
                    Ok((u32::from(b[i]), 1))
                }
            }
            Codec::Utf16(_) => {
                let rd = |j: usize| -> Option<u32> {
                    let p = b.get(j..j + 2)?;
                    Some(u32::from(if le16 {
                        u16::from_le_bytes([p[0], p[1]])
                    } else {
                        u16::from_be_bytes([p[0], p[1]])
                    }))
                };
                match rd(i) {
                    None => Err((b.len(), "truncated data")),
                    Some(u) if (0xD800..0xDC00).contains(&u) => match rd(i + 2) {
                        None => Err((b.len(), "unexpected end of data")),
                        Some(l) if (0xDC00..0xE000).contains(&l) => {
                            Ok((0x10000 + ((u - 0xD800) << 10) + (l - 0xDC00), 4))
                        }
                        Some(_) => Err((i + 2, "illegal UTF-16 surrogate")),
                    },
                    Some(u) if (0xDC00..0xE000).contains(&u) => Err((i + 2, "illegal encoding")),
                    Some(u) => Ok((u, 2)),
                }
            }
            Codec::Utf32(_) => match b.get(i..i + 4) {
                None => Err((b.len(), "truncated data")),
                Some(p) => {
                    let v = if le32 {
                        u32::from_le_bytes([p[0], p[1], p[2], p[3]])
                    } else {
                        u32::from_be_bytes([p[0], p[1], p[2], p[3]])
                    };
                    if v > 0x10FFFF {
                        Err((i + 4, "code point not in range(0x110000)"))
                    } else if (0xD800..0xE000).contains(&v) && errors != "surrogatepass" {
                        Err((
                            i + 4,
                            "code point in surrogate code point range(0xd800, 0xe000)",
                        ))
                    } else {
                        Ok((v, 4))
                    }
                }
            },
        };
        match step {
            Ok((cp, n)) => {
                cps.push(cp);
                i += n;
            }
            Err((end, reason)) => {
                match errors {
                    "ignore" => {}
                    "replace" => cps.push(0xFFFD),
                    "backslashreplace" => {
                        for x in &b[i..end] {
                            cps.extend(format!("\\x{:02x}", x).bytes().map(u32::from));
                        }
                    }
                    "surrogateescape" if b[i] >= 0x80 => {
                        for x in &b[i..end] {
                            cps.push(0xDC00 + u32::from(*x));
                        }
                    }
                    "surrogatepass"
                        if codec == Codec::Utf8
                            && b.len() >= i + 3
                            && b[i] == 0xED
                            && (0xA0..=0xBF).contains(&b[i + 1])
                            && (0x80..=0xBF).contains(&b[i + 2]) =>
                    {
                        cps.push(
                            0xD000 | (u32::from(b[i + 1] & 0x3F) << 6) | u32::from(b[i + 2] & 0x3F),
                        );
                        i += 3;
                        continue;
                    }
                    _ => {
                        return Err(vm.new_exception(
                            &vm.exc.unicode_decode_error,
                            vec![
                                vm.new_str(name),
                                vm.new_bytes(b.to_vec()),
                                vm.new_usize(i),
                                vm.new_usize(end),
                                vm.new_str(reason),
                            ],
                        ));
                    }
                }
                i = end.max(i + 1);
            }
        }
    }
    Ok(vm.new_str_from_code_points(cps))
}
