//! The `_sre` module (`Modules/_sre/sre.c`): the regular expression engine CPython's
//! pure-Python `re` package compiles to. The matcher is native (`engine.rs`); the
//! `Pattern`, `Match` and `SRE_Scanner` types are carried as Python source
//! (`sre.py`, run in the module at import) over three native primitives of this file:
//! `_code` (packs a code list), `_run` (one match/fullmatch/search) and `_all` (the
//! successive non-overlapping searches of findall/finditer/sub/split, with CPython's
//! empty-match rules).

pub mod chars;
pub mod engine;
pub mod validate;

use crate::argparse;
use crate::error::{PyErr, PyResult};
use crate::object::PyRef;
use crate::objects::bytes::{PyByteArray, PyBytes};
use crate::objects::descr::MethodDef;
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;
use engine::{Chars, SreError, State};
use std::sync::Arc;

/// `SRE_MAGIC` of CPython 3.11.
pub const MAGIC: i64 = 20220615;
/// `MAXGROUPS` of CPython 3.11 on 64-bit builds.
pub const MAXGROUPS: i64 = 1_073_741_823;

fn int_arg(vm: &Vm, name: &str, a: &[PyRef], k: Option<&PyTuple>) -> PyResult<u32> {
    argparse::exact(vm, name, a, k, 1)?;
    let v = argparse::to_i64(vm, &a[0])?;
    // CPython converts to a C int and the engine works on the low 32 bits.
    Ok(v as u32)
}

fn getcodesize(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "getcodesize", a, k, 0)?;
    Ok(vm.new_int(4))
}
fn ascii_iscased(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    let c = int_arg(vm, "ascii_iscased", a, k)?;
    Ok(vm.new_bool(c < 128 && (c as u8).is_ascii_alphabetic()))
}
fn unicode_iscased(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    let c = int_arg(vm, "unicode_iscased", a, k)?;
    Ok(vm.new_bool(c != chars::lower_unicode(c) || c != chars::upper_unicode(c)))
}
fn ascii_tolower(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    let c = int_arg(vm, "ascii_tolower", a, k)?;
    Ok(vm.new_int(i64::from(chars::lower_ascii(c) as i32)))
}
fn unicode_tolower(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    let c = int_arg(vm, "unicode_tolower", a, k)?;
    Ok(vm.new_int(i64::from(chars::lower_unicode(c) as i32)))
}

/// `_code(code)`: the code list packed as native-endian 32-bit words in a bytes object
/// (the Pattern's `code` array).
fn code(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "_code", a, k, 1)?;
    let Some(l) = a[0].downcast_ref::<crate::objects::list::PyList>() else {
        return Err(vm.new_type_error("compile() argument 'code' must be list"));
    };
    let items: Vec<PyRef> = l.borrow().clone();
    let mut out = Vec::with_capacity(items.len() * 4);
    for o in &items {
        let Some(i) = crate::objects::int::int_value(o) else {
            return Err(vm.new_type_error("an integer is required"));
        };
        let v = match i.as_i64() {
            Some(v) if v < 0 => {
                return Err(vm.new_overflow_error("can't convert negative value to unsigned int"));
            }
            Some(v) if v <= i64::from(u32::MAX) => v as u32,
            _ => return Err(vm.new_overflow_error("regular expression code size limit exceeded")),
        };
        out.extend_from_slice(&v.to_ne_bytes());
    }
    Ok(vm.new_bytes(out))
}

fn code_words(vm: &Vm, o: &PyRef) -> PyResult<Vec<u32>> {
    let Some(b) = o.downcast_ref::<PyBytes>() else {
        return Err(vm.new_type_error("_sre: bad code object"));
    };
    Ok(b.as_bytes()
        .chunks_exact(4)
        .map(|c| u32::from_ne_bytes([c[0], c[1], c[2], c[3]]))
        .collect())
}

/// A subject string as the engine sees it.
enum Subject<'a> {
    /// bytes-like, or a str whose code points are all ASCII.
    Narrow(std::borrow::Cow<'a, [u8]>, bool),
    /// A str with non-ASCII code points, decoded.
    Wide(Vec<u32>),
}

impl Subject<'_> {
    fn len(&self) -> usize {
        match self {
            Subject::Narrow(b, _) => b.len(),
            Subject::Wide(w) => w.len(),
        }
    }
    fn is_bytes(&self) -> bool {
        matches!(self, Subject::Narrow(_, true))
    }
}

