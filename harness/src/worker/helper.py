"""pyconform worker helper: the Python half of a CPython worker process.

The Rust half (worker/child.rs) reads each request frame from the parent and calls
`handle(frame)`. `handle` returns the response as a dict (which the Rust half encodes
as JSON, bytes values as latin-1 text: worker/json.rs) or as ready bytes, or, for a
program to run,
a `(code, globals)` pair: Rust then executes the code with PyEval_EvalCode (so the
program's frames sit as low on the stack as under `python3 FILE`) — or a
`(None, path, globals)` triple when compile() of the source bytes failed: Rust then runs
the file with PyRun_FileExFlags, the very call `python3 FILE` makes, so the error is
worded as the file-reading parser words it — and calls
`set_exception(exc)` if an exception escaped, then `finish(exec_ns)`, which returns the
response dict.

Requests and responses are JSON objects; byte strings travel as latin-1 text.
"""

import ast
import builtins
import dis
import gc
import importlib._bootstrap_external as _bootstrap_external
import importlib.machinery
import io
import json
import linecache
import marshal
import os
import struct
import sys
import time
import tokenize
import types
import warnings

# The helper's own names for the builtins: a program may delete or replace entries of
# `builtins` (restored after it), and the helper runs before that restore.
globals().update({k: v for k, v in builtins.__dict__.items() if not k.startswith("__")})

_REQ_FD = 3
_RESP_FD = 4
_WORKER_PID = os.getpid()


def _after_fork_in_child():
    """A program's forked child must not hold the worker's pipes: the parent detects a
    dead worker by its response pipe closing."""
    for fd in (_REQ_FD, _RESP_FD):
        try:
            os.close(fd)
        except OSError:
            pass


os.register_at_fork(after_in_child=_after_fork_in_child)

# The interpreter caches unicodedata's name capsule the first time "\N{...}" is
# decoded (see _PINNED below): fill that cache now, with the module held for good.
import unicodedata  # noqa: E402

"\N{SPACE}".encode("ascii", "namereplace")
_STDOUT_ENCODING = "utf-8"
_STDOUT_ERRORS = "strict"
_STDERR_ERRORS = "backslashreplace"
_perf = time.perf_counter_ns

# The run in progress (between `handle` returning a code object and `finish`).
_run = None


def _b(data):
    """bytes → JSON-safe latin-1 text (for `_dumps`; the Rust half writes bytes values
    as latin-1 text itself)."""
    return bytes(data).decode("latin-1")


def _text(s):
    """str → JSON-safe text (lone surrogates escaped)."""
    return s.encode("utf-8", "backslashreplace").decode("utf-8")


def _read(path):
    """The bytes of a file (os-level: much cheaper than open() for small files)."""
    fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    try:
        chunk = os.read(fd, _READ_CHUNK)
        if len(chunk) < _READ_CHUNK:
            # A short read of a regular file is its end: no second read(2) needed.
            return chunk
        chunks = [chunk]
        while True:
            chunk = os.read(fd, _READ_CHUNK)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
    finally:
        os.close(fd)


# Not more: os.read allocates the whole size first (a 1 MiB bytes object cost 17 µs
# of page faults per read, most of a small program's read).
_READ_CHUNK = 1 << 16


# `_dumps`, for the one answer the helper writes itself (`_send_and_exit`; the Rust
# half encodes the others, see worker/json.rs). Not json's C encoder: _json's encoder interns "{", "}", "[", "]" (its
# _Py_static_string ids) the first time it writes a dict or list, and an interned
# one-character string is written by marshal as TYPE_SHORT_ASCII_INTERNED, so every
# later .pyc holding such a constant would differ from `python3 -m py_compile`'s. Nor
# json's pure-Python iterencode (a generator per container: 16 µs for a typical run's
# answer). `_encode` writes the same text as iterencode for the values answers hold
# (dicts with str keys, lists, tuples, str, int, bool, None), escaping strings with
# json's C `encode_basestring`, which interns nothing: 7 µs.
_escape = json.encoder.encode_basestring
_str, _int, _float, _dict, _list, _tuple = str, int, float, dict, list, tuple


