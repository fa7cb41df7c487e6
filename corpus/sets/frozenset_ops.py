# frozenset: hashable, usable as dict keys and in sets of sets.
f = frozenset([3, 1, 2])
g = frozenset("ab")
print(f, g, hash(f) == hash(frozenset({1, 2, 3})), len(f))
d = {f: "nums", g: "letters"}
print(d[frozenset({1, 2, 3})], d)
ss = {frozenset({1}), frozenset({1}), frozenset({1, 2})}
print(len(ss), sorted(ss, key=len))
print(f | {4}, f & {1, 9}, f - {1}, type(f | {4}).__name__, type({4} | f).__name__)
try:
    f.add(4)
except AttributeError as e:
    print("AttributeError:", e)
print(frozenset() == set(), frozenset(), frozenset(f) is f, f.copy() is f)
print({1, 2} == frozenset({1, 2}), set(f) == f)
print(hash(frozenset()), hash(frozenset({1, 2, 3})), hash(frozenset(["a"])) == hash(frozenset(["a"])))
