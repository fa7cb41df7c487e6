# In-memory text and binary streams: reading, writing, seeking, truncating, errors.
import io

buf = io.StringIO()
print(buf.write("alpha\n"), buf.write("beta\ngamma"))
print(repr(buf.getvalue()), buf.tell())
buf.seek(0)
print(repr(buf.readline()), repr(buf.read(3)), repr(buf.read()))
print(repr(buf.read()), buf.tell())
buf.seek(2)
buf.write("XY")
print(repr(buf.getvalue()))
print(buf.truncate(4), repr(buf.getvalue()), buf.tell())
buf.seek(8)
buf.write("!")
print(repr(buf.getvalue()))
for bad in [(-1,), (1, 1), (0, 5)]:
    try:
        buf.seek(*bad)
    except (ValueError, OSError) as e:
        print(type(e).__name__, e)
try:
    buf.write(42)
except TypeError as e:
    print("TypeError", e)
print(list(io.StringIO("one\ntwo\nthree")))
print(io.StringIO("a\nb\n").readlines())
with io.StringIO("ctx") as s:
    print(s.read(), s.closed)
print(s.closed)
print(io.StringIO("x\r\ny", newline=None).getvalue().split("\n"))
print(isinstance(io.StringIO(), io.TextIOBase), isinstance(io.BytesIO(), io.BufferedIOBase))
print(isinstance(io.StringIO(), io.IOBase), issubclass(io.BytesIO, io.IOBase))

b = io.BytesIO(b"0123456789")
print(b.read(4), b.tell(), b.seek(-2, 2), b.read())
b.seek(12)
print(b.write(b"ab"), b.getvalue())
b.seek(0)
print(b.readline(), b.read1(3))
print(b.truncate(3), b.getvalue())
try:
    b.write("text")
except TypeError as e:
    print("TypeError", e)
out = bytearray(4)
b.seek(0)
print(b.readinto(out), out)
print(io.BytesIO(b"l1\nl2\n").readlines())
print(io.BytesIO(bytearray(b"ba")).getvalue(), io.BytesIO(memoryview(b"mv")).read())
