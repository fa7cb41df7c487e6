# In-place operators: __iadd__ first, then __add__, then reflected.
class A:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        print("A.__add__")
        return A(self.v + (o.v if isinstance(o, A) else o))
    def __repr__(self):
        return "A(%r)" % self.v
class B(A):
    def __iadd__(self, o):
        print("B.__iadd__")
        self.v += o
        return self
class C:
    def __radd__(self, o):
        print("C.__radd__")
        return "from C"
class NoInplace:
    def __iadd__(self, o):
        return NotImplemented
    def __add__(self, o):
        return "NoInplace.__add__"
a = A(1)
a0 = a
a += 2
print(a, a is a0)
b = B(1)
b0 = b
b += 2
print(b, b is b0)
a += C()
print(a)
n = NoInplace()
n += 1
print(n)
lst = [1]
t = (lst,)
try:
    t[0] += [2]
except TypeError as e:
    print("TypeError:", e)
print(t)
