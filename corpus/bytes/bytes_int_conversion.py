# int.to_bytes / int.from_bytes and struct-free packing by hand.
for n in (0, 1, 255, 256, 65535, 2 ** 32 - 1, 2 ** 64 + 5):
    length = max(1, (n.bit_length() + 7) // 8)
    be = n.to_bytes(length, "big")
    le = n.to_bytes(length, "little")
    print(n, be, le, int.from_bytes(be, "big") == n, int.from_bytes(le, "little") == n)
for n in (-1, -128, -129, 127, -(2 ** 63)):
    b = n.to_bytes(9, "big", signed=True)
    print(n, b.hex(), int.from_bytes(b, "big", signed=True))
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print("OverflowError:", e)
try:
    (-1).to_bytes(2, "big")
except OverflowError as e:
    print("OverflowError:", e)
print(int.from_bytes(b"\xff\xff", "big", signed=True), int.from_bytes([1, 2, 3], "little"), int.from_bytes(b"", "big"))
def pack_u16s(vals):
    out = bytearray()
    for v in vals:
        out += bytes([v >> 8, v & 0xFF])
    return bytes(out)
p = pack_u16s([1, 258, 65535])
print(p, [int.from_bytes(p[i:i + 2], "big") for i in range(0, len(p), 2)])
