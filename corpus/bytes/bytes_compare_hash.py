# Comparisons between bytes and bytearray; bytes as dict keys.
a = b"abc"
b = bytearray(b"abc")
print(a == b, b == a, a is b, a < bytearray(b"abd"), bytearray(b"b") > b"a")
d = {a: 1}
print(d[b"abc"], bytes(b) in d)
try:
    {b: 1}
except TypeError as e:
    print("TypeError:", e)
print(sorted([b"b", b"a", b"ab", b"", b"\xff", b"A"]))
print(b"a" == "a", b"a" != "a", [hash(x) for x in (b"", b"a", b"abc")] == [hash(x) for x in (b"", b"a", b"abc")])
print(hash(b"abc"), hash(b"hello world"), hash(b""))
print(type(b + a).__name__, type(a + b).__name__, type(b * 2).__name__, type(b[0:1]).__name__)
