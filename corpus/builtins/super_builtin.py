# super(): attribute lookup skipping, properties through super, errors.
class A:
    x = "A.x"
    @property
    def p(self):
        return "A.p"
    def m(self):
        return "A.m"
class B(A):
    x = "B.x"
    @property
    def p(self):
        return "B.p+" + super().p
    def m(self):
        return "B.m+" + super().m()
b = B()
print(super(B, b).x, b.x, b.p, b.m())
try:
    super(B, b).nonexistent
except AttributeError as e:
    print("AttributeError:", e)
try:
    super(A, b).m()
except AttributeError as e:
    print("AttributeError:", e)
try:
    super().m()
except RuntimeError as e:
    print("RuntimeError:", e)
def f():
    return super()
try:
    f()
except RuntimeError as e:
    print("RuntimeError:", e)
print(isinstance(super(B, b), super), type(super(B, b)).__name__)