/// `getstring`: the characters of `o`, or CPython's TypeError.
fn get_subject<'a>(vm: &Vm, o: &'a PyRef) -> PyResult<Subject<'a>> {
    if let Some(s) = o.downcast_ref::<PyStr>() {
        if s.is_ascii() {
            return Ok(Subject::Narrow(
                std::borrow::Cow::Borrowed(s.as_bytes()),
                false,
            ));
        }
        return Ok(Subject::Wide(s.code_points().collect()));
    }
    if let Some(b) = o.downcast_ref::<PyBytes>() {
        return Ok(Subject::Narrow(
            std::borrow::Cow::Borrowed(b.as_bytes()),
            true,
        ));
    }
    if let Some(b) = o.downcast_ref::<PyByteArray>() {
        return Ok(Subject::Narrow(
            std::borrow::Cow::Owned(b.borrow().clone()),
            true,
        ));
    }
    if let Some(b) = crate::objects::memoryview::memoryview_bytes(o) {
        return Ok(Subject::Narrow(std::borrow::Cow::Owned(b), true));
    }
    Err(vm.new_type_error(format!(
        "expected string or bytes-like object, got '{}'",
        o.type_().name_str()
    )))
}

/// Clamps `pos`/`endpos` as `state_init` does.
fn clamp(vm: &Vm, o: &PyRef, len: usize) -> PyResult<usize> {
    let v = argparse::to_isize(vm, o)?;
    Ok(if v < 0 { 0 } else { (v as usize).min(len) })
}

fn sre_error(vm: &Vm, e: SreError, pending: Option<PyErr>) -> PyErr {
    match e {
        SreError::Illegal => vm.new_runtime_error("invalid SRE code"),
        SreError::Memory => vm.no_memory(),
        SreError::Interrupted => pending.unwrap_or_else(|| vm.no_memory()),
    }
}

/// The match tuple `(pos, endpos, lastindex, start0, end0, start1, end1, ...)` of a
/// successful state (`pattern_new_match`), unmatched groups as -1.
fn match_tuple<S: ?Sized + Chars>(
    vm: &Vm,
    st: &State<'_, S>,
    pos: usize,
    endpos: usize,
    groups: usize,
) -> PyResult {
    let mut items = Vec::with_capacity(5 + 2 * groups);
    items.push(vm.new_usize(pos));
    items.push(vm.new_usize(endpos));
    items.push(vm.new_int(st.lastindex as i64));
    items.push(vm.new_int(st.start as i64));
    items.push(vm.new_int(st.ptr as i64));
    for g in 0..groups {
        let j = 2 * g;
        let (s, e) = if (j as isize) < st.lastmark && st.marks[j] >= 0 && st.marks[j + 1] >= 0 {
            (st.marks[j], st.marks[j + 1])
        } else {
            (-1, -1)
        };
        if s > e {
            return Err(vm.new_system_error(
                "The span of capturing group is wrong, please report a bug for the re module.",
            ));
        }
        items.push(vm.new_int(s as i64));
        items.push(vm.new_int(e as i64));
    }
    Ok(vm.new_tuple(items).into_object())
}

struct Call<'a> {
    code: Vec<u32>,
    subject: Subject<'a>,
    pos: usize,
    endpos: usize,
    groups: usize,
}

fn prepare<'a>(vm: &Vm, a: &'a [PyRef], name: &str, n: usize) -> PyResult<Call<'a>> {
    if a.len() != n {
        return Err(vm.new_type_error(format!("{name} expected {n} arguments")));
    }
    let code = code_words(vm, &a[0])?;
    let pat_isbytes = argparse::to_i64(vm, &a[1])?;
    let subject = get_subject(vm, &a[2])?;
    if subject.is_bytes() && pat_isbytes == 0 {
        return Err(vm.new_type_error("cannot use a string pattern on a bytes-like object"));
    }
    if !subject.is_bytes() && pat_isbytes > 0 {
        return Err(vm.new_type_error("cannot use a bytes pattern on a string-like object"));
    }
    let len = subject.len();
    let pos = clamp(vm, &a[3], len)?;
    let endpos = clamp(vm, &a[4], len)?;
    let groups = argparse::to_i64(vm, &a[5])?.clamp(0, MAXGROUPS) as usize;
    Ok(Call {
        code,
        subject,
        pos,
        endpos,
        groups,
    })
}

