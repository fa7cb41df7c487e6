# Dunders assigned after class creation and on subclasses update the type slots.
class A:
    pass
a = A()
A.__eq__ = lambda self, o: True
A.__hash__ = lambda self: 7
print(a == 1, hash(a))
A.__repr__ = lambda self: "A-repr"
print(repr(a), [a])
A.__iter__ = lambda self: iter("xy")
print(list(a))
A.__getitem__ = lambda self, k: k * 2
print(a[21])
A.__call__ = lambda self, *x: sum(x)
print(a(1, 2, 3))
A.__lt__ = lambda self, o: "lt"
print(a < 0, 0 > a)
class B(A):
    pass
b = B()
print(repr(b), b == 5, b[1], b(4))
A.__repr__ = lambda self: "changed"
print(repr(b))
