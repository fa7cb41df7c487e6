# gc basics: enable/disable/isenabled, thresholds, is_tracked.
import gc
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
print(gc.get_threshold())
old = gc.get_threshold()
gc.set_threshold(500, 5, 5)
print(gc.get_threshold())
gc.set_threshold(*old)
print(gc.get_threshold() == old)
class K:
    pass
print(gc.is_tracked(0), gc.is_tracked("s"), gc.is_tracked([]), gc.is_tracked({}), gc.is_tracked(K()), gc.is_tracked(K))
print(gc.is_tracked((1, 2)), gc.is_tracked(([],)), gc.is_tracked({"a": 1}), gc.is_tracked({"a": []}))
print(type(gc.collect()).__name__, type(gc.get_count()).__name__, len(gc.get_count()))
print(len(gc.garbage), gc.callbacks == [] or "callbacks present")
