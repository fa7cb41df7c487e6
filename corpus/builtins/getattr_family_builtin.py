# getattr/setattr/hasattr/delattr with defaults, properties and errors.
class P:
    cls_v = 1
    @property
    def prop(self):
        raise AttributeError("prop unavailable")
    @property
    def err(self):
        raise ValueError("not an AttributeError")
p = P()
setattr(p, "a", 10)
print(getattr(p, "a"), getattr(p, "b", "dflt"), getattr(P, "cls_v"), hasattr(p, "a"), hasattr(p, "b"))
print(hasattr(p, "prop"), getattr(p, "prop", "fallback"))
try:
    hasattr(p, "err")
except ValueError as e:
    print("ValueError:", e)
delattr(p, "a")
print(hasattr(p, "a"))
for call in (lambda: getattr(p, "zz"), lambda: delattr(p, "zz"), lambda: getattr(p, 1), lambda: setattr(p, 1, 2),
             lambda: getattr(), lambda: hasattr(p), lambda: setattr(1, "x", 2)):
    try:
        call()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
print(getattr([], "append").__name__, getattr(5, "__add__")(3), getattr("x", "upper")())
