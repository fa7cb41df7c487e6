fn main() {
    let f = std::env::args().nth(1).unwrap();
    let src = std::fs::read(&f).unwrap();
    let t = std::time::Instant::now();
    let r = refvm_syntax::parse_module(&src, "x.py");
    let t1 = t.elapsed();
    let ok = r.is_ok();
    drop(r);
    println!("{f}: ok={ok} parse {:?} total {:?}", t1, t.elapsed());
}
