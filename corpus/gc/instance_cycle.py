# Two instances referencing each other are freed only by the collector.
import gc
gc.disable()
gc.collect()
class Node:
    pass
a, b = Node(), Node()
a.peer, b.peer = b, a
del a, b
print("two instances:", gc.collect())
a, b = Node(), Node()
a.peer, b.peer = b, a
a.__dict__, b.__dict__
del a, b
print("two instances with materialised __dict__:", gc.collect())
ring = [Node() for _ in range(10)]
for i, n in enumerate(ring):
    n.next = ring[(i + 1) % 10]
del ring, n
print("ring of ten:", gc.collect())
print("nothing left:", gc.collect())
gc.enable()
