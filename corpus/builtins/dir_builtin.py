# dir(): sorted attribute names of instances, classes, modules and the local scope.
class Base:
    base_attr = 1
    def base_method(self):
        pass
class Child(Base):
    child_attr = 2
    def __init__(self):
        self.inst = 3
c = Child()
print([n for n in dir(c) if not n.startswith("__")])
print([n for n in dir(Child) if not n.startswith("__")])
print(dir(c) == sorted(dir(c)), "__init__" in dir(c), "__class__" in dir(c))
def f(a, b=2):
    z = 1
    return dir()
print(f(1))
print([n for n in dir([]) if not n.startswith("_")])
print([n for n in dir({}) if not n.startswith("_")])
print([n for n in dir("") if not n.startswith("_")][:12])
import math
print([n for n in dir(math) if n.startswith("is")])
print(sorted(set(dir(1)) & {"real", "imag", "bit_length", "__add__", "to_bytes"}))
