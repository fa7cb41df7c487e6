//! The `Vm`: one interpreter per run — builtin types, singletons, interned names, the
//! thread state (frames, handled exception, recursion depth), limits and output buffers.
//!
//! A `Vm` lives on one thread; `CURRENT` points at it so that deallocation (which can run
//! `__del__`) reaches it without a parameter.

pub mod bootstrap;
pub mod names;
pub mod release;
pub mod run;
pub mod state;

use crate::error::{PyErr, PyResult};
use crate::object::gc::Generation;
use crate::object::{PyObject, PyRef, PyType};
use crate::objects::dict::PyDict;
use crate::objects::int::PyInt;
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;
use std::cell::{Cell, RefCell, UnsafeCell};
use std::collections::HashMap;

pub use names::Names;
pub use state::ThreadState;

thread_local! {
    static CURRENT: Cell<*const Vm> = const { Cell::new(std::ptr::null()) };
}

/// Runs `f` with the current thread's VM, if one is running.
pub fn with_vm<R: Default>(f: impl FnOnce(&Vm) -> R) -> R {
    let p = CURRENT.with(|c| c.get());
    if p.is_null() {
        return R::default();
    }
    // SAFETY: CURRENT is set only while the Vm it points to is alive (see `Vm::enter`).
    f(unsafe { &*p })
}

/// Runs `f` on generation 0 (object tracking).
pub fn with_gc(f: impl FnOnce(&Generation)) {
    let p = CURRENT.with(|c| c.get());
    if p.is_null() {
        return;
    }
    // SAFETY: as in with_vm.
    let vm = unsafe { &*p };
    f(&vm.gc_generations[0]);
}

macro_rules! builtin_types {
    ($($f:ident),* $(,)?) => {
        /// The builtin types of one VM.
        pub struct Types { $(pub $f: PyRef<PyType>,)* }
        impl Types {
            pub fn all(&self) -> Vec<&PyRef<PyType>> { vec![$(&self.$f,)*] }
        }
    };
}

builtin_types! {
    object, type_, int, bool_, float, complex, str, bytes, bytearray, tuple, list, dict, set, frozenset,
    range, slice, none_type, not_implemented_type, ellipsis_type, function, builtin_function,
    method_descriptor, wrapper_descriptor, member_descriptor, getset_descriptor, classmethod_descriptor,
    method, cell, code, module, property, classmethod, staticmethod, super_, traceback, frame, generator,
    coroutine, async_generator, coroutine_wrapper, list_iterator, list_reverseiterator, tuple_iterator, range_iterator,
    str_iterator, bytes_iterator, dict_keys, dict_values, dict_items, dict_keyiterator, dict_valueiterator, dict_itemiterator,
    dict_reversekeyiterator, set_iterator, seq_iterator, callable_iterator, enumerate, zip, map, filter, reversed,
    text_io, mappingproxy, method_wrapper, generic_alias, instance_method, memoryview,
}

