# memoryview slicing and writing through to a bytearray.
ba = bytearray(b"abcdefgh")
mv = memoryview(ba)
print(len(mv), mv[0], bytes(mv[2:5]), mv.tobytes(), mv.tolist()[:3], mv.readonly, mv.nbytes)
mv[0] = ord("Z")
mv[1:3] = b"YX"
print(ba)
sub = mv[4:]
sub[0] = 33
print(ba, bytes(sub))
ro = memoryview(b"immutable")
print(ro.readonly, ro[0:3].tobytes(), ro.hex())
try:
    ro[0] = 1
except TypeError as e:
    print("TypeError:", e)
print(mv == ba, mv == b"ZYXd!fgh", bytes(mv[::2]))
mv.release()
try:
    mv[0]
except ValueError as e:
    print("ValueError:", e)
