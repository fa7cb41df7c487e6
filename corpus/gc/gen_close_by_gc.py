# Suspended generators in cycles are closed by the collector: their finally blocks run
# (the cycle is then freed during the finalizer phase and not counted).
import gc
gc.disable()
gc.collect()
class Holder:
    pass
def worker(h):
    try:
        yield "started"
        yield "more"
    finally:
        print("worker finally, holder still has gen:", hasattr(h, "gen"))
h = Holder()
h.gen = worker(h)
print(next(h.gen))
del h
print("found:", gc.collect())
gc.enable()
