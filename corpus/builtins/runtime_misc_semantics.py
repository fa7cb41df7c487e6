# Assorted builtin behaviours: writable function.__code__, property.__doc__ and
# getter(None), deleting an instance __dict__, a replaced builtins.__import__,
# float() identity, eval/exec argument checks, dir() of a mapping namespace,
# format-spec errors for str and 'c'.
import builtins


def f():
    return "f"


def g():
    return "g"


f.__code__ = g.__code__
print(f(), f.__name__)
for bad in [None, 5]:
    try:
        f.__code__ = bad
    except TypeError as e:
        print("TypeError:", e)


def outer():
    x = 1

    def inner():
        return x
    return inner


try:
    f.__code__ = outer().__code__
except ValueError as e:
    print("ValueError:", e)


class P:
    @property
    def v(self):
        "the v"
        return 1


p = P.__dict__["v"]
print(p.__doc__)
p.__doc__ = "changed"
print(p.__doc__, P.v.__doc__)
q = property(lambda s: 1, lambda s, v: None, None, "doc")
print(q.getter(None).fget is q.fget, q.setter(None).fset is q.fset, q.deleter(None).fdel)


class O:
    pass


o = O()
o.a = 1
del o.__dict__
print(o.__dict__, hasattr(o, "a"))
o.__dict__ = {"b": 2}
print(o.b)
try:
    o.__dict__ = 5
except TypeError as e:
    print("TypeError:", e)
try:
    del f.__dict__
except TypeError as e:
    print("TypeError:", e)

seen = []
orig = builtins.__import__


def custom(name, globals=None, locals=None, fromlist=(), level=0):
    seen.append((name, fromlist, level))
    return orig(name, globals, locals, fromlist, level)


builtins.__import__ = custom
import math
from sys import maxsize
builtins.__import__ = orig
import gc
print(seen)

x = 1.5
print(float(x) is x, type(float(True)), float(" 2.5 "))
for call in [lambda: eval("1", 1), lambda: eval("1", []), lambda: eval("1", {}, 1),
             lambda: exec("1", 1), lambda: exec("1", {}, 1)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
ns = {}
exec("b = type(__builtins__).__name__", ns)
print(ns["b"])


class M(dict):
    def __getitem__(self, k):
        return dir

    def keys(self):
        return ["z", "a"]


print(eval("dir()", {}, M()))
for spec in ["+", " ", "-", "#", "=5", "z"]:
    try:
        format("s", spec)
    except ValueError as e:
        print(repr(spec), e)
for spec in ["+c", " c", "#c"]:
    try:
        format(65, spec)
    except ValueError as e:
        print(repr(spec), e)
