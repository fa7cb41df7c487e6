# frozenset(): construction, identity caching, hashability.
f = frozenset([1, 2, 2])
print(f, frozenset(), frozenset("aba") == frozenset("ab"), frozenset(f) is f, frozenset(range(3)))
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])), {frozenset([1]): "key"}[frozenset([1])])
try:
    frozenset([[1]])
except TypeError as e:
    print("TypeError:", e)
print(frozenset({1, 2}) | {3}, frozenset("ab").union("c") == frozenset("abc"), len(frozenset(range(100))))
