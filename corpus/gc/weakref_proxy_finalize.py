# weakref.proxy forwards attribute access; weakref.finalize runs once when the referent dies.
import gc
import weakref
class Res:
    def __init__(self, name):
        self.name = name
    def hello(self):
        return "hello from " + self.name
r = Res("r1")
p = weakref.proxy(r)
print(p.name, p.hello())
p.extra = 5
print(r.extra, weakref.getweakrefcount(r))
f = weakref.finalize(r, print, "finalized", "r1")
print("alive:", f.alive)
del r
print("alive after del:", f.alive)
try:
    p.name
except ReferenceError as e:
    print("ReferenceError:", e)
print("second call:", f())
s = Res("s")
s.me = s
fs = weakref.finalize(s, lambda: print("cyclic finalized"))
del s
print("before collect:", fs.alive)
gc.collect()
print("after collect:", fs.alive)
