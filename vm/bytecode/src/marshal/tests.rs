//! marshal reader and writer: against the live `python3` on small programs and malformed
//! data, plus bounds (depth, sizes, cycles, copy budget) and round-trip properties.

use super::*;
use crate::code::{CodeObject, Constant};
use crate::testutil::python;
use num_bigint::BigInt;
use proptest::prelude::*;
use refvm_common::PyStr;
use std::sync::Arc;

fn unhex(hex: &str) -> Vec<u8> {
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
        .collect()
}

/// Programs whose marshal output exercises every sharing rule of `refs.rs`.
const PROGRAMS: &[&str] = &[
    "import os\nx = 'hello world'\ndef f(a, b=1):\n    'doc'\n    return a + b + 1000 + x\n",
    "class C:\n    def m(self): return (1, 2, 'hello world')\nt = (1, 2, 'hello world')\n",
    "s = {'a', 'b'}\nprint(s in {'q', 'r'}, 1.5, -0.0, 0.0, 2**70, 'é', 1j, -1j, 10**30, -10**30)\n",
    "a = ''\nb = ' '\nc = b''\nd = b'x'\ne = (1.5, 1.5j)\nf = lambda: 0\ng = [x for x in 'ab']\nh = '\\xe9t\\xe9'\n",
    "def k(*, q=()): pass\nz = 100000\nzz = (100000, 100000)\n",
    "class A:\n    class B:\n        'doc'\n        def m(self): return 1\n    def n(self): return 1\nfrom os import sep, path\n",
    "def f():\n    class X: pass\n    class X: pass\n    return X\n",
    "def f(d):\n    return d in {'x', 'y', 'z'}\ndef g(d):\n    return (d in {'22', '33'}, 1)\ndef h(d):\n    return (d in {'22', '33'}, 2)\n",
    "from os import *\nx = '*'\ny = ('a' * 300, 'é' * 300, 'long string ' * 30)\n",
    "def gen():\n    try:\n        yield 1\n    except ValueError as e:\n        raise KeyError from e\n    finally:\n        pass\n",
    "async def co(x):\n    async with x as y:\n        async for z in y:\n            await z\n",
    "é = 1\nλ = 'λ'\nprint(é, λ, 'é')\n",
];

/// For each program: CPython's `marshal.dumps(compile(src, 'prog.py', 'exec'))` in hex.
fn cpython_dumps(programs: &[&str]) -> Vec<Vec<u8>> {
    let script = r#"
import sys, marshal
for src in sys.argv[1:]:
    code = compile(src, "prog.py", "exec")
    print(marshal.dumps(code).hex())
"#;
    python(script, programs).lines().map(unhex).collect()
}

#[test]
fn layout_round_trip_and_fresh_dumps_equal_cpython() {
    for (src, data) in PROGRAMS.iter().zip(cpython_dumps(PROGRAMS)) {
        let (code, layout) = loads_preserving(&data).unwrap();
        assert_eq!(
            dumps_with_layout(&code, &layout).unwrap(),
            data,
            "layout round trip of {src:?}"
        );
        assert_eq!(dumps(&code).unwrap(), data, "fresh dumps of {src:?}");
        assert_eq!(loads(&data).unwrap(), code);
    }
}

#[test]
fn a_temporary_module_code_object_is_not_flagged() {
    let script = r#"
import marshal
print(marshal.dumps(compile('x = 1', 'm.py', 'exec')).hex())
"#;
    let data = unhex(python(script, &[]).trim());
    let code = loads(&data).unwrap();
    let options = DumpOptions {
        code_held_by_caller: false,
    };
    assert_eq!(dumps_with_options(&code, &options).unwrap(), data);
}

#[test]
fn one_character_strings_interned_at_startup_are_the_ones_python3_has() {
    // Which one-character constants does a fresh oracle write as interned strings?
    let script = r#"
import marshal, string
out = []
for c in range(256):
    s = chr(c)
    if s.isascii() and (s.isalnum() or s == '_'):
        continue
    d = marshal.dumps(compile('x = ' + repr(s), 'x.py', 'exec'))
    enc = s.encode('latin-1') if c < 128 else s.encode('utf-8')
    head = bytes([0xda, 1]) if c < 128 else bytes([0xf4, len(enc), 0, 0, 0])
    if head + enc in d:
        out.append(s)
print(''.join(out))
"#;
    let interned = python(script, &[]);
    let expect: Vec<&[u8]> = refs::INTERNED_AT_STARTUP.to_vec();
    assert_eq!(vec![interned.trim_end_matches('\n').as_bytes()], expect);
}

