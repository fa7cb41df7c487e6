fn main() {
    let inputs: Vec<(&str, Vec<u8>)> = vec![
        ("paren100k", b"(".repeat(100_000)),
        ("plus100k", [b"x = 1".as_slice(), &b" + 1".repeat(100_000), b"\n"].concat()),
        ("attr100k", [b"x = a".as_slice(), &b".b".repeat(100_000), b"\n"].concat()),
        ("call100k", [b"x = a".as_slice(), &b"()".repeat(100_000), b"\n"].concat()),
        ("tattr100k", [b"a".as_slice(), &b".b".repeat(100_000), b" = 1\n"].concat()),
        ("unary5990", [b"x = ".as_slice(), &b"-".repeat(5990), b"1\n"].concat()),
        ("unary100k", [b"x = ".as_slice(), &b"-".repeat(100_000), b"1\n"].concat()),
        ("not50k", [b"x = ".as_slice(), &b"not ".repeat(50_000), b"1\n"].concat()),
        ("lambda20k", [b"x = ".as_slice(), &b"lambda: ".repeat(20_000), b"1\n"].concat()),
        ("elif10k", [b"if a: pass\n".as_slice(), &b"elif a: pass\n".repeat(10_000)].concat()),
        ("elif2900", [b"if a: pass\n".as_slice(), &b"elif a: pass\n".repeat(2900)].concat()),
        ("pow5000", [b"x = ".as_slice(), &b"2**".repeat(5000), b"1\n"].concat()),
    ];
    let handle = std::thread::Builder::new().stack_size(2 << 20).spawn(move || {
        for (name, src) in inputs {
            let t = std::time::Instant::now();
            let r = refvm_syntax::parse_module(&src, "deep.py");
            let desc = match &r {
                Ok(m) => { let d = if src.len() < 30000 { refvm_syntax::ast::dump(m).len() } else { 0 }; let c = m.clone(); assert!(c == *m); let _ = format!("{c:?}").len(); format!("ok dump {} bytes", d) }
                Err(e) => format!("{e}"),
            };
            drop(r);
            println!("{name}: {desc} ({:?})", t.elapsed());
        }
    }).unwrap();
    handle.join().unwrap();
}
