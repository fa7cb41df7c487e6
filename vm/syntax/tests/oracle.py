"""The CPython side of refvm-syntax's AST tests: reads JSON requests (one per line) on
stdin and prints, per request, one JSON line: {"dump": ...} or {"error": [type, msg,
lineno, offset, end_lineno, end_offset, text]}.

A request is {"path": P} (parse the file's bytes, as `ast.parse(bytes, P)`), {"src": S}
(S encoded to UTF-8, surrogates kept) or {"hex": H} (raw bytes), with "text": true to
compile the source as a str instead (`compile(str, "x.py", "exec", PyCF_ONLY_AST)`)."""
import ast
import json
import sys
import warnings

warnings.simplefilter("ignore")
for line in sys.stdin:
    item = json.loads(line)
    if "src" in item:
        src = item["src"].encode("utf-8", "surrogatepass")
    elif "hex" in item:
        src = bytes.fromhex(item["hex"])
    else:
        src = open(item["path"], "rb").read()
    name = item.get("path", "x.py")
    try:
        if item.get("text"):
            tree = compile(src.decode("utf-8", "surrogatepass"), name, "exec",
                           ast.PyCF_ONLY_AST, dont_inherit=True)
        else:
            tree = ast.parse(src, name)
        out = {"dump": ast.dump(tree, indent=1, include_attributes=True)}
    except SyntaxError as e:
        out = {"error": [type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno,
                         e.end_offset, e.text]}
    except (MemoryError, RecursionError, ValueError, UnicodeError) as e:
        out = {"error": [type(e).__name__, str(e), None, None, None, None, None]}
    print(json.dumps(out), flush=True)
