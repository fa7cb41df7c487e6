# Tuples of atomic values start tracked (constants included) and are untracked by the
# first collection that sees them; instance attribute dicts are tracked only once they
# exist as objects and hold a container.
import gc

t = (1, 2)
print(gc.is_tracked((1, 2)), gc.is_tracked(t), gc.is_tracked(("a", None, 3.5)))
x = 3
u = (x, "y")
w = (x, [])
print(gc.is_tracked(u), gc.is_tracked(w))
gc.collect()
print(gc.is_tracked(t), gc.is_tracked(u), gc.is_tracked(w))
built = (x, (x, 1))
print(gc.is_tracked(built), gc.is_tracked(built[1]))
gc.collect()
print(gc.is_tracked(built), gc.is_tracked(built[1]))


class A:
    pass


a = A()
a.x = 1
print(gc.is_tracked(a), gc.is_tracked(a.__dict__))
b = A()
b.x = []
print(gc.is_tracked(b.__dict__))
c = A()
d = c.__dict__
print(gc.is_tracked(d))
c.y = []
print(gc.is_tracked(d))
e = A()
e.t = (1, 2)
print(gc.is_tracked(e.__dict__))
print(gc.is_tracked({}), gc.is_tracked({"k": 1}), gc.is_tracked({"k": (1,)}), gc.is_tracked({"k": {}}))
