# Nested unpacking of tuples, lists and strings.
(a, (b, c)), d = (1, (2, 3)), 4
print(a, b, c, d)
[x, [y, [z]]] = [1, [2, [3]]]
print(x, y, z)
(p, q), (r, s) = "ab", "cd"
print(p, q, r, s)
data = [("ann", (30, "nyc")), ("bob", (25, "sf"))]
for name, (age, city) in data:
    print(name, age, city)
((a, *b), *c), d = ((1, 2, 3), 4, 5), 6
print(a, b, c, d)
try:
    (a, b), c = [1, 2], 3, 4
except ValueError as e:
    print("ValueError:", e)
try:
    (a, b), c = 1, 2
except TypeError as e:
    print("TypeError:", e)