def _encode(o, out):
    t = type(o)
    if t is _str:
        out.append(_escape(o))
    elif o is None:
        out.append("null")
    elif o is True:
        out.append("true")
    elif o is False:
        out.append("false")
    elif t is _int:
        out.append(_int.__repr__(o))
    elif t is _dict:
        out.append("{")
        first = True
        for k, v in o.items():
            if first:
                first = False
            else:
                out.append(", ")
            out.append(_escape(k))
            out.append(": ")
            _encode(v, out)
        out.append("}")
    elif t is _list or t is _tuple:
        out.append("[")
        first = True
        for v in o:
            if first:
                first = False
            else:
                out.append(", ")
            _encode(v, out)
        out.append("]")
    elif t is _float and o == o and o not in (float("inf"), float("-inf")):
        out.append(_float.__repr__(o))
    else:
        raise TypeError("the worker cannot encode a %s in an answer" % t.__name__)


def _ENCODE(obj):
    out = []
    _encode(obj, out)
    return "".join(out)


_DECODE = json.JSONDecoder().decode


def _dumps(obj):
    return _ENCODE(obj).encode("utf-8", "surrogatepass")


def handle(frame):
    global _dirty
    # The parent writes UTF-8 JSON (json.loads on bytes would first sniff the encoding).
    req = _DECODE(frame.decode("utf-8", "surrogatepass"))
    kind = req["kind"]
    if kind == "ping":
        return b"{}"
    if kind != "exec":
        _dirty = True
    if kind == "static":
        return _static(req)
    if kind == "exec":
        return _prepare(req)
    if kind == "hello":
        return _hello(req)
    if kind == "compile":
        return _compile_module(req)
    if kind == "bare":
        return _bare(req)
    if kind == "batch":
        # The Rust half runs each item through `dispatch` and joins the answers.
        return req["items"]
    raise ValueError("unknown request kind %r" % kind)


def dispatch(req):
    """One item of a batch: as `handle`, from the decoded request."""
    global _dirty
    kind = req["kind"]
    if kind != "exec":
        _dirty = True
    if kind == "static":
        return _static(req)
    if kind == "exec":
        return _prepare(req)
    raise ValueError("unknown batch item kind %r" % kind)


# --- hello -------------------------------------------------------------------------


def _libpython():
    try:
        with open("/proc/self/maps") as f:
            for line in f:
                if "libpython" in line:
                    return line.split(None, 5)[-1].strip()
    except OSError:
        pass
    return ""


def _hello(req):
    global _STDOUT_ENCODING, _STDOUT_ERRORS, _STDERR_ERRORS, _RESP_FD
    _STDOUT_ENCODING = req["stdout_encoding"]
    _STDOUT_ERRORS = req["stdout_errors"]
    _STDERR_ERRORS = req["stderr_errors"]
    _RESP_FD = req["resp_fd"]
    # Everything the worker itself allocated so far is out of the collector's way:
    # gc.collect() after a program then only sees that program's objects.
    gc.collect()
    gc.freeze()
    return {
        "version": sys.version,
        "hash_abc": hash("abc"),
        "hash_randomization": sys.flags.hash_randomization,
        "libpython": _libpython(),
        "pid": os.getpid(),
        # What every program finds imported already (refvm imports these as if at
        # start-up: their import-time garbage is not the program's).
        "modules": sorted(sys.modules),
    }


# --- static layers -----------------------------------------------------------------


def _error(e):
    is_syntax = isinstance(e, SyntaxError)
    get = lambda a: getattr(e, a, None) if is_syntax else None
    return {
        "type": type(e).__name__,
        "msg": _text(e.msg if is_syntax and e.msg is not None else str(e)),
        "lineno": get("lineno"),
        "offset": get("offset"),
        "end_lineno": get("end_lineno"),
        "end_offset": get("end_offset"),
    }


class _NamedBytes(io.BytesIO):
    """In-memory bytes with a `name`, like the file tokenize.main opens."""


