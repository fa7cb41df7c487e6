//! Links the fuzz targets against the libpython of the `python3` pyo3 found, with that
//! directory as the run path (as the harness's own build script does for `pyconform`).

fn main() {
    let config = pyo3_build_config::get();
    if let Some(dir) = config.lib_dir() {
        println!("cargo:rustc-link-arg=-Wl,-rpath,{dir}");
    }
    println!("cargo:rerun-if-env-changed=PYO3_PYTHON");
}
