//! The marshal writer (`w_object` of `Python/marshal.c`), in two modes: replaying a
//! recorded [`Layout`] (byte-identical rewriting of data CPython wrote) or modelling
//! CPython's object sharing for a freshly compiled module (see `refs.rs`).

use super::refs::{IdMap, Model, View};
use super::types::*;
use super::{ErrorKind, Layout, LayoutItem, MAX_MARSHAL_STACK_DEPTH, MarshalError};
use crate::code::{CodeObject, Constant};
use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;

/// `marshal.dumps(code)` as CPython 3.11 writes it for the module code object `code`
/// that `compile()` returned, held by the caller (as `py_compile` and importlib hold it,
/// so the `.pyc` bytes): back-references and `FLAG_REF`s follow CPython's object sharing
/// (see `refs.rs` for the model and its known limits).
pub fn dumps(code: &CodeObject) -> Result<Vec<u8>, MarshalError> {
    dumps_with_options(code, &DumpOptions::default())
}

/// Options of [`dumps_with_options`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DumpOptions {
    /// Whether something besides the dump holds the module's code object, giving it a
    /// refcount above 1 and so `FLAG_REF` (true for `.pyc` files and for
    /// `code = compile(...); marshal.dumps(code)`; false for the temporary in
    /// `marshal.dumps(compile(...))`).
    pub code_held_by_caller: bool,
}

impl Default for DumpOptions {
    fn default() -> Self {
        DumpOptions {
            code_held_by_caller: true,
        }
    }
}

/// [`dumps`] with explicit [`DumpOptions`].
pub fn dumps_with_options(
    code: &CodeObject,
    options: &DumpOptions,
) -> Result<Vec<u8>, MarshalError> {
    let model = Model::new(View::Code(code))?;
    let mut w = Writer::new(Mode::Fresh {
        model: &model,
        table: IdMap::default(),
    });
    w.force_next = options.code_held_by_caller;
    w.w_object(View::Code(code))?;
    Ok(w.out)
}

/// Marshal data for another interpreter to *run* `code` (the harness's refvm→CPython
/// cell): as [`dumps`], except that each frozenset's members are written in the order
/// the value holds them (the order refvm's compiler inserted them) rather than
/// CPython's `sorted(members, key=marshal.dumps)`. `marshal.loads` builds a frozenset
/// by adding the members in stream order, so the loaded constant has the hash-table
/// layout — and the iteration order — of one built in refvm's order, as the compiled
/// constant is under `python3 FILE` (which never marshals it). Not byte-faithful to
/// `marshal.dumps` when a frozenset has two or more members; use [`dumps`] for that.
pub fn dumps_keeping_set_order(code: &CodeObject) -> Result<Vec<u8>, MarshalError> {
    let model = Model::new(View::Code(code))?;
    let mut w = Writer::new(Mode::Fresh {
        model: &model,
        table: IdMap::default(),
    });
    w.force_next = true;
    w.keep_set_order = true;
    w.w_object(View::Code(code))?;
    Ok(w.out)
}

/// `marshal.dumps(value)` for a constant held by the caller (so it counts as shared,
/// like any object a Python caller passes in).
pub fn dumps_constant(value: &Constant) -> Result<Vec<u8>, MarshalError> {
    let model = Model::new(View::Const(value))?;
    let mut w = Writer::new(Mode::Fresh {
        model: &model,
        table: IdMap::default(),
    });
    w.force_next = true;
    w.w_object(View::Const(value))?;
    Ok(w.out)
}

/// Writes `code` following `layout` (from [`super::loads_preserving`]): reading CPython's
/// marshal data and writing it back this way is byte-identical. Fails with
/// [`ErrorKind::LayoutMismatch`] if the layout does not fit the value.
pub fn dumps_with_layout(code: &CodeObject, layout: &Layout) -> Result<Vec<u8>, MarshalError> {
    replay(View::Code(code), layout)
}

/// [`dumps_with_layout`] for any constant (from [`super::loads_constant_preserving`]).
pub fn dumps_constant_with_layout(
    value: &Constant,
    layout: &Layout,
) -> Result<Vec<u8>, MarshalError> {
    replay(View::Const(value), layout)
}

