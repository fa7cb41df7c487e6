# Weak reference callbacks fire when cyclic garbage is collected; refs are cleared first.
import gc
import weakref
gc.disable()
gc.collect()
class Node:
    def __init__(self, name):
        self.name = name
def callback(ref):
    print("callback; ref dead:", ref() is None)
a, b = Node("a"), Node("b")
a.o, b.o = b, a
ra = weakref.ref(a, callback)
rb = weakref.ref(b, callback)
del a, b
print("before collect:", ra() is not None, rb() is not None)
print("collected:", gc.collect())
print("after:", ra(), rb())
c = Node("c")
rc = weakref.ref(c, lambda r: print("lambda callback for c"))
del c
print("non-cyclic: callback ran immediately")
gc.enable()
