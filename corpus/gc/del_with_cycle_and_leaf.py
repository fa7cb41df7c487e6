# When a cycle is collected, objects only it referenced are freed by refcounting.
import gc
gc.disable()
gc.collect()
class Fin:
    def __init__(self, name, ref=None):
        self.name = name
        self.ref = ref
    def __del__(self):
        print("del", self.name)
leaf = Fin("leaf")
a = Fin("a", leaf)
b = Fin("b", a)
a.back = b
del leaf
print("leaf kept alive by the cycle")
del a, b
print("found:", gc.collect())
gc.enable()
