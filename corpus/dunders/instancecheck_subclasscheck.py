# __instancecheck__ and __subclasscheck__ on a metaclass; isinstance with tuples.
class DuckMeta(type):
    def __instancecheck__(cls, obj):
        print("__instancecheck__", type(obj).__name__)
        return hasattr(obj, "quack")
    def __subclasscheck__(cls, sub):
        print("__subclasscheck__", sub.__name__)
        return hasattr(sub, "quack")
class Duck(metaclass=DuckMeta):
    pass
class Mallard:
    def quack(self):
        return "quack"
class Dog:
    pass
print(isinstance(Mallard(), Duck), isinstance(Dog(), Duck), issubclass(Mallard, Duck), issubclass(Dog, Duck))
print(isinstance(Duck(), Duck))
print(isinstance(5, (str, (bytes, int))), issubclass(bool, (str, int)), isinstance(5, ()))
try:
    isinstance(5, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(5, int)
except TypeError as e:
    print("TypeError:", e)
