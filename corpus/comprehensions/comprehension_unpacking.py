# Unpacking targets in comprehensions, including starred and nested.
pairs = [(1, "a"), (2, "b"), (3, "c")]
print([n * 2 for n, _ in pairs], [s for _, s in pairs])
rows = [(1, 2, 3, 4), (5, 6, 7, 8)]
print([(first, rest) for first, *rest in rows])
print([mid for _, *mid, _ in rows])
nested = [((1, 2), [3, 4]), ((5, 6), [7, 8])]
print([a + b + c + d for (a, b), [c, d] in nested])
print({k: v for k, v in zip("xyz", range(3))})
print([i * c for i, c in enumerate("ab", 1)])
print([x for x, in [(1,), (2,)]])
