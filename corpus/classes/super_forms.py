# super() zero-arg and two-arg forms, in classmethods and staticmethod contexts.
class A:
    def f(self):
        return "A.f"
    @classmethod
    def c(cls):
        return "A.c(%s)" % cls.__name__
class B(A):
    def f(self):
        return "B.f>" + super().f()
    @classmethod
    def c(cls):
        return "B.c>" + super().c()
class C(B):
    def f(self):
        return "C.f>" + super(B, self).f()
    def g(self):
        return super(C, self).f()
c = C()
print(c.f(), c.g(), C.c(), B.c())
print(super(C, c).f(), super(B, C).c())
s = super(B, c)
print(type(s).__name__, s.__thisclass__.__name__, s.__self_class__.__name__)
def outside(self):
    return super(C, self).f()
print(outside(c))
class D(A):
    def f(self):
        def inner():
            return super(D, self).f()
        return "D.f>" + inner()
print(D().f())
try:
    super(B, 5)
except TypeError as e:
    print("TypeError:", e)
