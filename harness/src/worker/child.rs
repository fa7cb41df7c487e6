//! Worker mode: the `pyconform` binary re-executed by the parent with CPython embedded.
//! It serves requests from fd 3 and answers on fd 4 until fd 3 closes. The Python half
//! is `helper.py`; this half owns the pipes and executes programs with
//! `PyEval_EvalCode`, so their frames sit directly on the interpreter's base as they do
//! under `python3 FILE`.

use super::frame::{FrameError, read_frame, write_frame};
use super::json;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyTuple};
use std::ffi::CString;
use std::fs::File;
use std::io;
use std::os::fd::FromRawFd;
use std::process::ExitCode;
use std::time::Instant;

/// The request pipe's descriptor in a worker.
pub const REQUEST_FD: i32 = 3;
/// The response pipe's descriptor in a worker.
pub const RESPONSE_FD: i32 = 4;

const HELPER: &str = include_str!("helper.py");

/// The frame a worker writes after each answer once it has cleaned up after the
/// request and can take the next one.
pub const READY: &[u8] = b"ready";

/// Entry point of `pyconform __worker`.
pub fn main() -> ExitCode {
    for fd in [REQUEST_FD, RESPONSE_FD] {
        // Programs may spawn subprocesses: they must not inherit the pipes.
        // SAFETY: fcntl on a descriptor number; failure is reported below by read/write.
        unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) };
    }
    // SAFETY: the parent set up fds 3 and 4 for exactly this process; we own them.
    let requests = unsafe { File::from_raw_fd(REQUEST_FD) };
    // SAFETY: as above.
    let mut responses = unsafe { File::from_raw_fd(RESPONSE_FD) };
    // Buffered: a request frame (length and body) costs one read(2).
    let mut requests = io::BufReader::with_capacity(1 << 16, requests);
    let result = Python::attach(|py| serve(py, &mut requests, &mut responses));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("pyconform worker: {e}");
            ExitCode::from(70)
        }
    }
}

fn serve(
    py: Python<'_>,
    requests: &mut io::BufReader<File>,
    responses: &mut File,
) -> Result<(), String> {
    // PYCONFORM_WORKER_HELPER names a file to load instead of the built-in helper.py:
    // for profiling or trying out the Python half without rebuilding.
    let helper_text = match std::env::var_os("PYCONFORM_WORKER_HELPER") {
        Some(path) => std::fs::read_to_string(&path)
            .map_err(|e| format!("PYCONFORM_WORKER_HELPER={}: {e}", path.to_string_lossy()))?,
        None => HELPER.to_owned(),
    };
    let code = CString::new(helper_text).map_err(|e| e.to_string())?;
    let helper = PyModule::from_code(py, &code, c"<pyconform-worker>", c"_pyconform_worker")
        .map_err(|e| format!("loading the helper: {e}"))?;
    loop {
        let frame = match read_frame(requests) {
            Ok(f) => f,
            Err(FrameError::Eof) => return Ok(()),
            Err(e) => return Err(format!("reading a request: {e}")),
        };
        let answer = handle(py, &helper, &frame).map_err(|e| {
            let tb = e
                .traceback(py)
                .and_then(|t| t.format().ok())
                .unwrap_or_default();
            format!("helper failed: {e}\n{tb}")
        })?;
        write_frame(responses, &answer)
            .map_err(|e: io::Error| format!("writing a response: {e}"))?;
        // The answer is out: undo the run and collect its garbage while the parent
        // reads it, then say the worker is ready (the parent waits for that before its
        // next request, so a cleanup that hangs or kills the worker costs a replacement
        // worker, never the next program's result).
        helper
            .getattr("cleanup")
            .and_then(|f| f.call0())
            .map_err(|e| format!("cleanup failed: {e}"))?;
        write_frame(responses, READY).map_err(|e: io::Error| format!("writing ready: {e}"))?;
    }
}

