//! `str` objects: storage, creation, hashing, equality, interning. Methods live in
//! `str_methods.rs`, formatting in `str_format.rs`.
//!
//! Storage deviates from PEP 393 on purpose: the code points are kept inline as
//! generalized UTF-8 (the `refvm_common::PyStr` encoding: surrogates encoded alone), with
//! the length in code points, an ASCII flag and a cached hash. `hash()` is still CPython's
//! (computed over the PEP 393 buffer, once). Indexing is O(1) for ASCII strings and O(n)
//! otherwise.

use crate::object::alloc::{alloc_var, drop_nothing};
use crate::object::typeobj::LayoutOps;
use crate::object::{PyObject, PyRef};
use crate::vm::Vm;
use std::cell::Cell;

/// A `str` object; `len` code points stored as generalized UTF-8 after the struct.
#[repr(C)]
pub struct PyStr {
    pub ob: PyObject,
    hash: Cell<i64>,
    /// Length in code points.
    len: usize,
    /// Length in bytes.
    blen: usize,
    ascii: bool,
    /// The bytes are valid UTF-8 (no lone surrogates).
    utf8: bool,
    pub interned: Cell<bool>,
    data: [u8; 0],
}
crate::payload!(PyStr, Str);

/// The str type's basic size: where the bytes start (the struct's tail padding is reused).
pub const STR_BASE_SIZE: usize = std::mem::offset_of!(PyStr, data);

fn str_var_size(o: &PyObject) -> usize {
    // SAFETY: only installed on str-layout types.
    unsafe { o.cast_unchecked::<PyStr>().blen + 1 }
}

pub const STR_LAYOUT_OPS: LayoutOps = LayoutOps {
    drop_payload: drop_nothing,
    var_size: str_var_size,
};

impl PyStr {
    /// The stored bytes (generalized UTF-8).
    #[inline(always)]
    pub fn as_bytes(&self) -> &[u8] {
        // SAFETY: blen bytes were written after the struct at creation and never change.
        unsafe { std::slice::from_raw_parts(self.data.as_ptr(), self.blen) }
    }
    /// The text, when it has no lone surrogates.
    #[inline(always)]
    pub fn as_str(&self) -> Option<&str> {
        if self.utf8 {
            // SAFETY: validated at creation.
            Some(unsafe { std::str::from_utf8_unchecked(self.as_bytes()) })
        } else {
            None
        }
    }
    /// The text with lone surrogates shown as U+FFFD (for messages and output).
    pub fn to_string_lossy(&self) -> String {
        match self.as_str() {
            Some(s) => s.to_owned(),
            None => self
                .code_points()
                .map(|c| char::from_u32(c).unwrap_or('\u{fffd}'))
                .collect(),
        }
    }
    /// `as_str` or a lossy copy.
    pub fn as_cow(&self) -> std::borrow::Cow<'_, str> {
        match self.as_str() {
            Some(s) => std::borrow::Cow::Borrowed(s),
            None => std::borrow::Cow::Owned(self.to_string_lossy()),
        }
    }
    #[inline(always)]
    pub fn char_len(&self) -> usize {
        self.len
    }
    #[inline(always)]
    pub fn byte_len(&self) -> usize {
        self.blen
    }
    #[inline(always)]
    pub fn is_ascii(&self) -> bool {
        self.ascii
    }
    pub fn is_utf8(&self) -> bool {
        self.utf8
    }
    pub fn code_points(&self) -> refvm_common::pystr::CodePoints<'_> {
        code_points_of(self.as_bytes())
    }
    /// The code point at index `i` (< len).
    pub fn code_point_at(&self, i: usize) -> u32 {
        if self.ascii {
            return u32::from(self.as_bytes()[i]);
        }
        self.code_points().nth(i).unwrap_or(0)
    }
    /// Byte offset of code point `i` (`i <= len`).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.ascii {
            return i;
        }
        let b = self.as_bytes();
        let mut n = 0;
        for (off, &c) in b.iter().enumerate() {
            if c & 0xc0 != 0x80 {
                if n == i {
                    return off;
                }
                n += 1;
            }
        }
        b.len()
    }
    /// Largest code point (PEP 393 kind decides 1, 2 or 4 bytes).
    pub fn max_code_point(&self) -> u32 {
        if self.ascii {
            return self.as_bytes().iter().copied().max().map_or(0, u32::from);
        }
        self.code_points().max().unwrap_or(0)
    }
    /// `hash(s)`, cached.
    #[inline]
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = if self.ascii {
            refvm_common::hash::hash_bytes(self.as_bytes())
        } else {
            // The PEP 393 buffer.
            let max = self.max_code_point();
            let width = if max <= 0xff {
                1
            } else if max <= 0xffff {
                2
            } else {
                4
            };
            let mut buf = Vec::with_capacity(self.len * width);
            for cp in self.code_points() {
                buf.extend_from_slice(&cp.to_le_bytes()[..width]);
            }
            refvm_common::hash::hash_bytes(&buf)
        };
        self.hash.set(h);
        h
    }
    /// Equality of contents.
    #[inline]
    pub fn eq_str(&self, other: &PyStr) -> bool {
        std::ptr::eq(self, other)
            || (self.blen == other.blen && self.as_bytes() == other.as_bytes())
    }
    /// As the common `PyStr` value type.
    pub fn to_pystr(&self) -> refvm_common::PyStr {
        refvm_common::PyStr::from_surrogatepass_utf8(self.as_bytes().to_vec()).unwrap_or_default()
    }
}

