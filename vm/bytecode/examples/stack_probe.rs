//! Measures the stack the marshal reader and writer need for 2000 nesting levels:
//! `cargo run --release -p refvm-bytecode --example stack_probe -- KB read|write`.
use refvm_bytecode::marshal;
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let kb: usize = args[1].parse().unwrap();
    let write = args[2] == "write";
    std::thread::Builder::new()
        .stack_size(kb * 1024)
        .spawn(move || {
            let mut v = b")\x01".repeat(1999);
            v.extend_from_slice(b")\x00");
            let c = std::thread::Builder::new()
                .stack_size(64 << 20)
                .spawn(move || marshal::loads_constant(&v).unwrap())
                .unwrap()
                .join()
                .unwrap();
            if write {
                marshal::dumps_constant(&c).unwrap();
            } else {
                let mut v = b")\x01".repeat(1999);
                v.extend_from_slice(b")\x00");
                marshal::loads_constant(&v).unwrap();
            }
            std::mem::forget(c);
        })
        .unwrap()
        .join()
        .unwrap();
    println!("{kb} KB ok");
}
