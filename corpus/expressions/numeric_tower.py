# Mixed int/float/complex/bool arithmetic and result types.
vals = [True, 3, 2.5, 1+2j]
for x in vals:
    for y in vals:
        r = x + y
        print(type(x).__name__, type(y).__name__, type(r).__name__, r)
print(True + 1, True * 2.5, False * 1j)
print(7 / 2, 7 // 2, 7 % 2, -7 / 2, -7 // 2, -7 % 2)
print(7.0 // 2, 7.5 % 2, -7.5 // 2, -7.5 % 2)
print(2 ** 10, 2 ** 0.5, 2 ** -1, (-8) ** (1 / 3))
print(10 / 5, type(10 / 5).__name__)
print(1 == 1.0 == (1 + 0j), hash(1) == hash(1.0) == hash(1 + 0j))
print(int(True), float(False), complex(True))
print(abs(-3), abs(-3.5), abs(3 + 4j))
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5))
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2))
print(3 * "ab", [0] * 3, (1,) * 2)