/// Iterates code points of generalized UTF-8.
pub fn code_points_of(b: &[u8]) -> refvm_common::pystr::CodePoints<'_> {
    // PyStr's iterator is what we need; build through a borrowed wrapper.
    refvm_common::pystr::CodePoints::over(b)
}

impl std::fmt::Display for PyStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.as_cow())
    }
}

/// Counts code points of generalized UTF-8 bytes.
pub fn count_chars(b: &[u8]) -> usize {
    b.iter().filter(|&&c| c & 0xc0 != 0x80).count()
}

impl Vm {
    /// A new `str` from bytes already known to be generalized UTF-8.
    pub fn new_str_from_gen_utf8(&self, bytes: &[u8]) -> PyRef<PyStr> {
        let ascii = bytes.is_ascii();
        if bytes.len() <= 1 && ascii {
            if bytes.is_empty() {
                return self.empty_str.clone();
            }
            return self.latin1_chars[bytes[0] as usize].clone();
        }
        let utf8 = ascii || std::str::from_utf8(bytes).is_ok();
        let len = if ascii {
            bytes.len()
        } else {
            count_chars(bytes)
        };
        if len == 1 {
            let cp = code_points_of(bytes).next().unwrap_or(0);
            if cp < 256 {
                return self.latin1_chars[cp as usize].clone();
            }
        }
        self.alloc_str(bytes, len, ascii, utf8)
    }

    fn alloc_str(&self, bytes: &[u8], len: usize, ascii: bool, utf8: bool) -> PyRef<PyStr> {
        alloc_str_raw_with_type(&self.types.str, bytes, len, ascii, utf8)
    }
}

/// Allocates a str of type `t` (str or a subclass) from generalized UTF-8 bytes.
pub fn alloc_str_with_type(t: &crate::object::PyType, bytes: &[u8]) -> PyRef<PyStr> {
    let ascii = bytes.is_ascii();
    let utf8 = ascii || std::str::from_utf8(bytes).is_ok();
    let len = if ascii {
        bytes.len()
    } else {
        count_chars(bytes)
    };
    alloc_str_raw_with_type(t, bytes, len, ascii, utf8)
}

fn alloc_str_raw_with_type(
    t: &crate::object::PyType,
    bytes: &[u8],
    len: usize,
    ascii: bool,
    utf8: bool,
) -> PyRef<PyStr> {
    let payload = PyStr {
        ob: crate::object::header(),
        hash: Cell::new(-1),
        len,
        blen: bytes.len(),
        ascii,
        utf8,
        interned: Cell::new(false),
        data: [],
    };
    // SAFETY: str layout; we fill the var part right away.
    unsafe {
        let s = alloc_var(t, payload, bytes.len() + 1);
        let dst = s.data.as_ptr() as *mut u8;
        std::ptr::copy_nonoverlapping(bytes.as_ptr(), dst, bytes.len());
        *dst.add(bytes.len()) = 0;
        s
    }
}

impl Vm {
    /// A new `str` from Rust text.
    #[inline]
    pub fn new_str(&self, s: &str) -> PyRef {
        self.new_str_from_gen_utf8(s.as_bytes()).into_object()
    }

    /// A new `str`, typed.
    #[inline]
    pub fn new_pystr(&self, s: &str) -> PyRef<PyStr> {
        self.new_str_from_gen_utf8(s.as_bytes())
    }

    /// A `str` from a common `PyStr` value.
    pub fn new_str_from_pystr(&self, s: &refvm_common::PyStr) -> PyRef<PyStr> {
        self.new_str_from_gen_utf8(s.as_bytes())
    }

    /// A `str` from code points (each ≤ 0x10FFFF).
    pub fn new_str_from_code_points(&self, cps: impl IntoIterator<Item = u32>) -> PyRef<PyStr> {
        let mut s = refvm_common::PyStr::new();
        for c in cps {
            s.push(c);
        }
        self.new_str_from_pystr(&s)
    }

    /// The interned string equal to `s` (`sys.intern`).
    pub fn intern_str(&self, s: PyRef<PyStr>) -> PyRef<PyStr> {
        if s.interned.get() {
            return s;
        }
        // SAFETY: the intern table is only touched here and in `intern`; no Python code runs.
        let table = unsafe { &mut *self.interned.get() };
        if let Some(v) = table.get(s.as_bytes()) {
            return v.clone();
        }
        s.interned.set(true);
        table.insert(s.as_bytes().to_vec().into_boxed_slice(), s.clone());
        s
    }

    /// The interned string for `name`.
    pub fn intern(&self, name: &str) -> PyRef<PyStr> {
        // SAFETY: as in intern_str.
        let table = unsafe { &*self.interned.get() };
        if let Some(v) = table.get(name.as_bytes()) {
            return v.clone();
        }
        let s = self.new_pystr(name);
        // Single characters come from the shared cache; intern that object.
        self.intern_str(s)
    }
}
