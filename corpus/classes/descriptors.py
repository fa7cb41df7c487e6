# Data and non-data descriptors, precedence over instance dict, __set_name__.
class Typed:
    def __set_name__(self, owner, name):
        self.name = "_" + name
        print("set_name", owner.__name__, name)
    def __get__(self, obj, owner):
        if obj is None:
            return self
        return getattr(obj, self.name)
    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError("%s must be int, got %s" % (self.name[1:], type(value).__name__))
        setattr(obj, self.name, value)
class NonData:
    def __get__(self, obj, owner):
        return "from descriptor"
class P:
    x = Typed()
    y = Typed()
    nd = NonData()
    def __init__(self, x, y):
        self.x, self.y = x, y
p = P(1, 2)
print(p.x, p.y, p.__dict__)
try:
    p.x = "no"
except TypeError as e:
    print("TypeError:", e)
print(p.nd)
p.__dict__["nd"] = "instance wins"
print(p.nd)
p.__dict__["x"] = "ignored"
print(p.x, type(P.x).__name__)
class Counter:
    def __init__(self):
        self.reads = 0
    def __get__(self, obj, owner=None):
        self.reads += 1
        return self.reads
class H:
    c = Counter()
h = H()
print(h.c, h.c, H.c, H.__dict__["c"].reads)
