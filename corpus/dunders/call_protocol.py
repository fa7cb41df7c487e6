# __call__ makes instances callable; callable() reports it.
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *rest, scale=1):
        return (self.n + x + sum(rest)) * scale
add5 = Adder(5)
print(add5(1), add5(1, 2, 3), add5(1, scale=10), callable(add5), callable(Adder), callable(5))
print(list(map(add5, range(3))))
class Chain:
    def __init__(self, path=""):
        self.path = path
    def __getattr__(self, name):
        return Chain(self.path + "/" + name)
    def __call__(self, *args):
        return "%s%r" % (self.path, args)
print(Chain().api.users.get(42))
class NotCallable:
    pass
try:
    NotCallable()()
except TypeError as e:
    print("TypeError:", e)
o = NotCallable()
o.__call__ = lambda: "instance attribute is ignored"
try:
    o()
except TypeError as e:
    print("TypeError:", e)
NotCallable.__call__ = lambda self: "class attribute works"
print(o())
