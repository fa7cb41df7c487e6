# bytearray is mutable: item/slice assignment, append, extend, del.
ba = bytearray(b"hello")
ba[0] = ord("J")
print(ba)
ba[1:3] = b"EE"
print(ba)
ba[1:3] = b""
print(ba)
ba.append(33)
ba.extend(b"??")
ba.extend([65, 66])
print(ba, len(ba))
ba.insert(0, 62)
print(ba.pop(), ba.pop(0), ba)
ba.remove(ord("?"))
print(ba)
del ba[::2]
print(ba)
ba += b"xyz"
ba *= 2
print(ba)
ba.reverse()
print(ba, ba.count(b"x"), ba.index(b"z"))
ba.clear()
print(ba, len(ba))
for bad in (lambda: bytearray(b"a").__setitem__(0, 300), lambda: bytearray().pop(), lambda: bytearray(b"a").remove(5),
            lambda: bytearray(b"ab").__setitem__(0, b"x")):
    try:
        bad()
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__, e)
b2 = bytearray(range(10))
b2[2:8:2] = b"\xaa\xbb\xcc"
print(b2, bytes(b2), b2 == bytes(b2))