macro_rules! exc_types {
    ($root:ident; $($f:ident : $name:literal < $base:ident),* $(,)?) => {
        /// The builtin exception types of one VM.
        pub struct ExcTypes { pub $root: PyRef<PyType>, $(pub $f: PyRef<PyType>,)* }
        /// (field, Python name, base field) for every builtin exception but BaseException.
        pub const EXC_TABLE: &[(&str, &str)] = &[$(($name, stringify!($base)),)*];
        impl ExcTypes {
            pub fn build(mut make: impl FnMut(&'static str, &PyRef<PyType>) -> PyRef<PyType>, $root: PyRef<PyType>) -> ExcTypes {
                $(let $f = make($name, &$base);)*
                ExcTypes { $root, $($f,)* }
            }
            pub fn all(&self) -> Vec<&PyRef<PyType>> { vec![&self.$root, $(&self.$f,)*] }
        }
    };
}

exc_types! {
    base_exception;
    base_exception_group: "BaseExceptionGroup" < base_exception,
    exception: "Exception" < base_exception,
    exception_group: "ExceptionGroup" < base_exception_group,
    generator_exit: "GeneratorExit" < base_exception,
    keyboard_interrupt: "KeyboardInterrupt" < base_exception,
    system_exit: "SystemExit" < base_exception,
    arithmetic_error: "ArithmeticError" < exception,
    floating_point_error: "FloatingPointError" < arithmetic_error,
    overflow_error: "OverflowError" < arithmetic_error,
    zero_division_error: "ZeroDivisionError" < arithmetic_error,
    assertion_error: "AssertionError" < exception,
    attribute_error: "AttributeError" < exception,
    buffer_error: "BufferError" < exception,
    eof_error: "EOFError" < exception,
    import_error: "ImportError" < exception,
    module_not_found_error: "ModuleNotFoundError" < import_error,
    lookup_error: "LookupError" < exception,
    index_error: "IndexError" < lookup_error,
    key_error: "KeyError" < lookup_error,
    memory_error: "MemoryError" < exception,
    name_error: "NameError" < exception,
    unbound_local_error: "UnboundLocalError" < name_error,
    os_error: "OSError" < exception,
    blocking_io_error: "BlockingIOError" < os_error,
    child_process_error: "ChildProcessError" < os_error,
    connection_error: "ConnectionError" < os_error,
    broken_pipe_error: "BrokenPipeError" < connection_error,
    connection_aborted_error: "ConnectionAbortedError" < connection_error,
    connection_refused_error: "ConnectionRefusedError" < connection_error,
    connection_reset_error: "ConnectionResetError" < connection_error,
    file_exists_error: "FileExistsError" < os_error,
    file_not_found_error: "FileNotFoundError" < os_error,
    interrupted_error: "InterruptedError" < os_error,
    is_a_directory_error: "IsADirectoryError" < os_error,
    not_a_directory_error: "NotADirectoryError" < os_error,
    permission_error: "PermissionError" < os_error,
    process_lookup_error: "ProcessLookupError" < os_error,
    timeout_error: "TimeoutError" < os_error,
    reference_error: "ReferenceError" < exception,
    runtime_error: "RuntimeError" < exception,
    not_implemented_error: "NotImplementedError" < runtime_error,
    recursion_error: "RecursionError" < runtime_error,
    stop_async_iteration: "StopAsyncIteration" < exception,
    stop_iteration: "StopIteration" < exception,
    syntax_error: "SyntaxError" < exception,
    indentation_error: "IndentationError" < syntax_error,
    tab_error: "TabError" < indentation_error,
    system_error: "SystemError" < exception,
    type_error: "TypeError" < exception,
    value_error: "ValueError" < exception,
    unicode_error: "UnicodeError" < value_error,
    unicode_decode_error: "UnicodeDecodeError" < unicode_error,
    unicode_encode_error: "UnicodeEncodeError" < unicode_error,
    unicode_translate_error: "UnicodeTranslateError" < unicode_error,
    warning: "Warning" < exception,
    bytes_warning: "BytesWarning" < warning,
    deprecation_warning: "DeprecationWarning" < warning,
    encoding_warning: "EncodingWarning" < warning,
    future_warning: "FutureWarning" < warning,
    import_warning: "ImportWarning" < warning,
    pending_deprecation_warning: "PendingDeprecationWarning" < warning,
    resource_warning: "ResourceWarning" < warning,
    runtime_warning: "RuntimeWarning" < warning,
    syntax_warning: "SyntaxWarning" < warning,
    unicode_warning: "UnicodeWarning" < warning,
    user_warning: "UserWarning" < warning,
}

/// Why a run is being stopped from outside Python's reach.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Abort {
    Fuel,
    Memory,
    Output,
    /// `sys.exit(code)` / SystemExit escaping: not an abort; kept for completeness.
    Unsupported(String),
}

/// Limits and counters of the sandbox.
pub struct Limits {
    pub fuel: Cell<u64>,
    pub fuel_enabled: bool,
    pub max_memory: usize,
    pub max_output: usize,
    pub instructions: Cell<u64>,
}

