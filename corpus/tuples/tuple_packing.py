# Packing/unpacking tuples, swap, returning multiple values.
def minmax(seq):
    return min(seq), max(seq)
lo, hi = minmax([4, 8, 1, 9])
print(lo, hi)
a, b = 1, 2
a, b = b, a
print(a, b)
a, b, c = b, c, a = 1, 2, 3
print(a, b, c)
(x, y), z = (1, 2), 3
print(x, y, z)
for i, (k, v) in enumerate([("a", 1), ("b", 2)]):
    print(i, k, v)
try:
    p, q = (1, 2, 3)
except ValueError as e:
    print("ValueError:", e)
try:
    p, q, r = (1, 2)
except ValueError as e:
    print("ValueError:", e)
try:
    p, q = 5
except TypeError as e:
    print("TypeError:", e)
t = 1,
print(t, type(t).__name__, len(t))