/// The one-character strings whose interned copy is not the singleton, asked of a
/// fresh python3.
#[test]
fn startup_twin_chars_match_cpython() {
    let script = r#"
import sys
out = []
for c in range(256):
    s = chr(c)
    if sys.intern(s) is not s:
        out.append(s)
print(''.join(out))
"#;
    let twins = python(script, &[]);
    assert_eq!(
        twins.trim_end_matches('\n').as_bytes(),
        crate::frozenset::STARTUP_TWIN_CHARS
    );
}

/// Malformed inputs: our error's CPython exception type and message equal what
/// `marshal.loads` raises, where CPython raises at all.
#[test]
fn errors_match_cpython() {
    let cases: &[&[u8]] = &[
        b"",
        b")\x02N",
        b"z\x05ab",
        b"r\x00\x00\x00\x00",
        b"?",
        b"l\x02\x00\x00\x00\x01\x00\x00\x00",
        b"l\x01\x00\x00\x00\x00\x80",
        b")\x010",
        b"i\x01\x00",
        b"u\x05\x00\x00\x00ab",
        b"(\xff\xff\xff\xff",
        b"s\xfe\xff\xff\xff",
        b"\xe3\x00\x00\x00\x00",
    ];
    let script = r#"
import sys, marshal
for h in sys.argv[1:]:
    try:
        marshal.loads(bytes.fromhex(h)); print('ok')
    except Exception as e:
        print(type(e).__name__ + ': ' + str(e))
"#;
    let hexes: Vec<String> = cases
        .iter()
        .map(|c| c.iter().map(|b| format!("{b:02x}")).collect())
        .collect();
    let args: Vec<&str> = hexes.iter().map(String::as_str).collect();
    let out = python(script, &args);
    for (case, expect) in cases.iter().zip(out.lines()) {
        let err = loads_constant(case).expect_err("malformed data must fail");
        assert_eq!(
            format!("{}: {}", err.exception_type(), err.kind),
            expect,
            "{case:?}"
        );
    }
}

#[test]
fn undecodable_utf8_is_a_unicode_error() {
    let err = loads_constant(b"u\x02\x00\x00\x00\xff\xff").unwrap_err();
    assert_eq!(err.exception_type(), "UnicodeDecodeError");
    assert_eq!(err.offset, 5);
}

fn nested_tuples(depth: usize) -> Vec<u8> {
    let mut v = b")\x01".repeat(depth - 1);
    v.extend_from_slice(b")\x00");
    v
}

#[test]
fn depth_limit_is_cpythons_and_fits_a_small_stack() {
    // CPython: 2000 nested objects load, 2001 fail with "recursion limit exceeded".
    let worker = std::thread::Builder::new()
        .stack_size(512 * 1024)
        .spawn(|| {
            assert!(loads_constant(&nested_tuples(2000)).is_ok());
            let err = loads_constant(&nested_tuples(2001)).unwrap_err();
            assert_eq!(err.kind, ErrorKind::RecursionLimit);
            let deep = loads_constant(&nested_tuples(2000)).unwrap();
            // Its repr (what dis prints) recurses within the same bound.
            let text = crate::dis::constant_repr(&deep, &|_| 0);
            assert_eq!(text.len(), 2000 * 3 - 1);
            // Writing is limited the same way.
            assert!(dumps_constant(&deep).is_ok());
            let deeper = Constant::Tuple(vec![deep]);
            assert_eq!(
                dumps_constant(&deeper).unwrap_err().kind,
                ErrorKind::NestedTooDeep
            );
            // Nested code objects: every level is a code object and its consts tuple.
            let mut code = minimal_code();
            for _ in 0..990 {
                let mut outer = minimal_code();
                outer.consts = vec![Constant::Code(Arc::new(code))];
                code = outer;
            }
            let bytes = dumps(&code).unwrap();
            assert_eq!(loads(&bytes).unwrap(), code);
            // Deep trees must also drop without overflowing.
            drop(code);
        });
    worker.unwrap().join().expect("no stack overflow");
}