def _tokens(source, filename):
    """What `python3 -m tokenize -e FILENAME` prints (tokenize.main, -e, in-process)."""
    out = []
    err = []

    def error(message, location=None):
        if location:
            err.append("%s:%d:%d: error: %s\n" % ((filename,) + location + (message,)))
        else:
            err.append("%s: error: %s\n" % (filename, message))

    try:
        # tokenize.main reads an open file: detect_encoding names it in its errors.
        stream = _NamedBytes(source)
        stream.name = filename
        toks = list(tokenize.tokenize(stream.readline))
        for tok in toks:
            token_range = "%d,%d-%d,%d:" % (tok.start + tok.end)
            out.append(
                "%-20s%-15s%-15r\n" % (token_range, tokenize.tok_name[tok.exact_type], tok.string)
            )
    except IndentationError as e:
        line, column = e.args[1][1:3]
        error(e.args[0], (line, column))
    except tokenize.TokenError as e:
        line, column = e.args[1]
        error(e.args[0], (line, column))
    except SyntaxError as e:
        error(e)
    except Exception:
        # tokenize.main's "unexpected error" path prints a traceback through runpy's
        # frames: only the real command reproduces that text.
        return None
    if err:
        out = []
    return {
        "stdout": "".join(out).encode(_STDOUT_ENCODING, _STDOUT_ERRORS),
        "stderr": "".join(err).encode(_STDOUT_ENCODING, _STDERR_ERRORS),
        "exit_code": 1 if err else 0,
    }


_ALL_PARTS = ("tokens", "ast", "code", "dis", "pyc")
# Also: "run-code", only the marshalled code a run executes.


def _static(req):
    filename = req["path"]
    source = _read(req["abs"])
    # A fuzz campaign asks only for the products of the layers it compares.
    parts = req.get("parts") or _ALL_PARTS
    res = {}
    if "parts" in req:
        res["parts"] = list(parts)
    if "tokens" in parts:
        res["tokens"] = _tokens(source, filename)
    if "ast" in parts:
        try:
            tree = ast.parse(source, filename)
            res["ast"] = {"tree": ast.dump(tree, indent=1, include_attributes=True)}
            del tree
        except Exception as e:
            res["ast"] = {"error": _error(e)}
    if not ("code" in parts or "run-code" in parts or "dis" in parts or "pyc" in parts):
        return res
    if "parts" in req:
        return _static_once(req, source, filename, parts, res)
    # Fresh compiles: each product is taken from a code object nothing else has
    # touched (marshal's FLAG_REF depends on reference counts), as py_compile does.
    times = []
    try:
        if "pyc" in parts:
            t = _perf()
            code = compile(source, filename, "exec", dont_inherit=True)
            times.append(_perf() - t)
            res["pyc"] = _bootstrap_external._code_to_timestamp_pyc(code, 0, len(source))
        if "code" in parts:
            t = _perf()
            code = compile(source, filename, "exec", dont_inherit=True)
            times.append(_perf() - t)
            res["code"] = {"marshal": marshal.dumps(code)}
        # The code a run executes: compiled with the absolute path, as `python3 FILE`
        # compiles a script (its __file__ and co_filename are absolute) — the same
        # bytes as "code" when the two names agree.
        if "code" in res and req["abs"] == filename:
            res["run_code"] = res["code"]["marshal"]
        else:
            code = compile(source, req["abs"], "exec", dont_inherit=True)
            res["run_code"] = marshal.dumps(code)
        if "dis" in parts:
            t = _perf()
            code = compile(source, filename, "exec", dont_inherit=True)
            times.append(_perf() - t)
            buf = io.StringIO()
            dis.dis(code, file=buf)
            res["dis"] = buf.getvalue()
            del code
    except Exception as e:
        if "run-code" not in parts or "code" in parts:
            res["code"] = {"error": _error(e)}
        res["run_code"] = None
        res["dis"] = None
        res["pyc"] = None
    res["compile_ns"] = min(times) if times else None
    return res


