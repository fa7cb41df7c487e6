# Instance attributes, class attributes and setattr/delattr references.
import sys
class Holder:
    pass
class Obj:
    pass
o = Obj()
base = sys.getrefcount(o)
h = Holder()
h.a = o
h.b = o
print("two attributes:", sys.getrefcount(o) - base)
setattr(h, "c", o)
print("setattr:", sys.getrefcount(o) - base)
del h.a
delattr(h, "b")
print("after del/delattr:", sys.getrefcount(o) - base)
Holder.shared = o
print("class attribute:", sys.getrefcount(o) - base)
del Holder.shared
h.c = None
print("released:", sys.getrefcount(o) - base)
cb = sys.getrefcount(Obj)
instances = [Obj() for _ in range(7)]
print("instances reference their class:", sys.getrefcount(Obj) - cb)
del instances
print("released class refs:", sys.getrefcount(Obj) - cb)
