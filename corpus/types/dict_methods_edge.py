# dict methods: construction, views, merging, popping and errors.
d = dict(a=1, b=2)
d2 = dict([("x", 1), ("y", 2)], z=3)
print(d, d2, dict.fromkeys("abc"), dict.fromkeys([1, 2], 0), dict(zip("ab", range(2))))
print(d.get("a"), d.get("q"), d.get("q", 9), d.setdefault("c", 3), d.setdefault("a", 100), d)
print(d.pop("c"), d.pop("q", "dflt"), d.popitem(), d, len(d))
d.update({"b": 20}, e=5)
d.update([("f", 6)])
print(d, d | {"g": 7}, {"a": 0} | d)
d |= {"h": 8}
print(d, list(d.keys()), list(d.values()), list(d.items()))
k = d.keys()
print("a" in k, ("a", 1) in d.items(), 1 in d.values(), k & {"a", "zz"}, k | {"q"} >= {"a"}, k - {"a"}, len(k))
print(list(reversed(d)), list(reversed(d.items()))[:2], d == dict(d), d != {}, {1: 2} == {1: 2.0})
c = d.copy()
c["a"] = -1
print(d["a"], c["a"], sorted(c), min(c), max(c.values()))
nested = {"k": [1, 2]}
shallow = nested.copy()
shallow["k"].append(3)
print(nested)
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError:", e)
try:
    dict([("a", 1, 2)])
except ValueError as e:
    print("ValueError:", e)
try:
    dict(1)
except TypeError as e:
    print("TypeError:", e)
class Missing(dict):
    def __missing__(self, key):
        return key * 2
m = Missing(a=1)
print(m["a"], m["zz"], m.get("zz"), "zz" in m)
d.clear()
print(d, bool(d), dict(), {**{"a": 1}, **{"a": 2, "b": 3}})