fn replay(top: View<'_>, layout: &Layout) -> Result<Vec<u8>, MarshalError> {
    let mut w = Writer::new(Mode::Replay {
        items: &layout.items,
        next: 0,
        table: Vec::new(),
        set_orders: &layout.set_orders,
        next_set: 0,
    });
    w.w_object(top)?;
    if let Mode::Replay { items, next, .. } = &w.mode
        && *next != items.len()
    {
        return Err(mismatch("layout has more items than the value"));
    }
    Ok(w.out)
}

fn mismatch(why: &str) -> MarshalError {
    MarshalError::new(ErrorKind::LayoutMismatch(why.to_string()), 0)
}

enum Mode<'a, 'm> {
    Replay {
        items: &'a [LayoutItem],
        next: usize,
        table: Vec<View<'a>>,
        set_orders: &'a [Vec<u32>],
        next_set: usize,
    },
    Fresh {
        model: &'m Model<'a>,
        table: IdMap,
    },
}

/// What to write for the next object.
enum Begin {
    Ref(u32),
    /// The type byte, `FLAG_REF` included.
    Object(u8),
}

struct Writer<'a, 'm> {
    out: Vec<u8>,
    depth: usize,
    mode: Mode<'a, 'm>,
    /// Fresh mode: the next object is held by something outside the tree (the caller, a
    /// frozenset's sort list), so its refcount is above 1 whatever the model says.
    force_next: bool,
    /// Fresh mode: write frozenset members in the value's order, unsorted (see
    /// [`dumps_keeping_set_order`]).
    keep_set_order: bool,
}

impl<'a, 'm> Writer<'a, 'm> {
    fn new(mode: Mode<'a, 'm>) -> Self {
        Writer {
            out: Vec::with_capacity(256),
            depth: 0,
            mode,
            force_next: false,
            keep_set_order: false,
        }
    }

    fn w_long(&mut self, x: i32) {
        self.out.extend_from_slice(&x.to_le_bytes());
    }

    fn w_size(&mut self, n: usize) -> Result<(), MarshalError> {
        let n = i32::try_from(n)
            .map_err(|_| MarshalError::new(ErrorKind::Unmarshallable("size over 2**31"), 0))?;
        self.w_long(n);
        Ok(())
    }

    fn w_pstring(&mut self, b: &[u8]) -> Result<(), MarshalError> {
        self.w_size(b.len())?;
        self.out.extend_from_slice(b);
        Ok(())
    }

    /// `w_object`. CPython recurses; this writer keeps an explicit list of what is
    /// left to write, so nesting costs heap, not Rust stack. `self.depth` is the depth
    /// of the caller (0 at the top), as CPython counts it.
    fn w_object(&mut self, v: View<'a>) -> Result<(), MarshalError> {
        let force = std::mem::take(&mut self.force_next);
        let mut tasks = vec![Task::Object {
            v,
            depth: self.depth + 1,
            force,
        }];
        while let Some(task) = tasks.pop() {
            match task {
                Task::Long(x) => self.w_long(x),
                Task::Object { v, depth, force } => {
                    if depth > MAX_MARSHAL_STACK_DEPTH {
                        return Err(MarshalError::new(ErrorKind::NestedTooDeep, 0));
                    }
                    match self.begin(v, force)? {
                        Begin::Ref(i) => {
                            self.out.push(TYPE_REF);
                            self.w_long(i as i32);
                        }
                        Begin::Object(code) => self.w_complex(v, code, depth, &mut tasks)?,
                    }
                }
            }
        }
        Ok(())
    }

    /// Decides between a back-reference and a full object (`w_ref`).
    #[inline(never)]
    fn begin(&mut self, v: View<'a>, force: bool) -> Result<Begin, MarshalError> {
        match &mut self.mode {
            Mode::Replay {
                items, next, table, ..
            } => {
                let item = items
                    .get(*next)
                    .copied()
                    .ok_or_else(|| mismatch("layout ended early"))?;
                *next += 1;
                match item {
                    LayoutItem::Ref(i) => {
                        let target = table
                            .get(i as usize)
                            .ok_or_else(|| mismatch("reference to an unknown index"))?;
                        if !target.same_value(&v) {
                            return Err(mismatch("reference to a different value"));
                        }
                        Ok(Begin::Ref(i))
                    }
                    LayoutItem::Object(code) => {
                        if code & FLAG_REF != 0 && !v.is_singleton() {
                            table.push(v);
                        }
                        Ok(Begin::Object(code))
                    }
                }
            }
            Mode::Fresh { model, table } => {
                let Some((id, shared, interned)) = model.lookup(v) else {
                    return Ok(Begin::Object(v.singleton_code().unwrap_or(TYPE_NONE)));
                };
                if let Some(i) = id.and_then(|id| table.get(&id)) {
                    return Ok(Begin::Ref(*i));
                }
                let mut code = natural_code(v, interned);
                if force || shared {
                    let i = u32::try_from(table.len()).map_err(|_| {
                        MarshalError::new(ErrorKind::Unmarshallable("too many objects"), 0)
                    })?;
                    if let Some(id) = id {
                        table.insert(id, i);
                    }
                    code |= FLAG_REF;
                }
                Ok(Begin::Object(code))
            }
        }
    }

