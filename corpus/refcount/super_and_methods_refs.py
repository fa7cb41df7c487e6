# Temporary super objects and bound methods created during calls are released.
import sys
class A:
    def m(self):
        return 1
class B(A):
    def m(self):
        return super().m() + 1
b = B()
base = sys.getrefcount(b)
for _ in range(10):
    b.m()
print("after 10 calls through super():", sys.getrefcount(b) - base)
s = super(B, b)
print("super object holds the instance:", sys.getrefcount(b) - base)
del s
getattr(b, "m")()
print("getattr call:", sys.getrefcount(b) - base)
sm = staticmethod(len)
sb = sys.getrefcount(len)
sm2 = staticmethod(len)
print("staticmethod wraps its function:", sys.getrefcount(len) - sb)
