//! Small accessors over refvm's AST that the compiler passes share, kept in one place
//! so a change of the AST's shape touches one file.

use refvm_syntax::ast::{Arguments, Expr};

/// `kw_defaults[i]`: the default of the i-th keyword-only parameter, `None` when it
/// has none (CPython stores NULL there).
pub fn kw_default(args: &Arguments, i: usize) -> Option<&Expr> {
    args.kw_defaults.get(i).and_then(|d| d.as_ref())
}

/// The keyword-only defaults that are present, in order.
pub fn kw_defaults_present(args: &Arguments) -> impl Iterator<Item = &Expr> {
    args.kw_defaults.iter().flatten()
}

/// `Dict.keys[i]`: `None` for a `**mapping` entry (CPython stores NULL there).
pub fn dict_key(keys: &[Option<Expr>], i: usize) -> Option<&Expr> {
    keys.get(i).and_then(|k| k.as_ref())
}
