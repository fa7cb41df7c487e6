# dict methods: setdefault, pop, popitem, update, fromkeys, copy, clear.
d = {"x": 1}
print(d.setdefault("x", 9), d.setdefault("y", 2), d.setdefault("z"), d)
print(d.pop("z"), d.pop("nope", "default"), d)
try:
    d.pop("nope")
except KeyError as e:
    print("KeyError:", e)
d.update({"a": 1}, b=2)
d.update([("c", 3)])
print(d)
print(d.popitem(), d.popitem(), d)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
f = dict.fromkeys("abc", 0)
g = dict.fromkeys(range(3))
print(f, g)
shared = dict.fromkeys("xy", [])
shared["x"].append(1)
print(shared)
c = d.copy()
c["new"] = 1
print(d, c)
c.clear()
print(c, len(c))
print(sorted(d.keys()), list(d.values()), list(d.items()))
