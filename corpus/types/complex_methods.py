# A broad tour of complex methods and attributes.
for z in (0j, 1 + 2j, -3.5 - 0.5j, complex(0, -0.0), 1e300 + 1e300j):
    print(repr(z), z.real, z.imag, z.conjugate(), abs(z), bool(z), hash(z))
z = 3 + 4j
print(z.__add__(1), z.__sub__(1j), z.__mul__(z), z.__truediv__(2), z.__pow__(2), z.__neg__(), z.__pos__(), z.__abs__())
print(z.__radd__(1), z.__rsub__(1), z.__rmul__(2), z.__rtruediv__(1), z.__rpow__(2), z.__eq__(3 + 4j), z.__ne__(0))
print(z.__add__("x"), z.__lt__(z), z.__format__(".2f"), z.__repr__(), str(z), z.__getnewargs__())
print(sorted(n for n in dir(complex) if not n.startswith("_")))
