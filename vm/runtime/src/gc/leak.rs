//! Leak check (`pyconform conform --leak-check`): runs a module several times in one VM,
//! each time in a fresh `__main__` namespace that is then cleared as interpreter
//! finalization clears it, followed by a full collection; reports the number of live
//! objects after each run (CPython's `regrtest -R` idea: a count that keeps growing
//! from run to run is a leak).

use crate::RunConfig;
use crate::vm::Vm;
use refvm_bytecode::CodeObject;
use std::sync::Arc;

/// Live objects after each of `runs` executions of `code` (output discarded).
pub fn leak_check_main(code: Arc<CodeObject>, config: &RunConfig, runs: usize) -> Vec<i64> {
    crate::gc::reset_state();
    let vm = Vm::new(config);
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
    let mut counts = Vec::new();
    for _ in 0..runs {
        let main = vm.new_module("__main__", None);
        main.dict
            .set_str(vm.names.__builtins__.clone(), bmod.clone());
        if let Some(a0) = config.argv.first() {
            main.dict.set_str(vm.intern("__file__"), vm.new_str(a0));
        }
        main.dict.set_str(vm.intern("__cached__"), vm.none());
        vm.modules
            .set_str(vm.intern("__main__"), main.clone_object());
        // SAFETY: single writer between runs.
        unsafe { *vm.main_module.get() = Some(main.clone_object()) };
        let mut cache = crate::objects::code::ConstCache::default();
        let result = match vm.make_code(&code, &mut cache) {
            Ok(c) => crate::eval::run_code(&vm, c, main.dict.clone(), None),
            Err(e) => Err(e),
        };
        drop(cache);
        drop(result);
        if vm.is_aborting() {
            break;
        }
        crate::vm::run::clear_module_dict(&vm, &main.dict);
        drop(main);
        drop(vm.ts.set_top_exc(None));
        crate::gc::collect_with_callback(&vm, 2);
        vm.stdout.borrow_mut().clear();
        vm.stderr.borrow_mut().clear();
        counts.push(crate::object::alloc::live_objects() as i64);
    }
    drop(guard);
    // As `run`: the VM's memory is left to the thread's end.
    std::mem::forget(vm);
    counts
}
