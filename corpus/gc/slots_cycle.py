# Cycles through __slots__ instances (no __dict__).
import gc
gc.disable()
gc.collect()
class S:
    __slots__ = ("other", "name")
    def __init__(self, name):
        self.name = name
a, b = S("a"), S("b")
a.other, b.other = b, a
del a, b
print("slots pair:", gc.collect())
class Node:
    __slots__ = ("next",)
nodes = [Node() for _ in range(30)]
for i in range(30):
    nodes[i].next = nodes[(i + 1) % 30]
del nodes
print("ring of 30 slot instances:", gc.collect())
gc.enable()
