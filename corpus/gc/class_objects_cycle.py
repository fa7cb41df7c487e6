# Classes are always part of reference cycles (their MRO refers back to them).
import gc
gc.disable()
gc.collect()
class Simple:
    pass
del Simple
print("empty class:", gc.collect())
class WithMethods:
    x = 1
    def m(self):
        return self
    @property
    def p(self):
        return 1
del WithMethods
print("class with methods and property:", gc.collect())
class Base:
    pass
class Derived(Base):
    pass
del Base, Derived
print("base and subclass:", gc.collect())
def factory(n):
    return type("Dyn%d" % n, (), {"n": n})
classes = [factory(i) for i in range(5)]
del classes
print("five dynamic classes:", gc.collect())
gc.enable()
