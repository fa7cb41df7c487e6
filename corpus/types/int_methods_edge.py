# int methods and conversions: bytes, bits, bases, division and rounding edge cases.
print((255).to_bytes(2, "big"), (255).to_bytes(2, "little"), (-1).to_bytes(2, "big", signed=True), (0).to_bytes(0, "big"))
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"), int.from_bytes(b"\xff\xff", "big", signed=True), int.from_bytes([1, 2], "big"))
print((10).bit_length(), (-10).bit_length(), (0).bit_length(), (255).bit_count(), (-7).bit_count())
print((6).as_integer_ratio(), (-3).conjugate(), (5).numerator, (5).denominator, (5).real, (5).imag)
print(int("ff", 16), int("0xff", 0), int("0o17", 0), int("0b101", 0), int(" 42 "), int("-1_000"), int("z", 36), int(b"12"))
print(bin(10), oct(-8), hex(255), bin(-0), format(255, "#x"), format(10, "08b"), format(-5, "+d"), format(1234567, ","))
print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(-7, -2), 7 // -2, -7 % 3, 7 % -3)
print(pow(2, 10), pow(2, -1), pow(3, 4, 5), pow(-3, 3, 7), pow(3, -1, 7), pow(0, 0), 2 ** 100)
print(round(15, -1), round(25, -1), round(-15, -1), round(1234, -2), round(5), round(7, 2), type(round(7, -1)).__name__)
print(abs(-5), -(-5), +5, ~5, 5 << 3, -16 >> 2, 6 & 3, 6 | 3, 6 ^ 3, True + True)
print(int(3.9), int(-3.9), int(True), int("  -0  "), 10 ** 20 // 7, -(10 ** 20) // 7, (10 ** 20) % 7)
for bad in ("12a", "", "0x", "1__2", "_1"):
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError:", e)
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print("OverflowError:", e)
try:
    1 // 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(sorted(n for n in dir(int) if not n.startswith("_")))