def _static_once(req, source, filename, parts, res):
    """The compiled products a fuzz campaign asks for, from one compile: `marshal.dumps`
    leaves the reference counts it looked at as it found them, so a second dump of the
    same code object is the same bytes; the .pyc is its 16-byte header and those bytes
    (`_code_to_timestamp_pyc` with mtime 0); `dis` reads nothing marshal changed. Same
    products as `_static`'s fresh compiles (checked over the corpus), a third of the
    compiles."""
    try:
        t = _perf()
        code = compile(source, filename, "exec", dont_inherit=True)
        res["compile_ns"] = _perf() - t
        data = None
        if "code" in parts or "pyc" in parts or ("run-code" in parts and req["abs"] == filename):
            data = marshal.dumps(code)
        if "pyc" in parts:
            header = _bootstrap_external.MAGIC_NUMBER + b"\0\0\0\0\0\0\0\0"
            res["pyc"] = header + (len(source) & 0xFFFFFFFF).to_bytes(4, "little") + data
        if "code" in parts:
            res["code"] = {"marshal": data}
        if req["abs"] == filename:
            res["run_code"] = res["code"]["marshal"] if "code" in res else data
        else:
            run_code = compile(source, req["abs"], "exec", dont_inherit=True)
            res["run_code"] = marshal.dumps(run_code)
            del run_code
        if "dis" in parts:
            buf = io.StringIO()
            dis.dis(code, file=buf)
            res["dis"] = buf.getvalue()
        del code
    except Exception as e:
        if "run-code" not in parts or "code" in parts:
            res["code"] = {"error": _error(e)}
        res["run_code"] = None
        res["dis"] = None
        res["pyc"] = None
        res["compile_ns"] = None
    return res


def _compile_module(req):
    """A module file compiled as import compiles it (SourceLoader.source_to_code)."""
    try:
        source = _read(req["abs"])
        code = compile(source, req["abs"], "exec", dont_inherit=True)
        return {"marshal": marshal.dumps(code)}
    except Exception as e:
        return {"error": _error(e)}


# --- running a program ----------------------------------------------------------


class _OutputLimit:
    """The stdout+stderr byte budget of one run; exceeding it ends the worker."""

    def __init__(self, cap):
        self.cap = cap
        self.used = 0


class _Capture(io.RawIOBase):
    def __init__(self, limit):
        self.data = bytearray()
        self.limit = limit

    def writable(self):
        return True

    def write(self, b):
        n = len(b)
        self.data += b
        self.limit.used += n
        if self.limit.used > self.limit.cap:
            _abort_output_limit()
        return n


def _send_and_exit(resp):
    data = _dumps(resp)
    frame = struct.pack("<I", len(data)) + data
    while frame:
        n = os.write(_RESP_FD, frame)
        frame = frame[n:]
    os._exit(0)


def _abort_output_limit():
    run = _run
    cap = run["limit"].cap if run else 0
    _send_and_exit(
        {
            "status": "output-limit",
            "detail": "the program wrote more than %d bytes to stdout/stderr" % cap,
            "stdout": _b(run["out"].data[:cap]) if run else "",
        }
    )


def _counts(slot):
    """The reference counts of a capture stream's three layers, as seen from here."""
    text, buffered, raw, _ = slot
    return sys.getrefcount(text), sys.getrefcount(buffered), sys.getrefcount(raw)


def _stream(slot, limit, errors, line_buffering):
    """A capture stream for a run: text over a 64 KiB buffer over a capped `_Capture`,
    as `python3 FILE`'s stdout is text over a buffered pipe. `slot` is the last run's
    stream or None. A stream is reused (2 to 10 µs less per stream) only when nothing
    but the helper holds any of its layers (a program that kept a reference could
    otherwise write into a later program's output: the reference counts must be those
    of a fresh stream), it is open, its attributes are untouched, and what its text
    layer references (`gc.get_referents`: encoder, encoding, errors, newline, pending
    text, attribute dict) is what it referenced when new: `reconfigure` replaces the
    encoder whenever it changes the encoding, errors or newline, and the last run's
    flush emptied it (`finish` drops the slot otherwise)."""
    if slot is not None:
        text, buffered, raw, refs = slot
        try:
            if (
                _counts(slot) == _FRESH_COUNTS[line_buffering]
                and not text.closed
                and gc.get_referents(text) == refs
                and not text.__dict__
                and text.line_buffering is line_buffering
                and text.write_through is False
                and text._CHUNK_SIZE == 8192
                and buffered.raw is raw
                and not buffered.__dict__
                and len(raw.__dict__) == 2
            ):
                raw.data = bytearray()
                raw.limit = limit
                return slot
        except Exception:
            pass
        del text, buffered, raw, refs
    raw = _Capture(limit)
    buffered = io.BufferedWriter(raw, 65536)
    text = io.TextIOWrapper(
        buffered,
        encoding=_STDOUT_ENCODING,
        errors=errors,
        newline="\n",
        line_buffering=line_buffering,
    )
    text.__dict__  # created on first access: made now, so that `refs` lists it
    refs = gc.get_referents(text)
    slot = (text, buffered, raw, refs)
    if line_buffering not in _FRESH_COUNTS:
        # Counted as the check above counts: with this frame's four names bound.
        _FRESH_COUNTS[line_buffering] = _counts(slot)
    return slot


