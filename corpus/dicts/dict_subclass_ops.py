# Subclassing dict: overridden __setitem__ is not used by update/constructor.
class Upper(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.upper(), v)
u = Upper(a=1)
u["b"] = 2
u.update(c=3)
u.setdefault("d", 4)
print(u, type(u).__name__, isinstance(u, dict))
class Logging(dict):
    def __getitem__(self, k):
        print("get", k)
        return super().__getitem__(k)
l = Logging(x=1)
print(l["x"], l.get("x"), dict(l), list(l.values()))
print(type(u.copy()).__name__, type(u | {}).__name__)
class WithInit(dict):
    def __init__(self, *a, **k):
        super().__init__(*a, **k)
        self.extra = "attr"
w = WithInit({"k": "v"})
print(w, w.extra, w == {"k": "v"})
