# Subclassing tuple with __new__ to make a small record type.
class Point(tuple):
    __slots__ = ()
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
    @property
    def y(self):
        return self[1]
    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)
    def __repr__(self):
        return "Point(x=%r, y=%r)" % self
p = Point(1, 2)
q = Point(10, 20)
print(p, q, p + q, p.x, q.y, len(p), p == (1, 2), hash(p) == hash((1, 2)))
print(sorted([Point(3, 1), Point(1, 5), Point(1, 2)]))
a, b = p
print(a, b, isinstance(p, tuple), list(p))
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
