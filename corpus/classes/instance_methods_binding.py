# Bound methods: equality, __self__, __func__, storing and calling later.
class C:
    def __init__(self, n):
        self.n = n
    def m(self, k):
        return self.n * k
a, b = C(2), C(3)
ma = a.m
print(ma(5), ma.__self__ is a, ma.__func__ is C.m, ma == a.m, ma == b.m, ma is a.m)
calls = [a.m, b.m, C(10).m]
print([f(2) for f in calls])
print(C.m(a, 7), type(ma).__name__, type(C.m).__name__)
a.m = lambda k: "instance attr shadows method"
print(a.m(1), C.m(a, 1))
del a.m
print(a.m(1))
def extra(self):
    return "extra " + str(self.n)
C.extra = extra
print(b.extra())
import sys
print(sys.getrefcount(a) - sys.getrefcount(a), hash(ma) == hash(a.m))
