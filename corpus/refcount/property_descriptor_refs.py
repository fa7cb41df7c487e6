# Properties and descriptors returning stored objects.
import sys
class Obj:
    pass
o = Obj()
base = sys.getrefcount(o)
class Desc:
    def __get__(self, inst, owner):
        return o
class P:
    d = Desc()
    @property
    def prop(self):
        return self._v
p = P()
p._v = o
print("stored:", sys.getrefcount(o) - base)
p.prop
p.d
print("getters' results discarded:", sys.getrefcount(o) - base)
x = p.prop
y = p.d
print("bound twice:", sys.getrefcount(o) - base)
del x, y, p
print("released:", sys.getrefcount(o) - base)
