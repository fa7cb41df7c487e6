# An object resurrected by __del__ survives; __del__ is not called a second time.
import gc
gc.disable()
gc.collect()
saved = []
class Phoenix:
    def __init__(self, name):
        self.name = name
        self.me = self
    def __del__(self):
        print("__del__", self.name)
        saved.append(self)
p = Phoenix("p")
del p
print("collect 1:", gc.collect())
print("resurrected:", [s.name for s in saved], gc.is_finalized(saved[0]))
saved.clear()
print("collect 2:", gc.collect())
print("saved:", saved)
class Once:
    def __del__(self):
        print("Once.__del__")
        global keep
        keep = self
o = Once()
del o
print("refcount-resurrected:", type(keep).__name__)
del keep
print("deleted again, no second __del__")
gc.enable()
