//! The `time` module: clocks (no sleeping longer than the sandbox allows) here, the
//! calendar functions in `py/time_calendar.py`.

use crate::error::PyResult;
use crate::object::PyRef;
use crate::objects::descr::MethodDef;
use crate::objects::tuple::PyTuple;
use crate::vm::Vm;

fn perf_counter(vm: &Vm, _a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    Ok(vm.new_float(vm.start_time.elapsed().as_secs_f64()))
}
fn perf_counter_ns(vm: &Vm, _a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    Ok(vm.new_int(vm.start_time.elapsed().as_nanos() as i64))
}
fn time(vm: &Vm, _a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0);
    Ok(vm.new_float(t))
}
fn time_ns(vm: &Vm, _a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as i64)
        .unwrap_or(0);
    Ok(vm.new_int(t))
}
fn sleep(vm: &Vm, a: &[PyRef], _k: Option<&PyTuple>) -> PyResult {
    let s = a
        .first()
        .map(|x| crate::ops::number::to_f64(vm, x))
        .transpose()?
        .unwrap_or(0.0);
    if s < 0.0 {
        return Err(vm.new_value_error("sleep length must be non-negative"));
    }
    std::thread::sleep(std::time::Duration::from_secs_f64(s.min(0.05)));
    Ok(vm.none())
}

pub fn init(vm: &Vm) -> PyRef {
    let m = super::make_module(
        vm,
        "time",
        &[
            MethodDef::static_("perf_counter", perf_counter),
            MethodDef::static_("perf_counter_ns", perf_counter_ns),
            MethodDef::static_("monotonic", perf_counter),
            MethodDef::static_("monotonic_ns", perf_counter_ns),
            MethodDef::static_("process_time", perf_counter),
            MethodDef::static_("time", time),
            MethodDef::static_("time_ns", time_ns),
            MethodDef::static_("sleep", sleep),
        ],
    );
    // The calendar functions (struct_time, gmtime, strftime, ...) are Python.
    let src = include_str!("py/time_calendar.py");
    if let Err(e) = super::import::exec_source_in(vm, "<refvm time>", src.as_bytes(), &m) {
        super::sys::write_unraisable(vm, e, None);
    }
    m
}
