# bytearray(): constructors and mutability.
print(bytearray(), bytearray(2), bytearray(b"abc"), bytearray([1, 2]), bytearray("é", "utf-8"), bytearray(range(65, 68)))
ba = bytearray(b"hello")
ba[0] = 72
ba.append(33)
print(ba, bytes(ba), ba.decode(), len(ba))
for bad in (("x",), ([300],), (-2,)):
    try:
        bytearray(*bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    hash(bytearray())
except TypeError as e:
    print("TypeError:", e)
print(bytearray.fromhex("ff00"), bytearray(b"a") == b"a", bytearray(b"ab") + b"c")
