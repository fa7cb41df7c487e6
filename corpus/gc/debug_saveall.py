# With DEBUG_SAVEALL, unreachable objects go to gc.garbage instead of being freed.
import gc
gc.disable()
gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
l = []
l.append(l)
d = {}
d["d"] = d
del l, d
print("found:", gc.collect())
print("garbage:", len(gc.garbage), sorted(type(o).__name__ for o in gc.garbage))
gc.set_debug(0)
print("debug flags:", gc.get_debug())
for o in gc.garbage:
    o.clear()
gc.garbage.clear()
print("after clearing:", gc.collect(), len(gc.garbage))
gc.enable()
