# Class attributes shared by instances, shadowing, and mutation pitfalls.
class C:
    shared = []
    counter = 0
    def __init__(self):
        C.counter += 1
        self.id = C.counter
    def add(self, x):
        self.shared.append(x)
a, b = C(), C()
a.add(1)
b.add(2)
print(C.shared, a.shared is b.shared, C.counter, a.id, b.id)
a.counter = 100
print(a.counter, b.counter, C.counter)
C.new_attr = "added later"
print(a.new_attr, hasattr(b, "new_attr"))
del C.new_attr
print(hasattr(a, "new_attr"))
class D(C):
    counter = 50
print(D.counter, C.counter, D.shared is C.shared)
d = D()
print(d.id, D.counter, C.counter)
print(vars(C)["counter"], "counter" in vars(a), vars(a))
