# vars(): instance dicts, class mappingproxy, module namespace, errors.
class P:
    cls_attr = 1
    def __init__(self):
        self.a = 1
        self.b = [2]
p = P()
print(vars(p), vars(p) is p.__dict__)
vars(p)["c"] = 3
print(p.c)
v = vars(P)
print(type(v).__name__, "cls_attr" in v, v["cls_attr"])
try:
    v["x"] = 1
except TypeError as e:
    print("TypeError:", e)
class S:
    __slots__ = ("x",)
try:
    vars(S())
except TypeError as e:
    print("TypeError:", e)
try:
    vars(5)
except TypeError as e:
    print("TypeError:", e)
x_global = "module level"
print(vars()["x_global"], "P" in vars())
import math
print(vars(math)["pi"])
def f():
    local = 1
    return sorted(vars())
print(f())
