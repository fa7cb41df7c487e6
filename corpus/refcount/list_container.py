# List slots hold references: append, repeat, slices, remove, clear.
import sys
class Obj:
    pass
o = Obj()
base = sys.getrefcount(o)
lst = [o]
print("in list:", sys.getrefcount(o) - base)
lst.append(o)
lst.insert(0, o)
print("three slots:", sys.getrefcount(o) - base)
rep = [o] * 10
print("repeated x10:", sys.getrefcount(o) - base)
copy = lst[:]
print("slice copy:", sys.getrefcount(o) - base)
lst.remove(o)
print("after remove:", sys.getrefcount(o) - base)
lst.pop()
print("after pop:", sys.getrefcount(o) - base)
rep.clear()
print("after clear:", sys.getrefcount(o) - base)
del lst[:]
del copy
print("all released:", sys.getrefcount(o) - base)
big = [o for _ in range(1000)]
print("comprehension of 1000:", sys.getrefcount(o) - base)
big *= 2
print("doubled:", sys.getrefcount(o) - base)
del big
print("released:", sys.getrefcount(o) - base)
