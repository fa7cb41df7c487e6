# Complex numbers through abs, pow and formatting.
z = 1 + 1j
acc = 1 + 0j
for k in range(1, 9):
    acc *= z
    print(k, acc, abs(acc))
print(pow(z, 8), z ** 8 == acc, pow(2j, 3), pow(0j, 0))
print(abs(complex(3e200, 4e200)), abs(complex(float("inf"), float("nan"))))
print(format(1 + 2j, ""), format(1.5 - 2.25j, ".2f"), format(3j, "10.1f"), f"{2 + 3j:>12}", "%s" % (1j,))
print(format(1e20 + 1j, "g"), format(complex(1, -0.0), ".1e"), f"{(0.1+0.2j)!r}")
roots = []
for k in range(4):
    r = (1j) ** k
    roots.append(complex(round(r.real, 10), round(r.imag, 10)))
print(roots)
