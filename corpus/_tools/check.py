"""Verify the corpus against the oracle (CPython 3.11.7, the python3 on PATH).

Usage:  python3 corpus/_tools/check.py [--jobs N] [PATH ...]

For every program (a .py file under corpus/ with no path component starting
with "_"):
  * syntax-errors/: compile() must raise SyntaxError (or a subclass); the
    exception type, message, line and offset are printed with -v.
  * everything else: the source must compile; the program is run twice as
        PYTHONHASHSEED=0 timeout 10 python3 NAME.py
    from its own directory and both runs must give identical stdout, stderr
    and exit status; a third run exec()s it in a fresh __main__ namespace
    (as the harness workers do) and must print the same stdout; the output
    exit status must be 0 unless the source has a line "# expect-exit: N";
    the output must not contain object addresses (unless the source has a
    line "# output-has-addresses": then they are normalised before comparing) (" at 0x"); imports must stay within
    the allowed modules (anything under stdlib/); CPU time must be under
    0.2 s (bench/: reported, limit 2 s).
Prints per-folder counts and every problem; exit status 1 on any problem.
"""

import ast
import os
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PY = os.environ.get("ORACLE", "python3")
ALLOWED = {"sys", "math", "gc", "weakref", "time"}
LIMIT = 0.2
BENCH_LIMIT = 2.0

EXEC_DRIVER = r"""
import sys, os, traceback
path = sys.argv[1]
sys.argv = [os.path.basename(path)]
sys.path[0] = os.path.dirname(os.path.abspath(path))
src = open(path, 'rb').read()
g = {'__name__': '__main__', '__builtins__': __builtins__, '__file__': path}
try:
    exec(compile(src, path, 'exec'), g)
except SystemExit as e:
    sys.stdout.flush()
    raise
except BaseException:
    sys.stdout.flush()
    traceback.print_exc()
    sys.exit(1)
"""


def programs(paths):
    out = []
    for base in paths:
        if os.path.isfile(base):
            out.append(os.path.abspath(base))
            continue
        for d, dirs, files in os.walk(base):
            dirs[:] = sorted(x for x in dirs if not x.startswith("_") and x != "__pycache__")
            for f in sorted(files):
                if f.endswith(".py") and not f.startswith("_"):
                    out.append(os.path.abspath(os.path.join(d, f)))
    return out


def feature(path):
    return os.path.relpath(path, ROOT).split(os.sep)[0]


def env():
    e = dict(os.environ)
    e["PYTHONHASHSEED"] = "0"
    e.pop("PYTHONPATH", None)
    e["PYTHONDONTWRITEBYTECODE"] = "1"
    return e


def run(path, argv=None):
    """Run one program; return (status, stdout, stderr, cpu seconds).

    CPU time (user + sys of the child and its children, from wait4) rather
    than wall time, because the machine is shared and wall time is noisy."""
    d, name = os.path.split(path)
    cmd = ["timeout", "10", PY] + (argv if argv else [name])
    with tempfile.TemporaryFile() as fo, tempfile.TemporaryFile() as fe:
        p = subprocess.Popen(cmd, cwd=d, env=env(), stdout=fo, stderr=fe)
        _, status, ru = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        fo.seek(0)
        fe.seek(0)
        return p.returncode, fo.read(), fe.read(), ru.ru_utime + ru.ru_stime


def check_imports(path, tree):
    probs = []
    local = {f[:-3] for f in os.listdir(os.path.dirname(path)) if f.startswith("_") and f.endswith(".py")}
    local |= {f for f in os.listdir(os.path.dirname(path)) if f.startswith("_") and os.path.isdir(os.path.join(os.path.dirname(path), f))}
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name.split(".")[0] for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                continue
            names = [node.module.split(".")[0]]
        for n in names:
            if n not in ALLOWED and n not in local and not n.startswith("_"):
                probs.append("imports %s" % n)
    return probs


def check(path):
    feat = feature(path)
    src = open(path, "rb").read()
    probs = []
    info = ""
    if feat == "syntax-errors":
        try:
            compile(src, os.path.basename(path), "exec")
            probs.append("compiles, but should be rejected")
        except SyntaxError as e:
            info = "%s: %s (line %s, offset %s)" % (type(e).__name__, e.msg, e.lineno, e.offset)
        except Exception as e:  # ValueError for NUL bytes, etc.
            probs.append("compile raised %s, not SyntaxError" % type(e).__name__)
        return path, probs, info, 0.0
    try:
        tree = ast.parse(src, path)
    except SyntaxError as e:
        return path, ["does not compile: %s" % e], info, 0.0
    if feat != "stdlib":
        probs += check_imports(path, tree)
    r1 = run(path)
    r2 = run(path)
    addresses_ok = re.search(rb"^# output-has-addresses", src, re.M) is not None
    if addresses_ok:  # e.g. "Exception ignored in: <function C.__del__ at 0x...>"; the harness normalises these
        norm = lambda r: (r[0],) + tuple(re.sub(rb"0x[0-9a-fA-F]+", b"0x?", x) for x in r[1:3])
        r1, r2 = norm(r1) + (r1[3],), norm(r2) + (r2[3],)
    if r1[:3] != r2[:3]:
        probs.append("nondeterministic (two runs differ)")
    if r1[0] == 124:
        probs.append("timeout")
    r3 = run(path, ["-c", EXEC_DRIVER, path])
    if r3[1] != r1[1]:
        probs.append("stdout differs when exec()d in a fresh namespace")
    if (r3[0] == 0) != (r1[0] == 0):
        probs.append("exit status differs when exec()d (%d vs %d)" % (r1[0], r3[0]))
    if not addresses_ok and re.search(rb" at 0x[0-9a-fA-F]+", r1[1] + r1[2]):
        probs.append("output contains an object address")
    if os.path.dirname(ROOT).encode() in r1[1]:
        probs.append("stdout contains a file system path")
    if b"Warning" in r1[2]:
        probs.append("stderr has a warning")
    if not r1[1]:
        probs.append("prints nothing")
    m = re.search(rb"^# expect-exit: (\d+)$", src, re.M)
    want = int(m.group(1)) if m else 0
    if r1[0] != want:
        probs.append("exit status %d, expected %d (mark with '# expect-exit: N')" % (r1[0], want))
    t = min(r1[3], r2[3])
    limit = BENCH_LIMIT if feat == "bench" else LIMIT
    for _ in range(3):
        if t <= limit:
            break
        t = min(t, run(path)[3])  # the machine is shared: retry before calling it slow
    if t > limit:
        probs.append("slow: %.3f s" % t)
    info = "exit %d, %d lines, %.3f s" % (r1[0], r1[1].count(b"\n"), t)
    return path, probs, info, t


def main():
    args = sys.argv[1:]
    jobs = 2
    verbose = False
    if "-v" in args:
        args.remove("-v")
        verbose = True
    if "--jobs" in args:
        i = args.index("--jobs")
        jobs = int(args[i + 1])
        del args[i : i + 2]
    progs = programs(args or [ROOT])
    counts = {}
    bad = 0
    with ThreadPoolExecutor(jobs) as ex:
        for path, probs, info, t in ex.map(check, progs):
            rel = os.path.relpath(path, ROOT)
            counts[feature(path)] = counts.get(feature(path), 0) + 1
            if probs:
                bad += 1
                print("FAIL %s: %s" % (rel, "; ".join(probs)))
            elif verbose:
                print("ok   %s: %s" % (rel, info))
    for f in sorted(counts):
        print("%-20s %4d" % (f, counts[f]))
    print("%d programs, %d with problems" % (len(progs), bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