/// One interpreter.
pub struct Vm {
    pub types: Types,
    pub exc: ExcTypes,
    pub none: PyRef,
    pub true_obj: PyRef,
    pub false_obj: PyRef,
    pub not_implemented_obj: PyRef,
    pub ellipsis: PyRef,
    pub empty_tuple: PyRef<PyTuple>,
    pub empty_str: PyRef<PyStr>,
    pub latin1_chars: Vec<PyRef<PyStr>>,
    pub small_ints: Vec<PyRef<PyInt>>,
    pub interned: UnsafeCell<rustc_hash::FxHashMap<Box<[u8]>, PyRef<PyStr>>>,
    pub names: Names,
    pub builtins: PyRef<PyDict>,
    pub builtins_module: UnsafeCell<Option<PyRef>>,
    /// `sys.modules`.
    pub modules: PyRef<PyDict>,
    pub sys_dict: UnsafeCell<Option<PyRef<PyDict>>>,
    pub ts: ThreadState,
    pub limits: Limits,
    pub abort: RefCell<Option<Abort>>,
    pub stdout: RefCell<Vec<u8>>,
    pub stderr: RefCell<Vec<u8>>,
    pub gc_generations: [Generation; 3],
    pub gc_enabled: Cell<bool>,
    pub int_max_str_digits: Cell<usize>,
    pub config: crate::RunConfig,
    /// Type objects created at start-up that are not in `types` (e.g. module-private).
    pub extra_types: RefCell<Vec<PyRef<PyType>>>,
    /// Module objects for native modules, by name, created on first import.
    pub native_modules: RefCell<HashMap<String, PyRef>>,
    pub main_module: UnsafeCell<Option<PyRef>>,
    /// Time origin for `time.perf_counter`.
    pub start_time: std::time::Instant,
    /// Objects being repr'd (`Py_ReprEnter`).
    pub repr_stack: RefCell<Vec<usize>>,
    /// Source text of files, for traceback lines (`linecache`).
    pub source_cache: RefCell<HashMap<String, Option<String>>>,
    /// Instructions granted to the eval loop's current budget.
    pub budget_granted: Cell<i64>,
    /// The eval breaker: instructions left before the eval loop takes its slow path
    /// (limits, fuel, a due collection). One word, decremented per instruction.
    pub eval_breaker: Cell<i64>,
    /// Budget set aside when the breaker was forced to zero early ([`Vm::break_eval`]).
    pub eval_credit: Cell<i64>,
    /// Native iteration steps since the last limit check.
    pub ticks: Cell<u32>,
    /// Finalizers are not run (interpreter teardown).
    pub no_finalizers: Cell<bool>,
    pub sys_module_obj: UnsafeCell<Option<PyRef>>,
    /// How imported `.py` files are compiled (`None`: refvm's compiler).
    pub compiler: RefCell<Option<crate::ModuleCompiler>>,
}

/// Instructions between two checks of the limits.
const BUDGET_CHUNK: i64 = 1 << 14;

impl Vm {
    /// A fresh instruction budget: the next grant of the eval breaker.
    fn budget_start(&self) -> i64 {
        let g = if self.limits.fuel_enabled {
            (self.limits.fuel.get().min(BUDGET_CHUNK as u64) as i64).max(1)
        } else {
            BUDGET_CHUNK
        };
        self.budget_granted.set(g);
        g
    }

    /// Makes the eval loop take its slow path before its next instruction (a collection
    /// became due); the rest of the budget is kept.
    #[inline]
    pub fn break_eval(&self) {
        let b = self.eval_breaker.get();
        if b > 0 {
            self.eval_credit.set(self.eval_credit.get() + b);
            self.eval_breaker.set(0);
        }
    }

    /// The eval breaker's slow path (`eval_breaker` reached zero): a due collection, then
    /// fuel, memory and aborts when the budget is spent.
    #[cold]
    #[inline(never)]
    pub fn eval_breaker_slow(&self) -> PyResult<()> {
        let b = self.eval_breaker.get() + self.eval_credit.replace(0);
        self.eval_breaker.set(b);
        if crate::gc::is_pending() {
            crate::gc::collect_if_pending(self);
        }
        if self.eval_breaker.get() > 0 {
            return Ok(());
        }
        self.budget_refill()
    }

    /// Instructions spent from the current grant (not yet in `limits.instructions`).
    fn budget_used(&self) -> u64 {
        (self.budget_granted.get() - self.eval_breaker.get() - self.eval_credit.get()).max(0) as u64
    }

    /// Accounts the spent budget into `limits.instructions` (end of a run).
    pub fn flush_budget(&self) {
        let used = self.budget_used();
        self.limits
            .instructions
            .set(self.limits.instructions.get() + used);
        self.budget_granted
            .set(self.eval_breaker.get() + self.eval_credit.get());
    }

    /// Accounts a spent budget: fuel, memory and aborts; grants a new one.
    fn budget_refill(&self) -> PyResult<()> {
        let used = self.budget_used();
        self.eval_credit.set(0);
        self.limits
            .instructions
            .set(self.limits.instructions.get() + used);
        if self.limits.fuel_enabled {
            let f = self.limits.fuel.get().saturating_sub(used);
            self.limits.fuel.set(f);
            if f == 0 {
                self.budget_granted.set(i64::MAX / 2);
                self.eval_breaker.set(i64::MAX / 2);
                return Err(self.abort_with(Abort::Fuel));
            }
        }
        let g = self.budget_start();
        self.eval_breaker.set(g);
        self.check_limits()
    }

