//! The marshal reader (`r_object` of `Python/marshal.c`), bounded and panic-free, with an
//! optional record of the stream's layout for byte-identical rewriting.

use super::types::*;
use super::{ErrorKind, Layout, LayoutItem, MAX_MARSHAL_STACK_DEPTH, MarshalError};
use crate::code::{CO_FAST_LOCAL, CodeObject, Constant, flags};
use num_bigint::{BigInt, BigUint, Sign};
use refvm_common::PyStr;
use std::sync::Arc;

/// `marshal.loads(data)` for data holding a code object (trailing bytes are ignored, as
/// CPython does).
pub fn loads(data: &[u8]) -> Result<CodeObject, MarshalError> {
    into_code(read(data, false)?.0)
}

/// [`loads`] that also returns the stream's [`Layout`], for [`super::dumps_with_layout`].
pub fn loads_preserving(data: &[u8]) -> Result<(CodeObject, Layout), MarshalError> {
    let (value, layout) = read(data, true)?;
    Ok((into_code(value)?, layout))
}

/// `marshal.loads(data)` for any value a code object can hold.
pub fn loads_constant(data: &[u8]) -> Result<Constant, MarshalError> {
    Ok(read(data, false)?.0)
}

/// [`loads_constant`] that also returns the stream's [`Layout`].
pub fn loads_constant_preserving(data: &[u8]) -> Result<(Constant, Layout), MarshalError> {
    read(data, true)
}

fn into_code(value: Constant) -> Result<CodeObject, MarshalError> {
    match value {
        Constant::Code(code) => {
            Ok(Arc::try_unwrap(code).unwrap_or_else(|shared| (*shared).clone()))
        }
        _ => Err(MarshalError::new(ErrorKind::NotCode, 0)),
    }
}

fn read(data: &[u8], preserve: bool) -> Result<(Constant, Layout), MarshalError> {
    let mut r = Reader {
        data,
        pos: 0,
        refs: Vec::new(),
        layout: preserve.then(Vec::new),
        produced: 0,
        set_orders: Vec::new(),
        budget: data.len().saturating_mul(64).saturating_add(1 << 20),
    };
    let value = r.read_object()?;
    let items = r.layout.take().unwrap_or_default();
    Ok((
        value,
        Layout {
            items,
            set_orders: r.set_orders,
        },
    ))
}

/// A back-reference slot (`p->refs` of CPython).
enum Slot {
    /// Reserved by a tuple, frozenset or code object still being read.
    Pending,
    /// A str/bytes/int/float/complex whose payload starts at `start`: decoded again on
    /// each reference, so unreferenced slots cost nothing.
    Leaf { ty: u8, start: usize, weight: usize },
    /// A finished composite and its size in produced units.
    Value(Constant, usize),
}

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    refs: Vec<Slot>,
    layout: Option<Vec<LayoutItem>>,
    /// Units (objects plus payload bytes) built so far, copies made by
    /// back-references included; bounded by `budget`.
    produced: usize,
    budget: usize,
    /// `Layout::set_orders`, filled when preserving.
    set_orders: Vec<Vec<u32>>,
}

impl<'a> Reader<'a> {
    fn err<T>(&self, kind: ErrorKind) -> Result<T, MarshalError> {
        Err(MarshalError::new(kind, self.pos))
    }

    fn remaining(&self) -> usize {
        self.data.len() - self.pos
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], MarshalError> {
        match self.data.get(self.pos..self.pos.saturating_add(n)) {
            Some(s) if n <= self.remaining() => {
                self.pos += n;
                Ok(s)
            }
            _ => self.err(ErrorKind::TooShort),
        }
    }

    fn r_byte(&mut self) -> Result<u8, MarshalError> {
        match self.data.get(self.pos) {
            Some(b) => {
                self.pos += 1;
                Ok(*b)
            }
            None => self.err(ErrorKind::EofObject),
        }
    }

