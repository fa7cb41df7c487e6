# gc.is_finalized reports whether __del__ has been run on an object.
import gc
gc.disable()
gc.collect()
survivors = []
class F:
    def __del__(self):
        survivors.append(self)
class Plain:
    pass
f = F()
print(gc.is_finalized(f), gc.is_finalized(Plain()))
f.me = f
del f
gc.collect()
print(len(survivors), gc.is_finalized(survivors[0]))
survivors.clear()
print(gc.collect())
gc.enable()
