//! `dis_module` against the live `python3`'s `dis.dis` on programs covering every
//! argument kind, line-number widths, exception tables and constant reprs.

use super::*;
use crate::testutil::python;

/// Replaces every `0x` + hex digits by `0x?`: the only normalisation allowed.
pub(crate) fn normalise_addresses(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'0'
            && b.get(i + 1) == Some(&b'x')
            && b.get(i + 2).is_some_and(u8::is_ascii_hexdigit)
        {
            out.push_str("0x?");
            i += 2;
            while b.get(i).is_some_and(u8::is_ascii_hexdigit) {
                i += 1;
            }
        } else {
            let ch = s[i..].chars().next().unwrap_or('\0');
            out.push(ch);
            i += ch.len_utf8();
        }
    }
    out
}

const PROGRAMS: &[&str] = &[
    "x = 1\nprint(x)\n",
    "import os.path as p\nfrom sys import argv, path\ndef f(a, /, b=2, *c, d, e=5, **g):\n    global x\n    x = a + b\n    return f'{a!r:>{b}} {c!s} {d!a}'\n",
    "def outer():\n    v = 1\n    def inner():\n        nonlocal v\n        v += 1\n        return v\n    return inner\nclass C(object, metaclass=type):\n    attr: int = 3\n    def m(self): return super().m()\n",
    "try:\n    a = 1 / 0\nexcept ZeroDivisionError as e:\n    print(e)\nelse:\n    pass\nfinally:\n    print('done')\nwith open('x') as f, open('y') as g:\n    pass\n",
    "for i in range(10):\n    if i % 2 and i > 3 or i is None:\n        continue\n    elif i in (1, 2):\n        break\nelse:\n    print({1, 2, 3}, {'a', 'b', 'c', 'd'}, [1, 2, 3], {'k': 1, 'j': 2})\nwhile x:\n    x -= 1\n",
    "match p:\n    case [1, *rest]: pass\n    case {'k': v, **kw}: pass\n    case C(a=1, b=2) | None: pass\n    case _: pass\n",
    "async def co():\n    async with a as b:\n        async for c in b:\n            await c\n    return [x async for x in b]\ndef g():\n    yield 1\n    yield from g()\n",
    "x = (1, (2, 3), ('a',), (), b'\\x00', 1.5, 1e100, -0.0, 2j, 10**40, ..., None, True, 'q\\'\"')\nassert x, 'msg'\ndel x\nlambda: (yield)\n",
    "try:\n    pass\nexcept* ValueError:\n    pass\nx = [i for i in range(3) if i]\ny = {i: j for i, j in z}\nprint(*a, **b)\nobj.meth(1, k=2)\n",
];

fn cpython_dis(sources: &[&str]) -> Vec<(Vec<u8>, String)> {
    let script = r#"
import sys, dis, io, marshal
for src in sys.argv[1:]:
    code = compile(src, 'prog.py', 'exec')
    buf = io.StringIO()
    dis.dis(code, file=buf)
    print(marshal.dumps(code).hex())
    print(buf.getvalue().encode().hex())
"#;
    let out = python(script, sources);
    let lines: Vec<&str> = out.lines().collect();
    let unhex = |h: &str| -> Vec<u8> {
        (0..h.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&h[i..i + 2], 16).unwrap())
            .collect()
    };
    lines
        .chunks(2)
        .map(|p| (unhex(p[0]), String::from_utf8(unhex(p[1])).unwrap()))
        .collect()
}

#[test]
fn dis_equals_cpython_on_programs() {
    for (src, (data, expect)) in PROGRAMS.iter().zip(cpython_dis(PROGRAMS)) {
        let code = crate::marshal::loads(&data).unwrap();
        let ours = dis_module(&code).unwrap();
        assert_eq!(
            normalise_addresses(&ours),
            normalise_addresses(&expect),
            "{src}"
        );
    }
}

#[test]
fn long_line_numbers_and_offsets_widen_the_columns() {
    let mut src = "\n".repeat(1200);
    src.push_str("x = 1\n");
    for i in 0..3000 {
        src.push_str(&format!("y{i} = x\n"));
    }
    let (data, expect) = cpython_dis(&[&src]).remove(0);
    let code = crate::marshal::loads(&data).unwrap();
    assert_eq!(
        normalise_addresses(&dis_module(&code).unwrap()),
        normalise_addresses(&expect)
    );
}

#[test]
fn frozenset_order_is_cpythons() {
    // What CPython's compiler makes of `x in {…}` (source order in, iteration order
    // out), against `frozenset::compiled_order`, and marshal's reordering on load.
    // Each case: the set's members; the third construction happens when interning swaps
    // a member for an already interned twin, here when the program also uses `hello` as
    // a name (the `hello = 0;` prefix below).
    let cases = [
        "'a', 'b', 'c', 'd', 'e', 'f', 'g'",
        "1, 9, 17, 25, 33, 2, 10",
        "-1, -2, 2**61, 2**61 - 1, 0.5, 1.5, b'y', (1, 2), 3j, 1e300",
        "'hello', 'world', 'foo', 'bar', 'baz', 'qux', 'quux', 'corge', 'grault', 'garply', 'waldo', 'fred', 'plugh', 'xyzzy', 'thud'",
        "'a b', 'c d', 'e f', 'g h', 'i j', 'k l', 'm n', 'o p', 'q r'",
    ];
    let script = r#"
import sys, marshal
for c in sys.argv[1:]:
    code = compile(('hello = 0; ' if 'hello' in c else '') + 'x in {' + c + '}', 'x', 'exec')
    f = [k for k in code.co_consts if isinstance(k, frozenset)][0]
    print(repr(f))
    print(marshal.dumps(tuple(eval('[' + c + ']'))).hex())
    print(marshal.dumps(f).hex())
"#;
    let out = python(script, &cases);
    let lines: Vec<&str> = out.lines().collect();
    let unhex = |h: &str| -> Vec<u8> {
        (0..h.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&h[i..i + 2], 16).unwrap())
            .collect()
    };
    for (case, chunk) in cases.iter().zip(lines.chunks(3)) {
        let Constant::Tuple(source) = crate::marshal::loads_constant(&unhex(chunk[1])).unwrap()
        else {
            panic!()
        };
        let recreated = case.contains("hello");
        // (the 'a b' strings are not name characters: never swapped)
        let compiled = Constant::FrozenSet(crate::frozenset::compiled_order(source, recreated));
        assert_eq!(
            constant_repr(&compiled, &code_addr),
            chunk[0],
            "compiled {case}"
        );
        let loaded = crate::marshal::loads_constant(&unhex(chunk[2])).unwrap();
        let again = Constant::FrozenSet(crate::frozenset::reorder(match &loaded {
            Constant::FrozenSet(m) => m.clone(),
            _ => panic!(),
        }));
        // Loading iterates in the order a set built in stream order has.
        assert_eq!(loaded, again);
    }
}
