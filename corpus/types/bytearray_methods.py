# A broad tour of bytearray methods, including the mutating ones.
ba = bytearray(b"hello world")
ba.append(33)
ba.extend(b"??")
ba.insert(0, 62)
print(ba, ba.pop(), ba.pop(0), ba)
ba.remove(ord("?"))
ba.reverse()
print(ba)
ba.reverse()
ba[0] = ord("H")
ba[6:11] = b"WORLD"
print(ba, ba.find(b"WORLD"), ba.count(b"l"), ba.index(b"!"), ba.upper(), ba.lower(), ba.title())
print(ba.split(), ba.replace(b"l", b"L"), ba.strip(b"H!"), ba.startswith(b"He"), ba.endswith(b"!"), ba.hex())
c = ba.copy()
c.clear()
print(c, ba, bytearray.fromhex("de ad"), ba.decode(), ba.isalpha(), ba.partition(b" "))
ba += b" more"
ba *= 2
print(ba, len(ba))
del ba[5:]
print(ba, ba.zfill(8), ba.center(9, b"-"), ba.ljust(7, b"."), ba.rjust(7), ba.join([b"a", b"b"]))
print(sorted(n for n in dir(bytearray) if not n.startswith("_")))
