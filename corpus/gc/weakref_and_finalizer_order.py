# Weakrefs to cyclic trash are cleared before __del__ methods run.
import gc
import weakref
gc.disable()
gc.collect()
class Fin:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__", self.name, "weakref alive:", refs[self.name]() is not None)
refs = {}
a, b = Fin("a"), Fin("b")
a.o, b.o = b, a
refs["a"] = weakref.ref(a, lambda r: print("callback a"))
refs["b"] = weakref.ref(b, lambda r: print("callback b"))
del a, b
print("found:", gc.collect())
gc.enable()
