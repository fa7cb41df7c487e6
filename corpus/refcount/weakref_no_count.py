# Weak references do not add to the reference count.
import sys
import weakref
class Obj:
    pass
o = Obj()
base = sys.getrefcount(o)
r = weakref.ref(o)
r2 = weakref.ref(o)
p = weakref.proxy(o)
print("weak refs:", sys.getrefcount(o) - base, r is r2, weakref.getweakrefcount(o))
strong = r()
print("dereferenced and bound:", sys.getrefcount(o) - base)
del strong
print("released:", sys.getrefcount(o) - base)
del o
print("dead:", r(), r2() is None)
