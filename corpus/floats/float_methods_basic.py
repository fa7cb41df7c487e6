# is_integer, as_integer_ratio, hex/fromhex, conjugate, real/imag.
vals = [0.5, 1.0, -2.75, 0.1, 1e300, 3.0e-10, 7.0]
for v in vals:
    print(v, v.is_integer(), v.as_integer_ratio(), v.hex(), float.fromhex(v.hex()) == v)
print(float.fromhex("0x1.8p1"), float.fromhex("-0x1p-2"), float.fromhex("0x.8"), float.fromhex("inf"))
print((2.5).conjugate(), (2.5).real, (2.5).imag)
for bad in (float("inf"), float("nan")):
    try:
        bad.as_integer_ratio()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print(float.__name__, (0.0).hex(), (-0.0).hex(), (5e-324).hex())
