//! Small accessors over refvm's AST that the compiler passes share, kept in one place
//! so a change of the AST's shape touches one file.

use refvm_syntax::ast::{Arguments, Expr};

/// `kw_defaults[i]`: the default of the i-th keyword-only parameter, `None` when it
/// has none (CPython stores NULL there).
///
/// FIXME(syntax): the AST holds `kw_defaults: Vec<Expr>`, which cannot express a
/// missing default; once it is `Vec<Option<Expr>>` this returns `.get(i)?.as_ref()`.
pub fn kw_default(args: &Arguments, i: usize) -> Option<&Expr> {
    args.kw_defaults.get(i)
}

/// The keyword-only defaults that are present, in order.
pub fn kw_defaults_present(args: &Arguments) -> impl Iterator<Item = &Expr> {
    (0..args.kwonlyargs.len().max(args.kw_defaults.len())).filter_map(move |i| kw_default(args, i))
}

/// `Dict.keys[i]`: `None` for a `**mapping` entry (CPython stores NULL there).
///
/// FIXME(syntax): see [`kw_default`]; `keys` must become `Vec<Option<Expr>>`.
pub fn dict_key(keys: &[Expr], i: usize) -> Option<&Expr> {
    keys.get(i)
}
