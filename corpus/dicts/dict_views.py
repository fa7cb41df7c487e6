# keys/values/items views are live and support set operations.
d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it)
d["d"] = 4
del d["a"]
print(list(k), list(v), list(it), len(k))
print("b" in k, 2 in v, ("b", 2) in it, ("b", 3) in it)
print(k & {"b", "z"}, k | {"z"} == {"b", "c", "d", "z"}, k - {"b"}, k ^ {"b", "q"} == {"c", "d", "q"})
print(k == {"b", "c", "d"}, k < {"b", "c", "d", "e"}, k.isdisjoint({"x"}))
print(list(reversed(k)), list(reversed(v)), list(reversed(it)))
print(sorted(it, key=lambda kv: -kv[1]))
try:
    for key in d:
        d[key + "!"] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
print(len(d))
m = k.mapping if hasattr(k, "mapping") else None
print(m == d)
