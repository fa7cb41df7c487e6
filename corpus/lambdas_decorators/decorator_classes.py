# Classes as decorators via __call__, and decorators applied to methods.
class CountCalls:
    def __init__(self, f):
        self.f = f
        self.n = 0
    def __call__(self, *a, **k):
        self.n += 1
        return self.f(*a, **k)
@CountCalls
def hello(name):
    return "hello " + name
print(hello("a"), hello("b"), hello.n, type(hello).__name__)
class Method:
    def __init__(self, f):
        self.f = f
    def __get__(self, obj, owner):
        if obj is None:
            return self
        return lambda *a: "bound:" + str(self.f(obj, *a))
class K:
    @Method
    def m(self, x):
        return x * 2
print(K().m(21), type(K.m).__name__)
class NoGet:
    def __init__(self, f):
        self.f = f
    def __call__(self, *a):
        return self.f(*a)
class J:
    @NoGet
    def m(self, x):
        return x
try:
    J().m(1)
except TypeError as e:
    print("TypeError:", e)
print(J.m("explicit self", 5))
