# Function defaults hold references to their default objects.
import sys
class Obj:
    pass
o = Obj()
base = sys.getrefcount(o)
def f(a=o, *, b=o):
    return a
print("positional and kw-only defaults:", sys.getrefcount(o) - base)
r = f()
print("call returned default:", sys.getrefcount(o) - base)
del r
f.__defaults__ = (None,)
print("defaults replaced:", sys.getrefcount(o) - base)
f.__kwdefaults__ = None
print("kwdefaults removed:", sys.getrefcount(o) - base)
g = lambda x=o: x
print("lambda default:", sys.getrefcount(o) - base)
del g
print("released:", sys.getrefcount(o) - base)
