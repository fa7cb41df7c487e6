# Complex arithmetic in algorithms: quadratic roots, Horner evaluation, roots of unity.
def quad_roots(a, b, c):
    disc = (b * b - 4 * a * c) ** 0.5
    return (-b + disc) / (2 * a), (-b - disc) / (2 * a)
for coeffs in ((1, -3, 2), (1, 0, 1), (1, 2, 5), (2, 0, -8)):
    r1, r2 = quad_roots(*coeffs)
    print(coeffs, complex(round(r1.real, 12), round(r1.imag, 12)) if isinstance(r1, complex) else r1,
          complex(round(r2.real, 12), round(r2.imag, 12)) if isinstance(r2, complex) else r2)
def horner(coeffs, z):
    acc = 0j
    for c in coeffs:
        acc = acc * z + c
    return acc
print(horner([1, 0, 1], 1j), horner([1, -2, 1], 1 + 0j), horner([2, 3, 4], 1 - 1j))
n = 6
w = complex(0.5, 3 ** 0.5 / 2)
powers = [w ** k for k in range(n)]
print([complex(round(p.real, 9), round(p.imag, 9)) for p in powers])
total = sum(powers)
print(abs(total) < 1e-12, round(abs(powers[1]), 12))
