# Set algebra operators and their in-place forms.
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(a <= b, a >= {1, 2}, {3} < b, a > a, a.isdisjoint({9}))
c = set(a)
c |= {10}
c &= {1, 10, 4}
print(sorted(c))
c ^= {1, 99}
print(sorted(c))
c -= {99}
print(sorted(c))
f = frozenset(a)
r = f | b
print(type(r).__name__, sorted(r))
r2 = b | f
print(type(r2).__name__)
print(type(f & {1}).__name__, type({1} & f).__name__)
d1 = {"a": 1, "b": 2}
d2 = {"b": 3, "c": 4}
print(d1.keys() & d2.keys(), sorted(d1.keys() | d2.keys()), d1.keys() - d2.keys())
print(d1.keys() ^ {"a", "z"} == {"b", "z"})
print(d1.items() & {("a", 1)})
try:
    a + b
except TypeError as e:
    print("TypeError:", e)
try:
    a | [1]
except TypeError as e:
    print("TypeError:", e)
