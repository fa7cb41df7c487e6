//! Runtime code objects: a `refvm_bytecode::CodeObject` with its constants turned into
//! objects (equal constants shared, identifier-like strings interned, as CPython's
//! compiler and marshal arrange), its exception table decoded and its opargs checked.

use crate::error::PyResult;
use crate::object::alloc::{alloc, drop_payload};
use crate::object::typeobj::LayoutOps;
use crate::object::{PyObject, PyRef};
use crate::objects::str::PyStr;
use crate::vm::Vm;
use refvm_bytecode::code::{CO_FAST_CELL, CO_FAST_FREE, CO_FAST_LOCAL};
use refvm_bytecode::{CodeObject, Constant};
use std::collections::HashMap;
use std::sync::Arc;

/// One exception-table entry, in bytes.
#[derive(Clone, Copy, Debug)]
pub struct ExcEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub lasti: bool,
}

#[repr(C)]
pub struct PyCode {
    pub ob: PyObject,
    pub raw: Arc<CodeObject>,
    pub code: Box<[u8]>,
    /// `code` pre-decoded for the eval loop (`eval::decode`), one word per code unit.
    pub decoded: Box<[u64]>,
    /// Per code unit: the globals entry index + 1 a `LOAD_GLOBAL` there last found its
    /// name at (0: none), as CPython's `LOAD_GLOBAL_MODULE` inline cache.
    pub global_cache: Box<[std::cell::Cell<u32>]>,
    pub consts: Vec<PyRef>,
    pub names: Vec<PyRef<PyStr>>,
    pub localsplusnames: Vec<PyRef<PyStr>>,
    pub localspluskinds: Vec<u8>,
    pub nlocalsplus: usize,
    pub nlocals: usize,
    pub ncells: usize,
    pub nfree: usize,
    pub argcount: usize,
    pub posonlyargcount: usize,
    pub kwonlyargcount: usize,
    pub flags: u32,
    pub stacksize: usize,
    pub name: PyRef<PyStr>,
    pub qualname: PyRef<PyStr>,
    pub filename: PyRef<PyStr>,
    pub firstlineno: i32,
    pub exc_table: Vec<ExcEntry>,
    /// For each cell variable that is also an argument: (cell index in localsplus).
    pub cell_is_arg: Vec<bool>,
}
crate::payload!(PyCode, Code);

pub const CODE_LAYOUT_OPS: LayoutOps = LayoutOps::fixed(drop_payload::<PyCode>);

/// Why a code object was rejected.
pub fn bad_code(vm: &Vm, what: &str) -> crate::error::PyErr {
    vm.new_system_error(format!("malformed code object: {what}"))
}

fn is_name_chars(s: &[u8]) -> bool {
    s.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'_')
}

/// Shares equal constants within one compilation unit (CPython's const cache + marshal refs).
#[derive(Default)]
pub struct ConstCache {
    strs: HashMap<Vec<u8>, PyRef>,
    bytes: HashMap<Vec<u8>, PyRef>,
    ints: HashMap<String, PyRef>,
    floats: HashMap<u64, PyRef>,
}

/// Decodes `co_exceptiontable` (varints MSB first; entries start with bit 7 set).
pub fn parse_exception_table(t: &[u8]) -> Option<Vec<ExcEntry>> {
    let mut out = Vec::new();
    let mut i = 0;
    let read = |i: &mut usize| -> Option<u32> {
        let mut b = *t.get(*i)?;
        *i += 1;
        let mut v = u32::from(b & 63);
        while b & 64 != 0 {
            b = *t.get(*i)?;
            *i += 1;
            v = v.checked_shl(6)? | u32::from(b & 63);
        }
        Some(v)
    };
    while i < t.len() {
        let start = read(&mut i)?;
        let size = read(&mut i)?;
        let target = read(&mut i)?;
        let dl = read(&mut i)?;
        out.push(ExcEntry {
            start: start.checked_mul(2)?,
            end: start.checked_add(size)?.checked_mul(2)?,
            target: target.checked_mul(2)?,
            depth: dl >> 1,
            lasti: dl & 1 != 0,
        });
    }
    Some(out)
}

