"""The CPython side of refvm-syntax's AST tests: reads file paths (one per line) on
stdin and prints, per file, one JSON line: {"dump": ...} or {"error": [type, msg,
lineno, offset, end_lineno, end_offset]} for `ast.parse(source_bytes, path)`."""
import ast
import json
import sys
import warnings

warnings.simplefilter("ignore")
mode = sys.argv[1] if len(sys.argv) > 1 else "files"
for line in sys.stdin:
    item = json.loads(line)
    src = item["src"].encode("utf-8", "surrogatepass") if "src" in item else open(item["path"], "rb").read()
    name = item.get("path", "x.py")
    try:
        if item.get("text"):
            tree = compile(src.decode("utf-8"), name, "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
        else:
            tree = ast.parse(src, name)
        out = {"dump": ast.dump(tree, indent=1, include_attributes=True)}
    except SyntaxError as e:
        out = {"error": [type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset]}
    except (MemoryError, RecursionError, ValueError) as e:
        out = {"error": [type(e).__name__, str(e), None, None, None, None]}
    print(json.dumps(out), flush=True)
