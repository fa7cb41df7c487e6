//! The `pyconform` binary (skeleton: see issue 2).

fn main() {
    eprintln!("pyconform: not implemented yet");
    std::process::exit(2);
}