    fn r_long(&mut self) -> Result<i32, MarshalError> {
        let b = self.take(4)?;
        Ok(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// A declared 32-bit size, which must be non-negative.
    fn r_size(&mut self, what: &'static str) -> Result<usize, MarshalError> {
        let n = self.r_long()?;
        if n < 0 {
            return self.err(ErrorKind::SizeOutOfRange(what));
        }
        Ok(n as usize)
    }

    fn produce(&mut self, units: usize) -> Result<(), MarshalError> {
        self.produced = self.produced.saturating_add(units);
        if self.produced > self.budget {
            return self.err(ErrorKind::TooLarge);
        }
        Ok(())
    }

    fn record(&mut self, item: LayoutItem) {
        if let Some(l) = &mut self.layout {
            l.push(item);
        }
    }

    /// `r_object` for the top-level object. CPython recurses; this reader keeps an
    /// explicit stack of the containers being filled, so nesting costs heap, not Rust
    /// stack, and the depth limit is CPython's.
    fn read_object(&mut self) -> Result<Constant, MarshalError> {
        let mut stack: Vec<Frame> = Vec::new();
        'read: loop {
            let what = match stack.last() {
                None => "object",
                Some(Frame::Seq {
                    frozenset: false, ..
                }) => "tuple",
                Some(Frame::Seq {
                    frozenset: true, ..
                }) => "set",
                Some(Frame::Code { .. }) => "code",
            };
            let Some(mut value) = self.start_object(&mut stack, what)? else {
                continue;
            };
            // Hand the finished value to its container, finishing containers in turn.
            loop {
                match stack.last_mut() {
                    None => return Ok(value),
                    Some(Frame::Seq { items, n, .. }) => {
                        items.push(value);
                        if items.len() < *n {
                            continue 'read;
                        }
                    }
                    Some(Frame::Code {
                        fields,
                        firstlineno,
                        ..
                    }) => {
                        fields.push(value);
                        if fields.len() == 8 {
                            *firstlineno = self.r_long()?;
                        }
                        if fields.len() < 10 {
                            continue 'read;
                        }
                    }
                }
                let Some(frame) = stack.pop() else {
                    return Err(MarshalError::new(ErrorKind::EofObject, self.pos));
                };
                value = self.finish(frame)?;
            }
        }
    }

    /// Reads one type code and what can be read at once: a finished value, or `None`
    /// after pushing a container whose items come next.
    fn start_object(
        &mut self,
        stack: &mut Vec<Frame>,
        what: &'static str,
    ) -> Result<Option<Constant>, MarshalError> {
        let start = self.pos;
        let code = self.r_byte()?;
        if stack.len() >= MAX_MARSHAL_STACK_DEPTH {
            return Err(MarshalError::new(ErrorKind::RecursionLimit, start));
        }
        let flag = code & FLAG_REF != 0;
        let ty = code & !FLAG_REF;
        if ty == TYPE_REF {
            return self.read_ref(start).map(Some);
        }
        self.record(LayoutItem::Object(code));
        self.produce(1)?;
        let value = match ty {
            TYPE_NULL => return Err(MarshalError::new(ErrorKind::NullObject(what), start)),
            // Singletons ignore FLAG_REF, as CPython does.
            TYPE_NONE => Constant::None,
            TYPE_FALSE => Constant::Bool(false),
            TYPE_TRUE => Constant::Bool(true),
            TYPE_STOPITER => Constant::StopIteration,
            TYPE_ELLIPSIS => Constant::Ellipsis,
            TYPE_INT
            | TYPE_INT64
            | TYPE_LONG
            | TYPE_FLOAT
            | TYPE_BINARY_FLOAT
            | TYPE_COMPLEX
            | TYPE_BINARY_COMPLEX
            | TYPE_STRING
            | TYPE_ASCII
            | TYPE_ASCII_INTERNED
            | TYPE_SHORT_ASCII
            | TYPE_SHORT_ASCII_INTERNED
            | TYPE_UNICODE
            | TYPE_INTERNED => {
                let payload = self.pos;
                let value = self.read_leaf(ty)?;
                if flag {
                    let weight = self.pos - payload + 1;
                    self.refs.push(Slot::Leaf {
                        ty,
                        start: payload,
                        weight,
                    });
                }
                value
            }
            TYPE_SMALL_TUPLE | TYPE_TUPLE | TYPE_FROZENSET => {
                let frozenset = ty == TYPE_FROZENSET;
                let n = match ty {
                    TYPE_SMALL_TUPLE => usize::from(self.r_byte()?),
                    TYPE_TUPLE => self.r_size("tuple")?,
                    _ => self.r_size("set")?,
                };
                let slot = self.reserve(flag);
                let before = self.produced;
                // Every item takes at least one byte: never allocate past the input.
                let items = Vec::with_capacity(n.min(self.remaining()));
                let order_slot = (frozenset && self.layout.is_some()).then(|| {
                    self.set_orders.push(Vec::new());
                    self.set_orders.len() - 1
                });
                let frame = Frame::Seq {
                    items,
                    n,
                    slot,
                    before,
                    frozenset,
                    order_slot,
                };
                if n > 0 {
                    stack.push(frame);
                    return Ok(None);
                }
                self.finish(frame)?
            }
            TYPE_CODE => {
                let slot = self.reserve(flag);
                let at = self.pos;
                let mut header = [0i32; 5];
                for h in &mut header {
                    *h = self.r_long()?;
                }
                stack.push(Frame::Code {
                    slot,
                    at,
                    header,
                    fields: Vec::with_capacity(10),
                    firstlineno: 0,
                });
                return Ok(None);
            }
            TYPE_LIST => return Err(MarshalError::new(ErrorKind::Unsupported("list"), start)),
            TYPE_DICT => return Err(MarshalError::new(ErrorKind::Unsupported("dict"), start)),
            TYPE_SET => return Err(MarshalError::new(ErrorKind::Unsupported("set"), start)),
            _ => return Err(MarshalError::new(ErrorKind::UnknownType(code), start)),
        };
        Ok(Some(value))
    }

    /// Builds a finished container and fills its back-reference slot.
    fn finish(&mut self, frame: Frame) -> Result<Constant, MarshalError> {
        match frame {
            Frame::Seq {
                items,
                slot,
                before,
                frozenset,
                order_slot,
                ..
            } => {
                let value = if frozenset {
                    // CPython adds the members in stream order: the order the value keeps.
                    if let Some(o) = order_slot.and_then(|i| self.set_orders.get_mut(i)) {
                        *o = (0..items.len() as u32).collect();
                    }
                    Constant::FrozenSet(items)
                } else {
                    Constant::Tuple(items)
                };
                self.fill(slot, &value, before);
                Ok(value)
            }
            Frame::Code {
                slot,
                at,
                header,
                fields,
                firstlineno,
            } => {
                let value = Constant::Code(Arc::new(build_code(at, header, fields, firstlineno)?));
                if let Some(i) = slot {
                    self.refs[i] = Slot::Value(value.clone(), 1);
                }
                Ok(value)
            }
        }
    }

    fn reserve(&mut self, flag: bool) -> Option<usize> {
        flag.then(|| {
            self.refs.push(Slot::Pending);
            self.refs.len() - 1
        })
    }

    fn fill(&mut self, slot: Option<usize>, value: &Constant, before: usize) {
        if let Some(i) = slot {
            let weight = self.produced - before + 1;
            self.refs[i] = Slot::Value(value.clone(), weight);
        }
    }

    #[inline(never)]
    fn read_ref(&mut self, start: usize) -> Result<Constant, MarshalError> {
        let n = self.r_long()?;
        let bad = |kind| Err(MarshalError::new(kind, start));
        let Some(slot) = usize::try_from(n).ok().and_then(|i| self.refs.get(i)) else {
            return bad(ErrorKind::InvalidRef);
        };
        match slot {
            Slot::Pending => bad(ErrorKind::RefCycle),
            Slot::Value(v, weight) => {
                let (v, weight) = (v.clone(), *weight);
                self.produce(weight)?;
                self.record(LayoutItem::Ref(n as u32));
                Ok(v)
            }
            &Slot::Leaf {
                ty,
                start: payload,
                weight,
            } => {
                self.produce(weight)?;
                self.record(LayoutItem::Ref(n as u32));
                let here = self.pos;
                self.pos = payload;
                let v = self.read_leaf(ty);
                self.pos = here;
                v
            }
        }
    }

    /// The payload of a str, bytes, int, float or complex.
    #[inline(never)]
    fn read_leaf(&mut self, ty: u8) -> Result<Constant, MarshalError> {
        Ok(match ty {
            TYPE_INT => Constant::Int(BigInt::from(self.r_long()?)),
            TYPE_INT64 => {
                let b = self.take(8)?;
                let mut a = [0u8; 8];
                a.copy_from_slice(b);
                Constant::Int(BigInt::from(i64::from_le_bytes(a)))
            }
            TYPE_LONG => Constant::Int(self.read_long()?),
            TYPE_BINARY_FLOAT => Constant::Float(self.r_float_bin()?),
            TYPE_FLOAT => Constant::Float(self.r_float_str()?),
            TYPE_BINARY_COMPLEX => {
                let re = self.r_float_bin()?;
                let im = self.r_float_bin()?;
                Constant::Complex { re, im }
            }
            TYPE_COMPLEX => {
                let re = self.r_float_str()?;
                let im = self.r_float_str()?;
                Constant::Complex { re, im }
            }
            TYPE_STRING => {
                let n = self.r_size("bytes object")?;
                let b = self.take(n)?;
                self.produce(n)?;
                Constant::Bytes(b.to_vec())
            }
            TYPE_ASCII | TYPE_ASCII_INTERNED | TYPE_SHORT_ASCII | TYPE_SHORT_ASCII_INTERNED => {
                let n = if ty == TYPE_ASCII || ty == TYPE_ASCII_INTERNED {
                    self.r_size("string")?
                } else {
                    usize::from(self.r_byte()?)
                };
                let b = self.take(n)?;
                self.produce(n)?;
                Constant::Str(latin1(b))
            }
            TYPE_UNICODE | TYPE_INTERNED => {
                let n = self.r_size("string")?;
                let at = self.pos;
                let b = self.take(n)?;
                self.produce(n)?;
                match PyStr::from_surrogatepass_utf8(b.to_vec()) {
                    Ok(s) => Constant::Str(s),
                    Err(e) => {
                        return Err(MarshalError::new(
                            ErrorKind::BadUtf8(e.offset),
                            at + e.offset,
                        ));
                    }
                }
            }
            _ => return self.err(ErrorKind::UnknownType(ty)),
        })
    }

    /// `r_PyLong`: a sign-magnitude int in base 2**15 digits, least significant first.
    #[inline(never)]
    fn read_long(&mut self) -> Result<BigInt, MarshalError> {
        let n = self.r_long()?;
        if n == 0 {
            return Ok(BigInt::default());
        }
        if n == i32::MIN {
            return self.err(ErrorKind::SizeOutOfRange("long"));
        }
        let count = n.unsigned_abs() as usize;
        let digits = self.take(count.saturating_mul(2))?;
        self.produce(digits.len())?;
        let mut words = vec![0u32; (count * 15).div_ceil(32)];
        for (i, d) in digits.chunks_exact(2).enumerate() {
            let d = u16::from_le_bytes([d[0], d[1]]);
            if d > 0x7fff {
                return self.err(ErrorKind::BadLongDigit);
            }
            if d == 0 && i == count - 1 {
                return self.err(ErrorKind::UnnormalizedLong);
            }
            let bit = i * 15;
            let (w, s) = (bit / 32, bit % 32);
            let wide = u64::from(d) << s;
            words[w] |= wide as u32;
            if let Some(next) = words.get_mut(w + 1) {
                *next |= (wide >> 32) as u32;
            }
        }
        let sign = if n < 0 { Sign::Minus } else { Sign::Plus };
        Ok(BigInt::from_biguint(sign, BigUint::new(words)))
    }

    fn r_float_bin(&mut self) -> Result<f64, MarshalError> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(f64::from_le_bytes(a))
    }

