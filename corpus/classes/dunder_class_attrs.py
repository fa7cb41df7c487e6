# Special class attributes: __name__, __qualname__, __module__, __dict__, __doc__, __bases__.
class Outer:
    """Outer doc"""
    class Inner:
        def method(self):
            pass
print(Outer.__name__, Outer.__qualname__, Outer.Inner.__qualname__, Outer.Inner.method.__qualname__)
print(Outer.__module__, Outer.__doc__, Outer.Inner.__doc__, Outer.__bases__)
print(type(Outer.__dict__).__name__, "Inner" in Outer.__dict__, "__weakref__" in Outer.__dict__)
o = Outer()
print(o.__class__ is Outer, o.__class__.__class__ is type, o.__module__)
Outer.__name__ = "Renamed"
print(Outer.__name__, Outer.__qualname__)
def f():
    class Local:
        pass
    return Local
print(f().__qualname__)
class Sub(Outer.Inner, object):
    pass
print(Sub.__bases__[0].__qualname__, Sub.__subclasses__(), Outer.Inner.__subclasses__()[0].__name__)
try:
    Outer.__dict__["x"] = 1
except TypeError as e:
    print("TypeError:", e)
