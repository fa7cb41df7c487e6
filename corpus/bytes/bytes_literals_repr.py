# bytes literals, repr and indexing returning ints.
b = b"Hello\x00\xff\n\t'\""
print(b, len(b), b[0], b[-1], b[1:4], list(b[:3]))
print(repr(b"'"), repr(b'"'), repr(b"'\""), repr(b"\\"), repr(bytes(range(0, 256, 37))))
print(bytes(5), bytes([65, 66]), bytes(b"ab"), bytes("é", "utf-8"), bytes(range(3)), bytes(bytearray(b"x")))
print(b"ab" + b"cd", b"ab" * 3, b"b" in b"abc", 98 in b"abc", b"" in b"x")
print(b"abc" == b"abc", b"abc" < b"abd", b"a" == "a", b"abc"[::-1], b"abc".hex())
for bad in (lambda: bytes([256]), lambda: bytes([-1]), lambda: bytes("x"), lambda: b"a" + "b", lambda: bytes(-1)):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(bytes.fromhex("de ad BE EF"), bytes.fromhex(""), b"\x01\x02".hex(":"), b"abcdef".hex("-", 2))
print(hash(b"abc") == hash(b"abc"), hash(b""), list(iter(b"hi")))
