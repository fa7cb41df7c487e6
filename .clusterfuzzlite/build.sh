#!/bin/bash -eu
# OSS-Fuzz / ClusterFuzzLite build: every cargo-fuzz target of fuzz/ into $OUT.
# tokenize, parse and marshal are pure Rust; compile and run embed CPython 3.11
# (libpython is copied beside them and found through an $ORIGIN run path); run also
# needs PYCONFORM_WORKER_EXE, so $OUT gets the pyconform binary as well.
cd "$SRC/pyconform/fuzz"
export RUSTFLAGS="${RUSTFLAGS:-} -C link-arg=-Wl,-rpath,\$ORIGIN/lib"
cargo fuzz build -O --debug-assertions
release=target/x86_64-unknown-linux-gnu/release
for t in tokenize parse marshal compile run; do
  cp "$release/$t" "$OUT/"
done
# compile and run: leak detection off (see the files).
cp options/*.options "$OUT/"
mkdir -p "$OUT/lib"
libpython=$(python3.11 -c 'import sysconfig, os; print(os.path.join(sysconfig.get_config_var("LIBDIR"), sysconfig.get_config_var("LDLIBRARY")))')
cp -L "$libpython" "$OUT/lib/"
(cd "$SRC/pyconform" && cargo build --release -p pyconform && cp target/release/pyconform "$OUT/")