# line_buffering → the reference counts `_counts` sees for a fresh stream.
_FRESH_COUNTS = {}
# The last run's stdout and stderr streams (see `_stream`).
_out_slot = None
_err_slot = None


_stdin = None


def _empty_stdin():
    """An empty stdin, shared by runs while no program has closed it."""
    global _stdin
    if _stdin is None or _stdin.closed:
        _stdin = io.TextIOWrapper(io.BytesIO(b""), encoding=_STDOUT_ENCODING)
    return _stdin


def _snapshot():
    """The interpreter state `_restore` puts back after a run. The same before every
    run (`_restore` made it so), hence taken once; taken again when a request that is
    not a run imported modules or searched new path entries since."""
    global _baseline
    b = _baseline
    if (
        b is not None
        and len(sys.modules) == b["n_modules"]
        and len(sys.path_importer_cache) == b["n_importer_cache"]
    ):
        b["warnings_filters"] = list(warnings.filters)
        return b
    b = _baseline = {
        "stdout": sys.stdout,
        "stderr": sys.stderr,
        "stdin": sys.stdin,
        "argv": sys.argv,
        "path": list(sys.path),
        "modules": set(sys.modules),
        "n_modules": len(sys.modules),
        "main": sys.modules.get("__main__"),
        "importer_cache": set(sys.path_importer_cache),
        "n_importer_cache": len(sys.path_importer_cache),
        "recursionlimit": sys.getrecursionlimit(),
        "builtins": dict(builtins.__dict__),
        "warnings_filters": list(warnings.filters),
        "excepthook": sys.excepthook,
        "displayhook": sys.displayhook,
        "unraisablehook": sys.unraisablehook,
        "cwd": os.getcwd(),
        "gc_enabled": gc.isenabled(),
        "gc_threshold": gc.get_threshold(),
    }
    return b


_baseline = None


