# struct: byte orders, sizes, alignment, floats, strings, errors.
import struct

print(struct.calcsize("b"), struct.calcsize("bi"), struct.calcsize("<bi"), struct.calcsize("@hq"))
print(struct.calcsize("3s2x"), struct.calcsize("0q"), struct.calcsize("!HHL"))
print(struct.pack("<hHi", -2, 65535, 7))
print(struct.pack(">hHi", -2, 65535, 7))
print(struct.pack("!Q", 2 ** 64 - 1), struct.pack("<q", -(2 ** 63)))
print(struct.pack("?c3s5p", 5, b"z", b"abcdef", b"hi"))
print(struct.unpack("<hHi", b"\xfe\xff\xff\xff\x07\x00\x00\x00"))
print(struct.unpack("?c3s5p", b"\x01zabc\x02hi\x00\x00"))
for fmt in ("<e", "<f", "<d", ">f", ">d"):
    for v in (0.0, -0.0, 1.0, 0.1, -2.5, 65504.0, 1e-7, float("inf")):
        data = struct.pack(fmt, v)
        print(fmt, v, data.hex(), struct.unpack(fmt, data)[0])
print(struct.unpack("<f", struct.pack("<f", 3.4028234e38)))
for fmt, v in (("b", 128), ("B", -1), ("h", 40000), ("<I", 2 ** 32), ("<i", -(2 ** 31) - 1),
               ("q", 2 ** 63), (">q", 2 ** 63), ("i", 1.5), ("f", "x"), ("c", b"ab"), ("s", 3)):
    try:
        struct.pack(fmt, v)
    except struct.error as e:
        print(fmt, "error:", e)
for fmt, v in (("<f", 1e300), ("<e", 70000.0)):
    try:
        struct.pack(fmt, v)
    except OverflowError as e:
        print(fmt, "OverflowError:", e)
for call in (lambda: struct.pack("ii", 1), lambda: struct.unpack("i", b"abc"),
             lambda: struct.calcsize("2"), lambda: struct.calcsize("<n"),
             lambda: struct.unpack_from("<h", b"\x01\x00\x02", 2)):
    try:
        call()
    except struct.error as e:
        print("error:", e)
s = struct.Struct("<2h")
print(s.format, s.size, s.pack(1, -1), s.unpack(b"\x01\x00\xff\xff"))
print(list(s.iter_unpack(b"\x01\x00\x02\x00\x03\x00\x04\x00")))
buf = bytearray(6)
struct.pack_into("<hh", buf, 2, 258, -2)
print(buf, struct.unpack_from("<hh", buf, 2), struct.unpack_from("<h", buf, -2))
print(struct.error.__name__, struct.error.__module__, issubclass(struct.error, Exception))
