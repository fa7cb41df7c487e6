//! Fuzzes the marshal/.pyc reader: on any bytes it never panics, never overflows the
//! stack and never allocates without bound; what it accepts writes back (fresh) to data
//! it reads back equal, replays its layout without panicking, and disassembles.
#![no_main]

use libfuzzer_sys::fuzz_target;
use refvm_bytecode::{dis, marshal, pyc, Constant};

fuzz_target!(|data: &[u8]| {
    let _ = pyc::read(data);
    let Ok((value, layout)) = marshal::loads_constant_preserving(data) else { return };
    let _ = marshal::dumps_constant_with_layout(&value, &layout);
    if let Ok(bytes) = marshal::dumps_constant(&value) {
        assert_eq!(marshal::loads_constant(&bytes).ok().as_ref(), Some(&value));
    }
    if let Constant::Code(code) = &value {
        let _ = dis::dis_module(code);
    }
});
