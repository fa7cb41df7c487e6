"""The compiler tests' oracle: CPython's AST and code objects for a list of files.

Reads file paths, one per line, on stdin. For each file writes to stdout:

    FILE <path>\n
    AST <n>\n<n bytes>        ast.parse(...) serialised for tests/support/ast_reader.rs
    MARSHAL <n>\n<n bytes>    marshal.dumps of the module's code object (a .pyc minus its
                              16-byte header), then
    CODE <n>\n<n bytes>       the code-object dump (see dump_code), or
    ERR <n>\n<n bytes>        "<type>\n<msg>\n<lineno>\n<offset>\n<end_lineno>\n<end_offset>"

or `PARSEERR <n>\n<bytes>` instead of AST when CPython's parser rejects the file. Run with
PYTHONHASHSEED=0: frozenset constants are dumped in iteration order, which then
follows from the members' hashes and how the compiler built the set.
"""
import ast
import marshal
import struct
import sys
import warnings

warnings.simplefilter("ignore")
out = sys.stdout.buffer


def enc_str(s):
    b = s.encode("utf-8", "surrogatepass")
    return b"s%d:" % len(b) + b


def enc_const(v, parts):
    if v is None:
        parts.append(b"N")
    elif v is True:
        parts.append(b"T")
    elif v is False:
        parts.append(b"F")
    elif v is Ellipsis:
        parts.append(b"E")
    elif isinstance(v, int):
        parts.append(b"i%d;" % v)
    elif isinstance(v, float):
        parts.append(b"f%x;" % struct.unpack("<Q", struct.pack("<d", v))[0])
    elif isinstance(v, complex):
        parts.append(b"c%x,%x;" % (struct.unpack("<Q", struct.pack("<d", v.real))[0],
                                    struct.unpack("<Q", struct.pack("<d", v.imag))[0]))
    elif isinstance(v, str):
        parts.append(enc_str(v))
    elif isinstance(v, bytes):
        parts.append(b"b%d:" % len(v) + v)
    else:
        raise TypeError(type(v))


def enc_node(node, parts):
    stack = [node]
    while stack:
        x = stack.pop()
        if isinstance(x, bytes):
            parts.append(x)
        elif isinstance(x, ast.AST):
            parts.append(b"(" + type(x).__name__.encode() + b" ")
            items = []
            for f in x._fields:
                v = getattr(x, f, None)
                if f == "value" and isinstance(x, (ast.Constant, ast.MatchSingleton)):
                    p = []
                    enc_const(v, p)
                    items.append(b"".join(p))
                else:
                    items.append(v)
            for a in x._attributes:
                items.append(getattr(x, a))
            items.append(b")")
            stack.extend(reversed(items))
        elif isinstance(x, list):
            stack.append(b"]")
            stack.extend(reversed(x))
            parts.append(b"[")
        elif x is None:
            parts.append(b"N")
        elif isinstance(x, str):
            parts.append(enc_str(x))
        elif isinstance(x, int):
            parts.append(b"i%d;" % x)
        else:
            raise TypeError(type(x))


def _address_hashed(v):
    """Whether hash(v) involves an object's address (not reproducible)."""
    if v is None or v is Ellipsis or hasattr(v, "co_code"):
        return True
    if isinstance(v, float):
        return v != v
    if isinstance(v, complex):
        return v.real != v.real or v.imag != v.imag
    if isinstance(v, (tuple, frozenset)):
        return any(_address_hashed(x) for x in v)
    return False


def enc_code_const(v, path, lines):
    if hasattr(v, "co_code"):
        lines.append("%s code" % path)
        dump_code(v, path, lines)
    elif type(v) is tuple:
        lines.append("%s tuple(%d)" % (path, len(v)))
        for i, x in enumerate(v):
            enc_code_const(x, "%s[%d]" % (path, i), lines)
    elif type(v) is frozenset:
        members = []
        for x in v:
            sub = []
            enc_code_const(x, "", sub)
            members.append("|".join(sub))
        if any(_address_hashed(x) for x in v):
            members.sort()
        lines.append("%s frozenset{%s}" % (path, ";".join(members)))
    else:
        lines.append("%s %s" % (path, repr(v)))


def names(t):
    return repr(t)


def dump_code(co, path, lines):
    n = co.co_nlocals + len([c for c in co.co_cellvars if c not in co.co_varnames]) + len(co.co_freevars)
    lpn = tuple(co._varname_from_oparg(i) for i in range(n))
    for f, v in (
        ("co_argcount", co.co_argcount),
        ("co_posonlyargcount", co.co_posonlyargcount),
        ("co_kwonlyargcount", co.co_kwonlyargcount),
        ("co_stacksize", co.co_stacksize),
        ("co_flags", co.co_flags),
        ("co_name", repr(co.co_name)),
        ("co_qualname", repr(co.co_qualname)),
        ("co_firstlineno", co.co_firstlineno),
        ("co_names", names(co.co_names)),
        ("co_varnames", names(co.co_varnames)),
        ("co_cellvars", names(co.co_cellvars)),
        ("co_freevars", names(co.co_freevars)),
        ("co_localsplusnames", names(lpn)),
        ("co_code", co.co_code.hex()),
        ("co_linetable", co.co_linetable.hex()),
        ("co_exceptiontable", co.co_exceptiontable.hex()),
        ("co_consts", len(co.co_consts)),
    ):
        lines.append("%s.%s %s" % (path, f, v))
    for i, c in enumerate(co.co_consts):
        enc_code_const(c, "%s.co_consts[%d]" % (path, i), lines)


def emit(tag, data):
    out.write(b"%s %d\n" % (tag, len(data)))
    out.write(data)


def main():
    sys.setrecursionlimit(100000)
    for line in sys.stdin:
        path = line.rstrip("\n")
        if not path:
            continue
        out.write(b"FILE " + path.encode("utf-8", "surrogateescape") + b"\n")
        src = open(path, "rb").read()
        try:
            tree = ast.parse(src, path)
        except (SyntaxError, ValueError, RecursionError, MemoryError) as e:
            emit(b"PARSEERR", ("%s\n%s" % (type(e).__name__, e)).encode("utf-8", "backslashreplace"))
            out.flush()
            continue
        parts = []
        enc_node(tree, parts)
        emit(b"AST", b"".join(parts))
        try:
            co = compile(src, path, "exec", dont_inherit=True)
            emit(b"MARSHAL", marshal.dumps(co))
            lines = []
            dump_code(co, "", lines)
            emit(b"CODE", ("\n".join(lines) + "\n").encode("utf-8", "surrogatepass"))
        except (SyntaxError, RecursionError, ValueError, MemoryError, OverflowError, SystemError) as e:
            fields = [type(e).__name__, getattr(e, "msg", str(e))]
            for a in ("lineno", "offset", "end_lineno", "end_offset"):
                v = getattr(e, a, None)
                fields.append("" if v is None else str(v))
            emit(b"ERR", "\n".join(fields).encode("utf-8", "backslashreplace"))
        out.flush()


main()
