//! The second symbol-table pass (`symtable_analyze` of CPython 3.11's `symtable.c`):
//! decides for every name whether it is local, global (explicit or implicit), free or
//! a cell, propagating free variables up through enclosing functions.

use super::flags::*;
use super::visit::{RED_ZONE, STACK_GROWTH};
use super::{BlockType, Name, Scope, ScopeId, SymbolTable};
use crate::error::CompileErrorAt;
use crate::fxhash::FxHashSet as HashSet;

type NameSet = HashSet<Name>;

/// `error_at_directive`: the error located at the name's `global`/`nonlocal` statement.
fn error_at_directive(st: &SymbolTable, ste: ScopeId, name: &Name, msg: String) -> CompileErrorAt {
    match st.entries[ste].directives.iter().find(|d| &d.name == name) {
        Some(d) => CompileErrorAt::ranged_raw(
            msg,
            d.lineno,
            d.col_offset + 1,
            d.end_lineno,
            d.end_col_offset + 1,
        ),
        None => CompileErrorAt::Exception {
            type_name: "RuntimeError",
            msg: "BUG: internal directive bookkeeping broken".into(),
        },
    }
}

/// `analyze_name`.
#[allow(clippy::too_many_arguments)]
fn analyze_name(
    st: &mut SymbolTable,
    ste: ScopeId,
    scope: &mut Scope,
    name: &Name,
    flags: i64,
    bound: Option<&mut NameSet>,
    local: &mut NameSet,
    free: &mut NameSet,
    global: &mut NameSet,
) -> Result<(), CompileErrorAt> {
    if flags & DEF_GLOBAL != 0 {
        if flags & DEF_NONLOCAL != 0 {
            return Err(error_at_directive(
                st,
                ste,
                name,
                format!("name '{name}' is nonlocal and global"),
            ));
        }
        *scope = Scope::GlobalExplicit;
        global.insert(name.clone());
        if let Some(b) = bound {
            b.remove(name);
        }
        return Ok(());
    }
    if flags & DEF_NONLOCAL != 0 {
        let Some(b) = bound else {
            return Err(error_at_directive(
                st,
                ste,
                name,
                "nonlocal declaration not allowed at module level".into(),
            ));
        };
        if !b.contains(name) {
            return Err(error_at_directive(
                st,
                ste,
                name,
                format!("no binding for nonlocal '{name}' found"),
            ));
        }
        *scope = Scope::Free;
        st.entries[ste].free = true;
        free.insert(name.clone());
        return Ok(());
    }
    if flags & DEF_BOUND != 0 {
        *scope = Scope::Local;
        local.insert(name.clone());
        global.remove(name);
        return Ok(());
    }
    if bound.as_ref().is_some_and(|b| b.contains(name)) {
        *scope = Scope::Free;
        st.entries[ste].free = true;
        free.insert(name.clone());
        return Ok(());
    }
    if global.contains(name) {
        *scope = Scope::GlobalImplicit;
        return Ok(());
    }
    if st.entries[ste].nested {
        st.entries[ste].free = true;
    }
    *scope = Scope::GlobalImplicit;
    Ok(())
}

/// `analyze_cells`: locals that children use freely become cells (`scopes[i]` is the
/// scope of `names[i]`).
fn analyze_cells(names: &[(Name, i64)], scopes: &mut [Scope], free: &mut NameSet) {
    for ((name, _), scope) in names.iter().zip(scopes.iter_mut()) {
        if *scope != Scope::Local {
            continue;
        }
        if !free.contains(name) {
            continue;
        }
        *scope = Scope::Cell;
        free.remove(name);
    }
}

/// `drop_class_free`.
fn drop_class_free(st: &mut SymbolTable, ste: ScopeId, free: &mut NameSet) {
    if free.remove("__class__") {
        st.entries[ste].needs_class_closure = true;
    }
}

