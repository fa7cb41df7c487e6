# Tuple creation, indexing, immutability, single-element syntax.
t = (1, "two", 3.0, None)
print(t, len(t), t[1], t[-1], t[1:3], t[::-1])
print((), (1,), (1), tuple(), tuple("ab"), tuple([1, 2]), tuple(range(3)), tuple({"a": 1}))
x = 1, 2, 3
print(x, type(x).__name__)
try:
    t[0] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    del t[0]
except TypeError as e:
    print("TypeError:", e)
try:
    t.append(1)
except AttributeError as e:
    print("AttributeError:", e)
try:
    t[10]
except IndexError as e:
    print("IndexError:", e)
print(t.count(None), t.index(3.0), (1, 2) + (3,), (0,) * 3, 2 in (1, 2), (1, 2) < (1, 3), (1,) == [1])
m = ([1, 2], [3])
m[0].append(99)
print(m)