def _prepare(req):
    """Sets up the isolated run; returns (code, globals) for Rust to execute, or the
    response when there is nothing to execute (compile error)."""
    global _run, _dirty, _out_slot, _err_slot
    cleanup()
    _dirty = True
    abs_path = req["abs"]
    limit = _OutputLimit(req["cap"])
    saved = _snapshot()
    _out_slot = _stream(_out_slot, limit, _STDOUT_ERRORS, False)
    _err_slot = _stream(_err_slot, limit, _STDERR_ERRORS, True)
    sys.stdout = _out_slot[0]
    sys.stderr = _err_slot[0]
    out = _out_slot[2]
    err = _err_slot[2]
    sys.stdin = _empty_stdin()
    sys.argv = [req["argv0"]]
    sys.path.insert(0, req["module_dir"])
    module = types.ModuleType("__main__")
    ns = module.__dict__
    # The namespace `python3 FILE` starts with, in its order.
    ns["__package__"] = None
    ns["__loader__"] = importlib.machinery.SourceFileLoader("__main__", abs_path)
    ns["__spec__"] = None
    ns["__annotations__"] = {}
    ns["__builtins__"] = builtins
    ns["__file__"] = abs_path
    ns["__cached__"] = None
    sys.modules["__main__"] = module
    _run = {
        "saved": saved,
        "out": out,
        "err": err,
        "limit": limit,
        "module": module,
        "probes": req["probes"],
        "compile_ns": None,
    }
    compile_error = None
    try:
        if req.get("marshal") is not None:
            code = marshal.loads(req["marshal"].encode("latin-1"))
            if not isinstance(code, types.CodeType):
                raise TypeError("marshal data holds a %s, not a code object" % type(code).__name__)
        else:
            source = _read(abs_path)
            t = _perf()
            code = compile(source, abs_path, "exec", dont_inherit=True)
            _run["compile_ns"] = _perf() - t
            if req.get("code"):
                # Dumped before anything else refers to it, as `_static` dumps its own.
                _run["run_code"] = marshal.dumps(code)
    except SyntaxError as e:
        compile_error = e
    except Exception as e:
        if req.get("marshal") is not None:
            _restore()
            return {"status": "bad-code", "detail": "%s: %s" % (type(e).__name__, _text(str(e)))}
        compile_error = e
    if compile_error is not None:
        if req.get("marshal") is None:
            # Let `python3 FILE`'s own call compile it (see the module docstring).
            del compile_error
            _run["compiled"] = "file"
            return (None, abs_path, ns)
        compile_error.__traceback__ = None
        _run["compiled"] = False
        _run["exc"] = compile_error
        del compile_error
        return finish(0)
    _run["compiled"] = True
    # No collection here: `cleanup` collected the previous run's garbage after its
    # answer went out, so the probe's gc.collect() counts only this program's.
    return (code, ns)


def _type_name(exc_type):
    """The exception's name as the last line of a traceback prints it."""
    module = getattr(exc_type, "__module__", None)
    qualname = getattr(exc_type, "__qualname__", exc_type.__name__)
    if module in (None, "builtins", "__main__"):
        return qualname
    return "%s.%s" % (module, qualname)


def _frames(tb):
    frames = []
    while tb is not None:
        code = tb.tb_frame.f_code
        frames.append([_text(code.co_filename), tb.tb_lineno, _text(code.co_name)])
        tb = tb.tb_next
    return frames


def _exit_status(exc):
    """How `python3 FILE` exits for an uncaught SystemExit (pythonrun.c's
    handle_system_exit); returns (status, text printed to stderr or None)."""
    code = exc.code
    if code is None:
        return 0, None
    if isinstance(code, int):
        return int(code) & 0xFF, None
    return 1, str(code)


# Values whose reference counts are shared with code objects, the interpreter's caches
# or the builtins: not a property of the program, so not probed.
_SHARED_TYPES = (
    int,
    bool,
    float,
    complex,
    str,
    bytes,
    tuple,
    frozenset,
    type(None),
    type(Ellipsis),
    type(NotImplemented),
    types.BuiltinFunctionType,
    types.CodeType,
)


def _getrefcounts(ns):
    """(name, sys.getrefcount(value)) for the probed names, in namespace order.

    Inside this function the count includes this frame's `value` and the argument of
    getrefcount; `_probe` removes that overhead by calibration."""
    counts = []
    append = counts.append
    getrefcount = sys.getrefcount
    module_type = types.ModuleType
    shared_types = _SHARED_TYPES
    for name in list(ns):
        if not isinstance(name, str) or (name[:2] == "__" and name[-2:] == "__"):
            continue
        value = ns[name]
        # type(), never isinstance(): a dead weakref.proxy raises on __class__.
        t = type(value)
        if issubclass(t, module_type):
            pass
        elif issubclass(t, shared_types) or (
            issubclass(t, type) and _type_module(value) == "builtins"
        ):
            append([name, None])
        else:
            append([name, getrefcount(value)])
        del value, t
    return counts


_type_module = type.__dict__["__module__"].__get__


def _probe(ns):
    """The refcount/gc probes (the definition refvm implements too):

    For each name in the module namespace, in order, that is not a dunder and is bound
    to a value that is not a module: the value `sys.getrefcount(NAME)` would return if
    evaluated at module level right after the program ended, i.e. the number of strong
    references to the value plus one. Calibration: a fresh object bound once in a dict
    is probed the same way; what it reports beyond 2 is the probe's own overhead and is
    subtracted. Values of shared immutable/builtin types are listed with `None` (not
    compared). Then the result of one `gc.collect()`.
    """
    overhead = _PROBE_OVERHEAD
    counts = [[n, None if c is None else c - overhead] for n, c in _getrefcounts(ns)]
    return {"refcounts": counts, "gc_collected": gc.collect()}


