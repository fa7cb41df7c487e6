# A broad tour of int methods and attributes.
for n in (0, 1, -1, 5, 255, -256, 2 ** 40, -(2 ** 70) - 1):
    print(n, n.bit_length(), n.bit_count(), n.real, n.imag, n.numerator, n.denominator, n.conjugate(), n.as_integer_ratio())
print((1024).to_bytes(2, "big"), (1024).to_bytes(4, "little"), (-1).to_bytes(2, "big", signed=True), (0).to_bytes(0, "big"))
print(int.from_bytes(b"\x04\x00", "big"), int.from_bytes(b"\xff\xff", "little", signed=True), int.from_bytes(b"\x01\x00", byteorder="little"))
print((5).__add__(3), (5).__sub__(7), (5).__mul__(2), (7).__floordiv__(2), (7).__mod__(3), (2).__pow__(10), (5).__neg__())
print((5).__lshift__(2), (20).__rshift__(2), (6).__and__(3), (6).__or__(3), (6).__xor__(3), (6).__invert__(), (5).__abs__())
print((5).__eq__(5), (5).__lt__(6), (5).__ge__(6), (5).__bool__(), (0).__bool__(), (5).__hash__(), (5).__index__())
print((5).__add__(1.0), (5).__radd__(1), (5).__truediv__(2), (5).__rtruediv__(2), (5).__divmod__(3), (5).__rpow__(2))
print((7).__round__(), (1234).__round__(-2), (7).__trunc__(), (7).__floor__(), (7).__ceil__(), (7).__float__(), (7).__int__())
print(format(255, "x"), (255).__format__("08b"), int.__name__, int("7").__str__(), (3).__repr__(), (10).__sizeof__() > 0)
print(sorted(n for n in dir(int) if not n.startswith("_")))