    /// `r_float_str`: a float written as up to 255 ASCII characters (marshal version 1).
    #[inline(never)]
    fn r_float_str(&mut self) -> Result<f64, MarshalError> {
        let n = usize::from(self.r_byte()?);
        let b = self.take(n)?;
        parse_float(b).map_or_else(|| self.err(ErrorKind::BadFloat), Ok)
    }
}

/// A container being read.
enum Frame {
    /// A tuple or frozenset of `n` items.
    Seq {
        items: Vec<Constant>,
        n: usize,
        slot: Option<usize>,
        before: usize,
        frozenset: bool,
        /// Where this frozenset's order goes in `Layout::set_orders`.
        order_slot: Option<usize>,
    },
    /// A code object: its five leading ints, then ten objects with `co_firstlineno`
    /// read after the eighth.
    Code {
        slot: Option<usize>,
        at: usize,
        header: [i32; 5],
        fields: Vec<Constant>,
        firstlineno: i32,
    },
}

/// The `'c'` record, `_PyCode_Validate`d into a `CodeObject`.
fn build_code(
    at: usize,
    header: [i32; 5],
    fields: Vec<Constant>,
    firstlineno: i32,
) -> Result<CodeObject, MarshalError> {
    let [argcount, posonlyargcount, kwonlyargcount, stacksize, flags] = header;
    let Ok::<[Constant; 10], _>(
        [
            code,
            consts,
            names,
            localsplusnames,
            localspluskinds,
            filename,
            name,
            qualname,
            linetable,
            exceptiontable,
        ],
    ) = fields.try_into()
    else {
        return Err(MarshalError::new(ErrorKind::BadCode("missing fields"), at));
    };
    {
        let bad = |what| Err(MarshalError::new(ErrorKind::BadCode(what), at));
        if argcount < posonlyargcount
            || posonlyargcount < 0
            || kwonlyargcount < 0
            || stacksize < 0
            || flags < 0
        {
            return bad("negative count or flags");
        }
        let (Constant::Bytes(code), Constant::Tuple(consts)) = (code, consts) else {
            return bad("co_code or co_consts of the wrong type");
        };
        let (Some(names), Some(localsplusnames)) = (str_tuple(names), str_tuple(localsplusnames))
        else {
            return bad("co_names or co_localsplusnames is not a tuple of str");
        };
        let (
            Constant::Bytes(localspluskinds),
            Constant::Str(filename),
            Constant::Str(name),
            Constant::Str(qualname),
        ) = (localspluskinds, filename, name, qualname)
        else {
            return bad(
                "co_localspluskinds, co_filename, co_name or co_qualname of the wrong type",
            );
        };
        let (Constant::Bytes(linetable), Constant::Bytes(exceptiontable)) =
            (linetable, exceptiontable)
        else {
            return bad("co_linetable or co_exceptiontable is not bytes");
        };
        if localsplusnames.len() != localspluskinds.len() {
            return bad("co_localsplusnames and co_localspluskinds differ in length");
        }
        if code.len() % 2 != 0 {
            return bad("co_code is malformed");
        }
        let nlocals = localspluskinds
            .iter()
            .filter(|k| *k & CO_FAST_LOCAL != 0)
            .count() as i64;
        let flags = flags as u32;
        let nargs = i64::from(argcount)
            + i64::from(kwonlyargcount)
            + i64::from(flags & flags::CO_VARARGS != 0)
            + i64::from(flags & flags::CO_VARKEYWORDS != 0);
        if nlocals < nargs {
            return bad("co_varnames is too small");
        }
        Ok(CodeObject {
            argcount,
            posonlyargcount,
            kwonlyargcount,
            stacksize,
            flags,
            code,
            consts,
            names,
            localsplusnames,
            localspluskinds,
            filename,
            name,
            qualname,
            firstlineno,
            linetable,
            exceptiontable,
        })
    }
}

