//! The opcode table against the live `python3`'s `opcode` and `dis` modules.

use super::*;
use crate::testutil::python;
use serde_json::Value;

fn oracle() -> Value {
    let script = r#"
import opcode, json
def members(l): return sorted(l)
print(json.dumps({
  "opmap": opcode.opmap,
  "opname": opcode.opname,
  "caches": opcode._inline_cache_entries,
  "hasjrel": members(opcode.hasjrel), "hasjabs": members(opcode.hasjabs),
  "hasconst": members(opcode.hasconst), "hasname": members(opcode.hasname),
  "haslocal": members(opcode.haslocal), "hasfree": members(opcode.hasfree),
  "hascompare": members(opcode.hascompare), "hasnargs": members(opcode.hasnargs),
  "HAVE_ARGUMENT": opcode.HAVE_ARGUMENT, "EXTENDED_ARG": opcode.EXTENDED_ARG,
  "cmp_op": opcode.cmp_op, "nb_ops": opcode._nb_ops,
}))
"#;
    serde_json::from_str(&python(script, &[])).expect("json")
}

fn ints(v: &Value) -> Vec<u64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_u64().unwrap())
        .collect()
}

fn ours(pred: impl Fn(Opcode) -> bool) -> Vec<u64> {
    Opcode::ALL
        .iter()
        .filter(|o| pred(**o))
        .map(|o| *o as u64)
        .collect()
}

#[test]
fn table_equals_live_opcode_module() {
    let o = oracle();
    let opmap = o["opmap"].as_object().unwrap();
    assert_eq!(opmap.len(), Opcode::ALL.len());
    for op in Opcode::ALL {
        assert_eq!(opmap[op.name()].as_u64(), Some(*op as u64), "{}", op.name());
    }
    let opname = o["opname"].as_array().unwrap();
    assert_eq!(opname.len(), 256);
    let caches = ints(&o["caches"]);
    for b in 0..=255u8 {
        assert_eq!(
            opname[b as usize].as_str().unwrap(),
            opname_of(b),
            "opname[{b}]"
        );
        assert_eq!(
            caches[b as usize],
            u64::from(inline_cache_entries(b)),
            "caches[{b}]"
        );
    }
    assert_eq!(ints(&o["hasjrel"]), ours(Opcode::has_jrel));
    assert_eq!(ints(&o["hasjabs"]), Vec::<u64>::new());
    assert_eq!(ints(&o["hasconst"]), ours(Opcode::has_const));
    assert_eq!(ints(&o["hasname"]), ours(Opcode::has_name));
    assert_eq!(ints(&o["haslocal"]), ours(Opcode::has_local));
    assert_eq!(ints(&o["hasfree"]), ours(Opcode::has_free));
    assert_eq!(ints(&o["hascompare"]), ours(Opcode::has_compare));
    assert_eq!(ints(&o["hasnargs"]), Vec::<u64>::new());
    assert_eq!(o["HAVE_ARGUMENT"].as_u64(), Some(u64::from(HAVE_ARGUMENT)));
    assert_eq!(o["EXTENDED_ARG"].as_u64(), Some(u64::from(EXTENDED_ARG)));
    let cmp: Vec<&str> = o["cmp_op"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(cmp, CMP_OP);
    let nb: Vec<(&str, &str)> = o["nb_ops"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p[0].as_str().unwrap(), p[1].as_str().unwrap()))
        .collect();
    assert_eq!(nb, NB_OPS);
    // Backward jumps are exactly the ones `dis._is_backward_jump` recognises by name.
    for op in Opcode::ALL {
        assert_eq!(
            op.jump() == JumpKind::Backward,
            op.name().contains("JUMP_BACKWARD"),
            "{}",
            op.name()
        );
    }
}

fn opname_of(b: u8) -> String {
    opname(b).into_owned()
}

/// Opargs tried for every opcode: small values exhaustively, then edges of C's `int`.
fn opargs() -> Vec<u32> {
    let mut v: Vec<u32> = (0..=300).collect();
    v.extend([
        511,
        512,
        1000,
        65535,
        65536,
        0x7fff_ffff,
        0x8000_0000,
        0xffff_ffff,
    ]);
    v
}

