# args, str/repr of exceptions with 0, 1 and several arguments; OSError fields.
for e in (Exception(), Exception("one"), Exception("a", 2), ValueError(None), KeyError("k"), KeyError("a", "b"),
          KeyError(), IndexError(3), StopIteration(5), SystemExit(2), AttributeError("x", "y")):
    print(repr(e), "|", str(e), "|", e.args)
print(StopIteration(7).value, StopIteration().value, SystemExit(3).code, SystemExit().code, SystemExit(1, 2).code)
e = OSError(2, "No such file")
print(e.errno, e.strerror, str(e), type(e).__name__)
ne = NameError("msg", name="n")
print(ne.name, str(ne))
ae = AttributeError("msg", name="attr", obj=5)
print(ae.name, ae.obj)
u = UnicodeDecodeError("utf-8", b"\xffabc", 0, 1, "invalid start byte")
print(u.encoding, u.object, u.start, u.end, u.reason, str(u))
se = SyntaxError("bad", ("file.py", 3, 5, "x = = 1\n", 3, 6))
print(se.msg, se.filename, se.lineno, se.offset, repr(se.text), se.end_lineno, se.end_offset, str(se))
ex = ValueError("base")
ex.args = ("replaced", 1)
print(str(ex), repr(ex))
print(BaseException.__subclasses__()[:0], Exception.__bases__, type(ValueError("x").__traceback__).__name__)
