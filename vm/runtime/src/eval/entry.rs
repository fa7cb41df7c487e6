//! Entering Python code: binding a function's arguments into a new frame
//! (`make_frame`), and running a function, a frame or a module-level code object.

use super::*;

const CO_OPTIMIZED: u32 = 0x1;

/// Creates a frame for `func` with arguments bound (arguments are moved out of `args`).
pub fn make_frame(
    vm: &Vm,
    func: &PyFunction,
    args: &mut [Slot],
    kwnames: Option<&PyTuple>,
) -> PyResult<Box<Frame>> {
    let code = func.code.get();
    let mut fr = vm.ts.take_frame();
    fill_none(&mut fr.fast, code.nlocalsplus);
    fr.stack.reserve(code.stacksize);
    if code.flags & CO_OPTIMIZED == 0 {
        fr.locals = Some(func.globals.clone_object());
    }
    fr.globals = Some(func.globals.clone());
    fr.builtins = Some(func.builtins.clone());
    fr.func = Some(func.as_object().to_owned());
    // Fast path (as in `bind_args`): an exact positional call, no *args/**kwargs.
    let r = if kwnames.is_none()
        && args.len() == code.argcount
        && code.flags & 0xc == 0
        && code.kwonlyargcount == 0
        && args.len() <= fr.fast.len()
    {
        for (dst, src) in fr.fast.iter_mut().zip(args.iter_mut()) {
            *dst = src.take();
        }
        Ok(())
    } else {
        args::bind_args(vm, func, &code, &mut fr.fast, args, kwnames)
    };
    fr.code = Some(code);
    if let Err(e) = r {
        fr.clear();
        vm.ts.recycle_frame(fr);
        return Err(e);
    }
    Ok(fr)
}

/// Makes `v` hold `n` NULL slots (it is empty: frames are recycled cleared).
#[inline(always)]
fn fill_none(v: &mut Vec<Slot>, n: usize) {
    v.clear();
    v.reserve(n);
    // SAFETY: capacity for `n` elements was reserved just above; each is written before
    // the length covers it.
    unsafe {
        let p = v.as_mut_ptr();
        for i in 0..n {
            std::ptr::write(p.add(i), None);
        }
        v.set_len(n);
    }
}

/// Calls a Python function from native code.
pub fn call_function(
    vm: &Vm,
    func: &PyFunction,
    args: &[PyRef],
    kwnames: Option<&PyTuple>,
) -> PyResult {
    // Up to 8 arguments are copied into a buffer on the Rust stack (no allocation).
    let fr = if args.len() <= 8 {
        let mut buf: [Slot; 8] = Default::default();
        for (d, a) in buf.iter_mut().zip(args) {
            *d = Some(a.clone());
        }
        let fr = make_frame(vm, func, &mut buf[..args.len()], kwnames);
        drop(buf);
        fr?
    } else {
        let mut slots: Vec<Slot> = args.iter().map(|a| Some(a.clone())).collect();
        let fr = make_frame(vm, func, &mut slots, kwnames);
        drop(slots);
        fr?
    };
    run_frame(vm, fr)
}

/// Runs a frame to completion (not for generator frames that may yield).
pub fn run_frame(vm: &Vm, fr: Box<Frame>) -> PyResult {
    let (r, mut fr, _) = eval(vm, fr, None);
    // The caller (alive during this call) for `f_back` of a frame object that outlives it.
    fr.previous = vm.ts.frame.get();
    fr.clear();
    vm.ts.recycle_frame(fr);
    r
}

/// Runs module-level code with `globals` as its namespace.
pub fn run_code(
    vm: &Vm,
    code: PyRef<PyCode>,
    globals: crate::object::PyRef<crate::objects::dict::PyDict>,
    locals: Option<PyRef>,
) -> PyResult {
    let mut fr = vm.ts.take_frame();
    fill_none(&mut fr.fast, code.nlocalsplus);
    fr.stack.reserve(code.stacksize);
    fr.locals = Some(locals.unwrap_or_else(|| globals.clone_object()));
    let builtins = match globals.get_str(&vm.names.__builtins__) {
        Some(b) => match b.downcast::<crate::objects::dict::PyDict>() {
            Ok(d) => d,
            Err(m) => m
                .downcast_ref::<crate::objects::module::PyModule>()
                .map_or_else(|| vm.builtins.clone(), |m| m.dict.clone()),
        },
        None => {
            globals.set_str(vm.names.__builtins__.clone(), vm.builtins_module_obj());
            vm.builtins.clone()
        }
    };
    // `PyEval_EvalCode` runs the code through a function object of its own (named after
    // the code), which the frame holds: a frame object that outlives the run keeps it.
    let func = vm.new_function(code.clone(), globals.clone(), Some(code.name.clone()));
    fr.func = Some(func.into_object());
    fr.globals = Some(globals);
    fr.builtins = Some(builtins);
    fr.code = Some(code);
    run_frame(vm, fr)
}