    /// `w_complex_object` (and the singletons) for a chosen type byte; the items of
    /// containers (at `depth + 1`) are pushed onto `tasks`, last first.
    fn w_complex(
        &mut self,
        v: View<'a>,
        code: u8,
        depth: usize,
        tasks: &mut Vec<Task<'a>>,
    ) -> Result<(), MarshalError> {
        self.out.push(code);
        let ty = code & !FLAG_REF;
        if let Some(c) = v.singleton_code() {
            return if c == ty {
                Ok(())
            } else {
                Err(mismatch("singleton type code"))
            };
        }
        match (ty, v.norm()) {
            (TYPE_INT | TYPE_INT64 | TYPE_LONG, View::Const(Constant::Int(i))) => self.w_int(ty, i),
            (TYPE_BINARY_FLOAT, View::Const(Constant::Float(x))) => {
                self.out.extend_from_slice(&x.to_le_bytes());
                Ok(())
            }
            (TYPE_FLOAT, View::Const(Constant::Float(x))) => self.w_float_str(*x),
            (TYPE_BINARY_COMPLEX, View::Const(Constant::Complex { re, im })) => {
                self.out.extend_from_slice(&re.to_le_bytes());
                self.out.extend_from_slice(&im.to_le_bytes());
                Ok(())
            }
            (TYPE_COMPLEX, View::Const(Constant::Complex { re, im })) => {
                self.w_float_str(*re)?;
                self.w_float_str(*im)
            }
            (TYPE_STRING, _) => match v.as_bytes() {
                Some(b) => self.w_pstring(b),
                None => Err(mismatch("bytes type code for a non-bytes value")),
            },
            (
                TYPE_ASCII | TYPE_ASCII_INTERNED | TYPE_SHORT_ASCII | TYPE_SHORT_ASCII_INTERNED,
                _,
            ) => {
                let s = v
                    .as_str()
                    .ok_or_else(|| mismatch("str type code for a non-str value"))?;
                // ASCII is its own one-byte form; anything else must fit Latin-1.
                let owned;
                let b: &[u8] = if s.is_ascii() {
                    s.as_bytes()
                } else {
                    let latin1: Option<Vec<u8>> =
                        s.code_points().map(|c| u8::try_from(c).ok()).collect();
                    owned =
                        latin1.ok_or_else(|| mismatch("one-byte str type code for a wide str"))?;
                    &owned
                };
                if ty == TYPE_SHORT_ASCII || ty == TYPE_SHORT_ASCII_INTERNED {
                    let n = u8::try_from(b.len())
                        .map_err(|_| mismatch("short str type code for a long str"))?;
                    self.out.push(n);
                    self.out.extend_from_slice(b);
                    Ok(())
                } else {
                    self.w_pstring(b)
                }
            }
            (TYPE_UNICODE | TYPE_INTERNED, _) => match v.as_str() {
                Some(s) => self.w_pstring(s.as_bytes()),
                None => Err(mismatch("str type code for a non-str value")),
            },
            (TYPE_SMALL_TUPLE | TYPE_TUPLE, _) => {
                let n = v
                    .tuple_len()
                    .ok_or_else(|| mismatch("tuple type code for a non-tuple"))?;
                if ty == TYPE_SMALL_TUPLE {
                    let n = u8::try_from(n)
                        .map_err(|_| mismatch("small tuple type code for a long tuple"))?;
                    self.out.push(n);
                } else {
                    self.w_size(n)?;
                }
                for i in (0..n).rev() {
                    let item = v.tuple_item(i).ok_or_else(|| mismatch("tuple item"))?;
                    tasks.push(Task::Object {
                        v: item,
                        depth: depth + 1,
                        force: false,
                    });
                }
                Ok(())
            }
            (TYPE_FROZENSET, View::Const(Constant::FrozenSet(items))) => {
                self.w_size(items.len())?;
                self.w_frozenset_items(items, depth, tasks)
            }
            (TYPE_CODE, View::Code(c)) => {
                self.w_code(c, depth, tasks);
                Ok(())
            }
            (TYPE_CODE, View::Const(Constant::Code(c))) => {
                self.w_code(c, depth, tasks);
                Ok(())
            }
            _ => Err(mismatch("type code does not fit the value")),
        }
    }

