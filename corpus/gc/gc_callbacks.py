# gc.callbacks are called at the start and stop of each collection.
import gc
gc.disable()
gc.collect()
events = []
def cb(phase, info):
    events.append((phase, info["generation"], info["collected"], info["uncollectable"]))
gc.callbacks.append(cb)
l = []
l.append(l)
del l
gc.collect()
gc.collect(1)
gc.callbacks.remove(cb)
gc.collect()
for e in events:
    print(e)
print(sorted(["generation", "collected", "uncollectable"]))
gc.enable()
