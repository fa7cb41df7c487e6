# Float keys in dicts and sets interact with equal ints.
d = {}
d[1] = "int"
d[1.0] = "float"
d[2.5] = "x"
print(d, len(d))
s = {0, 0.0, -0.0, False}
print(s, len(s))
print({1.5: 1}[1.5], {2: "two"}[2.0])
n1 = float("nan")
n2 = float("nan")
d2 = {n1: 1, n2: 2}
print(len(d2), d2[n1], d2.get(n2), n1 in d2, float("nan") in d2)
print(hash(0.5), hash(1e308), hash(-0.25), hash(2.0) == hash(2))
print(sorted({1.0, 2, 3.5, 2.0, 1}))
