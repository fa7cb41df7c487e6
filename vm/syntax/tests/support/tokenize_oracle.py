"""Batch oracle: what `python3 -m tokenize -e PATH` prints, for many paths in one process.

Reads paths (one per line) on stdin. For each, writes a header line
"<stdout bytes> <stderr bytes> <exit status>\n" followed by the raw stdout and stderr.
tokenize.main() runs in-process with its streams captured; when it ends in an
"unexpected error" (it re-raises, and the real command prints a traceback) the real
command is run in a subprocess instead, so the traceback is the genuine one.
"""
import io
import subprocess
import sys
import tokenize


def run_main(path):
    out, err = io.StringIO(), io.StringIO()
    saved = sys.argv, sys.stdout, sys.stderr
    sys.argv, sys.stdout, sys.stderr = ["tokenize", "-e", path], out, err
    rc = 0
    try:
        tokenize.main()
    except SystemExit as e:
        rc = e.code if isinstance(e.code, int) else 1
    except BaseException:
        rc = None
    finally:
        sys.argv, sys.stdout, sys.stderr = saved
    if rc is None:
        r = subprocess.run([sys.executable, "-m", "tokenize", "-e", path],
                           capture_output=True, timeout=120)
        return r.stdout, r.stderr, r.returncode
    enc = lambda s: s.encode("utf-8", "surrogatepass")
    return enc(out.getvalue()), enc(err.getvalue()), rc


def main():
    w = sys.stdout.buffer
    for line in sys.stdin.buffer:
        path = line.rstrip(b"\n").decode("utf-8", "surrogateescape")
        if not path:
            continue
        o, e, rc = run_main(path)
        w.write(b"%d %d %d\n" % (len(o), len(e), rc))
        w.write(o)
        w.write(e)
        w.flush()


main()
