//! Profiling helper: loads `/tmp/bc/all.bin` (length-prefixed marshal blobs) and dumps
//! every code object N times: `cargo run --release -p refvm-bytecode --example dumps_profile -- FILE N`.
use refvm_bytecode::marshal;
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let data = std::fs::read(&args[1]).expect("read blobs");
    let n: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(3);
    let mut codes = Vec::new();
    let mut i = 0;
    while i + 8 <= data.len() {
        let len = u64::from_le_bytes(data[i..i + 8].try_into().unwrap()) as usize;
        codes.push(marshal::loads(&data[i + 8..i + 8 + len]).unwrap());
        i += 8 + len;
    }
    let mut total = 0;
    for _ in 0..n {
        for c in &codes {
            total += marshal::dumps(c).unwrap().len();
        }
    }
    println!("{total}");
}
