# Unpacking assignments and starred targets.
import sys
class Obj:
    pass
o = Obj()
base = sys.getrefcount(o)
a, b = o, o
print("a, b:", sys.getrefcount(o) - base)
first, *rest = [o, o, o]
print("first, *rest (list and name):", sys.getrefcount(o) - base)
del a, b, first, rest
print("released:", sys.getrefcount(o) - base)
[x, [y, z]] = [o, (o, o)]
print("nested:", sys.getrefcount(o) - base)
del x, y, z
for item in [o, o]:
    pass
print("loop variable keeps last item:", sys.getrefcount(o) - base)
del item
print("released:", sys.getrefcount(o) - base)
