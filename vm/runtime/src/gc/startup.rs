//! Imports of the modules CPython has already imported when a program starts: refvm
//! imports them when the program first asks, but as if at start-up, so the program
//! cannot tell the difference through the collector. Their import's garbage is collected
//! on the spot, apart from the program's objects; what survives goes to the permanent
//! generation (the harness's CPython worker collects and `gc.freeze()`s after start-up);
//! and the generation counts, statistics and free lists the program sees are left as
//! they were, since for CPython that import is a `sys.modules` hit.

use super::lists::*;
use super::{FREE_LISTS, FREELISTS, PENDING, collect_main, permanent_head, with_state};
use crate::vm::Vm;
use std::cell::Cell;
use std::collections::HashSet;
use std::sync::{Arc, RwLock};

/// The modules `python3 FILE` has imported before the program runs in a CPython 3.11
/// installation without `.pth` files (`python3 -S -c "import site"`), other than those
/// refvm makes natively at start-up.
const CPYTHON_STARTUP: &[&str] = &[
    "_abc",
    "_codecs",
    "_collections_abc",
    "_io",
    "_signal",
    "_sitebuiltins",
    "_stat",
    "_thread",
    "_warnings",
    "_weakref",
    "abc",
    "codecs",
    "encodings",
    "encodings.aliases",
    "encodings.utf_8",
    "genericpath",
    "io",
    "marshal",
    "os",
    "os.path",
    "posix",
    "posixpath",
    "site",
    "stat",
    "time",
    "zipimport",
];

static STARTUP: RwLock<Option<Arc<HashSet<String>>>> = RwLock::new(None);

/// Declares which modules the CPython that refvm is compared with has imported before a
/// program starts (process-wide; e.g. the harness's worker after its own imports).
/// `None` restores the default: the comma-separated names in `$REFVM_STARTUP_MODULES`,
/// else a plain `python3 FILE`'s start-up modules.
pub fn set_startup_modules(names: Option<Vec<String>>) {
    let set = names.map(|n| Arc::new(n.into_iter().collect::<HashSet<String>>()));
    if let Ok(mut s) = STARTUP.write() {
        *s = set;
    }
}

/// Whether CPython has module `name` imported when a program starts.
pub fn is_startup_module(name: &str) -> bool {
    if let Ok(s) = STARTUP.read() {
        if let Some(set) = s.as_ref() {
            return set.contains(name);
        }
    }
    static FROM_ENV: std::sync::OnceLock<Option<HashSet<String>>> = std::sync::OnceLock::new();
    let env = FROM_ENV.get_or_init(|| {
        let v = std::env::var("REFVM_STARTUP_MODULES").ok()?;
        Some(v.split(',').map(|s| s.trim().to_owned()).collect())
    });
    match env {
        Some(set) => set.contains(name),
        None => CPYTHON_STARTUP.contains(&name),
    }
}

thread_local! {
    /// A start-up import is running (the modules it imports are part of it).
    static IN_STARTUP_IMPORT: Cell<bool> = const { Cell::new(false) };
}

/// Runs `import` (the import of a start-up module) as if it had happened before the
/// program started: see the module documentation.
pub fn import_as_at_startup<R>(vm: &Vm, import: impl FnOnce() -> R) -> R {
    if IN_STARTUP_IMPORT.with(|c| c.get()) || with_state(|s| s.collecting.get()) {
        return import();
    }
    IN_STARTUP_IMPORT.with(|c| c.set(true));
    let gens = &vm.gc_generations;
    // The program's objects, out of the collector's sight meanwhile.
    let stash = [new_head(), new_head(), new_head()];
    let counts: Vec<isize> = gens.iter().map(|g| g.count.get()).collect();
    for (g, h) in gens.iter().zip(&stash) {
        // SAFETY: generation lists and fresh heads (boxed: they do not move).
        unsafe {
            init(head_ptr(h));
            merge(g.head_ptr(), head_ptr(h));
        }
        g.count.set(0);
    }
    let saved = with_state(|s| {
        let saved = (
            s.debug.replace(0),
            s.long_lived_total.replace(0),
            s.long_lived_pending.replace(0),
            *s.stats.borrow(),
        );
        saved
    });
    let free: [u16; FREELISTS] = FREE_LISTS.with(|f| std::array::from_fn(|i| f[i].get()));
    let pending = PENDING.with(|p| p.replace(false));
    let result = import();
    // The import's own garbage, collected as start-up's was before the program ran.
    if !vm.is_aborting() {
        with_state(|s| s.collecting.set(true));
        let _ = collect_main(vm, 2);
        with_state(|s| s.collecting.set(false));
    }
    let p = permanent_head();
    for ((g, h), c) in gens.iter().zip(&stash).zip(counts) {
        // SAFETY: as above; the survivors go to the permanent generation.
        unsafe {
            merge(g.head_ptr(), p);
            merge(head_ptr(h), g.head_ptr());
        }
        g.count.set(c);
    }
    with_state(|s| {
        s.debug.set(saved.0);
        s.long_lived_total.set(saved.1);
        s.long_lived_pending.set(saved.2);
        *s.stats.borrow_mut() = saved.3;
    });
    FREE_LISTS.with(|f| f.iter().zip(free).for_each(|(c, n)| c.set(n)));
    PENDING.with(|p| p.set(pending));
    IN_STARTUP_IMPORT.with(|c| c.set(false));
    result
}

#[cfg(test)]
mod tests {
    use crate::{RunConfig, run};
    use std::sync::Arc;

    #[test]
    fn startup_imports_leave_the_programs_garbage_and_counts_alone() {
        // The list cycle is the program's; abc and io are imported before a CPython
        // program starts, so their import-time cycles are not. Their classes stay
        // visible to __subclasses__ (ABC subclass checks rely on it).
        let src = "import gc\ngc.collect()\nl = []\nl.append(l)\ndel l\n\
import abc, io\nprint(gc.collect())\n\
import collections.abc as c\nprint(c.Mapping.__subclasses__())\n\
print(isinstance({}.keys(), c.Set), issubclass(io.StringIO, io.IOBase))\n";
        let code = refvm_compiler::compile_source(
            src.as_bytes(),
            &refvm_compiler::CompileOptions::new("<test>"),
        )
        .expect("test source compiles");
        let r = run(Arc::new(code), &RunConfig::default());
        let ours = String::from_utf8_lossy(&r.stdout).into_owned();
        assert_eq!(
            ours,
            "1\n[<class 'collections.abc.MutableMapping'>]\nTrue True\n",
            "{}",
            String::from_utf8_lossy(&r.stderr)
        );
    }
}
