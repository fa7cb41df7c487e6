# __getattr__ is a fallback; __getattribute__ intercepts everything.
class Fallback:
    real = "real attr"
    def __getattr__(self, name):
        if name.startswith("dyn_"):
            return name[4:].upper()
        raise AttributeError("no attribute %r" % name)
f = Fallback()
print(f.real, f.dyn_hello, getattr(f, "dyn_x"), hasattr(f, "nope"), getattr(f, "nope", "default"))
try:
    f.nope
except AttributeError as e:
    print("AttributeError:", e)
class Logged:
    def __init__(self):
        self.v = 1
    def __getattribute__(self, name):
        if not name.startswith("__"):
            print("get", name)
        return object.__getattribute__(self, name)
lg = Logged()
print(lg.v)
class Both:
    def __getattribute__(self, name):
        if name == "boom":
            raise AttributeError(name)
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "fallback for " + name
b = Both()
print(b.boom, b.other)
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_t", target)
    def __getattr__(self, name):
        return getattr(self._t, name)
print(Proxy([3, 1, 2]).count(1), Proxy("abc").upper())
