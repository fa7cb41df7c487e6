# object(): the base of everything; bare instances have no __dict__.
o = object()
print(type(o).__name__, object.__bases__, object.__mro__, isinstance(5, object), isinstance(type, object))
try:
    o.x = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    object(1)
except TypeError as e:
    print("TypeError:", e)
print(o == o, o != object(), o.__eq__(5), o.__ne__(o), o.__hash__() == hash(o), bool(o))
print(object.__init__ is object.__dict__["__init__"], sorted(object.__dict__)[:5])
print(object.__str__(5), object.__format__(5, ""), object.__str__("s"))
class Sub(object):
    pass
print(Sub.__bases__, Sub.__mro__[-1] is object, issubclass(Sub, object))