/// One request: the helper answers directly (bytes, or a dict this half encodes as
/// JSON — see [`super::json`]), or hands back what to run —
/// `(code, globals)` (run with `PyEval_EvalCode`) or `(None, path, globals)` (compile and
/// run the file with `PyRun_FileExFlags`, exactly as `python3 FILE` does: used when
/// `compile()` of the bytes failed, because the file-reading parser words some errors,
/// encoding errors above all, differently).
///
/// A batch (the helper returns a list of requests) runs each item through the helper's
/// `dispatch` and answers with the JSON array of the items' answers.
fn handle(py: Python<'_>, helper: &Bound<'_, PyModule>, frame: &[u8]) -> PyResult<Vec<u8>> {
    let start = (Instant::now(), thread_cpu_ns());
    let result = helper
        .getattr("handle")?
        .call1((PyBytes::new(py, frame),))?;
    let mut out = Vec::with_capacity(512);
    if let Ok(items) = result.cast::<PyList>() {
        out.push(b'[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            let start = (Instant::now(), thread_cpu_ns());
            let one = helper.getattr("dispatch")?.call1((item,))?;
            answer(py, helper, one, start, &mut out)?;
        }
        out.push(b']');
        return Ok(out);
    }
    answer(py, helper, result, start, &mut out)?;
    Ok(out)
}

/// CPU time consumed by the calling thread so far, in ns.
fn thread_cpu_ns() -> u64 {
    // SAFETY: clock_gettime fills the zeroed timespec it is given.
    let mut ts: libc::timespec = unsafe { std::mem::zeroed() };
    // SAFETY: as above.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64
}

/// Appends the response of one request to `out`: the helper's bytes or dict, or the
/// answer to the run it handed back (`start`: when the worker took the request, and the
/// thread's CPU clock then; a run's answer carries the time and CPU time since then as
/// `worker_ns` and `worker_cpu_ns`).
fn answer(
    py: Python<'_>,
    helper: &Bound<'_, PyModule>,
    result: Bound<'_, PyAny>,
    start: (Instant, u64),
    out: &mut Vec<u8>,
) -> PyResult<()> {
    if let Ok(bytes) = result.cast::<PyBytes>() {
        out.extend_from_slice(bytes.as_bytes());
        return Ok(());
    }
    if result.cast::<PyDict>().is_ok() {
        return json::encode(&result, out);
    }
    let job = result.cast_into::<PyTuple>()?;
    let exec_start = Instant::now();
    let raw = if job.len() == 3 {
        let path = CString::new(job.get_item(1)?.extract::<String>()?)
            .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
        let globals = job.get_item(2)?.cast_into::<PyDict>()?;
        // SAFETY: fopen/PyRun_FileExFlags get valid NUL-terminated strings; the FILE is
        // closed by PyRun_FileExFlags (closeit = 1); `globals` outlives the call.
        unsafe {
            let fp = libc::fopen(path.as_ptr(), c"rb".as_ptr());
            if fp.is_null() {
                return Err(pyo3::exceptions::PyOSError::new_err(format!(
                    "cannot open {}",
                    path.to_string_lossy()
                )));
            }
            pyo3::ffi::PyRun_FileExFlags(
                fp,
                path.as_ptr(),
                pyo3::ffi::Py_file_input,
                globals.as_ptr(),
                globals.as_ptr(),
                1,
                std::ptr::null_mut(),
            )
        }
    } else {
        let code = job.get_item(0)?;
        let globals = job.get_item(1)?.cast_into::<PyDict>()?;
        // SAFETY: `code` is a code object and `globals` a dict (helper.py guarantees
        // both); both stay alive for the duration of the call.
        unsafe { pyo3::ffi::PyEval_EvalCode(code.as_ptr(), globals.as_ptr(), globals.as_ptr()) }
    };
    let exec_ns = exec_start.elapsed().as_nanos() as u64;
    drop(job);
    // SAFETY: both calls return a new reference, or NULL with an exception set.
    let outcome = unsafe { Bound::from_owned_ptr_or_err(py, raw) };
    match outcome {
        Ok(value) => drop(value),
        Err(err) => {
            helper
                .getattr("set_exception")?
                .call1((err.into_value(py),))?;
        }
    }
    let resp = helper.getattr("finish")?.call1((exec_ns,))?;
    if let Ok(bytes) = resp.cast::<PyBytes>() {
        // Already JSON (a helper that encodes its own answers).
        out.extend_from_slice(bytes.as_bytes());
        return Ok(());
    }
    let at = out.len();
    json::encode(&resp, out)?;
    // `finish` answers with a dict (its JSON ends in "}"): add the worker's time.
    if out.len() > at + 2 && out.last() == Some(&b'}') {
        out.pop();
        let worker_ns = start.0.elapsed().as_nanos() as u64;
        let cpu_ns = thread_cpu_ns().saturating_sub(start.1);
        out.extend_from_slice(
            format!(",\"worker_ns\":{worker_ns},\"worker_cpu_ns\":{cpu_ns}}}").as_bytes(),
        );
    }
    Ok(())
}
