# WeakValueDictionary and WeakKeyDictionary: the mapping API, operators and removal of
# dead entries.
import gc
import weakref

gc.disable()


class V:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return "V(%d)" % self.n


vals = [V(i) for i in range(4)]
d = weakref.WeakValueDictionary()
d["a"] = vals[0]
d.update({"b": vals[1]}, c=vals[2])
print(len(d), sorted(d), sorted(d.keys()), sorted(d.values(), key=lambda v: v.n))
print("a" in d, "z" in d, d.get("z", "none"), d["b"], d.setdefault("a", vals[3]), d.setdefault("d", vals[3]))
print(d.pop("d"), d.pop("d", "gone"), len(d))
try:
    d["zz"]
except KeyError as e:
    print("KeyError", e)
print(sorted(k for k, v in d.items()), len(list(d.valuerefs())), len(list(d.itervaluerefs())))
c = d.copy()
print(type(c).__name__, sorted(c), d == c, d == {"a": vals[0], "b": vals[1], "c": vals[2]}, d != {})
m = d | {"e": vals[3]}
print(type(m).__name__, sorted(m))
d |= {"f": vals[3]}
print(sorted(d))
try:
    hash(d)
except TypeError as e:
    print("TypeError", e)
del vals[1]
gc.collect()
print(sorted(d), len(d))
k, v = d.popitem()
print(len(d))
d.clear()
print(len(d), list(d))
keys = [V(10), V(11)]
wk = weakref.WeakKeyDictionary({keys[0]: "x"})
wk[keys[1]] = "y"
print(len(wk), keys[0] in wk, sorted(wk.values()), sorted(k.n for k in wk))
wk2 = wk | {keys[0]: "z"}
print(type(wk2).__name__, wk2[keys[0]], wk == {keys[0]: "x", keys[1]: "y"})
del keys[0]
gc.collect()
print(len(wk), sorted(wk.values()))


class C:
    def m(self):
        return "m of C"


obj = C()
wm = weakref.WeakMethod(obj.m)
print(wm()(), wm() == obj.m)
del obj
gc.collect()
print(wm())