#[test]
fn stack_effect_equals_live_dis_for_every_opcode_oparg_and_jump() {
    let args: Vec<String> = opargs().iter().map(|a| a.to_string()).collect();
    let script = r#"
import dis, sys
args = [int(a) for a in sys.argv[1].split(',')]
out = []
for op in list(range(256)) + list(range(-10, 0)):
    for j in (None, True, False):
        row = []
        for a in (args if op >= dis.HAVE_ARGUMENT or op < 0 else [None]):
            # C's int conversion of the oparg, as _opcode does with PyLong_AsLong.
            ca = None if a is None else (a - (1 << 32) if a >= (1 << 31) else a)
            try:
                row.append(str(dis.stack_effect(op, ca if op >= dis.HAVE_ARGUMENT else None, jump=j)))
            except ValueError:
                row.append('x')
        out.append(f"{op} {j} " + ','.join(row))
print('\n'.join(out))
"#;
    let joined = args.join(",");
    let text = python(script, &[&joined]);
    let mut checked = 0;
    for line in text.lines() {
        let mut parts = line.split(' ');
        let op: i32 = parts.next().unwrap().parse().unwrap();
        let jump = match parts.next().unwrap() {
            "None" => None,
            "True" => Some(true),
            _ => Some(false),
        };
        let row: Vec<&str> = parts.next().unwrap().split(',').collect();
        if op < 0 {
            let p = PseudoOpcode::ALL[(-op - 1) as usize];
            assert_eq!(p.number(), op);
            for r in &row {
                assert_eq!(
                    *r,
                    p.stack_effect(jump).to_string(),
                    "{} jump={jump:?}",
                    p.name()
                );
            }
            continue;
        }
        let op = op as u8;
        let argv: Vec<u32> = if op >= HAVE_ARGUMENT {
            opargs()
        } else {
            vec![0]
        };
        assert_eq!(argv.len(), row.len());
        for (a, expect) in argv.iter().zip(&row) {
            let got = stack_effect(op, *a, jump).map_or("x".to_string(), |e| e.to_string());
            assert_eq!(
                &got,
                expect,
                "stack_effect({}, {a}, jump={jump:?})",
                opname(op)
            );
            checked += 1;
        }
    }
    assert!(checked > 100_000, "only {checked} cases checked");
}

#[test]
fn pseudo_jumps_resolve_to_real_jumps() {
    for p in PseudoOpcode::ALL {
        for back in [false, true] {
            if let Some(real) = p.resolve(back) {
                assert!(p.is_virtual_jump());
                assert_eq!(real.jump() == JumpKind::Backward, back, "{}", p.name());
                assert_eq!(real.stack_effect(0, Some(true)), p.stack_effect(Some(true)));
                assert_eq!(
                    real.stack_effect(0, Some(false)),
                    p.stack_effect(Some(false))
                );
            } else {
                assert!(!p.is_virtual_jump(), "{}", p.name());
            }
        }
    }
}

#[test]
fn specialized_names_and_bases_equal_live_dis() {
    let script = r#"
import dis, json
print(json.dumps([dis._all_opname, [dis.opmap[dis._all_opname[dis._deoptop(op)]] if not dis._all_opname[op].startswith('<') else None for op in range(256)]]))
"#;
    let v: Value = serde_json::from_str(&python(script, &[])).unwrap();
    for op in 0..=255u8 {
        assert_eq!(
            v[0][op as usize].as_str().unwrap(),
            all_opname(op),
            "_all_opname[{op}]"
        );
        assert_eq!(
            v[1][op as usize].as_u64(),
            deopt(op).map(|o| o as u64),
            "_deoptop({op})"
        );
    }
}

#[test]
fn write_instr_and_instr_size_agree() {
    for op in Opcode::ALL {
        for arg in [
            0u32,
            1,
            0xff,
            0x100,
            0xffff,
            0x1_0000,
            0xff_ffff,
            0x100_0000,
            u32::MAX,
        ] {
            let mut code = Vec::new();
            write_instr(&mut code, *op, arg);
            assert_eq!(code.len(), 2 * instr_size(*op, arg), "{} {arg}", op.name());
            let last = code.len() - 2 * (1 + op.caches() as usize);
            assert_eq!(code[last], *op as u8);
            // The oparg reassembles from the EXTENDED_ARG prefixes, as dis does.
            let unpacked = crate::dis::unpack_opargs(&code);
            let (_, got_op, got_arg) = unpacked[unpacked.len() - 1];
            assert_eq!(got_op, *op as u8);
            if op.has_arg() {
                assert_eq!(got_arg.map(|a| a as u32), Some(arg));
            }
        }
    }
}
