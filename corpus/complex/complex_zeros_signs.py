# Signed zeros and special values in complex repr and arithmetic.
vals = [complex(0.0, 0.0), complex(-0.0, 0.0), complex(0.0, -0.0), complex(-0.0, -0.0),
        complex(float("inf"), 0), complex(0, float("-inf")), complex(float("nan"), 1), -(0j), 0j * -1]
for v in vals:
    print(repr(v), str(v))
print(1j * 1j, (-1j) * (-1j), 1j * -1, (1 + 0j) * -1)
print(complex(1, 2) - complex(1, 2), complex(-1, -2) + complex(1, 2))
print((1e308 + 1e308j) * 10, (1 + 1j) / 1e-308)
