# == falls back to identity; != inverts __eq__; ordering has no fallback.
class OnlyEq:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        print("__eq__ called")
        return self.v == getattr(o, "v", None)
a, b = OnlyEq(1), OnlyEq(1)
print(a == b)
print(a != b)
class EqReturnsList:
    def __eq__(self, o):
        return [1]
x = EqReturnsList()
print(x == 1, x != 1)
class Ordered:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
    def __le__(self, o):
        return self.v <= o.v
o1, o2 = Ordered(1), Ordered(2)
print(o1 < o2, o1 <= o2, o2 > o1, o2 >= o1)
try:
    o1 > 5
except TypeError as e:
    print("TypeError:", e)
print([Ordered(v).v for v in (3, 1, 2)], [o.v for o in sorted([Ordered(3), Ordered(1), Ordered(2)])])
