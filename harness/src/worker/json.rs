//! The worker's answers encoded as JSON in Rust, straight from the Python values the
//! helper builds: dicts with str keys, lists, tuples, str, int, float, bool, None — and
//! `bytes`/`bytearray`, written as latin-1 text (one char per byte, what
//! `protocol::latin1` decodes). Encoding here instead of in Python takes the JSON
//! writer off the round trip (a typical run's answer: ~7 µs in Python, under 1 µs here)
//! and interns nothing in the interpreter (json's C encoder interns "{", "}", "[", "]",
//! which changes later `.pyc` bytes).

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{
    PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple,
};

/// How deep answers nest at most (they are a few levels deep; this only stops a helper
/// bug from overflowing the stack).
const MAX_DEPTH: usize = 64;

/// Appends the JSON text of `obj` to `out`.
pub fn encode(obj: &Bound<'_, PyAny>, out: &mut Vec<u8>) -> PyResult<()> {
    encode_at(obj, out, 0)
}

fn encode_at(obj: &Bound<'_, PyAny>, out: &mut Vec<u8>, depth: usize) -> PyResult<()> {
    if depth > MAX_DEPTH {
        return Err(PyTypeError::new_err("the worker's answer nests too deeply"));
    }
    if obj.is_none() {
        out.extend_from_slice(b"null");
    } else if let Ok(s) = obj.cast::<PyString>() {
        encode_str(s, out)?;
    } else if let Ok(b) = obj.cast::<PyBool>() {
        out.extend_from_slice(if b.is_true() { b"true" } else { b"false" });
    } else if let Ok(i) = obj.cast::<PyInt>() {
        match i.extract::<i64>() {
            Ok(v) => out.extend_from_slice(v.to_string().as_bytes()),
            Err(_) => out.extend_from_slice(i.str()?.to_str()?.as_bytes()),
        }
    } else if let Ok(d) = obj.cast::<PyDict>() {
        out.push(b'{');
        for (n, (k, v)) in d.iter().enumerate() {
            if n > 0 {
                out.push(b',');
            }
            let k = k
                .cast::<PyString>()
                .map_err(|_| PyTypeError::new_err("the worker's answer has a non-str key"))?;
            encode_str(k, out)?;
            out.push(b':');
            encode_at(&v, out, depth + 1)?;
        }
        out.push(b'}');
    } else if let Ok(l) = obj.cast::<PyList>() {
        out.push(b'[');
        for (n, v) in l.iter().enumerate() {
            if n > 0 {
                out.push(b',');
            }
            encode_at(&v, out, depth + 1)?;
        }
        out.push(b']');
    } else if let Ok(t) = obj.cast::<PyTuple>() {
        out.push(b'[');
        for (n, v) in t.iter().enumerate() {
            if n > 0 {
                out.push(b',');
            }
            encode_at(&v, out, depth + 1)?;
        }
        out.push(b']');
    } else if let Ok(b) = obj.cast::<PyBytes>() {
        encode_latin1(b.as_bytes(), out);
    } else if let Ok(b) = obj.cast::<PyByteArray>() {
        // SAFETY: the GIL is held and nothing runs Python code while the slice lives.
        encode_latin1(unsafe { b.as_bytes() }, out);
    } else if let Ok(f) = obj.cast::<PyFloat>() {
        if !f.value().is_finite() {
            return Err(PyTypeError::new_err(
                "the worker cannot encode a non-finite float",
            ));
        }
        out.extend_from_slice(f.repr()?.to_str()?.as_bytes());
    } else {
        let t = obj
            .get_type()
            .name()
            .map(|n| n.to_string())
            .unwrap_or_default();
        return Err(PyTypeError::new_err(format!(
            "the worker cannot encode a {t} in an answer"
        )));
    }
    Ok(())
}

fn encode_str(s: &Bound<'_, PyString>, out: &mut Vec<u8>) -> PyResult<()> {
    match s.to_str() {
        Ok(text) => encode_text(text, out),
        // Lone surrogates: escaped with backslashes, as the helper's `_text` does.
        Err(_) => {
            let escaped = s.call_method1("encode", ("utf-8", "backslashreplace"))?;
            let bytes = escaped.cast::<PyBytes>()?.as_bytes();
            encode_text(&String::from_utf8_lossy(bytes), out);
        }
    }
    Ok(())
}

fn escape_control(b: u8, out: &mut Vec<u8>) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    match b {
        b'\n' => out.extend_from_slice(b"\\n"),
        b'\t' => out.extend_from_slice(b"\\t"),
        b'\r' => out.extend_from_slice(b"\\r"),
        _ => out.extend_from_slice(&[
            b'\\',
            b'u',
            b'0',
            b'0',
            HEX[usize::from(b >> 4)],
            HEX[usize::from(b & 15)],
        ]),
    }
}

/// A JSON string of UTF-8 text.
fn encode_text(text: &str, out: &mut Vec<u8>) {
    out.reserve(text.len() + 2);
    out.push(b'"');
    let bytes = text.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b < 0x20 || b == b'"' || b == b'\\' {
            out.extend_from_slice(&bytes[start..i]);
            match b {
                b'"' => out.extend_from_slice(b"\\\""),
                b'\\' => out.extend_from_slice(b"\\\\"),
                _ => escape_control(b, out),
            }
            start = i + 1;
        }
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

/// A JSON string of the chars U+0000..U+00FF, one per byte.
fn encode_latin1(bytes: &[u8], out: &mut Vec<u8>) {
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    for &b in bytes {
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            0..0x20 => escape_control(b, out),
            0x20..0x80 => out.push(b),
            _ => out.extend_from_slice(&[0xC0 | (b >> 6), 0x80 | (b & 0x3F)]),
        }
    }
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_strings_decode_back_to_their_bytes() {
        let all: Vec<u8> = (0..=255).collect();
        let mut out = Vec::new();
        encode_latin1(&all, &mut out);
        let s: String = serde_json::from_slice(&out).unwrap();
        assert_eq!(crate::worker::protocol::latin1::decode(&s).unwrap(), all);
    }

    #[test]
    fn python_values_encode_as_serde_reads_them() {
        Python::attach(|py| {
            let value = py
                .eval(
                    c"{'s': 'x\"\\n\\ud800é', 'b': b'\\x00\\xff\"', 'a': bytearray(b'hi'), \
                       'l': [1, -2, 10**30, True, False, None, 1.5], 't': (), 'd': {}}",
                    None,
                    None,
                )
                .unwrap();
            let mut out = Vec::new();
            encode(&value, &mut out).unwrap();
            let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
            assert_eq!(v["s"], "x\"\n\\ud800é");
            assert_eq!(v["b"], "\u{0}\u{ff}\"");
            assert_eq!(v["a"], "hi");
            let text = String::from_utf8(out.clone()).unwrap();
            assert!(text.contains("[1,-2,1000000000000000000000000000000,true,false,null,1.5]"));
            assert_eq!(v["t"].to_string(), "[]");
            assert_eq!(v["d"].to_string(), "{}");
            let bad = py.eval(c"{'x': object()}", None, None).unwrap();
            assert!(encode(&bad, &mut Vec::new()).is_err());
            let bad = py.eval(c"{1: 2}", None, None).unwrap();
            assert!(encode(&bad, &mut Vec::new()).is_err());
        });
    }

    #[test]
    fn text_escapes_round_trip() {
        let text = "a\"b\\c\n\t\r\u{1}\u{1f}é€𝄞";
        let mut out = Vec::new();
        encode_text(text, &mut out);
        assert_eq!(serde_json::from_slice::<String>(&out).unwrap(), text);
    }
}