/// `_run(code, isbytes, string, pos, endpos, groups, mode, must_advance, start)`: one
/// match (mode 0), fullmatch (1) or search (2) from `start` (-1: `pos`); the match tuple
/// or None. Mode 3 only checks the arguments.
fn run(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::no_kw(vm, "_run", k)?;
    let c = prepare(vm, a, "_run", 9)?;
    let mode = argparse::to_i64(vm, &a[6])?;
    let must_advance = crate::ops::is_true(vm, &a[7])?;
    let start = argparse::to_i64(vm, &a[8])?;
    if mode == 3 {
        // Argument check only (the scanner's state_init).
        return Ok(vm.none());
    }
    let start = if start < 0 {
        c.pos
    } else {
        (start as usize).min(c.subject.len())
    };
    fn go<S: ?Sized + Chars>(
        vm: &Vm,
        s: &S,
        c: &Call<'_>,
        start: usize,
        mode: i64,
        must_advance: bool,
    ) -> PyResult {
        let mut pending = None;
        let mut tick = || match vm.tick() {
            Ok(()) => true,
            Err(e) => {
                pending = Some(e);
                false
            }
        };
        let r = {
            let mut st = State::new(s, &c.code, start, c.endpos, c.groups, &mut tick);
            st.must_advance = must_advance;
            st.match_all = mode == 1;
            let r = if mode == 2 {
                st.search()
            } else {
                st.run(0, true)
            };
            match r {
                Ok(true) => Ok(Some(match_tuple(vm, &st, c.pos, c.endpos, c.groups)?)),
                Ok(false) => Ok(None),
                Err(e) => Err(e),
            }
        };
        match r {
            Ok(Some(t)) => Ok(t),
            Ok(None) => Ok(vm.none()),
            Err(e) => Err(sre_error(vm, e, pending)),
        }
    }
    match &c.subject {
        Subject::Narrow(b, _) => go(vm, &b[..], &c, start, mode, must_advance),
        Subject::Wide(w) => go(vm, &w[..], &c, start, mode, must_advance),
    }
}

/// `_all(code, isbytes, string, pos, endpos, groups, maxcount, findall)`: the
/// successive searches of findall/sub/split (`maxcount` 0: all; negative: none). With
/// `findall` true and an exact str/bytes subject, the findall result list itself;
/// otherwise a list of match tuples.
fn all(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::no_kw(vm, "_all", k)?;
    let c = prepare(vm, a, "_all", 8)?;
    let maxcount = argparse::to_i64(vm, &a[6])?;
    let exact = a[2].type_().name_str() == "str" && a[2].downcast_ref::<PyStr>().is_some()
        || a[2].type_().name_str() == "bytes" && a[2].downcast_ref::<PyBytes>().is_some();
    let findall = crate::ops::is_true(vm, &a[7])? && exact;
    fn go<S: ?Sized + Chars>(
        vm: &Vm,
        s: &S,
        c: &Call<'_>,
        maxcount: i64,
        findall: bool,
        slice: &dyn Fn(usize, usize) -> PyRef,
    ) -> PyResult {
        let mut pending = None;
        let mut tick = || match vm.tick() {
            Ok(()) => true,
            Err(e) => {
                pending = Some(e);
                false
            }
        };
        let mut out: Vec<PyRef> = Vec::new();
        let r: Result<PyResult<()>, SreError> = (|| {
            let mut st = State::new(s, &c.code, c.pos, c.endpos, c.groups, &mut tick);
            let mut n: i64 = 0;
            while maxcount == 0 || n < maxcount {
                if findall && st.start > st.end {
                    break;
                }
                st.reset();
                st.ptr = st.start;
                if !st.search()? {
                    break;
                }
                let item = if findall {
                    let get = |g: usize| -> PyRef {
                        if g == 0 {
                            return slice(st.start as usize, st.ptr as usize);
                        }
                        let j = 2 * (g - 1);
                        if (j as isize) < st.lastmark && st.marks[j] >= 0 && st.marks[j + 1] >= 0 {
                            slice(st.marks[j] as usize, st.marks[j + 1] as usize)
                        } else {
                            slice(0, 0)
                        }
                    };
                    match c.groups {
                        0 => get(0),
                        1 => get(1),
                        g => vm.new_tuple((1..=g).map(get).collect()).into_object(),
                    }
                } else {
                    match match_tuple(vm, &st, c.pos, c.endpos, c.groups) {
                        Ok(t) => t,
                        Err(e) => return Ok(Err(e)),
                    }
                };
                out.push(item);
                if let Err(e) = vm.tick() {
                    return Ok(Err(e));
                }
                n += 1;
                st.must_advance = st.ptr == st.start;
                st.start = st.ptr;
            }
            Ok(Ok(()))
        })();
        match r {
            Ok(Ok(())) => Ok(vm.new_list(out).into_object()),
            Ok(Err(e)) => Err(e),
            Err(e) => Err(sre_error(vm, e, pending)),
        }
    }
    match &c.subject {
        Subject::Narrow(b, isbytes) => {
            let b2: &[u8] = b;
            let isbytes = *isbytes;
            let slice = |x: usize, y: usize| -> PyRef {
                let part = b2.get(x..y.max(x)).unwrap_or(&[]);
                if isbytes {
                    vm.new_bytes(part.to_vec())
                } else {
                    vm.new_str_from_gen_utf8(part).into_object()
                }
            };
            go(vm, b2, &c, maxcount, findall, &slice)
        }
        Subject::Wide(w) => {
            let slice = |x: usize, y: usize| -> PyRef {
                let part = w.get(x..y.max(x)).unwrap_or(&[]);
                vm.new_str_from_code_points(part.iter().copied())
                    .into_object()
            };
            go(vm, &w[..], &c, maxcount, findall, &slice)
        }
    }
}

