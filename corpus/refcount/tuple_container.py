# Tuples hold references to their items; packing, concatenation, nesting.
import sys
class Obj:
    pass
o = Obj()
base = sys.getrefcount(o)
t = (o, o)
print("tuple of two:", sys.getrefcount(o) - base)
t2 = t + (o,)
print("concatenated:", sys.getrefcount(o) - base)
nested = ((o,), [o])
print("nested:", sys.getrefcount(o) - base)
packed = 1, o, "x"
print("packed:", sys.getrefcount(o) - base)
a, b = t
print("unpacked names:", sys.getrefcount(o) - base)
del t, t2, nested, packed, a, b
print("released:", sys.getrefcount(o) - base)
tb = sys.getrefcount(t3 := (o, o, o))
print("walrus tuple:", sys.getrefcount(o) - base, sys.getrefcount(t3) - tb)
