# bytes(): from int, iterable of ints, str+encoding, buffer objects, __bytes__.
print(bytes(), bytes(3), bytes([65, 66, 67]), bytes(range(3)), bytes("héllo", "utf-8"), bytes("abc", encoding="ascii"))
print(bytes(b"copy"), bytes(bytearray(b"ba")), bytes(memoryview(b"mv")), bytes((x for x in (104, 105))))
class B:
    def __bytes__(self):
        return b"dunder"
print(bytes(B()))
for bad in (("abc",), ([256],), ([-1],), (-1,), (1.5,), ("é", "ascii"), ([1], "utf-8")):
    try:
        bytes(*bad)
    except (TypeError, ValueError, UnicodeEncodeError) as e:
        print(type(e).__name__, e)
print(bytes.fromhex("41 42"), bytes("x", "utf-16"), len(bytes(1000)))
