# Complex arithmetic and repr.
a = 3 + 4j
b = 1 - 2j
print(a + b, a - b, a * b, a / b, -a, +a, abs(a), a.conjugate())
print(a ** 2, a ** 0.5, a ** b, 1j ** 2, (1j) ** 1j, 2 ** 1j)
print(a == 3 + 4j, a != b, a == 3, (3 + 0j) == 3, complex(3) == 3.0)
print(a.real, a.imag, type(a.real).__name__, (5j).real, (-5j).imag)
print(repr(1j), repr(-1j), repr(0j), repr(-0j), repr(complex(-0.0, -0.0)), repr(complex(0.0, -0.0)))
print(1 + 1j * 1e300 * 10, complex(float("inf"), float("nan")), complex(1e16, 1e-16))
print(repr(complex(1, 2.5)), repr(2.5j + 1), str(3 + 0j), str(1e20j))
try:
    a // b
except TypeError as e:
    print("TypeError:", e)
try:
    a % b
except TypeError as e:
    print("TypeError:", e)
try:
    a / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    0j ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    a < b
except TypeError as e:
    print("TypeError:", e)
