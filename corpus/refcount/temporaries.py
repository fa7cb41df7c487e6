# Temporaries from expressions are released immediately.
import sys
class Obj:
    def __init__(self):
        self.items = []
o = Obj()
base = sys.getrefcount(o)
[o, o, o]
(o, o)
{"k": o}
print("displays discarded:", sys.getrefcount(o) - base)
len([o] * 100)
print("after len of temp list:", sys.getrefcount(o) - base)
s = str([o].__len__())
print("after method on temporary:", sys.getrefcount(o) - base)
x = [o][0]
print("subscript of temporary binds once:", sys.getrefcount(o) - base)
del x
y = (lambda v: v)(o)
print("lambda result bound:", sys.getrefcount(o) - base)
del y
z = o if True else None
print("conditional expression:", sys.getrefcount(o) - base)
del z
print("released:", sys.getrefcount(o) - base)
