# A broad tour of dict methods.
d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("c", 3), d.setdefault("a", 99), d)
print(list(d.keys()), list(d.values()), list(d.items()), len(d), "b" in d, 2 in d)
d.update({"d": 4}, e=5)
d.update([("f", 6)])
print(d)
print(d.pop("f"), d.pop("zz", None), d.popitem(), d)
c = d.copy()
c["new"] = 0
print(d, c, c == d, c != d)
print(dict.fromkeys("abc", 0), dict.fromkeys(range(2)))
print(d | {"x": 9}, {"x": 9} | d)
d |= {"a": 100}
print(d)
print(list(reversed(d)), list(reversed(d.items())))
k = d.keys()
print(k & {"a", "q"}, k | {"q"} == set(d) | {"q"}, k - {"a"}, sorted(k ^ {"a", "q"}))
print(d.items() & {("a", 100)}, ("b", 2) in d.items(), d.values().__len__())
d.clear()
print(d, len(d))
try:
    d.pop("a")
except KeyError as e:
    print("KeyError:", e)
try:
    d.popitem()
except KeyError as e:
    print("KeyError:", e)
print(sorted(n for n in dir(dict) if not n.startswith("_")))
print({1: 2}.__getitem__(1), {1: 2}.__contains__(3), {}.__len__(), {"k": 1}.__eq__({"k": 1}))
