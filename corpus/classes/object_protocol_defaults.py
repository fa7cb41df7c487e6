# Defaults inherited from object: __eq__ by identity, __hash__, __str__ via __repr__, __ne__.
class Plain:
    pass
a, b = Plain(), Plain()
print(a == a, a == b, a != b, a != a, hash(a) == hash(a))
class R:
    def __repr__(self):
        return "R!"
print(str(R()), repr(R()), "%s" % R(), f"{R()}", [R()])
class E:
    def __eq__(self, o):
        return True
print(E() != E(), E.__hash__ is None)
print(object.__eq__(a, a), object.__eq__(a, b), object.__ne__(a, b))
print(Plain.__init__ is object.__init__, Plain.__str__ is object.__str__)
print(sorted(n for n in dir(object) if n in ("__eq__", "__hash__", "__repr__", "__init__", "__class__")))
print(object().__class__.__name__, type(object.__dict__).__name__)
try:
    object().x = 1
except AttributeError as e:
    print("AttributeError:", e)