# The probe's own references (see `_probe`): the same for every run.
_PROBE_OVERHEAD = _getrefcounts({"calibration": object()})[0][1] - 2


def _clear_module_dict(ns):
    """What interpreter shutdown does to __main__'s namespace (_PyModule_ClearDict):
    names starting with one underscore first, then every other name but __builtins__,
    each set to None in dict order; finalisers run (and print) as values die."""
    for key in list(ns):
        if isinstance(key, str) and key[:1] == "_" and key[1:2] != "_" and ns[key] is not None:
            ns[key] = None
    for key in list(ns):
        if isinstance(key, str) and key != "__builtins__" and ns[key] is not None:
            ns[key] = None


def set_exception(exc):
    """Records the exception that escaped the module code (Rust then drops its own
    references, so the probes see only the program's)."""
    _run["exc"] = exc


def finish(exec_ns):
    """Reports the run that `_prepare` set up. Returns the response dict."""
    global _out_slot, _err_slot
    if os.getpid() != _WORKER_PID:
        # A forked child of the program came back here: it has nobody to answer.
        os._exit(0)
    run = _run
    exc = run.pop("exc", None)
    if run["compiled"] == "file":
        # The file-reading path compiles and runs: a SyntaxError without Python frames
        # is its compile error; anything else means the program ran.
        failed = isinstance(exc, SyntaxError) and exc.__traceback__ is None
        run["compiled"] = not failed
    ns = run["module"].__dict__
    exit_code = 0
    exception = None
    if exc is not None:
        if isinstance(exc, SystemExit):
            exit_code, text = _exit_status(exc)
            if text is not None:
                sys.stderr.write(text + "\n")
        else:
            exit_code = 1
            exception = {
                "type": _type_name(type(exc)),
                "message": _text(_safe_str(exc)),
                "frames": _frames(exc.__traceback__),
            }
            try:
                sys.excepthook(type(exc), exc, exc.__traceback__)
            except BaseException:
                pass
    del exc
    probes = None
    if run["compiled"] and run["probes"]:
        try:
            probes = _probe(ns)
        except BaseException as e:
            # A harness bug, not the program's: say so in the worker's stderr tail.
            os.write(2, ("pyconform worker: probe failed: %r\n" % (e,)).encode("utf-8", "replace"))
    if run["compiled"]:
        try:
            _clear_module_dict(ns)
        except BaseException:
            pass
    # The capture streams can serve the next run only if they are still the program's
    # stdout and stderr and this flush emptied them.
    reusable = (
        _out_slot is not None
        and _err_slot is not None
        and sys.stdout is _out_slot[0]
        and sys.stderr is _err_slot[0]
    )
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BaseException:
            reusable = False
    del stream
    if not reusable:
        _out_slot = _err_slot = None
    resp = {
        "status": "ok",
        "compiled": run["compiled"],
        "stdout": run["out"].data,
        "stderr": run["err"].data,
        "exit_code": exit_code,
        "exception": exception,
        "probes": probes,
        "compile_ns": run["compile_ns"],
        "exec_ns": exec_ns,
        "cleanup_ns": _last_cleanup_ns,
    }
    if "run_code" in run:
        resp["run_code"] = run["run_code"]
    # Restoring the worker's state and collecting the program's garbage wait for
    # `cleanup`, which the Rust half calls once this answer is on its way.
    run["finished"] = True
    return resp


def cleanup():
    """Undoes a finished run (the interpreter state `_prepare` saved) and collects the
    garbage of whatever the worker did since the last cleanup, so the next program
    starts as from a fresh `python3 FILE` and its probe's gc.collect() counts only its
    own objects. Called by the Rust half after each answer is written (off the round
    trip's critical path), and by `_prepare` when a batch runs several items in one
    request."""
    global _dirty, _last_cleanup_ns
    if not _dirty:
        return
    t = _perf()
    ran = _run is not None and _run.get("finished")
    if ran:
        _restore()
    gc.collect()
    # What survived is the worker's own state: out of the next collections' way, so the
    # probe's gc.collect() walks only the next program's objects (5+ µs less per run).
    gc.freeze()
    _dirty = False
    if ran:
        _last_cleanup_ns = _perf() - t


