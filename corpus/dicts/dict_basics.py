# dict creation, lookup, insertion order, deletion.
d = {"b": 2, "a": 1}
d["c"] = 3
d["b"] = 20
print(d, len(d), list(d), d["a"], d.get("z"), d.get("z", 0))
del d["a"]
print(d, "a" in d, "b" in d)
d["a"] = 1
print(list(d.items()))
print(dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict({"k": 1}, k2=2), dict(zip("abc", range(3))), dict())
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e)
try:
    del d["missing"]
except KeyError as e:
    print("KeyError:", e)
try:
    d[[1]] = 2
except TypeError as e:
    print("TypeError:", e)
try:
    dict([("a", 1, 2)])
except ValueError as e:
    print("ValueError:", e)
try:
    dict([1])
except TypeError as e:
    print("TypeError:", e)
print({1: "a", 1.0: "b", True: "c"}, {(1, 2): [3]}, {None: None})
