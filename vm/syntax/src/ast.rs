//! The Python 3.11 AST (placeholder until the parser lands: `Module` only).

/// `ast.Module`.
#[derive(Clone, Debug, PartialEq)]
pub struct Module {}

/// `ast.dump(tree, indent=1, include_attributes=True)`.
pub fn dump(module: &Module) -> String {
    let _ = module;
    String::new()
}
