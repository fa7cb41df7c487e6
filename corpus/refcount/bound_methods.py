# Bound methods hold a reference to their instance (and function).
import sys
class C:
    def m(self):
        return self
c = C()
base = sys.getrefcount(c)
bm = c.m
print("bound method:", sys.getrefcount(c) - base)
bm2 = c.m
print("second bound method:", sys.getrefcount(c) - base, bm is not bm2)
methods = [c.m for _ in range(5)]
print("five more:", sys.getrefcount(c) - base)
del methods, bm2
print("released:", sys.getrefcount(c) - base)
r = bm()
print("call result bound:", sys.getrefcount(c) - base)
del r, bm
print("back to base:", sys.getrefcount(c) - base)
fb = sys.getrefcount(C.m)
m3 = c.m
print("function referenced by bound method:", sys.getrefcount(C.m) - fb)
c.m()
print("temporary bound method freed, m3 still bound:", sys.getrefcount(c) - base, sys.getrefcount(C.m) - fb)
