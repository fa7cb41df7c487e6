# Each name binding adds one reference; rebinding and del remove it.
import sys
class Obj:
    pass
o = Obj()
base = sys.getrefcount(o)
print("fresh object at module level:", base)
a = o
b = o
print("two aliases:", sys.getrefcount(o) - base)
a = None
print("one rebound:", sys.getrefcount(o) - base)
del b
print("after del:", sys.getrefcount(o) - base)
x = y = z = o
print("chained assignment:", sys.getrefcount(o) - base)
x, y = y, x
print("after swap:", sys.getrefcount(o) - base)
del x, y, z
print("all gone:", sys.getrefcount(o) - base)
def in_function():
    p = Obj()
    start = sys.getrefcount(p)
    q = p
    return start, sys.getrefcount(p) - start
print("inside a function:", in_function())
