# hash() of ints follows modular reduction by 2**61 - 1.
M = 2 ** 61 - 1
vals = [0, 1, -1, -2, 2 ** 61 - 2, 2 ** 61 - 1, 2 ** 61, 2 ** 64, -(2 ** 64), 10 ** 30, -(10 ** 30), 2 ** 100 + 7]
for v in vals:
    print(v, hash(v))
print(hash(-1) == hash(-2), hash(M) == 0, hash(M + 5) == 5)
print(hash(1.5), hash(-1.5), hash(2.0 ** 70) == hash(2 ** 70), hash(0.1))
print(hash(float("inf")), hash(float("-inf")))
print(hash(True), hash(False), hash(1 + 0j) == hash(1))
print(hash(1j), hash(3 - 4j))
