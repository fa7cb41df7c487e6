# float: rounding, repr, special values, division and conversions.
print(round(2.5), round(3.5), round(-2.5), round(0.125, 2), round(0.375, 2), round(2.675, 2), round(1e16), round(-0.5))
print(round(123.456, -1), round(123.456, -2), round(1.5, 0), type(round(1.5)).__name__, type(round(1.5, 0)).__name__)
print(0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e-5, 123456789012345678.0, 1.0e22, 1e-7, 0.0001)
print(float("inf"), float("-inf"), float("nan"), float(" 1.5 "), float("1e3"), float("-0"), float("1_0.5"), float(".5"), float("5."))
print(7.0 // 2, -7.0 // 2, 7.0 % -2, -7.5 % 2, divmod(7.5, 2), divmod(-7.5, 2), 2.0 ** -1, (-8.0) ** (1 / 3) if False else 0)
print((1.5).is_integer(), (2.0).is_integer(), (0.5).as_integer_ratio(), (-0.75).as_integer_ratio(), (3.0).hex(), float.fromhex("0x1.8p1"))
print(float.fromhex("-0x1p-2"), float.fromhex("inf"), (0.1).hex(), 1.5.conjugate(), (2.5).real, (2.5).imag)
print(int(1e20), int(-2.9), float(10 ** 20), 1e308 * 10, -1e308 * 10, 5e-324 / 2)
print(max(1.0, float("nan")) != max(1.0, float("nan")), float("nan") == float("nan"), 0.0 == -0.0, str(-0.0), repr(-0.0))
print(format(3.14159, ".2f"), format(3.14159, ".3g"), format(1234.5, "e"), format(0.5, "%"), format(1e-10, "g"), format(12345.678, ",.1f"))
print(f"{2.5:08.3f}|{-2.5:+.1f}|{1e100:.2e}|{0.1:.20f}|{123.0:g}|{1e6:g}|{1e-5:g}")
for bad in ("abc", "1.2.3", "", "1e", "--1"):
    try:
        float(bad)
    except ValueError as e:
        print("ValueError:", e)
for op in (lambda: 1.0 / 0, lambda: 1.0 // 0.0, lambda: 1.0 % 0.0, lambda: divmod(1.0, 0.0)):
    try:
        op()
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError:", e)
try:
    10.0 ** 400
except OverflowError as e:
    print("OverflowError:", e)
