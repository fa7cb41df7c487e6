# Cycles through instance attributes (no __dict__ ever taken), through a __dict__ taken
# as an object, and through a dict shared with another holder: collection counts.
import gc

gc.disable()
gc.collect()


class Node:
    pass


def ring(n):
    nodes = [Node() for _ in range(n)]
    for i, o in enumerate(nodes):
        o.next = nodes[(i + 1) % n]
        o.payload = [i]
    return nodes[0]


r = ring(5)
del r
print("ring", gc.collect())
a = Node()
a.self = a
d = a.__dict__
del a
print("dict held", gc.collect())
print(type(d["self"]).__name__)
del d
print("dict released", gc.collect())
b = Node()
b.me = b
vars(b)
del b
print("vars taken", gc.collect())
c = Node()
c.items = {"c": c}
del c
print("dict value", gc.collect())
keep = Node()
keep.leaf = [1]
keep.me = keep
print("alive", gc.collect())
print(sorted(type(o).__name__ for o in gc.get_referents(keep)))
print(any(o is keep for o in gc.get_referrers(keep.leaf)))
del keep
print("dropped", gc.collect())
