//! Running `__main__`: VM start-up, the uncaught-exception report, `SystemExit`, probes,
//! and interpreter teardown (clearing `__main__` as CPython's finalization does).

use crate::error::PyErr;
use crate::object::PyRef;
use crate::objects::exceptions::PyBaseException;
use crate::vm::{Abort, Vm};
use crate::{ExceptionReport, Probes, RunConfig, RunResult, RunStatus};
use refvm_bytecode::CodeObject;
use std::sync::Arc;

/// Sets up a VM on this thread and runs `code` as `__main__`.
pub fn run_main(
    code: Arc<CodeObject>,
    config: &RunConfig,
    compiler: Option<crate::ModuleCompiler>,
) -> RunResult {
    crate::gc::reset_state();
    let vm = Vm::new(config);
    *vm.compiler.borrow_mut() = compiler;
    let guard = vm.enter();
    crate::objects::init_types(&vm);
    let bmod = crate::builtins::init(&vm);
    // SAFETY: start-up, single writer.
    unsafe { *vm.builtins_module.get() = Some(bmod.clone()) };
    let sys = crate::modules::sys::init(&vm);
    // SAFETY: start-up, single writer.
    unsafe { *vm.sys_module_obj.get() = Some(sys.clone()) };
    vm.modules.set_str(vm.intern("sys"), sys);
    vm.modules.set_str(vm.intern("builtins"), bmod.clone());
    let main = vm.new_module("__main__", None);
    main.dict.set_str(vm.names.__builtins__.clone(), bmod);
    if let Some(a0) = config.argv.first() {
        main.dict.set_str(vm.intern("__file__"), vm.new_str(a0));
    }
    main.dict.set_str(vm.intern("__cached__"), vm.none());
    vm.modules
        .set_str(vm.intern("__main__"), main.clone_object());
    // SAFETY: start-up, single writer.
    unsafe { *vm.main_module.get() = Some(main.clone_object()) };

    // A collection that start-up made due runs now, before the main code's constants
    // exist: CPython compiles `__main__` after its start-up collections, so constant
    // tuples of atomic values are still tracked when the program starts.
    crate::gc::collect_if_pending(&vm);
    let mut cache = crate::objects::code::ConstCache::default();
    let result = match vm.make_code(&code, &mut cache) {
        Ok(c) => crate::eval::run_code(&vm, c, main.dict.clone(), None),
        Err(e) => Err(e),
    };
    drop(cache);
    let mut out = finish(&vm, result);
    if config.probes && !matches!(out.status, RunStatus::Unsupported(_)) {
        out.probes = Some(probes(&vm, &main.dict));
    }
    // CPython's finalization clears __main__ (running __del__ methods, whose output counts).
    if !vm.is_aborting() {
        clear_module_dict(&vm, &main.dict);
    }
    out.stdout = std::mem::take(&mut *vm.stdout.borrow_mut());
    out.stderr = std::mem::take(&mut *vm.stderr.borrow_mut());
    vm.flush_budget();
    out.instructions = vm.limits.instructions.get();
    if let Some(a) = vm.abort.borrow().clone() {
        match a {
            Abort::Fuel => out.status = RunStatus::FuelExhausted,
            Abort::Memory => out.status = RunStatus::MemoryLimit,
            Abort::Output => out.status = RunStatus::OutputLimit,
            Abort::Unsupported(s) => out.status = RunStatus::Unsupported(s),
        }
    }
    drop(main);
    teardown(&vm);
    // The VM, its singletons and its builtin types are freed; objects that outlived the
    // teardown (a count leak) keep only their memory, never reaching another run.
    super::release::release(vm, guard);
    out
}

