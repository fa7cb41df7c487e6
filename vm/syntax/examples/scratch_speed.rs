fn main() {
    let root = "/root/.pyenv/versions/3.11.7/lib/python3.11";
    let mut files = Vec::new();
    fn walk(d: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() { if !p.ends_with("site-packages") { walk(&p, out); } }
            else if p.extension().is_some_and(|e| e == "py") { out.push(p); }
        }
    }
    walk(std::path::Path::new(root), &mut files);
    let srcs: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(f).unwrap()).collect();
    let t = std::time::Instant::now();
    let mut tot = 0usize;
    for s in &srcs {
        if refvm_syntax::parse_module(s, "x").is_ok() { tot += s.len(); }
    }
    let el = t.elapsed().as_secs_f64();
    println!("{tot} bytes {el:.3}s {:.2} MB/s", tot as f64 / el / 1e6);
}