    #[inline(never)]
    fn w_int(&mut self, ty: u8, i: &BigInt) -> Result<(), MarshalError> {
        match ty {
            TYPE_INT => {
                let x = i
                    .to_i32()
                    .ok_or_else(|| mismatch("TYPE_INT for an int beyond 32 bits"))?;
                self.w_long(x);
            }
            TYPE_INT64 => {
                let x = i
                    .to_i64()
                    .ok_or_else(|| mismatch("TYPE_INT64 for an int beyond 64 bits"))?;
                self.out.extend_from_slice(&x.to_le_bytes());
            }
            _ => {
                // w_PyLong: sign-magnitude in 15-bit digits.
                let (sign, mag) = (i.sign(), i.magnitude());
                let bits = mag.bits();
                let ndigits = bits.div_ceil(15);
                let n = i64::try_from(ndigits).ok().filter(|n| *n <= 0x7fff_ffff);
                let n = n.ok_or(MarshalError::new(
                    ErrorKind::Unmarshallable("int too large"),
                    0,
                ))?;
                self.w_long(if sign == Sign::Minus {
                    -(n as i32)
                } else {
                    n as i32
                });
                let words = mag.to_u32_digits();
                for d in 0..ndigits {
                    let bit = d * 15;
                    let (w, s) = ((bit / 32) as usize, bit % 32);
                    let lo = u64::from(words.get(w).copied().unwrap_or(0));
                    let hi = u64::from(words.get(w + 1).copied().unwrap_or(0));
                    let digit = (((hi << 32) | lo) >> s) & 0x7fff;
                    self.out.extend_from_slice(&(digit as u16).to_le_bytes());
                }
            }
        }
        Ok(())
    }

    /// `w_float_str`: `repr`-free `%.17g` text, for the pre-version-2 float codes.
    #[inline(never)]
    fn w_float_str(&mut self, x: f64) -> Result<(), MarshalError> {
        let s = format_g17(x);
        self.out.push(s.len() as u8);
        self.out.extend_from_slice(s.as_bytes());
        Ok(())
    }

    /// Members of a frozenset: in replay mode in the value's order (which the reader
    /// kept); fresh, in CPython's `sorted(members, key=marshal.dumps)` order, each
    /// member then written with `FLAG_REF` (the sort list holds a second reference).
    #[inline(never)]
    fn w_frozenset_items(
        &mut self,
        items: &'a [Constant],
        depth: usize,
        tasks: &mut Vec<Task<'a>>,
    ) -> Result<(), MarshalError> {
        let model = match &mut self.mode {
            Mode::Replay {
                set_orders,
                next_set,
                ..
            } => {
                // The stream order the reader saw: member k stood at position order[k].
                let order = set_orders
                    .get(*next_set)
                    .ok_or_else(|| mismatch("frozenset order missing"))?;
                *next_set += 1;
                if order.len() != items.len() {
                    return Err(mismatch("frozenset order of another length"));
                }
                let mut stream: Vec<Option<&'a Constant>> = vec![None; items.len()];
                for (item, &pos) in items.iter().zip(order.iter()) {
                    match stream.get_mut(pos as usize) {
                        Some(slot @ None) => *slot = Some(item),
                        _ => return Err(mismatch("frozenset order is not a permutation")),
                    }
                }
                for item in stream.into_iter().rev().flatten() {
                    tasks.push(Task::Object {
                        v: View::Const(item),
                        depth: depth + 1,
                        force: false,
                    });
                }
                return Ok(());
            }
            Mode::Fresh { model, .. } => *model,
        };
        if self.keep_set_order {
            for item in items.iter().rev() {
                tasks.push(Task::Object {
                    v: View::Const(item),
                    depth: depth + 1,
                    force: true,
                });
            }
            return Ok(());
        }
        let mut keyed = Vec::with_capacity(items.len());
        for item in items {
            // marshal.dumps(item) with its own reference table, nested as deep as we are.
            let mut sub = Writer::new(Mode::Fresh {
                model,
                table: IdMap::default(),
            });
            sub.depth = depth;
            sub.w_object(View::Const(item))?;
            keyed.push((sub.out, item));
        }
        keyed.sort_by(|a, b| a.0.cmp(&b.0));
        for (_, item) in keyed.into_iter().rev() {
            tasks.push(Task::Object {
                v: View::Const(item),
                depth: depth + 1,
                force: true,
            });
        }
        Ok(())
    }

