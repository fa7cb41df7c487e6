//! Times `parse_module` on deep inputs (a development aid: `deep_time [FILTER]`).

use std::time::Instant;

fn main() {
    let filter = std::env::args().nth(1).unwrap_or_default();
    if let Ok(src) = std::fs::read(&filter) {
        let t = Instant::now();
        let r = refvm_syntax::parse_module(&src, &filter);
        let what: String = match &r {
            Ok(_) => "ok".to_string(),
            Err(e) => format!("{e:?}").chars().take(300).collect(),
        };
        println!("{:8.3}s {what}", t.elapsed().as_secs_f64());
        return;
    }
    let inputs: Vec<(&str, Vec<u8>)> = vec![
        ("parens", b"(".repeat(100_000)),
        (
            "sum",
            [b"x = 1".as_slice(), &b" + 1".repeat(100_000), b"\n"].concat(),
        ),
        (
            "sum5900",
            [b"x = 1".as_slice(), &b" + 1".repeat(5_900), b"\n"].concat(),
        ),
        (
            "attr",
            [b"x = a".as_slice(), &b".b".repeat(100_000), b"\n"].concat(),
        ),
        (
            "call",
            [b"x = a".as_slice(), &b"()".repeat(100_000), b"\n"].concat(),
        ),
        (
            "sub",
            [b"x = a".as_slice(), &b"[0]".repeat(50_000), b"\n"].concat(),
        ),
        (
            "attr_target",
            [b"a".as_slice(), &b".b".repeat(100_000), b" = 1\n"].concat(),
        ),
        (
            "ifexp",
            [b"x = a".as_slice(), &b" if a else a".repeat(1_000), b"\n"].concat(),
        ),
        (
            "neg",
            [b"x = ".as_slice(), &b"-".repeat(100_000), b"1\n"].concat(),
        ),
        (
            "not",
            [b"x = ".as_slice(), &b"not ".repeat(50_000), b"1\n"].concat(),
        ),
        (
            "lambda",
            [b"x = ".as_slice(), &b"lambda: ".repeat(20_000), b"1\n"].concat(),
        ),
        (
            "pow",
            [b"x = ".as_slice(), &b"2 ** ".repeat(20_000), b"1\n"].concat(),
        ),
        (
            "elif",
            [
                b"if a: pass\n".as_slice(),
                &b"elif a: pass\n".repeat(10_000),
            ]
            .concat(),
        ),
        (
            "neg_err",
            [b"x = ".as_slice(), &b"-".repeat(5_900), b"1 +\n"].concat(),
        ),
        (
            "fstr",
            [b"f'{".as_slice(), &b"-".repeat(5_000), b"x}'\n"].concat(),
        ),
    ];
    for (name, src) in inputs {
        if !name.contains(filter.as_str()) {
            continue;
        }
        let t = Instant::now();
        let r = refvm_syntax::parse_module(&src, "deep.py");
        let what = match &r {
            Ok(_) => "ok".to_string(),
            Err(e) => format!("{e:?}").chars().take(100).collect(),
        };
        println!("{name:12} {:8.3}s {what}", t.elapsed().as_secs_f64());
    }
}
