//! Fuzzes `refvm tokens`: on any bytes the tokenizer returns (no panic, no hang, no stack
//! overflow) and its report is well formed.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(r) = refvm_syntax::tokenize_report(data, "fuzz.py") {
        assert!(r.exit_code == 0 || r.exit_code == 1);
        assert!(r.exit_code == 0 || r.stdout.is_empty());
    }
});
