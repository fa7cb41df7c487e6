# Shortest round-tripping repr of floats and str() of floats.
vals = [0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e15, 123456789012345678.0, 1e-5, 1e-4, 0.0001234,
        1.5e300, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 100.0, 1e100,
        9007199254740993.0, 0.30000000000000004, 3.141592653589793, -2.5, float(2 ** 60)]
for v in vals:
    print(repr(v), str(v), float(repr(v)) == v)
print(1e22, 1e23, 1.0e-7, 12345.678e10, 4.35, 2.675)
print([0.1 * i for i in range(6)])
print(float("1e500"), float("-1e500"), float("nan"), -float("nan"))
print(float("  -1.5  "), float("+.5"), float("1_000.25"), float("inf"), float("-Infinity"), float("nAn"))