# Whether a request since the last `cleanup` may have left garbage or a finished run.
_dirty = False
_last_cleanup_ns = None


def _safe_str(exc):
    try:
        return str(exc)
    except BaseException:
        return "<exception str() failed>"


# Extension modules a program imported, kept alive after they leave sys.modules: the
# interpreter caches raw pointers into some of them without holding a reference (the
# unicodedata name capsule behind "\N{...}" and the "namereplace" error handler is
# cached in interp->unicode.ucnhash_capi), so freeing one leaves a dangling pointer that
# the next program to use it jumps through (a segfault no `python3 FILE` run can have).
# Bounded: a worker holds at most one copy of each extension, and is recycled.
_PINNED = []


def _is_extension(module):
    spec = getattr(module, "__spec__", None)
    origin = getattr(spec, "origin", None)
    if origin == "built-in":
        return True
    file = getattr(module, "__file__", None)
    return isinstance(file, str) and not file.endswith(".py") and not file.endswith(".pyc")


def _restore():
    global _run
    run = _run
    _run = None
    saved = run["saved"]
    sys.stdout = saved["stdout"]
    sys.stderr = saved["stderr"]
    sys.stdin = saved["stdin"]
    sys.argv = saved["argv"]
    sys.path[:] = saved["path"]
    for name in set(sys.modules) - saved["modules"]:
        module = sys.modules.pop(name)
        if _is_extension(module):
            _PINNED.append(module)
        del module
    if saved["main"] is not None:
        sys.modules["__main__"] = saved["main"]
    for key in set(sys.path_importer_cache) - saved["importer_cache"]:
        del sys.path_importer_cache[key]
    if sys.getrecursionlimit() != saved["recursionlimit"]:
        sys.setrecursionlimit(saved["recursionlimit"])
    b = builtins.__dict__
    if b != saved["builtins"]:
        b.clear()
        b.update(saved["builtins"])
    if warnings.filters != saved["warnings_filters"]:
        warnings.filters[:] = saved["warnings_filters"]
        warnings._filters_mutated()
    sys.excepthook = saved["excepthook"]
    sys.displayhook = saved["displayhook"]
    sys.unraisablehook = saved["unraisablehook"]
    if os.getcwd() != saved["cwd"]:
        os.chdir(saved["cwd"])
    gc.set_threshold(*saved["gc_threshold"])
    if saved["gc_enabled"]:
        gc.enable()
    # A fresh `python3 FILE` starts with empty caches; emptying them also keeps the
    # collector's work per program small.
    linecache.clearcache()
    re_module = sys.modules.get("re")
    if re_module is not None:
        re_module.purge()
    run.clear()


# --- overhead measurement --------------------------------------------------------


def _bare(req):
    """Times a bare in-process `exec(compile(src))` of the file, `n` times, with stdout
    an in-memory text stream built as `python3 FILE`'s is (a TextIOWrapper over a
    BufferedWriter; until 2026-11-24 a StringIO, which skips the encoding step every
    `print` pays under `python3 FILE`): the baseline the worker round trip is measured
    against."""
    with open(req["abs"], "rb") as f:
        source = f.read()
    n = req["n"]
    saved = sys.stdout
    best = None
    try:
        for _ in range(n):
            # The stdout `python3 FILE` prints to: text over a buffered binary stream.
            sys.stdout = io.TextIOWrapper(
                io.BufferedWriter(io.BytesIO(), 65536), encoding=_STDOUT_ENCODING, newline="\n"
            )
            t = _perf()
            exec(compile(source, req["abs"], "exec"), {"__name__": "__main__"})
            sys.stdout.flush()
            dt = _perf() - t
            best = dt if best is None else min(best, dt)
    finally:
        sys.stdout = saved
    return {"best_ns": best}
