# Starred assignment targets in different positions.
a, *b = [1, 2, 3, 4]
print(a, b)
*a, b = "hello"
print(a, b)
a, *b, c = range(6)
print(a, b, c)
a, *b, c = [1, 2]
print(a, b, c)
*a, = (1, 2)
print(a)
[a, *b] = {"x": 1, "y": 2}
print(a, b)
(a, b), *c = [(1, 2), 3, 4]
print(a, b, c)
first, *_, last = range(100)
print(first, last, type(_).__name__, len(_))
for x, *ys in [(1, 2, 3), (4,), "abc"]:
    print(x, ys)
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError:", e)
