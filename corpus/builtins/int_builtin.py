# int(): from floats, strings in bases, bools, objects with __int__/__index__/__trunc__.
print(int(), int(3.99), int(-3.99), int("42"), int(" -42 "), int("+7"), int("1_000"), int(True), int(1e20))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0), int("0o17", 0), int("0b101", 0), int("z", 36), int("777", 8))
print(int("10", base=2), int("  0  ", 0), int(b"12"), int(bytearray(b"34")), int("١٢٣"))
class T:
    def __trunc__(self):
        return 9
class I:
    def __index__(self):
        return 8
print(int(I()))
for bad in (("1.5",), ("",), ("12", 1), ("08", 0), ("0x", 16), (1.5, 10), (None,), ("9", 8)):
    try:
        int(*bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(int(2 ** 100 + 0.0) == 2 ** 100, int("-0"), int(-0.0))
