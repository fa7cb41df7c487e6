//! Methods of code objects: `co_lines()` (the line table as address ranges) and
//! `replace()` (a copy with some fields changed), as in CPython's Objects/codeobject.c.

use crate::argparse;
use crate::error::PyResult;
use crate::object::PyRef;
use crate::object::typeobj::CmpOp;
use crate::objects::bytes::PyBytes;
use crate::objects::code::PyCode;
use crate::objects::descr::MethodDef;
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;

fn co<'a>(vm: &Vm, o: Option<&'a PyRef>) -> PyResult<&'a PyCode> {
    o.and_then(|o| o.downcast_ref::<PyCode>())
        .ok_or_else(|| vm.new_type_error("descriptor requires a 'code' object"))
}

/// The address ranges of `co_linetable` (`_PyLineTable_NextAddressRange`): one
/// `(start, end, line)` per non-empty entry, `line` None for "no location".
pub fn line_ranges(table: &[u8], firstlineno: i32) -> Vec<(usize, usize, Option<i32>)> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut line = firstlineno;
    let mut pc = 0usize;
    let varint = |i: &mut usize| -> Option<u32> {
        let mut b = *table.get(*i)?;
        *i += 1;
        let mut v = u32::from(b & 63);
        let mut shift = 0;
        while b & 64 != 0 {
            b = *table.get(*i)?;
            *i += 1;
            shift += 6;
            if shift > 30 {
                return None;
            }
            v |= u32::from(b & 63) << shift;
        }
        Some(v)
    };
    let svarint = |i: &mut usize| -> Option<i32> {
        let v = varint(i)?;
        Some(if v & 1 != 0 {
            -((v >> 1) as i32)
        } else {
            (v >> 1) as i32
        })
    };
    while i < table.len() {
        let head = table[i];
        i += 1;
        if head & 0x80 == 0 {
            break;
        }
        let code = (head >> 3) & 15;
        let len = (usize::from(head & 7) + 1) * 2;
        let shown = match code {
            15 => None,
            14 => {
                let Some(d) = svarint(&mut i) else { break };
                line = line.wrapping_add(d);
                // end line, column, end column
                for _ in 0..3 {
                    if varint(&mut i).is_none() {
                        break;
                    }
                }
                Some(line)
            }
            13 => {
                let Some(d) = svarint(&mut i) else { break };
                line = line.wrapping_add(d);
                Some(line)
            }
            10..=12 => {
                line = line.wrapping_add(i32::from(code) - 10);
                i += 2;
                Some(line)
            }
            _ => {
                i += 1;
                Some(line)
            }
        };
        out.push((pc, pc + len, shown));
        pc += len;
    }
    out
}

fn co_lines(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    argparse::exact(vm, "co_lines", a.get(1..).unwrap_or(&[]), k, 0)?;
    let c = co(vm, a.first())?;
    let items: Vec<PyRef> = line_ranges(&c.raw.linetable, c.firstlineno)
        .into_iter()
        .map(|(s, e, l)| {
            vm.new_tuple(vec![
                vm.new_usize(s),
                vm.new_usize(e),
                l.map_or_else(|| vm.none(), |l| vm.new_int(i64::from(l))),
            ])
            .into_object()
        })
        .collect();
    crate::ops::iter(vm, &vm.new_list(items).into_object())
}

const REPLACE_FIELDS: &[&str] = &[
    "co_argcount",
    "co_posonlyargcount",
    "co_kwonlyargcount",
    "co_nlocals",
    "co_stacksize",
    "co_flags",
    "co_firstlineno",
    "co_code",
    "co_consts",
    "co_names",
    "co_varnames",
    "co_freevars",
    "co_cellvars",
    "co_filename",
    "co_name",
    "co_qualname",
    "co_linetable",
    "co_exceptiontable",
];

fn replace(vm: &Vm, a: &[PyRef], k: Option<&PyTuple>) -> PyResult {
    let c = co(vm, a.first())?;
    let p = argparse::bind(
        vm,
        "replace",
        a.get(1..).unwrap_or(&[]),
        k,
        REPLACE_FIELDS,
        0,
        0,
        0,
    )?;
    let mut raw = (*c.raw).clone();
    for (name, v) in REPLACE_FIELDS.iter().zip(&p) {
        let Some(v) = v else { continue };
        let int = |what: &str| -> PyResult<i32> {
            if crate::objects::int::int_value(v).is_none() {
                return Err(vm.new_type_error(format!(
                    "replace() argument '{}' must be int, not {}",
                    what,
                    v.type_().name_str()
                )));
            }
            let n = argparse::to_i64(vm, v)?;
            i32::try_from(n)
                .map_err(|_| vm.new_overflow_error("signed integer is greater than maximum"))
        };
        let text = |what: &str| -> PyResult<refvm_common::PyStr> {
            v.downcast_ref::<PyStr>()
                .map(|s| s.to_pystr())
                .ok_or_else(|| {
                    vm.new_type_error(format!(
                        "replace() argument '{}' must be str, not {}",
                        what,
                        v.type_().name_str()
                    ))
                })
        };
        let bytes = |what: &str| -> PyResult<Vec<u8>> {
            v.downcast_ref::<PyBytes>()
                .map(|b| b.data.to_vec())
                .ok_or_else(|| {
                    vm.new_type_error(format!(
                        "replace() argument '{}' must be bytes, not {}",
                        what,
                        v.type_().name_str()
                    ))
                })
        };
        let what = &name[3..];
        match *name {
            "co_argcount" => raw.argcount = int(what)?,
            "co_posonlyargcount" => raw.posonlyargcount = int(what)?,
            "co_kwonlyargcount" => raw.kwonlyargcount = int(what)?,
            "co_stacksize" => raw.stacksize = int(what)?,
            "co_flags" => raw.flags = int(what)? as u32,
            "co_firstlineno" => raw.firstlineno = int(what)?,
            "co_nlocals" => {
                int(what)?;
            }
            "co_filename" => raw.filename = text(what)?,
            "co_name" => raw.name = text(what)?,
            "co_qualname" => raw.qualname = text(what)?,
            "co_code" => raw.code = bytes(what)?,
            "co_linetable" => raw.linetable = bytes(what)?,
            "co_exceptiontable" => raw.exceptiontable = bytes(what)?,
            _ => {
                // Replacing these would need a runtime-object-to-constant conversion
                // that refvm does not have; an unchanged value is accepted.
                let cur = crate::ops::attr::get_attr(vm, a[0].as_object(), &vm.intern(name))?;
                if !crate::ops::compare::rich_compare_bool(vm, &cur, v, CmpOp::Eq)? {
                    return Err(vm.new_exception_msg(
                        &vm.exc.not_implemented_error,
                        &format!("refvm: code.replace({name}=...) is not supported"),
                    ));
                }
            }
        }
    }
    let mut cache = crate::objects::code::ConstCache::default();
    Ok(vm
        .make_code(&std::sync::Arc::new(raw), &mut cache)?
        .into_object())
}

/// Adds the methods to the code type.
pub fn init(vm: &Vm) {
    vm.add_methods(
        &vm.types.code,
        &[
            MethodDef::method("co_lines", co_lines),
            MethodDef::method("replace", replace),
        ],
    );
}