fn finish(vm: &Vm, result: Result<PyRef, PyErr>) -> RunResult {
    let mut out = RunResult {
        status: RunStatus::Completed,
        stdout: Vec::new(),
        stderr: Vec::new(),
        exit_code: 0,
        exception: None,
        probes: None,
        instructions: 0,
    };
    let Err(e) = result else { return out };
    if vm.is_aborting() {
        out.exit_code = 1;
        return out;
    }
    if e.matches(&vm.exc.system_exit) {
        let code = e.exc().get_extra("code").unwrap_or_else(|| vm.none());
        if vm.is_none(&code) {
            out.exit_code = 0;
        } else if let Some(i) = crate::objects::int::int_value(&code) {
            out.exit_code = i.as_i64().unwrap_or(-1) as i32;
        } else {
            let s = crate::ops::str(vm, &code)
                .map(|s| s.to_string_lossy())
                .unwrap_or_default();
            crate::modules::sys::write_stderr_text(vm, &format!("{}\n", s));
            out.exit_code = 1;
        }
        return out;
    }
    let exc = e.into_object();
    let text = crate::traceback::format_exception(vm, &exc);
    crate::modules::sys::write_stderr_text(vm, &text);
    let report = exc
        .downcast_ref::<PyBaseException>()
        .map(|b| ExceptionReport {
            type_name: crate::traceback::type_display_name(vm, &exc),
            message: crate::traceback::exc_message(vm, &exc)
                .unwrap_or_else(|| "<exception str() failed>".into()),
            traceback: crate::traceback::frames_of(b),
        });
    out.status = RunStatus::Exception;
    out.exit_code = 1;
    out.exception = report;
    out
}

fn probes(vm: &Vm, d: &crate::objects::dict::PyDict) -> Probes {
    let mut p = Probes::default();
    for k in d.keys() {
        // One value at a time: the reference held here stands for getrefcount's argument
        // (holding every value at once would count an object bound to two names twice).
        let Ok(Some(v)) = d.get_item(vm, &k) else {
            continue;
        };
        if v.is_type(&vm.types.module) {
            continue;
        }
        let name = crate::ops::str_string(vm, &k).unwrap_or_default();
        if name.starts_with("__") && name.ends_with("__") {
            continue;
        }
        // `sys.getrefcount(NAME)` at module level: the references plus the argument.
        p.refcounts.push((name, v.refcnt() as i64));
    }
    p.gc_collected = Some(crate::gc::collect_with_callback(vm, 2));
    p
}

/// `_PyModule_ClearDict`: names starting with one underscore first, then the rest
/// (except `__builtins__`), each set to None in dict order.
pub fn clear_module_dict(vm: &Vm, d: &crate::objects::dict::PyDict) {
    for pass in 0..2 {
        for k in d.keys() {
            let Some(s) = k.downcast_ref::<crate::objects::str::PyStr>() else {
                continue;
            };
            let b = s.as_bytes();
            let under = b.first() == Some(&b'_') && b.get(1) != Some(&b'_');
            if (pass == 0) != under {
                continue;
            }
            if b == b"__builtins__" {
                continue;
            }
            if let Ok(ks) = k.clone().downcast::<crate::objects::str::PyStr>() {
                d.set_str(ks, vm.none());
            }
            if vm.is_aborting() {
                return;
            }
        }
    }
}

/// Breaks every remaining reference cycle so memory is returned (no finalizers run).
fn teardown(vm: &Vm) {
    vm.no_finalizers.set(true);
    *vm.abort.borrow_mut() = Some(Abort::Unsupported("teardown".into()));
    vm.modules.clear();
    vm.builtins.clear();
    // Frozen objects (`gc.freeze`, start-up imports) are torn down with the rest.
    crate::gc::unfreeze(vm);
    let mut all: Vec<PyRef> = Vec::new();
    for generation in &vm.gc_generations {
        let head = generation.head_ptr();
        // SAFETY: walking our own tracked list; we take references before clearing.
        unsafe {
            let mut g = (*head).next.get();
            while !g.is_null() && g != head {
                let o = crate::object::gc::GcHead::object(g);
                all.push((*o).to_owned());
                g = (*g).next.get();
            }
        }
    }
    for o in &all {
        // The collector's `tp_clear`: containers, instance dicts and slots, and also
        // classes (dict, MRO), functions, cells, frames, … whose cycles would otherwise
        // keep them alive.
        crate::gc::traverse::clear(o);
    }
    drop(all);
    for t in vm.types.all().into_iter().chain(vm.exc.all()) {
        t.dict.clear();
        // SAFETY: teardown; nothing reads the mro any more.
        let m = unsafe { (*t.mro.get()).take() };
        crate::object::typeobj::type_modified();
        drop(m);
    }
}
