# Class-level containers are shared; instance assignment shadows without copying.
import sys
class Obj:
    pass
o = Obj()
base = sys.getrefcount(o)
class Config:
    default = o
    registry = [o]
print("class dict and list:", sys.getrefcount(o) - base)
c1, c2 = Config(), Config()
print("instances don't copy class attributes:", sys.getrefcount(o) - base)
c1.default = o
print("instance shadows:", sys.getrefcount(o) - base)
Config.registry.append(c1.default)
print("appended via instance lookup:", sys.getrefcount(o) - base)
del Config.default
Config.registry.clear()
del c1.default
print("released:", sys.getrefcount(o) - base)
