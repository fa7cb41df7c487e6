# memoryview: tolist, tobytes, hex, cast, slicing, comparisons.
mv = memoryview(b"abcdef")
print(mv.tolist(), mv.tobytes(), mv.hex(), mv[1:3].tobytes(), mv[-1], len(mv), mv.nbytes, mv.itemsize, mv.format, mv.ndim)
print(mv.shape, mv.strides, mv.readonly, mv.obj == b"abcdef", mv == b"abcdef", mv[::2].tobytes(), bytes(mv[::-1]))
ba = bytearray(8)
m2 = memoryview(ba)
m2[0:4] = b"\x01\x02\x03\x04"
print(ba, m2.cast("H").tolist(), m2.cast("I").tolist(), m2.cast("B", (2, 4)).tolist())
with memoryview(b"ctx") as m3:
    print(m3.tobytes())
try:
    m3.tobytes()
except ValueError as e:
    print("ValueError:", e)
print(sorted(n for n in dir(memoryview) if not n.startswith("_")))
