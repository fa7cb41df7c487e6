//! Fuzzes the parser: on any bytes `parse_module` returns (a tree or a typed error, no
//! panic, no stack overflow), and a tree it returns unparses to source it parses again.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(tree) = refvm_syntax::parse_module(data, "fuzz.py") else { return };
    if let Ok(text) = refvm_syntax::unparse::unparse(&tree) {
        if let Err(refvm_syntax::ParseError::Syntax(e)) = refvm_syntax::parse_module(text.as_bytes(), "fuzz.py") {
            panic!("unparsed tree does not parse: {e:?}\n--- source:\n{text}");
        }
    }
});
