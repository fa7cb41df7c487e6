"""Batch oracle: what `python3 -m tokenize -e PATH` prints, for many paths in one process.

Reads paths (one per line) on stdin. With --tokens, prints instead the tokens that
`tokenize.tokenize` yields before any exception, and the exception (see run_tokens). For each, writes a header line
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


def run_tokens(path):
    """Every token tokenize.tokenize() yields, printed as main() does, even when it ends in
    an exception (then "EXC: <type>: <message>" on stderr)."""
    out, err = io.StringIO(), io.StringIO()
    try:
        with open(path, "rb") as f:
            for token in tokenize.tokenize(f.readline):
                token_range = "%d,%d-%d,%d:" % (token.start + token.end)
                print("%-20s%-15s%-15r" % (token_range, tokenize.tok_name[token.exact_type],
                                           token.string), file=out)
    except Exception as e:
        print("EXC: %s: %s" % (type(e).__name__, e), file=err)
    enc = lambda s: s.encode("utf-8", "surrogatepass")
    return enc(out.getvalue()), enc(err.getvalue()), 0


def main():
    w = sys.stdout.buffer
    run = run_tokens if sys.argv[1:] == ["--tokens"] else run_main
    for line in sys.stdin.buffer:
        path = line.rstrip(b"\n").decode("utf-8", "surrogateescape")
        if not path:
            continue
        o, e, rc = run(path)
        w.write(b"%d %d %d\n" % (len(o), len(e), rc))
        w.write(o)
        w.write(e)
        w.flush()


main()
