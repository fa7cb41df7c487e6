# Without the cycle collector, objects in a reference cycle keep each other alive.
import gc
import sys
gc.disable()
class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        print("del", self.name)
a = Node("a")
b = Node("b")
a.other = b
b.other = a
ab = sys.getrefcount(a)
print("a is referenced by b too:", ab)
del a, b
print("names deleted, nothing printed yet")
found = gc.collect()
print("collector found:", found)
c = Node("c")
c.other = c
del c
print("self cycle not freed by refcounting")
print("collector found:", gc.collect())
d = Node("d")
d.other = Node("e")
del d
print("no cycle: freed immediately")
gc.enable()