fn str_tuple(value: Constant) -> Option<Vec<PyStr>> {
    let Constant::Tuple(items) = value else {
        return None;
    };
    items
        .into_iter()
        .map(|c| match c {
            Constant::Str(s) => Some(s),
            _ => None,
        })
        .collect()
}

/// `PyUnicode_FromKindAndData(PyUnicode_1BYTE_KIND, …)`: bytes as Latin-1 code points.
pub(crate) fn latin1(b: &[u8]) -> PyStr {
    if b.is_ascii() {
        // ASCII is valid generalized UTF-8 as it stands.
        return PyStr::from_surrogatepass_utf8(b.to_vec()).unwrap_or_default();
    }
    let mut s = PyStr::with_capacity(b.len() * 2);
    for &c in b {
        s.push_char(char::from(c));
    }
    s
}

/// `PyOS_string_to_double` for the textual float forms: Python float syntax
/// (`inf`, `nan`, exponents), no surrounding spaces.
fn parse_float(b: &[u8]) -> Option<f64> {
    let s = std::str::from_utf8(b).ok()?;
    let lower = s.to_ascii_lowercase();
    let unsigned = lower.trim_start_matches(['+', '-']);
    let negative = lower.starts_with('-');
    let special = match unsigned {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(v) = special {
        if lower.len() - unsigned.len() > 1 {
            return None;
        }
        return Some(if negative { -v } else { v });
    }
    if !s
        .bytes()
        .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'+' | b'-'))
    {
        return None;
    }
    s.parse().ok()
}