    /// The `'c'` record: five ints now, then (via `tasks`) ten objects with
    /// `co_firstlineno` between the eighth and the ninth.
    fn w_code(&mut self, c: &'a CodeObject, depth: usize, tasks: &mut Vec<Task<'a>>) {
        self.w_long(c.argcount);
        self.w_long(c.posonlyargcount);
        self.w_long(c.kwonlyargcount);
        self.w_long(c.stacksize);
        self.w_long(c.flags as i32);
        let obj = |v| Task::Object {
            v,
            depth: depth + 1,
            force: false,
        };
        tasks.extend([
            obj(View::Table(&c.exceptiontable)),
            obj(View::Table(&c.linetable)),
            Task::Long(c.firstlineno),
            obj(View::QualName(c)),
            obj(View::CodeName(&c.name)),
            obj(View::Filename(&c.filename)),
            obj(View::Kinds(&c.localspluskinds)),
            obj(View::Names(&c.localsplusnames)),
            obj(View::Names(&c.names)),
            obj(View::Consts(&c.consts)),
            obj(View::CoCode(&c.code)),
        ]);
    }
}

/// What is left to write.
enum Task<'a> {
    Object {
        v: View<'a>,
        depth: usize,
        force: bool,
    },
    Long(i32),
}

/// The type code CPython's `w_complex_object` picks for a value (without `FLAG_REF`).
fn natural_code(v: View<'_>, interned: bool) -> u8 {
    if let Some(s) = v.as_str() {
        return if s.is_ascii() {
            match (s.byte_len() < 256, interned) {
                (true, true) => TYPE_SHORT_ASCII_INTERNED,
                (true, false) => TYPE_SHORT_ASCII,
                (false, true) => TYPE_ASCII_INTERNED,
                (false, false) => TYPE_ASCII,
            }
        } else if interned {
            TYPE_INTERNED
        } else {
            TYPE_UNICODE
        };
    }
    if v.as_bytes().is_some() {
        return TYPE_STRING;
    }
    if let Some(n) = v.tuple_len() {
        return if n < 256 {
            TYPE_SMALL_TUPLE
        } else {
            TYPE_TUPLE
        };
    }
    match v.norm() {
        View::Const(Constant::Int(i)) => {
            if i.to_i32().is_some() {
                TYPE_INT
            } else {
                TYPE_LONG
            }
        }
        View::Const(Constant::Float(_)) => TYPE_BINARY_FLOAT,
        View::Const(Constant::Complex { .. }) => TYPE_BINARY_COMPLEX,
        View::Const(Constant::FrozenSet(_)) => TYPE_FROZENSET,
        _ => TYPE_CODE,
    }
}

/// C's `%.17g` (what `PyOS_double_to_string(x, 'g', 17, 0, NULL)` gives), with
/// `inf`/`nan` spelled as CPython does.
pub(crate) fn format_g17(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if x == 0.0 {
        return if x.is_sign_negative() {
            "-0".into()
        } else {
            "0".into()
        };
    }
    let sci = format!("{x:.16e}");
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let strip = |s: &str| -> String {
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s.to_string()
        }
    };
    if !(-4..17).contains(&exp) {
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{}e{sign}{:02}", strip(mantissa), exp.abs())
    } else {
        let decimals = (16 - exp).max(0) as usize;
        strip(&format!("{x:.decimals$}"))
    }
}
