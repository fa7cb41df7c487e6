# set and dict comprehensions: duplicates, key collisions, ordering.
print({x % 5 for x in range(20)})
print({c for c in "abracadabra"} == set("abcdr"))
print({w: len(w) for w in "a bb ccc bb a".split()})
print({k: v for k, v in [("a", 1), ("b", 2), ("a", 3)]})
print({v: k for k, v in {"x": 1, "y": 2, "z": 1}.items()})
print({i: i ** 2 for i in range(5) if i % 2 == 0})
print({(i % 3): [j for j in range(i)] for i in range(5)})
print({str(i): {i} for i in range(2)})
keys = ["b", "a", "c"]
print({k: ord(k) for k in sorted(keys)}, {k: ord(k) for k in keys})
