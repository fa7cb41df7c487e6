# WeakValueDictionary and WeakKeyDictionary entries disappear when referents die.
import gc
import weakref
gc.disable()
gc.collect()
class Obj:
    def __init__(self, n):
        self.n = n
wv = weakref.WeakValueDictionary()
objs = [Obj(i) for i in range(5)]
for o in objs:
    wv[o.n] = o
del o
print(sorted(wv.keys()))
del objs[1:3]
print(sorted(wv.keys()))
wk = weakref.WeakKeyDictionary()
k1, k2 = Obj("k1"), Obj("k2")
wk[k1] = "one"
wk[k2] = "two"
del k1
print(sorted(v for v in wk.values()))
c = Obj("cyclic")
c.me = c
wv["c"] = c
del c
print("before collect:", "c" in wv)
gc.collect()
print("after collect:", "c" in wv)
ws = weakref.WeakSet(objs)
print(len(ws))
objs.clear()
print(len(ws))
gc.enable()
