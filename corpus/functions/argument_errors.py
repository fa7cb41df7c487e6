# TypeError messages for bad calls.
def f(a, b, c=3):
    pass
def g(*, k):
    pass
def h():
    pass
class C:
    def m(self, x):
        pass
calls = [
    lambda: f(),
    lambda: f(1),
    lambda: f(1, 2, 3, 4),
    lambda: f(1, 2, d=4),
    lambda: f(1, 2, a=1),
    lambda: g(1),
    lambda: g(),
    lambda: g(k=1, j=2),
    lambda: h(1),
    lambda: h(x=1),
    lambda: C().m(),
    lambda: C().m(1, 2),
    lambda: C.m(1),
    lambda: f(*1),
    lambda: f(**[1]),
    lambda: (lambda x, /: x)(x=1),
    lambda: int("5")(),
    lambda: str("s")(),
]
for c in calls:
    try:
        c()
    except TypeError as e:
        print("TypeError:", str(e).replace("<lambda>", "LAMBDA"))