#[test]
fn reference_cycles_and_bad_references_are_rejected() {
    // A tuple containing itself.
    assert_eq!(
        loads_constant(b"\xa9\x01r\x00\x00\x00\x00")
            .unwrap_err()
            .kind,
        ErrorKind::RefCycle
    );
    // A code object referring to itself from its consts.
    let mut data = b"\xe3".to_vec();
    data.extend_from_slice(&[0; 20]);
    data.extend_from_slice(b"s\x00\x00\x00\x00)\x01r\x00\x00\x00\x00");
    assert_eq!(loads_constant(&data).unwrap_err().kind, ErrorKind::RefCycle);
    assert_eq!(
        loads_constant(b"r\xff\xff\xff\xff").unwrap_err().kind,
        ErrorKind::InvalidRef
    );
}

#[test]
fn huge_declared_sizes_do_not_allocate() {
    for data in [
        &b"(\xff\xff\xff\x7f"[..],
        b"s\xff\xff\xff\x7f",
        b"a\xff\xff\xff\x7f",
        b"l\xff\xff\xff\x7f",
        b">\xff\xff\xff\x7f",
    ] {
        assert!(loads_constant(data).is_err());
    }
}

#[test]
fn back_reference_amplification_is_bounded() {
    // Level i is a flagged tuple whose first item is level i+1 and whose other 254 items
    // are references to it: 255**levels copies if nothing stopped it.
    let bomb = |levels: u32| {
        let mut data = b"\xa9\xff".repeat(levels as usize);
        data.extend_from_slice(b"\xa9\x00");
        for i in (0..levels).rev() {
            for _ in 0..254 {
                data.push(b'r');
                data.extend_from_slice(&(i + 1).to_le_bytes());
            }
        }
        data
    };
    // Two levels: 65k small copies, within budget.
    assert!(loads_constant(&bomb(2)).is_ok());
    let started = std::time::Instant::now();
    assert_eq!(
        loads_constant(&bomb(12)).unwrap_err().kind,
        ErrorKind::TooLarge
    );
    assert!(started.elapsed().as_secs() < 10);
}

#[test]
fn old_format_types_are_read() {
    // TYPE_INT64, TYPE_FLOAT, TYPE_COMPLEX (marshal versions 0 and 1).
    assert_eq!(
        loads_constant(b"I\x00\x00\x00\x00\x01\x00\x00\x00").unwrap(),
        Constant::Int(BigInt::from(1u64 << 32))
    );
    assert_eq!(loads_constant(b"f\x031.5").unwrap(), Constant::Float(1.5));
    assert_eq!(
        loads_constant(b"x\x031.5\x04-inf").unwrap(),
        Constant::Complex {
            re: 1.5,
            im: f64::NEG_INFINITY
        }
    );
    // Latin-1 bytes in an "ASCII" string are taken as Latin-1, as CPython does.
    assert_eq!(
        loads_constant(b"z\x01\xe9").unwrap(),
        Constant::Str(PyStr::from("é"))
    );
    // Textual floats are written back as C's %.17g.
    for (x, text) in [
        (1.5, "1.5"),
        (0.1, "0.10000000000000001"),
        (1e300, "1.0000000000000001e+300"),
        (-0.0, "-0"),
    ] {
        assert_eq!(write::format_g17(x), text);
    }
}

#[test]
fn lists_dicts_and_sets_are_unsupported_not_misread() {
    for (data, what) in [
        (&b"[\x00\x00\x00\x00"[..], "list"),
        (b"{0", "dict"),
        (b"<\x00\x00\x00\x00", "set"),
    ] {
        assert_eq!(
            loads_constant(data).unwrap_err().kind,
            ErrorKind::Unsupported(what)
        );
    }
}

pub(crate) fn minimal_code() -> CodeObject {
    CodeObject {
        argcount: 0,
        posonlyargcount: 0,
        kwonlyargcount: 0,
        stacksize: 1,
        flags: 0,
        code: vec![151, 0, 100, 0, 83, 0],
        consts: vec![Constant::None],
        names: vec![],
        localsplusnames: vec![],
        localspluskinds: vec![],
        filename: PyStr::from("m.py"),
        name: PyStr::from("<module>"),
        qualname: PyStr::from("<module>"),
        firstlineno: 1,
        linetable: vec![0xf0, 0x03, 0x01, 0x01, 0x01],
        exceptiontable: vec![],
        provenance: Default::default(),
    }
}