/// `update_symbols`: records scopes in the flags, and free names of children.
fn update_symbols(
    st: &mut SymbolTable,
    ste: ScopeId,
    scopes: &[Scope],
    bound: Option<&NameSet>,
    free: &NameSet,
    classflag: bool,
) {
    let symbols = &mut st.entries[ste].symbols;
    // `scopes` holds one scope per symbol, in the symbols' order.
    for (i, &scope) in scopes.iter().enumerate() {
        symbols.or_flags_at(i, (scope as i64) << SCOPE_OFFSET);
    }
    // A set's iteration order only decides insertion order here, which nothing
    // observable depends on (cell and free variables are sorted later); sort anyway
    // so runs are reproducible.
    let mut free_names: Vec<&Name> = free.iter().collect();
    free_names.sort();
    for name in free_names {
        if let Some(v) = symbols.get(name.as_str()) {
            if classflag && v & (DEF_BOUND | DEF_GLOBAL) != 0 {
                symbols.set(name, v | DEF_FREE_CLASS);
            }
            continue;
        }
        if let Some(b) = bound
            && !b.contains(name)
        {
            continue;
        }
        symbols.set(name, (Scope::Free as i64) << SCOPE_OFFSET);
    }
}

/// `analyze_block`.
fn analyze_block(
    st: &mut SymbolTable,
    ste: ScopeId,
    mut bound: Option<&mut NameSet>,
    free: &mut NameSet,
    global: &mut NameSet,
) -> Result<(), CompileErrorAt> {
    let mut local = NameSet::default();
    let mut newglobal = NameSet::default();
    let mut newfree = NameSet::default();
    let mut newbound = NameSet::default();
    let typ = st.entries[ste].typ;

    if typ == BlockType::Class {
        newglobal.extend(global.iter().cloned());
        if let Some(b) = bound.as_deref() {
            newbound.extend(b.iter().cloned());
        }
    }

    let symbols: Vec<(Name, i64)> = st.entries[ste]
        .symbols
        .iter()
        .map(|(n, f)| (n.clone(), f))
        .collect();
    let mut scopes = vec![Scope::Unknown; symbols.len()];
    for ((name, flags), scope) in symbols.iter().zip(scopes.iter_mut()) {
        analyze_name(
            st,
            ste,
            scope,
            name,
            *flags,
            bound.as_deref_mut(),
            &mut local,
            free,
            global,
        )?;
    }

    if typ != BlockType::Class {
        if typ == BlockType::Function {
            newbound.extend(local.iter().cloned());
        }
        if let Some(b) = bound.as_deref() {
            newbound.extend(b.iter().cloned());
        }
        newglobal.extend(global.iter().cloned());
    } else {
        newbound.insert(Name::new("__class__"));
    }

    let mut allfree = NameSet::default();
    let children = st.entries[ste].children.clone();
    for c in children {
        analyze_child_block(st, c, &newbound, &newfree, &newglobal, &mut allfree)?;
        if st.entries[c].free || st.entries[c].child_free {
            st.entries[ste].child_free = true;
        }
    }
    newfree.extend(allfree);

    if typ == BlockType::Function {
        analyze_cells(&symbols, &mut scopes, &mut newfree);
    } else if typ == BlockType::Class {
        drop_class_free(st, ste, &mut newfree);
    }
    update_symbols(
        st,
        ste,
        &scopes,
        bound.as_deref(),
        &newfree,
        typ == BlockType::Class,
    );
    free.extend(newfree);
    Ok(())
}

/// `analyze_child_block`: analyses a child with copies of the visible sets.
fn analyze_child_block(
    st: &mut SymbolTable,
    entry: ScopeId,
    bound: &NameSet,
    free: &NameSet,
    global: &NameSet,
    child_free: &mut NameSet,
) -> Result<(), CompileErrorAt> {
    let mut temp_bound = bound.clone();
    let mut temp_free = free.clone();
    let mut temp_global = global.clone();
    stacker::maybe_grow(RED_ZONE, STACK_GROWTH, || {
        analyze_block(
            st,
            entry,
            Some(&mut temp_bound),
            &mut temp_free,
            &mut temp_global,
        )
    })?;
    child_free.extend(temp_free);
    Ok(())
}

/// `symtable_analyze`.
pub fn symtable_analyze(st: &mut SymbolTable) -> Result<(), CompileErrorAt> {
    let mut free = NameSet::default();
    let mut global = NameSet::default();
    let top = st.top;
    analyze_block(st, top, None, &mut free, &mut global)
}
