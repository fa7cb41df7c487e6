# References to classes: instances, subclasses, isinstance checks and type() calls.
import sys
class Base:
    pass
base = sys.getrefcount(Base)
class Sub(Base):
    pass
print("subclass references base (bases and mro):", sys.getrefcount(Base) - base)
objs = [Base() for _ in range(3)]
print("three instances:", sys.getrefcount(Base) - base)
isinstance(objs[0], Base)
type(objs[0])
print("isinstance/type temporaries released:", sys.getrefcount(Base) - base)
t = type(objs[0])
print("type() bound:", sys.getrefcount(Base) - base)
del t, objs
print("instances gone:", sys.getrefcount(Base) - base)