impl Vm {
    /// Converts a marshalled code object into a runtime one (constants included).
    pub fn make_code(
        &self,
        co: &Arc<CodeObject>,
        cache: &mut ConstCache,
    ) -> PyResult<PyRef<PyCode>> {
        if co.code.len() % 2 != 0 || co.code.len() > (u32::MAX as usize) {
            return Err(bad_code(self, "co_code has an odd length"));
        }
        if co.localsplusnames.len() != co.localspluskinds.len() {
            return Err(bad_code(self, "localsplusnames and kinds differ in length"));
        }
        let nonneg = |v: i32, what: &str| -> PyResult<usize> {
            usize::try_from(v).map_err(|_| bad_code(self, what))
        };
        let argcount = nonneg(co.argcount, "negative argcount")?;
        let posonly = nonneg(co.posonlyargcount, "negative posonlyargcount")?;
        let kwonly = nonneg(co.kwonlyargcount, "negative kwonlyargcount")?;
        let stacksize = nonneg(co.stacksize, "negative stacksize")?;
        let nlocalsplus = co.localsplusnames.len();
        let nargs =
            argcount + kwonly + usize::from(co.flags & 4 != 0) + usize::from(co.flags & 8 != 0);
        if nargs > nlocalsplus || posonly > argcount || stacksize > 1 << 20 {
            return Err(bad_code(self, "argument counts exceed the locals"));
        }
        let mut consts = Vec::with_capacity(co.consts.len());
        for c in &co.consts {
            consts.push(self.make_const(c, cache, 0)?);
        }
        let names = co
            .names
            .iter()
            .map(|n| self.intern_str(self.new_str_from_pystr(n)))
            .collect();
        let localsplusnames = co
            .localsplusnames
            .iter()
            .map(|n| self.intern_str(self.new_str_from_pystr(n)))
            .collect();
        let kinds = co.localspluskinds.clone();
        let nlocals = kinds.iter().filter(|k| *k & CO_FAST_LOCAL != 0).count();
        let ncells = kinds.iter().filter(|k| *k & CO_FAST_CELL != 0).count();
        let nfree = kinds.iter().filter(|k| *k & CO_FAST_FREE != 0).count();
        let cell_is_arg = kinds
            .iter()
            .enumerate()
            .map(|(i, k)| k & CO_FAST_CELL != 0 && i < nargs)
            .collect();
        let exc_table = parse_exception_table(&co.exceptiontable)
            .ok_or_else(|| bad_code(self, "bad exception table"))?;
        for e in &exc_table {
            if e.end as usize > co.code.len()
                || e.target as usize >= co.code.len()
                || e.depth as usize > stacksize
            {
                return Err(bad_code(self, "exception table entry out of range"));
            }
        }
        let code = PyCode {
            ob: crate::object::header(),
            raw: co.clone(),
            code: co.code.clone().into_boxed_slice(),
            decoded: crate::eval::decode::decode(&co.code),
            global_cache: (0..co.code.len() / 2)
                .map(|_| std::cell::Cell::new(0))
                .collect(),
            consts,
            names,
            localsplusnames,
            localspluskinds: kinds,
            nlocalsplus,
            nlocals,
            ncells,
            nfree,
            argcount,
            posonlyargcount: posonly,
            kwonlyargcount: kwonly,
            flags: co.flags,
            stacksize,
            name: self.intern_str(self.new_str_from_pystr(&co.name)),
            qualname: self.new_str_from_pystr(&co.qualname),
            filename: self.new_str_from_pystr(&co.filename),
            firstlineno: co.firstlineno,
            exc_table,
            cell_is_arg,
        };
        crate::eval::verify::verify(self, &code)?;
        Ok(alloc(&self.types.code, code))
    }

    fn make_const(&self, c: &Constant, cache: &mut ConstCache, depth: u32) -> PyResult<PyRef> {
        if depth > 200 {
            return Err(bad_code(self, "constants nested too deeply"));
        }
        Ok(match c {
            Constant::None => self.none(),
            Constant::Ellipsis => self.ellipsis.clone(),
            Constant::StopIteration => self.exc.stop_iteration.clone().into_object(),
            Constant::Bool(b) => self.new_bool(*b),
            Constant::Int(i) => {
                let key = i.to_string();
                if let Some(v) = cache.ints.get(&key) {
                    return Ok(v.clone());
                }
                let v = self.new_bigint(i.clone());
                cache.ints.insert(key, v.clone());
                v
            }
            Constant::Float(f) => cache
                .floats
                .entry(f.to_bits())
                .or_insert_with(|| self.new_float(*f))
                .clone(),
            Constant::Complex { re, im } => self.new_complex(*re, *im),
            Constant::Str(s) => {
                if let Some(v) = cache.strs.get(s.as_bytes()) {
                    return Ok(v.clone());
                }
                let o = self.new_str_from_pystr(s);
                let o = if is_name_chars(s.as_bytes()) {
                    self.intern_str(o)
                } else {
                    o
                };
                let o = o.into_object();
                cache.strs.insert(s.as_bytes().to_vec(), o.clone());
                o
            }
            Constant::Bytes(b) => cache
                .bytes
                .entry(b.clone())
                .or_insert_with(|| self.new_bytes(b.clone()))
                .clone(),
            Constant::Tuple(items) => {
                let mut v = Vec::with_capacity(items.len());
                for it in items {
                    v.push(self.make_const(it, cache, depth + 1)?);
                }
                self.new_tuple(v).into_object()
            }
            Constant::FrozenSet(items) => {
                let s = self.new_set_of_type(&self.types.frozenset);
                for it in items {
                    let v = self.make_const(it, cache, depth + 1)?;
                    s.add(self, v)?;
                }
                s.into_object()
            }
            Constant::Code(co) => self.make_code(co, cache)?.into_object(),
        })
    }
}

impl PyCode {
    pub fn is_generator_like(&self) -> bool {
        self.flags & (0x20 | 0x80 | 0x200) != 0
    }
    /// Line number of the instruction at byte offset `off` (`PyCode_Addr2Line`).
    pub fn addr2line(&self, off: usize) -> Option<i32> {
        crate::eval::linetable::addr2location(&self.raw.linetable, self.firstlineno, off)
            .and_then(|l| l.line)
    }
}
