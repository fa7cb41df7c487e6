# Slices, copies and concatenations add references to shared elements.
import sys
class Obj:
    pass
o = Obj()
base = sys.getrefcount(o)
lst = [o, 1, o]
print("list:", sys.getrefcount(o) - base)
a = lst[:]
b = lst[::2]
c = lst + lst
d = list(lst)
e = lst.copy()
print("copies:", sys.getrefcount(o) - base)
t = tuple(lst)
print("tuple():", sys.getrefcount(o) - base)
rev = lst[::-1]
print("reversed slice:", sys.getrefcount(o) - base)
del a, b, c, d, e, t, rev
print("released:", sys.getrefcount(o) - base)
lst[0:1] = []
print("slice assignment removed one:", sys.getrefcount(o) - base)
lst[1:1] = [o, o, o]
print("slice assignment added three:", sys.getrefcount(o) - base)
