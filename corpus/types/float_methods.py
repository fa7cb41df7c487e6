# A broad tour of float methods and attributes.
for x in (0.0, -0.0, 1.5, -2.25, 0.1, 1e300, 3.0, 2.0 ** -1074):
    print(x, x.is_integer(), x.as_integer_ratio(), x.hex(), x.real, x.imag, x.conjugate())
print(float.fromhex("0x1.999999999999ap-4"), float.fromhex("0x10"), float.fromhex("-0x1.8p+1"), float.fromhex("  inf "))
print((2.5).__add__(1), (2.5).__sub__(0.5), (2.5).__mul__(2), (7.5).__floordiv__(2), (7.5).__mod__(2), (2.0).__pow__(0.5))
print((2.5).__neg__(), (2.5).__abs__(), (2.5).__bool__(), (0.0).__bool__(), (2.5).__int__(), (2.5).__trunc__(), (-2.5).__floor__(), (-2.5).__ceil__())
print((2.5).__round__(), (3.5).__round__(), (2.675).__round__(2), (2.5).__eq__(2.5), (2.5).__lt__(3), (2.5).__hash__(), (2.0).__hash__())
print((2.5).__radd__(1), (2.5).__rsub__(1), (2.5).__rtruediv__(1), (2.5).__divmod__(1), (2.5).__add__("x"))
print(format(1.5, "e"), (1.5).__format__(".3f"), float.__name__, (1.5).__repr__(), (1e16).__str__())
print(float.__getformat__("double"))
print(sorted(n for n in dir(float) if not n.startswith("_")))