/// `_validate(codebytes, groups)`: RuntimeError("invalid SRE code") unless the packed
/// code is well formed (`_validate`).
fn validate_fn(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "_validate", a, k, 2)?;
    let code = code_words(vm, &a[0])?;
    let groups = argparse::to_i64(vm, &a[1])?;
    if !validate::validate(&code, groups) {
        return Err(vm.new_runtime_error("invalid SRE code"));
    }
    Ok(vm.none())
}

/// `_generic_alias(cls, item)`: `types.GenericAlias(cls, item)` (`__class_getitem__`).
fn generic_alias(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "_generic_alias", a, k, 2)?;
    crate::objects::typeobject::generic_alias(vm, &a[0], &a[1])
}

/// The module's Python half: `Pattern`, `Match`, `SRE_Scanner` and `compile`.
const SRE_PY: &str = include_str!("sre.py");

/// `_sre`.
pub fn init(vm: &Vm) -> PyRef {
    let m = super::make_module(
        vm,
        "_sre",
        &[
            MethodDef::static_("getcodesize", getcodesize),
            MethodDef::static_("ascii_iscased", ascii_iscased),
            MethodDef::static_("unicode_iscased", unicode_iscased),
            MethodDef::static_("ascii_tolower", ascii_tolower),
            MethodDef::static_("unicode_tolower", unicode_tolower),
            MethodDef::static_("_code", code),
            MethodDef::static_("_run", run),
            MethodDef::static_("_all", all),
            MethodDef::static_("_generic_alias", generic_alias),
            MethodDef::static_("_validate", validate_fn),
        ],
    );
    super::set(vm, &m, "MAGIC", vm.new_int(MAGIC));
    super::set(vm, &m, "CODESIZE", vm.new_int(4));
    super::set(
        vm,
        &m,
        "MAXREPEAT",
        vm.new_int(i64::from(engine::MAXREPEAT)),
    );
    super::set(vm, &m, "MAXGROUPS", vm.new_int(MAXGROUPS));
    super::set(
        vm,
        &m,
        "copyright",
        vm.new_str(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB "),
    );
    let Some(md) = m.downcast_ref::<crate::objects::module::PyModule>() else {
        return m;
    };
    md.dict
        .set_str(vm.names.__builtins__.clone(), vm.builtins_module_obj());
    let code = match refvm_compiler::compile_source(
        SRE_PY.as_bytes(),
        &refvm_compiler::CompileOptions::new("<frozen _sre>"),
    ) {
        Ok(c) => c,
        Err(_) => return m,
    };
    let mut cache = crate::objects::code::ConstCache::default();
    if let Ok(code) = vm.make_code(&Arc::new(code), &mut cache) {
        let _ = crate::eval::run_code(vm, code, md.dict.clone(), None);
    }
    m
}
