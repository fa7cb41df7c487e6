# Attributes and dunder methods of complex.
z = complex(2, -3)
print(z.real, z.imag, z.conjugate(), z.__abs__(), z.__neg__(), z.__pos__())
print(z.__add__(1), z.__radd__(1), z.__mul__(2j), z.__rsub__(10), z.__truediv__(2), z.__rtruediv__(1))
print(z.__eq__(z), z.__ne__(2), z.__lt__(z), z.__bool__(), (0j).__bool__())
print(z.__pow__(2), z.__rpow__(2), z.__add__("x"), complex.__hash__(2 + 0j))
print(repr(z.__getnewargs__()), z.__format__(""), z.__format__("+.1f"))
print(sorted(n for n in dir(complex) if not n.startswith("_")))