fn arb_str() -> impl Strategy<Value = PyStr> {
    prop_oneof![
        "[a-z_]{0,6}".prop_map(|s| PyStr::from(s.as_str())),
        ".{0,8}".prop_map(|s| PyStr::from(s.as_str())),
        proptest::collection::vec(0u32..0x11_0000, 0..6)
            .prop_map(|cps| PyStr::from_code_points(cps).unwrap_or_default()),
        "[a-c]{300}".prop_map(|s| PyStr::from(s.as_str())),
    ]
}

fn arb_constant() -> impl Strategy<Value = Constant> {
    let leaf = prop_oneof![
        Just(Constant::None),
        Just(Constant::Ellipsis),
        Just(Constant::StopIteration),
        any::<bool>().prop_map(Constant::Bool),
        any::<i64>().prop_map(|i| Constant::Int(BigInt::from(i))),
        (any::<i128>(), 0u32..200).prop_map(|(i, s)| Constant::Int(BigInt::from(i) << s)),
        any::<f64>().prop_map(Constant::Float),
        (any::<f64>(), any::<f64>()).prop_map(|(re, im)| Constant::Complex { re, im }),
        arb_str().prop_map(Constant::Str),
        proptest::collection::vec(any::<u8>(), 0..20).prop_map(Constant::Bytes),
    ];
    // Tuples of 256+ items take the long tuple type code.
    let big = proptest::collection::vec(leaf.clone(), 250..300).prop_map(Constant::Tuple);
    let leaf = prop_oneof![10 => leaf, 1 => big];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..8).prop_map(Constant::Tuple),
            proptest::collection::vec(inner, 0..6).prop_map(|members| {
                // A frozenset has distinct members, in CPython's iteration order.
                let mut distinct: Vec<Constant> = Vec::new();
                for m in members {
                    if !distinct.contains(&m) {
                        distinct.push(m);
                    }
                }
                Constant::FrozenSet(crate::frozenset::reorder(distinct))
            }),
        ]
    })
}

fn arb_code() -> impl Strategy<Value = CodeObject> {
    (
        proptest::collection::vec(arb_constant(), 0..6),
        proptest::collection::vec("[a-z]{1,4}", 0..5),
        proptest::collection::vec(
            (
                "[a-z]{1,3}",
                prop_oneof![Just(0x20u8), Just(0x40), Just(0x60), Just(0x80)],
            ),
            0..5,
        ),
        arb_str(),
        any::<i32>(),
        proptest::collection::vec(any::<u8>(), 0..12),
    )
        .prop_map(|(consts, names, locals, qualname, firstlineno, table)| {
            let mut c = minimal_code();
            c.consts = consts;
            c.names = names.iter().map(|n| PyStr::from(n.as_str())).collect();
            c.localsplusnames = locals
                .iter()
                .map(|(n, _)| PyStr::from(n.as_str()))
                .collect();
            c.localspluskinds = locals.iter().map(|(_, k)| *k).collect();
            c.qualname = qualname;
            c.firstlineno = firstlineno;
            c.exceptiontable = table;
            c
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn constants_round_trip(c in arb_constant()) {
        let bytes = dumps_constant(&c).unwrap();
        let (back, layout) = loads_constant_preserving(&bytes).unwrap();
        prop_assert_eq!(&back, &c);
        prop_assert_eq!(dumps_constant_with_layout(&back, &layout).unwrap(), bytes);
    }

    #[test]
    fn code_objects_round_trip(inner in arb_code(), outer in arb_code()) {
        let mut top = outer;
        top.consts.push(Constant::Code(Arc::new(inner)));
        let bytes = dumps(&top).unwrap();
        let (back, layout) = loads_preserving(&bytes).unwrap();
        prop_assert_eq!(&back, &top);
        prop_assert_eq!(dumps_with_layout(&back, &layout).unwrap(), bytes);
    }

    #[test]
    fn arbitrary_bytes_never_panic(data in proptest::collection::vec(any::<u8>(), 0..200)) {
        let _ = loads_constant(&data);
        let _ = crate::pyc::read(&data);
    }
}