    fn check_limits(&self) -> PyResult<()> {
        if self.is_aborting() {
            return Err(self.new_exception(&self.exc.system_exit, vec![]));
        }
        let used = crate::object::alloc::allocated_bytes();
        if used > self.limits.max_memory {
            if used
                > self
                    .limits
                    .max_memory
                    .saturating_add(self.limits.max_memory / 2)
            {
                return Err(self.abort_with(Abort::Memory));
            }
            return Err(self.no_memory());
        }
        Ok(())
    }

    /// One step of a native loop over user data: fuel and limits are checked.
    #[inline]
    pub fn tick(&self) -> PyResult<()> {
        let t = self.ticks.get() + 1;
        if t < 256 {
            self.ticks.set(t);
            return Ok(());
        }
        self.ticks.set(0);
        self.limits
            .instructions
            .set(self.limits.instructions.get() + 256);
        if self.limits.fuel_enabled {
            let f = self.limits.fuel.get().saturating_sub(256);
            self.limits.fuel.set(f);
            if f == 0 {
                return Err(self.abort_with(Abort::Fuel));
            }
        }
        self.check_limits()
    }

    /// The `builtins` module object.
    pub fn builtins_module_obj(&self) -> PyRef {
        // SAFETY: set once at start-up.
        unsafe { (*self.builtins_module.get()).clone() }
            .unwrap_or_else(|| self.builtins.clone_object())
    }

    /// The `sys` module object.
    pub fn sys_module(&self) -> PyRef {
        // SAFETY: set once at start-up.
        unsafe { (*self.sys_module_obj.get()).clone() }.unwrap_or_else(|| self.none())
    }
}

impl Vm {
    #[inline(always)]
    pub fn none(&self) -> PyRef {
        self.none.clone()
    }
    #[inline(always)]
    pub fn not_implemented(&self) -> PyRef {
        self.not_implemented_obj.clone()
    }
    #[inline(always)]
    pub fn is_none(&self, o: &PyObject) -> bool {
        o.is(&self.none)
    }
    #[inline(always)]
    pub fn is_not_implemented(&self, o: &PyObject) -> bool {
        o.is(&self.not_implemented_obj)
    }
    pub fn int_max_str_digits(&self) -> usize {
        self.int_max_str_digits.get()
    }

    /// Makes this VM the thread's current one for the lifetime of the guard.
    pub fn enter(&self) -> EnterGuard {
        let prev = CURRENT.with(|c| c.replace(self as *const Vm));
        EnterGuard { prev }
    }

    /// Checks that `bytes` more may be allocated under `--max-memory`.
    #[inline]
    pub fn check_alloc(&self, bytes: usize) -> PyResult<()> {
        let used = crate::object::alloc::allocated_bytes();
        if bytes > isize::MAX as usize / 2 || used.saturating_add(bytes) > self.limits.max_memory {
            return Err(self.no_memory());
        }
        Ok(())
    }

    /// Requests that the run stop (fuel, output); returns the uncatchable error to raise.
    pub fn abort_with(&self, a: Abort) -> PyErr {
        if self.abort.borrow().is_none() {
            *self.abort.borrow_mut() = Some(a);
        }
        self.new_exception(&self.exc.system_exit, vec![])
    }

    pub fn is_aborting(&self) -> bool {
        self.abort.borrow().is_some()
    }

    /// Appends to the captured stdout, enforcing the output cap.
    pub fn write_stdout(&self, b: &[u8]) -> PyResult<()> {
        self.write_out(&self.stdout, b)
    }
    pub fn write_stderr(&self, b: &[u8]) -> PyResult<()> {
        self.write_out(&self.stderr, b)
    }
    fn write_out(&self, buf: &RefCell<Vec<u8>>, b: &[u8]) -> PyResult<()> {
        let total = self.stdout.borrow().len() + self.stderr.borrow().len();
        if total + b.len() > self.limits.max_output {
            return Err(self.abort_with(Abort::Output));
        }
        buf.borrow_mut().extend_from_slice(b);
        Ok(())
    }
}

/// Restores the previous current VM on drop.
pub struct EnterGuard {
    prev: *const Vm,
}

impl Drop for EnterGuard {
    fn drop(&mut self) {
        CURRENT.with(|c| c.set(self.prev));
    }
}
