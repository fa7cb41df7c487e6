# Lexicographic comparison of lists, equality with nested and mixed types.
pairs = [([], []), ([1], []), ([1, 2], [1, 3]), ([1, 2, 3], [1, 2]), ([2], [1, 9, 9]), ([[1]], [[1]]),
         ([1, [2, 3]], [1, [2, 4]]), (["a"], ["B"]), ([1.0], [1]), ([0, "x"], [1, 0])]
for a, b in pairs:
    print(a, b, a == b, a != b, a < b, a <= b, a > b, a >= b)
print([1, 2] == (1, 2), [1] < [1, float("nan")])
try:
    [1, "a"] < [1, 2]
except TypeError as e:
    print("TypeError:", e)
