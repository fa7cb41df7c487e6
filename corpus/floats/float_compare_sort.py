# Sorting floats mixed with ints; key functions; stability.
vals = [3.5, -1, 2, 2.0, 0.0, -0.0, 1e-10, 10 ** 18, 1e18, -2.5]
print(sorted(vals))
print(sorted(vals, key=abs))
print(sorted(vals, reverse=True))
pairs = [(0.1 + 0.2, "a"), (0.3, "b"), (0.30000000000000004, "c")]
print(sorted(pairs))
print(max(vals), min(vals), sum(vals))
print(sorted([0.0, -0.0, 0, -0.0]), [repr(x) for x in sorted([0.0, -0.0])])
print(1.0 < 1.0000000000000002, 1.0 == 1.00000000000000001)
