# float(): from ints, strings, special values, objects with __float__/__index__.
print(float(), float(3), float("3.5"), float(" -2.5e3 "), float("inf"), float("-Infinity"), float("nan"), float(True))
print(float("1_000.5"), float(".5"), float("5."), float("0x1p3".replace("0x1p3", "8")), float(10 ** 20), float(b"1.5"))
class F:
    def __float__(self):
        return 1.25
class I:
    def __index__(self):
        return 3
print(float(F()), float(I()))
for bad in ("", "1.2.3", "one", "1e", "0x10", "infinity and beyond", None, [1.0]):
    try:
        float(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
class BadF:
    def __float__(self):
        return 1
try:
    float(BadF())
except TypeError as e:
    print("TypeError:", e)
