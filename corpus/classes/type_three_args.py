# Creating classes dynamically with type(name, bases, namespace).
def init(self, v):
    self.v = v
Base = type("Base", (), {"__init__": init, "kind": "base", "double": lambda self: self.v * 2})
Derived = type("Derived", (Base,), {"kind": "derived", "__repr__": lambda self: "Derived(%r)" % self.v})
d = Derived(21)
print(d, d.double(), d.kind, Base.kind, Derived.__bases__, Derived.__mro__)
print(type(d).__name__, Derived.__qualname__, Derived.__dict__["kind"])
E = type("E", (), {})
print(E.__name__, E.__bases__, type(E) is type, E().__class__ is E)
print(type(5), type("s"), type(type), type(object))
try:
    type("X", (5,), {})
except TypeError as e:
    print("TypeError:", e)
try:
    type("X")
except TypeError as e:
    print("TypeError:", e)
Num = type("Num", (int,), {"__str__": lambda self: "Num<%d>" % int(self)})
print(Num(7) + 1, str(Num(7)), Num.__mro__)
