# A generator whose frame references the generator itself. Finalizing the suspended generator
# (closing it) breaks the cycle, so it is freed by refcounting during the finalizer phase and
# CPython does not count it in gc.collect()'s result.
import gc
gc.disable()
gc.collect()
def gen():
    box = yield "started"
    yield box
g = gen()
next(g)
g.send([g])
import weakref
r = weakref.ref(g)
del g
print("generator holding itself:", gc.collect(), "freed:", r() is None)
def with_finally():
    me = yield
    try:
        yield me
    finally:
        print("finally runs when the collector closes the generator")
g2 = with_finally()
next(g2)
g2.send(g2)
del g2
print("collected:", gc.collect())
gc.enable()
