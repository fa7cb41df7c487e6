# Rich comparison dispatch, reflection and NotImplemented.
class V:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        print("V.__eq__")
        return isinstance(o, V) and self.v == o.v
    def __lt__(self, o):
        print("V.__lt__")
        if not isinstance(o, V):
            return NotImplemented
        return self.v < o.v
    def __ge__(self, o):
        print("V.__ge__")
        return NotImplemented
class W(V):
    def __gt__(self, o):
        print("W.__gt__")
        return True
a, b = V(1), V(2)
print(a < b)
print(a > b)
print(a == V(1), a != V(1))
w = W(5)
print(a < w)
try:
    print(a >= 3)
except TypeError as e:
    print("TypeError:", e)
try:
    print(a < 3)
except TypeError as e:
    print("TypeError:", e)
print(a == 3, 3 == a)
class Never:
    def __eq__(self, o):
        return NotImplemented
n = Never()
print(n == n, n != n, n == Never())
