# Comprehensions create and release their own references.
import sys
class Obj:
    pass
o = Obj()
base = sys.getrefcount(o)
lst = [o for _ in range(5)]
print("list comp result:", sys.getrefcount(o) - base)
s = {o for _ in range(5)}
print("set comp (one ref):", sys.getrefcount(o) - base)
d = {i: o for i in range(3)}
print("dict comp values:", sys.getrefcount(o) - base)
total = sum(1 for x in lst if x is o)
print("generator consumed:", total, sys.getrefcount(o) - base)
del lst, s, d
print("released:", sys.getrefcount(o) - base)
pairs = [(o, i) for i in range(4)]
print("tuples in list:", sys.getrefcount(o) - base)
del pairs
print("released:", sys.getrefcount(o) - base)
