# frozenset methods return frozensets; no mutators.
f = frozenset([1, 2, 3])
g = frozenset([3, 4])
for r in (f.union(g), f.intersection(g), f.difference(g), f.symmetric_difference(g), f.copy(), f | {9}, {9} | f):
    print(type(r).__name__, sorted(r))
print(f.issubset({1, 2, 3, 4}), f.issuperset([1]), f.isdisjoint(g), f == {1, 2, 3}, f < frozenset(range(5)))
print(sorted(n for n in dir(frozenset) if not n.startswith("_")))
print(hash(f) == hash(frozenset({3, 2, 1})), len(f), 2 in f, sorted(f))
print(frozenset().union(), frozenset("aab"), frozenset(frozenset([1])))
