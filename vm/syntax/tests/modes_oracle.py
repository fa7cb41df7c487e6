"""The CPython side of refvm-syntax's compile-mode tests: reads JSON lines
{"src", "mode", "text"} on stdin and prints, per line, {"dump": ...} or {"error": [type,
msg, lineno, offset, end_lineno, end_offset, text]} for `compile(src, 'x.py', mode,
PyCF_ONLY_AST)`, src being a str when "text" is true (no coding cookie) and UTF-8 bytes
otherwise."""
import ast
import json
import sys
import warnings

warnings.simplefilter("ignore")
for line in sys.stdin:
    item = json.loads(line)
    src = item["src"]
    if not item["text"]:
        src = src.encode("utf-8", "surrogatepass")
    try:
        tree = compile(src, "x.py", item["mode"], ast.PyCF_ONLY_AST, dont_inherit=True)
        out = {"dump": ast.dump(tree, indent=1, include_attributes=True)}
    except SyntaxError as e:
        out = {"error": [type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, e.text]}
    print(json.dumps(out), flush=True)
