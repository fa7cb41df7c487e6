//! Links the harness against the libpython of the `python3` pyo3 found, and records that
//! directory as the binary's run path, so the loader cannot pick another libpython3.11
//! (Debian ships 3.11.2 in /lib; the oracle is the `python3` on PATH).

fn main() {
    let config = pyo3_build_config::get();
    if let Some(dir) = config.lib_dir() {
        println!("cargo:rustc-link-arg=-Wl,-rpath,{dir}");
        println!("cargo:rustc-env=PYCONFORM_LIBPYTHON_DIR={dir}");
    }
    println!("cargo:rerun-if-env-changed=PYO3_PYTHON");
}
