# Iterators keep their sequence alive; exhausted list iterators drop it.
import sys
class Obj:
    pass
lst = [Obj(), Obj()]
base = sys.getrefcount(lst)
it = iter(lst)
print("list iterator holds list:", sys.getrefcount(lst) - base)
next(it)
print("partially consumed:", sys.getrefcount(lst) - base)
list(it)
print("exhausted list iterator released it:", sys.getrefcount(lst) - base)
del it
e = enumerate(lst)
z = zip(lst, lst)
m = map(id, lst)
print("enumerate/zip/map objects:", sys.getrefcount(lst) - base)
del e, z, m
print("released:", sys.getrefcount(lst) - base)
d = {1: 2}
db = sys.getrefcount(d)
views = [d.keys(), d.values(), d.items()]
print("dict views:", sys.getrefcount(d) - db)
di = iter(d)
print("dict iterator:", sys.getrefcount(d) - db)
del views, di
print("released:", sys.getrefcount(d) - db)
r = reversed(lst)
print("reversed:", sys.getrefcount(lst) - base)
