# A finalizer that allocates new cyclic garbage during collection.
import gc
gc.disable()
gc.collect()
class Maker:
    def __init__(self, name):
        self.name = name
        self.me = self
    def __del__(self):
        print("finalizing", self.name)
        if self.name == "first":
            Maker("second")
m = Maker("first")
del m
print("collect 1:", gc.collect())
print("collect 2:", gc.collect())
print("collect 3:", gc.collect())
gc.enable()
