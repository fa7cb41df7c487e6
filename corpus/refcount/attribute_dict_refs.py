# Objects stored in instance dictionaries and module globals.
import sys
class Obj:
    pass
o = Obj()
base = sys.getrefcount(o)
class Holder:
    pass
hs = [Holder() for _ in range(5)]
for h in hs:
    h.ref = o
print("five instance attributes:", sys.getrefcount(o) - base)
hs[0].__dict__.clear()
print("one __dict__ cleared:", sys.getrefcount(o) - base)
vars(hs[1])["other"] = o
print("added via vars():", sys.getrefcount(o) - base)
del hs, h
print("holders gone:", sys.getrefcount(o) - base)
globals()["via_globals"] = o
print("via globals():", sys.getrefcount(o) - base)
del via_globals
print("released:", sys.getrefcount(o) - base)
